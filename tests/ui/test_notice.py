"""The non-classified notice: once at the first start, always on the start screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from selfassess.ui.app import first_run
from selfassess.ui.main_window import MainWindow
from selfassess.ui.settings import Settings


def test_first_start_shows_the_notice_once(window: MainWindow, settings: Settings,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    monkeypatch.setattr(MainWindow, "new_assessment", lambda self: shown.append("new"))
    first_run(window, settings, nothing_opened=True)
    assert len(shown) == 2 and "non-classified information only" in shown[0]
    assert shown[1] == "new"  # then straight to 新建
    assert Settings().notice_seen()  # remembered on disk
    first_run(window, settings, nothing_opened=False)
    assert len(shown) == 2
    label = window.start.findChild(QLabel, "start_notice")
    assert label is not None and "本工具仅用于非涉密信息处理" in label.text()
