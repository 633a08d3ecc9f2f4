"""Page furniture shared by the PDFs: stylesheet, "第 X 页 共 Y 页", the draft marking, and a
document template with portrait and landscape A4 pages."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from selfassess.checkcode import Stamp, qr_text, short_code
from selfassess.i18n import _
from selfassess.notice import NOT_CLASSIFIED
from selfassess.report.fonts import FontSet

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN = 15 * mm
QR_SIZE = 10 * mm  # the 核对码's QR code, in the foot margin, clear of the paper's edge
QR_BOTTOM = 4.5 * mm  # most printers cannot print the last 4 mm


def stylesheet(fonts: FontSet, scale: float = 1.0) -> dict[str, ParagraphStyle]:
    """The named paragraph styles of the reports (CJK word wrap everywhere)."""
    def style(name: str, role: str, size: float, leading: float, align: int = TA_LEFT,
              **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=fonts.roles[role], fontSize=size * scale,
                              leading=leading * scale, alignment=align, wordWrap="CJK", **extra)

    return {
        "title": style("title", "title", 18, 26, TA_CENTER, spaceAfter=4 * mm),
        # 2号 (22 pt) as GB/T 9704 sets a title; its lines are broken where the words part
        "cover_title": style("cover_title", "title", 22, 34, TA_CENTER, spaceAfter=10 * mm),
        "subtitle": style("subtitle", "song", 12, 18, TA_CENTER, spaceAfter=2 * mm),
        "heading": style("heading", "heading", 14, 20, spaceBefore=4 * mm, spaceAfter=2 * mm,
                         keepWithNext=1),
        "subheading": style("subheading", "kai", 12, 17, spaceBefore=2 * mm, spaceAfter=1 * mm,
                            keepWithNext=1),
        "meta": style("meta", "song", 10.5, 15),
        "body": style("body", "body", 10.5, 15),
        "cell": style("cell", "body", 8.5, 11),
        "cell_center": style("cell_center", "body", 8.5, 11, TA_CENTER),
        "cell_right": style("cell_right", "body", 8.5, 11, TA_RIGHT),
        "head": style("head", "heading", 8.5, 11, TA_CENTER),
        "section_row": style("section_row", "heading", 9, 12),
        "signature": style("signature", "song", 10.5, 14),
        "signature_right": style("signature_right", "song", 10.5, 14, TA_RIGHT),
        "note": style("note", "song", 8, 11, textColor=colors.HexColor("#555555")),
    }


class RunningHeader(Flowable):  # type: ignore[misc]
    """Takes no room; from the page it is drawn on, every page carries ``text`` at its top
    with its page number within the run ("附件3：办公室　第 2 页 共 5 页"), until the next one."""

    def __init__(self, text: str, numbered: bool = True) -> None:
        super().__init__()
        self.text = text
        self.numbered = numbered  # False: the text only (a document of one run)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.running_header = self.text
        self.canv.run_numbered = self.numbered


class Unnumbered(Flowable):  # type: ignore[misc]
    """Takes no room; the page it is drawn on carries no page number and is not counted (a
    cover: GB/T 9704 numbers the text, not its cover)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.unnumbered = True


class Deferred(Flowable):  # type: ignore[misc]
    """Flowables made only when the layout reaches them: a bureau report's appendix of 1,000
    departments' sheets is never held in memory at once. It never fits, so the frame asks it to
    split, and the split is the flowables."""

    def __init__(self, make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.make = make

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, availHeight + 1

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return self.make()


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Draws "第 X 页 共 Y 页", the running header and the draft marking on each page as it ends.

    The totals are not known until the end, so each page refers to a form (a PDF XObject) that
    is written when the count is known: the document's page count, and each running header's
    page count when the run ends. A page is written out as soon as it is done, so memory does
    not grow with the number of pages (keeping every page until the end, the usual recipe,
    cost almost 1 MB per department in a bureau report)."""

    font_name = "Helvetica"
    draft = False
    running_header: str | None = None  # set by a RunningHeader flowable
    stamp: Stamp | None = None  # what the document is bound to: each page's 核对码
    run_numbered = True  # False: the running header without its own page count
    unnumbered = False  # set by an Unnumbered flowable, for the page it is on

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # an embedded font from the first byte: the default Helvetica is never embedded
        if not kwargs.get("initialFontName"):  # the doc template passes None
            kwargs["initialFontName"] = self.font_name
        super().__init__(*args, **kwargs)
        self._number = 0
        self._run_header: str | None = None  # the running header of the pages counted
        self._run_pages = 0
        self._runs = 0
        self._coded_pages: list[int] = []  # each page's number in its code (0: the cover)

    def showPage(self) -> None:
        if self.unnumbered:  # a cover: no folio, not counted
            self.unnumbered = False
            self._furniture(numbered=False)
            self._draw_check_code(0)
            super().showPage()
            return
        self._number += 1
        self._draw_check_code(self._number)
        if self.running_header != self._run_header:
            self._close_run()
            self._run_header, self._run_pages = self.running_header, 0
            self._runs += 1
        self._run_pages += 1
        self._furniture()
        super().showPage()

    def save(self) -> None:
        self._close_run()
        self._total_form("pages_total", _("of {total} pages").format(total=self._number))
        stamp = self._stamp()
        if stamp is not None:  # each page's QR code names the page count, known only now
            for index, page in enumerate(self._coded_pages):
                self.beginForm(f"qr_{index}")
                draw_qr(self, qr_text(stamp, page, self._number), QR_SIZE)
                self.endForm()
        super().save()

    def _stamp(self) -> Stamp | None:
        """The stamp as printed: a document marked 草稿 counts as a draft."""
        if self.stamp is None:
            return None
        return replace(self.stamp, draft=self.stamp.draft or self.draft)

    def _draw_check_code(self, page: int) -> None:
        """核对码 and its QR code at the foot, right (the QR drawn when the count is known)."""
        stamp = self._stamp()
        if stamp is None:
            return
        width = self._pagesize[0]
        self.saveState()
        self.setFont(self.font_name, 8)
        self.setFillColor(colors.black)
        self.drawRightString(width - MARGIN - QR_SIZE - 2 * mm, 8 * mm,
                             _("Check code {code}").format(code=short_code(stamp, page)))
        self.translate(width - MARGIN - QR_SIZE, QR_BOTTOM)
        self.doForm(f"qr_{len(self._coded_pages)}")
        self.restoreState()
        self._coded_pages.append(page)

    def _close_run(self) -> None:
        if self._run_header is not None:
            self._total_form(f"run_total_{self._runs}",
                             _("of {total} pages").format(total=self._run_pages))

    def _total_form(self, name: str, text: str) -> None:
        self.beginForm(name)
        self.setFont(self.font_name, 9)
        self.setFillColor(colors.black)
        self.drawString(0, 0, text)
        self.endForm()

    def _furniture(self, numbered: bool = True) -> None:
        width, height = self._pagesize
        self.saveState()
        self.setFont(self.font_name, 9)
        self.setFillColor(colors.black)
        if numbered:
            # "第 X 页" ends just left of the middle, the form "共 Y 页" starts right of it
            self.drawRightString(width / 2 - 2, 8 * mm, _("Page {number}").format(
                number=self._number))
            self.saveState()
            self.translate(width / 2 + 2, 8 * mm)
            self.doForm("pages_total")
            self.restoreState()
        if numbered and self.running_header and not self.run_numbered:
            self.drawString(MARGIN, height - 9 * mm, self.running_header)
        elif numbered and self.running_header and self._run_header == self.running_header:
            text = _("{header} · page {number}").format(header=self.running_header,
                                                      number=self._run_pages) + " "
            self.drawString(MARGIN, height - 9 * mm, text)
            self.saveState()
            self.translate(MARGIN + self.stringWidth(text, self.font_name, 9), height - 9 * mm)
            self.doForm(f"run_total_{self._runs}")
            self.restoreState()
        self.setFont(self.font_name, 7.5)
        self.setFillColor(colors.HexColor("#555555"))
        self.drawString(MARGIN, 8 * mm, _(NOT_CLASSIFIED))
        if self.draft:
            self.setFont(self.font_name, 9)
            self.setFillColor(colors.HexColor("#b22222"))
            self.drawRightString(width - MARGIN, height - 9 * mm, _("DRAFT — not final"))
            self.setFont(self.font_name, 90)
            self.setFillColor(colors.Color(0.85, 0.2, 0.2, alpha=0.12))
            self.translate(width / 2, height / 2)
            self.rotate(35)
            self.drawCentredString(0, -30, _("DRAFT"))
        self.restoreState()


def canvas_maker(fonts: FontSet, draft: bool, stamp: Stamp | None = None
                 ) -> type[NumberedCanvas]:
    """A canvas class bound to the document's font, draft state and stamp (核对码)."""
    return type("ReportCanvas", (NumberedCanvas,), {"font_name": fonts.roles["song"],
                                                    "draft": draft, "stamp": stamp})


def draw_qr(canvas: Canvas, text: str, size: float) -> None:
    """A QR code of ``text``, ``size`` points square, at the canvas's origin: reportlab's own
    encoder (error correction M), its modules drawn as rectangles here (rendering the widget
    would put an unembedded Helvetica on the page)."""
    widget = QrCodeWidget(text, barLevel="M")
    widget.qr.make()
    modules = widget.qr.modules
    count = len(modules)
    box = size / (count + 2)  # a quiet zone of one module
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(0, 0, size, size, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    for row_number, row in enumerate(modules):
        y = size - (row_number + 2) * box
        column = 0
        for dark, run in itertools.groupby(bool(module) for module in row):
            length = len(list(run))
            if dark:
                canvas.rect((column + 1) * box, y, length * box, box, stroke=0, fill=1)
            column += length
    canvas.restoreState()


def document(target: Any, title: str, first: str = "portrait",
             author: str = "selfassess") -> BaseDocTemplate:
    """A document with ``portrait``, ``landscape`` and ``cover`` page templates, starting with
    ``first``. The cover keeps the GB/T 9704 margins: 37 mm top, 28 mm left, a 156 × 225 mm
    text block."""
    # invariant: a fixed document id and date (SOURCE_DATE_EPOCH when set), so the same
    # content prints to the same bytes
    doc = BaseDocTemplate(target, pagesize=PORTRAIT, title=title, author=author,
                          creator="selfassess", invariant=1, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=MARGIN)
    portrait = Frame(MARGIN, MARGIN, PORTRAIT[0] - 2 * MARGIN, PORTRAIT[1] - 2 * MARGIN,
                     id="portrait", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    wide = Frame(MARGIN, MARGIN, LANDSCAPE[0] - 2 * MARGIN, LANDSCAPE[1] - 2 * MARGIN,
                 id="landscape", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    cover = Frame(28 * mm, 35 * mm, 156 * mm, 225 * mm, id="cover", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    templates = [PageTemplate("portrait", [portrait], pagesize=PORTRAIT),
                 PageTemplate("landscape", [wide], pagesize=LANDSCAPE),
                 PageTemplate("cover", [cover], pagesize=PORTRAIT)]
    templates.sort(key=lambda template: template.id != first)  # the first page's template first
    doc.addPageTemplates(templates)
    return doc


def table_style(font: str, header_rows: int = 1) -> list[tuple[Any, ...]]:
    """Grid, header shading, top-aligned cells; plain cells in an embedded font (the table's
    default, Helvetica, would otherwise end up in the PDF unembedded)."""
    return [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
