"""Item models over the session's data (model/view; no widget is filled by hand).

``ChecklistTreeModel`` is the navigation tree: the six sections with their items, then the
further pages. Node ids (``item:1.1``, ``section:1``, ``page:bonus`` …) name a place in the
app; the navigation, the summary's links and the remembered position all use them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from selfassess.i18n import N_, _
from selfassess.kinds import document_kind
from selfassess.numbers import decimal_text, section_label
from selfassess.store.records import EvidenceRef
from selfassess.ui.appearance import evidence_icon, state_icon
from selfassess.ui.session import Session

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

PAGES = (
    ("page:bonus", N_("Bonus claims (加分项)")),
    ("page:veto", N_("Veto declarations (一票否决)")),
    ("page:shortcomings", N_("Shortcomings (存在的不足)")),
    ("page:measures", N_("Rectification measures (整改措施)")),
    ("page:summary", N_("Summary and sealing")),
)
REVIEW_SUMMARY = N_("Review summary")  # the summary page's name for the review group
STATE_NAMES = {
    "not_started": N_("not started"),
    "answered": N_("answered"),
    "not_applicable": N_("not applicable"),
    "attention": N_("needs attention"),
}

Index = QModelIndex | QPersistentModelIndex


def item_state(session: Session, code: str) -> str:
    """not_started | answered | not_applicable | attention."""
    answer = session.data.answers.get(code)
    if code in session.flagged_items() or (session.review_mode and answer is not None and answer.review_flag):
        return "attention"
    if session.return_reason("item", code) is not None:  # returned for correction (退回)
        return "attention"
    if session.change("item", code) is not None:  # in review: changed since the last revision
        return "attention"
    if answer is None or not answer.answered:
        return "not_started"
    return "not_applicable" if answer.not_applicable else "answered"


def points(value: Any) -> str:
    """A Decimal as people write it (4, 3.5)."""
    return decimal_text(value)


class ChecklistTreeModel(QStandardItemModel):
    """Sections → items, then the further pages; two columns: name and score.

    The rows are Qt's own items, filled from the session and refilled where it changed: the
    view reads them without calling Python. (A Python model was asked for a dozen roles of
    every row at every paint, 1,800 calls before a file was first shown.)"""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.sections = session.checklist.sections
        self.setHorizontalHeaderLabels([_("Item"), _("Score")])
        self._cells: dict[str, tuple[QStandardItem, QStandardItem]] = {}
        root = self.invisibleRootItem()
        for section in self.sections:
            row = self._row(f"section:{section.code}")
            for item in section.items:
                row[0].appendRow(self._row(f"item:{item.code}"))
            root.appendRow(row)
        for page, _label in PAGES:
            root.appendRow(self._row(page))
        self._last_shown: dict[str, tuple[Any, ...]] = {}
        self._fill()
        session.changed.connect(self._on_session_changed)

    def _row(self, node: str) -> list[QStandardItem]:
        cells = (QStandardItem(), QStandardItem())
        for cell in cells:
            cell.setFlags(_ROW_FLAGS)
            cell.setData(node, NODE_ROLE)
        cells[1].setData(_RIGHT, Qt.ItemDataRole.TextAlignmentRole)
        self._cells[node] = cells
        return list(cells)

    # --- structure -----------------------------------------------------------------------------

    def node(self, index: Index) -> str:
        """The node id of an index."""
        return str(index.data(NODE_ROLE) or "") if index.isValid() else ""

    def index_of(self, node: str, column: int = 0) -> QModelIndex:
        """The index showing a node id (invalid when unknown)."""
        cells = self._cells.get(node)
        return cells[column].index() if cells is not None and 0 <= column < 2 else QModelIndex()

    # --- content -------------------------------------------------------------------------------

    def _shown(self, node: str) -> tuple[Any, ...]:
        """What a row shows: its texts, and for an item its state, documents and ⚠."""
        kind, _sep, code = node.partition(":")
        if kind == "item":
            item = self.session.checklist.items_by_code[code]
            hinted = self.session.review_mode and code in self.session.hinted_items()
            return (f"{code} {item.title}" + (" ⚠" if hinted else ""), self._item_score(code),
                    item_state(self.session, code),
                    len(self.session.data.evidence_for("item", code)), hinted)
        if kind == "section":
            section = self.session.checklist.section_by_code[code]
            return (section_label(code, section.title), self._section_score(code))
        label = dict(PAGES)[node]
        if node == "page:summary" and self.session.review_mode:
            label = REVIEW_SUMMARY
        return (_(label), self._page_value(node))

    def _item_score(self, code: str) -> str:
        answer = self.session.data.answers.get(code)
        if answer and answer.not_applicable and answer.review_score is None:
            return _("N/A")
        score = "—" if answer is None or answer.self_score is None else points(answer.self_score)
        if answer is not None and answer.review_score is not None:
            score += f" → {points(answer.review_score)}"  # the review group's score
        maximum = self.session.checklist.items_by_code[code].max_points
        return f"{score} / {points(maximum)}"

    def _section_score(self, code: str) -> str:
        section = self.session.checklist.section_by_code[code]
        answers = self.session.data.answers
        if not any((answer := answers.get(item.code)) is not None and (
                answer.self_score is not None or answer.not_applicable
                or answer.review_score is not None) for item in section.items):
            return f"— / {points(section.max_points)}"  # as its items: not 0 points
        result = self.session.result().sections[code]
        return f"{points(result.score)} / {points(section.max_points)}"

    def _page_value(self, node: str) -> str:
        data = self.session.data
        if node == "page:bonus":
            return f"+{points(self.session.result().bonus)}"
        if node == "page:veto":
            declared = sum(1 for v in data.veto.values() if v.triggered is not None)
            return f"{declared}/{len(self.session.checklist.veto_items)}"
        if node == "page:shortcomings":
            return str(len(data.shortcomings))
        if node == "page:measures":
            return str(len(data.measures))
        return points(self.session.result().total)

    def _show(self, node: str, shown: tuple[Any, ...]) -> None:
        """Put a row's texts, icons, tooltip and search text into its cells."""
        name, score = self._cells[node]
        name.setText(shown[0])
        score.setText(shown[1])
        kind, _sep, code = node.partition(":")
        if kind == "item":
            _title, _score, state, documents, hinted = shown
            item = self.session.checklist.items_by_code[code]
            tip = f"{code} {item.title} — {_(STATE_NAMES[state])}"  # the full title, elided
            if documents:
                tip += "; " + _("{count} evidence document(s)").format(count=documents)
            if hinted:
                tip += "; " + _("evidence to look at (佐证材料提示)")
            search = " ".join((code, item.title, item.content, item.criteria)).lower()
            name.setData(state_icon(state), Qt.ItemDataRole.DecorationRole)
            score.setData(evidence_icon() if documents else None,  # the review group sees which
                          Qt.ItemDataRole.DecorationRole)
            for cell in (name, score):
                cell.setData(state, STATE_ROLE)
                cell.setData(tip, Qt.ItemDataRole.ToolTipRole)
        else:  # sections show when one of their items matches
            search = "" if kind == "section" else shown[0].lower()
        for cell in (name, score):
            cell.setData(search, SEARCH_ROLE)

    def _fill(self) -> None:
        """Refill the rows whose texts or state moved: each change is announced to the view
        (and the search filter), which then asks for the row again."""
        for node in self._cells:
            shown = self._shown(node)
            if self._last_shown.get(node) != shown:
                self._show(node, shown)
                self._last_shown[node] = shown

    def _on_session_changed(self, _touched: set[str] | None) -> None:
        self._fill()


def human_size(size: int) -> str:
    """1.2 MB, 830 KB, 12 B."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return _("{count} B").format(count=f"{value:.0f}") if unit == "B" else \
                f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


class EvidenceModel(QAbstractItemModel):
    """The evidence attached to one item or bonus claim: name, size, type."""

    def __init__(self, session: Session, kind: str = "item", code: str = "",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.code = code
        self.rows: list[EvidenceRef] = self._read()
        session.changed.connect(self._on_session_changed)

    def _read(self) -> list[EvidenceRef]:
        return self.session.data.evidence_for(self.kind, self.code) if self.code else []

    def set_target(self, kind: str, code: str) -> None:
        """Show another item's (or bonus claim's) evidence."""
        self.beginResetModel()
        self.kind, self.code = kind, code
        self.rows = self._read()
        self.endResetModel()

    def _on_session_changed(self, touched: set[str] | None) -> None:
        rows = self._read()
        if rows != self.rows:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if parent.isValid() or not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("File"), _("Size"), _("Type"))[section] if 0 <= section < 3 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ref = self.rows[index.row()]
        flags = self.session.evidence_flags().get(ref.id, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return ((f"⚠ {ref.file_name}" if flags else ref.file_name), human_size(ref.size),
                    document_kind(ref.media_type, ref.file_name))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([_("added {time}, SHA-256 {sha}").format(
                time=ref.added_at, sha=ref.sha256[:16]), *(flag.text for flag in flags)])
        if role == Qt.ItemDataRole.BackgroundRole and flags:
            return QColor("#fff3e0")  # the cross-checks found something: look at it
        if role == NODE_ROLE:
            return ref.id
        return None


class SessionListModel(QAbstractListModel):
    """A list read from the session, refreshed when the session changes: an edited entry
    emits ``dataChanged`` (the selection stays), a longer or shorter list resets."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[Any] = self.read()
        session.changed.connect(self._on_session_changed)

    def read(self) -> list[Any]:
        """The rows as the session has them now."""
        raise NotImplementedError

    def _on_session_changed(self, touched: set[str] | None) -> None:
        rows = self.read()
        if rows == self.rows:
            return
        if len(rows) == len(self.rows):
            changed = [i for i, (new, old) in enumerate(zip(rows, self.rows, strict=True))
                       if new != old]
            self.rows = rows
            self.dataChanged.emit(self.index(changed[0]), self.index(changed[-1]))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)


class ProblemModel(SessionListModel):
    """What blocks sealing; each row links to the place to fix it."""

    def read(self) -> list[Any]:
        return list(self.session.problems())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return problem.message
        if role == NODE_ROLE:
            return f"item:{problem.code}" if problem.target == "item" else f"page:{problem.target}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("Double-click to go there")
        return None


class TextListModel(SessionListModel):
    """Lines produced from the session by a function (shortcomings, measures)."""

    def __init__(self, session: Session, lines: Any, parent: QObject | None = None) -> None:
        self._lines = lines
        super().__init__(session, parent)

    def read(self) -> list[Any]:
        return list(self._lines(self.session))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()]
        return None


class PathListModel(QAbstractListModel):
    """Recently opened files: the name and, below it, its folder (two files of one name in
    different folders are told apart), marked when it is no longer there."""

    def __init__(self, paths: list[Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = list(paths)

    def set_paths(self, paths: list[Any]) -> None:
        """Replace the list."""
        self.beginResetModel()
        self.paths = list(paths)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.paths)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        path = self.paths[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            where = str(path.parent)
            if not path.exists():
                where = _("{folder} (no longer there)").format(folder=where)
            return f"{path.name}\n    {where}"
        if role in (Qt.ItemDataRole.ToolTipRole, NODE_ROLE):
            return str(path)
        return None
