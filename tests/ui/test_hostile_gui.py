"""The app's 打开 on every hostile file: one message, nothing changed, the window still usable."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import Case, build_corpus
from PySide6.QtWidgets import QMessageBox
from test_hostile import fingerprint

from selfassess.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Case], Path, Path]:
    return build_corpus(tmp_path_factory.mktemp("corpus"))


def test_open_refuses_each_hostile_file_and_stays_usable(
        window: MainWindow, corpus: tuple[list[Case], Path, Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    cases, _sealed, draft = corpus
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    failures = []
    for case in (c for c in cases if c.kind == "selfassess"):
        before = fingerprint(case.path)
        count = len(shown)
        opened = window.open_file(case.path)
        if case.outcome == "refused":
            if opened or len(shown) != count + 1 or "\n" in shown[-1]:
                failures.append(f"{case.name}: opened={opened}, messages={shown[count:]}")
            if window.session is not None or window.stack.currentWidget() is not window.start:
                failures.append(f"{case.name}: the window did not stay on the start screen")
        elif not opened:
            failures.append(f"{case.name}: refused: {shown[count:]}")
        window.close_file()
        after = fingerprint(case.path)
        if case.name == "garbage-wal-beside":  # opened for editing, SQLite drops the junk -wal
            before, after = before.split()[0], after.split()[0]
        if after != before:
            failures.append(f"{case.name}: the file changed")
    assert not failures, "\n".join(failures)
    assert window.open_file(draft)  # still usable
    assert window.session is not None and window.workspace is not None
