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
from PySide6.QtGui import QColor

from selfassess.i18n import N_, _
from selfassess.kinds import document_kind
from selfassess.numbers import decimal_text, section_label
from selfassess.store.records import EvidenceRef
from selfassess.ui.appearance import evidence_icon, state_icon
from selfassess.ui.session import Session

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # asked at every paint
# what the tree's rows answer (the view asks for fonts, colours, sizes… as well)
_TREE_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole, NODE_ROLE, SEARCH_ROLE, STATE_ROLE})

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


class ChecklistTreeModel(QAbstractItemModel):
    """Sections → items, then the further pages; two columns: name and score."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.sections = session.checklist.sections
        # node ids by position, computed once: views ask for thousands of indexes per repaint
        self._top = [f"section:{s.code}" for s in self.sections] + [page for page, _l in PAGES]
        self._children = [[f"item:{i.code}" for i in s.items] for s in self.sections]
        self._nodes = self._top + [node for children in self._children for node in children]
        self._rows = {node: row for row, node in enumerate(self._top)}
        self._rows.update({node: row for children in self._children
                           for row, node in enumerate(children)})
        self._parents = {node: section for section, children in enumerate(self._children)
                         for node in children}
        self._last_shown = {node: self._shown(node) for node in self._nodes}
        session.changed.connect(self._on_session_changed)

    # --- structure: top rows are sections then pages; internalId 0 = top, n = child of row n-1

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not 0 <= column < 2 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._top) else QModelIndex()
        section = parent.row()
        if parent.internalId() != 0 or section >= len(self._children) or row >= len(
                self._children[section]):
            return QModelIndex()
        return self.createIndex(row, column, section + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.sections) + len(PAGES)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        if parent.row() < len(self.sections):
            return len(self.sections[parent.row()].items)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Item"), _("Score"))[section] if 0 <= section < 2 else None
        return None

    # --- content -------------------------------------------------------------------------------

    def node(self, index: Index) -> str:
        """The node id of an index."""
        if not index.isValid():
            return ""
        parent = index.internalId()
        return self._children[parent - 1][index.row()] if parent else self._top[index.row()]

    def index_of(self, node: str, column: int = 0) -> QModelIndex:
        """The index showing a node id (invalid when unknown)."""
        row = self._rows.get(node)
        if row is None:
            return QModelIndex()
        section = self._parents.get(node)
        if section is None:
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _TREE_ROLES or not index.isValid():
            return None  # the view asks each row for a dozen roles: most end here
        node = self.node(index)
        kind, _sep, code = node.partition(":")
        if role == NODE_ROLE:
            return node
        if kind == "item":
            return self._item_data(code, index.column(), role)
        if kind == "section":
            return self._section_data(code, index.column(), role)
        return self._page_data(node, index.column(), role)

    def _item_data(self, code: str, column: int, role: int) -> Any:
        item = self.session.checklist.items_by_code[code]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:  # ⚠: a document of it the review group should look at
                hinted = self.session.review_mode and code in self.session.hinted_items()
                return f"{code} {item.title}" + (" ⚠" if hinted else "")
            answer = self.session.data.answers.get(code)
            if answer and answer.not_applicable and answer.review_score is None:
                return _("N/A")
            score = "—" if answer is None or answer.self_score is None else points(answer.self_score)
            if answer is not None and answer.review_score is not None:
                score += f" → {points(answer.review_score)}"  # the review group's score
            return f"{score} / {points(item.max_points)}"
        if role in (STATE_ROLE, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole):
            state = item_state(self.session, code)
            if role == STATE_ROLE:
                return state
            documents = len(self.session.data.evidence_for("item", code))
            if role == Qt.ItemDataRole.ToolTipRole:  # the full title, elided in a narrow tree
                tip = f"{code} {item.title} — {_(STATE_NAMES[state])}"
                if documents:
                    tip += "; " + _("{count} evidence document(s)").format(count=documents)
                if self.session.review_mode and code in self.session.hinted_items():
                    tip += "; " + _("evidence to look at (佐证材料提示)")
                return tip
            if column == 0:
                return state_icon(state)
            return evidence_icon() if documents else None  # the review group sees which
        if role == SEARCH_ROLE:
            return " ".join((code, item.title, item.content, item.criteria)).lower()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _section_data(self, code: str, column: int, role: int) -> Any:
        section = self.session.checklist.section_by_code[code]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return section_label(code, section.title)
            answers = self.session.data.answers
            if not any((answer := answers.get(item.code)) is not None and (
                    answer.self_score is not None or answer.not_applicable
                    or answer.review_score is not None) for item in section.items):
                return f"— / {points(section.max_points)}"  # as its items: not 0 points
            result = self.session.result().sections[code]
            return f"{points(result.score)} / {points(section.max_points)}"
        if role == SEARCH_ROLE:
            return ""  # sections show when one of their items matches
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _page_data(self, node: str, column: int, role: int) -> Any:
        label = dict(PAGES)[node]
        if node == "page:summary" and self.session.review_mode:
            label = REVIEW_SUMMARY
        if role == Qt.ItemDataRole.DisplayRole:
            return _(label) if column == 0 else self._page_value(node)
        if role == SEARCH_ROLE:
            return _(label).lower()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

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

    def _shown(self, node: str) -> tuple[Any, ...]:
        """What a row shows: both texts and the state (icon, tooltip)."""
        kind, _sep, code = node.partition(":")
        display = Qt.ItemDataRole.DisplayRole
        if kind == "item":
            return (self._item_data(code, 1, display), item_state(self.session, code),
                    len(self.session.data.evidence_for("item", code)))
        if kind == "section":
            return (self._section_data(code, 1, display),)
        return (self._page_value(node),)

    def _on_session_changed(self, _touched: set[str] | None) -> None:
        # only rows whose text or state moved are announced: every dataChanged makes the view
        # and the filter ask for every role of the row again (thousands of calls per save)
        shown = {node: self._shown(node) for node in self._nodes}
        last = self.columnCount() - 1
        for node, now in shown.items():
            if self._last_shown.get(node) != now:
                index = self.index_of(node)
                self.dataChanged.emit(index, index.siblingAtColumn(last))
        self._last_shown = shown

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
