"""文件 → 核对纸质件… (issue 17): the code typed, the open file compared, the answer shown."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from selfassess.checklist import Checklist
from selfassess.report import collect, sheets_pdf
from selfassess.store import AssessmentFile
from selfassess.ui.dialogs.verify_print import VerifyPrintDialog
from selfassess.ui.main_window import MainWindow


def first_code(path: Path) -> str:
    with AssessmentFile.open(path, readonly=True) as af:
        pdf = sheets_pdf(collect(af))
    text = re.sub(r"\s+", "", pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    (code,) = re.findall(r"(?:Checkcode|核对码：?)([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})", text)
    return code


def test_a_page_checked_against_the_open_file(window: MainWindow, tmp_path: Path,
                                              checklist: Checklist,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from test_ledger import sealed_with_measures

    path = sealed_with_measures(tmp_path, checklist)
    code = first_code(path)
    assert window.open_file(path)
    shown: list[VerifyPrintDialog] = []

    def answer() -> None:  # the dialog as a user fills it in
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, VerifyPrintDialog)
        shown.append(dialog)
        assert path.name in dialog.files_label.text()
        dialog.code.setText(code.lower())  # typed loosely
        dialog.check_button.click()
        results.append(dialog.result.text())
        dialog.code.setText(code[:-1] + ("0" if code[-1] != "0" else "1"))
        dialog.check_button.click()
        results.append(dialog.result.text())
        dialog.reject()

    results: list[str] = []
    QTimer.singleShot(0, answer)
    window.verify_action.trigger()
    assert shown and results[0].startswith(f"{code}: matches 办公室, revision 1, page 1")
    assert "mistyped" in results[1]
