"""Small building blocks shared by the pages."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSize, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from selfassess import FILE_SUFFIX
from selfassess.i18n import _
from selfassess.numbers import decimal_places, decimal_text, parse_decimal
from selfassess.ui.asking import file_to_save

if TYPE_CHECKING:
    from selfassess.bureau.resubmission import EntryChange

TYPING_SAVE_DELAY_MS = 400  # typing is saved this long after the last keystroke (≤ 1 s lost)


class Debouncer(QObject):
    """Collects field values while someone types and hands them over after a pause.

    ``flush()`` hands over at once (before navigating away, sealing or closing), so no
    keystroke is ever dropped by the delay.
    """

    fired = Signal(dict)

    def __init__(self, parent: QObject | None = None, delay_ms: int = TYPING_SAVE_DELAY_MS) -> None:
        super().__init__(parent)
        self._pending: dict[str, Any] = {}
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.flush)

    def set(self, key: str, value: Any) -> None:
        """Remember a value and restart the pause."""
        self._pending[key] = value
        self._timer.start()

    def discard(self) -> None:
        """Forget what is pending (the page is showing something else now)."""
        self._timer.stop()
        self._pending = {}

    def flush(self) -> None:
        """Hand over whatever is pending now."""
        self._timer.stop()
        if self._pending:
            pending, self._pending = self._pending, {}
            self.fired.emit(pending)

    @property
    def pending(self) -> bool:
        """True when something waits to be saved."""
        return bool(self._pending)


def text_colour(widget: QWidget, colour: str) -> None:
    """Draw a label's text in ``colour``, through its palette: a style sheet would give each
    such label a style of its own to build, polish and paint through."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    widget.setPalette(palette)


def wrap_label(text: str = "", object_name: str = "", selectable: bool = True) -> QLabel:
    """A label that wraps long Chinese text and can be selected for copying."""
    label = QLabel(text)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(label.textInteractionFlags()
                                      | label.textInteractionFlags().TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


def heading(text: str, factor: float = 1.25, object_name: str = "") -> QLabel:
    """A bold heading relative to the application font."""
    label = wrap_label(text, object_name)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)
    return label


def separator() -> QFrame:
    """A thin horizontal rule."""
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def text_editor(object_name: str, lines: int, on_text: Callable[[str], None],
                placeholder: str = "") -> QPlainTextEdit:
    """A multi-line editor of about ``lines`` lines that reports its text on every change."""
    editor = QPlainTextEdit()
    editor.setObjectName(object_name)
    editor.setTabChangesFocus(True)
    editor.setPlaceholderText(placeholder)
    height = editor.fontMetrics().lineSpacing() * lines + 14
    editor.setMinimumHeight(height)
    editor.setMaximumHeight(height if lines <= 4 else 16777215)
    editor.textChanged.connect(lambda: on_text(editor.toPlainText()))
    return editor


def set_text_quietly(editor: QPlainTextEdit | Any, text: str) -> None:
    """Show stored text without it counting as an edit."""
    blocked = editor.blockSignals(True)
    if isinstance(editor, QPlainTextEdit):
        if editor.toPlainText() != text:
            editor.setPlainText(text)
    elif editor.text() != text:
        editor.setText(text)
    editor.blockSignals(blocked)


class ErrorLabel(QLabel):
    """Red one-line-per-problem text that takes no room while empty."""

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setWordWrap(True)
        text_colour(self, "#b22222")
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


class PointsSpinBox(QDoubleSpinBox):
    """A score or points field on the item's step, with an explicit "not scored" state.

    The value one step below zero shows as ``empty_text`` and means "no score". Typed values
    are not rounded to the step: the core refuses an off-step value with a message instead.
    """

    def __init__(self, object_name: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setKeyboardTracking(False)  # report on Enter / focus change, not per keystroke
        self.setSpecialValueText(empty_text)
        self.setAccelerated(True)

    def textFromValue(self, value: float) -> str:
        """4 and 3.5, not 4.0 and 3.50."""
        return decimal_text(Decimal(f"{value:.{self.decimals()}f}"))

    def configure(self, maximum: Decimal, step: Decimal, allow_empty: bool = True) -> None:
        """Range 0…maximum (plus the empty state) on ``step``."""
        blocked = self.blockSignals(True)
        self.setDecimals(max(1, decimal_places(step)))
        self.setSingleStep(float(step))
        self.setMinimum(-float(step) if allow_empty else 0.0)
        self.setMaximum(float(maximum))
        self.blockSignals(blocked)
        self.updateGeometry()  # its width follows the values it can show

    def sizeHint(self) -> QSize:
        return self._wide_enough(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._wide_enough(super().minimumSizeHint())

    def _wide_enough(self, hint: QSize) -> QSize:
        """Qt sizes a spin box for its minimum and maximum: a maximum of 1 on a 0.5 step made
        a box that showed 0.5 as "0."; the widest value on the step counts too."""
        metrics = self.fontMetrics()
        step = self.singleStep()
        values = (self.maximum(), self.maximum() - step, step) if step > 0 else ()
        # measured as Qt measures: each value with a space after it, the empty text without
        ours = max((metrics.horizontalAdvance(self.textFromValue(value) + " ")
                    for value in values if value >= 0), default=0)
        qt = max(metrics.horizontalAdvance(self.textFromValue(self.minimum()) + " "),
                 metrics.horizontalAdvance(self.textFromValue(self.maximum()) + " "),
                 metrics.horizontalAdvance(self.specialValueText()))
        extra = ours - qt
        if extra > 0:
            hint.setWidth(hint.width() + extra)
        return hint

    def decimal_value(self) -> Decimal | None:
        """The value as an exact Decimal, or None in the empty state."""
        if self.specialValueText() and self.value() == self.minimum() and self.minimum() < 0:
            return None
        return parse_decimal(f"{self.value():.{self.decimals()}f}")

    def set_decimal(self, value: Decimal | None) -> None:
        """Show a stored value without it counting as an edit."""
        blocked = self.blockSignals(True)
        self.setValue(self.minimum() if value is None else float(value))
        self.blockSignals(blocked)


class SaveAsField(QWidget):
    """Where a new file goes: a path field and a 选择… button (the suffix is added if missing)."""

    edited = Signal()  # the person typed or chose a path

    def __init__(self, object_name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.edit = QLineEdit()
        self.edit.setObjectName(object_name)
        self.edit.textEdited.connect(lambda _text: self.edited.emit())
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._on_browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(browse)

    def text(self) -> str:
        """The path as typed."""
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def path(self) -> Path:
        """The chosen path, with the .selfassess suffix."""
        path = Path(self.edit.text().strip())
        return path if path.suffix == FILE_SUFFIX else path.with_name(path.name + FILE_SUFFIX)

    def _on_browse(self) -> None:
        name = file_to_save(self, self.title, self.edit.text(),
                            _("Self-assessment files (*{suffix})").format(suffix=FILE_SUFFIX))
        if name:
            self.edit.setText(name if name.endswith(FILE_SUFFIX) else name + FILE_SUFFIX)
            self.edited.emit()


# why the review group returned an entry (退回): shown above it, in the colour of a returned
# department in the secretary's table
RETURN_STYLE = ("background: #fce4ec; border: 1px solid #ad1457; padding: 4px; "
                "color: #5a0e30;")


def return_reason_label(object_name: str) -> QLabel:
    """A label for a returned entry's reason, hidden until there is one (``show_return``)."""
    label = wrap_label(object_name=object_name)
    label.setStyleSheet(RETURN_STYLE)
    label.hide()
    return label


def show_return(label: QLabel, reason: str | None) -> None:
    """Show the reason an entry was returned for, or hide the label."""
    label.setText(_("Returned for correction: {reason}").format(reason=reason or ""))
    label.setVisible(reason is not None)


# what the department changed since the revision the review group saw (已修改)
CHANGED_STYLE = ("background: #e3f2fd; border: 1px solid #1565c0; padding: 4px; "
                 "color: #0d2a4a;")


def change_label(object_name: str) -> QLabel:
    """A label for what changed in an entry, hidden until something did (``show_change``)."""
    label = wrap_label(object_name=object_name)
    label.setStyleSheet(CHANGED_STYLE)
    label.hide()
    return label


def show_change(label: QLabel, change: EntryChange | None, since: int | None) -> None:
    """Show what changed in an entry since revision ``since``, or hide the label."""
    if change is None:
        label.hide()
        return
    label.setText("\n".join([_("Changed since revision {old} (已修改):").format(
        old=since if since is not None else "—"), *change.details()]))
    label.show()
