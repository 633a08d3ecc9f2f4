"""The bureau file and its roster (expected departments), and distributing department files.

A roster entry starts as a name; it is bound to a department id either when the secretary
distributes a file for it (the id is fixed in that file) or when the first file arrives under
that name. A later file with the same name and another id is a conflict (see ``merge``).
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from selfassess.checklist.model import Checklist
from selfassess.errors import FileFormatError, InputRefused
from selfassess.i18n import _
from selfassess.inputs import read_input
from selfassess.store import AssessmentFile, roster_table
from selfassess.store.editing import now_text
from selfassess.store.roster_table import RosterEntry
from selfassess.validation import (
    MAX_DATABASE_PATH_BYTES,
    MAX_LIST_ENTRIES,
    MAX_NAME,
    fit_path,
    safe_file_name,
    same_name,
    submission_name,
    text_problem,
)

MAX_ROSTER_BYTES = 1024 * 1024


def parse_roster(text: str, source: str) -> list[str]:
    """Department names, one per line (blank lines and surrounding spaces ignored)."""
    names: list[str] = []
    problems = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        name = line.strip().lstrip("\ufeff")
        if not name:
            continue
        if problem := text_problem(name, MAX_NAME, single_line=True):
            problems.append(f"{source}:{number}: {problem}")
        elif same_name(name) in seen:
            problems.append(f"{source}:{number}: " + _("“{name}” is already on line {line}")
                            .format(name=name, line=seen[same_name(name)]))
        else:
            seen[same_name(name)] = number
            names.append(name)
    if len(names) > MAX_LIST_ENTRIES:
        problems.append(f"{source}: " + _("more than {limit} departments").format(
            limit=MAX_LIST_ENTRIES))
    if problems:
        raise InputRefused(problems)
    return names


def read_roster_file(path: Path) -> list[str]:
    """A roster text file: UTF-8, or GB18030 as older Windows Notepad saves it."""
    raw = read_input(path, MAX_ROSTER_BYTES)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return parse_roster(raw.decode(encoding), path.name)
        except UnicodeDecodeError:
            continue
    raise InputRefused(f"{path.name}: " + _("the file is not UTF-8 text"))


def create_bureau(path: Path, checklist: Checklist, name: str, period: str,
                  roster: list[str]) -> AssessmentFile:
    """A new bureau file (never overwriting one), open for editing."""
    if not name.strip():
        raise InputRefused(_("a bureau name is required"))
    if not period.strip():
        raise InputRefused(_("a period is required"))
    af = AssessmentFile.create(path, checklist, department_name="", period=period,
                               bureau_name=name, kind="bureau")
    try:
        set_roster(af, roster)
    except BaseException:
        af.close()
        raise
    return af


def require_bureau(af: AssessmentFile) -> None:
    """Refuse a department file where a bureau file is needed."""
    if af.info.kind != "bureau":
        raise FileFormatError(_("{name} is a department file, not a bureau file").format(
            name=af.path.name))


def roster(af: AssessmentFile) -> list[RosterEntry]:
    """The roster in its order."""
    return roster_table.read(af)


def set_roster(af: AssessmentFile, names: list[str], actor: str = "") -> None:
    """Replace the roster by these names, keeping the ids of names that stay."""
    require_bureau(af)
    problems = [f"{name[:20]}: {problem}" for name in names
                if (problem := text_problem(name, MAX_NAME, single_line=True))]
    cleaned = [name.strip() for name in names if name.strip()]
    if len({same_name(name) for name in cleaned}) != len(cleaned):
        problems.append(_("a department is listed twice"))
    if problems:
        raise InputRefused(problems)
    bound = {same_name(entry.name): entry.department_id for entry in roster(af)}
    with af.transaction():
        roster_table.replace(af, [RosterEntry(name, bound.get(same_name(name)))
                                  for name in cleaned])
        af.record("roster", at=now_text(), actor=actor,
                  old=json.dumps([entry.name for entry in roster(af)], ensure_ascii=False),
                  new=json.dumps(cleaned, ensure_ascii=False))


def distribute(af: AssessmentFile, folder: Path, actor: str = "") -> list[tuple[str, Path, str]]:
    """A blank department file per roster entry, its department id fixed and bound in the
    roster. Existing files are never overwritten. Returns (outcome, path, message) per entry
    with outcome ``created`` or ``exists``."""
    require_bureau(af)
    if not folder.is_dir():
        raise InputRefused(_("the folder {folder} does not exist").format(folder=folder))
    results = []
    made: set[str] = set()
    for entry in roster(af):
        target = fit_path(folder, submission_name(af.info.period, entry.name), len("(99)"),
                          max_bytes=MAX_DATABASE_PATH_BYTES)
        number, stem = 2, target.name.removesuffix(".selfassess")
        while target.name.casefold() in made:  # two names that make one file name
            target = folder / safe_file_name(f"{stem}({number}).selfassess")
            number += 1
        made.add(target.name.casefold())
        if target.exists():
            results.append(("exists", target, _("{name} already exists; it was not overwritten")
                            .format(name=target.name)))
            continue
        department_id = entry.department_id or str(uuid.uuid4())
        AssessmentFile.create(target, af.checklist, department_name=entry.name,
                              period=af.info.period, bureau_name=af.info.bureau_name,
                              department_id=department_id).close()
        if entry.department_id is None:
            with af.transaction():
                roster_table.bind(af, entry.name, department_id)
        results.append(("created", target, _("blank file for {name}").format(name=entry.name)))
    if results:
        af.record("distribute", at=now_text(), actor=actor, target=str(folder),
                  new=json.dumps([p.name for o, p, _m in results if o == "created"],
                                 ensure_ascii=False))
    return results
