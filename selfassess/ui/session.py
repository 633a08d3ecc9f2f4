"""The open self-assessment as the GUI sees it: one file, its data, and signals when it changes.

Every edit is a ``ChangeSet`` stored at once by the core (one transaction); afterwards the data
is read again and ``changed`` names the pages whose content moved, so models can emit precise
``dataChanged``. Refusals come back as ``refused`` with the core's one-line messages.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from selfassess.completeness import Problem, completeness_problems
from selfassess.errors import NoSpace, SelfassessError
from selfassess.i18n import _
from selfassess.score_views import final_input, self_input
from selfassess.scoring import Result, score
from selfassess.store import AssessmentFile, ChangeSet, SealRecord, default_actor
from selfassess.store.carry import earlier_shortcomings
from selfassess.store.ledger import LedgerEntry, LedgerUpdate
from selfassess.store.records import DepartmentData
from selfassess.ui.undo import ChangeCommand, KeptDocuments
from selfassess.validation import submission_name

if TYPE_CHECKING:
    from selfassess.bureau.resubmission import EntryChange
    from selfassess.bureau.review import Review
    from selfassess.evidence_review import EvidenceFlag
    from selfassess.store.returns import ReturnRecord

RETRY_MS = 5000  # how often changes a full disk refused are tried again


class Session(QObject):
    """One department: in its own file (editable until sealed), or inside a bureau file, where
    the department's answers are read-only and the review group records 考核得分 (review mode)."""

    saved = Signal(str)  # the time of the save, HH:MM:SS
    changed = Signal(object)  # set of node ids ("item:1.1", "bonus", …) whose content changed
    refused = Signal(list)  # the core's problems, one line each
    state_changed = Signal()  # sealed or reopened
    restored = Signal(object)  # undo/redo stored an edit made elsewhere: nodes to show anew

    def __init__(self, af: AssessmentFile, parent: QObject | None = None,
                 department_id: str | None = None) -> None:
        super().__init__(parent)
        self.af = af
        self.checklist = af.checklist
        self.department_id = department_id
        self.review_mode = af.info.kind == "bureau"
        self.data: DepartmentData = af.data(department_id)
        # the return this department file is being corrected under (退回), if any, and the
        # return whose notes are shown (the same, or the last one after reopening the whole
        # file, until it is sealed again)
        self.correction: ReturnRecord | None = None
        self.notes: ReturnRecord | None = None
        self._read_returns()
        self._changes: dict[tuple[str, str], EntryChange] | None = None
        self.replaced_revision: int | None = None  # the revision the shown one replaced
        self._earlier: list[tuple[str, str, str, str]] | None = None
        self._ledger: dict[int, LedgerEntry] | None = None
        self._evidence_flags: dict[int, list[EvidenceFlag]] | None = None
        self._completion_flags: dict[tuple[int, str], list[EvidenceFlag]] | None = None
        self._hinted: set[str] | None = None
        self._problems: list[Problem] | None = None
        self._flagged: frozenset[str] | None = None
        self._result: Result | None = None
        self.last_problems: list[str] = []  # what the last refused apply() said
        self.busy_reason = ""  # why the file is open read-only (another program edits it)
        # changes a full disk refused, kept in the order typed and tried again every few
        # seconds until they are stored
        self._waiting: list[tuple[Callable[[], object], set[str] | None]] = []
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._try_again)
        # structural edits (undo.py); emptied when the file is sealed or reopened
        self.undo_stack = QUndoStack(self)
        self.kept = KeptDocuments()

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> Session:
        """Open a file for editing (raises the core's errors)."""
        return cls(AssessmentFile.open(path), parent)

    # --- facts ---------------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """The file."""
        return self.af.path

    @property
    def sealed(self) -> bool:
        """True when the department's self-assessment is sealed."""
        return self.data.department.sealed

    @property
    def read_only(self) -> bool:
        """True when the department's own answers cannot be edited here."""
        return self.sealed or self.review_mode or self.af.readonly

    @property
    def review_locked(self) -> bool:
        """True in review mode when the department is approved (审定): its reviews stay as
        approved until the approval is withdrawn."""
        return self.review_mode and self.af.approval(self.department_id) is not None

    def _read_returns(self) -> None:
        department = self.data.department
        self.correction = self.af.current_return(self.department_id)
        self.notes = self.correction
        # the secretary, or a department's draft: the last return, while the revision it was
        # made on is still the one here (waiting for its correction)
        if self.review_mode or (self.notes is None and not department.sealed):
            last = next(reversed(self.af.returns(self.department_id)), None)
            self.notes = last if last is not None and last.revision == department.revision \
                else None

    def evidence_flags(self) -> dict[int, list[EvidenceFlag]]:
        """What the evidence cross-checks found, by evidence id (in a bureau, against every
        department: a document another one attached too)."""
        if not self.review_mode:  # they are for the review group
            return {}
        if self._evidence_flags is None:
            from selfassess.evidence_review import review_evidence
            from selfassess.standing import read_standing

            self._evidence_flags = {
                line.ref.id: list(line.flags)
                for line in review_evidence(self.af, read_standing(self.af))
                if line.department_id == self.department_id and line.flags}
        return self._evidence_flags

    def returned_untouched(self) -> list[str]:
        """The returned entries (退回) of a returned file not changed since the return, by
        code: what the department has still to look at. Read from the file's log, which
        starts with the return (an entry changed and changed back counts as looked at)."""
        if self.correction is None:
            return []
        touched = set()
        for line in self.af.audit(self.department_id):
            if line.action in ("answer", "bonus", "veto"):
                kind = "item" if line.action == "answer" else line.action
                touched.add((kind, line.target.rsplit(".", 1)[0]))  # "1.2.narrative"
            elif line.action == "evidence":
                kind, _sep, code = line.target.partition(":")
                touched.add((kind, code))
        return [entry.code for entry in self.correction.entries
                if (entry.kind, entry.code) not in touched]

    def completion_flags(self) -> dict[tuple[int, str], list[EvidenceFlag]]:
        """What the checks found about the measures' completion documents, by (measure
        number, SHA-256): for the secretary, before a 销号."""
        if not self.review_mode:
            return {}
        if self._completion_flags is None:
            from selfassess.evidence_review import completion_flags

            found: dict[tuple[int, str], list[EvidenceFlag]] = {}
            for flag in completion_flags(self.af, [(self.department_id, self.ledger())]):
                found.setdefault((int(flag.target.split(":")[1]), flag.sha256), []).append(flag)
            self._completion_flags = found
        return self._completion_flags

    def hinted_items(self) -> set[str]:
        """Items with a document the evidence cross-checks found something about (the tree
        marks them for the review group; asked for every row painted, so kept until the
        next read)."""
        if self._hinted is None:
            flags = self.evidence_flags()
            self._hinted = {ref.target_code for ref in self.data.evidence
                            if ref.target_kind == "item" and ref.id in flags}
        return self._hinted

    def ledger(self) -> dict[int, LedgerEntry]:
        """整改台账: where each measure stands (read again after every store)."""
        if self._ledger is None:
            self._ledger = self.af.ledger(self.department_id)
        return self._ledger

    def follow_up(self, update: LedgerUpdate) -> bool:
        """Record a measure's progress (allowed on a sealed file); False (and ``refused``)
        when refused."""
        try:
            self.af.follow_up([update], actor=self.actor)
        except SelfassessError as error:
            self.last_problems = list(error.problems)
            self.refused.emit(error.problems)
            return False
        self.reload({"page:measures"})
        return True

    def earlier_shortcomings(self, code: str) -> list[tuple[str, str, str, str]]:
        """Last year's shortcomings on an item, kept as reference by ``new --from``."""
        if self._earlier is None:
            self._earlier = earlier_shortcomings(self.af)
        return [entry for entry in self._earlier if entry[3] == code]

    def change(self, kind: str, code: str) -> EntryChange | None:
        """In review: how the department changed this entry since the revision its current
        one replaced (已修改), or None."""
        if not self.review_mode:
            return None
        if self._changes is None:
            # the secretary's side, loaded when a department is reviewed (importing the
            # bureau package loads the merge, not needed to open a department's file)
            from selfassess.bureau.resubmission import changes_since_replaced

            self.replaced_revision, changes = changes_since_replaced(self.af, self.data)
            self._changes = {(c.kind, c.code): c for c in changes}
        return self._changes.get((kind, code))

    def return_reason(self, kind: str, code: str) -> str | None:
        """Why this entry was returned, while the notes are shown (None: it was not)."""
        return None if self.notes is None else self.notes.reason(kind, code)

    def editable(self, kind: str, code: str) -> bool:
        """Whether this item (``kind`` item), bonus claim or veto declaration can be changed
        here: not in a sealed or read-only file, and in a returned file only what was
        returned (the store refuses the rest as well)."""
        if self.read_only:
            return False
        return self.correction is None or code in self.correction.codes(kind)

    @property
    def actor(self) -> str:
        """Who the audit log names for edits made here."""
        return self.data.department.filled_by or default_actor()

    def seals(self) -> list[SealRecord]:
        """The seal history."""
        return self.af.seals(self.department_id)

    def problems(self) -> list[Problem]:
        """What blocks sealing now."""
        if self._problems is None:
            self._problems = completeness_problems(self.checklist, self.data)
        return self._problems

    def flagged_items(self) -> frozenset[str]:
        """Codes of items with a problem other than being unanswered."""
        if self._flagged is None:
            self._flagged = frozenset(p.code for p in self.problems()
                                      if p.target == "item" and p.check != "unanswered")
        return self._flagged

    def result(self) -> Result:
        """The totals shown: the department's own, or with reviews in review mode."""
        if self._result is None:
            inputs = final_input(self.data) if self.review_mode else self_input(self.data)
            self._result = score(self.checklist, inputs)
        return self._result

    def self_result(self) -> Result:
        """The department's own totals (self scores, claimed bonus, declared vetoes)."""
        return score(self.checklist, self_input(self.data)) if self.review_mode else self.result()

    def submission_name(self) -> str:
        """``{period}_{department}.selfassess``."""
        return submission_name(self.af.info.period, self.data.department.name)

    # --- edits ---------------------------------------------------------------------------------

    def reload(self, touched: set[str] | None = None) -> None:
        """Read the data again (after this or another connection wrote) and tell the views."""
        self.data = self.af.data(self.department_id)
        self._read_returns()
        self._changes = None
        self._ledger = None
        self._evidence_flags = self._completion_flags = self._hinted = None
        self._problems = None
        self._flagged = None
        self._result = None
        self.changed.emit(touched)

    def written_elsewhere(self, touched: set[str] | None) -> None:
        """Something was stored (here or by a worker thread): show it, report the save."""
        self.reload(touched)
        self.saved.emit(datetime.now().strftime("%H:%M:%S"))

    def _store(self, write: Callable[[], object], touched: set[str] | None) -> bool:
        if self._waiting:  # a full disk: keep the order of what was typed
            self._waiting.append((write, touched))
            return True
        try:
            write()
        except NoSpace as error:  # kept, and tried again while the disk is full
            self._waiting.append((write, touched))
            self.last_problems = error.problems
            self.refused.emit(error.problems)
            self._retry.start()
            return True
        except SelfassessError as error:
            self.last_problems = error.problems
            self.refused.emit(error.problems)
            return False
        self.last_problems = []
        self.written_elsewhere(touched)
        return True

    def _try_again(self) -> None:
        """Store what waited for disk space, in the order it was typed, until the disk fills
        again (then wait once more)."""
        while self._waiting:
            write, touched = self._waiting[0]
            try:
                write()
            except NoSpace:
                self._retry.start()
                return
            except SelfassessError as error:  # refused on its own merits now: say so, go on
                self.refused.emit(error.problems)
            else:
                self.written_elsewhere(touched)
            self._waiting.pop(0)
        self.last_problems = []

    @property
    def unsaved(self) -> int:
        """Changes kept in memory because the disk was full."""
        return len(self._waiting)

    def apply(self, changes: ChangeSet, touched: set[str]) -> bool:
        """Store a change now; False (and ``refused``) when the core refuses it."""
        if changes.is_empty():
            return True
        return self._store(lambda: self.af.apply(changes, actor=self.actor), touched)

    def undoable(self, text: str, forward: ChangeSet, backward: ChangeSet, touched: set[str],
                 merge_key: str = "") -> bool:
        """Store a structural edit (``forward``) so that 编辑 → 撤销 can store ``backward``;
        False (and ``refused``) when the core refuses it."""
        if forward.is_empty():
            return True
        command = ChangeCommand(self, text, lambda: forward, lambda: backward, touched,
                                merge_key=merge_key)
        self.undo_stack.push(command)
        return bool(command.stored)

    def import_changes(self, changes: ChangeSet) -> bool:
        """Store a whole imported form (Excel); every view reloads."""
        return self._store(lambda: self.af.apply(changes, actor=self.actor), None)

    def apply_review(self, review: Review, touched: set[str]) -> bool:
        """Store one review (考核得分 / reason); False (and ``refused``) when refused."""
        from selfassess.bureau.review import apply_reviews  # the secretary's side only

        return self._store(lambda: apply_reviews(self.af, [review], actor=_("review group")),
                           touched)

    def seal(self) -> SealRecord | None:
        """Seal; None (and ``refused``) when the checks fail."""
        try:
            record = self.af.seal(actor=self.actor)
        except SelfassessError as error:
            self.refused.emit(error.problems)
            return None
        self.undo_stack.clear()  # what is sealed is not undone
        self.reload(None)
        self.state_changed.emit()
        return record

    def reopen(self) -> None:
        """Unseal so the file can be edited again."""
        try:
            self.af.reopen(actor=self.actor)
        except SelfassessError as error:
            self.refused.emit(error.problems)
            return
        self.undo_stack.clear()
        self.reload(None)
        self.state_changed.emit()

    def save_copy(self, target: Path) -> Path | None:
        """Write the copy to send; None (and ``refused``) when it cannot."""
        try:
            return self.af.save_copy(target)
        except SelfassessError as error:
            self.refused.emit(error.problems)
            return None

    def close(self) -> None:
        """Close the file (what waited for disk space is tried once more first)."""
        self._retry.stop()
        if self._waiting:
            self._try_again()
            self._retry.stop()
        self.undo_stack.clear()
        self.kept.clear()
        self.af.close()

    def dispose(self) -> None:
        """The view of this session is gone: close a department file of its own (a review
        session leaves the bureau file open), cut every connection and let Qt delete it, so
        nothing that was connected keeps it, its data or its file alive."""
        if not self.review_mode:
            self.close()
        for signal in (self.saved, self.changed, self.refused, self.state_changed, self.restored):
            # disconnecting a signal with no receivers warns (an error under -W error)
            with warnings.catch_warnings(), suppress(RuntimeError, TypeError, SystemError):
                warnings.simplefilter("ignore")
                signal.disconnect()
        self.deleteLater()
