"""The merge decision table at the edges tools/mutate.py found unguarded: drafts and sealed
files at the same revision, roster binding on first receipt, a newer revision taking another
department's name, the exact outcome keywords and counts, a cancel during the last file."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from commands import Capture
from files import sha256_of
from test_bureau import (  # noqa: F401  (fixtures used by name)
    ROSTER,
    bump,
    bureau,
    department,
    folder,
    merge,
    summary,
)

from selfassess.bureau import MergeCancelled, merge_files
from selfassess.bureau.roster import roster
from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile, ChangeSet


def bureau_roster(path: Path) -> list[tuple[str, str | None]]:
    with AssessmentFile.open(path, readonly=True) as af:
        return [(entry.name, entry.department_id) for entry in roster(af)]


def seal_renamed(path: Path, name: str) -> None:
    """The next revision of a department file under another name (set as another program could:
    the app has no rename yet)."""
    with AssessmentFile.open(path) as af:
        af.reopen()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE departments SET name = ?", [name])
    db.close()
    with AssessmentFile.open(path) as af:
        af.seal()


def department_id(path: Path) -> str:
    with AssessmentFile.open(path, readonly=True) as af:
        return af.department().id


def test_a_draft_never_replaces_the_same_sealed_revision(bureau: Path, folder: Path,  # noqa: F811
                                                         checklist: Checklist,
                                                         capsys: Capture) -> None:
    office = department(folder, "办公室", checklist)
    assert merge(capsys, bureau, office)[1] == ["added 2026_办公室.selfassess: 办公室 (revision 1)"]
    with AssessmentFile.open(office) as af:
        af.reopen()  # a draft again, still revision 1
        af.apply(ChangeSet(answers={"1.1": {"narrative": "改了一半"}}))
    code, lines, _ = merge(capsys, bureau, office, drafts=True)
    assert code == 1 and lines == ["refused 2026_办公室.selfassess: a draft of 办公室, but sealed "
                                   "revision 1 is already merged"]
    department_row = summary(capsys, bureau)["departments"][0]
    assert department_row["sealed"] and department_row["revision"] == 1
    # a draft of a later revision (sealed twice, reopened) may replace it when drafts are allowed
    with AssessmentFile.open(office) as af:
        af.seal()
        af.reopen()
    code, lines, _ = merge(capsys, bureau, office, drafts=True)
    assert code == 0 and lines == ["draft 2026_办公室.selfassess: 办公室 (revision 2) replaces "
                                   "revision 1; changed since revision 1: 1.1 (narrative)"]
    assert summary(capsys, bureau)["drafts"] == ["办公室"]


def test_the_sealed_file_replaces_a_merged_draft_of_the_same_revision(
        bureau: Path, folder: Path, checklist: Checklist, capsys: Capture) -> None:  # noqa: F811
    office = department(folder, "办公室", checklist)  # sealed, revision 1
    draft = folder / "草稿_办公室.selfassess"
    shutil.copy(office, draft)
    with AssessmentFile.open(draft) as af:
        af.reopen()  # a draft of revision 1 with the same content
    assert merge(capsys, bureau, draft, drafts=True)[1] == [
        "draft 草稿_办公室.selfassess: 办公室 (revision 1)"]
    code, lines, _ = merge(capsys, bureau, office, drafts=True)
    assert code == 0 and lines == ["replaced 2026_办公室.selfassess: 办公室 (revision 1) replaces "
                                   "revision 1"]
    result = summary(capsys, bureau)
    assert result["drafts"] == [] and result["departments"][0]["sealed"]
    # and merging the draft again now is refused, not a silent step back
    code, lines, _ = merge(capsys, bureau, draft, drafts=True)
    assert code == 1 and lines[0].startswith("refused 草稿_办公室.selfassess: a draft of 办公室")


def test_the_first_file_binds_its_roster_entry(bureau: Path, folder: Path,  # noqa: F811
                                               checklist: Checklist, tmp_path: Path,
                                               capsys: Capture) -> None:
    assert bureau_roster(bureau) == [(name, None) for name in ROSTER]
    office = department(folder, "办公室", checklist)
    merge(capsys, bureau, office)
    assert bureau_roster(bureau) == [("办公室", department_id(office)), ("宣传处", None),
                                     ("财务处", None)]
    stray = tmp_path / "stray"
    stray.mkdir()
    code, lines, _ = merge(capsys, bureau, department(stray, "办公室", checklist))
    assert code == 1 and lines[0].startswith("conflict ")
    newcomer = department(folder, "档案室", checklist)
    code, lines, _ = merge(capsys, bureau, newcomer)
    assert code == 0 and lines == ["added 2026_档案室.selfassess: 档案室 (revision 1); not on the "
                                   "roster, added to it"]
    assert bureau_roster(bureau)[-1] == ("档案室", department_id(newcomer))
    bump(newcomer, ChangeSet(answers={"1.1": {"narrative": "补充"}}))
    code, lines, _ = merge(capsys, bureau, newcomer)
    assert code == 0 and lines == ["replaced 2026_档案室.selfassess: 档案室 (revision 2) replaces "
                                   "revision 1; changed since revision 1: 1.1 (narrative)"]
    assert len(bureau_roster(bureau)) == 4


def test_a_newer_revision_may_not_take_another_departments_name(
        bureau: Path, folder: Path, checklist: Checklist, capsys: Capture) -> None:  # noqa: F811
    office = department(folder, "办公室", checklist)
    publicity = department(folder, "宣传处", checklist)
    merge(capsys, bureau, office, publicity)
    seal_renamed(publicity, "办公室")
    code, lines, _ = merge(capsys, bureau, publicity)
    assert code == 1 and lines == ["conflict 2026_宣传处.selfassess: 办公室 is already merged from "
                                   "2026_办公室.selfassess under another department id"]
    names = sorted(d["name"] for d in summary(capsys, bureau)["departments"])
    assert names == ["办公室", "宣传处"]


def test_a_renamed_department_replaces_itself_and_the_roster_follows(
        bureau: Path, folder: Path, checklist: Checklist, capsys: Capture) -> None:  # noqa: F811
    publicity = department(folder, "宣传处", checklist)
    merge(capsys, bureau, publicity)
    seal_renamed(publicity, "宣传教育处")
    code, lines, _ = merge(capsys, bureau, publicity)
    assert code == 0 and lines == ["replaced 2026_宣传处.selfassess: 宣传教育处 (revision 2) "
                                   "replaces revision 1; renamed from 宣传处"]
    assert bureau_roster(bureau) == [("办公室", None), ("宣传教育处", department_id(publicity)),
                                     ("财务处", None)]
    shown = summary(capsys, bureau)
    assert shown["missing"] == ["办公室", "财务处"]
    assert [(d["name"], d["renamed_from"]) for d in shown["departments"]] == [
        ("宣传教育处", "宣传处")]  # shown in the departments table too (原名 宣传处)


def test_outcome_keywords_and_counts_in_the_audit_log(bureau: Path, folder: Path,  # noqa: F811
                                                      checklist: Checklist, tmp_path: Path,
                                                      capsys: Capture) -> None:
    office = department(folder, "办公室", checklist)
    merge(capsys, bureau, office)
    stray = tmp_path / "stray"
    stray.mkdir()
    files = [office, department(folder, "宣传处", checklist),
             department(folder, "财务处", checklist, seal=False),
             department(stray, "办公室", checklist, file_name="冒名_办公室.selfassess"),
             folder / "missing.selfassess"]
    code, lines, _ = merge(capsys, bureau, *files, drafts=True)
    assert code == 1
    assert [line.split(" ", 1)[0] for line in lines] == [
        "unchanged", "added", "draft", "conflict", "refused"]
    with AssessmentFile.open(bureau, readonly=True) as af:
        merges = [e for e in af.audit() if e.action == "merge"]
    assert [e.target for e in merges] == ["1", "2"]
    assert json.loads(merges[-1].new or "") == {"added": 1, "replaced": 0, "unchanged": 1,
                                                "conflict": 1, "refused": 1, "draft": 1}
    assert json.loads(merges[0].new or "")["added"] == 1


def test_a_cancel_while_the_last_file_is_read_undoes_everything(
        bureau: Path, folder: Path, checklist: Checklist) -> None:  # noqa: F811
    files = [department(folder, name, checklist) for name in ROSTER]
    before = sha256_of(bureau)
    labels: list[str] = []

    def progress(done: int, total: int, label: str) -> None:
        labels.append(label)

    # cancel arrives once the last file has been announced: after its checks in the loop
    with pytest.raises(MergeCancelled):
        merge_files(bureau, files, progress=progress,
                    cancelled=lambda: len(labels) == len(files))
    assert sha256_of(bureau) == before and len(labels) == len(files)
    steps: list[tuple[int, int, str]] = []
    outcomes = merge_files(bureau, files, progress=lambda *step: steps.append(step))
    assert [o.outcome for o in outcomes] == ["added"] * 3
    assert [o.refused for o in outcomes] == [False] * 3
    assert steps == [(0, 3, files[0].name), (1, 3, files[1].name), (2, 3, files[2].name),
                     (3, 3, "")]  # the bar reaches its end


def test_drafts_are_refused_unless_asked_for(bureau: Path, folder: Path,  # noqa: F811
                                             checklist: Checklist) -> None:
    draft = department(folder, "财务处", checklist, seal=False)
    outcome = merge_files(bureau, [draft])[0]
    assert (outcome.outcome, outcome.refused) == ("refused", True)
    assert merge_files(bureau, [draft], allow_drafts=True)[0].outcome == "draft"


def test_a_draft_merged_again_is_unchanged_until_it_changes(
        bureau: Path, folder: Path, checklist: Checklist, capsys: Capture) -> None:  # noqa: F811
    draft = department(folder, "财务处", checklist, seal=False)
    assert merge(capsys, bureau, draft, drafts=True)[1] == [
        "draft 2026_财务处.selfassess: 财务处 (revision 0)"]
    assert merge(capsys, bureau, draft, drafts=True)[1] == [
        "unchanged 2026_财务处.selfassess: 财务处 (revision 0), already merged"]
    with AssessmentFile.open(draft) as af:
        af.apply(ChangeSet(answers={"1.1": {"narrative": "又补充了"}}))
    code, lines, _ = merge(capsys, bureau, draft, drafts=True)
    assert code == 0 and lines == ["draft 2026_财务处.selfassess: 财务处 (revision 0) replaces "
                                   "revision 0; changed since revision 0: 1.1 (narrative)"]
    with AssessmentFile.open(bureau, readonly=True) as af:
        assert af.data(af.departments()[0].id).answers["1.1"].narrative == "又补充了"


@pytest.mark.parametrize("prefetch", [100, 40 * 1024 * 1024], ids=["streamed", "read ahead"])
def test_evidence_reaches_the_bureau_file(bureau: Path, folder: Path,  # noqa: F811
                                          checklist: Checklist, tmp_path: Path,
                                          capsys: Capture, monkeypatch: pytest.MonkeyPatch,
                                          prefetch: int) -> None:
    monkeypatch.setattr("selfassess.bureau.intake.PREFETCH_LIMIT", prefetch)
    from selfassess.store import openers

    written: list[Path] = []  # what the merge opens for writing: the bureau file only
    acquire = openers.acquire
    monkeypatch.setattr(openers, "acquire", lambda path: (written.append(Path(path)),
                                                          acquire(path))[-1])
    scan = tmp_path / "会议纪要扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 64)
    office = department(folder, "办公室", checklist, evidence=scan)
    publicity = department(folder, "宣传处", checklist, evidence=scan)
    written.clear()
    assert merge(capsys, bureau, office)[1] == ["added 2026_办公室.selfassess: 办公室 (revision 1)"]
    assert merge(capsys, bureau, office)[1][0].startswith("unchanged ")
    # the same document from another department is stored once and belongs to both
    assert merge(capsys, bureau, publicity)[1][0].startswith("added ")
    with AssessmentFile.open(bureau, readonly=True) as af:
        refs = [af.data(d.id).evidence[0] for d in af.departments()]
        assert len(refs) == 2 and refs[0].sha256 == refs[1].sha256
        assert af.evidence_bytes(refs[0].sha256) == scan.read_bytes()
    assert written and {path.name for path in written} == {bureau.name}


def test_a_core_refusal_while_storing_refuses_that_file_only(
        bureau: Path, folder: Path, checklist: Checklist,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    from selfassess.bureau import merge as merging
    from selfassess.errors import InputRefused

    write = merging.write_department

    def refuse_one(db: object, data: object, *args: object) -> int:
        if data.department.name == "宣传处":  # type: ignore[attr-defined]
            raise InputRefused([f"{folder / '2026_宣传处.selfassess'}: 内容无法写入"])
        return write(db, data, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(merging, "write_department", refuse_one)
    files = [department(folder, name, checklist) for name in ROSTER]
    outcomes = merge_files(bureau, files)
    assert [(o.outcome, o.reason.split(":")[-1].strip()) for o in outcomes][1] == (
        "refused", "内容无法写入")
    assert [o.outcome for o in outcomes] == ["added", "refused", "added"]
    with AssessmentFile.open(bureau, readonly=True) as af:
        assert sorted(d.name for d in af.departments()) == ["办公室", "财务处"]
