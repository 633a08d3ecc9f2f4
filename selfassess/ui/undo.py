"""Undo and redo of structural edits (编辑 → 撤销/重做): evidence added or removed, list entries
removed, 不适用 switched, bonus points claimed, vetoes declared.

Every edit is stored at once, so undoing is another stored edit: each command holds how to go
forward and how to go back, as ``ChangeSet`` makers called at the moment (evidence rows get new
ids when they come back, so they are found again by what they are). A removed document's bytes
wait in a private temporary folder of the session, so undoing the removal brings the same
document back after the file dropped it. Typing keeps each text field's own undo (Ctrl+Z while
the field has focus).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from selfassess.i18n import _
from selfassess.store import ChangeSet, EvidenceSource
from selfassess.store.export_evidence import write_document

if TYPE_CHECKING:
    from selfassess.store.records import EvidenceRef
    from selfassess.ui.session import Session

Maker = Callable[[], ChangeSet]


class ChangeCommand(QUndoCommand):
    """One structural edit. ``forward`` is stored by the first redo (when pushed) unless
    ``done`` says it already was; a refusal makes the command obsolete (dropped from the
    stack) and is reported by the session as any refusal is."""

    def __init__(self, session: Session, text: str, forward: Maker, backward: Maker,
                 touched: set[str], done: bool = False, merge_key: str = "") -> None:
        super().__init__(text)
        self.session = session
        self.forward, self.backward = forward, backward
        self.touched = touched
        self._skip_first = done
        self._merge_key = merge_key
        self.stored: bool | None = True if done else None  # the last redo stored; None: not yet

    def redo(self) -> None:
        if self._skip_first:
            self._skip_first = False
            return
        pushed = self.stored is None
        self.stored = self.session.apply(self.forward(), self.touched)
        if not self.stored:
            self.setObsolete(True)
        elif not pushed:  # the page shown was not where this happened: show it anew
            self.session.restored.emit(self.touched)

    def undo(self) -> None:
        if self.session.apply(self.backward(), self.touched):
            self.session.restored.emit(self.touched)
        else:
            self.setObsolete(True)

    def id(self) -> int:
        return 1 if self._merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Steps of one spin box (points 0.5 → 1 → 1.5) undo as one."""
        if not isinstance(other, ChangeCommand) or other._merge_key != self._merge_key:
            return False
        self.forward = other.forward
        return True


class KeptDocuments:
    """A session's private folder of documents removed from the file, for undo."""

    def __init__(self) -> None:
        self._folder: Path | None = None

    def keep(self, session: Session, ref: EvidenceRef) -> Path:
        """The document's verified bytes in a file of their own (written once)."""
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="selfassess-undo-"))
        target = self._folder / ref.sha256
        if not target.exists():
            write_document(session.af, ref.sha256, target)
        return target

    def path(self, sha256: str) -> Path:
        """Where ``keep`` put a document."""
        assert self._folder is not None, "a document is kept before it is removed"
        return self._folder / sha256

    def clear(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


def _same(ref: EvidenceRef, kind: str, code: str, sha256: str, name: str) -> bool:
    return (ref.target_kind, ref.target_code, ref.sha256, ref.file_name) == (
        kind, code, sha256, name)


def _removal(session: Session, refs: list[tuple[str, str, str, str]]) -> ChangeSet:
    """Remove, for each (kind, code, sha256, name), the last matching row now in the file."""
    ids: list[int] = []
    for kind, code, sha256, name in refs:
        found = [r.id for r in session.data.evidence
                 if _same(r, kind, code, sha256, name) and r.id not in ids]
        if found:
            ids.append(found[-1])
    return ChangeSet(remove_evidence=ids)


def _addition(session: Session, refs: list[tuple[str, str, str, str]]) -> ChangeSet:
    return ChangeSet(add_evidence=[(kind, code, EvidenceSource(session.kept.path(sha256), name))
                                   for kind, code, sha256, name in refs])


def remove_evidence(session: Session, ref: EvidenceRef, touched: set[str]) -> ChangeCommand:
    """Removing a document (its bytes kept first, so undo can bring it back)."""
    session.kept.keep(session, ref)
    key = [(ref.target_kind, ref.target_code, ref.sha256, ref.file_name)]
    return ChangeCommand(session, _("Remove {name}").format(name=ref.file_name),
                         lambda: _removal(session, key), lambda: _addition(session, key), touched)


def evidence_added(session: Session, refs: list[EvidenceRef], touched: set[str]) -> ChangeCommand:
    """Documents a worker already attached: undo keeps their bytes, then removes them."""
    keys = [(r.target_kind, r.target_code, r.sha256, r.file_name) for r in refs]

    def backward() -> ChangeSet:
        for ref in refs:
            session.kept.keep(session, ref)
        return _removal(session, keys)

    text = _("Attach {name}").format(name=refs[0].file_name) if len(refs) == 1 else \
        _("Attach {count} documents").format(count=len(refs))
    return ChangeCommand(session, text, lambda: _addition(session, keys), backward, touched,
                         done=True)
