"""Alphabetical order of department names as a Chinese reader expects it: by pinyin.

The core has no Qt (so no ``QCollator``) and needs no pinyin dictionary for this: GB 2312's
first level, the 3,755 common characters every department name is written in, is itself in
pinyin order, and GB 18030 keeps those bytes. So ``办公室 < 财务处 < 党建办 < 宣传处``, as the
screen's ``QCollator`` has them (tests/ui/test_models.py compares the two). Rare characters
(GB 2312's second level, ordered by radical) come after the common ones; digits and Latin
letters before any Chinese.
"""

from __future__ import annotations

import unicodedata


def name_key(name: str) -> bytes:
    """Sort key of a name (full-width letters and digits count as their half-width forms)."""
    return unicodedata.normalize("NFKC", name).encode("gb18030", errors="replace")
