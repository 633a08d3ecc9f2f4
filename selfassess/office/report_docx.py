"""The Word draft of the 自查报告, in the seed report's shape and GB/T 9704-2012 page setup.

The secretary edits this draft before it goes upward, so every paragraph carries a named style
(公文标题, 主送机关, Heading 1 for 一、, Heading 2 for (一), Normal for the body, 落款, …) and no
direct formatting: restyling a level restyles the whole document. Fonts are written by their
conventional names (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体, with Times New Roman for Latin)
so the recipient's Word or WPS uses the fonts it has. Text comes pre-filled from the narratives,
shortcomings and measures; placeholders (××××) mark what only the secretary can write.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from selfassess.checkcode import short_code
from selfassess.i18n import _
from selfassess.numbers import chinese_numeral, decimal_text, section_label
from selfassess.office.package import package_date, write_package
from selfassess.office.sheets import text_width
from selfassess.report.data import ReportData, date_words
from selfassess.report.ledger import ledger_lines
from selfassess.standing import DepartmentStanding
from selfassess.validation import xml_safe

# GB/T 9704-2012: A4, text block 156 × 225 mm, 22 lines of 28 characters of 3号 (16 pt) type.
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
BODY_PT = 16
LINE_PITCH = Pt(28.95)  # 225 mm / 22 lines
LINE_PITCH_TWIPS = 579
# 28 characters to the 156 mm line means 15.79 pt per character: the body type is set 0.25 pt
# tighter (w:spacing −5 twentieths). A document grid with a negative w:charSpace would say the
# same to Word, but LibreOffice then gives every character two grid cells.
BODY_TRACKING = -5
LATIN = "Times New Roman"
FANGSONG, HEITI, KAITI, XIAOBIAOSONG, SONG = "仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"
PLACEHOLDER = "××××"
def _clean(text: str) -> str:
    """Text Word can hold (stored text is already checked; this guards the XML)."""
    return xml_safe(text)


# --- styles ----------------------------------------------------------------------------------


def _fonts(rpr: Any, east_asian: str, size: float | None = None) -> None:
    """Set an rPr's fonts: Latin in Times New Roman, Chinese in a 公文 font; drop theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for name, value in (("w:ascii", LATIN), ("w:hAnsi", LATIN), ("w:cs", LATIN),
                        ("w:eastAsia", east_asian)):
        fonts.set(qn(name), value)
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            element = rpr.find(qn(tag))
            if element is None:
                element = OxmlElement(tag)
                rpr.append(element)
            element.set(qn("w:val"), str(round(size * 2)))


def _tracking(style: ParagraphStyle, twentieths: int) -> None:
    """Character spacing of a style (w:spacing in the run properties)."""
    rpr = style.element.get_or_add_rPr()
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        rpr.append(spacing)
    spacing.set(qn("w:val"), str(twentieths))


def _chars(style: ParagraphStyle, first_line: int = 0, left: int = 0, hanging: int = 0) -> None:
    """Indents in characters (w:firstLineChars, w:leftChars), which follow the font size when
    restyled, with the twips others read. Zeros are written too: every style is based on Normal,
    and a table cell or the 主送 line must not inherit its two-character indent."""
    ppr = style.element.get_or_add_pPr()
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        ppr.append(ind)
    for attribute, chars in (("w:firstLineChars", first_line), ("w:leftChars", left)):
        ind.set(qn(attribute), str(chars * 100))
    ind.set(qn("w:firstLine"), str(first_line * BODY_PT * 20))
    ind.set(qn("w:left"), str(left * BODY_PT * 20))
    if hanging:  # a line that wraps lines up under the text after its label
        for attribute in ("w:firstLineChars", "w:firstLine"):
            del ind.attrib[qn(attribute)]
        ind.set(qn("w:hangingChars"), str(hanging * 100))
        ind.set(qn("w:hanging"), str(hanging * BODY_PT * 20))


def _paragraph_style(doc: DocumentObject, name: str, east_asian: str, size: float, *,
                     base: str = "Normal", align: int | None = None, indent: int = 0,
                     left: int = 0, bold: bool = False, keep_with_next: bool = False,
                     exact_lines: bool = True) -> ParagraphStyle:
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(
        name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
        style.base_style = styles[base]
    style.quick_style = True
    _fonts(style.element.get_or_add_rPr(), east_asian, size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if exact_lines:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_PITCH
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.keep_with_next = keep_with_next
    fmt.widow_control = True
    _chars(style, first_line=indent, left=left)
    assert isinstance(style, ParagraphStyle)
    return style


def _setup_styles(doc: DocumentObject) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
            rpr = rpr_default.find(qn("w:rPr"))
            _fonts(rpr, FANGSONG, BODY_PT)
            language = rpr.find(qn("w:lang"))
            if language is not None:  # Chinese line-breaking rules (no 。at a line's start)
                language.set(qn("w:val"), "zh-CN")
                language.set(qn("w:eastAsia"), "zh-CN")
    _tracking(_paragraph_style(doc, "Normal", FANGSONG, BODY_PT, indent=2), BODY_TRACKING)
    _paragraph_style(doc, "公文标题", XIAOBIAOSONG, 22, align=WD_ALIGN_PARAGRAPH.CENTER,
                     keep_with_next=True).paragraph_format.space_after = LINE_PITCH
    _paragraph_style(doc, "主送机关", FANGSONG, BODY_PT)
    # headings run 28 characters to the line like the body: the same tracking, set on each
    # (Word's built-in heading styles carry their own run properties)
    for name, font in (("Heading 1", HEITI), ("Heading 2", KAITI)):
        _tracking(_paragraph_style(doc, name, font, BODY_PT, indent=2, keep_with_next=True),
                  BODY_TRACKING)
    # 附件说明 (GB/T 9704 7.3.4): "附件：1.名称" two characters in; a long name wraps under
    # itself, and "2.名称" lines up under "1."
    # the last paragraph of the text, the 附件 list, 落款 and 成文日期 stay on one page: a page
    # holding only the signature is what GB/T 9704 forbids
    _paragraph_style(doc, "正文末段", FANGSONG, BODY_PT, indent=2, keep_with_next=True)
    notes = _paragraph_style(doc, "附件说明", FANGSONG, BODY_PT, keep_with_next=True)
    notes.paragraph_format.space_before = LINE_PITCH
    _chars(notes, left=6, hanging=4)
    _chars(_paragraph_style(doc, "附件说明续", FANGSONG, BODY_PT, keep_with_next=True), left=6,
           hanging=1)
    _paragraph_style(doc, "落款", FANGSONG, BODY_PT, align=WD_ALIGN_PARAGRAPH.RIGHT,
                     keep_with_next=True).paragraph_format.space_before = LINE_PITCH
    _paragraph_style(doc, "成文日期", FANGSONG, BODY_PT, align=WD_ALIGN_PARAGRAPH.RIGHT)
    mark = _paragraph_style(doc, "附件标识", HEITI, BODY_PT, align=WD_ALIGN_PARAGRAPH.LEFT,
                            keep_with_next=True)
    mark.paragraph_format.space_after = LINE_PITCH  # the title goes on line 3
    mark.paragraph_format.page_break_before = True  # each attachment starts a page
    _paragraph_style(doc, "附件标题", XIAOBIAOSONG, 18, align=WD_ALIGN_PARAGRAPH.CENTER,
                     keep_with_next=True).paragraph_format.space_after = Pt(14)
    _paragraph_style(doc, "表格文字", FANGSONG, 10.5, align=WD_ALIGN_PARAGRAPH.LEFT,
                     exact_lines=False)
    _paragraph_style(doc, "表格数字", FANGSONG, 10.5, base="表格文字",
                     align=WD_ALIGN_PARAGRAPH.CENTER, exact_lines=False)
    _paragraph_style(doc, "表头文字", HEITI, 10.5, base="表格文字",
                     align=WD_ALIGN_PARAGRAPH.CENTER, exact_lines=False)
    odd = _paragraph_style(doc, "页码奇数页", SONG, 14, align=WD_ALIGN_PARAGRAPH.RIGHT,
                           exact_lines=False)
    odd.paragraph_format.right_indent = Pt(14)  # one character in from the edge
    even = _paragraph_style(doc, "页码偶数页", SONG, 14, align=WD_ALIGN_PARAGRAPH.LEFT,
                            exact_lines=False)
    _chars(even, left=1)
    for name in ("表格文字", "页码奇数页", "页码偶数页"):
        _tracking(doc.styles[name], 0)
        ppr = doc.styles[name].element.get_or_add_pPr()
        snap = OxmlElement("w:snapToGrid")
        snap.set(qn("w:val"), "0")  # small type in tables does not jump to the 22-line grid
        ppr.append(snap)


def _page_setup(doc: DocumentObject, check_code: str = "") -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = Mm(15)
    section.footer_distance = Mm(22)  # the page number sits about 7 mm below the text block
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
    doc.settings.odd_and_even_pages_header_footer = True
    for footer, style in ((section.footer, "页码奇数页"), (section.even_page_footer, "页码偶数页")):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = doc.styles[style]
        paragraph.add_run("— ")
        _page_field(paragraph.add_run())
        paragraph.add_run(" —")
        if check_code:  # which file and revision the draft was made from (a draft, always)
            code = footer.add_paragraph()
            code.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            code.add_run(f"核对码 {check_code}（草稿）").font.size = Pt(9)


def _page_field(run: object) -> None:
    """A PAGE field inside a run."""
    element = run._r  # type: ignore[attr-defined]
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = text
        else:
            node = OxmlElement("w:t")
            node.text = text
        element.append(node)


# --- text ------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, doc: DocumentObject) -> None:
        self.doc = doc

    def para(self, text: str, style: str = "Normal") -> None:
        self.doc.add_paragraph(_clean(text), style=style)

    def paras(self, texts: Iterable[str], style: str = "Normal") -> None:
        for text in texts:
            self.para(text, style)

    def table(self, header: list[str], rows: list[list[str]], widths_mm: list[float],
              numeric: set[int] | None = None) -> None:
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _repeat_header(table.rows[0])
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.paragraphs[0].style = self.doc.styles["表头文字"]
            cell.paragraphs[0].add_run(_clean(text))
        for row in rows:
            cells = table.add_row().cells
            for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
                style = "表格数字" if numeric and index in numeric else "表格文字"
                lines = _clean(text).split("\n")
                cell.paragraphs[0].style = self.doc.styles[style]
                cell.paragraphs[0].add_run(lines[0])
                for line in lines[1:]:
                    cell.add_paragraph(line, style=style)
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)  # the table grid, which LibreOffice and WPS go by
            for cell in column.cells:
                cell.width = Mm(width)


def _repeat_header(row: object) -> None:
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _points(value: Decimal | None) -> str:
    return "" if value is None else decimal_text(value)


def _org(report: ReportData) -> str:
    if report.bureau:
        return report.info.bureau_name or PLACEHOLDER
    return report.departments[0].name if report.departments else PLACEHOLDER


def _grouped(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """Identical texts once, with every department that wrote them (first-seen order)."""
    found: dict[str, list[str]] = {}
    for text, department in pairs:
        text = text.strip()
        if text:
            names = found.setdefault(text, [])
            if department not in names:
                names.append(department)
    return list(found.items())


BODY_LIMIT = 8000  # characters before 附件 in a bureau's draft, whatever the departments (product.md)
QUOTE_CHARS = 60  # a representative practice, quoted up to its first sentence or this long


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """The first sentence of ``text`` (cut at ``limit`` characters, after a mark where one is
    near), without its closing mark: for quoting a department's practice in one line."""
    first = re.split(r"(?<=[。！？；])", " ".join(text.split()), maxsplit=1)[0].rstrip("。！？；，、 ")
    first = first.replace("“", "‘").replace("”", "’")  # quoted inside “…”: single quotes
    if len(first) <= limit:
        return first
    cut = max(first.rfind(mark, 0, limit) for mark in "，、；：,;:")
    if cut > limit // 2:  # a whole clause reads better than a cut one with "……"
        return first[:cut]
    return first[:limit] + "……"


class ReportDraft:
    """Builds the document body from the report data.

    A department's own draft carries its full text. A bureau's draft keeps the seed report's
    length (the body within ``BODY_LIMIT`` characters however many departments there are): per
    section one paragraph with the figures and a few departments' practices quoted briefly;
    shortcomings by category with counts; at most ten measures, one per theme; everything per
    department in the attachments and the PDF report.
    """

    def __init__(self, report: ReportData, doc: DocumentObject) -> None:
        self.report = report
        self.w = _Writer(doc)
        self.org = _org(report)
        self.many = report.bureau
        self.ledger_number = len(_attachments(report))  # the 整改台账 is the last attachment

    def _who(self, names: list[str]) -> str:
        return f"（{'、'.join(names)}）" if self.many else ""

    def opening(self) -> None:
        report = self.report
        # two lines parted between words, the longer below (GB/T 9704 7.3.3: 回行时词意完整)
        title = f"{self.org}关于{report.period_title()}\n意识形态工作责任制落实情况的自查报告"
        self.w.para(title, "公文标题")
        self.w.para(f"{PLACEHOLDER}：" if report.bureau else
                    f"{report.info.bureau_name or '局'}党委：", "主送机关")
        checklist = report.checklist
        if report.bureau:
            stats = report.statistics
            spread = "、".join(f"“{name}”等次{count}个" for name, count in stats.grades if count)
            scores = (f"平均得分{decimal_text(stats.mean)}分" + (f"，其中{spread}" if spread else "")) \
                if stats.mean is not None else "各处室（单位）自查情况待汇总"
            text = (f"按照《{checklist.title}》要求，{self.org}组织{len(report.departments)}个"
                    f"处室（单位）对照{len(checklist.items)}项考核内容逐项开展了"
                    f"{report.period_title()}意识形态工作责任制落实情况自查自评，{scores}。")
        else:
            own = report.departments[0].own if report.departments else None
            text = (f"按照《{checklist.title}》要求，{self.org}对照{len(checklist.items)}项考核内容"
                    "逐项开展了意识形态工作责任制落实情况自查自评")
            if own is not None:
                text += (f"，自评得分{_points(own.total)}分（基础分{_points(own.base)}分，"
                         f"加分{_points(own.bonus)}分），等次为“{own.grade}”")
            text += "。"
        self.w.para(text + "现将有关情况报告如下：")

    def work(self, quotes: int = 3) -> None:
        self.w.para("一、工作开展情况", "Heading 1")
        if self.many:
            self._bureau_work(quotes)
            return
        for number, section in enumerate(self.report.checklist.sections, 1):
            self.w.para(f"（{chinese_numeral(number)}）{section.title}", "Heading 2")
            written = False
            for item in section.items:
                pairs = [(d.data.answers[item.code].narrative, d.name)
                         for d in self.report.departments if item.code in d.data.answers]
                grouped = _grouped(pairs)
                if not grouped:
                    continue
                lines = [f"{text}{self._who(names)}" for text, names in grouped]
                first, *rest = "\n".join(lines).split("\n")
                self.w.para(f"{item.title}：{first}")
                self.w.paras(rest)
                written = True
            if not written:
                self.w.para("（本部分待补充。）")

    def _bureau_work(self, quotes: int) -> None:
        report = self.report
        losses = {loss.code: loss for loss in report.statistics.sections}
        for number, section in enumerate(report.checklist.sections, 1):
            self.w.para(f"（{chinese_numeral(number)}）{section.title}", "Heading 2")
            loss = losses[section.code]
            codes = [item.code for item in section.items]
            wrote = [d for d in report.departments
                     if any(d.data.answers.get(c) and d.data.answers[c].narrative.strip()
                            for c in codes)]
            documents = sum(len(d.data.evidence_for("item", c))
                            for d in report.departments for c in codes)
            text = (f"本部分共{len(codes)}项考核内容，满分{_points(section.max_points)}分。"
                    f"{len(wrote)}个处室（单位）填写了自查情况")
            if documents:
                text += f"，附佐证材料{documents}份"
            if loss.mean is not None:
                text += f"，平均得分{_points(loss.mean)}分，失分率{loss.rate:.2f}%"
            text += "。"
            practices = self._practices(section.code, codes, quotes)
            if practices:
                text += "如" + "；".join(practices) + "。"
            self.w.para(text)

    def _practices(self, section: str, codes: list[str], count: int) -> list[str]:
        """Up to ``count`` departments' practices in a section, the best scored first: each
        department once, its longest narrative quoted briefly."""
        ranked = sorted(self.report.departments,
                        key=lambda d: -d.final.sections[section].score)  # stable: listing order
        found: list[str] = []
        seen: set[str] = set()
        for department in ranked:
            narratives = [a.narrative for c in codes
                          if (a := department.data.answers.get(c)) and a.narrative.strip()]
            if not narratives:
                continue
            text = quote(max(narratives, key=len))
            if text and text not in seen:
                seen.add(text)
                found.append(f"{department.name}“{text}”")
            if len(found) == count:
                break
        return found

    def shortcomings(self) -> None:
        self.w.para("二、存在的不足", "Heading 1")
        if self.many:
            self._bureau_shortcomings()
            return
        grouped: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for department in self.report.departments:
            for shortcoming in department.data.shortcomings:
                grouped[shortcoming.category].append((shortcoming.text, department.name))
        if not grouped:
            self.w.para("经自查，暂未列出存在的不足。（请核实后补充。）")
            return
        self.w.para("严格对照考核细则要求，我们在抓意识形态工作上还存在一些不足。")
        known = [c for c in self.report.checklist.shortcoming_categories if c in grouped]
        for number, category in enumerate(known + sorted(set(grouped) - set(known)), 1):
            texts = [f"{text.rstrip('。；;')}{self._who(names)}"
                     for text, names in _grouped(grouped[category])]
            self.w.para(f"{chinese_numeral(number)}是{category}方面。" + "；".join(texts) + "。")

    def _categories(self) -> list[str]:
        known = list(self.report.checklist.shortcoming_categories)
        found = {s.category for d in self.report.departments for s in d.data.shortcomings}
        return [c for c in known if c in found] + sorted(found - set(known))

    def _bureau_shortcomings(self) -> None:
        by_category: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for department in self.report.departments:
            for shortcoming in department.data.shortcomings:
                by_category[shortcoming.category].append((shortcoming.text, department.name))
        total = sum(len(found) for found in by_category.values())
        if not total:
            self.w.para("经自查，各处室（单位）暂未列出存在的不足。（请核实后补充。）")
            return
        order = sorted(self._categories(), key=lambda c: -len(by_category[c]))  # stable
        self.w.para(f"严格对照考核细则要求，各处室（单位）共查找出不足{total}条，主要集中在"
                    f"{'、'.join(order)}{len(order)}个方面。")
        for number, category in enumerate(order, 1):
            found = by_category[category]
            grouped = sorted(_grouped(found), key=lambda pair: -len(pair[1]))  # most often first
            departments = len({name for _text, name in found})
            texts = "；".join(f"“{quote(text, 80)}”" for text, _names in grouped[:2])
            self.w.para(f"{chinese_numeral(number)}是{category}方面，共{len(found)}条，涉及"
                        f"{departments}个处室（单位），如{texts}。")

    def _bureau_measures(self) -> None:
        themes: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for department in self.report.departments:
            shortcomings = department.data.shortcomings
            for measure in department.data.measures:
                index = measure.shortcoming
                theme = (shortcomings[index].category
                         if index is not None and 0 <= index < len(shortcomings) else "其他")
                themes[theme].append((measure.text, department.name))
        if not themes:
            self.w.para("（整改措施待补充。）")
            return
        order = sorted([c for c in self._categories() if c in themes]
                       + sorted(set(themes) - set(self._categories())),
                       key=lambda c: -len(themes[c]))[:10]  # at most ten, the largest first
        for number, theme in enumerate(order, 1):
            found = themes[theme]
            grouped = sorted(_grouped(found), key=lambda pair: -len(pair[1]))
            departments = len({name for _text, name in found})
            self.w.para(f"（{chinese_numeral(number)}）{theme}方面。{quote(grouped[0][0], 80)}。"
                        f"共{len(found)}项措施，涉及{departments}个处室（单位），责任人和完成时限"
                        f"见附件{self.ledger_number}。")

    def measures(self) -> None:
        self.w.para("三、下一步工作措施", "Heading 1")
        self.w.para(f"下一步，{self.org}将针对自查发现的问题，逐项明确整改措施、责任人和完成时限，"
                    "确保整改到位，推动意识形态工作责任制落地落实。")
        if self.many:
            self._bureau_measures()
            return
        pairs = []
        details: dict[str, str] = {}
        for department in self.report.departments:
            for measure in department.data.measures:
                pairs.append((measure.text, department.name))
                parts = [f"责任人：{measure.owner}" if measure.owner else "",
                         f"完成时限：{date_words(measure.deadline)}" if measure.deadline else ""]
                details.setdefault(measure.text.strip(), "；".join(p for p in parts if p))
        grouped = _grouped(pairs)
        if not grouped:
            self.w.para("（整改措施待补充。）")
        for number, (text, names) in enumerate(grouped, 1):
            extra = details.get(text, "")
            suffix = f"（{extra}）" if extra and not self.many else self._who(names)
            self.w.para(f"（{chinese_numeral(number)}）{text.rstrip('。')}{suffix}。")

    def closing(self, attachments: list[str]) -> None:
        self.w.doc.paragraphs[-1].style = self.w.doc.styles["正文末段"]
        first, *rest = attachments
        # "1．" with the full-width point GB/T 9704 shows: "1.2026年度…" would read as 1.2026
        self.w.para(f"附件：1．{first}", "附件说明")
        for number, title in enumerate(rest, 2):
            self.w.para(f"{number}．{title}", "附件说明续")
        self.w.doc.add_paragraph(_clean(self.org), style="落款")
        self.w.doc.add_paragraph(self.report.printed_on, style="成文日期")
        _signature_indents(self.w.doc, self.org, self.report.printed_on)


def _signature_indents(doc: DocumentObject, org: str, date: str) -> None:
    """GB/T 9704 7.3.5.2: the name right-indented two characters, the date one line below with
    its first character two to the right of the name's (or, when the date is longer, the date
    right-indented two and the name moved to keep that offset). These depend on the two texts'
    lengths, so they are set on the two styles when the draft is written."""
    name_width, date_width = text_width(org) / 2, text_width(date) / 2
    if name_width >= date_width + 2:
        name_indent, date_indent = 2.0, name_width - date_width
    else:
        date_indent, name_indent = 2.0, date_width + 4 - name_width
    # on the styles, which only these two paragraphs use: no direct formatting in the text
    doc.styles["落款"].paragraph_format.right_indent = Pt(name_indent * BODY_PT)
    doc.styles["成文日期"].paragraph_format.right_indent = Pt(date_indent * BODY_PT)


# --- attachments -----------------------------------------------------------------------------


def _score_table(report: ReportData) -> tuple[list[str], list[list[str]], list[float], set[int]]:
    checklist = report.checklist
    if report.bureau:
        sections = [s.code for s in checklist.sections]
        header = ["排名", "单位"] + [chinese_numeral(int(c)) if c.isdigit() else c
                                     for c in sections] + ["基础分", "加分", "总分", "等次"]
        table = [[str(d.rank or "—"), d.name]
                + [_points(d.final.sections[c].score) for c in sections]
                + [_points(d.final.base), _points(d.final.bonus), _points(d.final.total),
                   d.grade]  # as decided (lowered by an 等次调整 where there is one)
                for d in report.departments]
        # a 10.5 pt character is 3.7 mm and a cell's margins take 3.8: 排名, 加分 and 等次 need
        # 12 mm, 基础分 15.5, a total like 100.5 13 (at 11 and 14 they broke into 排/名, 基础/分)
        fixed = [12.0] + [11.5] * len(sections) + [15.5, 12.0, 13.0, 12.0]
        widths = [fixed[0], 156 - sum(fixed), *fixed[1:]]
        return header, table, widths, set(range(2, len(header)))
    header = ["代码", "考核内容", "分值", "自评得分", "扣分原因 / 不适用理由"]
    rows: list[list[str]] = []
    department: DepartmentStanding | None = report.departments[0] if report.departments else None
    for section in checklist.sections:
        own = department.own.sections[section.code].score if department else None
        rows.append(["", section_label(section.code, section.title),
                     _points(section.max_points), _points(own), ""])
        for item in section.items:
            answer = department.data.answers.get(item.code) if department else None
            score = "不适用" if answer and answer.not_applicable else _points(
                answer.self_score if answer else None)
            reason = (answer.na_reason if answer.not_applicable else answer.deduction_reason) \
                if answer else ""
            rows.append([item.code, item.title, _points(item.max_points), score, reason])
    if department:
        result = department.own
        rows += [["", "基础分", _points(checklist.full_marks), _points(result.base), ""],
                 ["", "加分", _points(checklist.bonus_cap), _points(result.bonus), ""],
                 ["", "一票否决", "", "有" if result.veto else "无",
                  "、".join(result.vetoed_by)],
                 ["", "总分", "", _points(result.total), ""],
                 ["", "等次", "", result.grade, ""]]
    return header, rows, [14, 62, 14, 18, 48], {2, 3}


def _evidence_rows(report: ReportData) -> list[list[str]]:
    """The 佐证材料目录 as every output prints it (``evidence_review``), with the first 8 hex
    digits of each document's hash to ask for it by."""
    rows: list[list[str]] = []
    for number, line in enumerate(report.evidence, 1):
        row = [str(number), line.department, line.target, line.ref.file_name,
               _size(line.ref.size), line.hash8]
        rows.append(row if report.bureau else row[:1] + row[2:])
    return rows


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def _ledger_rows(report: ReportData) -> list[list[str]]:
    return [[str(number), line.problem, line.measure.text, line.department,
             line.measure.owner, date_words(line.deadline) + (
                 f"（原定{date_words(line.sealed_deadline)}）" if line.sealed_deadline else ""),
             line.progress(chinese=True)]
            for number, line in enumerate(ledger_lines(report), 1)]


def _attachments(report: ReportData) -> list[str]:
    period = report.period_title()
    score = "自查评分汇总表" if report.bureau else "自查评分表"
    return [f"{period}意识形态工作责任制落实情况{score}", "佐证材料目录", "整改台账"]


def _write_attachments(report: ReportData, w: _Writer, titles: list[str]) -> None:
    header, rows, widths, numeric = _score_table(report)
    evidence = _evidence_rows(report)
    evidence_header = ["序号", "单位", "对应指标", "材料名称", "大小", "哈希"]
    evidence_widths = [10.0, 26, 38, 50, 16, 16]
    if not report.bureau:
        evidence_header, evidence_widths = evidence_header[:1] + evidence_header[2:], \
            [10.0, 52, 62, 16, 16]
    ledger_header = ["序号", "问题", "整改措施", "责任单位", "责任人", "完成时限", "进展"]
    parts = [(header, rows, widths, numeric),
             (evidence_header, evidence, evidence_widths, {0, len(evidence_header) - 2}),
             (ledger_header, _ledger_rows(report), [9.0, 36, 40, 20, 15, 20, 16], {0})]
    for number, (title, (head, body, column_mm, numbers)) in enumerate(zip(titles, parts,
                                                                           strict=True), 1):
        w.para(f"附件{number}", "附件标识")  # the style starts a new page
        w.para(title, "附件标题")
        if body:
            w.table(head, body, column_mm, numbers)
        else:
            w.para("（无）")
        vetoed = [d for d in report.departments if d.final.veto]
        if number == 1 and report.bureau and vetoed:  # why a higher total ranks last, 差
            w.para("注：" + "；".join(
                f"{d.name}有一票否决事项（{'、'.join(d.final.vetoed_by)}），等次为“{d.final.grade}”，不参与排名"
                for d in vetoed) + "。")


def _drafted(report: ReportData, titles: list[str], quotes: int) -> tuple[DocumentObject,
                                                                         ReportDraft]:
    doc = Document()
    _setup_styles(doc)
    # the Word draft is edited before it is signed: its code always says draft
    _page_setup(doc, short_code(replace(report.stamp, draft=True), 0) if report.stamp else "")
    body = doc.paragraphs[0]._element if doc.paragraphs else None
    if body is not None:
        body.getparent().remove(body)
    draft = ReportDraft(report, doc)
    draft.opening()
    draft.work(quotes)
    draft.shortcomings()
    draft.measures()
    draft.closing(titles)
    return doc, draft


def body_length(doc: DocumentObject) -> int:
    """Characters of the body: every paragraph before the 附件 list."""
    total = 0
    for paragraph in doc.paragraphs:
        if paragraph.style is not None and paragraph.style.name == "附件说明":
            break
        total += len(paragraph.text)
    return total


def write_report_docx(report: ReportData, path: Path) -> Path:
    """Write the 自查报告 draft (.docx) of a bureau or department file; a bureau's body quotes
    fewer practices until it is within ``BODY_LIMIT`` characters."""
    titles = _attachments(report)
    doc, draft = _drafted(report, titles, 3)
    for quotes in (2, 1, 0):
        if not report.bureau or body_length(doc) <= BODY_LIMIT:
            break
        doc, draft = _drafted(report, titles, quotes)
    _write_attachments(report, draft.w, titles)
    doc.core_properties.title = f"{draft.org}{report.period_title()}意识形态工作责任制落实情况自查报告"
    doc.core_properties.author = "selfassess"
    doc.core_properties.comments = _("Draft made by selfassess; edit before sending.")
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_package(path, lambda target: doc.save(str(target)),
                         package_date(report.content_dates()))
