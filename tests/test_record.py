"""``@record`` behaves as ``@dataclass(frozen=True)``: the same equality, hash and text."""

from __future__ import annotations

import dataclasses

import pytest

from selfassess.record import record


@record
class Point:
    x: int
    y: int = 0
    note: str = dataclasses.field(default="", compare=False)


@dataclasses.dataclass(frozen=True)
class SamePoint:
    x: int
    y: int = 0
    note: str = dataclasses.field(default="", compare=False)


@record
class One:
    value: tuple[int, ...]


@record
class Nothing:
    pass


@record
class Shown:
    name: str

    def __repr__(self) -> str:
        return f"<{self.name}>"


@record
class Outer:
    inner: list[object]


def test_equality_and_hash_as_a_frozen_dataclass() -> None:
    assert Point(1, 2) == Point(1, 2, note="other")  # a field not compared
    assert Point(1, 2) != Point(1, 3) and Point(1, 2) != Point(2, 2)
    assert Point(1, 2) != SamePoint(1, 2)  # type: ignore[comparison-overlap]  # another class
    assert Point(1, 2).__eq__((1, 2)) is NotImplemented
    assert hash(Point(1, 2)) == hash(Point(1, 2, note="x")) == hash(SamePoint(1, 2))
    assert {Point(1, 2), Point(1, 2, "y"), Point(3)} == {Point(1, 2), Point(3)}
    assert One((1,)) == One((1,)) and One((1,)) != One((2,)) and hash(One((1,))) == hash(One((1,)))
    assert Nothing() == Nothing() and hash(Nothing()) == hash(Nothing())
    with pytest.raises(TypeError):
        hash(Outer([1]))  # unhashable fields stay unhashable


def test_text_fields_and_freezing_as_a_frozen_dataclass() -> None:
    assert repr(Point(1, 2, "n")) == repr(SamePoint(1, 2, "n")).replace("SamePoint", "Point")
    assert repr(Point(1)) == "Point(x=1, y=0, note='')"
    assert repr(Shown("a")) == "<a>"  # a method written in the class stays
    looped = Outer([])
    looped.inner.append(looped)
    assert repr(looped) == "Outer(inner=[...])"
    with pytest.raises(dataclasses.FrozenInstanceError):
        Point(1).x = 2  # type: ignore[misc]
    assert dataclasses.replace(Point(1, 2), y=5) == Point(1, 5)
    assert [f.name for f in dataclasses.fields(Point)] == ["x", "y", "note"]
    assert dataclasses.asdict(Point(1, 2, "n")) == {"x": 1, "y": 2, "note": "n"}
