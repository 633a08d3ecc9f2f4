"""Preview and print: the report laid out off the GUI thread, shown, printed to a PDF printer;
zoom and page navigation in the preview."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from selfassess.demo import BUREAU_FILE, write_demo
from selfassess.ui.appearance import apply_settings
from selfassess.ui.main_window import MainWindow
from selfassess.ui.preview import ZOOM_STEPS, PreviewDialog, print_document, render_file
from selfassess.ui.settings import Settings


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


# --- zoom and page navigation ------------------------------------------------------------------


@pytest.fixture(scope="module")
def bureau_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo bureau file (its report: a portrait cover, then 20-odd landscape pages of
    tables), written once for the tests below, which only read it."""
    folder = tmp_path_factory.mktemp("preview-demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SELFASSESS_HOME", str(tmp_path_factory.mktemp("preview-home")))
        write_demo(folder)
    return folder / BUREAU_FILE


def opened(qtbot: QtBot, window: MainWindow, path: Path) -> PreviewDialog:
    """The preview of a file, shown (not exec'd) at a fixed size once its PDF is loaded."""
    dialog = PreviewDialog(window, "Print preview", render_file(path), path.with_suffix(".pdf"))
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=30000)
    def active() -> bool:  # asked again each time: on a busy machine the request can be lost
        dialog.activateWindow()
        return dialog.isActiveWindow()

    qtbot.waitUntil(active, timeout=30000)  # the shortcuts answer in the active window
    return dialog


def click(qtbot: QtBot, dialog: PreviewDialog, name: str) -> None:
    qtbot.mouseClick(dialog.tool_buttons[name], Qt.MouseButton.LeftButton)


def test_preview_opens_on_page_one_fitting_the_width(qtbot: QtBot, window: MainWindow,
                                                     bureau_file: Path) -> None:
    dialog = opened(qtbot, window, bureau_file)
    pages = dialog.document.pageCount()
    assert pages > 10
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.fit_width_action.isChecked() and not dialog.fit_page_action.isChecked()
    assert dialog.page_box.text() == dialog.page_indicator() == f"Page 1 of {pages}"
    assert not dialog.previous_action.isEnabled() and dialog.next_action.isEnabled()
    # fitted: the cover (portrait) as wide as the view, whatever zoomFactor() says
    viewport = dialog.view.viewport().width() - 12  # QPdfView's document margins, 6 + 6
    cover_pixels = dialog.document.pagePointSize(0).width() * dialog.view.logicalDpiX() / 72
    assert dialog.zoom_label.text() == f"{round(viewport / cover_pixels * 100)}%"
    assert QApplication.focusWidget() is dialog.view  # PageDown works at once


def test_next_previous_and_typed_page_move_through_the_report(
        qtbot: QtBot, window: MainWindow, bureau_file: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = opened(qtbot, window, bureau_file)
    pages = dialog.document.pageCount()
    navigator = dialog.view.pageNavigator()
    bar = dialog.view.verticalScrollBar()
    tops = [bar.value()]
    for number in (2, 3, 4):
        click(qtbot, dialog, "next")
        assert navigator.currentPage() == number - 1
        assert dialog.page_box.text() == f"Page {number} of {pages}"
        tops.append(bar.value())
    assert tops == sorted(set(tops))  # the view moved down at every step
    click(qtbot, dialog, "previous")
    assert navigator.currentPage() == 2 and bar.value() == tops[2]
    assert dialog.page_box.text() == f"Page 3 of {pages}"

    printed: list[bool] = []
    monkeypatch.setattr(PreviewDialog, "print_dialog", lambda self: printed.append(True))
    dialog.page_box.setFocus()
    dialog.page_box.selectAll()
    qtbot.keyClicks(dialog.page_box, "12")
    assert navigator.currentPage() == 2  # not while typing
    qtbot.keyClick(dialog.page_box, Qt.Key.Key_Return)
    assert navigator.currentPage() == 11 and dialog.page_box.text() == f"Page 12 of {pages}"
    assert printed == [] and dialog.isVisible()  # Enter did not go on to press 打印
    top = bar.value()
    bar.setValue(top + 100)
    dialog.page_box.selectAll()
    qtbot.keyClicks(dialog.page_box, "12")  # the page already shown: back to its top
    qtbot.keyClick(dialog.page_box, Qt.Key.Key_Enter)
    assert navigator.currentPage() == 11 and bar.value() == top


def test_keys_page_through_when_the_view_has_the_focus(qtbot: QtBot, window: MainWindow,
                                                       bureau_file: Path) -> None:
    dialog = opened(qtbot, window, bureau_file)
    pages = dialog.document.pageCount()
    bar = dialog.view.verticalScrollBar()
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    assert dialog.page_box.text() == f"Page {pages} of {pages}"
    assert not dialog.next_action.isEnabled() and dialog.previous_action.isEnabled()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Home)
    assert bar.value() == 0 and dialog.page_box.text() == f"Page 1 of {pages}"
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageDown)
    assert bar.value() == bar.pageStep()  # a screen down
    for _press in range(10):  # the cover is about three screens tall at this width
        if dialog.current_page() == 1:
            break
        qtbot.keyClick(dialog.view, Qt.Key.Key_PageDown)
    assert dialog.page_box.text() == f"Page 2 of {pages}"
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageUp)
    assert dialog.page_box.text() == f"Page 1 of {pages}"


def test_zoom_buttons_and_shortcuts(qtbot: QtBot, window: MainWindow, bureau_file: Path) -> None:
    dialog = opened(qtbot, window, bureau_file)
    view = dialog.view
    click(qtbot, dialog, "fit_page")
    assert view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert dialog.fit_page_action.isChecked() and not dialog.fit_width_action.isChecked()
    whole = dialog.zoom()
    assert dialog.zoom_label.text() == f"{round(whole * 100)}%"

    click(qtbot, dialog, "zoom_in")  # from wherever the fit left it, to the next step
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    assert view.zoomFactor() in ZOOM_STEPS and view.zoomFactor() > whole
    assert dialog.zoom_label.text() == f"{round(view.zoomFactor() * 100)}%"
    assert not dialog.fit_page_action.isChecked() and not dialog.fit_width_action.isChecked()
    larger = view.zoomFactor()
    click(qtbot, dialog, "zoom_out")
    assert view.zoomFactor() < larger
    while dialog.zoom_out_action.isEnabled():
        click(qtbot, dialog, "zoom_out")
    assert view.zoomFactor() == 0.5 and dialog.zoom_label.text() == "50%"
    while dialog.zoom_in_action.isEnabled():
        click(qtbot, dialog, "zoom_in")
    assert view.zoomFactor() == 4.0 and dialog.zoom_label.text() == "400%"

    control = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(view, Qt.Key.Key_0, control)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth and dialog.fit_width_action.isChecked()
    fitted = dialog.zoom()
    qtbot.keyClick(view, Qt.Key.Key_Plus, control)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom and view.zoomFactor() > fitted
    qtbot.keyClick(view, Qt.Key.Key_Minus, control)
    qtbot.keyClick(view, Qt.Key.Key_Minus, control)
    assert view.zoomFactor() < fitted


def page_top(dialog: PreviewDialog, page: int) -> int:
    """Where the view puts the top of a page, asked of the view through its navigator (from
    another page: the view moves only when the navigator's page changes)."""
    navigator, bar = dialog.view.pageNavigator(), dialog.view.verticalScrollBar()
    value = bar.value()
    navigator.jump(page + 1, QPointF(), 0)
    navigator.jump(page, QPointF(), 0)
    top = bar.value()
    bar.setValue(value)
    return top


def settled() -> None:
    """Let Qt run what it queued (it shows and hides scroll bars from the event loop)."""
    QApplication.processEvents()


def test_zooming_keeps_the_page_being_read(qtbot: QtBot, window: MainWindow,
                                           bureau_file: Path) -> None:
    dialog = opened(qtbot, window, bureau_file)
    pages = dialog.document.pageCount()
    bar = dialog.view.verticalScrollBar()
    dialog.go_to_page(6)
    bar.setValue(bar.value() + 100)  # a little way down page 7
    for button in ("zoom_in", "zoom_in", "zoom_out", "fit_width", "zoom_in"):
        into_page, zoom = bar.value() - page_top(dialog, 6), dialog.zoom()
        click(qtbot, dialog, button)
        settled()
        assert dialog.page_box.text() == f"Page 7 of {pages}", button
        # the same spot of the page at the top of the view, at the new zoom
        assert abs(bar.value() - page_top(dialog, 6) - into_page * dialog.zoom() / zoom) <= 2
    assert dialog.view.horizontalScrollBar().isVisible()  # a custom zoom wider than the view
    click(qtbot, dialog, "fit_page")  # 整页: the page whole, from its top
    settled()
    assert dialog.page_box.text() == f"Page 7 of {pages}"
    assert bar.value() == page_top(dialog, 6)
    dialog.resize(800, 600)  # fitted zooms change with the window: still the same page
    settled()
    assert dialog.page_box.text() == f"Page 7 of {pages}"
    assert bar.value() == page_top(dialog, 6)

    click(qtbot, dialog, "fit_width")
    bar.setValue(page_top(dialog, 6) + 200)
    zoom = dialog.zoom()
    dialog.resize(1000, 700)  # a wider window: the pages grow, the spot stays at the top
    settled()
    assert dialog.zoom() > zoom and dialog.page_box.text() == f"Page 7 of {pages}"
    assert abs(bar.value() - page_top(dialog, 6) - 200 * dialog.zoom() / zoom) <= 2


def test_a_short_last_page_counts_as_reached(qtbot: QtBot, window: MainWindow,
                                             bureau_file: Path) -> None:
    """At 50 % several landscape pages fit in the view: the view cannot scroll the last one up
    to where QPdfView looks for the current page, yet 下一页 must get there and say so."""
    dialog = opened(qtbot, window, bureau_file)
    dialog.resize(1000, 900)
    pages = dialog.document.pageCount()
    while dialog.zoom_out_action.isEnabled():
        click(qtbot, dialog, "zoom_out")
    dialog.go_to_page(pages - 2)
    click(qtbot, dialog, "next")
    assert dialog.page_box.text() == f"Page {pages} of {pages}"
    assert not dialog.next_action.isEnabled()
    click(qtbot, dialog, "previous")
    assert dialog.page_box.text() == f"Page {pages - 1} of {pages}"


def test_controls_are_named_and_fit_a_small_screen_in_chinese_at_150(
        qtbot: QtBot, window: MainWindow, settings: Settings, bureau_file: Path) -> None:
    settings.font_scale = 150
    apply_settings(settings, "zh_CN")
    try:
        dialog = opened(qtbot, window, bureau_file)
        dialog.resize(1366 * 95 // 100, 728 * 90 // 100)  # 1366×768 less a taskbar, as sized
        pages = dialog.document.pageCount()
        assert dialog.page_box.text() == f"第 1 / {pages} 页"
        assert dialog.tool_buttons["fit_width"].text() == "适合宽度"
        for name, button in dialog.tool_buttons.items():
            assert button.toolTip() and button.accessibleName(), name
            assert button.width() >= button.sizeHint().width(), name  # not squeezed
        assert dialog.page_box.accessibleName() and dialog.page_box.toolTip()
        assert dialog.zoom_label.accessibleName() and dialog.zoom_label.toolTip()
        assert dialog.page_box.width() >= dialog.page_box.sizeHint().width()
        assert dialog.minimumSizeHint().width() <= dialog.width()
        assert dialog.rect().contains(dialog.tool_buttons["next"].geometry())
        assert dialog.print_button.geometry().bottom() < dialog.height()
    finally:
        settings.font_scale = 100
        apply_settings(settings, "en")
