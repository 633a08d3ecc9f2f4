"""The secretary's side through the CLI: bureau files, roster, distribution, every row of the
merge decision table, idempotency, review. Received files must never change (checked by hash)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from commands import Capture, run
from files import newer_schema, other_sqlite, sha256_of

from selfassess.checklist import Checklist, checklist_from_mapping, checklist_mapping
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource
from selfassess.store.database import connection

ROSTER = ["办公室", "宣传处", "财务处"]


def complete(checklist: Checklist, narrative: str = "按要求开展。") -> ChangeSet:
    return ChangeSet(
        answers={i.code: {"self_score": i.max_points, "narrative": narrative}
                 for i in checklist.items},
        veto={v.code: {"triggered": False} for v in checklist.veto_items})


def department(folder: Path, name: str, checklist: Checklist, *, period: str = "2026",
               seal: bool = True, narrative: str = "按要求开展。", file_name: str = "",
               evidence: Path | None = None, department_id: str | None = None) -> Path:
    path = folder / (file_name or f"{period}_{name}.selfassess")
    with AssessmentFile.create(path, checklist, department_name=name, period=period,
                               department_id=department_id) as af:
        changes = complete(checklist, narrative)
        if evidence is not None:
            changes.item_evidence = {"1.1": [EvidenceSource(evidence, evidence.name)]}
        af.apply(changes)
        if seal:
            af.seal()
    return path


def bump(path: Path, changes: ChangeSet) -> None:
    """Reopen, change and seal again: the next revision."""
    with AssessmentFile.open(path) as af:
        af.reopen()
        af.apply(changes)
        af.seal()


def summary(capsys: Capture, bureau: Path) -> dict[str, Any]:
    code, out, err = run(capsys, "summary", str(bureau), "--json")
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    # one department a line (readable, and written by json's C encoder)
    lines = out.splitlines()
    for department in result["departments"]:
        assert json.dumps(department, ensure_ascii=False) in {
            line.strip().rstrip(",") for line in lines}
    return result


def merge(capsys: Capture, bureau: Path, *files: Path, drafts: bool = False
          ) -> tuple[int, list[str], str]:
    hashes = {f: sha256_of(f) for f in files if f.is_file()}
    args = ["merge", str(bureau), *map(str, files)] + (["--allow-drafts"] if drafts else [])
    code, out, err = run(capsys, *args)
    for f, digest in hashes.items():
        assert sha256_of(f) == digest, f"{f.name} was modified by the merge"
    return code, out.strip().splitlines(), err


@pytest.fixture
def bureau(tmp_path: Path, capsys: Capture) -> Path:
    roster = tmp_path / "roster.txt"
    roster.write_text("\n".join(["", *ROSTER, "  "]), encoding="utf-8")
    path = tmp_path / "bureau.selfassess"
    code, out, err = run(capsys, "bureau", "new", str(path), "--name", "XX市水利局", "--period",
                         "2026", "--roster", str(roster))
    assert code == 0, err
    assert "3 departments on the roster" in out
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "received"
    path.mkdir()
    return path


def test_added_then_unchanged(bureau: Path, folder: Path, checklist: Checklist,
                              capsys: Capture) -> None:
    office = department(folder, "办公室", checklist)
    code, lines, _ = merge(capsys, bureau, office)
    assert code == 0 and lines == ["added 2026_办公室.selfassess: 办公室 (revision 1)"]
    code, lines, _ = merge(capsys, bureau, office)
    assert code == 0 and lines == ["unchanged 2026_办公室.selfassess: 办公室 (revision 1), "
                                   "already merged"]
    result = summary(capsys, bureau)
    assert [d["name"] for d in result["departments"]] == ["办公室"]
    assert result["missing"] == ["宣传处", "财务处"] and result["drafts"] == []
    assert result["departments"][0]["total"] == 100


def test_higher_revision_replaces_and_keeps_unchanged_reviews(
        bureau: Path, folder: Path, checklist: Checklist, tmp_path: Path,
        capsys: Capture) -> None:
    office = department(folder, "办公室", checklist)
    merge(capsys, bureau, office)
    reviews = tmp_path / "reviews.json"
    reviews.write_text(json.dumps({"reviews": [
        {"department": "办公室", "item": "1.1", "score": 3, "reason": "记录不全"},
        {"department": "办公室", "item": "2.1", "score": 3, "reason": "分工未更新"}]},
        ensure_ascii=False), encoding="utf-8")
    assert run(capsys, "review", str(bureau), str(reviews))[0] == 0
    bump(office, ChangeSet(answers={"2.1": {"narrative": "已补充更新分工文件。"}}))
    code, lines, _ = merge(capsys, bureau, office)
    assert code == 0
    assert lines == ["replaced 2026_办公室.selfassess: 办公室 (revision 2) replaces revision 1; "
                     "changed since revision 1: 2.1 (narrative); 1 review(s) to redo"]
    with AssessmentFile.open(bureau, readonly=True) as af:
        data = af.data(af.departments()[0].id)
        assert data.department.revision == 2
        assert data.answers["1.1"].review_score == 3  # answer unchanged: review kept
        # answer changed: the review kept, flagged 待复核, what was said kept beside it
        assert data.answers["2.1"].review_score == 3 and data.answers["2.1"].review_flag
        assert data.answers["2.1"].review_reason == "分工未更新"
        assert json.loads(data.answers["2.1"].previous_review) == {"score": "3",
                                                                   "reason": "分工未更新"}
        history = connection(af).execute("SELECT revision, content FROM department_history").fetchall()
        assert [h[0] for h in history] == [1]
        assert json.loads(history[0][1])["reviews"]["items"]["2.1"]["score"] == "3"
    dept = summary(capsys, bureau)["departments"][0]
    assert dept["total"] == 98 and dept["review"]["to_redo"] == 1


def test_same_revision_different_content_is_a_conflict(bureau: Path, folder: Path,
                                                       checklist: Checklist, tmp_path: Path,
                                                       capsys: Capture) -> None:
    first = department(folder, "办公室", checklist, seal=False)
    second = folder / "另一份_办公室.selfassess"
    shutil.copy(first, second)
    for path, text in ((first, "甲稿"), (second, "乙稿")):
        with AssessmentFile.open(path) as af:
            af.apply(ChangeSet(answers={"1.1": {"narrative": text}}))
            af.seal()
    assert merge(capsys, bureau, first)[0] == 0
    code, lines, _ = merge(capsys, bureau, second)
    assert code == 1
    assert lines == ["conflict 另一份_办公室.selfassess: revision 1 of 办公室 is already merged from "
                     "2026_办公室.selfassess with different content; both files claim the same "
                     "revision"]


def test_lower_revision_is_refused_as_older(bureau: Path, folder: Path, checklist: Checklist,
                                            capsys: Capture) -> None:
    office = department(folder, "办公室", checklist)
    old_copy = folder / "旧版_办公室.selfassess"
    shutil.copy(office, old_copy)
    bump(office, ChangeSet(answers={"1.1": {"narrative": "新版"}}))
    merge(capsys, bureau, office)
    code, lines, _ = merge(capsys, bureau, old_copy)
    assert code == 1
    assert lines == ["refused 旧版_办公室.selfassess: older than what is merged: revision 1 < 2 "
                     "(from 2026_办公室.selfassess)"]


def test_same_name_another_id_is_a_conflict(bureau: Path, folder: Path, checklist: Checklist,
                                            tmp_path: Path, capsys: Capture) -> None:
    merge(capsys, bureau, department(folder, "办公室", checklist))
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    impostor = department(other_folder, "办公室", checklist)
    code, lines, _ = merge(capsys, bureau, impostor)
    assert code == 1
    assert lines == ["conflict 2026_办公室.selfassess: 办公室 is already merged from "
                     "2026_办公室.selfassess under another department id"]


def test_roster_binding_makes_a_second_id_a_conflict(bureau: Path, checklist: Checklist,
                                                     tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "distribute", str(bureau), "--out", str(out))
    assert code == 0 and stdout.count("created ") == 3
    blank = out / "2026_宣传处.selfassess"
    with AssessmentFile.open(blank) as af:
        af.apply(complete(checklist))
        af.seal()
    stray_folder = tmp_path / "stray"
    stray_folder.mkdir()
    stray = department(stray_folder, "宣传处", checklist)  # made by hand: another id
    code, lines, _ = merge(capsys, bureau, stray, blank)
    assert code == 1
    assert lines[0].startswith("conflict 2026_宣传处.selfassess: the roster's 宣传处 is bound")
    assert lines[1] == "added 2026_宣传处.selfassess: 宣传处 (revision 1)"
    code, stdout, _ = run(capsys, "distribute", str(bureau), "--out", str(out))
    assert code == 1 and stdout.count("exists ") == 3  # never overwritten


def test_other_checklist_is_refused_naming_both(bureau: Path, folder: Path, checklist: Checklist,
                                                capsys: Capture) -> None:
    mapping = checklist_mapping(checklist)
    mapping["version"] = "2027.1"
    other = checklist_from_mapping(mapping, "edited")
    path = department(folder, "办公室", other)
    code, lines, _ = merge(capsys, bureau, path)
    assert code == 1
    assert lines[0].startswith("refused 2026_办公室.selfassess: filled against checklist "
                               "ideology-responsibility 2027.1 (")
    assert "the bureau uses ideology-responsibility 2026.1 (" in lines[0]


def test_other_period_is_refused(bureau: Path, folder: Path, checklist: Checklist,
                                 capsys: Capture) -> None:
    path = department(folder, "办公室", checklist, period="2025")
    code, lines, _ = merge(capsys, bureau, path)
    assert code == 1 and lines == ["refused 2025_办公室.selfassess: period 2025 differs from the "
                                   "bureau's 2026"]


def _tamper(path: Path, sql: str, *params: Any) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_modified_after_sealing_is_refused(bureau: Path, folder: Path, checklist: Checklist,
                                           tmp_path: Path, capsys: Capture) -> None:
    scan = tmp_path / "纪要.pdf"
    scan.write_bytes(b"%PDF minutes")
    edited = department(folder, "办公室", checklist, evidence=scan)
    _tamper(edited, "UPDATE answers SET self_score = '4', narrative = '改过' WHERE item_code = '1.2'")
    code, lines, _ = merge(capsys, bureau, edited)
    assert code == 1 and lines == ["refused 2026_办公室.selfassess: modified after sealing: the "
                                   "content does not match its sealed digest"]
    swapped = department(folder, "宣传处", checklist, evidence=scan)
    _tamper(swapped, "UPDATE evidence_blobs SET content = ?", b"%PDF forged")
    code, lines, _ = merge(capsys, bureau, swapped)
    assert code == 1 and lines == ["refused 2026_宣传处.selfassess: modified after sealing: "
                                   "evidence 纪要.pdf does not match its hash"]
    assert summary(capsys, bureau)["departments"] == []
    with AssessmentFile.open(bureau, readonly=True) as af:
        assert connection(af).execute("SELECT COUNT(*) FROM evidence_blobs").fetchone()[0] == 0


def test_drafts_refused_unless_allowed(bureau: Path, folder: Path, checklist: Checklist,
                                       capsys: Capture) -> None:
    draft = department(folder, "财务处", checklist, seal=False)
    code, lines, _ = merge(capsys, bureau, draft)
    assert code == 1 and lines == ["refused 2026_财务处.selfassess: not sealed (a draft); seal it "
                                   "first, or allow drafts in the merge (--allow-drafts)"]
    code, lines, _ = merge(capsys, bureau, draft, drafts=True)
    assert code == 0 and lines == ["draft 2026_财务处.selfassess: 财务处 (revision 0)"]
    result = summary(capsys, bureau)
    assert result["drafts"] == ["财务处"] and not result["departments"][0]["sealed"]
    with AssessmentFile.open(draft) as af:
        af.seal()
    code, lines, _ = merge(capsys, bureau, draft)
    assert code == 0 and lines[0].startswith("replaced 2026_财务处.selfassess: 财务处 (revision 1)")
    assert summary(capsys, bureau)["drafts"] == []


@pytest.mark.parametrize(("make", "reason"), [
    (lambda p, good: p.write_text("just text", encoding="utf-8"),
     "not a selfassess file (not an SQLite database)"),
    (lambda p, good: p.write_bytes(b""), "the file is empty"),
    (lambda p, good: p.write_bytes(good.read_bytes()[:20_000]), "truncated or damaged"),
    (lambda p, good: other_sqlite(p), "an SQLite database of another program"),
    (lambda p, good: newer_schema(p, good), "made by a newer version of selfassess"),
    (lambda p, good: None, "no such file"),
])
def test_unreadable_files_are_refused(bureau: Path, folder: Path, checklist: Checklist,
                                      capsys: Capture, make: Any, reason: str) -> None:
    good = department(folder, "办公室", checklist)
    bad = folder / "坏文件.selfassess"
    make(bad, good)
    code, lines, _ = merge(capsys, bureau, bad, good)
    assert code == 1 and lines[0].startswith("refused 坏文件.selfassess: ") and reason in lines[0]
    assert lines[1].startswith("added 2026_办公室.selfassess")  # the rest is still merged


def test_a_bureau_file_is_not_merged_into_another(bureau: Path, tmp_path: Path,
                                                  capsys: Capture) -> None:
    other = tmp_path / "other-bureau.selfassess"
    assert run(capsys, "bureau", "new", str(other), "--name", "甲", "--period", "2026")[0] == 0
    code, lines, _ = merge(capsys, bureau, other)
    assert code == 1 and lines == ["refused other-bureau.selfassess: a bureau file, not a "
                                   "department file"]


def test_an_unusable_bureau_file_exits_2(folder: Path, checklist: Checklist, tmp_path: Path,
                                         capsys: Capture) -> None:
    office = department(folder, "办公室", checklist)
    code, _, err = run(capsys, "merge", str(office), str(office))
    assert code == 2 and "is a department file, not a bureau file" in err
    code, _, err = run(capsys, "merge", str(tmp_path / "missing.selfassess"), str(office))
    assert code == 2 and "no such file" in err


def test_merging_the_same_set_twice_changes_nothing(bureau: Path, folder: Path,
                                                    checklist: Checklist, capsys: Capture) -> None:
    files = [department(folder, name, checklist, narrative=f"{name}的自查情况")
             for name in ("办公室", "宣传处")]
    files.append(department(folder, "财务处", checklist, seal=False))
    merge(capsys, bureau, *files)
    first = summary(capsys, bureau)

    def counts() -> tuple[int, ...]:
        with AssessmentFile.open(bureau, readonly=True) as af:
            return tuple(connection(af).execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                         for table in ("departments", "department_history", "evidence_blobs",
                                       "answers", "roster"))

    before = counts()
    code, lines, _ = merge(capsys, bureau, *files)
    assert code == 1  # the draft is still refused
    assert [line.split()[0] for line in lines] == ["unchanged", "unchanged", "refused"]
    assert summary(capsys, bureau) == first
    assert counts() == before


def test_review_command_is_all_or_nothing(bureau: Path, folder: Path, checklist: Checklist,
                                          tmp_path: Path, capsys: Capture) -> None:
    merge(capsys, bureau, department(folder, "办公室", checklist))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"reviews": [
        {"department": "办公室", "item": "1.2", "score": 3, "reason": "少1次"},
        {"department": "办公室", "item": "1.3", "score": 4.5},
        {"department": "不存在处", "item": "1.1", "score": 1}]}, ensure_ascii=False),
        encoding="utf-8")
    before = sha256_of(bureau)
    code, _, err = run(capsys, "review", str(bureau), str(bad))
    assert code == 1
    assert "item 1.3: score 4.5 is outside 0–4" in err and "no merged department “不存在处”" in err
    assert sha256_of(bureau) == before
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"reviews": [
        {"department": "办公室", "item": "1.2", "score": 3, "reason": "少1次"},
        {"department": "办公室", "bonus": "B1", "points": 0},
        {"department": "办公室", "veto": "V5", "triggered": True, "reason": "佐证不实"}]},
        ensure_ascii=False), encoding="utf-8")
    assert run(capsys, "review", str(bureau), str(good))[0] == 0
    dept = summary(capsys, bureau)["departments"][0]
    assert dept["items"]["1.2"] == {"max": 5, "self": 5, "review": 3, "final": 3,
                                    "not_applicable": False, "evidence": 0}
    assert dept["self_total"] == 100 and dept["total"] == 98
    assert dept["veto"] and dept["grade"] == "差" and dept["self_grade"] == "好"
    assert dept["review"] == {"items": 29, "reviewed": 1, "to_redo": 0, "differences": 1}


def test_roster_files_are_read_as_offices_write_them(tmp_path: Path, capsys: Capture) -> None:
    roster = tmp_path / "名单.txt"
    roster.write_bytes("办公室\r\n宣传处\r\n".encode("gb18030"))
    path = tmp_path / "b.selfassess"
    assert run(capsys, "bureau", "new", str(path), "--name", "局", "--period", "2026",
               "--roster", str(roster))[0] == 0
    assert summary(capsys, path)["missing"] == ["办公室", "宣传处"]
    twice = tmp_path / "twice.txt"
    twice.write_text("办公室\n宣传处\n办公室\n", encoding="utf-8")
    code, _, err = run(capsys, "bureau", "new", str(tmp_path / "c.selfassess"), "--name", "局",
                       "--period", "2026", "--roster", str(twice))
    assert code == 1 and "twice.txt:3: “办公室” is already on line 1" in err
    assert not (tmp_path / "c.selfassess").exists()


def test_merge_log_records_every_run(bureau: Path, folder: Path, checklist: Checklist,
                                     capsys: Capture) -> None:
    office = department(folder, "办公室", checklist)
    merge(capsys, bureau, office, folder / "nope.selfassess")
    merge(capsys, bureau, office)
    with AssessmentFile.open(bureau, readonly=True) as af:
        rows = connection(af).execute("SELECT run, file_name, outcome FROM merge_log ORDER BY id").fetchall()
    assert rows == [(1, "2026_办公室.selfassess", "added"), (1, "nope.selfassess", "refused"),
                    (2, "2026_办公室.selfassess", "unchanged")]


def test_full_text_search_finds_narratives_of_every_length(bureau: Path, folder: Path,
                                                           checklist: Checklist,
                                                           capsys: Capture) -> None:
    from selfassess.store.search import search_narratives

    merge(capsys, bureau, department(folder, "办公室", checklist, narrative="组织专题学习。"),
          department(folder, "宣传处", checklist, narrative="召开意识形态工作专题会议。"))
    with AssessmentFile.open(bureau, readonly=True) as af:
        long_hits = search_narratives(af, "意识形态工作")  # trigram index
        assert {h.department for h in long_hits} == {"宣传处"} and len(long_hits) == 29
        assert long_hits[0].place == "item:1.1" and "【意识形态工作】" in long_hits[0].snippet
        short_hits = search_narratives(af, "学习")  # two characters: LIKE
        assert {h.department for h in short_hits} == {"办公室"}
        assert short_hits[0].snippet == "组织专题【学习】。"
        assert search_narratives(af, '"a* OR b') == []  # query syntax is never interpreted
        assert search_narratives(af, "%") == [] and search_narratives(af, "  ") == []


def test_a_cancelled_merge_leaves_the_bureau_file_as_it_was(bureau: Path, folder: Path,
                                                            checklist: Checklist) -> None:
    from selfassess.bureau import MergeCancelled, merge_files

    files = [department(folder, name, checklist) for name in ROSTER]
    before = sha256_of(bureau)
    seen: list[str] = []

    def progress(done: int, total: int, label: str) -> None:
        seen.append(label)

    with pytest.raises(MergeCancelled, match="unchanged"):
        merge_files(bureau, files, progress=progress, cancelled=lambda: len(seen) >= 2)
    assert sha256_of(bureau) == before and len(seen) == 2


def test_bonus_and_veto_reviews_follow_the_same_rule(bureau: Path, folder: Path,
                                                     checklist: Checklist, tmp_path: Path,
                                                     capsys: Capture) -> None:
    office = department(folder, "办公室", checklist)
    merge(capsys, bureau, office)
    reviews = tmp_path / "reviews.json"
    reviews.write_text(json.dumps({"reviews": [
        {"department": "办公室", "veto": "V1", "triggered": False, "reason": "核实无"},
        {"department": "办公室", "veto": "V2", "triggered": False, "reason": "核实无"},
        {"department": "办公室", "bonus": "B1", "points": 0, "reason": "未申报"}]},
        ensure_ascii=False), encoding="utf-8")
    assert run(capsys, "review", str(bureau), str(reviews))[0] == 0
    bump(office, ChangeSet(veto={"V2": {"explanation": "补充说明"}},
                           bonus={"B1": {"points": None, "narrative": "无"}}))
    code, lines, _ = merge(capsys, bureau, office)
    assert code == 0 and lines[0].endswith("2 review(s) to redo")
    with AssessmentFile.open(bureau, readonly=True) as af:
        data = af.data(af.departments()[0].id)
    assert data.veto["V1"].review_triggered is False and not data.veto["V1"].review_flag
    assert data.veto["V2"].review_triggered is False and data.veto["V2"].review_flag
    assert json.loads(data.veto["V2"].previous_review) == {"score": False, "reason": "核实无"}
    assert data.bonus["B1"].review_points == 0 and data.bonus["B1"].review_flag
