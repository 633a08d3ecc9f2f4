"""User settings and window state, in an INI file inside the user config folder.

Kept in ``paths.user_config_dir()`` (not the registry) so that ``SELFASSESS_HOME`` isolates it
like every other user file, and portable mode can later move it beside the program.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings

from selfassess.i18n import normalize_language
from selfassess.paths import user_config_dir

FONT_SCALES = (100, 125, 150)
MAX_RECENT = 10


class Settings:
    """Typed access to the few settings selfassess keeps."""

    def __init__(self) -> None:
        path = user_config_dir() / "selfassess.ini"
        self._store = QSettings(str(path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._store.sync()

    @property
    def language(self) -> str:
        """zh_CN (default) or en."""
        return normalize_language(str(self._store.value("ui/language", "zh_CN")))

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("ui/language", normalize_language(value))

    @property
    def font_scale(self) -> int:
        """Font size in percent: 100, 125 or 150."""
        try:
            value = int(str(self._store.value("ui/font_scale", 100)))
        except ValueError:
            value = 100
        return value if value in FONT_SCALES else 100

    @font_scale.setter
    def font_scale(self, value: int) -> None:
        self._store.setValue("ui/font_scale", value if value in FONT_SCALES else 100)

    def recent_files(self) -> list[Path]:
        """Recently opened files that still exist, newest first."""
        raw = self._store.value("files/recent", [])
        names = [raw] if isinstance(raw, str) else list(raw or [])
        return [Path(name) for name in names if name and Path(name).is_file()]

    def add_recent(self, path: Path) -> None:
        """Put a file at the top of the recent list."""
        resolved = str(path.resolve())
        names = [str(p) for p in self.recent_files() if str(p) != resolved]
        self._store.setValue("files/recent", [resolved, *names][:MAX_RECENT])

    @staticmethod
    def _file_key(path: Path) -> str:
        return hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]

    def position(self, path: Path) -> str:
        """The page last shown for a file (e.g. ``item:2.3``), or ``""``."""
        return str(self._store.value(f"positions/{self._file_key(path)}", ""))

    def set_position(self, path: Path, node: str) -> None:
        """Remember the page shown for a file."""
        self._store.setValue(f"positions/{self._file_key(path)}", node)

    def notice_seen(self) -> bool:
        """True once the first-run notice (non-classified information only) was shown."""
        return str(self._store.value("notice/seen", "")) == "1"

    def set_notice_seen(self) -> None:
        """Remember that the first-run notice was shown."""
        self._store.setValue("notice/seen", "1")

    def geometry(self) -> bytes | None:
        """The main window's saved geometry (None when absent or not readable)."""
        value = self._store.value("window/geometry")
        if not isinstance(value, str):  # older settings held a pickled Python object
            return None
        try:
            return base64.b64decode(value, validate=True)
        except ValueError:
            return None

    def set_geometry(self, value: bytes) -> None:
        """Save the main window's geometry as Base64 text: readable in the INI file, and not
        a Python object Qt for Python would pickle."""
        self._store.setValue("window/geometry", base64.b64encode(value).decode("ascii"))
