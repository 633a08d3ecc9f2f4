"""The review group's fields in a bureau file (考核得分, reasons, redo flags): the store's side.

``bureau.review`` checks reviews against the checklist; this writes one review's fields into
the answer, bonus claim or veto declaration it belongs to, creating the row when the department
left it empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from selfassess.store.database import connection

if TYPE_CHECKING:
    from selfassess.store.assessment import AssessmentFile

# kind → (table, key column); the only tables and columns these statements ever name
TABLES = {"item": ("answers", "item_code"), "bonus": ("bonus_claims", "code"),
          "veto": ("veto_declarations", "code")}
COLUMNS = frozenset({"review_score", "review_points", "review_triggered", "review_reason",
                     "review_flag"})


def write_review(af: AssessmentFile, kind: str, department_id: str, code: str,
                 changes: dict[str, Any], now: str) -> None:
    """Set review fields of one row (caller holds the transaction)."""
    db = connection(af)
    table, key = TABLES[kind]
    if not changes or not set(changes) <= COLUMNS:
        raise ValueError(f"not review fields: {sorted(changes)}")
    exists = db.execute(f"SELECT 1 FROM {table} WHERE department_id = ? AND {key} = ?",
                        [department_id, code]).fetchone()
    if not exists:
        row: dict[str, Any] = {"department_id": department_id, key: code}
        if table == "answers":
            row["updated_at"] = now
        db.insert(table, row)
    assignments = ", ".join(f"{name} = ?" for name in changes)
    db.execute(f"UPDATE {table} SET {assignments} WHERE department_id = ? AND {key} = ?",
               [*changes.values(), department_id, code])
