"""A merge killed at any moment leaves the bureau file intact and either as before or as after."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from selfassess.bureau import create_bureau
from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource
from selfassess.store.database import connection
from selfassess.summary import file_summary

TRIALS = int(os.environ.get("SELFASSESS_CRASH_TRIALS", "12"))  # 50+ by hand: RESULTS.md
MERGE = "import sys; from selfassess.cli import main; sys.exit(main(sys.argv[1:]))"


def state(path: Path) -> str:
    """The bureau's logical content (no timestamps): summary, logs, history and evidence keys."""
    with AssessmentFile.open(path) as af:  # writable, as the app opens it: recovers a hot journal
        summary = file_summary(af)
        summary.pop("file")  # each trial works on its own copy
        for entry in [*summary["departments"], *summary["to_remind"]]:  # when, not what
            entry.pop("state_since", None)
            entry.pop("since", None)
        extra = [connection(af).execute(sql).fetchall() for sql in (
            "SELECT run, file_name, outcome FROM merge_log ORDER BY id",
            "SELECT department_id, revision FROM department_history ORDER BY id",
            "SELECT sha256 FROM evidence_blobs ORDER BY sha256")]
    return json.dumps([summary, extra], ensure_ascii=False, sort_keys=True, default=list)


@pytest.fixture(scope="module")
def received(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from selfassess.checklist import load_builtin

    checklist: Checklist = load_builtin("ideology-responsibility")
    folder = tmp_path_factory.mktemp("received")
    files = []
    for n in range(8):
        scan = folder / f"scan{n}.pdf"
        scan.write_bytes(os.urandom(8 * 1024 * 1024))
        path = folder / f"2026_处室{n}.selfassess"
        with AssessmentFile.create(path, checklist, department_name=f"处室{n}",
                                   period="2026") as af:
            changes = ChangeSet(
                answers={i.code: {"self_score": i.max_points} for i in checklist.items},
                veto={v.code: {"triggered": False} for v in checklist.veto_items},
                item_evidence={"1.1": [EvidenceSource(scan, scan.name)]})
            af.apply(changes)
            af.seal()
        files.append(path)
    return files


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_merges_are_all_or_nothing(received: list[Path], tmp_path: Path,
                                          checklist: Checklist) -> None:
    blank = tmp_path / "blank.selfassess"
    create_bureau(blank, checklist, "XX市水利局", "2026", [f"处室{n}" for n in range(8)]).close()
    env = {**os.environ, "SELFASSESS_LANG": "en"}

    def run_merge(target: Path) -> subprocess.Popen[bytes]:
        return subprocess.Popen([sys.executable, "-c", MERGE, "merge", str(target),
                                 *map(str, received)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    reference = tmp_path / "reference.selfassess"
    shutil.copy(blank, reference)
    started = time.perf_counter()
    assert run_merge(reference).wait(timeout=300) == 0
    duration = time.perf_counter() - started
    before, after = state(blank), state(reference)
    assert before != after
    print(f"full merge: {duration:.2f} s")

    rng = random.Random(20261126)
    outcomes = {"before": 0, "after": 0, "rolled back": 0}
    for trial in range(TRIALS):
        target = tmp_path / f"trial{trial}.selfassess"
        shutil.copy(blank, target)
        process = run_merge(target)
        time.sleep(rng.uniform(0.05, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        # a hot rollback journal (bureau files) or WAL left behind: killed inside a transaction
        interrupted = any(Path(f"{target}{suffix}").exists()
                          and Path(f"{target}{suffix}").stat().st_size > 0
                          for suffix in ("-journal", "-wal"))
        conn = sqlite3.connect(target)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        result = state(target)
        assert result in (before, after), f"trial {trial}: a partial merge is visible"
        outcomes["before" if result == before else "after"] += 1
        if result == before and interrupted:
            outcomes["rolled back"] += 1
    # some kills landed inside the merge's transaction, after it had written, and were undone
    assert outcomes["rolled back"] > 0, outcomes


@pytest.mark.skipif(not hasattr(signal, "SIGINT"), reason="needs SIGINT")
def test_ctrl_c_during_a_merge_exits_1_with_the_bureau_file_as_before(
        received: list[Path], tmp_path: Path, checklist: Checklist) -> None:
    from files import sha256_of

    bureau = tmp_path / "bureau.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", [f"处室{n}" for n in range(8)]).close()
    before = sha256_of(bureau)
    journal = Path(f"{bureau}-journal")
    process = subprocess.Popen([sys.executable, "-c", MERGE, "merge", str(bureau),
                                *map(str, received)], env={**os.environ, "SELFASSESS_LANG": "en"},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (journal.exists() and journal.stat().st_size > 0):  # the merge is writing
        assert process.poll() is None, "the merge ended before it was interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1, err
    assert err.strip().splitlines() == ["merge cancelled; the bureau file is unchanged"]
    assert out == ""
    assert sha256_of(bureau) == before and not journal.exists()
