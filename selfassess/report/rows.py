"""Tables that break across pages the way a signed score sheet must.

reportlab's own splitting (``repeatRows`` with ``splitInRow``) repeats the header row in the
middle of a page, continues a row without its 序号, and lets the last rows part from the
signature block. ``RowTable`` lays its rows out itself, page by page:

- the header row only at the top of each page's part;
- a row too tall for the rest of the page is cut between lines of its text (at least
  ``MIN_LINES`` on each side); the continued part repeats the row's 序号 and says （续）;
- a section row never stays alone at the foot of a page;
- the last ``keep_last`` rows (合计, 等次) go onto the page that holds the ``trailer`` (the
  signature block), never apart from it.

Each page's part is an ordinary reportlab ``Table`` with fixed row heights, so what is measured
here is what is drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak, Table

from selfassess.report.text import TextBlock

PAD_TOP, PAD_BOTTOM, PAD_SIDE = 2.0, 3.0, 3.0
MIN_LINES = 2  # lines of a cut row's text on either side of the cut
_FUZZ = 1e-6


@dataclass
class Row:
    """One table row: its cells (a TextBlock, a flowable or ""), merged column ranges, and what
    it is."""

    cells: list[Any]
    spans: list[tuple[int, int]] = field(default_factory=list)  # (first, last) column
    kind: str = "item"  # "item", "section" (never alone at a page's foot) or "total"
    shade: bool = False  # a grey background (section rows)
    continued: Callable[[], Any] | None = None  # the first cell of a continued part
    fills: dict[int, str] = field(default_factory=dict)  # column → background (三色)
    keep: bool = False  # not cut across pages unless it is taller than a page


class RowTable(Flowable):  # type: ignore[misc]
    """A table laid out page by page (see the module's docstring)."""

    def __init__(self, header: list[Any], rows: Sequence[Row], widths: Sequence[float],
                 style: list[tuple[Any, ...]], keep_last: int = 0,
                 trailer: Sequence[Flowable] = ()) -> None:
        super().__init__()
        self.header = header
        self.rows = list(rows)
        self.widths = list(widths)
        self.style = style  # commands for every part (grid, fonts), applied to whole parts
        self.keep_last = min(keep_last, len(self.rows))
        self.trailer = list(trailer)
        self._parts: list[Flowable] = []

    # --- measuring ----------------------------------------------------------------------------

    def _cell_width(self, row: Row, column: int) -> float | None:
        """The width a cell's content gets, or None inside a merged range (not its first)."""
        for first, last in row.spans:
            if first == column:
                return sum(self.widths[first:last + 1]) - 2 * PAD_SIDE
            if first < column <= last:
                return None
        return self.widths[column] - 2 * PAD_SIDE

    def _wrap(self, flowable: Flowable, width: float, height: float = 1e9) -> float:
        """A flowable's height at this width (on this table's canvas, as the frame gives it)."""
        return float(flowable.wrapOn(getattr(self, "canv", None), width, height)[1])

    def _content_height(self, cell: Any, width: float) -> float:
        return self._wrap(cell, width) if isinstance(cell, Flowable) else 0.0

    def _height(self, cells: list[Any], row: Row) -> float:
        tallest = 0.0
        for column, cell in enumerate(cells):
            width = self._cell_width(row, column)
            if width is not None:
                tallest = max(tallest, self._content_height(cell, width))
        return tallest + PAD_TOP + PAD_BOTTOM

    def _trailer_height(self, width: float) -> float:
        return sum((self._wrap(f, width) + float(f.getSpaceBefore() + f.getSpaceAfter())
                    for f in self.trailer), 0.0)

    # --- cutting a row ------------------------------------------------------------------------

    def _cut(self, row: Row, room: float) -> tuple[Row, Row] | None:
        """The row cut to fit ``room`` points: what fits and what continues; None when it
        cannot be cut there."""
        inner = room - PAD_TOP - PAD_BOTTOM
        first_cells, rest_cells = [], []
        cut_any = False
        for column, cell in enumerate(row.cells):
            width = self._cell_width(row, column)
            if width is None or not isinstance(cell, Flowable):
                first_cells.append(cell)
                rest_cells.append("")
                continue
            height = self._content_height(cell, width)
            if height <= inner + _FUZZ:
                first_cells.append(cell)
                rest_cells.append("")
                continue
            if not isinstance(cell, TextBlock):
                return None  # a flowable we cannot cut between lines
            lines = cell.line_count(width)
            fit = int((inner + _FUZZ) // cell.style.leading)
            if fit < MIN_LINES or lines - fit < MIN_LINES:
                if lines - fit < MIN_LINES and fit - (MIN_LINES - (lines - fit)) >= MIN_LINES:
                    fit -= MIN_LINES - (lines - fit)  # leave two lines for the next page
                else:
                    return None
            first_cells.append(cell.head(fit))
            rest_cells.append(cell.tail(fit))
            cut_any = True
        if not cut_any:
            return None
        if row.continued is not None:
            rest_cells[0] = row.continued()
        return (Row(first_cells, row.spans, row.kind, row.shade, row.continued, row.fills,
                    row.keep),
                Row(rest_cells, row.spans, row.kind, row.shade, row.continued, row.fills,
                    row.keep))

    # --- laying out a page --------------------------------------------------------------------

    def _part(self, rows: list[Row], heights: list[float]) -> Table:
        header_height = self._height(self.header, Row(self.header))
        commands = list(self.style)
        for index, row in enumerate(rows, 1):
            for first, last in row.spans:
                commands.append(("SPAN", (first, index), (last, index)))
            if row.shade:
                commands.append(("BACKGROUND", (0, index), (-1, index),
                                 colors.HexColor("#f4f4f4")))
            for column, colour in row.fills.items():
                commands.append(("BACKGROUND", (column, index), (column, index),
                                 colors.HexColor(colour)))
        return Table([self.header, *[row.cells for row in rows]], colWidths=self.widths,
                     rowHeights=[header_height, *heights], style=commands)

    def _lay_out(self, width: float, room: float) -> tuple[list[Flowable], list[Row]]:
        """What goes on this page (flowables) and the rows left for the next ones."""
        used = self._height(self.header, Row(self.header))
        placed: list[Row] = []
        heights: list[float] = []
        rows = list(self.rows)
        tail_from = len(rows) - self.keep_last  # rows that stay with the trailer
        index = 0
        while index < len(rows):
            if index == tail_from:
                ending = sum(self._height(r.cells, r) for r in rows[index:])
                if used + ending + self._trailer_height(width) <= room + _FUZZ:
                    for row in rows[index:]:
                        placed.append(row)
                        heights.append(self._height(row.cells, row))
                    return [self._part(placed, heights), *self.trailer], []
                if placed:
                    break  # the ending and the signatures go to the next page together
            row = rows[index]
            height = self._height(row.cells, row)
            if used + height <= room + _FUZZ:
                placed.append(row)
                heights.append(height)
                used += height
                index += 1
                continue
            cut = (self._cut(row, room - used) if index < tail_from
                   and not (row.keep and placed) else None)
            if cut is not None:
                placed.append(cut[0])
                heights.append(self._height(cut[0].cells, cut[0]))
                rows[index] = cut[1]
            break
        while placed and placed[-1].kind == "section" and len(placed) > 1 and index < len(rows):
            rows.insert(index, placed.pop())  # a section row goes with its first item
            heights.pop()
        if not placed:
            if not rows:  # a table with no rows: its header (and what follows it) alone
                return [self._part([], []), *self.trailer], []
            return [], rows[index:]
        left = rows[index:]
        if not left:
            return [self._part(placed, heights), *self.trailer], []
        return [self._part(placed, heights)], left

    # --- the flowable -------------------------------------------------------------------------

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        parts, left = self._lay_out(availWidth, availHeight)
        self.width = availWidth
        if left or not parts:  # does not fit: the frame will split it
            self._parts = []
            self.height = availHeight + 1
        else:
            self._parts = parts
            self.height = sum(self._wrap(p, availWidth, availHeight) + p.getSpaceBefore()
                              + p.getSpaceAfter() for p in parts)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts, left = self._lay_out(availWidth, availHeight)
        if not parts:
            return []
        if not left:
            return parts
        # the rest starts a new page: offered the foot of this one, rows that were held back
        # for the signatures would be placed there under a second header
        return [*parts, PageBreak(), RowTable(self.header, left, self.widths, self.style,
                                              min(self.keep_last, len(left)), self.trailer)]

    def draw(self) -> None:
        y = self.height
        for part in self._parts:
            height = self._wrap(part, self.width, y)
            y -= part.getSpaceBefore() + height
            part.drawOn(self.canv, 0, y)
            y -= part.getSpaceAfter()
