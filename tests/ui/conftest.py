"""Fixtures for widget tests: the app set up like ``selfassess`` does, a main window, typing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from selfassess.store import AssessmentFile
from selfassess.ui.app import apply_settings
from selfassess.ui.main_window import MainWindow
from selfassess.ui.settings import Settings


def type_text(widget: QWidget, text: str) -> None:
    """Type text as an input method commits it (the way Chinese is typed; keyClicks aborts)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def settings(isolated_home: object) -> Settings:
    """Settings inside the test's SELFASSESS_HOME."""
    return Settings()


@pytest.fixture
def window(qtbot: object, settings: Settings, monkeypatch: pytest.MonkeyPatch
           ) -> Iterator[MainWindow]:
    """The main window in English, with confirmations answered Yes."""
    apply_settings(settings, "en")
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *args, **kwargs: 0))
    main = MainWindow(settings)
    qtbot.addWidget(main)  # type: ignore[attr-defined]
    main.show()
    yield main
    main.close()


class Office(NamedTuple):
    """A main window as on an office PC: 1366×768, at a language and a font scale."""

    window: MainWindow
    language: str
    scale: int


@pytest.fixture(params=[("zh_CN", 100), ("zh_CN", 150), ("en", 100), ("en", 150)],
                ids=lambda p: f"{p[0]}-{p[1]}")
def office(request: pytest.FixtureRequest, qtbot: object, settings: Settings,
           dept_file: AssessmentFile) -> Iterator[Office]:
    """``dept_file`` open in a 1366×768 window, in each language at 100 % and 150 % type (the
    tree fitted to its titles, as when the window is first shown)."""
    language, scale = request.param
    settings.font_scale = scale
    apply_settings(settings, language)
    dept_file.close()
    window = MainWindow(settings)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.resize(1366, 768)
    window.show()
    try:
        assert window.open_file(dept_file.path)
        qtbot.waitUntil(  # type: ignore[attr-defined]
            lambda: window.workspace is not None and window.workspace._tree_fitted,
            timeout=30000)
        yield Office(window, language, scale)
    finally:
        window.close()
        settings.font_scale = 100
        apply_settings(settings, "en")
