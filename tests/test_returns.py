"""退回 → 重报 → 审定 through files (issue 15): the whole loop through the CLI, the states it
passes through, the reviews carried over, the audit log of each step, 催报."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from commands import Capture, run
from docx import Document
from test_bureau import department

from selfassess.checklist import Checklist
from selfassess.errors import InputRefused
from selfassess.store import AssessmentFile, ChangeSet


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def summary(capsys: Capture, path: Path) -> dict[str, Any]:
    code, out, err = run(capsys, "summary", str(path), "--json")
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


def state_of(capsys: Capture, bureau: Path, name: str) -> str:
    return next(str(d["state"]) for d in summary(capsys, bureau)["departments"]
                if d["name"] == name)


@pytest.fixture
def bureau(tmp_path: Path, capsys: Capture) -> Path:
    roster = tmp_path / "roster.txt"
    roster.write_text("办公室\n宣传处\n", encoding="utf-8")
    path = tmp_path / "2026_汇总.selfassess"
    code, _out, err = run(capsys, "bureau", "new", str(path), "--name", "XX市水利局",
                          "--period", "2026", "--roster", str(roster))
    assert code == 0, err
    return path


def test_the_whole_loop(bureau: Path, tmp_path: Path, checklist: Checklist,
                        capsys: Capture) -> None:
    received = tmp_path / "received"
    received.mkdir()
    office = department(received, "办公室", checklist)
    code, out, err = run(capsys, "merge", str(bureau), str(office))
    assert code == 0 and out.startswith("added"), err
    assert state_of(capsys, bureau, "办公室") == "submitted"
    reviews = write_json(tmp_path / "reviews.json", {"reviews": [
        {"department": "办公室", "item": "1.1", "score": 3, "reason": "记录不全"},
        {"department": "办公室", "item": "1.2", "score": 3, "reason": "缺纪要"}]})
    assert run(capsys, "review", str(bureau), str(reviews))[0] == 0

    # 退回 1.2 and B1, with reasons and a note
    notes = write_json(tmp_path / "notes.json", {
        "note": "请按意见补充后重新封存报送。",
        "items": {"1.2": "缺会议纪要"}, "bonus": {"B1": "请补充表彰文件"}})
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    code, out, err = run(capsys, "return", str(bureau), "--department", "办公室", str(notes),
                         "--out", str(outbox), "--by", "考核组")
    assert code == 0, err
    returned = outbox / "2026_办公室_退回.selfassess"
    assert returned.is_file() and str(returned) in out
    result = summary(capsys, bureau)
    (office_summary,) = [d for d in result["departments"] if d["name"] == "办公室"]
    assert office_summary["state"] == "returned"
    assert office_summary["last_return"]["entries"] == [
        {"kind": "item", "code": "1.2", "reason": "缺会议纪要"},
        {"kind": "bonus", "code": "B1", "reason": "请补充表彰文件"}]
    assert [(r["name"], r["state"], r["entries"]) for r in result["to_remind"]] == [
        ("宣传处", "missing", []), ("办公室", "returned", ["1.2", "B1"])]

    # the department's side: only what was returned can change
    with AssessmentFile.open(returned, readonly=True) as af:
        record = af.current_return()
        assert record is not None and record.note == "请按意见补充后重新封存报送。"
        assert record.codes("item") == ["1.2"] and record.codes("bonus") == ["B1"]
        assert af.department().revision == 1 and not af.department().sealed
        assert [line.action for line in af.audit()] == ["returned"]
        assert all(a.review_score is None for a in af.data().answers.values())
    outside = write_json(tmp_path / "outside.json",
                         {"items": {"1.1": {"narrative": "改了不该改的"},
                                    "1.2": {"narrative": "已补充会议纪要。"}}})
    code, _out, err = run(capsys, "fill", str(returned), str(outside))
    assert code == 1 and "1.1 were not returned for correction" in err and "1.2" in err
    inside = write_json(tmp_path / "inside.json",
                        {"items": {"1.2": {"narrative": "全年专题研究4次，已补充会议纪要。"}}})
    code, _out, err = run(capsys, "fill", str(returned), str(inside))
    assert code == 0, err
    code, out, err = run(capsys, "seal", str(returned))
    assert code == 0, err

    # 重报: replaced, naming what changed; reviews kept, the changed one flagged 待复核
    code, out, err = run(capsys, "merge", str(bureau), str(returned))
    assert code == 0, err
    assert out.startswith("replaced ") and "changed since revision 1: 1.2 (narrative)" in out
    assert state_of(capsys, bureau, "办公室") == "resubmitted"
    with AssessmentFile.open(bureau, readonly=True) as af:
        office_id = next(d.id for d in af.departments() if d.name == "办公室")
        data = af.data(office_id)
        assert data.department.revision == 2
        assert data.answers["1.1"].review_score == 3 and not data.answers["1.1"].review_flag
        assert data.answers["1.2"].review_score == 3 and data.answers["1.2"].review_flag
        assert data.answers["1.2"].review_reason == "缺纪要"

    # 审定, then a newer revision is refused until the approval is withdrawn
    code, out, err = run(capsys, "approve", str(bureau), "--department", "办公室", "--by", "王书记")
    assert code == 0 and "approved (revision 2)" in out, err
    assert "warning: the review of 1.2 was not redone (待复核)" in out  # flagged, not blocked
    # while approved, its result stays as approved: no new review, no grade adjustment
    approved = summary(capsys, bureau)
    rescore = write_json(tmp_path / "rescore.json", {"reviews": [
        {"department": "办公室", "item": "1.1", "score": 0, "reason": "再查"}]})
    code, _out, err = run(capsys, "review", str(bureau), str(rescore))
    assert code == 1 and "办公室 is approved (审定); withdraw the approval before changing " \
        "its review" in err
    code, _out, err = run(capsys, "adjust-grade", str(bureau), "--department", "办公室",
                          "--grade", "差", "--reason", "比例")
    assert code == 1 and "withdraw the approval before adjusting its grade" in err
    assert summary(capsys, bureau) == approved
    office_summary = next(d for d in summary(capsys, bureau)["departments"]
                          if d["name"] == "办公室")
    assert office_summary["state"] == "approved"
    assert office_summary["approval"]["revision"] == 2
    assert office_summary["approval"]["digest"] == office_summary["digest"]
    with AssessmentFile.open(returned) as af:
        af.reopen(actor="张三")
        af.apply(ChangeSet(answers={"1.3": {"narrative": "又补充了一些。"}}))
        af.seal()
    code, out, err = run(capsys, "merge", str(bureau), str(returned))
    assert out.startswith("refused ") and "approved (审定) at revision 2" in out
    assert state_of(capsys, bureau, "办公室") == "approved"
    code, out, err = run(capsys, "approve", str(bureau), "--department", "办公室", "--withdraw",
                         "--by", "王书记")
    assert code == 0 and "withdrawn" in out, err
    code, out, err = run(capsys, "merge", str(bureau), str(returned))
    assert out.startswith("replaced ") and "1.3 (narrative)" in out, out
    assert state_of(capsys, bureau, "办公室") == "resubmitted"

    # every step in the bureau's audit log, in order
    with AssessmentFile.open(bureau, readonly=True) as af:
        steps = [(line.action, line.target) for line in af.audit()
                 if line.action in ("merge", "review", "return", "approve")]
        approvals = af.approvals(office_id)
    runs = [action for number, (action, _target) in enumerate(steps)
            if number == 0 or steps[number - 1][0] != action]  # a line per review entry
    assert runs == ["merge", "review", "return", "merge", "approve", "merge", "approve", "merge"]
    assert [target for action, target in steps if action == "return"] == ["1"]
    assert [(a.revision, a.approved_by, a.active) for a in approvals] == [(2, "王书记", False)]


def test_returns_are_refused_for_what_cannot_be_returned(
        bureau: Path, tmp_path: Path, checklist: Checklist, capsys: Capture) -> None:
    received = tmp_path / "received"
    received.mkdir()
    run(capsys, "merge", str(bureau), str(department(received, "办公室", checklist)),
        str(department(received, "宣传处", checklist, seal=False)), "--allow-drafts")
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    before = (bureau.read_bytes(), sorted(outbox.iterdir()))
    cases = [
        ({"items": {"9.9": "x"}}, "办公室", "9.9: not in the checklist"),
        ({"items": {"1.1": "  "}}, "办公室", "a reason is required"),
        ({"note": "只有说明"}, "办公室", "nothing to return"),
        ({"items": {"1.1": "x"}, "extra": 1}, "办公室", "unknown key “extra”"),
        ({"items": {"1.1": "x"}}, "财务处", "no department named “财务处”"),
        ({"items": {"1.1": "x"}}, "宣传处", "only a sealed revision can be returned"),
    ]
    for notes, name, message in cases:
        path = write_json(tmp_path / "notes.json", notes)
        code, _out, err = run(capsys, "return", str(bureau), "--department", name, str(path),
                              "--out", str(outbox))
        assert code == 1 and message in err, (notes, err)
    assert (bureau.read_bytes(), sorted(outbox.iterdir())) == before
    good = write_json(tmp_path / "notes.json", {"items": {"1.1": "x"}})
    assert run(capsys, "return", str(bureau), "--department", "办公室", str(good), "--out",
               str(outbox))[0] == 0
    code, _out, err = run(capsys, "return", str(bureau), "--department", "办公室", str(good),
                          "--out", str(outbox))
    assert code == 1 and "already returned on" in err
    code, _out, err = run(capsys, "approve", str(bureau), "--department", "宣传处")
    assert code == 1 and "only a sealed revision can be approved" in err
    code, _out, err = run(capsys, "approve", str(bureau), "--department", "办公室", "--withdraw")
    assert code == 1 and "is not approved" in err


def test_a_returned_file_reopened_whole_can_change_everything(
        bureau: Path, tmp_path: Path, checklist: Checklist, capsys: Capture) -> None:
    received = tmp_path / "received"
    received.mkdir()
    run(capsys, "merge", str(bureau), str(department(received, "办公室", checklist)))
    notes = write_json(tmp_path / "notes.json", {"note": "整体再核", "items": {"1.2": "缺纪要"}})
    run(capsys, "return", str(bureau), "--department", "办公室", str(notes), "--out",
        str(tmp_path))
    returned = tmp_path / "2026_办公室_退回.selfassess"
    with AssessmentFile.open(returned) as af:
        with pytest.raises(InputRefused, match=r"1\.1 were not returned"):
            af.apply(ChangeSet(answers={"1.1": {"self_score": D(3)}}))
        af.reopen(actor="张三")
        assert af.current_return() is None
        assert af.returns()[-1].reopened_at is not None  # the notes stay, marked reopened
        af.apply(ChangeSet(answers={"1.1": {"self_score": D(3), "deduction_reason": "自查发现不足"}}))
        assert af.seal().revision == 2
        assert [line.action for line in af.audit()][:2] == ["returned", "reopen"]
    # the bureau learns it: the merge line says so, and so does its return
    code, out, err = run(capsys, "merge", str(bureau), str(returned))
    assert code == 0 and out.startswith("replaced "), err
    assert "1.1 (self score, reason)" in out and "the department reopened the whole file" in out
    (office,) = summary(capsys, bureau)["departments"]
    assert office["state"] == "resubmitted" and office["last_return"]["reopened_at"]


def test_remind_writes_who_is_waited_for(bureau: Path, tmp_path: Path, checklist: Checklist,
                                         capsys: Capture) -> None:
    received = tmp_path / "received"
    received.mkdir()
    run(capsys, "merge", str(bureau), str(department(received, "办公室", checklist)))
    notes = write_json(tmp_path / "notes.json", {"items": {"1.2": "缺纪要"}, "veto": {"V1": "请说明"}})
    run(capsys, "return", str(bureau), "--department", "办公室", str(notes), "--out",
        str(tmp_path))
    text_file = tmp_path / "催报.txt"
    code, _out, err = run(capsys, "--lang", "zh_CN", "remind", str(bureau), "-o", str(text_file))
    assert code == 0, err
    raw = text_file.read_bytes()
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw  # as Notepad needs it
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "关于抓紧报送2026年度意识形态工作责任制落实情况自查评分表的通知"
    assert "一、尚未报送的单位（1个）：宣传处。" in lines
    assert any(line.startswith("二、已退回修改、尚未重新报送的单位（1个）：办公室（")
               and "需修改：1.2“专题研究部署”、V1" in line for line in lines)
    assert lines[-2:] == ["XX市水利局", lines[-1]] and lines[-1].endswith("日")
    docx_file = tmp_path / "催报.docx"
    code, _out, err = run(capsys, "--lang", "zh_CN", "remind", str(bureau), "-o", str(docx_file))
    assert code == 0, err
    paragraphs = [(p.style.name, p.text) for p in Document(str(docx_file)).paragraphs]
    assert paragraphs[0] == ("公文标题", lines[0])
    assert ("Normal", "一、尚未报送的单位（1个）：宣传处。") in paragraphs
    assert [style for style, _text in paragraphs[-2:]] == ["落款", "成文日期"]
    code, _out, err = run(capsys, "remind", str(bureau), "-o", str(docx_file))
    assert code == 1 and "already exists" in err
    code, _out, err = run(capsys, "remind", str(bureau), "-o", str(tmp_path / "催报.pdf"))
    assert code == 1 and ".docx or .txt" in err


def test_every_state_in_summary_report_and_workbook(tmp_path: Path, checklist: Checklist,
                                                    capsys: Capture) -> None:
    from files import EVERY_STATE, bureau_in_every_state
    from openpyxl import load_workbook
    from pypdf import PdfReader

    bureau = bureau_in_every_state(tmp_path, checklist)
    result = summary(capsys, bureau)
    states = {d["name"]: d["state"] for d in result["departments"]}
    states.update({entry["name"]: entry["state"] for entry in result["to_remind"]
                   if entry["state"] == "missing"})
    assert states == EVERY_STATE
    assert [(r["name"], r["state"]) for r in result["to_remind"]] == [
        ("纪检组", "missing"), ("档案室", "draft"), ("宣传处", "returned")]
    workbook = tmp_path / "汇总.xlsx"
    code, _out, err = run(capsys, "--lang", "zh_CN", "export", str(bureau), "-o", str(workbook))
    assert code == 0, err
    sheet = load_workbook(workbook).worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(row for row in rows if "状态" in row)
    shown = {row[1]: row[header.index("状态")] for row in rows[rows.index(header) + 1:]
             if row[1] in EVERY_STATE}
    assert shown == {"办公室": "已报送", "宣传处": "已退回", "财务处": "已重新报送",
                     "组织人事处": "已审定", "档案室": "草稿"}
    pdf = tmp_path / "报告.pdf"
    code, _out, err = run(capsys, "--lang", "zh_CN", "report", str(bureau), "-o", str(pdf))
    assert code == 0, err
    pages = [page.extract_text().replace("\n", "") for page in PdfReader(pdf).pages]
    # the cover: as final as its contents (one of six approved), and no page number
    assert "已审定 1 个单位，共 6 个" in pages[0] and "审定稿" not in pages[0]
    assert "第 1 页" not in pages[0] and "第 1 页" in pages[1]
    assert f"共 {len(pages) - 1} 页" in pages[1]
    text = "".join(pages[:12])
    assert "退回与审定" in text and "缺会议纪要" in text and "王书记" in text
    assert "1.2 专题研究部署：缺会议纪要" in text and "退回修改" in text
    for word in ("已重新报送", "已审定", "已退回"):
        assert word in text


def test_returning_a_department_with_evidence_and_refilling_it_whole(
        bureau: Path, tmp_path: Path, checklist: Checklist, capsys: Capture) -> None:
    """The returned file carries the documents; an answers file or a form given back whole
    (its other entries unchanged) is accepted; the rules on when a return is possible."""
    received = tmp_path / "received"
    received.mkdir()
    minutes = tmp_path / "会议纪要.txt"
    minutes.write_text("专题研究会议纪要", encoding="utf-8")
    office = department(received, "办公室", checklist, evidence=minutes)
    assert run(capsys, "merge", str(bureau), str(office))[0] == 0
    notes = write_json(tmp_path / "notes.json", {"items": {"1.2": "缺会议纪要"}})
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    code, _out, err = run(capsys, "return", str(bureau), "--department", "办公室", str(notes),
                          "--out", str(outbox))
    assert code == 0, err
    returned = outbox / "2026_办公室_退回.selfassess"
    with AssessmentFile.open(returned, readonly=True) as af:
        (ref,) = af.data().evidence
        assert (ref.target_code, af.evidence_bytes(ref.sha256)) == (
            "1.1", "专题研究会议纪要".encode())
    # a second return before the correction, or an approval, would lose track of it
    code, _out, err = run(capsys, "return", str(bureau), "--department", "办公室", str(notes),
                          "--out", str(tmp_path))
    assert code == 1 and "already returned on" in err and "has not sent its correction" in err
    code, _out, err = run(capsys, "approve", str(bureau), "--department", "办公室")
    assert code == 1 and "approve it once the resubmission is merged" in err
    # the department fills in its whole answers file again: only 1.2 differs
    everything = {"items": {item.code: {"score": float(item.max_points),
                                        "narrative": "按要求开展。"}
                            for item in checklist.items},
                  "veto": {veto.code: False for veto in checklist.veto_items}}
    everything["items"]["1.1"]["evidence"] = [str(minutes)]
    everything["items"]["1.2"]["narrative"] = "已补充会议纪要。"
    code, _out, err = run(capsys, "fill", str(returned), str(write_json(
        tmp_path / "all.json", everything)))
    assert code == 0, err
    # and the form the department exports, filled in and read back
    form = tmp_path / "表.xlsx"
    assert run(capsys, "export", str(returned), "-o", str(form))[0] == 0
    code, _out, err = run(capsys, "import-xlsx", str(form), str(returned))
    assert code == 0, err
    with AssessmentFile.open(returned, readonly=True) as af:
        assert af.data().answers["1.2"].narrative == "已补充会议纪要。"
    everything["items"]["1.1"]["evidence"] = []  # taking a document off 1.1 is a change
    code, _out, err = run(capsys, "fill", str(returned), str(write_json(
        tmp_path / "all.json", everything)))
    assert code == 1 and "1.1 were not returned" in err


def test_returned_file_names(bureau: Path, tmp_path: Path, checklist: Checklist,
                             capsys: Capture) -> None:
    from selfassess.bureau.returns import returned_file_path

    assert returned_file_path(tmp_path, "2026", "财务/审计处").name == "2026_财务_审计处_退回.selfassess"
    long_name = "长" * 97 + "甲处"
    path = returned_file_path(tmp_path, "2026", long_name)
    assert path.name.endswith("_退回.selfassess") and path.name.startswith("2026_长")
    assert len(path.name.encode()) <= 255


def test_writing_onto_a_read_only_stick_names_the_folder(
        bureau: Path, tmp_path: Path, checklist: Checklist, capsys: Capture) -> None:
    """A write-protected stick: one line naming where, never the temporary name written
    under first (".3f9a….part: Read-only file system")."""
    from files import read_only

    received = tmp_path / "received"
    received.mkdir()
    run(capsys, "merge", str(bureau), str(department(received, "办公室", checklist)))
    notes = write_json(tmp_path / "notes.json", {"items": {"1.2": "缺纪要"}})
    stick = tmp_path / "stick-content"
    stick.mkdir()
    with read_only(stick, tmp_path / "stick") as folder:
        for argv in (("export", str(bureau), "-o", str(folder / "汇总.xlsx")),
                     ("remind", str(bureau), "-o", str(folder / "催报.docx")),
                     ("return", str(bureau), "--department", "办公室", str(notes), "--out",
                      str(folder))):
            code, _out, err = run(capsys, *argv)
            assert code == 1 and len(err.strip().splitlines()) == 1, (argv, err)
            assert str(folder) in err and ".part" not in err and ".tmp" not in err, err
    assert state_of(capsys, bureau, "办公室") == "submitted"  # the return was not recorded


def test_a_return_keeps_the_measures_follow_up(bureau: Path, tmp_path: Path,
                                              checklist: Checklist, capsys: Capture) -> None:
    from test_ledger import measures, sealed_with_measures

    received = tmp_path / "received"
    received.mkdir()
    office = sealed_with_measures(received, checklist)
    proof = tmp_path / "纪要.pdf"
    proof.write_bytes(b"%PDF-1.4 " + b"minutes " * 40)
    progress = write_json(tmp_path / "p.json", {"measures": [
        {"id": 1, "status": "整改中", "progress": "已开展第一次专题研究。",
         "evidence": [str(proof)]}]})
    assert run(capsys, "fill", str(office), str(progress))[0] == 0
    assert run(capsys, "merge", str(bureau), str(office))[0] == 0
    before = measures(capsys, bureau)[0]
    assert before["status"] == "in_progress" and before["evidence"]
    notes = write_json(tmp_path / "n.json", {"note": "补", "items": {"1.5": "内容空泛"}})
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    assert run(capsys, "return", str(bureau), "--department", "办公室", str(notes),
               "--out", str(outbox))[0] == 0
    returned = outbox / "2026_办公室_退回.selfassess"
    assert measures(capsys, returned)[0] == before  # the department's copy has it too
    # progress sent from the sealed copy while the correction is under way (整改进展)
    later = write_json(tmp_path / "later.json", {"measures": [
        {"id": 2, "status": "已完成", "progress": "台账已完善。"}]})
    assert run(capsys, "fill", str(office), str(later))[0] == 0
    code, out, err = run(capsys, "merge", str(bureau), str(office))
    assert code == 0 and "整改进展" in out, (out, err)
    second = measures(capsys, bureau)[1]
    assert second["status"] == "done"
    answers = write_json(tmp_path / "a.json", {"items": {"1.5": {"narrative": "补充了内容。"}}})
    assert run(capsys, "fill", str(returned), str(answers))[0] == 0
    assert run(capsys, "seal", str(returned))[0] == 0
    code, out, err = run(capsys, "merge", str(bureau), str(returned))
    assert code == 0 and out.startswith("replaced"), err
    assert measures(capsys, bureau)[:2] == [before, second]  # both kept


def test_reviews_name_a_department_as_the_other_commands_do(bureau: Path, tmp_path: Path,
                                                            checklist: Checklist,
                                                            capsys: Capture) -> None:
    received = tmp_path / "received"
    received.mkdir()
    roster = tmp_path / "it.txt"
    roster.write_text("IT处\n", encoding="utf-8")
    it_bureau = tmp_path / "2026_IT.selfassess"
    assert run(capsys, "bureau", "new", str(it_bureau), "--name", "XX局", "--period", "2026",
               "--roster", str(roster))[0] == 0
    code, out, err = run(capsys, "merge", str(it_bureau),
                         str(department(received, "IT处", checklist)))
    assert code == 0, (out, err)
    reviews = write_json(tmp_path / "r.json", {"reviews": [  # typed with full-width letters
        {"department": "ＩＴ处", "item": "1.1", "score": 3, "reason": "记录不全"}]})
    code, _out, err = run(capsys, "review", str(it_bureau), str(reviews))
    assert code == 0, err
    (it,) = summary(capsys, it_bureau)["departments"]
    assert it["items"]["1.1"]["review"] == 3
