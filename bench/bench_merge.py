"""Merge benchmarks (run by hand; needs ~5 GB of free disk): ``python bench/bench_merge.py``.

1. Merging 100 department files, each holding 20 MB of evidence, into a new bureau file, in a
   fresh process (``selfassess merge``), against copying the same files with ``cp`` on the same
   disk, alternately three times (medians). Both start with the OS page cache emptied when
   possible (root on Linux), else warm. Peak memory is the merge process's maximum RSS.
2. The summary of the resulting bureau file (100 departments), median of 5.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench_store import drop_caches, machine

from selfassess.bureau import create_bureau
from selfassess.checklist import load_builtin
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource
from selfassess.summary import file_summary

DEPARTMENTS = 100
EVIDENCE_MB = 20
RUNS = 3


def make_departments(folder: Path) -> list[Path]:
    checklist = load_builtin("ideology-responsibility")
    files = []
    for n in range(DEPARTMENTS):
        path = folder / f"2026_处室{n:03d}.selfassess"
        with AssessmentFile.create(path, checklist, department_name=f"处室{n:03d}",
                                   period="2026") as af:
            scans = []
            for part in range(2):
                scan = folder / f"scan{n}_{part}.pdf"
                scan.write_bytes(os.urandom(EVIDENCE_MB // 2 * 1024 * 1024))
                scans.append(EvidenceSource(scan, scan.name))
            changes = ChangeSet(
                answers={i.code: {"self_score": i.max_points, "narrative": "全年按要求开展。" * 20}
                         for i in checklist.items},
                veto={v.code: {"triggered": False} for v in checklist.veto_items},
                item_evidence={"1.1": scans[:1], "2.2": scans[1:]})
            af.apply(changes)
            af.seal()
            for source in scans:
                source.path.unlink()
        files.append(path)
    return files


def timed_copy(files: list[Path], target: Path) -> float:
    target.mkdir()
    drop_caches()
    started = time.perf_counter()
    subprocess.run(["cp", *map(str, files), str(target)], check=True)
    os.sync()
    return time.perf_counter() - started


def timed_merge(bureau: Path, files: list[Path]) -> tuple[float, float]:
    drop_caches()
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "selfassess", "merge", str(bureau),
                                *map(str, files)], stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    os.sync()
    elapsed = time.perf_counter() - started
    assert os.waitstatus_to_exitcode(status) == 0
    return elapsed, usage.ru_maxrss / 1024  # kB → MB on Linux


def timed_summary(bureau: Path) -> float:
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        with AssessmentFile.open(bureau, readonly=True) as af:
            summary = file_summary(af)
        timings.append(time.perf_counter() - started)
    assert len(summary["departments"]) == DEPARTMENTS
    return statistics.median(timings)


def main() -> None:
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        folder = Path(tmp)
        (folder / "received").mkdir()
        files = make_departments(folder / "received")
        size_gb = sum(f.stat().st_size for f in files) / 1024**3
        copies, merges, peaks = [], [], []
        for run in range(RUNS):  # alternate, so both see the same disk conditions
            copies.append(timed_copy(files, folder / "copied"))
            shutil.rmtree(folder / "copied")
            bureau = folder / f"bureau{run}.selfassess"
            create_bureau(bureau, load_builtin("ideology-responsibility"), "XX市水利局", "2026",
                          [f"处室{n:03d}" for n in range(DEPARTMENTS)]).close()
            seconds, peak = timed_merge(bureau, files)
            merges.append(seconds)
            peaks.append(peak)
            if run < RUNS - 1:
                bureau.unlink()
        summary_seconds = timed_summary(bureau)
        copy_seconds, merge_seconds, peak_mb = (statistics.median(copies),
                                                statistics.median(merges), max(peaks))
    cold = "page cache emptied before each" if os.geteuid() == 0 else "warm page cache"
    print(f"### {date.today().isoformat()} — {machine()}\n")
    print(f"{DEPARTMENTS} files, {size_gb:.2f} GB in all; {cold}.\n")
    print("| benchmark | result | target |")
    print("|---|---|---|")
    print(f"| `cp` of the {DEPARTMENTS} files (median of {RUNS}: "
          f"{', '.join(f'{c:.1f}' for c in copies)} s) | {copy_seconds:.1f} s | — |")
    print(f"| `selfassess merge` of the same files into a new bureau file (median of {RUNS}: "
          f"{', '.join(f'{m:.1f}' for m in merges)} s) | {merge_seconds:.1f} s "
          f"({merge_seconds / copy_seconds:.2f}× cp), peak memory {peak_mb:.0f} MB "
          f"| ≤ 2× cp, ≤ 300 MB |")
    print(f"| summary of the {DEPARTMENTS}-department bureau file (median of 5) | "
          f"{summary_seconds * 1000:.0f} ms | ≤ 200 ms |")


if __name__ == "__main__":
    main()
