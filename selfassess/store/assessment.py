"""``AssessmentFile``: one open .selfassess file (department or bureau).

Opening checks the header and structure, loads the embedded checklist snapshot and verifies
its fingerprint; it never reads evidence bytes. Every edit goes through ``apply`` (validate,
then one transaction with audit lines); ``seal`` and ``reopen`` are transactions too.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from selfassess import __version__
from selfassess.checklist.canonical import canonical_json
from selfassess.checklist.loader import checklist_from_mapping
from selfassess.checklist.model import Checklist
from selfassess.completeness import completeness_problems
from selfassess.errors import (
    ChecklistError,
    FileFormatError,
    IncompleteError,
    InputRefused,
    SealedError,
)
from selfassess.i18n import _
from selfassess.store import openers
from selfassess.store.audit import audit_digest, write_audit
from selfassess.store.backups import make_backup
from selfassess.store.changes import ChangeSet, change_problems
from selfassess.store.connection import Database
from selfassess.store.database import (
    create_database,
    discard,
    disk_full,
    no_space,
    open_database,
    publish,
    set_journal_mode,
    temporary_name,
)
from selfassess.store.editing import now_text, write_changes
from selfassess.store.evidence import (
    blob_head,
    blob_matches,
    blob_sizes,
    iter_blob,
    stored_heads,
)
from selfassess.store.journal import check_journal
from selfassess.store.ledger import (
    LedgerEntry,
    LedgerUpdate,
    read_ledger,
    update_problems,
    write_updates,
)
from selfassess.store.reading import (
    damaged,
    every_department_data,
    read_department_data,
    read_departments,
    refreshed_department_data,
)
from selfassess.store.records import AuditEntry, Department, DepartmentData, FileInfo, SealRecord
from selfassess.store.returns import (
    Approval,
    ReturnRecord,
    mark_reopened,
    outside_return,
    read_approvals,
    read_returns,
)
from selfassess.store.sealing import content_digest
from selfassess.store.trust import is_trusted, remember, trust_in_session
from selfassess.store.verify import verify_contents
from selfassess.validation import MAX_NAME, database_path_problem, text_problem

KINDS = ("department", "bureau")


def default_actor() -> str:
    """The operating-system user, for audit lines when no name is known."""
    try:
        import getpass  # loaded when used: not on every start
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


class AssessmentFile:
    """An open .selfassess file. Use as a context manager, or call ``close()``."""

    def __init__(self, path: Path, db: Database, readonly: bool) -> None:
        self.path = path
        self._db = db  # private: the store's modules reach it through database.connection()
        self.readonly = readonly
        self._closed = False
        # what was read, with the _cache_key it was read at
        self._cache: dict[str, tuple[tuple[int, int], DepartmentData]] = {}
        self._departments: tuple[tuple[int, int], dict[str, Department]] | None = None
        self.info = self._read_info()
        self._journal_set = readonly
        if not readonly and self.info.kind == "bureau":
            self._prepare_writing()
        self.checklist = self._read_checklist()

    # --- opening and creating ---------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, readonly: bool = False, verify: bool = True
             ) -> AssessmentFile:
        """Open an existing file; raises FileFormatError with a one-line reason if unusable.

        A file this machine's selfassess did not write last is first checked completely on a
        read-only connection (``store.verify``); only then is it opened, writable if asked.
        ``verify=False`` is for callers that run the same checks themselves (merge intake).
        """
        path = Path(path)
        if not readonly:
            openers.acquire(path)  # FileInUse when another program is editing it
        try:
            if not readonly:  # before SQLite could replay a journal that is not the file's
                check_journal(path)
            trusted = is_trusted(path)
            checked = None
            if verify and not trusted:
                checked = cls._verify(path, with_wal=not readonly, keep=readonly)
            if checked is not None:
                # read-only and received: the checked connection is the one asked for, and
                # what it read while checking need not be read again
                af = checked
            else:
                # this machine's own file is read with its -wal (the last saves may be
                # there); a received one is read as the one file it is
                db = open_database(path, readonly, with_wal=trusted)
                try:
                    af = cls(path, db, readonly)
                except BaseException:
                    db.close()
                    raise
        except BaseException:
            if not readonly:
                openers.release(path)
            raise
        if verify:
            trust_in_session(path)
        return af

    @classmethod
    def _verify(cls, path: Path, with_wal: bool, keep: bool = False) -> AssessmentFile | None:
        """The full check on a read-only connection; with ``keep`` that connection is handed
        back open (its departments already read), otherwise closed."""
        shm = Path(f"{path}-shm")
        had_shm = shm.exists()
        kept = None
        try:
            db = open_database(path, readonly=True, with_wal=with_wal)
            try:
                af = cls(path, db, readonly=True)
                verify_contents(af, writable=not keep)
                if keep:
                    kept = af
            finally:
                if kept is None:
                    db.close()
        except sqlite3.DatabaseError as error:
            raise FileFormatError(f"{path.name}: " + _("the file is damaged ({reason})").format(
                reason=error)) from None
        finally:
            # reading a -wal needs a -shm; a refused file keeps nothing new. Only what is
            # there is removed: on read-only media even removing nothing fails (EROFS)
            if not had_shm and shm.exists():
                with contextlib.suppress(OSError):
                    shm.unlink()
        trust_in_session(path)
        return kept

    @classmethod
    def create(cls, path: Path | str, checklist: Checklist, *, department_name: str,
               period: str, bureau_name: str = "", filled_by: str = "",
               kind: str = "department", department_id: str | None = None) -> AssessmentFile:
        """Create a new file (never overwriting one) and return it open for editing."""
        path = Path(path)
        # as an input method may type it (２０２６): merging compares periods as written
        period = unicodedata.normalize("NFKC", period).strip()
        problems = [f"{label}: {problem}" for label, value in (
            (_("department"), department_name), (_("period"), period),
            (_("bureau"), bureau_name), (_("filled by"), filled_by))
            if (problem := text_problem(value, MAX_NAME, single_line=True))]
        if kind == "department" and not department_name.strip():
            problems.append(_("a department name is required"))
        if not period:
            problems.append(_("a period is required"))
        if problems:
            raise InputRefused(problems)
        if path.exists():
            raise InputRefused(_("{name} already exists; it was not overwritten").format(
                name=path.name))
        if not path.parent.is_dir():
            raise InputRefused(_("the folder {folder} does not exist").format(folder=path.parent))
        for candidate in (path, temporary_name(path)):
            if problem := database_path_problem(candidate):
                raise InputRefused(f"{path.name}: {problem}")
        db, temporary = create_database(path, kind)
        try:
            now = now_text()
            with db.atomic():
                db.table("meta").insert_all([
                    {"key": "kind", "value": kind},
                    {"key": "period", "value": period.strip()},
                    {"key": "bureau_name", "value": bureau_name.strip()},
                    {"key": "created_at", "value": now},
                    {"key": "created_with", "value": f"selfassess {__version__}"},
                    {"key": "checklist", "value": checklist.fingerprint},
                ])
                db.table("checklist").insert({
                    "fingerprint": checklist.fingerprint, "checklist_id": checklist.id,
                    "version": checklist.version, "title": checklist.title,
                    "content": canonical_json(checklist),
                })
                if kind == "department":
                    import uuid  # here: uuid loads platform, which reading never needs

                    dept_id = department_id or str(uuid.uuid4())
                    db.table("departments").insert({
                        "id": dept_id, "name": department_name.strip(),
                        "filled_by": filled_by.strip(), "revision": 0, "sealed": 0,
                        "created_at": now})
                    write_audit(db, "create", at=now,
                                actor=filled_by.strip() or default_actor(),
                                department_id=dept_id,
                                new=json.dumps({"department": department_name.strip(),
                                                "period": period.strip()}, ensure_ascii=False))
            db.close()
            publish(temporary, path)
        except BaseException:
            db.close()
            discard(temporary)
            raise
        trust_in_session(path)
        return cls.open(path)

    def _meta(self) -> dict[str, str]:
        return {key: value for key, value in self._db.execute("SELECT key, value FROM meta")
                if isinstance(key, str) and isinstance(value, str)}

    def _read_info(self) -> FileInfo:
        meta = self._meta()
        kind = meta.get("kind", "")
        if kind not in KINDS:
            raise FileFormatError(f"{self.path.name}: " + _("unknown file kind “{kind}”").format(
                kind=kind[:20]))
        for key in ("period", "bureau_name"):
            if text_problem(meta.get(key, ""), MAX_NAME, single_line=True):
                raise FileFormatError(f"{self.path.name}: " + _("the {field} is not valid").format(
                    field=key))
        return FileInfo(kind, meta.get("period", ""), meta.get("bureau_name", ""),
                        meta.get("created_at", ""), meta.get("created_with", ""))

    def _read_checklist(self) -> Checklist:
        fingerprint = self._meta().get("checklist", "")
        row = self._db.execute("SELECT content FROM checklist WHERE fingerprint = ?",
                              [fingerprint]).fetchone()
        source = f"{self.path.name} ({_('embedded checklist')})"
        if row is None or not isinstance(row[0], str):
            raise FileFormatError(f"{source}: " + _("missing"))
        try:
            checklist = checklist_from_mapping(json.loads(row[0]), source)
        except ValueError:
            raise FileFormatError(f"{source}: " + _("not valid JSON")) from None
        except ChecklistError as error:
            raise FileFormatError(damaged(self.path.name, error.problems)) from None
        if checklist.fingerprint != fingerprint:
            raise FileFormatError(f"{source}: " + _("its content does not match its fingerprint"))
        return checklist

    # --- reading -------------------------------------------------------------------------------

    def departments(self) -> list[Department]:
        """Every department in the file (one in a department file)."""
        return list(self._read_departments().values())

    def _read_departments(self) -> dict[str, Department]:
        """The departments by id, in the file's order; read again only after a write."""
        key = self._cache_key()
        if self._departments is None or self._departments[0] != key:
            self._departments = (key, {d.id: d for d in read_departments(self._db,
                                                                         self.path.name)})
        return self._departments[1]

    def department(self, department_id: str | None = None) -> Department:
        """One department: by id, or the only one of a department file."""
        if department_id is None:
            departments = self.departments()
            if self.info.kind != "department" or len(departments) != 1:
                raise FileFormatError(f"{self.path.name}: " + _(
                    "a department file must hold exactly one department"))
            return departments[0]
        if self._departments is not None and self._departments[0] == self._cache_key():
            found = self._departments[1].get(department_id)
        else:  # after a write, this one row (a review edit in a big bureau reads no more)
            found = next(iter(read_departments(self._db, self.path.name, department_id)), None)
        if found is None:
            raise InputRefused(_("no department with id {id} in {name}").format(
                id=department_id, name=self.path.name))
        return found

    def data(self, department_id: str | None = None) -> DepartmentData:
        """Everything a department filled in, validated against the checklist. Read again
        only when the file changed since (``_cache_key``); an edit through ``apply`` updates
        what it touched."""
        department = self.department(department_id)
        cached = self._cache.get(department.id)
        if cached is not None and cached[0] == self._cache_key():
            return cached[1]
        data = read_department_data(self._db, self.checklist, department, self.path.name)
        self._cache[department.id] = (self._cache_key(), data)
        return data

    def every_data(self) -> list[DepartmentData]:
        """``data`` of every department, in the file's order; those not read since the last
        write are read together (one query a table for them all, not one a department)."""
        key = self._cache_key()
        departments = self.departments()
        unread = [d for d in departments
                  if (cached := self._cache.get(d.id)) is None or cached[0] != key]
        for data in (every_department_data(self._db, self.checklist, unread, self.path.name)
                     if unread else ()):
            self._cache[data.department.id] = (key, data)
        return [self._cache[d.id][1] for d in departments]

    def _cache_key(self) -> tuple[int, int]:
        """Changes when anything was written: by another connection (``data_version``) or by
        this one (``total_changes``, which counts every row written here, in or out of a
        transaction)."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        return version, self._db.conn.total_changes

    def seals(self, department_id: str | None = None) -> list[SealRecord]:
        """The seal history, oldest first."""
        dept = self.department(department_id)
        return [SealRecord(*row) for row in self._db.execute(
            "SELECT revision, sealed_at, sealed_by, digest, audit_digest FROM seals "
            "WHERE department_id = ? "
            "ORDER BY revision", [dept.id])]

    def returns(self, department_id: str | None = None) -> list[ReturnRecord]:
        """The returns recorded for a department (退回), oldest first."""
        return read_returns(self, self.department(department_id).id)

    def current_return(self, department_id: str | None = None) -> ReturnRecord | None:
        """The return a department file is being corrected under: the last one, made at its
        current revision, while it is not sealed again and was not reopened whole."""
        if self.info.kind != "department":
            return None
        department = self.department(department_id)
        if department.sealed:
            return None
        records = read_returns(self, department.id)
        if not records or records[-1].revision != department.revision \
                or records[-1].reopened_at is not None:
            return None
        return records[-1]

    def ledger(self, department_id: str | None = None) -> dict[int, LedgerEntry]:
        """整改台账: where each measure of a department stands, by measure number."""
        return read_ledger(self, self.department(department_id).id)

    def follow_up(self, updates: list[LedgerUpdate], actor: str = "") -> None:
        """整改进展 on a department file's measures: a status and/or a dated note each, all or
        nothing. Allowed on a sealed file: the ledger is outside the seal (audited)."""
        if self.readonly:
            raise InputRefused(_("{name} is open read-only").format(name=self.path.name))
        data = self.data()
        ledger = read_ledger(self, data.department.id)
        # who it was is stored with each note and document, and checked when read: a name that
        # could not be read back would leave the file unreadable
        if problem := text_problem(actor, MAX_NAME, single_line=True):
            raise InputRefused(_("the name of who followed it up {problem}").format(
                problem=problem))
        if problems := update_problems(data.measures, ledger, updates):
            raise InputRefused(problems)
        self._prepare_writing()
        with self._space(0), self._db.atomic():
            write_updates(self, data.department.id, ledger, updates, now_text(),
                          actor or data.department.filled_by or default_actor())

    def approvals(self, department_id: str | None = None) -> list[Approval]:
        """The approvals (审定) recorded for a department, oldest first."""
        return read_approvals(self, self.department(department_id).id)

    def approval(self, department_id: str | None = None) -> Approval | None:
        """The approval in force (审定, not withdrawn), or None."""
        return next((a for a in self.approvals(department_id) if a.active), None)

    def audit_count(self) -> int:
        """How many audit lines the file holds: it grows with every change (a bureau's
        printed pages carry it as their revision)."""
        return int(self._db.execute("SELECT count(*) FROM audit_log").fetchone()[0])

    def audit(self, department_id: str | None = None) -> list[AuditEntry]:
        """The audit log, oldest first (of one department, or all)."""
        sql = "SELECT at, actor, department_id, action, target, old, new FROM audit_log"
        params: list[str] = []
        if department_id is not None:
            sql += " WHERE department_id = ?"
            params.append(department_id)
        return [AuditEntry(*row) for row in self._db.execute(sql + " ORDER BY id", params)]

    def evidence_bytes(self, sha256: str) -> bytes:
        """The bytes of one stored evidence document."""
        return b"".join(iter_blob(self._db, sha256))

    def evidence_heads(self, sha256s: list[str]) -> dict[str, bytes]:
        """The first bytes of stored documents, kept beside them (the documents are not
        read; one whose first bytes were not kept is read for them)."""
        heads = stored_heads(self._db, sha256s)
        for sha256 in sha256s:
            if sha256 not in heads:
                heads[sha256] = blob_head(self._db, sha256)
        return heads

    def evidence_sizes(self, sha256s: list[str]) -> dict[str, int]:
        """The stored size of each document present (a missing one is absent)."""
        return blob_sizes(self._db, sha256s)

    # --- the bureau's writes (roster, merge, review) ------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction (a savepoint when nested) around the store functions that write a
        bureau file's roster, merge log, reviews and departments: all of it or nothing."""
        if self.readonly:
            raise InputRefused(_("{name} is open read-only").format(name=self.path.name))
        self._prepare_writing()
        with self._space(0), self._db.atomic():
            yield

    def record(self, action: str, *, at: str, actor: str = "", department_id: str = "",
               target: str = "", old: str | None = None, new: str | None = None) -> None:
        """One audit line (through the store's one writer, ``audit.write_audit``)."""
        write_audit(self._db, action, at=at, actor=actor, department_id=department_id,
                    target=target, old=old, new=new)

    # --- editing -------------------------------------------------------------------------------

    def _prepare_writing(self) -> None:
        """Switch to the file's journal mode at the first write, not at opening: a file opened
        and closed without an edit stays byte for byte as it was."""
        if not self._journal_set:
            set_journal_mode(self._db, self.info.kind)
            self._journal_set = True

    def _writable(self, department: Department) -> None:
        """Refuse a read-only or sealed file. Nothing is written yet: a refused change leaves
        the file byte for byte as it was (``_prepare_writing`` comes after the checks)."""
        if self.readonly:
            raise InputRefused(_("{name} is open read-only").format(name=self.path.name))
        if department.sealed:
            raise SealedError(_("{name} is sealed (revision {revision}); reopen it before "
                                "changing anything").format(name=self.path.name,
                                                            revision=department.revision))

    def apply(self, changes: ChangeSet, actor: str = "", department_id: str | None = None) -> None:
        """Validate and store a ChangeSet in one transaction; refuse it whole on any problem."""
        data = self.data(department_id)
        self._writable(data.department)
        record = self.current_return(data.department.id)
        problems = [] if record is None else outside_return(record, data, changes)
        problems = problems or change_problems(self.checklist, data, changes)
        if problems:
            raise InputRefused(problems)
        with self._space(changes.size_estimate()):
            self._prepare_writing()
            with self._db.atomic():
                write_changes(self._db, data, changes, actor or data.department.filled_by or
                              default_actor())
            # what the edit touched is read again; the rest stays as it was read and checked
            self._cache[data.department.id] = (self._cache_key(), refreshed_department_data(
                self._db, self.checklist, data, changes, self.path.name))
        if changes.add_evidence or changes.item_evidence or changes.bonus_evidence:
            # the documents' bytes went through the WAL: copy them into the file now and cut
            # the WAL back, instead of leaving it the size of the largest attachment. A full
            # disk here loses nothing: the WAL keeps them until the next checkpoint
            with contextlib.suppress(sqlite3.DatabaseError):
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @contextmanager
    def _space(self, needed: int) -> Iterator[None]:
        """A full disk during a write: the transaction is rolled back, the file stays as it
        was, and the user gets one line saying so (not "database or disk is full")."""
        try:
            yield
        except (sqlite3.DatabaseError, OSError) as error:
            if disk_full(error):
                raise no_space(self.path, 2 * needed + 1024 * 1024) from None
            raise

    def seal(self, actor: str = "", department_id: str | None = None) -> SealRecord:
        """Run the completeness checks, then record revision + time + digest and lock the file."""
        data = self.data(department_id)
        self._writable(data.department)
        problems = completeness_problems(self.checklist, data)
        if problems:
            raise IncompleteError([problem.message for problem in problems])
        self._prepare_writing()
        broken = sorted({ref.file_name for ref in data.evidence
                         if not blob_matches(self._db, ref.sha256)})
        if broken:
            raise FileFormatError([f"{self.path.name}: " + _(
                "evidence {name} is damaged inside the file").format(name=name) for name in broken])
        make_backup(self, "seal")  # the state before sealing can always be brought back
        revision = data.department.revision + 1
        audit = audit_digest(self._db, data.department.id)
        record = SealRecord(revision, now_text(), actor or data.department.filled_by or
                            default_actor(),
                            content_digest(data, self.checklist.fingerprint, self.info.period,
                                           revision, audit), audit)
        with self._space(0), self._db.atomic():
            self._db.table("seals").insert({"department_id": data.department.id, **record.__dict__})
            self._db.execute("UPDATE departments SET revision = ?, sealed = 1 WHERE id = ?",
                            [revision, data.department.id])
            write_audit(self._db, "seal", at=record.sealed_at, actor=record.sealed_by,
                        department_id=data.department.id, target=str(revision),
                        new=record.digest)
        return record

    def reopen(self, actor: str = "", department_id: str | None = None) -> None:
        """Unseal (recorded in the audit log); the next seal gets the next revision. A file
        returned for correction is reopened whole: every entry can be changed again (the
        return's notes stay)."""
        department = self.department(department_id)
        if self.readonly:
            raise InputRefused(_("{name} is open read-only").format(name=self.path.name))
        if (record := self.current_return(department.id)) is not None:
            self._prepare_writing()
            with self._space(0), self._db.atomic():
                now = now_text()
                mark_reopened(self, record.id, now)
                write_audit(self._db, "reopen", at=now,
                            actor=actor or department.filled_by or default_actor(),
                            department_id=department.id, target="return")
            return
        if not department.sealed:
            raise InputRefused(_("{name} is not sealed").format(name=self.path.name))
        self._prepare_writing()
        with self._space(0), self._db.atomic():
            self._db.execute("UPDATE departments SET sealed = 0 WHERE id = ?", [department.id])
            write_audit(self._db, "reopen", at=now_text(),
                        actor=actor or department.filled_by or default_actor(),
                        department_id=department.id, target=str(department.revision))

    def save_copy(self, target: Path) -> Path:
        """Write a compact, self-contained copy (for sending); never replaces an existing file."""
        target = Path(target)
        if target.exists():
            raise InputRefused(_("{name} already exists; it was not overwritten").format(
                name=target.name))
        if not target.parent.is_dir():
            raise InputRefused(_("the folder {folder} does not exist").format(folder=target.parent))
        self._db.execute("VACUUM INTO ?", [str(target)])
        return target

    # --- closing -------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (SQLite checkpoints the WAL into the file); a file this
        program wrote is then recorded as this machine's (``store.trust``)."""
        if self._closed:
            return
        self._closed = True
        self._db.close()
        if not self.readonly:
            remember(self.path)
            openers.release(self.path)

    def __enter__(self) -> AssessmentFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
