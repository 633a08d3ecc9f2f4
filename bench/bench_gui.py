"""GUI benchmarks (run by hand): ``python bench/bench_gui.py [CHECKOUT …]``.

1. Process start to the main window painted, and to the file shown in it: a fresh Python
   process runs ``selfassess gui FILE`` (offscreen) and reports both; the time is taken by the
   parent from just before the process starts. Anchor, alternating with it: a bare PySide6
   ``QMainWindow`` shown and painted. Median of 9 runs each, with the load average. Each
   checkout given (``git worktree add /tmp/before COMMIT``) is run from its own source tree,
   in turn within each round; none given: this one.
2. Switching items: ``go_to`` on each of the 29 items and back, with the events it causes
   processed, median / p95 / max.

Prints a Markdown block for bench/RESULTS.md.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench_store import machine, percentile

# ``selfassess gui FILE`` as a person starts it; the window calls ``open_file`` once its first
# frame is painted, and the file is shown when ``open_file`` returns and the events it caused
# are painted (the window's module is patched as it loads, in the program's own order)
CHILD = """
import importlib.machinery, os, sys

def watch(module):
    from PySide6.QtWidgets import QApplication
    opening = module.MainWindow.open_file
    def open_file(self, path):
        print("painted", flush=True)
        opened = opening(self, path)
        QApplication.processEvents()  # paints what the file changed (grab() would paint again)
        print("opened", flush=True)
        os._exit(0)
    module.MainWindow.open_file = open_file

class Watcher:
    # patches the window's module once it is loaded, where the program loads it: importing it
    # here first would take its loading out of the order the program starts in (a finder needs
    # only find_spec: importlib.abc would load 18 ms of modules the program does not)
    def find_spec(self, name, path, target=None):
        if name != "selfassess.ui.main_window":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        execute = spec.loader.exec_module
        def exec_module(module):
            execute(module)
            watch(module)
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, Watcher())
from selfassess.cli import main
sys.argv = ["selfassess", "gui", sys.argv[1]]
main()  # as the program calls it
"""

# the anchor: a bare PySide6 main window of the same size, shown and painted
BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 860)
window.show()
app.processEvents()  # shows and paints it
print("painted", flush=True)
"""


def timed_lines(code: str, argv: list[str], env: dict[str, str], cwd: Path | None = None
                ) -> list[float]:
    """Seconds from just before the process starts to each line it prints (``-c`` puts the
    working folder first on the path: a checkout is run from its own folder)."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *argv], env=env, cwd=cwd,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert child.stdout is not None
    times = [time.perf_counter() - started for _line in child.stdout]
    child.wait()
    return times


def bench_start(path: Path, home: Path, checkouts: list[Path], runs: int = 9
                ) -> dict[str, list[float]]:
    """Alternately: the bare window, and each checkout's first frame and its file shown
    (keys ``painted CHECKOUT`` and ``opened CHECKOUT``)."""
    env = {key: value for key, value in os.environ.items()
           if key != "PYTHONDONTWRITEBYTECODE"}  # an installed program runs from bytecode
    env.update(QT_QPA_PLATFORM="offscreen", SELFASSESS_HOME=str(home))
    envs = {checkout: {**env, "PYTHONPATH": str(checkout)} for checkout in checkouts}
    for checkout in checkouts:  # bytecode written, fonts cached: as on a used PC
        timed_lines(CHILD, [str(path)], envs[checkout], checkout)
    timings: dict[str, list[float]] = {"bare": []}
    for _run in range(runs):
        timings["bare"] += timed_lines(BARE, [], env)
        for checkout in checkouts:
            painted, opened = timed_lines(CHILD, [str(path)], envs[checkout], checkout)
            timings.setdefault(f"painted {checkout}", []).append(painted)
            timings.setdefault(f"opened {checkout}", []).append(opened)
    return timings


def bench_switch(path: Path) -> tuple[float, float, float]:
    from selfassess.ui.app import application, apply_settings
    from selfassess.ui.main_window import MainWindow
    from selfassess.ui.settings import Settings

    app = application()
    settings = Settings()
    apply_settings(settings)
    window = MainWindow(settings)
    window.resize(1280, 860)
    window.open_file(path)
    window.show()
    app.processEvents()
    assert window.workspace is not None and window.session is not None
    codes = [item.code for item in window.session.checklist.items]
    timings = []
    for code in codes + codes[::-1]:
        started = time.perf_counter()
        window.workspace.go_to(f"item:{code}")
        app.processEvents()
        window.grab()
        timings.append((time.perf_counter() - started) * 1000)
    window.close()
    return statistics.median(timings), percentile(timings, 0.95), max(timings)


def main() -> None:
    checkouts = [Path(p).resolve() for p in sys.argv[1:]] or [Path(__file__).resolve().parents[1]]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        os.environ["SELFASSESS_HOME"] = str(home)
        from selfassess.demo import write_demo
        from selfassess.ui.settings import Settings

        write_demo(Path(tmp) / "demo")
        settings = Settings()
        settings.set_notice_seen()  # a PC where the app has been used
        settings.sync()
        path = Path(tmp) / "demo" / "2026_组织人事处.selfassess"
        load_before = os.getloadavg()[0]
        start = bench_start(path, home, checkouts)
        load_after = os.getloadavg()[0]
        switch_median, switch_p95, switch_max = bench_switch(path)
    bare = statistics.median(start["bare"])
    print(f"### {date.today().isoformat()} — {machine()}, offscreen Qt; load average "
          f"{load_before:.2f} → {load_after:.2f}\n")
    print("| benchmark | median (9 runs, alternating) | × anchor |")
    print("|---|---|---|")
    print(f"| bare PySide6 `QMainWindow` shown and painted (anchor) | {bare * 1000:.0f} ms | 1.0 |")
    for checkout in checkouts:
        for key, label in (("painted", "first frame painted"), ("opened", "the file shown")):
            median = statistics.median(start[f"{key} {checkout}"])
            print(f"| `selfassess gui FILE` ({checkout.name}): {label} | {median * 1000:.0f} ms "
                  f"| {median / bare:.2f} |")
    print(f"\nswitching items, 58 switches incl. repaint: median {switch_median:.1f} ms, "
          f"p95 {switch_p95:.1f} ms, max {switch_max:.1f} ms")


if __name__ == "__main__":
    main()
