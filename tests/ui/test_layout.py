"""At an office PC (1366×768, 100 % and 150 % type, Chinese and English) nothing in the tree
or on an item's page is cut: every tree title is shown whole, every one-line label has its
width, and the way to 汇总与封存 is in view."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from test_evidence_review import flagged  # noqa: F401  (the fixture)

from conftest import Office
from selfassess.ui.app import apply_settings
from selfassess.ui.main_window import MainWindow
from selfassess.ui.settings import Settings


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


@contextmanager
def window_at(qtbot: QtBot, settings: Settings, language: str, scale: int
              ) -> Iterator[MainWindow]:
    """A main window at 1366×768 in a language and type size (put back to English, 100 %)."""
    settings.font_scale = scale
    apply_settings(settings, language)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    try:
        yield window
    finally:
        window.close()
        settings.font_scale = 100
        apply_settings(settings, "en")


@pytest.mark.parametrize("language,scale", [("zh_CN", 100), ("zh_CN", 150), ("en", 100),
                                            ("en", 150)])
def test_the_review_page_keeps_the_item_readable(qtbot: QtBot, settings: Settings,
                                                 flagged: Path, language: str,  # noqa: F811
                                                 scale: int) -> None:
    """Reviewing at 1366×768: the item's text is never squeezed under a sideways scroll bar;
    at 150 % type the review box moves above the item instead of beside it."""
    with window_at(qtbot, settings, language, scale) as window:
        assert window.open_file(flagged) and window.bureau is not None
        office = next(d for d in window.bureau.standing.departments if d.name == "办公室")
        window.bureau.open_department(office.id, "item:1.2")
        page = window.bureau.review_workspace.item_page
        qtbot.waitUntil(lambda: page.scroll.viewport().width() > 0, timeout=30000)
        qtbot.wait(20)  # the layout settles after the page is shown
        assert not page.scroll.horizontalScrollBar().isVisible()
        body = page.scroll.widget()
        assert body.width() <= page.scroll.viewport().width()
        review, scroll = page.review.geometry(), page.scroll.geometry()
        if scale == 100:  # beside, as before
            assert review.left() >= scroll.right() and review.top() == scroll.top()
        else:
            assert review.bottom() < scroll.top() and review.width() == scroll.width()
        assert page.review.isVisible() and page.review.score.isVisible()


def test_the_bureau_overview_at_150_percent_in_english(qtbot: QtBot, settings: Settings,
                                                       tmp_path: Path, checklist: object) -> None:
    """The search field keeps its width beside the tabs, and a long note wraps instead of
    ending in "…"."""
    from files import bureau_in_every_state

    path = bureau_in_every_state(tmp_path, checklist)
    with window_at(qtbot, settings, "en", 150) as window:
        assert window.open_file(path) and window.bureau is not None
        bureau = window.bureau
        qtbot.waitUntil(lambda: bureau.search.width() > 0, timeout=30000)
        wide = bureau.search.fontMetrics().horizontalAdvance("字")
        assert bureau.search.isVisible() and bureau.search.width() >= wide * 14
        table = bureau.table
        window.resize(900, 768)  # narrower: the notes column cannot hold them on one line
        qtbot.wait(20)
        last = table.model().columnCount() - 1
        assert table.wordWrap()
        shown = table.horizontalHeader().sectionSize(last)
        long_notes = 0
        for row in range(table.model().rowCount()):
            note = str(table.model().index(row, last).data() or "")
            needed = table.fontMetrics().horizontalAdvance(note)
            if needed > shown:  # a note longer than its column takes more lines
                long_notes += 1
                assert table.rowHeight(row) >= 2 * table.fontMetrics().lineSpacing(), note
        assert long_notes


def test_tick_boxes_grow_with_the_type(qtbot: QtBot, settings: Settings) -> None:
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

    def indicator() -> int:
        box = QCheckBox("不适用")
        qtbot.addWidget(box)
        option = QStyleOptionButton()
        box.initStyleOption(option)
        return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option,
                                          box).height()

    try:
        for scale, least in ((100, 12), (150, 19)):
            settings.font_scale = scale
            apply_settings(settings, "zh_CN")
            assert indicator() >= least, scale
    finally:
        settings.font_scale = 100
        apply_settings(settings, "en")
