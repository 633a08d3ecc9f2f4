"""销号: the secretary closes a department's measure in the bureau file after checking its
completion evidence (who, when; audited). A later 整改进展 copy from the department does not
undo it."""

from __future__ import annotations

from pathlib import Path

from selfassess.bureau.returns import find_department
from selfassess.bureau.roster import require_bureau
from selfassess.errors import InputRefused
from selfassess.i18n import _, join_list
from selfassess.store import AssessmentFile
from selfassess.store.editing import now_text
from selfassess.store.ledger import STATUSES, LedgerEntry, close_measure
from selfassess.validation import MAX_NAME, text_problem


def close_department_measure(bureau_path: Path, name: str, number: int, by: str = "") -> str:
    """Mark measure ``number`` of a department 已销号; returns a line to show."""
    if problem := text_problem(by, MAX_NAME, single_line=True):
        raise InputRefused(_("the name of who closes it {problem}").format(problem=problem))
    with AssessmentFile.open(bureau_path) as bureau:
        require_bureau(bureau)
        department = find_department(bureau, name)
        measures = {m.number: m for m in bureau.data(department.id).measures}
        if number not in measures:
            raise InputRefused(_("{name} has no measure {number} (its measures: {numbers})")
                               .format(name=department.name, number=number,
                                       numbers=join_list(str(n) for n in measures) or "—"))
        entry = bureau.ledger(department.id).get(number)
        if entry is not None and entry.status == "closed":
            raise InputRefused(_("measure {number} of {name} was already closed by {by} on "
                                 "{date}").format(number=number, name=department.name,
                                                  by=entry.closed_by or "—",
                                                  date=(entry.closed_at or "")[:10]))
        with bureau.transaction():
            close_measure(bureau, department.id, number, by, now_text())
        line = _("measure {number} of {name} closed (已销号)").format(number=number,
                                                                   name=department.name)
        if warning := closing_warning(entry):
            line += "\n" + _("warning: {warning}").format(warning=warning)
        return line


def closing_warning(entry: LedgerEntry | None) -> str:
    """What a 销号 goes past (the secretary's call, said, not refused): a measure the
    department has not reported done, or done without completion documents."""
    status = entry.status if entry is not None else "not_started"
    if status != "done":
        return _("the department has not reported it done (it is {status})").format(
            status=_(STATUSES[status]))
    if entry is not None and not entry.evidence:
        return _("it has no completion evidence (整改佐证) in the file")
    return ""
