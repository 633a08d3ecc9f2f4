"""Scoring: pure functions from answers to item, section and total scores, grade and rank.

Exactly the rules of ``product.md`` ("Scoring rules"): Decimal arithmetic throughout; scores
in ``[0, max]`` on the item's step; N/A under the checklist's ``na_policy`` (``full`` counts
the item as full marks, ``rescale`` drops it and rescales the base to full marks); bonus capped
at ``bonus_cap``; optional cap of the total at full marks; any triggered veto forces the lowest
band; bands are inclusive at their minimum; ties share a rank. Every total carries the list
of ``Explanation`` lines that produced it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import field
from decimal import ROUND_FLOOR, Decimal

from selfassess.checklist.model import BonusItem, Checklist, Item, Level
from selfassess.i18n import _
from selfassess.numbers import decimal_text, is_multiple, round_cents
from selfassess.record import record

ZERO = Decimal(0)


# --- proposing a score from the item's scoring aid -------------------------------------------


@record
class Aid:
    """What a person entered in an item's scoring aid.

    ``occurrences`` maps a deduction rule code to how often it applies (a ticked one-off rule
    is 1); ``counts`` maps a count target code to the number actually achieved; ``level`` is
    the chosen level name; ``met`` answers a binary item.
    """

    occurrences: Mapping[str, int] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)
    level: str | None = None
    met: bool | None = None


@record
class ProposedLoss:
    """One line of a proposal: which rule cost how many points."""

    code: str
    text: str
    points: Decimal


def proposed_losses(item: Item, aid: Aid) -> list[ProposedLoss]:
    """The deductions an aid implies, each already capped by its rule."""
    losses: list[ProposedLoss] = []
    for count in item.counts:
        achieved = aid.counts.get(count.code)
        if achieved is None:
            continue
        shortfall = max(0, count.target - max(0, achieved))
        if shortfall:
            text = f"{count.text} {max(0, achieved)}/{count.target}{count.unit}"
            losses.append(ProposedLoss(count.code, text, count.points_per_shortfall * shortfall))
    for rule in item.deductions:
        times = max(0, aid.occurrences.get(rule.code, 0))
        if not times:
            continue
        points = rule.points * (times if rule.per_occurrence else 1)
        if rule.cap is not None:
            points = min(points, rule.cap)
        text = f"{rule.text} ×{times}{rule.unit}" if rule.per_occurrence else rule.text
        losses.append(ProposedLoss(rule.code, text, points))
    return losses


def floor_to_step(value: Decimal, step: Decimal) -> Decimal:
    """The largest multiple of ``step`` not above ``value``."""
    return (value / step).to_integral_value(rounding=ROUND_FLOOR) * step


def level_points(item: Item, level: Level) -> Decimal:
    """What a level (等级制) is worth on this item: its share of the maximum, down to a step."""
    return floor_to_step(item.max_points * level.fraction, item.step)


def propose_score(item: Item, aid: Aid) -> Decimal | None:
    """The score the item's rules suggest for this aid, or None when the aid says nothing."""
    if item.mode == "binary":
        if aid.met is None:
            return None
        return item.max_points if aid.met else ZERO
    if item.mode == "level":
        level = next((lv for lv in item.levels if lv.name == aid.level), None)
        if level is None:
            return None
        return level_points(item, level)
    if item.mode == "manual":
        return None
    if item.mode == "count" and not any(c.code in aid.counts for c in item.counts):
        return None
    lost = sum((loss.points for loss in proposed_losses(item, aid)), ZERO)
    return max(ZERO, item.max_points - lost)  # 扣完为止


# --- checking entered values -----------------------------------------------------------------


def score_problem(item: Item, value: Decimal) -> str | None:
    """Why a score is not acceptable for an item (None when it is): range and step."""
    if value < 0 or value > item.max_points:
        return _("item {code}: score {score} is outside 0–{max}").format(
            code=item.code, score=decimal_text(value), max=decimal_text(item.max_points))
    if not is_multiple(value, item.step):
        return _("item {code}: score {score} is not a multiple of the step {step}").format(
            code=item.code, score=decimal_text(value), step=decimal_text(item.step))
    return None


def bonus_problem(bonus: BonusItem, value: Decimal, step: Decimal) -> str | None:
    """Why bonus points are not acceptable (None when they are)."""
    if value < 0 or value > bonus.max_points:
        return _("bonus item {code}: {points} points are outside 0–{max}").format(
            code=bonus.code, points=decimal_text(value), max=decimal_text(bonus.max_points))
    if not is_multiple(value, step):
        return _("bonus item {code}: {points} points are not a multiple of the step {step}").format(
            code=bonus.code, points=decimal_text(value), step=decimal_text(step))
    return None


# --- totals ----------------------------------------------------------------------------------


@record
class ItemAnswer:
    """The scoring view of one answer: a score (None = not answered) or N/A, and the reason."""

    score: Decimal | None = None
    not_applicable: bool = False
    reason: str = ""


_UNANSWERED = ItemAnswer()


@record
class ScoreInput:
    """Everything a total depends on: item answers, bonus points, triggered vetoes."""

    answers: Mapping[str, ItemAnswer] = field(default_factory=dict)
    bonus: Mapping[str, Decimal] = field(default_factory=dict)
    veto: Mapping[str, bool] = field(default_factory=dict)


@record
class Explanation:
    """One line of how a total came about. ``kind`` is a fixed English keyword."""

    kind: str  # deduction | unanswered | not_applicable | rescale | bonus | bonus_cap | cap_total | veto
    code: str
    points: Decimal
    text: str


@record
class SectionResult:
    """A section's score; ``applicable_max`` leaves out N/A items under ``rescale``."""

    code: str
    max_points: Decimal
    applicable_max: Decimal
    score: Decimal


@record
class Result:
    """The outcome of scoring one department's answers."""

    items: dict[str, Decimal | None]  # counted score per item; None = N/A left out (rescale)
    sections: dict[str, SectionResult]
    raw_base: Decimal
    applicable_max: Decimal
    base: Decimal
    bonus_claimed: Decimal
    bonus: Decimal
    total: Decimal
    veto: bool
    vetoed_by: tuple[str, ...]
    grade: str
    explanation: tuple[Explanation, ...]


def grade_for(checklist: Checklist, total: Decimal, veto: bool = False) -> str:
    """The 等次 for a total: the first band whose minimum it reaches (inclusive)."""
    if veto:
        return checklist.lowest_grade
    for band in checklist.grade_bands:
        if total >= band.minimum:
            return band.name
    return checklist.lowest_grade


def _item_scores(checklist: Checklist, inputs: ScoreInput, notes: list[Explanation]
                 ) -> dict[str, Decimal | None]:
    counted: dict[str, Decimal | None] = {}
    for item in checklist.items:
        answer = inputs.answers.get(item.code, _UNANSWERED)
        if answer.not_applicable and item.na_allowed:
            if checklist.na_policy == "full":
                counted[item.code] = item.max_points
                notes.append(Explanation("not_applicable", item.code, ZERO,
                                         _("{code} not applicable, counted as full marks ({max})")
                                         .format(code=item.code,
                                                 max=decimal_text(item.max_points))))
            else:
                counted[item.code] = None
                notes.append(Explanation("not_applicable", item.code, ZERO,
                                         _("{code} not applicable, left out of the total ({max})")
                                         .format(code=item.code,
                                                 max=decimal_text(item.max_points))))
        elif answer.score is None:
            counted[item.code] = ZERO
            notes.append(Explanation("unanswered", item.code, -item.max_points,
                                     _("{code} not answered: −{max}").format(
                                         code=item.code, max=decimal_text(item.max_points))))
        else:
            counted[item.code] = answer.score
            lost = item.max_points - answer.score
            if lost:
                reason = answer.reason.strip().replace("\n", " ") or _("no reason given")
                notes.append(Explanation("deduction", item.code, -lost,
                                         _("{code} −{points}: {reason}").format(
                                             code=item.code, points=decimal_text(lost),
                                             reason=reason)))
    return counted


def score(checklist: Checklist, inputs: ScoreInput) -> Result:
    """Score one department: items → sections → base → bonus → total → grade, explained."""
    notes: list[Explanation] = []
    counted = _item_scores(checklist, inputs, notes)

    sections = {}
    for section in checklist.sections:
        applicable = [item for item in section.items if counted[item.code] is not None]
        sections[section.code] = SectionResult(
            section.code,
            section.max_points,
            sum((item.max_points for item in applicable), ZERO),
            sum((counted[item.code] or ZERO for item in applicable), ZERO),
        )
    raw_base = sum((s.score for s in sections.values()), ZERO)
    applicable_max = sum((s.applicable_max for s in sections.values()), ZERO)
    base = raw_base
    if applicable_max != checklist.full_marks:
        # rescale: total × full / applicable max, shown and graded with two decimals
        base = (round_cents(raw_base * checklist.full_marks / applicable_max)
                if applicable_max else checklist.full_marks)
        notes.append(Explanation("rescale", "", base - raw_base,
                                 _("rescaled to full marks: {raw} × {full} / {applicable} = {base}")
                                 .format(raw=decimal_text(raw_base),
                                         full=decimal_text(checklist.full_marks),
                                         applicable=decimal_text(applicable_max),
                                         base=decimal_text(base))))

    bonus_claimed = ZERO
    for bonus_item in checklist.bonus_items:
        points = inputs.bonus.get(bonus_item.code, ZERO)
        if points:
            bonus_claimed += points
            notes.append(Explanation("bonus", bonus_item.code, points, _("{code} +{points}: {title}")
                                     .format(code=bonus_item.code, points=decimal_text(points),
                                             title=bonus_item.title)))
    bonus = min(bonus_claimed, checklist.bonus_cap)
    if bonus < bonus_claimed:
        notes.append(Explanation("bonus_cap", "", bonus - bonus_claimed,
                                 _("bonus {claimed} above the cap, counted as {cap}").format(
                                     claimed=decimal_text(bonus_claimed),
                                     cap=decimal_text(checklist.bonus_cap))))
    total = base + bonus
    if checklist.cap_total and total > checklist.full_marks:
        notes.append(Explanation("cap_total", "", checklist.full_marks - total,
                                 _("total {total} capped at full marks {full}").format(
                                     total=decimal_text(total),
                                     full=decimal_text(checklist.full_marks))))
        total = checklist.full_marks

    vetoed_by = tuple(v.code for v in checklist.veto_items if inputs.veto.get(v.code))
    for code in vetoed_by:
        notes.append(Explanation("veto", code, ZERO, _("veto {code} triggered: grade {grade}")
                                 .format(code=code, grade=checklist.lowest_grade)))
    return Result(
        items=counted,
        sections=sections,
        raw_base=raw_base,
        applicable_max=applicable_max,
        base=base,
        bonus_claimed=bonus_claimed,
        bonus=bonus,
        total=total,
        veto=bool(vetoed_by),
        vetoed_by=vetoed_by,
        grade=grade_for(checklist, total, bool(vetoed_by)),
        explanation=tuple(notes),
    )


def rank(totals: Iterable[Decimal]) -> list[int]:
    """Competition ranks by total, descending; ties share a rank (1, 2, 2, 4)."""
    values = list(totals)
    return [1 + sum(1 for other in values if other > value) for value in values]
