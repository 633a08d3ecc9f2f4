"""Table models of the secretary's workspace: departments, merge results and log, search hits."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from selfassess.bureau.merge import MergeOutcome
from selfassess.i18n import N_, _
from selfassess.store.search import Hit

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
ID_ROLE = Qt.ItemDataRole.UserRole + 11
PLACE_ROLE = Qt.ItemDataRole.UserRole + 12

OUTCOME_COLORS = {"added": "#2e7d32", "replaced": "#1565c0", "unchanged": "#616161",
                  "draft": "#a05a00", "conflict": "#c62828", "refused": "#c62828"}
OUTCOME_NAMES = {"added": N_("added"), "replaced": N_("replaced"), "unchanged": N_("unchanged"),
                 "draft": N_("draft"), "conflict": N_("conflict"), "refused": N_("refused")}


def pinyin_positions(names: list[str]) -> dict[str, int]:
    """Each name's place in Chinese (pinyin) order: 办公室, 财务处, 党建办 … (code points would
    put 丙 before 乙 and 办 after 党)."""
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ordered = sorted(set(names), key=functools.cmp_to_key(collator.compare))
    return {name: position for position, name in enumerate(ordered)}


class _Table(QAbstractTableModel):
    """A read-only table of rows with fixed headers; ``cell`` gives each value."""

    headers: Sequence[str] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return _(self.headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(self.rows[index.row()], index.column(), role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        """One value of one row for one role."""
        raise NotImplementedError


class DepartmentTableModel(_Table):
    """Every merged department, then the roster's departments with no file (未报)."""

    headers = (N_("Rank"), N_("Department"), N_("State"), N_("Revision"), N_("Self total"),
               N_("Total"), N_("Grade"), N_("Reviewed"), N_("Notes"))
    _name_order: dict[str, int] = {}  # noqa: RUF012  (replaced, never mutated)

    def set_summary(self, summary: dict[str, Any]) -> None:
        """Rows from a bureau summary (``summary.file_summary``)."""
        rows: list[dict[str, Any]] = list(summary["departments"])  # by rank, vetoed last
        rows += [{"name": name, "missing": True} for name in summary["missing"]]
        self._name_order = pinyin_positions([row["name"] for row in rows])
        self.set_rows(rows)

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        missing = row.get("missing", False)
        if role == ID_ROLE:
            return None if missing else row["id"]
        if role == Qt.ItemDataRole.ForegroundRole and missing:
            return QColor("#9e9e9e")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3, 4, 5, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            return None
        if missing:
            values: list[Any] = [None, row["name"], _("not received"), None, None, None, None,
                                 None, _("no file yet")]
        else:
            review = row["review"]
            notes = []
            if review["to_redo"]:
                notes.append(_("{count} review(s) to redo").format(count=review["to_redo"]))
            if not row["complete"]:
                notes.append(_("{count} thing(s) incomplete").format(count=len(row["missing"])))
            if row["veto"]:
                notes.append(_("veto {codes}").format(codes=", ".join(row["vetoed_by"])))
            state = _("sealed") if row["sealed"] else _("draft")
            values = [row["rank"] or "—", row["name"], state, row["revision"], row["self_total"],
                      row["total"], row["grade"], f"{review['reviewed']}/{review['items']}",
                      "; ".join(notes)]
        value = values[column]
        if role == SORT_ROLE:
            if column == 1:  # sorting by name is in pinyin order
                return self._name_order.get(row["name"], 0)
            if column == 7 and not missing:
                return row["review"]["reviewed"]
            if column == 0:  # vetoed (no rank) and missing departments sort after the ranked
                return row["rank"] if not missing and row["rank"] is not None else 10**9
            return value if value is not None else ""
        return "" if value is None else str(value)


class MergeResultModel(_Table):
    """One row per file of a merge run: outcome, file, reason."""

    headers = (N_("Outcome"), N_("File"), N_("Reason"))

    def cell(self, row: MergeOutcome | dict[str, Any], column: int, role: int) -> Any:
        outcome, file, reason = ((row.outcome, row.file.name, row.reason)
                                 if isinstance(row, MergeOutcome)
                                 else (row["outcome"], row["file"], row["reason"]))
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QColor(OUTCOME_COLORS.get(outcome, "#000000"))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (_(OUTCOME_NAMES.get(outcome, outcome)), file, reason)[column]
        return None


class MergeLogModel(_Table):
    """Every merge run in the bureau file, newest first."""

    headers = (N_("Run"), N_("Time"), N_("Outcome"), N_("File"), N_("Reason"))

    def cell(self, row: tuple[Any, ...], column: int, role: int) -> Any:
        run, at, outcome, file, reason = row
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return QColor(OUTCOME_COLORS.get(outcome, "#000000"))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (str(run), str(at).replace("T", " ")[:19],
                    _(OUTCOME_NAMES.get(outcome, outcome)), file, reason)[column]
        return None


class SearchResultModel(_Table):
    """Search hits: department, place, snippet; double-click opens the place."""

    headers = (N_("Department"), N_("Where"), N_("Text"))

    def cell(self, row: Hit, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return row.department_id
        if role == PLACE_ROLE:
            return row.place
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (row.department, row.label, row.snippet)[column]
        return None
