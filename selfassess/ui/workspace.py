"""The view of one open department: the navigation tree and search on the left, the current
page (item, bonus, veto, lists, summary) on the right, previous/next below. Used by the main
window for a department file and by the secretary's workspace to review a department."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from selfassess.i18n import _
from selfassess.ui.appearance import evidence_icon, state_icon
from selfassess.ui.models import (
    NODE_ROLE,
    PAGES,
    SEARCH_ROLE,
    STATE_NAMES,
    ChecklistTreeModel,
)
from selfassess.ui.pages.item_page import ItemPage
from selfassess.ui.session import Session
from selfassess.ui.widgets import RETURN_STYLE

if TYPE_CHECKING:
    from PySide6.QtCore import QSortFilterProxyModel

    from selfassess.store.returns import ReturnRecord
    from selfassess.ui.pages.bonus_veto import BonusPage, VetoPage
    from selfassess.ui.pages.lists_page import ListPage
    from selfassess.ui.pages.summary_page import SummaryPage

BANNER_STYLE = "background: #fff4ce; border: 1px solid #e0c060; padding: 6px;"


def return_banner(notes: ReturnRecord, whole: bool, review: bool = False) -> str:
    """What a department reads at the top of a file returned for correction (``review``: what
    the secretary reads while the correction has not come back)."""
    returned = _("; ").join(f"{entry.code} {entry.reason}" for entry in notes.entries)
    text = _("Returned for correction on {date}{by}: {note}").format(
        date=notes.returned_at[:10], note=notes.note or "—",
        by=_(" by {name}").format(name=notes.returned_by) if notes.returned_by else "")
    text += "\n" + _("To correct: {entries}").format(entries=returned)
    if review:
        text += "\n" + _("The corrected file has not been merged yet; these entries are "
                         "marked in the list.")
    elif whole:
        text += "\n" + _("The whole file was reopened: everything can be changed. Seal it on "
                         "the Summary page and send it again.")
    else:
        text += "\n" + _("Only these entries, the shortcomings and the measures can be changed. "
                         "Seal it on the Summary page and send it again; to change anything "
                         "else, open every item for correction there.")
    return text


class Workspace(QWidget):
    """Everything shown while a file is open (rebuilt for each file)."""

    navigated = Signal(str)  # the node now shown (the window remembers it at once)
    # the summary page's buttons (the page is built when first shown)
    seal_requested = Signal()
    copy_requested = Signal()
    reopen_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("workspace")
        self.tree_model = ChecklistTreeModel(session, self)
        # the filter stands between the tree and its model only while something is searched
        # for (made at the first search): every row painted went through it, 9 ms of opening
        self.proxy: QSortFilterProxyModel | None = None
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(_("Find an item by code or words (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeView()
        self.tree.setObjectName("tree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderHidden(True)
        self.tree.expandAll()
        self._set_columns()
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setMaximum(len(session.checklist.items))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self._legend())
        # the last entry of a long tree is often below its fold: the way to it stays in view
        self.summary_button = QPushButton(_("Review summary ▸") if session.review_mode
                                          else _("Summary and sealing ▸"))
        self.summary_button.setObjectName("summary_button")
        left_layout.addWidget(self.summary_button)
        left_layout.addWidget(self.progress)

        self.banner = QLabel()
        self.banner.setObjectName("sealed_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.item_page = ItemPage(session)
        self.pages = QStackedWidget()
        # the pages built so far: a file opens on an item. The others are built when first
        # shown (the bonus and veto pages hold a review panel for each of their entries:
        # 30 ms; the lists and the summary 10 ms more of opening a file)
        self.page_of: dict[str, QWidget] = {"item": self.item_page}
        self._unbuilt: dict[str, Callable[[], QWidget]] = {
            "page:bonus": self._bonus_page, "page:veto": self._veto_page,
            "page:shortcomings": self._shortcomings_page,
            "page:measures": self._measures_page, "page:summary": self._summary_page}
        for page in self.page_of.values():
            self.pages.addWidget(page)
        self.previous_button = QPushButton(_("◀ Previous"))
        self.previous_button.setObjectName("previous")
        self.next_button = QPushButton(_("Next ▶"))
        self.next_button.setObjectName("next")
        self.position_label = QLabel()
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.position_label)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.pages, 1)
        right_layout.addLayout(nav)

        self.splitter = splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        width = self.fontMetrics().horizontalAdvance("x")
        splitter.setSizes([width * 48, width * 120])
        self._tree_fitted = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self.order = [f"item:{item.code}" for item in session.checklist.items] + [
            page for page, _label in PAGES]
        self.current = ""
        self._connect_signals()
        self.refresh_state()

    def page(self, node: str) -> QWidget:
        """The page showing ``node`` (``item`` for every item), built at the first ask."""
        if node not in self.page_of:
            page = self._unbuilt.pop(node)()
            self.page_of[node] = page
            self.pages.addWidget(page)
            page.refresh_state()  # type: ignore[attr-defined]
        return self.page_of[node]

    # the pages' code is loaded with them, not before the first frame of a file

    def _bonus_page(self) -> BonusPage:
        from selfassess.ui.pages.bonus_veto import BonusPage

        return BonusPage(self.session)

    def _veto_page(self) -> VetoPage:
        from selfassess.ui.pages.bonus_veto import VetoPage

        return VetoPage(self.session)

    def _shortcomings_page(self) -> ListPage:
        from selfassess.ui.pages.lists_page import shortcomings_page

        return shortcomings_page(self.session)

    def _measures_page(self) -> ListPage:
        from selfassess.ui.pages.lists_page import measures_page

        return measures_page(self.session)

    def _summary_page(self) -> SummaryPage:
        from selfassess.ui.pages.summary_page import SummaryPage

        page = SummaryPage(self.session)
        page.go_to.connect(self.go_to)
        page.seal_requested.connect(self.seal_requested)
        page.copy_requested.connect(self.copy_requested)
        page.reopen_requested.connect(self.reopen_requested)
        return page

    @property
    def summary_page(self) -> SummaryPage:
        return cast("SummaryPage", self.page("page:summary"))

    @property
    def shortcomings_page(self) -> ListPage:
        return cast("ListPage", self.page("page:shortcomings"))

    @property
    def measures_page(self) -> ListPage:
        return cast("ListPage", self.page("page:measures"))

    @property
    def bonus_page(self) -> BonusPage:
        return cast("BonusPage", self.page("page:bonus"))

    @property
    def veto_page(self) -> VetoPage:
        return cast("VetoPage", self.page("page:veto"))

    def _legend(self) -> QWidget:
        """What the tree's marks mean, two to a row under it (narrow at 150 %)."""
        legend = QWidget()
        legend.setObjectName("tree_legend")
        grid = QGridLayout(legend)
        grid.setContentsMargins(2, 0, 2, 0)
        grid.setHorizontalSpacing(4)
        marks = [(state_icon(state), _(STATE_NAMES[state]))
                 for state in ("answered", "attention", "not_started", "not_applicable")]
        marks.append((evidence_icon(), _("evidence attached")))
        for number, (icon, text) in enumerate(marks):
            row, column = divmod(number, 2)
            mark = QLabel()
            mark.setPixmap(icon.pixmap(14, 14))
            grid.addWidget(mark, row, column * 2)
            grid.addWidget(QLabel(text), row, column * 2 + 1)
        grid.setColumnStretch(3, 1)
        return legend

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._tree_fitted:  # once: afterwards the person's own splitter position holds
            self._tree_fitted = True
            self.fit_tree()

    def fit_tree(self) -> None:
        """Give the tree the width its longest title needs at this font size (150 % type
        made titles end in "…"), but never more than 45 % of the window."""
        tree = self.tree
        needed = (tree.sizeHintForColumn(0) + tree.sizeHintForColumn(1)
                  + tree.verticalScrollBar().sizeHint().width() + 2 * tree.frameWidth() + 8)
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        left = min(max(needed, self.splitter.sizes()[0]), int(total * 0.45))
        self.splitter.setSizes([left, total - left])

    def _connect_signals(self) -> None:
        # navigation
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.summary_button.clicked.connect(lambda: self.go_to("page:summary"))
        self.search.textChanged.connect(self._on_search_changed)
        # model updates
        self.session.changed.connect(self._on_session_changed)
        self.session.restored.connect(self._on_restored)

    # --- navigation ----------------------------------------------------------------------------

    def go_to(self, node: str) -> None:
        """Show a node: ``item:1.1``, ``section:2`` (its first item) or a page."""
        if node.startswith("section:"):
            section = self.session.checklist.section_by_code.get(node.split(":", 1)[1])
            node = f"item:{section.items[0].code}" if section else ""
        if node not in self.order:
            node = self.order[0]
        self.flush()
        self.current = node
        if node.startswith("item:"):
            self.item_page.show_item(node.split(":", 1)[1])
            self.pages.setCurrentWidget(self.item_page)
        else:
            page = self.page(node)
            page.load()  # type: ignore[attr-defined]
            self.pages.setCurrentWidget(page)
        position = self.order.index(node)
        self.previous_button.setEnabled(position > 0)
        self.next_button.setEnabled(position < len(self.order) - 1)
        self.position_label.setText(f"{position + 1} / {len(self.order)}")
        index = self._shown_index(node)
        if index.isValid() and self.tree.currentIndex() != index:
            # the tree follows (its handler finds the node already current); not with its
            # signals blocked and its viewport updated by hand: the first viewport() made
            # PySide look through forty widget classes for the type to return, 8 ms of
            # opening a file
            self.tree.setCurrentIndex(index)
        if index.isValid():
            self.tree.scrollTo(index)
        self._focus_page()
        self.navigated.emit(node)

    def _focus_page(self) -> None:
        """After moving to another item or page, typing goes on in its first field (Alt+→
        left nothing focused); not while the person is in the tree or the search box."""
        focused = QApplication.focusWidget()
        if focused is not None and (focused is self.search or focused is self.tree
                                    or self.tree.isAncestorOf(focused)):
            return
        page = self.pages.currentWidget()
        if page is self.item_page:
            self.item_page.first_field().setFocus(Qt.FocusReason.TabFocusReason)
            return
        fields = [widget for widget in page.findChildren(QWidget)
                  if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled()
                  and widget.isVisibleTo(page)]
        if fields:
            fields[0].setFocus(Qt.FocusReason.TabFocusReason)

    def next(self) -> None:
        """The next item or page."""
        position = self.order.index(self.current) if self.current in self.order else -1
        self.go_to(self.order[min(position + 1, len(self.order) - 1)])

    def previous(self) -> None:
        """The previous item or page."""
        position = self.order.index(self.current) if self.current in self.order else 1
        self.go_to(self.order[max(position - 1, 0)])

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = current.data(NODE_ROLE)
        if node and node != self.current:
            self.go_to(str(node))

    def _set_columns(self) -> None:
        """The title takes the width, the score what it needs (again after a new model)."""
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)

    def _shown_index(self, node: str) -> QModelIndex:
        """The tree's index of a node, through the filter while one is in place."""
        index = self.tree_model.index_of(node)
        if self.proxy is not None and self.tree.model() is self.proxy:
            return self.proxy.mapFromSource(index)
        return index

    def _show_through(self, model: QAbstractItemModel) -> None:
        """The tree on ``model`` (the filter or the checklist), at the node shown."""
        if self.tree.model() is model:
            return
        # a new model brings new selection models and leaves the old ones behind (the view's
        # own, and the one its header makes before taking the view's): they go here, or
        # every search would leave two behind
        old = self.tree.selectionModel()
        self.tree.setModel(model)
        old.deleteLater()
        kept = (self.tree.selectionModel(), self.tree.header().selectionModel())
        for selection in self.tree.header().findChildren(
                QItemSelectionModel, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if selection not in kept:
                selection.deleteLater()
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self._set_columns()
        self.tree.expandAll()
        index = self._shown_index(self.current)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _on_search_changed(self, text: str) -> None:
        if not text.strip():
            self._show_through(self.tree_model)
            return
        if self.proxy is None:  # its class too waits for the first search
            from PySide6.QtCore import QSortFilterProxyModel

            self.proxy = QSortFilterProxyModel(self)
            self.proxy.setFilterRole(SEARCH_ROLE)
            self.proxy.setRecursiveFilteringEnabled(True)
            self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.proxy.setSourceModel(self.tree_model)
        self.proxy.setFilterFixedString(text.strip().lower())
        self._show_through(self.proxy)
        self.tree.expandAll()
        if first := self._first_item_match(self.proxy):
            self.go_to(first)

    @staticmethod
    def _first_item_match(found: QSortFilterProxyModel) -> str:
        for row in range(found.rowCount()):
            parent = found.index(row, 0)
            node = str(parent.data(NODE_ROLE))
            if found.rowCount(parent):
                return str(found.index(0, 0, parent).data(NODE_ROLE))
            if node.startswith("page:"):
                return node
        return ""

    # --- state ---------------------------------------------------------------------------------

    def flush(self) -> None:
        """Store pending typing on every page."""
        for page in self.page_of.values():
            page.flush()  # type: ignore[attr-defined]

    def _on_restored(self, touched: object) -> None:
        """An undo or redo stored an edit: show where it happened, read again from the file
        (the page shown stays when it is one of those places)."""
        places = touched if isinstance(touched, set) else set()
        if self.current in places:
            self.go_to(self.current)
        elif shown := next((node for node in self.order if node in places), None):
            self.go_to(shown)

    def _on_session_changed(self, _touched: object) -> None:
        self._update_progress()

    def _update_progress(self) -> None:
        items = self.session.checklist.items
        if self.session.review_mode:  # the review group's progress: items with a 考核得分
            answers = self.session.data.answers
            reviewed = sum(1 for item in items if (answer := answers.get(item.code)) is not None
                           and answer.review_score is not None)
            self.progress.setValue(reviewed)
            self.progress.setFormat(_("{done} of {total} items reviewed").format(
                done=reviewed, total=len(items)))
            return
        # answered as completeness counts it (a carried or returned item is marked for
        # attention in the tree whether it is answered or not)
        answers = self.session.data.answers
        answered = sum(1 for item in items
                       if (answer := answers.get(item.code)) is not None and answer.answered)
        self.progress.setValue(answered)
        self.progress.setFormat(_("{done} of {total} items answered").format(
            done=answered, total=len(items)))

    def refresh_state(self) -> None:
        """Follow the sealed state: banner and editors."""
        department = self.session.data.department
        seals = self.session.seals()
        if self.session.review_mode:
            state = (_("sealed, revision {revision}") if department.sealed else _("draft")).format(
                revision=department.revision)
            if self.session.review_locked:
                self.banner.setText(_("{name} ({state}) is approved (审定): its answers and "
                                      "review are shown read-only. Withdraw the approval to "
                                      "change the review.").format(name=department.name,
                                                                   state=state))
            elif (notes := self.session.notes) is not None:  # 退回, not yet corrected
                self.banner.setText(_("Reviewing {name} ({state}).").format(
                    name=department.name, state=state) + " "
                    + return_banner(notes, whole=False, review=True))
            else:
                self.banner.setText(_("Reviewing {name} ({state}). The department's answers "
                                      "are read-only; enter the review score and reason in "
                                      "each item's review box.").format(name=department.name,
                                                                       state=state))
        elif self.session.af.readonly:
            self.banner.setText(_("{reason}. Shown read-only here.").format(
                reason=self.session.busy_reason.rstrip("。.")))
        elif department.sealed and seals:
            self.banner.setText(_("This file is sealed (revision {revision}, {time}) and read-only. "
                                  "To change it, reopen it on the Summary page.").format(
                revision=department.revision, time=seals[-1].sealed_at.replace("T", " ")[:16])
                + _(" The measures' progress can still be recorded on the measures page."))
        elif (notes := self.session.notes) is not None:
            self.banner.setText(return_banner(notes, whole=self.session.correction is None))
        self.banner.setStyleSheet(RETURN_STYLE if self.session.notes is not None
                                  and (self.session.review_mode or not self.session.read_only)
                                  else BANNER_STYLE)
        self.banner.setVisible(department.sealed or self.session.read_only
                               or self.session.notes is not None)
        for page in self.page_of.values():
            page.refresh_state()  # type: ignore[attr-defined]
        if self.current and not self.current.startswith("item:"):
            self.page_of[self.current].load()  # type: ignore[attr-defined]
        self._update_progress()
