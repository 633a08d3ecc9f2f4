"""The file sent back with a return (退回): the department as the bureau file holds it, its
evidence, its seal history and the return's notes, as a department file to correct and seal.

The department's own audit lines stay in its own file (the bureau keeps only their digest), so
the returned file's log starts with the return. Made under a temporary name beside the target
and published whole, never over an existing file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from selfassess.store.assessment import AssessmentFile
from selfassess.store.audit import write_audit
from selfassess.store.database import connection, discard, publish, temporary_name
from selfassess.store.ledger import ledger_documents, read_ledger, take_ledger
from selfassess.store.returns import ReturnEntry, add_return
from selfassess.store.transfer import verify_and_copy_blobs, write_department

if TYPE_CHECKING:
    from selfassess.store.records import DepartmentData, SealRecord


def write_returned_file(bureau: AssessmentFile, data: DepartmentData, seals: list[SealRecord],
                        note: str, entries: list[ReturnEntry], at: str, by: str,
                        target: Path) -> None:
    """Write the returned department file to ``target`` (which must not exist)."""
    department = data.department
    # the measures' follow-up travels too: the department goes on updating it on this file,
    # and the next merge takes the ledger from it (without it, a return wiped the progress)
    ledger = read_ledger(bureau, department.id)
    temporary = temporary_name(target)
    try:
        returned = AssessmentFile.create(
            temporary, bureau.checklist, department_name=department.name,
            period=bureau.info.period, bureau_name=bureau.info.bureau_name,
            filled_by=department.filled_by, department_id=department.id)
        with returned, returned.transaction():
            # the documents first: the evidence rows refer to them
            verify_and_copy_blobs(bureau, returned, data, copy=True,
                                  also=ledger_documents(ledger))
            write_department(returned, data, None, seals, "")
            take_ledger(returned, department.id, ledger,
                        {m.number for m in data.measures if m.number is not None})
            db = connection(returned)
            # a department file: open to correct (not sealed), no bureau's merge columns
            db.execute("UPDATE departments SET sealed = 0, digest = NULL, source_file = '', "
                       "merged_at = '', created_at = ? WHERE id = ?",
                       [department.created_at, department.id])
            add_return(returned, department.id, department.revision, at, by, note, entries)
            db.execute("DELETE FROM audit_log")  # its "create" line: this file was not made new
            write_audit(db, "returned", at=at, actor=by, department_id=department.id,
                        target=str(department.revision), new=json.dumps(
                            {"note": note, "entries": [e.__dict__ for e in entries]},
                            ensure_ascii=False))
        publish(temporary, target)
    except BaseException:
        discard(temporary)
        raise
