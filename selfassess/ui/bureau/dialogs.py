"""The secretary's dialogs: a new bureau file, the roster, the result of a merge."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfassess import FILE_SUFFIX
from selfassess.bureau import MergeOutcome, create_bureau
from selfassess.bureau.returns import NOTE_KEYS, ReturnNotes, parse_return_notes
from selfassess.bureau.roster import parse_roster
from selfassess.checklist import Checklist, builtin_checklists, load_checklist_file
from selfassess.errors import SelfassessError
from selfassess.i18n import _
from selfassess.paths import default_documents_dir
from selfassess.ui.asking import file_to_open
from selfassess.ui.bureau.models import MergeResultModel
from selfassess.ui.widgets import ErrorLabel, SaveAsField, wrap_label


class NewBureauDialog(QDialog):
    """Creates the bureau file on OK; ``created`` is its path afterwards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New bureau file (汇总)"))
        self.setObjectName("new_bureau")
        self.created: Path | None = None
        self.checklist = QComboBox()
        for checklist in builtin_checklists():
            self.checklist.addItem(_("{title} ({version})").format(
                title=checklist.title, version=checklist.version), checklist.id)
        self.checklist.addItem(_("From a checklist file…"), "")
        self.name = QLineEdit()
        self.name.setObjectName("bureau_name")
        self.name.setPlaceholderText(_("e.g. XX市水利局"))
        self.period = QLineEdit(str(date.today().year))
        self.period.setObjectName("bureau_period")
        self.roster = QPlainTextEdit()
        self.roster.setObjectName("bureau_roster")
        self.roster.setPlaceholderText(_("One department per line, e.g. General Office, Personnel Division, …"))
        self.location = SaveAsField("bureau_location", _("Save the bureau file as"))
        self.location.setText(str(default_documents_dir() / "selfassess" /
                                  f"{date.today().year}_{_('bureau')}{FILE_SUFFIX}"))
        self.error = ErrorLabel("bureau_error")
        form = QFormLayout()
        form.addRow(_("Checklist"), self.checklist)
        form.addRow(_("Bureau"), self.name)
        form.addRow(_("Period (考核年度)"), self.period)
        form.addRow(_("Departments expected"), self.roster)
        form.addRow(_("Save as"), self.location)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create"))
        buttons.accepted.connect(self._on_create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 100)

    def _on_create(self) -> None:
        path = self.location.path()
        try:
            if self.checklist.currentData():
                checklist = next(c for c in builtin_checklists()
                                 if c.id == self.checklist.currentData())
            else:
                name = file_to_open(self, _("Choose a checklist"), "",
                                    _("Checklists (*.yaml *.yml)"))
                if not name:
                    return
                checklist = load_checklist_file(Path(name))
            names = parse_roster(self.roster.toPlainText(), _("roster"))
            path.parent.mkdir(parents=True, exist_ok=True)
            create_bureau(path, checklist, self.name.text(), self.period.text(), names).close()
        except SelfassessError as error:
            self.error.setText("\n".join(error.problems[:10]))
            return
        except OSError as error:
            self.error.setText(_("cannot create {path} ({reason})").format(
                path=path, reason=error.strerror or error))
            return
        self.created = path
        self.accept()


class RosterDialog(QDialog):
    """The roster as text, one department per line; ``names`` after OK."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Departments expected (名单)"))
        self.setObjectName("roster_dialog")
        self.names = list(names)
        self.editor = QPlainTextEdit("\n".join(names))
        self.editor.setObjectName("roster_editor")
        self.error = ErrorLabel("roster_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(wrap_label(_("One department per line. A department keeps its link to "
                                      "the files it sent as long as its name stays the same.")))
        layout.addWidget(self.editor)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("x") * 60,
                    self.fontMetrics().lineSpacing() * 24)

    def _on_ok(self) -> None:
        try:
            self.names = parse_roster(self.editor.toPlainText(), _("roster"))
        except SelfassessError as error:
            self.error.setText("\n".join(error.problems[:10]))
            return
        self.accept()


class MergeResultDialog(QDialog):
    """Every file of a merge run with its outcome and reason."""

    def __init__(self, outcomes: list[MergeOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Merge result"))
        self.setObjectName("merge_result")
        counts = {o: sum(1 for x in outcomes if x.outcome == o) for o in
                  ("added", "replaced", "unchanged", "draft", "conflict", "refused")}
        summary = _("{added} added, {replaced} replaced, {unchanged} unchanged, {draft} drafts, "
                    "{conflict} conflicts, {refused} refused").format(**counts)
        self.model = MergeResultModel(self)
        self.model.set_rows(outcomes)
        table = QTableView()
        table.setObjectName("merge_result_table")
        table.setModel(self.model)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(summary)
        self.summary_label.setObjectName("merge_summary")
        layout.addWidget(self.summary_label)
        layout.addWidget(table)
        layout.addWidget(buttons)
        rows = table.verticalHeader().defaultSectionSize() * (min(len(outcomes), 18) + 1)
        self.resize(self.fontMetrics().horizontalAdvance("x") * 130,
                    rows + self.fontMetrics().lineSpacing() * 6)


class ReturnDialog(QDialog):
    """退回修改: tick the items (bonus claims, veto declarations) to return, each with its
    reason, and write an overall note; ``notes`` after OK (checked as the command line's)."""

    def __init__(self, checklist: Checklist, department: str,
                 suggested: dict[tuple[str, str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Return {name} for correction").format(name=department))
        self.setObjectName("return_dialog")
        self.checklist = checklist
        self.notes: ReturnNotes | None = None
        entries = ([("item", i.code, i.title) for i in checklist.items]
                   + [("bonus", b.code, b.title) for b in checklist.bonus_items]
                   + [("veto", v.code, v.text) for v in checklist.veto_items])
        self.keys = [(kind, code) for kind, code, _title in entries]
        self.table = QTableWidget(len(entries), 2)
        self.table.setObjectName("return_entries")
        self.table.setHorizontalHeaderLabels([_("Entry"), _("Reason (required when ticked)")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (kind, code, title) in enumerate(entries):
            tick = QTableWidgetItem(f"{code}  {title}")
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            reason = suggested.get((kind, code))
            tick.setCheckState(Qt.CheckState.Checked if reason else Qt.CheckState.Unchecked)
            self.table.setItem(row, 0, tick)
            self.table.setItem(row, 1, QTableWidgetItem(reason or ""))
        self.note = QPlainTextEdit()
        self.note.setObjectName("return_note")
        self.note.setPlaceholderText(_("An overall note to the department (optional)"))
        self.note.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.error = ErrorLabel("return_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Return and write the file…"))
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(wrap_label(_(
            "Tick what the department must correct and say why. The department gets its file "
            "back with these notes and can change only what is ticked; its next sealed "
            "revision is merged as a resubmission showing what changed.")))
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(_("Note")))
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("x") * 110,
                    self.fontMetrics().lineSpacing() * 32)

    def ticked(self) -> dict[str, dict[str, str]]:
        """The notes as the command line's JSON has them."""
        data: dict[str, dict[str, str]] = {key: {} for key in NOTE_KEYS}
        part = {kind: key for key, kind in NOTE_KEYS.items()}
        for row, (kind, code) in enumerate(self.keys):
            tick, reason = self.table.item(row, 0), self.table.item(row, 1)
            if tick is not None and tick.checkState() == Qt.CheckState.Checked:
                data[part[kind]][code] = reason.text() if reason is not None else ""
        return data

    def _on_ok(self) -> None:
        try:
            self.notes = parse_return_notes({"note": self.note.toPlainText(), **self.ticked()},
                                            _("return"), self.checklist)
        except SelfassessError as error:
            self.error.setText("\n".join(error.problems[:10]))
            return
        self.accept()
