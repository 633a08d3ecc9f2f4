"""The checklist (考核细则): model, YAML loading with validation, canonical form, built-ins."""

from selfassess.checklist.builtin import (
    DEFAULT_CHECKLIST_ID,
    builtin_checklists,
    load_builtin,
    resolve_checklist,
)
from selfassess.checklist.canonical import canonical_json, checklist_mapping
from selfassess.checklist.loader import (
    checklist_from_mapping,
    load_checklist_file,
    load_checklist_text,
)
from selfassess.checklist.model import (
    BonusItem,
    Checklist,
    CountTarget,
    Deduction,
    GradeBand,
    Item,
    Level,
    Section,
    VetoItem,
)

__all__ = [
    "DEFAULT_CHECKLIST_ID",
    "BonusItem",
    "Checklist",
    "CountTarget",
    "Deduction",
    "GradeBand",
    "Item",
    "Level",
    "Section",
    "VetoItem",
    "builtin_checklists",
    "canonical_json",
    "checklist_from_mapping",
    "checklist_mapping",
    "load_builtin",
    "load_checklist_file",
    "load_checklist_text",
    "resolve_checklist",
]
