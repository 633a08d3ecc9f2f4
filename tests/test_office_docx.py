"""The Word draft of the 自查报告: read back with python-docx (structure, page setup, styles, text
pre-filled from the files) and converted to PDF by LibreOffice (pages, size, lines of 28)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from commands import Capture, run
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt
from pypdf import PdfReader

from selfassess.bureau import create_bureau, merge_files
from selfassess.checklist import Checklist
from selfassess.office.sheets import text_width
from selfassess.paths import resource
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource, Measure, Shortcoming

HEADINGS = ["一、工作开展情况", "二、存在的不足", "三、下一步工作措施"]
LONG = "意识形态" * 40
BODY_STYLES = {"公文标题", "主送机关", "Heading 1", "Heading 2", "Normal", "正文末段", "附件说明", "附件说明续",
               "落款", "成文日期", "附件标识", "附件标题"}


@pytest.fixture
def department_docx(tmp_path: Path, capsys: Capture, checklist: Checklist) -> Path:
    """A department file with known narratives, one N/A, shortcomings, measures and evidence."""
    path = tmp_path / "office.selfassess"
    (tmp_path / "纪要.pdf").write_bytes(b"%PDF-1.4 minutes")
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026",
                               bureau_name="XX市水利局") as af:
        answers = {item.code: {"self_score": item.max_points,
                               "narrative": f"{item.title}工作已按要求落实。"}
                   for item in checklist.items}
        answers["1.2"] = {"self_score": Decimal("3"), "narrative": "全年专题研究 1 次。\n会后印发通知。",
                          "deduction_reason": "少于 2 次"}
        answers["4.4"] = {"not_applicable": True, "na_reason": "本处无宣传栏"}
        answers["2.1"]["narrative"] = LONG  # lines of plain Chinese to count characters on
        af.apply(ChangeSet(
            answers=answers,
            veto={v.code: {"triggered": False} for v in checklist.veto_items},
            item_evidence={"1.1": [EvidenceSource(tmp_path / "纪要.pdf", "传达学习纪要.pdf")]},
            shortcomings=[Shortcoming("理论学习", "学习深度不够", "1.2"),
                          Shortcoming("理论学习", "个别党员掌握不牢"),
                          Shortcoming("工作创新", "创新举措不多")],
            measures=[Measure("制定年度学习计划", owner="李四", deadline="2027-06-30",
                              shortcoming=0)]))
    out = tmp_path / "报告.docx"
    code, _out, err = run(capsys, "export", str(path), "-o", str(out))
    assert code == 0, err
    return out


def paragraphs(doc: DocumentObject) -> list[tuple[str, str]]:
    return [(p.style.name if p.style is not None else "", p.text) for p in doc.paragraphs]


def test_structure_and_prefilled_text(department_docx: Path, checklist: Checklist) -> None:
    doc = Document(str(department_docx))
    body = paragraphs(doc)
    assert body[0] == ("公文标题", "办公室关于2026年度\n意识形态工作责任制落实情况的自查报告")
    assert body[1] == ("主送机关", "XX市水利局党委：")
    assert body[2][1].startswith("按照《意识形态工作责任制落实情况自查评分表》要求，办公室对照29项")
    assert "自评得分98分（基础分98分，加分0分），等次为“好”" in body[2][1]
    assert body[2][1].endswith("现将有关情况报告如下：")
    assert [text for style, text in body if style == "Heading 1"] == HEADINGS
    sections = [text for style, text in body if style == "Heading 2"]
    assert sections == [f"（{'一二三四五六'[n]}）{s.title}" for n, s in enumerate(checklist.sections)]
    texts = [text for _style, text in body]
    # narratives under their section, a second line of a narrative as its own paragraph
    first = texts.index(sections[0])
    assert texts[first + 1] == "传达学习上级部署：传达学习上级部署工作已按要求落实。"
    assert texts[first + 2] == "专题研究部署：全年专题研究 1 次。"
    assert texts[first + 3] == "会后印发通知。"
    assert texts.index(sections[1]) > texts.index("会后印发通知。")
    shortcomings = texts[texts.index(HEADINGS[1]) + 1:texts.index(HEADINGS[2])]
    assert shortcomings[1:] == ["一是理论学习方面。学习深度不够；个别党员掌握不牢。",
                                "二是工作创新方面。创新举措不多。"]
    measures = texts[texts.index(HEADINGS[2]) + 1:]
    assert "（一）制定年度学习计划（责任人：李四；完成时限：2027年6月30日）。" in measures
    signature = [(style, text) for style, text in body if style in ("落款", "成文日期")]
    assert signature[0] == ("落款", "办公室") and signature[1][1].endswith("日")
    notes = [text for style, text in body if style.startswith("附件说明")]
    assert notes == ["附件：1．2026年度意识形态工作责任制落实情况自查评分表", "2．佐证材料目录",
                     "3．整改台账"]
    assert [text for style, text in body if style == "附件标识"][-3:] == ["附件1", "附件2", "附件3"]

    scores, evidence, ledger = doc.tables
    rows = [[cell.text for cell in row.cells] for row in scores.rows]
    assert rows[0] == ["代码", "考核内容", "分值", "自评得分", "扣分原因 / 不适用理由"]
    assert ["1.2", "专题研究部署", "5", "3", "少于 2 次"] in rows
    assert ["4.4", checklist.items_by_code["4.4"].title, "3", "不适用", "本处无宣传栏"] in rows
    assert rows[-2][1:4] == ["总分", "", "98"] and rows[-1][1:4] == ["等次", "", "好"]
    assert len(rows) == 1 + len(checklist.sections) + len(checklist.items) + 5
    first = [c.text for c in evidence.rows[1].cells]
    assert first[:4] == ["1", "1.1 传达学习上级部署", "传达学习纪要.pdf", "1 KB"]
    assert re.fullmatch(r"[0-9a-f]{8}", first[4])  # to ask for it by
    assert [[c.text for c in row.cells] for row in ledger.rows][1] == [
        "1", "学习深度不够", "制定年度学习计划", "办公室", "李四", "2027年6月30日", "未开始"]
    for table in doc.tables:  # header rows repeat on every page
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_page_setup_and_styles(department_docx: Path) -> None:
    doc = Document(str(department_docx))
    assert len(doc.sections) == 1
    section = doc.sections[0]
    def mm(*lengths: Length | None) -> list[float]:  # stored in twips: 0.02 mm steps
        return [round(length.mm, 1) for length in lengths if length is not None]

    assert mm(section.page_width, section.page_height) == [210, 297]
    assert mm(section.top_margin, section.bottom_margin) == [37, 35]
    assert mm(section.left_margin, section.right_margin) == [28, 26]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"  # 225 mm / 22 lines, in twips

    styles = doc.styles

    def east_asian(name: str) -> str:
        fonts = styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == "Times New Roman"
        return str(fonts.get(qn("w:eastAsia")))

    assert east_asian("Normal") == "仿宋_GB2312" and styles["Normal"].font.size == Pt(16)
    assert east_asian("公文标题") == "方正小标宋简体" and styles["公文标题"].font.size == Pt(22)
    assert east_asian("Heading 1") == "黑体" and east_asian("Heading 2") == "楷体_GB2312"
    normal = styles["Normal"].paragraph_format
    assert normal.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert normal.line_spacing == Pt(28.95)
    indent = styles["Normal"].element.pPr.find(qn("w:ind"))
    assert indent.get(qn("w:firstLineChars")) == "200"  # two characters
    # 28 characters to the line: 156 mm at 16 pt less 0.25 pt tracking
    tracking = int(styles["Normal"].element.rPr.find(qn("w:spacing")).get(qn("w:val")))
    assert 27.9 < Mm(156).pt / (16 + tracking / 20) < 28.2
    assert styles["公文标题"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER

    # paragraph styles only: no run and (except the signature) no paragraph carries its own
    used = {p.style.name for p in doc.paragraphs if p.style is not None}
    assert used <= BODY_STYLES and {"公文标题", "Heading 1", "Heading 2", "Normal"} <= used
    for paragraph in doc.paragraphs:
        for run_ in paragraph.runs:
            assert run_._r.rPr is None, paragraph.text
        ppr = paragraph._p.pPr
        direct = [] if ppr is None else [child.tag for child in ppr
                                         if child.tag not in (qn("w:pStyle"),)]
        if paragraph.style.name not in ("落款", "成文日期"):
            assert direct == [], (paragraph.text, direct)

    # "— N —" page numbers: odd pages right, even pages left
    assert doc.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.style.name == "页码奇数页" and even.style.name == "页码偶数页"
    assert odd.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert even.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    for footer in (odd, even):
        assert footer.text.startswith("— ") and footer.text.endswith(" —")
        assert "PAGE" in "".join(t.text or "" for t in footer._p.iter(qn("w:instrText")))


def test_bureau_draft_groups_departments(tmp_path: Path, capsys: Capture) -> None:
    folder = tmp_path / "demo"
    assert run(capsys, "demo", str(folder))[0] == 0
    bureau = next(folder.glob("*汇总.selfassess"))
    out = tmp_path / "bureau.docx"
    code, _out, err = run(capsys, "export", str(bureau), "-o", str(out))
    assert code == 0, err
    with AssessmentFile.open(bureau, readonly=True) as af:
        names = [d.name for d in af.departments()]
    doc = Document(str(out))
    body = paragraphs(doc)
    assert body[0][1].startswith("XX市水利局关于2026年度") and body[1][1] == "××××："
    assert f"组织{len(names)}个处室（单位）" in body[2][1] and "平均得分" in body[2][1]
    assert [text for style, text in body if style == "Heading 1"] == HEADINGS
    sections = [text for style, text in body if style == "Heading 2"]
    assert len(sections) == 6
    first = next(text for _s, text in body if text.startswith("本部分共"))
    assert f"{len(names)}个处室（单位）填写了自查情况" in first and "平均得分" in first
    assert "如" in first and "“" in first  # a department's practice, quoted with its name
    summary = doc.tables[0]
    assert [c.text for c in summary.rows[0].cells][:2] == ["排名", "单位"]
    assert sorted(row.cells[1].text for row in summary.rows[1:]) == sorted(names)
    # each heading on one line: a 10.5 pt character is 3.7 mm, a cell's margins 3.8
    for cell in summary.rows[0].cells:
        assert cell.width.mm >= 3.7 * len(cell.text) + 3.8, (cell.text, cell.width.mm)
    assert sum(cell.width.mm for cell in summary.rows[0].cells) <= 156.5  # the text block


def convert(docx: Path, folder: Path) -> Path:
    """LibreOffice headless, with the bundled CJK font in a private home (no boxes)."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is needed for this test: apt-get install libreoffice-writer-nogui"
    home = folder / "home"
    (home / ".fonts").mkdir(parents=True)
    shutil.copy(resource("fonts") / "wqy-microhei.ttc", home / ".fonts")
    subprocess.run([soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                    str(folder), str(docx)], check=True, timeout=240, capture_output=True,
                   env={**os.environ, "HOME": str(home)})
    pdf = folder / (docx.stem + ".pdf")
    assert pdf.is_file()
    return pdf


def test_libreoffice_renders_every_page(department_docx: Path, tmp_path: Path) -> None:
    pdf = PdfReader(convert(department_docx, tmp_path))
    pages = [page.extract_text() for page in pdf.pages]
    assert 5 <= len(pages) <= 15
    for page in pdf.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595,
                                                                                            842)
    text = "".join(pages).replace("\n", "").replace(" ", "")
    assert "办公室关于2026年度意识形态工作责任制落实情况的自查报告" in text
    for heading in HEADINGS:
        assert heading in text
    for number, page in enumerate(pages, 1):  # the page number on every page
        assert f"— {number} —" in page or f"—{number}—" in page.replace(" ", "")
    # the body runs 28 characters to the line: the long narrative's full lines hold exactly 28
    lines = [line.replace(" ", "") for page in pages for line in page.splitlines()]
    full = [line for line in lines if line and set(line) <= set("意识形态")]
    assert full and {len(line) for line in full[:-1]} == {28}, full
    attachments = [n for n, page in enumerate(pages) if page.replace(" ", "").startswith("附件")]
    assert len(attachments) >= 3  # each attachment on a new page


def test_a_bureau_draft_keeps_the_seeds_length(tmp_path: Path, capsys: Capture,
                                              checklist: Checklist) -> None:
    """30 departments, 500-character narratives: the body stays within 8,000 characters, one
    paragraph per section, shortcomings by category with counts, at most ten measures; LibreOffice
    lays it out 28 characters to the line, headings too, on 22-line pages."""
    folder = tmp_path / "in"
    folder.mkdir()
    sentence = "深入学习贯彻党的二十大精神，全年召开党组理论学习中心组学习会12次，专题研究意识形态工作4次。"
    names = [f"第{n:02d}处" for n in range(1, 31)]
    files = []
    for n, name in enumerate(names):
        path = folder / f"2026_{name}.selfassess"
        with AssessmentFile.create(path, checklist, department_name=name, period="2026") as af:
            af.apply(ChangeSet(
                answers={i.code: {"self_score": i.max_points,
                                  "narrative": f"{name}{i.code}：" + sentence * 11}
                         for i in checklist.items},
                veto={v.code: {"triggered": False} for v in checklist.veto_items},
                shortcomings=[Shortcoming("理论学习", "理论学习的深度和广度还不够。"),
                              Shortcoming(checklist.shortcoming_categories[2 + n % 4],
                                          f"{name}的制度执行还不够严格。")],
                measures=[Measure(f"{name}每月集中学习一次。", owner="张三",
                                  deadline="2027-06-30", shortcoming=0),
                          Measure("健全制度执行情况的督查机制。", owner="李四", shortcoming=1)]))
            af.seal()
        files.append(path)
    bureau = tmp_path / "2026_汇总.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", names).close()
    assert all(o.outcome == "added" for o in merge_files(bureau, files))
    out = tmp_path / "bureau.docx"
    assert run(capsys, "export", str(bureau), "-o", str(out))[0] == 0
    doc = Document(str(out))
    body = paragraphs(doc)
    end = next(n for n, (style, _t) in enumerate(body) if style == "附件说明")
    assert sum(len(text) for _s, text in body[:end]) <= 8000
    share = next(text for _s, text in body if text.startswith("一是理论学习方面"))
    assert "共30条，涉及30个处室（单位）" in share
    measures = [text for style, text in body[:end] if style == "Normal" and text.startswith("（")]
    assert 1 <= len(measures) <= 10 and "共30项措施" in measures[0]
    pdf = PdfReader(convert(out, tmp_path))
    pages = [page.extract_text() for page in pdf.pages]
    body_pages = pages[:next(n for n, page in enumerate(pages)
                             if page.replace(" ", "").startswith("附件1"))]
    assert len(body_pages) <= 12  # the seed report runs to about 8 pages
    for page in body_pages:
        lines = [line.replace(" ", "") for line in page.splitlines() if line.strip()]
        assert len(lines) <= 23  # 22 lines and the page number
        # in characters' widths: a digit or a Latin letter is half a character
        assert max(text_width(line) / 2 for line in lines) <= 28, lines
    signing = [page for page in pages if "附件：1．" in page.replace(" ", "")]
    assert len(signing) == 1 and "XX市水利局" in signing[0].replace(" ", "").split("附件")[-1]
    assert len([line for line in signing[0].splitlines() if line.strip()]) > 6
    assert any(text_width(line.replace(" ", "")) / 2 >= 27.5 for page in body_pages
               for line in page.splitlines())
