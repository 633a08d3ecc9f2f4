"""The 整改台账 on paper (``report --ledger``, and part 6 of the bureau report): the measures
with status and 三色 on the day printed, overdue first, the counts per status, and a place to
sign. Landscape A4; the 三色 cell is filled in its colour and also says it in words, because
the copy that is signed is often printed in black and white."""

from __future__ import annotations

from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from selfassess.i18n import _
from selfassess.report.data import ReportData, date_words
from selfassess.report.fonts import FontSet
from selfassess.report.layout import LANDSCAPE, MARGIN, RunningHeader, table_style
from selfassess.report.ledger import LedgerLine, counts_text, ledger_lines
from selfassess.report.rows import Row, RowTable
from selfassess.report.sheet import BLANK_DATE, SheetBuilder

FILLS = {"red": "#ffcdd2", "yellow": "#fff59d", "green": "#c8e6c9"}  # as in the workbook
WIDE_MM = (LANDSCAPE[0] - 2 * MARGIN) / mm
# 序号 问题 整改措施 责任单位 责任人 完成时限 状态 三色 进展
COLUMN_MM = [15, 46, 53, 26, 18, 26, 14, 21]
COLUMN_MM.append(WIDE_MM - sum(COLUMN_MM))


class LedgerBuilder:
    """Flowables of the 整改台账."""

    def __init__(self, report: ReportData, fonts: FontSet, styles: dict[str, Any],
                 unit: str | None = None) -> None:
        self.report = report
        self.unit = unit
        self.fonts = fonts
        self.sheets = SheetBuilder(report, fonts, styles)
        self.p = self.sheets.p

    def table(self, lines: list[LedgerLine], trailer: list[Flowable] | None = None
              ) -> RowTable:
        header = [_("No."), _("Problem"), _("Measure"), _("Responsible unit"),
                  _("Responsible person"), _("Deadline"), _("Status"), _("Three colours"),
                  _("Progress")]
        rows = []
        for number, line in enumerate(lines, 1):
            progress = line.details()
            rows.append(Row(
                [self.p(str(number), "cell_center"), self.p(line.problem or "—"),
                 self.p(f"{line.measure.number}. {line.measure.text}" if line.measure.number
                        else line.measure.text),
                 self.p(line.department), self.p(line.measure.owner),
                 self.p(date_words(line.deadline)),
                 self.p(line.status_text, "cell_center"),
                 self.p(line.colour_text, "cell_center"), self.p(progress)],
                continued=partial(self.p, f"{number}" + _("(continued)"), "cell_center"),
                fills={7: FILLS[line.colour]} if line.colour else {},
                keep=True))  # a measure's row is not cut unless it fills a page
        return RowTable([self.p(h, "head", "heading") for h in header], rows,
                        [w * mm for w in COLUMN_MM], table_style(self.fonts.roles["body"]),
                        keep_last=min(1, len(rows)), trailer=trailer or [])

    def counts(self, lines: list[LedgerLine]) -> Flowable:
        return self.p(counts_text(lines) + _(" (三色 as of {date}; yellow: due within 30 "
                                             "days)").format(date=self.report.printed_on),
                      "body")

    def _signatures(self) -> list[Flowable]:
        cells = [[self.p(text, "signature_right" if column % 2 == 0 else "signature", "song")
                  if text else "" for column, text in enumerate(row)] for row in (
            [_("Compiled by (signature):"), "", _("Checked by (signature):"), "",
             _("(Seal of the unit)"), BLANK_DATE],)]
        style = [("FONTNAME", (0, 0), (-1, -1), self.fonts.roles["body"]),
                 ("LINEBELOW", (1, 0), (1, 0), 0.5, colors.black),
                 ("LINEBELOW", (3, 0), (3, 0), 0.5, colors.black),
                 ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                 ("TOPPADDING", (0, 0), (-1, -1), 7 * mm),
                 ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
        return [Spacer(0, 2 * mm), Table(cells, colWidths=[w * mm for w in (
            40, 45, 40, 45, 37, 60)], style=style, hAlign="LEFT")]

    def whose(self) -> str:
        """The bureau, or the department of a department file."""
        report = self.report
        if self.unit:
            return self.unit
        return (report.info.bureau_name if report.bureau or not report.departments
                else report.departments[0].name)

    def title(self) -> str:
        return _("{period} rectification ledger (整改台账)").format(
            period=self.report.period_title())

    def running_title(self) -> str:
        """What every page's top and the PDF's title say."""
        return f"{self.whose()} {self.title()}"

    def story(self) -> list[Flowable]:
        """The whole ledger: title, whose and as of when, counts, the table, signatures."""
        report = self.report
        title = self.title()
        lines = ledger_lines(report)
        meta = _("Unit: {name}    As of: {date}").format(name=self.whose(),
                                                        date=report.printed_on)
        # every page names the ledger; its page number is the footer's (one run)
        story: list[Flowable] = [RunningHeader(self.running_title(), numbered=False),
                                 self.p(title, "title", "title"), self.p(meta, "meta", "song"),
                                 self.counts(lines), Spacer(0, 2 * mm)]
        if not lines:
            return [*story, self.p(_("No measures were listed."), "body"),
                    *self._signatures()]
        return [*story, self.table(lines, trailer=self._signatures())]
