"""GUI benchmarks (run by hand): ``python bench/bench_gui.py``.

1. Process start to the main window shown with a file open: a fresh Python process runs the
   app's start-up path (offscreen) and reports when the window is shown and painted; the time
   is taken by the parent from just before the process starts. Median of 7 runs.
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

CHILD = """
import sys
from pathlib import Path
from selfassess.ui.app import application, apply_settings
from selfassess.ui.main_window import MainWindow
from selfassess.ui.settings import Settings
app = application()
settings = Settings()
apply_settings(settings)
window = MainWindow(settings)
window.open_file(Path(sys.argv[1]))
window.show()
app.processEvents()
window.grab()  # forces a full paint, like the first frame on screen
print("shown", flush=True)
"""


def bench_start(path: Path, home: Path, runs: int = 7) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SELFASSESS_HOME": str(home)}
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert child.stdout is not None
        line = child.stdout.readline()
        timings.append((time.perf_counter() - started) * 1000)
        child.wait()
        assert line.strip() == "shown", line
    return statistics.median(timings), max(timings)


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
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        os.environ["SELFASSESS_HOME"] = str(home)
        from selfassess.demo import write_demo

        write_demo(Path(tmp) / "demo")
        path = Path(tmp) / "demo" / "2026_组织人事处.selfassess"
        start_median, start_max = bench_start(path, home)
        switch_median, switch_p95, switch_max = bench_switch(path)
    print(f"### {date.today().isoformat()} — {machine()}, offscreen Qt\n")
    print("| benchmark | result | target |")
    print("|---|---|---|")
    print(f"| process start → main window shown with a file open (7 runs) | median "
          f"{start_median:.0f} ms, max {start_max:.0f} ms | ≤ 600 ms |")
    print(f"| switching items, 58 switches incl. repaint | median {switch_median:.1f} ms, "
          f"p95 {switch_p95:.1f} ms, max {switch_max:.1f} ms | ≤ 50 ms |")


if __name__ == "__main__":
    main()
