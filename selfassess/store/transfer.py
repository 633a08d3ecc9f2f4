"""Copying one department's content from a received file into the bureau file.

Rows are written from the validated records (never copied as raw SQL from the untrusted file).
Evidence bytes stream from the received file's blob to the bureau's in chunks, hashed on the
way: a document whose bytes do not match its SHA-256 stops the copy (the caller's savepoint
then undoes this department's writes). Memory stays at one chunk whatever the file size.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from selfassess.errors import MergeCancelled
from selfassess.i18n import _
from selfassess.store.assessment import AssessmentFile
from selfassess.store.connection import Database
from selfassess.store.database import connection
from selfassess.store.editing import aid_text, now_text, score_text
from selfassess.store.evidence import HEAD, record_head
from selfassess.store.records import DepartmentData
from selfassess.store.sealing import digest_content
from selfassess.validation import same_name

CHUNK = 1024 * 1024
IN_MEMORY = 64 * 1024 * 1024


class EvidenceMismatch(Exception):
    """A received document's bytes do not hash to the SHA-256 its row claims."""

    def __init__(self, file_name: str) -> None:
        super().__init__(file_name)
        self.file_name = file_name


def _blob_rowid(db: Database, sha256: str) -> int | None:
    row = db.execute("SELECT rowid FROM evidence_blobs WHERE sha256 = ?", [sha256]).fetchone()
    return None if row is None else int(row[0])


def verify_and_copy_blobs(incoming: AssessmentFile, bureau_file: AssessmentFile,
                          data: DepartmentData, copy: bool,
                          cancelled: Callable[[], bool] = lambda: False,
                          also: dict[str, str] | None = None) -> int:
    """Re-hash every document the department references; copy the missing ones when ``copy``.
    Returns the bytes read. Raises EvidenceMismatch on the first bad document. ``also``: more
    documents (SHA-256 → name), the measures' completion evidence.

    A document up to IN_MEMORY bytes is read whole and inserted in one statement; a larger one
    streams into a zeroblob chunk by chunk (which writes its pages twice, but bounds memory).
    """
    source_db, bureau = connection(incoming), connection(bureau_file)
    names = {ref.sha256: ref.file_name for ref in data.evidence} | (also or {})
    total = 0
    for sha256, name in names.items():
        source = _blob_rowid(source_db, sha256)
        if source is None:
            raise EvidenceMismatch(name)
        size = source_db.execute("SELECT length(content) FROM evidence_blobs WHERE rowid = ?",
                                   [source]).fetchone()[0]
        missing = copy and _blob_rowid(bureau, sha256) is None
        streamed = missing and size > IN_MEMORY
        target = None
        if streamed:
            target = bureau.execute(
                "INSERT INTO evidence_blobs (sha256, size, content) VALUES (?, ?, zeroblob(?))",
                [sha256, size, size]).lastrowid
        digest = hashlib.sha256()
        with source_db.conn.blobopen("evidence_blobs", "content", source, readonly=True) as src:
            if missing and not streamed:  # read whole: one copy, hashed, inserted as is
                content = src.read()
                digest.update(content)
                total += len(content)
            else:
                content = b""
                out = bureau.conn.blobopen("evidence_blobs", "content", target) if target else None
                try:
                    while chunk := src.read(CHUNK):
                        if cancelled():
                            raise MergeCancelled  # unwinds the whole run's transaction
                        digest.update(chunk)
                        if out is not None:
                            out.write(chunk)
                        total += len(chunk)
                finally:
                    if out is not None:
                        out.close()
        if digest.hexdigest() != sha256:
            raise EvidenceMismatch(name)
        if missing and not streamed:
            bureau.execute("INSERT INTO evidence_blobs (sha256, size, content) VALUES (?, ?, ?)",
                           [sha256, size, content])
        if missing:
            with source_db.conn.blobopen("evidence_blobs", "content", source,
                                         readonly=True) as src:
                record_head(bureau, sha256, src.read(HEAD))
        if cancelled():
            raise MergeCancelled
    return total


def _same_item(old: Any, new: Any, old_evidence: list[Any], new_evidence: list[Any]) -> bool:
    fields = ("self_score", "narrative", "deduction_reason", "not_applicable", "na_reason")
    return (old is not None and new is not None
            and all(getattr(old, f) == getattr(new, f) for f in fields)
            and old_evidence == new_evidence)


def _previous(score: Any, reason: str) -> str:
    value = score if isinstance(score, bool) else score_text(score)
    return json.dumps({"score": value, "reason": reason}, ensure_ascii=False)


def _evidence_keys(data: DepartmentData, kind: str, code: str) -> list[tuple[str, str]]:
    return [(e.file_name, e.sha256) for e in data.evidence_for(kind, code)]


def history_record(old: DepartmentData, fingerprint: str, period: str) -> dict[str, Any]:
    """What ``department_history`` keeps of a replaced revision: its content and reviews."""
    content = digest_content(old, fingerprint, period, old.department.revision)
    content["reviews"] = {
        "items": {c: {"score": score_text(a.review_score), "reason": a.review_reason}
                  for c, a in old.answers.items() if a.review_score is not None},
        "bonus": {c: {"points": score_text(b.review_points), "reason": b.review_reason}
                  for c, b in old.bonus.items() if b.review_points is not None},
        "veto": {c: {"triggered": v.review_triggered, "reason": v.review_reason}
                 for c, v in old.veto.items() if v.review_triggered is not None},
    }
    return content


def _stored(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else score_text(value)


def _carried_review(column: str, before: Any, value: Any, same: bool) -> tuple[dict[str, Any], int]:
    """The review columns of a re-merged row: kept; when the department's answer changed, also
    flagged 待复核 (what the reviewers had said kept as ``previous_review``, which the review
    page shows beside the new answer). Returns the columns and 1 when a review was flagged."""
    review: dict[str, Any] = {column: None, "review_reason": "", "review_flag": 0,
                              "previous_review": ""}
    if before is None or (value is None and not before.review_flag):
        return review, 0
    kept = {column: None if value is None else _stored(value),
            "review_reason": before.review_reason}
    if same:
        return {**review, **kept, "review_flag": int(before.review_flag),
                "previous_review": before.previous_review}, 0
    previous = (before.previous_review if value is None
                else _previous(value, before.review_reason))
    return {**review, **kept, "review_flag": 1, "previous_review": previous}, 1


def write_department(bureau_file: AssessmentFile, data: DepartmentData, old: DepartmentData | None,
                     seals: list[Any], source_file: str) -> int:
    """Replace the bureau's copy of a department with ``data``; keep each review whose answer
    did not change and flag the others. Returns how many reviews were flagged."""
    bureau = connection(bureau_file)
    dept = data.department
    for table in ("answers", "evidence", "bonus_claims", "veto_declarations", "shortcomings",
                  "measures", "seals"):
        bureau.execute(f"DELETE FROM {table} WHERE department_id = ?", [dept.id])
    bureau.table("departments").upsert({
        "id": dept.id, "name": dept.name, "filled_by": dept.filled_by, "revision": dept.revision,
        "sealed": int(dept.sealed), "created_at": dept.created_at,
        "digest": seals[-1].digest if dept.sealed and seals else None,
        "source_file": source_file, "merged_at": now_text(),
    }, pk="id")
    flagged = 0
    answers, claims, vetoes = [], [], []
    for code, answer in data.answers.items():
        before = old.answers.get(code) if old else None
        same = old is not None and _same_item(before, answer, _evidence_keys(old, "item", code),
                                              _evidence_keys(data, "item", code))
        review, count = _carried_review("review_score", before,
                                        before.review_score if before else None, same)
        flagged += count
        answers.append({"department_id": dept.id, "item_code": code,
                        "self_score": score_text(answer.self_score), "narrative": answer.narrative,
                        "deduction_reason": answer.deduction_reason,
                        "not_applicable": int(answer.not_applicable),
                        "na_reason": answer.na_reason, "aid": aid_text(answer.aid),
                        "updated_at": answer.updated_at, **review})
    for code, claim in data.bonus.items():
        earlier = old.bonus.get(code) if old else None
        same = (old is not None and earlier is not None
                and (earlier.points, earlier.narrative) == (claim.points, claim.narrative)
                and _evidence_keys(old, "bonus", code) == _evidence_keys(data, "bonus", code))
        review, count = _carried_review("review_points", earlier,
                                        earlier.review_points if earlier else None, same)
        flagged += count
        claims.append({"department_id": dept.id, "code": code, "points": score_text(claim.points),
                       "narrative": claim.narrative, **review})
    for code, declaration in data.veto.items():
        prior = old.veto.get(code) if old else None
        same = prior is not None and (prior.triggered, prior.explanation) == (
            declaration.triggered, declaration.explanation)
        review, count = _carried_review("review_triggered", prior,
                                        prior.review_triggered if prior else None, same)
        flagged += count
        vetoes.append({"department_id": dept.id, "code": code,
                       "triggered": None if declaration.triggered is None
                       else int(declaration.triggered),
                       "explanation": declaration.explanation, **review})
    bureau.table("answers").insert_all(answers)
    bureau.table("bonus_claims").insert_all(claims)
    bureau.table("veto_declarations").insert_all(vetoes)
    bureau.table("evidence").insert_all([
        {"department_id": dept.id, "target_kind": e.target_kind, "target_code": e.target_code,
         "position": e.position, "file_name": e.file_name, "media_type": e.media_type,
         "sha256": e.sha256, "size": e.size, "added_at": e.added_at} for e in data.evidence])
    bureau.table("shortcomings").insert_all([
        {"department_id": dept.id, "position": n, "category": s.category, "text": s.text,
         "item_code": s.item_code} for n, s in enumerate(data.shortcomings)])
    bureau.table("measures").insert_all([
        {"department_id": dept.id, "position": n, "text": m.text, "owner": m.owner,
         "deadline": m.deadline, "shortcoming": m.shortcoming, "leader": m.leader,
         "standard": m.standard, "progress": m.progress, "number": m.number}
        for n, m in enumerate(data.measures)])
    bureau.table("seals").insert_all([{"department_id": dept.id, **s.__dict__} for s in seals])
    return flagged


def department_label(data: DepartmentData) -> str:
    """``办公室 (revision 2)`` for messages."""
    return _("{name} (revision {revision})").format(name=data.department.name,
                                                    revision=data.department.revision)


# --- what the merge asks the bureau file -------------------------------------------------------

def department_exists(af: AssessmentFile, department_id: str) -> bool:
    """True when the bureau file holds this department."""
    db = connection(af)
    return db.execute("SELECT 1 FROM departments WHERE id = ?", [department_id]).fetchone() \
        is not None


def source_of_name(af: AssessmentFile, name: str, other_than: str) -> str | None:
    """The file another department of this name (compared as ``same_name`` does) was merged
    from (None: the name is free)."""
    db = connection(af)
    for other, source in db.execute("SELECT name, source_file FROM departments WHERE id != ?",
                                    [other_than]):
        if same_name(str(other)) == same_name(name):
            return str(source)
    return None


def add_blob_bytes(af: AssessmentFile, sha256: str, content: bytes) -> None:
    """Store a verified document unless the bureau file has it already."""
    db = connection(af)
    if not db.execute("SELECT 1 FROM evidence_blobs WHERE sha256 = ?", [sha256]).fetchone():
        db.execute("INSERT INTO evidence_blobs (sha256, size, content) VALUES (?, ?, ?)",
                   [sha256, len(content), content])
        record_head(db, sha256, content)


def keep_history(af: AssessmentFile, existing: DepartmentData, fingerprint: str, period: str) -> None:
    """Keep the revision being replaced, reviews included, in department_history."""
    db = connection(af)
    old = existing.department
    db.table("department_history").insert({
        "department_id": old.id, "revision": old.revision, "digest": old.digest,
        "sealed": int(old.sealed), "source_file": old.source_file,
        "merged_at": old.merged_at, "replaced_at": now_text(),
        "content": json.dumps(history_record(existing, fingerprint, period),
                              ensure_ascii=False, sort_keys=True)})


def set_cache_kb(af: AssessmentFile, kilobytes: int) -> None:
    """The connection's page cache (a merge writes gigabytes: a larger cache spills less)."""
    db = connection(af)
    db.execute(f"PRAGMA cache_size = {-int(kilobytes)}")


def earlier_names(af: AssessmentFile) -> dict[str, str]:
    """Each department's name in the revision it replaced last (department_history): department
    id → that name. Only the name is read out of each kept revision (by SQLite, not by parsing
    every revision's whole content), since every read of a bureau file asks."""
    found: dict[str, str] = {}
    for department_id, name in connection(af).execute(
            "SELECT department_id, json_extract(content, '$.department.name') "
            "FROM department_history WHERE json_valid(content) ORDER BY id"):
        if isinstance(name, str):  # an unreadable history row names nobody
            found[str(department_id)] = name
    return found


def replaced_content(af: AssessmentFile, department_id: str) -> dict[str, Any] | None:
    """What ``department_history`` kept of the revision the current one replaced (the mapping
    its digest covered, reviews included), or None when none was replaced or it is unreadable."""
    row = connection(af).execute(
        "SELECT content FROM department_history WHERE department_id = ? ORDER BY id DESC "
        "LIMIT 1", [department_id]).fetchone()
    if row is None or not isinstance(row[0], str):
        return None
    try:
        content = json.loads(row[0])
    except ValueError:
        return None
    return content if isinstance(content, dict) else None
