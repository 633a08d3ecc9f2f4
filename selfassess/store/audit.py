"""Audit lines for typed text that stay small: a splice instead of two whole texts, and one line
per field per minute while someone keeps typing.

Storing the whole old and new narrative at every autosave made the log grow with the square of
what was typed (20,000 characters in 400 bursts: 11.85 MB of audit rows). Here a line about a
long text keeps only what changed, as ``{"at": n, "text": …}`` in ``old`` (removed) and ``new``
(inserted), ``at`` counted in characters; short texts keep both values whole. The next save of
the same field by the same person within ``COALESCE_SECONDS`` of the line's time rewrites that
line to span both edits, so the log still answers who changed what, when (to the minute), and
the file grows linearly with what was typed.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from selfassess.store.connection import Database

COALESCE_SECONDS = 60
WHOLE_UP_TO = 200  # characters of old + new below which both are stored whole


def write_audit(db: Database, action: str, *, at: str, actor: str = "", department_id: str = "",
                target: str = "", old: str | None = None, new: str | None = None) -> None:
    """The one writer of audit lines (``old``/``new`` as stored: JSON text, or a digest)."""
    db.insert("audit_log", {"at": at, "actor": actor, "department_id": department_id,
                                  "action": action, "target": target, "old": old, "new": new})


def audit_digest(db: Database, department_id: str, revision: int | None = None) -> str | None:
    """SHA-256 over a department's audit lines before the seal line of ``revision`` (all of
    them when ``revision`` is None: at sealing, before the seal line is written), one canonical
    JSON line each; None when that seal line is not in the log. The seal's digest covers it, so
    removing or editing a line before the seal shows as "modified after sealing"."""
    limit = 1 << 62
    if revision is not None:
        limit = db.execute("SELECT max(id) FROM audit_log WHERE department_id = ? AND action = "
                           "'seal' AND target = ?", [department_id, str(revision)]).fetchone()[0]
        if limit is None:
            return None
    digest = hashlib.sha256()
    for line in db.execute("SELECT at, actor, action, target, old, new FROM audit_log "
                           "WHERE department_id = ? AND id < ? ORDER BY id", [department_id, limit]):
        digest.update(json.dumps(list(line), ensure_ascii=False, separators=(",", ":"))
                      .encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()


def splice(old: str, new: str) -> tuple[int, str, str]:
    """(position, removed, inserted) that turn ``old`` into ``new``: the shortest single span
    outside the common prefix and suffix."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, old[start:end_old], new[start:end_new]


def text_change(old: str, new: str) -> tuple[str, str]:
    """The ``old`` and ``new`` columns (JSON) of an audit line about a text field."""
    if len(old) + len(new) <= WHOLE_UP_TO:
        return json.dumps(old, ensure_ascii=False), json.dumps(new, ensure_ascii=False)
    at, removed, inserted = splice(old, new)
    return (json.dumps({"at": at, "text": removed}, ensure_ascii=False),
            json.dumps({"at": at, "text": inserted}, ensure_ascii=False))


def text_before(line_old: str | None, line_new: str | None, current: str) -> str | None:
    """The text before an earlier line's edit, given the text after it (``current``); None when
    the line does not describe how ``current`` came about."""
    try:
        old, new = json.loads(line_old or "null"), json.loads(line_new or "null")
    except ValueError:
        return None
    if isinstance(old, str) and isinstance(new, str):
        return old if new == current else None
    if isinstance(old, dict) and isinstance(new, dict):
        at, removed, inserted = old.get("at"), old.get("text"), new.get("text")
        if (isinstance(at, int) and at == new.get("at") and isinstance(removed, str)
                and isinstance(inserted, str) and current[at:at + len(inserted)] == inserted):
            return current[:at] + removed + current[at + len(inserted):]
    return None


def _seconds_between(earlier: str, later: str) -> float | None:
    try:
        return (datetime.fromisoformat(later) - datetime.fromisoformat(earlier)).total_seconds()
    except (TypeError, ValueError):
        return None


def record_text_edit(db: Database, line: dict[str, Any], old: str, new: str) -> None:
    """Write the audit line for a text field going from ``old`` to ``new``; ``line`` holds
    at, actor, department_id, action and target. Coalesces with the department's last line
    when that line is the same field, by the same person, less than a minute old."""
    last = db.execute(
        "SELECT id, at, actor, action, target, old, new FROM audit_log WHERE department_id = ? "
        "ORDER BY id DESC LIMIT 1", [line["department_id"]]).fetchone()
    if last is not None and (last[2], last[3], last[4]) == (
            line["actor"], line["action"], line["target"]):
        age = _seconds_between(last[1], line["at"])
        first = text_before(last[5], last[6], old) if age is not None and 0 <= age < \
            COALESCE_SECONDS else None
        if first is not None:
            if first == new:  # typed and taken back: nothing changed since the line began
                db.execute("DELETE FROM audit_log WHERE id = ?", [last[0]])
                return
            old_json, new_json = text_change(first, new)
            db.execute("UPDATE audit_log SET old = ?, new = ? WHERE id = ?",
                       [old_json, new_json, last[0]])
            return
    old_json, new_json = text_change(old, new)
    write_audit(db, line["action"], at=line["at"], actor=line["actor"],
                department_id=line["department_id"], target=line["target"], old=old_json,
                new=new_json)
