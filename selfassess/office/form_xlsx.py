"""The Excel 自评表: a department fills in a workbook instead of the app, and it is read back.

Export writes one sheet per part (自评表, 加分项, 一票否决, 存在的不足, 整改措施) with the checklist's
columns locked and the answer columns open, data validation on scores, and a hidden sheet that
ties the workbook to its checklist and department. Import finds every column by its header
name (people insert and move columns), reads all answers, checks them exactly like ``fill``,
names the sheet and cell of every problem (``自评表!F7: …``) and stores all or nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from selfassess.errors import InputRefused
from selfassess.i18n import N_, _
from selfassess.numbers import decimal_text, parse_decimal
from selfassess.office.package import package_date, write_package
from selfassess.office.sheets import (
    BOX,
    CENTER,
    HEAD,
    SHADE,
    Grid,
    HeaderMap,
    cell_text,
    choice_rule,
    find_headers,
    fit_row_heights,
    names_for,
    normalized,
    open_workbook,
    style_table,
)
from selfassess.report.data import department_dates
from selfassess.scoring import bonus_problem, score_problem
from selfassess.store import AssessmentFile, ChangeSet, Measure, Shortcoming
from selfassess.store.changes import change_problems

META_SHEET = "selfassess"
YES, NO = "是", "否"
HAVE, HAVE_NOT = "有", "无"
OPEN = PatternFill("solid", fgColor="FFF8DC")  # cells to fill in
BLANK_LIST_ROWS = 10

# sheet key → (title, [(column key, header, width, editable)])
SHEETS: dict[str, tuple[str, list[tuple[str, str, float, bool]]]] = {
    "items": (N_("Self-assessment (自评表)"), [
        ("code", N_("Code"), 6, False), ("title", N_("Area (考核项目)"), 14, False),
        ("content", N_("What is checked (考核内容)"), 30, False), ("max", N_("Max"), 6, False),
        ("criteria", N_("Scoring rules (评分标准)"), 30, False),
        ("score", N_("Self score"), 8, True), ("narrative", N_("What was done (自查情况)"), 36, True),
        ("reason", N_("Reason for lost points (扣分原因)"), 18, True),
        ("na", N_("Not applicable (不适用)"), 8, True),
        ("na_reason", N_("Why not applicable (不适用理由)"), 14, True)]),
    "bonus": (N_("Bonus claims (加分项)"), [
        ("code", N_("Code"), 7, False), ("title", N_("Bonus item"), 30, False),
        ("rule", N_("Rule"), 30, False), ("max", N_("Max"), 6, False),
        ("points", N_("Points claimed"), 10, True), ("narrative", N_("What was recognised"), 40,
                                                     True)]),
    "veto": (N_("Veto declarations (一票否决)"), [
        ("code", N_("Code"), 7, False), ("text", N_("Veto item"), 60, False),
        ("declared", N_("Declared (有/无)"), 10, True),
        ("explanation", N_("Explanation"), 40, True)]),
    "shortcomings": (N_("Shortcomings (存在的不足)"), [
        ("number", N_("No."), 6, True), ("category", N_("Category"), 14, True),
        ("item", N_("Related item"), 10, True), ("text", N_("Shortcoming"), 60, True)]),
    "measures": (N_("Rectification measures (整改措施)"), [
        ("number", N_("No."), 6, True), ("text", N_("Measure"), 44, True),
        ("shortcoming", N_("For shortcoming No."), 10, True), ("owner", N_("Responsible person"),
                                                               12, True),
        ("leader", N_("Leader in charge"), 12, True), ("deadline", N_("Deadline"), 14, True),
        ("standard", N_("Completion standard"), 20, True), ("progress", N_("Progress"), 16, True)]),
}
REQUIRED = {"items": {"code", "score"}, "bonus": {"code", "points"}, "veto": {"code", "declared"},
            "shortcomings": {"category", "text"}, "measures": {"text"}}


def _aliases(key: str) -> dict[str, set[str]]:
    """Header texts recognised for each column."""
    return {column: names_for(header) for column, header, _width, _editable in SHEETS[key][1]}


def _score(value: Decimal | None) -> Any:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


# --- export ----------------------------------------------------------------------------------


def _write(ws: Worksheet, key: str, rows: list[list[Any]], title: str) -> None:
    columns = SHEETS[key][1]
    style_table(ws, title, [_(header) for _c, header, _w, _e in columns], rows,
                [width for _c, _h, width, _e in columns])
    # the lists get empty ruled rows to write in; more can be inserted
    last = max(ws.max_row, 2) + (BLANK_LIST_ROWS if key in ("shortcomings", "measures") else 0)
    for index, (_column, _header, _width, editable) in enumerate(columns, 1):
        for row in range(3, last + 1):
            cell = ws.cell(row=row, column=index)
            cell.border = BOX
            if editable:
                cell.protection = Protection(locked=False)
                cell.fill = OPEN
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if key in ("items", "bonus") and _column in ("max", "score", "points"):
                cell.alignment = CENTER
    ws.protection.sheet = True  # the checklist's own columns stay as they are
    ws.protection.formatColumns = False  # people may widen, insert and move columns
    ws.protection.insertColumns = False
    ws.protection.insertRows = False


def write_form(af: AssessmentFile, path: Path) -> Path:
    """The department's workbook, blank or filled."""
    checklist, data = af.checklist, af.data()
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    title = f"{data.department.name} {af.info.period} {checklist.title}"
    rows = []
    for section in checklist.sections:
        rows.append(["", f"{section.code} {section.title}", "", _score(section.max_points),
                     "", None, "", "", "", ""])
        for item in section.items:
            answer = data.answers.get(item.code)
            rows.append([item.code, item.title, item.content, _score(item.max_points),
                         item.criteria, _score(answer.self_score) if answer else None,
                         answer.narrative if answer else "",
                         answer.deduction_reason if answer else "",
                         YES if answer and answer.not_applicable else "",
                         answer.na_reason if answer else ""])
    ws.title = _(SHEETS["items"][0])
    _write(ws, "items", rows, title)
    _section_rows(ws, rows)
    _validate_items(ws, checklist, rows)
    bonus = workbook.create_sheet(_(SHEETS["bonus"][0]))
    _write(bonus, "bonus", [
        [b.code, b.title, b.rule, _score(b.max_points),
         _score(claim.points) if (claim := data.bonus.get(b.code)) else None,
         claim.narrative if claim else ""] for b in checklist.bonus_items], title)
    veto = workbook.create_sheet(_(SHEETS["veto"][0]))
    _write(veto, "veto", [
        [v.code, v.text, {True: HAVE, False: HAVE_NOT, None: ""}[d.triggered if d else None],
         d.explanation if d else ""]
        for v in checklist.veto_items for d in [data.veto.get(v.code)]], title)
    _validate_bonus(bonus, checklist)
    choice = choice_rule([HAVE, HAVE_NOT], _("Declared"))
    veto.add_data_validation(choice)
    choice.add(f"C3:C{2 + len(checklist.veto_items)}")
    shortcomings = workbook.create_sheet(_(SHEETS["shortcomings"][0]))
    _write(shortcomings, "shortcomings", [[n, s.category, s.item_code, s.text] for n, s in
                                          enumerate(data.shortcomings, 1)], title)
    categories = choice_rule(checklist.shortcoming_categories, _("Category"))
    shortcomings.add_data_validation(categories)
    categories.add("B3:B500")
    measures = workbook.create_sheet(_(SHEETS["measures"][0]))
    _write(measures, "measures", [
        [n, m.text, None if m.shortcoming is None else m.shortcoming + 1, m.owner, m.leader,
         m.deadline, m.standard, m.progress] for n, m in enumerate(data.measures, 1)], title)
    meta = workbook.create_sheet(META_SHEET)
    for row in (("checklist", checklist.fingerprint), ("department", data.department.id),
                ("period", af.info.period)):
        meta.append(list(row))
    meta.sheet_state = "hidden"
    return write_package(path, workbook.save, package_date(department_dates(data)))


def _section_rows(ws: Worksheet, rows: list[list[Any]]) -> None:
    """A section's row: its name across the item columns, shaded, nothing to fill in."""
    for offset, row in enumerate(rows):
        if row[0]:
            continue
        excel_row = offset + 3
        for column in range(1, len(row) + 1):
            cell = ws.cell(row=excel_row, column=column)
            cell.protection = Protection(locked=True)
            cell.fill, cell.font = SHADE, HEAD
        ws.merge_cells(start_row=excel_row, start_column=2, end_row=excel_row, end_column=3)
    fit_row_heights(ws, 3)


def _validate_bonus(ws: Worksheet, checklist: Any) -> None:
    """Claimed bonus points between 0 and the item's maximum, on the checklist's step."""
    step = decimal_text(checklist.step)
    for offset, bonus in enumerate(checklist.bonus_items):
        cell = f"E{offset + 3}"
        rule = DataValidation(
            type="custom", allow_blank=True, showErrorMessage=True, errorStyle="stop",
            formula1=f"AND(ISNUMBER({cell}),{cell}>=0,{cell}<={decimal_text(bonus.max_points)},"
                     f"ABS({cell}/{step}-ROUND({cell}/{step},0))<0.000001)",
            errorTitle=_("Points claimed"), error=_("0 to {max}, in steps of {step}").format(
                max=decimal_text(bonus.max_points), step=step))
        ws.add_data_validation(rule)
        rule.add(cell)


def _validate_items(ws: Worksheet, checklist: Any, rows: list[list[Any]]) -> None:
    """Scores between 0 and the item's max on its step; 不适用 only where the item allows it."""
    na_choice = choice_rule([YES, NO], _("Not applicable"))
    ws.add_data_validation(na_choice)
    for offset, row in enumerate(rows):
        code = row[0]
        if not code:
            continue
        item = checklist.items_by_code[code]
        excel_row = offset + 3
        cell, step = f"F{excel_row}", decimal_text(item.step)
        rule = DataValidation(
            type="custom", allow_blank=True, showErrorMessage=True, errorStyle="stop",
            # the step is checked as "a whole number of steps", which MOD gets wrong for
            # steps like 0.1 that binary floating point cannot represent
            formula1=f"AND(ISNUMBER({cell}),{cell}>=0,{cell}<={decimal_text(item.max_points)},"
                     f"ABS({cell}/{step}-ROUND({cell}/{step},0))<0.000001)",
            errorTitle=_("Score"), error=_("0 to {max}, in steps of {step}").format(
                max=decimal_text(item.max_points), step=decimal_text(item.step)))
        ws.add_data_validation(rule)
        rule.add(cell)
        if item.na_allowed:
            na_choice.add(f"I{excel_row}")
        else:
            for column in ("I", "J"):
                ws[f"{column}{excel_row}"].protection = Protection(locked=True)
                ws[f"{column}{excel_row}"].fill = PatternFill()
                ws[f"{column}{excel_row}"].value = "—"


# --- import ----------------------------------------------------------------------------------


class _Reader:
    """Reads one workbook, recording located problems."""

    def __init__(self, path: Path) -> None:
        self.workbook = open_workbook(path)
        self.problems: list[str] = []

    def sheet(self, key: str) -> tuple[Grid, HeaderMap] | None:
        aliases = _aliases(key)
        names = names_for(SHEETS[key][0])
        ws = next((self.workbook[n] for n in self.workbook.sheetnames if normalized(n) in names), None)
        if ws is None:
            if key == "items":
                self.problems.append(_("the workbook has no sheet “{name}”").format(
                    name=_(SHEETS[key][0])))
            return None
        headers = find_headers(ws, aliases)
        missing = [name for name in REQUIRED[key] if name not in headers.columns]
        if missing:
            labels = {c: _(h) for c, h, _w, _e in SHEETS[key][1]}
            self.problems.append(f"{ws.title}: " + _("missing column(s) {names}").format(
                names="、".join(labels[m] for m in sorted(missing))))
            return None
        return ws, headers

    def problem(self, ws: Grid, column: int, row: int, message: str) -> None:
        self.problems.append(f"{ws.title}!{get_column_letter(column)}{row}: {message}")


def _number(reader: _Reader, ws: Grid, headers: HeaderMap, row: int, key: str
            ) -> Decimal | None:
    value = headers.value(ws, row, key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    typed = value.strip().removesuffix("分").strip() if isinstance(value, str) else value
    number = None if isinstance(value, bool) else parse_decimal(typed)  # "4分" is 4
    if number is None:
        reader.problem(ws, headers.columns[key], row, _("“{value}” is not a number").format(
            value=str(value)[:40]))
    return number


def _coded_rows(reader: _Reader, key: str, known: Mapping[str, Any], unknown: str
                ) -> Iterator[tuple[Grid, HeaderMap, int, str, Any]]:
    """(sheet, headers, row, code, checklist entry) for each row of a sheet whose code the
    checklist knows, once per code; rows without a code (section rows, blank lines) are
    skipped, unknown and repeated codes are problems at their cell."""
    if (found := reader.sheet(key)) is None:
        return
    ws, headers = found
    seen: dict[str, int] = {}
    for row in headers.rows(ws):
        code = cell_text(headers.value(ws, row, "code"))
        if not code:
            continue
        where = headers.columns["code"]
        if code not in known:
            reader.problem(ws, where, row, unknown.format(code=code))
        elif code in seen:
            reader.problem(ws, where, row, _("code {code} is already on row {row}").format(
                code=code, row=seen[code]))
        else:
            seen[code] = row
            yield ws, headers, row, code, known[code]


def _read_items(reader: _Reader, checklist: Any, changes: ChangeSet) -> None:
    for ws, headers, row, code, item in _coded_rows(reader, "items", checklist.items_by_code,
                                                    _("unknown item code “{code}”")):
        answer: dict[str, Any] = {}
        score = _number(reader, ws, headers, row, "score")
        if score is not None and (problem := score_problem(item, score)):
            reader.problem(ws, headers.columns["score"], row, problem)
        answer["self_score"] = score
        for key, field in (("narrative", "narrative"), ("reason", "deduction_reason"),
                           ("na_reason", "na_reason")):
            if key in headers.columns:
                text = cell_text(headers.value(ws, row, key))
                answer[field] = "" if text == "—" else text
        if "na" in headers.columns:
            flag = cell_text(headers.value(ws, row, "na"))
            not_applicable = flag in (YES, "Y", "y", "yes", "Yes", "1", "√", "✓")
            if flag not in ("", "—", NO, "N", "n", "no", "No", "0") and not not_applicable:
                reader.problem(ws, headers.columns["na"], row, _("write {yes} or leave empty")
                               .format(yes=YES))
            if not_applicable:
                if not item.na_allowed:
                    reader.problem(ws, headers.columns["na"], row, _(
                        "item {code} may not be marked not applicable").format(code=code))
                elif not answer.get("na_reason"):
                    reader.problem(ws, headers.columns.get("na_reason", headers.columns["na"]),
                                   row, _("not applicable needs a reason"))
            answer["not_applicable"] = not_applicable and item.na_allowed
            if answer["not_applicable"] and score is not None:
                reader.problem(ws, headers.columns["score"], row,
                               _("give either a score or not applicable, not both"))
        changes.answers[code] = answer


def _read_bonus_and_veto(reader: _Reader, checklist: Any, claimed: set[str],
                         changes: ChangeSet) -> None:
    for ws, headers, row, code, bonus in _coded_rows(reader, "bonus", checklist.bonus_by_code,
                                                     _("unknown bonus code “{code}”")):
        points = _number(reader, ws, headers, row, "points")
        if points is not None and (problem := bonus_problem(bonus, points, checklist.step)):
            reader.problem(ws, headers.columns["points"], row, problem)
        claim: dict[str, Any] = {"points": points}
        if "narrative" in headers.columns:
            claim["narrative"] = cell_text(headers.value(ws, row, "narrative"))
        if points is None and not claim.get("narrative") and code not in claimed:
            continue  # a bonus row left empty is no claim
        changes.bonus[code] = claim
    for ws, headers, row, code, _veto in _coded_rows(reader, "veto", checklist.veto_by_code,
                                                     _("unknown veto code “{code}”")):
        text = cell_text(headers.value(ws, row, "declared"))
        declared = {HAVE: True, HAVE_NOT: False, "": None}.get(text, "bad")
        if declared == "bad":
            reader.problem(ws, headers.columns["declared"], row, _(
                "write {have} or {have_not}").format(have=HAVE, have_not=HAVE_NOT))
            continue
        declaration: dict[str, Any] = {"triggered": declared}
        if "explanation" in headers.columns:
            declaration["explanation"] = cell_text(headers.value(ws, row, "explanation"))
        changes.veto[code] = declaration


def _read_lists(reader: _Reader, checklist: Any, changes: ChangeSet) -> None:
    if (found := reader.sheet("shortcomings")) is not None:
        ws, headers = found
        changes.shortcomings = []
        for row in headers.rows(ws):
            text = cell_text(headers.value(ws, row, "text"))
            category = cell_text(headers.value(ws, row, "category"))
            if not text and not category:
                continue
            if category not in checklist.shortcoming_categories:
                reader.problem(ws, headers.columns["category"], row, _(
                    "unknown category “{category}” (known: {known})").format(
                    category=category, known="、".join(checklist.shortcoming_categories)))
            item = cell_text(headers.value(ws, row, "item")) if "item" in headers.columns else ""
            changes.shortcomings.append(Shortcoming(category, text, item))
    if (found := reader.sheet("measures")) is not None:
        ws, headers = found
        changes.measures = []
        count = len(changes.shortcomings or [])
        for row in headers.rows(ws):
            text = cell_text(headers.value(ws, row, "text"))
            if not text:
                continue
            link = _number(reader, ws, headers, row, "shortcoming") if (
                "shortcoming" in headers.columns) else None
            if link is not None and (link != int(link) or not 1 <= link <= count):
                reader.problem(ws, headers.columns["shortcoming"], row, _(
                    "there is no shortcoming No. {number}").format(number=decimal_text(link)))
                link = None
            fields: dict[str, Any] = {
                key: cell_text(headers.value(ws, row, key)) if key in headers.columns else ""
                for key in ("owner", "leader", "deadline", "standard", "progress")}
            deadline = headers.value(ws, row, "deadline") if "deadline" in headers.columns else ""
            if isinstance(deadline, datetime.datetime | datetime.date):
                fields["deadline"] = deadline.strftime("%Y-%m-%d")  # Excel turned it into a date
            changes.measures.append(Measure(text, shortcoming=None if link is None
                                            else int(link) - 1, **fields))


def read_form(path: Path, af: AssessmentFile) -> ChangeSet:
    """The answers of a filled workbook, checked against the file; InputRefused (every problem
    with its cell) when anything is wrong."""
    reader = _Reader(path)
    checklist = af.checklist
    if META_SHEET in reader.workbook.sheetnames:
        meta = {row[0]: row[1] for row in reader.workbook[META_SHEET].iter_rows(
            min_row=1, max_row=10, max_col=2, values_only=True) if row[0]}
        if meta.get("checklist") not in (None, checklist.fingerprint):
            raise InputRefused(f"{path.name}: " + _(
                "the workbook was made for another checklist (or another version of it)"))
        department = af.department()
        if meta.get("department") not in (None, department.id):
            raise InputRefused(f"{path.name}: " + _(
                "the workbook was exported from another department's file; export the form "
                "of {name} and fill that in").format(name=department.name))
    data = af.data()
    changes = ChangeSet()
    _read_items(reader, checklist, changes)
    _read_bonus_and_veto(reader, checklist, set(data.bonus), changes)
    _read_lists(reader, checklist, changes)
    if reader.problems:
        raise InputRefused(reader.problems)
    remaining = change_problems(checklist, data, changes)  # the same checks as ``fill``
    if remaining:
        raise InputRefused([f"{path.name}: {problem}" for problem in remaining])
    return changes


def import_form(path: Path, af: AssessmentFile, actor: str = "") -> ChangeSet:
    """Read a filled workbook into the file: all or nothing."""
    changes = read_form(path, af)
    af.apply(changes, actor=actor)
    return changes
