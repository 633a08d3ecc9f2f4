"""预览 / 打印 / 导出: the PDF of a file shown in a QPdfView, printed page by page at the printer's
resolution, saved as PDF or Excel. The PDF is laid out on a worker thread (its own read-only
connection); the dialog shows progress meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selfassess.i18n import _
from selfassess.office.bureau_xlsx import write_workbook
from selfassess.report import (
    collect,
    fonts_note,
    load_fonts,
    report_pdf,
    sheets_pdf,
)
from selfassess.store import AssessmentFile
from selfassess.ui.tasks import Task

POINTS_PER_INCH = 72.0


def render_file(path: Path, department_id: str | None = None, draft: bool = False
                ) -> Callable[..., tuple[bytes, list[str]]]:
    """A job for Task: the PDF of a file (or of one department of a bureau file)."""
    def job(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]
            ) -> tuple[bytes, list[str]]:
        progress(0, 0, _("Laying out the report…"))
        with AssessmentFile.open(path, readonly=True) as af:
            report = collect(af, department_id)
        fonts = load_fonts()
        render = sheets_pdf if department_id else report_pdf
        return render(report, draft=draft, fonts=fonts), fonts_note(fonts)
    return job


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Print every page at the printer's resolution, each in its own orientation, on the whole
    sheet (the PDF pages carry their own margins); returns the number of pages printed."""
    printer.setFullPage(True)
    painter = QPainter()
    printed = 0
    for page in range(document.pageCount()):
        points = document.pagePointSize(page)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape
                                   if points.width() > points.height()
                                   else QPageLayout.Orientation.Portrait)
        if page == 0:
            if not painter.begin(printer):
                return 0
        elif not printer.newPage():
            break
        area = printer.paperRect(QPrinter.Unit.DevicePixel).size().toSize()
        scale = printer.resolution() / POINTS_PER_INCH
        size = QSize(round(points.width() * scale), round(points.height() * scale)).scaled(
            area, Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QPointF(0, 0), document.render(page, size))
        printed += 1
    painter.end()
    return printed


class PreviewDialog(QDialog):
    """Shows a PDF being laid out, then lets the person print or save it."""

    def __init__(self, parent: QWidget, title: str, job: Callable[..., tuple[bytes, list[str]]],
                 suggested: Path, workbook_source: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("preview")
        self.suggested = suggested
        self.workbook_source = workbook_source
        self.pdf = b""
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView()
        self.view.setObjectName("preview_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(_("Laying out the report…"))
        self.status.setObjectName("preview_status")
        self.status.setWordWrap(True)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setObjectName("preview_print")
        self.save_button = QPushButton(_("Save as PDF…"))
        self.excel_button = QPushButton(_("Export to Excel…"))
        close = QPushButton(_("Close"))
        for button in (self.print_button, self.save_button, self.excel_button):
            button.setEnabled(False)
        self.excel_button.setVisible(workbook_source is not None)
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_pdf)
        self.excel_button.clicked.connect(self.save_workbook)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.print_button, self.save_button, self.excel_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        width = self.fontMetrics().horizontalAdvance("x")
        self.resize(width * 150, self.fontMetrics().lineSpacing() * 45)
        self.task = Task(self, job, _("Laying out the report…"))
        self.task.done.connect(self._on_rendered)
        self.task.error.connect(self._on_failed)
        self.task.start()

    def wait(self) -> None:
        """Wait for the layout (tests)."""
        self.task.wait()

    def _on_rendered(self, result: Any) -> None:
        self.pdf, notes = result
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        pages = self.document.pageCount()
        self.status.setText("\n".join([_("{count} page(s)").format(count=pages), *notes]))
        for button in (self.print_button, self.save_button, self.excel_button):
            button.setEnabled(pages > 0)

    def _on_failed(self, error: Any) -> None:
        problems = getattr(error, "problems", None) or [str(error)]
        self.status.setText("\n".join(problems[:5]))

    def print_dialog(self) -> None:
        """Ask for a printer, then print."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(self.suggested.stem)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            print_document(self.document, printer)

    def save_pdf(self) -> None:
        """Save the PDF (never over an existing file without the system's confirmation)."""
        name, _filter = QFileDialog.getSaveFileName(self, _("Save as PDF"), str(self.suggested),
                                                    "PDF (*.pdf)")
        if name:
            try:
                Path(name).write_bytes(self.pdf)
            except OSError as error:
                QMessageBox.warning(self, _("Save as PDF"), str(error))

    def save_workbook(self) -> None:
        """Export the tables to Excel."""
        if self.workbook_source is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export to Excel"), str(self.suggested.with_suffix(".xlsx")),
            "Excel (*.xlsx)")
        if not name:
            return
        try:
            with AssessmentFile.open(self.workbook_source, readonly=True) as af:
                write_workbook(collect(af), Path(name))
        except OSError as error:
            QMessageBox.warning(self, _("Export to Excel"), str(error))
