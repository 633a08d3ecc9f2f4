"""The checklist (考核细则) as an Excel workbook, both ways.

Bureaus keep their 考核细则 in Excel. ``write_checklist_workbook`` lays a checklist out as one
sheet per kind of row (settings, sections, items, deduction rules, count targets, levels, bonus
and veto items, grade bands) with a 填写说明 sheet first; ``read_checklist_workbook`` reads such a
workbook back — columns found by header name, in Chinese or English — into the same mapping a
YAML file gives, and validates it with the same loader, so every rule is checked once and every
problem names its sheet and cell. Export then import gives the same fingerprint.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from selfassess.checklist.canonical import checklist_mapping
from selfassess.checklist.loader import checklist_from_mapping
from selfassess.checklist.model import Checklist
from selfassess.errors import ChecklistError, InputRefused
from selfassess.i18n import N_, _
from selfassess.numbers import parse_decimal
from selfassess.office.package import package_date, write_package
from selfassess.office.sheets import (
    Grid,
    cell_text,
    choice_rule,
    find_headers,
    names_for,
    normalized,
    open_workbook,
    style_table,
)
from selfassess.record import record


@record
class Column:
    """One column of a template sheet: the checklist field, its header, width, and what to
    write in it (shown on the 填写说明 sheet)."""

    key: str
    header: str
    width: float
    note: str = ""
    required: bool = False


@record
class Table:
    """One sheet of the template."""

    key: str
    title: str
    columns: tuple[Column, ...]


def _code(note: str = "") -> Column:
    return Column("code", N_("Code (代码)"), 8, note or "字母、数字、“.”“-”“_”,1–16 个字符,"
                  "全表唯一;写成文本(如 1.10 不会变成 1.1)", True)


def _item_code() -> Column:
    return Column("item", N_("Item code (指标代码)"), 10, "所属指标的代码,与“考核细则”表一致", True)


TABLES = (
    Table("sections", N_("Sections (考核项目)"), (
        _code("一级考核项目的代码,如 1"),
        Column("title", N_("Section (考核项目)"), 30, "考核项目名称", True),
        Column("max_points", N_("Max (分值)"), 8, "本项目分值,须等于其下各指标分值之和", True),
        Column("suggested_category", N_("Suggested category (建议问题类别)"), 18,
               "可空;须为“基本信息”中列出的问题类别之一"))),
    Table("items", N_("Items (考核细则)"), (
        _code("指标代码,如 1.2;一经使用不再改作他用"),
        Column("section", N_("Section code (所属项目)"), 10,
               "所属考核项目的代码;留空表示与上一行相同(合并单元格亦可)", True),
        Column("title", N_("Title (指标名称)"), 18, "指标的简短名称", True),
        Column("content", N_("What is checked (考核内容)"), 36, "考核内容"),
        Column("criteria", N_("Scoring rules (评分标准)"), 36, "评分标准(供阅读的文字)"),
        Column("max_points", N_("Max (分值)"), 7, "指标分值,须为步长的整数倍", True),
        Column("step", N_("Step (步长)"), 7, "可空,默认取“基本信息”中的步长"),
        Column("mode", N_("Scoring mode (计分方式)"), 10,
               "扣分制、计数制、达标制、等级制或自由评分;扣分制须在“扣分规则”表列出规则"),
        Column("evidence_hint", N_("Evidence (佐证材料)"), 24, "应提供的佐证材料"),
        Column("target", N_("Target (指标要求)"), 14, "可空,如 ≥2次/年"),
        Column("reference", N_("Reference (参考)"), 20, "可空,填报时作为提示显示"),
        Column("na_allowed", N_("N/A allowed (可不适用)"), 9, "是/否;“是”表示部门可标为不适用"),
        Column("evidence_required", N_("Files required (佐证份数)"), 9,
               "封存前至少应附的佐证文件数,可空(0)"),
        Column("evidence_requirements", N_("Required documents (佐证清单)"), 28,
               "可空;每类一条,用“；”分隔,写成 名称:最少份数:可用类型,"
               "如 会议纪要:1:pdf,jpg；签到表:1(类型可空,表示不限)"))),
    Table("deductions", N_("Deductions (扣分规则)"), (
        _item_code(),
        Column("code", N_("Rule code (规则代码)"), 9, "可空,默认 d1、d2…"),
        Column("text", N_("Situation (扣分情形)"), 40, "扣分情形", True),
        Column("points", N_("Points (扣分)"), 7, "每次(或一次性)扣的分", True),
        Column("per_occurrence", N_("Per occurrence (按次扣分)"), 9, "是/否;“是”表示每出现一次扣一次"),
        Column("unit", N_("Unit (单位)"), 6, "按次扣分时的单位,如 次、项"),
        Column("cap", N_("Cap (最多扣)"), 7, "可空;本规则最多扣的分"))),
    Table("counts", N_("Count targets (计数目标)"), (
        _item_code(),
        Column("code", N_("Target code (目标代码)"), 9, "可空,默认 c1、c2…"),
        Column("text", N_("What is counted (计数内容)"), 36, "计数的工作,如 专题研究意识形态工作", True),
        Column("target", N_("Target (目标次数)"), 8, "每个考核年度应达到的次数(整数)", True),
        Column("points_per_shortfall", N_("Per shortfall (每少一次扣)"), 9, "每少一次扣的分", True),
        Column("unit", N_("Unit (单位)"), 6, "可空,默认 次"))),
    Table("levels", N_("Levels (等级)"), (
        _item_code(),
        Column("name", N_("Level (等级)"), 10, "等级名称,如 好、较好", True),
        Column("fraction", N_("Share of max (得分比例)"), 10,
               "该等级得分占分值的比例,0–1,如 0.75", True))),
    Table("bonus", N_("Bonus items (加分项)"), (
        _code("加分项代码,如 B1"),
        Column("title", N_("Bonus item (加分事项)"), 36, "加分事项", True),
        Column("rule", N_("Rule (加分标准)"), 36, "加分标准"),
        Column("max_points", N_("Max (分值)"), 7, "本项最多加的分", True),
        Column("evidence_required", N_("Files required (佐证份数)"), 9, "申报时至少应附的佐证文件数,"
               "可空(1)"))),
    Table("veto", N_("Veto items (一票否决事项)"), (
        _code("否决事项代码,如 V1"),
        Column("text", N_("Veto item (否决情形)"), 70, "出现即评为最低等次的情形", True))),
    Table("bands", N_("Grade bands (等次)"), (
        Column("name", N_("Grade (等次)"), 10, "等次名称", True),
        Column("min", N_("Minimum (最低分)"), 10, "达到该分数(含本数)即为该等次;从高到低排列,最后一档为 0",
               True))),
)
TABLES_BY_KEY = {table.key: table for table in TABLES}

SETTINGS_TITLE = N_("Checklist (基本信息)")
FIELD, VALUE, NOTE = N_("Field (项目)"), N_("Value (内容)"), N_("Notes (说明)")
SETTINGS: tuple[tuple[str, str, str], ...] = (
    ("id", N_("Id (标识)"), "小写字母、数字、“.”“-”“_”,如 water-bureau-2027"),
    ("version", N_("Version (版本)"), "如 2027.1;内容有改动时更改"),
    ("title", N_("Title (标题)"), "评分表标题"),
    ("description", N_("Description (说明)"), "可空"),
    ("full_marks", N_("Full marks (满分)"), "各考核项目分值之和,通常为 100"),
    ("step", N_("Step (步长)"), "最小计分单位,如 0.5"),
    ("na_policy", N_("Not applicable items (不适用项目计分)"), "得满分 或 按适用分值折算"),
    ("bonus_cap", N_("Bonus cap (加分上限)"), "加分合计最多计入的分,0 表示不设加分"),
    ("cap_total", N_("Total capped at full marks (总分不超过满分)"), "是/否"),
    ("shortcoming_categories", N_("Shortcoming categories (问题类别)"), "用顿号“、”分隔"),
)
GUIDE_TITLE = N_("How to fill in (填写说明)")

MODES = {"deduct": N_("deduct (扣分制)"), "count": N_("count (计数制)"),
         "binary": N_("binary (达标制)"), "level": N_("level (等级制)"),
         "manual": N_("manual (自由评分)")}
NA_POLICIES = {"full": N_("full (得满分)"), "rescale": N_("rescale (按适用分值折算)")}
YES, NO = N_("yes (是)"), N_("no (否)")
TRUE_WORDS = names_for(YES) | {"true", "1", "y", "√", "✓"}
FALSE_WORDS = names_for(NO) | {"false", "0", "n", ""}
BOOLEAN_KEYS = {"na_allowed", "per_occurrence", "cap_total"}
NUMBER_KEYS = {"max_points", "step", "points", "cap", "target", "points_per_shortfall", "fraction",
               "min", "full_marks", "bonus_cap", "evidence_required"}  # an item's text target
#   (指标要求) is not a number and stays text: only values that read as numbers are converted


# --- export ----------------------------------------------------------------------------------


def _cell_value(key: str, value: Any) -> Any:
    """What a template cell shows for a canonical mapping value: numbers as numbers (at most two
    decimals, so the float read back prints as the same text), choices as words, codes as text."""
    if isinstance(value, bool):
        return _(YES) if value else _(NO)
    if key == "evidence_requirements":
        return "；".join(f"{r['name']}:{r['min']}" + (f":{','.join(r['types'])}" if r["types"]
                                                      else "") for r in value or [])
    if key == "mode":
        return _(MODES[value])
    if key == "na_policy":
        return _(NA_POLICIES[value])
    if key in NUMBER_KEYS and value is not None and (number := parse_decimal(value)) is not None:
        return int(number) if number == number.to_integral_value() else float(number)
    return value


def _rows(table: Table, records: list[dict[str, Any]]) -> list[list[Any]]:
    return [[_cell_value(c.key, record.get(c.key)) for c in table.columns] for record in records]


def write_checklist_workbook(checklist: Checklist, path: Path) -> Path:
    """The template workbook of a checklist (which imports back to the same fingerprint)."""
    data = checklist_mapping(checklist)
    records: dict[str, list[dict[str, Any]]] = {
        "sections": data["sections"], "bonus": data["bonus_items"], "veto": data["veto_items"],
        "bands": data["grade_bands"], "items": [], "deductions": [], "counts": [], "levels": []}
    for section in data["sections"]:
        for item in section["items"]:
            records["items"].append({**item, "section": section["code"]})
            for kind in ("deductions", "counts", "levels"):
                records[kind] += [{**rule, "item": item["code"]} for rule in item[kind]]
    workbook = Workbook()
    guide = workbook.active
    assert guide is not None
    guide.title = _(GUIDE_TITLE)
    settings = workbook.create_sheet(_(SETTINGS_TITLE))
    values = {**data, "shortcoming_categories": "、".join(data["shortcoming_categories"])}
    style_table(settings, checklist.title, [_(FIELD), _(VALUE), _(NOTE)],
                [[_(label), _cell_value(key, values[key]), note] for key, label, note in SETTINGS],
                [26, 50, 40])
    for table in TABLES:
        ws = workbook.create_sheet(_(table.title))
        style_table(ws, checklist.title, [_(c.header) for c in table.columns],
                    _rows(table, records[table.key]), [c.width for c in table.columns])
        _choices(ws, table)
    _write_guide(guide, checklist)
    # a checklist has no date of its own
    return write_package(path, workbook.save, package_date([]))


def _choices(ws: Worksheet, table: Table) -> None:
    """Drop-down lists for the columns with fixed choices."""
    for index, column in enumerate(table.columns):
        if column.key in BOOLEAN_KEYS:
            choices = [_(YES), _(NO)]
        elif column.key == "mode":
            choices = [_(label) for label in MODES.values()]
        else:
            continue
        letter = get_column_letter(index + 1)
        rule = choice_rule(choices, _(column.header))
        ws.add_data_validation(rule)
        rule.add(f"{letter}3:{letter}1000")


def _write_guide(ws: Worksheet, checklist: Checklist) -> None:
    rows: list[list[Any]] = [[_(SETTINGS_TITLE), "", "每行一项设置,在“内容”列填写"]]
    rows += [["", _(label), note] for _key, label, note in SETTINGS]
    for table in TABLES:
        rows.append([_(table.title), "", "第 2 行为表头,第 3 行起每行一条;可插入列、调整列序"])
        rows += [["", _(c.header) + (" *" if c.required else ""), c.note] for c in table.columns]
    rows.append(["", "", "* 为必填列。表头按名称识别(中文或英文均可),不按位置。"
                 "导入:selfassess checklist import-xlsx 本表.xlsx -o 细则.yaml"])
    style_table(ws, _("{title}: how to fill in this workbook").format(title=checklist.title),
                [_("Sheet"), _("Column"), _("What to write")], rows, [22, 28, 80])


# --- import ----------------------------------------------------------------------------------


class _Node(dict[str, Any]):
    """A mapping read from a sheet row; ``cells`` tells the loader where each field came from."""

    def __init__(self, place: str) -> None:
        super().__init__()
        self.cells: dict[str, str] = {"": place}


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.workbook = open_workbook(path)
        self.problems: list[str] = []

    def sheet(self, title: str) -> Grid | None:
        names = names_for(title)
        return next((self.workbook[n] for n in self.workbook.sheetnames
                     if normalized(n) in names), None)

    def table(self, table: Table, required: bool) -> list[_Node]:
        """The sheet's rows as nodes (blank rows skipped); [] with a problem when unusable."""
        ws = self.sheet(table.title)
        if ws is None:
            if required:
                self.problems.append(f"{self.path.name}: " + _(
                    "the workbook has no sheet “{name}”").format(name=_(table.title)))
            return []
        headers = find_headers(ws, {c.key: names_for(c.header) for c in table.columns})
        missing = [_(c.header) for c in table.columns if c.required and c.key not in
                   headers.columns]
        if missing:
            self.problems.append(f"{ws.title}: " + _("missing column(s) {names}").format(
                names="、".join(missing)))
            return []
        nodes = []
        for row in headers.rows(ws):
            node = _Node(f"{ws.title}!A{row}")
            for key, column in headers.columns.items():
                place = f"{ws.title}!{ws.cell(row=row, column=column).coordinate}"
                node.cells[key] = place
                value = cell_text(ws.cell(row=row, column=column).value)
                if value and (converted := self.convert(key, value, place)) is not None:
                    node[key] = converted
            if node:
                node.cells[""] = node.cells.get("code") or node.cells.get("item") or \
                    node.cells[""]
                nodes.append(node)
        return nodes

    def convert(self, key: str, value: str, place: str) -> Any:
        """A cell's text as the mapping value the loader expects (choices to their codes)."""
        word = normalized(value).lower()
        if key in BOOLEAN_KEYS:
            if word in TRUE_WORDS or word in FALSE_WORDS:
                return word in TRUE_WORDS
            self.problems.append(f"{place}: " + _("write {yes} or {no}, not “{value}”").format(
                yes=_(YES), no=_(NO), value=value))
        elif key == "evidence_requirements":
            return self.requirements(value, place)
        elif key in ("mode", "na_policy"):
            choices = MODES if key == "mode" else NA_POLICIES
            found = next((code for code, label in choices.items()
                          if word in {n.lower() for n in names_for(label)}), None)
            if found:
                return found
            self.problems.append(f"{place}: " + _("“{value}” is not one of: {choices}").format(
                value=value, choices="、".join(_(label) for label in choices.values())))
        else:
            return value
        return None

    def requirements(self, value: str, place: str) -> list[dict[str, Any]] | None:
        """``会议纪要:1:pdf,jpg；签到表:1`` → the loader's list (None, with a problem, when a
        part cannot be read)."""
        found = []
        for part in re.split(r"[；;]", normalized(value)):
            if not part.strip():
                continue
            fields = [field.strip() for field in re.split(r"[:：]", part)]
            minimum = fields[1] if len(fields) > 1 and fields[1] else "1"
            if not fields[0] or len(fields) > 3 or not minimum.isdigit():
                self.problems.append(f"{place}: " + _(
                    "“{part}” is not written as name:count:types, such as 会议纪要:1:pdf,jpg")
                    .format(part=part[:40]))
                return None
            types = [t.strip() for t in re.split(r"[,，、]", fields[2])] if len(fields) == 3 \
                else []
            found.append({"name": fields[0], "min": int(minimum),
                          "types": [t for t in types if t]})
        return found

    def settings(self) -> _Node:
        node = _Node(f"{self.path.name}")
        ws = self.sheet(SETTINGS_TITLE)
        if ws is None:
            self.problems.append(f"{self.path.name}: " + _(
                "the workbook has no sheet “{name}”").format(name=_(SETTINGS_TITLE)))
            return node
        node.cells[""] = ws.title
        headers = find_headers(ws, {"field": names_for(FIELD), "value": names_for(VALUE)})
        if {"field", "value"} - set(headers.columns):
            self.problems.append(f"{ws.title}: " + _("missing column(s) {names}").format(
                names="、".join((_(FIELD), _(VALUE)))))
            return node
        labels = {name: key for key, label, _note in SETTINGS for name in names_for(label)}
        labels.update({key: key for key, _label, _note in SETTINGS})  # the YAML names work too
        for row in headers.rows(ws):
            key = labels.get(normalized(headers.value(ws, row, "field")))
            if key is None:
                continue
            place = f"{ws.title}!{ws.cell(row=row, column=headers.columns['value']).coordinate}"
            node.cells[key] = place
            value = cell_text(headers.value(ws, row, "value"))
            if key == "shortcoming_categories":
                node[key] = [part for part in value.replace(",", "、").replace(",", "、")
                             .split("、") if part.strip()] if value else None
            elif value and (converted := self.convert(key, value, place)) is not None:
                node[key] = converted
        return node


def _assemble(reader: _Reader) -> _Node:
    """The checklist mapping, rules attached to their items and items to their sections."""
    root = reader.settings()
    tables = {t.key: reader.table(t, required=t.key in ("sections", "items", "bands"))
              for t in TABLES}
    for key, sheet_key in (("sections", "sections"), ("bonus_items", "bonus"),
                           ("veto_items", "veto"), ("grade_bands", "bands")):
        root[key] = tables[sheet_key]
        root.cells[key] = _(TABLES_BY_KEY[sheet_key].title)
    sections = {node.get("code"): node for node in tables["sections"]}
    for node in tables["sections"]:
        node["items"] = []
    items: dict[str, _Node] = {}
    section_code = None
    for node in tables["items"]:
        section_code = node.pop("section", None) or section_code  # merged cells: as above
        if section_code not in sections:
            reader.problems.append(f"{node.cells.get('section', node.cells[''])}: " + _(
                "section “{code}” is not on the sheet “{sheet}”").format(
                code=section_code or "", sheet=_(TABLES_BY_KEY["sections"].title)))
            continue
        sections[section_code]["items"].append(node)
        items.setdefault(node.get("code", ""), node)
    for kind in ("deductions", "counts", "levels"):
        for rule in tables[kind]:
            item = items.get(rule.pop("item", ""))
            if item is None:
                reader.problems.append(f"{rule.cells['item']}: " + _(
                    "no item with this code on the sheet “{sheet}”").format(
                    sheet=_(TABLES_BY_KEY["items"].title)))
                continue
            item.setdefault(kind, []).append(rule)
    return root


def read_checklist_workbook(path: Path) -> Checklist:
    """Read and validate a template workbook; ChecklistError lists every problem by cell."""
    try:
        reader = _Reader(path)
    except InputRefused as error:
        raise ChecklistError(error.problems) from None
    root = _assemble(reader)
    try:
        checklist = checklist_from_mapping(root, path.name)
    except ChecklistError as error:
        raise ChecklistError(reader.problems + error.problems) from None
    if reader.problems:
        raise ChecklistError(reader.problems)
    return checklist
