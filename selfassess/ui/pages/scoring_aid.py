"""The scoring aid of an item: tick deductions with counts, enter counts, pick a level or say
whether a binary item is met. The core proposes a score from it; the person accepts or
overrides it. The aid itself is stored with the answer so it reads back the same next time."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from selfassess.checklist.model import Item
from selfassess.i18n import N_, _
from selfassess.numbers import decimal_text
from selfassess.scoring import Aid, level_points, propose_score, proposed_losses
from selfassess.validation import MAX_AID_COUNT

MODE_NAMES = {
    "deduct": N_("deduction (扣分制)"),
    "count": N_("count (计数制)"),
    "binary": N_("met or not (达标制)"),
    "level": N_("levels (等级制)"),
    "manual": N_("manual score"),
}


class ScoringAid(QWidget):
    """Rebuilt for each item; emits the new Aid on every change and a proposal on request."""

    aid_changed = Signal(object)  # Aid
    accept_requested = Signal(object, str)  # proposed score (Decimal), reason text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: Item | None = None
        self._occurrences: dict[str, QSpinBox | QCheckBox] = {}
        self._counts: dict[str, QSpinBox] = {}
        self._choices = QButtonGroup(self)
        self._choices.idClicked.connect(self._on_changed)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._rules = QWidget()
        self._layout.addWidget(self._rules)
        footer = QHBoxLayout()
        self.proposal_label = QLabel()
        self.proposal_label.setObjectName("proposal")
        self.accept_button = QPushButton(_("Use the proposed score"))
        self.accept_button.setObjectName("accept_proposal")
        self.accept_button.clicked.connect(self._on_accept)
        footer.addWidget(self.proposal_label, 1)
        footer.addWidget(self.accept_button)
        self._layout.addLayout(footer)

    @property
    def rules(self) -> QWidget:
        """The widget holding this item's choices (made anew for each item)."""
        return self._rules

    # --- building ------------------------------------------------------------------------------

    def load(self, item: Item, aid: Aid) -> None:
        """Show the aid of ``item`` filled with ``aid`` (without emitting anything)."""
        self.item = item
        self._occurrences, self._counts = {}, {}
        for button in self._choices.buttons():
            self._choices.removeButton(button)
        self._layout.removeWidget(self._rules)
        # out of the window at once (not only when deleted later): a leftover would stay in
        # the focus chain, and Tab would wander into it
        self._rules.hide()
        self._rules.setParent(None)
        self._rules.deleteLater()
        self._rules = QWidget()
        grid = QGridLayout(self._rules)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        # on a wide screen the inputs stay beside their labels, not a window's width away
        self._rules.setMaximumWidth(self.fontMetrics().horizontalAdvance("字") * 40)
        row = 0
        for count in item.counts:
            spin = QSpinBox()
            spin.setObjectName(f"count_{count.code}")
            spin.setRange(-1, MAX_AID_COUNT)
            spin.setSpecialValueText(_("not entered"))
            spin.setValue(aid.counts.get(count.code, -1))
            spin.setSuffix(f" / {count.target}{count.unit}")
            spin.valueChanged.connect(self._on_changed)
            grid.addWidget(QLabel(_("{text} — actually done").format(text=count.text)), row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(QLabel(_("−{points} per missing").format(
                points=decimal_text(count.points_per_shortfall))), row, 2)
            self._counts[count.code] = spin
            row += 1
        for rule in item.deductions:
            times = aid.occurrences.get(rule.code, 0)
            label = QLabel(rule.text)
            label.setWordWrap(True)
            if rule.per_occurrence:
                widget: QSpinBox | QCheckBox = QSpinBox()
                widget.setRange(0, MAX_AID_COUNT)
                widget.setValue(times)
                widget.setSuffix(f" {rule.unit or _('times')}")
                widget.valueChanged.connect(self._on_changed)
                cost = _("−{points} each").format(points=decimal_text(rule.points))
                if rule.cap is not None:
                    cost += _(", at most −{cap}").format(cap=decimal_text(rule.cap))
            else:
                widget = QCheckBox()
                widget.setChecked(times > 0)
                widget.toggled.connect(self._on_changed)
                cost = f"−{decimal_text(rule.points)}"
            widget.setObjectName(f"deduction_{rule.code}")
            grid.addWidget(label, row, 0)
            grid.addWidget(widget, row, 1, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(QLabel(cost), row, 2)
            self._occurrences[rule.code] = widget
            row += 1
        if item.mode == "binary":
            for choice, (text, met) in enumerate(((_("met (full marks)"), True),
                                                  (_("not met (0 points)"), False))):
                button = QRadioButton(text)
                button.setObjectName(f"binary_{'met' if met else 'not_met'}")
                button.setChecked(aid.met is met)
                self._choices.addButton(button, choice)
                grid.addWidget(button, row, 0)
                row += 1
        if item.mode == "level":
            for choice, level in enumerate(item.levels):
                # what the level is worth here, in points (好（4分）), not a share of the max
                button = QRadioButton(_("{level} ({points} points)").format(
                    level=level.name, points=decimal_text(level_points(item, level))))
                button.setObjectName(f"level_{choice}")
                button.setChecked(aid.level == level.name)
                self._choices.addButton(button, choice)
                grid.addWidget(button, row, 0)
                row += 1
        if item.mode == "manual":
            grid.addWidget(QLabel(_("Enter the score directly below.")), row, 0)
        self._layout.insertWidget(0, self._rules)
        self._show_proposal()

    # --- reading ---------------------------------------------------------------------------------

    def aid(self) -> Aid:
        """The aid as entered now."""
        item = self.item
        if item is None:
            return Aid()
        occurrences = {}
        for code, widget in self._occurrences.items():
            times = widget.value() if isinstance(widget, QSpinBox) else int(widget.isChecked())
            if times:
                occurrences[code] = times
        counts = {code: spin.value() for code, spin in self._counts.items() if spin.value() >= 0}
        choice = self._choices.checkedId()
        level = item.levels[choice].name if item.mode == "level" and choice >= 0 else None
        met = (choice == 0) if item.mode == "binary" and choice >= 0 else None
        return Aid(occurrences, counts, level, met)

    def proposal(self) -> Decimal | None:
        """The score the rules suggest for what is entered, if any."""
        return propose_score(self.item, self.aid()) if self.item else None

    def reason(self) -> str:
        """A deduction reason written from the ticked rules (for the 扣分原因 field)."""
        if self.item is None:
            return ""
        return _("; ").join(_("{text} (−{points})").format(
            text=loss.text, points=decimal_text(loss.points))
            for loss in proposed_losses(self.item, self.aid()))

    def _show_proposal(self) -> None:
        proposal = self.proposal()
        manual = self.item is None or self.item.mode == "manual"
        self.accept_button.setVisible(not manual)
        self.proposal_label.setVisible(not manual)
        self.accept_button.setEnabled(proposal is not None and self.isEnabled())
        self.proposal_label.setText(
            _("Proposed score: {score}").format(score=decimal_text(proposal)) if proposal is not None
            else _("Proposed score: enter what applies above"))

    def _on_changed(self, *_args: object) -> None:
        self._show_proposal()
        self.aid_changed.emit(self.aid())

    def set_read_only(self, read_only: bool) -> None:
        """Show the choices as entered but let nobody change them (a sealed file, the review
        group's view): drawn normally, not the light grey of a disabled widget, which the
        review group could not read."""
        for widget in self._rules.findChildren(QWidget):
            if isinstance(widget, QSpinBox):
                widget.setReadOnly(read_only)
                widget.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons if read_only
                                        else QSpinBox.ButtonSymbols.UpDownArrows)
            elif isinstance(widget, QCheckBox | QRadioButton):
                widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, read_only)
                widget.setFocusPolicy(Qt.FocusPolicy.NoFocus if read_only
                                      else Qt.FocusPolicy.StrongFocus)
        self.accept_button.setVisible(not read_only and self.item is not None
                                      and self.item.mode != "manual")

    def _on_accept(self) -> None:
        proposal = self.proposal()
        if proposal is not None:
            self.accept_requested.emit(proposal, self.reason())

    def changeEvent(self, event: object) -> None:  # keep the button state with enabled-ness
        super().changeEvent(event)  # type: ignore[arg-type]
        if self.item is not None:
            self._show_proposal()
