"""等次调整: the secretary lowers a department's grade with a reason, where the checklist caps
a grade's share (等次比例) and more departments reached it. Scores never change; the grade they
give stays beside the adjusted one in every output."""

from __future__ import annotations

from pathlib import Path

from selfassess.bureau.returns import find_department
from selfassess.bureau.roster import require_bureau
from selfassess.errors import InputRefused
from selfassess.i18n import _
from selfassess.standing import read_standing
from selfassess.store import AssessmentFile
from selfassess.store.adjustments import GradeAdjustment, remove_adjustment, write_adjustment
from selfassess.store.editing import now_text
from selfassess.validation import MAX_NAME, MAX_SHORT_TEXT, text_problem


def adjust_grade(bureau_path: Path, name: str, grade: str = "", reason: str = "", by: str = "",
                 withdraw: bool = False) -> str:
    """Lower a department's grade (or withdraw the adjustment); returns the line to show."""
    if problem := text_problem(by, MAX_NAME, single_line=True):
        raise InputRefused(_("the name of who adjusts it {problem}").format(problem=problem))
    with AssessmentFile.open(bureau_path) as bureau:
        require_bureau(bureau)
        department = find_department(bureau, name)
        if bureau.approval(department.id) is not None:
            raise InputRefused(_("{name} is approved (审定); withdraw the approval before "
                                 "adjusting its grade").format(name=department.name))
        standing = next(d for d in read_standing(bureau, department.id).departments)
        computed = standing.final.grade
        if withdraw:
            if standing.adjustment is None:
                raise InputRefused(_("{name}'s grade was not adjusted").format(
                    name=department.name))
            with bureau.transaction():
                remove_adjustment(bureau, department.id, by, now_text())
            return _("{name}: adjustment withdrawn, grade {grade} as its scores give").format(
                name=department.name, grade=computed)
        names = [band.name for band in bureau.checklist.grade_bands]
        grade = grade.strip()
        if grade not in names:
            raise InputRefused(_("“{grade}” is not a grade of the checklist ({names})").format(
                grade=grade[:20], names="、".join(names)))
        if names.index(grade) <= names.index(computed):
            raise InputRefused(_("{name}'s scores give {computed}: an adjustment can only lower "
                                 "the grade").format(name=department.name, computed=computed))
        if not reason.strip():
            raise InputRefused(_("give the reason for the adjustment (--reason)"))
        current = standing.adjustment
        if current is not None and (current.grade, current.reason) == (grade, reason.strip()):
            return _("{name}: grade already adjusted to {grade} for this reason; nothing "
                     "changed").format(name=department.name, grade=grade)
        if problem := text_problem(reason, MAX_SHORT_TEXT):
            raise InputRefused(_("the reason {problem}").format(problem=problem))
        with bureau.transaction():
            write_adjustment(bureau, GradeAdjustment(department.id, grade, reason.strip(), by,
                                                     now_text()), computed)
        return _("{name}: grade {computed} adjusted to {grade}").format(
            name=department.name, computed=computed, grade=grade)
