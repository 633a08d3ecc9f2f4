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
| same department, approved (审定), another revision | refused until the approval is withdrawn |
| same department, higher revision | replaced: the old revision kept as history, the reason |
|   | names what changed; reviews kept, those of changed answers flagged 待复核 |
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
from pathlib import Path

from selfassess.bureau.intake import Expectations, Intake, Refusal, read_ahead, strip_name
from selfassess.bureau.resubmission import changed_entries, changes_text
from selfassess.bureau.roster import require_bureau, roster
from selfassess.errors import Cancelled, MergeCancelled, SelfassessError
from selfassess.i18n import _
from selfassess.record import record
from selfassess.store import AssessmentFile, merge_log, roster_table
from selfassess.store.backups import make_backup
from selfassess.store.editing import now_text
from selfassess.store.ledger import ledger_documents, take_ledger
from selfassess.store.merge_log import MergeLogRow
from selfassess.store.records import DepartmentData
from selfassess.store.returns import mark_reopened
from selfassess.store.roster_table import RosterEntry
from selfassess.store.sealing import content_digest, digest_content
from selfassess.store.transfer import (
    EvidenceMismatch,
    add_blob_bytes,
    department_exists,
    department_label,
    keep_history,
    set_cache_kb,
    source_of_name,
    verify_and_copy_blobs,
    write_department,
)
from selfassess.validation import MAX_LIST_ENTRIES, same_name

MERGE_CACHE_KB = 48 * 1024
OUTCOMES = ("added", "replaced", "unchanged", "conflict", "refused", "draft")
Progress = Callable[[int, int, str], None]


@record
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
        return f"{self.outcome} {self.file.name or self.file}: {self.reason}"  # "." has no name


class _Run:
    """The writer's side of a merge: decisions against the bureau file, and the writes."""

    def __init__(self, bureau: AssessmentFile, cancelled: Callable[[], bool]) -> None:
        self.bureau = bureau
        self.cancelled = cancelled

    def _existing(self, department_id: str) -> DepartmentData | None:
        return self.bureau.data(department_id) if department_exists(self.bureau, department_id) \
            else None

    def _check_identity(self, data: DepartmentData) -> None:
        dept = data.department
        other = source_of_name(self.bureau, dept.name, dept.id)
        if other is not None:
            raise Refusal("conflict", _("{name} is already merged from {other} under another "
                                        "department id").format(name=dept.name, other=other))
        for entry in roster(self.bureau):
            if same_name(entry.name) == same_name(dept.name) \
                    and entry.department_id not in (None, dept.id):
                raise Refusal("conflict", _("the roster's {name} is bound to another department "
                                            "id (from the file distributed or first received)")
                              .format(name=dept.name))

    def _bind_roster(self, data: DepartmentData) -> str:
        dept = data.department
        entries = roster(self.bureau)
        if any(entry.department_id == dept.id for entry in entries):
            # a department renamed in a newer revision: its roster entry follows the new name
            roster_table.rename(self.bureau, dept.id, dept.name)
            return ""
        listed = next((entry for entry in entries
                       if same_name(entry.name) == same_name(dept.name)), None)
        if listed is not None:  # bound under the roster's spelling of the name
            roster_table.bind(self.bureau, listed.name, dept.id)
            return ""
        if len(entries) >= MAX_LIST_ENTRIES:  # the roster's own limit holds for merges too
            raise Refusal("refused", _("the roster already lists {limit} departments; {name} "
                                       "cannot be added").format(limit=MAX_LIST_ENTRIES,
                                                                 name=dept.name))
        roster_table.append(self.bureau, RosterEntry(dept.name, dept.id))
        return _("; not on the roster, added to it")

    def _decide(self, data: DepartmentData, existing: DepartmentData | None, digest: str | None
                ) -> tuple[str, str]:
        dept = data.department
        label = department_label(data)
        if existing is None:
            self._check_identity(data)
            return ("added" if digest else "draft"), label
        merged = existing.department
        if merged.sealed and not digest and dept.revision <= merged.revision:
            raise Refusal("refused", _("a draft of {name}, but sealed revision {revision} is "
                                       "already merged").format(name=dept.name,
                                                                revision=merged.revision))
        if dept.revision < merged.revision:
            raise Refusal("refused", _("older than what is merged: revision {revision} < "
                                       "{merged} (from {source})").format(
                revision=dept.revision, merged=merged.revision, source=merged.source_file))
        if dept.revision == merged.revision and (digest is None) == (not merged.sealed):
            fingerprint, period = self.bureau.checklist.fingerprint, self.bureau.info.period
            current = digest or content_digest(data, fingerprint, period, dept.revision)
            before = merged.digest or content_digest(existing, fingerprint, period,
                                                     merged.revision)
            if current == before:
                return "unchanged", _("{label}, already merged").format(label=label)
            if digest:
                raise Refusal("conflict", _("revision {revision} of {name} is already merged from "
                                            "{source} with different content; both files claim "
                                            "the same revision").format(
                    revision=dept.revision, name=dept.name, source=merged.source_file))
        if approved := self.bureau.approval(dept.id):
            raise Refusal("refused", _("{name} was approved (审定) at revision {revision} on "
                                       "{date}; a newer revision is taken only after the "
                                       "approval is withdrawn").format(
                name=merged.name, revision=approved.revision, date=approved.approved_at[:10]))
        self._check_identity(data)
        kind = "replaced" if digest else "draft"
        reason = _("{label} replaces revision {old}").format(label=label, old=merged.revision)
        if merged.name != dept.name:
            reason += _("; renamed from {old}").format(old=merged.name)
        fingerprint, period = self.bureau.checklist.fingerprint, self.bureau.info.period
        changed = changed_entries(
            self.bureau.checklist,
            digest_content(existing, fingerprint, period, merged.revision),
            digest_content(data, fingerprint, period, dept.revision))
        if changed:
            reason += _("; changed since revision {old}: {changes}").format(
                old=merged.revision, changes=changes_text(changed))
        return kind, reason

    def _store_evidence(self, intake: Intake, copy: bool) -> None:
        assert intake.data is not None
        if intake.evidence is not None:  # read and verified by the reader thread
            if copy:
                for sha256, content in intake.evidence.items():
                    add_blob_bytes(self.bureau, sha256, content)
            return
        with AssessmentFile.open(intake.path, readonly=True, verify=False) as incoming:  # too large to hold
            try:
                verify_and_copy_blobs(incoming, self.bureau, intake.data, copy, self.cancelled,
                                      ledger_documents(intake.ledger))
            except EvidenceMismatch as bad:
                raise Refusal("refused", _("modified after sealing: evidence {name} does not "
                                           "match its hash").format(name=bad.file_name)) from None

    def merge(self, intake: Intake) -> MergeOutcome:
        """Decide and store one received file; a refusal undoes its writes (a savepoint)."""
        if intake.refusal is not None:
            return MergeOutcome(intake.path, intake.refusal.outcome, intake.refusal.reason)
        data = intake.data
        assert data is not None
        try:
            with self.bureau.transaction():
                existing = self._existing(data.department.id)
                outcome, reason = self._decide(data, existing, intake.digest)
                # an unchanged assessment's documents are there; its measures' completion
                # evidence may be new (copying skips what the bureau has)
                self._store_evidence(intake, copy=outcome != "unchanged"
                                     or bool(ledger_documents(intake.ledger)))
                if outcome != "unchanged":
                    reason += self._write(intake, existing)
                    reason += self._note_reopened(intake, existing)
                numbers = {m.number for m in data.measures if m.number is not None}
                if take_ledger(self.bureau, data.department.id, intake.ledger, numbers) \
                        and outcome == "unchanged":
                    # the same sealed assessment with its measures followed up: 整改进展
                    outcome, reason = "replaced", _("{label}: 整改进展 (the measures' "
                                                    "follow-up)").format(
                        label=department_label(data))
        except Refusal as refusal:
            return MergeOutcome(intake.path, refusal.outcome, refusal.reason)
        except Cancelled:
            raise  # the whole run is undone, not this file refused
        except SelfassessError as error:
            return MergeOutcome(intake.path, "refused", strip_name(intake.path, error.problems[0]))
        return MergeOutcome(intake.path, outcome, reason, data.department.id,
                            data.department.revision, intake.digest)

    def _note_reopened(self, intake: Intake, existing: DepartmentData | None) -> str:
        """A returned file the department reopened whole: the bureau's return says so too,
        and so does the merge's line (every entry may have changed, not only those returned)."""
        if existing is None or intake.reopened_at is None \
                or intake.returned_at_revision != existing.department.revision:
            return ""
        returns = self.bureau.returns(existing.department.id)
        if returns and returns[-1].revision == existing.department.revision \
                and returns[-1].reopened_at is None:
            mark_reopened(self.bureau, returns[-1].id, intake.reopened_at)
        return _("; the department reopened the whole file")

    def _write(self, intake: Intake, existing: DepartmentData | None) -> str:
        data = intake.data
        assert data is not None
        if existing is not None:
            keep_history(self.bureau, existing, self.bureau.checklist.fingerprint,
                         self.bureau.info.period)
        flagged = write_department(self.bureau, data, existing, intake.seals, intake.path.name)
        extra = self._bind_roster(data)
        if flagged:
            extra += _("; {count} review(s) to redo").format(count=flagged)
        return extra


def merge_files(bureau_path: Path, files: Sequence[Path], allow_drafts: bool = False,
                progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                actor: str = "") -> list[MergeOutcome]:
    """Merge files into the bureau file in one transaction; one outcome per file.

    Raises the core's errors for an unusable bureau file, MergeCancelled when cancelled.
    """
    is_cancelled = cancelled or (lambda: False)
    with AssessmentFile.open(bureau_path) as bureau:
        require_bureau(bureau)
        run = _Run(bureau, is_cancelled)
        expected = Expectations(bureau.checklist.fingerprint,
                                f"{bureau.checklist.id} {bureau.checklist.version}",
                                bureau.info.period, allow_drafts)
        number = merge_log.next_run(bureau)
        outcomes: list[MergeOutcome] = []
        make_backup(bureau, "merge")  # before anything else: a copy to go back to
        # a 48 MB page cache: the default 2 MB spills (and syncs the journal) every few pages
        set_cache_kb(bureau, MERGE_CACHE_KB)
        with bureau.transaction():  # any exception, a cancel included, rolls all of it back
            for index, intake in enumerate(read_ahead(files, expected, is_cancelled)):
                if is_cancelled():
                    raise MergeCancelled
                if progress:
                    progress(index, len(files), intake.path.name)
                outcome = run.merge(intake)
                outcomes.append(outcome)
                merge_log.add(bureau, MergeLogRow(
                    number, now_text(), outcome.file.name, outcome.outcome, outcome.reason,
                    outcome.department_id, outcome.revision, outcome.digest))
            bureau.record("merge", at=now_text(), actor=actor, target=str(number),
                          new=json.dumps({o: sum(1 for x in outcomes if x.outcome == o)
                                          for o in OUTCOMES}, ensure_ascii=False))
            if is_cancelled():  # cancelled while the last file was read: still undo all
                raise MergeCancelled
        if progress:
            progress(len(files), len(files), "")
        return outcomes
