"""The store's SQLite connection, without importing sqlite-utils until a write needs it.

``import sqlite_utils`` brings click, pluggy and importlib.metadata with it: about a third of
the start-up of ``selfassess summary``, which only reads. ``Database`` here does what reading
needs — ``execute`` with sqlite-utils' transaction behaviour (a write outside a transaction is
committed at once; a failed statement never leaves an implicit transaction open), ``atomic``
(nested blocks become savepoints), ``ensure_autocommit_on``, and ``insert`` and ``upsert``
of one row (the autosave path) — and hands ``table(name)`` (bulk inserts) to a sqlite-utils
``Database`` over the same connection, made the first time one is asked for. Keep the
behaviour in step with sqlite-utils 4 (``tests/test_store.py``).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Generator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}


def _quoted(identifier: str) -> str:
    """A table or column name of the store's own schema, quoted for SQL."""
    return '"' + identifier.replace('"', '""') + '"'


def _first_keyword(sql: str) -> str:
    words = sql.lstrip().split(None, 1)
    return words[0].upper().rstrip(";") if words else ""


class Database:
    """An SQLite connection as the store uses it (see the module's note)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils: sqlite_utils.Database | None = None

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None
                ) -> sqlite3.Cursor:
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = (self.conn.execute(sql) if parameters is None
                      else self.conn.execute(sql, parameters))
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # nothing would ever commit it
            raise
        if (not was_in_transaction and self.conn.in_transaction
                and cursor.description is None
                and _first_keyword(sql) not in _TRANSACTION_CONTROL):
            self.conn.execute("COMMIT")  # a write outside a transaction is stored at once
        return cursor

    def close(self) -> None:
        self.conn.close()

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        """One transaction; a nested block is a savepoint."""
        if self.conn.in_transaction:
            import secrets  # loaded when used: not on every start
            savepoint = f"selfassess_{secrets.token_hex(16)}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise

    @contextlib.contextmanager
    def ensure_autocommit_on(self) -> Generator[None, None, None]:
        """The driver opens no implicit transaction in this block (``PRAGMA journal_mode``
        cannot run inside one)."""
        if self.conn.in_transaction:
            raise sqlite3.OperationalError("ensure_autocommit_on() inside a transaction")
        old = self.conn.isolation_level
        try:
            self.conn.isolation_level = None
            yield
        finally:
            self.conn.isolation_level = old

    def insert(self, table: str, row: dict[str, Any]) -> None:
        """One row, as plain SQL: the autosave path writes one or two rows an edit, and
        sqlite-utils' ``insert`` asks the file for its tables and columns every time (more
        than half of a saved edit)."""
        columns = ", ".join(_quoted(name) for name in row)
        marks = ", ".join("?" * len(row))
        self.execute(f"INSERT INTO {_quoted(table)} ({columns}) VALUES ({marks})",
                     list(row.values()))

    def upsert(self, table: str, row: dict[str, Any], pk: tuple[str, ...]) -> None:
        """Insert the row, or update the given columns of the row with the same key (its
        other columns — a review's, say — kept), like sqlite-utils 4's ``upsert``."""
        columns = ", ".join(_quoted(name) for name in row)
        marks = ", ".join("?" * len(row))
        updates = ", ".join(f"{_quoted(name)} = excluded.{_quoted(name)}"
                            for name in row if name not in pk)
        self.execute(f"INSERT INTO {_quoted(table)} ({columns}) VALUES ({marks}) "
                     f"ON CONFLICT ({', '.join(_quoted(name) for name in pk)}) "
                     f"DO UPDATE SET {updates}", list(row.values()))

    def utils(self) -> sqlite_utils.Database:
        """sqlite-utils over this connection (for writing helpers and migrations)."""
        if self._utils is None:
            import sqlite_utils

            self._utils = sqlite_utils.Database(self.conn, execute_plugins=False,
                                                recursive_triggers=False)
        return self._utils

    def table(self, name: str) -> sqlite_utils.db.Table:
        """sqlite-utils' table helpers (insert, insert_all, upsert)."""
        return self.utils().table(name)
