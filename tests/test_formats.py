"""Files of every earlier format (made by the release that wrote it, kept gzipped in
tests/data/formatN: 1 before the seal covered the audit log, 2 before returns and approvals,
3 before carry-over, 4 before the measures' ledger)
are read as they are and upgraded only when opened for editing; the seal covers the audit log
(product.md: removing or editing audit lines of a sealed file is "modified after sealing")."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
import tempfile
from decimal import Decimal as D
from pathlib import Path

import pytest
from commands import Capture, run
from files import read_only, scored_department, sha256_of

from selfassess.bureau import create_bureau, merge_files
from selfassess.bureau.returns import approve_department
from selfassess.checklist import Checklist
from selfassess.errors import FileFormatError
from selfassess.store import AssessmentFile, ChangeSet
from selfassess.store.schema import SCHEMA_VERSION

DATA = Path(__file__).parent / "data"
EARLIER_FORMATS = [1, 2, 3, 4, 5, 6, 7, 8, 9]  # each a folder tests/data/formatN with the same three files


def unpack(name: str, folder: Path, as_name: str | None = None, version: int = 1) -> Path:
    path = folder / (as_name or name)
    path.write_bytes(gzip.decompress((DATA / f"format{version}" / f"{name}.gz").read_bytes()))
    return path


def test_every_earlier_format_has_its_files() -> None:
    assert EARLIER_FORMATS[-1] + 1 == SCHEMA_VERSION
    for version in EARLIER_FORMATS:
        assert sorted(p.name for p in (DATA / f"format{version}").glob("*.gz")) == [
            "bureau.selfassess.gz", "draft-department.selfassess.gz",
            "sealed-department.selfassess.gz"]


def user_version(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[60:64], "big")


def sql(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(statement)
    conn.close()


@pytest.fixture(params=EARLIER_FORMATS, ids=lambda version: f"format{version}")
def version(request: pytest.FixtureRequest) -> int:
    return int(request.param)


@pytest.fixture
def received(tmp_path: Path, version: int) -> Path:
    folder = tmp_path / "received"
    folder.mkdir()
    unpack("sealed-department.selfassess", folder, "2026_办公室.selfassess", version)
    unpack("bureau.selfassess", folder, "2026_汇总.selfassess", version)
    return folder


def test_earlier_formats_are_read_from_read_only_media_unchanged(
        received: Path, tmp_path: Path, capsys: Capture, version: int) -> None:
    before = {p.name: sha256_of(p) for p in received.iterdir()}
    assert {user_version(p) for p in received.iterdir()} == {version}
    with read_only(received, tmp_path / "stick") as stick:
        department, bureau = stick / "2026_办公室.selfassess", stick / "2026_汇总.selfassess"
        code, out, err = run(capsys, "summary", str(department), "--json")
        assert code == 0, err
        (summary,) = json.loads(out)["departments"]
        assert summary["name"] == "办公室" and summary["sealed"] is True
        assert summary["total"] == 101.5
        code, out, err = run(capsys, "summary", str(bureau), "--json")
        assert code == 0, err
        assert [d["name"] for d in json.loads(out)["departments"]] == ["办公室", "建设与管理处"]
        code, _out, err = run(capsys, "report", str(department), "-o",
                              str(tmp_path / "sheet.pdf"))
        assert code == 0, err
        with AssessmentFile.open(department, readonly=True) as af:
            # format 1 sealed before the log was covered
            assert (af.seals()[-1].audit_digest is None) == (version == 1)
            assert (af.returns() == []) == (version < 3) and af.approvals() == []
        assert sorted(p.name for p in stick.iterdir()) == sorted(before)
    assert {p.name: sha256_of(p) for p in received.iterdir()} == before
    assert not list(Path(tempfile.gettempdir()).glob("selfassess-*/upgraded*"))


def test_earlier_departments_merge_into_a_new_bureau_unchanged(
        received: Path, tmp_path: Path, checklist: Checklist, version: int) -> None:
    source = received / "2026_办公室.selfassess"
    digest = sha256_of(source)
    bureau = tmp_path / "bureau.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", ["办公室"]).close()
    draft = unpack("draft-department.selfassess", received, "2026_建设与管理处.selfassess",
                   version)
    outcomes = merge_files(bureau, [source, draft], allow_drafts=True)
    assert [o.outcome for o in outcomes] == ["added", "draft"]
    assert sha256_of(source) == digest and user_version(source) == user_version(draft) == version
    with AssessmentFile.open(bureau) as af:  # the full check holds on the merged old seal
        merged = next(d for d in af.departments() if d.name == "办公室")
        assert merged.sealed
        assert (af.seals(merged.id)[-1].audit_digest is None) == (version == 1)


def test_earlier_formats_are_upgraded_when_opened_for_editing(received: Path, capsys: Capture,
                                                              version: int) -> None:
    department = received / "2026_办公室.selfassess"
    with AssessmentFile.open(department) as af:  # upgraded, and its old seal still holds
        assert af.department().sealed
        revision = af.department().revision
        af.reopen(actor="张三")
        af.apply(ChangeSet(answers={"1.1": {"narrative": "新的一年，新的做法。"}}))
        record = af.seal(actor="张三")
    assert user_version(department) == SCHEMA_VERSION
    assert record.revision == revision + 1 and record.audit_digest is not None
    code, _out, err = run(capsys, "summary", str(department), "--json")
    assert code == 0, err
    bureau = received / "2026_汇总.selfassess"
    if version >= 3:  # its bureau approved 办公室 (审定): a newer revision waits for withdrawal
        assert merge_files(bureau, [department])[0].outcome == "refused"
        approve_department(bureau, "办公室", withdraw=True)
    assert merge_files(bureau, [department])[0].outcome == "replaced"
    assert user_version(bureau) == SCHEMA_VERSION


def _sealed(folder: Path, checklist: Checklist) -> Path:
    return scored_department(folder, checklist, "宣传处", D("97.5"))


@pytest.mark.parametrize("change", [
    "DELETE FROM audit_log WHERE action = 'create'",
    "UPDATE audit_log SET actor = '王五' WHERE action != 'seal'",
    "UPDATE audit_log SET at = '2026-01-01T00:00:00' WHERE id = (SELECT min(id) FROM audit_log)",
    "DELETE FROM audit_log WHERE action = 'seal'",
    "INSERT INTO audit_log (id, at, actor, department_id, action) SELECT 0, '2026-01-01', "
    "'x', department_id, 'edit' FROM audit_log LIMIT 1",
])
def test_changing_the_audit_log_before_the_seal_is_modified_after_sealing(
        tmp_path: Path, checklist: Checklist, change: str,
        capsys: Capture) -> None:
    sent = _sealed(tmp_path, checklist)
    sql(sent, change)
    path = tmp_path / "received" / sent.name  # as received: this process made the original
    path.parent.mkdir()
    shutil.copy(sent, path)
    digest = sha256_of(path)
    code, _out, err = run(capsys, "summary", str(path))
    assert code == 1 and "modified after sealing" in err and len(err.strip().splitlines()) == 1
    with pytest.raises(FileFormatError, match="modified after sealing"):
        AssessmentFile.open(path)
    bureau = tmp_path / "bureau.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", ["宣传处"]).close()
    assert merge_files(bureau, [path])[0].outcome == "refused"
    assert sha256_of(path) == digest


def test_lines_after_the_seal_and_the_bureau_copy(tmp_path: Path, checklist: Checklist) -> None:
    path = _sealed(tmp_path, checklist)
    with AssessmentFile.open(path) as af:
        seal = af.seals()[-1]
        assert seal.audit_digest and len(seal.audit_digest) == 64
        af.reopen(actor="李四")  # a line after the seal: the seal is gone, nothing to hold
    with AssessmentFile.open(path) as af:
        af.seal(actor="李四")
    bureau = tmp_path / "bureau.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", ["宣传处"]).close()
    assert merge_files(bureau, [path])[0].outcome == "added"
    with AssessmentFile.open(bureau) as af:
        (merged,) = af.departments()
        with AssessmentFile.open(path, readonly=True) as own:
            assert af.seals(merged.id)[-1] == own.seals()[-1]
    sql(bureau, "UPDATE seals SET audit_digest = NULL")  # the bureau keeps what the file proved
    copy = tmp_path / "copy.selfassess"
    shutil.copy(bureau, copy)
    with pytest.raises(FileFormatError, match="modified after sealing"):
        AssessmentFile.open(copy, readonly=True)
