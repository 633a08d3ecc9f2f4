"""The bureau file's roster table: expected departments in order, each bound to a department id
once known. The store owns its SQL; ``bureau.roster`` and the merge decide what to write."""

from __future__ import annotations

from typing import TYPE_CHECKING

from selfassess.record import record
from selfassess.store.database import connection

if TYPE_CHECKING:
    from selfassess.store.assessment import AssessmentFile


@record
class RosterEntry:
    """An expected department: its name, and its id once known."""

    name: str
    department_id: str | None = None


def read(af: AssessmentFile) -> list[RosterEntry]:
    """The roster in its order."""
    db = connection(af)
    return [RosterEntry(str(name), department_id if isinstance(department_id, str) else None)
            for name, department_id in db.execute(
                "SELECT name, department_id FROM roster ORDER BY position")]


def replace(af: AssessmentFile, entries: list[RosterEntry]) -> None:
    """The whole roster, in this order (caller holds the transaction)."""
    db = connection(af)
    db.execute("DELETE FROM roster")
    db.table("roster").insert_all([{"position": n, "name": e.name, "department_id": e.department_id}
                                   for n, e in enumerate(entries)])


def append(af: AssessmentFile, entry: RosterEntry) -> None:
    """One more entry at the end."""
    db = connection(af)
    position = db.execute("SELECT COUNT(*) FROM roster").fetchone()[0]
    db.table("roster").insert({"position": position, "name": entry.name,
                               "department_id": entry.department_id})


def bind(af: AssessmentFile, name: str, department_id: str) -> None:
    """Bind the entry of this name to a department id."""
    db = connection(af)
    db.execute("UPDATE roster SET department_id = ? WHERE name = ?", [department_id, name])


def rename(af: AssessmentFile, department_id: str, name: str) -> None:
    """The entry bound to this department follows its new name."""
    db = connection(af)
    db.execute("UPDATE roster SET name = ? WHERE department_id = ?", [name, department_id])
