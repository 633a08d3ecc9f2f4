"""The checklist (考核细则) as plain, immutable data.

A ``Checklist`` is built only by ``checklist.loader`` after validation, so code that receives
one may rely on its invariants: unique codes, points that are multiples of their step, items
summing to their section and sections to the full marks, descending grade bands ending at 0.
"""

from __future__ import annotations

from dataclasses import field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Literal

from selfassess.record import record

ScoringMode = Literal["deduct", "count", "binary", "level", "manual"]
SCORING_MODES: tuple[ScoringMode, ...] = ("deduct", "count", "binary", "level", "manual")

NaPolicy = Literal["full", "rescale"]
NA_POLICIES: tuple[NaPolicy, ...] = ("full", "rescale")


@record
class Deduction:
    """One deduction rule of an item (扣分项): points per occurrence or once, optionally capped."""

    code: str
    text: str
    points: Decimal
    per_occurrence: bool = False
    unit: str = ""
    cap: Decimal | None = None


@record
class CountTarget:
    """A count target (计数制): ``target`` per period, ``points_per_shortfall`` lost per missing one."""

    code: str
    text: str
    target: int
    points_per_shortfall: Decimal
    unit: str = "次"


@record
class Level:
    """A named level (等级制) worth a fraction of the item's maximum."""

    name: str
    fraction: Decimal


DEFAULT_LEVELS: tuple[Level, ...] = (
    Level("好", Decimal("1")),
    Level("较好", Decimal("0.75")),
    Level("一般", Decimal("0.5")),
    Level("差", Decimal("0")),
)


@record
class EvidenceRequirement:
    """One kind of document an item asks for (佐证材料要求): at least ``minimum`` files of the
    accepted types (file suffixes, lower case; none listed: any)."""

    name: str
    minimum: int = 1
    types: tuple[str, ...] = ()

    def accepts(self, file_name: str) -> bool:
        suffix = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
        return not self.types or suffix in self.types


def requirements_met(requirements: tuple[EvidenceRequirement, ...], file_names: list[str]
                     ) -> list[tuple[EvidenceRequirement, int]]:
    """Each requirement with how many attached files count for it, each file counting once,
    as many requirements met as the files allow (a matching of files to the places the
    requirements have, whatever order they were attached in)."""
    places = [index for index, requirement in enumerate(requirements)
              for _n in range(requirement.minimum)]
    holder: dict[int, int] = {}  # place → file

    def place_file(file: int, seen: set[int]) -> bool:
        for place, index in enumerate(places):
            if place in seen or not requirements[index].accepts(file_names[file]):
                continue
            seen.add(place)
            if place not in holder or place_file(holder[place], seen):
                holder[place] = file
                return True
        return False

    for file in range(len(file_names)):
        place_file(file, set())
    return [(requirement, sum(1 for place in holder if places[place] == index))
            for index, requirement in enumerate(requirements)]


@record
class Item:
    """One checklist row (考核内容 / 指标) with a stable code such as ``1.2``."""

    code: str
    section_code: str
    title: str
    max_points: Decimal
    step: Decimal
    mode: ScoringMode
    content: str = ""
    criteria: str = ""
    evidence_hint: str = ""
    target: str = ""
    reference: str = ""
    na_allowed: bool = False
    evidence_required: int = 0
    deductions: tuple[Deduction, ...] = ()
    counts: tuple[CountTarget, ...] = ()
    levels: tuple[Level, ...] = ()
    # 佐证材料要求 as a list (beside the text of evidence_hint): what the item page ticks off
    # and sealing checks
    evidence_requirements: tuple[EvidenceRequirement, ...] = ()


@record
class Section:
    """A 考核项目 (一级), e.g. 一、学习贯彻与组织领导 (20分)."""

    code: str
    title: str
    max_points: Decimal
    items: tuple[Item, ...]
    suggested_category: str = ""


@record
class BonusItem:
    """A 加分项: a claim of up to ``max_points``, which needs evidence before sealing."""

    code: str
    title: str
    max_points: Decimal
    rule: str = ""
    evidence_required: int = 1


@record
class VetoItem:
    """A 一票否决 item: if triggered, the grade is the lowest band whatever the score."""

    code: str
    text: str


@record
class GradeBand:
    """A 等次 band; a total reaching ``minimum`` (inclusive) gets ``name``."""

    name: str
    minimum: Decimal


QUOTA_ROUNDINGS = ("down", "half_up", "up")  # how a share of departments becomes a count


@record
class GradeQuota:
    """等次比例: at most ``share`` percent of the departments may have ``grade``."""

    grade: str
    share: Decimal  # percent, 0–100

    def allowed(self, departments: int, rounding: str = "down") -> int:
        """How many of ``departments`` may have the grade (``rounding`` of QUOTA_ROUNDINGS)."""
        exact = self.share * departments / 100
        mode = {"down": ROUND_FLOOR, "half_up": ROUND_HALF_UP, "up": ROUND_CEILING}[rounding]
        return int(exact.to_integral_value(rounding=mode))


@record
class PreviousChecklist:
    """The checklist a new year's checklist follows (``previous:``) and where each of its items
    went: an old code → the new codes that carry it on (one: kept or renamed; several: split;
    none: removed). Old codes not listed go on under the same code, when it still exists."""

    id: str
    version: str
    items: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def targets(self, code: str) -> tuple[str, ...] | None:
        """The new codes of an old item, or None when the map does not list it."""
        return next((new for old, new in self.items if old == code), None)


@record
class Checklist:
    """The whole template a department file is filled against."""

    id: str
    version: str
    title: str
    full_marks: Decimal
    step: Decimal
    na_policy: NaPolicy
    bonus_cap: Decimal
    cap_total: bool
    sections: tuple[Section, ...]
    bonus_items: tuple[BonusItem, ...]
    veto_items: tuple[VetoItem, ...]
    grade_bands: tuple[GradeBand, ...]
    shortcoming_categories: tuple[str, ...]
    description: str = ""
    warnings: tuple[str, ...] = field(default=(), compare=False)
    previous: PreviousChecklist | None = None
    grade_quota: tuple[GradeQuota, ...] = ()  # 等次比例, in the bands' order
    quota_rounding: str = "down"  # of QUOTA_ROUNDINGS

    @cached_property
    def items(self) -> tuple[Item, ...]:
        """Every item, in checklist order."""
        return tuple(item for section in self.sections for item in section.items)

    @cached_property
    def items_by_code(self) -> dict[str, Item]:
        """Items keyed by code."""
        return {item.code: item for item in self.items}

    @cached_property
    def bonus_by_code(self) -> dict[str, BonusItem]:
        """Bonus items keyed by code."""
        return {bonus.code: bonus for bonus in self.bonus_items}

    @cached_property
    def veto_by_code(self) -> dict[str, VetoItem]:
        """Veto items keyed by code."""
        return {veto.code: veto for veto in self.veto_items}

    @cached_property
    def section_by_code(self) -> dict[str, Section]:
        """Sections keyed by code."""
        return {section.code: section for section in self.sections}

    @property
    def lowest_grade(self) -> str:
        """The band a veto forces (the last, lowest one)."""
        return self.grade_bands[-1].name

    @cached_property
    def fingerprint(self) -> str:
        """SHA-256 of the canonical form; any change to any content changes it."""
        from selfassess.checklist.canonical import fingerprint

        return fingerprint(self)
