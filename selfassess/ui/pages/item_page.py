"""One checklist item: what it asks, how it is scored, the score, 自查情况, 扣分原因, 不适用 and
the evidence. One page serves every item (switching items only reloads it).

Every edit is stored at once: choices and scores immediately, typing after a short pause (and
always before leaving the item). A refused value stays on screen with the core's message under
it, so nothing is silently changed or dropped.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QBoxLayout,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from selfassess.checklist.model import Item, requirements_met
from selfassess.i18n import _
from selfassess.numbers import decimal_text, section_label
from selfassess.scoring import Aid
from selfassess.store import ChangeSet
from selfassess.ui.pages.evidence_panel import EvidencePanel
from selfassess.ui.pages.scoring_aid import MODE_NAMES, ScoringAid
from selfassess.ui.session import Session
from selfassess.ui.widgets import (
    Debouncer,
    ErrorLabel,
    PointsSpinBox,
    change_label,
    heading,
    return_reason_label,
    set_text_quietly,
    show_change,
    show_return,
    text_colour,
    text_editor,
    wrap_label,
)

if TYPE_CHECKING:
    from selfassess.ui.pages.review_panel import ReviewPanel

CARRIED_STYLE = "#item_carried { background: #fff8e1; border: 1px solid #c77c00; }"
READ_ONLY_STYLE = "background: #f2f2f2; color: #000;"


class ItemPage(QWidget):
    """The page of the current item: what the department says, scrolling; in review mode the
    review group's 考核得分 stands beside it, always in view while the narrative and the
    evidence are read."""

    saved_elsewhere = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item: Item | None = None
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setObjectName("item_page")
        self._typing = Debouncer(self)
        self._typing.fired.connect(self._on_typing_paused)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setSpacing(10)
        self.section_label = wrap_label(object_name="item_section")
        self.title_label = heading("", 1.35, "item_title")
        self.meta_label = wrap_label(object_name="item_meta")
        self.content_label = wrap_label(object_name="item_content")
        self.criteria_label = wrap_label(object_name="item_criteria")
        self.target_label = wrap_label(object_name="item_target")
        self.reference_label = wrap_label(object_name="item_reference")
        self.hint_label = wrap_label(object_name="item_evidence_hint")
        # 佐证材料要求 as a checklist: what is expected, and how much of it is attached
        self.requirements_label = wrap_label(object_name="item_evidence_requirements")
        text_colour(self.reference_label, "#555")
        self.return_label = return_reason_label("item_return_reason")
        self.changed_label = change_label("item_changed")
        for widget in (self.section_label, self.title_label, self.meta_label, self.return_label,
                       self.changed_label):
            layout.addWidget(widget)
        # next year's file: last year's narrative to revisit, and last year's shortcomings
        self.carried_box = QWidget()
        self.carried_box.setObjectName("item_carried")
        self.carried_box.setStyleSheet(CARRIED_STYLE)
        carried_layout = QHBoxLayout(self.carried_box)
        carried_layout.setContentsMargins(4, 2, 4, 2)
        self.carried_label = wrap_label(_(
            "The narrative below is last year's, carried over: change it, or confirm it as it "
            "is. Sealing waits for every carried narrative."))
        self.confirm_button = QPushButton(_("Keep it as it is"))
        self.confirm_button.setObjectName("confirm_carried")
        self.confirm_button.clicked.connect(self._confirm_carried)
        carried_layout.addWidget(self.carried_label, 1)
        carried_layout.addWidget(self.confirm_button)
        self.carried_box.hide()
        self.earlier_label = wrap_label(object_name="item_earlier_shortcomings")
        text_colour(self.earlier_label, "#555")
        self.earlier_label.hide()
        layout.addWidget(self.carried_box)
        layout.addWidget(self.earlier_label)
        facts = QFormLayout()
        facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        facts.addRow(_("What is checked (考核内容)"), self.content_label)
        facts.addRow(_("Scoring rules (评分标准)"), self.criteria_label)
        self._target_row = (QLabel(_("Target (指标)")), self.target_label)
        self._reference_row = (QLabel(_("Reference (参考)")), self.reference_label)
        facts.addRow(*self._target_row)
        facts.addRow(*self._reference_row)
        facts.addRow(_("Evidence to attach (佐证材料)"), self.hint_label)
        facts.addRow("", self.requirements_label)
        layout.addLayout(facts)

        scoring = QGroupBox(_("Scoring"))
        scoring_layout = QVBoxLayout(scoring)
        self.aid = ScoringAid()
        self.aid.aid_changed.connect(self._on_aid_changed)
        self.aid.accept_requested.connect(self._on_accept_proposal)
        scoring_layout.addWidget(self.aid)
        score_row = QHBoxLayout()
        self.score = PointsSpinBox("score", _("not scored"))
        self.score.valueChanged.connect(self._on_score_changed)
        self.max_label = QLabel()
        score_row.addWidget(QLabel(_("Self score (自评得分)")))
        score_row.addWidget(self.score)
        score_row.addWidget(self.max_label)
        score_row.addStretch(1)
        scoring_layout.addLayout(score_row)
        self.na_row = QWidget()
        na_layout = QHBoxLayout(self.na_row)
        na_layout.setContentsMargins(0, 0, 0, 0)
        self.na_check = QCheckBox(_("Not applicable (不适用)"))
        self.na_check.setObjectName("na_check")
        self.na_check.toggled.connect(self._on_na_toggled)
        self.na_reason = QLineEdit()
        self.na_reason.setObjectName("na_reason")
        self.na_reason.setPlaceholderText(_("Why it does not apply (required)"))
        self.na_reason.textEdited.connect(lambda text: self._typing.set("na_reason", text))
        na_layout.addWidget(self.na_check)
        na_layout.addWidget(self.na_reason, 1)
        scoring_layout.addWidget(self.na_row)
        self.error_label = ErrorLabel("item_error")
        scoring_layout.addWidget(self.error_label)
        scoring_layout.addWidget(QLabel(_("Reason for lost points (扣分原因)")))
        self.deduction_reason = text_editor(
            "deduction_reason", 3, lambda text: self._typing.set("deduction_reason", text),
            _("Required when the score is below the maximum"))
        scoring_layout.addWidget(self.deduction_reason)
        layout.addWidget(scoring)

        layout.addWidget(QLabel(_("What the department did (自查情况)")))
        self.narrative = text_editor("narrative", 5, lambda text: self._typing.set("narrative", text),
                                     _("Meetings, documents, numbers, dates…"))
        self.narrative.textChanged.connect(self._fit_narrative)
        layout.addWidget(self.narrative)
        evidence_box = QGroupBox(_("Evidence (佐证材料)"))
        evidence_layout = QVBoxLayout(evidence_box)
        self.evidence = EvidencePanel(session, "item")
        self.evidence.model.modelReset.connect(self._show_requirements)
        evidence_layout.addWidget(self.evidence)
        layout.addWidget(evidence_box)
        layout.addStretch(1)
        self.scroll.setWidget(body)
        # the review group's box (复核), built for a bureau's review only: a department never
        # sees it, and its start need not build it
        self.review: ReviewPanel | None = None
        self._outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        self._outer.addWidget(self.scroll, 1)
        if session.review_mode:
            from selfassess.ui.pages.review_panel import ReviewPanel

            self.review = ReviewPanel(session, "item", stacked=True)
            self._outer.addWidget(self.review, 0, Qt.AlignmentFlag.AlignTop)
        self._beside: bool | None = None
        self._place_review()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_review()

    def _place_review(self) -> None:
        """The review box beside the item where the item keeps room to be read (about 34
        characters a line); above it otherwise (150 % type at 1366×768 squeezed the item's
        text under a sideways scroll bar)."""
        if self.review is None:
            return
        wide = self.fontMetrics().horizontalAdvance("字")
        beside = self.width() - wide * 22 >= wide * 34
        if beside == self._beside:
            return
        self._beside = beside
        self._outer.setDirection(QBoxLayout.Direction.LeftToRight if beside
                                 else QBoxLayout.Direction.BottomToTop)  # added last: on top
        if beside:
            self.review.setFixedWidth(wide * 22)
            self._outer.setAlignment(self.review, Qt.AlignmentFlag.AlignTop)
        else:
            self.review.setMinimumWidth(0)
            self.review.setMaximumWidth(16777215)  # Qt's QWIDGETSIZE_MAX: no limit
            self._outer.setAlignment(self.review, Qt.AlignmentFlag(0))

    def ensureWidgetVisible(self, widget: QWidget) -> None:  # as a scroll area offers
        """Bring a field of the page into view (a search hit's narrative or reason)."""
        self.scroll.ensureWidgetVisible(widget)

    def _fit_narrative(self) -> None:
        """The narrative box grows with its text up to 16 lines (then scrolls inside), so a
        short text leaves the evidence in view and a long one is read without a tiny box."""
        lines = int(self.narrative.document().documentLayout().documentSize().height())
        spacing = self.narrative.fontMetrics().lineSpacing()
        self.narrative.setFixedHeight(spacing * min(max(lines, 5), 16) + 14)

    # --- showing an item ---------------------------------------------------------------------

    def show_item(self, code: str) -> None:
        """Show another item (pending typing of the previous one is stored first)."""
        self.flush()
        item = self.session.checklist.items_by_code[code]
        self.item = item
        answer = self.session.data.answers.get(code)
        section = self.session.checklist.section_by_code[item.section_code]
        self.section_label.setText(section_label(section.code, section.title))
        self.title_label.setText(f"{item.code}  {item.title}")
        show_return(self.return_label, self.session.return_reason("item", code))
        self._show_carried(code)
        show_change(self.changed_label, self.session.change("item", code),
                    self.session.replaced_revision)
        self.meta_label.setText(_("Maximum {max} points · {mode}").format(
            max=decimal_text(item.max_points), mode=_(MODE_NAMES[item.mode])))
        self.content_label.setText(item.content or "—")
        self.criteria_label.setText(item.criteria or "—")
        for row, text in ((self._target_row, item.target), (self._reference_row, item.reference)):
            row[1].setText(text)
            row[0].setVisible(bool(text))
            row[1].setVisible(bool(text))
        self.hint_label.setText(item.evidence_hint or "—")
        self._show_requirements()
        self.aid.load(item, answer.aid if answer else Aid())
        self.score.configure(item.max_points, item.step)
        self.score.set_decimal(answer.self_score if answer else None)
        self.max_label.setText(_("of {max}").format(max=decimal_text(item.max_points)))
        self.na_row.setVisible(item.na_allowed)
        blocked = self.na_check.blockSignals(True)
        self.na_check.setChecked(bool(answer and answer.not_applicable))
        self.na_check.blockSignals(blocked)
        set_text_quietly(self.na_reason, answer.na_reason if answer else "")
        set_text_quietly(self.deduction_reason, answer.deduction_reason if answer else "")
        set_text_quietly(self.narrative, answer.narrative if answer else "")
        self.error_label.clear()
        if self.review is not None:
            self.review.load(code, answer.review_score if answer else None,
                             answer.review_reason if answer else "",
                             bool(answer and answer.review_flag),
                             answer.previous_review if answer else "", item.max_points, item.step)
        self.evidence.set_target(code)
        self.scroll.verticalScrollBar().setValue(0)
        self._fit_narrative()
        self._update_enabled()
        self._chain_tab_order()

    def first_field(self) -> QWidget:
        """Where typing starts on this item: the review score for the review group, else the
        scoring aid's first input, else the score."""
        if self.review is not None:
            return self.review.score
        aid = [widget for widget in self.aid.rules.findChildren(QWidget)
               if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled()]
        return aid[0] if aid and self._editable() else self.score

    def _chain_tab_order(self) -> None:
        """Tab goes through the scoring aid, then 采用建议分, the score, N/A, the reason for lost
        points and the narrative, in the order they stand. The aid's choices are made anew for
        each item, and Qt puts new widgets at the end of the window's chain: without this, Tab
        left the aid for the search box."""
        aid = [widget for widget in self.aid.rules.findChildren(QWidget)
               if widget.focusPolicy() & Qt.FocusPolicy.TabFocus]
        evidence = [widget for widget in self.evidence.findChildren(QWidget)
                    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus]
        chain = [*aid, self.aid.accept_button, self.score, self.na_check, self.na_reason,
                 self.deduction_reason, self.narrative, *evidence]
        for first, second in pairwise(chain):
            if first.window() is second.window():  # a page not yet in its window waits
                QWidget.setTabOrder(first, second)

    def _editable(self) -> bool:
        return self.item is not None and self.session.editable("item", self.item.code)

    def _update_enabled(self) -> None:
        editable = self._editable()
        not_applicable = self.na_check.isChecked()
        self.aid.setEnabled(not not_applicable)  # readable even when nothing may change
        self.aid.set_read_only(not editable)
        # read-only, not disabled: a reviewer reads the department's score in black, and a
        # field that cannot be typed in is shaded so it does not look open for typing
        self.score.setEnabled(not not_applicable)
        # a 不适用 item has no score: say so in the box, not "not scored"
        self.score.setSpecialValueText(_("N/A") if not_applicable else _("not scored"))
        self.score.setReadOnly(not editable)
        self.score.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows if editable
                                    else QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.na_check.setEnabled(editable)
        self.na_reason.setReadOnly(not editable)
        self.na_reason.setEnabled(not_applicable)
        self.deduction_reason.setReadOnly(not editable)
        self.narrative.setReadOnly(not editable)
        shade = "" if editable else READ_ONLY_STYLE
        for field in (self.score, self.na_reason, self.deduction_reason, self.narrative):
            if field.styleSheet() != shade:  # setting it again would polish the field again
                field.setStyleSheet(shade)
        self.evidence.set_editable(editable)

    def _show_carried(self, code: str) -> None:
        """Last year's narrative waiting to be revisited, and last year's shortcomings here."""
        self.carried_box.setVisible(code in self.session.data.carried)
        self.confirm_button.setEnabled(self._editable())
        earlier = self.session.earlier_shortcomings(code)
        self.earlier_label.setText(_("Last year's shortcomings here: {list}").format(
            list=_("; ").join(f"{text}（{period}，{category}）"
                              for period, category, text, _code in earlier)))
        self.earlier_label.setVisible(bool(earlier))

    def _confirm_carried(self) -> None:
        """Last year's narrative kept as it is: stored again, which confirms it."""
        if self.item is None or not self._editable():
            return
        self.flush()
        answer = self.session.data.answers.get(self.item.code)
        if self._save({"narrative": answer.narrative if answer else ""}):
            self._show_carried(self.item.code)

    def _show_requirements(self) -> None:
        """☑ 会议纪要（至少1份，pdf/jpg）：已附 1 份 — one line per requirement."""
        item = self.item
        if item is None or not item.evidence_requirements:
            self.requirements_label.setVisible(False)
            return
        names = [ref.file_name for ref in self.session.data.evidence_for("item", item.code)]
        lines = []
        for requirement, counted in requirements_met(item.evidence_requirements, names):
            mark = "☑" if counted >= requirement.minimum else "☐"
            lines.append(mark + " " + _("{name} (at least {minimum}{types}): {counted} "
                                        "attached").format(
                name=requirement.name, minimum=requirement.minimum, counted=counted,
                types=_(", {types}").format(types="/".join(requirement.types))
                if requirement.types else ""))
        self.requirements_label.setText("\n".join(lines))
        self.requirements_label.setVisible(True)

    def refresh_state(self) -> None:
        """After sealing or reopening: editors follow the file's state."""
        if self.item is not None:
            self._show_carried(self.item.code)
            show_return(self.return_label, self.session.return_reason("item", self.item.code))
        self._update_enabled()

    # --- storing -------------------------------------------------------------------------------

    def flush(self) -> None:
        """Store pending typing now."""
        self._typing.flush()
        if self.review is not None:
            self.review.flush()

    def _save(self, fields: dict[str, Any]) -> bool:
        if self.item is None or not self._editable():
            return False
        stored = self.session.apply(ChangeSet(answers={self.item.code: fields}),
                                    {f"item:{self.item.code}"})
        self.error_label.setText("" if stored else "\n".join(self.session.last_problems))
        return stored

    def _save_na(self, fields: dict[str, Any]) -> None:
        """不适用 switched: undoable (编辑 → 撤销)."""
        if self.item is None or not self._editable():
            return
        code = self.item.code
        answer = self.session.data.answers.get(code)
        before = {"not_applicable": bool(answer and answer.not_applicable),
                  "na_reason": answer.na_reason if answer else ""}
        stored = self.session.undoable(
            _("Not applicable {code}").format(code=code), ChangeSet(answers={code: fields}),
            ChangeSet(answers={code: before}), {f"item:{code}"})
        self.error_label.setText("" if stored else "\n".join(self.session.last_problems))

    def _on_typing_paused(self, pending: dict[str, Any]) -> None:
        fields = dict(pending)
        if "na_reason" in fields and self.na_check.isChecked():
            if not fields["na_reason"].strip() and not self._stored_not_applicable():
                return  # nothing valid to store yet: the reason is still empty
            if not self._stored_not_applicable():  # the reason completes the switch
                fields["not_applicable"] = True
                self._save_na(fields)
                return
            fields["not_applicable"] = True
        self._save(fields)

    def _stored_not_applicable(self) -> bool:
        answer = self.session.data.answers.get(self.item.code) if self.item else None
        return bool(answer and answer.not_applicable)

    def _on_score_changed(self, _value: float) -> None:
        self._save({"self_score": self.score.decimal_value()})

    def _on_aid_changed(self, aid: Aid) -> None:
        self._save({"aid": aid})

    def _on_accept_proposal(self, proposal: Decimal, reason: str) -> None:
        self.flush()
        fields: dict[str, Any] = {"self_score": proposal}
        current = self.deduction_reason.toPlainText().strip()
        if self.item and proposal < self.item.max_points and not current and reason:
            fields["deduction_reason"] = reason
        if self._save(fields):
            self.score.set_decimal(proposal)
            if "deduction_reason" in fields:
                set_text_quietly(self.deduction_reason, reason)

    def _on_na_toggled(self, checked: bool) -> None:
        self._update_enabled()
        if checked:
            reason = self.na_reason.text()
            if reason.strip():
                self._typing.discard()
                self._save_na({"not_applicable": True, "na_reason": reason})
            else:
                self.error_label.setText(_("Write why the item does not apply; it is saved then."))
                self.na_reason.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._stored_not_applicable():
            self._save_na({"not_applicable": False})
        else:
            self.error_label.clear()
