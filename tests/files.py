"""Helpers that make files for tests: hashes, foreign SQLite files, too-new selfassess files,
bureau files with departments of given totals."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal as D
from pathlib import Path

from selfassess.bureau import create_bureau, merge_files
from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile, ChangeSet
from selfassess.store.schema import SCHEMA_VERSION


def sha256_of(path: Path) -> str:
    """SHA-256 of a file's bytes (to prove a file did not change)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def other_sqlite(path: Path) -> None:
    """An SQLite database of some other program."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()


def newer_schema(path: Path, source: Path, ahead: int = 1) -> None:
    """A copy of ``source`` claiming a schema version this program does not know."""
    path.write_bytes(source.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + ahead}")
    conn.commit()
    conn.close()


def scored_department(folder: Path, checklist: Checklist, name: str, total: D,
                      veto: bool = False) -> Path:
    """A sealed department file whose total is ``total`` (points lost on 1.1, then 1.2 …)."""
    answers = {i.code: {"self_score": i.max_points} for i in checklist.items}
    lose = D(100) - total
    cuts = {checklist.items[0].code: lose % 1}  # a fraction only where quarters are allowed
    lose -= lose % 1
    for item in checklist.items:
        cut = min(lose, int(item.max_points - cuts.get(item.code, 0)))
        cuts[item.code] = cuts.get(item.code, 0) + cut
        lose -= cut
    for code, cut in cuts.items():
        if cut:
            max_points = checklist.items_by_code[code].max_points
            answers[code] = {"self_score": max_points - cut, "deduction_reason": "不足"}
    path = folder / f"2026_{name}.selfassess"
    with AssessmentFile.create(path, checklist, department_name=name, period="2026") as af:
        vetoes = {v.code: {"triggered": False} for v in checklist.veto_items}
        if veto:
            vetoes[checklist.veto_items[0].code] = {"triggered": True, "explanation": "发生舆情事件"}
        af.apply(ChangeSet(answers=answers, veto=vetoes))
        af.seal()
    return path


def scored_bureau(tmp_path: Path, checklist: Checklist, totals: list[tuple[str, D, bool]]) -> Path:
    """A bureau file with one sealed department per (name, total, veto), all merged."""
    path = tmp_path / "2026_汇总.selfassess"
    create_bureau(path, checklist, "XX市水利局", "2026", [name for name, _t, _v in totals]).close()
    files = [scored_department(tmp_path, checklist, name, total, veto) for name, total, veto in totals]
    assert all(o.outcome == "added" for o in merge_files(path, files))
    return path


EVERY_STATE = {"办公室": "submitted", "宣传处": "returned", "财务处": "resubmitted",
               "组织人事处": "approved", "档案室": "draft", "纪检组": "missing"}


def bureau_in_every_state(tmp_path: Path, checklist: Checklist) -> Path:
    """A bureau file with a department in each state of EVERY_STATE (the returned files sent
    back are in ``tmp_path / "outbox"``)."""
    from selfassess.bureau.returns import ReturnNotes, approve_department, return_department
    from selfassess.store.returns import ReturnEntry

    path = tmp_path / "2026_汇总.selfassess"
    create_bureau(path, checklist, "XX市水利局", "2026", list(EVERY_STATE)).close()
    sent = {name: scored_department(tmp_path, checklist, name, D(100) - number)
            for number, name in enumerate(("办公室", "宣传处", "财务处", "组织人事处"))}
    draft = tmp_path / "2026_档案室.selfassess"
    with AssessmentFile.create(draft, checklist, department_name="档案室", period="2026") as af:
        af.apply(ChangeSet(answers={"1.1": {"self_score": D(3)}}))
    outcomes = merge_files(path, [*sent.values(), draft], allow_drafts=True)
    assert [o.outcome for o in outcomes] == ["added"] * 4 + ["draft"]
    outbox = tmp_path / "outbox"
    outbox.mkdir(exist_ok=True)
    notes = ReturnNotes("请补充后重新报送。", (ReturnEntry("item", "1.2", "缺会议纪要"),))
    return_department(path, "宣传处", notes, outbox, actor="考核组")
    returned = return_department(path, "财务处", notes, outbox, actor="考核组")
    with AssessmentFile.open(returned) as af:
        af.apply(ChangeSet(answers={"1.2": {"narrative": "已补充会议纪要。"}}))
        af.seal()
    assert merge_files(path, [returned])[0].outcome == "replaced"
    approve_department(path, "组织人事处", by="王书记")
    return path


# --- filesystems a test mounts (root, as CI runs; skipped where mounting is not allowed) -----

def _mount(*argv: str) -> None:
    import os

    import pytest

    if os.geteuid() != 0:
        pytest.skip("mounting a filesystem needs root (CI runs as root)")
    done = subprocess.run(["mount", *argv], capture_output=True, text=True, check=False)
    if done.returncode:  # a container without the right to mount: say so, do not fail CI
        pytest.skip(f"cannot mount here: {done.stderr.strip()}")


@contextmanager
def small_disk(folder: Path, kilobytes: int) -> Iterator[Path]:
    """A tmpfs of this size at ``folder`` (made), unmounted afterwards."""
    folder.mkdir()
    _mount("-t", "tmpfs", "-o", f"size={kilobytes}k", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@contextmanager
def read_only(source: Path, folder: Path) -> Iterator[Path]:
    """``source`` seen read-only at ``folder`` (made): a write-protected stick."""
    folder.mkdir()
    _mount("--bind", str(source), str(folder))
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)
