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
    assert rows["办公室"][2] == "sealed" and rows["办公室"][5] == "100"
    assert len(bureau.totals_chart.bars) == 2

    row = next(r for r in range(bureau.proxy.rowCount())
               if bureau.proxy.index(r, 1).data() == "宣传处")
    bureau.table.doubleClicked.emit(bureau.proxy.index(row, 1))
    workspace = bureau.review_workspace
    assert workspace.banner.isVisible() and "Reviewing 宣传处" in workspace.banner.text()
    workspace.go_to("item:1.2")
    page = workspace.item_page
    assert page.review.isVisible() and page.narrative.isReadOnly()
    assert not page.score.isEnabled()
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
