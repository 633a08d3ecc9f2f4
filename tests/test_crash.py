"""Crash safety: edits and seals run in a subprocess killed with SIGKILL at random moments.

After every kill the file passes ``PRAGMA integrity_check`` and the full check, every edit the
process reported as saved is there (at most the one in flight is too), multi-table edits are
whole, a seal is whole (digest, revision, record) and every backup copy is complete.
``SELFASSESS_CRASH_TRIALS`` sets the trials per harness (CI runs a few; the full run by hand
uses 50 or more, results in bench/RESULTS.md). Merges: tests/test_merge_atomicity.py.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile, ChangeSet
from selfassess.store.backups import backup_folder, list_backups
from selfassess.store.verify import verify_contents

TRIALS = int(os.environ.get("SELFASSESS_CRASH_TRIALS", "6"))

EDITS = r"""
import os, sys
from pathlib import Path
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource
scan = Path(sys.argv[2])
with AssessmentFile.open(Path(sys.argv[1])) as af:
    answer = af.data().answers.get("1.1")  # carry on from the last edit that was stored
    n = int(answer.narrative.strip("第次")) if answer and answer.narrative else 0
    while True:
        n += 1
        changes = ChangeSet(answers={"1.1": {"narrative": f"第{n}次"},
                                     "1.2": {"deduction_reason": f"原因{n}"}})
        if n % 5 == 0:  # an attachment in the same transaction as the text
            scan.write_bytes(os.urandom(128 * 1024))
            code = af.checklist.items[n // 5 % len(af.checklist.items)].code
            changes.add_evidence = [("item", code, EvidenceSource(scan, f"第{n}份.pdf"))]
        af.apply(changes)
        print(n, flush=True)
"""

SEALS = r"""
import sys
from pathlib import Path
from selfassess.store import AssessmentFile, ChangeSet
with AssessmentFile.open(Path(sys.argv[1])) as af:
    n = af.department().revision
    while True:
        n += 1
        if af.department().sealed:
            af.reopen()
        af.apply(ChangeSet(answers={"1.1": {"narrative": f"第{n}版"}}))
        af.seal()
        print(n, flush=True)
"""

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]


def kill_at_random(script: str, path: Path, rng: random.Random, *extra: str,
                   longest: float = 1.2) -> int:
    """Run ``script`` on ``path``; once it has reported its first stored change, kill it after
    a random time. Returns the last number it reported. Waiting for the first report keeps the
    trial meaningful on a loaded machine, where starting Python alone can take longer than the
    random delay (a child killed before it wrote anything would prove nothing)."""
    process = subprocess.Popen([sys.executable, "-c", script, str(path), *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=os.environ.copy())
    assert process.stdout is not None
    first = process.stdout.readline()  # blocks until the child has stored one change
    assert first.strip(), f"the child ended before storing anything: {process.stderr.read()}"
    time.sleep(rng.uniform(0, longest))
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate(timeout=60)
    reported = [int(line) for line in (first + out).split()]
    assert process.returncode == -signal.SIGKILL, err[-2000:]
    return reported[-1]


def intact(path: Path) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_killed_edits_lose_nothing_reported_saved(tmp_path: Path, checklist: Checklist) -> None:
    path = tmp_path / "office.selfassess"
    AssessmentFile.create(path, checklist, department_name="办公室", period="2026").close()
    rng = random.Random(11)
    for trial in range(TRIALS):
        reported = kill_at_random(EDITS, path, rng, str(tmp_path / "scan.pdf"))
        intact(path)
        with AssessmentFile.open(path) as af:  # writable, as the app reopens it after a crash
            data = af.data()
        stored = int(data.answers["1.1"].narrative.strip("第次"))
        assert stored in (reported, reported + 1), f"trial {trial}: {stored} vs {reported}"
        assert data.answers["1.2"].deduction_reason == f"原因{stored}"  # one transaction
        assert sorted(e.file_name for e in data.evidence) == sorted(
            f"第{n}份.pdf" for n in range(5, stored + 1, 5))  # no attachment lost or torn
    with AssessmentFile.open(path, readonly=True, verify=False) as af:
        verify_contents(af)  # every document still matches its hash


def test_killed_seals_are_whole(tmp_path: Path, checklist: Checklist) -> None:
    path = tmp_path / "office.selfassess"
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026") as af:
        af.apply(ChangeSet(
            answers={i.code: {"self_score": i.max_points} for i in checklist.items},
            veto={v.code: {"triggered": False} for v in checklist.veto_items}))
    rng = random.Random(12)
    for trial in range(TRIALS):
        reported = kill_at_random(SEALS, path, rng)
        intact(path)
        with AssessmentFile.open(path) as af:
            department = af.department()
            assert department.revision >= reported, f"trial {trial}"
            seals = af.seals()
            assert [s.revision for s in seals] == list(range(1, department.revision + 1))
            narrative = af.data().answers["1.1"].narrative
            if department.sealed:
                assert narrative == f"第{department.revision}版"
            else:
                assert narrative in (f"第{department.revision}版", f"第{department.revision + 1}版",
                                     "")
        with AssessmentFile.open(path, readonly=True, verify=False) as af:
            verify_contents(af)  # the last seal's digest matches the content
        for backup in list_backups(path):  # copies are whole or absent, never partial
            intact(backup.path)
        assert len(list_backups(path)) <= 10
    with AssessmentFile.open(path) as af:  # the next seal sweeps what a kill left half-made
        if af.department().sealed:
            af.reopen()
        af.seal()
    assert not [p for p in backup_folder(path).iterdir() if p.suffix == ".tmp"]
