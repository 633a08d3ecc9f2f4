"""汇总: department files → the bureau file, one outcome per incoming file.

The decision table (issue "secretary's workspace"), in the order it is applied:

| incoming file | outcome |
|---|---|
| not a selfassess file, corrupt, truncated, newer schema, not a department file | refused |
| different checklist fingerprint, or another period, than the bureau's | refused |
| not sealed | refused, unless drafts are allowed: then added/replaced as ``draft`` |
| content does not match its sealed digest, or evidence not matching its hash | refused |
| department not yet in the bureau file (and its name not taken by another id) | added |
| another department id with a name already merged or bound on the roster | conflict |
| same department, higher revision | replaced: the old revision kept as history; reviews |
|   | of unchanged answers kept, the others flagged to redo |
| same department, same revision, same digest | unchanged |
| same department, same revision, different digest | conflict |
| same department, lower revision | refused as older |

Received files are opened read-only and never written. The whole run is one transaction on
the bureau file (each file inside its own savepoint), so a run that dies or is cancelled leaves
the bureau file exactly as it was; running the same files again changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selfassess.bureau.roster import require_bureau, roster
from selfassess.bureau.transfer import (
    EvidenceMismatch,
    department_label,
    history_record,
    verify_and_copy_blobs,
    write_department,
)
from selfassess.errors import SelfassessError
from selfassess.i18n import _
from selfassess.store import AssessmentFile
from selfassess.store.editing import now_text
from selfassess.store.records import DepartmentData
from selfassess.store.sealing import content_digest

OUTCOMES = ("added", "replaced", "unchanged", "conflict", "refused", "draft")
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class MergeOutcome:
    """What happened to one incoming file."""

    file: Path
    outcome: str  # one of OUTCOMES
    reason: str
    department_id: str = ""
    revision: int | None = None
    digest: str | None = None

    @property
    def refused(self) -> bool:
        """True for the outcomes that took nothing from the file."""
        return self.outcome in ("refused", "conflict")

    def line(self) -> str:
        """``added 2026_办公室.selfassess: 办公室 (revision 1)`` — keyword, file, reason."""
        return f"{self.outcome} {self.file.name}: {self.reason}"


class MergeCancelled(Exception):
    """The person cancelled: the run was rolled back, the bureau file is as before."""


class _Outcome(Exception):
    def __init__(self, outcome: str, reason: str) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


def _strip_name(path: Path, message: str) -> str:
    prefix = f"{path.name}: "
    return message[len(prefix):] if message.startswith(prefix) else message


class _Run:
    def __init__(self, bureau: AssessmentFile, allow_drafts: bool,
                 cancelled: Callable[[], bool]) -> None:
        self.bureau = bureau
        self.allow_drafts = allow_drafts
        self.cancelled = cancelled
        self.db = bureau.db

    def _existing(self, department_id: str) -> DepartmentData | None:
        found = self.db.execute("SELECT 1 FROM departments WHERE id = ?", [department_id]).fetchone()
        return self.bureau.data(department_id) if found else None

    def _check_identity(self, data: DepartmentData) -> None:
        dept = data.department
        other = self.db.execute("SELECT source_file FROM departments WHERE name = ? AND id != ?",
                                [dept.name, dept.id]).fetchone()
        if other:
            raise _Outcome("conflict", _("{name} is already merged from {other} under another "
                                         "department id").format(name=dept.name, other=other[0]))
        for entry in roster(self.bureau):
            if entry.name == dept.name and entry.department_id not in (None, dept.id):
                raise _Outcome("conflict", _("the roster's {name} is bound to another department "
                                             "id (from the file distributed or first received)")
                               .format(name=dept.name))

    def _bind_roster(self, data: DepartmentData) -> str:
        dept = data.department
        entries = roster(self.bureau)
        if any(entry.department_id == dept.id for entry in entries):
            return ""
        if any(entry.name == dept.name for entry in entries):
            self.db.execute("UPDATE roster SET department_id = ? WHERE name = ?", [dept.id, dept.name])
            return ""
        self.db.table("roster").insert({"position": len(entries), "name": dept.name,
                                        "department_id": dept.id})
        return _("; not on the roster, added to it")

    def _verify_seal(self, incoming: AssessmentFile, data: DepartmentData) -> str | None:
        """The sealed digest, checked against the content; None for an allowed draft."""
        dept = data.department
        seals = incoming.seals()
        if not dept.sealed:
            if not self.allow_drafts:
                raise _Outcome("refused", _("not sealed (a draft); seal it first, or merge with "
                                            "--allow-drafts"))
            return None
        if not seals or seals[-1].revision != dept.revision:
            raise _Outcome("refused", _("its seal record is missing or does not match revision "
                                        "{revision}").format(revision=dept.revision))
        digest = content_digest(data, incoming.checklist.fingerprint, incoming.info.period,
                                dept.revision)
        if digest != seals[-1].digest:
            raise _Outcome("refused", _("modified after sealing: the content does not match its "
                                        "sealed digest"))
        return digest

    def _decide(self, data: DepartmentData, existing: DepartmentData | None, digest: str | None,
                incoming_name: str) -> tuple[str, str]:
        dept = data.department
        label = department_label(data)
        if existing is None:
            self._check_identity(data)
            return ("added" if digest else "draft"), label
        merged = existing.department
        if merged.sealed and not digest and dept.revision <= merged.revision:
            raise _Outcome("refused", _("a draft of {name}, but sealed revision {revision} is "
                                        "already merged").format(name=dept.name,
                                                                 revision=merged.revision))
        if dept.revision < merged.revision:
            raise _Outcome("refused", _("older than what is merged: revision {revision} < "
                                        "{merged} (from {source})").format(
                revision=dept.revision, merged=merged.revision, source=merged.source_file))
        if dept.revision == merged.revision and (digest is None) == (not merged.sealed):
            current = digest or content_digest(data, self.bureau.checklist.fingerprint,
                                               self.bureau.info.period, dept.revision)
            before = merged.digest or content_digest(existing, self.bureau.checklist.fingerprint,
                                                     self.bureau.info.period, merged.revision)
            if current == before:
                return "unchanged", _("{label}, already merged").format(label=label)
            if digest:
                raise _Outcome("conflict", _("revision {revision} of {name} is already merged from "
                                             "{source} with different content; both files claim "
                                             "the same revision").format(
                    revision=dept.revision, name=dept.name, source=merged.source_file))
        self._check_identity(data)
        kind = "replaced" if digest else "draft"
        return kind, _("{label} replaces revision {old}").format(label=label, old=merged.revision)

    def merge_one(self, path: Path) -> MergeOutcome:
        try:
            incoming = AssessmentFile.open(path, readonly=True)
        except SelfassessError as error:
            return MergeOutcome(path, "refused", _strip_name(path, error.problems[0]))
        try:
            with self.db.atomic():  # a savepoint: a refusal undoes this file's writes
                return self._merge_open(path, incoming)
        except _Outcome as outcome:
            return MergeOutcome(path, outcome.outcome, outcome.reason)
        except SelfassessError as error:
            more = len(error.problems) - 1
            reason = _strip_name(path, error.problems[0])
            return MergeOutcome(path, "refused", reason + (_(" (and {count} more problems)").format(
                count=more) if more else ""))
        finally:
            incoming.close()

    def _merge_open(self, path: Path, incoming: AssessmentFile) -> MergeOutcome:
        if incoming.info.kind != "department":
            raise _Outcome("refused", _("a bureau file, not a department file"))
        check = incoming.db.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise _Outcome("refused", _("the file is damaged (integrity check failed)"))
        mine, theirs = self.bureau.checklist, incoming.checklist
        if theirs.fingerprint != mine.fingerprint:
            raise _Outcome("refused", _("filled against checklist {theirs} {their_version} "
                                        "({their_fp}), the bureau uses {mine} {my_version} "
                                        "({my_fp})").format(
                theirs=theirs.id, their_version=theirs.version, their_fp=theirs.fingerprint[:12],
                mine=mine.id, my_version=mine.version, my_fp=mine.fingerprint[:12]))
        if incoming.info.period != self.bureau.info.period:
            raise _Outcome("refused", _("period {theirs} differs from the bureau's {mine}").format(
                theirs=incoming.info.period or "—", mine=self.bureau.info.period))
        data = incoming.data()
        digest = self._verify_seal(incoming, data)
        existing = self._existing(data.department.id)
        outcome, reason = self._decide(data, existing, digest, path.name)
        try:
            verify_and_copy_blobs(incoming, self.db, data, copy=outcome != "unchanged",
                                  cancelled=self.cancelled)
        except EvidenceMismatch as bad:
            raise _Outcome("refused", _("modified after sealing: evidence {name} does not match "
                                        "its hash").format(name=bad.file_name)) from None
        if outcome != "unchanged":
            with self.db.atomic():
                if existing is not None:
                    self.db.table("department_history").insert({
                        "department_id": existing.department.id,
                        "revision": existing.department.revision,
                        "digest": existing.department.digest,
                        "sealed": int(existing.department.sealed),
                        "source_file": existing.department.source_file,
                        "merged_at": existing.department.merged_at, "replaced_at": now_text(),
                        "content": json.dumps(history_record(existing, self.bureau.checklist.
                                                             fingerprint, self.bureau.info.period),
                                              ensure_ascii=False, sort_keys=True)})
                flagged = write_department(self.db, data, existing, incoming.seals(), path.name)
                reason += self._bind_roster(data)
                if flagged:
                    reason += _("; {count} review(s) to redo").format(count=flagged)
        return MergeOutcome(path, outcome, reason, data.department.id, data.department.revision,
                            digest)


def merge_files(bureau_path: Path, files: Sequence[Path], allow_drafts: bool = False,
                progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                actor: str = "") -> list[MergeOutcome]:
    """Merge files into the bureau file in one transaction; one outcome per file.

    Raises the core's errors for an unusable bureau file, MergeCancelled when cancelled.
    """
    with AssessmentFile.open(bureau_path) as bureau:
        require_bureau(bureau)
        run = _Run(bureau, allow_drafts, cancelled or (lambda: False))
        number = (bureau.db.execute("SELECT MAX(run) FROM merge_log").fetchone()[0] or 0) + 1
        outcomes: list[MergeOutcome] = []
        try:
            with bureau.db.atomic():
                for index, path in enumerate(files):
                    if run.cancelled():
                        raise KeyboardInterrupt
                    if progress:
                        progress(index, len(files), path.name)
                    outcome = run.merge_one(Path(path))
                    outcomes.append(outcome)
                    bureau.db.table("merge_log").insert({
                        "run": number, "at": now_text(), "file_name": outcome.file.name,
                        "outcome": outcome.outcome, "reason": outcome.reason,
                        "department_id": outcome.department_id, "revision": outcome.revision,
                        "digest": outcome.digest})
                bureau.db.table("audit_log").insert({
                    "at": now_text(), "actor": actor, "department_id": "", "action": "merge",
                    "target": str(number), "old": None,
                    "new": json.dumps({o: sum(1 for x in outcomes if x.outcome == o)
                                       for o in OUTCOMES}, ensure_ascii=False)})
        except KeyboardInterrupt:
            raise MergeCancelled(_("merge cancelled; the bureau file is unchanged")) from None
        if progress:
            progress(len(files), len(files), "")
        return outcomes


def last_run(bureau: AssessmentFile) -> list[dict[str, Any]]:
    """The outcomes of the latest merge run, as logged."""
    return [{"file": f, "outcome": o, "reason": r} for f, o, r in bureau.db.execute(
        "SELECT file_name, outcome, reason FROM merge_log WHERE run = "
        "(SELECT MAX(run) FROM merge_log) ORDER BY id")]
