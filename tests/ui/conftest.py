"""Fixtures for widget tests: the app set up like ``selfassess`` does, a main window, typing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

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
