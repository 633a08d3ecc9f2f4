"""年度对比 on the bureau's statistics tab (issue 16): the table the report prints, and an
earlier year taken in from the app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_history import years  # noqa: F401  (the fixture: three years of one bureau)

from selfassess.bureau.history import add_history
from selfassess.store import AssessmentFile
from selfassess.summary import file_summary
from selfassess.ui.main_window import MainWindow


def table(window: MainWindow) -> list[list[str]]:
    assert window.bureau is not None
    widget = window.bureau.years.table
    header = [widget.horizontalHeaderItem(c).text() for c in range(widget.columnCount())]
    return [header, *([widget.item(r, c).text() for c in range(widget.columnCount())]
                      for r in range(widget.rowCount()))]


def test_the_statistics_tab_compares_years_and_takes_one_in(
        qtbot: QtBot, window: MainWindow, years: dict[str, Path],  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    current = years["2026"]
    add_history(current, years["2024"])
    assert window.open_file(current)
    bureau = window.bureau
    assert bureau is not None
    assert not bureau.years.table.isHidden()
    assert table(window) == [
        ["Department", "2024年度", "2026年度", "Change on last year"],
        ["办公室", "99 (好)", "99 (好)", "0"],
        ["组织人事处", "100 (好)", "99 (好)", "-1"],
        ["Average", "99.5", "99", "-0.5"]]
    assert "1.2" in bureau.years.notes.text()  # lost in 2024 and 2026

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    department_file = years["2025"].parent / "2025_办公室.selfassess"
    bureau.years.add(department_file)  # not a bureau file: refused, nothing kept
    assert len(warnings) == 1 and "department file" in warnings[0]
    with qtbot.waitSignal(bureau.status, timeout=10000) as shown:
        bureau.years.add(years["2025"])
    assert "2025" in str(shown.args[0])
    assert table(window)[0] == ["Department", "2024年度", "2025年度", "2026年度",
                                "Change on last year"]
    assert table(window)[1] == ["办公室", "99 (好)", "97 (好)", "99 (好)", "+2"]
    assert "2025年度: 4 measures, 1 done or closed, completion rate 25%." in \
        bureau.years.notes.text()
    with AssessmentFile.open(current, readonly=True) as af:
        stored: Any = file_summary(af)["history"]
    assert [year["period"] for year in stored] == ["2024", "2025"]


def test_no_earlier_year_says_how_to_start(window: MainWindow,
                                           years: dict[str, Path]) -> None:  # noqa: F811
    assert window.open_file(years["2026"])
    assert window.bureau is not None
    assert window.bureau.years.table.isHidden()
    assert "last year's bureau file" in window.bureau.years.notes.text()
