"""文件 → 核对纸质件…: type the 核对码 printed at a page's foot (or paste what a phone read from
its QR code) and see whether the paper is the open file, or other files, as they are now."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selfassess import FILE_SUFFIX
from selfassess.checkcode import CodeError
from selfassess.errors import SelfassessError
from selfassess.i18n import _, join_list
from selfassess.ui.asking import files_to_open
from selfassess.ui.widgets import wrap_label
from selfassess.verify_print import check

MATCH_STYLE = "color: #1b5e20; font-weight: bold;"
MISMATCH_STYLE = "color: #b71c1c; font-weight: bold;"


class VerifyPrintDialog(QDialog):
    """The code, the files to compare with (the open one to start with), and the answer."""

    def __init__(self, files: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Check a printed page (核对纸质件)"))
        self.setObjectName("verify_print")
        self.files = list(files)
        self.code = QLineEdit()
        self.code.setObjectName("verify_print_code")
        self.code.setPlaceholderText(_("e.g. 7KQ2-M9XA-3F, or the QR code's text"))
        self.code.returnPressed.connect(self.run)
        self.files_label = wrap_label(object_name="verify_print_files")
        choose = QPushButton(_("Other files…"))
        choose.clicked.connect(self.choose)
        self.result = wrap_label(object_name="verify_print_result")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.check_button = buttons.addButton(_("Check"), QDialogButtonBox.ButtonRole.ActionRole)
        self.check_button.clicked.connect(self.run)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.files_label, 1)
        row.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("The 核对码 at the foot of the page, or what a phone read "
                                  "from its QR code:")))
        layout.addWidget(self.code)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._show_files()
        self.resize(self.fontMetrics().horizontalAdvance("x") * 80, self.sizeHint().height())

    def _show_files(self) -> None:
        self.files_label.setText(_("Compared with: {files}").format(
            files=join_list(path.name for path in self.files)) if self.files
            else _("No file: only what the code itself says."))

    def choose(self) -> None:
        names = files_to_open(
            self, _("Files to compare with"), str(self.files[0].parent) if self.files else "",
            _("Self-assessment files (*{suffix})").format(suffix=FILE_SUFFIX))
        if names:
            self.files = [Path(name) for name in names]
            self._show_files()

    def run(self) -> None:
        """Check the code against the files; the answer in green only when the page is the
        file as it is now."""
        text = self.code.text().strip()
        if not text:
            return
        try:
            verdict = check(text, self.files)
        except (CodeError, SelfassessError) as error:
            message = "\n".join(error.problems[:3]) if isinstance(error, SelfassessError) \
                else str(error)
            self.result.setStyleSheet(MISMATCH_STYLE)
            self.result.setText(message)
            return
        self.result.setStyleSheet(MATCH_STYLE if verdict.matches else
                                  "" if not self.files else MISMATCH_STYLE)
        self.result.setText(verdict.line)
