"""Backups before each seal and merge; ``backups`` lists them, ``restore`` brings one back."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

from commands import Capture, run
from files import sha256_of

from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile, ChangeSet
from selfassess.store.backups import KEEP, backup_folder, list_backups


def complete(checklist: Checklist, narrative: str) -> ChangeSet:
    return ChangeSet(answers={i.code: {"self_score": i.max_points, "narrative": narrative}
                              for i in checklist.items},
                     veto={v.code: {"triggered": False} for v in checklist.veto_items})


def narrative(path: Path) -> str:
    with AssessmentFile.open(path, readonly=True) as af:
        return af.data().answers["1.1"].narrative


def test_each_seal_keeps_a_copy_of_the_state_before(tmp_path: Path, capsys: Capture,
                                                    checklist: Checklist) -> None:
    path = tmp_path / "office.selfassess"
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026") as af:
        af.apply(complete(checklist, "第一稿"))
        af.seal()
        for n in range(KEEP + 2):  # more seals than copies kept
            af.reopen()
            af.apply(complete(checklist, f"第{n + 2}稿"))
            af.seal()
    backups = list_backups(path)
    assert len(backups) == KEEP and all(b.reason == "seal" for b in backups)
    assert [b.made_at for b in backups] == sorted((b.made_at for b in backups), reverse=True)
    with AssessmentFile.open(backups[0].path, readonly=True) as copy:  # the state before
        assert copy.data().answers["1.1"].narrative == f"第{KEEP + 3}稿"  # the last seal
        assert not copy.department().sealed

    code, out, err = run(capsys, "backups", str(path))
    assert code == 0, err
    assert out.count("_seal.selfassess") == KEEP and str(backup_folder(path)) in out


def test_restore_never_over_a_newer_file_without_force(tmp_path: Path, capsys: Capture,
                                                       checklist: Checklist) -> None:
    path = tmp_path / "office.selfassess"
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026") as af:
        af.apply(complete(checklist, "封存前"))
        af.seal()
    time.sleep(0.05)
    with AssessmentFile.open(path) as af:  # changed after the backup was made
        af.reopen()
        af.apply(complete(checklist, "封存后又改"))
    before = sha256_of(path)
    code, _out, err = run(capsys, "restore", "1", str(path))
    assert code == 1 and "changed after this backup was made" in err and "--force" in err
    assert sha256_of(path) == before

    code, out, err = run(capsys, "restore", "1", str(path), "--force")
    assert code == 0, err
    assert narrative(path) == "封存前"
    kept = [b for b in list_backups(path) if b.reason == "restore"]
    assert len(kept) == 1 and narrative(kept[0].path) == "封存后又改"  # nothing is lost
    assert str(kept[0].path) in out

    code, _out, err = run(capsys, "restore", "9", str(path))
    assert code == 1 and "there is no number 9" in err


def test_a_damaged_backup_is_refused(tmp_path: Path, capsys: Capture,
                                     checklist: Checklist) -> None:
    path = tmp_path / "office.selfassess"
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026") as af:
        af.apply(complete(checklist, "原文"))
        af.seal()
    backup = list_backups(path)[0].path
    conn = sqlite3.connect(backup)
    conn.execute("UPDATE answers SET self_score = '99'")
    conn.commit()
    conn.close()
    os.utime(backup)  # as new as can be: only the check stops it
    before = sha256_of(path)
    code, _out, err = run(capsys, "restore", str(backup), str(path), "--force")
    assert code == 1 and "score 99" in err and len(err.strip().splitlines()) == 1
    assert sha256_of(path) == before


def test_restore_over_a_damaged_file_keeps_it_aside(tmp_path: Path, capsys: Capture,
                                                     checklist: Checklist) -> None:
    """The case backups exist for: the file is damaged; restore puts the backup in place and
    keeps the damaged file (and a stray journal beside it) as they were, beside it."""
    path = tmp_path / "office.selfassess"
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026") as af:
        af.apply(complete(checklist, "封存前"))
        af.seal()
    damaged = path.read_bytes()[:8192] + b"\0" * 4096  # cut short, then garbage
    path.write_bytes(damaged)
    Path(f"{path}-journal").write_bytes(b"left behind")
    code, out, err = run(capsys, "restore", "1", str(path), "--force")
    assert code == 0, err
    assert narrative(path) == "封存前" and not Path(f"{path}-journal").exists()
    aside = sorted(tmp_path.glob("office.selfassess.damaged-*"))
    assert [p.read_bytes() for p in aside if not p.name.endswith("-journal")] == [damaged]
    assert any(p.name.endswith("-journal") and p.read_bytes() == b"left behind" for p in aside)
    assert aside[0].name in out


def test_merge_backs_up_the_bureau_first(tmp_path: Path, capsys: Capture,
                                         checklist: Checklist) -> None:
    bureau = tmp_path / "bureau.selfassess"
    assert run(capsys, "bureau", "new", str(bureau), "--name", "XX局", "--period", "2026")[0] == 0
    department = tmp_path / "office.selfassess"
    with AssessmentFile.create(department, checklist, department_name="办公室",
                               period="2026") as af:
        af.apply(complete(checklist, "按要求开展"))
        af.seal()
    empty = sha256_of(bureau)
    copy = tmp_path / "empty-copy.selfassess"
    shutil.copy(bureau, copy)
    code, _out, err = run(capsys, "merge", str(bureau), str(department))
    assert code == 0, err
    backups = list_backups(bureau)
    assert [b.reason for b in backups] == ["merge"]
    with AssessmentFile.open(backups[0].path, readonly=True) as before_merge:
        assert before_merge.departments() == []
    code, _out, err = run(capsys, "restore", "1", str(bureau), "--force")
    assert code == 0, err
    with AssessmentFile.open(bureau, readonly=True) as af:
        assert af.departments() == []
    assert sha256_of(copy) == empty  # the untouched copy is still what the bureau was
