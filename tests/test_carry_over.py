"""Next year's file from last year's (issue 16): ``new --from`` keeps the department, carries
the narratives (marked until edited or confirmed: sealing waits), the measures and, as
reference, the shortcomings; a changed checklist's previous: map decides where things go."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from commands import Capture, run
from test_bureau import complete
from test_checklist_diff import next_year

from selfassess.checklist import Checklist, checklist_from_mapping
from selfassess.checklist.export import checklist_yaml
from selfassess.store import AssessmentFile, Measure, Shortcoming
from selfassess.store.carry import earlier_shortcomings


def last_year(folder: Path, checklist: Checklist) -> Path:
    """办公室's sealed 2026 file: a narrative on every item, a shortcoming on 1.2 with its
    measure, a document on 1.1."""
    path = folder / "2026_办公室.selfassess"
    scan = folder / "纪要.txt"
    scan.write_text("会议纪要", encoding="utf-8")
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026",
                               filled_by="张三") as af:
        changes = complete(checklist)
        changes.answers = {code: dict(fields, narrative=f"{code}：2026年的做法。")
                           for code, fields in changes.answers.items()}
        changes.shortcomings = [Shortcoming("理论学习", "专题研究次数不足", "1.2")]
        changes.measures = [Measure("每季度专题研究一次", owner="李四", deadline="2027-06-30",
                                    shortcoming=0, progress="已制定计划")]
        af.apply(changes)
        from selfassess.store import ChangeSet, EvidenceSource
        af.apply(ChangeSet(item_evidence={"1.1": [EvidenceSource(scan, scan.name)]}))
        af.seal()
    return path


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_next_years_file_carries_what_it_should(tmp_path: Path, checklist: Checklist,
                                               capsys: Capture) -> None:
    last = last_year(tmp_path, checklist)
    new = tmp_path / "2027_办公室.selfassess"
    code, out, err = run(capsys, "new", str(new), "--from", str(last))
    assert code == 0, err
    assert "period 2027" in out and "measures carried over: 1" in out
    with AssessmentFile.open(last, readonly=True) as before, \
            AssessmentFile.open(new, readonly=True) as after:
        old, data = before.data(), after.data()
        assert data.department.id == old.department.id and data.department.name == "办公室"
        assert data.department.filled_by == "张三" and after.info.period == "2027"
        assert not data.department.sealed and data.department.revision == 0
        assert data.carried == tuple(item.code for item in checklist.items)
        assert data.answers["1.3"].narrative == "1.3：2026年的做法。"
        assert all(a.self_score is None for a in data.answers.values())  # scored anew
        assert data.evidence == [] and data.shortcomings == []
        assert [(m.text, m.owner, m.deadline, m.progress) for m in data.measures] == [
            ("每季度专题研究一次", "李四", "2027-06-30", "已制定计划")]
        assert earlier_shortcomings(after) == [("2026", "理论学习", "专题研究次数不足", "1.2")]
        assert [line.action for line in after.audit()][-1] == "carry"
    # sealing waits for every carried narrative: scores alone are not enough
    answers = {"items": {item.code: {"score": float(item.max_points)}
                         for item in checklist.items},
               "veto": {veto.code: False for veto in checklist.veto_items}}
    assert run(capsys, "fill", str(new), str(write_json(tmp_path / "a.json", answers)))[0] == 0
    code, _out, err = run(capsys, "seal", str(new))
    assert code == 1 and "item 1.1: its narrative was carried over from last year" in err
    assert len(err.strip().splitlines()) == len(checklist.items)
    # edited, or given again as it is (confirmed): each counts
    answers["items"] = {item.code: {"narrative": f"{item.code}：2026年的做法。"}
                        for item in checklist.items}
    answers["items"]["1.2"]["narrative"] = "2027年专题研究4次。"
    answers.pop("veto")
    assert run(capsys, "fill", str(new), str(write_json(tmp_path / "b.json", answers)))[0] == 0
    code, out, err = run(capsys, "seal", str(new))
    assert code == 0, err
    # refusals: a bureau file, the same period, both --from and --department
    code, _out, err = run(capsys, "new", str(tmp_path / "x.selfassess"), "--from", str(last),
                          "--period", "2026")
    assert code == 1 and "already the file for 2026" in err
    for earlier in ("2025", "2025年度", "２０２４"):  # next year's file is for a later year
        code, _out, err = run(capsys, "new", str(tmp_path / "x.selfassess"), "--from",
                              str(last), "--period", earlier)
        assert code == 1 and "must come after it" in err, err
    for yearless in ("明年", "12027", "0"):
        code, _out, err = run(capsys, "new", str(tmp_path / "x.selfassess"), "--from",
                              str(last), "--period", yearless)
        assert code == 1 and "names no year in digits; give it as 2027" in err, err
    code, _out, err = run(capsys, "new", str(tmp_path / "y.selfassess"), "--from", str(last),
                          "--department", "宣传处")
    assert code == 1 and "leave out --department" in err
    code, _out, err = run(capsys, "new", str(tmp_path / "z.selfassess"))
    assert code == 1 and "--department is required" in err
    assert not (tmp_path / "x.selfassess").exists() and not (tmp_path / "y.selfassess").exists()


def test_a_changed_checklist_carries_by_its_map(tmp_path: Path, checklist: Checklist,
                                                capsys: Capture) -> None:
    last = last_year(tmp_path, checklist)
    v2 = tmp_path / "2027.yaml"
    v2.write_text(checklist_yaml(checklist_from_mapping(next_year(checklist), "2027.yaml")),
                  encoding="utf-8")
    new = tmp_path / "2027_办公室.selfassess"
    code, out, err = run(capsys, "new", str(new), "--from", str(last), "--checklist", str(v2))
    assert code == 0, err
    assert "does not place (nothing carried): 5.5" in out
    with AssessmentFile.open(new, readonly=True) as af:
        data = af.data()
        assert af.checklist.version == "2027.1"
        assert data.answers["1.6"].narrative == "1.2：2026年的做法。"  # renamed
        assert data.answers["2.1"].narrative == data.answers["2.6"].narrative == (
            "2.1：2026年的做法。")  # split: both halves start from it
        assert "4.5" not in data.answers and "5.6" not in data.answers  # new, and unmapped
        assert "4.5" not in data.carried and "1.6" in data.carried
        assert earlier_shortcomings(af, "1.6") == [("2026", "理论学习", "专题研究次数不足",
                                                    "1.6")]


def test_open_measures_go_on_with_their_history(tmp_path: Path, checklist: Checklist,
                                                capsys: Capture) -> None:
    from selfassess.store.ledger import LedgerUpdate

    last = tmp_path / "2026_办公室.selfassess"
    with AssessmentFile.create(last, checklist, department_name="办公室", period="2026") as af:
        changes = complete(checklist)
        changes.measures = [Measure("完善学习台账", "王五", "2026-12-31"),
                            Measure("每季度专题研究一次", "李四", "2027-06-30")]
        af.apply(changes)
        af.seal()
        af.follow_up([LedgerUpdate(1, "done", "已完成。"),
                      LedgerUpdate(2, "in_progress", "已研究两次。")], actor="李四")
    code, out, err = run(capsys, "new", str(tmp_path / "2027.selfassess"), "--from", str(last))
    assert code == 0 and "measures carried over: 1" in out, err
    with AssessmentFile.open(tmp_path / "2027.selfassess", readonly=True) as af:
        (measure,) = af.data().measures
        assert (measure.text, measure.number) == ("每季度专题研究一次", 1)
        entry = af.ledger()[1]
        assert entry.status == "in_progress"
        assert [(n.actor, n.text) for n in entry.notes] == [("李四", "已研究两次。")]
