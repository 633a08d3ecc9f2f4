"""What changed between two revisions of a department: the merge's reason for a resubmission
(重报) and the review page's 已修改 marks, with old → new.

Both sides are the mapping a seal's digest is computed over (``store.sealing.digest_content``):
what the bureau file holds now, and what ``department_history`` kept of the revision it
replaced. The review group's own entries are not part of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from selfassess.checklist.model import Checklist
from selfassess.i18n import N_, _, join_list
from selfassess.record import record
from selfassess.store import AssessmentFile, DepartmentData
from selfassess.store.sealing import digest_content
from selfassess.store.transfer import replaced_content

# what the department fills in, per entry, grouped as the review page shows it
_ITEM_FIELDS = {"score": ("self_score", "not_applicable"), "narrative": ("narrative",),
                "reason": ("deduction_reason", "na_reason")}
_BONUS_FIELDS = {"points": ("points",), "narrative": ("narrative",)}
_VETO_FIELDS = {"declaration": ("triggered",), "explanation": ("explanation",)}
FIELD_LABELS = {"score": N_("self score"), "narrative": N_("narrative"),
                "reason": N_("reason"), "points": N_("points"),
                "declaration": N_("declaration"), "explanation": N_("explanation")}


@record
class EntryChange:
    """One item, bonus claim or veto declaration that differs between two revisions."""

    kind: str  # item | bonus | veto
    code: str
    fields: tuple[str, ...]  # keys of FIELD_LABELS, in that order
    added: int = 0  # documents attached since
    removed: int = 0  # documents taken off since
    before: Mapping[str, Any] | None = None  # the entry as it was (None: there was none)
    after: Mapping[str, Any] | None = None

    def details(self) -> list[str]:
        """``Self score: 4 → 3`` per field, texts shortened, for the review page."""
        lines = []
        for name in self.fields:
            old, new = _shown(self.before, name), _shown(self.after, name)
            lines.append(_("{field}: {old} → {new}").format(field=_(FIELD_LABELS[name]),
                                                           old=old, new=new))
        if self.added or self.removed:
            lines.append(_("Evidence: {added} added, {removed} removed").format(
                added=self.added, removed=self.removed))
        return lines

    def text(self) -> str:
        """``1.2 (narrative, evidence +1)``."""
        parts = [_(FIELD_LABELS[name]) for name in self.fields]
        if self.added:
            parts.append(_("evidence +{count}").format(count=self.added))
        if self.removed:
            parts.append(_("evidence −{count}").format(count=self.removed))
        return _("{code} ({changes})").format(code=self.code, changes=join_list(parts))


SHOWN_CHARACTERS = 60


def _shown(entry: Mapping[str, Any] | None, name: str) -> str:
    """One field of an entry as the review page shows it (a long text cut short)."""
    if entry is None:
        return "—"
    if name == "score":
        return _("N/A") if entry.get("not_applicable") else str(entry.get("self_score") or "—")
    if name == "declaration":
        triggered = entry.get("triggered")
        return "—" if triggered is None else (_("yes (有)") if triggered else _("no (无)"))
    keys = {"reason": ("deduction_reason", "na_reason")}.get(name, (name,))
    text = "；".join(str(entry.get(key) or "") for key in keys if entry.get(key)) or "—"
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS] + "…"


def changes_since_replaced(af: AssessmentFile, data: DepartmentData
                           ) -> tuple[int | None, list[EntryChange]]:
    """In a bureau file: the revision the department's current one replaced, and what the
    department changed since ((None, []) when it replaced none)."""
    before = replaced_content(af, data.department.id)
    revision = before.get("revision") if before is not None else None
    if before is None or not isinstance(revision, int):
        return None, []
    after = digest_content(data, af.checklist.fingerprint, af.info.period,
                           data.department.revision)
    return revision, changed_entries(af.checklist, before, after)


def _documents(content: Mapping[str, Any], target: str) -> Counter[str]:
    return Counter(str(e.get("sha256")) for e in content.get("evidence", [])
                   if isinstance(e, dict) and e.get("target") == target)


def _entry(content: Mapping[str, Any], part: str, code: str) -> Mapping[str, Any] | None:
    entries = content.get(part)
    entry = entries.get(code) if isinstance(entries, dict) else None
    return entry if isinstance(entry, dict) else None


def changed_entries(checklist: Checklist, before: Mapping[str, Any], after: Mapping[str, Any]
                    ) -> list[EntryChange]:
    """Every entry whose department-filled content differs, in the checklist's order."""
    found = []
    for kind, part, codes, groups in (
            ("item", "answers", [i.code for i in checklist.items], _ITEM_FIELDS),
            ("bonus", "bonus", [b.code for b in checklist.bonus_items], _BONUS_FIELDS),
            ("veto", "veto", [v.code for v in checklist.veto_items], _VETO_FIELDS)):
        for code in codes:
            old, new = _entry(before, part, code), _entry(after, part, code)
            fields = tuple(name for name, keys in groups.items()
                           if any(_value(old, key) != _value(new, key) for key in keys))
            added = removed = 0
            if kind != "veto":
                target = f"{kind}:{code}"
                then, now = _documents(before, target), _documents(after, target)
                added, removed = sum((now - then).values()), sum((then - now).values())
            if fields or added or removed:
                found.append(EntryChange(kind, code, fields, added, removed, old, new))
    return found


def _value(entry: Mapping[str, Any] | None, key: str) -> Any:
    """A field of an entry, an absent entry read as an empty one (no text, not N/A; a veto
    not declared stays apart from one declared not triggered)."""
    value = entry.get(key) if entry is not None else None
    if value == "" or (key == "not_applicable" and value is False):
        return None
    return value


def changes_text(changes: list[EntryChange]) -> str:
    """``1.2 (narrative, evidence +1), B1 (points)`` for a merge's reason."""
    return join_list(change.text() for change in changes)
