"""Writing a validated ChangeSet, with an audit line for every field that changed.

Called inside one transaction by ``AssessmentFile.apply``: either all of it is stored or none.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from selfassess.numbers import decimal_text
from selfassess.scoring import Aid
from selfassess.store.audit import record_text_edit, write_audit
from selfassess.store.changes import (
    ChangeSet,
    EvidenceSource,
    merged_answer,
    merged_bonus,
    merged_veto,
)
from selfassess.store.connection import Database
from selfassess.store.evidence import media_type, remove_unreferenced_blobs, store_blob
from selfassess.store.records import DepartmentData, Measure, Shortcoming
from selfassess.validation import safe_file_name


def now_text() -> str:
    """Local time with its UTC offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def score_text(value: Decimal | None) -> str | None:
    """How a score is stored: canonical decimal text, or NULL."""
    return None if value is None else decimal_text(value)


def aid_text(aid: Aid) -> str:
    """How a scoring aid is stored: compact JSON with only what was entered."""
    data: dict[str, Any] = {}
    if aid.occurrences:
        data["occurrences"] = dict(sorted(aid.occurrences.items()))
    if aid.counts:
        data["counts"] = dict(sorted(aid.counts.items()))
    if aid.level is not None:
        data["level"] = aid.level
    if aid.met is not None:
        data["met"] = aid.met
    # "{}" is what json.dumps gives for nothing entered: most answers, in every seal digest
    return json.dumps(data, ensure_ascii=False, sort_keys=True) if data else "{}"


def _json(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, Aid):
        return aid_text(value)
    return json.dumps(value, ensure_ascii=False)


class _Writer:
    def __init__(self, db: Database, department_id: str, actor: str) -> None:
        self.db = db
        self.department_id = department_id
        self.actor = actor
        self.now = now_text()

    def audit(self, action: str, target: str, old: Any, new: Any) -> None:
        write_audit(self.db, action, at=self.now, actor=self.actor,
                    department_id=self.department_id, target=target, old=_json(old),
                    new=_json(new))

    def audit_fields(self, action: str, code: str, current: object, fields: dict[str, Any]
                     ) -> bool:
        """One audit line per field whose value changes (typed text as a small, coalesced
        splice: ``store.audit``); True when any did."""
        changed = False
        for name, value in fields.items():
            old = getattr(current, name) if current is not None else None
            if old == value:
                continue
            changed = True
            if isinstance(value, str) and isinstance(old, str | None):
                record_text_edit(self.db, {
                    "at": self.now, "actor": self.actor, "department_id": self.department_id,
                    "action": action, "target": f"{code}.{name}"}, old or "", value)
            else:
                self.audit(action, f"{code}.{name}", old, value)
        return changed

    def answers(self, data: DepartmentData, changes: dict[str, dict[str, Any]]) -> None:
        for code, fields in changes.items():
            if "narrative" in fields and code in data.carried:  # edited, or confirmed as it is
                self.db.execute("DELETE FROM carried WHERE department_id = ? AND item_code = ?",
                                [self.department_id, code])
            current = data.answers.get(code)
            answer = merged_answer(current, code, fields)
            if not self.audit_fields("answer", code, current, fields) and current is not None:
                continue
            self.db.upsert("answers", {
                "department_id": self.department_id,
                "item_code": code,
                "self_score": score_text(answer.self_score),
                "narrative": answer.narrative,
                "deduction_reason": answer.deduction_reason,
                "not_applicable": int(answer.not_applicable),
                "na_reason": answer.na_reason,
                "aid": aid_text(answer.aid),
                "updated_at": self.now,
            }, pk=("department_id", "item_code"))

    def bonus(self, data: DepartmentData, changes: dict[str, dict[str, Any]]) -> None:
        for code, fields in changes.items():
            current = data.bonus.get(code)
            claim = merged_bonus(current, code, fields)
            self.audit_fields("bonus", code, current, fields)
            self.db.upsert("bonus_claims", {
                "department_id": self.department_id, "code": code,
                "points": score_text(claim.points), "narrative": claim.narrative,
            }, pk=("department_id", "code"))

    def veto(self, data: DepartmentData, changes: dict[str, dict[str, Any]]) -> None:
        for code, fields in changes.items():
            current = data.veto.get(code)
            declaration = merged_veto(current, code, fields)
            self.audit_fields("veto", code, current, fields)
            self.db.upsert("veto_declarations", {
                "department_id": self.department_id, "code": code,
                "triggered": None if declaration.triggered is None else int(declaration.triggered),
                "explanation": declaration.explanation,
            }, pk=("department_id", "code"))

    def attach(self, kind: str, code: str, source: EvidenceSource, position: int) -> None:
        sha256, size = store_blob(self.db, source.path)
        name = safe_file_name(source.name)  # whoever called, only safe names are stored
        self.db.insert("evidence", {
            "department_id": self.department_id, "target_kind": kind, "target_code": code,
            "position": position, "file_name": name, "media_type": media_type(name),
            "sha256": sha256, "size": size, "added_at": self.now,
        })
        self.audit("evidence", f"{kind}:{code}", None, {"name": name, "sha256": sha256})

    def replace_evidence(self, data: DepartmentData, kind: str, code: str,
                         sources: list[EvidenceSource]) -> None:
        for ref in data.evidence_for(kind, code):
            self.audit("evidence", f"{kind}:{code}", {"name": ref.file_name, "sha256": ref.sha256},
                       None)
        self.db.execute("DELETE FROM evidence WHERE department_id = ? AND target_kind = ? "
                        "AND target_code = ?", [self.department_id, kind, code])
        for position, source in enumerate(sources):
            self.attach(kind, code, source, position)

    def lists(self, data: DepartmentData, shortcomings: list[Shortcoming] | None,
              measures: list[Measure] | None) -> None:
        if shortcomings is not None:
            self.audit("shortcomings", "", [s.__dict__ for s in data.shortcomings],
                       [s.__dict__ for s in shortcomings])
            self.db.execute("DELETE FROM shortcomings WHERE department_id = ?", [self.department_id])
            self.db.table("shortcomings").insert_all(
                [{"department_id": self.department_id, "position": position,
                  "category": s.category, "text": s.text, "item_code": s.item_code}
                 for position, s in enumerate(shortcomings)])
        if measures is not None:
            self.audit("measures", "", [m.__dict__ for m in data.measures],
                       [m.__dict__ for m in measures])
            self.db.execute("DELETE FROM measures WHERE department_id = ?", [self.department_id])
            measures = numbered(data.measures, measures)
            # a measure taken off the list takes its ledger with it
            kept = [m.number for m in measures]
            self.db.execute(
                f"DELETE FROM measure_ledger WHERE department_id = ? AND number NOT IN "
                f"({', '.join('?' * len(kept))})", [self.department_id, *kept])
            self.db.execute(
                f"DELETE FROM measure_notes WHERE department_id = ? AND number NOT IN "
                f"({', '.join('?' * len(kept))})", [self.department_id, *kept])
            self.db.table("measures").insert_all(
                [{"department_id": self.department_id, "position": position, "text": m.text,
                  "owner": m.owner, "deadline": m.deadline, "shortcoming": m.shortcoming,
                  "leader": m.leader, "standard": m.standard, "progress": m.progress,
                  "number": m.number} for position, m in enumerate(measures)])


def numbered(before: list[Measure], after: list[Measure]) -> list[Measure]:
    """``after`` with a number on each measure: its own when it has one (and no earlier entry
    took it); else that of the measure before with the same text (a form or an answers file
    read back gives the list without numbers: the ledger must stay with its measures); else
    the next one not used by the list before or after."""
    used = {m.number for m in before if m.number is not None}
    used |= {m.number for m in after if m.number is not None}
    following = max(used, default=0) + 1
    by_text: dict[str, int | None] = {}
    for earlier in before:
        by_text.setdefault(earlier.text, earlier.number)
    claimed = {m.number for m in after if m.number is not None}
    seen: set[int] = set()
    result = []
    for measure in after:
        if measure.number is None or measure.number in seen:
            same = by_text.get(measure.text)
            if measure.number is None and same is not None and same not in claimed | seen:
                measure = dataclasses.replace(measure, number=same)
            else:
                measure = dataclasses.replace(measure, number=following)
                following += 1
        seen.add(measure.number or 0)
        result.append(measure)
    return result


def write_changes(db: Database, data: DepartmentData, changes: ChangeSet, actor: str) -> None:
    """Write a ChangeSet already checked by ``change_problems`` (caller holds the transaction)."""
    writer = _Writer(db, data.department.id, actor)
    if changes.filled_by is not None and changes.filled_by != data.department.filled_by:
        writer.audit("filled_by", "", data.department.filled_by, changes.filled_by)
        db.execute("UPDATE departments SET filled_by = ? WHERE id = ?",
                   [changes.filled_by, data.department.id])
    writer.answers(data, changes.answers)
    writer.bonus(data, changes.bonus)
    writer.veto(data, changes.veto)
    for code, sources in changes.item_evidence.items():
        writer.replace_evidence(data, "item", code, sources)
    for code, sources in changes.bonus_evidence.items():
        writer.replace_evidence(data, "bonus", code, sources)
    for ev_id in changes.remove_evidence:
        ref = next(r for r in data.evidence if r.id == ev_id)
        writer.audit("evidence", f"{ref.target_kind}:{ref.target_code}",
                     {"name": ref.file_name, "sha256": ref.sha256}, None)
        db.execute("DELETE FROM evidence WHERE id = ?", [ev_id])
    for kind, code, source in changes.add_evidence:
        last = db.execute("SELECT MAX(position) FROM evidence WHERE department_id = ? AND "
                          "target_kind = ? AND target_code = ?",
                          [data.department.id, kind, code]).fetchone()[0]
        writer.attach(kind, code, source, 0 if last is None else last + 1)
    writer.lists(data, changes.shortcomings, changes.measures)
    if changes.item_evidence or changes.bonus_evidence or changes.remove_evidence:
        remove_unreferenced_blobs(db)
