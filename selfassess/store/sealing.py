"""The seal's digest: SHA-256 over a department's whole self-assessment, evidence included.

The digest covers the checklist fingerprint, the period, the department's identity, the
revision and every field the department fills in, with each evidence document's SHA-256 (whose
bytes are re-hashed at seal and at merge), and the digest of the audit lines before the seal
(``audit.audit_digest``; left out for seals made before the format had it). It leaves out the
review group's fields, which are not the department's content.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from selfassess.numbers import decimal_text
from selfassess.store.editing import aid_text
from selfassess.store.records import DepartmentData


def _score(value: Any) -> str | None:
    return None if value is None else decimal_text(value)


def digest_content(data: DepartmentData, checklist_fingerprint: str, period: str,
                   revision: int, audit: str | None = None) -> dict[str, Any]:
    """The canonical mapping the digest is computed over."""
    content = {
        "checklist": checklist_fingerprint,
        "period": period,
        "department": {"id": data.department.id, "name": data.department.name,
                       "filled_by": data.department.filled_by},
        "revision": revision,
        "answers": {
            code: {"self_score": _score(a.self_score), "narrative": a.narrative,
                   "deduction_reason": a.deduction_reason, "not_applicable": a.not_applicable,
                   "na_reason": a.na_reason, "aid": aid_text(a.aid)}
            for code, a in sorted(data.answers.items())
        },
        "bonus": {code: {"points": _score(c.points), "narrative": c.narrative}
                  for code, c in sorted(data.bonus.items())},
        "veto": {code: {"triggered": v.triggered, "explanation": v.explanation}
                 for code, v in sorted(data.veto.items())},
        "shortcomings": [s.__dict__ for s in data.shortcomings],
        # named fields, not __dict__: a measure's number (and its ledger) are outside the seal
        "measures": [{"text": m.text, "owner": m.owner, "deadline": m.deadline,
                      "shortcoming": m.shortcoming, "leader": m.leader, "standard": m.standard,
                      "progress": m.progress} for m in data.measures],
        "evidence": [
            {"target": f"{e.target_kind}:{e.target_code}", "position": e.position,
             "file_name": e.file_name, "media_type": e.media_type, "sha256": e.sha256,
             "size": e.size}
            for e in sorted(data.evidence, key=lambda e: (e.target_kind, e.target_code,
                                                           e.position, e.sha256))
        ],
    }
    if audit is not None:
        content["audit"] = audit
    return content


def content_digest(data: DepartmentData, checklist_fingerprint: str, period: str,
                   revision: int, audit: str | None = None) -> str:
    """SHA-256 hex digest of the canonical JSON of ``digest_content``."""
    text = json.dumps(digest_content(data, checklist_fingerprint, period, revision, audit),
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
