"""The app's 打开 on every hostile file (one message, nothing changed, the window still usable),
and on a file another program is editing (a read-only view)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import Case
from PySide6.QtWidgets import QMessageBox
from test_hostile import fingerprint
from test_openers import Holder

from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile
from selfassess.ui.main_window import MainWindow


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


def test_a_file_edited_elsewhere_opens_read_only(window: MainWindow, tmp_path: Path,
                                                 checklist: Checklist) -> None:
    draft = tmp_path / "office.selfassess"
    AssessmentFile.create(draft, checklist, department_name="办公室", period="2026").close()
    other = Holder(draft)  # another window (or the command line) is editing it
    try:
        assert other.say("edit 1") == "saved 1"
        assert window.open_file(draft)
        session, workspace = window.session, window.workspace
        assert session is not None and workspace is not None and session.read_only
        assert workspace.banner.isVisible()
        assert "open for editing in another selfassess" in workspace.banner.text()
        window.go_to("item:1.1")
        assert workspace.item_page.narrative.isReadOnly()
        assert workspace.item_page.narrative.toPlainText() == "第1次"
        assert not workspace.summary_page.seal_button.isVisible()
        assert not window.office.import_form.isEnabled()
        window.close_file()
        assert other.say("edit 2") == "saved 2"  # the other program was not disturbed
        other.quit()
    finally:
        other.end()
    assert window.open_file(draft)  # closed there: editable here
    assert window.session is not None and not window.session.read_only
