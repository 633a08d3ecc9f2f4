"""One saved edit (run by hand): ``python bench/bench_edit.py``.

1,000 edits of one score through ``AssessmentFile.apply`` (the path the app's autosave takes),
in a file of short texts and in one of 29 × 20,000-character narratives: p50 and p95, against
a bare SQLite UPDATE + COMMIT; seven runs of each, alternating, the median run reported. The
goal (issue "fast from the first click"): p95 ≤ 0.5 ms, not growing with the text in the file.
Run it from an older checkout too (``git worktree add /tmp/before COMMIT``) to compare.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from bench_store import machine

from selfassess.checklist import load_builtin
from selfassess.store import AssessmentFile, ChangeSet

EDITS = 1000
ROUNDS = 7
TEXT = "意识形态工作责任制落实情况"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def saves(characters: int) -> list[float]:
    checklist = load_builtin("ideology-responsibility")
    codes = [item.code for item in checklist.items]
    narrative = (TEXT * (characters // len(TEXT) + 1))[:characters]
    timings = []
    with tempfile.TemporaryDirectory() as folder, AssessmentFile.create(
            Path(folder) / "edits.selfassess", checklist, department_name="办公室",
            period="2026") as af:
        af.apply(ChangeSet(answers={code: {"narrative": narrative} for code in codes}))
        for n in range(EDITS):
            change = ChangeSet(answers={codes[n % len(codes)]: {"self_score": Decimal(n % 3)}})
            started = time.perf_counter()
            af.apply(change, actor="bench")
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def anchor() -> list[float]:
    """A bare SQLite UPDATE + COMMIT in WAL mode: what one saved edit cannot beat."""
    import sqlite3

    timings = []
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder) / "bare.sqlite", isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("CREATE TABLE answers (code TEXT PRIMARY KEY, score TEXT)")
        conn.execute("INSERT INTO answers VALUES ('1.1', '0')")
        for n in range(EDITS):
            started = time.perf_counter()
            conn.execute("BEGIN")
            conn.execute("UPDATE answers SET score = ? WHERE code = '1.1'", [str(n % 3)])
            conn.execute("COMMIT")
            timings.append((time.perf_counter() - started) * 1000)
        conn.close()
    return timings


def main() -> None:
    load_before = os.getloadavg()[0]
    cases = {"anchor": anchor, "29 short narratives": lambda: saves(40),
             "29 × 20,000-character narratives": lambda: saves(20_000)}
    p50s: dict[str, list[float]] = {name: [] for name in cases}
    p95s: dict[str, list[float]] = {name: [] for name in cases}
    for _round in range(ROUNDS):  # alternating, so a busy moment touches every case
        for name, run in cases.items():
            timings = run()
            p50s[name].append(statistics.median(timings))
            p95s[name].append(percentile(timings, 0.95))
    load_after = os.getloadavg()[0]
    print(f"### {date.today()} — {machine()}; load average {load_before:.2f} → "
          f"{load_after:.2f}\n")
    print(f"{EDITS} edits a run, {ROUNDS} runs alternating; the median run's p50 and p95.\n")
    bare = statistics.median(p95s["anchor"])
    print("| file | p50 | p95 | p95 × anchor |\n|---|---|---|---|")
    for name in cases:
        p95 = statistics.median(p95s[name])
        label = "bare UPDATE + COMMIT in WAL (anchor)" if name == "anchor" else name
        print(f"| {label} | {statistics.median(p50s[name]):.3f} ms | {p95:.3f} ms | "
              f"{p95 / bare:.0f} |")


if __name__ == "__main__":
    main()
