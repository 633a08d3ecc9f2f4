"""退回 and 审定 from the secretary's side: return entries of a department for correction (one
file goes back), and approve a department's revision for good.

A return needs a sealed revision that is not approved; it is recorded in the bureau file and
the file sent back is written in the same step (both or neither). An approval binds the
department to its revision and digest: a newer revision is refused at merge until the approval
is withdrawn (``--withdraw``, kept in the file as withdrawn); while it stands, its reviews and
grade are not changed either.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from selfassess.bureau.roster import require_bureau
from selfassess.checklist.model import Checklist
from selfassess.errors import InputRefused
from selfassess.i18n import _, join_list
from selfassess.inputs import read_input, unique_keys
from selfassess.record import record
from selfassess.store import AssessmentFile, Department, DepartmentData
from selfassess.store.editing import now_text
from selfassess.store.returned_file import write_returned_file
from selfassess.store.returns import (
    KINDS,
    ReturnEntry,
    ReturnRecord,
    add_approval,
    add_return,
    withdraw_approval,
)
from selfassess.validation import (
    MAX_NAME,
    MAX_SHORT_TEXT,
    fit_path,
    same_name,
    submission_name,
    text_problem,
)

# the keys of a notes file, and the kind of entry each holds
NOTE_KEYS = {"items": "item", "bonus": "bonus", "veto": "veto"}


@record
class ReturnNotes:
    """What the review group sends back: an overall note and a reason per returned entry."""

    note: str
    entries: tuple[ReturnEntry, ...]


def parse_return_notes(data: Any, source: str, checklist: Checklist) -> ReturnNotes:
    """``{"note": …, "items": {"1.2": "缺会议纪要"}, "bonus": {…}, "veto": {…}}`` → ReturnNotes,
    or InputRefused naming every problem."""
    if not isinstance(data, dict):
        raise InputRefused(f"{source}: " + _("expected an object with “note”, “items”, "
                                             "“bonus” and “veto”"))
    problems = [f"{source}: " + _("unknown key “{key}”").format(key=str(key)[:40])
                for key in data if key not in ("note", *NOTE_KEYS)]
    note = data.get("note", "")
    if problem := text_problem(note, MAX_SHORT_TEXT):
        problems.append(f"{source}: " + _("the note {problem}").format(problem=problem))
    known: dict[str, list[str]] = {"item": [i.code for i in checklist.items],
                                   "bonus": [b.code for b in checklist.bonus_items],
                                   "veto": [v.code for v in checklist.veto_items]}
    entries = []
    for key, kind in NOTE_KEYS.items():
        reasons = data.get(key, {})
        if not isinstance(reasons, dict):
            problems.append(f"{source}: " + _("“{key}” must map codes to reasons").format(key=key))
            continue
        for code, reason in reasons.items():
            where = f"{source}: {key} {str(code)[:20]}"
            if code not in known[kind]:
                problems.append(f"{where}: " + _("not in the checklist"))
            elif problem := text_problem(reason, MAX_SHORT_TEXT, single_line=True):
                problems.append(f"{where}: {problem}")
            elif not str(reason).strip():
                problems.append(f"{where}: " + _("a reason is required"))
            else:
                entries.append(ReturnEntry(kind, code, str(reason).strip()))
    if not entries and not problems:
        problems.append(f"{source}: " + _("nothing to return: name at least one item, bonus "
                                          "claim or veto declaration with its reason"))
    if problems:
        raise InputRefused(problems)
    entries.sort(key=lambda e: (KINDS.index(e.kind), known[e.kind].index(e.code)))
    return ReturnNotes(str(note).strip(), tuple(entries))


MAX_NOTES_BYTES = 1024 * 1024


def load_return_notes(path: Path, checklist: Checklist) -> ReturnNotes:
    """Read a notes JSON file (UTF-8, at most 1 MB, no key given twice)."""
    try:
        text = read_input(path, MAX_NOTES_BYTES).decode("utf-8-sig")
        data = json.loads(text, object_pairs_hook=unique_keys)
    except UnicodeDecodeError:
        raise InputRefused(f"{path.name}: " + _("the file is not UTF-8 text")) from None
    except (ValueError, RecursionError) as error:
        raise InputRefused(f"{path.name}: " + _("not valid JSON ({reason})").format(
            reason=getattr(error, "msg", error))) from None
    return parse_return_notes(data, path.name, checklist)


def find_department(af: AssessmentFile, name: str) -> Department:
    """The merged department of that name (compared as names are), or InputRefused."""
    wanted = same_name(name)
    found = next((d for d in af.departments() if same_name(d.name) == wanted), None)
    if found is None:
        merged = [d.name for d in af.departments()]
        names = join_list(merged[:10]) + ("…" if len(merged) > 10 else "") or "-"
        raise InputRefused(_("no department named “{name}” was merged into this file "
                             "(merged: {names})").format(name=name, names=names))
    return found


RETURNED_MARK = "_退回"


def returned_file_path(folder: Path, period: str, department: str) -> Path:
    """``folder/2026_办公室_退回.selfassess``: the name a submission has (a slash in the
    department's name is part of the name), shortened where a path must be, the mark kept."""
    base = fit_path(folder, submission_name(period, department), reserve=len(RETURNED_MARK))
    return base.with_name(f"{base.stem}{RETURNED_MARK}{base.suffix}")


def _open_return(bureau: AssessmentFile, department: Department) -> ReturnRecord | None:
    """The return still waiting for its correction (made at the revision merged now)."""
    returns = bureau.returns(department.id)
    return returns[-1] if returns and returns[-1].revision >= department.revision else None


def return_department(bureau_path: Path, name: str, notes: ReturnNotes, out_dir: Path,
                      actor: str = "") -> Path:
    """Record the return and write the file to send back into ``out_dir``; returns its path
    (named after the department as merged, however ``name`` was typed)."""
    if problem := text_problem(actor, MAX_NAME, single_line=True):
        raise InputRefused(_("the name of who returns it {problem}").format(problem=problem))
    if not out_dir.is_dir():
        raise InputRefused((_("{folder} is not a folder") if out_dir.exists() else
                            _("the folder {folder} does not exist")).format(folder=out_dir))
    with AssessmentFile.open(bureau_path) as bureau:
        require_bureau(bureau)
        department = find_department(bureau, name)
        if not department.sealed:
            raise InputRefused(_("{name} was merged as a draft: only a sealed revision can be "
                                 "returned").format(name=department.name))
        if bureau.approval(department.id) is not None:
            raise InputRefused(_("{name} is approved (审定); withdraw the approval before "
                                 "returning it").format(name=department.name))
        if (open_return := _open_return(bureau, department)) is not None:
            raise InputRefused(_("{name} was already returned on {date} (revision {revision}) "
                                 "and has not sent its correction yet: merge that first").format(
                name=department.name, date=open_return.returned_at[:10],
                revision=open_return.revision))
        target = returned_file_path(out_dir, bureau.info.period, department.name)
        if target.exists():
            raise InputRefused(_("{name} already exists; it was not overwritten").format(
                name=target.name))
        at = now_text()
        written = False
        try:
            with bureau.transaction():  # the record and the file: both or neither
                add_return(bureau, department.id, department.revision, at, actor, notes.note,
                           notes.entries)
                bureau.record("return", at=at, actor=actor, department_id=department.id,
                              target=str(department.revision), new=json.dumps(
                                  {"note": notes.note, "file": target.name,
                                   "entries": [e.__dict__ for e in notes.entries]},
                                  ensure_ascii=False))
                write_returned_file(bureau, bureau.data(department.id),
                                    bureau.seals(department.id), notes.note,
                                    list(notes.entries), at, actor, target)
                written = True
        except BaseException as error:
            if written:  # the record did not commit: the file must not go out without it
                target.unlink(missing_ok=True)
            if isinstance(error, OSError):  # a read-only stick, a full disk: say where
                raise InputRefused(_("cannot write the returned file into {folder} ({reason})")
                                   .format(folder=out_dir, reason=error.strerror or error)
                                   ) from None
            raise
    return target


def approve_department(bureau_path: Path, name: str, by: str = "",
                       withdraw: bool = False) -> str:
    """审定 a department's merged revision (or withdraw its approval); returns a line to show."""
    if problem := text_problem(by, MAX_NAME, single_line=True):
        raise InputRefused(_("the approver's name {problem}").format(problem=problem))
    with AssessmentFile.open(bureau_path) as bureau:
        require_bureau(bureau)
        department = find_department(bureau, name)
        active = bureau.approval(department.id)
        at = now_text()
        if withdraw:
            if active is None:
                raise InputRefused(_("{name} is not approved").format(name=department.name))
            with bureau.transaction():
                withdraw_approval(bureau, active.id, at, by)
                bureau.record("approve", at=at, actor=by, department_id=department.id,
                              target=str(active.revision), old=active.digest, new=None)
            return _("approval of {name} (revision {revision}) withdrawn").format(
                name=department.name, revision=active.revision)
        if active is not None:
            raise InputRefused(_("{name} is already approved (revision {revision}, {date})")
                               .format(name=department.name, revision=active.revision,
                                       date=active.approved_at[:10]))
        if not department.sealed or department.digest is None:
            raise InputRefused(_("{name} was merged as a draft: only a sealed revision can be "
                                 "approved").format(name=department.name))
        if (open_return := _open_return(bureau, department)) is not None:
            raise InputRefused(_("{name} was returned for correction on {date} and has not sent "
                                 "it again: approve it once the resubmission is merged").format(
                name=department.name, date=open_return.returned_at[:10]))
        redo = reviews_to_redo(bureau.data(department.id))
        with bureau.transaction():
            add_approval(bureau, department.id, department.revision, department.digest, at, by)
            bureau.record("approve", at=at, actor=by, department_id=department.id,
                          target=str(department.revision), new=department.digest)
        line = _("{name} approved (revision {revision})").format(name=department.name,
                                                                 revision=department.revision)
        if redo:  # approving is the secretary's call; what was not looked at again is said
            line += "\n" + _("warning: the review of {codes} was not redone (待复核) after the "
                             "resubmission changed them").format(codes=join_list(redo))
        return line


def reviews_to_redo(data: DepartmentData) -> list[str]:
    """Entries whose review a resubmission made to redo (待复核): items, bonus, veto."""
    return [code for entries in (data.answers, data.bonus, data.veto)
            for code, entry in entries.items() if entry.review_flag]
