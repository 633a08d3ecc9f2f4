"""The Excel 自评表: export, fill with openpyxl the way people do (extra and moved columns), import
back; refusals name the sheet and cell and leave the department file untouched."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from commands import Capture, run
from files import sha256_of
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile

ANSWERS: dict[str, Any] = {
    "items": {"1.2": {"score": 3.5, "narrative": "全年集中学习 10 次。",
                      "deduction_reason": "少于 12 次"},
              "4.4": {"not_applicable": True, "na_reason": "本处无宣传栏"},
              "5.3": {"score": 0, "narrative": "未开展。", "deduction_reason": "未开展"}},
    "bonus": {"B2": {"points": 1, "narrative": "获市级表彰"}},
    "veto": {"V3": {"triggered": False, "explanation": "经核查无此类情况"}},
    "shortcomings": [{"category": "理论学习", "text": "学习深度不够", "item": "1.2"},
                     {"category": "其他", "text": "台账不规范"}],
    "measures": [{"text": "制定年度学习计划", "owner": "李四", "leader": "王五",
                  "deadline": "2027-06-30", "shortcoming": 0, "standard": "计划印发",
                  "progress": "起草中"}],
}


def answers(checklist: Checklist) -> dict[str, Any]:
    """Every item answered, a few with deductions or not applicable; every veto declared."""
    items: dict[str, Any] = {item.code: {"score": float(item.max_points),
                                         "narrative": f"{item.code} 已按要求落实。"}
                             for item in checklist.items}
    items.update(ANSWERS["items"])
    veto: dict[str, Any] = {v.code: False for v in checklist.veto_items}
    veto.update(ANSWERS["veto"])
    return {**ANSWERS, "items": items, "veto": veto}


def new_file(capsys: Capture, path: Path, department: str = "办公室") -> Path:
    code, _out, err = run(capsys, "new", str(path), "--department", department,
                          "--period", "2026", "--bureau", "XX市水利局", "--filled-by", "张三")
    assert code == 0, err
    return path


def export_form(capsys: Capture, dept: Path, form: Path) -> None:
    code, _out, err = run(capsys, "export", str(dept), "-o", str(form))
    assert code == 0, err


def headers(ws: Worksheet) -> dict[str, int]:
    """Header text → column, from the form's header row (row 2)."""
    return {str(cell.value): cell.column for cell in ws[2] if cell.value is not None}


def rearrange(ws: Worksheet, order: list[int], extra: str) -> None:
    """What people do: move columns around and insert one of their own (here after the first)."""
    for merged in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(merged))
    grid = [[ws.cell(row=r, column=c).value for c in range(1, ws.max_column + 1)]
            for r in range(1, ws.max_row + 1)]
    ws.delete_cols(1, ws.max_column)
    for r, row in enumerate(grid, 1):
        values = [row[c - 1] for c in order]
        values.insert(1, extra if r == 2 else (f"备注{r}" if r > 2 else None))
        for c, value in enumerate(values, 1):
            ws.cell(row=r, column=c, value=value)


def fill_form(form: Path, checklist: Checklist, data: dict[str, Any]) -> None:
    """Fill every sheet by header name after rearranging the 自评表, like a person in Excel."""
    wb = load_workbook(form)
    ws = wb["Self-assessment (自评表)"]
    rearrange(ws, [1, 2, 3, 4, 5, 7, 6, 10, 9, 8], "Remarks")
    col = headers(ws)
    assert col["Self score"] != 6 and col["Remarks"] == 2
    rows = {str(ws.cell(row=r, column=col["Code"]).value): r for r in range(3, ws.max_row + 1)}
    for code, answer in data["items"].items():
        r = rows[code]
        if answer.get("not_applicable"):
            ws.cell(row=r, column=col["Not applicable (不适用)"], value="是")
            ws.cell(row=r, column=col["Why not applicable (不适用理由)"],
                    value=answer["na_reason"])
            continue
        ws.cell(row=r, column=col["Self score"], value=answer["score"])
        ws.cell(row=r, column=col["What was done (自查情况)"], value=answer["narrative"])
        if "deduction_reason" in answer:
            ws.cell(row=r, column=col["Reason for lost points (扣分原因)"],
                    value=answer["deduction_reason"])
    ws = wb["Bonus claims (加分项)"]
    col = headers(ws)
    for r in range(3, ws.max_row + 1):
        claim = data["bonus"].get(ws.cell(row=r, column=col["Code"]).value)
        if claim:
            ws.cell(row=r, column=col["Points claimed"], value=claim["points"])
            ws.cell(row=r, column=col["What was recognised"], value=claim["narrative"])
    ws = wb["Veto declarations (一票否决)"]
    col = headers(ws)
    for r in range(3, ws.max_row + 1):
        declared = data["veto"][ws.cell(row=r, column=col["Code"]).value]
        triggered = declared["triggered"] if isinstance(declared, dict) else declared
        ws.cell(row=r, column=col["Declared (有/无)"], value="有" if triggered else "无")
        if isinstance(declared, dict):
            ws.cell(row=r, column=col["Explanation"], value=declared["explanation"])
    ws = wb["Shortcomings (存在的不足)"]
    col = headers(ws)
    for r, entry in enumerate(data["shortcomings"], 3):
        ws.cell(row=r, column=col["No."], value=r - 2)
        ws.cell(row=r, column=col["Category"], value=entry["category"])
        ws.cell(row=r, column=col["Related item"], value=entry.get("item"))
        ws.cell(row=r, column=col["Shortcoming"], value=entry["text"])
    ws = wb["Rectification measures (整改措施)"]
    col = headers(ws)
    for r, entry in enumerate(data["measures"], 3):
        for header, key in (("Measure", "text"), ("Responsible person", "owner"),
                            ("Leader in charge", "leader"), ("Deadline", "deadline"),
                            ("Completion standard", "standard"), ("Progress", "progress")):
            ws.cell(row=r, column=col[header], value=entry[key])
        ws.cell(row=r, column=col["For shortcoming No."], value=entry["shortcoming"] + 1)
    wb.save(form)


def stored(path: Path) -> dict[str, Any]:
    """Everything a reader sees of a department: answers, claims, lists, and the summary."""
    with AssessmentFile.open(path, readonly=True) as af:
        data = af.data()
        return {
            "answers": {code: (a.self_score, a.narrative, a.deduction_reason,
                               a.not_applicable, a.na_reason) for code, a in data.answers.items()},
            "bonus": {code: (c.points, c.narrative) for code, c in data.bonus.items()
                      if c.points is not None},
            "veto": {code: (d.triggered, d.explanation) for code, d in data.veto.items()},
            "shortcomings": data.shortcomings, "measures": data.measures,
        }


def department_summary(capsys: Capture, path: Path) -> dict[str, Any]:
    code, out, err = run(capsys, "summary", str(path), "--json")
    assert code == 0, err
    entry: dict[str, Any] = json.loads(out)["departments"][0]
    return entry


def test_round_trip_equals_fill(tmp_path: Path, capsys: Capture, checklist: Checklist) -> None:
    data = answers(checklist)
    by_fill = new_file(capsys, tmp_path / "fill.selfassess")
    (tmp_path / "answers.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, _out, err = run(capsys, "fill", str(by_fill), str(tmp_path / "answers.json"))
    assert code == 0, err

    by_form = new_file(capsys, tmp_path / "form.selfassess")
    form = tmp_path / "form.xlsx"
    export_form(capsys, by_form, form)
    fill_form(form, checklist, data)
    code, out, err = run(capsys, "import-xlsx", str(form), str(by_form))
    assert code == 0, err
    assert "29" in out

    assert stored(by_form) == stored(by_fill)
    expected = department_summary(capsys, by_fill)
    got = department_summary(capsys, by_form)
    assert got["total"] == expected["total"] == 100 - 1.5 - 3 + 1
    assert {k: v for k, v in got.items() if k != "id"} == \
        {k: v for k, v in expected.items() if k != "id"}

    # a filled form exports the stored answers and imports back to the same thing
    again = tmp_path / "again.xlsx"
    export_form(capsys, by_form, again)
    before = stored(by_form)
    code, _out, err = run(capsys, "import-xlsx", str(again), str(by_form))
    assert code == 0, err
    assert stored(by_form) == before


def test_form_shape_protection_and_validation(tmp_path: Path, capsys: Capture,
                                              checklist: Checklist) -> None:
    dept = new_file(capsys, tmp_path / "d.selfassess")
    form = tmp_path / "blank.xlsx"
    export_form(capsys, dept, form)
    wb = load_workbook(form)
    assert wb.sheetnames[:5] == ["Self-assessment (自评表)", "Bonus claims (加分项)",
                                 "Veto declarations (一票否决)", "Shortcomings (存在的不足)",
                                 "Rectification measures (整改措施)"]
    assert wb["selfassess"].sheet_state == "hidden"
    ws = wb["Self-assessment (自评表)"]
    col = headers(ws)
    assert list(col)[:6] == ["Code", "Area (考核项目)", "What is checked (考核内容)", "Max",
                             "Scoring rules (评分标准)", "Self score"]
    codes = [ws.cell(row=r, column=1).value for r in range(3, ws.max_row + 1)]
    assert [c for c in codes if c] == [item.code for item in checklist.items]
    row = 3 + codes.index("1.2")
    assert ws.protection.sheet
    assert ws.cell(row=row, column=col["Max"]).value == 5
    assert ws.cell(row=row, column=col["Max"]).protection.locked
    assert not ws.cell(row=row, column=col["Self score"]).protection.locked
    rules = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    f = f"F{row}"
    assert rules[f] == f"AND(ISNUMBER({f}),{f}>=0,{f}<=5,ABS({f}/0.5-ROUND({f}/0.5,0))<0.000001)"
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$2:$2"
    assert "非涉密" in ws.oddFooter.left.text  # printed at the foot of every page


def test_chinese_form_reads_back(tmp_path: Path, capsys: Capture,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELFASSESS_LANG", "zh_CN")
    dept = new_file(capsys, tmp_path / "d.selfassess")
    form = tmp_path / "表.xlsx"
    export_form(capsys, dept, form)
    wb = load_workbook(form)
    ws = wb["自评表"]
    col = headers(ws)
    assert {"代码", "分值", "自评得分", "不适用", "不适用理由"} <= set(col)
    ws.cell(row=4, column=col["自评得分"], value="3分")  # typed with its unit
    wb.save(form)
    monkeypatch.setenv("SELFASSESS_LANG", "en")  # a form in Chinese imports in any language
    code, _out, err = run(capsys, "import-xlsx", str(form), str(dept))
    assert code == 0, err
    assert stored(dept)["answers"]["1.1"][0] == 3


@pytest.mark.parametrize(("sheet", "header", "value", "message"), [
    ("Self-assessment (自评表)", "Self score", 5.5, "!G{row}: item 1.2: score 5.5 is outside 0–5"),
    ("Self-assessment (自评表)", "Self score", 3.3, "!G{row}: item 1.2: score 3.3 is not a multiple"),
    ("Self-assessment (自评表)", "Self score", "三分", "!G{row}: “三分” is not a number"),
    ("Self-assessment (自评表)", "Code", "9.9", "!A{row}: unknown item code “9.9”"),
    ("Self-assessment (自评表)", "Not applicable (不适用)", "是", "!J{row}: item 1.2 may not"),
    ("Bonus claims (加分项)", "Points claimed", 3.5, "!E{row}: bonus item B1: 3.5 points are outside 0–3"),
])
def test_refusals_name_the_cell_and_change_nothing(
        tmp_path: Path, capsys: Capture, checklist: Checklist, sheet: str, header: str,
        value: Any, message: str) -> None:
    dept = new_file(capsys, tmp_path / "d.selfassess")
    (tmp_path / "a.json").write_text(json.dumps(answers(checklist), ensure_ascii=False), "utf-8")
    assert run(capsys, "fill", str(dept), str(tmp_path / "a.json"))[0] == 0
    form = tmp_path / "form.xlsx"
    export_form(capsys, dept, form)
    wb = load_workbook(form)
    rearrange(wb["Self-assessment (自评表)"], list(range(1, 11)), "Remarks")  # columns shift by 1
    ws = wb[sheet]
    col = headers(ws)
    codes = {str(ws.cell(row=r, column=col["Code"]).value): r for r in range(3, ws.max_row + 1)}
    row = codes["1.2"] if sheet.startswith("Self") else codes["B1"]
    ws.cell(row=row, column=col[header], value=value)
    wb.save(form)
    before = sha256_of(dept)
    code, out, err = run(capsys, "import-xlsx", str(form), str(dept))
    assert code == 1 and out == ""
    assert sheet + message.format(row=row) in err, err
    assert sha256_of(dept) == before


def test_not_applicable_without_reason_is_located(tmp_path: Path, capsys: Capture) -> None:
    dept = new_file(capsys, tmp_path / "d.selfassess")
    form = tmp_path / "form.xlsx"
    export_form(capsys, dept, form)
    wb = load_workbook(form)
    ws = wb["Self-assessment (自评表)"]
    col = headers(ws)
    row = next(r for r in range(3, ws.max_row + 1) if ws.cell(row=r, column=1).value == "4.4")
    ws.cell(row=row, column=col["Not applicable (不适用)"], value="是")
    wb.save(form)
    before = sha256_of(dept)
    code, _out, err = run(capsys, "import-xlsx", str(form), str(dept))
    assert code == 1
    assert f"Self-assessment (自评表)!J{row}: not applicable needs a reason" in err
    assert sha256_of(dept) == before


def test_every_problem_is_listed_at_once(tmp_path: Path, capsys: Capture) -> None:
    dept = new_file(capsys, tmp_path / "d.selfassess")
    form = tmp_path / "form.xlsx"
    export_form(capsys, dept, form)
    wb = load_workbook(form)
    ws = wb["Self-assessment (自评表)"]
    ws["F4"], ws["F5"] = 9, "x"
    wb["Veto declarations (一票否决)"]["C3"] = "maybe"
    wb.save(form)
    code, _out, err = run(capsys, "import-xlsx", str(form), str(dept))
    assert code == 1
    assert "!F4: " in err and "!F5: " in err and "Veto declarations (一票否决)!C3: " in err


def test_sealed_bureau_foreign_and_broken_inputs_are_refused(
        tmp_path: Path, capsys: Capture, checklist: Checklist) -> None:
    dept = new_file(capsys, tmp_path / "d.selfassess")
    form = tmp_path / "form.xlsx"
    export_form(capsys, dept, form)

    other = new_file(capsys, tmp_path / "other.selfassess", department="宣传处")
    untouched = sha256_of(other)
    code, _out, err = run(capsys, "import-xlsx", str(form), str(other))
    assert code == 1 and "another department" in err and sha256_of(other) == untouched

    complete = {**answers(checklist), "bonus": {}}  # a bonus claim would need evidence to seal
    (tmp_path / "a.json").write_text(json.dumps(complete, ensure_ascii=False), "utf-8")
    assert run(capsys, "fill", str(dept), str(tmp_path / "a.json"))[0] == 0
    code, _out, err = run(capsys, "seal", str(dept))
    assert code == 0, err
    before = sha256_of(dept)
    code, _out, err = run(capsys, "import-xlsx", str(form), str(dept))
    assert code == 1 and "sealed" in err and sha256_of(dept) == before

    not_xlsx = tmp_path / "notes.xlsx"
    not_xlsx.write_text("hello", "utf-8")
    code, _out, err = run(capsys, "import-xlsx", str(not_xlsx), str(other))
    assert code == 1 and "not an Excel workbook" in err and len(err.strip().splitlines()) == 1
    assert sha256_of(other) == untouched

    export_form(capsys, other, tmp_path / "other.xlsx")
    wb = load_workbook(tmp_path / "other.xlsx")
    del wb["Self-assessment (自评表)"]
    wb.save(tmp_path / "no-items.xlsx")
    code, _out, err = run(capsys, "import-xlsx", str(tmp_path / "no-items.xlsx"), str(other))
    assert code == 1 and "no sheet" in err and sha256_of(other) == untouched
