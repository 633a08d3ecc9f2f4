"""The translation layer: one gettext catalog for the CLI, the reports and the GUI.

Message ids are English; Simplified Chinese is the default language. ``setup()`` is called
explicitly at start (never as an import side effect); until then messages stay English.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterable

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
LANGUAGE_ENV = "SELFASSESS_LANG"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def normalize_language(value: str | None) -> str:
    """Map user spellings (zh, zh-CN, zh_CN.UTF-8, en_US…) onto a supported language."""
    if not value:
        return DEFAULT_LANGUAGE
    value = value.split(".")[0].replace("-", "_").lower()
    if value.startswith("zh"):
        return "zh_CN"
    if value.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


class _Compiled(gettext.NullTranslations):
    """The catalog the program reads: ``tools/catalog.py compile`` writes the .po's
    translations as a module (a dict literal, loaded from bytecode in 1 ms where gettext
    parsed the .mo in 4–5 ms at every start); a message without one stays English."""

    def __init__(self) -> None:
        super().__init__()
        from selfassess.catalog_zh_cn import MESSAGES  # the only other language

        self.messages = MESSAGES

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)


def _catalog(language: str) -> gettext.NullTranslations:
    return gettext.NullTranslations() if language == "en" else _Compiled()


def setup(language: str | None = None) -> str:
    """Select the language: argument, else ``SELFASSESS_LANG``, else Chinese. Returns it."""
    global _translation, _language
    chosen = normalize_language(language or os.environ.get(LANGUAGE_ENV))
    _translation = _catalog(chosen)
    _language = chosen
    return chosen


def translate_to(language: str, message: str) -> str:
    """A message in a given language, whatever the current one (to recognise headers)."""
    return _catalog(normalize_language(language)).gettext(message)


def current_language() -> str:
    """The language chosen by the last ``setup()``."""
    return _language


def _(message: str) -> str:
    """Translate a message id into the current language."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark a message for translation without translating it now (translated where shown)."""
    return message


def join_list(parts: Iterable[str]) -> str:
    """Entries of a list in running text: “甲、乙、丙” in Chinese, “a, b, c” in English."""
    text = ""
    for number, part in enumerate(parts):
        text = part if number == 0 else _("{first}, {then}").format(first=text, then=part)
    return text
