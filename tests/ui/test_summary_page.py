"""汇总与封存 and 复核汇总: a running total and no grade until everything is answered, what
blocks sealing grouped by kind (each entry a link), the review summary of a bureau file."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from files import scored_bureau
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from conftest import Office
from selfassess.bureau.review import Review
from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile, ChangeSet
from selfassess.summary import file_summary
from selfassess.ui.main_window import MainWindow
from selfassess.ui.models import NODE_ROLE
from selfassess.ui.pages.summary_page import DIFFERENT, SummaryPage
from selfassess.ui.settings import Settings


def summary_of(window: MainWindow, path: Path) -> SummaryPage:
    assert window.open_file(path)
    window.go_to("page:summary")
    assert window.workspace is not None
    return window.workspace.summary_page


def in_view(widget: QWidget) -> bool:
    """Shown whole, without scrolling."""
    return widget.isVisible() and widget.visibleRegion().boundingRect().size() == widget.size()


def cells(table: object, row: int) -> list[str]:
    return [table.item(row, c).text()  # type: ignore[attr-defined]
            for c in range(table.columnCount())]  # type: ignore[attr-defined]


# --- 1. no grade before everything is answered ---------------------------------------------

def test_a_fresh_file_has_a_running_total_and_no_grade(window: MainWindow,
                                                       dept_file: AssessmentFile) -> None:
    dept_file.close()
    page = summary_of(window, dept_file.path)
    assert page.totals.text() == "0 points so far · grade — (not complete)"
    assert "Poor" not in page.totals.text() and "差" not in page.totals.text()
    assert page.explanation.text() == "No item answered yet."
    assert cells(page.table, 0)[1:] == ["0 / 5", "—", "20"]  # answered, score, maximum


def test_the_running_total_follows_the_answers_and_the_grade_comes_at_the_end(
        window: MainWindow, dept_file: AssessmentFile, checklist: Checklist) -> None:
    dept_file.apply(ChangeSet(answers={"1.1": {"self_score": D(3), "deduction_reason": "少1次"},
                                       "1.2": {"self_score": D(5)}}))
    path = dept_file.path
    dept_file.close()
    page = summary_of(window, path)
    assert page.totals.text() == "8 points so far · grade — (not complete)"
    assert cells(page.table, 0)[1:] == ["2 / 5", "8", "20"]
    assert page.explanation.text() == "1.1 −1: 少1次."  # the unanswered are blockers, not lines

    window.close_file()
    with AssessmentFile.open(path) as af:  # every item answered, one veto still undeclared
        af.apply(ChangeSet(answers={i.code: {"self_score": i.max_points}
                                    for i in checklist.items if i.code not in ("1.1", "1.2")},
                           veto={v.code: {"triggered": False} for v in checklist.veto_items[1:]}))
    page = summary_of(window, path)
    assert "not complete" in page.totals.text()
    with AssessmentFile.open(path) as af:
        af.apply(ChangeSet(veto={checklist.veto_items[0].code: {"triggered": False}}))
        total = file_summary(af)["departments"][0]["total"]
    window.session.reload()  # type: ignore[union-attr]  # as after an edit here
    assert total == 99
    assert page.totals.text().startswith("Base 99 + bonus 0 = total 99 · grade ")
    assert "not complete" not in page.totals.text() and "—" not in page.totals.text()


def test_the_chinese_summary_says_yide_and_weiwancheng(qtbot: QtBot, settings: Settings,
                                                       dept_file: AssessmentFile) -> None:
    from selfassess.ui.app import apply_settings

    apply_settings(settings, "zh_CN")
    try:
        dept_file.close()
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.show()
        page = summary_of(window, dept_file.path)
        assert page.totals.text() == "已得 0 分 · 等次 —（未完成）"
        assert page.title.text() == "汇总与封存"
        assert window.workspace.progress.text() == "已作答 0/29 项"  # type: ignore[union-attr]
        window.close()
    finally:
        apply_settings(settings, "en")


# --- 2. blockers grouped by kind, each entry a link ---------------------------------------

def test_blockers_are_grouped_by_kind_and_each_entry_leads_there(
        qtbot: QtBot, window: MainWindow, dept_file: AssessmentFile) -> None:
    dept_file.apply(ChangeSet(answers={"1.1": {"self_score": D(3)}}))  # no reason for the loss
    path = dept_file.path
    dept_file.close()
    page = summary_of(window, path)
    groups = page.problems
    headers = {kind: header.text() for kind, header in groups.headers.items()
               if header.isVisible()}
    assert headers == {"unanswered": "28 unanswered",
                       "deduction_reason": "1 without a reason for lost points",
                       "veto_undeclared": "5 veto item(s) not declared"}
    assert page.problem_kinds.text() == ("28 unanswered, 1 without a reason for lost points, "
                                         "5 veto item(s) not declared")
    # the long group starts closed, the short ones open; nothing is listed twice
    unanswered = groups.lists["unanswered"]
    assert not unanswered.isVisible() and groups.lists["veto_undeclared"].isVisible()
    assert "not answered" not in page.explanation.text()
    assert page.explanation.text() == "1.1 −1: no reason given."
    qtbot.mouseClick(groups.headers["unanswered"], Qt.MouseButton.LeftButton)
    assert unanswered.isVisible() and unanswered.model().rowCount() == 28
    assert unanswered.verticalScrollBar().maximum() == 0  # as tall as its entries: no inner scroll
    assert unanswered.height() >= 28 * unanswered.sizeHintForRow(0)
    # an entry is a link: one click goes to the item
    entry = unanswered.model().index(0, 0)
    assert entry.data() == "item 1.2 (专题研究部署) is not answered"
    rect = unanswered.visualRect(entry)
    qtbot.mouseClick(unanswered.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workspace.current == "item:1.2"  # type: ignore[union-attr]
    window.go_to("page:summary")
    veto = groups.lists["veto_undeclared"]
    veto.setCurrentIndex(veto.model().index(0, 0))
    qtbot.keyClick(veto, Qt.Key.Key_Return)
    assert window.workspace.current == "page:veto"  # type: ignore[union-attr]
    window.go_to("page:summary")
    assert unanswered.isVisible()  # a group opened stays open
    # the flat list of every problem is still there for whoever reads it
    flat = groups.model()
    assert flat.rowCount() == 34 and flat.index(0, 0).data(NODE_ROLE) == "item:1.1"


def test_an_answer_moves_its_entry_out_of_the_group(window: MainWindow,
                                                    dept_file: AssessmentFile) -> None:
    path = dept_file.path
    dept_file.close()
    page = summary_of(window, path)
    assert page.problems.headers["unanswered"].text() == "29 unanswered"
    window.session.apply(ChangeSet(  # type: ignore[union-attr]
        answers={"1.1": {"self_score": D(4)}}), {"item:1.1"})
    assert page.problems.headers["unanswered"].text() == "28 unanswered"
    assert page.totals.text() == "4 points so far · grade — (not complete)"
    with AssessmentFile.open(path, readonly=True) as af:
        assert af.data().answers["1.1"].self_score == 4


def test_the_section_table_uses_the_width(window: MainWindow, dept_file: AssessmentFile) -> None:
    window.resize(1366, 768)
    dept_file.close()
    page = summary_of(window, dept_file.path)
    table = page.table
    header = table.horizontalHeader()
    used = sum(header.sectionSize(c) for c in range(table.columnCount()))
    assert used >= table.viewport().width() - 2
    assert table.verticalScrollBar().maximum() == 0  # every section shown, the page scrolls
    assert header.sectionSize(0) > header.sectionSize(1)


def test_seal_button_and_blocker_count_in_view_with_groups_open(qtbot: QtBot,
                                                                office: Office) -> None:
    """1366×768, 100 % and 150 % type, both languages: the state, the count by kind and
    封存报送… stay in view, also with every group of blockers opened."""
    office.window.go_to("page:summary")
    page = office.window.workspace.summary_page  # type: ignore[union-attr]
    for header in page.problems.headers.values():
        if header.isVisible() and not header.isChecked():
            qtbot.mouseClick(header, Qt.MouseButton.LeftButton)
    for widget in (page.problems_title, page.problem_kinds, page.seal_button,
                   page.problems.headers["unanswered"]):
        assert in_view(widget), widget.objectName()
    assert page.problems_title.text() == (
        "封存前还有 34 项需要处理：" if office.language == "zh_CN"
        else "Before sealing, 34 thing(s) need attention:")


# --- 3. the review summary --------------------------------------------------------------------

@pytest.fixture
def reviewed(tmp_path: Path, checklist: Checklist) -> Path:
    """A bureau file with 办公室 (99: 1 point lost on 1.1) and 宣传处 merged."""
    return scored_bureau(tmp_path, checklist, [("办公室", D(99), False),
                                               ("宣传处", D(100), False)])


def open_review(window: MainWindow, path: Path, name: str) -> SummaryPage:
    assert window.open_file(path)
    bureau = window.bureau
    assert bureau is not None
    with AssessmentFile.open(path, readonly=True) as af:
        department_id = next(d["id"] for d in file_summary(af)["departments"]
                             if d["name"] == name)
    bureau.open_department(department_id, "page:summary")
    workspace = bureau.review_workspace
    assert workspace.session.review_mode
    return workspace.summary_page


def test_review_summary_compares_self_and_review_scores(qtbot: QtBot, window: MainWindow,
                                                        reviewed: Path) -> None:
    page = open_review(window, reviewed, "办公室")
    workspace = window.bureau.review_workspace  # type: ignore[union-attr]
    assert page.title.text() == "Review summary"
    assert page.items_table.isVisible() and not page.seal_button.isVisible()
    assert page.review_progress.text().startswith("Reviewed 0 of 29 items; 0 differ")
    assert workspace.progress.text() == "0 of 29 items reviewed"
    assert cells(page.items_table, 0)[:5] == ["1.1 传达学习上级部署", "4", "3", "not reviewed", ""]

    session = workspace.session
    assert session.apply_review(Review("办公室", "item", "1.2", D(4), "未见会议纪要"),
                                {"item:1.2"})
    assert session.apply_review(Review("办公室", "item", "1.1", D(3), "属实"), {"item:1.1"})
    with AssessmentFile.open(reviewed, readonly=True) as af:
        department_id = next(d["id"] for d in file_summary(af)["departments"]
                             if d["name"] == "办公室")
        answers = af.data(department_id).answers
        assert (answers["1.1"].review_score, answers["1.2"].review_score) == (3, 4)
    page.load()
    assert cells(page.items_table, 0) == ["1.1 传达学习上级部署", "4", "3", "3", "0", "属实"]
    assert cells(page.items_table, 1) == ["1.2 专题研究部署", "5", "5", "4", "−1", "未见会议纪要"]
    assert page.items_table.item(1, 4).background().color() == DIFFERENT
    assert page.items_table.item(1, 4).font().bold()
    assert page.items_table.item(0, 3).background().color() != QColor(DIFFERENT)
    assert page.review_progress.text().startswith("Reviewed 2 of 29 items; 1 differ")
    assert workspace.progress.text() == "2 of 29 items reviewed"
    assert workspace.progress.value() == 2
    # the section table: self beside review, the changed section highlighted
    assert cells(page.table, 0)[1:] == ["19", "18", "20"]  # self, after review, maximum
    assert cells(page.table, 0)[0].endswith("学习贯彻与组织领导")
    assert page.table.item(0, 2).background().color() == DIFFERENT
    assert "after review; the department's own total was 99" in page.totals.text()
    # a row leads to its item
    page.items_table.cellDoubleClicked.emit(1, 0)
    assert workspace.current == "item:1.2"
    # a bonus the review group gave (or cut) shows below the items, with its reason
    assert session.apply_review(Review("办公室", "bonus", "B1", D(1), "经验被市委推广"),
                                {"page:bonus"})
    page.load()
    row = page.items_table.rowCount() - 1
    assert cells(page.items_table, row)[0].startswith("B1 ")
    assert cells(page.items_table, row)[1:] == ["3", "0", "1", "+1", "经验被市委推广"]
    assert page.items_table.item(row, 4).background().color() == DIFFERENT
    assert page.review_progress.text() == ("Reviewed 2 of 29 items; 1 differ from the "
                                           "self-assessment (highlighted). Bonus and veto "
                                           "entries reviewed: 1.")  # items counted as items
    page.items_table.cellDoubleClicked.emit(row, 0)
    assert workspace.current == "page:bonus"


def test_the_chinese_review_summary(qtbot: QtBot, settings: Settings, reviewed: Path) -> None:
    from selfassess.ui.app import apply_settings

    apply_settings(settings, "zh_CN")
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.show()
        page = open_review(window, reviewed, "宣传处")
        workspace = window.bureau.review_workspace  # type: ignore[union-attr]
        assert page.title.text() == "复核汇总"
        assert workspace.progress.text() == "已复核 0/29 项"
        assert [page.items_table.horizontalHeaderItem(c).text()
                for c in range(page.items_table.columnCount())] == [
            "指标", "分值", "自评得分", "考核得分", "差值", "复核意见"]
        assert page.items_table.item(0, 3).text() == "未复核"
        window.close()
    finally:
        apply_settings(settings, "en")


# --- 4. the explanation ends every line alike ---------------------------------------------------

@pytest.mark.parametrize(("language", "stop"), [("zh_CN", "。"), ("en", ".")])
def test_every_explanation_line_ends_alike(qtbot: QtBot, settings: Settings,
                                           dept_file: AssessmentFile, checklist: Checklist,
                                           language: str, stop: str) -> None:
    from selfassess.ui.app import apply_settings

    dept_file.apply(ChangeSet(
        answers={i.code: {"self_score": i.max_points} for i in checklist.items}
        | {"1.5": {"self_score": D("2.5"), "deduction_reason": "述职内容空泛。"},
           "3.2": {"self_score": D(3), "deduction_reason": "少2次"}},
        bonus={"B4": {"points": D(1), "narrative": "知识竞赛前10名"}},
        veto={v.code: {"triggered": False} for v in checklist.veto_items}))
    path = dept_file.path
    dept_file.close()
    apply_settings(settings, language)
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.show()
        page = summary_of(window, path)
        lines = page.explanation.text().split("\n")
        assert len(lines) == 3
        assert lines[0].endswith("述职内容空泛。")  # ended already: not doubled
        assert lines[1].endswith(f"少2次{stop}")
        assert lines[2].startswith("B4 +1") and lines[2].endswith(f"取得名次{stop}")
        window.close()
    finally:
        apply_settings(settings, "en")
