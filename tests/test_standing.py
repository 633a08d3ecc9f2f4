"""One read model: the PDF, the Word draft, the Excel workbook and ``summary --json`` show the
same mean, highest, lowest and ranks (statistics half up; a vetoed department has no rank and
is listed last)."""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal as D
from pathlib import Path

import pypdf
from commands import Capture, run
from docx import Document
from files import scored_bureau as bureau
from openpyxl import load_workbook

from selfassess.checklist import Checklist
from selfassess.scoring import Result
from selfassess.standing import ranks, read_standing
from selfassess.store import AssessmentFile


def outputs(path: Path, capsys: Capture) -> tuple[dict[str, object], str, str, list[list[str]]]:
    """summary --json, the bureau PDF's text, the Word draft's text, the workbook's 汇总表."""
    code, out, err = run(capsys, "summary", str(path), "--json")
    assert code == 0, err
    pdf, docx, xlsx = (path.with_suffix(suffix) for suffix in (".pdf", ".docx", ".xlsx"))
    for target in (pdf, docx, xlsx):
        code, _out, err = run(capsys, "--lang", "zh_CN", *(["report"] if target == pdf
                                                          else ["export"]),
                              str(path), "-o", str(target))
        assert code == 0, err
    pdf_text = re.sub(r"\s+", "", "".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages))
    docx_text = "".join(p.text for p in Document(str(docx)).paragraphs)
    sheet = load_workbook(xlsx).worksheets[0]
    rows = [[str(c) if c is not None else "" for c in row]
            for row in sheet.iter_rows(values_only=True)]
    return json.loads(out), pdf_text, docx_text, rows


def test_mean_half_up_is_the_same_everywhere(tmp_path: Path, quarters: Checklist,
                                             capsys: Capture) -> None:
    path = bureau(tmp_path, quarters, [("甲处", D("87.25"), False), ("乙处", D("87"), False)])
    summary, pdf, docx, rows = outputs(path, capsys)
    stats = summary["statistics"]
    assert isinstance(stats, dict)
    assert (stats["mean"], stats["highest"], stats["lowest"]) == (87.13, 87.25, 87)
    assert "平均分87.13，最高分87.25，最低分87" in pdf  # 87.125 half up, not to even
    assert "平均得分87.13分" in docx
    assert any("平均分 87.13，最高分 87.25，最低分 87" in cell for row in rows for cell in row)
    code, text, _err = run(capsys, "--lang", "zh_CN", "summary", str(path))
    assert code == 0 and "平均分 87.13，最高分 87.25，最低分 87" in text  # the plain summary too
    with AssessmentFile.open(path, readonly=True) as af:
        standing = read_standing(af)
    assert standing.statistics.mean == D("87.13")
    assert [(d.name, d.rank) for d in standing.departments] == [("甲处", 1), ("乙处", 2)]


def test_a_vetoed_department_has_no_rank_and_comes_last(tmp_path: Path, checklist: Checklist,
                                                        capsys: Capture) -> None:
    path = bureau(tmp_path, checklist, [("甲处", D("95"), True), ("乙处", D("90"), False),
                                        ("丙处", D("90"), False), ("丁处", D("80"), False)])
    summary, pdf, docx, rows = outputs(path, capsys)
    departments = summary["departments"]
    assert isinstance(departments, list)
    assert [(d["name"], d["rank"], d["grade"]) for d in departments] == [
        ("丙处", 1, "好"), ("乙处", 1, "好"), ("丁处", 3, "较好"), ("甲处", None, "差")]
    table = [row[:2] for row in rows if len(row) > 1 and row[1] in ("甲处", "乙处", "丙处", "丁处")]
    assert table == [["1", "丙处"], ["1", "乙处"], ["3", "丁处"], ["—", "甲处"]]
    assert re.search(r"—甲处.*一票否决", pdf)
    assert pdf.index("乙处") < pdf.index("丁处") < pdf.index("—甲处")
    with AssessmentFile.open(path, readonly=True) as af:
        stats = read_standing(af).statistics
    assert stats.mean == D("88.75") and stats.highest == 95 and dict(stats.grades)["差"] == 1
    assert "平均得分88.75分" in docx


def result(total: str, veto: bool) -> Result:
    return Result({}, {}, D(0), D(0), D(0), D(0), D(0), D(total), veto,
                  ("V1",) if veto else (), "", ())


def test_ranks_count_ranked_departments_only() -> None:
    results = [result("90", False), result("99", True), result("90", False), result("85", False),
               result("70", True)]
    assert ranks(results) == [1, None, 1, 3, None]
    assert ranks([]) == []


def test_item_loss_rates_are_computed_once(tmp_path: Path, checklist: Checklist,
                                           capsys: Capture) -> None:
    path = bureau(tmp_path, checklist, [("甲处", D("97"), False), ("乙处", D("99"), False),
                                        ("丙处", D("100"), False)])
    summary, pdf, _docx, _rows = outputs(path, capsys)
    stats = summary["statistics"]
    assert isinstance(stats, dict)
    first = checklist.items[0]  # 甲处 lost 3 points on it, 乙处 1 (max × 3 departments possible)
    assert list(stats["items"]) == [first.code]
    rate = D(400) / (first.max_points * 3)
    assert stats["items"][first.code] == {
        "possible": int(first.max_points * 3), "lost": 4,
        "rate": float(rate.quantize(D("0.01"), rounding="ROUND_HALF_UP")),
        "departments": ["乙处", "甲处"]}  # listing order: by rank
    assert f"{stats['items'][first.code]['rate']}%乙处、甲处" in pdf
