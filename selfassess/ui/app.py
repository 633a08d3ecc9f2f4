"""Starting the Qt application: language, fonts, the main window, screenshot mode.

``selfassess`` (no arguments) and ``selfassess gui [FILE]`` come here.
``selfassess gui FILE --screenshot OUT.png [--item CODE | --page NAME] [--department NAME]
[--size WxH] [--scale 100|125|150]`` renders the window (offscreen is fine), saves the PNG and
exits: the way to look at every screen. In a bureau file, ``--department NAME`` opens that
department for review (at ``--item CODE``, or ``--page review`` for its first item, or
``--page summary`` for its review summary); ``--page departments|statistics|log|search`` shows a
tab of the overview. ``--scale`` sets the font size for this run only (the setting is kept).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from selfassess import collecting
from selfassess.i18n import _
from selfassess.notice import FIRST_RUN_TEXT, FIRST_RUN_TITLE
from selfassess.store import AssessmentFile
from selfassess.ui.appearance import application, apply_font, apply_settings
from selfassess.ui.asking import inform
from selfassess.ui.main_window import MainWindow
from selfassess.ui.settings import Settings
from selfassess.validation import same_name

SCREENSHOT_PAGES = ("start", "new", "settings", "bonus", "veto", "shortcomings", "measures",
                    "summary", "review", "departments", "statistics", "log", "search")
BUREAU_TABS = {"departments": 0, "statistics": 1, "log": 2, "search": 3}
DEPARTMENT_PAGES = ("bonus", "veto", "shortcomings", "measures", "summary")  # of one department
DEFAULT_SIZE = "1280x860"
EXIT_REFUSED, EXIT_USAGE = 1, 2  # as the command line's


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
                       page: str | None) -> tuple[int, str]:
    """In a bureau file: a tab of the overview, or one department under review (at an item,
    its first item for ``review``, or one of its pages). Returns (exit code, problem) when the
    place cannot be shown, else (0, "")."""
    bureau = window.bureau
    assert bureau is not None
    if page in BUREAU_TABS:
        bureau.tabs.setCurrentIndex(BUREAU_TABS[page])
    if not department:
        if item or page == "review" or page in DEPARTMENT_PAGES:
            return EXIT_USAGE, _("in a bureau file, --department NAME chooses the department "
                                 "to show")
        return 0, ""
    wanted = same_name(department)
    found = next((d.id for d in bureau.standing.departments if same_name(d.name) == wanted), None)
    if found is None:
        names = "、".join(d.name for d in bureau.standing.departments) or "-"
        return EXIT_REFUSED, _("no department named “{name}” was merged into this file "
                               "(merged: {names})").format(name=department, names=names)
    if item:
        place = f"item:{item}"
    elif page in DEPARTMENT_PAGES:
        place = f"page:{page}"
    else:
        place = ""  # the review of its first item
    bureau.open_department(found, place)
    return 0, ""


def _window_size(text: str) -> tuple[int, int] | None:
    """``1366x768`` → (1366, 768); None when it is not a size."""
    width, _x, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()):
        return None
    size = int(width), int(height)
    return size if 200 <= size[0] <= 10000 and 200 <= size[1] <= 10000 else None


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(args: argparse.Namespace) -> int:
    """Open the app (optionally on a file); with ``--screenshot``, render and exit."""
    file = Path(args.file) if getattr(args, "file", None) else None
    screenshot = getattr(args, "screenshot", None)
    size = _window_size(str(getattr(args, "size", None) or DEFAULT_SIZE))
    if size is None:
        print(_("--size must be WIDTHxHEIGHT in pixels, e.g. 1366x768"), file=sys.stderr)
        return EXIT_USAGE
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
    scale = getattr(args, "scale", None)
    if scale:  # this run only: the setting stays as it is
        apply_font(app, int(scale))
    # with a file to open, the first frame is the empty window: the start screen is built
    # only if the file cannot be shown
    window = MainWindow(settings, start_screen=file is None)
    if screenshot:
        window.resize(*size)
        code, problem = _open_and_place(window, file, args)
        if problem:
            print(problem, file=sys.stderr)
            window.close_file()
            return code
        window.show()
        return take_screenshot(window, Path(screenshot), page=getattr(args, "page", None))

    def then() -> None:
        _code, problem = _open_and_place(window, file, args)
        collecting.as_usual()  # started (cli.main): the hours of work ahead as Python has them
        if problem:
            print(problem, file=sys.stderr)
        if window.session is None and window.bureau is None:
            window.show_start()  # refused, or none given: where to go from here
        first_run(window, settings, file is None)

    # the window first, the file right after it is on screen: opening and laying out a file
    # takes as long again as the window, and a window that appears at once is one nobody
    # double-clicks a second time
    after_first_paint(window, then)
    window.show()
    return app.exec()


def _open_and_place(window: MainWindow, file: Path | None, args: argparse.Namespace
                    ) -> tuple[int, str]:
    """Open the file given and go to the place asked for; (exit code, problem) when the place
    cannot be shown."""
    if file is not None:
        window.open_file(file)
    item, page = getattr(args, "item", None), getattr(args, "page", None)
    department = getattr(args, "department", None)
    if window.bureau is not None:
        return _show_bureau_place(window, department, item, page)
    if page == "review":
        return EXIT_USAGE, _("--page review shows a department of a bureau file (with "
                             "--department NAME)")
    if item:
        window.go_to(f"item:{item}")
    elif page and page not in ("start", "new", "settings"):
        window.go_to(f"page:{page}")
    return 0, ""


class _FirstExposure(QObject):
    """Calls back once the window is first on screen (its first frame painted), or after a
    second if no screen ever shows it (a minimised start)."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self.callback: Callable[[], None] | None = callback
        self.handle = window.windowHandle()
        self.handle.installEventFilter(self)
        QTimer.singleShot(1000, self.fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and self.handle.isExposed():
            # the widgets were painted while this expose was handled: call back after it
            QTimer.singleShot(0, self.fire)
        return False

    def fire(self) -> None:
        if self.callback is not None:
            callback, self.callback = self.callback, None
            self.handle.removeEventFilter(self)
            callback()


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` once ``window`` (about to be shown) has painted its first frame."""
    window.winId()  # the native window exists before it is shown: its first expose is seen
    _FirstExposure(window, callback)


def first_run(window: MainWindow, settings: Settings, nothing_opened: bool) -> None:
    """The notice that the tool is for non-classified information, once; then a first start
    with no file goes straight to 新建."""
    if not settings.notice_seen():
        inform(window, _(FIRST_RUN_TITLE), _(FIRST_RUN_TEXT))
        settings.set_notice_seen()
        settings.sync()
    if nothing_opened and not settings.recent_files():
        window.new_assessment()
