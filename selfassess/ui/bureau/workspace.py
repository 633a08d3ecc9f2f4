"""The secretary's workspace: an open bureau file.

Overview tabs (departments with missing ones, charts, merge log, search results), import by
dialog or drop (merges run on a worker thread with progress and cancel), roster editing,
distribution, and a department opened in the walk-through view in review mode.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from selfassess import FILE_SUFFIX
from selfassess.bureau import MergeCancelled, distribute, merge_files, roster, set_roster
from selfassess.bureau.reminder import write_reminder
from selfassess.bureau.returns import (
    approve_department,
    return_department,
    reviews_to_redo,
)
from selfassess.errors import SelfassessError
from selfassess.i18n import _, join_list
from selfassess.numbers import decimal_text, section_label
from selfassess.standing import STATES, DepartmentStanding, Standing, read_standing
from selfassess.store import AssessmentFile, default_actor, merge_log
from selfassess.store.search import NarrativeIndex
from selfassess.summary import quota_lines, statistics_text, to_remind
from selfassess.ui.asking import (
    confirm,
    file_to_save,
    files_to_open,
    folder_to_use,
    inform,
    warn,
)
from selfassess.ui.bureau.charts import BarChart, nice_maximum, nice_minimum
from selfassess.ui.bureau.dialogs import MergeResultDialog, ReturnDialog, RosterDialog
from selfassess.ui.bureau.models import (
    ALLOW_DRAFTS_LABEL,
    ID_ROLE,
    SORT_ROLE,
    DepartmentTableModel,
    MergeLogModel,
    SearchResultModel,
)
from selfassess.ui.bureau.years import YearsPanel
from selfassess.ui.session import Session
from selfassess.ui.tasks import Task
from selfassess.ui.widgets import heading
from selfassess.ui.workspace import Workspace

GRADE_COLOURS = ("#2e7d32", "#1565c0", "#ef6c00", "#c62828", "#6a1b9a")


def received_files(paths: list[Path]) -> list[Path]:
    """The .selfassess files among dropped or chosen paths (a folder counts with its files)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob(f"*{FILE_SUFFIX}") if p.is_file())
        elif path.suffix == FILE_SUFFIX:
            found.append(path)
    return found


def _table(model: Any, object_name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(object_name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # the last column (notes, reasons, the text found) takes the room left and wraps: at
    # 150 % type a note cut to "…" hid what to do
    view.horizontalHeader().setSectionResizeMode(model.columnCount() - 1,
                                                 QHeaderView.ResizeMode.Stretch)
    view.setWordWrap(True)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def roster_text(standing: Standing) -> str:
    """Where the roster stands, from the read model: how many departments are expected, merged,
    not received (未报) and refused (sent, but nothing taken; their names and reasons are in the
    departments table)."""
    lines = standing.roster
    merged = sum(1 for line in lines if line.received)
    refused = sum(1 for line in lines if not line.received and line.outcome)
    text = _("Expected {expected}, merged {merged}, not received {missing}, refused "
             "{refused}.").format(expected=len(lines), merged=merged,
                                  missing=len(lines) - merged - refused, refused=refused)
    if standing.drafts:  # the sentence brings its own space: none between Chinese sentences
        text += _(" Drafts among them: {count}.").format(count=len(standing.drafts))
    return text


class BureauWorkspace(QWidget):
    """Everything shown while a bureau file is open."""

    status = Signal(str)  # a message for the status bar
    merged = Signal(object)  # the list of MergeOutcome of a finished run

    def __init__(self, af: AssessmentFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.af = af
        self.setObjectName("bureau_workspace")
        self.standing: Standing  # the read model shown, set by refresh() below
        self.review: QWidget | None = None  # the department open for review
        self._task: Task | None = None
        self._index: NarrativeIndex | None = None
        self._query = ""  # the last search, to show its match in the place opened

        self.title = heading("", 1.3, "bureau_title")
        self.import_button = QPushButton(_("Import files…"))
        self.import_button.setObjectName("bureau_import")
        self.folder_button = QPushButton(_("Import a folder…"))
        self.roster_button = QPushButton(_("Roster…"))
        self.distribute_button = QPushButton(_("Distribute blank files…"))
        self.report_button = QPushButton(_("Report preview…"))
        self.report_button.setObjectName("bureau_report")
        self.remind_button = QPushButton(_("Reminder (催报)…"))
        self.remind_button.setObjectName("bureau_remind")
        self.allow_drafts = QCheckBox(_(ALLOW_DRAFTS_LABEL))
        self.allow_drafts.setObjectName("bureau_allow_drafts")
        self.search = QLineEdit()
        self.search.setObjectName("bureau_search")
        self.search.setPlaceholderText(_("Search every narrative…"))
        self.search.setClearButtonEnabled(True)
        bar = QHBoxLayout()
        for widget in (self.import_button, self.folder_button, self.roster_button,
                       self.distribute_button, self.report_button, self.remind_button,
                       self.allow_drafts):
            bar.addWidget(widget)
        bar.addStretch(1)

        self.departments = DepartmentTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.departments)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = _table(self.proxy, "bureau_departments")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.totals_chart = BarChart("chart_totals")
        self.sections_chart = BarChart("chart_sections")
        charts = QWidget()
        charts_layout = QVBoxLayout(charts)
        self.roster_label = QLabel()
        self.roster_label.setObjectName("bureau_roster_status")
        self.roster_label.setWordWrap(True)
        self.statistics_label = QLabel()
        self.statistics_label.setObjectName("bureau_statistics")
        self.statistics_label.setWordWrap(True)
        charts_layout.addWidget(self.roster_label)
        charts_layout.addWidget(self.statistics_label)
        # the charts share the room left, each by its rows (a chart grows up to a limit, then
        # the rest stays below them)
        self.charts_layout = charts_layout
        charts_layout.addWidget(self.totals_chart)
        charts_layout.addWidget(self.sections_chart)
        self.years = YearsPanel()
        charts_layout.addWidget(self.years)
        charts_layout.addStretch(0)
        charts_scroll = QScrollArea()
        charts_scroll.setWidgetResizable(True)
        charts_scroll.setWidget(charts)
        self.log = MergeLogModel(self)
        self.log_table = _table(self.log, "bureau_log")
        self.hits = SearchResultModel(self)
        self.hits_table = _table(self.hits, "bureau_hits")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("bureau_tabs")
        self.tabs.addTab(self.table, _("Departments"))
        self.tabs.addTab(charts_scroll, _("Statistics"))
        self.tabs.addTab(self.log_table, _("Merge log"))
        self.tabs.addTab(self.hits_table, _("Search results"))
        # beside the tabs, where its results show (in the toolbar, at 150 % type in English,
        # the buttons left it three letters wide)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("字") * 14)
        corner = QWidget()
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 2, 2)  # its frame clear of the window's edge
        corner_layout.addWidget(self.search)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.overview = QWidget()
        overview_layout = QVBoxLayout(self.overview)
        overview_layout.setContentsMargins(0, 0, 0, 0)
        overview_layout.addWidget(self.title)
        overview_layout.addLayout(bar)
        overview_layout.addWidget(self.tabs, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.overview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.stack)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        # toolbar
        self.import_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.roster_button.clicked.connect(self.edit_roster)
        self.distribute_button.clicked.connect(self.distribute)
        self.report_button.clicked.connect(self.preview)
        self.remind_button.clicked.connect(self.remind)
        self.search.returnPressed.connect(lambda: self.run_search(self.search.text()))
        # tables
        self.table.doubleClicked.connect(self._on_department_activated)
        self.years.added.connect(self._on_year_added)
        self.hits_table.doubleClicked.connect(self._on_hit_activated)

    # --- overview ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the bureau file again and show it."""
        self.standing = read_standing(self.af)  # read and scored once for the table and charts
        self._index = None
        info, roster = self.af.info, self.standing.roster
        received = sum(1 for line in roster if line.received)
        self.title.setText(_("{bureau} · period {period} · received {received} of {expected}")
                           .format(bureau=info.bureau_name, period=info.period, received=received,
                                   expected=len(roster)))
        self.departments.set_standing(self.standing)
        self.log.set_rows([(row.run, row.at, row.outcome, row.file_name, row.reason)
                           for row in merge_log.rows(self.af)])
        self._draw_charts()

    def _draw_charts(self) -> None:
        checklist = self.af.checklist
        bands = [band.name for band in checklist.grade_bands]
        entries = self.standing.departments  # by rank, vetoed last
        totals = [float(e.final.total) for e in entries]
        best = float(checklist.grade_bands[0].minimum)
        self.totals_chart.set_data(
            _("Totals by department"),
            [(e.name, total,
              GRADE_COLOURS[min(bands.index(e.final.grade), len(GRADE_COLOURS) - 1)])
             for e, total in zip(entries, totals, strict=True)],
            float(checklist.full_marks + checklist.bonus_cap),
            # from a round number below the lowest total and the 好 line: 92.5 and 101 differ
            minimum=nice_minimum(totals, best),
            reference=best,
            reference_label=_("{grade} from {points}").format(
                grade=checklist.grade_bands[0].name,
                points=decimal_text(checklist.grade_bands[0].minimum)))
        self.roster_label.setText(roster_text(self.standing))
        lines = quota_lines(self.standing.quotas, self.standing.statistics.count)
        self.statistics_label.setText("\n".join([statistics_text(self.standing.statistics),
                                                 *lines]))
        # the loss rates are computed once, as every output shows them
        losses = [(section_label(loss.code, checklist.section_by_code[loss.code].title),
                   float(loss.rate), "#c62828") for loss in self.standing.statistics.sections]
        self.sections_chart.set_data(_("Points lost by section (失分率, %)"), losses,
                                     nice_maximum([rate for _l, rate, _c in losses]), unit="%")
        for chart in (self.totals_chart, self.sections_chart):
            self.charts_layout.setStretchFactor(chart, chart.rows())
        self.years.show_standing(self.standing, self.af.path)

    def _on_year_added(self, line: str) -> None:
        self.refresh()
        self.status.emit(line)

    # --- importing -----------------------------------------------------------------------------

    def choose_files(self) -> None:
        """Pick department files to merge."""
        names = files_to_open(self, _("Import department files"), "",
                              _("Self-assessment files (*{suffix})").format(suffix=FILE_SUFFIX))
        self.import_paths([Path(name) for name in names])

    def choose_folder(self) -> None:
        """Pick a folder whose .selfassess files (also in subfolders) are merged."""
        chosen = folder_to_use(self, _("Import a folder"))
        if chosen:
            self.import_paths([Path(chosen)])

    def import_paths(self, paths: list[Path]) -> None:
        """Merge files (and folders' files) on a worker thread, then show the result."""
        files = [f for f in received_files(paths) if f.resolve() != self.af.path.resolve()]
        if not files or self._task is not None:
            if paths and not files:
                self.status.emit(_("no .selfassess files to import"))
            return
        bureau, drafts = self.af.path, self.allow_drafts.isChecked()
        self._task = Task(self, lambda **kw: merge_files(bureau, files, drafts, **kw),
                          _("Merging {count} file(s)…").format(count=len(files)))
        self._task.done.connect(self._on_merged)
        self._task.error.connect(self._on_merge_failed)
        self._task.start()

    def wait(self) -> None:
        """Wait for a running merge (closing, tests)."""
        if self._task is not None:
            self._task.wait()

    def _on_merged(self, outcomes: Any) -> None:
        self._finish_task()
        self.refresh()
        self.merged.emit(outcomes)
        MergeResultDialog(list(outcomes), self).exec()

    def _on_merge_failed(self, error: Any) -> None:
        self._finish_task()
        self.refresh()
        if isinstance(error, MergeCancelled):
            self.status.emit(str(error))
            return
        problems = getattr(error, "problems", None) or [str(error)]
        warn(self, _("Merge failed"), "\n".join(problems[:10]))

    def _finish_task(self) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None

    # --- roster and distribution ---------------------------------------------------------------

    def edit_roster(self) -> None:
        """Edit the departments expected."""
        dialog = RosterDialog([entry.name for entry in roster(self.af)], self)
        if dialog.exec():
            try:
                set_roster(self.af, dialog.names)
            except SelfassessError as error:
                warn(self, _("Roster"), "\n".join(error.problems[:10]))
            self.refresh()

    def distribute(self) -> None:
        """Write a blank department file for every roster entry into a chosen folder."""
        chosen = folder_to_use(self, _("Distribute blank files into"))
        if not chosen:
            return
        try:
            results = distribute(self.af, Path(chosen))
        except SelfassessError as error:
            warn(self, _("Distribute"), "\n".join(error.problems[:10]))
            return
        self.refresh()
        created = [path.name for outcome, path, _m in results if outcome == "created"]
        kept = [path.name for outcome, path, _m in results if outcome != "created"]
        text = _("{count} file(s) written to {folder}.").format(count=len(created), folder=chosen)
        if kept:
            text += "\n" + _("Already there, not overwritten: {names}").format(names=join_list(kept))
        inform(self, _("Distribute"), text)

    # --- printing ------------------------------------------------------------------------------

    def preview(self) -> None:
        """The bureau report (or the sheet of the department under review), shown to print."""
        from selfassess.ui.preview import PreviewDialog, render_file

        self.flush()
        department = self.review_session.data.department if self.review is not None else None
        info = self.af.info
        name = (f"{info.period}_{department.name}_{_('score sheet')}" if department else
                f"{info.period}_{info.bureau_name}_{_('bureau report')}")
        self.preview_dialog = PreviewDialog(
            self, _("Print preview"), render_file(self.af.path, department.id if department
                                                  else None),
            self.af.path.with_name(name + ".pdf"), workbook_source=self.af.path)
        self.preview_dialog.exec()

    # --- search ----------------------------------------------------------------------------------

    def run_search(self, query: str) -> None:
        """Search every text of every department; results in the search tab."""
        if self._index is None:
            self._index = NarrativeIndex(self.af)
        hits = self._index.search(query)
        self._query = query
        self.hits.set_rows(hits)
        self.tabs.setCurrentWidget(self.hits_table)
        self.status.emit(_("{count} match(es) for “{query}”").format(count=len(hits), query=query))

    def _on_hit_activated(self, index: Any) -> None:
        row = self.hits.rows[index.row()]
        self.open_department(row.department_id, row.place)
        if row.place.startswith("item:") and self.review_workspace is not None:
            self._show_match(self.review_workspace.item_page)

    def _show_match(self, page: Any) -> None:
        """Select the first place the searched words appear on the item, and bring it into
        view: the secretary lands on the match, not at the top of a long narrative."""
        words = self._query.split(":", 1)[-1].split()  # "宣传处:召开" searches 宣传处 for 召开
        if not words:
            return
        for editor in (page.narrative, page.deduction_reason):
            cursor = editor.document().find(words[0])
            if not cursor.isNull():
                editor.setTextCursor(cursor)
                editor.ensureCursorVisible()
                page.ensureWidgetVisible(editor)
                return

    # --- reviewing a department ----------------------------------------------------------------

    def _on_department_activated(self, index: Any) -> None:
        department_id = index.data(ID_ROLE)
        if department_id:
            self.open_department(department_id)

    def open_department(self, department_id: str, place: str = "") -> None:
        """Show a department in the walk-through view, read-only, with the review boxes."""
        self.close_department()
        session = Session(self.af, self, department_id=department_id)
        view = QWidget()
        back = QPushButton(_("◀ Back to all departments"))
        back.setObjectName("bureau_back")
        back.clicked.connect(self.close_department)
        self.return_button = QPushButton(_("Return for correction…"))
        self.return_button.setObjectName("bureau_return")
        self.return_button.clicked.connect(self.return_for_correction)
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("bureau_approve")
        self.approve_button.clicked.connect(self.approve)
        self.state_label = QLabel()
        self.state_label.setObjectName("bureau_department_state")
        workspace = Workspace(session)
        bar = QHBoxLayout()
        bar.addWidget(back)
        bar.addWidget(self.state_label, 1)
        bar.addWidget(self.return_button)
        bar.addWidget(self.approve_button)
        view_layout = QVBoxLayout(view)
        view_layout.setContentsMargins(0, 0, 0, 0)
        view_layout.addLayout(bar)
        view_layout.addWidget(workspace, 1)
        self.review = view
        self.review_workspace = workspace
        self.review_session = session
        # bound methods, not lambdas: a connection to a lambda that captures this workspace
        # would keep it alive from the session's side
        session.saved.connect(self._on_review_saved)
        session.refused.connect(self._on_review_refused)
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        self._show_department_state()
        workspace.go_to(place or "item:" + self.af.checklist.items[0].code)

    def _reviewed(self) -> DepartmentStanding | None:
        """The read model's entry of the department open for review."""
        if self.review is None:
            return None
        wanted = self.review_session.data.department.id
        return next((d for d in self.standing.departments if d.id == wanted), None)

    def _show_department_state(self) -> None:
        """The state (退回, 已审定 …) beside the buttons that change it."""
        department = self._reviewed()
        if department is None:
            return
        text = _("State: {state}").format(state=_(STATES[department.state]))
        if department.state_since:
            text += _(" since {date}").format(date=department.state_since[:10])
        self.state_label.setText(text)
        approved = department.approval is not None
        self.approve_button.setText(_("Withdraw approval…") if approved else _("Approve (审定)…"))
        self.approve_button.setEnabled(department.sealed)
        # one return at a time: the next waits for the correction to be merged
        waiting = department.state == "returned"
        self.return_button.setEnabled(department.sealed and not approved and not waiting)
        self.return_button.setToolTip(_("Returned already: merge its correction first")
                                      if waiting else "")

    def return_for_correction(self) -> None:
        """退回: choose entries and reasons, then write the file to send back."""
        department = self._reviewed()
        if department is None:
            return
        self.flush()
        data = department.data
        # the review group's reasons where it lowered a score: the usual things to return
        suggested = {("item", code): answer.review_reason for code, answer in data.answers.items()
                     if answer.review_score is not None and answer.self_score is not None
                     and answer.review_score < answer.self_score and answer.review_reason}
        dialog = ReturnDialog(self.af.checklist, department.name, suggested, self)
        if not dialog.exec() or dialog.notes is None:
            return
        chosen = folder_to_use(self, _("Write the returned file into"), str(self.af.path.parent))
        if not chosen:
            return
        try:
            written = return_department(self.af.path, department.name, dialog.notes,
                                        Path(chosen), actor=_("review group"))
        except SelfassessError as error:
            warn(self, _("Return for correction"), "\n".join(error.problems[:10]))
            return
        self.refresh()
        self._show_department_state()
        self.review_session.reload()  # the return's notes, shown with the entries it names
        self.review_workspace.refresh_state()
        self.review_workspace.go_to(self.review_workspace.current)
        inform(self, _("Return for correction"), _(
            "{name} is returned for correction. Send this file back to the department:\n"
            "{path}").format(name=department.name, path=written))

    def approve(self) -> None:
        """审定 the department's revision, or withdraw its approval."""
        department = self._reviewed()
        if department is None:
            return
        self.flush()
        withdraw = department.approval is not None
        if withdraw:
            question = _("Withdraw the approval of {name} (revision {revision})? A newer "
                         "revision can then be merged again.").format(
                name=department.name, revision=department.approval.revision)
        else:
            question = _("Approve {name} at revision {revision}? Its result is then bound to "
                         "this revision: a newer one is refused until the approval is "
                         "withdrawn.").format(name=department.name,
                                              revision=department.data.department.revision)
            if redo := reviews_to_redo(department.data):
                question += "\n\n" + _("The review of {codes} was not redone (待复核) after the "
                                         "resubmission changed them.").format(
                    codes=join_list(redo))
        if not confirm(self, _("Approve (审定)"), question, default_no=True):
            return
        try:
            message = approve_department(self.af.path, department.name, by=default_actor(),
                                         withdraw=withdraw)
        except SelfassessError as error:
            warn(self, _("Approve (审定)"), "\n".join(error.problems[:10]))
            return
        self.refresh()
        self._show_department_state()
        # the review boxes open or close with the approval
        self.review_workspace.refresh_state()
        self.review_workspace.go_to(self.review_workspace.current)
        self.status.emit(message.splitlines()[0])  # a warning under it was asked above

    def remind(self) -> None:
        """催报: write the notice listing who has not reported or not sent a correction."""
        if not to_remind(self.standing):
            inform(self, _("Reminder (催报)"), _(
                "Every department on the roster has reported and no correction is "
                "outstanding: there is nobody to remind."))
            return
        suggested = self.af.path.parent / f"{self.af.info.period}_催报.docx"
        path = file_to_save(self, _("Write the reminder"), str(suggested),
                            _("Word document (*.docx);;Text file (*.txt)"))
        if not path:
            return
        try:  # the dialog asked before replacing a file
            written = write_reminder(self.af.path, Path(path), force=True)
        except SelfassessError as error:
            warn(self, _("Reminder (催报)"), "\n".join(error.problems[:10]))
            return
        self.status.emit(_("{path} written").format(path=written))

    def _on_review_saved(self, time: str) -> None:
        self.status.emit(_("Saved {time}").format(time=time))

    def _on_review_refused(self, problems: list[str]) -> None:
        self.status.emit(" ".join(problems[:2]))

    def close_department(self) -> None:
        """Back to the overview (reviews are stored already)."""
        if self.review is None:
            return
        self.review_workspace.flush()
        self.stack.removeWidget(self.review)
        self.review.deleteLater()
        self.review_session.dispose()  # the bureau file stays open: only the view goes
        self.review = None
        self.review_session = self.review_workspace = None  # nothing keeps them alive
        self.stack.setCurrentWidget(self.overview)
        self.refresh()

    def flush(self) -> None:
        """Store pending typing in an open department."""
        if self.review is not None:
            self.review_workspace.flush()

    def close_file(self) -> None:
        """Store pending typing, wait for a running merge and close the bureau file."""
        self.wait()
        self.flush()
        if self._index is not None:
            self._index.close()
        self.af.close()
