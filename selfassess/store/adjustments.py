"""等次调整: a grade the secretary lowered in a bureau file, with the reason, who and when (the
grade the scores give is kept and printed beside it). Every value is checked on read."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from selfassess.errors import FileFormatError
from selfassess.i18n import _
from selfassess.record import record
from selfassess.store.audit import write_audit
from selfassess.store.database import connection
from selfassess.store.reading import damaged
from selfassess.validation import MAX_NAME, MAX_SHORT_TEXT, text_problem, time_problem

if TYPE_CHECKING:
    from selfassess.store.assessment import AssessmentFile


@record
class GradeAdjustment:
    """A department's grade, lowered."""

    department_id: str
    grade: str
    reason: str
    adjusted_by: str
    adjusted_at: str
    lowers: bool = True  # the read model sets it: False once the scores give that grade or lower


def read_adjustments(af: AssessmentFile) -> dict[str, GradeAdjustment]:
    """The adjustments by department id, every value checked."""
    problems = []
    found = {}
    for row in connection(af).execute(
            "SELECT department_id, grade, reason, adjusted_by, adjusted_at "
            "FROM grade_adjustments"):
        department_id, grade, reason, by, at = row
        for problem in (text_problem(department_id, MAX_NAME, single_line=True),
                        text_problem(grade, MAX_NAME, single_line=True),
                        text_problem(reason, MAX_SHORT_TEXT), text_problem(by, MAX_NAME,
                                                                           single_line=True),
                        time_problem(at)):
            if problem:
                problems.append(f"{af.path.name}: " + _("grade adjustment") + f": {problem}")
        found[str(department_id)] = GradeAdjustment(str(department_id), str(grade), str(reason),
                                                    str(by), str(at))
    if problems:
        raise FileFormatError(damaged(af.path.name, problems))
    return found


def write_adjustment(af: AssessmentFile, adjustment: GradeAdjustment, computed: str) -> None:
    """Record (or replace) one adjustment, audited (the caller holds the transaction)."""
    db = connection(af)
    db.upsert("grade_adjustments", {
        "department_id": adjustment.department_id, "grade": adjustment.grade,
        "reason": adjustment.reason, "adjusted_by": adjustment.adjusted_by,
        "adjusted_at": adjustment.adjusted_at}, pk=("department_id",))
    write_audit(db, "adjust-grade", at=adjustment.adjusted_at, actor=adjustment.adjusted_by,
                department_id=adjustment.department_id, target=computed,
                new=json.dumps({"grade": adjustment.grade, "reason": adjustment.reason},
                               ensure_ascii=False))


def remove_adjustment(af: AssessmentFile, department_id: str, by: str, at: str) -> None:
    """Withdraw a department's adjustment, audited (the caller holds the transaction)."""
    db = connection(af)
    db.execute("DELETE FROM grade_adjustments WHERE department_id = ?", [department_id])
    write_audit(db, "adjust-grade-withdrawn", at=at, actor=by, department_id=department_id)
