"""Behaviour of the pages, each checked against what the file holds."""

from __future__ import annotations

import gc
import hashlib
from decimal import Decimal as D
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QHeaderView, QMessageBox
from pytestqt.qtbot import QtBot

from conftest import Office, type_text
from selfassess import collecting
from selfassess.checklist import Checklist
from selfassess.cli import main
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource
from selfassess.ui.main_window import MainWindow
from selfassess.ui.models import NODE_ROLE
from selfassess.ui.settings import Settings


def sealed_file(dept_file: AssessmentFile, checklist: Checklist) -> Path:
    changes = ChangeSet(answers={i.code: {"self_score": i.max_points} for i in checklist.items},
                        veto={v.code: {"triggered": False} for v in checklist.veto_items})
    dept_file.apply(changes)
    dept_file.seal()
    dept_file.close()
    return dept_file.path


def stored(path: Path, code: str) -> object:
    with AssessmentFile.open(path, readonly=True) as af:
        return af.data().answers.get(code)


def test_off_step_score_is_refused_with_the_item_named(qtbot: QtBot, window: MainWindow,
                                                       dept_file: AssessmentFile) -> None:
    dept_file.close()
    window.open_file(dept_file.path)
    window.go_to("item:1.1")
    page = window.workspace.item_page  # type: ignore[union-attr]
    page.score.setFocus()
    page.score.selectAll()
    qtbot.keyClicks(page.score.lineEdit(), "3.3")
    qtbot.keyClick(page.score.lineEdit(), Qt.Key.Key_Return)
    assert "item 1.1: score 3.3 is not a multiple of the step 0.5" in page.error_label.text()
    assert stored(dept_file.path, "1.1") is None
    page.score.selectAll()
    qtbot.keyClicks(page.score.lineEdit(), "3.5")
    qtbot.keyClick(page.score.lineEdit(), Qt.Key.Key_Return)
    assert page.error_label.text() == ""
    assert stored(dept_file.path, "1.1").self_score == D("3.5")  # type: ignore[union-attr]
    assert window.saved_label.text().startswith("Saved ")


def test_not_applicable_waits_for_its_reason(qtbot: QtBot, window: MainWindow,
                                             dept_file: AssessmentFile) -> None:
    dept_file.close()
    window.open_file(dept_file.path)
    window.go_to("item:5.3")
    page = window.workspace.item_page  # type: ignore[union-attr]
    assert page.na_row.isVisible()
    qtbot.mouseClick(page.na_check, Qt.MouseButton.LeftButton)
    assert "Write why the item does not apply" in page.error_label.text()
    assert not page.score.isEnabled()
    assert stored(dept_file.path, "5.3") is None
    type_text(page.na_reason, "本处无网上信访渠道。")
    page.flush()
    answer = stored(dept_file.path, "5.3")
    assert answer.not_applicable and answer.na_reason == "本处无网上信访渠道。"  # type: ignore[union-attr]
    assert page.score.text() == "N/A"  # not "not scored"
    window.go_to("item:1.1")
    assert not page.na_row.isVisible()  # 1.1 does not allow N/A
    assert page.score.text() == "not scored"


def test_sealed_file_is_read_only_and_reopening_asks(qtbot: QtBot, window: MainWindow,
                                                     dept_file: AssessmentFile, checklist: Checklist,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = sealed_file(dept_file, checklist)
    window.open_file(path)
    window.close_file()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    window.open_file(path)
    workspace = window.workspace
    assert workspace is not None and workspace.banner.isVisible()
    assert "sealed (revision 1" in workspace.banner.text()
    window.go_to("item:1.1")
    page = workspace.item_page
    assert page.narrative.isReadOnly() and page.score.isReadOnly()
    assert not page.evidence.add_button.isEnabled()
    type_text(page.narrative, "试图修改")
    page.flush()
    window.close_file()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before

    window.open_file(path)
    window.go_to("page:summary")
    summary = window.workspace.summary_page  # type: ignore[union-attr]
    assert summary.reopen_button.isVisible() and not summary.seal_button.isVisible()
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    qtbot.mouseClick(summary.reopen_button, Qt.MouseButton.LeftButton)
    assert window.session is not None and window.session.sealed
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(summary.reopen_button, Qt.MouseButton.LeftButton)
    assert not window.session.sealed and not window.workspace.banner.isVisible()  # type: ignore[union-attr]
    window.go_to("item:1.1")
    assert not window.workspace.item_page.narrative.isReadOnly()  # type: ignore[union-attr]
    with AssessmentFile.open(path, readonly=True) as af:
        assert [e.action for e in af.audit()][-1] == "reopen"


def test_navigation_buttons_shortcuts_search_and_tree(qtbot: QtBot, window: MainWindow,
                                                      dept_file: AssessmentFile) -> None:
    dept_file.close()
    window.open_file(dept_file.path)
    workspace = window.workspace
    assert workspace is not None
    window.go_to("item:1.5")
    qtbot.mouseClick(workspace.next_button, Qt.MouseButton.LeftButton)
    assert workspace.current == "item:2.1"
    qtbot.mouseClick(workspace.previous_button, Qt.MouseButton.LeftButton)
    assert workspace.current == "item:1.5"
    window.next_action.trigger()
    assert workspace.current == "item:2.1"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert workspace.current == "item:1.5"
    type_text(workspace.search, "舆情")
    assert workspace.current == "item:2.2"  # 舆情处置预案 is the first item mentioning it
    workspace.search.clear()
    type_text(workspace.search, "5.4")
    assert workspace.current == "item:5.4"
    # while searching, the tree shows the matches through the filter, and a click there goes
    assert workspace.proxy is not None and workspace.tree.model() is workspace.proxy
    shown = [workspace.proxy.index(row, 0).data(NODE_ROLE)
             for row in range(workspace.proxy.rowCount())]
    assert shown == ["section:5"]
    workspace.tree.setCurrentIndex(workspace.proxy.index(0, 0, workspace.proxy.index(0, 0)))
    assert workspace.current == "item:5.4"
    workspace.search.clear()  # every row again, straight from the checklist, 5.4 still current
    assert workspace.tree.model() is workspace.tree_model
    assert workspace.tree.currentIndex().data(NODE_ROLE) == "item:5.4"
    assert workspace.tree.header().sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    selections = len(workspace.tree.findChildren(QItemSelectionModel))
    for _round in range(5):  # searching again leaves no selection models behind
        type_text(workspace.search, "5.4")
        workspace.search.clear()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(workspace.tree.findChildren(QItemSelectionModel)) <= selections
    index = workspace.tree_model.index_of("item:6.3")
    workspace.tree.setCurrentIndex(index)
    assert workspace.current == "item:6.3"
    assert workspace.item_page.title_label.text() == "6.3  重要时段安全稳定"
    window.go_to("section:4")
    assert workspace.current == "item:4.1"


def test_last_position_is_remembered_per_file(qtbot: QtBot, window: MainWindow,
                                              dept_file: AssessmentFile, settings: Settings) -> None:
    dept_file.close()
    window.open_file(dept_file.path)
    window.go_to("item:3.3")
    window.close_file()
    assert window.start.recent_model.paths == [dept_file.path.resolve()]
    second = MainWindow(Settings())
    qtbot.addWidget(second)
    second.open_file(dept_file.path)
    assert second.workspace is not None and second.workspace.current == "item:3.3"
    second.close()


def test_dropping_a_file_opens_it(qtbot: QtBot, window: MainWindow,
                                  dept_file: AssessmentFile) -> None:
    dept_file.close()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dept_file.path))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert window.session is not None and window.session.path == dept_file.path


def test_a_bad_file_is_refused_with_a_message(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    bad = tmp_path / "bad.selfassess"
    bad.write_text("not a database")
    assert not window.open_file(bad)
    assert shown and "not a selfassess file" in shown[0]
    assert window.session is None and window.stack.currentWidget() is window.start


def test_opening_a_program_warns_first(qtbot: QtBot, window: MainWindow, dept_file: AssessmentFile,
                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ fake program")
    dept_file.apply(ChangeSet(add_evidence=[("item", "1.1", EvidenceSource(program, "setup.exe"))]))
    dept_file.close()
    window.open_file(dept_file.path)
    window.go_to("item:1.1")
    panel = window.workspace.item_page.evidence  # type: ignore[union-attr]
    panel.table.selectRow(0)
    opened: list[QUrl] = []
    warned: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))

    def refuse(_parent: object, _title: str, text: str, *args: object) -> object:
        warned.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(refuse))
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert warned and "setup.exe" in warned[0] and opened == []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda *a: QMessageBox.StandardButton.Open))
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    assert Path(opened[0].toLocalFile()).read_bytes() == program.read_bytes()


def test_removing_evidence_asks_and_stores(qtbot: QtBot, window: MainWindow,
                                           dept_file: AssessmentFile, tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF a")
    dept_file.apply(ChangeSet(add_evidence=[("item", "2.5", EvidenceSource(tmp_path / "a.pdf",
                                                                           "a.pdf"))]))
    dept_file.close()
    window.open_file(dept_file.path)
    window.go_to("item:2.5")
    panel = window.workspace.item_page.evidence  # type: ignore[union-attr]
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 0
    with AssessmentFile.open(dept_file.path, readonly=True) as af:
        assert af.data().evidence == []


def test_removing_a_shortcoming_keeps_measures_linked(qtbot: QtBot, window: MainWindow,
                                                      dept_file: AssessmentFile) -> None:
    from selfassess.store import Measure, Shortcoming

    dept_file.apply(ChangeSet(shortcomings=[Shortcoming("责任落实", "甲"),
                                            Shortcoming("理论学习", "乙")],
                              measures=[Measure("对乙", shortcoming=1)]))
    dept_file.close()
    window.open_file(dept_file.path)
    window.go_to("page:shortcomings")
    page = window.workspace.shortcomings_page  # type: ignore[union-attr]
    page.list.setCurrentIndex(page.model.index(0))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    with AssessmentFile.open(dept_file.path, readonly=True) as af:
        data = af.data()
        assert [s.text for s in data.shortcomings] == ["乙"]
        assert data.measures[0].shortcoming == 0


def test_screenshot_command(tmp_path: Path, dept_file: AssessmentFile,
                            capsys: pytest.CaptureFixture[str]) -> None:
    dept_file.close()
    for args, name in ((["--item", "1.2"], "item.png"), (["--page", "summary"], "summary.png"),
                       (["--page", "new"], "new.png")):
        target = tmp_path / name
        assert main(["gui", str(dept_file.path), "--screenshot", str(target), *args]) == 0
        assert target.stat().st_size > 10_000
    assert "screenshot written" in capsys.readouterr().out


def test_the_seal_action_is_in_view_at_1366x768(office: Office) -> None:
    """汇总与封存 on an office PC (1366×768, 100 % and 150 % type, both languages): the state,
    the count of what blocks sealing (by kind) and 封存报送… are visible without scrolling."""
    office.window.go_to("page:summary")
    page = office.window.workspace.summary_page  # type: ignore[union-attr]
    for widget in (page.problems_title, page.problem_kinds, page.seal_button):
        shown = widget.visibleRegion().boundingRect()
        assert widget.isVisible() and shown.size() == widget.size(), widget.objectName()
    assert page.problem_kinds.text()  # counted by kind, e.g. 未作答 n 项


def test_lost_points_with_nothing_said_warn(window: MainWindow,
                                            dept_file: AssessmentFile) -> None:
    """Points lost and no shortcoming or measure listed: a warning, not a block."""
    dept_file.apply(ChangeSet(answers={"1.2": {"self_score": D(3), "deduction_reason": "少1次"}}))
    path = dept_file.path
    dept_file.close()
    assert window.open_file(path)
    window.go_to("page:summary")
    page = window.workspace.summary_page  # type: ignore[union-attr]
    assert page.warning.isVisible() and "2 points were lost" in page.warning.text()


def test_tab_goes_from_the_aid_to_the_score_and_the_reason(qtbot: QtBot, window: MainWindow,
                                                           dept_file: AssessmentFile) -> None:
    """Keyboard only: from the scoring aid, Tab reaches the score, the reason for lost points
    and the narrative before it ever reaches the search box."""
    from PySide6.QtWidgets import QWidget

    dept_file.close()
    assert window.open_file(dept_file.path)
    window.activateWindow()
    for code in ("1.2", "1.4"):  # a counted item, then one whose aid is built anew
        window.go_to(f"item:{code}")
        page = window.workspace.item_page  # type: ignore[union-attr]
        last = [w for w in page.aid.rules.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus][-1]
        last.setFocus()  # the aid's last choice: Tab used to leave for the search box here
        seen = []
        for _step in range(25):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            focused = QApplication.focusWidget()
            seen.append(focused)
            if focused is window.workspace.search:  # type: ignore[union-attr]
                break
        targets = (page.score, page.score.lineEdit(), page.deduction_reason, page.narrative)
        reached = [t for t in targets if t in seen]
        assert page.deduction_reason in reached and page.narrative in reached, code
        assert page.score in reached or page.score.lineEdit() in reached, code


def test_the_window_is_on_screen_before_the_file_opens(
        qtbot: QtBot, dept_file: AssessmentFile, settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``selfassess gui FILE``: the window paints its first frame, then the file is opened
    and shown at the item asked for (the notice answered)."""
    dept_file.close()
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *args, **kwargs: 0))
    seen: list[tuple[bool, bool]] = []
    opened: list[MainWindow] = []
    original = MainWindow.open_file

    def open_file(self: MainWindow, path: Path) -> bool:
        handle = self.windowHandle()
        seen.append((self.isVisible(), handle is not None and handle.isExposed()))
        opened.append(self)
        return original(self, path)

    def event_loop(_app: QApplication) -> int:
        qtbot.waitUntil(lambda: bool(opened) and opened[0].session is not None, timeout=30_000)
        return 0

    monkeypatch.setattr(MainWindow, "open_file", open_file)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    collecting.while_working()  # as the program starts (cli.main without arguments)
    assert main(["--lang", "en", "gui", str(dept_file.path), "--item", "2.1"]) == 0
    assert gc.get_threshold() == collecting.PYTHON_OWN  # the file shown: as usual again
    window = opened[0]
    qtbot.addWidget(window)
    assert seen == [(True, True)]  # shown and exposed (its first frame painted) before opening
    assert window.workspace is not None and window.workspace.current == "item:2.1"
    assert window.session is not None and window.session.af.path == dept_file.path
    window.close()


def test_a_points_box_is_wide_enough_for_every_value_on_its_step(qtbot: QtBot) -> None:
    from selfassess.ui.widgets import PointsSpinBox

    boxes = []
    for maximum in (D("1"), D("0.5"), D("3")):
        box = PointsSpinBox("points", "")
        qtbot.addWidget(box)
        box.configure(maximum, D("0.5"), allow_empty=False)
        boxes.append(box)
    one, half, three = boxes
    # a maximum of 1 on a 0.5 step shows 0.5: as wide as a box whose maximum is 0.5 ("0.")
    assert one.sizeHint().width() >= half.sizeHint().width()
    assert three.sizeHint().width() >= half.sizeHint().width()
    text_width = one.fontMetrics().horizontalAdvance("0.5")
    assert one.minimumSizeHint().width() > text_width


def test_an_empty_list_says_how_to_start_it(qtbot: QtBot, window: MainWindow,
                                            dept_file: AssessmentFile) -> None:
    from selfassess.store import Shortcoming

    dept_file.close()
    window.open_file(dept_file.path)
    window.go_to("page:shortcomings")
    page = window.workspace.shortcomings_page  # type: ignore[union-attr]
    assert page.empty_hint.isVisibleTo(window)
    assert page.empty_hint.text().startswith("Nothing listed yet")
    assert window.session is not None
    window.session.apply(ChangeSet(shortcomings=[Shortcoming("理论学习", "学习不够深入")]),
                         {"page:shortcomings"})
    page.load()
    assert not page.empty_hint.isVisibleTo(window) and page.model.rowCount() == 1


def test_a_file_given_opens_without_the_start_screen_and_a_refused_one_ends_on_it(
        qtbot: QtBot, dept_file: AssessmentFile, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``selfassess gui FILE``: the first frame is the empty window and the file comes next,
    with no start screen built between; a file that cannot be opened is explained and the
    start screen is where the person goes on from."""
    dept_file.close()
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *args, **kwargs: 0))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text, *a, **k: warned.append(text)))
    windows: list[MainWindow] = []
    original = MainWindow.open_file

    def open_file(self: MainWindow, path: Path) -> bool:
        windows.append(self)
        return original(self, path)

    settled: list[MainWindow] = []

    def event_loop(_app: QApplication) -> int:
        # until the window of this run opened its file and shows either it or the start screen
        qtbot.waitUntil(lambda: len(windows) > len(settled) and windows[-1].stack.currentWidget()
                        is not None and (windows[-1].session is not None
                                         or windows[-1].start is not None), timeout=30_000)
        settled.append(windows[-1])
        return 0

    monkeypatch.setattr(MainWindow, "open_file", open_file)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert main(["--lang", "en", "gui", str(dept_file.path)]) == 0
    opened = windows[-1]
    qtbot.addWidget(opened)
    assert opened.session is not None and opened.start is None
    assert opened.stack.currentWidget() is opened.workspace
    opened.close_file()  # closing the file builds the start screen, with the file in it
    assert opened.start is not None and opened.stack.currentWidget() is opened.start
    assert opened.start.recent_model.paths[0] == dept_file.path.resolve()
    opened.close()

    broken = tmp_path / "坏的.selfassess"
    broken.write_bytes(b"not a selfassess file")
    assert main(["--lang", "en", "gui", str(broken)]) == 0
    refused = windows[-1]
    qtbot.addWidget(refused)
    assert warned and "坏的.selfassess" in warned[-1]
    assert refused.session is None and refused.start is not None
    assert refused.stack.currentWidget() is refused.start
    refused.close()
