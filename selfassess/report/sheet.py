"""The department score sheet (自评表), A4 landscape, as the office has always signed it.

序号 | 考核项目 | 考核内容 | 分值 | 评分标准 | 自评得分 | 扣分原因 / 自查情况 | 佐证材料 | 考核得分 | 备注, the
header row repeated on every page, a subtotal after each section, then the base total, the
bonus claims with the cap applied, the veto declarations, 合计 and 等次, and the signature block.
On a department's own print the 考核得分 column is empty; on the bureau's it holds the final
score (the review group's where they entered one). Rows may split across pages, so a 20,000
character narrative prints in full.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from selfassess.checklist.model import Checklist
from selfassess.evidence_review import CatalogueLine, size_text
from selfassess.i18n import _
from selfassess.numbers import decimal_text, section_label
from selfassess.report.data import ReportData, date_words
from selfassess.report.fonts import FontSet
from selfassess.report.layout import RunningHeader, table_style
from selfassess.report.rows import Row, RowTable
from selfassess.report.text import TextBlock
from selfassess.standing import DepartmentStanding
from selfassess.summary import grade_cell

COLUMN_MM = (12, 26, 44, 9, 45, 15, 60, 24, 15, 17)  # 267 mm: A4 landscape less 15 mm margins
BLANK_DATE = "______年____月____日"


def points(value: Decimal | None) -> str:
    """A score as printed: 4, 3.5, or empty."""
    return "" if value is None else decimal_text(value)


class SheetBuilder:
    """Flowables of one department's sheet."""

    def __init__(self, report: ReportData, fonts: FontSet, styles: dict[str, Any]) -> None:
        self.report = report
        self.checklist: Checklist = report.checklist
        self.fonts = fonts
        self.styles = styles
        self.bureau_view = report.bureau

    def p(self, text: str, style: str = "cell", role: str = "body") -> TextBlock:
        """User or checklist text in a style: fonts by coverage, Chinese line breaking."""
        return TextBlock(self.fonts.runs(text.replace("\r\n", "\n"), role), self.styles[style])

    def _header(self, department: DepartmentStanding) -> list[Flowable]:
        title = f"{self.report.period_title()}{self.checklist.title}"
        seals = department.data.department
        state = (_("sealed, revision {revision}").format(revision=seals.revision)
                 if seals.sealed else _("draft"))
        meta = Table([[self.p(text, "meta", "song") for text in (
            _("Unit assessed (seal): {name}").format(name=department.name),
            _("Period: {period}").format(period=self.report.info.period),
            _("Date filled in: {date}").format(date=BLANK_DATE), state)]],
            colWidths=[95 * mm, 50 * mm, 70 * mm, 52 * mm],
            style=[("LEFTPADDING", (0, 0), (-1, -1), 0),
                   ("FONTNAME", (0, 0), (-1, -1), self.fonts.roles["body"])])
        return [self.p(title, "title", "title"), meta, Spacer(0, 2 * mm)]

    def _head_row(self) -> list[Any]:
        names = [_("No."), _("Area (考核项目)"), _("What is checked (考核内容)"), _("Max"),
                 _("Scoring rules (评分标准)"), _("Self score"),
                 _("Reason for lost points / what was done"), _("Evidence"),
                 _("Review score"), _("Remarks")]
        return [self.p(name, "head", "heading") for name in names]

    def _continued(self, number: str) -> Callable[[], TextBlock]:
        """The 序号 cell of a row continued on the next page: ``1.2（续）``."""
        return lambda: self.p(number + _("(continued)"), "cell_center")

    def _item_rows(self, department: DepartmentStanding) -> list[Row]:
        rows: list[Row] = []
        data = department.data
        for section in self.checklist.sections:
            # "（20分）": the section's maximum, never the word for bonus points
            rows.append(Row([self.p(section_label(section.code, section.title)
                                    + _("({points} points)").format(
                                        points=decimal_text(section.max_points)),
                                    "section_row", "heading")] + [""] * 9,
                            spans=[(0, 9)], kind="section", shade=True))
            for item in section.items:
                answer = data.answers.get(item.code)
                if answer is not None and answer.not_applicable:
                    own = _("N/A")
                else:
                    own = points(answer.self_score) if answer else "—"
                text = []
                if answer and answer.deduction_reason.strip():
                    text.append(_("Lost points: {reason}").format(reason=answer.deduction_reason))
                if answer and answer.narrative.strip():
                    text.append(_("Done: {narrative}").format(narrative=answer.narrative))
                if answer and answer.not_applicable:
                    text.append(_("Not applicable: {reason}").format(reason=answer.na_reason))
                evidence = "\n".join(f"{n}. {ref.file_name}" for n, ref in enumerate(
                    data.evidence_for("item", item.code), 1))
                final = department.final.items.get(item.code)
                review = ""
                remarks = ""
                if self.bureau_view:
                    review = _("N/A") if final is None else points(final)
                    if answer and answer.review_score is not None and answer.review_reason:
                        remarks = answer.review_reason
                rows.append(Row([
                    self.p(item.code, "cell_center"), self.p(item.title),
                    self.p(item.content), self.p(points(item.max_points), "cell_center"),
                    self.p(item.criteria), self.p(own, "cell_center"),
                    self.p("\n".join(text)), self.p(evidence), self.p(review, "cell_center"),
                    self.p(remarks)], continued=self._continued(item.code)))
            own_total = department.own.sections[section.code].score
            final_total = department.final.sections[section.code].score
            rows.append(Row([self.p(_("Subtotal"), "cell_center", "heading"), "", "",
                             self.p(points(section.max_points), "cell_center"), "",
                             self.p(points(own_total), "cell_center"), "", "",
                             self.p(points(final_total) if self.bureau_view else "",
                                    "cell_center"), ""], spans=[(0, 2)], kind="total"))
        return rows

    def _total_rows(self, department: DepartmentStanding) -> list[Row]:
        own, final, data = department.own, department.final, department.data
        rows: list[Row] = []

        def labelled(label: str, own_value: str, note: str, final_value: str,
                     remark: str = "") -> None:
            rows.append(Row([self.p(label, "cell", "heading"), "", "", "", "",
                             self.p(own_value, "cell_center"), self.p(note), "",
                             self.p(final_value if self.bureau_view else "", "cell_center"),
                             self.p(remark)], spans=[(0, 4), (6, 7)], kind="total",
                            continued=lambda: self.p(label + _("(continued)"), "cell",
                                                     "heading")))

        labelled(_("Base total (基础得分)"), points(own.base), "", points(final.base))
        for bonus in self.checklist.bonus_items:
            claim = data.bonus.get(bonus.code)
            if claim is None or not (claim.points or claim.review_points):
                continue
            files = "、".join(ref.file_name for ref in data.evidence_for("bonus", bonus.code))
            note = claim.narrative + (("\n" + _("Evidence: {files}").format(files=files))
                                      if files else "")
            granted = claim.review_points if claim.review_points is not None else claim.points
            labelled(_("Bonus {code}: {title}").format(code=bonus.code, title=bonus.title),
                     points(claim.points), note, points(granted), claim.review_reason)
        labelled(_("Bonus total (cap {cap})").format(cap=decimal_text(self.checklist.bonus_cap)),
                 points(own.bonus), _("claimed {claimed}").format(
                     claimed=decimal_text(own.bonus_claimed)) if own.bonus_claimed != own.bonus
                 else "", points(final.bonus))
        for veto in self.checklist.veto_items:
            declaration = data.veto.get(veto.code)
            declared = (None if declaration is None else declaration.triggered)
            answer = {None: _("not declared"), False: _("no (无)"), True: _("yes (有)")}[declared]
            review = ""
            if declaration is not None and declaration.review_triggered is not None:
                review = _("yes (有)") if declaration.review_triggered else _("no (无)")
            labelled(_("Veto {code}: {text}").format(code=veto.code, text=veto.text), answer,
                     declaration.explanation if declaration else "", review,
                     declaration.review_reason if declaration else "")
        labelled(_("Total (合计)"), points(own.total), "", points(final.total))
        # the review column: the grade as decided (lowered by an 等次调整, saying so)
        labelled(_("Grade (等次)"), own.grade, "", grade_cell(department))
        return rows

    def _signatures(self) -> list[Flowable]:
        """Labels with ruled blanks to sign on (the seal goes beside the date)."""
        rows = [
            [_("Filled in by (signature):"), "", _("Telephone:"), "",
             _("Head of the department (signature):"), ""],
            [_("(Seal of the unit)"), "", "", "", "", BLANK_DATE],
        ]
        if self.bureau_view:
            rows.append([_("Review group members (signature):"), "", "", "",
                         _("Review date:"), BLANK_DATE])
        # a label ends where its blank begins (right-aligned); the seal's place stays left
        cells = [[self.p(text, "signature" if number == 1 or column % 2 else "signature_right",
                         "song") if text else ""
                  for column, text in enumerate(row)] for number, row in enumerate(rows)]
        ruled = [("FONTNAME", (0, 0), (-1, -1), self.fonts.roles["body"]),
                 ("LINEBELOW", (1, 0), (1, 0), 0.5, colors.black),
                 ("LINEBELOW", (3, 0), (3, 0), 0.5, colors.black),
                 ("LINEBELOW", (5, 0), (5, 0), 0.5, colors.black),
                 ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                 ("TOPPADDING", (0, 0), (-1, -1), 7 * mm),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                 ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
        if self.bureau_view:
            ruled.append(("LINEBELOW", (1, 2), (3, 2), 0.5, colors.black))
            ruled.append(("SPAN", (1, 2), (3, 2)))
        table = Table(cells, colWidths=[w * mm for w in (46, 45, 22, 34, 60, 60)], style=ruled,
                      hAlign="LEFT")
        return [Spacer(0, 2 * mm), table]  # kept with 合计 and 等次 by the RowTable

    def catalogue(self, lines: list[CatalogueLine], with_department: bool,
                  running: str) -> list[Flowable]:
        """佐证材料目录: each document by department and item, with its type, size, the day it
        was attached and the first 8 hex of its hash (ask for "the document 3f2a9c01"); what
        the cross-checks found beside it."""
        header = [_("No."), *([_("Department")] if with_department else []), _("Item"),
                  _("Document"), _("Type"), _("Size"), _("Attached"), _("Hash"), _("Notes")]
        widths = [12, *([34] if with_department else []), 50, 56, 20, 18, 26, 24]
        widths.append(267 - sum(widths))
        rows = []
        for number, line in enumerate(lines, 1):
            cells = [str(number), *([line.department] if with_department else []), line.target,
                     line.ref.file_name, line.kind or "—", size_text(line.ref.size),
                     date_words(line.ref.added_at[:10]), line.hash8,
                     "；".join(flag.text for flag in line.flags)]
            rows.append(Row([self.p(text, "cell_center" if column == 0 else "cell")
                             for column, text in enumerate(cells)],
                            continued=partial(self.p, f"{number}" + _("(continued)"),
                                              "cell_center"), keep=True))
        story: list[Flowable] = [RunningHeader(running),
                                 self.p(_("Catalogue of evidence (佐证材料目录)"), "title", "title")]
        if not rows:
            return [*story, self.p(_("No evidence was attached."), "body")]
        return [*story, RowTable([self.p(h, "head", "heading") for h in header], rows,
                                 [w * mm for w in widths], table_style(self.fonts.roles["body"]))]

    def flowables(self, department: DepartmentStanding, running: str | None = None
                  ) -> list[Flowable]:
        """The whole sheet of one department: the table laid out page by page, its last two
        rows (合计, 等次) kept with the explanation and the signature block; every page says
        whose it is (``running``, the department's name unless given)."""
        style = table_style(self.fonts.roles["body"])
        rows = self._item_rows(department) + self._total_rows(department)
        explanation = [e.text for e in department.final.explanation]
        trailer: list[Flowable] = []
        if explanation:
            # one sentence: parts joined by "；" without their own full stops
            trailer += [Spacer(0, 2 * mm), self.p(
                _("How the total came about: ") + "；".join(text.rstrip("。；;.")
                                                         for text in explanation) + "。",
                "note", "song")]
        trailer += self._signatures()
        table = RowTable(self._head_row(), rows, [w * mm for w in COLUMN_MM], style,
                         keep_last=2, trailer=trailer)
        return [RunningHeader(running or department.name), *self._header(department), table]
