"""Exact decimal points: parsing, step checks and display (no binary float anywhere)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")


def parse_decimal(value: object) -> Decimal | None:
    """A finite Decimal from text, an int or a float given by JSON/YAML; None if not a number.

    Floats are read through their shortest repr (``0.1`` → ``Decimal("0.1")``), which is what a
    person typed into a JSON file. Booleans are not numbers here.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip()
        if not text or len(text) > 40:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None
    else:
        return None
    if not number.is_finite() or not -12 <= number.adjusted() <= 12:
        return None  # no score is that large or that fine; 1e999999 would print a million digits
    if number == 0:
        return Decimal(0)  # folds -0 into 0
    return number


def is_multiple(value: Decimal, step: Decimal) -> bool:
    """True when ``value`` is a whole multiple of ``step`` (exactly, in decimal)."""
    return step > 0 and value % step == 0


def decimal_text(value: Decimal) -> str:
    """Canonical text: no exponent, no trailing zeros (``Decimal("4.50")`` → ``"4.5"``)."""
    if value == 0:
        return "0"
    text = format(value.normalize(), "f")
    return text


def round_cents(value: Decimal) -> Decimal:
    """Round half up to two decimals (how totals are shown and graded)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def json_number(value: Decimal) -> int | float:
    """A JSON number for a Decimal with at most two decimals (exact in its printed form)."""
    if (known := _JSON_NUMBERS.get(value)) is not None:
        return known
    number = int(value) if value == value.to_integral_value() else float(decimal_text(value))
    if len(_JSON_NUMBERS) < 1000:  # a summary writes 12,000 numbers, a few dozen of them
        _JSON_NUMBERS[value] = number
    return number


_JSON_NUMBERS: dict[Decimal, int | float] = {}


def decimal_places(value: Decimal) -> int:
    """Number of digits after the decimal point in canonical form."""
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


_DIGITS = "〇一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """一 … 九十九 for 1–99 (section labels, 一是/二是, (一)/(二)); Arabic digits beyond."""
    if not 1 <= number <= 99:
        return str(number)
    tens, ones = divmod(number, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def section_label(code: str, title: str) -> str:
    """``一、学习贯彻与组织领导`` for section 1 (``1. …`` in the English interface); other codes
    as ``A. title``."""
    from selfassess.i18n import current_language

    if code.isdigit() and 1 <= int(code) <= 99 and current_language() != "en":
        return f"{chinese_numeral(int(code))}、{title}"
    return f"{code}. {title}"
