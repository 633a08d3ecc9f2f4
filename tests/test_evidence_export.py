"""Evidence leaves a file only into the chosen folder, under safe names, checked, never
overwriting; a program among the documents is recognised as one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from commands import Capture, run

from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource
from selfassess.store.export_evidence import is_executable


def with_evidence(folder: Path, checklist: Checklist) -> Path:
    path = folder / "office.selfassess"
    (folder / "a.pdf").write_bytes(b"%PDF minutes")
    (folder / "tool.exe").write_bytes(b"MZ not really")
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026") as af:
        af.apply(ChangeSet(item_evidence={
            "1.1": [EvidenceSource(folder / "a.pdf", "会议纪要.pdf"),
                    EvidenceSource(folder / "a.pdf", "../../会议纪要.pdf")],
            "2.1": [EvidenceSource(folder / "tool.exe", "CON")]}))
    return path


def test_written_into_the_folder_only(tmp_path: Path, capsys: Capture,
                                      checklist: Checklist) -> None:
    path = with_evidence(tmp_path, checklist)
    out = tmp_path / "out"
    out.mkdir()
    (out / "1.1_会议纪要.pdf").write_bytes(b"already here")
    code, stdout, err = run(capsys, "evidence", str(path), "-o", str(out))
    assert code == 0, err
    assert "3" in stdout
    names = sorted(p.name for p in out.iterdir())
    assert names == ["1.1_会议纪要 (2).pdf", "1.1_会议纪要 (3).pdf", "1.1_会议纪要.pdf", "2.1__CON"]
    assert (out / "1.1_会议纪要.pdf").read_bytes() == b"already here"  # never overwritten
    assert (out / "1.1_会议纪要 (2).pdf").read_bytes() == b"%PDF minutes"
    assert [p for p in tmp_path.rglob("*") if p.parent not in (tmp_path, out)] == []
    assert is_executable("setup.EXE") and is_executable("宏.xlsm") and not is_executable("a.pdf")


def test_damaged_bytes_are_not_written(tmp_path: Path, capsys: Capture,
                                       checklist: Checklist) -> None:
    path = with_evidence(tmp_path, checklist)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE evidence_blobs SET content = zeroblob(size)")
    conn.commit()
    conn.close()
    out = tmp_path / "out"
    out.mkdir()
    code, _out, err = run(capsys, "evidence", str(path), "-o", str(out))
    assert code == 1 and "does not match its hash" in err
    assert list(out.iterdir()) == []


def test_a_missing_folder_is_refused(tmp_path: Path, capsys: Capture,
                                     checklist: Checklist) -> None:
    path = with_evidence(tmp_path, checklist)
    code, _out, err = run(capsys, "evidence", str(path), "-o", str(tmp_path / "nowhere"))
    assert code == 1 and "does not exist" in err


def test_the_measures_completion_documents_are_written_too(tmp_path: Path, capsys: Capture,
                                                           checklist: Checklist) -> None:
    import json

    from test_ledger import sealed_with_measures

    office = sealed_with_measures(tmp_path, checklist)
    report = tmp_path / "整改报告.pdf"
    report.write_bytes(b"%PDF-1.4 " + b"report " * 50)
    follow = tmp_path / "p.json"
    follow.write_text(json.dumps({"measures": [{"id": 2, "status": "已完成",
                                                "evidence": ["整改报告.pdf"]}]}),
                      encoding="utf-8")
    assert run(capsys, "fill", str(office), str(follow))[0] == 0
    out = tmp_path / "out"
    out.mkdir()
    code, _out, err = run(capsys, "evidence", str(office), "-o", str(out))
    assert code == 0, err
    written = {path.name: path.read_bytes() for path in out.iterdir()}
    assert written["measure 2_整改报告.pdf"] == report.read_bytes()
