"""Nothing typed is lost: closing flushes at once, a killed process loses at most the last pause."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from conftest import type_text
from selfassess.store import AssessmentFile
from selfassess.ui.main_window import MainWindow

KILL_SCRIPT = """
import os, signal, sys
from pathlib import Path
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from selfassess.ui.app import application, apply_settings
from selfassess.ui.main_window import MainWindow
from selfassess.ui.settings import Settings

app = application()
settings = Settings()
apply_settings(settings, "en")
window = MainWindow(settings)
window.show()
window.open_file(Path(sys.argv[1]))
window.go_to("item:2.1")
editor = window.workspace.item_page.narrative
editor.setFocus()
event = QInputMethodEvent("", [])
event.setCommitString(sys.argv[2])
QApplication.sendEvent(editor, event)
QTest.qWait(1000)  # the person pauses for a second, then the machine dies
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_app_keeps_what_was_typed_a_second_ago(dept_file: AssessmentFile,
                                                      tmp_path: Path) -> None:
    dept_file.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(dept_file.path),
                             "成立意识形态工作小组,明确分工。"], env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == -signal.SIGKILL, result.stderr
    with AssessmentFile.open(dept_file.path, readonly=True) as af:
        assert af.data().answers["2.1"].narrative == "成立意识形态工作小组,明确分工。"


def test_closing_right_after_typing_keeps_it(qtbot: QtBot, window: MainWindow,
                                             dept_file: AssessmentFile) -> None:
    dept_file.close()
    assert window.open_file(dept_file.path)
    window.go_to("item:3.4")
    type_text(window.workspace.item_page.narrative, "撰写调研报告2篇。")  # type: ignore[union-attr]
    type_text(window.workspace.item_page.deduction_reason, "缺1篇。")  # type: ignore[union-attr]
    window.close()  # no pause: the close itself stores pending typing
    with AssessmentFile.open(dept_file.path, readonly=True) as af:
        answer = af.data().answers["3.4"]
        assert (answer.narrative, answer.deduction_reason) == ("撰写调研报告2篇。", "缺1篇。")


def test_switching_items_stores_typing_at_once(qtbot: QtBot, window: MainWindow,
                                               dept_file: AssessmentFile) -> None:
    dept_file.close()
    window.open_file(dept_file.path)
    window.go_to("item:1.1")
    type_text(window.workspace.item_page.narrative, "传达学习3次。")  # type: ignore[union-attr]
    window.go_to("item:1.2")
    assert window.session is not None
    assert window.session.af.data().answers["1.1"].narrative == "传达学习3次。"


def test_typing_a_full_disk_refused_is_kept_and_stored_when_space_returns(
        qtbot: QtBot, window: MainWindow, dept_file: AssessmentFile,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk is full while a department head types: nothing typed is lost; the app says so
    once and stores it, in the order typed, as soon as there is space again."""
    from selfassess.errors import NoSpace
    from selfassess.ui import session as session_module

    monkeypatch.setattr(session_module, "RETRY_MS", 50)
    dept_file.close()
    assert window.open_file(dept_file.path)
    session = window.session
    assert session is not None
    full = {"yes": True}
    real_apply = session.af.apply

    def apply(*args: object, **kwargs: object) -> None:
        if full["yes"]:
            raise NoSpace("d.selfassess: not enough free disk space to save")
        real_apply(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(session.af, "apply", apply)
    told: list[list[str]] = []
    session.refused.connect(told.append)
    window.go_to("item:1.1")
    type_text(window.workspace.item_page.narrative, "第一段。")  # type: ignore[union-attr]
    window.go_to("item:1.2")
    type_text(window.workspace.item_page.narrative, "第二段。")  # type: ignore[union-attr]
    window.go_to("item:1.3")
    assert session.unsaved >= 2 and told and "disk space" in told[0][0]
    full["yes"] = False  # space freed
    qtbot.waitUntil(lambda: session.unsaved == 0, timeout=10000)
    with AssessmentFile.open(dept_file.path, readonly=True) as af:
        answers = af.data().answers
    assert (answers["1.1"].narrative, answers["1.2"].narrative) == ("第一段。", "第二段。")


def test_a_file_on_a_write_protected_stick_opens_read_only(
        qtbot: QtBot, window: MainWindow, dept_file: AssessmentFile, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """打开 on a write-protected stick: the file opens read-only with the reason shown, and the
    stick is left as it was (it used to do nothing at all)."""
    import shutil

    from files import read_only

    dept_file.close()
    source = tmp_path / "stick"
    source.mkdir()
    shutil.copy(dept_file.path, source / "d.selfassess")
    with read_only(source, tmp_path / "ro") as stick:
        monkeypatch.setenv("SELFASSESS_HOME", str(tmp_path / "elsewhere"))  # a received file
        assert window.open_file(stick / "d.selfassess")
        assert window.session is not None and "read-only" in window.session.busy_reason
        window.close_file()
        assert sorted(p.name for p in stick.iterdir()) == ["d.selfassess"]


def test_the_place_is_remembered_at_once(qtbot: QtBot, window: MainWindow,
                                         dept_file: AssessmentFile) -> None:
    """After a crash (no clean exit) the file opens where the person was."""
    from selfassess.ui.settings import Settings

    dept_file.close()
    assert window.open_file(dept_file.path)
    window.go_to("item:3.2")
    assert Settings().position(dept_file.path) == "item:3.2"  # on disk already, as read anew
    window.go_to("page:measures")
    assert Settings().position(dept_file.path) == "page:measures"
