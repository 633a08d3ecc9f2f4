"""复核: the review group's scores (考核得分) and reasons, per item, bonus claim and veto item.

A review score replaces the department's self score in the final total (also for an item the
department marked not applicable); a review of a veto item can trigger it. Reviews are stored
all or nothing, each checked like a self score (range, step, codes). Entering a review clears
the "review again" flag a newer revision may have set.

Reviews file (``selfassess review``)::

    {"reviews": [{"department": "办公室", "item": "1.2", "score": 3, "reason": "…"},
                 {"department": "办公室", "bonus": "B4", "points": 0.5, "reason": "…"},
                 {"department": "办公室", "veto": "V1", "triggered": false, "reason": "…"}]}

Fields not given stay as they are; ``null`` clears a review.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from selfassess.bureau.roster import require_bureau
from selfassess.errors import InputRefused
from selfassess.i18n import _
from selfassess.inputs import read_input, unique_keys
from selfassess.numbers import parse_decimal
from selfassess.record import record
from selfassess.scoring import bonus_problem, score_problem
from selfassess.store import AssessmentFile
from selfassess.store.editing import now_text, score_text
from selfassess.store.records import Department
from selfassess.store.reviews import write_review
from selfassess.validation import MAX_SHORT_TEXT, normalize_text, same_name, text_problem

MAX_REVIEWS_BYTES = 16 * 1024 * 1024  # reviews of 1,000 departments with their reasons

# kind → (the value's key in the reviews file, the column it is stored in)
KINDS = {"item": ("score", "review_score"), "bonus": ("points", "review_points"),
         "veto": ("triggered", "review_triggered")}
_UNSET = object()


@record
class Review:
    """One review entry: ``value`` is a score/points (Decimal), a veto (bool), None to clear,
    or left unset; ``reason`` likewise (None = unchanged)."""

    department: str
    kind: str  # item | bonus | veto
    code: str
    value: Any = _UNSET
    reason: str | None = None


def parse_reviews(data: Any, source: str) -> list[Review]:
    """Decoded reviews JSON → Review entries, or InputRefused naming each bad entry."""
    if not isinstance(data, dict) or not isinstance(data.get("reviews"), list):
        raise InputRefused(f"{source}: " + _("expected an object with a list “reviews”"))
    reviews, problems = [], []
    for number, entry in enumerate(data["reviews"], 1):
        where = f"{source}: " + _("review {number}").format(number=number)
        if not isinstance(entry, dict):
            problems.append(f"{where}: " + _("must be a JSON object"))
            continue
        kinds = [kind for kind in KINDS if kind in entry]
        department = entry.get("department")
        if len(kinds) != 1 or not isinstance(department, str) or not department.strip():
            problems.append(f"{where}: " + _("needs “department” and one of “item”, “bonus”, "
                                             "“veto”"))
            continue
        kind = kinds[0]
        field = KINDS[kind][0]
        value: Any = _UNSET
        if field in entry:
            raw = entry[field]
            if kind == "veto":
                if raw is not None and not isinstance(raw, bool):
                    problems.append(f"{where}: " + _("triggered must be true, false or null"))
                value = raw
            elif raw is None:
                value = None
            else:
                value = parse_decimal(raw)
                if value is None:
                    problems.append(f"{where}: " + _("{field} “{value}” is not a number").format(
                        field=field, value=str(raw)[:40]))
        reason = entry.get("reason")
        if reason is not None and not isinstance(reason, str):
            problems.append(f"{where}: " + _("reason must be text"))
            reason = None
        reviews.append(Review(department.strip(), kind, str(entry[kind]), value,
                              normalize_text(reason) if reason is not None else None))
    if problems:
        raise InputRefused(problems)
    return reviews


def load_reviews_file(path: Path) -> list[Review]:
    """Read a reviews JSON file."""
    try:
        text = read_input(path, MAX_REVIEWS_BYTES).decode("utf-8-sig")
        data = json.loads(text, parse_float=Decimal, object_pairs_hook=unique_keys)
    except UnicodeDecodeError:
        raise InputRefused(f"{path.name}: " + _("the file is not UTF-8 text")) from None
    except (ValueError, RecursionError) as error:
        raise InputRefused(f"{path.name}: " + _("not valid JSON ({reason})").format(
            reason=getattr(error, "msg", error))) from None
    return parse_reviews(data, path.name)


def _find(departments: list[Department], key: str) -> Department | None:
    """By id or name, the name as the other commands match it (ＩＴ处 is IT处)."""
    return next((d for d in departments if key == d.id or same_name(key) == same_name(d.name)),
                None)


def review_problems(af: AssessmentFile, reviews: list[Review]) -> list[str]:
    """Why reviews cannot be stored (empty when they can)."""
    checklist = af.checklist
    departments = af.departments()
    problems = []
    approved: set[str] = set()
    for review in reviews:
        department = _find(departments, review.department)
        where = f"{review.department} {review.code}"
        if department is None:
            problems.append(_("no merged department “{name}”").format(name=review.department))
            continue
        if department.id not in approved and af.approval(department.id) is not None:
            approved.add(department.id)  # its result is bound by the approval: named once
            problems.append(_("{name} is approved (审定); withdraw the approval before changing "
                              "its review").format(name=department.name))
        value = review.value
        if review.kind == "item":
            item = checklist.items_by_code.get(review.code)
            if item is None:
                problems.append(_("unknown item code “{code}”").format(code=review.code))
            elif isinstance(value, Decimal) and (problem := score_problem(item, value)):
                problems.append(f"{review.department}: {problem}")
        elif review.kind == "bonus":
            bonus = checklist.bonus_by_code.get(review.code)
            if bonus is None:
                problems.append(_("unknown bonus code “{code}”").format(code=review.code))
            elif isinstance(value, Decimal) and (problem := bonus_problem(bonus, value,
                                                                          checklist.step)):
                problems.append(f"{review.department}: {problem}")
        elif review.code not in checklist.veto_by_code:
            problems.append(_("unknown veto code “{code}”").format(code=review.code))
        if review.reason is not None and (problem := text_problem(review.reason, MAX_SHORT_TEXT)):
            problems.append(f"{where}: {problem}")
    return problems


def apply_reviews(af: AssessmentFile, reviews: list[Review], actor: str = "") -> int:
    """Store reviews in one transaction (all or nothing); returns how many were stored."""
    require_bureau(af)
    if af.readonly:
        raise InputRefused(_("{name} is open read-only").format(name=af.path.name))
    problems = review_problems(af, reviews)
    if problems:
        raise InputRefused(problems)
    departments = af.departments()
    now = now_text()
    with af.transaction():
        for review in reviews:
            department = _find(departments, review.department)
            assert department is not None  # checked above
            column = KINDS[review.kind][1]
            changes: dict[str, Any] = {}
            if review.value is not _UNSET:
                value = review.value
                changes[column] = (None if value is None else int(value) if isinstance(value, bool)
                                   else score_text(value))
                changes["review_flag"] = 0
            if review.reason is not None:
                changes["review_reason"] = review.reason
            if not changes:
                continue
            write_review(af, review.kind, department.id, review.code, changes, now)
            af.record("review", at=now, actor=actor, department_id=department.id,
                      target=f"{review.kind}:{review.code}",
                      new=json.dumps({k: v for k, v in changes.items() if k != "review_flag"},
                                     ensure_ascii=False))
    return len(reviews)
