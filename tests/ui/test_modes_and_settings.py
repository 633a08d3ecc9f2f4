"""Scoring aids of every mode, evidence dropped onto the list, links from the summary,
language and font-size settings, and attaching a large file without freezing the window."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QRadioButton, QSpinBox
from pytestqt.qtbot import QtBot

from conftest import type_text
from selfassess.checklist import load_checklist_file
from selfassess.store import AssessmentFile
from selfassess.ui.dialogs.settings_dialog import SettingsDialog
from selfassess.ui.main_window import MainWindow
from selfassess.ui.models import NODE_ROLE
from selfassess.ui.settings import Settings

MODES = Path(__file__).parent.parent / "data" / "all-modes.yaml"


@pytest.fixture
def modes_file(tmp_path: Path) -> Path:
    path = tmp_path / "modes.selfassess"
    AssessmentFile.create(path, load_checklist_file(MODES), department_name="测试处",
                          period="2026").close()
    return path


def click_choice(qtbot: QtBot, button: QRadioButton) -> None:
    """Click a radio button on its indicator, as a person does (its row is wider than its text)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def answers(path: Path) -> dict[str, object]:
    with AssessmentFile.open(path, readonly=True) as af:
        return dict(af.data().answers)


def test_every_scoring_aid_proposes_and_stores(qtbot: QtBot, window: MainWindow,
                                               modes_file: Path) -> None:
    window.open_file(modes_file)
    page = window.workspace.item_page  # type: ignore[union-attr]
    window.go_to("item:1.2")
    qtbot.wait(1)
    page.aid.findChild(QSpinBox, "count_c1").setValue(2)
    assert page.aid.proposal() == D("2")
    qtbot.mouseClick(page.aid.accept_button, Qt.MouseButton.LeftButton)
    window.go_to("item:1.3")
    qtbot.wait(1)
    click_choice(qtbot, page.aid.findChild(QRadioButton, "binary_not_met"))
    qtbot.mouseClick(page.aid.accept_button, Qt.MouseButton.LeftButton)
    window.go_to("item:1.4")
    qtbot.wait(1)
    assert "1.4" in page.title_label.text()
    level = page.aid.findChild(QRadioButton, "level_1")
    assert level.text() == "较好 (3 points)"  # what it is worth here, not "75% of the maximum"
    click_choice(qtbot, level)
    assert page.aid.proposal() == D("3")  # 较好 = 75 % of 4
    qtbot.mouseClick(page.aid.accept_button, Qt.MouseButton.LeftButton)
    window.go_to("item:1.5")
    qtbot.wait(1)
    assert not page.aid.accept_button.isVisible()  # manual: no proposal
    page.score.setFocus()
    page.score.selectAll()
    qtbot.keyClicks(page.score.lineEdit(), "2.5")
    qtbot.keyClick(page.score.lineEdit(), Qt.Key.Key_Return)
    stored = answers(modes_file)
    assert stored["1.2"].self_score == 2 and stored["1.2"].aid.counts == {"c1": 2}  # type: ignore[attr-defined]
    assert "专题学习 2/4次" in stored["1.2"].deduction_reason  # type: ignore[attr-defined]
    assert stored["1.3"].self_score == 0 and stored["1.3"].aid.met is False  # type: ignore[attr-defined]
    assert stored["1.4"].self_score == 3 and stored["1.4"].aid.level == "较好"  # type: ignore[attr-defined]
    assert stored["1.5"].self_score == D("2.5")  # type: ignore[attr-defined]
    # the aid reads back as stored
    window.go_to("item:1.2")
    assert page.aid.findChild(QSpinBox, "count_c1").value() == 2


def test_dropping_files_on_the_evidence_list_attaches_them(qtbot: QtBot, window: MainWindow,
                                                           modes_file: Path, tmp_path: Path) -> None:
    window.open_file(modes_file)
    window.go_to("item:1.5")
    panel = window.workspace.item_page.evidence  # type: ignore[union-attr]
    scan = tmp_path / "扫描件.png"
    scan.write_bytes(b"\x89PNG fake scan")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan))])
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(panel.attached, timeout=10000):
        QApplication.sendEvent(panel, QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                                                 Qt.MouseButton.LeftButton,
                                                 Qt.KeyboardModifier.NoModifier))
    assert panel.model.index(0, 0).data() == "扫描件.png"
    assert panel.model.index(0, 2).data() == "picture"  # its kind in words
    with AssessmentFile.open(modes_file, readonly=True) as af:
        ref = af.data().evidence_for("item", "1.5")[0]
        assert af.evidence_bytes(ref.sha256) == scan.read_bytes()


def test_summary_links_lead_to_the_place_to_fix(qtbot: QtBot, window: MainWindow,
                                                modes_file: Path) -> None:
    window.open_file(modes_file)
    window.go_to("page:summary")
    summary = window.workspace.summary_page  # type: ignore[union-attr]
    model = summary.problems.model()
    rows = {model.index(row, 0).data(NODE_ROLE): row for row in range(model.rowCount())}
    assert {"item:1.4", "page:veto"} <= set(rows)
    summary.problems.doubleClicked.emit(model.index(rows["item:1.4"], 0))
    assert window.workspace.current == "item:1.4"  # type: ignore[union-attr]
    window.go_to("page:summary")
    summary.problems.doubleClicked.emit(model.index(rows["page:veto"], 0))
    assert window.workspace.current == "page:veto"  # type: ignore[union-attr]


def test_language_and_font_size_switch_the_whole_ui(qtbot: QtBot, window: MainWindow,
                                                    modes_file: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SELFASSESS_LANG")
    window.open_file(modes_file)
    window.go_to("item:1.4")
    assert window.menuBar().actions()[0].text() == "&File"
    base_size = QApplication.font().pointSizeF()

    def choose_chinese(dialog: SettingsDialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        dialog.font_scale.setCurrentIndex(dialog.font_scale.findData(150))
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose_chinese)
    window.settings_action.trigger()
    assert window.settings.language == "zh_CN" and window.settings.font_scale == 150
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert abs(QApplication.font().pointSizeF() - base_size * 1.5) < 0.01
    workspace = window.workspace
    assert workspace is not None and workspace.current == "item:1.4"  # same place, new language
    assert workspace.item_page.meta_label.text() == "分值 4 分 · 等级制"
    assert workspace.next_button.text() == "下一项 ▶"
    assert workspace.tree_model.index_of("page:summary").data() == "汇总与封存"


def test_attaching_a_large_file_keeps_the_window_responsive(qtbot: QtBot, window: MainWindow,
                                                            modes_file: Path, tmp_path: Path) -> None:
    window.open_file(modes_file)
    window.go_to("item:1.1")
    panel = window.workspace.item_page.evidence  # type: ignore[union-attr]
    scan = tmp_path / "大扫描件.pdf"
    with scan.open("wb") as stream:
        for _ in range(60):
            stream.write(bytes(range(256)) * 4096)  # 60 MB
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    with qtbot.waitSignal(panel.attached, timeout=60000):
        panel.attach([scan])
        assert panel.model.rowCount() == 0  # returned at once: the work is on a worker thread
    timer.stop()
    assert len(ticks) >= 3, "the event loop kept running while the file was attached"
    assert panel.model.rowCount() == 1
    type_text(window.workspace.item_page.narrative, "附扫描件。")  # type: ignore[union-attr]
    window.workspace.item_page.flush()  # type: ignore[union-attr]
    assert answers(modes_file)["1.1"].narrative == "附扫描件。"  # type: ignore[attr-defined]


def test_a_refused_attachment_is_explained(qtbot: QtBot, window: MainWindow, modes_file: Path,
                                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr("selfassess.store.changes.MAX_EVIDENCE_BYTES", 1024)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    window.open_file(modes_file)
    window.go_to("item:1.1")
    panel = window.workspace.item_page.evidence  # type: ignore[union-attr]
    big = tmp_path / "太大的文件.pdf"
    big.write_bytes(b"x" * 4096)
    with qtbot.waitSignal(window.session.refused, timeout=10000):  # type: ignore[union-attr]
        panel.attach([big])
    assert shown and "太大的文件.pdf" in shown[0] and "larger than" in shown[0]
    assert panel.model.rowCount() == 0


def test_window_geometry_is_kept_as_text(qtbot: QtBot, window: MainWindow,
                                         settings: Settings) -> None:
    """The window's size and place survive a restart, stored as Base64 text in the INI file
    (not a pickled Python object); an unreadable old value is ignored."""
    window.resize(700, 500)
    saved = bytes(window.saveGeometry().data())
    window.close()
    store = settings._store
    store.sync()
    value = store.value("window/geometry")
    assert isinstance(value, str) and value.isascii()
    assert settings.geometry() == saved  # what the next start restores
    store.setValue("window/geometry", 12345)  # something else entirely
    assert settings.geometry() is None
