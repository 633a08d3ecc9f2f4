"""A department opens the file the secretary returned (退回): the banner with the note and what
to correct, the reason beside each returned entry, only those editable; reopening the whole
file (after confirmation) lets everything change, the notes staying."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from files import scored_department
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from conftest import type_text
from selfassess.bureau import create_bureau, merge_files
from selfassess.bureau.returns import ReturnNotes, return_department
from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile
from selfassess.store.returns import ReturnEntry
from selfassess.ui.main_window import MainWindow
from selfassess.ui.models import STATE_ROLE


@pytest.fixture
def returned(tmp_path: Path, checklist: Checklist) -> Path:
    bureau = tmp_path / "2026_汇总.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", ["办公室"]).close()
    sent = scored_department(tmp_path, checklist, "办公室", D(100))
    assert merge_files(bureau, [sent])[0].outcome == "added"
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    notes = ReturnNotes("请补充后重新报送。", (ReturnEntry("item", "1.2", "缺会议纪要"),
                                            ReturnEntry("bonus", "B1", "请补充表彰文件")))
    return return_department(bureau, "办公室", notes, outbox, actor="考核组")


def test_only_the_returned_entries_can_be_changed(window: MainWindow, qtbot: QtBot,
                                                  returned: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.open_file(returned)
    workspace = window.workspace
    assert workspace is not None
    banner = workspace.banner
    assert banner.isVisibleTo(window)
    assert "请补充后重新报送。" in banner.text() and "1.2 缺会议纪要" in banner.text()
    assert "B1 请补充表彰文件" in banner.text()
    page = workspace.item_page
    workspace.go_to("item:1.1")
    assert page.narrative.isReadOnly() and page.score.isReadOnly()
    assert not page.return_label.isVisibleTo(window)
    workspace.go_to("item:1.2")
    assert not page.narrative.isReadOnly() and not page.score.isReadOnly()
    assert page.return_label.isVisibleTo(window) and "缺会议纪要" in page.return_label.text()
    type_text(page.narrative, "已补充会议纪要。")
    workspace.flush()
    workspace.go_to("page:bonus")
    bonus = workspace.bonus_page
    assert bonus.points["B1"].isEnabled() and not bonus.points["B2"].isEnabled()
    assert bonus.returned["B1"].isVisibleTo(window) and not bonus.returned["B2"].isVisibleTo(window)
    workspace.go_to("page:summary")
    reopen = workspace.summary_page.reopen_button
    assert reopen.isVisibleTo(window) and reopen.text() == "Open every item for correction…"
    # 1.2 was corrected, B1 not yet: said before sealing (sealing as it is stays possible)
    warning = workspace.summary_page.warning
    assert warning.isVisibleTo(window)
    assert warning.text().startswith("Returned for correction and not changed yet: B1.")
    with AssessmentFile.open(returned, readonly=True) as af:
        data = af.data()
        assert data.answers["1.2"].narrative.endswith("已补充会议纪要。")
        assert not data.department.sealed and af.current_return() is not None
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(yes))
    reopen.click()
    assert asked and "returned for correction of some entries only" in asked[0]
    assert "The whole file was reopened" in banner.text() and "1.2 缺会议纪要" in banner.text()
    workspace.go_to("item:1.1")
    assert not page.narrative.isReadOnly()
    with AssessmentFile.open(returned, readonly=True) as af:
        assert af.current_return() is None and af.returns()[-1].reopened_at is not None


def test_the_secretary_returns_approves_and_sees_what_changed(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, checklist: Checklist,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from files import EVERY_STATE, bureau_in_every_state
    from PySide6.QtWidgets import QFileDialog

    from selfassess.ui.bureau.dialogs import ReturnDialog

    path = bureau_in_every_state(tmp_path, checklist)
    assert window.open_file(path)
    bureau = window.bureau
    assert bureau is not None
    table = bureau.departments
    rows = {table.index(r, 1).data(): (table.index(r, 2).data(), table.index(r, 8).data())
            for r in range(table.rowCount())}
    assert {name: state for name, (state, _notes) in rows.items()} == {
        "办公室": "submitted", "宣传处": "returned", "财务处": "resubmitted",
        "组织人事处": "approved", "档案室": "draft", "纪检组": "not received"}
    assert rows["宣传处"][1].startswith("returned on ") and rows["宣传处"][1].endswith(": 1.2")
    assert EVERY_STATE["纪检组"] == "missing"

    # the resubmission: 1.2 marked as changed, old → new, and the review to redo
    ids = {d.name: d.id for d in bureau.standing.departments}
    bureau.open_department(ids["财务处"], "item:1.2")
    page = bureau.review_workspace.item_page
    assert page.changed_label.isVisibleTo(window)
    assert "Changed since revision 1" in page.changed_label.text()
    assert "narrative: — → 已补充会议纪要。" in page.changed_label.text()
    assert bureau.state_label.text().startswith("State: resubmitted")
    bureau.review_workspace.go_to("item:1.1")
    assert not page.changed_label.isVisibleTo(window)

    # 退回 from the review view: the dialog ticks 1.3 with a reason
    bureau.open_department(ids["办公室"])
    outbox = tmp_path / "sent-back"
    outbox.mkdir()

    def tick(dialog: ReturnDialog) -> int:
        row = dialog.keys.index(("item", "1.3"))
        dialog.table.item(row, 0).setCheckState(Qt.CheckState.Checked)
        dialog.table.item(row, 1).setText("请补充记录")
        dialog.note.setPlainText("请核实后重报。")
        dialog._on_ok()
        return int(dialog.notes is not None)

    monkeypatch.setattr(ReturnDialog, "exec", tick)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(outbox)))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *args, **kwargs: 0))
    bureau.return_button.click()
    returned = outbox / "2026_办公室_退回.selfassess"
    assert returned.is_file()
    with AssessmentFile.open(returned, readonly=True) as af:
        record = af.current_return()
        assert record is not None and record.note == "请核实后重报。"
        assert [(e.code, e.reason) for e in record.entries] == [("1.3", "请补充记录")]
    assert bureau.state_label.text().startswith("State: returned")
    assert not bureau.return_button.isEnabled()  # one at a time: the correction comes first
    assert "merge its correction first" in bureau.return_button.toolTip()
    # the secretary sees what was returned, until the correction comes back
    for _opened in range(2):  # as just returned, and opened again later
        banner = bureau.review_workspace.banner.text()
        assert "Returned for correction on" in banner and "1.3 请补充记录" in banner, banner
        bureau.review_workspace.go_to("item:1.3")
        label = bureau.review_workspace.item_page.return_label
        assert label.isVisibleTo(window) and "请补充记录" in label.text()
        bureau.open_department(ids["办公室"])

    # 审定 and its withdrawal from the review view
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Yes))
    bureau.open_department(ids["组织人事处"])
    assert bureau.approve_button.text() == "Withdraw approval…"
    assert not bureau.return_button.isEnabled()
    review = bureau.review_workspace.item_page.review  # approved: the review is closed
    assert not review.score.isEnabled() and not review.reason.isEnabled()
    assert "Approved (审定)" in review.flag_label.text()
    assert "is approved (审定)" in bureau.review_workspace.banner.text()
    bureau.approve_button.click()
    assert bureau.state_label.text().startswith("State: submitted")
    assert bureau.approve_button.text() == "Approve (审定)…"
    assert review.score.isEnabled() and review.flag_label.text() == ""
    assert "Reviewing 组织人事处" in bureau.review_workspace.banner.text()
    bureau.approve_button.click()
    assert bureau.state_label.text().startswith("State: approved")
    assert not review.score.isEnabled()
    with AssessmentFile.open(path, readonly=True) as af:
        approvals = af.approvals(ids["组织人事处"])
    assert [a.active for a in approvals] == [False, True]


def test_a_carried_narrative_is_shown_and_confirmed(window: MainWindow, qtbot: QtBot,
                                                    tmp_path: Path, checklist: Checklist) -> None:
    """Next year's file: the item says its narrative is last year's, with last year's
    shortcomings there; 保持不变 confirms it (the file says so) and the mark goes."""
    from test_carry_over import last_year

    from selfassess.store.carry import carry_over

    last = last_year(tmp_path, checklist)
    with AssessmentFile.open(last, readonly=True) as af:
        new, _unmapped = carry_over(af, tmp_path / "2027_办公室.selfassess", checklist, "2027")
    new.close()
    assert window.open_file(new.path)
    workspace = window.workspace
    assert workspace is not None
    page = workspace.item_page
    workspace.go_to("item:1.2")
    assert page.carried_box.isVisibleTo(window) and page.confirm_button.isEnabled()
    assert page.earlier_label.isVisibleTo(window)
    assert "专题研究次数不足" in page.earlier_label.text()
    assert workspace.tree_model.index_of("item:1.2").data(STATE_ROLE) == "attention"
    assert workspace.progress.value() == 0  # marked, but not answered: nothing is scored yet
    page.confirm_button.click()
    assert not page.carried_box.isVisibleTo(window)
    with AssessmentFile.open(new.path, readonly=True) as af:
        data = af.data()
        assert "1.2" not in data.carried and "1.3" in data.carried
        assert data.answers["1.2"].narrative == "1.2：2026年的做法。"
    workspace.go_to("item:1.1")
    assert not page.earlier_label.isVisibleTo(window) and page.carried_box.isVisibleTo(window)


def test_new_from_last_years_file_in_the_app(window: MainWindow, tmp_path: Path,
                                             checklist: Checklist,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """文件 → 以去年文件为基础新建: choose last year's file and where to save; the new file
    opens with its narratives carried (the period is the next year)."""
    from PySide6.QtWidgets import QFileDialog
    from test_carry_over import last_year

    last = last_year(tmp_path, checklist)
    chosen: list[str] = []

    def save_as(_parent: object, _title: str, proposal: str, *args: object) -> tuple[str, str]:
        chosen.append(proposal)
        return str(tmp_path / "今年的自评"), ""

    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(last), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _p, _t, text, *a: told.append(text) or 0))
    window.new_from_action.trigger()
    assert chosen == [str(tmp_path / "2027_办公室.selfassess")]
    created = tmp_path / "今年的自评.selfassess"
    assert window.session is not None and window.session.path == created
    assert window.session.af.info.period == "2027"
    assert len(window.session.data.carried) == len(checklist.items)
    assert told and told[0].startswith(f"{len(checklist.items)} narrative(s) were carried")


def test_progress_is_recorded_on_a_sealed_files_measures(window: MainWindow, tmp_path: Path,
                                                         checklist: Checklist) -> None:
    """整改进展 in the app: on a sealed file, the measures page records a status and a note
    for the selected measure; the seal stays."""
    from test_ledger import sealed_with_measures

    path = sealed_with_measures(tmp_path, checklist)
    assert window.open_file(path)
    workspace = window.workspace
    assert workspace is not None
    workspace.go_to("page:measures")
    page = workspace.measures_page
    box = page.ledger_box
    assert box is not None and not page.form.isEnabled()  # the measure itself is sealed
    page.list.setCurrentIndex(page.model.index(0))
    assert box.record.isEnabled() and box.history.text() == "Status: not yet started"
    box.status.setCurrentIndex(box.status.findData("in_progress"))
    box.note.setText("已开展第一次专题研究。")
    box.record.click()
    assert "已开展第一次专题研究。" in box.history.text() and box.note.text() == ""
    assert page.model.index(0).data().startswith("1. 【in progress】")
    with AssessmentFile.open(path, readonly=True) as af:
        assert af.department().sealed
        entry = af.ledger()[1]
        assert entry.status == "in_progress" and entry.notes[0].text == "已开展第一次专题研究。"
    # completion evidence, with the note typed beside it
    minutes = tmp_path / "第二次专题研究纪要.pdf"
    minutes.write_bytes(b"%PDF-1.4 second" * 20)
    box.note.setText("第二次专题研究已开展。")
    assert box.attach.isEnabled()
    box.attach_files([minutes])
    assert "第二次专题研究纪要.pdf" in box.history.text() and box.note.text() == ""
    with AssessmentFile.open(path, readonly=True) as af:
        assert af.department().sealed
        entry = af.ledger()[1]
        assert [d.file_name for d in entry.evidence] == ["第二次专题研究纪要.pdf"]
        assert af.evidence_bytes(entry.evidence[0].sha256) == minutes.read_bytes()
        assert entry.notes[-1].text == "第二次专题研究已开展。"
    # a deadline put back (延期): kept beside the sealed one; a wrong date is refused
    box.deadline.setText("2027-02-30")
    box.record.click()
    assert box.deadline.text() == "2027-02-30"  # kept to correct
    box.deadline.setText("2027-09-30")
    box.record.click()
    assert "2027-09-30" in box.history.text() and box.deadline.text() == ""
    assert "2027-09-30" in page.model.index(0).data()
    with AssessmentFile.open(path, readonly=True) as af:
        assert af.department().sealed and af.ledger()[1].deadline == "2027-09-30"
        assert af.data().measures[0].deadline == "2027-03-31"


def test_the_secretary_closes_a_measure_from_the_review(window: MainWindow, tmp_path: Path,
                                                        checklist: Checklist,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from test_ledger import sealed_with_measures

    bureau = tmp_path / "2026_汇总.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", ["办公室"]).close()
    assert merge_files(bureau, [sealed_with_measures(tmp_path, checklist)])[0].outcome == "added"
    assert window.open_file(bureau)
    assert window.bureau is not None
    office = window.bureau.standing.departments[0]
    window.bureau.open_department(office.id, "page:measures")
    page = window.bureau.review_workspace.measures_page
    box = page.ledger_box
    assert box is not None and not box.record.isVisibleTo(window)
    page.list.setCurrentIndex(page.model.index(0))
    assert box.close_button.isVisibleTo(window) and box.close_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.Yes))
    box.close_button.click()
    # not reported done: the question says so (the secretary may still close it)
    assert "Note: the department has not reported it done (it is not yet started)." in asked[0]
    assert "closed (销号)" in box.history.text() and not box.close_button.isEnabled()
    with AssessmentFile.open(bureau, readonly=True) as af:
        assert af.ledger(office.id)[1].status == "closed"
