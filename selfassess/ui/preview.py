"""预览 / 打印 / 导出: the PDF of a file shown in a QPdfView, printed page by page at the printer's
resolution, saved as PDF or Excel. The PDF is laid out on a worker thread (its own read-only
connection); the dialog shows progress meanwhile.

Above the view: zoom (适合宽度, the default; 整页; smaller / larger in steps of 50–400 %, with the
percent shown) and pages (previous / next, and a box showing 第 n / N 页 that takes a page number).
Ctrl++ / Ctrl+- / Ctrl+0 zoom; PageUp / PageDown scroll a screen and Home / End go to the first /
last page when the view has the focus."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QPointF,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QResizeEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollBar,
    QSpinBox,
    QToolButton,
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
from selfassess.ui.asking import file_to_save, warn
from selfassess.ui.tasks import Task

POINTS_PER_INCH = 72.0
# zoom steps (1.0 = the page at its printed size on the screen); the smaller / larger buttons go
# to the next step from wherever the view is, fitted or not
ZOOM_STEPS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
ZOOM_SLACK = 0.005  # a fitted zoom this close to a step counts as on it
Spot = tuple[int, int, float]  # page, pixels from its top to the view's top, zoom of the page


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


def zoom_step(zoom: float, larger: bool) -> float:
    """The next zoom step above (or below) a zoom, within 50–400 %."""
    if larger:
        return next((step for step in ZOOM_STEPS if step > zoom + ZOOM_SLACK), ZOOM_STEPS[-1])
    return next((step for step in reversed(ZOOM_STEPS) if step < zoom - ZOOM_SLACK),
                ZOOM_STEPS[0])


def centre_of(bar: QScrollBar) -> float:
    """Where the middle of the visible part is, as a fraction of the whole length."""
    return (bar.value() + bar.pageStep() / 2) / max(1, bar.maximum() + bar.pageStep())


def centre_on(bar: QScrollBar, fraction: float) -> None:
    """Scroll so that the middle of the visible part is at a fraction of the whole length."""
    bar.setValue(round(fraction * (bar.maximum() + bar.pageStep()) - bar.pageStep() / 2))


class PageView(QPdfView):
    """The pages, one under the other. Home / End go to the first / last page (QPdfView does
    nothing with them; PageUp / PageDown scroll a screen as in any scroll area); ``resizing``
    and ``resized`` come before and after its size changes (and with it, a fitted zoom)."""

    resizing = Signal()
    resized = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        # the size QPdfView laid the pages out for: the viewport has its new size before the
        # view hears of it (and lays the pages out again)
        self.laid_out_for = self.viewport().size()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        if event.key() == Qt.Key.Key_Home:
            bar.setValue(bar.minimum())
        elif event.key() == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.resizing.emit()
        super().resizeEvent(event)
        self.laid_out_for = self.viewport().size()
        self.resized.emit()


class PageBox(QSpinBox):
    """The page number, typed over. Enter goes to the page typed, the one shown too (back to
    its top), and stops there: in a dialog it would go on to press the default button, 打印."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        shown = self.value()
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if self.value() == shown:  # QSpinBox tells only of a change
                self.valueChanged.emit(shown)


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
        self.view = PageView(self)
        self.view.setObjectName("preview_view")
        self.view.setAccessibleName(_("Pages of the document"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # Qt shows and hides scroll bars later, from the event loop: each time, the room of a
        # fitted page changes after the pages were placed, and they are placed again. A fitted
        # page never needs the horizontal one (it is on only for custom zooms); the vertical
        # one stays
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigator = self.view.pageNavigator()
        tools = self._tool_row()
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
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        buttons_of = self.tool_buttons
        order: list[QWidget] = [
            buttons_of["fit_width"], buttons_of["fit_page"], buttons_of["zoom_out"],
            buttons_of["zoom_in"], buttons_of["previous"], self.page_box, buttons_of["next"],
            self.view, self.print_button, self.save_button, self.excel_button, close]
        for first, second in itertools.pairwise(order):  # Tab goes as the eye reads
            QWidget.setTabOrder(first, second)
        self.navigator.currentPageChanged.connect(self._refresh)
        bar = self.view.verticalScrollBar()
        bar.valueChanged.connect(self._refresh)
        bar.rangeChanged.connect(self._refresh)
        self.view.zoomFactorChanged.connect(self._refresh)
        self.view.zoomModeChanged.connect(self._refresh)
        self._spot: Spot | None = None
        self.view.resizing.connect(self._before_resize)
        self.view.resized.connect(self._after_resize)
        self._refresh()
        # as large as the text wants, within the screen: at 150 % that is 1650 × 1125 pixels,
        # and a 1366×768 screen would show neither the title bar nor the buttons
        width = self.fontMetrics().horizontalAdvance("x")
        room = parent.screen().availableGeometry()
        self.resize(min(width * 150, room.width() * 95 // 100),
                    min(self.fontMetrics().lineSpacing() * 45, room.height() * 90 // 100))
        self.view.setFocus()
        self.task = Task(self, job, _("Laying out the report…"))
        self.task.done.connect(self._on_rendered)
        self.task.error.connect(self._on_failed)
        self.task.start()

    def _tool_row(self) -> QHBoxLayout:
        """Zoom and page controls: actions (shortcuts work anywhere in the dialog) on buttons."""
        def action(text: str, tip: str, slot: Callable[[], None],
                   keys: list[QKeySequence] | None = None, checkable: bool = False) -> QAction:
            made = QAction(text, self)
            made.setToolTip(tip)
            made.setCheckable(checkable)
            if keys:
                made.setShortcuts(keys)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        def native(keys: QKeySequence) -> str:
            return keys.toString(QKeySequence.SequenceFormat.NativeText)

        fit_width_key = QKeySequence("Ctrl+0")
        larger_keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn),
                       QKeySequence("Ctrl+=")]
        smaller_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut)
        self.fit_width_action = action(
            _("Fit width"),
            _("Make the pages as wide as the window ({shortcut})").format(
                shortcut=native(fit_width_key)),
            self.fit_width, [fit_width_key], checkable=True)
        self.fit_page_action = action(
            _("Whole page"), _("Show each page whole in the window"), self.fit_page,
            checkable=True)
        self.zoom_out_action = action(
            _("Zoom out"), _("Zoom out ({shortcut})").format(shortcut=native(smaller_keys[0])),
            self.zoom_out, smaller_keys)
        self.zoom_in_action = action(
            _("Zoom in"), _("Zoom in ({shortcut})").format(shortcut=native(larger_keys[0])),
            self.zoom_in, larger_keys)
        self.previous_action = action(_("Previous page"), _("Go to the previous page"),
                                      self.previous_page)
        self.next_action = action(_("Next page"), _("Go to the next page"), self.next_page)

        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("preview_zoom")
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance(" 400% "))
        self.zoom_label.setToolTip(_("Zoom: 100% is the printed size"))
        self.zoom_label.setAccessibleName(_("Zoom"))

        # one box for the indicator and the jump: "第 [n] / N 页", the number typed over
        self.page_box = PageBox()
        self.page_box.setObjectName("preview_page")
        self.page_box.setKeyboardTracking(False)  # go there on Enter, not at every digit typed
        self.page_box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.page_box.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_box.setToolTip(_("Type a page number and press Enter to go to that page"))
        self.page_box.setAccessibleName(_("Page number"))
        self.page_box.valueChanged.connect(self._page_chosen)

        self.tool_buttons: dict[str, QToolButton] = {}
        for name, made in (("fit_width", self.fit_width_action),
                           ("fit_page", self.fit_page_action),
                           ("zoom_out", self.zoom_out_action), ("zoom_in", self.zoom_in_action),
                           ("previous", self.previous_action), ("next", self.next_action)):
            button = QToolButton()
            button.setObjectName(f"preview_{name}")
            button.setDefaultAction(made)
            button.setAccessibleName(made.text())
            button.setAccessibleDescription(made.toolTip())
            self.tool_buttons[name] = button
        row = QHBoxLayout()
        for widget in (self.tool_buttons["fit_width"], self.tool_buttons["fit_page"],
                       self.tool_buttons["zoom_out"], self.zoom_label,
                       self.tool_buttons["zoom_in"], None, self.tool_buttons["previous"],
                       self.page_box, self.tool_buttons["next"]):
            if widget is None:
                row.addStretch(1)
            else:
                row.addWidget(widget)
        return row

    def wait(self) -> None:
        """Wait for the layout (tests)."""
        self.task.wait()

    # --- pages and zoom ------------------------------------------------------------------------

    def current_page(self) -> int:
        """The page being read (0-based). QPdfView calls current the page under a line 40 % down
        the view, so at the very end, where a short last page cannot scroll up that far, it
        names the page before; the end shows the last page, and that is what counts."""
        count = self.document.pageCount()
        bar = self.view.verticalScrollBar()
        if count and bar.maximum() > 0 and bar.value() >= bar.maximum():
            return count - 1
        return max(0, min(self.navigator.currentPage(), count - 1))

    def go_to_page(self, page: int) -> None:
        """Show a page (0-based) from its top, through the view's page navigator."""
        count = self.document.pageCount()
        if count == 0:
            return
        page = max(0, min(page, count - 1))
        if count == 1:
            self.view.verticalScrollBar().setValue(0)
            return
        zoom = self.navigator.currentZoom()
        if self.navigator.currentPage() == page:
            # the view scrolls only when the navigator's page changes: move the navigator off
            # the page without telling anyone, so going to the page it is on shows its top
            with QSignalBlocker(self.navigator):
                self.navigator.update(page - 1 if page else page + 1, QPointF(), zoom)
        self.navigator.jump(page, QPointF(), zoom)

    def _page_chosen(self, number: int) -> None:
        self.go_to_page(number - 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def zoom(self, page: int | None = None) -> float:
        """The zoom a page (by default the one being read) is drawn at, 1.0 = printed size. The
        fitted modes work theirs out page by page as they lay the pages out (a landscape table
        fits the width at a smaller zoom than a portrait cover) and leave zoomFactor() as it
        was: the same sum here."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.document.pageCount() == 0:
            return self.view.zoomFactor()
        points = self.document.pagePointSize(self.current_page() if page is None else page)
        screen = self.view.screen() or QGuiApplication.primaryScreen()
        pixels = screen.logicalDotsPerInch() / POINTS_PER_INCH
        margins = self.view.documentMargins()
        viewport = self.view.laid_out_for
        width = ((viewport.width() - margins.left() - margins.right())
                 / max(1.0, points.width() * pixels))
        if self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            return width
        height = (viewport.height() - self.view.pageSpacing()) / max(1.0, points.height() * pixels)
        return min(width, height)

    def _page_top(self, page: int) -> int:
        """Where the view puts the top of a page, in scroll bar steps. QPdfView keeps its page
        positions to itself: go there and back (nothing is painted in between)."""
        bar = self.view.verticalScrollBar()
        value = bar.value()
        self.go_to_page(page)
        top = bar.value()
        bar.setValue(value)
        return top

    def _reading_spot(self) -> Spot:
        """The page being read, how far into it the view's top is, and its zoom."""
        page = self.current_page()
        into_page = self.view.verticalScrollBar().value() - self._page_top(page)
        return page, into_page, self.zoom(page)

    def _show_spot(self, spot: Spot) -> None:
        """Back to a spot after a zoom or a resize moved the pages: the same place of the page
        at the top of the view (整页: the page from its top, whole)."""
        page, into_page, zoom = spot
        self.go_to_page(page)
        if into_page and self.view.zoomMode() != QPdfView.ZoomMode.FitInView:
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() + round(into_page * self.zoom(page) / zoom))

    def _change_zoom(self, mode: QPdfView.ZoomMode, factor: float | None = None) -> None:
        """Zoom, keeping the page being read in sight."""
        horizontal = self.view.horizontalScrollBar()
        spot = self._reading_spot() if self.document.pageCount() else None
        across = centre_of(horizontal)
        self.view.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if mode == QPdfView.ZoomMode.Custom
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if factor is not None:
            self.view.setZoomFactor(factor)
        self.view.setZoomMode(mode)
        if spot is not None:
            self._show_spot(spot)
        centre_on(horizontal, across)
        self._refresh()

    def _before_resize(self) -> None:
        # a fitted zoom changes with the view's size (maximizing the dialog): remember the spot
        fitted = self.view.zoomMode() != QPdfView.ZoomMode.Custom
        self._spot = self._reading_spot() if fitted and self.document.pageCount() else None

    def _after_resize(self) -> None:
        if self._spot is not None:
            spot, self._spot = self._spot, None
            self._show_spot(spot)
        self._refresh()

    def fit_width(self) -> None:
        """适合宽度: the pages as wide as the view (the default)."""
        self._change_zoom(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        """整页: each page whole in the view."""
        self._change_zoom(QPdfView.ZoomMode.FitInView)

    def zoom_in(self) -> None:
        self._change_zoom(QPdfView.ZoomMode.Custom, zoom_step(self.zoom(), larger=True))

    def zoom_out(self) -> None:
        self._change_zoom(QPdfView.ZoomMode.Custom, zoom_step(self.zoom(), larger=False))

    def page_indicator(self) -> str:
        """第 n / N 页 (Page n of N)."""
        return _("Page {page} of {count}").format(page=self.current_page() + 1,
                                                  count=self.document.pageCount())

    def _refresh(self) -> None:
        """Bring the controls in line with the view: page, percent, what can be pressed."""
        count = self.document.pageCount()
        page = self.current_page()
        ready = count > 0
        before, _page, after = _("Page {page} of {count}").partition("{page}")
        with QSignalBlocker(self.page_box):
            self.page_box.setRange(1, max(1, count))
            self.page_box.setPrefix(before.replace("{count}", str(count)))
            self.page_box.setSuffix(after.replace("{count}", str(count)))
            self.page_box.setValue(page + 1)
        self.page_box.setEnabled(ready)
        self.previous_action.setEnabled(ready and page > 0)
        self.next_action.setEnabled(ready and page < count - 1)
        zoom = self.zoom()
        mode = self.view.zoomMode()
        self.zoom_label.setText(f"{round(zoom * 100)}%" if ready else "")
        self.zoom_in_action.setEnabled(ready and zoom < ZOOM_STEPS[-1] - ZOOM_SLACK)
        self.zoom_out_action.setEnabled(ready and zoom > ZOOM_STEPS[0] + ZOOM_SLACK)
        self.fit_width_action.setEnabled(ready)
        self.fit_page_action.setEnabled(ready)
        self.fit_width_action.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_action.setChecked(mode == QPdfView.ZoomMode.FitInView)

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
        self._refresh()
        self.view.setFocus()  # PageUp / PageDown / Home / End at once

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
        name = file_to_save(self, _("Save as PDF"), str(self.suggested), "PDF (*.pdf)")
        if name:
            try:
                Path(name).write_bytes(self.pdf)
            except OSError as error:
                warn(self, _("Save as PDF"), str(error))

    def save_workbook(self) -> None:
        """Export the tables to Excel."""
        if self.workbook_source is None:
            return
        name = file_to_save(self, _("Export to Excel"), str(self.suggested.with_suffix(".xlsx")),
                            "Excel (*.xlsx)")
        if not name:
            return
        try:
            with AssessmentFile.open(self.workbook_source, readonly=True) as af:
                write_workbook(collect(af), Path(name))
        except OSError as error:
            warn(self, _("Export to Excel"), str(error))
