"""The secretary's side: the bureau file, its roster, distribution, merging and review."""

from selfassess.bureau.merge import MergeOutcome, merge_files
from selfassess.bureau.review import Review, apply_reviews, load_reviews_file
from selfassess.bureau.roster import (
    create_bureau,
    distribute,
    read_roster_file,
    roster,
    set_roster,
)
from selfassess.errors import MergeCancelled
from selfassess.store.roster_table import RosterEntry

__all__ = [
    "MergeCancelled",
    "MergeOutcome",
    "Review",
    "RosterEntry",
    "apply_reviews",
    "create_bureau",
    "distribute",
    "load_reviews_file",
    "merge_files",
    "read_roster_file",
    "roster",
    "set_roster",
]
