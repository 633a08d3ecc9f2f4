"""Read-model benchmark (run by hand): ``python bench/bench_read_model.py [CHECKOUT …]``.

The 100-department bureau file of ``bench_report`` (built once, by this checkout), then for each
checkout given (default: this one) in fresh processes, alternately: ``selfassess summary --json``
as a command (median of 5), and ``collect`` + the bureau PDF in-process (median of 3) with the
number of times a department was read from the file (``AssessmentFile.data``) on the way. Give an
older checkout (``git worktree add /tmp/before COMMIT``) to compare before and after.
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

from bench_report import DEPARTMENTS, build_bureau
from bench_store import machine

HERE = Path(__file__).resolve().parent.parent

REPORT = r'''
import resource, sys, time
from pathlib import Path
from selfassess import i18n
i18n.setup("zh_CN")
from selfassess.store import AssessmentFile
from selfassess.report import collect, load_fonts, report_pdf
reads = 0
original = AssessmentFile.data
def counted(self, *args, **kwargs):
    global reads
    reads += 1
    return original(self, *args, **kwargs)
AssessmentFile.data = counted
fonts = load_fonts()
started = time.perf_counter()
with AssessmentFile.open(Path(sys.argv[1]), readonly=True) as af:
    report = collect(af)
    gathered = time.perf_counter() - started
    pdf = report_pdf(report, fonts=fonts)
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{gathered:.3f} {elapsed:.3f} {peak:.0f} {reads}")
'''


def summary_seconds(checkout: Path, bureau: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "selfassess", "summary", "--json", str(bureau)],
                   env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def report_run(checkout: Path, bureau: Path) -> tuple[float, float, float, int]:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    result = subprocess.run([sys.executable, "-c", REPORT, str(bureau)], env=env, check=False,
                            capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(result.stderr)
    gathered, elapsed, peak, reads = result.stdout.split()
    return float(gathered), float(elapsed), float(peak), int(reads)


def main() -> None:
    checkouts = [Path(a).resolve() for a in sys.argv[1:]] or [HERE]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SELFASSESS_HOME"] = str(Path(tmp) / "home")
        bureau = build_bureau(Path(tmp))
        summaries: dict[Path, list[float]] = {c: [] for c in checkouts}
        reports: dict[Path, list[tuple[float, float, float, int]]] = {c: [] for c in checkouts}
        for _ in range(5):
            for checkout in checkouts:
                summaries[checkout].append(summary_seconds(checkout, bureau))
        for _ in range(3):
            for checkout in checkouts:
                reports[checkout].append(report_run(checkout, bureau))
    print(f"### {date.today().isoformat()} — {machine()}\n")
    print("| checkout | `summary --json` as a command | gathering the report's data | "
          "bureau PDF (gathering included) | departments read | peak memory |")
    print("|---|---|---|---|---|---|")
    for checkout in checkouts:
        runs = reports[checkout]
        print(f"| {checkout.name} | {statistics.median(summaries[checkout]) * 1000:.0f} ms | "
              f"{statistics.median(r[0] for r in runs) * 1000:.0f} ms | "
              f"{statistics.median(r[1] for r in runs):.2f} s | {runs[0][3]} "
              f"(of {DEPARTMENTS}) | {max(r[2] for r in runs):.0f} MB |")


if __name__ == "__main__":
    main()
