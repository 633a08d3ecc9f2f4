"""Helpers that make files for tests: hashes, foreign SQLite files, too-new selfassess files."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from selfassess.store.schema import SCHEMA_VERSION


def sha256_of(path: Path) -> str:
    """SHA-256 of a file's bytes (to prove a file did not change)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def other_sqlite(path: Path) -> None:
    """An SQLite database of some other program."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()


def newer_schema(path: Path, source: Path, ahead: int = 1) -> None:
    """A copy of ``source`` claiming a schema version this program does not know."""
    path.write_bytes(source.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + ahead}")
    conn.commit()
    conn.close()
