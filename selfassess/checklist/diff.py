"""What changed between two checklists (``selfassess checklist diff OLD NEW``): items added,
removed, renamed, split or merged, and items whose points or wording changed.

Items are followed through the new checklist's ``previous:`` map when it names the old one;
an old item it does not list goes on under the same code, or, when that code is gone, is
reported as ``unmapped`` (what a carry-over could not place). Without a map, items are matched
by code. Bonus and veto items are matched by code.
"""

from __future__ import annotations

from collections import defaultdict

from selfassess.checklist.model import Checklist, Item
from selfassess.i18n import N_, _
from selfassess.numbers import decimal_text
from selfassess.record import record

KINDS = ("renamed", "split", "merged", "removed", "unmapped", "added", "points", "text",
         "stale")  # stale: the map names an old code the old checklist does not have


@record
class ChecklistChange:
    """One line of a checklist diff: a fixed English keyword, codes old and new, and what."""

    kind: str  # one of KINDS
    old: tuple[str, ...]
    new: tuple[str, ...]
    detail: str = ""

    def line(self) -> str:
        """``split 2.1 → 2.1, 2.2: …`` (the keyword stays English, as merge lines do)."""
        codes = ", ".join(self.old or self.new)
        if self.old and self.new and self.kind in ("renamed", "split", "merged", "stale"):
            codes = f"{', '.join(self.old)} → {', '.join(self.new)}"
        if not codes:  # about the checklists, not an item
            return f"{self.kind}: {self.detail}"
        return f"{self.kind} {codes}" + (f": {self.detail}" if self.detail else "")


def item_map(old: Checklist, new: Checklist) -> dict[str, tuple[str, ...]]:
    """Each old item code → the new codes that carry it on (empty: removed); old codes that
    neither the map nor the new checklist place are left out (see ``unmapped_items``)."""
    previous = new.previous if new.previous is not None and new.previous.id == old.id else None
    placed = {}
    for item in old.items:
        targets = previous.targets(item.code) if previous is not None else None
        if targets is None and item.code in new.items_by_code:
            targets = (item.code,)
        if targets is not None:
            placed[item.code] = targets
    return placed


def unmapped_items(old: Checklist, new: Checklist) -> list[str]:
    """Old item codes a carry-over cannot place: not mapped, and gone from the new checklist."""
    placed = item_map(old, new)
    return [item.code for item in old.items if item.code not in placed]


def checklist_diff(old: Checklist, new: Checklist) -> list[ChecklistChange]:
    """Every difference, in the new checklist's order where it has one."""
    changes: list[ChecklistChange] = []
    if new.previous is not None and (new.previous.id, new.previous.version) != (old.id,
                                                                                  old.version):
        how = (_("its map is used as written") if new.previous.id == old.id
               else _("items are matched by code"))
        changes.append(ChecklistChange("unmapped", (), (), _(
            "{new} follows {previous} {version}, not {old} {old_version}: {how}").format(
            new=f"{new.id} {new.version}", previous=new.previous.id,
            version=new.previous.version, old=old.id, old_version=old.version, how=how)))
    if new.previous is not None and new.previous.id == old.id:
        for code, targets in new.previous.items:
            if code not in old.items_by_code:  # a slip in the map: it moves nothing
                changes.append(ChecklistChange("stale", (code,), targets, _(
                    "the map names {code}, which {old} {version} does not have").format(
                    code=code, old=old.id, version=old.version)))
    placed = item_map(old, new)
    sources: dict[str, list[str]] = defaultdict(list)  # new code → the old codes it carries
    for old_code, targets in placed.items():
        for target in targets:
            sources[target].append(old_code)
    for item in old.items:
        carried = placed.get(item.code)
        if carried is None:
            changes.append(ChecklistChange("unmapped", (item.code,), (), item.title))
        elif not carried:
            changes.append(ChecklistChange("removed", (item.code,), (), item.title))
        elif len(carried) > 1:
            changes.append(ChecklistChange("split", (item.code,), carried, item.title))
    for item in new.items:
        olds = sources.get(item.code, [])
        if not olds:
            changes.append(ChecklistChange("added", (), (item.code,), item.title))
        elif len(olds) > 1:
            changes.append(ChecklistChange("merged", tuple(olds), (item.code,), item.title))
        elif olds[0] != item.code and len(placed[olds[0]]) == 1:
            changes.append(ChecklistChange("renamed", (olds[0],), (item.code,), item.title))
        if len(olds) == 1 and len(placed[olds[0]]) == 1:
            changes += _item_changes(old.items_by_code[olds[0]], item)
    old_bonus = {b.code: b for b in old.bonus_items}
    for bonus in new.bonus_items:
        before = old_bonus.pop(bonus.code, None)
        if before is None:
            changes.append(ChecklistChange("added", (), (bonus.code,), bonus.title))
            continue
        if before.max_points != bonus.max_points:
            changes.append(ChecklistChange("points", (bonus.code,), (bonus.code,), _(
                "{old} → {new} points").format(old=decimal_text(before.max_points),
                                               new=decimal_text(bonus.max_points))))
        if (before.title, before.rule) != (bonus.title, bonus.rule):
            changes.append(ChecklistChange("text", (bonus.code,), (bonus.code,),
                                           _("wording changed")))
    changes += [ChecklistChange("removed", (b.code,), (), b.title) for b in old_bonus.values()]
    old_veto = {v.code: v for v in old.veto_items}
    for veto in new.veto_items:
        earlier = old_veto.pop(veto.code, None)
        if earlier is None:
            changes.append(ChecklistChange("added", (), (veto.code,), veto.text))
        elif earlier.text != veto.text:
            changes.append(ChecklistChange("text", (veto.code,), (veto.code,),
                                           _("wording changed")))
    changes += [ChecklistChange("removed", (v.code,), (), v.text) for v in old_veto.values()]
    return changes


WORDED = {"title": N_("title"), "content": N_("what is checked"),
          "criteria": N_("scoring rules")}


def _item_changes(before: Item, after: Item) -> list[ChecklistChange]:
    """Points and wording of one item carried on under one code."""
    found = []
    codes = ((before.code,), (after.code,))
    if before.max_points != after.max_points:
        found.append(ChecklistChange("points", *codes, _("{old} → {new} points").format(
            old=decimal_text(before.max_points), new=decimal_text(after.max_points))))
    worded = [_(label) for name, label in WORDED.items()
              if getattr(before, name) != getattr(after, name)]
    if worded:
        found.append(ChecklistChange("text", *codes, _("changed: {fields}").format(
            fields=_(", ").join(worded))))
    return found
