"""The summary: first the state and what to do (封存报送…, or what blocks it, counted by kind),
always in view at 1366×768; then what blocks sealing (each a link to the place to fix it), the
totals, the section scores and how the total came about."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from html import escape

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from selfassess.i18n import N_, _
from selfassess.numbers import decimal_text, section_label
from selfassess.ui.models import NODE_ROLE, ProblemModel
from selfassess.ui.session import Session
from selfassess.ui.widgets import heading, wrap_label

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


class SummaryPage(QScrollArea):
    """Totals, blockers and the seal buttons."""

    go_to = Signal(str)  # node id of a place to fix
    seal_requested = Signal()
    copy_requested = Signal()
    reopen_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setObjectName("summary_page")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(heading(_("Summary and sealing"), 1.35))
        self.identity = wrap_label(object_name="summary_identity")
        layout.addWidget(self.identity)
        # what to do, at the top: the count of what blocks sealing, by kind, and the action
        self.problems_title = heading("", 1.05, "summary_problems_title")
        layout.addWidget(self.problems_title)
        self.problem_kinds = wrap_label(object_name="summary_problem_kinds")
        layout.addWidget(self.problem_kinds)
        self.warning = wrap_label(object_name="summary_warning")
        self.warning.setStyleSheet("color: #8a5a00;")
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
        # then the places to fix, one link each, and the scores
        self.problems = QListView()
        self.problems.setObjectName("summary_problems")
        self.problems.setModel(ProblemModel(session, parent=self))
        self.problems.setWordWrap(True)
        self.problems.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.problems.activated.connect(self._go_to_problem)
        self.problems.doubleClicked.connect(self._go_to_problem)
        layout.addWidget(self.problems)
        self.totals = heading("", 1.2, "summary_totals")
        layout.addWidget(self.totals)
        self.table = QLabel()
        self.table.setObjectName("summary_table")
        layout.addWidget(self.table)
        self.explanation = wrap_label(object_name="summary_explanation")
        layout.addWidget(self.explanation)
        layout.addStretch(1)
        self.setWidget(body)
        session.changed.connect(self._on_session_changed)

    def _go_to_problem(self, index: QModelIndex) -> None:
        self.go_to.emit(index.data(NODE_ROLE))

    def _on_session_changed(self, _touched: object) -> None:
        if self.isVisible():
            self.load()

    def flush(self) -> None:
        """Nothing is typed here."""

    def refresh_state(self) -> None:
        """The buttons follow the sealed state when the page is shown (``load``)."""

    def load(self) -> None:
        """Show the current totals and state."""
        session = self.session
        checklist = session.checklist
        result = session.result()
        department = session.data.department
        seals = session.seals()
        state = (_("sealed, revision {revision}, {time}").format(
            revision=department.revision, time=seals[-1].sealed_at.replace("T", " ")[:16])
            if department.sealed and seals else _("draft (not sealed)"))
        self.identity.setText(_("{department} · period {period} · filled in by {person} · {state}")
                              .format(department=department.name, period=session.af.info.period,
                                      person=department.filled_by or "—", state=state))
        rows = "".join(
            f"<tr><td>{escape(section_label(s.code, s.title))}</td>"
            f"<td align='right'>{decimal_text(result.sections[s.code].score)}</td>"
            f"<td align='right'>{decimal_text(s.max_points)}</td></tr>"
            for s in checklist.sections)
        self.table.setText(
            "<table cellspacing='0' cellpadding='4' border='1' style='border-collapse:collapse'>"
            f"<tr><th>{escape(_('Section'))}</th><th>{escape(_('Score'))}</th>"
            f"<th>{escape(_('Maximum'))}</th></tr>{rows}</table>")
        self.totals.setText(_("Base {base} + bonus {bonus} = total {total} · grade {grade}").format(
            base=decimal_text(result.base), bonus=decimal_text(result.bonus),
            total=decimal_text(result.total), grade=result.grade))
        if session.review_mode:
            own = session.self_result()
            self.totals.setText(self.totals.text() + "\n" + _(
                "after review; the department's own total was {total} ({grade})").format(
                total=decimal_text(own.total), grade=own.grade))
        self.explanation.setText("\n".join(e.text for e in result.explanation)
                                 or _("Full marks on every item."))
        problems = session.problems()
        self.problems_title.setText(
            (_("Sealed and complete.") if department.sealed else
             _("Ready to seal: nothing is missing.")) if not problems else
            _("Before sealing, {count} thing(s) need attention (double-click to go there):")
            .format(count=len(problems)))
        self.problems.setVisible(bool(problems))
        counts = Counter(problem.check for problem in problems)
        self.problem_kinds.setText(_(", ").join(
            _(PROBLEM_KINDS.get(check, check)).format(count=count)
            for check, count in sorted(counts.items(), key=lambda pair: ORDER.index(pair[0])
                                       if pair[0] in ORDER else len(ORDER))))
        self.problem_kinds.setVisible(bool(problems))
        # not a block: points lost, and nothing said about what fell short or what will be done
        # points lost on answered items (an unanswered item is a blocker, not a loss)
        lost = sum((item.max_points - answer.self_score for item in checklist.items
                    if (answer := session.data.answers.get(item.code)) is not None
                    and answer.self_score is not None and not answer.not_applicable),
                   Decimal(0))
        silent = lost > 0 and not session.data.shortcomings and not session.data.measures
        self.warning.setText(_("{lost} points were lost, but no shortcoming or measure is listed; "
                               "the report's parts two and three will be empty").format(
            lost=decimal_text(lost)) if silent and not session.review_mode else "")
        self.warning.setVisible(bool(self.warning.text()))
        editable_file = not session.review_mode and not session.af.readonly
        self.seal_button.setVisible(editable_file and not department.sealed)
        self.copy_button.setVisible(not session.review_mode and department.sealed)
        self.reopen_button.setVisible(editable_file and department.sealed)
