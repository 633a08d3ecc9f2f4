"""A rollback journal left beside a file is applied only when it is the file's own.

SQLite replays a hot ``-journal`` at the first writable open, whatever file it came from: a
journal copied from another bureau file would roll the victim into the other bureau's rows
(the full check cannot see it, since it reads the file immutably). A real hot journal exists
only after a crash mid-write, and rolling it back is what keeps that file whole. So before a
writable open, a hot journal is tried on a private copy: if the rolled-back copy is a sound
file with the same identity (its meta and its departments) as the file itself, the journal is
the file's own and is rolled back in place; otherwise it is moved aside, never applied, and the
user is told in one line.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from selfassess.errors import FileFormatError
from selfassess.i18n import _

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def _identity(uri: str) -> tuple[object, ...] | None:
    """What makes a file itself: its meta rows and its departments' ids (None: unreadable)."""
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            meta = sorted(conn.execute("SELECT key, value FROM meta").fetchall())
            departments = sorted(row[0] for row in conn.execute("SELECT id FROM departments"))
            sound = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return (tuple(meta), tuple(departments)) if sound else None


def is_hot(journal: Path) -> bool:
    """True when SQLite would replay this journal (its header is not zeroed)."""
    try:
        with journal.open("rb") as stream:
            return stream.read(8) == JOURNAL_MAGIC
    except OSError:
        return False


def check_journal(path: Path) -> None:
    """Before a writable open: a hot journal beside ``path`` that is not the file's own is
    moved aside (FileFormatError says where); the file's own is left for SQLite to replay."""
    journal = Path(f"{path}-journal")
    if not is_hot(journal):
        return
    before = _identity(path.resolve().as_uri() + "?mode=ro&immutable=1")
    import tempfile  # loaded when used: not on every start
    with tempfile.TemporaryDirectory(prefix="selfassess-journal-") as folder:
        copy = Path(folder) / "file"
        import shutil  # loaded when used: not on every start
        shutil.copyfile(path, copy)
        shutil.copyfile(journal, f"{copy}-journal")
        after = _identity(copy.as_uri() + "?mode=rw")  # rolls the journal back, in the copy
    if after is not None and (before is None or before == after):
        # the file's own: roll it back now, so the full check before the writable open sees
        # the file as that open will (SQLite replays a hot journal at the first read)
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=rw", uri=True)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
        return
    aside = journal.with_name(f"{journal.name}.foreign-{datetime.now():%Y%m%d-%H%M%S}")
    journal.rename(aside)
    raise FileFormatError(_("{name}: a journal beside it came from another file; it was not "
                            "applied and was moved to {aside}; open the file again").format(
        name=path.name, aside=aside.name))
