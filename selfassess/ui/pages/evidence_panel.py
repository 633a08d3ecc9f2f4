"""The evidence (佐证材料) of one item or bonus claim: list, add (dialog or drag & drop), open,
remove. Attaching runs on a worker thread with its own connection, so a 100 MB scan never
freezes the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from selfassess.errors import SelfassessError
from selfassess.i18n import _
from selfassess.paths import user_data_dir
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource
from selfassess.store.export_evidence import is_executable, write_document
from selfassess.ui.asking import confirm, files_to_open, warn
from selfassess.ui.models import EvidenceModel
from selfassess.ui.session import Session
from selfassess.ui.undo import evidence_added, remove_evidence
from selfassess.ui.widgets import text_colour, wrap_label
from selfassess.validation import safe_file_name

if TYPE_CHECKING:
    from selfassess.ui.tasks import Task


def attach_files(path: Path, kind: str, code: str, files: list[Path], actor: str,
                 progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> int:
    """Attach files one transaction each (worker thread: opens its own connection)."""
    done = 0
    with AssessmentFile.open(path) as af:
        for number, source in enumerate(files):
            if cancelled():
                break
            progress(number, len(files), _("Attaching {name}…").format(name=source.name))
            af.apply(ChangeSet(add_evidence=[(kind, code, EvidenceSource(
                source, safe_file_name(source.name)))]), actor=actor)
            done += 1
    return done


class EvidencePanel(QWidget):
    """List and buttons; accepts files dropped onto it."""

    attached = Signal(int)

    def __init__(self, session: Session, kind: str, code: str = "", name_prefix: str = "evidence",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.code = code
        self._task: Task | None = None
        self._before: set[int] = set()  # evidence ids before an attaching (for its undo)
        self._editable = not session.read_only  # set for each place shown (set_editable)
        self.setAcceptDrops(True)
        self.model = EvidenceModel(session, kind, code, parent=self)
        self.table = QTableView()
        self.table.setObjectName(f"{name_prefix}_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.table.setToolTip(_("Drop files here to attach them"))
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.add_button = QPushButton(_("Add files…"))
        self.add_button.setObjectName(f"{name_prefix}_add")
        self.open_button = QPushButton(_("Open"))
        self.open_button.setObjectName(f"{name_prefix}_open")
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setObjectName(f"{name_prefix}_remove")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        # the review group's list of what the cross-checks found (the rows carry a ⚠)
        self.flags_label = wrap_label(object_name=f"{name_prefix}_flags")
        text_colour(self.flags_label, "#e65100")
        self.model.modelReset.connect(self._show_flags)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.flags_label)
        layout.addLayout(buttons)
        self._show_flags()

    def _show_flags(self) -> None:
        flags = self.session.evidence_flags()
        lines = ["⚠ " + _("{name}: {text}").format(
            name=_("{text} ({details})").format(text=ref.file_name, details=ref.sha256[:8]),
            text=_("; ").join(f.text for f in found))
            for ref in self.model.rows if (found := flags.get(ref.id))]
        self.flags_label.setText("\n".join(lines))
        self.flags_label.setVisible(bool(lines))

    def set_target(self, code: str) -> None:
        """Show the evidence of another item or bonus claim."""
        self.code = code
        self.model.set_target(self.kind, code)

    def set_editable(self, editable: bool) -> None:
        """Sealed files can be opened, not changed (nor, in a returned file, the documents of
        an entry that was not returned)."""
        self._editable = editable
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self.setAcceptDrops(editable)

    # --- attaching -----------------------------------------------------------------------------

    def attach(self, files: list[Path]) -> None:
        """Attach files in the background; the list refreshes when done."""
        files = [f for f in files if f.is_file()]
        if not files or self._task is not None or not self._editable:
            return
        from selfassess.ui.tasks import Task  # its Qt classes (a thread, a progress dialog) too

        # what was there before, so the documents this attaching adds can be undone
        self._before = {ref.id for ref in self.session.data.evidence}
        self._task = Task(self, lambda **kw: attach_files(
            self.session.path, self.kind, self.code, files, self.session.actor, **kw),
            _("Attaching evidence…"))
        self._task.done.connect(self._on_attached)
        self._task.error.connect(self._on_attach_failed)
        self._task.start()

    def wait(self) -> None:
        """Wait for a running attachment (closing, tests)."""
        if self._task is not None:
            self._task.wait()

    def _on_add_clicked(self) -> None:
        names = files_to_open(self, _("Attach evidence"))
        self.attach([Path(name) for name in names])

    def _finish_task(self) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None

    def _on_attached(self, count: Any) -> None:
        self._finish_task()
        touched = {f"item:{self.code}", "page:bonus"}
        self.session.written_elsewhere(touched)
        added = [ref for ref in self.session.data.evidence_for(self.kind, self.code)
                 if ref.id not in self._before]
        if added:
            self.session.undo_stack.push(evidence_added(self.session, added, touched))
        self.attached.emit(int(count))

    def _on_attach_failed(self, error: Any) -> None:
        self._finish_task()
        self.session.reload(None)  # files attached before the failure are stored and shown
        problems = list(getattr(error, "problems", None) or [str(error)])
        self.session.refused.emit(problems)
        warn(self, _("Evidence not attached"), "\n".join(problems[:10]))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self._editable:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.attach(files)

    # --- opening and removing ------------------------------------------------------------------

    def _selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def open_selected(self) -> None:
        """Write the document to a private temporary folder and open it with its program."""
        ref = self._selected()
        if ref is None:
            return
        if is_executable(ref.file_name):
            from PySide6.QtWidgets import QMessageBox  # named when shown (see ui.asking)

            answer = QMessageBox.warning(
                self, _("Open a program?"),
                _("“{name}” is a program or script. Opening it runs it on this computer. "
                  "Open it only if you trust where it came from.").format(name=ref.file_name),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Open:
                return
        folder = user_data_dir() / "opened" / ref.sha256[:16]
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / ref.file_name  # a stored name is always a safe plain name
        if not target.exists():
            try:
                write_document(self.session.af, ref.sha256, target)  # checked against its hash
            except SelfassessError as error:
                warn(self, _("Open"), "\n".join(error.problems))
                return
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))  # the system's handler

    def remove_selected(self) -> None:
        """Remove the selected document after confirmation."""
        ref = self._selected()
        if ref is None or not self._editable:
            return
        if confirm(self, _("Remove evidence"), _("Remove “{name}” from this file?").format(
                name=ref.file_name)):
            self.session.undo_stack.push(remove_evidence(self.session, ref,
                                                         {f"item:{self.code}", "page:bonus"}))
