"""The checklists shipped with selfassess, and resolving ``--checklist ID|PATH``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from selfassess.checklist.loader import load_checklist_file
from selfassess.checklist.model import Checklist
from selfassess.errors import ChecklistError
from selfassess.i18n import _
from selfassess.paths import resource

DEFAULT_CHECKLIST_ID = "ideology-responsibility"


def builtin_paths() -> dict[str, Path]:
    """Built-in checklist files keyed by id (the file name without ``.yaml``)."""
    folder = resource("checklists")
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))}


@cache
def load_builtin(checklist_id: str) -> Checklist:
    """A built-in checklist by id (loaded and validated once per process)."""
    path = builtin_paths().get(checklist_id)
    if path is None:
        raise ChecklistError(_("unknown built-in checklist “{id}” (known: {known})").format(
            id=checklist_id, known=", ".join(builtin_paths())))
    checklist = load_checklist_file(path)
    if checklist.id != checklist_id:
        raise ChecklistError(f"{path.name}: " + _("its id “{id}” does not match the file name")
                             .format(id=checklist.id))
    return checklist


def builtin_checklists() -> list[Checklist]:
    """Every built-in checklist."""
    return [load_builtin(checklist_id) for checklist_id in builtin_paths()]


def resolve_checklist(spec: str | None) -> Checklist:
    """A built-in id, or a path to a YAML checklist file; the default checklist when None."""
    if not spec:
        return load_builtin(DEFAULT_CHECKLIST_ID)
    if spec in builtin_paths():
        return load_builtin(spec)
    path = Path(spec)
    if path.is_file() and path.suffix.lower() == ".xlsx":
        from selfassess.office.checklist_xlsx import read_checklist_workbook

        return read_checklist_workbook(path)
    if path.is_file():
        return load_checklist_file(path)
    raise ChecklistError(_("“{spec}” is neither a built-in checklist nor a checklist file").format(
        spec=spec))
