"""The same input gives the same .docx and .xlsx, byte for byte.

Word and Excel files are zip packages; openpyxl and python-docx stamp every zip entry with the
time of writing and openpyxl writes "now" into ``docProps/core.xml``. So two exports of the same
file differ, and nobody can tell by comparing them whether anything changed. ``write_package``
writes a package through a temporary file, every entry dated ``when`` (the content's own date, or
``SOURCE_DATE_EPOCH`` when that is set, as reproducible-build tools expect) and the core
properties' created/modified set to it.
"""

from __future__ import annotations

import os
import re
import uuid
import zipfile
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

# the earliest time a zip entry can carry
ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)
_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def package_date(dates: Iterable[str]) -> datetime:
    """The date a package carries: ``SOURCE_DATE_EPOCH`` when set, else the latest of these
    ISO times (the content's own: when it was last edited or merged), else the zip epoch."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return max(datetime.fromtimestamp(int(epoch), UTC), ZIP_EPOCH)
    found = []
    for text in dates:
        try:
            moment = datetime.fromisoformat(text)
        except (TypeError, ValueError):
            continue
        found.append(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
    return max([ZIP_EPOCH, *found])


def write_package(path: Path, save: Callable[[Path], object], when: datetime) -> Path:
    """Write a package: ``save`` writes it to a temporary name beside ``path``, which is then
    rewritten with fixed entry times and core dates and renamed into place, so a failure at
    any point leaves no partial file (and whatever was at ``path`` as it was)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    written = path.with_name(f".{uuid.uuid4().hex}.part")
    try:
        save(written)
        fixed = _fixed(written, when)
        os.replace(fixed, path)
    finally:
        written.unlink(missing_ok=True)
    return path


def _fixed(path: Path, when: datetime) -> Path:
    """A copy of the zip package at ``path`` with fixed entry times and core dates (entries
    keep their order and content)."""
    stamp = when.astimezone(UTC)
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    temporary = path.with_name(f".{uuid.uuid4().hex}.part")
    try:
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(
                temporary, "w", zipfile.ZIP_DEFLATED) as target:
            for entry in source.infolist():
                content = source.read(entry.filename)
                if entry.filename == "docProps/core.xml":
                    content = _CORE_DATES.sub(rb"\g<1>" + iso + rb"\g<3>", content)
                info = zipfile.ZipInfo(entry.filename, date_time=stamp.timetuple()[:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                target.writestr(info, content)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary
