"""A ``ChangeSet``: a field-level edit of one department, and its validation.

Both the CLI's ``fill`` (many fields at once) and the GUI (one field per change) describe what
they want as a ChangeSet. ``change_problems`` checks it against the checklist and the current
data *as merged*: each given field replaces the stored one, everything not given stays. Nothing
is written here; ``store.editing`` writes a ChangeSet that has no problems.
"""

from __future__ import annotations

import contextlib
import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from selfassess.checklist.model import Checklist
from selfassess.i18n import _
from selfassess.record import record
from selfassess.scoring import Aid, bonus_problem, score_problem
from selfassess.store.records import (
    Answer,
    BonusClaim,
    DepartmentData,
    Measure,
    Shortcoming,
    VetoDeclaration,
)
from selfassess.validation import (
    MAX_EVIDENCE_BYTES,
    MAX_EVIDENCE_PER_TARGET,
    MAX_LIST_ENTRIES,
    MAX_LONG_TEXT,
    MAX_NAME,
    MAX_SHORT_TEXT,
    field_label,
    text_problem,
)

ANSWER_FIELDS = {"self_score", "narrative", "deduction_reason", "not_applicable", "na_reason", "aid"}
BONUS_FIELDS = {"points", "narrative"}
VETO_FIELDS = {"triggered", "explanation"}

_TEXT_LIMITS = {
    "narrative": MAX_LONG_TEXT,
    "deduction_reason": MAX_SHORT_TEXT,
    "na_reason": MAX_SHORT_TEXT,
    "explanation": MAX_SHORT_TEXT,
}


@record
class EvidenceSource:
    """A file on disk to attach, and the name to show for it."""

    path: Path
    name: str


@dataclass
class ChangeSet:
    """Field-level changes to one department. Unset parts change nothing.

    ``item_evidence`` / ``bonus_evidence`` replace the whole evidence list of the codes given;
    ``add_evidence`` appends single files and ``remove_evidence`` drops evidence rows by id
    (what the GUI does). ``shortcomings`` / ``measures`` replace the whole list when not None.
    """

    filled_by: str | None = None
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    bonus: dict[str, dict[str, Any]] = field(default_factory=dict)
    veto: dict[str, dict[str, Any]] = field(default_factory=dict)
    item_evidence: dict[str, list[EvidenceSource]] = field(default_factory=dict)
    bonus_evidence: dict[str, list[EvidenceSource]] = field(default_factory=dict)
    add_evidence: list[tuple[str, str, EvidenceSource]] = field(default_factory=list)
    remove_evidence: list[int] = field(default_factory=list)
    shortcomings: list[Shortcoming] | None = None
    measures: list[Measure] | None = None

    def is_empty(self) -> bool:
        """True when applying it would change nothing."""
        return self == ChangeSet()

    def size_estimate(self) -> int:
        """About how many bytes storing it takes (text as UTF-8, documents as their size):
        for telling a user how much disk space to free."""
        texts = [value for part in (self.answers, self.bonus, self.veto)
                 for fields in part.values() for value in fields.values()
                 if isinstance(value, str)]
        texts += [entry.text for entry in self.shortcomings or []]
        texts += [entry.text for entry in self.measures or []]
        documents = [source.path for sources in (*self.item_evidence.values(),
                                                 *self.bonus_evidence.values())
                     for source in sources]
        documents += [source.path for _kind, _code, source in self.add_evidence]
        size = sum(len(text.encode("utf-8", "replace")) for text in texts)
        for path in documents:
            with contextlib.suppress(OSError):
                size += path.stat().st_size
        return size


def merged_answer(current: Answer | None, code: str, changes: dict[str, Any]) -> Answer:
    """The answer as it will be stored once ``changes`` are applied."""
    return dataclasses.replace(current or Answer(code), **changes)


def _field_problems(where: str, changes: dict[str, Any], allowed: set[str]) -> list[str]:
    """Unknown field names, then the text fields' type, length and characters."""
    unknown = set(changes) - allowed
    if unknown:
        return [f"{where}: " + _("unknown fields {fields}").format(fields=", ".join(sorted(unknown)))]
    problems = []
    for name, limit in _TEXT_LIMITS.items():
        if name in changes:
            problem = text_problem(changes[name], limit)
            if problem:
                problems.append(f"{where}: {field_label(name)} {problem}")
    return problems


def _answer_problems(checklist: Checklist, data: DepartmentData, code: str,
                     changes: dict[str, Any]) -> list[str]:
    item = checklist.items_by_code.get(code)
    where = _("item {code}").format(code=code)
    if item is None:
        return [_("unknown item code “{code}”").format(code=code)]
    problems = _field_problems(where, changes, ANSWER_FIELDS)
    score = changes.get("self_score")
    if score is not None:
        if not isinstance(score, Decimal):
            problems.append(f"{where}: " + _("the score must be a number"))
        elif problem := score_problem(item, score):
            problems.append(problem)
    if "not_applicable" in changes and not isinstance(changes["not_applicable"], bool):
        problems.append(f"{where}: " + _("not_applicable must be true or false"))
    if "aid" in changes and not isinstance(changes["aid"], Aid):
        problems.append(f"{where}: " + _("the scoring aid is not valid"))
    if problems:
        return problems
    if changes.get("not_applicable") and changes.get("self_score") is not None:
        problems.append(f"{where}: " + _("give either a score or not applicable, not both"))
    answer = merged_answer(data.answers.get(code), code, changes)
    if answer.not_applicable and not item.na_allowed:
        problems.append(_("item {code} may not be marked not applicable").format(code=code))
    elif answer.not_applicable and not answer.na_reason.strip():
        problems.append(_("item {code}: not applicable needs a reason").format(code=code))
    return problems


def _bonus_problems(checklist: Checklist, data: DepartmentData, code: str,
                    changes: dict[str, Any]) -> list[str]:
    bonus = checklist.bonus_by_code.get(code)
    if bonus is None:
        return [_("unknown bonus code “{code}”").format(code=code)]
    where = _("bonus item {code}").format(code=code)
    problems = _field_problems(where, changes, BONUS_FIELDS)
    points = changes.get("points")
    if points is not None:
        if not isinstance(points, Decimal):
            problems.append(f"{where}: " + _("the points must be a number"))
        elif problem := bonus_problem(bonus, points, checklist.step):
            problems.append(problem)
    return problems


def _veto_problems(checklist: Checklist, code: str, changes: dict[str, Any]) -> list[str]:
    if code not in checklist.veto_by_code:
        return [_("unknown veto code “{code}”").format(code=code)]
    where = _("veto item {code}").format(code=code)
    problems = _field_problems(where, changes, VETO_FIELDS)
    triggered = changes.get("triggered")
    if triggered is not None and not isinstance(triggered, bool):
        problems.append(f"{where}: " + _("must be true (有) or false (无)"))
    return problems


def evidence_problems(where: str, sources: list[EvidenceSource], existing: int) -> list[str]:
    problems = []
    if existing + len(sources) > MAX_EVIDENCE_PER_TARGET:
        problems.append(f"{where}: " + _("more than {limit} evidence files").format(
            limit=MAX_EVIDENCE_PER_TARGET))
    for source in sources:
        try:
            if not source.path.is_file():
                problems.append(f"{where}: " + _("evidence file not found: {path}").format(
                    path=source.path))
                continue
            size = source.path.stat().st_size
        except OSError as error:
            problems.append(f"{where}: " + _("cannot read evidence file {path} ({reason})").format(
                path=source.path, reason=error.strerror or error))
            continue
        if size > MAX_EVIDENCE_BYTES:
            problems.append(f"{where}: " + _("evidence file {path} is larger than {limit} MB")
                            .format(path=source.path, limit=MAX_EVIDENCE_BYTES // (1024 * 1024)))
    return problems


def _list_problems(checklist: Checklist, data: DepartmentData, changes: ChangeSet) -> list[str]:
    problems = []
    shortcomings = data.shortcomings if changes.shortcomings is None else changes.shortcomings
    if changes.shortcomings is not None:
        if len(changes.shortcomings) > MAX_LIST_ENTRIES:
            problems.append(_("more than {limit} shortcomings").format(limit=MAX_LIST_ENTRIES))
        for number, shortcoming in enumerate(changes.shortcomings, 1):
            where = _("shortcoming {number}").format(number=number)
            if shortcoming.category not in checklist.shortcoming_categories:
                problems.append(f"{where}: " + _("unknown category “{category}” (known: {known})")
                                .format(category=shortcoming.category,
                                        known="、".join(checklist.shortcoming_categories)))
            if shortcoming.item_code and shortcoming.item_code not in checklist.items_by_code:
                problems.append(f"{where}: " + _("unknown item code “{code}”").format(
                    code=shortcoming.item_code))
            if problem := text_problem(shortcoming.text, MAX_SHORT_TEXT):
                problems.append(f"{where}: {field_label('text')} {problem}")
            elif not shortcoming.text.strip():
                problems.append(f"{where}: " + _("the text is empty"))
    measures = data.measures if changes.measures is None else changes.measures
    if changes.measures is not None and len(changes.measures) > MAX_LIST_ENTRIES:
        problems.append(_("more than {limit} measures").format(limit=MAX_LIST_ENTRIES))
    for number, measure in enumerate(measures, 1):
        where = _("measure {number}").format(number=number)
        if changes.measures is not None:
            for name, limit in (("text", MAX_SHORT_TEXT), ("owner", MAX_NAME),
                                ("deadline", MAX_NAME), ("leader", MAX_NAME),
                                ("standard", MAX_SHORT_TEXT), ("progress", MAX_SHORT_TEXT)):
                if problem := text_problem(getattr(measure, name), limit):
                    problems.append(f"{where}: {field_label(name)} {problem}")
            if isinstance(measure.text, str) and not measure.text.strip():
                problems.append(f"{where}: " + _("the text is empty"))
        link = measure.shortcoming
        if link is not None and not 0 <= link < len(shortcomings):
            problems.append(f"{where}: " + _("refers to shortcoming {number}, which does not exist")
                            .format(number=link + 1 if link >= 0 else link))
    return problems


def change_problems(checklist: Checklist, data: DepartmentData, changes: ChangeSet) -> list[str]:
    """Every reason the ChangeSet cannot be applied to this department's data (empty = fine)."""
    problems: list[str] = []
    if changes.filled_by is not None and (problem := text_problem(changes.filled_by, MAX_NAME,
                                                                  single_line=True)):
        problems.append(f"{field_label('filled_by')} {problem}")
    for code, fields in changes.answers.items():
        problems += _answer_problems(checklist, data, code, fields)
    for code, fields in changes.bonus.items():
        problems += _bonus_problems(checklist, data, code, fields)
    for code, fields in changes.veto.items():
        problems += _veto_problems(checklist, code, fields)
    for code, sources in changes.item_evidence.items():
        if code not in checklist.items_by_code:
            problems.append(_("unknown item code “{code}”").format(code=code))
        else:
            problems += evidence_problems(_("item {code}").format(code=code), sources, 0)
    for code, sources in changes.bonus_evidence.items():
        if code not in checklist.bonus_by_code:
            problems.append(_("unknown bonus code “{code}”").format(code=code))
        else:
            problems += evidence_problems(_("bonus item {code}").format(code=code), sources, 0)
    for kind, code, source in changes.add_evidence:
        known = checklist.items_by_code if kind == "item" else checklist.bonus_by_code
        if code not in known:
            problems.append(_("unknown code “{code}”").format(code=code))
        else:
            existing = len(data.evidence_for(kind, code))
            problems += evidence_problems(code, [source], existing)
    known_ids = {ref.id for ref in data.evidence}
    problems += [_("evidence {id} does not exist").format(id=ev_id)
                 for ev_id in changes.remove_evidence if ev_id not in known_ids]
    problems += _list_problems(checklist, data, changes)
    return problems


def merged_bonus(current: BonusClaim | None, code: str, changes: dict[str, Any]) -> BonusClaim:
    """The bonus claim as it will be stored."""
    return dataclasses.replace(current or BonusClaim(code), **changes)


def merged_veto(current: VetoDeclaration | None, code: str, changes: dict[str, Any]
                ) -> VetoDeclaration:
    """The veto declaration as it will be stored."""
    return dataclasses.replace(current or VetoDeclaration(code), **changes)


def without_shortcoming(data: DepartmentData, index: int) -> ChangeSet:
    """Remove one shortcoming and keep every measure pointing at the same one as before
    (measures of the removed shortcoming lose their link, later ones shift by one)."""
    shortcomings = [s for n, s in enumerate(data.shortcomings) if n != index]
    measures = []
    for measure in data.measures:
        link = measure.shortcoming
        if link is not None:
            link = None if link == index else (link - 1 if link > index else link)
        measures.append(dataclasses.replace(measure, shortcoming=link))
    return ChangeSet(shortcomings=shortcomings, measures=measures)
