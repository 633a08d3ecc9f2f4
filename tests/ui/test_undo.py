"""编辑 → 撤销/重做 of structural edits, each checked against what the file holds after the edit,
after undo and after redo (every step is stored at once: undo comes after the autosave)."""

from __future__ import annotations

import hashlib
from decimal import Decimal as D
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from conftest import type_text
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource, Measure, Shortcoming
from selfassess.store.records import DepartmentData
from selfassess.ui.main_window import MainWindow
from selfassess.ui.pages.lists_page import ListPage


def stored(path: Path) -> DepartmentData:
    with AssessmentFile.open(path, readonly=True) as af:
        return af.data()


def documents(path: Path, code: str) -> list[tuple[str, str]]:
    with AssessmentFile.open(path, readonly=True) as af:
        return [(ref.file_name, hashlib.sha256(af.evidence_bytes(ref.sha256)).hexdigest())
                for ref in af.data().evidence_for("item", code)]


def undo(window: MainWindow) -> None:
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()


def redo(window: MainWindow) -> None:
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()


def remove_first_shortcoming(qtbot: QtBot, window: MainWindow) -> ListPage:
    window.go_to("page:shortcomings")
    page = window.workspace.shortcomings_page  # type: ignore[union-attr]
    page.list.setCurrentIndex(page.model.index(0))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    return page


def test_removed_evidence_comes_back_whole(qtbot: QtBot, window: MainWindow,
                                           dept_file: AssessmentFile, tmp_path: Path) -> None:
    minutes = tmp_path / "会议纪要.pdf"
    minutes.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 64)
    dept_file.apply(ChangeSet(add_evidence=[("item", "1.2", EvidenceSource(minutes, minutes.name))]))
    path = dept_file.path
    dept_file.close()
    window.open_file(path)
    window.go_to("item:1.2")
    original = documents(path, "1.2")
    panel = window.workspace.item_page.evidence  # type: ignore[union-attr]
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert documents(path, "1.2") == []  # stored, and the file no longer holds the bytes
    minutes.unlink()  # the person's own copy is gone too
    assert window.undo_action.text() == "Undo Remove 会议纪要.pdf"
    undo(window)
    assert documents(path, "1.2") == original and panel.model.rowCount() == 1
    redo(window)
    assert documents(path, "1.2") == [] and panel.model.rowCount() == 0
    undo(window)
    assert documents(path, "1.2") == original


def test_attached_evidence_can_be_undone_and_redone(qtbot: QtBot, window: MainWindow,
                                                    dept_file: AssessmentFile,
                                                    tmp_path: Path) -> None:
    path = dept_file.path
    dept_file.close()
    window.open_file(path)
    window.go_to("item:2.1")
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"photo" * 1000)
    panel = window.workspace.item_page.evidence  # type: ignore[union-attr]
    panel.attach([photo])
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=30000)
    attached = documents(path, "2.1")
    assert [name for name, _digest in attached] == ["现场照片.jpg"]
    undo(window)
    assert documents(path, "2.1") == []
    photo.unlink()
    redo(window)
    assert documents(path, "2.1") == attached


def test_lists_not_applicable_bonus_and_veto(qtbot: QtBot, window: MainWindow,
                                             dept_file: AssessmentFile) -> None:
    dept_file.apply(ChangeSet(shortcomings=[Shortcoming("责任落实", "甲"),
                                            Shortcoming("理论学习", "乙")],
                              measures=[Measure("对乙", owner="张三", shortcoming=1)]))
    path = dept_file.path
    dept_file.close()
    window.open_file(path)
    before = stored(path)
    # a shortcoming removed: its measure loses the link; undo brings both back as they were
    window.go_to("page:shortcomings")
    page = window.workspace.shortcomings_page  # type: ignore[union-attr]
    page.list.setCurrentIndex(page.model.index(1))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert [s.text for s in stored(path).shortcomings] == ["甲"]
    assert stored(path).measures[0].shortcoming is None
    undo(window)
    after = stored(path)
    assert after.shortcomings == before.shortcomings and after.measures == before.measures
    assert page.model.rowCount() == 2
    # 不适用 with its reason
    window.go_to("item:5.3")
    item = window.workspace.item_page  # type: ignore[union-attr]
    item.na_check.setChecked(True)  # stored once its reason is written
    type_text(item.na_reason, "本处无网上信访渠道。")
    item.flush()
    assert stored(path).answers["5.3"].not_applicable
    undo(window)
    answer = stored(path).answers.get("5.3")
    assert not (answer and answer.not_applicable) and not item.na_check.isChecked()
    redo(window)
    assert stored(path).answers["5.3"].not_applicable and item.na_check.isChecked()
    # bonus points: the steps of the spin box undo as one
    window.go_to("page:bonus")
    bonus = window.workspace.bonus_page  # type: ignore[union-attr]
    code = next(iter(bonus.points))
    bonus.points[code].setFocus()
    for _step in range(2):
        qtbot.keyClick(bonus.points[code], Qt.Key.Key_Up)
    claimed = stored(path).bonus[code].points
    assert claimed and claimed > 0
    undo(window)
    assert stored(path).bonus[code].points in (None, D(0))
    redo(window)
    assert stored(path).bonus[code].points == claimed
    # a veto declared
    window.go_to("page:veto")
    veto = window.workspace.veto_page  # type: ignore[union-attr]
    code = next(iter(veto.groups))
    veto.groups[code].buttons()[0].click()
    declared = stored(path).veto[code].triggered
    assert declared is not None
    undo(window)
    assert stored(path).veto[code].triggered is None


def test_ctrl_z_in_a_text_field_undoes_typing_only(qtbot: QtBot, window: MainWindow,
                                                   dept_file: AssessmentFile) -> None:
    dept_file.apply(ChangeSet(shortcomings=[Shortcoming("责任落实", "甲")]))
    path = dept_file.path
    dept_file.close()
    window.open_file(path)
    page = remove_first_shortcoming(qtbot, window)
    window.go_to("item:1.1")
    item = window.workspace.item_page  # type: ignore[union-attr]
    type_text(item.deduction_reason, "少开一次会")
    qtbot.keyClick(item.deduction_reason, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert item.deduction_reason.toPlainText() == ""  # the field's own undo
    assert stored(path).shortcomings == []  # the removal stays removed
    window.go_to("page:shortcomings")
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.text for s in stored(path).shortcomings] == ["甲"]


def test_sealing_empties_the_undo_history(qtbot: QtBot, window: MainWindow,
                                          dept_file: AssessmentFile) -> None:
    checklist = dept_file.checklist
    dept_file.apply(ChangeSet(
        answers={i.code: {"self_score": i.max_points} for i in checklist.items},
        veto={v.code: {"triggered": False} for v in checklist.veto_items},
        shortcomings=[Shortcoming("责任落实", "甲")]))
    path = dept_file.path
    dept_file.close()
    window.open_file(path)
    remove_first_shortcoming(qtbot, window)
    assert window.undo_action.isEnabled()
    assert window.session is not None and window.session.seal() is not None
    assert stored(path).department.sealed
    assert not window.undo_action.isEnabled()
