"""The Excel workbook of a file: 汇总表, one score sheet per department, 问题清单, 整改台账.

Cells hold numbers as numbers (so sums work and the values equal the summary JSON), text in the
conventional 公文 font names (仿宋_GB2312 for the body, 黑体 for headers) which Excel or WPS map
to whatever the recipient has, and every sheet is set up to print: landscape A4, header rows
repeated, fit to the page width.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from selfassess.i18n import _
from selfassess.numbers import json_number, section_label
from selfassess.office.package import package_date, write_package
from selfassess.office.sheets import style_table
from selfassess.report.data import ReportData
from selfassess.report.ledger import counts_text, ledger_lines
from selfassess.standing import STATES, DepartmentStanding
from selfassess.store.ledger import deadline_date
from selfassess.summary import grade_cell, statistics_text
from selfassess.validation import xml_safe


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique worksheet title: at most 31 characters, none of []:*?/\\, nothing XML
    cannot hold, not "History", unique ignoring case (as Excel compares them)."""
    base = re.sub(r"[\[\]:*?/\\]", "_", xml_safe(name)).strip("'").strip() or "sheet"
    if base.casefold() == "history":  # reserved by Excel
        base = f"{base}_"
    title = base[:31]
    number = 2
    while title.casefold() in taken:
        suffix = f"({number})"
        title = base[:31 - len(suffix)] + suffix
        number += 1
    taken.add(title.casefold())
    return title


def summary_header(report: ReportData) -> list[str]:
    """Columns of the 汇总表."""
    return ([_("Rank"), _("Department")]
            + [section_label(s.code, s.title) for s in report.checklist.sections]
            + [_("Base"), _("Bonus"), _("Veto"), _("Self total"), _("Total"), _("Difference"),
               _("Grade"), _("State")])


def summary_rows(report: ReportData) -> list[list[Any]]:
    """Rows of the 汇总表, numbers exactly as in the summary JSON (same read model)."""
    rows = []
    for department in report.departments:  # listing order: by rank, vetoed last
        own, final = department.own, department.final
        rows.append([department.rank or "—", department.name]
                    + [json_number(final.sections[s.code].score) for s in report.checklist.sections]
                    + [json_number(final.base), json_number(final.bonus),
                       "、".join(final.vetoed_by) or _("none"), json_number(own.total),
                       json_number(final.total), json_number(final.total - own.total),
                       grade_cell(department), _(STATES[department.state])])
    return rows


def department_rows(report: ReportData, department: DepartmentStanding) -> list[list[Any]]:
    """The score table of one department."""
    rows: list[list[Any]] = []
    data = department.data
    for section in report.checklist.sections:
        rows.append([section_label(section.code, section.title), "", "",
                     json_number(section.max_points), "", None, "", "", None, ""])
        for item in section.items:
            answer = data.answers.get(item.code)
            own: Any = None
            if answer is not None:
                own = _("N/A") if answer.not_applicable else (
                    None if answer.self_score is None else json_number(answer.self_score))
            counted = department.final.items.get(item.code)
            evidence = "\n".join(e.file_name for e in data.evidence_for("item", item.code))
            rows.append([item.code, item.title, item.content, json_number(item.max_points),
                         item.criteria, own,
                         "\n".join(t for t in (answer.deduction_reason if answer else "",
                                               answer.narrative if answer else "") if t),
                         evidence,
                         (_("N/A") if counted is None else json_number(counted)) if report.bureau
                         else None,
                         answer.review_reason if answer and report.bureau else ""])
    own, final = department.own, department.final
    for label, own_value, final_value in (
            (_("Base total (基础得分)"), own.base, final.base),
            (_("Bonus total (cap {cap})").format(cap=report.checklist.bonus_cap), own.bonus,
             final.bonus),
            (_("Total (合计)"), own.total, final.total)):
        rows.append([label, "", "", None, "", json_number(own_value), "", "",
                     json_number(final_value) if report.bureau else None, ""])
    rows.append([_("Grade (等次)"), "", "", None, "", own.grade, "", "",
                 final.grade if report.bureau else None, ""])
    return rows


def deadline(text: str) -> date | str:
    """A 完成时限 written as a date (2027-06-30, 2027.6.30, 2027年6月30日…) is a date (sorts
    and filters as one); other wording ("2027年6月底前", "长期坚持") stays text."""
    return deadline_date(text) or text


def write_workbook(report: ReportData, path: Path) -> Path:
    """Write the workbook; returns its path."""
    workbook = Workbook()
    taken: set[str] = set()
    ws = workbook.active
    assert ws is not None
    ws.title = sheet_title(_("Summary"), taken)
    header = summary_header(report)
    style_table(ws, _("{bureau}{period} assessment results (考核结果汇总表)").format(
                bureau=report.info.bureau_name, period=report.period_title()),
           header, summary_rows(report), [6, 18] + [12] * len(report.checklist.sections)
           + [9, 8, 10, 10, 10, 8, 8, 10])
    if report.bureau:  # the same figures as the PDF and the screen
        ws.append([])
        ws.append([statistics_text(report.statistics)])
    department_header = [_("No."), _("Area (考核项目)"), _("What is checked (考核内容)"), _("Max"),
                         _("Scoring rules (评分标准)"), _("Self score"),
                         _("Reason for lost points / what was done"), _("Evidence"),
                         _("Review score"), _("Remarks")]
    for department in report.departments:
        sheet = workbook.create_sheet(sheet_title(department.name, taken))
        style_table(sheet, f"{department.name} {report.period_title()}{report.checklist.title}",
               department_header, department_rows(report, department),
               # about 160 characters across: fitted to a landscape page, the type prints
               # at 9 pt or more (200 printed it at 7 pt); long texts wrap onto more lines
               [6, 14, 30, 5, 30, 7, 36, 14, 7, 11])
    problems = workbook.create_sheet(sheet_title(_("Shortcomings"), taken))
    rows = [[n, s.category, s.text, d.name, s.item_code]
            for n, (d, s) in enumerate(((d, s) for d in report.departments
                                        for s in d.data.shortcomings), 1)]
    style_table(problems, _("Shortcomings by category (问题清单)"),
           [_("No."), _("Category"), _("Shortcoming"), _("Department"), _("Item")], rows,
           [6, 14, 60, 18, 8])
    write_ledger(workbook.create_sheet(sheet_title(_("Rectification ledger"), taken)), report)
    style_table(workbook.create_sheet(sheet_title(_("Catalogue of evidence"), taken)),
                _("Catalogue of evidence (佐证材料目录)"),
                [_("No."), _("Department"), _("Item"), _("Document"), _("Type"), _("Size (bytes)"),
                 _("Attached"), _("Hash"), _("Notes")],
                [[number, line.department, line.target, line.ref.file_name, line.kind,
                  line.ref.size, line.ref.added_at[:10], line.hash8,
                  "；".join(flag.text for flag in line.flags)]
                 for number, line in enumerate(report.evidence, 1)],
                [5, 14, 26, 30, 10, 10, 12, 10, 30])
    return write_package(path, workbook.save, package_date(report.content_dates()))


COLOUR_FILLS = {"red": PatternFill("solid", fgColor="FFCDD2"),
                "yellow": PatternFill("solid", fgColor="FFF59D"),
                "green": PatternFill("solid", fgColor="C8E6C9")}


def write_ledger(ws: Any, report: ReportData) -> None:
    """整改台账: every measure with its status and 三色 on the day printed, overdue first (red,
    then yellow), then the counts per status."""
    lines = ledger_lines(report)
    rows = [[number, line.problem, line.measure.text, line.department, line.measure.owner,
             deadline(line.deadline), line.status_text, line.colour_text, line.details()]
            for number, line in enumerate(lines, 1)]
    style_table(ws, _("Rectification ledger (整改台账)"),
                [_("No."), _("Problem"), _("Measure"), _("Responsible unit"),
                 _("Responsible person"), _("Deadline"), _("Status"), _("Three colours"),
                 _("Latest progress")], rows, [5, 27, 31, 12, 10, 13, 9, 14, 27])
    for offset, line in enumerate(lines):
        if line.colour:
            ws.cell(row=3 + offset, column=8).fill = COLOUR_FILLS[line.colour]
    ws.append([])
    ws.append([counts_text(lines)])
