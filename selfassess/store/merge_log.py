"""The bureau file's merge log: one row per received file per merge run (who, when, outcome).

The store owns its SQL; the merge writes rows, the report, the workbook and the secretary's
screen read them through these functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from selfassess.record import record
from selfassess.store.database import connection

if TYPE_CHECKING:
    from selfassess.store.assessment import AssessmentFile


@record
class MergeLogRow:
    """One received file in one merge run."""

    run: int
    at: str
    file_name: str
    outcome: str  # added | replaced | unchanged | conflict | refused | draft
    reason: str
    department_id: str = ""
    revision: int | None = None
    digest: str | None = None


def next_run(af: AssessmentFile) -> int:
    """The number the next merge run gets (1 for the first)."""
    last = connection(af).execute("SELECT MAX(run) FROM merge_log").fetchone()[0]
    return int(last or 0) + 1


def add(af: AssessmentFile, row: MergeLogRow) -> None:
    """Record one outcome (inside the merge's transaction)."""
    connection(af).table("merge_log").insert({
        "run": row.run, "at": row.at, "file_name": row.file_name, "outcome": row.outcome,
        "reason": row.reason, "department_id": row.department_id, "revision": row.revision,
        "digest": row.digest})


def rows(af: AssessmentFile, last_run_only: bool = False) -> list[MergeLogRow]:
    """Every row, newest first; or the latest run's rows in the order the files were taken."""
    db = connection(af)
    columns = "run, at, file_name, outcome, reason, department_id, revision, digest"
    if last_run_only:
        found = db.execute(f"SELECT {columns} FROM merge_log WHERE run = "
                           "(SELECT MAX(run) FROM merge_log) ORDER BY id").fetchall()
    else:
        found = db.execute(f"SELECT {columns} FROM merge_log ORDER BY id DESC").fetchall()
    return [MergeLogRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5] or ""),
                        r[6] if isinstance(r[6], int) else None,
                        r[7] if isinstance(r[7], str) else None) for r in found]

