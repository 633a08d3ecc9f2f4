"""One writer per file: an operating-system lock on ``{file}-lock`` while a program has the file
open for editing.

The second program that wants to edit the same file (another window, the command line) is told
who has it and gets a read-only view instead; readers never take the lock but look at it, so a
file someone is editing is never read as immutable. The lock is the OS's (``flock`` on POSIX,
``msvcrt.locking`` on Windows), so a crashed program cannot leave the file locked: the ``-lock``
file may stay behind, but nobody holds it. Inside one process the lock is shared and counted
(the app's worker threads open their own connections to the file they edit).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
from datetime import datetime
from pathlib import Path

from selfassess import __version__
from selfassess.errors import InputRefused
from selfassess.i18n import _

if sys.platform == "win32":
    import msvcrt

    _WINDOWS_OFFSET = 1 << 20  # lock a byte past the holder's details, so they stay readable

    def _try_lock(fd: int, shared: bool) -> bool:
        os.lseek(fd, _WINDOWS_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        if shared:  # only a test: released at once
            _unlock(fd)
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int, shared: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except OSError:
            return False
        if shared:  # only a test: released at once
            _unlock(fd)
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class ReadOnlyHere(InputRefused):
    """The file cannot be edited here now; it can still be read."""


class FileInUse(ReadOnlyHere):
    """Another program has the file open for editing."""


class NotWritable(ReadOnlyHere):
    """The file (or its folder, or the medium) cannot be written."""


def lock_path(path: Path) -> Path:
    """The lock file beside a .selfassess file."""
    return Path(f"{path}-lock")


def _holder_text(lock: Path) -> str:
    try:
        info = json.loads(lock.read_text(encoding="utf-8")[:2000] or "{}")
    except (OSError, ValueError):
        info = {}
    if not isinstance(info, dict):
        info = {}
    since = str(info.get("since", ""))[:16].replace("T", " ")
    return _("{user} on {host}, since {since}").format(
        user=str(info.get("user", "?"))[:40], host=str(info.get("host", "?"))[:40],
        since=since or "?")


class _Held:
    def __init__(self, fd: int, lock: Path) -> None:
        self.fd = fd
        self.lock = lock
        self.count = 1


def _host() -> str:
    """This computer's name, for the holder of a lock (without loading ``socket``: 5 ms of
    opening a file)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "")


_held: dict[str, _Held] = {}
_guard = threading.Lock()


def acquire(path: Path) -> None:
    """Take the writer lock of a file (counted within this process); FileInUse when another
    program holds it."""
    key = str(Path(path).resolve())
    if Path(path).is_file() and not (os.access(path, os.W_OK)
                                     and os.access(Path(key).parent, os.W_OK)):
        raise NotWritable(_("{name} cannot be changed here (a read-only file, folder or medium); "
                            "copy it to a folder of yours to edit it").format(name=Path(path).name))
    with _guard:
        if key in _held:
            _held[key].count += 1
            return
        lock = lock_path(Path(key))
        for _attempt in range(5):
            try:
                fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError:
                return  # a read-only folder or medium: nobody can write the file there anyway
            if not _try_lock(fd, shared=False):
                os.close(fd)
                raise FileInUse(_("{name} is open for editing in another selfassess ({holder}); "
                                  "close it there first").format(name=Path(path).name,
                                                                 holder=_holder_text(lock)))
            try:  # the lock file may have been removed and made again by a releasing program
                same = os.fstat(fd).st_ino == os.stat(lock).st_ino
            except OSError:
                same = False
            if same:
                break
            _unlock(fd)
            os.close(fd)
        else:
            return
        details = json.dumps({"user": _user(), "host": _host(), "pid": os.getpid(),
                              "since": datetime.now().isoformat(timespec="seconds"),
                              "program": f"selfassess {__version__}"}, ensure_ascii=False)
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, details.encode("utf-8"))
        _held[key] = _Held(fd, lock)


def release(path: Path) -> None:
    """Give back one use of the writer lock; the last one removes the lock file."""
    key = str(Path(path).resolve())
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count:
            return
        del _held[key]
        # removed before unlocking, so nobody can lock a file about to vanish; Windows keeps an
        # open file, which then stays behind unlocked and harmless
        with contextlib.suppress(OSError):
            held.lock.unlink()
        _unlock(held.fd)
        os.close(held.fd)


def held_elsewhere(path: Path) -> bool:
    """True when another program holds the writer lock (a reader must then not treat the file
    as immutable)."""
    key = str(Path(path).resolve())
    with _guard:
        if key in _held:
            return False
    lock = lock_path(Path(key))
    try:
        fd = os.open(lock, os.O_RDONLY)
    except OSError:
        return False
    try:
        return not _try_lock(fd, shared=True)
    finally:
        os.close(fd)


def _user() -> str:
    try:
        import getpass  # loaded when used: not on every start
        return getpass.getuser()
    except (OSError, KeyError):
        return ""
