"""退回 and 审定 as a file keeps them: returns of a department for correction, and approvals.

A bureau file records each return (the revision returned, when, by whom, the overall note and
a reason for each returned item, bonus claim or veto declaration) and each approval (the
revision and digest approved, when, by whom; withdrawn when and by whom). The department file
sent back carries the return it was made for (``AssessmentFile.current_return``): until the
department seals again only the returned entries change, unless the whole file was reopened.

The store owns the SQL; everything read here is checked as any stored value is (a received
file is untrusted).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from selfassess.errors import FileFormatError
from selfassess.i18n import _
from selfassess.record import record
from selfassess.store.database import connection
from selfassess.store.evidence import hash_file
from selfassess.store.reading import SHA256_PATTERN, damaged
from selfassess.validation import (
    MAX_NAME,
    MAX_SHORT_TEXT,
    safe_file_name,
    text_problem,
    time_problem,
)

if TYPE_CHECKING:
    from selfassess.checklist.model import Checklist
    from selfassess.store.assessment import AssessmentFile
    from selfassess.store.records import DepartmentData

KINDS = ("item", "bonus", "veto")


@record
class ReturnEntry:
    """One returned item (``kind`` item), bonus claim or veto declaration, with its reason."""

    kind: str
    code: str
    reason: str


@record
class ReturnRecord:
    """One return of a department at one revision."""

    id: int
    department_id: str
    revision: int  # the revision that was returned
    returned_at: str
    returned_by: str
    note: str
    entries: tuple[ReturnEntry, ...]
    reopened_at: str | None = None  # the department reopened the whole file instead

    def codes(self, kind: str) -> list[str]:
        """The codes returned of one kind, in the order the entries were given."""
        return [entry.code for entry in self.entries if entry.kind == kind]

    def reason(self, kind: str, code: str) -> str | None:
        """Why this entry was returned (None when it was not)."""
        return next((e.reason for e in self.entries if (e.kind, e.code) == (kind, code)), None)


@record
class Approval:
    """One 审定: a department's revision and digest, approved (and perhaps withdrawn)."""

    id: int
    department_id: str
    revision: int
    digest: str
    approved_at: str
    approved_by: str
    withdrawn_at: str | None = None
    withdrawn_by: str = ""

    @property
    def active(self) -> bool:
        """Not withdrawn."""
        return self.withdrawn_at is None


def _checked_text(problems: list[str], where: str, value: Any, limit: int) -> str:
    if problem := text_problem(value, limit):
        problems.append(f"{where}: {problem}")
        return ""
    return str(value)


def _checked_time(problems: list[str], where: str, value: Any, optional: bool = False
                  ) -> str | None:
    if optional and value is None:
        return None
    if problem := time_problem(value):
        problems.append(f"{where}: {problem}")
        return ""
    return str(value)


def _checked_revision(problems: list[str], where: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        problems.append(f"{where}: " + _("the revision is not a whole number"))
        return 0
    return value


def read_returns(af: AssessmentFile, department_id: str | None = None) -> list[ReturnRecord]:
    """The returns recorded (of one department, or all), oldest first, each value checked."""
    db, checklist = connection(af), af.checklist
    problems: list[str] = []
    entries: dict[int, list[ReturnEntry]] = {}
    for return_id, kind, code, reason in db.execute(
            "SELECT return_id, target_kind, code, reason FROM return_entries "
            "ORDER BY return_id, rowid"):
        where = _("return {number}").format(number=str(return_id)[:20])
        if kind not in KINDS or code not in _known_codes(checklist, str(kind)):
            problems.append(f"{where}: " + _("returns an unknown entry {code}").format(
                code=str(code)[:20]))
            continue
        entries.setdefault(int(return_id), []).append(
            ReturnEntry(kind, code, _checked_text(problems, where, reason, MAX_SHORT_TEXT)))
    records = []
    sql = ("SELECT id, department_id, revision, returned_at, returned_by, note, reopened_at "
           "FROM returns")
    params: list[str] = []
    if department_id is not None:
        sql += " WHERE department_id = ?"
        params.append(department_id)
    for row in db.execute(sql + " ORDER BY id", params):
        return_id, dept_id, revision, at, by, note, reopened = row
        where = _("return {number}").format(number=str(return_id)[:20])
        records.append(ReturnRecord(
            int(return_id), str(dept_id), _checked_revision(problems, where, revision),
            _checked_time(problems, where, at) or "",
            _checked_text(problems, where, by, MAX_NAME),
            _checked_text(problems, where, note, MAX_SHORT_TEXT),
            tuple(entries.get(int(return_id), ())),
            _checked_time(problems, where, reopened, optional=True)))
    if problems:
        raise FileFormatError(damaged(af.path.name, [f"{af.path.name}: {p}" for p in problems]))
    return records


def _known_codes(checklist: Checklist, kind: str) -> Iterable[str]:
    if kind == "item":
        return checklist.items_by_code
    if kind == "bonus":
        return checklist.bonus_by_code
    return checklist.veto_by_code


def add_return(af: AssessmentFile, department_id: str, revision: int, at: str, by: str,
               note: str, entries: Iterable[ReturnEntry]) -> int:
    """Record a return (the caller holds the transaction); returns its id."""
    db = connection(af)
    db.insert("returns", {"department_id": department_id, "revision": revision,
                          "returned_at": at, "returned_by": by, "note": note})
    return_id = int(db.execute("SELECT last_insert_rowid()").fetchone()[0])
    for entry in entries:
        db.insert("return_entries", {"return_id": return_id, "target_kind": entry.kind,
                                     "code": entry.code, "reason": entry.reason})
    return return_id


def copy_return(af: AssessmentFile, record: ReturnRecord) -> None:
    """Record a return read from another file, with the same id (the returned file)."""
    db = connection(af)
    db.insert("returns", {"id": record.id, "department_id": record.department_id,
                          "revision": record.revision, "returned_at": record.returned_at,
                          "returned_by": record.returned_by, "note": record.note})
    for entry in record.entries:
        db.insert("return_entries", {"return_id": record.id, "target_kind": entry.kind,
                                     "code": entry.code, "reason": entry.reason})


def mark_reopened(af: AssessmentFile, return_id: int, at: str) -> None:
    """The department reopened the whole file instead of correcting only what was returned."""
    connection(af).execute("UPDATE returns SET reopened_at = ? WHERE id = ?", [at, return_id])


def read_approvals(af: AssessmentFile, department_id: str | None = None) -> list[Approval]:
    """The approvals recorded (of one department, or all), oldest first, each value checked."""
    problems: list[str] = []
    approvals = []
    sql = ("SELECT id, department_id, revision, digest, approved_at, approved_by, withdrawn_at, "
           "withdrawn_by FROM approvals")
    params: list[str] = []
    if department_id is not None:
        sql += " WHERE department_id = ?"
        params.append(department_id)
    for row in connection(af).execute(sql + " ORDER BY id", params):
        approval_id, dept_id, revision, digest, at, by, withdrawn_at, withdrawn_by = row
        where = _("approval {number}").format(number=str(approval_id)[:20])
        if not isinstance(digest, str) or not SHA256_PATTERN.match(digest):
            problems.append(f"{where}: " + _("the content hash is not valid"))
        approvals.append(Approval(
            int(approval_id), str(dept_id), _checked_revision(problems, where, revision),
            str(digest), _checked_time(problems, where, at) or "",
            _checked_text(problems, where, by, MAX_NAME),
            _checked_time(problems, where, withdrawn_at, optional=True),
            _checked_text(problems, where, withdrawn_by, MAX_NAME)))
    if problems:
        raise FileFormatError(damaged(af.path.name, [f"{af.path.name}: {p}" for p in problems]))
    return approvals


def add_approval(af: AssessmentFile, department_id: str, revision: int, digest: str, at: str,
                 by: str) -> None:
    """Record a 审定 (the caller holds the transaction)."""
    connection(af).insert("approvals", {"department_id": department_id, "revision": revision,
                                        "digest": digest, "approved_at": at, "approved_by": by})


def withdraw_approval(af: AssessmentFile, approval_id: int, at: str, by: str) -> None:
    """Withdraw a 审定 (kept, marked withdrawn; the caller holds the transaction)."""
    connection(af).execute("UPDATE approvals SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?",
                           [at, by, approval_id])


def outside_return(record: ReturnRecord, data: DepartmentData, changes: Any) -> list[str]:
    """What a change to a returned file would change that was not returned (empty when it
    keeps to the returned entries, the shortcomings and the measures). An entry given again
    with the values it has (a whole answers file, a form filled in again) changes nothing."""
    touched: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for kind, part, current in (("item", changes.answers, data.answers),
                                ("bonus", changes.bonus, data.bonus),
                                ("veto", changes.veto, data.veto)):
        for code, fields in part.items():
            entry = current.get(code)
            if any(getattr(entry, name, _ABSENT) != value if entry is not None
                   else value not in _EMPTY for name, value in fields.items()):
                touched[kind].add(code)
    for kind, lists in (("item", changes.item_evidence), ("bonus", changes.bonus_evidence)):
        for code, sources in lists.items():
            if _documents_of(sources) != [(ref.file_name, ref.sha256)
                                         for ref in data.evidence_for(kind, code)]:
                touched[kind].add(code)
    for kind, code, _source in changes.add_evidence:
        touched.setdefault(kind, set()).add(code)
    targets = {ref.id: (ref.target_kind, ref.target_code) for ref in data.evidence}
    for evidence_id in changes.remove_evidence:
        if evidence_id in targets:
            kind, code = targets[evidence_id]
            touched.setdefault(kind, set()).add(code)
    outside = [code for kind in KINDS for code in sorted(touched.get(kind, ()))
               if code not in record.codes(kind)]
    if not outside:
        return []
    returned = "、".join(code for kind in KINDS for code in record.codes(kind)) or "-"
    return [_("{codes} were not returned for correction: only {returned} can be changed, or "
              "reopen the whole file").format(codes="、".join(outside), returned=returned)]


_ABSENT = object()
_EMPTY = (None, "", False)  # what a field of an entry not yet there holds


def _documents_of(sources: list[Any]) -> list[tuple[str, str]] | None:
    """(name as stored, SHA-256) of each document to attach; None when one cannot be read."""
    try:
        return [(safe_file_name(source.name), hash_file(source.path)[0]) for source in sources]
    except OSError:
        return None
