"""A horizontal bar chart drawn with QPainter (Qt Charts is not part of PySide6-Essentials):
one bar per label, the value written at its end, a value axis with a scale and light grid
lines, and an optional labelled reference line (the 好 threshold)."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


def axis_ticks(maximum: float) -> list[float]:
    """Round tick values from 0 to ``maximum`` (5 to 10 of them: 0, 20, … 100 for 105)."""
    if maximum <= 0:
        return [0.0]
    raw = maximum / 6
    power = 10 ** math.floor(math.log10(raw))
    step = next(power * factor for factor in (1, 2, 2.5, 5, 10) if power * factor >= raw)
    count = int(maximum / step + 1e-9)
    return [round(step * n, 6) for n in range(count + 1)]


def nice_maximum(values: list[float], floor: float = 1.0) -> float:
    """An axis end a little above the largest value, on a round number (so 3 % loss rates do
    not use a sliver of a 100 % axis)."""
    top = max([*values, floor]) * 1.15
    ticks = axis_ticks(top)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else top
    return ticks[-1] if ticks[-1] >= top else ticks[-1] + step


class BarChart(QWidget):
    """``set_data(title, bars, maximum)`` with bars as (label, value, colour)."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.title = ""
        self.bars: list[tuple[str, float, str]] = []
        self.maximum = 1.0
        self.reference: float | None = None
        self.reference_label = ""
        self.unit = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, title: str, bars: list[tuple[str, float, str]], maximum: float,
                 reference: float | None = None, unit: str = "",
                 reference_label: str = "") -> None:
        """Show new bars (values drawn with at most two decimals)."""
        self.title, self.bars, self.unit = title, bars, unit
        self.maximum = max(maximum, max((v for _l, v, _c in bars), default=0.0), 1e-9)
        self.reference, self.reference_label = reference, reference_label
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return int(self.fontMetrics().lineSpacing() * 1.6)

    def sizeHint(self) -> QSize:
        rows = len(self.bars) + 3  # the title, the bars, the axis and its labels
        return QSize(self.fontMetrics().horizontalAdvance("x") * 80, rows * self._row_height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        row = self._row_height()
        painter.setPen(self.palette().windowText().color())
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
        painter.setPen(QPen(QColor("#e6e6e6"), 1))
        for tick in axis_ticks(self.maximum):  # light grid lines, under the bars
            x = plot_left + plot_width * tick / self.maximum
            painter.drawLine(int(x), row, int(x), bottom)
        for number, (label, value, colour) in enumerate(self.bars):
            top = row * (number + 1)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(0, top, label_width - 8, row),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            length = plot_width * max(0.0, value) / self.maximum
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRect(QRectF(plot_left, top + row * 0.2, length, row * 0.6))
            painter.setPen(self.palette().windowText().color())
            # a rate keeps two decimals (3.50 %, as printed); a score drops trailing zeros
            text = (f"{value:.2f}" if self.unit == "%" else
                    f"{value:.2f}".rstrip("0").rstrip(".")) + self.unit
            painter.drawText(QRectF(plot_left + length + 4, top, value_width, row),
                             Qt.AlignmentFlag.AlignVCenter, text)
        muted = QColor("#9e9e9e")
        for tick in axis_ticks(self.maximum):  # the scale: its values under the axis
            x = plot_left + plot_width * tick / self.maximum
            painter.setPen(muted)
            painter.drawLine(int(x), bottom, int(x), bottom + 4)
            text = f"{tick:g}{self.unit}"
            width = metrics.horizontalAdvance(text)
            painter.drawText(QRectF(x - width / 2 - 2, bottom + 4, width + 4, row),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        painter.setPen(muted)
        painter.drawLine(int(plot_left), bottom, int(plot_left + plot_width), bottom)
        if self.reference is not None and self.bars:
            x = plot_left + plot_width * self.reference / self.maximum
            painter.setPen(QPen(QColor("#555555"), 1, Qt.PenStyle.DashLine))
            painter.drawLine(int(x), row, int(x), bottom)
            if self.reference_label:  # what the line is, at its top
                painter.setPen(QColor("#555555"))
                painter.drawText(QRectF(x + 4, 0, self.width() - x - 4, row),
                                 Qt.AlignmentFlag.AlignVCenter, self.reference_label)
        painter.end()
