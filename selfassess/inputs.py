"""Reading a file someone gives us: regular files only, and never more than a limit.

Sizes from ``stat`` lie for devices and files that grow (``/dev/zero`` says 0 bytes and never
ends); a FIFO blocks the first read forever. So an input is checked to be a regular file both
before opening and on the opened descriptor (opened non-blocking, in case a FIFO was swapped in
between), and read up to one byte past its limit: what is too large is refused after reading
at most that much, in bounded time and memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from selfassess.errors import InputRefused, SelfassessError
from selfassess.i18n import _


def read_input(path: Path, limit: int, error: type[SelfassessError] = InputRefused) -> bytes:
    """The bytes of the input file ``path``, at most ``limit`` of them; raises ``error`` with a
    one-line reason naming the file otherwise."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise error(f"{path.name}: " + _("not a regular file (a device, pipe or folder)"))
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                             | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise error(f"{path.name}: " + _("not a regular file (a device, pipe or folder)"))
            content = stream.read(limit + 1)
    except OSError as failure:
        raise error(f"{path}: " + _("cannot read the file ({reason})").format(
            reason=failure.strerror or failure)) from None
    if len(content) > limit:
        raise error(f"{path.name}: " + _("larger than {limit} MB").format(
            limit=f"{limit / (1024 * 1024):g}"))
    return content


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object that names a key once (``json.loads(object_pairs_hook=…)``): a file that
    says "1.1" twice is refused, not read last-wins with the first answer silently lost."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(_("the key “{key}” appears twice").format(key=key))
        found[key] = value
    return found
