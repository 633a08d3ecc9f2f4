"""Opening and creating the SQLite file safely.

Before SQLite ever sees a file, its first 100 bytes are checked: the SQLite magic, a sane page
size, a length consistent with the page count (a truncated copy is refused), our
``application_id`` (another program's database is refused) and the schema version (a file
from a newer selfassess is refused). Only then is it opened, read-only by URI when asked,
with ``trusted_schema=OFF``; views and triggers, which a selfassess file never has, are refused.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from selfassess.errors import FileFormatError, NoSpace
from selfassess.i18n import _
from selfassess.store.connection import Database
from selfassess.store.openers import held_elsewhere
from selfassess.store.schema import (
    APPLICATION_ID,
    EXPECTED_TABLES,
    MIGRATION_NAMES,
    SCHEMA_VERSION,
    applied_migrations,
    apply_migrations,
    expected_columns,
    expected_indexes,
    normalized_sql,
)
from selfassess.validation import database_path_problem

if TYPE_CHECKING:
    from selfassess.store.assessment import AssessmentFile

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
JOURNAL_SIZE_LIMIT = 4 * 1024 * 1024


# what SQLite raises for a damaged file or a failing disk, named for code outside the store
DatabaseError = sqlite3.DatabaseError


def disk_full(error: BaseException) -> bool:
    """True for SQLite's "database or disk is full" and the system's "no space left"."""
    if isinstance(error, sqlite3.DatabaseError):
        return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or \
            "disk is full" in str(error)
    return isinstance(error, OSError) and error.errno == errno.ENOSPC


def no_space(path: Path, needed: int) -> NoSpace:
    """The one line a full disk gets: which file, about how much space, nothing changed."""
    return NoSpace(_("{name}: not enough free disk space to save (free about {size} MB "
                          "and try again); nothing was changed").format(
        name=path.name, size=max(1, -(-needed // (1024 * 1024)))))


def connection(af: AssessmentFile) -> Database:
    """An open file's SQLite connection, for the store's own modules only: everything outside
    ``selfassess/store/`` goes through store functions (tests/test_layering.py checks)."""
    return af._db


def _refuse(path: Path, reason: str) -> FileFormatError:
    return FileFormatError(f"{path.name}: {reason}")


def check_header(path: Path) -> None:
    """Refuse anything that is not a complete selfassess SQLite file of a known version."""
    try:
        if not path.is_file():
            raise _refuse(path, _("no such file") if not path.exists() else _("not a file"))
        if problem := database_path_problem(path):
            raise _refuse(path, problem)
        size = path.stat().st_size
        with path.open("rb") as stream:
            header = stream.read(HEADER_SIZE)
    except OSError as error:
        raise _refuse(path, _("cannot read the file ({reason})").format(
            reason=error.strerror or error)) from None
    if size == 0:
        raise _refuse(path, _("the file is empty, not a selfassess file"))
    if not header.startswith(SQLITE_MAGIC):
        if SQLITE_MAGIC.startswith(header):
            raise _refuse(path, _("the file is truncated or damaged"))
        raise _refuse(path, _("not a selfassess file (not an SQLite database)"))
    if len(header) < HEADER_SIZE:
        raise _refuse(path, _("the file is truncated or damaged"))
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise _refuse(path, _("the file is damaged (invalid page size)"))
    change_counter, page_count, valid_for = (struct.unpack(">I", header[offset:offset + 4])[0]
                                             for offset in (24, 28, 92))
    # a main file shorter than its header says is whole when a -wal beside it holds the rest:
    # a checkpoint stopped by a full disk leaves exactly that, and SQLite reads it fine
    short = change_counter == valid_for and page_count * page_size > size
    if size % page_size or (short and not wal_beside(path)):
        raise _refuse(path, _("the file is truncated or damaged"))
    application_id = struct.unpack(">i", header[68:72])[0]
    if application_id != APPLICATION_ID:
        raise _refuse(path, _("not a selfassess file (an SQLite database of another program)"))
    user_version = struct.unpack(">i", header[60:64])[0]
    if user_version > SCHEMA_VERSION:
        raise _refuse(path, _("made by a newer version of selfassess (format {found}, this program "
                              "reads up to {supported}); please update selfassess").format(
            found=user_version, supported=SCHEMA_VERSION))


def wal_beside(path: Path) -> bool:
    """True when a -wal beside ``path`` is a real SQLite WAL of the file's page size (its
    header's magic, version and checksum hold): worth reading. Garbage is not."""
    try:
        with Path(f"{path}-wal").open("rb") as stream:
            header = stream.read(32)
        with path.open("rb") as stream:
            database = stream.read(HEADER_SIZE)
    except OSError:
        return False
    if len(header) < 32 or len(database) < HEADER_SIZE:
        return False
    magic, version, page_size = struct.unpack(">III", header[:12])
    if magic not in (0x377F0682, 0x377F0683) or version != 3007000:
        return False
    own_size = struct.unpack(">H", database[16:18])[0]
    if page_size != (65536 if own_size == 1 else own_size):
        return False
    order = ">" if magic & 1 else "<"
    first = second = 0
    words = struct.unpack(f"{order}6I", header[:24])
    for low, high in zip(words[::2], words[1::2], strict=True):
        first = (first + low + second) & 0xFFFFFFFF
        second = (second + high + first) & 0xFFFFFFFF
    return (first, second) == struct.unpack(">II", header[24:32])


def connect(path: Path, readonly: bool, with_wal: bool = False) -> Database:
    """Open an SQLite connection wrapped by sqlite-utils (file must already exist).

    A read-only open of a file nobody is writing (no ``-shm`` beside it: a selfassess window
    editing a file always has one) is ``immutable``: SQLite reads the one file, ignores a stray
    ``-wal`` someone copied along, and creates no companions, which a read-only connection could
    never remove (they would litter the folder of received files). ``with_wal`` reads a ``-wal``
    too: the check before a writable open must see what that open will see.
    """
    uri = path.resolve().as_uri() + ("?mode=ro" if readonly else "?mode=rw")
    with_wal = with_wal and wal_beside(path)
    if readonly and not with_wal and not Path(f"{path}-shm").exists() and not held_elsewhere(path):
        uri += "&immutable=1"
    conn = sqlite3.connect(uri, uri=True)
    db = Database(conn)
    db.execute("PRAGMA trusted_schema = OFF")
    db.execute("PRAGMA busy_timeout = 5000")
    if not readonly:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")
        # a WAL that once held a 200 MB attachment is cut back to this when it is next reset
        db.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}")
    return db


def set_journal_mode(db: Database, kind: str) -> None:
    """WAL for department files (many small saves while typing); a rollback journal for bureau
    files, whose merges write gigabytes in one transaction: with WAL every byte would be written
    twice (into the WAL, then into the file at checkpoint)."""
    with db.ensure_autocommit_on():
        db.execute(f"PRAGMA journal_mode = {'DELETE' if kind == 'bureau' else 'WAL'}")


def _check_code(path: Path, db: Database) -> set[str]:
    """Nothing in the file that SQLite would run: no views or triggers, only the migrations'
    own indexes, only migrations this program knows. Checked before any migration runs;
    returns the names of the migrations applied."""
    rows = db.execute("SELECT type, name FROM sqlite_master").fetchall()
    if any(kind in ("view", "trigger") for kind, _name in rows):
        raise _refuse(path, _("the file contains views or triggers, which selfassess files never "
                              "have; refused"))
    indexes = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
                   .fetchall())
    known = expected_indexes()
    if any(name not in known or normalized_sql(sql) != known[name]
           for name, sql in indexes.items()):
        # an index is code SQLite runs on every write (an unknown function in one makes the
        # first edit fail after the file was opened): only the migrations' own are allowed
        raise _refuse(path, _("the file contains an index selfassess files never have; "
                              "refused"))
    if ("table", "_sqlite_migrations") not in rows:
        raise _refuse(path, _("the file is damaged (missing tables: {tables})").format(
            tables="_sqlite_migrations"))
    applied = applied_migrations(db)
    if applied - set(MIGRATION_NAMES):
        raise _refuse(path, _("made by a newer version of selfassess; please update selfassess"))
    return applied


def _check_tables(path: Path, db: Database) -> None:
    """Every table and column of the current format is there (after any migration)."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = EXPECTED_TABLES - tables
    if missing:
        raise _refuse(path, _("the file is damaged (missing tables: {tables})").format(
            tables=", ".join(sorted(missing))))
    for table, columns in sorted(expected_columns().items()):
        found = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        if not columns <= found:
            raise _refuse(path, _("the file is damaged (table {table} lacks columns: "
                                  "{columns})").format(table=table,
                                                       columns=", ".join(sorted(columns - found))))


class UpgradedCopy(Database):
    """An older file read through a copy upgraded to the current format, in a folder of its
    own under the system's temporary folder, removed when the connection is closed. The
    received file itself is never written (product.md: opened read-only, never modified)."""

    folder: Path

    def close(self) -> None:
        try:
            super().close()
        finally:
            import shutil  # loaded when used: not on every start
            shutil.rmtree(self.folder, ignore_errors=True)


def _upgraded_copy(path: Path, db: Database) -> Database:
    import tempfile  # loaded when used: not on every start
    folder = Path(tempfile.mkdtemp(prefix="selfassess-"))
    copy = folder / "upgraded.selfassess"
    try:
        target = sqlite3.connect(copy)
        try:
            db.conn.backup(target)
        finally:
            target.close()
        upgraded = UpgradedCopy(sqlite3.connect(copy))
        upgraded.folder = folder
    except BaseException as error:
        import shutil  # loaded when used: not on every start
        shutil.rmtree(folder, ignore_errors=True)
        if disk_full(error):
            raise _refuse(path, _("the file has an older format and the temporary folder has "
                                  "no room for an upgraded copy to read ({folder})").format(
                folder=folder.parent)) from None
        raise
    try:
        upgraded.execute("PRAGMA trusted_schema = OFF")
        upgraded.execute("PRAGMA journal_mode = DELETE")
        apply_migrations(upgraded)
        upgraded.execute("PRAGMA query_only = ON")
    except BaseException:
        upgraded.close()
        raise
    return upgraded


def open_database(path: Path, readonly: bool, with_wal: bool = False) -> Database:
    """Check and open an existing file. A file of an older format is upgraded by a writable
    open; a read-only open reads an upgraded temporary copy (``UpgradedCopy``)."""
    check_header(path)
    db: Database | None = None
    try:
        db = connect(path, readonly, with_wal)
        if not set(MIGRATION_NAMES) <= _check_code(path, db):  # an older format
            if readonly:
                original, db = db, None
                try:
                    db = _upgraded_copy(path, original)
                finally:
                    original.close()
            else:
                apply_migrations(db)
        _check_tables(path, db)
        return db
    except sqlite3.DatabaseError as error:
        if db is not None:
            db.close()
        raise _refuse(path, _("the file is damaged ({reason})").format(reason=error)) from None
    except BaseException:
        if db is not None:
            db.close()
        raise


BUREAU_PAGE_SIZE = 65536  # merges write gigabytes of evidence: fewer, larger page writes


def temporary_name(path: Path) -> Path:
    """Where a new file is made before it is published: beside ``path``, under a short name
    (a long name is near 255 bytes)."""
    import secrets  # loaded when used: not on every start
    return path.with_name(f".{secrets.token_hex(16)}.tmp")


def create_database(path: Path, kind: str = "department") -> tuple[Database, Path]:
    """Create a new, empty file beside ``path`` under a temporary name.

    The caller fills it, closes it and calls ``publish`` so that ``path`` appears complete or
    not at all.
    """
    temporary = temporary_name(path)
    conn = sqlite3.connect(str(temporary))
    db = Database(conn)
    if kind == "bureau":
        db.execute(f"PRAGMA page_size = {BUREAU_PAGE_SIZE}")  # only before the first table
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA foreign_keys = ON")
    apply_migrations(db)
    return db, temporary


def publish(temporary: Path, path: Path) -> None:
    """Move a finished temporary file to ``path``, never replacing an existing file."""
    try:
        os.link(temporary, path)  # atomic, and fails if path exists
    except FileExistsError:
        temporary.unlink(missing_ok=True)
        raise _refuse(path, _("the file already exists; it was not overwritten")) from None
    except OSError:
        # file systems without hard links (FAT on USB sticks): check, then rename
        if path.exists():
            temporary.unlink(missing_ok=True)
            raise _refuse(path, _("the file already exists; it was not overwritten")) from None
        os.replace(temporary, path)
        return
    temporary.unlink()


def discard(temporary: Path) -> None:
    """Remove a temporary file and its WAL companions after a failed creation."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{temporary}{suffix}").unlink(missing_ok=True)
