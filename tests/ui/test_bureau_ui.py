"""The secretary's workspace: import returned files, see who is missing, review a department."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from files import scored_bureau
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from conftest import type_text
from selfassess.bureau import create_bureau, merge_files
from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile, ChangeSet
from selfassess.summary import file_summary
from selfassess.ui.bureau.dialogs import MergeResultDialog
from selfassess.ui.bureau.models import ID_ROLE
from selfassess.ui.bureau.workspace import BureauWorkspace
from selfassess.ui.main_window import MainWindow


def department(folder: Path, name: str, checklist: Checklist, seal: bool = True) -> Path:
    path = folder / f"2026_{name}.selfassess"
    with AssessmentFile.create(path, checklist, department_name=name, period="2026") as af:
        af.apply(ChangeSet(
            answers={i.code: {"self_score": i.max_points, "narrative": f"{name}:召开意识形态工作会议。"}
                     for i in checklist.items},
            veto={v.code: {"triggered": False} for v in checklist.veto_items}))
        if seal:
            af.seal()
    return path


@pytest.fixture
def bureau_file(tmp_path: Path, checklist: Checklist) -> Path:
    path = tmp_path / "2026_汇总.selfassess"
    create_bureau(path, checklist, "XX市水利局", "2026", ["办公室", "宣传处", "财务处"]).close()
    return path


@pytest.fixture
def received(tmp_path: Path, checklist: Checklist) -> Path:
    folder = tmp_path / "收到的文件"
    folder.mkdir()
    department(folder, "办公室", checklist)
    department(folder, "宣传处", checklist)
    department(folder, "财务处", checklist, seal=False)
    return folder


@pytest.fixture
def results(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Merge result dialogs shown (recorded instead of blocking)."""
    shown: list[Any] = []

    def record(dialog: MergeResultDialog) -> int:
        ModelTester(None).check(dialog.model)  # type: ignore[arg-type]
        shown.append([(row.outcome, row.file.name) for row in dialog.model.rows])
        return 0

    monkeypatch.setattr(MergeResultDialog, "exec", record)
    return shown


def open_bureau(window: MainWindow, path: Path) -> BureauWorkspace:
    assert window.open_file(path)
    assert window.bureau is not None and window.stack.currentWidget() is window.bureau
    return window.bureau


def test_import_review_and_totals(qtbot: QtBot, window: MainWindow, bureau_file: Path,
                                  received: Path, results: list[Any],
                                  qtmodeltester: ModelTester) -> None:
    bureau = open_bureau(window, bureau_file)
    assert bureau.departments.rowCount() == 3  # the whole roster, all missing
    with qtbot.waitSignal(bureau.merged, timeout=20000):
        bureau.import_paths([received])  # a whole folder
    assert sorted(results[0]) == [("added", "2026_办公室.selfassess"),
                                  ("added", "2026_宣传处.selfassess"),
                                  ("refused", "2026_财务处.selfassess")]
    table = bureau.departments
    qtmodeltester.check(table)
    qtmodeltester.check(bureau.log)
    assert bureau.log.rowCount() == 3
    assert bureau.statistics_label.text().startswith("Average 100, highest 100, lowest 100.")
    bureau.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by name: pinyin, not code points
    proxy = bureau.table.model()
    assert [proxy.index(r, 1).data() for r in range(proxy.rowCount())] == [
        "办公室", "财务处", "宣传处"]
    bureau.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    rows = {table.index(r, 1).data(): [table.index(r, c).data() for c in range(table.columnCount())]
            for r in range(table.rowCount())}
    # the draft was refused: 财务处 did send a file, so it says refused and why, not 未报
    assert rows["财务处"][2] == "refused" and "not sealed" in rows["财务处"][8]
    assert rows["办公室"][2] == "submitted" and rows["办公室"][5] == "100"
    assert len(bureau.totals_chart.bars) == 2

    row = next(r for r in range(bureau.proxy.rowCount())
               if bureau.proxy.index(r, 1).data() == "宣传处")
    bureau.table.doubleClicked.emit(bureau.proxy.index(row, 1))
    workspace = bureau.review_workspace
    assert workspace.banner.isVisible() and "Reviewing 宣传处" in workspace.banner.text()
    workspace.go_to("item:1.2")
    page = workspace.item_page
    assert page.review.isVisible() and page.narrative.isReadOnly()
    assert not page.score.isEnabled() or page.score.isReadOnly()
    # the department's aid is readable (not disabled grey) but cannot be changed
    from PySide6.QtWidgets import QSpinBox

    spins = page.aid.rules.findChildren(QSpinBox)
    assert spins and all(s.isEnabled() and s.isReadOnly() for s in spins)
    assert page.aid.isEnabled() and not page.aid.accept_button.isVisible()
    spin = page.review.score
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), "3")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    type_text(page.review.reason, "研究后无落实情况。")
    page.flush()
    assert workspace.tree_model.index_of("item:1.2", 1).data() == "5 → 3 / 5"
    qtbot.mouseClick(bureau.findChild(type(bureau.import_button), "bureau_back"),
                     Qt.MouseButton.LeftButton)
    assert bureau.stack.currentWidget() is bureau.overview

    with AssessmentFile.open(bureau_file, readonly=True) as af:
        summary = file_summary(af)
        department_id = next(d["id"] for d in summary["departments"] if d["name"] == "宣传处")
        answer = af.data(department_id).answers["1.2"]
    assert answer.review_score == 3 and answer.review_reason == "研究后无落实情况。"
    dept = next(d for d in summary["departments"] if d["name"] == "宣传处")
    assert dept["self_total"] == 100 and dept["total"] == 98 and dept["rank"] == 2
    rows = {table.index(r, 1).data(): table.index(r, 5).data() for r in range(table.rowCount())}
    assert rows["宣传处"] == "98"  # the overview shows the new total


def test_drafts_when_allowed_and_files_dropped_on_the_window(
        qtbot: QtBot, window: MainWindow, bureau_file: Path, received: Path,
        results: list[Any]) -> None:
    bureau = open_bureau(window, bureau_file)
    bureau.allow_drafts.setChecked(True)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(received / "2026_财务处.selfassess"))])
    QApplication.sendEvent(window, QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                                                   Qt.MouseButton.LeftButton,
                                                   Qt.KeyboardModifier.NoModifier))
    with qtbot.waitSignal(bureau.merged, timeout=20000):
        QApplication.sendEvent(window, QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                                                  Qt.MouseButton.LeftButton,
                                                  Qt.KeyboardModifier.NoModifier))
    assert results == [[("draft", "2026_财务处.selfassess")]]
    assert file_summary(bureau.af, bureau.standing)["drafts"] == ["财务处"]
    assert bureau.roster_label.text() == (  # the statistics tab counts it, from the read model
        "Expected 3, merged 1, not received 2, refused 0. Drafts among them: 1.")
    assert window.session is None  # the dropped file was merged, not opened


def test_search_jumps_to_the_item(qtbot: QtBot, window: MainWindow, bureau_file: Path,
                                  received: Path, results: list[Any],
                                  qtmodeltester: ModelTester) -> None:
    bureau = open_bureau(window, bureau_file)
    with qtbot.waitSignal(bureau.merged, timeout=20000):
        bureau.import_paths([received])
    type_text(bureau.search, "宣传处:召开")
    qtbot.keyClick(bureau.search, Qt.Key.Key_Return)
    assert bureau.hits.rowCount() == 29 and bureau.tabs.currentWidget() is bureau.hits_table
    qtmodeltester.check(bureau.hits)
    bureau.hits_table.doubleClicked.emit(bureau.hits.index(3, 0))
    assert bureau.review_workspace.current == "item:1.4"
    assert bureau.review_session.data.department.name == "宣传处"
    narrative = bureau.review_workspace.item_page.narrative
    assert narrative.textCursor().selectedText() == "召开"  # the match is shown, selected


def test_roster_and_distribution(qtbot: QtBot, window: MainWindow, bureau_file: Path,
                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from selfassess.ui.bureau.dialogs import RosterDialog

    bureau = open_bureau(window, bureau_file)

    def add_one(dialog: RosterDialog) -> int:
        dialog.editor.setPlainText("办公室\n宣传处\n财务处\n纪检组\n")
        dialog._on_ok()
        return 1

    monkeypatch.setattr(RosterDialog, "exec", add_one)
    bureau.edit_roster()
    assert file_summary(bureau.af, bureau.standing)["missing"] == ["办公室", "宣传处", "财务处", "纪检组"]
    out = tmp_path / "下发"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(out)))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _p, _t, text, *a: told.append(text)))
    bureau.distribute()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"2026_{n}.selfassess" for n in ("办公室", "宣传处", "财务处", "纪检组"))
    assert told and "4 file(s) written" in told[0]
    assert all(entry["department_id"] for entry in file_summary(bureau.af, bureau.standing)["roster"])
    assert bureau.departments.index(0, 0).data(ID_ROLE) is None  # still missing until returned


def test_bonus_and_veto_reviews(qtbot: QtBot, window: MainWindow, bureau_file: Path,
                                received: Path, results: list[Any]) -> None:
    from PySide6.QtWidgets import QComboBox

    bureau = open_bureau(window, bureau_file)
    with qtbot.waitSignal(bureau.merged, timeout=20000):
        bureau.import_paths([received])
    department_id = next(d.id for d in bureau.standing.departments if d.name == "办公室")
    bureau.open_department(department_id, "page:veto")
    veto_page = bureau.review_workspace.veto_page
    verdict = veto_page.findChild(QComboBox, "veto_review_V5_verdict")
    verdict.setCurrentIndex(2)  # triggered by the review group
    type_text(veto_page.reviews["V5"].reason, "佐证材料不实。")
    bureau.review_workspace.go_to("page:bonus")  # leaving the page stores the typing
    bonus_page = bureau.review_workspace.bonus_page
    assert bonus_page.reviews and all(panel.isHidden() for panel in bonus_page.reviews.values())
    # nothing was claimed: no bonus gets a review row
    bureau.close_department()
    dept = next(d for d in file_summary(bureau.af, bureau.standing)["departments"] if d["name"] == "办公室")
    assert dept["veto"] and dept["vetoed_by"] == ["V5"] and dept["grade"] == "差"
    assert dept["veto_items"]["V5"] == {"declared": False, "review": True}
    with AssessmentFile.open(bureau_file, readonly=True) as af:
        assert af.data(department_id).veto["V5"].review_reason == "佐证材料不实。"


def test_reviewing_departments_in_turn_releases_each_view(
        qtbot: QtBot, window: MainWindow, bureau_file: Path, received: Path,
        results: list[Any]) -> None:
    import gc
    import weakref

    from PySide6.QtCore import QCoreApplication, QEvent

    bureau = open_bureau(window, bureau_file)
    with qtbot.waitSignal(bureau.merged, timeout=20000):
        bureau.import_paths([received])
    sessions = []
    for _round in range(3):
        for row in bureau.standing.departments:
            bureau.open_department(row.id)
            sessions.append(weakref.ref(bureau.review_session))
            bureau.close_department()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert len(sessions) == 6 and all(ref() is None for ref in sessions)  # two sealed, 3 rounds
    assert not bureau.af._closed  # the bureau file stays open for the next review


def test_the_screen_shows_the_read_models_statistics_and_ranks(
        window: MainWindow, tmp_path: Path, quarters: Checklist) -> None:
    """A mean of 87.125 shows as 87.13 (half up) on screen as on paper; ties share a rank and
    list in pinyin order (甲 before 乙); the vetoed department has no rank and comes last."""
    path = scored_bureau(tmp_path, quarters, [
        ("甲处", D("87.25"), False), ("乙处", D("87.25"), False), ("丙处", D("87"), False),
        ("丁处", D("87"), True)])
    bureau = open_bureau(window, path)
    assert bureau.statistics_label.text().startswith("Average 87.13, highest 87.25, lowest 87.")
    summary = file_summary(bureau.af, bureau.standing)
    assert (summary["statistics"]["mean"], summary["statistics"]["lowest"]) == (87.13, 87)
    table = bureau.departments
    shown = [[table.index(r, c).data() for c in (0, 1, 5)] for r in range(table.rowCount())]
    assert shown == [["1", "甲处", "87.25"], ["1", "乙处", "87.25"], ["3", "丙处", "87"],
                     ["—", "丁处", "87"]]
    assert [[str(d["rank"] or "—"), d["name"], str(d["total"])]
            for d in summary["departments"]] == shown
    # the charts: a labelled 好 threshold, and loss rates on an axis their size, not 0–100 %
    assert bureau.totals_chart.reference == 90 and bureau.totals_chart.reference_label == \
        "好 from 90"
    rates = [value for _label, value, _colour in bureau.sections_chart.bars]
    assert max(rates) < bureau.sections_chart.maximum <= 2 * max(rates) + 1
    bureau.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    proxy = bureau.table.model()
    assert proxy.index(proxy.rowCount() - 1, 1).data() in ("甲处", "乙处")
    assert proxy.index(0, 1).data() == "丁处"


def test_a_rename_shows_in_the_departments_table(window: MainWindow, tmp_path: Path,
                                                 checklist: Checklist) -> None:
    import sqlite3

    folder = tmp_path / "in"
    folder.mkdir()
    path = department(folder, "宣传处", checklist)
    bureau_path = tmp_path / "b.selfassess"
    create_bureau(bureau_path, checklist, "XX市水利局", "2026", ["宣传处"]).close()
    merge_files(bureau_path, [path])
    with AssessmentFile.open(path) as af:
        af.reopen()
    with sqlite3.connect(path) as db:  # the next revision under another name
        db.execute("UPDATE departments SET name = '宣传教育处'")
    db.close()
    with AssessmentFile.open(path) as af:
        af.seal()
    assert merge_files(bureau_path, [path])[0].outcome == "replaced"
    bureau = open_bureau(window, bureau_path)
    table = bureau.departments
    rows = {table.index(r, 1).data(): table.index(r, 8).data() for r in range(table.rowCount())}
    assert "renamed from 宣传处" in rows["宣传教育处"]


def test_a_refused_draft_points_to_the_check_box_not_the_command_line(
        window: MainWindow, bureau_file: Path, received: Path, tmp_path: Path,
        qtmodeltester: ModelTester) -> None:
    """The merge log keeps the refusal in the language of the merge (here Chinese, with the
    command line's --allow-drafts); the app, in English, words it for its check box."""
    from selfassess import i18n
    from selfassess.ui.bureau.models import shown_reason

    i18n.setup("zh_CN")
    try:
        outcomes = merge_files(bureau_file, [received / "2026_财务处.selfassess"])
    finally:
        i18n.setup("en")
    assert [o.outcome for o in outcomes] == ["refused"]
    stored = outcomes[0].reason
    assert stored == "未封存（草稿）；请先封存，或在汇总时允许草稿（--allow-drafts）"  # the CLI's
    bureau = open_bureau(window, bureau_file)
    wanted = ("not sealed (a draft); seal it first, or tick “also merge drafts” and import it "
              "again")
    assert f"“{bureau.allow_drafts.text()}”" in wanted  # the check box the secretary sees
    table = bureau.departments
    qtmodeltester.check(table)
    rows = {table.index(r, 1).data(): [table.index(r, c).data() for c in range(table.columnCount())]
            for r in range(table.rowCount())}
    assert rows["财务处"][2] == "refused" and rows["财务处"][8] == wanted
    log = bureau.log
    assert [log.index(0, c).data() for c in (2, 3, 4)] == [
        "refused", "2026_财务处.selfassess", wanted]
    shown = [model.index(r, c).data() for model in (table, log)
             for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert not any("--allow-drafts" in (text or "") for text in shown)
    # the data is untouched: the log and the read model still hold the merge's own words
    with AssessmentFile.open(bureau_file, readonly=True) as af:
        summary = file_summary(af)
    line = next(entry for entry in summary["roster"] if entry["name"] == "财务处")
    assert line["last_outcome"] == "refused" and "--allow-drafts" in line["last_reason"]
    assert next(r for r in bureau.standing.roster if r.name == "财务处").reason == stored
    # in Chinese, the same stored reason names the check box as the app labels it
    i18n.setup("zh_CN")
    try:
        assert shown_reason("refused", stored) == "未封存（草稿）；请先封存，或勾选“同时汇总草稿”后重新导入"
        assert i18n._("also merge drafts") == "同时汇总草稿"
    finally:
        i18n.setup("en")
    # an English stored reason is recognised too; other reasons and outcomes are shown as stored
    english = merge_files(bureau_file, [received / "2026_财务处.selfassess"])[0].reason
    assert "(--allow-drafts)" in english and shown_reason("refused", english) == wanted
    assert shown_reason("conflict", english) == english
    assert shown_reason("refused", "period 2025 differs") == "period 2025 differs"


def test_missing_departments_read_as_rows_to_chase_not_disabled_ones(
        window: MainWindow, bureau_file: Path, received: Path) -> None:
    from PySide6.QtGui import QColor

    from selfassess.ui.bureau.models import MISSING_COLOR

    merge_files(bureau_file, [received / "2026_办公室.selfassess",
                              received / "2026_财务处.selfassess"])
    bureau = open_bureau(window, bureau_file)
    assert bureau.standing.missing == ["宣传处", "财务处"]
    assert [r.outcome for r in bureau.standing.roster] == [None, None, "refused"]
    table = bureau.departments
    rows = {table.index(r, 1).data(): r for r in range(table.rowCount())}
    foreground = Qt.ItemDataRole.ForegroundRole
    missing, refused = rows["宣传处"], rows["财务处"]
    assert table.index(missing, 2).data() == "not received"
    # since when it is waited for: the bureau file was made (the roster handed out)
    created = bureau.af.info.created_at[:10]
    assert table.index(missing, 8).data() == f"no file yet, waited for since {created}"
    # the state says it in orange, bold; every other cell keeps the normal text colour
    assert table.index(missing, 2).data(foreground) == QColor(MISSING_COLOR)
    assert table.index(missing, 2).data(Qt.ItemDataRole.FontRole).bold()
    assert table.index(refused, 2).data(foreground) == QColor("#c62828")
    for row in (missing, refused):
        assert all(table.index(row, c).data(foreground) is None
                   for c in range(table.columnCount()) if c != 2)
    colours = [table.index(r, c).data(foreground) for r in range(table.rowCount())
               for c in range(table.columnCount())]
    assert QColor("#9e9e9e") not in colours  # nothing drawn disabled-grey
    # and on screen: the name of the missing department is painted in the text colour
    view = bureau.table
    view.resizeColumnsToContents()
    proxy_row = next(r for r in range(bureau.proxy.rowCount())
                     if bureau.proxy.index(r, 1).data() == "宣传处")
    rect = view.visualRect(bureau.proxy.index(proxy_row, 1))
    image = view.viewport().grab(rect).toImage()
    darkest = min(QColor(image.pixel(x, y)).lightness()
                  for x in range(image.width()) for y in range(image.height()))
    assert darkest < 80  # grey #9e9e9e would be 158 at its darkest


def test_statistics_axis_starts_below_the_lowest_total_and_counts_the_roster(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, checklist: Checklist) -> None:
    from selfassess.bureau import set_roster
    from selfassess.ui.bureau.charts import axis_ticks, nice_minimum

    path = scored_bureau(tmp_path, checklist, [("办公室", D(99), False), ("宣传处", D(96), False),
                                               ("组织人事处", D(93), False)])
    with AssessmentFile.open(path) as af:
        set_roster(af, ["办公室", "宣传处", "组织人事处", "纪检组", "审计处"])
    folder = tmp_path / "草稿"
    folder.mkdir()
    assert merge_files(path, [department(folder, "审计处", checklist, seal=False)])[0].outcome \
        == "refused"
    bureau = open_bureau(window, path)
    # the roster, from the read model
    standing = bureau.standing
    assert standing.missing == ["纪检组", "审计处"] and len(standing.departments) == 3
    assert bureau.roster_label.text() == "Expected 5, merged 3, not received 1, refused 1."
    assert [(r.name, r.received, r.outcome) for r in standing.roster][3:] == [
        ("纪检组", False, None), ("审计处", False, "refused")]
    # the totals: an axis from a round number below the lowest total and the 好 line
    chart = bureau.totals_chart
    assert [value for _l, value, _c in chart.bars] == [99, 96, 93]
    assert chart.reference == 90 and chart.reference_label == "好 from 90"
    assert chart.minimum == 80 and chart.maximum == 105
    assert axis_ticks(chart.maximum, chart.minimum) == [80, 85, 90, 95, 100, 105]
    assert chart.note == "The axis starts at 80, not at 0: compare where the bars end."
    assert nice_minimum([92.5, 101], 90) == 80 and nice_minimum([45], 90) == 40
    assert nice_minimum([3], 90) == 0
    assert bureau.sections_chart.minimum == 0 and bureau.sections_chart.note == ""
    # the charts take the room of the tab (1366×768): rows taller than their natural height
    window.resize(1366, 768)
    bureau.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    scroll = bureau.tabs.currentWidget()
    room = scroll.viewport().height()
    assert chart.row_height() > chart._natural_row()
    assert chart.height() + bureau.sections_chart.height() > room * 0.7
    assert not chart.grab().isNull()
