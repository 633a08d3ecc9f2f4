"""Start-up of the read path (run by hand): ``python bench/bench_startup.py [CHECKOUT …]``.

``selfassess summary BUREAU --json`` on the 100-department bureau of ``bench_report``, as a
command, against its anchor ``python -c "import sqlite3, json"`` measured in the same run:
alternating, median of 9 each, with the load average before and after; the bureau both as the
secretary's own file and as a received one (fully checked at every open). Each checkout given
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
        # an installed program runs from bytecode: let Python write it (some shells forbid it)
        # and write it once before timing
        plain = {key: value for key, value in os.environ.items()
                 if key != "PYTHONDONTWRITEBYTECODE"}
        command = ["-m", "selfassess", "summary", str(bureau), "--json"]
        # the secretary's own file (this machine wrote it last: no full check) and the same
        # file as received (a machine that does not know it: the full check every time)
        homes = {"own": f"{folder}/own", "received": f"{folder}/received"}
        subprocess.run([sys.executable, "-c", "import sys; from selfassess.store import "
                        "AssessmentFile; AssessmentFile.open(sys.argv[1]).close()", str(bureau)],
                       env={**plain, "SELFASSESS_HOME": homes["own"]}, check=True, cwd=HERE)
        runs = [(checkout, case) for checkout in checkouts for case in homes]
        envs = {(checkout, case): {**plain, "PYTHONPATH": str(checkout),
                                   "SELFASSESS_HOME": home}
                for checkout in checkouts for case, home in homes.items()}
        times: dict[object, list[float]] = {"anchor": [], **{run: [] for run in runs}}
        for run in runs:
            timed([sys.executable, *command], envs[run], run[0])
        load_before = os.getloadavg()[0]
        for _round in range(RUNS):
            times["anchor"].append(timed(anchor, plain))
            for run in runs:
                # run in the checkout: ``-m`` puts the working folder first on the path
                times[run].append(timed([sys.executable, *command], envs[run], run[0]))
        load_after = os.getloadavg()[0]
        anchor_median = statistics.median(times["anchor"])
        print(f"### {date.today()} — {machine()}; load average {load_before:.2f} → "
              f"{load_after:.2f}\n")
        print("| run | median | × anchor |\n|---|---|---|")
        print(f"| `python -c \"import sqlite3, json\"` (anchor) | {anchor_median:.3f} s | 1.0 |")
        for checkout, case in runs:
            median = statistics.median(times[(checkout, case)])
            print(f"| `summary --json`, 100 departments, {case} file ({checkout.name}) | "
                  f"{median:.3f} s | {median / anchor_median:.1f} |")
        for checkout in checkouts:
            print(f"\nSlowest imports ({checkout.name}), cumulative µs:\n")
            for microseconds, name in slowest_imports(command, envs[(checkout, "own")],
                                                        checkout):
                print(f"- {name.strip()}: {microseconds / 1000:.0f} ms")


if __name__ == "__main__":
    main()
