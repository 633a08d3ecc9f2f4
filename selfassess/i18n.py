"""The translation layer: one gettext catalog for the CLI, the reports and the GUI.

Message ids are English; Simplified Chinese is the default language. ``setup()`` is called
explicitly at start (never as an import side effect); until then messages stay English.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterable

from selfassess.paths import resource

DOMAIN = "selfassess"
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


def setup(language: str | None = None) -> str:
    """Select the language: argument, else ``SELFASSESS_LANG``, else Chinese. Returns it."""
    global _translation, _language
    chosen = normalize_language(language or os.environ.get(LANGUAGE_ENV))
    if chosen == "en":
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(
            DOMAIN, localedir=str(resource("locale")), languages=[chosen], fallback=True
        )
    _language = chosen
    return chosen


def translate_to(language: str, message: str) -> str:
    """A message in a given language, whatever the current one (to recognise headers)."""
    if normalize_language(language) == "en":
        return message
    return gettext.translation(DOMAIN, localedir=str(resource("locale")),
                               languages=[normalize_language(language)],
                               fallback=True).gettext(message)


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
