"""At an office PC (1366×768, 100 % and 150 % type, Chinese and English) nothing in the tree
or on an item's page is cut: every tree title is shown whole, every one-line label has its
width, and the way to 汇总与封存 is in view."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from conftest import Office
from selfassess.ui.main_window import MainWindow


@pytest.fixture
def office_window(office: Office) -> MainWindow:
    return office.window


def _rows(model: object, parent: QModelIndex) -> Iterator[QModelIndex]:
    for row in range(model.rowCount(parent)):  # type: ignore[attr-defined]
        index = model.index(row, 0, parent)  # type: ignore[attr-defined]
        yield index
        yield from _rows(model, index)


def test_tree_titles_are_whole(qtbot: QtBot, office_window: MainWindow) -> None:
    workspace = office_window.workspace
    assert workspace is not None
    tree = workspace.tree
    qtbot.waitUntil(lambda: tree.visualRect(tree.model().index(0, 0)).width() > 0,
                    timeout=30000)
    cut = []
    for index in _rows(tree.model(), QModelIndex()):
        rect = tree.visualRect(index)
        wanted = tree.sizeHintForIndex(index).width()
        if rect.width() < wanted:
            cut.append(f"{index.data()}: {rect.width()} < {wanted}")
    assert cut == []
    assert workspace.summary_button.visibleRegion().boundingRect().size() == \
        workspace.summary_button.size()


def test_item_page_labels_have_their_width(qtbot: QtBot, office_window: MainWindow) -> None:
    for code in ("3.2", "4.2", "5.3"):
        office_window.go_to(f"item:{code}")
        page = office_window.workspace.item_page  # type: ignore[union-attr]
        short = [label for label in page.findChildren(QLabel)
                 if label.isVisible() and not label.wordWrap() and label.text()
                 and label.width() < label.minimumSizeHint().width()]
        assert [label.text() for label in short] == []
