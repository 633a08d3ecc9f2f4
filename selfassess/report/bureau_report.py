"""The bureau report (汇总报告): portrait cover and text, landscape tables, appendix of sheets.

1 cover · 2 考核结果汇总表 · 3 statistics with two charts · 4 失分较多的指标 · 5 未报单位 and
refused files · 6 问题清单 · 7 整改台账 · 8 复核意见 · 年度对比 (with earlier years kept) ·
9 appendix: every department's sheet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
)

from selfassess.comparison import (
    measures_text,
    scores_text,
    totals_table,
    year_on_year,
)
from selfassess.i18n import _
from selfassess.numbers import section_label
from selfassess.report.data import ReportData
from selfassess.report.fonts import FontSet
from selfassess.report.layout import LANDSCAPE, MARGIN, Deferred, Unnumbered, table_style
from selfassess.report.ledger import ledger_lines
from selfassess.report.rows import Row, RowTable
from selfassess.report.sheet import SheetBuilder, points
from selfassess.report.text import TextBlock
from selfassess.standing import STATES, DepartmentStanding
from selfassess.summary import grade_cell, quota_lines, statistics_text

WIDE = LANDSCAPE[0] - 2 * MARGIN
TALL = LANDSCAPE[1] - 2 * MARGIN
BAR = 14  # points per bar
CHART_ROWS = int((TALL - 60) // BAR)  # departments per chart drawing: one landscape page


NUMERIC = re.compile(r"[-−+]?\d+(\.\d+)?%?|—")


def _numeric(text: Any) -> bool:
    """True for cells that show a number, or "—" for none (right-aligned like in every score
    sheet)."""
    return NUMERIC.fullmatch(str(text)) is not None


class BureauReportBuilder:
    """The story of the bureau report."""

    def __init__(self, report: ReportData, fonts: FontSet, styles: dict[str, Any]) -> None:
        self.report = report
        self.fonts = fonts
        self.styles = styles
        self.sheets = SheetBuilder(report, fonts, styles)

    def p(self, text: str, style: str = "cell", role: str = "body") -> TextBlock:
        """A paragraph of text (escaped, fonts by coverage)."""
        return self.sheets.p(text, style, role)

    def _table(self, header: list[str], rows: list[list[Any]], widths_mm: list[float],
               extra: list[Any] | None = None) -> RowTable:
        """A table laid out page by page like the sheets: its header only at the top of a
        page, a continued row repeating its first cell with （续）."""
        def cell(value: Any) -> Flowable:
            return value if isinstance(value, Flowable) else self.p(
                str(value), "cell_right" if isinstance(value, int | float | Decimal)
                or _numeric(value) else "cell")

        def continued(first: Any) -> Callable[[], Flowable]:
            return lambda: self.p(f"{first}" + _("(continued)"))

        return RowTable([self.p(h, "head", "heading") for h in header],
                        [Row([cell(c) for c in row], continued=continued(row[0]))
                         for row in rows],
                        [w * mm for w in widths_mm],
                        table_style(self.fonts.roles["body"]) + (extra or []))

    # --- 1 cover ---------------------------------------------------------------------------------

    def cover(self, draft: bool) -> list[Flowable]:
        info = self.report.info
        lines = [
            _("Bureau: {name}").format(name=info.bureau_name),
            _("Period: {period}").format(period=info.period),
            _("Departments assessed: {count}; expected {expected}, received {received}").format(
                count=len(self.report.departments), expected=len(self.report.roster),
                received=self.report.received),
            _("Printed on {date}").format(date=self.report.printed_on),
            self._finality(draft),
        ]
        return [Unnumbered(), Spacer(0, 40 * mm),
                self.p(f"{info.bureau_name}\n{self.report.period_title()}"
                       f"{_('Assessment report of the 意识形态工作责任制')}", "cover_title", "title"),
                Spacer(0, 20 * mm)] + [self.p(line, "subtitle", "song") for line in lines]

    def _finality(self, draft: bool) -> str:
        """审定稿 only when every department expected was approved (审定); otherwise how many
        were, so a cover is never more final than its contents."""
        if draft:
            return _("DRAFT — not final")
        departments = self.report.departments
        approved = sum(1 for d in departments if d.approval is not None)
        if departments and approved == len(departments) and not self.report.missing:
            return _("Final version (审定稿)")
        return _("Approved (审定): {approved} of {count} departments").format(
            approved=approved, count=max(len(self.report.roster), len(departments)))

    # --- 2 summary table -----------------------------------------------------------------------

    def results(self) -> list[Flowable]:
        checklist = self.report.checklist
        codes = [section.code for section in checklist.sections]
        header = [_("Rank"), _("Department")] + [
            section_label(s.code, "").rstrip("、") for s in checklist.sections] + [
            _("Base"), _("Bonus"), _("Veto"), _("Self total"), _("Total"), _("Difference"),
            _("Grade"), _("Remarks")]
        rows = []
        for department in self.report.departments:  # listing order: by rank, vetoed last
            own, final = department.own, department.final
            remarks = [_(STATES[department.state])]
            if department.rank is None:
                remarks.append(_("vetoed"))
            if department.review.to_redo:
                remarks.append(_("{count} review(s) to redo").format(
                    count=department.review.to_redo))
            difference = final.total - own.total
            rows.append([department.rank or "—", department.name]
                        + [points(final.sections[c].score) for c in codes]
                        + [points(final.base), points(final.bonus),
                           "、".join(final.vetoed_by) or _("none"),
                           points(own.total), points(final.total),
                           points(difference) if difference else "0", grade_cell(department),
                           "；".join(remarks)])
        # 较好（由“好”调整） where the secretary lowered a grade: two lines of five characters
        grade = 24 if any(d.grade != d.final.grade for d in self.report.departments) else 12
        fixed = 10 + 46 + 12 * len(codes) + 14 + 12 + 15 + 15 + 15 + 13 + grade
        widths = [10, 46] + [12] * len(codes) + [14, 12, 15, 15, 15, 13, grade,
                                                 max(20, WIDE / mm - fixed)]
        align = [("ALIGN", (2, 1), (-2, -1), "RIGHT")]
        return [self.p(_("1. Results (考核结果汇总表)"), "heading", "heading"),
                self._table(header, rows, widths, align)]

    # --- 3 statistics ----------------------------------------------------------------------------

    def _chart(self, title: str, bars: list[tuple[str, float]], maximum: float,
               unit: str = "") -> Drawing:
        height = BAR * len(bars) + 40
        drawing = Drawing(WIDE, height)
        drawing.initialFontName = self.fonts.roles["body"]  # not the unembedded Helvetica
        chart = HorizontalBarChart()
        # the labels' column as wide as the widest name (up to 40 % of the page), so a long
        # unit name ends at the axis and starts inside the margin; a longer one is shortened
        font = self.fonts.roles["body"]
        most = WIDE * 0.4
        names = [self._fitted(self.fonts.single(label), font, most) for label, _v in bars]
        label_width = max(stringWidth(name, font, 8) for name in names) + 8
        chart.x, chart.y = label_width, 10
        chart.width, chart.height = WIDE - label_width - 50, BAR * len(bars)
        chart.data = [[value for _label, value in reversed(bars)]]
        chart.categoryAxis.categoryNames = list(reversed(names))
        chart.categoryAxis.labels.fontName = self.fonts.roles["body"]
        chart.categoryAxis.labels.fontSize = 8
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = maximum
        chart.valueAxis.labels.fontName = self.fonts.roles["body"]
        chart.valueAxis.labels.fontSize = 7
        chart.bars[0].fillColor = colors.HexColor("#2e7d32" if not unit else "#c62828")
        chart.barLabelFormat = lambda value: f"{value:.2f}".rstrip("0").rstrip(".") + unit
        chart.barLabels.fontName = self.fonts.roles["body"]
        chart.barLabels.fontSize = 7
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
        drawing.add(chart)
        drawing.add(String(0, height - 12, self.fonts.single(title, "heading"),
                           fontName=self.fonts.roles["heading"], fontSize=10))
        return drawing

    @staticmethod
    def _fitted(text: str, font: str, width: float) -> str:
        """``text`` shortened with … to fit ``width`` points at 8 pt."""
        if stringWidth(text, font, 8) <= width:
            return text
        while text and stringWidth(text + "…", font, 8) > width:
            text = text[:-1]
        return text + "…"

    def statistics(self) -> list[Flowable]:
        checklist = self.report.checklist
        stats = self.report.statistics
        story: list[Flowable] = [self.p(_("2. Statistics"), "heading", "heading")]
        story.append(self.p(statistics_text(stats), "body"))
        if not stats.count:
            return story
        story += [self.p(line, "body") for line in quota_lines(self.report.quotas, stats.count)]
        adjusted = [d for d in self.report.departments if d.adjustment is not None
                    and d.adjustment.lowers]
        if adjusted:  # the computed and the adjusted grade side by side, with the reason
            story += [Spacer(0, 2 * mm), self.p(_("Grades adjusted (等次调整)"), "subheading",
                                                "kai"),
                      self._table([_("Department"), _("Total"), _("Grade by the scores"),
                                   _("Adjusted grade"), _("Reason"), _("By"), _("Date")],
                                  [[d.name, points(d.final.total), d.final.grade, d.grade,
                                    d.adjustment.reason, d.adjustment.adjusted_by,
                                    d.adjustment.adjusted_at[:10]]
                                   for d in adjusted if d.adjustment is not None],
                                  [40, 18, 24, 24, WIDE / mm - 158, 26, 26])]
        bars = [(d.name, float(d.final.total)) for d in self.report.departments]
        maximum = float(checklist.full_marks + checklist.bonus_cap)
        for start in range(0, len(bars), CHART_ROWS):
            story += [Spacer(0, 3 * mm), self._chart(_("Totals by department"),
                                                     bars[start:start + CHART_ROWS], maximum)]
        titles = {section.code: section_label(section.code, section.title)
                  for section in checklist.sections}
        losses = [(titles[loss.code], float(loss.rate)) for loss in stats.sections]
        story += [Spacer(0, 3 * mm), CondPageBreak(14 * len(losses) + 60),
                  self._chart(_("Points lost by section (失分率, %)"), losses,
                              max(10.0, max(v for _l, v in losses) * 1.2), "%")]
        return story

    # --- 4 items that lost the most --------------------------------------------------------------

    def weak_items(self) -> list[Flowable]:
        items = self.report.checklist.items_by_code
        table_rows = [[f"{loss.code} {items[loss.code].title}", points(items[loss.code].max_points),
                       points(loss.lost), points(loss.possible), f"{loss.rate:.2f}%",
                       "、".join(loss.losers)]
                      for loss in self.report.statistics.items[:10]]  # by loss rate
        story: list[Flowable] = [self.p(_("3. Items that lost the most points"), "heading",
                                        "heading")]
        if not table_rows:
            return [*story, self.p(_("No item lost points."), "body")]
        header = [_("Item"), _("Max"), _("Lost"), _("Possible"), _("Loss rate"),
                  _("Departments that lost points")]
        return [*story, self._table(header, table_rows, [70, 14, 16, 16, 18, WIDE / mm - 134])]

    # --- 5 missing and refused -------------------------------------------------------------------

    def missing(self) -> list[Flowable]:
        story: list[Flowable] = [self.p(_("4. Not received, and files refused"), "heading",
                                        "heading")]
        missing = self.report.missing
        story.append(self.p(_("Not received: {names}").format(names="、".join(missing))
                            if missing else _("Every department on the roster sent its file."),
                            "body"))
        if self.report.refused:
            rows = [[r.file_name, _(r.outcome), r.reason] for r in self.report.refused]
            story += [Spacer(0, 2 * mm), self._table([_("File"), _("Outcome"), _("Reason")], rows,
                                                     [70, 18, WIDE / mm - 88])]
        return story

    # --- 6 问题清单, 7 整改台账 ------------------------------------------------------------------------

    def shortcomings(self) -> list[Flowable]:
        grouped: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for department in self.report.departments:
            for s in department.data.shortcomings:
                grouped[s.category].append((s.text, department.name, s.item_code))
        story: list[Flowable] = [self.p(_("5. Shortcomings by category (问题清单)"), "heading",
                                        "heading")]
        if not grouped:
            return [*story, self.p(_("No shortcomings were listed."), "body")]
        categories = [c for c in self.report.checklist.shortcoming_categories if c in grouped]
        for category in categories + sorted(set(grouped) - set(categories)):
            rows = [[n, text, name, code] for n, (text, name, code) in
                    enumerate(grouped[category], 1)]
            story += [self.p(_("{category} ({count})").format(category=category, count=len(rows)),
                             "subheading", "kai"),
                      self._table([_("No."), _("Shortcoming"), _("Department"), _("Item")], rows,
                                  [12, WIDE / mm - 12 - 40 - 18, 40, 18])]
        return story

    def measures(self) -> list[Flowable]:
        """The 整改台账 as ``report --ledger`` prints it (status and 三色 on the day printed,
        overdue first)."""
        from selfassess.report.ledger_report import LedgerBuilder

        ledger = LedgerBuilder(self.report, self.fonts, self.styles)
        lines = ledger_lines(self.report)
        story: list[Flowable] = [self.p(_("6. Rectification ledger (整改台账)"), "heading",
                                        "heading")]
        if not lines:
            return [*story, self.p(_("No measures were listed."), "body")]
        return [*story, ledger.counts(lines), Spacer(0, 2 * mm), ledger.table(lines)]

    # --- 8 复核意见 --------------------------------------------------------------------------------

    def reviews(self) -> list[Flowable]:
        rows = []
        for department in self.report.departments:
            for item in self.report.checklist.items:
                answer = department.data.answers.get(item.code)
                if answer is None or answer.review_score is None:
                    continue
                if answer.review_score == answer.self_score and not answer.not_applicable:
                    continue
                own = _("N/A") if answer.not_applicable else points(answer.self_score)
                rows.append([department.name, f"{item.code} {item.title}", own,
                             points(answer.review_score), answer.review_reason])
            for code, claim in sorted(department.data.bonus.items()):
                if claim.review_points is not None and claim.review_points != claim.points:
                    rows.append([department.name, code, points(claim.points),
                                 points(claim.review_points), claim.review_reason])
            for code, declaration in sorted(department.data.veto.items()):
                if (declaration.review_triggered is not None
                        and declaration.review_triggered != declaration.triggered):
                    rows.append([department.name, code, _("yes (有)") if declaration.triggered
                                 else _("no (无)"), _("yes (有)") if declaration.review_triggered
                                 else _("no (无)"), declaration.review_reason])
        story: list[Flowable] = [self.p(_("7. Review findings (复核意见)"), "heading",
                                        "heading")]
        if not rows:
            story.append(self.p(_("The review group changed no self score."), "body"))
        else:
            header = [_("Department"), _("Item"), _("Self score"), _("Review score"),
                      _("Reason")]
            story.append(self._table(header, rows, [35, 70, 18, 18, WIDE / mm - 141]))
        flagged = [line for line in self.report.evidence if line.flags]
        if flagged:  # they inform the review group; they never change a score
            story += [Spacer(0, 4 * mm), self.p(_("Evidence to look at (佐证材料提示)"),
                                                "subheading", "kai"),
                      self._table([_("Department"), _("Item"), _("Document"), _("Hash"),
                                   _("Notes")],
                                  [[line.department, line.target, line.ref.file_name,
                                    line.hash8, "；".join(flag.text for flag in line.flags)]
                                   for line in flagged],
                                  [35, 60, 60, 20, WIDE / mm - 175])]
        steps = self._returns_and_approvals()
        if steps:
            header = [_("Department"), _("Step"), _("Revision"), _("Date"), _("By"),
                      _("Note")]
            story += [Spacer(0, 4 * mm), self.p(_("Returns and approvals (退回与审定)"),
                                                "subheading", "kai"),
                      self._table(header, steps, [35, 20, 14, 24, 24, WIDE / mm - 117])]
        return story

    def _titles(self) -> dict[str, str]:
        checklist = self.report.checklist
        return {**{i.code: i.title for i in checklist.items},
                **{b.code: b.title for b in checklist.bonus_items},
                **{v.code: "" for v in checklist.veto_items}}

    def _returns_and_approvals(self) -> list[list[str]]:
        """Each return (with what was returned and why) and each approval, per department in
        listing order, oldest first."""
        rows = []
        for department in self.report.departments:
            steps: list[tuple[str, list[str]]] = []
            for record in department.returns:
                titles = self._titles()
                why = "；".join(f"{entry.code} {titles.get(entry.code, '')}：{entry.reason}"
                               for entry in record.entries)
                note = "。".join(part.rstrip("。") for part in (why, record.note) if part)
                steps.append((record.returned_at, [_("returned for correction"),
                                                   str(record.revision),
                                                   record.returned_at[:10], record.returned_by,
                                                   note]))
            for approval in department.approvals:
                steps.append((approval.approved_at, [_("approval"), str(approval.revision),
                                                     approval.approved_at[:10],
                                                     approval.approved_by, ""]))
                if approval.withdrawn_at:
                    steps.append((approval.withdrawn_at, [
                        _("approval withdrawn"), str(approval.revision),
                        approval.withdrawn_at[:10], approval.withdrawn_by, ""]))
            rows += [[department.name, *row] for _at, row in sorted(steps, key=lambda s: s[0])]
        return rows

    # --- 8 年度对比 ---------------------------------------------------------------------------

    def years(self) -> list[Flowable]:
        """Each department's totals over the years kept (``history add``), the items it lost
        points on in every one of them, and how far each earlier year's measures got."""
        report = self.report
        comparison = year_on_year(report.checklist, report.info.period, report.departments,
                                  report.history, report.statistics.mean)
        if comparison is None:
            return []
        header, rows = totals_table(comparison)
        story: list[Flowable] = [
            self.p(_("8. Year on year (年度对比)"), "heading", "heading"),
            self.p(_("Totals by year (各单位得分)"), "subheading", "kai"),
            self._table(header, rows, [45, *([30.0] * len(comparison.periods)), 25]),
            self.p(_("Items that lost points in every year (连续失分的指标)"), "subheading",
                   "kai")]
        if comparison.lost:
            lost = [[entry.department, f"{entry.code} {entry.title}", scores_text(entry)]
                    for entry in comparison.lost]
            story.append(self._table([_("Department"), _("Item"), _("Score by year")], lost,
                                     [45, 80, WIDE / mm - 125]))
        else:
            story.append(self.p(_("No department lost points on the same item in every year."),
                                "body"))
        story.append(self.p(_("Measures of earlier years (以往年度整改措施完成情况)"),
                            "subheading", "kai"))
        story += [self.p(measures_text(year), "body") for year in comparison.measures]
        return story

    # --- the whole report ----------------------------------------------------------------------

    def story(self, draft: bool) -> list[Flowable]:
        """Every part in order; the appendix holds each department's sheet."""
        story: list[Flowable] = self.cover(draft)
        story += [NextPageTemplate("landscape"), PageBreak()]
        for part in (self.results, self.statistics, self.weak_items, self.missing,
                     self.shortcomings, self.measures, self.reviews, self.years):
            story += [*part(), Spacer(0, 4 * mm)]
        for number, department in enumerate(self.report.departments, 1):
            story += [PageBreak(), Deferred(partial(self.appendix, number, department))]
        # the last attachment: every department's 佐证材料目录
        title = _("Appendix {number}: {name}").format(
            number=len(self.report.departments) + 1, name=_("catalogue of evidence"))
        story += [PageBreak(), Deferred(partial(self.sheets.catalogue,
                                                list(self.report.evidence), True, title))]
        return story

    def appendix(self, number: int, department: DepartmentStanding) -> list[Flowable]:
        """附件n: one department's sheet under its heading, every page naming it."""
        title = _("Appendix {number}: {name}").format(number=number, name=department.name)
        sheet = self.sheets.flowables(department, running=title)
        return [sheet[0], KeepTogether([self.p(title, "heading", "heading")]), *sheet[1:]]
