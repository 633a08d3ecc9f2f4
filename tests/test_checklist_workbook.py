"""Checklists in Excel: the template workbook round-trips to the same fingerprint, reads by header
names (Chinese or English, any order), and a broken workbook is refused cell by cell."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from commands import Capture, run
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from selfassess.checklist import Checklist, checklist_from_mapping, checklist_mapping
from selfassess.errors import ChecklistError
from selfassess.office.checklist_xlsx import read_checklist_workbook, write_checklist_workbook
from selfassess.store import AssessmentFile

ITEMS = "Items (考核细则)"
SECTIONS = "Sections (考核项目)"


def unusual(checklist: Checklist) -> Checklist:
    """Everything a template must carry: custom rule codes, several count targets, own levels,
    a code that Excel would turn into a number (1.10), capped totals, a description."""
    data = copy.deepcopy(checklist_mapping(checklist))
    data.update(description="第二行\n说明", cap_total=True, bonus_cap="2.5",
                shortcoming_categories=["学习", "制度", "其他"])
    section = data["sections"][0]
    section["suggested_category"] = "学习"
    for other in data["sections"][1:]:
        other["suggested_category"] = ""
    first = section["items"][0]
    first.update(code="1.10", step="0.25", na_allowed=True, evidence_required=2,
                 target="3", reference="参考:上年 2 次")
    first["deductions"][0]["code"] = "late"
    second = section["items"][1]
    second["counts"].append({"code": "c9", "text": "调研", "target": 3,
                             "points_per_shortfall": "0.5", "unit": "篇"})
    third = section["items"][2]
    third.update(mode="level", deductions=[],
                 levels=[{"name": "优", "fraction": "1"}, {"name": "中", "fraction": "0.6"},
                         {"name": "差", "fraction": "0"}])
    return checklist_from_mapping(data, "unusual")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_builtin_round_trip_keeps_the_fingerprint(tmp_path: Path, capsys: Capture,
                                                  checklist: Checklist, language: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELFASSESS_LANG", language)
    template = tmp_path / "细则.xlsx"
    code, _out, err = run(capsys, "checklist", "export-xlsx", "ideology-responsibility",
                          "-o", str(template))
    assert code == 0, err
    code, out, err = run(capsys, "checklist", "import-xlsx", str(template),
                         "-o", str(tmp_path / "back.yaml"))
    assert code == 0, err
    assert checklist.fingerprint[:16] in out
    monkeypatch.setenv("SELFASSESS_LANG", "en")
    code, out, err = run(capsys, "checklist", "validate", str(tmp_path / "back.yaml"))
    assert code == 0 and checklist.fingerprint[:16] in out, err
    code, out, err = run(capsys, "checklist", "validate", str(template))
    assert code == 0 and checklist.fingerprint[:16] in out, err


@pytest.mark.parametrize("source", ["unusual", "all-modes"])
def test_every_field_survives(tmp_path: Path, checklist: Checklist, source: str) -> None:
    from selfassess.checklist import load_checklist_file

    original = unusual(checklist) if source == "unusual" else load_checklist_file(
        Path(__file__).parent / "data" / "all-modes.yaml")
    template = write_checklist_workbook(original, tmp_path / "t.xlsx")
    again = read_checklist_workbook(template)
    assert checklist_mapping(again) == checklist_mapping(original)
    assert again.fingerprint == original.fingerprint


def sheet_rows(ws: Worksheet) -> list[list[Any]]:
    return [[cell.value for cell in row] for row in ws.iter_rows(min_row=2)]


def test_headers_by_name_any_order_chinese_only_and_merged_sections(
        tmp_path: Path, checklist: Checklist) -> None:
    """A bureau's own sheet: bare Chinese headers, its own column order and an extra column, and
    the section written once per section (as in merged cells)."""
    template = write_checklist_workbook(checklist, tmp_path / "t.xlsx")
    wb = load_workbook(template)
    ws = wb[ITEMS]
    rows = sheet_rows(ws)
    header = rows[0]
    bare = [str(h).split("(")[1].rstrip(")") for h in header]  # "Code (代码)" → 代码
    order = list(reversed(range(len(header))))
    for merged in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(merged))
    ws.delete_rows(1, ws.max_row)
    ws.append(["细则(本局)"])
    ws.append(["备注"] + [bare[i] for i in order])
    previous = None
    section_column = header.index("Section code (所属项目)")
    for row in rows[1:]:
        values = [row[i] for i in order]
        if row[section_column] == previous:
            values[order.index(section_column)] = None  # only the first row of a section
        previous = row[section_column]
        ws.append(["自加列", *values])
    wb.save(template)
    assert read_checklist_workbook(template).fingerprint == checklist.fingerprint


def broken(tmp_path: Path, checklist: Checklist, sheet: str, header: str, code: str,
           value: Any) -> tuple[Path, str]:
    """The template with one cell changed; returns the workbook and that cell's address."""
    template = write_checklist_workbook(checklist, tmp_path / "t.xlsx")
    wb = load_workbook(template)
    ws = wb[sheet]
    columns = {cell.value: cell.column for cell in ws[2]}
    first = next(iter(columns.values()))
    row = next(r for r in range(3, ws.max_row + 1)
               if str(ws.cell(row=r, column=first).value) == code)
    cell = ws.cell(row=row, column=columns[header])
    cell.value = value
    wb.save(template)
    return template, f"{sheet}!{cell.coordinate}"


@pytest.mark.parametrize(("sheet", "header", "code", "value", "message"), [
    (ITEMS, "Max (分值)", "1.2", "五分", "“max_points” must be a number, not “五分”"),
    (ITEMS, "Max (分值)", "1.2", 5.3, "is not a multiple of the step 0.5"),
    (ITEMS, "Scoring mode (计分方式)", "1.2", "打分", "“打分” is not one of"),
    (ITEMS, "N/A allowed (可不适用)", "1.2", "也许", "write yes (是) or no (否), not “也许”"),
    (ITEMS, "Code (代码)", "1.2", "1.1", "duplicate code “1.1”"),
    (ITEMS, "Section code (所属项目)", "1.2", "9", "section “9” is not on the sheet"),
    (SECTIONS, "Max (分值)", "1", 25, "its items add up to 20, not its max_points 25"),
    ("Deductions (扣分规则)", "Item code (指标代码)", "1.1", "7.7", "no item with this code"),
    ("Grade bands (等次)", "Minimum (最低分)", "好", "九十", "“min” must be a number"),
])
def test_broken_template_names_the_cell(tmp_path: Path, capsys: Capture, checklist: Checklist,
                                        sheet: str, header: str, code: str, value: Any,
                                        message: str) -> None:
    template, cell = broken(tmp_path, checklist, sheet, header, code, value)
    out_yaml = tmp_path / "out.yaml"
    code_, out, err = run(capsys, "checklist", "import-xlsx", str(template), "-o", str(out_yaml))
    assert code_ == 1 and out == "" and not out_yaml.exists()
    lines = err.strip().splitlines()
    assert any(line.startswith(f"{cell}: ") and message in line for line in lines), err


def test_missing_sheet_or_column_and_non_workbooks(tmp_path: Path, capsys: Capture,
                                                  checklist: Checklist) -> None:
    template = write_checklist_workbook(checklist, tmp_path / "t.xlsx")
    wb = load_workbook(template)
    ws = wb[ITEMS]
    ws.cell(row=2, column=[c.value for c in ws[2]].index("Max (分值)") + 1, value="满分值")
    del wb["Grade bands (等次)"]
    wb.save(template)
    with pytest.raises(ChecklistError) as refused:
        read_checklist_workbook(template)
    assert f"{ITEMS}: missing column(s) Max (分值)" in refused.value.problems
    assert "t.xlsx: the workbook has no sheet “Grade bands (等次)”" in refused.value.problems

    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really")
    code, _out, err = run(capsys, "checklist", "import-xlsx", str(fake), "-o",
                          str(tmp_path / "x.yaml"))
    assert code == 1 and err.strip() == "fake.xlsx: not an Excel workbook (.xlsx)"


def test_new_file_from_a_template_workbook(tmp_path: Path, capsys: Capture,
                                           checklist: Checklist) -> None:
    template = write_checklist_workbook(unusual(checklist), tmp_path / "t.xlsx")
    path = tmp_path / "d.selfassess"
    code, _out, err = run(capsys, "new", str(path), "--department", "办公室",
                          "--checklist", str(template))
    assert code == 0, err
    with AssessmentFile.open(path, readonly=True) as af:
        assert af.checklist.fingerprint == unusual(checklist).fingerprint
        assert af.checklist.items[0].code == "1.10"
    code, _out, err = run(capsys, "checklist", "export-xlsx", str(path), "-o",
                          str(tmp_path / "from-file.xlsx"))
    assert code == 0, err
    assert read_checklist_workbook(tmp_path / "from-file.xlsx").fingerprint == \
        unusual(checklist).fingerprint
