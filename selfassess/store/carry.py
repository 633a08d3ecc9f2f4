"""Next year's file from last year's (``selfassess new NEW --from LAST``).

The same department (id and name), against this year's checklist. Each narrative goes on to
the items the checklist's ``previous:`` map gives (several old items merged into one: their
narratives one after another), marked carried until the department edits or confirms it;
sealing waits for that. Scores and evidence stay behind: this year is scored anew. The
measures not done go on with their status and notes (their deadlines to be revisited), and
last year's shortcomings are kept as reference on the items they named.
"""

from __future__ import annotations

import json
from pathlib import Path

from selfassess.checklist.diff import item_map, unmapped_items
from selfassess.checklist.model import Checklist
from selfassess.errors import FileFormatError, InputRefused
from selfassess.i18n import _
from selfassess.store.assessment import AssessmentFile
from selfassess.store.audit import write_audit
from selfassess.store.changes import ChangeSet
from selfassess.store.database import connection
from selfassess.store.editing import now_text
from selfassess.store.history import period_year
from selfassess.store.ledger import carry_entry, effective_deadline
from selfassess.store.reading import damaged
from selfassess.store.records import Measure
from selfassess.validation import MAX_NAME, MAX_SHORT_TEXT, text_problem


def carry_over(last: AssessmentFile, target: Path, checklist: Checklist, period: str,
               filled_by: str | None = None) -> tuple[AssessmentFile, list[str]]:
    """Create ``target`` from ``last`` (a department file) and return it open for editing,
    with the codes of last year's items the new checklist does not place (nothing of theirs
    was carried)."""
    if last.info.kind != "department":
        raise InputRefused(_("{name} is a bureau file: start next year's file from a "
                             "department's file").format(name=last.path.name))
    if period.strip() == last.info.period.strip():
        raise InputRefused(_("{name} is already the file for {period}: give the new "
                             "period").format(name=last.path.name, period=period))
    new_year, last_year = period_year(period), period_year(last.info.period)
    if new_year is None:  # next year's file is for a year: 年度对比 orders files by it
        raise InputRefused(_("the period “{period}” names no year in digits; give it as "
                             "{example}").format(period=period[:40],
                                                 example=(last_year or 2026) + 1))
    if last_year is not None and new_year <= last_year:
        raise InputRefused(_("{name} is the file for {last}: the new file's period must come "
                             "after it, not {period}").format(
            name=last.path.name, last=last.info.period, period=period))
    data = last.data()
    department = data.department
    placed = item_map(last.checklist, checklist)
    narratives: dict[str, list[str]] = {}
    for old_code, new_codes in placed.items():
        answer = data.answers.get(old_code)
        if answer is not None and answer.narrative.strip():
            for code in new_codes:
                narratives.setdefault(code, []).append(answer.narrative.strip())
    carried = {code: "\n".join(texts) for code, texts in narratives.items()}
    first_place = {old: new[0] for old, new in placed.items() if new}
    new = AssessmentFile.create(
        target, checklist, department_name=department.name, period=period,
        bureau_name=last.info.bureau_name,
        filled_by=department.filled_by if filled_by is None else filled_by,
        department_id=department.id)
    # the open measures go on, numbered anew, with their status and notes; the shortcomings
    # they answered are last year's (kept as reference below)
    ledger = last.ledger()
    still_open = [m for m in data.measures
                  if (entry := ledger.get(m.number or 0)) is None
                  or entry.status not in ("done", "closed")]
    try:
        actor = new.department().filled_by
        new.apply(ChangeSet(
            answers={code: {"narrative": text} for code, text in carried.items()},
            # a deadline put back during the year goes on as the measure's own
            measures=[Measure(m.text, m.owner, effective_deadline(m, ledger.get(m.number or 0)),
                              None, m.leader, m.standard, m.progress) for m in still_open]),
            actor=actor)
        renumbered = {m.number: carried_measure.number for m, carried_measure
                      in zip(still_open, new.data().measures, strict=True)}
        with new.transaction():
            db = connection(new)
            for code in carried:
                db.insert("carried", {"department_id": department.id, "item_code": code,
                                      "period": last.info.period})
            for old_number, number in renumbered.items():
                entry = ledger.get(old_number or 0)
                if entry is not None and number is not None:
                    carry_entry(new, department.id, number, entry)
            for shortcoming in data.shortcomings:
                db.insert("earlier_shortcomings", {
                    "department_id": department.id, "period": last.info.period,
                    "category": shortcoming.category, "text": shortcoming.text,
                    "item_code": first_place.get(shortcoming.item_code, "")})
            write_audit(db, "carry", at=now_text(), actor=actor, department_id=department.id,
                        target=last.info.period, new=json.dumps(
                            {"from": last.path.name, "period": last.info.period,
                             "narratives": sorted(carried), "measures": len(still_open)},
                            ensure_ascii=False))
    except BaseException:
        new.close()
        target.unlink(missing_ok=True)
        raise
    return new, unmapped_items(last.checklist, checklist)


def earlier_shortcomings(af: AssessmentFile, item_code: str | None = None
                         ) -> list[tuple[str, str, str, str]]:
    """Last year's shortcomings kept as reference: (period, category, text, item code), of
    one item or all, in their order; each value checked (a received file is untrusted)."""
    sql = "SELECT department_id, period, category, text, item_code FROM earlier_shortcomings"
    params: list[str] = []
    if item_code is not None:
        sql += " WHERE item_code = ?"
        params.append(item_code)
    found, problems = [], []
    known = {department.id for department in af.departments()}
    for department_id, period, category, text, code in connection(af).execute(
            sql + " ORDER BY id", params):
        where = _("earlier shortcoming")
        for value, limit in ((period, MAX_NAME), (category, MAX_NAME), (text, MAX_SHORT_TEXT),
                             (code, MAX_NAME)):
            if problem := text_problem(value, limit):
                problems.append(f"{af.path.name}: {where}: {problem}")
        if department_id not in known or (code and code not in af.checklist.items_by_code):
            problems.append(f"{af.path.name}: {where}: " + _("unknown item code"))
        found.append((str(period), str(category), str(text), str(code)))
    if problems:
        raise FileFormatError(damaged(af.path.name, problems))
    return found
