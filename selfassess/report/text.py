"""Chinese text on the printed page: our own line breaker and the flowable that draws its lines.

reportlab's ``wordWrap="CJK"`` paragraphs break the rules of Chinese typesetting the sheets are
judged by: a paragraph holding ``<br/>`` gains a space inside Chinese text each time a table cell
continues on the next page; only some closing marks are kept off a line's start (and then hang
into the cell border); nothing keeps an opening mark off a line's end or a date in one piece; and
splitting a long cell re-lays the rest of the text each time (time grows with the square of its
lines). ``TextBlock`` breaks its text into lines once, by these rules:

- 禁则: no line starts with a closing mark (，。、；：？！）》」』”’… and the like) and none ends
  with an opening one (（《「『“‘): such a mark travels with its neighbour, pulling a character
  to the next line rather than hanging in the margin;
- a number, a date (2026年6月30日), an item code (1.2) or a Latin word is never cut, unless it is
  wider than the whole line;
- a line break in the user's text starts a new line, and nothing else is ever added;

and splits between lines, so a cell that continues on the next page goes on with exactly the
characters that were left. Widths come from a per-font cache: the work is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from selfassess.record import record

# a line never starts with these (closing punctuation, both widths, and the marks that follow)
CANNOT_START = set("，。、；：？！）》」』”’〕】〉｝］…—·,.;:?!)]}%％‰℃°′″～々ー")
# a line never ends with these (opening punctuation)
CANNOT_END = set("（《「『“‘〔【〈｛［([{$￥＄£€#＃")
# after digits, these belong to the number (2026年, 30日, 3项, 85%)
UNITS_AFTER_DIGITS = set("年月日号时分秒点个项次位名人元万亿条份件篇期")
_LATIN = re.compile(r"[0-9A-Za-z\u00c0-\u024f'\-_./:@+&=~#%]")
_FUZZ = 1e-6


def _is_latin(char: str) -> bool:
    return bool(_LATIN.match(char)) and char not in "，。"


_widths: dict[tuple[str, float], dict[str, float]] = {}


def char_width(char: str, font: str, size: float) -> float:
    """Width of one character in points (cached per font and size)."""
    table = _widths.setdefault((font, size), {})
    width = table.get(char)
    if width is None:
        width = table[char] = stringWidth(char, font, size)
    return width


@record
class Line:
    """One laid-out line: its characters (as font runs), width, and where it starts."""

    runs: tuple[tuple[str, str], ...]
    width: float
    start: int  # index of its first character in the source (a tail starts there)


@dataclass
class _Unit:
    """Characters that stay on one line together."""

    start: int
    end: int
    width: float
    space: bool = False  # a breakable space: dropped at a line's end or start
    hard: bool = False  # a line break in the text


def _units(chars: Sequence[str], widths: Sequence[float]) -> list[_Unit]:
    units: list[_Unit] = []
    index, count = 0, len(chars)
    while index < count:
        char = chars[index]
        if char == "\n":
            units.append(_Unit(index, index + 1, 0.0, hard=True))
            index += 1
            continue
        if char in " \t":
            units.append(_Unit(index, index + 1, widths[index], space=True))
            index += 1
            continue
        end = index + 1
        if _is_latin(char):
            while end < count and _is_latin(chars[end]):
                end += 1
        units.append(_Unit(index, end, sum(widths[index:end])))
        index = end
    return _glue(units, chars)


def _joins(left: _Unit, right: _Unit, chars: Sequence[str]) -> bool:
    """True when no line may break between these two units."""
    if left.space or right.space or left.hard or right.hard:
        return False
    first, last = chars[right.start], chars[left.end - 1]
    if first in CANNOT_START or last in CANNOT_END:
        return True
    if last.isdigit() and first in UNITS_AFTER_DIGITS:  # 2026年, 30日
        return True
    # a date stays whole: 2026年 + 6月 + 30日
    return last in "年月" and first.isdigit() and left.end - left.start > 1 \
        and chars[left.end - 2].isdigit()


def _glue(units: list[_Unit], chars: Sequence[str]) -> list[_Unit]:
    glued: list[_Unit] = []
    for unit in units:
        if glued and _joins(glued[-1], unit, chars):
            last = glued[-1]
            glued[-1] = _Unit(last.start, unit.end, last.width + unit.width)
        else:
            glued.append(unit)
    return glued


def break_lines(chars: Sequence[str], fonts: Sequence[str], size: float,
                width: float, start: int = 0) -> list[Line]:
    """Lines of ``chars[start:]`` (each drawn in ``fonts[i]``) at most ``width`` wide."""
    widths = [0.0] * start + [0.0 if c == "\n" else char_width(c, f, size)
                              for c, f in zip(chars[start:], fonts[start:], strict=True)]
    lines: list[Line] = []
    pieces: list[tuple[int, int]] = []  # character ranges on the current line
    used = 0.0
    line_start = start
    pending_space: _Unit | None = None

    def finish(end: int) -> None:
        nonlocal pieces, used, line_start, pending_space
        lines.append(_line(chars, fonts, pieces, used, line_start))
        pieces, used, line_start, pending_space = [], 0.0, end, None

    for unit in _units(chars[start:], widths[start:]):
        unit = _Unit(unit.start + start, unit.end + start, unit.width, unit.space, unit.hard)
        if unit.hard:
            finish(unit.end)
            continue
        if unit.space:
            if pieces:
                pending_space = unit
            else:
                line_start = unit.end  # no space starts a line
            continue
        gap = pending_space.width if pending_space else 0.0
        if pieces and used + gap + unit.width > width + _FUZZ:
            finish(unit.start)
            gap = 0.0
        if pending_space and pieces:
            pieces.append((pending_space.start, pending_space.end))
            used += gap
        pending_space = None
        if unit.width > width + _FUZZ:  # wider than a whole line: cut where it must be
            position = unit.start
            while position < unit.end:
                if pieces and used + widths[position] > width + _FUZZ:
                    if chars[position] in CANNOT_START and len(pieces) > 1 \
                            and pieces[-1] == (position - 1, position):
                        pieces.pop()  # pull a character down rather than start with 。
                        used -= widths[position - 1]
                        finish(position - 1)
                        pieces.append((position - 1, position))
                        used += widths[position - 1]
                    else:
                        finish(position)
                pieces.append((position, position + 1))
                used += widths[position]
                position += 1
            continue
        pieces.append((unit.start, unit.end))
        used += unit.width
    if pieces or (not lines and start < len(chars)):
        lines.append(_line(chars, fonts, pieces, used, line_start))
    return lines


def _line(chars: Sequence[str], fonts: Sequence[str], pieces: list[tuple[int, int]],
          width: float, start: int) -> Line:
    runs: list[tuple[str, str]] = []
    for first, last in pieces:
        for index in range(first, last):
            if runs and runs[-1][0] == fonts[index]:
                runs[-1] = (fonts[index], runs[-1][1] + chars[index])
            else:
                runs.append((fonts[index], chars[index]))
    return Line(tuple(runs), width, start)


class TextBlock(Flowable):  # type: ignore[misc]
    """Text in a paragraph style, broken by ``break_lines``; splits between lines."""

    def __init__(self, runs: Sequence[tuple[str, str]], style: ParagraphStyle,
                 start: int = 0) -> None:
        super().__init__()
        self.style = style
        self.chars: list[str] = []
        self.fonts: list[str] = []
        for font, text in runs:
            self.chars.extend(text)
            self.fonts.extend([font] * len(text))
        self.start = start
        self.lines: list[Line] = []
        self._laid_for: float | None = None
        self._fixed = False  # a head's lines are final: laying out again would bring back the rest
        self.keepWithNext = getattr(style, "keepWithNext", 0)
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter

    def _lay_out(self, width: float) -> None:
        if self._laid_for != width and not self._fixed:
            self.lines = break_lines(self.chars, self.fonts, self.style.fontSize, width,
                                     self.start)
            self._laid_for = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._lay_out(availWidth)
        self.width = availWidth
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._lay_out(availWidth)
        fit = int((availHeight + _FUZZ) // self.style.leading)
        if fit <= 0:
            return []
        if fit >= len(self.lines):  # all of it fits (asked by a table measuring another width)
            return [self.head(len(self.lines)), TextBlock((), self.style)]
        return [self.head(fit), self.tail(fit)]

    def head(self, count: int) -> TextBlock:
        """The first ``count`` lines as a block of their own."""
        first = TextBlock((), self.style)
        first.chars, first.fonts = self.chars, self.fonts
        first.start, first.lines = self.start, self.lines[:count]
        first._laid_for, first._fixed = self._laid_for, True
        first.spaceAfter = 0
        return first

    def tail(self, count: int) -> TextBlock:
        """What follows the first ``count`` lines: exactly the characters left."""
        rest = TextBlock((), self.style, self.lines[count].start)
        rest.chars, rest.fonts = self.chars, self.fonts
        rest.lines, rest._laid_for = self.lines[count:], self._laid_for
        rest.spaceBefore = 0
        return rest

    def line_count(self, width: float) -> int:
        """How many lines at this width."""
        self._lay_out(width)
        return len(self.lines)

    def draw(self) -> None:
        canvas = self.canv
        size, leading = self.style.fontSize, self.style.leading
        canvas.setFillColor(self.style.textColor)
        y = self.height - size
        for line in self.lines:
            if self.style.alignment == TA_CENTER:
                x = (self.width - line.width) / 2
            elif self.style.alignment == TA_RIGHT:
                x = self.width - line.width
            else:
                x = 0.0
            text = canvas.beginText(x, y)
            for font, run in line.runs:
                text.setFont(font, size)
                text.textOut(run)
            canvas.drawText(text)
            y -= leading


def lines_of(block: TextBlock, width: float) -> Iterator[str]:
    """The text of each line at this width (for tests and measurements)."""
    block.wrap(width, 1e9)
    for line in block.lines:
        yield "".join(text for _font, text in line.runs)
