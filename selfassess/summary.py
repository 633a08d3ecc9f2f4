"""Summaries of a file: scores, totals, grade, rank, completeness and the explanation.

``file_summary`` returns plain JSON-ready data (the contract of ``selfassess summary --json``),
made from the read model (``standing``) in this one place; ``summary_text`` renders it for
people. Departments are listed in the read model's order: by rank, vetoed ones last.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from selfassess.checklist.model import Checklist
from selfassess.comparison import completion_rate, lost_every_year, year_mean
from selfassess.evidence_review import completion_flags, review_evidence
from selfassess.i18n import _
from selfassess.numbers import decimal_text, json_number
from selfassess.standing import (
    STATES,
    DepartmentStanding,
    QuotaCheck,
    Standing,
    Statistics,
    read_standing,
)
from selfassess.store.assessment import AssessmentFile
from selfassess.store.history import HistoryYear
from selfassess.store.ledger import LedgerEntry, effective_deadline, overdue
from selfassess.store.records import Department, Measure
from selfassess.store.returns import ReturnRecord


def _n(value: Decimal | None) -> int | float | None:
    return None if value is None else json_number(value)


def checklist_summary(checklist: Checklist) -> dict[str, Any]:
    """The checklist part of a summary."""
    return {
        "id": checklist.id,
        "version": checklist.version,
        "title": checklist.title,
        "fingerprint": checklist.fingerprint,
        "full_marks": json_number(checklist.full_marks),
        "na_policy": checklist.na_policy,
        "bonus_cap": json_number(checklist.bonus_cap),
        "cap_total": checklist.cap_total,
        "item_count": len(checklist.items),
        "grade_bands": [[band.name, json_number(band.minimum)] for band in checklist.grade_bands],
    }


def return_summary(record: ReturnRecord | None) -> dict[str, Any] | None:
    """A return as summary --json gives it."""
    if record is None:
        return None
    return {"revision": record.revision, "at": record.returned_at, "by": record.returned_by,
            "note": record.note, "reopened_at": record.reopened_at,
            "entries": [{"kind": e.kind, "code": e.code, "reason": e.reason}
                        for e in record.entries]}


def to_remind(standing: Standing) -> list[dict[str, Any]]:
    """催报: who has not reported (or sent only a draft), and who was returned and has not sent
    the correction, with since when (oldest first)."""
    waiting = [{"name": line.name, "state": "missing", "since": line.since, "entries": []}
               for line in standing.roster if not line.received]
    waiting += [{"name": d.name, "state": d.state, "since": d.state_since,
                 "entries": [e.code for e in d.last_return.entries]
                 if d.last_return and d.state == "returned" else []}
                for d in standing.departments if d.state in ("returned", "draft")]
    order = ("missing", "draft", "returned")  # at the same moment, the one waited for longest
    return sorted(waiting, key=lambda entry: (entry["since"], order.index(entry["state"])))


def measure_summary(measure: Measure, entry: LedgerEntry | None, today: date) -> dict[str, Any]:
    """A measure with where it stands in the 整改台账 (三色: green, yellow, red, or None when
    its deadline is not a date)."""
    return {"id": measure.number, "text": measure.text, "owner": measure.owner,
            # the deadline it is held to; the sealed one too when it was put back since
            "deadline": effective_deadline(measure, entry),
            "sealed_deadline": measure.deadline, "shortcoming": measure.shortcoming,
            "status": entry.status if entry else "not_started",
            "overdue": overdue(measure, entry, today),
            "closed_by": entry.closed_by if entry else "",
            "closed_at": entry.closed_at if entry else None,
            "notes": [{"at": note.at, "by": note.actor, "text": note.text}
                      for note in (entry.notes if entry else ())],
            "evidence": [{"name": document.file_name, "sha256": document.sha256,
                          "size": document.size, "added_at": document.added_at,
                          "by": document.added_by}
                         for document in (entry.evidence if entry else ())]}


def department_summary(checklist: Checklist, standing: DepartmentStanding,
                       today: date | None = None) -> dict[str, Any]:
    """One department's entry (``today`` decides which measures are overdue)."""
    today = today or date.today()
    data, own, final, digest = standing.data, standing.own, standing.final, standing.digest
    missing = standing.problems
    return {
        "id": data.department.id,
        "name": data.department.name,
        "filled_by": data.department.filled_by,
        "revision": data.department.revision,
        "sealed": data.department.sealed,
        "digest": digest,
        "state": standing.state,
        "state_since": standing.state_since,
        "last_return": return_summary(standing.last_return),
        "approval": None if standing.approval is None else {
            "revision": standing.approval.revision, "digest": standing.approval.digest,
            "at": standing.approval.approved_at, "by": standing.approval.approved_by},
        "self_total": json_number(own.total),
        "self_grade": own.grade,
        "base_total": json_number(final.base),
        "bonus": json_number(final.bonus),
        "bonus_claimed": json_number(final.bonus_claimed),
        "total": json_number(final.total),
        "veto": final.veto,
        "vetoed_by": list(final.vetoed_by),
        "grade": final.grade,  # as the scores give it
        "adjusted_grade": adjustment_summary(standing),  # 等次调整 by the secretary, or None
        "decided_grade": standing.grade,  # the adjusted one where it applies, else ``grade``
        "rank": standing.rank,  # None: vetoed, no rank
        "renamed_from": standing.renamed_from,
        "complete": not missing,
        "missing": [{"target": p.target, "code": p.code, "check": p.check, "message": p.message}
                    for p in missing],
        "sections": {
            section.code: {
                "title": section.title,
                "max": json_number(section.max_points),
                "applicable_max": json_number(final.sections[section.code].applicable_max),
                "self": json_number(own.sections[section.code].score),
                "final": json_number(final.sections[section.code].score),
            }
            for section in checklist.sections
        },
        "items": {
            item.code: {
                "max": json_number(item.max_points),
                "self": _n(answer.self_score) if (answer := data.answers.get(item.code)) else None,
                "review": _n(answer.review_score) if answer else None,
                "final": _n(final.items[item.code]),
                "not_applicable": bool(answer and answer.not_applicable),
                "evidence": len(data.evidence_for("item", item.code)),
            }
            for item in checklist.items
        },
        "bonus_items": {
            code: {"self": _n(claim.points), "review": _n(claim.review_points),
                   "evidence": len(data.evidence_for("bonus", code))}
            for code, claim in sorted(data.bonus.items())
        },
        "veto_items": {
            veto.code: {"declared": declaration.triggered if declaration else None,
                        "review": declaration.review_triggered if declaration else None}
            for veto in checklist.veto_items
            for declaration in [data.veto.get(veto.code)]
        },
        "explanation": [{"kind": e.kind, "code": e.code, "points": json_number(e.points),
                         "text": e.text} for e in final.explanation],
        "shortcomings": len(data.shortcomings),
        "measures": [measure_summary(m, standing.ledger.get(m.number or 0), today)
                     for m in data.measures],
        "review": {"items": standing.review.items, "reviewed": standing.review.reviewed,
                   "to_redo": standing.review.to_redo,
                   "differences": standing.review.differences},
        # 年度对比: the same department in earlier years (oldest first), and the items it lost
        # points on this year and in each of them
        "history": [{"period": result.period, "name": result.name,
                     "self_total": json_number(result.own_total),
                     "total": json_number(result.total), "grade": result.grade,
                     "rank": result.rank, "measures": result.measures,
                     "measures_done": result.measures_done} for result in standing.earlier],
        "lost_every_year": lost_every_year(checklist, standing),
    }


def history_summary(year: HistoryYear) -> dict[str, Any]:
    """One earlier year as the bureau keeps it."""
    return {"period": year.period, "bureau_name": year.bureau_name,
            "checklist": {"id": year.checklist_id, "version": year.checklist_version},
            "departments": len(year.departments), "mean": _n(year_mean(year)),
            "measures": sum(result.measures for result in year.departments),
            "measures_done": sum(result.measures_done for result in year.departments),
            "completion_rate": _n(completion_rate(year)), "added_at": year.added_at,
            "added_by": year.added_by, "source_sha256": year.source_sha256}


def statistics_summary(stats: Statistics) -> dict[str, Any]:
    """The statistics part of a summary (the figures every output prints)."""
    return {
        "count": stats.count,
        "mean": _n(stats.mean),
        "highest": _n(stats.highest),
        "lowest": _n(stats.lowest),
        "grades": dict(stats.grades),
        "sections": {loss.code: {"possible": json_number(loss.possible),
                                 "lost": json_number(loss.lost), "rate": json_number(loss.rate),
                                 "mean": _n(loss.mean)}
                     for loss in stats.sections},
        # items that lost points, highest loss rate first (a JSON object keeps this order)
        "items": {loss.code: {"possible": json_number(loss.possible),
                              "lost": json_number(loss.lost), "rate": json_number(loss.rate),
                              "departments": list(loss.losers)}
                  for loss in stats.items},
    }


def quota_lines(quotas: tuple[QuotaCheck, ...], total: int) -> list[str]:
    """等次比例, one line per quota: the share, what the scores give, what the adjustments
    leave, and whether it is kept (the same words in the report, the app and the terminal)."""
    lines = []
    for quota in quotas:
        line = _("等次比例 {grade}: at most {share}% ({allowed} of {total}); {computed} by their "
                 "scores, {count} after adjustment").format(
            grade=quota.grade, share=decimal_text(quota.share), allowed=quota.allowed,
            total=total, computed=quota.computed, count=quota.count)
        line += (_(" — {excess} over the quota").format(excess=quota.excess) if quota.excess
                 else _(" — within the quota"))
        lines.append(line)
    return lines


def grade_cell(department: DepartmentStanding) -> str:
    """``好``, or ``较好（由“好”调整）`` where the secretary lowered it."""
    if department.grade != department.final.grade:
        return _("{decided} (lowered from {computed})").format(decided=department.grade,
                                                               computed=department.final.grade)
    return department.final.grade


def adjustment_summary(department: DepartmentStanding) -> dict[str, Any] | None:
    """A department's 等次调整, or None."""
    adjustment = department.adjustment
    if adjustment is None:
        return None
    return {"grade": adjustment.grade, "reason": adjustment.reason, "by": adjustment.adjusted_by,
            "at": adjustment.adjusted_at, "applies": adjustment.lowers}


def statistics_text(stats: Statistics) -> str:
    """The statistics in one line, as the PDF, the workbook and the screen print them."""
    if stats.mean is None or stats.highest is None or stats.lowest is None:
        return _("No department has been merged yet.")
    return _("Average {mean}, highest {high}, lowest {low}. By grade: {grades}.").format(
        mean=decimal_text(stats.mean), high=decimal_text(stats.highest),
        low=decimal_text(stats.lowest),
        grades=_(", ").join(f"{k} {v}" for k, v in stats.grades))  # "，" in Chinese


def file_summary(af: AssessmentFile, standing: Standing | None = None) -> dict[str, Any]:
    """The whole summary of an open file (validates every stored value on the way), from its
    read model (read here unless given): the one place JSON is made from it."""
    standing = standing or read_standing(af)
    flags = [flag for line in review_evidence(af, standing) for flag in line.flags]
    flags += completion_flags(af, ((d.id, d.ledger) for d in standing.departments))
    summary: dict[str, Any] = {
        "kind": standing.info.kind,
        "file": standing.path_name,
        "period": standing.info.period,
        "bureau_name": standing.info.bureau_name,
        "checklist": checklist_summary(standing.checklist),
        "departments": [department_summary(standing.checklist, d) for d in standing.departments],
        "statistics": statistics_summary(standing.statistics),
        # what the review group should look at about the documents (they never block)
        "evidence_flags": [{"department_id": flag.department_id, "target": flag.target,
                            "file": flag.file_name, "sha256": flag.sha256, "kind": flag.kind,
                            "text": flag.text} for flag in flags],
    }
    if standing.info.kind == "bureau":
        summary["roster"] = [{"name": line.name, "department_id": line.department_id,
                              "received": line.received, "last_outcome": line.outcome,
                              "last_reason": line.reason} for line in standing.roster]
        summary["missing"] = standing.missing
        summary["drafts"] = standing.drafts
        summary["to_remind"] = to_remind(standing)
        summary["history"] = [history_summary(year) for year in standing.history]
        summary["grade_quota"] = [
            {"grade": quota.grade, "share": json_number(quota.share), "allowed": quota.allowed,
             "computed": quota.computed, "count": quota.count, "excess": quota.excess}
            for quota in standing.quotas]
    return summary


def _state(department: Department) -> str:
    if department.sealed:
        return _("sealed, revision {revision}").format(revision=department.revision)
    if department.revision:
        return _("draft, last sealed revision {revision}").format(revision=department.revision)
    return _("draft, never sealed")


def summary_text(standing: Standing) -> str:
    """A readable summary for the terminal, from the same read model as every output."""
    info, checklist = standing.info, standing.checklist
    kind = _("department file") if info.kind == "department" else _("bureau file")
    lines = [
        f"{standing.path_name} ({kind})",
        _("Checklist: {title} ({id} {version})").format(
            title=checklist.title, id=checklist.id, version=checklist.version),
        _("Period: {period}").format(period=info.period or "—"),
    ]
    if info.kind == "bureau":
        lines.append(_("Bureau: {name}").format(name=info.bureau_name))
        lines.append(_("Received {received} of {expected}; missing: {missing}").format(
            received=sum(1 for line in standing.roster if line.received),
            expected=len(standing.roster), missing="、".join(standing.missing) or "—"))
        if standing.drafts:
            lines.append(_("Drafts (not sealed): {names}").format(names="、".join(standing.drafts)))
        returned = [d.name for d in standing.departments if d.state == "returned"]
        if returned:
            lines.append(_("Returned, correction not yet received: {names}").format(
                names="、".join(returned)))
        lines.append(statistics_text(standing.statistics))
        lines += quota_lines(standing.quotas, standing.statistics.count)
        lines.append("")
        lines.append(_("Rank  Department  State  Self total  Total  Grade  Reviewed"))
        for dept in standing.departments:
            state = _("{state}, revision {revision}").format(
                state=_(STATES[dept.state]), revision=dept.data.department.revision)
            review = dept.review
            redo = _(" ({count} to redo)").format(count=review.to_redo) if review.to_redo else ""
            lines.append(f"{dept.rank or '—':>4}  {dept.name}  {state}  "
                         f"{decimal_text(dept.own.total)}  {decimal_text(dept.final.total)}  "
                         f"{grade_cell(dept)}  {review.reviewed}/{review.items}{redo}")
        return "\n".join(lines)
    for dept in standing.departments:
        final = dept.final
        lines += ["", _("Department: {name} ({state})").format(
            name=dept.name, state=_state(dept.data.department))]
        if dept.state == "returned" and dept.last_return is not None:
            record = dept.last_return
            lines.append(_("  Returned for correction on {date}: {note}").format(
                date=record.returned_at[:10], note=record.note or "—"))
            lines += [f"    {entry.code} {entry.reason}" for entry in record.entries]
        for section in checklist.sections:
            lines.append(f"  {section.code}. {section.title}  "
                         f"{decimal_text(final.sections[section.code].score)} / "
                         f"{decimal_text(section.max_points)}")
        totals = _("  Base {base}  Bonus {bonus}  Total {total}  Grade {grade}").format(
            base=decimal_text(final.base), bonus=decimal_text(final.bonus),
            total=decimal_text(final.total), grade=final.grade)
        if len(standing.departments) > 1:
            totals += _("  Rank {rank}").format(rank=dept.rank or "—")
        lines.append(totals)
        if final.explanation:
            lines.append(_("  How the total came about:"))
            lines += [f"    {entry.text}" for entry in final.explanation]
        if dept.problems:
            lines.append(_("  Not ready to seal ({count}):").format(count=len(dept.problems)))
            lines += [f"    {problem.message}" for problem in dept.problems]
        else:
            lines.append(_("  Complete: ready to seal.") if not dept.sealed else _("  Complete."))
    return "\n".join(lines)
