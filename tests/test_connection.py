"""The store's own connection (``store/connection.Database``) behaves as sqlite-utils 4 does
where the store relies on it: one-row insert and upsert, writes outside a transaction stored at
once, nested blocks as savepoints."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from selfassess.store.connection import Database

SCHEMA = ('CREATE TABLE answers (department_id TEXT, item_code TEXT, self_score TEXT, '
          'narrative TEXT NOT NULL DEFAULT \'\', review_score TEXT, '
          'PRIMARY KEY (department_id, item_code))')


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute(SCHEMA)
    conn.commit()
    return conn


def rows(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return conn.execute("SELECT * FROM answers ORDER BY department_id, item_code").fetchall()


def test_insert_and_upsert_leave_the_rows_sqlite_utils_leaves(tmp_path: Path) -> None:
    ours, theirs = connect(tmp_path / "ours.db"), connect(tmp_path / "theirs.db")
    db, reference = Database(ours), sqlite_utils.Database(theirs)
    writes = [
        ("insert", {"department_id": "d", "item_code": "1.1", "self_score": "3"}),
        ("upsert", {"department_id": "d", "item_code": "1.2", "self_score": "1",
                    "narrative": "甲 \"引号\" 'x'"}),
        ("review", None),  # the review group's column, set by another statement
        ("upsert", {"department_id": "d", "item_code": "1.1", "self_score": "2.5"}),
        ("upsert", {"department_id": "d", "item_code": "1.2", "narrative": "乙"}),
    ]
    for kind, row in writes:
        if kind == "review":
            for conn in (ours, theirs):
                conn.execute("UPDATE answers SET review_score = '4' WHERE item_code = '1.1'")
                conn.commit()
        elif kind == "insert":
            assert row is not None
            db.insert("answers", row)
            reference.table("answers").insert(row)
        else:
            assert row is not None
            db.upsert("answers", row, pk=("department_id", "item_code"))
            reference.table("answers").upsert(row, pk=("department_id", "item_code"))
    assert rows(ours) == rows(theirs) == [("d", "1.1", "2.5", "", "4"),
                                          ("d", "1.2", "1", "乙", None)]
    assert not ours.in_transaction  # written outside a transaction: stored at once
    assert rows(sqlite3.connect(tmp_path / "ours.db")) == rows(ours)


def test_a_refused_insert_leaves_no_transaction_open(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.db")
    db = Database(conn)
    db.insert("answers", {"department_id": "d", "item_code": "1.1"})
    with pytest.raises(sqlite3.IntegrityError):
        db.insert("answers", {"department_id": "d", "item_code": "1.1"})
    assert not conn.in_transaction


def test_a_nested_block_is_a_savepoint(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.db")
    db = Database(conn)
    with db.atomic():
        db.insert("answers", {"department_id": "d", "item_code": "1.1"})
        with pytest.raises(RuntimeError), db.atomic():
            db.insert("answers", {"department_id": "d", "item_code": "1.2"})
            raise RuntimeError("refused")
    assert [row[1] for row in rows(conn)] == ["1.1"]
