"""The shape every open checks a file against (``store/schema_shape.py``, written by
``tools/schema_shape.py``) is the one the migrations make: a migration added without writing
it again fails here, not on a user's file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from selfassess.store.schema import EXPECTED_TABLES, worked_out_shape
from selfassess.store.schema_shape import COLUMNS, INDEXES

ROOT = Path(__file__).resolve().parent.parent


def test_the_written_shape_is_the_migrations_shape() -> None:
    columns, indexes = worked_out_shape()
    assert set(COLUMNS) == set(EXPECTED_TABLES) == set(columns)
    assert columns == COLUMNS, "run python tools/schema_shape.py after adding a migration"
    assert indexes == INDEXES, "run python tools/schema_shape.py after adding a migration"
    assert "evidence_target" in INDEXES and "narrative" in COLUMNS["answers"]


def test_the_tool_writes_the_file_as_it_is(tmp_path: Path) -> None:
    written = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, 'tools'); import schema_shape; "
         "print(schema_shape.text(), end='')"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=True, timeout=60)
    shape = ROOT / "selfassess" / "store" / "schema_shape.py"
    assert written.stdout == shape.read_text(encoding="utf-8")
