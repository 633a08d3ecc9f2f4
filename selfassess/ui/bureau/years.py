"""年度对比 on the statistics tab: each department's totals over the years the bureau keeps, the
items it lost points on in every one of them, and how far each earlier year's measures got
(the same figures as the report's part 8, from ``comparison``); and 添加以往年度… to take an
earlier year's bureau file in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfassess import FILE_SUFFIX
from selfassess.comparison import (
    measures_text,
    scores_text,
    totals_table,
    year_on_year,
)
from selfassess.errors import SelfassessError
from selfassess.i18n import _
from selfassess.standing import Standing
from selfassess.store import default_actor
from selfassess.ui.asking import file_to_open, warn
from selfassess.ui.widgets import heading


class YearsPanel(QWidget):
    """The comparison, or a line saying how to start one."""

    added = Signal(str)  # an earlier year was taken in: the line to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bureau_years")
        self.bureau_path: Path | None = None
        self.add_button = QPushButton(_("Add an earlier year…"))
        self.add_button.setObjectName("bureau_history_add")
        self.add_button.clicked.connect(self.choose)
        self.table = QTableWidget()
        self.table.setObjectName("bureau_years_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.notes = QLabel()
        self.notes.setObjectName("bureau_years_notes")
        self.notes.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(heading(_("Year on year (年度对比)"), 1.1))
        top.addStretch(1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.notes)

    def show_standing(self, standing: Standing, bureau_path: Path) -> None:
        """Fill the table from the read model (hidden while no earlier year is kept)."""
        self.bureau_path = bureau_path
        comparison = year_on_year(standing.checklist, standing.info.period,
                                  standing.departments, standing.history,
                                  standing.statistics.mean)
        self.table.setVisible(comparison is not None)
        if comparison is None:
            self.notes.setText(_("No earlier year is kept yet. Add last year's bureau file to "
                                 "compare each department's totals with it."))
            return
        header, rows = totals_table(comparison)
        self.table.clear()
        self.table.setColumnCount(len(header))
        self.table.setHorizontalHeaderLabels(header)
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            for column, text in enumerate(row):
                item = QTableWidgetItem(text)
                if column:  # scores right-aligned, as in every score sheet
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(number, column, item)
        # every row in view: the tab scrolls, not the table
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(n) for n in range(len(rows)))
        self.table.setFixedHeight(height)
        lines = [_("Items that lost points in every year: {items}").format(items="；".join(
            f"{entry.department} {entry.code} {entry.title}（{scores_text(entry)}）"
            for entry in comparison.lost)) if comparison.lost
            else _("No department lost points on the same item in every year.")]
        lines += [measures_text(year) for year in comparison.measures]
        self.notes.setText("\n".join(lines))

    def choose(self) -> None:
        """Pick an earlier year's bureau file and take it in."""
        if self.bureau_path is None:
            return
        name = file_to_open(self, _("Add an earlier year"), str(self.bureau_path.parent),
                            _("Self-assessment files (*{suffix})").format(suffix=FILE_SUFFIX))
        if name:
            self.add(Path(name))

    def add(self, earlier: Path) -> None:
        from selfassess.bureau.history import add_history

        assert self.bureau_path is not None
        try:
            line = add_history(self.bureau_path, earlier, by=default_actor())
        except SelfassessError as error:
            warn(self, _("Add an earlier year"), "\n".join(error.problems[:10]))
            return
        self.added.emit(line)
