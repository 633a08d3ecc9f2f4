"""Start-up of the bundle (run by hand, after ``python3 packaging/build.py``):
``python bench/bench_bundle.py [BUNDLE]``.

``selfassess --version`` from the bundle (``dist/selfassess`` unless given) against the same
command from this virtual environment (the anchor), alternating, median of 9 each, with the
load average. Bytecode is written once before timing, as an installed program has it.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from bench_store import machine

HERE = Path(__file__).resolve().parent.parent
RUNS = 9


def timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "dist" / "selfassess"
    program = bundle / ("selfassess.exe" if os.name == "nt" else "selfassess")
    venv_program = shutil.which("selfassess", path=str(Path(sys.executable).parent))
    assert program.is_file(), f"no bundle at {bundle}: run python3 packaging/build.py"
    assert venv_program, "selfassess is not installed in this environment"
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    runs: dict[str, list[float]] = {"venv": [], "bundle": []}
    timed([venv_program, "--version"], env)
    timed([str(program), "--version"], env)
    load_before = os.getloadavg()[0]
    for _run in range(RUNS):
        runs["venv"].append(timed([venv_program, "--version"], env))
        runs["bundle"].append(timed([str(program), "--version"], env))
    load_after = os.getloadavg()[0]
    anchor = statistics.median(runs["venv"])
    print(f"### {date.today()} — {machine()}; load average {load_before:.2f} → "
          f"{load_after:.2f}\n")
    print("| run | median | × anchor |\n|---|---|---|")
    print(f"| `selfassess --version` from the virtual environment (anchor) | "
          f"{anchor * 1000:.0f} ms | 1.0 |")
    median = statistics.median(runs["bundle"])
    print(f"| `selfassess --version` from the bundle | {median * 1000:.0f} ms | "
          f"{median / anchor:.2f} |")


if __name__ == "__main__":
    main()
