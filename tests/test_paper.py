"""The printed sheets read back as a secretary would check them before signing: Chinese line
breaking (禁则), no space added where a cell continues on the next page, one header row per page
at its top, 合计 and 等次 on the page with the signatures, every appendix page naming its
department, and the section rows saying 分 (not 加分)."""

from __future__ import annotations

import io
import random
import re
import time
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pypdf
import pytest
from commands import run
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from reportlab import rl_config
from reportlab.lib.units import mm

from selfassess import i18n
from selfassess.bureau import create_bureau, merge_files
from selfassess.checklist import Checklist, load_builtin
from selfassess.numbers import section_label
from selfassess.report import bureau_pdf, collect, load_fonts, sheets_pdf
from selfassess.report.layout import MARGIN, stylesheet
from selfassess.report.sheet import COLUMN_MM
from selfassess.report.text import CANNOT_END, CANNOT_START, TextBlock, lines_of
from selfassess.store import AssessmentFile, ChangeSet, Measure, Shortcoming

SENTENCES = ["深入学习贯彻党的二十大精神，", "全年召开党组理论学习中心组学习会12次，", "专题研究意识形态工作4次。",
             "制定《意识形态工作责任制实施细则》，", "明确“第一责任人”和“直接责任人”职责；",
             "2026年6月30日前完成1.2项整改（含网络阵地排查）。", "各支部结合实际开展“三会一课”，",
             "及时处置网络舆情3起，", "未发生重大意识形态事件！"]


@pytest.fixture(autouse=True)
def chinese(english: None) -> Iterator[None]:
    i18n.setup("zh_CN")
    rl_config.invariant = 1
    yield
    rl_config.invariant = 0
    i18n.setup("en")


def long_narrative(paragraphs: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return "\n".join("".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 5)))
                     for _ in range(paragraphs))


def filled(path: Path, checklist: Checklist, name: str, narrative: str) -> Path:
    with AssessmentFile.create(path, checklist, department_name=name, period="2026") as af:
        answers = {i.code: {"self_score": i.max_points, "narrative": "按要求开展。"}
                   for i in checklist.items}
        answers["1.1"] = {"self_score": D(3), "narrative": narrative,
                          "deduction_reason": "个别学习缺少签到。"}
        af.apply(ChangeSet(answers=answers,
                           veto={v.code: {"triggered": False} for v in checklist.veto_items}))
        af.seal()
    return path


def lines(pdf: bytes) -> list[list[tuple[float, float, str]]]:
    """Per page, the drawn lines: (x, y, text) with x and y of the line's start in points."""
    pages = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        found: dict[tuple[float, float], list[str]] = defaultdict(list)

        def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object,
                  into: dict[tuple[float, float], list[str]] = found) -> None:
            if text:
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                into[(round(x, 1), round(y, 1))].append(text)

        page.extract_text(visitor_text=visit)
        pages.append([(x, y, "".join(parts).strip()) for (x, y), parts in found.items()
                      if "".join(parts).strip()])
    return pages


def column(pages: list[list[tuple[float, float, str]]], index: int) -> str:
    """What the rows hold in one column of the sheet, top to bottom, page after page (the
    header row left out)."""
    left = MARGIN + sum(COLUMN_MM[:index]) * mm
    right = left + COLUMN_MM[index] * mm
    found = []
    for page in pages:
        header = max((y for _x, y, text in page if text == "序号"), default=1e9)
        found += [text for x, y, text in sorted(page, key=lambda line: -line[1])
                  if left <= x < right and y < header - 8]
    return "".join(found)


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, str]:
    """The 自评表 of a department whose 1.1 narrative has 30 paragraphs (several pages)."""
    i18n.setup("zh_CN")
    checklist = load_builtin("ideology-responsibility")
    narrative = long_narrative(30)
    path = filled(tmp_path_factory.mktemp("sheet") / "2026_办公室.selfassess", checklist,
                  "办公室", narrative)
    with AssessmentFile.open(path, readonly=True) as af:
        return sheets_pdf(collect(af), fonts=load_fonts()), narrative


def test_a_narrative_across_pages_comes_back_whole(sheet: tuple[bytes, str]) -> None:
    pdf, narrative = sheet
    pages = lines(pdf)
    assert len(pages) >= 3
    assert narrative.replace("\n", "") in column(pages, 6)  # not a space or character added


def test_no_line_starts_or_ends_with_the_wrong_mark(sheet: tuple[bytes, str]) -> None:
    for number, page in enumerate(lines(sheet[0]), 1):
        for _x, _y, text in page:
            assert text[0] not in CANNOT_START, f"page {number}: {text}"
            assert text[-1] not in CANNOT_END, f"page {number}: {text}"


def test_one_header_row_at_the_top_of_each_page(sheet: tuple[bytes, str]) -> None:
    for page in lines(sheet[0]):
        if any("佐证材料目录" in text for _x, _y, text in page):
            continue  # the attached catalogue has its own table
        headers = [y for _x, y, text in page if text == "评分标准"]
        assert len(headers) == 1
        body = [y for x, y, text in page if x < MARGIN + 12 * mm and re.match(r"\d\.\d", text)]
        assert all(y < headers[0] for y in body)  # nothing of the table above its header


def test_a_continued_row_repeats_its_number(sheet: tuple[bytes, str]) -> None:
    pages = lines(sheet[0])
    numbers = column(pages[1:2], 0)
    assert numbers.startswith("1.1（续）")


def test_totals_stay_with_the_signatures(sheet: tuple[bytes, str]) -> None:
    pages = [{text for _x, _y, text in page} for page in lines(sheet[0])]
    signing = [page for page in pages if "填报人（签字）：" in page]
    assert len(signing) == 1 and {"合计", "等次"} <= signing[0]


def test_section_rows_say_points_not_bonus(sheet: tuple[bytes, str]) -> None:
    texts = [text for page in lines(sheet[0]) for _x, _y, text in page]
    sections = [text for text in texts if re.match(r"[一二三四五六]、", text)]
    checklist = load_builtin("ideology-responsibility")
    assert sections == [f"{section_label(s.code, s.title)}（{s.max_points}分）"
                        for s in checklist.sections]
    assert not any("加分）" in text for text in texts)


def test_every_appendix_page_names_its_department(tmp_path: Path, checklist: Checklist) -> None:
    files = [filled(tmp_path / f"2026_{name}.selfassess", checklist, name, long_narrative(8, n))
             for n, name in enumerate(("办公室", "财务处"))]
    bureau = tmp_path / "2026_汇总.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", ["办公室", "财务处"]).close()
    assert all(o.outcome == "added" for o in merge_files(bureau, files))
    with AssessmentFile.open(bureau, readonly=True) as af:
        pdf = bureau_pdf(collect(af), fonts=load_fonts())
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    first = next(n for n, page in enumerate(pages) if "附件1：" in page)
    runs: dict[str, list[int]] = defaultdict(list)
    for page in pages[first:]:
        found = re.search(r"(附件[123]：(?:办公室|财务处|佐证材料目录))　第 (\d+) 页", page)
        assert found, page[:80]  # every appendix page says whose it is
        runs[found.group(1)].append(int(found.group(2)))
    assert set(runs) == {"附件1：办公室", "附件2：财务处", "附件3：佐证材料目录"}
    for numbers in runs.values():  # each department's pages counted 1…m, "共 m 页" on each
        assert numbers == list(range(1, len(numbers) + 1))
        assert all(f"共 {len(numbers)} 页" in page for page in pages[first:first + len(numbers)])
        first += len(numbers)


# --- the line breaker on its own --------------------------------------------------------------

TOKENS = st.one_of(
    st.sampled_from(["意识", "形态", "工作", "责任制", "落实", "学", "支部", "网络阵地"]),
    st.sampled_from(list("，。、；：？！）》”")),
    st.sampled_from(list("（《“")),
    st.sampled_from(["2026", "2026年6月30日", "1.2", "SHA-256", "12次", "85%"]))


@settings(max_examples=150, deadline=None)
@given(tokens=st.lists(TOKENS, min_size=1, max_size=80),
       width_chars=st.integers(min_value=16, max_value=30))
def test_lines_keep_the_rules_and_every_character(tokens: list[str], width_chars: int) -> None:
    text = "".join(tokens)
    marks = "".join(CANNOT_START | CANNOT_END)
    if re.search(f"[{re.escape(marks)}]{{3}}|[0-9A-Za-z.%-]{{9}}", text):
        return  # three marks in a row, or Latin runs longer than a word: not real text
    fonts = load_fonts()
    style = stylesheet(fonts)["cell"]
    got = list(lines_of(TextBlock(fonts.runs(text), style), width_chars * style.fontSize))
    assert "".join(got) == text
    assert all(line[0] not in CANNOT_START for line in got[1:])
    assert all(line[-1] not in CANNOT_END for line in got[:-1])
    for whole in ("2026年6月30日", "SHA-256", "1.2", "85%", "12次"):
        assert sum(line.count(whole) for line in got) == text.count(whole)


def test_splitting_between_lines_keeps_exactly_the_rest() -> None:
    fonts = load_fonts()
    style = stylesheet(fonts)["cell"]
    block = TextBlock(fonts.runs(long_narrative(12)), style)
    every = list(lines_of(block, 150.0))
    first, rest = block.split(150.0, style.leading * 5 + 1)
    assert isinstance(first, TextBlock) and isinstance(rest, TextBlock)
    assert list(lines_of(first, 150.0)) == every[:5]
    assert list(lines_of(rest, 150.0)) == every[5:]
    assert list(lines_of(rest, 100.0))  # laid out again at another width: the same characters
    assert "".join(lines_of(rest, 100.0)) == "".join(every[5:])


def test_the_same_input_exports_the_same_bytes(tmp_path: Path, checklist: Checklist,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """PDF, Word and Excel of a bureau file and a department's Excel form, exported twice
    (seconds apart: zip entries carry two-second times) are byte-identical; the packages carry
    the content's date, or SOURCE_DATE_EPOCH."""
    source = filled(tmp_path / "2026_办公室.selfassess", checklist, "办公室", long_narrative(3))
    bureau = tmp_path / "2026_汇总.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", ["办公室"]).close()
    assert merge_files(bureau, [source])[0].outcome == "added"
    rl_config.invariant = 0  # as the program runs, not as the other tests set it

    def export(folder: Path) -> list[bytes]:
        folder.mkdir()
        for name, command in (("r.pdf", "report"), ("r.docx", "export"), ("r.xlsx", "export")):
            assert run(capsys, command, str(bureau), "-o", str(folder / name))[0] == 0
        assert run(capsys, "export", str(source), "-o", str(folder / "form.xlsx"))[0] == 0
        return [(folder / n).read_bytes() for n in ("r.pdf", "r.docx", "r.xlsx", "form.xlsx")]

    first = export(tmp_path / "one")
    time.sleep(2.1)
    assert export(tmp_path / "two") == first
    with zipfile.ZipFile(tmp_path / "one" / "r.docx") as package:
        assert {info.date_time[:3] for info in package.infolist()} != {(1980, 1, 1)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    export(tmp_path / "three")
    with zipfile.ZipFile(tmp_path / "three" / "r.xlsx") as package:
        assert {info.date_time for info in package.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        assert b"2026-01-01T00:00:00Z" in package.read("docProps/core.xml")


def test_the_workbook_cuts_nothing_and_checks_its_lists(tmp_path: Path, checklist: Checklist,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """A 20,000-character narrative goes on in rows below (（续）), never past Excel's 409 pt
    row; section names span their columns; the 汇总表 says so; an ISO 完成时限 is a date; every
    list in the department's form refuses what is not on it."""
    narrative = long_narrative(200, 7)[:20000]
    source = filled(tmp_path / "2026_办公室.selfassess", checklist, "办公室", narrative)
    with AssessmentFile.open(source) as af:
        af.reopen()
        af.apply(ChangeSet(shortcomings=[Shortcoming("理论学习", "学习不够深入。")],
                           measures=[Measure("每月集中学习。", owner="李四", deadline="2027-06-30",
                                             shortcoming=0)]))
        af.seal()
    bureau = tmp_path / "2026_汇总.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", ["办公室"]).close()
    assert merge_files(bureau, [source])[0].outcome in ("added",)
    assert run(capsys, "--lang", "zh_CN", "export", str(bureau), "-o",
               str(tmp_path / "b.xlsx"))[0] == 0
    book = load_workbook(tmp_path / "b.xlsx")
    summary, sheet = book.worksheets[0], book["办公室"]
    assert summary["A1"].value == "XX市水利局2026年度考核结果汇总表"
    texts = [sheet.cell(row=r, column=7).value or "" for r in range(3, sheet.max_row + 1)]
    numbers = [sheet.cell(row=r, column=1).value for r in range(3, sheet.max_row + 1)]
    assert "".join(texts).replace("\n", "").count(narrative.replace("\n", "")) == 1
    assert numbers.count("1.1（续）") >= 5
    assert all((sheet.row_dimensions[r].height or 0) <= 409 for r in range(3, sheet.max_row + 1))
    assert all(len(str(t).split("\n")) <= 40 for t in texts)
    section_rows = [r for r in range(3, sheet.max_row + 1)
                    if str(sheet.cell(row=r, column=1).value).startswith("一、")]
    assert f"A{section_rows[0]}:C{section_rows[0]}" in {str(m) for m in sheet.merged_cells.ranges}
    ledger = book["整改台账"]
    deadlines = [ledger.cell(row=r, column=6).value for r in range(3, ledger.max_row + 1)
                 if ledger.cell(row=r, column=1).value is not None
                 and str(ledger.cell(row=r, column=1).value).isdigit()]  # the table's rows
    assert [d.date() if hasattr(d, "date") else d for d in deadlines] == [date(2027, 6, 30)]
    with AssessmentFile.open(source) as af:
        af.reopen()
    assert run(capsys, "--lang", "zh_CN", "export", str(source), "-o",
               str(tmp_path / "form.xlsx"))[0] == 0
    form = load_workbook(tmp_path / "form.xlsx")
    rules = [rule for ws in form.worksheets for rule in ws.data_validations.dataValidation]
    assert len(rules) > 30 and all(rule.showErrorMessage for rule in rules)
    bonus_cells = {str(cell) for ws in form.worksheets if ws.title.startswith("加分")
                   for rule in ws.data_validations.dataValidation for cell in rule.sqref.ranges}
    assert "E3" in bonus_cells  # claimed bonus points are checked too
