"""The core and the CLI never import Qt (checked in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CORE_MODULES = [
    "selfassess", "selfassess.cli", "selfassess.checklist", "selfassess.scoring",
    "selfassess.store", "selfassess.summary", "selfassess.answers", "selfassess.demo",
    "selfassess.completeness", "selfassess.i18n", "selfassess.paths",
]

SCRIPT = """
import sys
for name in {modules!r}:
    __import__(name)
from selfassess.cli import main
assert main(["checklists"]) == 0
assert main(["demo", {folder!r}]) == 0
assert main(["summary", "--json", {file!r}]) == 0
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print("QT:", loaded)
"""


def test_core_and_cli_do_not_import_qt(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    script = SCRIPT.format(modules=CORE_MODULES, folder=str(folder),
                           file=str(folder / "2026_办公室.selfassess"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            encoding="utf-8", timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "QT: []" in result.stdout
