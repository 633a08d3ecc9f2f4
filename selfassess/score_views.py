"""A department's answers as the scoring reads them: its own view (what it claimed) and the
final view (the review group's where it has spoken). The app scores one department with these
on every change; the bureau's read model (``standing``) scores every department with them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from selfassess.scoring import ItemAnswer, ScoreInput

if TYPE_CHECKING:
    from selfassess.store.records import DepartmentData


def self_input(data: DepartmentData) -> ScoreInput:
    """What the department itself claimed: self scores, claimed bonus, declared vetoes."""
    return ScoreInput(
        answers={code: ItemAnswer(a.self_score, a.not_applicable, a.deduction_reason)
                 for code, a in data.answers.items()},
        bonus={code: c.points for code, c in data.bonus.items() if c.points is not None},
        veto={code: bool(v.triggered) for code, v in data.veto.items()},
    )


def reviewed(data: DepartmentData) -> bool:
    """Whether the review group entered anything that can change a score (until then the
    final view is the department's own, and is not worked out again)."""
    return (any(a.review_score is not None for a in data.answers.values())
            or any(c.review_points is not None for c in data.bonus.values())
            or any(v.review_triggered for v in data.veto.values()))


def final_input(data: DepartmentData) -> ScoreInput:
    """The final view: the review group's score/points where present, else the department's;
    a veto counts when declared by the department or set by the review group."""
    answers = {}
    for code, a in data.answers.items():
        if a.review_score is not None:  # the review group's score stands, even over 不适用
            answers[code] = ItemAnswer(a.review_score, False, a.review_reason)
        else:
            answers[code] = ItemAnswer(a.self_score, a.not_applicable, a.deduction_reason)
    bonus = {}
    for code, claim in data.bonus.items():
        points = claim.review_points if claim.review_points is not None else claim.points
        if points is not None:
            bonus[code] = points
    veto = {code: bool(v.triggered) or bool(v.review_triggered) for code, v in data.veto.items()}
    return ScoreInput(answers, bonus, veto)
