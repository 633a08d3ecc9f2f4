"""A horizontal bar chart drawn with QPainter (Qt Charts is not part of PySide6-Essentials):
one bar per label, the value written at its end, an optional reference line."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class BarChart(QWidget):
    """``set_data(title, bars, maximum)`` with bars as (label, value, colour)."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.title = ""
        self.bars: list[tuple[str, float, str]] = []
        self.maximum = 1.0
        self.reference: float | None = None
        self.unit = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, title: str, bars: list[tuple[str, float, str]], maximum: float,
                 reference: float | None = None, unit: str = "") -> None:
        """Show new bars (values drawn with at most two decimals)."""
        self.title, self.bars, self.unit = title, bars, unit
        self.maximum = max(maximum, max((v for _l, v, _c in bars), default=0.0), 1e-9)
        self.reference = reference
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return int(self.fontMetrics().lineSpacing() * 1.6)

    def sizeHint(self) -> QSize:
        rows = len(self.bars) + 2
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
            text = f"{value:.2f}".rstrip("0").rstrip(".") + self.unit
            painter.drawText(QRectF(plot_left + length + 4, top, value_width, row),
                             Qt.AlignmentFlag.AlignVCenter, text)
        if self.reference is not None and self.bars:
            x = plot_left + plot_width * self.reference / self.maximum
            painter.setPen(QPen(QColor("#888888"), 1, Qt.PenStyle.DashLine))
            painter.drawLine(int(x), row, int(x), row * (len(self.bars) + 1))
        painter.end()
