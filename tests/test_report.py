"""Printed output read back: PDF text (pypdf), embedded fonts, hostile text, determinism, Excel."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import openpyxl
import pypdf
import pytest
from reportlab import rl_config

from selfassess import i18n
from selfassess.bureau import create_bureau, merge_files
from selfassess.checklist import Checklist
from selfassess.cli import main
from selfassess.i18n import _
from selfassess.notice import NOT_CLASSIFIED
from selfassess.office.bureau_xlsx import write_workbook
from selfassess.report import collect, load_fonts, report_pdf, sheets_pdf
from selfassess.report.fonts import MISSING_MARK
from selfassess.store import AssessmentFile, ChangeSet, Measure, Shortcoming
from selfassess.summary import file_summary

HOSTILE = {
    "markup": "a<b & c <b>x</b> &amp; </para>",
    "emoji": "表彰😀👍",
    "ext_b": "𠀀𠀁人名𪚥",
}
LONG = "".join(f"第{n}句自查情况记录。" for n in range(1, 1400))  # about 20,000 characters


@pytest.fixture(autouse=True)
def invariant() -> Iterator[None]:
    """Byte-identical PDFs for identical input (fixed dates and ids)."""
    rl_config.invariant = 1
    yield
    rl_config.invariant = 0


@pytest.fixture(autouse=True)
def chinese(monkeypatch: pytest.MonkeyPatch, english: None) -> Iterator[None]:
    """Reports are checked as the office prints them: in Chinese."""
    monkeypatch.setenv("SELFASSESS_LANG", "zh_CN")
    i18n.setup("zh_CN")
    yield
    i18n.setup("en")


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def fill(af: AssessmentFile, checklist: Checklist, narrative: str = "按要求开展。",
         lose: D = D(0)) -> None:
    changes = ChangeSet(
        answers={i.code: {"self_score": i.max_points, "narrative": narrative}
                 for i in checklist.items},
        veto={v.code: {"triggered": False} for v in checklist.veto_items},
        shortcomings=[Shortcoming("理论学习", "学习不够深入。")],
        measures=[Measure("每月集中学习。", owner="李四", deadline="2027-06-30", shortcoming=0)])
    if lose:
        changes.answers["1.2"] = {"self_score": D(5) - lose, "deduction_reason": "少研究1次"}
    af.apply(changes)


def department(folder: Path, name: str, checklist: Checklist, **kwargs: Any) -> Path:
    path = folder / f"2026_{name}.selfassess"
    with AssessmentFile.create(path, checklist, department_name=name, period="2026") as af:
        fill(af, checklist, **kwargs)
        af.seal()
    return path


def bureau_with(tmp_path: Path, checklist: Checklist, count: int) -> Path:
    folder = tmp_path / f"in{count}"
    folder.mkdir()
    names = [f"第{n:02d}处" for n in range(1, count + 1)]
    files = [department(folder, name, checklist, lose=D(n % 5)) for n, name in enumerate(names)]
    path = tmp_path / f"bureau{count}.selfassess"
    create_bureau(path, checklist, "XX市水利局", "2026", [*names, "未报处"]).close()
    assert all(not o.refused for o in merge_files(path, files))
    return path


def fonts_are_embedded(pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:  # composite fonts keep it on the descendant
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not embedded"
            seen += 1
    assert seen


def test_department_sheet(dept_file: AssessmentFile, checklist: Checklist) -> None:
    fill(dept_file, checklist, lose=D(2))
    dept_file.seal()
    report = collect(dept_file)
    pdf = sheets_pdf(report)
    text = squeezed(text_of(pdf))
    summary = file_summary(dept_file)["departments"][0]
    assert "2026年度意识形态工作责任制落实情况自查评分表" in text
    assert "被考核单位（盖章）：办公室" in text and "填报人（签字）" in text
    assert f"合计{summary['total']}" in text and summary["total"] == 98
    assert "等次好" in text and "少研究1次" in text
    assert "考核组成员" not in text  # the department's own print has no review block
    assert re.search(r"第1页共\d+页", text)
    fonts_are_embedded(pdf)


def test_hostile_and_long_text_prints_verbatim(dept_file: AssessmentFile,
                                               checklist: Checklist) -> None:
    fill(dept_file, checklist)
    dept_file.apply(ChangeSet(answers={
        "1.1": {"narrative": HOSTILE["markup"]}, "1.2": {"narrative": HOSTILE["emoji"]},
        "1.3": {"narrative": HOSTILE["ext_b"]}, "2.1": {"narrative": LONG}}))
    fonts = load_fonts()
    pdf = sheets_pdf(collect(dept_file), fonts=fonts)
    text = squeezed(text_of(pdf))
    assert squeezed(HOSTILE["markup"]) in text
    header = "序号考核项目考核内容分值评分标准自评得分扣分原因/自查情况佐证材料考核得分备注"
    notice = squeezed(_(NOT_CLASSIFIED))  # on every page, with the page number
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert text.count(notice) == pages
    # less the page furniture: page numbers, 核对码, the running header, the repeated header
    # row, the notice, and the （续） of the continued row
    flowing = re.sub(r"(办公室)?第\d+页共\d+页|核对码：?[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}", "",
                     text).replace(header, "").replace(notice, "").replace("2.1（续）", "")
    assert squeezed(LONG) in flowing  # split across pages, every character kept in order
    assert pages > 5
    covered = {char: fonts.can_print(char) for char in "😀👍𠀀𠀁𪚥"}
    for key in ("emoji", "ext_b"):
        expected = "".join(c if covered.get(c, True) else MISSING_MARK for c in HOSTILE[key])
        assert squeezed(expected) in text, key
    assert fonts.missing == {c for c, ok in covered.items() if not ok}
    fonts_are_embedded(pdf)


def test_output_is_deterministic(dept_file: AssessmentFile, checklist: Checklist) -> None:
    fill(dept_file, checklist)
    report = collect(dept_file)
    assert sheets_pdf(report) == sheets_pdf(report)


def test_bureau_report_names_every_department_and_total(tmp_path: Path,
                                                        checklist: Checklist) -> None:
    path = bureau_with(tmp_path, checklist, 4)
    with AssessmentFile.open(path, readonly=True) as af:
        report = collect(af)
        summary = file_summary(af)
    pdf = report_pdf(report, draft=True)
    text = squeezed(text_of(pdf))
    for entry in summary["departments"]:
        assert entry["name"] in text
        assert f"合计{entry['self_total']}{entry['total']}" in text  # appendix sheet totals
        assert entry["grade"] in text
    assert "未报单位：未报处" in text and "草稿—未经审定" in text
    assert "一、考核结果汇总表" in text and "六、整改台账" in text and "附件4" in text
    fonts_are_embedded(pdf)


@pytest.mark.slow
def test_page_count_grows_with_departments(tmp_path: Path, checklist: Checklist) -> None:
    counts = {}
    for size in (1, 30):
        with AssessmentFile.open(bureau_with(tmp_path, checklist, size), readonly=True) as af:
            counts[size] = len(pypdf.PdfReader(io.BytesIO(report_pdf(collect(af)))).pages)
    assert counts[30] > counts[1] + 29 * 3  # every department adds its sheet


def test_excel_summary_matches_the_summary_json(tmp_path: Path, checklist: Checklist) -> None:
    path = bureau_with(tmp_path, checklist, 3)
    target = tmp_path / "out.xlsx"
    with AssessmentFile.open(path, readonly=True) as af:
        report = collect(af)
        summary = file_summary(af)
    write_workbook(report, target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["汇总表", "第01处", "第02处", "第03处", "问题清单", "整改台账",
                               "佐证材料目录"]
    sheet = book.worksheets[0]
    assert sheet.print_title_rows == "$2:$2" and sheet.page_setup.orientation == "landscape"
    assert sheet["A3"].font.name == "仿宋_GB2312" and sheet["A2"].font.name == "黑体"
    entries = summary["departments"]  # listing order: by rank, vetoed last
    codes = [s.code for s in checklist.sections]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert rows[len(entries)][0] is None  # a blank row, then the statistics as everywhere
    assert str(rows[len(entries) + 1][0]).startswith("平均分 ")
    for row, entry in zip(rows[:len(entries)], entries, strict=True):
        expected = ([entry["rank"], entry["name"]]
                    + [entry["sections"][c]["final"] for c in codes]
                    + [entry["base_total"], entry["bonus"], "无", entry["self_total"],
                       entry["total"], 0, entry["grade"]])
        assert list(row[:len(expected)]) == expected
    department_sheet = book["第01处"]
    values = [c for row in department_sheet.iter_rows(values_only=True) for c in row]
    assert "传达学习上级部署" in values and 4 in values


def test_cli_report_and_export(tmp_path: Path, checklist: Checklist,
                               capsys: pytest.CaptureFixture[str]) -> None:
    path = bureau_with(tmp_path, checklist, 2)
    out = tmp_path / "report.pdf"
    assert main(["report", str(path), "-o", str(out), "--draft"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert main(["report", str(path), "-o", str(out)]) == 1
    assert "已存在" in capsys.readouterr().err
    one = tmp_path / "one.pdf"
    assert main(["report", str(path), "-o", str(one), "--department", "第02处"]) == 0
    text = squeezed(text_of(one.read_bytes()))
    assert "第02处" in text and "第01处" not in text and "考核组成员（签字）" in text
    assert main(["report", str(path), "-o", str(tmp_path / "x.pdf"), "--department", "无此处"]) == 1
    assert "没有单位“无此处”" in capsys.readouterr().err
    xlsx = tmp_path / "out.xlsx"
    assert main(["export", str(path), "-o", str(xlsx)]) == 0 and xlsx.stat().st_size > 5000
    assert main(["export", str(path), "-o", str(tmp_path / "out.csv")]) == 1
    json.dumps(capsys.readouterr().out)


def test_the_machines_gongwen_fonts_take_their_roles(monkeypatch: pytest.MonkeyPatch) -> None:
    from selfassess.paths import resource
    from selfassess.report import fonts as font_module

    bundled = resource("fonts", "wqy-microhei.ttc")
    monkeypatch.setattr(font_module, "fontconfig_files", lambda: {"仿宋_GB2312": (bundled, 1)})
    fonts = font_module.load_fonts()
    assert fonts.roles["body"] == "SAwqy-microhei1"  # found by its family name
    assert fonts.roles["heading"] == font_module.BUNDLED and fonts.substituted
    assert fonts.runs("仿宋", "body") == [(fonts.roles["body"], "仿宋")]


def test_a_full_chart_fits_on_one_landscape_page(tmp_path: Path, checklist: Checklist) -> None:
    from selfassess.report.bureau_report import CHART_ROWS, TALL, BureauReportBuilder
    from selfassess.report.layout import stylesheet

    path = bureau_with(tmp_path, checklist, 1)
    with AssessmentFile.open(path, readonly=True) as af:
        report = collect(af)
    fonts = load_fonts()
    builder = BureauReportBuilder(report, fonts, stylesheet(fonts))
    drawing = builder._chart("各单位考核总分", [(f"第{n}处", 90.0) for n in range(CHART_ROWS)], 105)
    assert drawing.height <= TALL  # more departments continue in the next drawing
    from reportlab.pdfbase.pdfmetrics import stringWidth

    long_name = "市水利水电勘测设计研究院有限公司第一分公司"  # 20 characters
    chart = builder._chart("各单位考核总分", [(long_name, 90.0), ("办公室", 80.0)], 105)
    axis_x = chart.contents[0].x  # labels end at the axis: each starts right of the margin
    assert axis_x >= stringWidth(long_name, fonts.roles["body"], 8)
    assert axis_x + chart.contents[0].width <= chart.width
