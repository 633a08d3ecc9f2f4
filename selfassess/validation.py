"""Limits and checks shared by everything that accepts text or files from people or files.

The same rules apply when a value is typed, read from an answers file, or read back from a
received .selfassess file, so that nothing accepted in one place is refused in another.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from pathlib import Path

from selfassess.errors import InputRefused
from selfassess.i18n import N_, _

MAX_NAME = 100  # department, bureau, person, period
MAX_NAME_BYTES = 240  # a file name's UTF-8 bytes: within the usual 255, room for "(2)"
MAX_SHORT_TEXT = 2_000  # reasons, measures, shortcomings
MAX_LONG_TEXT = 50_000  # 自查情况 (a printed narrative of 20,000 characters must fit easily)
MAX_EVIDENCE_BYTES = 300 * 1024 * 1024
MAX_EVIDENCE_PER_TARGET = 100
MAX_LIST_ENTRIES = 500  # shortcomings, measures
MAX_AID_COUNT = 100_000

FIELD_LABELS = {
    "narrative": N_("narrative"),
    "deduction_reason": N_("deduction reason"),
    "na_reason": N_("not-applicable reason"),
    "explanation": N_("explanation"),
    "filled_by": N_("filled by"),
    "text": N_("text"),
    "owner": N_("owner"),
    "deadline": N_("deadline"),
    "leader": N_("leader in charge"),
    "standard": N_("completion standard"),
    "progress": N_("progress"),
}


def field_label(name: str) -> str:
    """The translated label of a field name used in messages."""
    return _(FIELD_LABELS.get(name, name))


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Invisible format characters (zero-width spaces and joiners, bidirectional overrides, the
# byte-order mark): harmless inside a narrative, but in a name or a file name they make two
# different names look the same (宣\u200b传处 vs 宣传处) or hide an extension (纪要\u202efdp.exe).
_INVISIBLE = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


# what XML 1.0 (so Excel and Word) cannot hold: C0 controls but tab and line breaks, unpaired
# surrogates, U+FFFE and U+FFFF (written as what is refused, not as the complement of what XML
# allows: a negated class over the whole of Unicode takes 7 ms to compile at every start)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# either of the two above (a control character but a line break, or what XML cannot hold)
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with what XML cannot hold replaced, visibly, by U+FFFD (output of files made
    before such characters were refused at input)."""
    return _NOT_XML.sub("\ufffd", text)


def same_name(name: str) -> str:
    """The form names are compared in (product.md): NFKC, spaces trimmed, so "ＩＴ处" and
    "IT处", or a name typed with a decomposed character, are one department. Names are stored
    and shown as entered."""
    return unicodedata.normalize("NFKC", name).strip()


def normalize_text(value: str) -> str:
    """Line breaks as ``\\n`` (Windows ``\\r\\n`` and old Mac ``\\r`` folded)."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def plain_text(value: object, limit: int) -> bool:
    """True for text ``text_problem`` accepts (lines allowed), in one step: reading a file
    asks this of every stored text, so the common answer comes without building a message."""
    return type(value) is str and len(value) <= limit and not _REFUSED.search(value)


def plain_texts(values: tuple[object, ...], limit: int) -> bool:
    """``plain_text`` of each of ``values`` (short texts, most of them empty), with one search
    over them all: a line break between them is itself plain."""
    for value in values:
        if type(value) is not str or len(value) > limit:
            return False
    return not _REFUSED.search("\n".join(values))  # type: ignore[arg-type]  # str, as above


def text_problem(value: object, limit: int, single_line: bool = False) -> str | None:
    """Why a text value is unacceptable (None when fine): type, length, control characters."""
    if not isinstance(value, str):
        return _("must be text")
    if len(value) > limit:
        return _("is longer than {limit} characters ({length})").format(limit=limit,
                                                                        length=len(value))
    if not single_line and not _REFUSED.search(value):
        return None  # the common case, in one pass without copying: every stored text is read
    if _CONTROL.search(value.replace("\r", "")):
        return _("contains control characters")
    if found := _NOT_XML.search(value):
        return _("contains a character that cannot be stored or printed (U+{code:04X})").format(
            code=ord(found.group()))
    if single_line and "\n" in value.replace("\r", "\n"):
        return _("must be a single line")
    if single_line and _INVISIBLE.search(value):
        return _("contains invisible characters (zero-width or direction marks)")
    return None


EARLIEST_YEAR = 2000  # before this tool, and before any 意识形态工作责任制 assessment


def time_problem(value: object, optional: bool = False) -> str | None:
    """Why a stored time is unacceptable (None when fine): an ISO 8601 time, as selfassess
    writes them, no earlier than 2000 and no later than next year (a year-9999 seal is forged
    or a clock gone wrong)."""
    if optional and value == "":
        return None
    if not isinstance(value, str):
        return _("must be a time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return _("“{value}” is not a time").format(value=value[:40])
    if not EARLIEST_YEAR <= moment.year <= datetime.now().year + 1:
        return _("the time {value} is not plausible").format(value=value[:40])
    return None


def safe_file_name(name: str, max_bytes: int | None = MAX_NAME_BYTES) -> str:
    """A file name safe to show and to write on any system: no folders, no control characters,
    no reserved Windows names, within 120 characters and ``max_bytes`` UTF-8 bytes. Used for
    evidence names taken from people's files and for every file the tool writes."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").split("/")[-1]
    name = _INVISIBLE.sub("", _CONTROL.sub("", name)).strip().strip(".") or "file"
    name = re.sub(r'[<>:"|?*]', "_", name)
    if _WINDOWS_RESERVED.match(name):
        name = "_" + name
    if len(name) > 120 or (max_bytes is not None and len(name.encode("utf-8")) > max_bytes):
        stem, dot, suffix = name.rpartition(".")
        if not (dot and len(suffix) <= 10):  # ".selfassess" included
            stem, dot, suffix = name, "", ""
        # within 120 characters and the file system's 255 bytes (a Chinese character is
        # three): an 85-character Chinese name is too long for Linux otherwise
        ending = dot + suffix
        stem = stem[:120 - len(ending)]
        while max_bytes is not None and len((stem + ending).encode("utf-8")) > max_bytes:
            stem = stem[:-1]
        name = stem.rstrip(" .") + ending
    return name


MAX_PATH_CHARS = 259  # Windows' MAX_PATH (260 with the closing NUL) without long-path support


def _windows_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2  # what Windows counts: UTF-16 code units


# SQLite (unix) opens no database whose absolute path, with "-journal" added, passes 512 bytes
MAX_DATABASE_PATH_BYTES = 504


def database_path_problem(path: Path) -> str | None:
    """Why SQLite could not open a file at ``path`` (None when it can): a path of more than
    504 bytes, which a deep folder of Chinese names reaches at about 160 characters."""
    if len(str(path.resolve()).encode("utf-8", "surrogateescape")) > MAX_DATABASE_PATH_BYTES:
        return _("its folder path is too long to hold a selfassess file (more than {limit} "
                 "bytes); move it to a shorter folder").format(limit=MAX_DATABASE_PATH_BYTES)
    return None


def fit_path(folder: Path, name: str, reserve: int = 0, max_bytes: int | None = None) -> Path:
    """``folder / name`` with the name's stem shortened so the whole path, plus ``reserve``
    characters (for a " (2)" added later, or the names inside a folder), stays within the 260
    characters a Windows PC allows (what is written here is often copied to one), and within
    ``max_bytes`` UTF-8 bytes when given. InputRefused when even a short name would not fit."""
    absolute = str(folder.resolve())

    def fits(candidate: str) -> bool:
        whole = f"{absolute}/{candidate}"
        return _windows_length(whole) + reserve <= MAX_PATH_CHARS and (
            max_bytes is None or len(whole.encode("utf-8", "surrogateescape")) + reserve
            <= max_bytes)

    if fits(name):
        return folder / name
    stem, dot, suffix = name.rpartition(".")
    if not (dot and len(suffix) <= 10):
        stem, dot, suffix = name, "", ""
    ending = dot + suffix
    while stem and not fits(stem + ending):
        stem = stem[:-1]
    stem = stem.rstrip(" .")
    if len(stem) < 8:
        raise InputRefused(_("the folder {folder} is too deep: the names of the files written "
                             "there would pass the 260 characters a Windows path may have; "
                             "choose a shorter folder").format(folder=absolute))
    return folder / (stem + ending)


def file_name_problem(value: object) -> str | None:
    """Why a stored evidence file name is unacceptable (None when it is already safe)."""
    if not isinstance(value, str) or not value:
        return _("must be a non-empty file name")
    # stored names keep the rule they were stored under (120 characters): the byte limit
    # applies when a file is written, so a file stored before it is not made unreadable
    if safe_file_name(value, max_bytes=None) != value:
        return _("is not a safe file name")
    return None


def submission_name(period: str, department: str) -> str:
    """The conventional name of a file sent upward: ``{period}_{department}.selfassess``. A
    slash in a name ("党办/人事处") is part of the name, not a folder: it becomes "_"."""
    name = re.sub(r"[/\\]", "_", f"{period.strip()}_{department.strip()}")
    return safe_file_name(f"{name}.selfassess")
