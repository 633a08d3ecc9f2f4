"""Build a validated ``Checklist`` from its mapping form (YAML file or embedded JSON snapshot).

Every problem is collected, not only the first, and each names its place: the file and line
when known, and the section, item, bonus or veto code. ``ChecklistError`` carries them all.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

from selfassess.checklist.model import (
    DEFAULT_LEVELS,
    NA_POLICIES,
    QUOTA_ROUNDINGS,
    SCORING_MODES,
    BonusItem,
    Checklist,
    CountTarget,
    Deduction,
    EvidenceRequirement,
    GradeBand,
    GradeQuota,
    Item,
    Level,
    PreviousChecklist,
    Section,
    VetoItem,
)
from selfassess.errors import ChecklistError
from selfassess.i18n import _
from selfassess.inputs import read_input
from selfassess.numbers import decimal_places, decimal_text, is_multiple, parse_decimal
from selfassess.validation import MAX_EVIDENCE_PER_TARGET

CODE_PATTERN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,15}$")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
MAX_TEXT = 5000

DEFAULT_CATEGORIES = ("责任落实", "理论学习", "政治能力", "组织生活", "工作创新", "阵地与网络管理", "其他")

_TOP_KEYS = {
    "id", "version", "title", "description", "full_marks", "step", "na_policy", "bonus_cap",
    "cap_total", "grade_bands", "shortcoming_categories", "sections", "bonus_items", "veto_items",
    "previous", "grade_quota", "grade_quota_rounding",
}
_PREVIOUS_KEYS = {"id", "version", "items"}
_SECTION_KEYS = {"code", "title", "max_points", "suggested_category", "items"}
_ITEM_KEYS = {
    "code", "title", "max_points", "step", "mode", "content", "criteria", "evidence_hint",
    "target", "reference", "na_allowed", "evidence_required", "deductions", "counts", "levels",
    "evidence_requirements",
}
_REQUIREMENT_KEYS = {"name", "min", "types"}
_DEDUCTION_KEYS = {"code", "text", "points", "per_occurrence", "unit", "cap"}
_COUNT_KEYS = {"code", "text", "target", "points_per_shortfall", "unit"}
_LEVEL_KEYS = {"name", "fraction"}
_BONUS_KEYS = {"code", "title", "max_points", "rule", "evidence_required"}
_VETO_KEYS = {"code", "text"}
_BAND_KEYS = {"name", "min"}


class _Reader:
    """Reads typed fields out of mappings, recording located problems instead of raising."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []
        self.warnings: list[str] = []

    def _prefix(self, node: Any, where: str, key: str | None = None) -> str:
        cells = getattr(node, "cells", None)
        if cells is not None:  # read from a workbook: the sheet and cell, e.g. 考核细则!F7
            place = cells.get(key) or cells.get("") or self.source
        else:
            line = getattr(node, "key_lines", {}).get(key) or getattr(node, "line", 0)
            place = f"{self.source}:{line}" if line else self.source
        return f"{place}: {where}: " if where else f"{place}: "

    def error(self, node: Any, where: str, message: str, key: str | None = None) -> None:
        self.problems.append(self._prefix(node, where, key) + message)

    def warn(self, node: Any, where: str, message: str, key: str | None = None) -> None:
        self.warnings.append(self._prefix(node, where, key) + message)

    def keys(self, node: dict[str, Any], allowed: set[str], where: str) -> None:
        for key in node:
            if key not in allowed:
                self.error(node, where, _("unknown field “{key}”").format(key=key), key=key)

    def mapping(self, value: Any, where: str, parent: Any) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.error(parent, where, _("expected a mapping of fields"))
        return None

    def mappings(self, node: dict[str, Any], key: str, where: str, required: bool) -> list[Any]:
        value = node.get(key)
        if value is None:
            if required:
                self.error(node, where, _("missing field “{key}”").format(key=key))
            return []
        if not isinstance(value, list):
            self.error(node, where, _("“{key}” must be a list").format(key=key), key=key)
            return []
        return value

    def text(
        self, node: dict[str, Any], key: str, where: str, required: bool = False,
        max_length: int = MAX_TEXT,
    ) -> str:
        value = node.get(key)
        if value is None or value == "":
            if required:
                self.error(node, where, _("missing field “{key}”").format(key=key))
            return ""
        if not isinstance(value, str):
            self.error(node, where, _("“{key}” must be text").format(key=key), key=key)
            return ""
        if len(value) > max_length:
            self.error(node, where, _("“{key}” is longer than {limit} characters").format(
                key=key, limit=max_length), key=key)
            return ""
        return value.strip()

    def code(self, node: dict[str, Any], where: str, default: str = "") -> str:
        value = node.get("code", default)
        if not isinstance(value, str) or not CODE_PATTERN.match(value):
            self.error(node, where, _("code “{code}” must be 1–16 letters, digits, “.”, “-” or “_”")
                       .format(code=value), key="code")
            return ""
        return value

    def decimal(
        self, node: dict[str, Any], key: str, where: str, default: Decimal | None = None,
        positive: bool = False, optional: bool = False,
    ) -> Decimal | None:
        raw = node.get(key)
        if raw is None:
            if default is None and not optional:
                self.error(node, where, _("missing field “{key}”").format(key=key))
            return default
        value = parse_decimal(raw)
        if value is None:
            self.error(node, where, _("“{key}” must be a number, not “{value}”").format(
                key=key, value=raw), key=key)
            return None
        if value < 0 or (positive and value == 0):
            message = _("“{key}” must be greater than 0") if positive else _(
                "“{key}” must not be negative")
            self.error(node, where, message.format(key=key), key=key)
            return None
        if decimal_places(value) > 2:
            self.error(node, where, _("“{key}” may have at most two decimals").format(key=key), key=key)
            return None
        return value

    def integer(self, node: dict[str, Any], key: str, where: str, default: int | None,
                minimum: int = 0) -> int:
        raw = node.get(key)
        if raw is None:
            if default is None:
                self.error(node, where, _("missing field “{key}”").format(key=key))
                return minimum
            return default
        value = parse_decimal(raw)
        if value is None or value != value.to_integral_value() or value < minimum:
            self.error(node, where, _("“{key}” must be a whole number of at least {minimum}")
                       .format(key=key, minimum=minimum), key=key)
            return minimum
        return int(value)

    def boolean(self, node: dict[str, Any], key: str, where: str, default: bool) -> bool:
        value = node.get(key, default)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(node, where, _("“{key}” must be true or false").format(key=key), key=key)
            return default
        return value

    def on_step(self, node: Any, where: str, key: str, value: Decimal | None, step: Decimal) -> None:
        if value is not None and step > 0 and not is_multiple(value, step):
            self.error(node, where, _("“{key}” {value} is not a multiple of the step {step}").format(
                key=key, value=decimal_text(value), step=decimal_text(step)), key=key)


def _unique(reader: _Reader, things: list[tuple[str, Any, str]], field: str = "code") -> None:
    """Each (value, node it was read from, where) once: a repeat is reported at its own node's
    ``field`` (the YAML line, or the workbook cell)."""
    seen: set[str] = set()
    for value, node, where in things:
        if value and value in seen:
            reader.error(node, where, _("duplicate code “{code}”").format(code=value), key=field)
        seen.add(value)


def _deductions(reader: _Reader, node: dict[str, Any], where: str, item_max: Decimal | None,
                step: Decimal) -> tuple[Deduction, ...]:
    rules = []
    read_from = []
    for index, raw in enumerate(reader.mappings(node, "deductions", where, required=False), 1):
        rule = reader.mapping(raw, where, node)
        if rule is None:
            continue
        reader.keys(rule, _DEDUCTION_KEYS, where)
        code = reader.code(rule, where, default=f"d{index}")
        points = reader.decimal(rule, "points", where, positive=True)
        cap_value = reader.decimal(rule, "cap", where, positive=True, optional=True)
        reader.on_step(rule, where, "points", points, step)
        reader.on_step(rule, where, "cap", cap_value, step)
        if points is not None and item_max is not None and points > item_max:
            reader.error(rule, where, _("deduction {points} is larger than the item's max {max}")
                         .format(points=decimal_text(points), max=decimal_text(item_max)))
        if points is not None and cap_value is not None and cap_value < points:
            reader.error(rule, where, _("cap {cap} is smaller than the deduction {points}").format(
                cap=decimal_text(cap_value), points=decimal_text(points)))
        rules.append(Deduction(
            code=code,
            text=reader.text(rule, "text", where, required=True),
            points=points or Decimal(0),
            per_occurrence=reader.boolean(rule, "per_occurrence", where, False),
            unit=reader.text(rule, "unit", where, max_length=10),
            cap=cap_value,
        ))
        read_from.append(rule)
    _unique(reader, [(r.code, n, where) for r, n in zip(rules, read_from, strict=True)])
    return tuple(rules)


def _counts(reader: _Reader, node: dict[str, Any], where: str, step: Decimal
            ) -> tuple[CountTarget, ...]:
    counts = []
    read_from = []
    for index, raw in enumerate(reader.mappings(node, "counts", where, required=False), 1):
        count = reader.mapping(raw, where, node)
        if count is None:
            continue
        reader.keys(count, _COUNT_KEYS, where)
        per = reader.decimal(count, "points_per_shortfall", where, positive=True)
        reader.on_step(count, where, "points_per_shortfall", per, step)
        counts.append(CountTarget(
            code=reader.code(count, where, default=f"c{index}"),
            text=reader.text(count, "text", where, required=True),
            target=reader.integer(count, "target", where, None, minimum=1),
            points_per_shortfall=per or Decimal(0),
            unit=reader.text(count, "unit", where, max_length=10) or "次",
        ))
        read_from.append(count)
    _unique(reader, [(c.code, n, where) for c, n in zip(counts, read_from, strict=True)])
    return tuple(counts)


def _levels(reader: _Reader, node: dict[str, Any], where: str) -> tuple[Level, ...]:
    if node.get("levels") is None:
        return DEFAULT_LEVELS
    levels = []
    read_from = []
    for raw in reader.mappings(node, "levels", where, required=False):
        level = reader.mapping(raw, where, node)
        if level is None:
            continue
        reader.keys(level, _LEVEL_KEYS, where)
        fraction = reader.decimal(level, "fraction", where)
        if fraction is not None and fraction > 1:
            reader.error(level, where, _("a level's fraction must lie between 0 and 1"))
        levels.append(Level(reader.text(level, "name", where, required=True, max_length=20),
                            fraction if fraction is not None else Decimal(0)))
        read_from.append(level)
    if len(levels) < 2:
        reader.error(node, where, _("a level item needs at least two levels"))
    _unique(reader, [(lv.name, n, where) for lv, n in zip(levels, read_from, strict=True)],
            field="name")
    return tuple(levels)


def _item(reader: _Reader, node: dict[str, Any], section_code: str, checklist_step: Decimal
          ) -> Item:
    code = reader.code(node, _("item"))
    where = _("item {code}").format(code=code or "?")
    reader.keys(node, _ITEM_KEYS, where)
    step = reader.decimal(node, "step", where, default=checklist_step, positive=True)
    step = step or checklist_step
    max_points = reader.decimal(node, "max_points", where, positive=True)
    reader.on_step(node, where, "max_points", max_points, step)
    mode = node.get("mode", "manual")
    if mode not in SCORING_MODES:
        reader.error(node, where, _("unknown scoring mode “{mode}” (known: {known})").format(
            mode=mode, known=", ".join(SCORING_MODES)), key="mode")
        mode = "manual"
    deductions = _deductions(reader, node, where, max_points, step)
    counts = _counts(reader, node, where, step)
    levels = _levels(reader, node, where) if mode == "level" else ()
    if mode == "deduct" and not deductions:
        reader.error(node, where, _("a deduct item needs at least one deduction rule"))
    if mode == "count" and not counts:
        reader.error(node, where, _("a count item needs at least one count target"))
    if deductions and mode not in ("deduct", "count"):
        reader.error(node, where, _("deduction rules belong to deduct or count items only"))
    if counts and mode != "count":
        reader.error(node, where, _("count targets belong to count items only"))
    if node.get("levels") and mode != "level":
        reader.error(node, where, _("levels belong to level items only"))
    return Item(
        code=code,
        section_code=section_code,
        title=reader.text(node, "title", where, required=True, max_length=200),
        max_points=max_points or Decimal(0),
        step=step,
        mode=mode,
        content=reader.text(node, "content", where),
        criteria=reader.text(node, "criteria", where),
        evidence_hint=reader.text(node, "evidence_hint", where),
        target=reader.text(node, "target", where),
        reference=reader.text(node, "reference", where),
        na_allowed=reader.boolean(node, "na_allowed", where, False),
        evidence_required=reader.integer(node, "evidence_required", where, 0),
        deductions=deductions,
        counts=counts,
        levels=levels,
        evidence_requirements=_requirements(reader, node, where),
    )


def _requirements(reader: _Reader, node: dict[str, Any], where: str
                  ) -> tuple[EvidenceRequirement, ...]:
    """``evidence_requirements: [{name: 会议纪要, min: 1, types: [pdf, jpg]}]``."""
    found: list[EvidenceRequirement] = []
    for raw in reader.mappings(node, "evidence_requirements", where, required=False):
        entry = reader.mapping(raw, where, node)
        if entry is None:
            continue
        reader.keys(entry, _REQUIREMENT_KEYS, where)
        name = reader.text(entry, "name", where, required=True, max_length=40)
        if re.search(r"[\x00-\x1f\x7f:：;；\u200b-\u200f\u202a-\u202e]", name):
            reader.error(entry, "name", _("{where}: a document's name is one line without "
                                          ":, ； or invisible marks").format(where=where))
        if name in {r.name for r in found}:
            reader.error(entry, "name", _("{where}: “{name}” is listed twice").format(
                where=where, name=name))
        minimum = reader.integer(entry, "min", where, 1)
        if minimum > MAX_EVIDENCE_PER_TARGET:
            reader.error(entry, "min", _("{where}: at most {limit} files can be attached to an "
                                         "item").format(where=where,
                                                        limit=MAX_EVIDENCE_PER_TARGET))
        types = entry.get("types", [])
        if not isinstance(types, list) or not all(
                isinstance(t, str) and re.fullmatch(r"[A-Za-z0-9]{1,8}", t.strip(". "))
                for t in types):
            reader.error(entry, "types", _("{where}: types must be a list of file suffixes such "
                                           "as pdf, jpg").format(where=where))
            types = []
        if minimum < 1:
            reader.error(entry, "min", _("{where}: a requirement asks for at least 1 file")
                         .format(where=where))
        found.append(EvidenceRequirement(name, max(1, minimum), tuple(
            t.strip(". ").lower() for t in types)))
    return tuple(found)


def _section(reader: _Reader, node: dict[str, Any], step: Decimal, categories: tuple[str, ...]
             ) -> tuple[Section, list[Any]]:
    """The section, and the node each of its items was read from."""
    code = reader.code(node, _("section"))
    where = _("section {code}").format(code=code or "?")
    reader.keys(node, _SECTION_KEYS, where)
    max_points = reader.decimal(node, "max_points", where, positive=True)
    items = []
    item_nodes = []
    for raw in reader.mappings(node, "items", where, required=True):
        item_node = reader.mapping(raw, where, node)
        if item_node is not None:
            items.append(_item(reader, item_node, code, step))
            item_nodes.append(item_node)
    if not items and "items" in node:
        reader.error(node, where, _("a section needs at least one item"))
    item_sum = sum((item.max_points for item in items), Decimal(0))
    if max_points is not None and items and item_sum != max_points:
        reader.error(node, where, _("its items add up to {sum}, not its max_points {max}").format(
            sum=decimal_text(item_sum), max=decimal_text(max_points)), key="max_points")
    category = reader.text(node, "suggested_category", where, max_length=40)
    if category and category not in categories:
        reader.error(node, where, _("suggested_category “{category}” is not one of the "
                                    "shortcoming_categories").format(category=category))
    return Section(code, reader.text(node, "title", where, required=True, max_length=200),
                   max_points or Decimal(0), tuple(items), category), item_nodes


def _bonus(reader: _Reader, node: dict[str, Any], step: Decimal) -> BonusItem:
    code = reader.code(node, _("bonus item"))
    where = _("bonus item {code}").format(code=code or "?")
    reader.keys(node, _BONUS_KEYS, where)
    max_points = reader.decimal(node, "max_points", where, positive=True)
    reader.on_step(node, where, "max_points", max_points, step)
    return BonusItem(
        code=code,
        title=reader.text(node, "title", where, required=True, max_length=200),
        max_points=max_points or Decimal(0),
        rule=reader.text(node, "rule", where),
        evidence_required=reader.integer(node, "evidence_required", where, 1),
    )


def _veto(reader: _Reader, node: dict[str, Any]) -> VetoItem:
    code = reader.code(node, _("veto item"))
    where = _("veto item {code}").format(code=code or "?")
    reader.keys(node, _VETO_KEYS, where)
    return VetoItem(code, reader.text(node, "text", where, required=True))


def _grade_bands(reader: _Reader, root: dict[str, Any]) -> tuple[GradeBand, ...]:
    where = "grade_bands"
    bands = []
    read_from = []
    for raw in reader.mappings(root, "grade_bands", "", required=True):
        node = reader.mapping(raw, where, root)
        if node is None:
            continue
        reader.keys(node, _BAND_KEYS, where)
        minimum = reader.decimal(node, "min", where)
        bands.append(GradeBand(reader.text(node, "name", where, required=True, max_length=20),
                               minimum if minimum is not None else Decimal(0)))
        read_from.append(node)
    if not bands:
        if "grade_bands" in root:
            reader.error(root, where, _("at least one grade band is needed"))
        return ()
    _unique(reader, [(b.name, n, where) for b, n in zip(bands, read_from, strict=True)],
            field="name")
    for higher, lower in pairwise(bands):
        if lower.minimum >= higher.minimum:
            reader.error(root, where, _("grade bands must be listed from the highest minimum down "
                                        "(“{lower}” is not below “{higher}”)").format(
                lower=lower.name, higher=higher.name))
    if bands[-1].minimum != 0:
        reader.error(root, where, _("the lowest grade band must start at 0"))
    return tuple(bands)


def _categories(reader: _Reader, root: dict[str, Any]) -> tuple[str, ...]:
    raw = root.get("shortcoming_categories")
    if raw is None:
        return DEFAULT_CATEGORIES
    if not isinstance(raw, list) or not raw or not all(
            isinstance(c, str) and c.strip() and len(c) <= 40 for c in raw):
        reader.error(root, "shortcoming_categories",
                     _("must be a list of category names (text, at most 40 characters)"))
        return DEFAULT_CATEGORIES
    names = tuple(c.strip() for c in raw)
    if len(set(names)) != len(names):
        reader.error(root, "shortcoming_categories", _("a category is listed twice"))
    return names


def checklist_from_mapping(data: Any, source: str) -> Checklist:
    """Validate a checklist mapping and build the Checklist, or raise ChecklistError."""
    reader = _Reader(source)
    if not isinstance(data, dict):
        raise ChecklistError(f"{source}: " + _("a checklist file must be a mapping of fields"))
    reader.keys(data, _TOP_KEYS, "")
    checklist_id = data.get("id")
    if not isinstance(checklist_id, str) or not ID_PATTERN.match(checklist_id):
        reader.error(data, "id", _("must be 1–64 lower-case letters, digits, “.”, “-” or “_”"))
        checklist_id = ""
    version = data.get("version")
    if not isinstance(version, str) or not version.strip() or len(version) > 40:
        reader.error(data, "version", _("must be text such as \"2026.1\""))
        version = ""
    step = reader.decimal(data, "step", "", default=Decimal("0.5"), positive=True) or Decimal("0.5")
    full_marks = reader.decimal(data, "full_marks", "", default=Decimal(100), positive=True)
    bonus_cap = reader.decimal(data, "bonus_cap", "", default=Decimal(0))
    reader.on_step(data, "", "bonus_cap", bonus_cap, step)
    na_policy = data.get("na_policy", "full")
    if na_policy not in NA_POLICIES:
        reader.error(data, "na_policy", _("must be “full” or “rescale”, not “{value}”").format(
            value=na_policy))
        na_policy = "full"
    categories = _categories(reader, data)

    sections = []
    section_codes = []  # (code, node, where) of sections, and of everything else with a code
    coded = []
    for raw in reader.mappings(data, "sections", "", required=True):
        node = reader.mapping(raw, _("section"), data)
        if node is not None:
            section, item_nodes = _section(reader, node, step, categories)
            sections.append(section)
            section_codes.append((section.code, node, _("section {code}").format(
                code=section.code)))
            coded += [(i.code, n, _("item {code}").format(code=i.code))
                      for i, n in zip(section.items, item_nodes, strict=True)]
    if not sections and "sections" in data:
        reader.error(data, "sections", _("a checklist needs at least one section"))
    bonus_items = []
    for raw in reader.mappings(data, "bonus_items", "", required=False):
        if (node := reader.mapping(raw, _("bonus item"), data)) is not None:
            bonus_items.append(bonus := _bonus(reader, node, step))
            coded.append((bonus.code, node, _("bonus item {code}").format(code=bonus.code)))
    veto_items = []
    for raw in reader.mappings(data, "veto_items", "", required=False):
        if (node := reader.mapping(raw, _("veto item"), data)) is not None:
            veto_items.append(veto := _veto(reader, node))
            coded.append((veto.code, node, _("veto item {code}").format(code=veto.code)))
    bands = _grade_bands(reader, data)
    title = reader.text(data, "title", "", required=True, max_length=200)
    description = reader.text(data, "description", "description")
    cap_total = reader.boolean(data, "cap_total", "cap_total", False)

    _unique(reader, section_codes)
    _unique(reader, coded)  # items, bonus and veto items share one set of codes
    previous = _previous(reader, data, {item.code for section in sections
                                        for item in section.items})
    quotas, rounding = _quotas(reader, data, bands)

    section_sum = sum((s.max_points for s in sections), Decimal(0))
    if full_marks is not None and sections and section_sum != full_marks:
        reader.error(data, "full_marks", _("the sections add up to {sum}, not the full marks {full}")
                     .format(sum=decimal_text(section_sum), full=decimal_text(full_marks)),
                     key="full_marks")
    if full_marks is not None and full_marks != 100:
        reader.warn(data, "full_marks", _("full marks are {full}, not the usual 100").format(
            full=decimal_text(full_marks)), key="full_marks")
    if reader.problems:
        raise ChecklistError(reader.problems)
    assert full_marks is not None and bonus_cap is not None  # guaranteed when no problems
    return Checklist(
        id=checklist_id,
        version=version.strip(),
        title=title,
        description=description,
        full_marks=full_marks,
        step=step,
        na_policy=na_policy,
        bonus_cap=bonus_cap,
        cap_total=cap_total,
        sections=tuple(sections),
        bonus_items=tuple(bonus_items),
        veto_items=tuple(veto_items),
        grade_bands=bands,
        shortcoming_categories=categories,
        warnings=tuple(reader.warnings),
        previous=previous,
        grade_quota=quotas,
        quota_rounding=rounding,
    )


def _quotas(reader: _Reader, data: dict[str, Any], bands: tuple[GradeBand, ...]
            ) -> tuple[tuple[GradeQuota, ...], str]:
    """``grade_quota: {好: "20%"}``: the largest share of departments a grade may have, and
    ``grade_quota_rounding`` (down, the default; half_up; up) for the count it allows."""
    rounding = data.get("grade_quota_rounding", "down")
    if rounding not in QUOTA_ROUNDINGS:
        reader.error(data, "grade_quota_rounding", _("must be down, half_up or up"))
        rounding = "down"
    node = data.get("grade_quota")
    if node is None:
        return (), str(rounding)
    if not isinstance(node, dict) or not node:
        reader.error(data, "grade_quota", _("must map grades to shares, such as 好: \"20%\""))
        return (), str(rounding)
    names = [band.name for band in bands]
    found = {}
    for grade, raw in node.items():
        where = _("grade_quota {grade}").format(grade=str(grade)[:20])
        text = str(raw).strip().removesuffix("%") if isinstance(raw, str | int | float) \
            and not isinstance(raw, bool) else ""
        share = parse_decimal(text)
        if grade not in names:
            reader.error(node, str(grade), _("{where}: not a grade of this checklist ({names})")
                         .format(where=where, names="、".join(names)), key="grade_quota")
        elif grade == names[-1]:  # an excess there could not be adjusted away
            reader.error(node, str(grade), _("{where}: the lowest grade cannot be capped")
                         .format(where=where), key="grade_quota")
        elif share is None or not 0 <= share <= 100:
            reader.error(node, str(grade), _("{where}: must be a share such as \"20%\"").format(
                where=where), key="grade_quota")
        else:
            found[grade] = share
    return tuple(GradeQuota(name, found[name]) for name in names if name in found), str(rounding)


def _previous(reader: _Reader, data: dict[str, Any], codes: set[str]) -> PreviousChecklist | None:
    """``previous:``: the earlier checklist's id and version, and a map of its item codes to
    this one's (a code, a list of codes for a split, [] or null for an item removed)."""
    node = data.get("previous")
    if node is None:
        return None
    if not isinstance(node, dict):
        reader.error(data, "previous", _("must be a mapping with id, version and items"))
        return None
    reader.keys(node, _PREVIOUS_KEYS, "previous")
    previous_id, version = node.get("id"), node.get("version")
    if not isinstance(previous_id, str) or not ID_PATTERN.match(previous_id):
        reader.error(node, "id", _("must be 1–64 lower-case letters, digits, “.”, “-” or “_”"),
                     key="previous.id")
        previous_id = ""
    if not isinstance(version, str) or not version.strip() or len(version) > 40:
        reader.error(node, "version", _("must be text such as \"2026.1\""), key="previous.version")
        version = ""
    items = node.get("items", {})
    if not isinstance(items, dict):
        reader.error(node, "items", _("must map the earlier checklist's item codes to this "
                                      "one's"), key="previous.items")
        items = {}
    mapped = []
    for old, new in items.items():
        where = _("previous item {code}").format(code=str(old)[:20])
        targets = [] if new is None else [new] if isinstance(new, str) else new
        if not isinstance(old, str) or not CODE_PATTERN.match(old):
            reader.error(node, "items", _("{where}: not an item code").format(where=where),
                         key="previous.items")
            continue
        if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
            reader.error(node, "items", _("{where}: must be a code, a list of codes or "
                                          "null").format(where=where), key="previous.items")
            continue
        unknown = [t for t in targets if t not in codes]
        if unknown or len(set(targets)) != len(targets):
            reader.error(node, "items", _("{where}: {codes} is not an item of this checklist, "
                                          "or is given twice").format(
                where=where, codes="、".join(unknown or targets)), key="previous.items")
            continue
        mapped.append((old, tuple(targets)))
    return PreviousChecklist(previous_id, version.strip(), tuple(sorted(mapped)))


def load_checklist_text(text: str, source: str) -> Checklist:
    """Parse and validate checklist YAML text."""
    # the YAML parser only here: a file's own checklist is JSON, so reading a file needs none
    from selfassess.checklist.yamlfile import parse_checklist_yaml

    return checklist_from_mapping(parse_checklist_yaml(text, source), source)


def load_checklist_file(path: Path) -> Checklist:
    """Read, parse and validate a checklist YAML file."""
    from selfassess.checklist.yamlfile import MAX_CHECKLIST_BYTES

    source = path.name
    raw = read_input(path, MAX_CHECKLIST_BYTES, ChecklistError)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ChecklistError(f"{source}: " + _("the file is not UTF-8 text")) from None
    return load_checklist_text(text, source)
