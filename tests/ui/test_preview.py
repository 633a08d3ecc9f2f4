"""Preview and print: the report laid out off the GUI thread, shown, printed to a PDF printer."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from selfassess.demo import BUREAU_FILE, write_demo
from selfassess.ui.main_window import MainWindow
from selfassess.ui.preview import PreviewDialog, print_document


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    write_demo(tmp_path / "demo")
    return tmp_path / "demo"


def shown(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> list[PreviewDialog]:
    dialogs: list[PreviewDialog] = []

    def keep(dialog: PreviewDialog) -> int:
        dialogs.append(dialog)
        qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=30000)
        return 0

    monkeypatch.setattr(PreviewDialog, "exec", keep)
    return dialogs


def test_bureau_report_preview_prints_every_page(qtbot: QtBot, window: MainWindow, demo: Path,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    dialogs = shown(qtbot, monkeypatch)
    assert window.open_file(demo / BUREAU_FILE)
    window.preview_action.trigger()
    dialog = dialogs[0]
    pages = dialog.document.pageCount()
    assert pages > 10 and dialog.print_button.isEnabled()
    assert f"{pages} page(s)" in dialog.status.text()
    assert len(pypdf.PdfReader(io.BytesIO(dialog.pdf)).pages) == pages
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)  # pages are rendered at the printer's resolution: keep it quick
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    assert print_document(dialog.document, printer) == pages
    printed = pypdf.PdfReader(target)
    assert len(printed.pages) == pages
    first, second = printed.pages[0].mediabox, printed.pages[1].mediabox
    assert first.height > first.width and second.width > second.height  # cover, then tables


def test_department_preview_includes_unsaved_typing(qtbot: QtBot, window: MainWindow, demo: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import type_text

    dialogs = shown(qtbot, monkeypatch)
    assert window.open_file(demo / "2026_建设与管理处.selfassess")  # a draft
    window.go_to("item:6.4")
    type_text(window.workspace.item_page.narrative, "谈心谈话记录已补齐。")  # type: ignore[union-attr]
    window.preview_action.trigger()
    text = "".join(page.extract_text() for page in
                   pypdf.PdfReader(io.BytesIO(dialogs[0].pdf)).pages)
    assert "谈心谈话记录已补齐。" in text.replace("\n", "")
