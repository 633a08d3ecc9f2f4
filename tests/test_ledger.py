"""整改台账 with a life (issue 16): measures keep their numbers; their follow-up (status, dated
notes) changes on a sealed file without touching its seal, travels with it to the bureau
(整改进展), and the secretary's 销号 holds; 三色 by date."""

from __future__ import annotations

import json
import re
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


def office_bureau(tmp_path: Path, capsys: Capture, name: str = "XX局") -> Path:
    """A new 2026 bureau file whose roster is 办公室."""
    roster = tmp_path / "roster.txt"
    roster.write_text("办公室\n", encoding="utf-8")
    bureau = tmp_path / "2026_汇总.selfassess"
    code, _out, err = run(capsys, "bureau", "new", str(bureau), "--name", name, "--period",
                          "2026", "--roster", str(roster))
    assert code == 0, err
    return bureau


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
    # the same follow-up sent again, with a document: nothing is added twice
    proof = tmp_path / "纪要.pdf"
    proof.write_bytes(b"%PDF-1.4 " + b"minutes " * 40)
    again = write_json(tmp_path / "again.json", {"measures": [
        {"id": 1, "progress": "已开展第一次专题研究。", "evidence": ["纪要.pdf"]}]})
    for _run in range(2):
        assert run(capsys, "fill", str(path), str(again))[0] == 0
    first = measures(capsys, path)[0]
    assert len(first["notes"]) == 1 and [d["name"] for d in first["evidence"]] == ["纪要.pdf"]
    # a deadline put back, written as people write dates, is kept as a date
    later = write_json(tmp_path / "later.json", {"measures": [{"id": 2,
                                                               "deadline": "2027年9月30日"}]})
    assert run(capsys, "fill", str(path), str(later))[0] == 0
    assert measures(capsys, path)[1]["deadline"] == "2027-09-30"
    # still sealed, and its seal holds for a computer that never saw it
    received = tmp_path / "received" / path.name
    received.parent.mkdir()
    shutil.copy(path, received)
    with AssessmentFile.open(received, readonly=True) as af:
        assert af.department().sealed and af.department().revision == 1
        assert [line.action for line in af.audit()][-5:] == ["ledger", "ledger-note", "ledger",
                                                              "ledger-evidence",
                                                              "ledger-deadline"]
    for bad, message in (
            ({"measures": [{"id": 1, "owner": "王五"}]}, "owner belong to the sealed"),
            ({"measures": [{"id": 1, "deadline": "2027-02-30"}]}, "2027-02-30 is not a real date"),
            ({"measures": [{"id": 1, "deadline": "明年6月"}]}, "明年6月 is not a real date"),
            ({"measures": [{"id": 9, "status": "整改中"}]}, "there is no measure with this number"),
            ({"measures": [{"id": 1, "status": "已销号"}]}, "only the bureau marks"),
            ({"measures": [{"id": 1, "status": "搁置"}]}, "unknown status “搁置”"),
            ({"items": {"1.1": {"narrative": "x"}}}, "the file is sealed"),
            ({"measures": [{"id": 1}], "bogus": 1}, "reopen it to change anything else (bogus)")):
        code, _out, err = run(capsys, "fill", str(path), str(write_json(tmp_path / "b.json", bad)))
        assert code == 1 and message in err, (bad, err)


def test_progress_travels_to_the_bureau_and_closing_holds(tmp_path: Path, checklist: Checklist,
                                                          capsys: Capture) -> None:
    bureau = office_bureau(tmp_path, capsys)
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
    # the secretary's call: what it goes past is said, not refused
    assert "warning: it has no completion evidence (整改佐证) in the file" in out
    code, out, err = run(capsys, "close-measure", str(bureau), "--department", "办公室",
                         "--measure", "2", "--by", "王书记")
    assert code == 0 and "warning: the department has not reported it done (it is not yet " \
        "started)" in out, err
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
    ("2027-03-01", "done", None),             # done: 三色 is for what is still open
    ("2027-03-01", "closed", None),
    ("年底前", "in_progress", None),           # not a date
    # dates as people write them
    ("2027-3-1", "not_started", "red"), ("2027.3.1", "in_progress", "red"),
    ("2027/4/10", "in_progress", "yellow"), ("2027年6月30日", "not_started", "green"),
    ("２０２７年４月１日", "in_progress", "yellow"), (" 2027 年 6 月 30 日 ", "in_progress", "green"),
    ("2027-02-30", "in_progress", None), ("2027年6月底前", "in_progress", None),
    ("2027年6月30日前", "in_progress", "green"), ("2027.06.30.", "in_progress", "green"),
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

    bureau = office_bureau(tmp_path, capsys)
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
        ("每季度专题研究一次", "未开始", "红（逾期）"),
        ("完善学习台账", "整改中", "黄（临期）")]
    assert sheet.cell(row=3, column=8).fill.fgColor.rgb.endswith("FFCDD2")
    assert "共2项：未开始1，整改中1，已完成0，已销号0；红（逾期）1，黄（临期）1，绿（正常）0" in [
        cell.value for row in sheet.iter_rows() for cell in row]


def ledger_bureau(tmp_path: Path, checklist: Checklist, capsys: Capture, extra: int = 0) -> Path:
    """A bureau whose 办公室 has a measure not started (2027-03-31), one in progress with a
    note (2027-12-31) and one the secretary closed (2027-06-30); ``extra`` more measures not
    started, due 2028."""
    bureau = office_bureau(tmp_path, capsys, "XX市水利局")
    path = tmp_path / "2026_办公室.selfassess"
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026") as af:
        changes = complete(checklist)
        changes.shortcomings = [Shortcoming("理论学习", "专题研究次数不足", "1.2")]
        changes.measures = [Measure("每季度专题研究一次", "李四", "2027-03-31", 0),
                            Measure("完善学习台账", "王五", "2027-12-31"),
                            Measure("建立联络员制度", "赵六", "2027-06-30"),
                            *(Measure(f"第{n}项长期措施，" + "逐月推进落实" * 12, "钱七",
                                      "2028-06-30") for n in range(extra))]
        af.apply(changes)
        af.seal()
    follow = write_json(tmp_path / "p.json", {"measures": [
        {"id": 2, "status": "整改中", "progress": "已补齐上半年台账"},
        {"id": 3, "status": "已完成", "progress": "联络员已确定"}]})
    assert run(capsys, "fill", str(path), str(follow))[0] == 0
    assert run(capsys, "merge", str(bureau), str(path))[0] == 0
    code, _out, err = run(capsys, "close-measure", str(bureau), "--department", "办公室",
                          "--measure", "3", "--by", "张秘书")
    assert code == 0, err
    return bureau


def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages]


def test_the_printed_ledger_overdue_first_with_counts_and_signatures(
        tmp_path: Path, checklist: Checklist, capsys: Capture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime

    bureau = ledger_bureau(tmp_path, checklist, capsys)
    printed = datetime(2027, 12, 15, tzinfo=UTC)  # 1 overdue, 2 due in 16 days, 3 closed
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(printed.timestamp())))
    out = tmp_path / "整改台账.pdf"
    code, _out, err = run(capsys, "--lang", "zh_CN", "report", str(bureau), "--ledger",
                          "-o", str(out))
    assert code == 0, err
    (page,) = pdf_pages(out)
    assert "XX市水利局2026年度意识形态工作责任制整改台账" in page
    assert "截至：2027年12月15日" in page
    # the colours count what is still open: the closed measure has none
    assert ("共3项：未开始1，整改中1，已完成0，已销号1；红（逾期）1，黄（临期）1，绿（正常）0"
            "（三色督办按2027年12月15日判断，黄为30天内到期）") in page
    # red, then yellow, then the rest; each with its status, colour and latest progress
    first = page.index("每季度专题研究一次")
    second = page.index("完善学习台账")
    third = page.index("建立联络员制度")
    assert first < second < third
    assert "2027年3月31日未开始红（逾期）" in page[first:second]
    assert "整改中黄（临期）" in page[second:third]
    assert "2027年12月15日已补齐上半年台账" not in page  # the note's own date is printed
    assert re.search(r"20\d\d年\d+月\d+日：已补齐上半年台账", page[second:third])
    assert "已销号" in page[third:] and "绿" not in page[third:page.index("制表人")]
    assert "销号：张秘书" in page[third:]
    assert page.index("制表人（签字）") > third and "审核人（签字）" in page
    assert "（单位盖章）" in page

    # the same ledger is part 6 of the bureau report
    report = tmp_path / "汇总报告.pdf"
    assert run(capsys, "--lang", "zh_CN", "report", str(bureau), "-o", str(report))[0] == 0
    whole = "".join(pdf_pages(report))
    part = whole[whole.index("六、整改台账") if "六、整改台账" in whole
                 else whole.index("6.整改台账"):]
    assert part.index("每季度专题研究一次") < part.index("完善学习台账") < part.index(
        "建立联络员制度")
    assert "共3项：未开始1，整改中1，已完成0，已销号1" in part


def test_a_long_ledger_breaks_between_rows_with_the_signatures_never_alone(
        tmp_path: Path, checklist: Checklist, capsys: Capture) -> None:
    bureau = ledger_bureau(tmp_path, checklist, capsys, extra=60)
    out = tmp_path / "整改台账.pdf"
    code, _out, err = run(capsys, "--lang", "zh_CN", "report", str(bureau), "--ledger",
                          "-o", str(out))
    assert code == 0, err
    pages = pdf_pages(out)
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        assert page.count("序号问题整改措施责任单位") == 1, number  # one header, at the top
        assert page.count(f"第{number}页共{len(pages)}页") == 1  # the footer's, not twice
        assert "（续）" not in page  # a measure's row is never cut across pages
    # the last page holds the last measure and the signatures together
    assert "第59项长期措施" in pages[-1] and "制表人（签字）" in pages[-1]
    assert all("制表人" not in page for page in pages[:-1])
    numbers = [int(n) for page in pages for n in re.findall(r"(\d+)—\d+\.第\d+项长期措施",
                                                            page)]
    assert numbers == list(range(4, 64))  # every measure once, in order, none lost


def test_a_departments_own_ledger(tmp_path: Path, checklist: Checklist,
                                  capsys: Capture) -> None:
    path = sealed_with_measures(tmp_path, checklist)
    out = tmp_path / "办公室整改台账.pdf"
    code, _out, err = run(capsys, "--lang", "zh_CN", "report", str(path), "--ledger",
                          "-o", str(out))
    assert code == 0, err
    (page,) = pdf_pages(out)
    assert "单位：办公室" in page and "办公室2026年度意识形态工作责任制整改台账" in page
    assert "每季度专题研究一次" in page and "完善学习台账" in page


def test_completion_evidence_on_a_sealed_file_travels_with_it(
        tmp_path: Path, checklist: Checklist, capsys: Capture) -> None:
    bureau = office_bureau(tmp_path, capsys)
    path = sealed_with_measures(tmp_path, checklist)
    assert run(capsys, "merge", str(bureau), str(path))[0] == 0
    digest = json.loads(run(capsys, "summary", str(path), "--json")[1])["departments"][0][
        "digest"]
    folder = tmp_path / "佐证"
    folder.mkdir()
    minutes = folder / "专题研究纪要.pdf"
    minutes.write_bytes(b"%PDF-1.4 minutes " * 100)
    photo = folder / "照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo" * 50)
    progress = write_json(folder / "p.json", {"measures": [
        {"id": 1, "status": "已完成", "progress": "四次专题研究均已开展。",
         "evidence": ["专题研究纪要.pdf"]}]})
    code, out, err = run(capsys, "fill", str(path), str(progress))
    assert code == 0, err
    (first, _second) = measures(capsys, path)
    assert [(d["name"], d["size"]) for d in first["evidence"]] == [("专题研究纪要.pdf", 1700)]
    # the seal holds on a computer that never saw the file: the same digest, still sealed
    received = tmp_path / "received" / path.name
    received.parent.mkdir()
    shutil.copy(path, received)
    again = json.loads(run(capsys, "summary", str(received), "--json")[1])["departments"][0]
    assert again["sealed"] and again["digest"] == digest
    with AssessmentFile.open(received, readonly=True) as af:
        assert "ledger-evidence" in [line.action for line in af.audit()]
    # to the bureau as 整改进展, with the document's bytes
    code, out, err = run(capsys, "merge", str(bureau), str(path))
    assert code == 0 and out.startswith("replaced ") and "整改进展" in out, (out, err)
    (first, _second) = measures(capsys, bureau)
    sha256 = first["evidence"][0]["sha256"]
    with AssessmentFile.open(bureau, readonly=True) as af:
        assert af.evidence_bytes(sha256) == minutes.read_bytes()
    # another document later: only the ledger changes again
    more = write_json(folder / "q.json", {"measures": [{"id": 1, "evidence": ["照片.jpg"]}]})
    assert run(capsys, "fill", str(path), str(more))[0] == 0
    code, out, _err = run(capsys, "merge", str(bureau), str(path))
    assert "整改进展" in out
    (first, _second) = measures(capsys, bureau)
    assert [d["name"] for d in first["evidence"]] == ["专题研究纪要.pdf", "照片.jpg"]
    # printed in the ledger's progress column
    pdf = tmp_path / "台账.pdf"
    assert run(capsys, "--lang", "zh_CN", "report", str(bureau), "--ledger", "-o", str(pdf))[0] == 0
    (page,) = pdf_pages(pdf)
    assert "佐证材料：专题研究纪要.pdf、照片.jpg" in page
    # refused: a document outside the answers file's folder, one that is not there
    for bad, message in (
            ({"measures": [{"id": 2, "evidence": ["../roster.txt"]}]}, "outside the answers"),
            ({"measures": [{"id": 2, "evidence": ["无.pdf"]}]}, "not found"),
            ({"measures": [{"id": 2, "evidence": "纪要.pdf"}]}, "list of file paths")):
        before = path.read_bytes()
        code, _out, err = run(capsys, "fill", str(path), str(write_json(folder / "b.json", bad)))
        assert code == 1 and message in err, (bad, err)
        assert path.read_bytes() == before


def test_a_measure_document_missing_its_bytes_is_refused(tmp_path: Path, checklist: Checklist,
                                                         capsys: Capture) -> None:
    import sqlite3

    path = sealed_with_measures(tmp_path, checklist)
    document = tmp_path / "纪要.pdf"
    document.write_bytes(b"minutes" * 10)
    assert run(capsys, "fill", str(path), str(write_json(tmp_path / "p.json", {"measures": [
        {"id": 1, "evidence": ["纪要.pdf"]}]})))[0] == 0
    forged = tmp_path / "forged" / path.name
    forged.parent.mkdir()
    shutil.copy(path, forged)
    conn = sqlite3.connect(forged)
    with conn:  # the document's row names other bytes than the ones stored
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE evidence_blobs SET content = zeroblob(length(content)) WHERE "
                     "sha256 IN (SELECT sha256 FROM measure_evidence)")
    conn.close()
    code, out, err = run(capsys, "summary", str(forged), "--json")
    assert code != 0 and out == "" and "does not match its hash" in err, err


def test_a_deadline_put_back_on_a_sealed_file(tmp_path: Path, checklist: Checklist,
                                              capsys: Capture,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's own example: status, progress, a new deadline and evidence in one entry."""
    from datetime import UTC, datetime

    bureau = ledger_bureau(tmp_path, checklist, capsys)
    path = tmp_path / "2026_办公室.selfassess"
    digest = json.loads(run(capsys, "summary", str(path), "--json")[1])["departments"][0][
        "digest"]
    (tmp_path / "批复.pdf").write_bytes(b"%PDF-1.4 approval")
    follow = write_json(tmp_path / "d.json", {"measures": [
        {"id": 1, "status": "整改中", "progress": "经批准延期。", "deadline": "2028-03-31",
         "evidence": ["批复.pdf"]}]})
    code, _out, err = run(capsys, "fill", str(path), str(follow))
    assert code == 0, err
    first = measures(capsys, path)[0]
    assert (first["deadline"], first["sealed_deadline"], first["status"]) == (
        "2028-03-31", "2027-03-31", "in_progress")
    department = json.loads(run(capsys, "summary", str(path), "--json")[1])["departments"][0]
    assert department["sealed"] and department["digest"] == digest
    with AssessmentFile.open(path, readonly=True) as af:
        assert "ledger-deadline" in [line.action for line in af.audit()]
    assert run(capsys, "merge", str(bureau), str(path))[0] == 0
    printed = datetime(2027, 12, 15, tzinfo=UTC)  # past the sealed deadline, not the new one
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(printed.timestamp())))
    first = measures(capsys, bureau)[0]
    assert first["deadline"] == "2028-03-31"
    out_pdf = tmp_path / "台账.pdf"
    assert run(capsys, "--lang", "zh_CN", "report", str(bureau), "--ledger", "-o",
               str(out_pdf))[0] == 0
    (page,) = pdf_pages(out_pdf)
    # no longer red: the yellow one (2027-12-31) comes first, this one after it
    assert page.index("完善学习台账") < page.index("每季度专题研究一次")
    assert "2028年3月31日整改中绿（正常）" in page
    assert "经批准延期；已延期，原定2027年3月31日；佐证材料：批复.pdf" in page


@pytest.mark.parametrize("follow_up, message", [
    ({"filled_by": "x" * 150, "measures": [{"id": 1, "progress": "ok"}]}, "100 characters"),
    ({"filled_by": "张\u0001三", "measures": [{"id": 1, "progress": "ok"}]}, "name of who"),
    ({"filled_by": {"a": 1}, "measures": [{"id": 1, "progress": "ok"}]}, "must be text"),
    ({"measures": [{"id": 1, "status": "整改中"}, {"id": 1, "deadline": "2027-09-30"}]},
     "more than once"),
    ({"measures": [{"id": 1, "evidence": ["纪要.pdf", "纪要.pdf"]}]}, "more than once"),
    ({"measures": [{"id": 1, "evidence": ["纪\u0000要.pdf"]}]}, "control character"),
    ({"measures": [{"id": 1, "deadline": "1999-01-01"}]}, "1999-01-01"),
])
def test_a_follow_up_that_would_spoil_the_file_is_refused(
        follow_up: dict[str, Any], message: str, tmp_path: Path, checklist: Checklist,
        capsys: Capture) -> None:
    path = sealed_with_measures(tmp_path, checklist)
    (tmp_path / "纪要.pdf").write_bytes(b"minutes")
    before = path.read_bytes()
    code, out, err = run(capsys, "fill", str(path), str(write_json(tmp_path / "f.json",
                                                                    follow_up)))
    assert code == 1 and out == "" and message in err, err
    assert "Traceback" not in err and path.read_bytes() == before
    assert run(capsys, "summary", str(path), "--json")[0] == 0  # still readable


def test_a_deadline_moved_earlier_is_not_called_put_back(
        tmp_path: Path, checklist: Checklist, capsys: Capture) -> None:
    bureau = ledger_bureau(tmp_path, checklist, capsys)
    path = tmp_path / "2026_办公室.selfassess"
    assert run(capsys, "fill", str(path), str(write_json(tmp_path / "e.json", {"measures": [
        {"id": 2, "deadline": "2027-09-30"}]})))[0] == 0  # sealed: 2027-12-31
    assert run(capsys, "merge", str(bureau), str(path))[0] == 0
    out = tmp_path / "台账.pdf"
    code, _out, err = run(capsys, "--lang", "zh_CN", "report", str(bureau), "--ledger",
                          "--department", "办公室", "-o", str(out))
    assert code == 0, err
    (page,) = pdf_pages(out)
    assert "已调整，原定2027年12月31日" in page and "已延期" not in page
    assert "单位：办公室" in page  # one department's ledger from the bureau's file
    # the department's own numbers, as close-measure and the app name them
    assert "1.每季度专题研究一次" in page and "3.建立联络员制度" in page


def test_a_report_never_replaces_the_file_it_reads(tmp_path: Path, checklist: Checklist,
                                                   capsys: Capture) -> None:
    path = sealed_with_measures(tmp_path, checklist)
    before = path.read_bytes()
    for command in (["report", str(path), "--ledger"], ["report", str(path)]):
        code, _out, err = run(capsys, *command, "-o", str(path), "--force")
        assert code == 1 and "being read" in err, err
    assert path.read_bytes() == before


def test_closing_without_by_records_who_is_logged_in(tmp_path: Path, checklist: Checklist,
                                                     capsys: Capture) -> None:
    bureau = ledger_bureau(tmp_path, checklist, capsys)
    code, _out, err = run(capsys, "close-measure", str(bureau), "--department", "办公室",
                          "--measure", "2")
    assert code == 0, err
    assert measures(capsys, bureau)[1]["closed_by"] != ""
