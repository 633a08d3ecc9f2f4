"""Where things live: the bundled resources and the user's data folders.

User folders are computed once per call from, in order: an explicit override, the
``SELFASSESS_HOME`` environment variable, the platformdirs defaults. Tests and scripts set
``SELFASSESS_HOME`` so that nothing touches the real user folders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from selfassess import APP_NAME

if TYPE_CHECKING:
    from types import ModuleType

HOME_ENV = "SELFASSESS_HOME"


def resources_dir() -> Path:
    """The folder holding checklists, fonts and translations.

    An installed wheel carries it inside the package (``selfassess/resources``); a source
    checkout or an editable install reads the repository's top-level ``resources/``; a
    PyInstaller bundle unpacks it beside the executable's data (``sys._MEIPASS``).
    """
    package_dir = Path(__file__).resolve().parent
    candidates = [package_dir / "resources", package_dir.parent / "resources"]
    bundle_dir = getattr(sys, "_MEIPASS", None)
    if bundle_dir:
        candidates.insert(0, Path(bundle_dir) / "resources")
    for candidate in candidates:
        if (candidate / "checklists").is_dir():
            return candidate
    raise FileNotFoundError("selfassess resources folder not found; the installation is incomplete")


def resource(*parts: str) -> Path:
    """A path inside the resources folder."""
    return resources_dir().joinpath(*parts)


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value) if value else None


def _platformdirs() -> ModuleType:
    """platformdirs, imported when a user folder is first asked for (6 ms with the tempfile
    module it loads: ``--version``, ``--help`` and a command on a file in SELFASSESS_HOME do
    without it)."""
    import platformdirs

    return platformdirs


def user_data_dir() -> Path:
    """Settings-independent user data: backups, logs, recent files."""
    home = _home()
    path = home / "data" if home else Path(_platformdirs().user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    """User settings."""
    home = _home()
    path = home / "config" if home else Path(_platformdirs().user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_log_dir() -> Path:
    """Log files (the CLI writes internal errors here, never to the user's terminal)."""
    home = _home()
    path = home / "logs" if home else Path(_platformdirs().user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_documents_dir() -> Path:
    """Where new assessment files are proposed by default."""
    home = _home()
    if home:
        return home / "documents"
    return Path(_platformdirs().user_documents_dir())
