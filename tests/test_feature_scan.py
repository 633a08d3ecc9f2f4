"""The app spares PySide6's reading of every module's source (selfassess.ui.feature_scan), and
PySide6's features still work for a module that chooses one. Each check runs in a fresh
process: PySide6's table lives as long as the process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# imports the app as it starts, counting the modules whose source PySide6 still reads
COUNTED = """
import json, sys
import selfassess.ui  # PySide6 first, then the table filled in
feature = sys.modules["__feature__"]
table = feature.pyside_feature_dict
read = []
looking = feature._mod_uses_pyside
def counted(module):
    read.append(module.__name__)
    return looking(module)
feature._mod_uses_pyside = counted
import selfassess.ui.app, selfassess.ui.main_window, selfassess.ui.pages.item_page
import selfassess.ui.pages.summary_page, selfassess.ui.bureau.workspace
from selfassess.ui.feature_scan import our_modules
print(json.dumps({"read": read, "ours": {name: table.get(name) for name in our_modules()},
                  "standard": {name: table.get(name) for name in ("json", "sqlite3", "os")}}))
"""

# a module that chooses snake_case after the table was filled in, as if it were one of ours
CHOOSING = """
import sys
import selfassess.ui
sys.modules["__feature__"].pyside_feature_dict["probe"] = 0  # as the app writes ours
sys.path.insert(0, sys.argv[1])
import probe
print(probe.NAME)
"""

PROBE = """
from __feature__ import snake_case
from PySide6.QtCore import QObject
thing = QObject()
thing.set_object_name("chosen")
NAME = thing.object_name()
"""


def _run(code: str, *argv: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT, capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_the_app_s_modules_are_not_read_by_pyside() -> None:
    found = json.loads(_run(COUNTED))
    ours = found["ours"]
    assert len(ours) > 100 and "selfassess.store.assessment" in ours
    assert set(ours.values()) == {0}  # Qt's default features, as PySide6 gives a Qt module
    assert found["standard"] == {"json": -1, "sqlite3": -1, "os": -1}  # as PySide6 finds them
    # none of ours, nor a module of the standard library imported by its own name, is read
    assert [name for name in found["read"] if name.startswith("selfassess")
            or name in sys.stdlib_module_names] == []


def test_a_module_that_chooses_a_feature_still_gets_it(tmp_path: Path) -> None:
    (tmp_path / "probe.py").write_text(PROBE, encoding="utf-8")
    assert _run(CHOOSING, str(tmp_path)) == "chosen"
