"""Workbook helpers shared by the Excel features: safe opening, finding columns by their header
text, and one table style (fonts, borders, print setup)."""

from __future__ import annotations

import math
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from selfassess.errors import InputRefused
from selfassess.i18n import _, translate_to
from selfassess.notice import NOT_CLASSIFIED

BODY = Font(name="仿宋_GB2312", size=11)
HEAD = Font(name="黑体", size=11, bold=True)
TITLE = Font(name="宋体", size=16, bold=True)
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SHADE = PatternFill("solid", fgColor="E8E8E8")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

MAX_WORKBOOK_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a small file that unpacks to gigabytes is refused
MAX_ROWS = 5_000
MAX_COLUMNS = 100
HEADER_SEARCH_ROWS = 10


def open_workbook(path: Path) -> Workbook:
    """Load a workbook someone sent, refusing anything not plainly an .xlsx of sane size."""
    try:
        size = path.stat().st_size
        if size > MAX_WORKBOOK_BYTES:
            raise InputRefused(f"{path.name}: " + _("the workbook is larger than {limit} MB")
                               .format(limit=MAX_WORKBOOK_BYTES // (1024 * 1024)))
        with zipfile.ZipFile(path) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise InputRefused(f"{path.name}: " + _("the workbook unpacks to more than "
                                                         "{limit} MB").format(
                    limit=MAX_UNPACKED_BYTES // (1024 * 1024)))
        return load_workbook(path, data_only=True)
    except InputRefused:
        raise
    except OSError as error:
        raise InputRefused(f"{path}: " + _("cannot read the file ({reason})").format(
            reason=error.strerror or error)) from None
    except Exception:  # openpyxl raises many kinds for files that are not workbooks
        raise InputRefused(f"{path.name}: " + _("not an Excel workbook (.xlsx)")) from None


def names_for(message: str) -> set[str]:
    """The texts that name a sheet, column or choice: the English message, its Chinese
    translation, and each half of a bilingual "English (中文)" label, so a header typed as just
    考核内容 or just "Code" is recognised whatever the program's language."""
    names = {message, translate_to("zh_CN", message)}
    for name in list(names):
        if match := re.fullmatch(r"(.+?)\s*[(（](.+)[)）]", name.strip()):
            names.update((match.group(1), match.group(2)))
    return {normalized(name) for name in names}


def normalized(text: Any) -> str:
    """Header text as compared: no spaces or line breaks, half-width parentheses."""
    value = "" if text is None else str(text)
    value = value.replace("（", "(").replace("）", ")")
    return re.sub(r"\s+", "", value)


def cell_text(value: Any) -> str:
    """A cell's content as text (numbers without a trailing .0, None as empty)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").strip()


@dataclass
class HeaderMap:
    """Where a sheet's columns are, found by header text."""

    header_row: int
    columns: dict[str, int]
    last_row: int

    def value(self, ws: Worksheet, row: int, key: str) -> Any:
        """The value in a row under a known header (None when the column is absent)."""
        column = self.columns.get(key)
        return None if column is None else ws.cell(row=row, column=column).value

    def rows(self, ws: Worksheet) -> Iterator[int]:
        """The data rows below the header."""
        yield from range(self.header_row + 1, self.last_row + 1)


def find_headers(ws: Worksheet, aliases: dict[str, set[str]]) -> HeaderMap:
    """The row among the first ten whose cells name the most known columns."""
    wanted = {normalized(name): key for key, names in aliases.items() for name in names}
    best = HeaderMap(0, {}, 0)
    last_column = min(ws.max_column or 1, MAX_COLUMNS)
    for row in range(1, min(ws.max_row or 1, HEADER_SEARCH_ROWS) + 1):
        columns: dict[str, int] = {}
        for column in range(1, last_column + 1):
            key = wanted.get(normalized(ws.cell(row=row, column=column).value))
            if key and key not in columns:
                columns[key] = column
        if len(columns) > len(best.columns):
            best = HeaderMap(row, columns, 0)
    best.last_row = min(ws.max_row or 0, best.header_row + MAX_ROWS)
    return best


def style_table(ws: Worksheet, title: str, header: Sequence[str], rows: Sequence[Sequence[Any]],
                widths: Sequence[float]) -> None:
    """Title in row 1, header in row 2, rows below: borders, 公文 font names, print setup
    (landscape A4, header row repeated, fit to the page width)."""
    ws.cell(row=1, column=1, value=title).font = TITLE
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.cell(row=1, column=1).alignment = CENTER
    for column, text in enumerate(header, 1):
        cell = ws.cell(row=2, column=column, value=text)
        cell.font, cell.border, cell.fill, cell.alignment = HEAD, BOX, SHADE, CENTER
    for row_number, row in enumerate(rows, 3):
        for column, value in enumerate(row, 1):
            cell = ws.cell(row=row_number, column=column, value=value)
            cell.font, cell.border, cell.alignment = BODY, BOX, WRAP
    for column, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(column)].width = width
    fit_row_heights(ws, 2)
    ws.oddFooter.left.text = _(NOT_CLASSIFIED)
    ws.oddFooter.left.size = 8
    ws.oddFooter.center.text = "&P / &N"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.freeze_panes = "A3"


LINE_HEIGHT = 14.5  # points per line of 11-point text, with the line gap


def text_width(text: str) -> int:
    """Width in Excel's column units: a Chinese character takes two, a Latin one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit_row_heights(ws: Worksheet, first_row: int) -> None:
    """Set each row's height to fit its wrapped text. Excel and WPS do not grow rows written
    by a program, so without this long 评分标准 overflow into the next row when printed."""
    widths = {column: (ws.column_dimensions[get_column_letter(column)].width or 8.43)
              for column in range(1, ws.max_column + 1)}
    merged = {(r.min_row, r.min_col) for r in ws.merged_cells.ranges}
    for row in range(first_row, ws.max_row + 1):
        lines = 1
        for column, width in widths.items():
            value = ws.cell(row=row, column=column).value
            if value is None or (row, column) in merged:
                continue
            usable = max(width * 0.9 - 1, 1)  # cell padding; 仿宋 runs a little wider
            lines = max(lines, sum(max(1, math.ceil(text_width(part) / usable))
                                   for part in str(value).split("\n")))
        ws.row_dimensions[row].height = min(lines * LINE_HEIGHT + 4, 409)  # Excel's maximum
