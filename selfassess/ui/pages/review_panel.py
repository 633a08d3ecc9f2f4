"""The review group's box (复核) under an item, a bonus claim or a veto item in review mode:
考核得分 (or 加分 / 是否触发) and the reason, stored at once like every edit."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from selfassess.i18n import _
from selfassess.ui.session import Session
from selfassess.ui.widgets import (
    Debouncer,
    ErrorLabel,
    PointsSpinBox,
    set_text_quietly,
    text_colour,
)

UNREVIEWED, KEEP, TRIGGERED = 0, 1, 2


def describe_previous(text: str) -> str:
    """``3 — 记录不全`` from the stored JSON of an earlier review."""
    try:
        earlier = json.loads(text) if text else {}
    except ValueError:
        return ""
    value = earlier.get("score")
    if isinstance(value, bool):  # a veto review
        value = _("triggered") if value else _("not triggered")
    return " — ".join(str(part) for part in (value, earlier.get("reason")) if part not in (None, ""))


class ReviewPanel(QGroupBox):
    """Review of one place; ``kind`` is item, bonus or veto."""

    def __init__(self, session: Session, kind: str, object_prefix: str = "review",
                 parent: QWidget | None = None, stacked: bool = False) -> None:
        super().__init__(_("Review (复核, by the review group)"), parent)
        self.session = session
        self.kind = kind
        self.code = ""
        self.setObjectName(f"{object_prefix}_panel")
        self.setStyleSheet("QGroupBox { background: #eef5ff; }")
        self._typing = Debouncer(self)
        self._typing.fired.connect(lambda pending: self._save(reason=pending["reason"]))
        self.flag_label = ErrorLabel(f"{object_prefix}_flag")
        text_colour(self.flag_label, "#a05a00")
        row = QHBoxLayout()
        if kind == "veto":
            from PySide6.QtWidgets import QComboBox  # a veto's only: the item page's start

            self.verdict = QComboBox()
            self.verdict.setObjectName(f"{object_prefix}_verdict")
            self.verdict.addItems([_("not reviewed"), _("confirmed: not triggered"),
                                   _("triggered by the review group")])
            self.verdict.currentIndexChanged.connect(lambda _i: self._save(value=self._verdict()))
            row.addWidget(QLabel(_("Review")))
            row.addWidget(self.verdict)
        else:
            self.score = PointsSpinBox(f"{object_prefix}_score", _("not reviewed"))
            self.score.valueChanged.connect(lambda _v: self._save(value=self.score.decimal_value()))
            row.addWidget(QLabel(_("Review score (考核得分)") if kind == "item"
                                 else _("Points granted")))
            row.addWidget(self.score)
        self.reason = QLineEdit()
        self.reason.setObjectName(f"{object_prefix}_reason")
        self.reason.setPlaceholderText(_("Reason (扣分原因 / 复核意见)"))
        self.reason.textEdited.connect(lambda text: self._typing.set("reason", text))
        self.error_label = ErrorLabel(f"{object_prefix}_error")
        # what the evidence cross-checks found on this place's documents, in view beside the
        # score (the documents themselves are further down the page)
        self.evidence_label = ErrorLabel(f"{object_prefix}_evidence_flags")
        text_colour(self.evidence_label, "#e65100")
        self.evidence_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.flag_label)
        layout.addWidget(self.evidence_label)
        layout.addLayout(row)
        if stacked:  # a narrow column beside the page: the reason gets a row of its own
            row.addStretch(1)
            layout.addWidget(QLabel(_("Reason (扣分原因 / 复核意见)")))
            layout.addWidget(self.reason)
        else:
            row.addWidget(self.reason, 1)
        layout.addWidget(self.error_label)
        self.flag_label.setWordWrap(True)
        self.error_label.setWordWrap(True)
        self.setVisible(session.review_mode)

    def _verdict(self) -> Any:
        index = self.verdict.currentIndex()
        return None if index == UNREVIEWED else index == TRIGGERED

    def load(self, code: str, value: Any, reason: str, flag: bool, previous: str,
             maximum: Decimal | None = None, step: Decimal | None = None) -> None:
        """Show the stored review of ``code``."""
        self._typing.flush()
        self.code = code
        if self.kind == "veto":
            blocked = self.verdict.blockSignals(True)
            self.verdict.setCurrentIndex(UNREVIEWED if value is None else
                                         TRIGGERED if value else KEEP)
            self.verdict.blockSignals(blocked)
        else:
            assert maximum is not None and step is not None
            self.score.configure(maximum, step)
            self.score.set_decimal(value)
        set_text_quietly(self.reason, reason)
        locked = self.session.review_locked
        for field in (self.verdict if self.kind == "veto" else self.score, self.reason):
            field.setEnabled(not locked)
        self.flag_label.setText(_("Approved (审定): withdraw the approval to change the review.")
                                if locked else
                                _("A newer revision changed this answer: review it again. "
                                  "Earlier review: {previous}").format(
                                      previous=describe_previous(previous) or "—")
                                if flag else "")
        flags = self.session.evidence_flags() if self.kind != "veto" else {}
        target = "item" if self.kind == "item" else "bonus"
        lines = ["⚠ " + _("{name}: {text}").format(
                     name=ref.file_name, text=_("; ").join(f.text for f in flags[ref.id]))
                 for ref in self.session.data.evidence_for(target, code) if ref.id in flags]
        self.evidence_label.setText("\n".join([_("Evidence to look at:"), *lines])
                                    if lines else "")
        self.error_label.clear()

    def flush(self) -> None:
        """Store a pending reason now."""
        self._typing.flush()

    def _save(self, **fields: Any) -> None:
        if not self.code or not self.session.review_mode:
            return
        from selfassess.bureau.review import Review  # the secretary's side: loaded when used

        department = self.session.data.department.id
        review = Review(department, self.kind, self.code, **fields)
        node = f"item:{self.code}" if self.kind == "item" else f"page:{self.kind}"
        stored = self.session.apply_review(review, {node})
        self.error_label.setText("" if stored else "\n".join(self.session.last_problems))
        if stored:
            self.flag_label.clear()
