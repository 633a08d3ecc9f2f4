"""整改台账 with a life (issue 16): measures keep their numbers; their follow-up (status, dated
notes) changes on a sealed file without touching its seal, travels with it to the bureau
(整改进展), and the secretary's 销号 holds; 三色 by date."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from commands import Capture, run
from test_bureau import complete

from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile, ChangeSet, Measure, Shortcoming
from selfassess.store.ledger import LedgerEntry, overdue


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def sealed_with_measures(folder: Path, checklist: Checklist) -> Path:
    path = folder / "2026_办公室.selfassess"
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026") as af:
        changes = complete(checklist)
        changes.shortcomings = [Shortcoming("理论学习", "专题研究次数不足", "1.2")]
        changes.measures = [Measure("每季度专题研究一次", "李四", "2027-03-31", 0),
                            Measure("完善学习台账", "王五", "2027-12-31")]
        af.apply(changes)
        af.seal()
    return path


def measures(capsys: Capture, path: Path, name: str = "办公室") -> list[dict[str, Any]]:
    code, out, err = run(capsys, "summary", str(path), "--json")
    assert code == 0, err
    department = next(d for d in json.loads(out)["departments"] if d["name"] == name)
    found: list[dict[str, Any]] = department["measures"]
    return found


def test_measures_keep_their_numbers_while_the_list_changes(tmp_path: Path,
                                                           checklist: Checklist) -> None:
    path = tmp_path / "office.selfassess"
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026") as af:
        af.apply(ChangeSet(measures=[Measure("甲"), Measure("乙"), Measure("丙")]))
        assert [m.number for m in af.data().measures] == [1, 2, 3]
        kept = af.data().measures
        af.apply(ChangeSet(measures=[kept[1], kept[2], Measure("丁")]))  # 甲 taken off
        assert [(m.text, m.number) for m in af.data().measures] == [
            ("乙", 2), ("丙", 3), ("丁", 4)]
        # a form or an answers file read back gives the list without numbers: same texts keep
        # theirs, a new text gets a new one
        af.apply(ChangeSet(measures=[Measure("丙"), Measure("乙"), Measure("戊")]))
        assert [(m.text, m.number) for m in af.data().measures] == [
            ("丙", 3), ("乙", 2), ("戊", 5)]


def test_follow_up_on_a_sealed_file_keeps_its_seal(tmp_path: Path, checklist: Checklist,
                                                   capsys: Capture) -> None:
    path = sealed_with_measures(tmp_path, checklist)
    follow = write_json(tmp_path / "progress.json", {"filled_by": "李四", "measures": [
        {"id": 1, "status": "整改中", "progress": "已开展第一次专题研究。"},
        {"id": 2, "status": "已完成"}]})
    code, out, err = run(capsys, "fill", str(path), str(follow))
    assert code == 0 and "2 measure(s) followed up" in out, err
    first, second = measures(capsys, path)
    assert (first["id"], first["status"], second["status"]) == (1, "in_progress", "done")
    assert [(n["by"], n["text"]) for n in first["notes"]] == [("李四", "已开展第一次专题研究。")]
    # still sealed, and its seal holds for a computer that never saw it
    received = tmp_path / "received" / path.name
    received.parent.mkdir()
    shutil.copy(path, received)
    with AssessmentFile.open(received, readonly=True) as af:
        assert af.department().sealed and af.department().revision == 1
        assert [line.action for line in af.audit()][-3:] == ["ledger", "ledger-note", "ledger"]
    for bad, message in (
            ({"measures": [{"id": 1, "deadline": "2027-06-30"}]}, "deadline belong to the sealed"),
            ({"measures": [{"id": 9, "status": "整改中"}]}, "there is no measure with this number"),
            ({"measures": [{"id": 1, "status": "已销号"}]}, "only the bureau marks"),
            ({"measures": [{"id": 1, "status": "搁置"}]}, "unknown status “搁置”"),
            ({"items": {"1.1": {"narrative": "x"}}}, "the file is sealed")):
        code, _out, err = run(capsys, "fill", str(path), str(write_json(tmp_path / "b.json", bad)))
        assert code == 1 and message in err, (bad, err)


def test_progress_travels_to_the_bureau_and_closing_holds(tmp_path: Path, checklist: Checklist,
                                                          capsys: Capture) -> None:
    roster = tmp_path / "roster.txt"
    roster.write_text("办公室\n", encoding="utf-8")
    bureau = tmp_path / "2026_汇总.selfassess"
    assert run(capsys, "bureau", "new", str(bureau), "--name", "XX局", "--period", "2026",
               "--roster", str(roster))[0] == 0
    path = sealed_with_measures(tmp_path, checklist)
    assert run(capsys, "merge", str(bureau), str(path))[0] == 0
    progress = write_json(tmp_path / "p.json", {"measures": [{"id": 1, "status": "已完成",
                                                              "progress": "已开展四次。"}]})
    assert run(capsys, "fill", str(path), str(progress))[0] == 0
    code, out, err = run(capsys, "merge", str(bureau), str(path))
    assert code == 0 and out.startswith("replaced ") and "整改进展" in out, (out, err)
    assert measures(capsys, bureau)[0]["status"] == "done"
    code, out, _err = run(capsys, "merge", str(bureau), str(path))
    assert out.startswith("unchanged ")  # nothing new
    code, out, err = run(capsys, "close-measure", str(bureau), "--department", "办公室",
                         "--measure", "1", "--by", "王书记")
    assert code == 0 and "closed" in out, err
    first = measures(capsys, bureau)[0]
    assert first["status"] == "closed" and first["closed_by"] == "王书记"
    assert [n["text"] for n in first["notes"]] == ["已开展四次。"]
    # the department's next copy says 已完成 again, with another note: the 销号 stays
    again = write_json(tmp_path / "q.json", {"measures": [{"id": 1, "progress": "已归档。"}]})
    assert run(capsys, "fill", str(path), str(again))[0] == 0
    code, out, _err = run(capsys, "merge", str(bureau), str(path))
    first = measures(capsys, bureau)[0]
    assert first["status"] == "closed" and [n["text"] for n in first["notes"]] == [
        "已开展四次。", "已归档。"]
    with AssessmentFile.open(bureau, readonly=True) as af:
        assert "close-measure" in [line.action for line in af.audit()]
    code, _out, err = run(capsys, "close-measure", str(bureau), "--department", "办公室",
                          "--measure", "1")
    assert code == 1 and "already closed by 王书记" in err
    code, _out, err = run(capsys, "close-measure", str(bureau), "--department", "办公室",
                          "--measure", "7")
    assert code == 1 and "has no measure 7" in err


@pytest.mark.parametrize("deadline, status, colour", [
    ("2027-03-01", "not_started", "red"),     # past
    ("2027-04-10", "in_progress", "yellow"),  # within 30 days
    ("2027-06-30", "in_progress", "green"),
    ("2027-03-01", "done", "green"),          # done: on track whatever the date
    ("年底前", "in_progress", None),           # not a date
])
def test_three_colours_by_date(deadline: str, status: str, colour: str | None) -> None:
    today = date(2027, 3, 15)
    assert overdue(Measure("x", deadline=deadline, number=1), LedgerEntry(1, status),
                   today) == colour


def test_the_workbooks_ledger_puts_overdue_first_in_colour(
        tmp_path: Path, checklist: Checklist, capsys: Capture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime

    from openpyxl import load_workbook

    roster = tmp_path / "roster.txt"
    roster.write_text("办公室\n", encoding="utf-8")
    bureau = tmp_path / "2026_汇总.selfassess"
    run(capsys, "bureau", "new", str(bureau), "--name", "XX局", "--period", "2026", "--roster",
        str(roster))
    path = sealed_with_measures(tmp_path, checklist)
    follow = write_json(tmp_path / "p.json", {"measures": [{"id": 2, "status": "整改中"}]})
    assert run(capsys, "fill", str(path), str(follow))[0] == 0
    assert run(capsys, "merge", str(bureau), str(path))[0] == 0
    printed = datetime(2027, 12, 15, tzinfo=UTC)  # 1 (2027-03-31) overdue, 2 due in 16 days
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(printed.timestamp())))
    out = tmp_path / "汇总.xlsx"
    code, _out, err = run(capsys, "--lang", "zh_CN", "export", str(bureau), "-o", str(out))
    assert code == 0, err
    sheet = load_workbook(out)["整改台账"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3, max_row=4)]
    assert [(row[2], row[6], row[7]) for row in rows] == [
        ("每季度专题研究一次", "未开始", "红：已逾期"),
        ("完善学习台账", "整改中", "黄：30天内到期")]
    assert sheet.cell(row=3, column=8).fill.fgColor.rgb.endswith("FFCDD2")
    assert any(str(cell.value).startswith("按状态：未开始 1，整改中 1，已完成 0，已销号 0")
               for row in sheet.iter_rows() for cell in row if cell.value)
