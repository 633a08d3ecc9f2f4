"""``@record``: a frozen dataclass whose ``__eq__``, ``__hash__`` and ``__repr__`` are shared
functions, not code generated for each class.

Python 3.11 builds each generated method of a dataclass with ``exec`` when its module is
imported: about 0.7 ms for a frozen class, 0.3 of them for these three. The read path of
``summary`` imports 60 records and the app more, so that was about 18 ms of every start
(bench/RESULTS.md). A record is still a dataclass (``fields``, ``replace``, ``asdict``)
and behaves as ``@dataclass(frozen=True)``: equal to an object of the same class with equal
compared fields, hashed on those fields, shown as ``Name(field=value, …)``.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of ``names`` of an object as a tuple (attrgetter gives a bare value for one
    name, and needs at least one)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        (name,) = names
        return lambda value: (getattr(value, name),)
    return lambda _value: ()


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented  # type: ignore[no-any-return]  # as dataclass's own __eq__
    compared: Callable[[Any], tuple[Any, ...]] = self.__record_compared__
    return compared(self) == compared(other)


def _hash(self: Any) -> int:
    return hash(self.__record_hashed__(self))


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_shown__)
    return f"{self.__class__.__qualname__}({shown})"


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """``@dataclass(frozen=True)`` with the comparison, hash and text shared (see above)."""
    made = dataclasses.dataclass(frozen=True, repr=False, eq=False)(cls)
    fields = dataclasses.fields(made)  # type: ignore[arg-type]  # made is a dataclass now
    shared = {
        "__record_compared__": staticmethod(_getter([f.name for f in fields if f.compare])),
        "__record_hashed__": staticmethod(_getter(
            [f.name for f in fields if (f.compare if f.hash is None else f.hash)])),
        "__record_shown__": tuple(f.name for f in fields if f.repr),
        "__eq__": _eq, "__hash__": _hash, "__repr__": _repr,
    }
    for name, value in shared.items():
        # a method written in the class stays, as with dataclass (an __eq__ written there
        # leaves __hash__ None in the class, which dataclass replaces too)
        if cls.__dict__.get(name) is None:
            setattr(made, name, value)
    return made
