"""编辑 and 帮助 menus: undo/redo present, and the help says where files and backups live."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from selfassess import __version__
from selfassess.paths import user_data_dir
from selfassess.store import AssessmentFile
from selfassess.ui.dialogs import help as help_dialogs
from selfassess.ui.main_window import MainWindow


def test_edit_and_help_menus(qtbot: QtBot, window: MainWindow, dept_file: AssessmentFile,
                             monkeypatch: object) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Go", "&Edit", "&Settings", "&Help"]
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    shown: list[str] = []
    monkeypatch.setattr(help_dialogs, "_show",  # type: ignore[attr-defined]
                        lambda _parent, title, html: shown.append(title + "\n" + html))
    path = dept_file.path
    dept_file.close()
    window.open_file(path)
    for action in (window.shortcuts_action, window.folders_action, window.about_action):
        action.trigger()
    shortcuts, folders, about = shown
    assert "Ctrl+F" in shortcuts and "Alt+→" in shortcuts
    assert str(user_data_dir() / "backups") in folders and str(path) in folders
    assert __version__ in about and "non-classified" in about
