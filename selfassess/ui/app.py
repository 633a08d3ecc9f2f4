"""Starting the Qt application: language, fonts, the main window, screenshot mode.

``selfassess`` (no arguments) and ``selfassess gui [FILE]`` come here.
``selfassess gui FILE --screenshot OUT.png [--item CODE | --page NAME]`` renders the window
(offscreen is fine), saves the PNG and exits: the way to look at every screen.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from selfassess.i18n import _
from selfassess.notice import FIRST_RUN_TEXT, FIRST_RUN_TITLE
from selfassess.store import AssessmentFile
from selfassess.ui.appearance import application, apply_settings
from selfassess.ui.main_window import MainWindow
from selfassess.ui.settings import Settings

SCREENSHOT_PAGES = ("start", "new", "settings", "bonus", "veto", "shortcomings", "measures",
                    "summary", "departments", "statistics", "log", "search")


def _screenshot_target(window: MainWindow, page: str | None) -> QWidget:
    if page == "new":
        from selfassess.ui.dialogs.new_assessment import NewAssessmentDialog

        dialog = NewAssessmentDialog(window)
        dialog.department.setText("办公室")
        dialog.filled_by.setText("王芳")
        dialog.show()
        return dialog
    if page == "settings":
        from selfassess.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(window.settings, window)
        dialog.show()
        return dialog
    return window


def take_screenshot(window: MainWindow, target: Path, page: str | None) -> int:
    """Lay the window out, render it to ``target`` and return an exit code."""
    widget = _screenshot_target(window, page)
    app = application()
    for _round in range(3):
        app.processEvents()
    if widget is not window:
        widget.adjustSize()
        app.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(target)):
        print(_("cannot write {path}").format(path=target), file=sys.stderr)
        return 1
    print(_("screenshot written to {path}").format(path=target))
    return 0


def _show_bureau_place(window: MainWindow, department: str | None, item: str | None,
                       page: str | None) -> None:
    """In a bureau file: a tab of the overview, or one department under review."""
    bureau = window.bureau
    assert bureau is not None
    tabs = {"departments": 0, "statistics": 1, "log": 2, "search": 3}
    if page in tabs:
        bureau.tabs.setCurrentIndex(tabs[page])
    if department:
        found = next((d.id for d in bureau.standing.departments if d.name == department), None)
        if found:
            place = f"item:{item}" if item else f"page:{page}" if page and page not in tabs else ""
            bureau.open_department(found, place)


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(args: argparse.Namespace) -> int:
    """Open the app (optionally on a file); with ``--screenshot``, render and exit."""
    file = Path(args.file) if getattr(args, "file", None) else None
    screenshot = getattr(args, "screenshot", None)
    if not _has_display():
        if not screenshot:
            print(_("no graphical display is available; use the command line (selfassess --help)"),
                  file=sys.stderr)
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    if screenshot and file is not None:
        AssessmentFile.open(file, readonly=True).close()  # refuse a bad file before any window
    app = application()
    settings = Settings()
    apply_settings(settings, getattr(args, "lang", None))
    window = MainWindow(settings)
    if screenshot:
        width, _x, height = str(getattr(args, "size", "") or "1280x860").partition("x")
        window.resize(int(width), int(height))
    if file is not None:
        window.open_file(file)
    item, page = getattr(args, "item", None), getattr(args, "page", None)
    department = getattr(args, "department", None)
    if window.bureau is not None:
        _show_bureau_place(window, department, item, page)
    elif item:
        window.go_to(f"item:{item}")
    elif page and page not in ("start", "new", "settings"):
        window.go_to(f"page:{page}")
    window.show()
    if screenshot:
        return take_screenshot(window, Path(screenshot), page)
    QTimer.singleShot(0, lambda: first_run(window, settings, file is None))
    return app.exec()


def first_run(window: MainWindow, settings: Settings, nothing_opened: bool) -> None:
    """The notice that the tool is for non-classified information, once; then a first start
    with no file goes straight to 新建."""
    if not settings.notice_seen():
        QMessageBox.information(window, _(FIRST_RUN_TITLE), _(FIRST_RUN_TEXT))
        settings.set_notice_seen()
        settings.sync()
    if nothing_opened and not settings.recent_files():
        window.new_assessment()
