"""The text checks every stored or typed value passes through (``validation.text_problem``)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from selfassess import validation
from selfassess.validation import text_problem

# every kind of character the checks tell apart: controls, line breaks, DEL, surrogates,
# U+FFFE/U+FFFF, invisible marks, astral characters, ordinary Chinese
ODD = st.sampled_from(["\x00", "\x07", "\t", "\n", "\r", "\x1f", "\x7f", "\x80", "\u200b",
                       "\ud800", "\udfff", "\ufffe", "\uffff", "\ufffd", "\U0001f600", "宣",
                       "a", " "])
TEXTS = st.lists(st.one_of(ODD, st.characters()), max_size=30).map("".join)


# what XML 1.0 allows, as the standard words it (validation.py spells out the rest instead)
XML_CHAR = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def slow_problem(value: str, single_line: bool) -> bool:
    """The checks one by one, without the one-pass shortcut."""
    return bool(validation._CONTROL.search(value.replace("\r", ""))
                or any(not XML_CHAR.match(c) for c in value)
                or (single_line and ("\n" in value.replace("\r", "\n")
                                     or validation._INVISIBLE.search(value))))


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.booleans())
def test_the_one_pass_check_refuses_exactly_what_the_separate_checks_refuse(
        value: str, single_line: bool) -> None:
    assert (text_problem(value, 1000, single_line) is not None) == slow_problem(value, single_line)


def test_each_kind_of_refused_character_is_named() -> None:
    assert text_problem("钟\x07", 100) == "contains control characters"
    assert text_problem("a\x7fb", 100) == "contains control characters"
    assert "U+FFFE" in (text_problem("a\ufffe", 100) or "")
    assert "U+D800" in (text_problem("a\ud800", 100) or "")
    assert text_problem("两行\r\n文字\t", 100) is None
    assert text_problem("两行\n", 100, single_line=True) == "must be a single line"
    assert text_problem(" x" * 60, 100) == "is longer than 100 characters (120)"
    assert text_problem(3, 100) == "must be text"
