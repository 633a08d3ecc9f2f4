"""The full check of a received file (run by hand): ``python bench/bench_check.py``.

A department file holding 200 MB of evidence (10 documents of 20 MB), copied under a new name
before every run so this machine does not know it: ``AssessmentFile.open(readonly=True)`` runs
the full check (integrity, every value, every seal, every document re-hashed) on a connection
of its own, the first open of that file in the process. Anchor, in the same process and
alternating with it: SHA-256 of the same file's bytes, read in 1 MiB pieces. Both with the
file in the OS page cache (as after copying it from a stick); median of 7 each.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from bench_store import machine

from selfassess.checklist import load_builtin
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource

RUNS = 7
DOCUMENTS = 10
DOCUMENT_BYTES = 20 * 1024 * 1024


def build(folder: Path) -> Path:
    checklist = load_builtin("ideology-responsibility")
    path = folder / "办公室.selfassess"
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026") as af:
        for n in range(DOCUMENTS):
            source = folder / f"材料{n}.pdf"
            source.write_bytes(os.urandom(DOCUMENT_BYTES))
            af.apply(ChangeSet(add_evidence=[("item", checklist.items[n].code,
                                              EvidenceSource(source, source.name))]))
            source.unlink()
    return path


def hash_anchor(path: Path) -> float:
    started = time.perf_counter()
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    digest.hexdigest()
    return time.perf_counter() - started


def first_open(path: Path) -> float:
    started = time.perf_counter()
    with AssessmentFile.open(path, readonly=True) as af:
        af.data()
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SELFASSESS_HOME"] = f"{folder}/home"  # a machine that knows no file
        original = build(Path(folder))
        load_before = os.getloadavg()[0]
        anchors, opens = [], []
        for run in range(RUNS):
            received = Path(folder) / f"收到{run}.selfassess"
            shutil.copyfile(original, received)  # a new file: not trusted, not cached by us
            hash_anchor(received)  # in the page cache, as after the copy from a stick
            anchors.append(hash_anchor(received))
            opens.append(first_open(received))
            received.unlink()
        load_after = os.getloadavg()[0]
    anchor, ours = statistics.median(anchors), statistics.median(opens)
    print(f"### {date.today()} — {machine()}; load average {load_before:.2f} → "
          f"{load_after:.2f}\n")
    print("| run | median | × anchor |\n|---|---|---|")
    print(f"| SHA-256 of the file's bytes in-process (anchor) | {anchor:.3f} s | 1.0 |")
    print(f"| first open of the received file (full check) | {ours:.3f} s | "
          f"{ours / anchor:.2f} |")


if __name__ == "__main__":
    main()
