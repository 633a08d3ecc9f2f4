"""Start-up of the read path (run by hand): ``python bench/bench_startup.py [CHECKOUT …]``.

``selfassess summary BUREAU --json`` on the 100-department bureau of ``bench_report``, as a
command, against its anchor ``python -c "import sqlite3, json"`` measured in the same run:
alternating, median of 9 each, with the load average before and after. Each checkout given
(``git worktree add /tmp/before COMMIT``) is run from its own source tree with this
interpreter. Then the ten slowest imports (``python -X importtime``) of each checkout.
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

from bench_report import build_bureau
from bench_store import machine

HERE = Path(__file__).resolve().parent.parent
RUNS = 9


def timed(argv: list[str], env: dict[str, str], cwd: Path = HERE) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def slowest_imports(argv: list[str], env: dict[str, str], cwd: Path) -> list[tuple[int, str]]:
    done = subprocess.run([sys.executable, "-X", "importtime", *argv], env=env, cwd=cwd,
                          check=True, capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _self, cumulative, name = line.split(":", 1)[1].split("|")
            if cumulative.strip().isdigit():
                rows.append((int(cumulative), name.rstrip()))
    return sorted(rows, reverse=True)[:10]


def main() -> None:
    checkouts = [Path(p).resolve() for p in sys.argv[1:]] or [HERE]
    with tempfile.TemporaryDirectory() as folder:
        bureau = build_bureau(Path(folder))
        anchor = [sys.executable, "-c", "import sqlite3, json"]
        load_before = os.getloadavg()[0]
        times: dict[str, list[float]] = {"anchor": []}
        envs: dict[str, dict[str, str]] = {}
        # an installed program runs from bytecode: let Python write it (some shells forbid it)
        # and write it once before timing
        plain = {key: value for key, value in os.environ.items()
                 if key != "PYTHONDONTWRITEBYTECODE"}
        command = ["-m", "selfassess", "summary", str(bureau), "--json"]
        for checkout in checkouts:
            envs[str(checkout)] = {**plain, "PYTHONPATH": str(checkout),
                                   "SELFASSESS_HOME": f"{folder}/home"}
            times[str(checkout)] = []
            timed([sys.executable, *command], envs[str(checkout)], checkout)
        for _round in range(RUNS):
            times["anchor"].append(timed(anchor, plain))
            for checkout in checkouts:
                # run in the checkout: ``-m`` puts the working folder first on the path
                times[str(checkout)].append(timed([sys.executable, *command],
                                                  envs[str(checkout)], checkout))
        load_after = os.getloadavg()[0]
        anchor_median = statistics.median(times["anchor"])
        print(f"### {date.today()} — {machine()}; load average {load_before:.2f} → "
              f"{load_after:.2f}\n")
        print("| run | median | × anchor |\n|---|---|---|")
        print(f"| `python -c \"import sqlite3, json\"` (anchor) | {anchor_median:.3f} s | 1.0 |")
        for checkout in checkouts:
            median = statistics.median(times[str(checkout)])
            print(f"| `summary --json`, 100 departments ({checkout.name}) | {median:.3f} s | "
                  f"{median / anchor_median:.1f} |")
        for checkout in checkouts:
            print(f"\nSlowest imports ({checkout.name}), cumulative µs:\n")
            for microseconds, name in slowest_imports(command, envs[str(checkout)],
                                                        checkout):
                print(f"- {name.strip()}: {microseconds / 1000:.0f} ms")


if __name__ == "__main__":
    main()
