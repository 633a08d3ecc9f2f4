"""The 加分项 claims and the 一票否决 declarations."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from selfassess.i18n import _
from selfassess.numbers import decimal_text
from selfassess.store import ChangeSet
from selfassess.ui.pages.evidence_panel import EvidencePanel
from selfassess.ui.pages.review_panel import ReviewPanel
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
    text_editor,
    wrap_label,
)


class BonusPage(QScrollArea):
    """One box per bonus item: points (within its maximum), what was achieved, evidence."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setObjectName("bonus_page")
        self._typing = Debouncer(self)
        self._typing.fired.connect(self._on_typing_paused)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(heading(_("Bonus claims (加分项)"), 1.35))
        layout.addWidget(wrap_label(_("Bonus points count up to {cap} in total. Every claim needs "
                                      "evidence (e.g. the commendation notice) before the file can "
                                      "be sealed.").format(cap=decimal_text(
                                          session.checklist.bonus_cap))))
        self.points: dict[str, PointsSpinBox] = {}
        self.narratives: dict[str, Any] = {}
        self.panels: dict[str, EvidencePanel] = {}
        self.reviews: dict[str, ReviewPanel] = {}
        self.returned: dict[str, QLabel] = {}
        self.changed: dict[str, QLabel] = {}
        for bonus in session.checklist.bonus_items:
            box = QGroupBox(f"{bonus.code}  {bonus.title}")
            box_layout = QVBoxLayout(box)
            self.returned[bonus.code] = return_reason_label(f"bonus_return_{bonus.code}")
            box_layout.addWidget(self.returned[bonus.code])
            self.changed[bonus.code] = change_label(f"bonus_changed_{bonus.code}")
            box_layout.addWidget(self.changed[bonus.code])
            box_layout.addWidget(wrap_label(bonus.rule))
            row = QHBoxLayout()
            spin = PointsSpinBox(f"bonus_points_{bonus.code}", "")
            spin.configure(bonus.max_points, session.checklist.step, allow_empty=False)
            spin.valueChanged.connect(lambda _v, code=bonus.code: self._on_points_changed(code))
            row.addWidget(QLabel(_("Points claimed")))
            row.addWidget(spin)
            row.addWidget(QLabel(_("(at most {max})").format(max=decimal_text(bonus.max_points))))
            row.addStretch(1)
            box_layout.addLayout(row)
            narrative = text_editor(
                f"bonus_narrative_{bonus.code}", 3,
                lambda text, code=bonus.code: self._typing.set(code, text),
                _("What was recognised, by whom, when"))
            box_layout.addWidget(narrative)
            panel = EvidencePanel(session, "bonus", bonus.code, f"bonus_evidence_{bonus.code}")
            box_layout.addWidget(panel)
            panel.attached.connect(lambda _count: self._show_claims())
            review = ReviewPanel(session, "bonus", f"bonus_review_{bonus.code}")
            box_layout.addWidget(review)
            self.reviews[bonus.code] = review
            layout.addWidget(box)
            self.points[bonus.code] = spin
            self.narratives[bonus.code] = narrative
            self.panels[bonus.code] = panel
        self.error_label = ErrorLabel("bonus_error")
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.setWidget(body)

    def _show_claims(self) -> None:
        """A bonus not claimed shows its rule and points only: its description and evidence
        table appear once points are claimed (or something was written or attached), so the
        page is not a column of empty tables."""
        for code, spin in self.points.items():
            claim = self.session.data.bonus.get(code)
            used = bool(spin.decimal_value() or (claim and claim.narrative)
                        or self.session.data.evidence_for("bonus", code))
            self.narratives[code].setVisible(used)
            self.panels[code].setVisible(used)

    def load(self) -> None:
        """Show the stored claims."""
        for code, spin in self.points.items():
            claim = self.session.data.bonus.get(code)
            spin.set_decimal(claim.points if claim and claim.points is not None else 0)
            set_text_quietly(self.narratives[code], claim.narrative if claim else "")
            if self.session.review_mode:
                bonus = self.session.checklist.bonus_by_code[code]
                self.reviews[code].load(code, claim.review_points if claim else None,
                                        claim.review_reason if claim else "",
                                        bool(claim and claim.review_flag),
                                        claim.previous_review if claim else "",
                                        bonus.max_points, self.session.checklist.step)
                # nothing claimed, nothing reviewed: no review to enter
                claimed = bool(claim and claim.points)
                reviewed = bool(claim and claim.review_points is not None)
                self.reviews[code].setVisible(claimed or reviewed)
        self._show_claims()
        self.refresh_state()

    def refresh_state(self) -> None:
        """Editors follow the sealed state (in a returned file: the claims returned)."""
        for code, spin in self.points.items():
            show_return(self.returned[code], self.session.return_reason("bonus", code))
            show_change(self.changed[code], self.session.change("bonus", code),
                        self.session.replaced_revision)
            editable = self.session.editable("bonus", code)
            spin.setEnabled(editable)
            self.narratives[code].setReadOnly(not editable)
            self.panels[code].set_editable(editable)

    def flush(self) -> None:
        """Store pending typing now."""
        self._typing.flush()
        for review in self.reviews.values():
            review.flush()

    def _save(self, code: str, fields: dict[str, Any]) -> None:
        if not self.session.editable("bonus", code):
            return
        stored = self.session.apply(ChangeSet(bonus={code: fields}), {"page:bonus"})
        self.error_label.setText("" if stored else "\n".join(self.session.last_problems))

    def _on_points_changed(self, code: str) -> None:
        self._show_claims()
        if not self.session.editable("bonus", code):
            return
        claim = self.session.data.bonus.get(code)
        stored = self.session.undoable(
            _("Bonus {code} points").format(code=code),
            ChangeSet(bonus={code: {"points": self.points[code].decimal_value()}}),
            ChangeSet(bonus={code: {"points": claim.points if claim else None}}),
            {"page:bonus"}, merge_key=f"bonus:{code}")
        self.error_label.setText("" if stored else "\n".join(self.session.last_problems))

    def _on_typing_paused(self, pending: dict[str, Any]) -> None:
        for code, text in pending.items():
            self._save(code, {"narrative": text})


class VetoPage(QScrollArea):
    """Each veto item must be declared 无 or 有 (with an explanation)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setObjectName("veto_page")
        self._typing = Debouncer(self)
        self._typing.fired.connect(self._on_typing_paused)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(heading(_("Veto declarations (一票否决)"), 1.35))
        layout.addWidget(wrap_label(_("Declare each item. Any one answered yes (有) gives the lowest grade "
                                      "(“{grade}”) whatever the score.").format(
                                          grade=session.checklist.lowest_grade)))
        self.groups: dict[str, QButtonGroup] = {}
        self.explanations: dict[str, QLineEdit] = {}
        self.reviews: dict[str, ReviewPanel] = {}
        self.returned: dict[str, QLabel] = {}
        self.changed: dict[str, QLabel] = {}
        for veto in session.checklist.veto_items:
            box = QGroupBox(veto.code)
            box_layout = QVBoxLayout(box)
            self.returned[veto.code] = return_reason_label(f"veto_return_{veto.code}")
            box_layout.addWidget(self.returned[veto.code])
            self.changed[veto.code] = change_label(f"veto_changed_{veto.code}")
            box_layout.addWidget(self.changed[veto.code])
            box_layout.addWidget(wrap_label(veto.text))
            row = QHBoxLayout()
            group = QButtonGroup(box)
            for choice, (text, name) in enumerate(((_("no (无)"), "no"), (_("yes (有)"), "yes"))):
                button = QRadioButton(text)
                button.setObjectName(f"veto_{veto.code}_{name}")
                group.addButton(button, choice)
                row.addWidget(button)
            group.idClicked.connect(lambda choice, code=veto.code: self._on_declared(code, choice))
            explanation = QLineEdit()
            explanation.setObjectName(f"veto_{veto.code}_explanation")
            explanation.setPlaceholderText(_("Explanation (required for 有)"))
            explanation.textEdited.connect(lambda text, code=veto.code: self._typing.set(code, text))
            row.addWidget(explanation, 1)
            box_layout.addLayout(row)
            review = ReviewPanel(session, "veto", f"veto_review_{veto.code}")
            box_layout.addWidget(review)
            layout.addWidget(box)
            self.groups[veto.code] = group
            self.explanations[veto.code] = explanation
            self.reviews[veto.code] = review
        self.error_label = ErrorLabel("veto_error")
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.setWidget(body)

    def load(self) -> None:
        """Show the stored declarations."""
        for code, group in self.groups.items():
            declaration = self.session.data.veto.get(code)
            triggered = declaration.triggered if declaration else None
            group.setExclusive(False)
            for choice, button in enumerate(group.buttons()):
                button.setChecked(triggered is not None and choice == int(triggered))
            group.setExclusive(True)
            set_text_quietly(self.explanations[code], declaration.explanation if declaration else "")
            if self.session.review_mode:
                self.reviews[code].load(code, declaration.review_triggered if declaration else None,
                                        declaration.review_reason if declaration else "",
                                        bool(declaration and declaration.review_flag),
                                        declaration.previous_review if declaration else "")
        self.refresh_state()

    def refresh_state(self) -> None:
        """Editors follow the sealed state (in a returned file: the declarations returned)."""
        for code, group in self.groups.items():
            show_return(self.returned[code], self.session.return_reason("veto", code))
            show_change(self.changed[code], self.session.change("veto", code),
                        self.session.replaced_revision)
            editable = self.session.editable("veto", code)
            for button in group.buttons():
                button.setEnabled(editable)
            self.explanations[code].setReadOnly(not editable)

    def flush(self) -> None:
        """Store pending typing now."""
        self._typing.flush()
        for review in self.reviews.values():
            review.flush()

    def _save(self, code: str, fields: dict[str, Any]) -> None:
        if not self.session.editable("veto", code):
            return
        stored = self.session.apply(ChangeSet(veto={code: fields}), {"page:veto"})
        self.error_label.setText("" if stored else "\n".join(self.session.last_problems))

    def _on_declared(self, code: str, choice: int) -> None:
        if not self.session.editable("veto", code):
            return
        declaration = self.session.data.veto.get(code)
        stored = self.session.undoable(
            _("Veto {code} declared").format(code=code),
            ChangeSet(veto={code: {"triggered": choice == 1}}),
            ChangeSet(veto={code: {"triggered": declaration.triggered if declaration else None}}),
            {"page:veto"})
        self.error_label.setText("" if stored else "\n".join(self.session.last_problems))

    def _on_typing_paused(self, pending: dict[str, Any]) -> None:
        for code, text in pending.items():
            self._save(code, {"explanation": text})
