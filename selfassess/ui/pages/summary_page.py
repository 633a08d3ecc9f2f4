"""The summary: first the state and what to do (封存报送…, or what blocks it, counted by kind),
always in view at 1366×768; then what blocks sealing, grouped by kind (each group opens to a
list of links to the places to fix), the totals, the section scores and how the total came about.

Until every item is answered (and every veto declared) the total is a running one (已得 n 分)
and there is no grade yet. Inside a bureau file (review mode) the page is the 复核汇总: review
progress, the totals after review and, per item, the department's score beside the review
group's, differences highlighted."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListView,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from selfassess.completeness import Problem
from selfassess.i18n import N_, _, join_list
from selfassess.numbers import decimal_text, section_label
from selfassess.ui.models import NODE_ROLE, ProblemModel
from selfassess.ui.session import Session
from selfassess.ui.widgets import heading, text_colour, wrap_label

# what blocks sealing, counted by kind (Problem.check), in the order a person works through it
PROBLEM_KINDS = {
    "unanswered": N_("{count} unanswered"),
    "deduction_reason": N_("{count} without a reason for lost points"),
    "na_reason": N_("{count} not applicable without a reason"),
    "evidence": N_("{count} without the evidence required"),
    "veto_undeclared": N_("{count} veto item(s) not declared"),
    "veto_explanation": N_("{count} veto item(s) without an explanation"),
}
ORDER = list(PROBLEM_KINDS)
# until none of these is left the total is a running one and there is no grade
INCOMPLETE = frozenset({"unanswered", "veto_undeclared"})
OPEN_UP_TO = 5  # a group of this many entries or fewer is shown open at first
DIFFERENT = QColor("#fff1c2")  # a row whose review score differs from the self score
SENTENCE_ENDS = "。！？.!?…"


def kind_order(check: str) -> int:
    """Where a kind of problem goes in the list (unknown kinds last)."""
    return ORDER.index(check) if check in ORDER else len(ORDER)


def kind_text(check: str, count: int) -> str:
    """"未作答 n 项" and the like."""
    return _(PROBLEM_KINDS[check]).format(count=count) if check in PROBLEM_KINDS else (
        f"{check}: {count}")


def sentence(text: str) -> str:
    """One line of the explanation, ending like every other: a line that does not end a
    sentence already (a checklist title, a reason typed without it, "−4") gets the full stop
    of the interface's language (。 in Chinese)."""
    text = text.rstrip().rstrip("，,；;：:、")
    if not text or text[-1] in SENTENCE_ENDS:
        return text
    return _("{sentence}.").format(sentence=text)


def fit_height(view: QAbstractItemView, rows: int, extra: int = 0) -> None:
    """Make a view exactly as tall as its rows: the page scrolls, never the view."""
    row = view.sizeHintForRow(0) if rows else 0
    view.setFixedHeight(rows * max(row, 1) + extra + 2 * view.frameWidth() if rows else 0)


class BlockerGroups(QWidget):
    """What blocks sealing, grouped by kind: a header per kind (未作答 n 项 …) that opens or
    closes its list, each entry a link to the place to fix it (click or Enter).

    ``model()`` is the flat list of every problem (``ProblemModel``); ``doubleClicked`` carries
    an index whose ``NODE_ROLE`` names the place chosen (from an entry here, or from the flat
    model)."""

    doubleClicked = Signal(QModelIndex)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary_problems")
        self._model = ProblemModel(session, parent=self)
        self.open: dict[str, bool] = {}  # kind → open, once the person has chosen
        self.headers: dict[str, QToolButton] = {}
        self.lists: dict[str, QListView] = {}
        self._counts: dict[str, int] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self._layout = layout

    def model(self) -> ProblemModel:
        """Every problem, one row each, in checklist order."""
        return self._model

    def _group(self, check: str) -> tuple[QToolButton, QListView]:
        if check not in self.headers:
            header = QToolButton()
            header.setObjectName(f"summary_group_{check}")
            header.setCheckable(True)
            header.setAutoRaise(True)
            header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            font = QFont(header.font())
            font.setBold(True)
            header.setFont(font)
            entries = QListView()
            entries.setObjectName(f"summary_entries_{check}")
            entries.setModel(QStandardItemModel(entries))
            entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            entries.setUniformItemSizes(True)
            entries.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            entries.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            entries.clicked.connect(self.doubleClicked)
            entries.activated.connect(self.doubleClicked)
            header.toggled.connect(lambda shown, kind=check: self._toggle(kind, shown))
            position = sum(1 for kind in self.headers if kind_order(kind) < kind_order(check))
            self._layout.insertWidget(2 * position, header)
            self._layout.insertWidget(2 * position + 1, entries)
            self.headers[check], self.lists[check] = header, entries
        return self.headers[check], self.lists[check]

    def _toggle(self, check: str, shown: bool) -> None:
        self.open[check] = shown
        self._show(check)

    def _show(self, check: str) -> None:
        header, entries = self.headers[check], self.lists[check]
        count = self._counts.get(check, 0)
        shown = header.isChecked() and count > 0
        header.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        header.setVisible(count > 0)
        header.setToolTip(_("Click to hide the list") if shown else _("Click to show the list"))
        entries.setVisible(shown)
        fit_height(entries, count if shown else 0)

    def show_problems(self, problems: list[Problem]) -> None:
        """Show these problems, grouped by kind."""
        by_kind: dict[str, list[Problem]] = {}
        for problem in problems:
            by_kind.setdefault(problem.check, []).append(problem)
        self._counts = {check: len(entries) for check, entries in by_kind.items()}
        link = QBrush(self.palette().link())
        for check in sorted(set(by_kind) | set(self.headers), key=kind_order):
            found = by_kind.get(check, [])
            if not found and check not in self.headers:
                continue
            header, entries = self._group(check)
            header.setText(kind_text(check, len(found)))
            rows = QStandardItemModel(entries)
            for problem in found:
                row = QStandardItem(problem.message)
                row.setData(f"item:{problem.code}" if problem.target == "item"
                            else f"page:{problem.target}", NODE_ROLE)
                row.setForeground(link)
                row.setToolTip(_("Click to go there"))
                row.setEditable(False)
                rows.appendRow(row)
            old = entries.model()
            entries.setModel(rows)
            old.deleteLater()
            header.blockSignals(True)
            header.setChecked(self.open.get(check, len(found) <= OPEN_UP_TO))
            header.blockSignals(False)
            self._show(check)


def read_only_table(name: str) -> QTableWidget:
    """A table that uses the page's width and is as tall as its rows (the page scrolls)."""
    table = QTableWidget()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    return table


def fill(table: QTableWidget, headers: list[str], rows: list[list[str]],
         stretch: int = 0, highlighted: frozenset[int] = frozenset(),
         bold_column: int | None = None) -> None:
    """Put rows into a table: text columns left, numbers right; ``stretch`` takes the width."""
    table.clear()
    table.setColumnCount(len(headers))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(headers)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = QTableWidgetItem(value)
            cell.setTextAlignment(Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignLeft if c in (0, stretch) else Qt.AlignmentFlag.AlignRight))
            if r in highlighted:
                cell.setBackground(DIFFERENT)
                if c == bold_column:
                    font = QFont(cell.font())
                    font.setBold(True)
                    cell.setFont(font)
            table.setItem(r, c, cell)
    table.resizeRowsToContents()
    fit = table.verticalHeader().length() + header.sizeHint().height() + 2 * table.frameWidth()
    table.setFixedHeight(fit)


class SummaryPage(QScrollArea):
    """Totals, blockers and the seal buttons (复核汇总 in review mode)."""

    go_to = Signal(str)  # node id of a place to fix
    seal_requested = Signal()
    copy_requested = Signal()
    reopen_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        # always there: opening a group or a long table never narrows the page under the reader
        # (nor leaves the top row wider than the view until the next layout pass)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setObjectName("summary_page")
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = heading(_("Review summary") if session.review_mode
                             else _("Summary and sealing"), 1.35, "summary_title")
        layout.addWidget(self.title)
        self.identity = wrap_label(object_name="summary_identity")
        self.identity.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.identity)
        # what to do, at the top: the count of what blocks sealing, by kind, and the action
        self.problems_title = heading("", 1.05, "summary_problems_title")
        layout.addWidget(self.problems_title)
        self.problem_kinds = wrap_label(object_name="summary_problem_kinds")
        layout.addWidget(self.problem_kinds)
        self.warning = wrap_label(object_name="summary_warning")
        text_colour(self.warning, "#8a5a00")
        layout.addWidget(self.warning)
        buttons = QHBoxLayout()
        self.seal_button = QPushButton(_("Seal for sending…"))
        self.seal_button.setObjectName("seal_button")
        self.copy_button = QPushButton(_("Save a copy for sending (另存副本用于报送)…"))
        self.copy_button.setObjectName("copy_button")
        self.reopen_button = QPushButton(_("Reopen for editing…"))
        self.reopen_button.setObjectName("reopen_button")
        self.seal_button.clicked.connect(self.seal_requested)
        self.copy_button.clicked.connect(self.copy_requested)
        self.reopen_button.clicked.connect(self.reopen_requested)
        for button in (self.seal_button, self.copy_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # then the places to fix, grouped by kind, one link each
        self.problems = BlockerGroups(session)
        self.problems.doubleClicked.connect(self._go_to_problem)
        layout.addWidget(self.problems)
        # review progress (review mode), the totals and the section scores
        self.review_progress = wrap_label(object_name="summary_review_progress")
        layout.addWidget(self.review_progress)
        self.totals = heading("", 1.2, "summary_totals")
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.totals)
        self.table = read_only_table("summary_table")
        layout.addWidget(self.table)
        # review mode: each item, self score beside review score
        self.items_title = heading(_("Self score and review score, item by item"), 1.05,
                                   "summary_items_title")
        layout.addWidget(self.items_title)
        self.items_table = read_only_table("summary_items")
        self._other_rows: list[str] = []  # rows below the items: bonus and veto reviews
        self.items_table.setToolTip(_("Double-click an item to go there"))
        self.items_table.cellDoubleClicked.connect(self._go_to_item)
        layout.addWidget(self.items_table)
        self.explanation_title = heading(_("How the total came about"), 1.05,
                                         "summary_explanation_title")
        layout.addWidget(self.explanation_title)
        self.explanation = wrap_label(object_name="summary_explanation")
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.explanation)
        layout.addStretch(1)
        self.setWidget(body)
        for widget in (self.review_progress, self.items_title, self.items_table):
            widget.setVisible(session.review_mode)
        session.changed.connect(self._on_session_changed)

    def _go_to_problem(self, index: QModelIndex) -> None:
        self.go_to.emit(index.data(NODE_ROLE))

    def _go_to_item(self, row: int, _column: int) -> None:
        nodes = [f"item:{item.code}" for item in self.session.checklist.items] + self._other_rows
        if 0 <= row < len(nodes):
            self.go_to.emit(nodes[row])

    def _on_session_changed(self, _touched: object) -> None:
        if self.isVisible():
            self.load()

    def flush(self) -> None:
        """Nothing is typed here."""

    def refresh_state(self) -> None:
        """The buttons follow the sealed state when the page is shown (``load``)."""

    def complete(self) -> bool:
        """True when every item is answered and every veto declared: the total is final."""
        return not any(problem.check in INCOMPLETE for problem in self.session.problems())

    def load(self) -> None:
        """Show the current totals and state."""
        session = self.session
        department = session.data.department
        seals = session.seals()
        state = (_("sealed, revision {revision}, {time}").format(
            revision=department.revision, time=seals[-1].sealed_at.replace("T", " ")[:16])
            if department.sealed and seals else _("draft (not sealed)"))
        self.identity.setText(_("{department} · period {period} · filled in by {person} · {state}")
                              .format(department=department.name, period=session.af.info.period,
                                      person=department.filled_by or "—", state=state))
        self._load_problems()
        self._load_totals()
        if session.review_mode:
            self._load_review()
        self._load_explanation()
        self._load_warning()
        editable_file = not session.review_mode and not session.af.readonly
        self.seal_button.setVisible(editable_file and not department.sealed)
        self.copy_button.setVisible(not session.review_mode and department.sealed)
        self.reopen_button.setVisible(editable_file and (department.sealed
                                                         or session.correction is not None))
        # a returned file is not sealed: what it offers is to open every item, not to unseal
        self.reopen_button.setText(_("Open every item for correction…")
                                   if session.correction is not None
                                   else _("Reopen for editing…"))

    def _load_problems(self) -> None:
        problems = self.session.problems()
        self.problems_title.setText(
            (_("Sealed and complete.") if self.session.data.department.sealed else
             _("Ready to seal: nothing is missing.")) if not problems else
            _("Before sealing, {count} thing(s) need attention:").format(count=len(problems)))
        counts = Counter(problem.check for problem in problems)
        self.problem_kinds.setText(_(", ").join(
            kind_text(check, count) for check, count in sorted(
                counts.items(), key=lambda pair: kind_order(pair[0]))))
        self.problem_kinds.setVisible(bool(problems))
        self.problems.show_problems(problems)
        self.problems.setVisible(bool(problems))

    def _answered_in(self, codes: list[str]) -> int:
        answers = self.session.data.answers
        return sum(1 for code in codes if (answer := answers.get(code)) is not None
                   and (answer.self_score is not None or answer.not_applicable))

    def _load_totals(self) -> None:
        session = self.session
        checklist = session.checklist
        result = session.result()
        complete = self.complete()
        if complete:
            self.totals.setText(_("Base {base} + bonus {bonus} = total {total} · grade {grade}")
                                .format(base=decimal_text(result.base),
                                        bonus=decimal_text(result.bonus),
                                        total=decimal_text(result.total), grade=result.grade))
        else:
            self.totals.setText(_("{total} points so far · grade — (not complete)").format(
                total=decimal_text(result.total)))
        if session.review_mode:
            own = session.self_result()
            self.totals.setText(self.totals.text() + "\n" + _(
                "after review; the department's own total was {total} ({grade})").format(
                total=decimal_text(own.total), grade=own.grade))
            self_sections = own.sections
            rows = [[section_label(s.code, s.title),
                     decimal_text(self_sections[s.code].score),
                     decimal_text(result.sections[s.code].score),
                     decimal_text(s.max_points)] for s in checklist.sections]
            differ = frozenset(i for i, s in enumerate(checklist.sections)
                               if self_sections[s.code].score != result.sections[s.code].score)
            fill(self.table, [_("Section"), _("Self score"), _("Review score"), _("Maximum")],
                 rows, highlighted=differ, bold_column=2)
            return
        rows = []
        for s in checklist.sections:
            codes = [item.code for item in s.items]
            answered = self._answered_in(codes)
            rows.append([section_label(s.code, s.title), f"{answered} / {len(codes)}",
                         decimal_text(result.sections[s.code].score) if answered else "—",
                         decimal_text(s.max_points)])
        fill(self.table, [_("Section"), _("Answered"), _("Score"), _("Maximum")], rows)

    def _load_review(self) -> None:
        session = self.session
        items = session.checklist.items
        answers = session.data.answers
        rows: list[list[str]] = []
        differ: set[int] = set()
        reviewed = 0
        for row, item in enumerate(items):
            answer = answers.get(item.code)
            own = answer.self_score if answer is not None else None
            na = answer is not None and answer.not_applicable
            review = answer.review_score if answer is not None else None
            difference = ""
            if review is not None:
                reviewed += 1
                if na or own is None or review != own:
                    differ.add(row)
                if own is not None and not na:
                    change = review - own
                    difference = ("+" if change > 0 else "−" if change < 0 else "") \
                        + decimal_text(abs(change))
            rows.append([f"{item.code} {item.title}", decimal_text(item.max_points),
                         _("N/A") if na else ("—" if own is None else decimal_text(own)),
                         _("not reviewed") if review is None else decimal_text(review),
                         difference,
                         (answer.review_reason.strip().replace("\n", " ")
                          if answer is not None and review is not None else "")])
        # bonus claims and vetoes below the items: a claim the review group cut shows here,
        # with its reason, as an item's score does
        item_differences = len(differ)  # the sentence below counts items; the rest after it
        reviewed_others = 0
        self._other_rows = []  # the page each row below the items opens
        for bonus in session.checklist.bonus_items:
            claim = session.data.bonus.get(bonus.code)
            if claim is None or (not claim.points and claim.review_points is None):
                continue
            own_points = claim.points or Decimal(0)
            difference = ""
            if claim.review_points is not None:
                reviewed_others += 1
                change = claim.review_points - own_points
                if change:
                    differ.add(len(rows))
                    difference = ("+" if change > 0 else "−") + decimal_text(abs(change))
            self._other_rows.append("page:bonus")
            rows.append([f"{bonus.code} {bonus.title}", decimal_text(bonus.max_points),
                         decimal_text(own_points),
                         _("not reviewed") if claim.review_points is None
                         else decimal_text(claim.review_points), difference,
                         claim.review_reason.strip().replace("\n", " ")
                         if claim.review_points is not None else ""])
        for veto in session.checklist.veto_items:
            declared = session.data.veto.get(veto.code)
            if declared is None or declared.review_triggered is None:
                continue
            reviewed_others += 1
            if bool(declared.review_triggered) != bool(declared.triggered):
                differ.add(len(rows))
            self._other_rows.append("page:veto")
            rows.append([f"{veto.code} {veto.text}", "—",
                         _("triggered") if declared.triggered else _("not triggered"),
                         _("triggered") if declared.review_triggered else _("not triggered"),
                         "", declared.review_reason.strip().replace("\n", " ")])
        fill(self.items_table, [_("Item"), _("Maximum"), _("Self score"), _("Review score"),
                                _("Difference"), _("Review opinion")],
             rows, stretch=5, highlighted=frozenset(differ), bold_column=4)
        self.items_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        text = _("Reviewed {done} of {total} items; {differences} differ from the "
                 "self-assessment (highlighted).").format(done=reviewed, total=len(items),
                                                          differences=item_differences)
        if reviewed_others:  # the space between sentences is the translation's
            text += _(" Bonus and veto entries reviewed: {count}.").format(
                count=reviewed_others)
        self.review_progress.setText(text)

    def _load_explanation(self) -> None:
        complete = self.complete()
        # an unanswered item is listed with what blocks sealing, not again here
        lines = [sentence(e.text) for e in self.session.result().explanation
                 if complete or e.kind != "unanswered"]
        if complete:
            empty = _("Full marks on every item.")
        elif self._answered_in([item.code for item in self.session.checklist.items]):
            empty = _("No points lost on the items answered so far.")
        else:
            empty = _("No item answered yet.")
        self.explanation.setText("\n".join(lines) or empty)

    def _load_warning(self) -> None:
        # not a block: points lost, and nothing said about what fell short or what will be done
        # points lost on answered items (an unanswered item is a blocker, not a loss)
        session = self.session
        lost = sum((item.max_points - answer.self_score for item in session.checklist.items
                    if (answer := session.data.answers.get(item.code)) is not None
                    and answer.self_score is not None and not answer.not_applicable),
                   Decimal(0))
        silent = lost > 0 and not session.data.shortcomings and not session.data.measures
        lines = [_("{lost} points were lost, but no shortcoming or measure is listed; the "
                   "report's parts two and three will be empty").format(
            lost=decimal_text(lost))] if silent and not session.review_mode else []
        if untouched := (session.returned_untouched() if not session.data.department.sealed
                         else []):
            lines.insert(0, _("Returned for correction and not changed yet: {codes}. Correct "
                              "them, or seal as they are if nothing needs to change.").format(
                codes=join_list(untouched)))
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))
