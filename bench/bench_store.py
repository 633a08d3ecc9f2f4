"""Storage benchmarks (run by hand): ``python bench/bench_store.py``.

1. One answer saved in its own transaction, as the GUI does per field: p50/p95 over 1,000 saves.
2. Opening a file that holds 200 MB of evidence, as the GUI does: open + read the department's
   data + close, median and worst of 10 runs (the evidence bytes must not be read).

Prints a Markdown block to paste into bench/RESULTS.md with the machine and date.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from selfassess import __version__
from selfassess.checklist import load_builtin
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource
from selfassess.summary import file_summary


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def bench_saves(folder: Path, count: int = 1000) -> tuple[float, float, float]:
    checklist = load_builtin("ideology-responsibility")
    codes = [item.code for item in checklist.items]
    timings = []
    with AssessmentFile.create(folder / "saves.selfassess", checklist, department_name="办公室",
                               period="2026") as af:
        for n in range(count):
            code = codes[n % len(codes)]
            change = ChangeSet(answers={code: {"narrative": f"第{n}次修改:全年专题研究意识形态工作3次。",
                                               "self_score": Decimal(n % 3)}})
            started = time.perf_counter()
            af.apply(change, actor="bench")
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), percentile(timings, 0.95), max(timings)


def drop_caches() -> bool:
    """Empty the OS page cache (root on Linux only) so the next open reads from disk."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def timed_open(path: Path) -> float:
    started = time.perf_counter()
    with AssessmentFile.open(path) as af:
        file_summary(af)
    return (time.perf_counter() - started) * 1000


def bench_open(folder: Path, megabytes: int = 200, runs: int = 10
               ) -> tuple[float, float, float | None]:
    checklist = load_builtin("ideology-responsibility")
    path = folder / "evidence.selfassess"
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026") as af:
        for n in range(megabytes // 10):
            scan = folder / f"scan{n}.pdf"
            scan.write_bytes(os.urandom(10 * 1024 * 1024))
            code = checklist.items[n % len(checklist.items)].code
            af.apply(ChangeSet(add_evidence=[("item", code, EvidenceSource(scan, scan.name))]))
            scan.unlink()
    size = path.stat().st_size / 1024 / 1024
    assert size >= megabytes, size
    cold = timed_open(path) if drop_caches() else None
    timings = [timed_open(path) for _ in range(runs)]
    return statistics.median(timings), max(timings), cold


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
            f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, "
            f"selfassess {__version__}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        p50, p95, worst = bench_saves(folder)
        median, slowest, cold = bench_open(folder)
    print(f"### {date.today().isoformat()} — {machine()}\n")
    print("| benchmark | result | target |")
    print("|---|---|---|")
    print(f"| one answer saved in its own transaction (1,000 saves) | p50 {p50:.2f} ms, "
          f"p95 {p95:.2f} ms, max {worst:.2f} ms | p95 ≤ 10 ms |")
    print(f"| open + read a file holding 200 MB of evidence (10 runs) | median {median:.1f} ms, "
          f"max {slowest:.1f} ms | ≤ 300 ms |")
    if cold is not None:
        print(f"| the same, first open after emptying the OS page cache | {cold:.1f} ms | ≤ 300 ms |")


if __name__ == "__main__":
    main()
