"""``@record``: a frozen dataclass whose methods are shared functions, or made when first
needed, not code generated for each class at import.

Python 3.11 builds each generated method of a dataclass with ``exec`` when its module is
imported: about 0.7 ms for a frozen class (``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__``, ``__delattr__``). The read path of ``summary`` imports 60
records and the app more, so that was about 33 ms of every start (bench/RESULTS.md), for
classes most of which a run never makes. Here ``__eq__``, ``__hash__``, ``__repr__`` and the
freezing are shared functions, and ``__init__`` is made the first time the class is called:
from code compiled with the package (``record_inits``, written by ``tools/record_inits.py``)
for the package's classes, else compiled then.

A record is still a dataclass (``fields``, ``replace``, ``asdict``; ``__dataclass_params__``
says frozen, so frozen dataclasses may build on it) and behaves as ``@dataclass(frozen=True)``:
the same ``__init__`` signature and errors, the same refusals at the class, equal to an object
of the same class with equal compared fields, hashed on those fields, shown as
``Name(field=value, …)``, and assigning or deleting a field raises ``FrozenInstanceError``.
One difference: until the class is first called, ``inspect.signature`` of it shows the
stand-in's ``(*args, **kwargs)``.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from types import CodeType, FunctionType
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")

# every class made a record, in the order made (tools/record_inits.py compiles their inits)
MADE: list[type] = []


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


def _frozen(self: Any, name: str) -> bool:
    # as dataclass's own: a field, or anything on the record class itself, is frozen; a plain
    # subclass may still keep attributes of its own
    return "__record_compared__" in type(self).__dict__ or name in self.__dataclass_fields__


def _setattr(self: Any, name: str, value: Any) -> None:
    if _frozen(self, name):
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


def _delattr(self: Any, name: str) -> None:
    if _frozen(self, name):
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
    object.__delattr__(self, name)


# an argument left out whose field has a default_factory: dataclass's own marker, so that the
# signature shows ``<factory>`` as dataclass's does
_NO_VALUE: Any = dataclasses._HAS_DEFAULT_FACTORY  # type: ignore[attr-defined]


def init_source(fields: tuple[dataclasses.Field[Any], ...]
                ) -> tuple[str, dict[str, Any], tuple[Any, ...]]:
    """``__init__`` as dataclass writes it for a frozen class, as source: the fields in order
    as parameters, a ``default_factory`` called when its argument is left out; with the names
    it reads and the defaults to give it (the source holds placeholders, so that the same
    source serves every class with these fields)."""
    names: dict[str, Any] = {"__no_value": _NO_VALUE}
    # the fields go straight into the instance's __dict__, as object.__setattr__ would put
    # them (no field is a descriptor: _refuse_unwritten), at a third of its cost: reading a
    # bureau makes thousands of answers
    parameters, body = ["__record_self"], ["    __values = __record_self.__dict__"]
    defaults: list[Any] = []
    for index, field in enumerate(fields):
        value = field.name
        if field.default is not dataclasses.MISSING:
            defaults.append(field.default)
            parameters.append(f"{field.name}=None")
        elif field.default_factory is not dataclasses.MISSING:
            names[f"__factory_{index}"] = field.default_factory
            defaults.append(_NO_VALUE)
            parameters.append(f"{field.name}=None")
            value = f"__factory_{index}() if {field.name} is __no_value else {field.name}"
        else:
            parameters.append(field.name)
        body.append(f"    __values[{field.name!r}] = {value}")
    source = f"def __init__({', '.join(parameters)}):\n" + "\n".join(body) + "\n"
    return source, names, tuple(defaults)


def _compiled(source: str) -> CodeType:
    """The code of an ``__init__`` source: the package's own are compiled with it, in
    ``record_inits`` (tools/record_inits.py), 0.1 ms saved for each class a run makes."""
    from selfassess.record_inits import INITS  # generated; a test holds it to the classes

    compiled = INITS.get(source)
    if compiled is None:  # a class the tool has not seen (tests, a new record)
        names: dict[str, Any] = {}
        exec(source, names)  # the source is built from field names only
        compiled = names["__init__"]
    code: CodeType = compiled.__code__
    return code


def _make_init(fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """``__init__`` for these fields: the code for their source, with this class's factories
    and defaults."""
    source, names, defaults = init_source(fields)
    made = FunctionType(_compiled(source), names, "__init__", defaults or None)
    made.__annotations__ = {**{field.name: field.type for field in fields}, "return": None}
    return made


def _lazy_init(cls: type) -> Callable[..., None]:
    """A stand-in ``__init__`` that puts the real one in its place at the class's first call."""
    def __init__(*args: Any, **kwargs: Any) -> None:  # no name of its own: a field may be self
        made = _make_init(dataclasses.fields(cls))
        made.__qualname__ = f"{cls.__qualname__}.__init__"
        cls.__init__ = made  # type: ignore[misc]
        made(*args, **kwargs)
    return __init__


def _refuse_unwritten(cls: type) -> None:
    """_make_init writes fields given in order; anything else is refused at import, loudly."""
    if "__post_init__" in dir(cls) or "__slots__" in cls.__dict__:
        raise TypeError(f"@record {cls.__name__}: __post_init__ and __slots__ are not "
                        "supported, use dataclass")
    with_default = None
    for field in cls.__dataclass_fields__.values():  # type: ignore[attr-defined]
        initvar = field._field_type is dataclasses._FIELD_INITVAR  # type: ignore[attr-defined]
        if initvar or (field._field_type is dataclasses._FIELD  # type: ignore[attr-defined]
                       and (not field.init or field.kw_only)):
            raise TypeError(f"@record {cls.__name__}.{field.name}: InitVar, init=False and "
                            "kw_only are not supported, use dataclass")
        if hasattr(getattr(cls, field.name, None), "__set__"):  # a property over a field
            raise TypeError(f"@record {cls.__name__}.{field.name}: a field may not be a "
                            "descriptor, use dataclass")
        if field._field_type is dataclasses._FIELD:  # type: ignore[attr-defined]
            defaulted = (field.default is not dataclasses.MISSING
                         or field.default_factory is not dataclasses.MISSING)
            if defaulted:
                with_default = field.name
            elif with_default is not None:  # dataclass's own words, at the class
                raise TypeError(f"non-default argument {field.name!r} follows default argument")


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """``@dataclass(frozen=True)`` with its methods shared or made when needed (see above)."""
    if not cls.__dict__.get("__doc__"):
        cls.__doc__ = cls.__name__  # dataclass would work out its signature with inspect
    for name in ("__setattr__", "__delattr__"):  # as dataclass(frozen=True) refuses them
        if name in cls.__dict__:
            raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
    # no method generated here: init, repr, eq and the freezing come below (on a frozen base,
    # a record built on another, dataclass must be told frozen, and makes the freezing itself)
    on_frozen = any(getattr(getattr(base, "__dataclass_params__", None), "frozen", False)
                    for base in cls.__mro__[1:])
    made = dataclasses.dataclass(init=False, repr=False, eq=False, frozen=on_frozen)(cls)
    _refuse_unwritten(made)
    # what it is, for dataclass and for subclasses: a frozen dataclass with __init__, repr, eq
    params = made.__dataclass_params__  # type: ignore[attr-defined]
    params.init = params.repr = params.eq = params.frozen = True
    fields = dataclasses.fields(made)  # type: ignore[arg-type]  # made is a dataclass now
    shared = {
        "__record_compared__": staticmethod(_getter([f.name for f in fields if f.compare])),
        "__record_hashed__": staticmethod(_getter(
            [f.name for f in fields if (f.compare if f.hash is None else f.hash)])),
        "__record_shown__": tuple(f.name for f in fields if f.repr),
        "__eq__": _eq, "__hash__": _hash, "__repr__": _repr,
        "__setattr__": _setattr, "__delattr__": _delattr, "__init__": _lazy_init(made),
    }
    for name, value in shared.items():
        # a method written in the class stays, as with dataclass (an __eq__ written there
        # leaves __hash__ None in the class, which dataclass replaces too)
        if name.startswith("__record") or cls.__dict__.get(name) is None:
            setattr(made, name, value)
    MADE.append(made)
    return made
