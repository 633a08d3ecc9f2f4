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
from PySide6.QtGui import QColor, QFont

from selfassess.bureau.intake import DRAFT_REFUSAL
from selfassess.bureau.merge import MergeOutcome
from selfassess.i18n import LANGUAGES, N_, _, join_list, translate_to
from selfassess.numbers import decimal_text
from selfassess.standing import STATES, DepartmentStanding, Standing
from selfassess.store.search import Hit
from selfassess.summary import grade_cell

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
ID_ROLE = Qt.ItemDataRole.UserRole + 11
PLACE_ROLE = Qt.ItemDataRole.UserRole + 12

OUTCOME_COLORS = {"added": "#2e7d32", "replaced": "#1565c0", "unchanged": "#616161",
                  "draft": "#a05a00", "conflict": "#c62828", "refused": "#c62828"}
OUTCOME_NAMES = {"added": N_("added"), "replaced": N_("replaced"), "unchanged": N_("unchanged"),
                 "draft": N_("draft"), "conflict": N_("conflict"), "refused": N_("refused")}
# the merge dialog's check box that lets drafts in (the app's counterpart of --allow-drafts)
ALLOW_DRAFTS_LABEL = N_("also merge drafts")
MISSING_COLOR = "#e65100"  # 未报: a department to chase, not a disabled row
STATE_COLORS = {"draft": "#a05a00", "conflict": "#c62828", "refused": "#c62828",
                "returned": "#ad1457", "resubmitted": "#1565c0", "approved": "#2e7d32"}


@functools.cache
def _draft_refusals() -> frozenset[str]:
    """The draft refusal in every language the merge log may have stored it in."""
    return frozenset(translate_to(language, DRAFT_REFUSAL) for language in LANGUAGES)


def is_draft_refusal(outcome: str, reason: str) -> bool:
    """True for a file refused because it is an unsealed draft. The merge log keeps no kind of
    refusal, only its words in the language of the merge: the outcome and the exact message of
    any language tell it (the command-line flag, in no language translated, covers an older
    wording)."""
    return outcome == "refused" and (reason in _draft_refusals() or "--allow-drafts" in reason)


def shown_reason(outcome: str, reason: str) -> str:
    """A stored merge reason as the app words it: the draft refusal points to the check box
    of the app, not to the command line's option; every other reason as stored."""
    if is_draft_refusal(outcome, reason):
        return _("not sealed (a draft); seal it first, or tick “{option}” and import it "
                 "again").format(option=_(ALLOW_DRAFTS_LABEL))
    return reason


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
    _attempts: dict[str, Any] = {}  # noqa: RUF012  (replaced, never mutated)
    _since: dict[str, str] = {}  # noqa: RUF012  (replaced, never mutated)

    def set_standing(self, standing: Standing) -> None:
        """Rows from the bureau's read model: merged departments by rank (vetoed last), then
        the roster's names with no file (a plain string row)."""
        rows: list[DepartmentStanding | str] = [*standing.departments, *standing.missing]
        # a department whose file was refused did send one: its state says so, with why
        self._attempts = {line.name: line for line in standing.roster if line.outcome}
        self._since = {line.name: line.since for line in standing.roster if line.since}
        self._name_order = pinyin_positions([row if isinstance(row, str) else row.name
                                             for row in rows])
        self.set_rows(rows)

    def _state_color(self, row: DepartmentStanding | str) -> QColor | None:
        """未报 orange, refused or in conflict red, a draft brown; sealed in the text colour."""
        if isinstance(row, str):
            attempt = self._attempts.get(row)
            outcome = attempt.outcome if attempt is not None else None
            return QColor(STATE_COLORS.get(outcome or "", MISSING_COLOR))
        color = STATE_COLORS.get(row.state)
        return None if color is None else QColor(color)

    def cell(self, row: DepartmentStanding | str, column: int, role: int) -> Any:
        missing = isinstance(row, str)
        if role == ID_ROLE:
            return None if isinstance(row, str) else row.id
        if role == Qt.ItemDataRole.ForegroundRole:  # the state speaks; the row stays legible
            return self._state_color(row) if column == 2 else None
        if role == Qt.ItemDataRole.FontRole and column == 2 and missing:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3, 4, 5, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            return None
        if isinstance(row, str):
            name = row
            attempt = self._attempts.get(name)
            if attempt is not None and attempt.outcome:
                values: list[Any] = [None, name, _(OUTCOME_NAMES[attempt.outcome]), None, None,
                                     None, None, None, shown_reason(attempt.outcome,
                                                                    attempt.reason)]
            else:
                since = self._since.get(name, "")
                values = [None, name, _("not received"), None, None, None, None, None,
                          _("no file yet, waited for since {date}").format(date=since[:10])
                          if since else _("no file yet")]
        else:
            name, review, final = row.name, row.review, row.final
            notes = []
            if review.to_redo:
                notes.append(_("{count} review(s) to redo").format(count=review.to_redo))
            if row.problems:
                notes.append(_("{count} thing(s) incomplete").format(count=len(row.problems)))
            if final.veto:
                notes.append(_("veto {codes}").format(codes=_(", ").join(final.vetoed_by)))
            if row.renamed_from:
                notes.append(_("renamed from {name}").format(name=row.renamed_from))
            if row.state == "returned" and row.last_return is not None:
                notes.insert(0, _("returned on {date}: {entries}").format(
                    date=row.last_return.returned_at[:10],
                    entries=join_list(e.code for e in row.last_return.entries)))
            if row.approval is not None:
                notes.insert(0, _("approved on {date}").format(
                    date=row.approval.approved_at[:10]))
            state = _(STATES[row.state])
            values = [row.rank or "—", name, state, row.data.department.revision,
                      decimal_text(row.own.total), decimal_text(final.total), grade_cell(row),
                      f"{review.reviewed}/{review.items}", _("; ").join(notes)]
        value = values[column]
        if role == SORT_ROLE:
            if column == 1:  # sorting by name is in pinyin order
                return self._name_order.get(name, 0)
            if isinstance(row, str):  # missing departments sort after the merged ones
                return 10**9 if column in (0, 3, 4, 5, 7) else value if value is not None else ""
            if column == 0:  # vetoed (no rank) sorts after the ranked
                return row.rank if row.rank is not None else 10**8
            if column == 4:  # totals sort as numbers, exactly
                return float(row.own.total)
            if column == 5:
                return float(final.total)
            if column == 7:
                return review.reviewed
            return value if value is not None else ""
        return "" if value is None else str(value)


class MergeResultModel(_Table):
    """One row per file of a merge run: outcome, file, reason."""

    headers = (N_("Outcome"), N_("File"), N_("Details"))

    def cell(self, row: MergeOutcome | dict[str, Any], column: int, role: int) -> Any:
        outcome, file, reason = ((row.outcome, row.file.name, row.reason)
                                 if isinstance(row, MergeOutcome)
                                 else (row["outcome"], row["file"], row["reason"]))
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QColor(OUTCOME_COLORS.get(outcome, "#000000"))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (_(OUTCOME_NAMES.get(outcome, outcome)), file,
                    shown_reason(outcome, reason))[column]
        return None


class MergeLogModel(_Table):
    """Every merge run in the bureau file, newest first."""

    # "details": why a file was refused, or which department and revision it brought
    headers = (N_("Run"), N_("Time"), N_("Outcome"), N_("File"), N_("Details"))

    def cell(self, row: tuple[Any, ...], column: int, role: int) -> Any:
        run, at, outcome, file, reason = row
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return QColor(OUTCOME_COLORS.get(outcome, "#000000"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (str(run), str(at).replace("T", " ")[:19],
                    _(OUTCOME_NAMES.get(outcome, outcome)), file,
                    shown_reason(outcome, reason))[column]
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
