"""A department head's whole walk through the app, checked against what the core stored."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from conftest import type_text
from selfassess.checklist import load_builtin
from selfassess.store import AssessmentFile
from selfassess.summary import file_summary
from selfassess.ui.dialogs.new_assessment import NewAssessmentDialog
from selfassess.ui.main_window import MainWindow

# item code → (score typed, deduction reason typed, narrative typed)
ANSWERS: dict[str, tuple[str | None, str, str]] = {
    item.code: (None, "", f"第{item.code}项:按要求开展,记录齐全。")
    for item in load_builtin("ideology-responsibility").items}
ANSWERS["3.2"] = ("4.5", "7月因防汛少学习1次。", "全年集中学习11次。")
ANSWERS["6.4"] = ("1", "谈心谈话无记录。", "开展谈心谈话。")


def type_score(qtbot: QtBot, window: MainWindow, value: str) -> None:
    spin = window.workspace.item_page.score  # type: ignore[union-attr]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), value)  # ASCII digits only
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def create_through_dialog(qtbot: QtBot, window: MainWindow, folder: Path) -> Path:
    dialog = NewAssessmentDialog(window)
    qtbot.addWidget(dialog)
    type_text(dialog.department, "宣传教育处")
    dialog.period.selectAll()
    type_text(dialog.period, "2026年度")
    type_text(dialog.filled_by, "张三")
    assert dialog.location.text().endswith("2026年度_宣传教育处.selfassess")
    dialog.location.setText(str(folder / "2026年度_宣传教育处.selfassess"))
    ok = dialog.findChild(QPushButton, "new_ok")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.created is not None and dialog.created.is_file()
    assert window.open_file(dialog.created)
    return dialog.created


def test_whole_walk(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = create_through_dialog(qtbot, window, tmp_path)
    workspace = window.workspace
    assert workspace is not None
    page = workspace.item_page
    minutes = tmp_path / "会议记录.pdf"
    minutes.write_bytes(b"%PDF-1.4 minutes " * 1000)
    certificate = tmp_path / "证书.jpg"
    certificate.write_bytes(b"\xff\xd8\xff certificate")

    workspace.go_to("item:1.1")
    for code, (score, reason, narrative) in ANSWERS.items():
        assert workspace.current == f"item:{code}"
        qtbot.wait(1)  # let the rebuilt scoring aid lay out before clicking it
        if code == "1.3":  # the deduction aid: tick a rule, count another, accept the proposal
            qtbot.mouseClick(page.aid.findChild(QCheckBox, "deduction_d1"), Qt.MouseButton.LeftButton)
            page.aid.findChild(QSpinBox, "deduction_d2").setValue(1)
            assert page.aid.proposal() == D("1")
            qtbot.mouseClick(page.aid.accept_button, Qt.MouseButton.LeftButton)
            assert page.score.decimal_value() == D("1")
            assert "未纳入年度工作计划和要点" in page.deduction_reason.toPlainText()
        elif code == "4.4":  # not applicable, with a reason
            qtbot.mouseClick(page.na_check, Qt.MouseButton.LeftButton)
            type_text(page.na_reason, "本处室无宣传栏、展板、电子屏。")
        else:
            item = window.session.checklist.items_by_code[code]  # type: ignore[union-attr]
            type_score(qtbot, window, score or str(item.max_points))
            if reason:
                type_text(page.deduction_reason, reason)
        type_text(page.narrative, narrative)
        if code == "1.1":
            monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                                staticmethod(lambda *a, **k: ([str(minutes)], "")))
            with qtbot.waitSignal(page.evidence.attached, timeout=10000):
                qtbot.mouseClick(page.evidence.add_button, Qt.MouseButton.LeftButton)
            assert page.evidence.model.rowCount() == 1
        qtbot.mouseClick(workspace.next_button, Qt.MouseButton.LeftButton)

    assert workspace.current == "page:bonus"
    bonus = workspace.bonus_page
    spin = bonus.points["B4"]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), "1")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    type_text(bonus.narratives["B4"], "“灯塔党建在线答题”市直机关前10名。")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(certificate)], "")))
    with qtbot.waitSignal(bonus.panels["B4"].attached, timeout=10000):
        qtbot.mouseClick(bonus.panels["B4"].add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(workspace.next_button, Qt.MouseButton.LeftButton)

    assert workspace.current == "page:veto"
    for code in ("V1", "V2", "V3", "V4", "V5"):
        qtbot.mouseClick(workspace.veto_page.findChild(QRadioButton, f"veto_{code}_no"),
                         Qt.MouseButton.LeftButton)
    qtbot.mouseClick(workspace.next_button, Qt.MouseButton.LeftButton)

    assert workspace.current == "page:shortcomings"
    shortcomings = workspace.shortcomings_page
    category = shortcomings.editors["category"]
    category.setCurrentIndex(category.findData("理论学习"))
    type_text(shortcomings.editors["text"], "理论学习不够深入。")
    qtbot.mouseClick(workspace.next_button, Qt.MouseButton.LeftButton)

    assert workspace.current == "page:measures"
    measures = workspace.measures_page
    type_text(measures.editors["text"], "每月集中学习不少于1次。")
    type_text(measures.editors["owner"], "李四")
    type_text(measures.editors["deadline"], "2027-06-30")
    link = measures.editors["shortcoming"]
    link.setCurrentIndex(link.findData(0))
    qtbot.mouseClick(workspace.next_button, Qt.MouseButton.LeftButton)

    assert workspace.current == "page:summary"
    summary = workspace.summary_page
    assert summary.problems.model().rowCount() == 0, summary.problems.model().rows
    sent = tmp_path / "to send" / "2026年度_宣传教育处.selfassess"
    proposals: list[str] = []

    def save_as(_parent: object, _title: str, proposal: str, _filter: str) -> tuple[str, str]:
        proposals.append(Path(proposal).name)
        return str(sent), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    qtbot.mouseClick(summary.seal_button, Qt.MouseButton.LeftButton)  # seal, then send a copy
    assert proposals == ["2026年度_宣传教育处.selfassess"]
    assert window.session is not None and window.session.sealed
    assert workspace.banner.isVisible() and page.narrative.isReadOnly()
    window.close()

    with AssessmentFile.open(path, readonly=True) as af:
        data = af.data()
        summary_data = file_summary(af)["departments"][0]
        assert data.department.name == "宣传教育处" and af.info.period == "2026年度"
        assert data.department.filled_by == "张三" and data.department.revision == 1
        for code, (score, reason, narrative) in ANSWERS.items():
            answer = data.answers[code]
            assert answer.narrative == narrative, code
            if code == "1.3":
                assert answer.self_score == 1 and answer.aid.occurrences == {"d1": 1, "d2": 1}
            elif code == "4.4":
                assert answer.not_applicable and answer.na_reason == "本处室无宣传栏、展板、电子屏。"
            else:
                item = af.checklist.items_by_code[code]
                assert answer.self_score == (D(score) if score else item.max_points), code
                assert answer.deduction_reason == reason
        evidence = data.evidence_for("item", "1.1")
        assert [e.file_name for e in evidence] == ["会议记录.pdf"]
        assert af.evidence_bytes(evidence[0].sha256) == minutes.read_bytes()
        bonus_evidence = data.evidence_for("bonus", "B4")
        assert af.evidence_bytes(bonus_evidence[0].sha256) == certificate.read_bytes()
        assert data.bonus["B4"].points == 1
        assert data.bonus["B4"].narrative == "“灯塔党建在线答题”市直机关前10名。"
        assert all(data.veto[f"V{n}"].triggered is False for n in range(1, 6))
        assert [(s.category, s.text) for s in data.shortcomings] == [("理论学习", "理论学习不够深入。")]
        assert [(m.text, m.owner, m.deadline, m.shortcoming) for m in data.measures] == [
            ("每月集中学习不少于1次。", "李四", "2027-06-30", 0)]
        # 100 − 3 (1.3) − 0.5 (3.2) − 1 (6.4) = 95.5, + 1 bonus
        assert summary_data["base_total"] == 95.5 and summary_data["total"] == 96.5
        assert summary_data["grade"] == "好" and summary_data["sealed"]
    with AssessmentFile.open(sent, readonly=True) as copy:
        assert copy.department().sealed and copy.seals()[-1].revision == 1
    assert QMessageBox  # confirmations were answered by the fixture


def test_the_new_file_dialog_proposes_no_placeholder_name(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    dialog = NewAssessmentDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.location.text() == ""  # not "2026_department.selfassess"
    assert dialog.location.edit.placeholderText().endswith("selfassess" + os.sep)
    ok = dialog.findChild(QPushButton, "new_ok")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.created is None and "department's name" in dialog.error.text()
    type_text(dialog.department, "办公室")  # the message goes as soon as the name is typed
    assert dialog.error.text() == ""
    assert dialog.location.text().endswith(f"{date.today().year}_办公室.selfassess")
