"""整改台账: each measure's status, dated progress notes and 销号, kept beside the measures and
outside the seal's digest, so a department follows its measures up on a sealed file (each
change audited, travelling in the same file) and the secretary marks one 已销号 in the bureau
file after checking the completion evidence.

Statuses are stored as keywords (``STATUSES``); a measure with no ledger row has not started.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from typing import TYPE_CHECKING

from selfassess.errors import FileFormatError, InputRefused
from selfassess.i18n import N_, _
from selfassess.record import record
from selfassess.store.audit import write_audit
from selfassess.store.changes import EvidenceSource, evidence_problems
from selfassess.store.database import connection
from selfassess.store.evidence import media_type, store_blob
from selfassess.store.reading import DepartmentRows, damaged
from selfassess.validation import (
    MAX_NAME,
    MAX_SHORT_TEXT,
    file_name_problem,
    safe_file_name,
    text_problem,
    time_problem,
)

if TYPE_CHECKING:
    from selfassess.store.assessment import AssessmentFile
    from selfassess.store.records import Measure

STATUSES = {"not_started": N_("not yet started"), "in_progress": N_("in progress"),
            "done": N_("done"), "closed": N_("closed (销号)")}
# what a department or an answers file may write for each keyword (Chinese as it is said)
STATUS_WORDS = {"未开始": "not_started", "整改中": "in_progress", "已完成": "done",
                "已销号": "closed", **{key: key for key in STATUSES}}
DUE_SOON_DAYS = 30
SHA256 = re.compile(r"[0-9a-f]{64}")


@record
class ProgressNote:
    """One dated note on a measure's progress."""

    at: str
    actor: str
    text: str


@record
class MeasureDocument:
    """A document attached to a measure as its completion evidence (整改佐证)."""

    file_name: str
    media_type: str
    sha256: str
    size: int
    added_at: str
    added_by: str = ""


@record
class LedgerEntry:
    """Where one measure stands."""

    number: int
    status: str = "not_started"
    updated_at: str = ""
    closed_by: str = ""
    closed_at: str | None = None
    notes: tuple[ProgressNote, ...] = ()
    evidence: tuple[MeasureDocument, ...] = ()  # completion evidence, in the order attached
    deadline: str | None = None  # put back after sealing (延期), an ISO date; None: as sealed


@record
class LedgerUpdate:
    """A department's follow-up of one measure: a new status and/or a progress note."""

    number: int
    status: str | None = None  # a keyword of STATUSES, or None to keep it
    note: str = ""
    evidence: tuple[EvidenceSource, ...] = ()  # completion evidence to attach
    deadline: str | None = None  # a new deadline (ISO date), or None to keep it


def effective_deadline(measure: Measure, entry: LedgerEntry | None) -> str:
    """The deadline a measure is held to: the one put back in the ledger, else as sealed."""
    return entry.deadline if entry is not None and entry.deadline else measure.deadline


_DATE_AS_WRITTEN = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?"
                              r"\s*(?:之前|以前|前)?[.。]?", re.ASCII)


def deadline_date(text: str) -> date | None:
    """A deadline as people write it: 2027-06-30, 2027-6-30, 2027.6.30, 2027/6/30 or
    2027年6月30日 (前), full-width digits too; None for wording (年底前, 长期坚持) or a day that
    does not exist."""
    match = _DATE_AS_WRITTEN.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def looks_like_a_date(text: str) -> bool:
    """Written as a date, whether or not the day exists (2027年2月30日 does, wrongly)."""
    return _DATE_AS_WRITTEN.fullmatch(unicodedata.normalize("NFKC", text).strip()) is not None


def put_back(text: str) -> str:
    """A deadline put back (延期) as stored: ISO when it is a date however written (the
    ledger keeps dates), else as typed, which the checks then refuse naming it."""
    day = deadline_date(text)
    return day.isoformat() if day is not None else text.strip()


def overdue(measure: Measure, entry: LedgerEntry | None, today: date) -> str | None:
    """三色督办 of a measure still open: ``green`` on track, ``yellow`` due within 30 days,
    ``red`` overdue; None when it is done or closed (三色 follows what is open) or its deadline
    is not a date."""
    if entry is not None and entry.status in ("done", "closed"):
        return None
    deadline = deadline_date(effective_deadline(measure, entry))
    if deadline is None:
        return None
    if deadline < today:
        return "red"
    return "yellow" if (deadline - today).days <= DUE_SOON_DAYS else "green"


# the ledger's queries (columns, table, order within a department), for DepartmentRows
_QUERIES = {
    "notes": ("number, at, actor, text", "measure_notes", "id"),
    "documents": ("number, file_name, media_type, sha256, size, added_at, added_by",
                  "measure_evidence", "id"),
    "entries": ("number, status, updated_at, closed_by, closed_at, deadline", "measure_ledger",
                "number"),
}


def read_ledgers(af: AssessmentFile, department_ids: list[str]
                 ) -> dict[str, dict[int, LedgerEntry]]:
    """The ledgers of these departments, each table read once for them all (the notes and the
    completion documents have no index on the department: read one department at a time,
    each read went through a table that grows with every year's follow-up)."""
    rows = DepartmentRows(connection(af), department_ids, _QUERIES)
    return {department_id: read_ledger(af, department_id, rows)
            for department_id in department_ids}


def read_ledger(af: AssessmentFile, department_id: str, rows: DepartmentRows | None = None
                ) -> dict[int, LedgerEntry]:
    """The ledger of one department by measure number, every value checked (``rows``: from
    ``read_ledgers``)."""
    rows = rows or DepartmentRows(connection(af), queries=_QUERIES)
    problems: list[str] = []
    where = _("ledger")
    notes: dict[int, list[ProgressNote]] = {}
    for number, at, actor, text in rows("notes", department_id):
        for value, limit in ((actor, MAX_NAME), (text, MAX_SHORT_TEXT)):
            if problem := text_problem(value, limit):
                problems.append(f"{af.path.name}: {where}: {problem}")
        if problem := time_problem(at):
            problems.append(f"{af.path.name}: {where}: {problem}")
        if isinstance(number, int):
            notes.setdefault(number, []).append(ProgressNote(str(at), str(actor), str(text)))
    documents: dict[int, list[MeasureDocument]] = {}
    for number, file_name, kind, sha256, size, added_at, added_by in rows("documents",
                                                                          department_id):
        for problem in (file_name_problem(file_name), text_problem(kind, MAX_NAME),
                        text_problem(added_by, MAX_NAME, single_line=True),
                        time_problem(added_at),
                        None if isinstance(sha256, str) and SHA256.fullmatch(sha256)
                        else _("a document's hash is not a SHA-256"),
                        None if isinstance(size, int) and not isinstance(size, bool)
                        and size >= 0 else _("a document's size is not a number")):
            if problem:
                problems.append(f"{af.path.name}: {where}: {problem}")
        if isinstance(number, int):
            documents.setdefault(number, []).append(MeasureDocument(
                str(file_name), str(kind), str(sha256), size if isinstance(size, int) else 0,
                str(added_at), str(added_by)))
    entries = {}
    for number, status, updated_at, closed_by, closed_at, deadline in rows("entries",
                                                                           department_id):
        if deadline is not None and not valid_date(deadline):
            problems.append(f"{af.path.name}: {where}: " + _(
                "deadline {date} is not a real date").format(date=str(deadline)[:20]))
            deadline = None
        if status not in STATUSES or not isinstance(number, int):
            problems.append(f"{af.path.name}: {where}: " + _("unknown status “{status}”").format(
                status=str(status)[:20]))
            continue
        for problem in (time_problem(updated_at), time_problem(closed_at, optional=True)
                        if closed_at is not None else None,
                        text_problem(closed_by, MAX_NAME, single_line=True)):
            if problem:
                problems.append(f"{af.path.name}: {where}: {problem}")
        entries[number] = LedgerEntry(number, status, str(updated_at), str(closed_by),
                                      None if closed_at is None else str(closed_at),
                                      deadline=deadline)
    if problems:
        raise FileFormatError(damaged(af.path.name, problems))
    numbers = set(entries) | set(notes) | set(documents)
    return {n: LedgerEntry(n, *(
        (entries[n].status, entries[n].updated_at, entries[n].closed_by, entries[n].closed_at)
        if n in entries else ("not_started", "", "", None)), tuple(notes.get(n, ())),
        tuple(documents.get(n, ())), entries[n].deadline if n in entries else None)
        for n in sorted(numbers)}


def valid_date(value: object) -> bool:
    """An ISO date (2027-06-30) that exists."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def update_problems(measures: list[Measure], ledger: dict[int, LedgerEntry],
                    updates: list[LedgerUpdate]) -> list[str]:
    """Why these follow-ups cannot be stored (empty when they can)."""
    known = {m.number for m in measures}
    problems = []
    seen: set[int] = set()
    for update in updates:
        where = _("measure {number}").format(number=update.number)
        if update.number in seen:  # the second would be written over the first's status
            problems.append(f"{where}: " + _("is given more than once; give it once"))
            continue
        seen.add(update.number)
        if update.number not in known:
            problems.append(f"{where}: " + _("there is no measure with this number"))
            continue
        if update.status is not None and update.status not in STATUSES:
            problems.append(f"{where}: " + _("unknown status “{status}”").format(
                status=update.status[:20]))
        if update.status == "closed":
            problems.append(f"{where}: " + _("only the bureau marks a measure 已销号"))
        current = ledger.get(update.number)
        if current is not None and current.status == "closed" and update.status is not None:
            problems.append(f"{where}: " + _("it was closed (已销号) by the bureau"))
        if problem := text_problem(update.note, MAX_SHORT_TEXT):
            problems.append(f"{where}: {problem}")
        if update.deadline is not None and not valid_date(update.deadline):
            problems.append(f"{where}: " + _("deadline {date} is not a real date (write it as "
                                             "2027-06-30)").format(date=update.deadline[:20]))
        elif update.deadline is not None and not 2000 <= int(update.deadline[:4]) <= 2099:
            problems.append(f"{where}: " + _("deadline {date} is not a year a measure can be "
                                             "due in").format(date=update.deadline))
        names = [source.path for source in update.evidence]
        if len(set(names)) < len(names):
            problems.append(f"{where}: " + _("the same document is given more than once"))
        if update.evidence or update.deadline is not None:
            if current is not None and current.status == "closed" and update.status is None:
                problems.append(f"{where}: " + _("it was closed (已销号) by the bureau"))
            problems += evidence_problems(where, list(update.evidence),
                                          len(current.evidence) if current else 0)
    return problems


def write_updates(af: AssessmentFile, department_id: str, ledger: dict[int, LedgerEntry],
                  updates: list[LedgerUpdate], at: str, actor: str) -> None:
    """Store checked follow-ups, each audited (the caller holds the transaction)."""
    db = connection(af)
    for update in updates:
        before = ledger.get(update.number)
        if update.status is not None and (before is None or before.status != update.status):
            db.upsert("measure_ledger", {"department_id": department_id,
                                         "number": update.number, "status": update.status,
                                         "updated_at": at},
                      pk=("department_id", "number"))
            write_audit(db, "ledger", at=at, actor=actor, department_id=department_id,
                        target=str(update.number),
                        old=json.dumps(before.status if before else "not_started"),
                        new=json.dumps(update.status))
        if update.deadline is not None and (before is None or before.deadline != update.deadline):
            db.upsert("measure_ledger", {
                "department_id": department_id, "number": update.number,
                "status": update.status or (before.status if before else "not_started"),
                "updated_at": at, "deadline": update.deadline}, pk=("department_id", "number"))
            write_audit(db, "ledger-deadline", at=at, actor=actor, department_id=department_id,
                        target=str(update.number),
                        old=json.dumps(before.deadline if before else None),
                        new=json.dumps(update.deadline))
        # the same follow-up sent twice (an answers file run again) adds nothing twice: a
        # document the measure has already, or the note it ends with
        attached = {document.sha256 for document in before.evidence} if before else set()
        for source in update.evidence:
            sha256, size = store_blob(db, source.path)
            if sha256 in attached:
                continue
            attached.add(sha256)
            name = safe_file_name(source.name)
            db.insert("measure_evidence", {
                "department_id": department_id, "number": update.number, "file_name": name,
                "media_type": media_type(name), "sha256": sha256, "size": size, "added_at": at,
                "added_by": actor})
            write_audit(db, "ledger-evidence", at=at, actor=actor, department_id=department_id,
                        target=str(update.number), new=json.dumps(
                            {"name": name, "sha256": sha256}, ensure_ascii=False))
        last_note = before.notes[-1].text if before and before.notes else None
        if update.note.strip() and update.note.strip() != last_note:
            db.insert("measure_notes", {"department_id": department_id, "number": update.number,
                                        "at": at, "actor": actor, "text": update.note.strip()})
            write_audit(db, "ledger-note", at=at, actor=actor, department_id=department_id,
                        target=str(update.number), new=json.dumps(update.note.strip(),
                                                                  ensure_ascii=False))


def close_measure(af: AssessmentFile, department_id: str, number: int, by: str,
                  at: str) -> None:
    """销号 in a bureau file (the caller holds the transaction and has checked the measure)."""
    db = connection(af)
    db.upsert("measure_ledger", {"department_id": department_id, "number": number,
                                 "status": "closed", "updated_at": at, "closed_by": by,
                                 "closed_at": at}, pk=("department_id", "number"))
    write_audit(db, "close-measure", at=at, actor=by, department_id=department_id,
                target=str(number))


def status_keyword(value: str) -> str:
    """A status as written (整改中, or a keyword) → its keyword; InputRefused when unknown."""
    keyword = STATUS_WORDS.get(value.strip())
    if keyword is None:
        raise InputRefused(_("unknown status “{status}” (known: 未开始, 整改中, 已完成)").format(
            status=value[:20]))
    return keyword


def take_ledger(af: AssessmentFile, department_id: str, incoming: dict[int, LedgerEntry],
                numbers: set[int]) -> bool:
    """At merge, the department's ledger as its file has it (of the measures it lists), the
    bureau's 销号 kept; into a returned file, the bureau's. True when anything changed (the
    caller holds the transaction)."""
    db = connection(af)
    current = read_ledger(af, department_id)
    wanted: dict[int, LedgerEntry] = {}
    for number in numbers:
        kept = current.get(number)
        theirs = incoming.get(number)
        if kept is not None and theirs is not None:
            theirs = _together(kept, theirs)
        if kept is not None and kept.status == "closed":
            wanted[number] = LedgerEntry(number, "closed", kept.updated_at, kept.closed_by,
                                         kept.closed_at, theirs.notes if theirs else (),
                                         theirs.evidence if theirs else (),
                                         theirs.deadline if theirs else kept.deadline)
        elif theirs is not None:
            wanted[number] = theirs
        elif kept is not None:  # that copy never followed this measure up: what we have stays
            wanted[number] = kept
    if wanted == {n: e for n, e in current.items() if n in numbers} and set(current) <= numbers:
        return False
    db.execute("DELETE FROM measure_ledger WHERE department_id = ?", [department_id])
    db.execute("DELETE FROM measure_notes WHERE department_id = ?", [department_id])
    db.execute("DELETE FROM measure_evidence WHERE department_id = ?", [department_id])
    for entry in wanted.values():
        if entry.status != "not_started" or entry.updated_at:
            db.insert("measure_ledger", {"department_id": department_id, "number": entry.number,
                                         "status": entry.status,
                                         "updated_at": entry.updated_at or "",
                                         "closed_by": entry.closed_by,
                                         "closed_at": entry.closed_at,
                                         "deadline": entry.deadline})
        for note in entry.notes:
            db.insert("measure_notes", {"department_id": department_id, "number": entry.number,
                                        "at": note.at, "actor": note.actor, "text": note.text})
        for document in entry.evidence:  # its bytes were verified and copied by the merge
            db.insert("measure_evidence", {
                "department_id": department_id, "number": entry.number,
                "file_name": document.file_name, "media_type": document.media_type,
                "sha256": document.sha256, "size": document.size,
                "added_at": document.added_at, "added_by": document.added_by})
    return True


def _together(kept: LedgerEntry, theirs: LedgerEntry) -> LedgerEntry:
    """One measure's follow-up from two copies that went separate ways (a returned file
    carries the ledger as it was at the return; a 整改进展 copy merged since moved it on):
    the status and deadline of the later update, the notes and documents of both (they are
    only ever added to)."""
    later = theirs if theirs.updated_at >= kept.updated_at else kept
    notes = {(note.at, note.actor, note.text): note for note in (*kept.notes, *theirs.notes)}
    documents = {document.sha256: document for document in (*kept.evidence, *theirs.evidence)}
    return LedgerEntry(theirs.number, later.status, later.updated_at, theirs.closed_by,
                       theirs.closed_at, tuple(sorted(notes.values(), key=lambda n: n.at)),
                       tuple(sorted(documents.values(), key=lambda d: d.added_at)),
                       later.deadline)


def ledger_documents(ledger: dict[int, LedgerEntry]) -> dict[str, str]:
    """Every completion document of a ledger: SHA-256 → a file name (to verify or copy)."""
    return {document.sha256: document.file_name for entry in ledger.values()
            for document in entry.evidence}


def carry_entry(af: AssessmentFile, department_id: str, number: int, entry: LedgerEntry) -> None:
    """Next year's file: a measure carried over keeps where it stood and its notes (the
    caller holds the transaction)."""
    db = connection(af)
    if entry.status != "not_started":
        db.insert("measure_ledger", {"department_id": department_id, "number": number,
                                     "status": entry.status, "updated_at": entry.updated_at})
    for note in entry.notes:
        db.insert("measure_notes", {"department_id": department_id, "number": number,
                                    "at": note.at, "actor": note.actor, "text": note.text})
