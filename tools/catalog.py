"""Maintain the zh_CN catalog: ``python tools/catalog.py update`` then ``python tools/catalog.py compile``.

``update`` collects every ``_("…")`` and ``N_("…")`` literal under ``selfassess/`` into
``resources/locale/zh_CN/LC_MESSAGES/selfassess.po`` (keeping existing translations, dropping
ids no longer used); translate the empty entries, then ``compile`` writes
``selfassess/catalog_zh_cn.py``, the translations the program reads. The tests fail when an id
lacks a translation or the compiled catalog is stale.

Chinese text takes full-width punctuation (，：；（）！？, product.md); ``punctuate`` rewrites the
half-width marks of every Chinese msgstr, leaving placeholders, numbers, command-line flags, file
filters and menu accelerators as they are. The tests fail on a half-width mark left.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "selfassess"
PO_PATH = ROOT / "resources" / "locale" / "zh_CN" / "LC_MESSAGES" / "selfassess.po"
MARKERS = {"_", "N_"}


def extract(source: Path = SOURCE) -> dict[str, list[str]]:
    """Message ids → the places (file:line) that use them."""
    found: dict[str, list[str]] = {}
    for path in sorted(source.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in MARKERS and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                place = f"{path.relative_to(ROOT).as_posix()}:{node.lineno}"
                found.setdefault(node.args[0].value, []).append(place)
    return found


def update() -> tuple[int, int]:
    """Bring the .po in line with the source; returns (new ids, untranslated ids)."""
    catalog = polib.pofile(str(PO_PATH)) if PO_PATH.exists() else polib.POFile()
    catalog.metadata = {
        "Project-Id-Version": "selfassess",
        "Language": "zh_CN",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    existing = {entry.msgid: entry for entry in catalog if not entry.obsolete}
    messages = extract()
    fresh = polib.POFile()
    fresh.metadata = catalog.metadata
    added = 0
    for msgid, places in messages.items():
        entry = existing.get(msgid)
        if entry is None:
            entry = polib.POEntry(msgid=msgid, msgstr="")
            added += 1
        entry.occurrences = [tuple(place.rsplit(":", 1)) for place in places]
        fresh.append(entry)
    PO_PATH.parent.mkdir(parents=True, exist_ok=True)
    fresh.save(str(PO_PATH))
    return added, sum(1 for entry in fresh if not entry.msgstr)


HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
CJK = re.compile(r"[\u3400-\u9fff]")
# spans whose punctuation is not prose: {placeholders}, --flags, 1,000 / 12:30 / 3.5, (&F)
# accelerators, (*.yaml) file filters and the ;; between them, URLs
PROTECTED = re.compile(r"\{[^}]*\}|--?[A-Za-z][\w-]*|\d[\d,.:]*\d|\(&\w\)|\(\*[^)]*\)|;;|"
                       r"https?://\S+")
FULL = "".join(HALF_TO_FULL.values())


def _prose_parts(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into (is prose, part)."""
    parts, at = [], 0
    for match in PROTECTED.finditer(text):
        parts += [(True, text[at:match.start()]), (False, match.group())]
        at = match.end()
    return [*parts, (True, text[at:])]


def half_width_marks(msgstr: str) -> list[str]:
    """The half-width punctuation marks in the prose of a Chinese msgstr."""
    if not CJK.search(msgstr):
        return []
    return [char for prose, part in _prose_parts(msgstr) if prose for char in part
            if char in HALF_TO_FULL]


def full_width(msgstr: str) -> str:
    """A Chinese msgstr with full-width punctuation (and no space next to it)."""
    if not CJK.search(msgstr):
        return msgstr
    text = "".join("".join(HALF_TO_FULL.get(char, char) for char in part) if prose else part
                   for prose, part in _prose_parts(msgstr))
    return re.sub(rf"(?<=\S) +(?=[{FULL}])|(?<=[{FULL}]) +(?=\S)", "", text)


def punctuate() -> int:
    """Rewrite half-width punctuation in every Chinese msgstr; returns how many changed."""
    po = polib.pofile(str(PO_PATH))
    changed = 0
    for entry in po:
        fixed = full_width(entry.msgstr)
        if fixed != entry.msgstr:
            entry.msgstr, changed = fixed, changed + 1
    po.save(str(PO_PATH))
    return changed


COMPILED = ROOT / "selfassess" / "catalog_zh_cn.py"


def compiled_text() -> str:
    """The translations as the module the program reads: a dict literal, loaded from its
    bytecode in 1 ms where gettext parsed a .mo in 4–5 ms at every start."""
    lines = ["# ruff: noqa: E501  (messages are as long as they are)",
             '"""The zh_CN translations, compiled from resources/locale/zh_CN/LC_MESSAGES/',
             "selfassess.po by `python tools/catalog.py compile` (tests/test_i18n.py holds it to",
             'the .po). Do not edit by hand: translate in the .po."""', "",
             "MESSAGES: dict[str, str] = {"]
    for entry in sorted(polib.pofile(str(PO_PATH)), key=lambda entry: entry.msgid):
        if entry.msgid and entry.msgstr and not entry.obsolete:
            lines.append(f"    {_literal(entry.msgid)}:")
            lines.append(f"        {_literal(entry.msgstr)},")
    return "\n".join([*lines, "}", ""])


def _literal(text: str) -> str:
    """A Python string literal of ``text``, as JSON writes one (non-ASCII kept)."""
    return json.dumps(text, ensure_ascii=False)


def compile_catalog() -> Path:
    """Write the module the program reads its translations from."""
    COMPILED.write_text(compiled_text(), encoding="utf-8")
    return COMPILED


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        new, untranslated = update()
        print(f"{PO_PATH.relative_to(ROOT)}: {new} new, {untranslated} untranslated")
    elif command == "punctuate":
        print(f"{PO_PATH.relative_to(ROOT)}: {punctuate()} translation(s) given full-width "
              "punctuation")
    elif command == "compile":
        print(f"wrote {compile_catalog().relative_to(ROOT)}")
    else:
        print(__doc__)
        sys.exit(2)
