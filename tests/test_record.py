"""``@record`` behaves as ``@dataclass(frozen=True)``: the same equality, hash and text."""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable

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


@record
class Made:
    label: str
    items: list[int] = dataclasses.field(default_factory=list)
    tags: dict[str, int] = dataclasses.field(default_factory=dict, compare=False)
    self: int = 7  # a field may have any name, as with dataclass


@dataclasses.dataclass(frozen=True)
class SameMade:
    label: str
    items: list[int] = dataclasses.field(default_factory=list)
    tags: dict[str, int] = dataclasses.field(default_factory=dict, compare=False)
    self: int = 7


def test_init_made_at_the_first_call_as_a_frozen_dataclass_writes_it() -> None:
    class Later(Made):  # a subclass made before the record's first call
        pass

    stand_in = Made.__dict__["__init__"]
    made = Made("a")
    assert Made.__dict__["__init__"] is not stand_in  # the real one is in place now
    assert Made.__init__.__qualname__ == "Made.__init__"
    assert (made.label, made.items, made.tags, made.self) == ("a", [], {}, 7)
    assert Made("a").items is not made.items  # each call has its own new list
    assert Made("b", [1], {"t": 1}, 3) == Made(label="b", items=[1], self=3)
    assert repr(Made("b", [1])) == repr(SameMade("b", [1])).replace("SameMade", "Made")
    assert Later("c").label == "c" and isinstance(Later("c"), Made)
    calls: list[Callable[[type], object]] = [
        lambda kind: kind(), lambda kind: kind("a", nothing=1),
        lambda kind: kind("a", [], {}, 1, 2), lambda kind: kind("a", label="b")]
    for call in calls:
        with pytest.raises(TypeError) as ours:
            call(Made)
        with pytest.raises(TypeError) as theirs:
            call(SameMade)
        assert str(ours.value) == str(theirs.value).replace("SameMade", "Made")
    with pytest.raises(dataclasses.FrozenInstanceError):
        del made.label
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.other = 1  # type: ignore[attr-defined]  # the record class itself takes nothing new
    later = Later("d")
    later.other = 1  # type: ignore[attr-defined]  # as with dataclass: a plain subclass may
    assert later.other == 1  # type: ignore[attr-defined]


def test_what_init_cannot_write_is_refused_at_the_class() -> None:
    with pytest.raises(TypeError, match="kw_only"):
        @record
        class KeywordOnly:
            x: int = dataclasses.field(default=0, kw_only=True)
    with pytest.raises(TypeError, match="__post_init__"):
        @record
        class After:
            x: int

            def __post_init__(self) -> None:
                pass


def test_what_dataclass_checks_at_the_class_and_tells_others_holds() -> None:
    @record
    class Keyed:
        self: int
        name: str = ""
        tags: list[str] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True)
    class SameKeyed:
        self: int
        name: str = ""
        tags: list[str] = dataclasses.field(default_factory=list)

    assert Keyed(self=3).self == 3  # a field named self, by keyword, at the first call
    assert str(inspect.signature(Keyed)) == str(inspect.signature(SameKeyed))
    assert repr(Keyed.__dataclass_params__) == repr(  # type: ignore[attr-defined]
        SameKeyed.__dataclass_params__)  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'name'"):
        del Keyed(1).name

    @dataclasses.dataclass(frozen=True)
    class Further(Keyed):  # a frozen dataclass may build on a record, as on a frozen one
        more: int = 0

    assert Further(1, more=2).more == 2
    with pytest.raises(TypeError, match="non-frozen dataclass from a frozen one"):
        @dataclasses.dataclass
        class Thawed(Keyed):  # type: ignore[misc]
            pass
    with pytest.raises(TypeError, match="non-default argument 'late' follows default"):
        @record
        class Misordered:
            early: int = 0
            late: int  # type: ignore[misc]
    with pytest.raises(TypeError, match="Cannot overwrite attribute __setattr__"):
        @record
        class Settable:
            x: int

            def __setattr__(self, name: str, value: object) -> None:
                pass


def test_a_record_builds_on_a_record() -> None:
    @record
    class Base:
        a: int
        b: int = 1

    @record
    class Built(Base):
        c: int = 2

    assert Built(0, c=5) == Built(0, 1, 5)
    assert repr(Built(0)).endswith(".Built(a=0, b=1, c=2)")  # qualified, as dataclass shows
    assert Built(0) != Base(0)  # another class
    with pytest.raises(dataclasses.FrozenInstanceError):
        Built(0).c = 3  # type: ignore[misc]
