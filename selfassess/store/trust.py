"""Which files this machine's selfassess wrote last, so only the others get the full check.

A file is trusted when this process created or fully checked it (this session), or when the
user data folder records that this machine's selfassess closed it last with exactly its
current size, modification time and inode. Anything else — a file from a USB stick or e-mail,
a copy, a file changed by another program — is checked completely (``verify``) on a read-only
connection before it is used. The record is a convenience, not a security boundary: losing it
only means the next open checks the file again.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from selfassess.paths import user_data_dir

REGISTRY_NAME = "trusted-files.json"
MAX_ENTRIES = 2000

_session: set[str] = set()
_lock = threading.Lock()


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def _stamp(path: Path) -> list[int] | None:
    try:
        status = Path(path).stat()
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns, status.st_ino]


def _registry_path() -> Path:
    return user_data_dir() / REGISTRY_NAME


def _load() -> dict[str, list[int]]:
    try:
        data = json.loads(_registry_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def is_trusted(path: Path) -> bool:
    """True when the full check can be skipped."""
    key = _key(path)
    with _lock:
        if key in _session:
            return True
    stamp = _stamp(path)
    return stamp is not None and _load().get(key) == stamp


def trust_in_session(path: Path) -> None:
    """This process created or fully checked the file."""
    with _lock:
        _session.add(_key(path))


def remember(path: Path) -> None:
    """Record the file as this machine's, as it is now (after a writable connection closed)."""
    stamp = _stamp(path)
    if stamp is None:
        return
    with _lock:
        registry = _load()
        registry.pop(_key(path), None)
        registry[_key(path)] = stamp  # insertion order: the oldest entries go first
        while len(registry) > MAX_ENTRIES:
            registry.pop(next(iter(registry)))
        target = _registry_path()
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            temporary.write_text(json.dumps(registry, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, target)
        except OSError:
            temporary.unlink(missing_ok=True)  # the next open checks the file again: harmless
