"""The English interface shows no Chinese interface text: every label, button, menu, tab,
header, placeholder and tooltip of every screen and dialog, with the file's own content (the
checklist, names, narratives) set aside. A Chinese term may follow English as a gloss in
parentheses, as in "New bureau file (汇总)…"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from selfassess.cli import main
from selfassess.store import AssessmentFile
from selfassess.ui.bureau.dialogs import NewBureauDialog, RosterDialog
from selfassess.ui.dialogs.new_assessment import NewAssessmentDialog
from selfassess.ui.dialogs.settings_dialog import SettingsDialog
from selfassess.ui.main_window import MainWindow
from selfassess.ui.models import PAGES
from selfassess.ui.settings import Settings

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
GLOSS = re.compile(r"[(（][^()（）]*[)）]")


def content_of(path: Path) -> list[str]:
    """Every text that comes from the file rather than from the program, longest first."""
    with AssessmentFile.open(path, readonly=True) as af:
        checklist = af.checklist
        texts = [checklist.title, checklist.description, af.info.bureau_name, af.info.period,
                 *checklist.shortcoming_categories, *(b.name for b in checklist.grade_bands)]
        for section in checklist.sections:
            texts += [section.title]
            for item in section.items:
                texts += [item.title, item.content, item.criteria, item.evidence_hint,
                          item.target, item.reference, *(d.text for d in item.deductions),
                          *(c.text for c in item.counts), *(c.unit for c in item.counts),
                          *(d.unit for d in item.deductions), *(lv.name for lv in item.levels)]
        texts += [b.title for b in checklist.bonus_items] + [b.rule for b in checklist.bonus_items]
        texts += [v.text for v in checklist.veto_items]
        for department in af.departments():
            data = af.data(department.id)
            texts += [department.name, department.filled_by]
            for answer in data.answers.values():
                texts += [answer.narrative, answer.deduction_reason, answer.na_reason,
                          answer.review_reason]
            texts += [c.narrative for c in data.bonus.values()]
            texts += [v.explanation for v in data.veto.values()]
            texts += [s.text for s in data.shortcomings] + [e.file_name for e in data.evidence]
            for m in data.measures:
                texts += [m.text, m.owner, m.leader, m.standard, m.progress]
    texts += [path.name, path.stem]
    pieces = {line for text in texts if text for line in text.splitlines() if line.strip()}
    return sorted(pieces, key=len, reverse=True)


def model_texts(model: QAbstractItemModel | None) -> Iterator[str]:
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a Qt-internal model (the completer's) hides it
        return
    for section in range(columns):
        value = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str):
            yield value


def interface_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of everything the program itself writes on screen under ``root``."""
    widgets = [root, *(w for w in root.findChildren(QWidget) if w.isVisibleTo(root))]
    for widget in widgets:
        if widget.objectName() == "settings_language":
            continue  # each language is named in itself: 简体中文, English
        name = f"{type(widget).__name__}#{widget.objectName()}"
        yield name, widget.windowTitle() if widget.isWindow() else ""
        yield name, widget.toolTip()
        if isinstance(widget, QLabel | QAbstractButton):
            yield name, widget.text()
        if isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            yield name, widget.placeholderText()
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield name, widget.tabText(index)
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield name, widget.itemText(index)
        if isinstance(widget, QAbstractItemView):
            for text in model_texts(widget.model()):
                yield name, text
    for action in root.findChildren(QAction):
        yield f"QAction#{action.objectName()}", action.text()
        yield f"QAction#{action.objectName()}", action.toolTip()


def chinese_left(text: str, content: list[str]) -> str:
    for piece in content:
        text = text.replace(piece, "")
    text = GLOSS.sub("", re.sub(r"<[^>]+>", "", text))  # markup, then glosses
    return "".join(CJK.findall(text))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    assert main(["demo", str(folder)]) == 0  # in English: the tests pin it
    return folder


def test_no_chinese_interface_text_in_english(window: MainWindow, settings: Settings,
                                              demo: Path) -> None:
    department = demo / "2026_办公室.selfassess"
    bureau = next(demo.glob("*汇总.selfassess"))
    content = sorted({*content_of(department), *content_of(bureau)}, key=len, reverse=True)
    found: dict[str, set[str]] = {}

    def scan(root: QWidget, label: str) -> None:
        for where, text in interface_texts(root):
            if text and (left := chinese_left(text, content)):
                found.setdefault(f"{label} {where}: {text[:80]!r}", set()).add(left)

    scan(window, "start")
    assert window.open_file(department)
    workspace = window.workspace
    assert workspace is not None
    for node in workspace.order:  # every item and page of a department file
        if node.startswith("item:") and node not in ("item:1.1", "item:1.2", "item:4.3"):
            continue
        window.go_to(node)
        scan(window, node)
    for page, _label in PAGES:
        window.go_to(page)
        scan(window, page)
    assert window.open_file(bureau)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the closed file
    bureau_view = window.bureau
    assert bureau_view is not None
    for index in range(bureau_view.tabs.count()):
        bureau_view.tabs.setCurrentIndex(index)
        scan(window, f"bureau tab {index}")
    first = bureau_view.standing.departments[0].id
    bureau_view.open_department(first, "item:1.1")
    scan(window, "review")
    for dialog in (NewAssessmentDialog(window), SettingsDialog(settings, window),
                   NewBureauDialog(window), RosterDialog(["办公室"], window)):
        scan(dialog, type(dialog).__name__)
        dialog.deleteLater()
    assert not found, "\n".join(f"{where} -> {''.join(sorted(left))}"
                                for where, left in sorted(found.items()))
