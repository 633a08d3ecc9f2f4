"""A department head who uses no mouse: a new file with Ctrl+N, every item scored with keys,
the vetoes declared with Space, sealed with the seal button reached by Tab — checked against
what the file holds. Chinese is typed as an input method commits it (``type_text``), which is
how a keyboard types it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from conftest import type_text
from selfassess.store import AssessmentFile
from selfassess.ui.main_window import MainWindow

MAX_TABS = 40


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make ``widget``'s window the active one (asked again until it is: on a busy machine
    the request can be lost)."""
    def active() -> bool:
        widget.activateWindow()
        return QApplication.activeWindow() is widget

    qtbot.waitUntil(active, timeout=30000)


def tab_to(qtbot: QtBot, wanted: object) -> QWidget:
    """Press Tab until ``wanted`` (a widget, or a test of the focused widget) has focus."""
    def found() -> bool:
        widget = focused()
        if widget is None:
            return False
        if callable(wanted) and not isinstance(wanted, QWidget):
            return bool(wanted(widget))
        return widget is wanted or (isinstance(wanted, QWidget) and wanted.isAncestorOf(widget))

    for _press in range(MAX_TABS):
        if found():
            return focused()  # type: ignore[return-value]
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {wanted}; focus is on {focused()}")


def test_new_file_score_every_item_and_seal_with_keys(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "xuanchuan.selfassess"  # typed key by key: ASCII
    monkeypatch.setattr(QFileDialog, "getSaveFileName",  # Esc on the "save a copy" dialog
                        staticmethod(lambda *a, **k: ("", "")))

    problems: list[BaseException] = []

    def fill_in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        try:
            activate(qtbot, dialog)
            assert focused() is dialog.department  # type: ignore[attr-defined]
            type_text(focused(), "宣传处")  # type: ignore[arg-type]
            location = tab_to(qtbot, lambda w: w.objectName() == "new_location" or (
                w.parent() is not None and w.parent().objectName() == "new_location"))
            qtbot.keyClick(location, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(location, str(target))  # the path is ASCII here
            qtbot.keyClick(location, Qt.Key.Key_Return)
        except BaseException as error:  # never leave a modal dialog open: the test would hang
            problems.append(error)
            dialog.close()

    window.activateWindow()
    QTimer.singleShot(0, fill_in_dialog)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not problems, problems
    assert target.is_file() and window.workspace is not None
    activate(qtbot, window)  # the window manager's part when a dialog closes
    workspace = window.workspace
    page = workspace.item_page
    checklist = window.session.checklist  # type: ignore[union-attr]
    for number, item in enumerate(checklist.items):
        if number:
            qtbot.keyClick(focused(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        assert workspace.current == f"item:{item.code}"
        assert focused() is not None and page.isAncestorOf(focused())  # typing goes on here
        tab_to(qtbot, page.score)
        qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(focused(), str(item.max_points))
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    for page_name in ("page:bonus", "page:veto"):
        qtbot.keyClick(focused(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        assert workspace.current == page_name
    for veto in checklist.veto_items:
        no = tab_to(qtbot, lambda w, code=veto.code: isinstance(w, QRadioButton)
                    and w.objectName() == f"veto_{code}_no")
        qtbot.keyClick(no, Qt.Key.Key_Space)
    for page_name in ("page:shortcomings", "page:measures", "page:summary"):
        qtbot.keyClick(focused(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        assert workspace.current == page_name
    seal = tab_to(qtbot, workspace.summary_page.seal_button)
    qtbot.keyClick(seal, Qt.Key.Key_Space)  # the confirmations are answered Yes (conftest)

    with AssessmentFile.open(target, readonly=True) as af:
        data = af.data()
        assert data.department.sealed and data.department.name == "宣传处"
        assert {code: answer.self_score for code, answer in data.answers.items()} == {
            item.code: item.max_points for item in checklist.items}
        assert all(data.veto[v.code].triggered is False for v in checklist.veto_items)
