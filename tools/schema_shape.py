"""Write ``selfassess/store/schema_shape.py``: the columns and indexes the migrations make.

Run after adding a migration: ``python tools/schema_shape.py``. Every open checks a file's
tables and indexes against this shape; working it out by running every migration in memory
at each start took 2.6 ms. ``tests/test_schema_shape.py`` holds the written shape to the
migrations.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from selfassess.store.schema import worked_out_shape  # noqa: E402  # the checkout's own

TARGET = ROOT / "selfassess" / "store" / "schema_shape.py"


def _quoted(text: str) -> str:
    """A Python string literal in double quotes (as JSON writes one)."""
    return json.dumps(text, ensure_ascii=False)


def text() -> str:
    columns, indexes = worked_out_shape()
    lines = ['"""The columns and indexes the migrations make (written by tools/schema_shape.py;',
             'tests/test_schema_shape.py holds it to the migrations). Do not edit by hand."""',
             "", "COLUMNS: dict[str, frozenset[str]] = {"]
    for table in sorted(columns):
        names = ", ".join(_quoted(name) for name in sorted(columns[table]))
        lines.append(f"    {_quoted(table)}: frozenset({{")
        lines += textwrap.wrap(names, 96, initial_indent=" " * 8, subsequent_indent=" " * 8)
        lines.append("    }),")
    lines += ["}", "", "INDEXES: dict[str, str | None] = {"]
    for name in sorted(indexes):
        sql = indexes[name]
        lines.append(f"    {_quoted(name)}: {'None' if sql is None else ''}")
        if sql is not None:
            lines[-1] += "("
            lines += [f"        {_quoted(part)}" for part in textwrap.wrap(
                sql, 80, drop_whitespace=False)]
            lines.append("    ),")
        else:
            lines[-1] += ","
    lines += ["}", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    TARGET.write_text(text(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
