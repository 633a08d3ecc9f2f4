"""Summaries of a file: scores, totals, grade, rank, completeness and the explanation.

``file_summary`` returns plain JSON-ready data (the contract of ``selfassess summary --json``),
made from the read model (``standing``) in this one place; ``summary_text`` renders it for
people. Departments are listed in the read model's order: by rank, vetoed ones last.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from selfassess.checklist.model import Checklist
from selfassess.i18n import _
from selfassess.numbers import decimal_text, json_number
from selfassess.standing import DepartmentStanding, Standing, Statistics, read_standing
from selfassess.store.assessment import AssessmentFile
from selfassess.store.records import DepartmentData


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


def department_summary(checklist: Checklist, standing: DepartmentStanding) -> dict[str, Any]:
    """One department's entry."""
    data, own, final, digest = standing.data, standing.own, standing.final, standing.digest
    missing = standing.problems
    return {
        "id": data.department.id,
        "name": data.department.name,
        "filled_by": data.department.filled_by,
        "revision": data.department.revision,
        "sealed": data.department.sealed,
        "digest": digest,
        "self_total": json_number(own.total),
        "self_grade": own.grade,
        "base_total": json_number(final.base),
        "bonus": json_number(final.bonus),
        "bonus_claimed": json_number(final.bonus_claimed),
        "total": json_number(final.total),
        "veto": final.veto,
        "vetoed_by": list(final.vetoed_by),
        "grade": final.grade,
        "rank": standing.rank,  # None: vetoed, no rank
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
        "measures": len(data.measures),
        "review": review_progress(checklist, data),
    }


def review_progress(checklist: Checklist, data: DepartmentData) -> dict[str, int]:
    """How far the review group got: items reviewed, and reviews to redo after a new revision."""
    answers = data.answers.values()
    return {
        "items": len(checklist.items),
        "reviewed": sum(1 for a in answers if a.review_score is not None),
        "to_redo": sum(1 for a in answers if a.review_flag)
        + sum(1 for b in data.bonus.values() if b.review_flag)
        + sum(1 for v in data.veto.values() if v.review_flag),
        "differences": sum(1 for a in answers
                           if a.review_score is not None and a.review_score != a.self_score),
    }


def statistics_summary(stats: Statistics) -> dict[str, Any]:
    """The statistics part of a summary (the figures every output prints)."""
    return {
        "count": stats.count,
        "mean": _n(stats.mean),
        "highest": _n(stats.highest),
        "lowest": _n(stats.lowest),
        "grades": dict(stats.grades),
        "sections": {loss.code: {"possible": json_number(loss.possible),
                                 "lost": json_number(loss.lost), "rate": json_number(loss.rate)}
                     for loss in stats.sections},
    }


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
    read model (read here unless given)."""
    standing = standing or read_standing(af)
    entries = [department_summary(af.checklist, d) for d in standing.departments]
    summary: dict[str, Any] = {
        "kind": af.info.kind,
        "file": af.path.name,
        "period": af.info.period,
        "bureau_name": af.info.bureau_name,
        "checklist": checklist_summary(af.checklist),
        "departments": entries,
        "statistics": statistics_summary(standing.statistics),
    }
    if af.info.kind == "bureau":
        from selfassess.bureau.roster import roster

        merged = {entry["id"] for entry in entries}
        names = {entry["name"] for entry in entries}
        summary["roster"] = [{"name": e.name, "department_id": e.department_id,
                              "received": e.department_id in merged or e.name in names}
                             for e in roster(af)]
        summary["missing"] = [e["name"] for e in summary["roster"] if not e["received"]]
        summary["drafts"] = [entry["name"] for entry in entries if not entry["sealed"]]
    return summary


def summary_text(summary: dict[str, Any]) -> str:
    """A readable summary for the terminal."""
    kind = _("department file") if summary["kind"] == "department" else _("bureau file")
    checklist = summary["checklist"]
    lines = [
        f"{summary['file']} ({kind})",
        _("Checklist: {title} ({id} {version})").format(**checklist),
        _("Period: {period}").format(period=summary["period"] or "—"),
    ]
    if summary["kind"] == "bureau":
        lines.append(_("Bureau: {name}").format(name=summary["bureau_name"]))
        lines.append(_("Received {received} of {expected}; missing: {missing}").format(
            received=sum(1 for e in summary["roster"] if e["received"]),
            expected=len(summary["roster"]), missing="、".join(summary["missing"]) or "—"))
        if summary["drafts"]:
            lines.append(_("Drafts (not sealed): {names}").format(names="、".join(summary["drafts"])))
        lines.append("")
        lines.append(_("Rank  Department  State  Self total  Total  Grade  Reviewed"))
        for dept in summary["departments"]:
            state = (_("sealed, revision {revision}") if dept["sealed"] else _("draft")).format(
                revision=dept["revision"])
            review = dept["review"]
            redo = _(" ({count} to redo)").format(count=review["to_redo"]) if review["to_redo"] else ""
            lines.append(f"{dept['rank'] or '—':>4}  {dept['name']}  {state}  {dept['self_total']}  "
                         f"{dept['total']}  {dept['grade']}  "
                         f"{review['reviewed']}/{review['items']}{redo}")
        return "\n".join(lines)
    for dept in summary["departments"]:
        if dept["sealed"]:
            state = _("sealed, revision {revision}").format(revision=dept["revision"])
        elif dept["revision"]:
            state = _("draft, last sealed revision {revision}").format(revision=dept["revision"])
        else:
            state = _("draft, never sealed")
        lines += ["", _("Department: {name} ({state})").format(name=dept["name"], state=state)]
        for code, section in dept["sections"].items():
            lines.append(f"  {code}. {section['title']}  {section['final']} / {section['max']}")
        totals = _("  Base {base}  Bonus {bonus}  Total {total}  Grade {grade}").format(
            base=dept["base_total"], bonus=dept["bonus"], total=dept["total"], grade=dept["grade"])
        if len(summary["departments"]) > 1:
            totals += _("  Rank {rank}").format(rank=dept["rank"] or "—")
        lines.append(totals)
        if dept["explanation"]:
            lines.append(_("  How the total came about:"))
            lines += [f"    {entry['text']}" for entry in dept["explanation"]]
        if dept["missing"]:
            lines.append(_("  Not ready to seal ({count}):").format(count=len(dept["missing"])))
            lines += [f"    {entry['message']}" for entry in dept["missing"]]
        else:
            lines.append(_("  Complete: ready to seal.") if not dept["sealed"] else _("  Complete."))
    return "\n".join(lines)
