"""A horizontal bar chart drawn with QPainter (Qt Charts is not part of PySide6-Essentials):
one bar per label, the value written at its end, a value axis with a scale and light grid
lines, and an optional labelled reference line (the 好 threshold).

The axis may start above 0 (totals of 92.5 to 101 on a 0–105 axis all look the same length):
the chart then says so under its scale. It grows with the room it is given, up to a row height
that keeps bars bars."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from selfassess.i18n import _

GRID_COLOUR = "#e0e0e0"
AXIS_COLOUR = "#616161"
REFERENCE_COLOUR = "#424242"


def axis_ticks(maximum: float, minimum: float = 0.0) -> list[float]:
    """Round tick values from ``minimum`` to ``maximum`` (5 to 10 of them: 0, 20, … 100 for
    0–105; 80, 85, … 105 for 80–105)."""
    span = maximum - minimum
    if span <= 0:
        return [float(minimum)]
    raw = span / 6
    power = 10 ** math.floor(math.log10(raw))
    step = next(power * factor for factor in (1, 2, 2.5, 5, 10) if power * factor >= raw)
    first = math.ceil(minimum / step - 1e-9)
    count = int(maximum / step + 1e-9) - first
    return [round(step * (first + n), 6) for n in range(count + 1)]


def nice_maximum(values: list[float], floor: float = 1.0) -> float:
    """An axis end a little above the largest value, on a round number (so 3 % loss rates do
    not use a sliver of a 100 % axis)."""
    top = max([*values, floor]) * 1.15
    ticks = axis_ticks(top)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else top
    return ticks[-1] if ticks[-1] >= top else ticks[-1] + step


def nice_minimum(values: list[float], reference: float | None = None, step: float = 10) -> float:
    """An axis start on a multiple of ``step`` strictly below the lowest value and the
    reference line (so both stay inside the plot), never below 0: 80 for totals of 92.5 to 101
    with 好 from 90."""
    lowest = min([*values, *([] if reference is None else [reference])], default=0.0)
    start = math.floor(lowest / step) * step
    if start >= lowest:
        start -= step
    return max(0.0, start)


class BarChart(QWidget):
    """``set_data(title, bars, maximum)`` with bars as (label, value, colour)."""

    GROWTH = 1.6  # the tallest row, as a multiple of the natural one

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.title = ""
        self.bars: list[tuple[str, float, str]] = []
        self.minimum = 0.0
        self.maximum = 1.0
        self.reference: float | None = None
        self.reference_label = ""
        self.unit = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, title: str, bars: list[tuple[str, float, str]], maximum: float,
                 reference: float | None = None, unit: str = "",
                 reference_label: str = "", minimum: float = 0.0) -> None:
        """Show new bars (values drawn with at most two decimals) on an axis from ``minimum``
        (clamped to the lowest value) to ``maximum``."""
        self.title, self.bars, self.unit = title, bars, unit
        self.minimum = min([minimum, *(v for _l, v, _c in bars)])
        self.maximum = max(maximum, max((v for _l, v, _c in bars), default=0.0),
                           self.minimum + 1e-9)
        self.reference, self.reference_label = reference, reference_label
        self.updateGeometry()
        self.update()

    @property
    def note(self) -> str:
        """What the chart says under its scale when the axis does not start at 0."""
        if not self.minimum or not self.bars:
            return ""
        return _("The axis starts at {start}, not at 0: compare where the bars end.").format(
            start=f"{self.minimum:g}{self.unit}")

    def rows(self) -> int:
        """Rows drawn: the title, the bars, the scale's values, the note if any."""
        return len(self.bars) + 2 + (1 if self.note else 0)

    def _natural_row(self) -> int:
        return int(self.fontMetrics().lineSpacing() * 1.6)

    def row_height(self) -> int:
        """The height of a row: the natural one, more when the chart is given more room."""
        natural = self._natural_row()
        return max(natural, min(int(natural * self.GROWTH), self.height() // max(1, self.rows())))

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("x") * 80,
                     self.rows() * self._natural_row())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _x(self, value: float, left: float, width: float) -> float:
        return left + width * (value - self.minimum) / (self.maximum - self.minimum)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        row = self.row_height()
        text_colour = self.palette().windowText().color()
        painter.setPen(text_colour)
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(0, 0, self.width(), row), Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        label_width = max((metrics.horizontalAdvance(label) for label, _v, _c in self.bars),
                          default=0) + 12
        value_width = metrics.horizontalAdvance("000.00" + self.unit) + 8
        plot_left = label_width
        plot_width = max(10, self.width() - label_width - value_width)
        bottom = row * (len(self.bars) + 1)
        ticks = axis_ticks(self.maximum, self.minimum)
        painter.setPen(QPen(QColor(GRID_COLOUR), 1))
        for tick in ticks:  # light grid lines, under the bars
            x = self._x(tick, plot_left, plot_width)
            painter.drawLine(int(x), row, int(x), bottom)
        bar_height = min(row * 0.6, metrics.lineSpacing() * 1.3)
        for number, (label, value, colour) in enumerate(self.bars):
            top = row * (number + 1)
            painter.setPen(text_colour)
            painter.drawText(QRectF(0, top, label_width - 8, row),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            length = self._x(max(self.minimum, value), plot_left, plot_width) - plot_left
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRect(QRectF(plot_left, top + (row - bar_height) / 2, length, bar_height))
            painter.setPen(text_colour)
            # a rate keeps two decimals (3.50 %, as printed); a score drops trailing zeros
            text = (f"{value:.2f}" if self.unit == "%" else
                    f"{value:.2f}".rstrip("0").rstrip(".")) + self.unit
            painter.drawText(QRectF(plot_left + length + 4, top, value_width, row),
                             Qt.AlignmentFlag.AlignVCenter, text)
        scale_height = metrics.lineSpacing() + 6
        for tick in ticks:  # the scale: its values under the axis, in the text colour
            x = self._x(tick, plot_left, plot_width)
            painter.setPen(QColor(AXIS_COLOUR))
            painter.drawLine(int(x), bottom, int(x), bottom + 4)
            painter.setPen(text_colour)
            text = f"{tick:g}{self.unit}"
            width = metrics.horizontalAdvance(text)
            painter.drawText(QRectF(x - width / 2 - 2, bottom + 4, width + 4, scale_height),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        painter.setPen(QPen(QColor(AXIS_COLOUR), 1))
        painter.drawLine(int(plot_left), bottom, int(plot_left + plot_width), bottom)
        if self.note:
            painter.setPen(text_colour)
            painter.drawText(QRectF(plot_left, bottom + 4 + scale_height, plot_width,
                                    metrics.lineSpacing() + 4),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.note)
        if self.reference is not None and self.bars:
            x = self._x(self.reference, plot_left, plot_width)
            painter.setPen(QPen(QColor(REFERENCE_COLOUR), 1, Qt.PenStyle.DashLine))
            painter.drawLine(int(x), row, int(x), bottom)
            if self.reference_label:  # what the line is, at its top
                painter.setPen(QColor(REFERENCE_COLOUR))
                painter.drawText(QRectF(x + 4, 0, self.width() - x - 4, row),
                                 Qt.AlignmentFlag.AlignVCenter, self.reference_label)
        painter.end()
