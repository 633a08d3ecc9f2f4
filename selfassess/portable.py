"""Portable mode: a file named ``portable.txt`` beside the bundled executable keeps all user
data in a ``userdata`` folder beside it, so the program runs from a USB stick and leaves
nothing on the computer.

It sets ``SELFASSESS_HOME`` (read by ``paths``) and points the XDG folders there as well, so
fontconfig's cache and Qt's own settings land inside the folder too. It applies only to a
bundled program (PyInstaller sets ``sys.frozen``); a source checkout uses ``SELFASSESS_HOME``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MARKER = "portable.txt"
FOLDER = "userdata"


def portable_root() -> Path | None:
    """The portable user-data folder, or None when not running portably."""
    if not getattr(sys, "frozen", False):
        return None
    here = Path(sys.executable).resolve().parent
    return here / FOLDER if (here / MARKER).is_file() else None


def apply_portable_mode() -> Path | None:
    """Send every user folder into the portable folder (call before anything else)."""
    root = portable_root()
    if root is None:
        return None
    root.mkdir(parents=True, exist_ok=True)
    os.environ["SELFASSESS_HOME"] = str(root)
    for variable, name in (("XDG_CONFIG_HOME", "xdg/config"), ("XDG_CACHE_HOME", "xdg/cache"),
                           ("XDG_DATA_HOME", "xdg/data"), ("XDG_STATE_HOME", "xdg/state")):
        os.environ[variable] = str(root / name)
    return root


def bundle_fontconfig() -> None:
    """On a system without a fontconfig configuration (a minimal install), point fontconfig at
    the small one we ship, so it neither complains nor misses the system's fonts."""
    if not getattr(sys, "frozen", False) or "FONTCONFIG_FILE" in os.environ \
            or sys.platform == "win32" or Path("/etc/fonts/fonts.conf").exists():
        return
    from selfassess.paths import resource

    os.environ["FONTCONFIG_FILE"] = str(resource("fontconfig", "fonts.conf"))


def bundle_qt_paths() -> None:
    """Where the bundle's Qt plugins are (what PyInstaller's PySide6 start-up hook did; that
    hook also imported Qt at every start, 60 ms of ``selfassess --version`` and of every
    command that never shows a window, so the bundle leaves it out). Set even when the
    computer names another Qt's plugins: those do not fit this Qt."""
    if not getattr(sys, "frozen", False):
        return
    base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "PySide6"
    os.environ["QT_PLUGIN_PATH"] = str(base / "plugins" if sys.platform == "win32"
                                       else base / "Qt" / "plugins")
