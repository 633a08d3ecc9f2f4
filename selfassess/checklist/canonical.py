"""The canonical form of a checklist: a plain mapping (also the YAML/JSON file shape).

The fingerprint is the SHA-256 of the canonical JSON of this mapping. The mapping is complete
(every field, defaults included) so that loading it again gives an identical checklist and
therefore the same fingerprint: this is how a snapshot inside a .selfassess file is checked.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from selfassess.checklist.model import Checklist, Item
from selfassess.numbers import decimal_text


def _item_mapping(item: Item) -> dict[str, Any]:
    return {
        "code": item.code,
        "title": item.title,
        "max_points": decimal_text(item.max_points),
        "step": decimal_text(item.step),
        "mode": item.mode,
        "content": item.content,
        "criteria": item.criteria,
        "evidence_hint": item.evidence_hint,
        "target": item.target,
        "reference": item.reference,
        "na_allowed": item.na_allowed,
        "evidence_required": item.evidence_required,
        # only when declared, so the checklists made before keep their fingerprints
        **({"evidence_requirements": [
            {"name": r.name, "min": r.minimum, "types": list(r.types)}
            for r in item.evidence_requirements]} if item.evidence_requirements else {}),
        "deductions": [
            {
                "code": rule.code,
                "text": rule.text,
                "points": decimal_text(rule.points),
                "per_occurrence": rule.per_occurrence,
                "unit": rule.unit,
                "cap": None if rule.cap is None else decimal_text(rule.cap),
            }
            for rule in item.deductions
        ],
        "counts": [
            {
                "code": count.code,
                "text": count.text,
                "target": count.target,
                "points_per_shortfall": decimal_text(count.points_per_shortfall),
                "unit": count.unit,
            }
            for count in item.counts
        ],
        "levels": [
            {"name": level.name, "fraction": decimal_text(level.fraction)} for level in item.levels
        ],
    }


def checklist_mapping(checklist: Checklist) -> dict[str, Any]:
    """The complete canonical mapping of a checklist (``previous`` and ``grade_quota`` only
    when declared, so the checklists made before them keep their fingerprints)."""
    mapping = _mapping(checklist)
    if checklist.previous is not None:
        mapping["previous"] = {"id": checklist.previous.id, "version": checklist.previous.version,
                               "items": {old: list(new) for old, new in checklist.previous.items}}
    if checklist.grade_quota:  # only when declared, like previous
        mapping["grade_quota"] = {quota.grade: decimal_text(quota.share) + "%"
                                  for quota in checklist.grade_quota}
        mapping["grade_quota_rounding"] = checklist.quota_rounding
    return mapping


def _mapping(checklist: Checklist) -> dict[str, Any]:
    return {
        "id": checklist.id,
        "version": checklist.version,
        "title": checklist.title,
        "description": checklist.description,
        "full_marks": decimal_text(checklist.full_marks),
        "step": decimal_text(checklist.step),
        "na_policy": checklist.na_policy,
        "bonus_cap": decimal_text(checklist.bonus_cap),
        "cap_total": checklist.cap_total,
        "grade_bands": [
            {"name": band.name, "min": decimal_text(band.minimum)} for band in checklist.grade_bands
        ],
        "shortcoming_categories": list(checklist.shortcoming_categories),
        "sections": [
            {
                "code": section.code,
                "title": section.title,
                "max_points": decimal_text(section.max_points),
                "suggested_category": section.suggested_category,
                "items": [_item_mapping(item) for item in section.items],
            }
            for section in checklist.sections
        ],
        "bonus_items": [
            {
                "code": bonus.code,
                "title": bonus.title,
                "max_points": decimal_text(bonus.max_points),
                "rule": bonus.rule,
                "evidence_required": bonus.evidence_required,
            }
            for bonus in checklist.bonus_items
        ],
        "veto_items": [{"code": veto.code, "text": veto.text} for veto in checklist.veto_items],
    }


def canonical_json(checklist: Checklist) -> str:
    """Deterministic JSON text of the canonical mapping (sorted keys, no spaces, UTF-8)."""
    return json.dumps(
        checklist_mapping(checklist), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )


def fingerprint(checklist: Checklist) -> str:
    """SHA-256 hex digest of the canonical JSON."""
    return hashlib.sha256(canonical_json(checklist).encode("utf-8")).hexdigest()
