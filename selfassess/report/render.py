"""Building the PDFs: data in, bytes out (``report.data.collect`` gathers the data)."""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import partial

from reportlab.platypus import Flowable, PageBreak

from selfassess.checkcode import Stamp
from selfassess.i18n import _
from selfassess.report.data import ReportData
from selfassess.report.fonts import FontSet, load_fonts
from selfassess.report.layout import Deferred, canvas_maker, document, stylesheet
from selfassess.report.sheet import SheetBuilder

Progress = Callable[[int, int, str], None]


def _build(story: list[Flowable], title: str, fonts: FontSet, draft: bool,
           first: str = "portrait", stamp: Stamp | None = None) -> bytes:
    buffer = io.BytesIO()
    doc = document(buffer, title, first)
    doc.build(story, canvasmaker=canvas_maker(fonts, draft, stamp))
    return buffer.getvalue()


def sheets_pdf(report: ReportData, draft: bool = False, fonts: FontSet | None = None,
               progress: Progress | None = None) -> bytes:
    """The score sheet of every department in ``report`` (usually one), landscape."""
    fonts = fonts or load_fonts()
    builder = SheetBuilder(report, fonts, stylesheet(fonts))
    story: list[Flowable] = []
    for number, department in enumerate(report.departments):
        if progress:
            progress(number, len(report.departments), department.name)
        if number:
            story.append(PageBreak())
        story.append(Deferred(partial(builder.flowables, department)))
        # its 佐证材料目录, an attachment on pages of its own
        lines = [line for line in report.evidence if line.department_id == department.id]
        # under the sheet's own running header: its pages count on from the sheet's, as the
        # footer's do
        story += [PageBreak(), Deferred(partial(builder.catalogue, lines, False,
                                                department.name))]
    if not report.departments:
        raise ValueError("no department to print")
    title = f"{report.period_title()}{report.checklist.title}"
    return _build(story, title, fonts, draft, first="landscape", stamp=report.stamp)


def bureau_pdf(report: ReportData, draft: bool = False, fonts: FontSet | None = None,
               progress: Progress | None = None) -> bytes:
    """The bureau report: cover, tables, statistics and every department's sheet."""
    from selfassess.report.bureau_report import BureauReportBuilder

    fonts = fonts or load_fonts()
    if progress:
        progress(0, 2, _("Laying out the report…"))
    builder = BureauReportBuilder(report, fonts, stylesheet(fonts))
    title = f"{report.info.bureau_name} {report.period_title()}"
    pdf = _build(builder.story(draft), title, fonts, draft, first="cover", stamp=report.stamp)
    if progress:
        progress(2, 2, "")
    return pdf


def ledger_pdf(report: ReportData, draft: bool = False, fonts: FontSet | None = None,
               progress: Progress | None = None, unit: str | None = None) -> bytes:
    """The 整改台账 of a bureau file (every department's measures) or of a department file;
    ``unit`` names whose it is when the report holds one department of a bureau."""
    from selfassess.report.ledger_report import LedgerBuilder

    fonts = fonts or load_fonts()
    builder = LedgerBuilder(report, fonts, stylesheet(fonts), unit)
    return _build(builder.story(), builder.running_title(), fonts, draft, first="landscape",
                  stamp=report.ledger_stamp)


def report_pdf(report: ReportData, draft: bool = False, fonts: FontSet | None = None,
               progress: Progress | None = None) -> bytes:
    """The bureau report for a bureau file, the score sheet for a department file."""
    if report.bureau:
        return bureau_pdf(report, draft, fonts, progress)
    return sheets_pdf(report, draft, fonts, progress)


def fonts_note(fonts: FontSet) -> list[str]:
    """One line per font problem, for the user (字体已替代, characters not printable)."""
    notes = []
    if fonts.substituted:
        notes.append(_("fonts substituted: the 公文 fonts are not on this computer, the bundled "
                       "font prints instead (字体已替代)"))
    if fonts.missing:
        notes.append(_("{count} character(s) no font here can print were printed as 〓: {codes}")
                     .format(count=len(fonts.missing), codes=", ".join(fonts.warnings()[:10])))
    return notes
