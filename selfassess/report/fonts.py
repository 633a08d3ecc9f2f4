"""Fonts for the PDFs: every font embedded (TrueType outlines, subset), none assumed on the reader.

Roles follow the 公文 habit — title (小标宋), heading (黑体), body (仿宋), kai (楷体), song (宋体).
Where the machine has the real TrueType 公文 fonts (Windows: simfang, simhei, simkai, simsun;
Linux desktops: found by family name through fontconfig) they take their roles; otherwise the
bundled WenQuanYi Micro Hei stands in, and the report says so once (字体已替代).

Text is split into runs by glyph coverage: a character the role font lacks is drawn with the
first font that has it (the bundled font, then system fonts known to cover CJK Extension B,
symbols and emoji). A character no available font has is drawn as 〓 (the customary mark for a
missing character) and reported, never left to vanish.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from selfassess.paths import resource

BUNDLED = "SAWqy"
MISSING_MARK = "〓"
ROLES = ("title", "heading", "body", "kai", "song")

_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
ROLE_CANDIDATES: dict[str, list[tuple[Path, int]]] = {
    "title": [(_WINDOWS_FONTS / "simhei.ttf", 0)],  # 方正小标宋 is commercial: 黑体 is closest
    "heading": [(_WINDOWS_FONTS / "simhei.ttf", 0)],
    "body": [(_WINDOWS_FONTS / "simfang.ttf", 0)],
    "kai": [(_WINDOWS_FONTS / "simkai.ttf", 0)],
    "song": [(_WINDOWS_FONTS / "simsun.ttc", 0)],
}
# family names of the 公文 fonts as fontconfig reports them (Kylin, UOS and other Linux desktops),
# most wanted first; TrueType files only
ROLE_FAMILIES: dict[str, tuple[str, ...]] = {
    "title": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "CESI小标宋-GB2312",
              "黑体", "SimHei"),
    "heading": ("黑体", "SimHei", "CESI黑体-GB2312"),
    "body": ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "CESI仿宋-GB2312"),
    "kai": ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "CESI楷体-GB2312"),
    "song": ("宋体", "SimSun", "CESI宋体-GB2312"),
}
# fonts that cover what WenQuanYi lacks (TrueType outlines only: reportlab refuses CFF)
FALLBACK_CANDIDATES: list[tuple[Path, int]] = [
    (_WINDOWS_FONTS / "simsunb.ttf", 0),  # SimSun-ExtB
    (_WINDOWS_FONTS / "seguisym.ttf", 0),
    (_WINDOWS_FONTS / "seguiemj.ttf", 0),
    (Path("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"), 0),
    (Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"), 0),
    (Path("/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf"), 0),
    (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), 0),
]


@dataclass
class FontSet:
    """The fonts of one document: a font name per role, the fallbacks, what was substituted."""

    roles: dict[str, str]
    substituted: bool  # a role is played by the bundled font
    coverage: dict[str, set[int]] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)  # characters no font could draw
    fallbacks: list[str] = field(default_factory=list)  # loaded so far, in order
    _candidates: list[tuple[Path, int]] = field(default_factory=list)

    def covers(self, font: str, char: str) -> bool:
        """True when ``font`` has a glyph for ``char`` (spaces and line breaks always)."""
        return char in " \n\t" or ord(char) in self.coverage[font]

    def fallback_for(self, char: str) -> str | None:
        """The first fallback font with ``char``, loading candidates only when needed (some
        are tens of megabytes)."""
        for font in self.fallbacks:
            if self.covers(font, char):
                return font
        while self._candidates:
            path, index = self._candidates.pop(0)
            name = f"SAfb{path.stem}"
            if path.is_file() and (covered := _register(name, path, index)) is not None:
                self.coverage[name] = covered
                self.fallbacks.append(name)
                if self.covers(name, char):
                    return name
        return None

    def can_print(self, char: str) -> bool:
        """True when some available font has ``char``."""
        return any(self.covers(f, char) for f in (*self.roles.values(), BUNDLED)) or (
            self.fallback_for(char) is not None)

    def runs(self, text: str, role: str = "body") -> list[tuple[str, str]]:
        """``text`` as (font, text) runs: each character in the first font that has it."""
        chain = [self.roles[role], BUNDLED]
        runs: list[tuple[str, str]] = []
        for char in text:
            font = next((f for f in chain if self.covers(f, char)), None) or (
                self.fallback_for(char))
            if font is None:
                self.missing.add(char)
                font, char = BUNDLED, MISSING_MARK
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + char)
            else:
                runs.append((font, char))
        return runs

    def single(self, text: str, role: str = "body") -> str:
        """Text for places that take one font (chart labels): what the role font cannot draw
        becomes 〓 and is reported."""
        font = self.roles[role]
        out = []
        for char in text:
            if self.covers(font, char):
                out.append(char)
            else:
                self.missing.add(char)
                out.append(MISSING_MARK)
        return "".join(out)

    def warnings(self) -> list[str]:
        """What the reader of the PDF should know about its fonts (translated by the caller)."""
        return sorted(f"U+{ord(char):04X}" for char in self.missing)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond the BMP (emoji, CJK Extension B)
    written as UTF-16 surrogate pairs. reportlab 5.1 writes them as odd-length hex (``<1F600>``),
    which PDF readers reject: such characters then vanish from copied or searched text."""
    entries = [f"<{index:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>"
               for index, code in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *entries, "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end",
        "end"])


def _register(name: str, path: Path, index: int) -> set[int] | None:
    """Register a TrueType font once; its character coverage, or None when unusable."""
    if name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
        return set(font.face.charToGlyph)
    try:
        font = TTFont(name, str(path), subfontIndex=index)
    except (TTFError, OSError, ValueError):
        return None
    pdfmetrics.registerFont(font)
    return set(font.face.charToGlyph)


@cache
def fontconfig_files() -> dict[str, tuple[Path, int]]:
    """TrueType fonts fontconfig knows, by family name (empty where there is no fc-list)."""
    if sys.platform == "win32" or shutil.which("fc-list") is None:
        return {}
    try:
        listing = subprocess.run(["fc-list", "--format", "%{family}\t%{file}\t%{index}\n"],
                                 capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, tuple[Path, int]] = {}
    for line in listing.splitlines():
        families, _tab, rest = line.partition("\t")
        file, _tab, index = rest.partition("\t")
        if Path(file).suffix.lower() not in (".ttf", ".ttc") or not index.isdigit():
            continue
        for family in families.split(","):
            found.setdefault(family.strip(), (Path(file), int(index)))
    return found


def role_candidates(role: str) -> list[tuple[Path, int]]:
    """Where a role's font may be: the Windows font folder, then fontconfig's families."""
    known = fontconfig_files()
    return ROLE_CANDIDATES[role] + [known[family] for family in ROLE_FAMILIES[role]
                                    if family in known]


def load_fonts(prefer_system: bool = True) -> FontSet:
    """Register the fonts for a document (cheap after the first call in a process)."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    coverage: dict[str, set[int]] = {}
    bundled = _register(BUNDLED, resource("fonts", "wqy-microhei.ttc"), 0)
    if bundled is None:
        raise RuntimeError("the bundled font cannot be loaded; the installation is damaged")
    coverage[BUNDLED] = bundled
    roles: dict[str, str] = {}
    for role in ROLES:
        roles[role] = BUNDLED
        if not prefer_system:
            continue
        for path, index in role_candidates(role):
            name = f"SA{path.stem}{index}"
            if path.is_file() and (covered := _register(name, path, index)) is not None:
                coverage[name] = covered
                roles[role] = name
                break
    substituted = any(font == BUNDLED for font in roles.values())
    return FontSet(roles, substituted, coverage, _candidates=list(FALLBACK_CANDIDATES))
