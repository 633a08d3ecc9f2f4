"""The full check of a file this machine did not write last: integrity, foreign keys, every
stored value, every seal digest and every evidence document's hash and size.

Runs on a read-only connection before the file is used for anything (shown, printed, edited).
``open_database`` has already checked the header, the structure (no views or triggers) and the
schema version; ``AssessmentFile`` has checked the kind, the period and the embedded checklist.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from selfassess.errors import FileFormatError
from selfassess.i18n import _
from selfassess.store.adjustments import read_adjustments
from selfassess.store.audit import audit_digest
from selfassess.store.database import connection
from selfassess.store.evidence import blob_head, blob_matches, stored_heads
from selfassess.store.history import read_history
from selfassess.store.ledger import ledger_documents, read_ledger, read_ledgers
from selfassess.store.records import DepartmentData
from selfassess.store.returns import read_approvals, read_returns
from selfassess.store.schema import EXPECTED_TABLES
from selfassess.store.sealing import content_digest
from selfassess.validation import MAX_EVIDENCE_BYTES, time_problem

if TYPE_CHECKING:
    from selfassess.store.assessment import AssessmentFile


def _refuse(file_name: str, reason: str) -> FileFormatError:
    return FileFormatError(f"{file_name}: {reason}")


def structure_problem(af: AssessmentFile, tables: Iterable[str] | None = None) -> str | None:
    """Why the file's pages or rows are damaged (None when sound): SQLite's quick check of the
    whole file or of these tables, then the foreign keys."""
    db = connection(af)
    checks = ([db.execute("PRAGMA quick_check").fetchone()] if tables is None else
              [db.execute(f"PRAGMA quick_check({table})").fetchone() for table in sorted(tables)])
    if any(not check or check[0] != "ok" for check in checks):
        return _("the file is damaged (integrity check failed)")
    if db.execute("PRAGMA foreign_key_check").fetchone() is not None:
        return _("the file is damaged (rows refer to missing departments or documents)")
    return None


def verify_contents(af: AssessmentFile, writable: bool = True) -> None:
    """Raise FileFormatError (one line) unless everything in the open file checks out.

    A file about to be written gets SQLite's check of every page (a damaged free list would
    spread at the next write). One only read skips the pages of the evidence bytes there, as
    merge intake does: every document is read whole and re-hashed below, which finds a damaged
    page too, and checking them first read 200 MB twice."""
    name = af.path.name
    if problem := structure_problem(af, None if writable else
                                    EXPECTED_TABLES - {"evidence_blobs"}):
        raise _refuse(name, problem)
    departments = af.departments()
    if af.info.kind == "department" and len(departments) != 1:
        raise _refuse(name, _("a department file must hold exactly one department"))
    # every stored value, against the embedded checklist: read together (each table once, kept
    # for what reads the file next); where that finds a problem, one department at a time, its
    # seal checked before the next is read, so that the first problem in the file's order is
    # the one named, as it is when every read holds and the seals are checked in order
    try:
        together: list[DepartmentData] | None = af.every_data()
    except Exception:  # whatever it was, reading one at a time raises it, in order
        together = None
    referenced: set[str] = set()
    for position, department in enumerate(departments):
        data = together[position] if together is not None else af.data(department.id)
        if problem := seal_problem(af, data):
            raise _refuse(name, problem)
        referenced.update(ref.sha256 for ref in data.evidence)
    known = {department.id for department in departments}
    from selfassess.store.carry import earlier_shortcomings  # it writes through AssessmentFile

    earlier_shortcomings(af)  # every value checked
    ids = [department.id for department in departments]
    try:
        ledgers = read_ledgers(af, ids)  # as the departments' data: together, else in order
    except Exception:  # as above
        ledgers = {department_id: read_ledger(af, department_id) for department_id in ids}
    for ledger in ledgers.values():
        referenced.update(ledger_documents(ledger))
    read_history(af)
    owners = [r.department_id for r in read_returns(af)] + [
        a.department_id for a in read_approvals(af)] + list(
        read_adjustments(af))  # every value checked on the way
    for owner in owners:
        if owner not in known:
            raise _refuse(name, _("the file is damaged (rows refer to missing departments or "
                                  "documents)"))
    for sha256 in sorted(referenced):
        _check_document(af, sha256, name)


def seal_problem(af: AssessmentFile, data: DepartmentData) -> str | None:
    """Why a sealed department's seal does not hold (None when it does, or it is a draft):
    the last seal record must be this revision and the content must hash to its digest.
    Merging checks received files with this too."""
    department = data.department
    if not department.sealed:
        return None
    seals = af.seals(department.id)
    for seal in seals:
        if problem := time_problem(seal.sealed_at):
            return _("seal of revision {revision}: {problem}").format(revision=seal.revision,
                                                                      problem=problem)
    if not seals or seals[-1].revision != department.revision:
        return _("its seal record is missing or does not match revision {revision}").format(
            revision=department.revision)
    seal = seals[-1]
    # a department file holds the lines its seal covers; a bureau file keeps the audit digest
    # the department file proved at merge
    if seal.audit_digest is not None and af.info.kind == "department" and \
            audit_digest(connection(af), department.id, department.revision) != seal.audit_digest:
        return _("modified after sealing: its audit log was changed")
    digest = content_digest(data, af.checklist.fingerprint, af.info.period, department.revision,
                            seal.audit_digest)
    if digest != seal.digest:
        return _("modified after sealing: the content does not match its sealed digest")
    return None


def _check_document(af: AssessmentFile, sha256: str, name: str) -> None:
    """The declared size is the real size and the stored bytes hash to their key."""
    row = connection(af).execute("SELECT size, length(content) FROM evidence_blobs WHERE sha256 = ?",
                                     [sha256]).fetchone()
    if row is None:
        raise _refuse(name, _("an evidence document is missing from the file"))
    declared, actual = row
    if declared != actual or not 0 <= actual <= MAX_EVIDENCE_BYTES:
        raise _refuse(name, _("an evidence document declares a wrong size"))
    if not blob_matches(connection(af), sha256):
        raise _refuse(name, _("an evidence document does not match its hash (damaged or "
                              "altered)"))
    head = stored_heads(connection(af), [sha256]).get(sha256)
    if head is not None and head != blob_head(connection(af), sha256, len(head) or 16):
        raise _refuse(name, _("an evidence document's first bytes were changed"))
