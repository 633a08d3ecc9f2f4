"""Workbook helpers shared by the Excel features: safe opening, finding columns by their header
text, and one table style (fonts, borders, print setup)."""

from __future__ import annotations

import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from selfassess.errors import InputRefused
from selfassess.i18n import _, translate_to
from selfassess.inputs import read_input
from selfassess.notice import NOT_CLASSIFIED
from selfassess.record import record
from selfassess.validation import xml_safe

BODY = Font(name="仿宋_GB2312", size=11)
HEAD = Font(name="黑体", size=11, bold=True)
TITLE = Font(name="宋体", size=16, bold=True)
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
SHADE = PatternFill("solid", fgColor="E8E8E8")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

MAX_WORKBOOK_BYTES = 50 * 1024 * 1024
# sheets are read as a stream (openpyxl's read-only mode), but the shared strings are one list
# in memory: a filled form with 29 narratives of 50,000 characters unpacks to about 5 MB; more
# than this is refused before any XML is parsed
MAX_UNPACKED_BYTES = 16 * 1024 * 1024
MAX_ROWS = 5_000
MAX_COLUMNS = 100
HEADER_SEARCH_ROWS = 10


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@record
class GridCell:
    value: Any
    coordinate: str


class Grid:
    """One sheet of a received workbook as the values of its first rows: read as a stream and
    stopped at the caps (``HEADER_SEARCH_ROWS + MAX_ROWS`` rows, ``MAX_COLUMNS`` columns), so
    a sheet of millions of cells costs no more than one within them. A value in a row past the
    cap is refused rather than silently left out."""

    def __init__(self, title: str, rows: list[tuple[Any, ...]]) -> None:
        self.title = title
        self._rows = rows
        self.max_row = len(rows)
        self.max_column = max((len(row) for row in rows), default=0)

    @classmethod
    def read(cls, ws: Any, file_name: str) -> Grid:
        limit = HEADER_SEARCH_ROWS + MAX_ROWS
        rows: list[tuple[Any, ...]] = []
        # the sheet's own <dimension> may be wrong (or a lie): openpyxl would stop reading at
        # it, and Excel shows every row, so every row is read
        ws.reset_dimensions()
        for row in ws.iter_rows(max_col=MAX_COLUMNS, values_only=True):
            if len(rows) == limit:
                if not all(_blank(value) for value in row):
                    raise InputRefused(f"{file_name}: " + _(
                        "sheet “{sheet}” has more than {rows} rows; split it").format(
                        sheet=ws.title, rows=MAX_ROWS))
                continue  # formatted but empty rows below the data cost only the parsing
            rows.append(tuple(row))
        while rows and all(_blank(value) for value in rows[-1]):
            rows.pop()
        return cls(ws.title, rows)

    def cell(self, row: int, column: int) -> GridCell:
        line = self._rows[row - 1] if 0 < row <= len(self._rows) else ()
        value = line[column - 1] if 0 < column <= len(line) else None
        return GridCell(value, f"{get_column_letter(column)}{row}")

    def iter_rows(self, min_row: int = 1, max_row: int | None = None, max_col: int | None = None,
                  values_only: bool = True) -> Iterator[tuple[Any, ...]]:
        last = len(self._rows) if max_row is None else min(max_row, len(self._rows))
        for row in self._rows[min_row - 1:last]:
            yield row[:max_col] if max_col is not None else row


class ReceivedWorkbook:
    """A workbook someone sent, its sheets read on first use (``Grid``)."""

    def __init__(self, book: Any, file_name: str) -> None:
        self._book = book
        self._file_name = file_name
        self._grids: dict[str, Grid] = {}
        self.sheetnames: list[str] = list(book.sheetnames)

    def __getitem__(self, name: str) -> Grid:
        if name not in self._grids:
            self._grids[name] = Grid.read(self._book[name], self._file_name)
        return self._grids[name]


def open_workbook(path: Path) -> ReceivedWorkbook:
    """Open a workbook someone sent, refusing anything not plainly an .xlsx of sane size."""
    content = io.BytesIO(read_input(path, MAX_WORKBOOK_BYTES))
    try:
        with zipfile.ZipFile(content) as archive:
            # zipfile stops at each member's declared size and then checks its CRC, so the sum
            # of declared sizes bounds what is unpacked
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise InputRefused(f"{path.name}: " + _("the workbook unpacks to more than "
                                                         "{limit} MB").format(
                    limit=MAX_UNPACKED_BYTES // (1024 * 1024)))
        return ReceivedWorkbook(load_workbook(content, read_only=True, data_only=True),
                                path.name)
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

    def value(self, ws: Grid, row: int, key: str) -> Any:
        """The value in a row under a known header (None when the column is absent)."""
        column = self.columns.get(key)
        return None if column is None else ws.cell(row=row, column=column).value

    def rows(self, ws: Grid) -> Iterator[int]:
        """The data rows below the header."""
        yield from range(self.header_row + 1, self.last_row + 1)


def find_headers(ws: Grid, aliases: dict[str, set[str]]) -> HeaderMap:
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


def choice_rule(choices: Sequence[str], title: str) -> DataValidation:
    """A drop-down list that refuses anything else, saying what it takes."""
    return DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                          showErrorMessage=True, errorStyle="stop", errorTitle=title,
                          error=_("Choose one of: {choices}").format(choices="、".join(choices)))


def _lines(text: str, usable: float) -> list[str]:
    """``text`` as the lines a cell of ``usable`` width shows (estimated as fit_row_heights
    does)."""
    lines: list[str] = []
    for part in text.split("\n"):
        line, width = "", 0
        for char in part:
            char_width = 2 if unicodedata.east_asian_width(char) in "WF" else 1
            if line and width + char_width > usable:
                lines.append(line)
                line, width = "", 0
            line += char
            width += char_width
        lines.append(line)
    return lines


def continued(rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> list[list[Any]]:
    """Rows whose text would not fit Excel's tallest row (409 pt) go on in rows below: the
    text cut between lines, the first cell repeated with （续）, numbers only in the first."""
    out: list[list[Any]] = []
    for row in rows:
        pieces: dict[int, list[str]] = {}
        for column, value in enumerate(row):
            if isinstance(value, str) and column < len(widths):
                lines = _lines(value, max(widths[column] * 0.9 - 1, 1))
                if len(lines) > MAX_LINES:
                    pieces[column] = ["\n".join(lines[n:n + MAX_LINES])
                                      for n in range(0, len(lines), MAX_LINES)]
        if not pieces:
            out.append(list(row))
            continue
        for part in range(max(len(chunks) for chunks in pieces.values())):
            if part == 0:
                out.append([pieces[c][0] if c in pieces else value for c, value in enumerate(row)])
                continue
            more: list[Any] = [pieces[c][part] if c in pieces and part < len(pieces[c]) else None
                               for c in range(len(row))]
            more[0] = _("{first} (continued)").format(first=row[0])
            out.append(more)
    return out


def put(ws: Worksheet, row: int, column: int, value: Any) -> Any:
    """Write one value as what it is: text stays text (a narrative starting with "=" is not a
    formula, characters XML cannot hold are replaced visibly), numbers and dates stay numbers
    and dates. Returns the cell."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = xml_safe(value)
        cell.data_type = "s"  # never a formula, whatever it starts with
    else:
        cell.value = value
    return cell


def style_table(ws: Worksheet, title: str, header: Sequence[str], rows: Sequence[Sequence[Any]],
                widths: Sequence[float]) -> None:
    """Title in row 1 (merged across the table), header in row 2, rows below: borders, 公文
    font names, print setup (landscape A4, header row repeated, fit to the page width). A row
    whose first cell is a label followed by empty ("") cells has the label merged across them
    (a section's or a total's name); text too long for one row goes on in the rows below;
    dates print as 2027年6月30日."""
    put(ws, 1, 1, title).font = TITLE
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.cell(row=1, column=1).alignment = CENTER
    for column, text in enumerate(header, 1):
        cell = put(ws, 2, column, text)
        cell.font, cell.border, cell.fill, cell.alignment = HEAD, BOX, SHADE, CENTER
    for row_number, row in enumerate(continued(rows, widths), 3):
        for column, value in enumerate(row, 1):
            cell = put(ws, row_number, column, value)
            cell.font, cell.border, cell.alignment = BODY, BOX, WRAP
            if isinstance(value, date):
                cell.number_format = 'yyyy"年"m"月"d"日"'
        span = 1
        while isinstance(row[0], str) and row[0] and span < len(row) and row[span] == "":
            span += 1
        if span > 1:
            ws.merge_cells(start_row=row_number, start_column=1, end_row=row_number,
                           end_column=span)
    for column, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(column)].width = width
    fit_row_heights(ws, 2)
    ws.row_dimensions[1].height = 28  # the title, on one line across the table
    ws.oddFooter.left.text = _(NOT_CLASSIFIED)
    ws.oddFooter.left.size = 8
    ws.oddFooter.center.text = _("Page &P of &N")  # as the PDFs say it: 第 1 页 共 5 页
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.freeze_panes = "A3"


LINE_HEIGHT = 14.5  # points per line of 11-point text, with the line gap
MAX_LINES = 27  # lines in Excel's tallest row (409 pt)


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
