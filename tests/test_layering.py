"""The core and the CLI never import Qt (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import selfassess

# every module of the core, found by walking the package: a new one is checked without a list
CORE_MODULES = sorted(
    module.name for module in pkgutil.walk_packages(selfassess.__path__, "selfassess.")
    if not module.name.startswith("selfassess.ui")
    and not module.name.endswith("__main__"))  # importing it runs the program

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
    assert {"selfassess.bureau.merge", "selfassess.store.audit", "selfassess.report.render",
            "selfassess.office.report_docx"} <= set(CORE_MODULES)
    folder = tmp_path / "demo"
    script = SCRIPT.format(modules=CORE_MODULES, folder=str(folder),
                           file=str(folder / "2026_办公室.selfassess"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            encoding="utf-8", timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "QT: []" in result.stdout


CYCLES = """
import importlib, sys
for name in {modules!r}:
    for loaded in [m for m in sys.modules if m == "selfassess" or m.startswith("selfassess.")]:
        del sys.modules[loaded]
    importlib.import_module(name)  # first, as a command that needs only it would
print("OK")
"""


def test_every_core_module_imports_first_on_its_own() -> None:
    """No import cycle hides behind the order in which the tests happen to import modules."""
    result = subprocess.run([sys.executable, "-c", CYCLES.format(modules=CORE_MODULES)],
                            capture_output=True, text=True, encoding="utf-8", timeout=120,
                            check=False)
    assert result.returncode == 0 and result.stdout.strip() == "OK", result.stderr[-2000:]


# what reaches SQLite: only selfassess/store/ may say any of it (issue "closed store")
SQL_MARKS = ("execute(", ".query(", ".db[", "._db", "connection(", ".atomic(", "import sqlite3",
             "sqlite_utils")


def test_no_sql_outside_the_store() -> None:
    root = Path(selfassess.__file__).parent
    found = [f"{path.relative_to(root)}:{number}: {line.strip()}"
             for path in sorted(root.rglob("*.py")) if "store" not in path.relative_to(root).parts
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if any(mark in line for mark in SQL_MARKS)]
    assert found == []


def test_the_read_path_imports_neither_qt_nor_sqlite_utils(tmp_path: Path) -> None:
    """``selfassess summary`` on a bureau file loads no Qt, no YAML parser, and not sqlite-utils with its
    click, pluggy and importlib.metadata (a third of the command's start-up): sqlite-utils is
    loaded when a file is written or migrated, not when one is read."""
    from selfassess.demo import write_demo

    write_demo(tmp_path / "demo")
    bureau = next((tmp_path / "demo").glob("*汇总.selfassess"))
    probe = (
        "import sys\n"
        "from selfassess.cli import main\n"
        f"code = main(['summary', {str(bureau)!r}, '--json'])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'sqlite_utils', 'click', 'pluggy', 'yaml') "
        "or m == 'importlib.metadata')\n"
        "print(code, loaded, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120, check=False,
                          env={**os.environ, "SELFASSESS_HOME": str(tmp_path / "h")})
    assert done.stderr.strip().splitlines()[-1] == "0 []", done.stderr


def test_opening_a_department_in_the_app_loads_none_of_the_secretarys_side(
        tmp_path: Path) -> None:
    """The window and a department's file open without the merge, the report, the office
    writers or sqlite-utils, and, opened on an item as ``selfassess gui FILE`` opens it,
    without the start screen and the pages not shown (issue 18: they cost start-up and are
    loaded when used)."""
    from selfassess.demo import write_demo

    write_demo(tmp_path / "demo")
    department = next(p for p in (tmp_path / "demo").glob("*.selfassess") if "汇总" not in p.name)
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from selfassess.ui.app import application, apply_settings\n"
        "from selfassess.ui.main_window import MainWindow\n"
        "from selfassess.ui.settings import Settings\n"
        "app = application()\n"
        "settings = Settings()\n"
        "apply_settings(settings)\n"
        "window = MainWindow(settings, start_screen=False)\n"
        f"assert window.open_file(Path({str(department)!r}))\n"
        "window.go_to('item:1.1')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('selfassess.bureau', "
        "'selfassess.report', 'selfassess.office', 'sqlite_utils', 'yaml', 'openpyxl', "
        "'docx', 'reportlab', 'selfassess.ui.start_screen', 'selfassess.ui.pages.bonus_veto', "
        "'selfassess.ui.pages.summary_page', 'selfassess.ui.pages.lists_page')))\n"
        "print(loaded, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120, check=False,
                          env={**os.environ, "SELFASSESS_HOME": str(tmp_path / "h"),
                               "QT_QPA_PLATFORM": "offscreen"})
    assert done.stderr.strip().splitlines()[-1] == "[]", done.stderr


def test_the_program_ends_without_a_last_collection_and_loses_nothing(tmp_path: Path) -> None:
    """Run as the program, a command runs without full collections and leaves its objects to
    the operating system (``gc.freeze``: Python's last collection was 7 ms of a summary's
    exit); called with arguments, as the tests and the app's own calls do, it does neither.
    What it wrote is whole either way."""
    env = {**os.environ, "SELFASSESS_HOME": str(tmp_path / "h"), "SELFASSESS_LANG": "zh_CN"}

    def program(*argv: str) -> subprocess.CompletedProcess[str]:
        probe = ("import gc, sys\nfrom selfassess.cli import main\n"
                 f"sys.argv = ['selfassess', *{list(argv)!r}]\ncode = main()\n"
                 "print('collected after', gc.get_threshold()[0], file=sys.stderr)\n"
                 "print('frozen', gc.get_freeze_count() > 0, file=sys.stderr)\nsys.exit(code)\n")
        return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                              encoding="utf-8", timeout=120, check=False, env=env)

    made = program("demo", str(tmp_path / "demo"))
    assert made.returncode == 0 and made.stderr.strip().endswith("frozen True"), made.stderr
    assert "collected after 50000" in made.stderr  # no full collections while it works
    bureau = next((tmp_path / "demo").glob("*汇总.selfassess"))
    shown = program("summary", str(bureau), "--json")
    assert shown.returncode == 0 and len(json.loads(shown.stdout)["departments"]) >= 3
    workbook = tmp_path / "汇总.xlsx"
    assert program("export", str(bureau), "-o", str(workbook)).returncode == 0
    from openpyxl import load_workbook

    assert load_workbook(workbook).worksheets[0].max_row > 3
    called = subprocess.run(
        [sys.executable, "-c", "import gc, sys\nfrom selfassess.cli import main\n"
         f"assert main(['summary', {str(bureau)!r}]) == 0\n"
         "print(gc.get_threshold()[0], gc.get_freeze_count())"],
        capture_output=True, text=True, timeout=120, check=False, env=env)
    assert called.stdout.strip().splitlines()[-1] == "700 0", called.stderr  # Python's own
