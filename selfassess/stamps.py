"""What each printed document is bound to (its 核对码 ``Stamp``), from the read model: the
same for printing and for ``verify-print``, so a page checks against the file it came from."""

from __future__ import annotations

from selfassess.checkcode import Stamp, bureau_key, content_hash
from selfassess.numbers import decimal_text
from selfassess.standing import DepartmentStanding, Standing
from selfassess.store import merge_log
from selfassess.store.assessment import AssessmentFile
from selfassess.store.sealing import content_digest


def department_stamp(af: AssessmentFile, department: DepartmentStanding,
                     ledger: bool = False) -> Stamp:
    """A department's sheet: bound to its seal's digest (the same in its own file and in the
    bureau's), or for a draft to the digest of what it holds now; printed from a bureau with
    review scores or an adjusted grade, to those too. Its 整改台账 (``ledger``), which changes
    on a sealed file, also to where each measure stands."""
    data = department.data
    sealed = data.department.sealed and department.digest is not None
    digest = department.digest if sealed and department.digest else content_digest(
        data, af.checklist.fingerprint, af.info.period, data.department.revision)
    added: dict[str, object] = {}
    if af.info.kind == "bureau":
        reviewed = _reviews(department)
        if any(reviewed.values()):
            added["reviews"] = reviewed
    if ledger and department.ledger:
        added["ledger"] = _ledger(department)
    if added:  # unchanged otherwise: a sheet from the department's file checks in the bureau's
        digest = content_hash({"seal": digest, **added})
    return Stamp("department", data.department.id, data.department.name,
                 data.department.revision, digest, not sealed)


def _reviews(department: DepartmentStanding) -> dict[str, object]:
    data = department.data
    adjustment = department.adjustment
    return {
        "items": sorted((code, str(a.review_score), a.review_reason)
                        for code, a in data.answers.items() if a.review_score is not None),
        "bonus": sorted((code, str(c.review_points), c.review_reason)
                        for code, c in data.bonus.items() if c.review_points is not None),
        "veto": sorted((code, str(v.review_triggered), v.review_reason)
                       for code, v in data.veto.items() if v.review_triggered is not None),
        "adjusted": [adjustment.grade, adjustment.reason, adjustment.lowers]
        if adjustment is not None else [],
    }


def _ledger(department: DepartmentStanding) -> list[object]:
    return [(n, e.status, e.deadline, e.closed_by, [(note.at, note.text) for note in e.notes],
             [doc.sha256 for doc in e.evidence]) for n, e in sorted(department.ledger.items())]


def bureau_stamp(af: AssessmentFile, standing: Standing, marked_draft: bool = False) -> Stamp:
    """A bureau's report and ledger: bound to everything they print from. Its revision is the
    number of audit lines (every merge, review, return, approval and 销号 adds some)."""
    content = {
        "period": af.info.period, "bureau": af.info.bureau_name,
        # the roster and the last merge run's refusals as part 4 prints them (a refused or
        # unchanged merge changes that table, so an earlier print no longer is the report)
        "roster": [(line.name, line.received, line.outcome, line.reason)
                   for line in standing.roster],
        "refused": [(row.file_name, row.outcome, row.reason)
                    for row in merge_log.rows(af, last_run_only=True)
                    if row.outcome in ("refused", "conflict")],
        "history": [(year.period, year.source_sha256) for year in standing.history],
        "departments": [_department_content(d) for d in sorted(
            standing.departments, key=lambda d: d.id)],
    }
    drafts = any(not d.sealed for d in standing.departments)
    return Stamp("bureau", bureau_key(af.info.bureau_name, af.info.period, af.info.created_at),
                 af.info.bureau_name, af.audit_count(), content_hash(content),
                 marked_draft or drafts)


def _department_content(department: DepartmentStanding) -> dict[str, object]:
    data = department.data
    return {
        "id": department.id, "name": department.name, "revision": data.department.revision,
        "digest": department.digest, "sealed": data.department.sealed,
        "total": decimal_text(department.final.total), "grade": department.final.grade,
        "state": department.state,
        "reviews": _reviews(department),
        "returns": [(r.revision, r.returned_at) for r in department.returns],
        "approvals": [(a.revision, a.approved_at, a.withdrawn_at) for a in department.approvals],
        "ledger": _ledger(department),
    }
