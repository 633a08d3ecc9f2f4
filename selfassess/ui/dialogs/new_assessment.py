"""新建自评: checklist, department, period, who fills it in, and where to save the file."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from selfassess.checklist import Checklist, builtin_checklists, resolve_checklist
from selfassess.errors import SelfassessError
from selfassess.i18n import _
from selfassess.paths import default_documents_dir
from selfassess.store import AssessmentFile
from selfassess.ui.asking import file_to_open
from selfassess.ui.widgets import SaveAsField, text_colour
from selfassess.validation import submission_name

FROM_FILE = "__file__"


class NewAssessmentDialog(QDialog):
    """Creates the file on OK; ``created`` is its path afterwards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New self-assessment"))
        self.setObjectName("new_assessment")
        self.created: Path | None = None
        self._loaded: dict[str, Checklist] = {}
        self._folder = default_documents_dir() / "selfassess"
        self._path_edited = False

        self.checklist = QComboBox()
        self.checklist.setObjectName("new_checklist")
        for checklist in builtin_checklists():
            self._loaded[checklist.id] = checklist
            self.checklist.addItem(_("{title} ({version})").format(
                title=checklist.title, version=checklist.version), checklist.id)
        self.checklist.addItem(_("From a checklist file…"), FROM_FILE)
        self.checklist.activated.connect(self._on_checklist_chosen)
        self.department = QLineEdit()
        self.department.setObjectName("new_department")
        self.department.setPlaceholderText(_("e.g. 办公室"))
        self.period = QLineEdit(str(date.today().year))
        self.period.setObjectName("new_period")
        self.filled_by = QLineEdit()
        self.filled_by.setObjectName("new_filled_by")
        self.location = SaveAsField("new_location", _("Save the self-assessment as"))
        self.location.edited.connect(self._on_location_edited)
        for field in (self.department, self.period):
            field.textChanged.connect(self._propose_location)
            field.textChanged.connect(self._on_changed)  # a message about the old text goes
        self.error = QLabel()
        self.error.setObjectName("new_error")
        text_colour(self.error, "#b22222")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(_("Checklist"), self.checklist)
        form.addRow(_("Department (处室/单位)"), self.department)
        form.addRow(_("Period (考核年度)"), self.period)
        form.addRow(_("Filled in by (填报人)"), self.filled_by)
        form.addRow(_("Save as"), self.location)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("new_ok")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create"))
        buttons.accepted.connect(self._on_create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 100)
        self._propose_location()
        # the name is what everyone types first; the built-in checklist is usually right
        self.department.setFocus(Qt.FocusReason.OtherFocusReason)

    def _propose_location(self) -> None:
        if self._path_edited:
            return
        if not self.department.text().strip():
            # no name yet: no file name made of a placeholder ("2026_处室(单位).selfassess"),
            # only the folder, as a hint
            self.location.setText("")
            self.location.edit.setPlaceholderText(str(self._folder) + os.sep)
            return
        name = submission_name(self.period.text() or "", self.department.text())
        self.location.setText(str(self._folder / name))

    def _on_changed(self) -> None:
        self.error.setText("")

    def _on_location_edited(self) -> None:
        self._path_edited = True

    def _on_checklist_chosen(self, index: int) -> None:
        if self.checklist.itemData(index) != FROM_FILE:
            return
        name = file_to_open(self, _("Choose a checklist"), "",
                            _("Checklists (*.yaml *.yml *.xlsx)"))
        if not name:
            self.checklist.setCurrentIndex(0)
            return
        try:
            checklist = resolve_checklist(name)  # YAML or an Excel template
        except SelfassessError as error:
            self.error.setText("\n".join(error.problems[:8]))
            self.checklist.setCurrentIndex(0)
            return
        key = f"file:{name}"
        self._loaded[key] = checklist
        self.checklist.insertItem(index, f"{checklist.title} ({Path(name).name})", key)
        self.checklist.setCurrentIndex(index)
        self.error.setText("\n".join(checklist.warnings))

    def chosen_checklist(self) -> Checklist:
        """The checklist selected."""
        return self._loaded[str(self.checklist.currentData())]

    def _on_create(self) -> None:
        if not self.location.text().strip():
            self.error.setText(_("Enter the department's name first"))
            return
        path = self.location.path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with AssessmentFile.create(path, self.chosen_checklist(),
                                       department_name=self.department.text(),
                                       period=self.period.text(),
                                       filled_by=self.filled_by.text()):
                pass
        except SelfassessError as error:
            self.error.setText("\n".join(error.problems))
            return
        except OSError as error:
            self.error.setText(_("cannot create {path} ({reason})").format(
                path=path, reason=error.strerror or error))
            return
        self.created = path
        self.accept()
