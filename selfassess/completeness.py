"""Seal's completeness checks (封存前检查): what must be filled in before a file can be sealed.

Pure: checklist + a department's data in, a list of problems out (every one, not the first).
Each problem names the place to fix (``target`` = item / bonus / veto + code) so the GUI can
link to it and the CLI can print it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from selfassess.checklist.model import Checklist, requirements_met
from selfassess.i18n import _
from selfassess.record import record

if TYPE_CHECKING:  # the store imports this module: no import of it at run time
    from selfassess.store.records import DepartmentData


@record
class Problem:
    """One failing check. ``check`` is a fixed English keyword scripts may rely on."""

    target: str  # "item" | "bonus" | "veto"
    code: str
    check: str  # unanswered | na_reason | deduction_reason | evidence | veto_undeclared | veto_explanation
    message: str


def completeness_problems(checklist: Checklist, data: DepartmentData) -> list[Problem]:
    """Everything that blocks sealing, in checklist order."""
    problems: list[Problem] = []
    for item in checklist.items:
        answer = data.answers.get(item.code)
        if answer is not None and answer.not_applicable and item.na_allowed:
            if not answer.na_reason.strip():
                problems.append(Problem("item", item.code, "na_reason",
                                        _("item {code}: not applicable without a reason")
                                        .format(code=item.code)))
            continue
        if answer is None or answer.self_score is None:
            problems.append(Problem("item", item.code, "unanswered",
                                    _("item {code} ({title}) is not answered").format(
                                        code=item.code, title=item.title)))
            continue
        if answer.self_score < item.max_points and not answer.deduction_reason.strip():
            problems.append(Problem("item", item.code, "deduction_reason",
                                    _("item {code}: scored below its maximum without a deduction "
                                      "reason").format(code=item.code)))
        documents = data.evidence_for("item", item.code)
        attached = len(documents)
        if attached < item.evidence_required:
            problems.append(Problem("item", item.code, "evidence",
                                    _("item {code}: {required} evidence file(s) required, {attached} "
                                      "attached").format(code=item.code,
                                                         required=item.evidence_required,
                                                         attached=attached)))
        if not item.evidence_requirements:
            continue
        names = [ref.file_name for ref in documents]
        for requirement, counted in requirements_met(item.evidence_requirements, names):
            if counted < requirement.minimum:
                problems.append(Problem("item", item.code, "evidence", _(
                    "item {code}: {name} needs {minimum} file(s){types}, {counted} attached")
                    .format(code=item.code, name=requirement.name, minimum=requirement.minimum,
                            counted=counted, types=_(" (of type {types})").format(
                                types="/".join(requirement.types))
                            if requirement.types else "")))
    for code in data.carried:
        problems.append(Problem("item", code, "carried", _(
            "item {code}: its narrative was carried over from last year; change it or confirm "
            "it before sealing").format(code=code)))
    for bonus in checklist.bonus_items:
        claim = data.bonus.get(bonus.code)
        if claim is None or not claim.points:
            continue
        required = max(1, bonus.evidence_required)
        attached = len(data.evidence_for("bonus", bonus.code))
        if attached < required:
            problems.append(Problem("bonus", bonus.code, "evidence",
                                    _("bonus item {code}: a claim needs evidence ({required} file(s) "
                                      "required, {attached} attached)").format(
                                        code=bonus.code, required=required, attached=attached)))
    for veto in checklist.veto_items:
        declaration = data.veto.get(veto.code)
        if declaration is None or declaration.triggered is None:
            problems.append(Problem("veto", veto.code, "veto_undeclared",
                                    _("veto item {code} is not declared (无 or 有)").format(
                                        code=veto.code)))
        elif declaration.triggered and not declaration.explanation.strip():
            problems.append(Problem("veto", veto.code, "veto_explanation",
                                    _("veto item {code} is declared 有 without an explanation")
                                    .format(code=veto.code)))
    return problems
