"""Backups: a copy of a file in the user data folder before each seal and each merge.

Each file gets a folder under ``backups/`` named after the file and a short hash of its full
path, holding its last ``KEEP`` copies as ``{time}_{reason}.selfassess`` plus ``source.txt``
(the path they came from). Copies are made with SQLite's online backup from the open
connection, so they are consistent even while a WAL holds the latest edits. ``restore`` puts
one back — never over a file changed since that copy unless forced, and only after backing up
what it replaces.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from selfassess.errors import FileFormatError, InputRefused
from selfassess.i18n import _
from selfassess.paths import user_data_dir
from selfassess.record import record
from selfassess.store import openers
from selfassess.store.database import connection
from selfassess.validation import safe_file_name

if TYPE_CHECKING:
    from selfassess.store.assessment import AssessmentFile

KEEP = 10
SUFFIX = ".selfassess"
STAMP = "%Y%m%d-%H%M%S"


@record
class Backup:
    """One stored copy."""

    path: Path
    made_at: datetime
    reason: str
    size: int


def backup_folder(path: Path) -> Path:
    """Where the copies of one file live (created on demand)."""
    resolved = Path(path).resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:10]
    return user_data_dir() / "backups" / f"{safe_file_name(resolved.stem)[:60]}-{digest}"


def make_backup(af: AssessmentFile, reason: str) -> Path:
    """Copy the open file into its backup folder and keep only the newest ``KEEP`` copies."""
    folder = backup_folder(af.path)
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob(".*.tmp"):  # a copy cut short by a crash; the writer lock we
        leftover.unlink(missing_ok=True)    # hold means nobody else is writing one now
    for old in list_backups(af.path)[KEEP - 1:]:  # room first: never more than KEEP, even
        old.path.unlink(missing_ok=True)          # when a crash follows the copy
    (folder / "source.txt").write_text(str(af.path.resolve()), encoding="utf-8")
    stamp = datetime.now().strftime(STAMP)
    target = folder / f"{stamp}_{reason}{SUFFIX}"
    counter = 1
    while target.exists():  # two backups in one second
        counter += 1
        target = folder / f"{stamp}-{counter}_{reason}{SUFFIX}"
    import secrets  # loaded when used: not on every start
    temporary = folder / f".{secrets.token_hex(16)}.tmp"
    try:
        copy = sqlite3.connect(temporary)
        try:
            connection(af).conn.backup(copy)
        finally:
            copy.close()
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as error:
        temporary.unlink(missing_ok=True)
        raise InputRefused(_("{name}: cannot make the backup copy in {folder} ({reason}); "
                             "nothing was changed").format(name=af.path.name, folder=folder,
                                                           reason=error)) from None
    return target


def _parse(path: Path) -> Backup | None:
    _stamp, _sep, reason = path.stem.partition("_")
    try:
        status = path.stat()
    except OSError:
        return None
    return Backup(path, datetime.fromtimestamp(status.st_mtime), reason, status.st_size)


def list_backups(path: Path) -> list[Backup]:
    """The copies of a file, newest first."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    found = [b for p in folder.glob(f"*{SUFFIX}") if (b := _parse(p)) is not None]
    return sorted(found, key=lambda b: b.made_at, reverse=True)  # when the copy was finished


def resolve_backup(spec: str, target: Path) -> Path:
    """A backup given as its number in ``selfassess backups`` (1 = newest) or as a path."""
    if spec.isdigit():
        backups = list_backups(target)
        number = int(spec)
        if not 1 <= number <= len(backups):
            raise InputRefused(_("{name} has {count} backup(s); there is no number {number}")
                               .format(name=target.name, count=len(backups), number=number))
        return backups[number - 1].path
    return Path(spec)


def restore(backup: Path, target: Path, force: bool = False) -> Path:
    """Put a backup in place of ``target`` (checked first); returns the copy of what it replaced,
    or ``target`` itself when there was nothing to replace."""
    from selfassess.store.assessment import AssessmentFile

    with AssessmentFile.open(backup, readonly=True) as copy:  # the full check: it may be old
        kind = copy.info.kind
    openers.acquire(target)  # held until the copy is in place: nobody edits it meanwhile
    try:
        return _replace(backup, target, kind, force)
    finally:
        openers.release(target)


def _set_aside(target: Path) -> Path:
    """A copy of a damaged file and its companions beside it, named ``….damaged-TIME``: what
    was there is never lost, even when it cannot be read."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = target.with_name(f"{target.name}.damaged-{stamp}")
    try:
        import shutil  # loaded when used: not on every start
        shutil.copyfile(target, aside)
        for suffix in ("-wal", "-shm", "-journal"):
            companion = Path(f"{target}{suffix}")
            if companion.exists():
                shutil.copyfile(companion, f"{aside}{suffix}")
    except OSError as error:
        raise InputRefused(_("{name}: cannot keep a copy of the damaged file ({reason}); "
                             "nothing was changed").format(name=target.name,
                                                            reason=error.strerror or error)
                           ) from None
    return aside


def _replace(backup: Path, target: Path, kind: str, force: bool) -> Path:
    from selfassess.store.assessment import AssessmentFile

    if target.exists():
        changed = datetime.fromtimestamp(target.stat().st_mtime)
        if target.stat().st_mtime > backup.stat().st_mtime and not force:
            raise InputRefused(_("{name} was changed after this backup was made ({when}); "
                                 "use --force to replace it anyway (a copy of it is kept)")
                               .format(name=target.name, when=changed.strftime("%Y-%m-%d %H:%M")))
        try:
            with AssessmentFile.open(target) as current:
                if current.info.kind != kind:
                    raise InputRefused(_("{backup} is a {kind} file; {name} is not").format(
                        backup=backup.name, kind=kind, name=target.name))
                kept = make_backup(current, "restore")
        except FileFormatError:  # damaged: the very case backups are for; kept aside as is
            kept = _set_aside(target)
    else:
        kept = target
    import secrets  # loaded when used: not on every start
    temporary = target.with_name(f".{secrets.token_hex(16)}.tmp")  # short: see database.py
    try:
        import shutil  # loaded when used: not on every start
        shutil.copyfile(backup, temporary)
        # companions of the replaced file would corrupt the restored one (kept aside above
        # when the file was damaged)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise InputRefused(_("{name}: cannot restore ({reason})").format(
            name=target.name, reason=error.strerror or error)) from None
    return kept
