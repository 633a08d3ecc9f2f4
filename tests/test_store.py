"""The .selfassess file: creation, edits, evidence, seal/reopen, audit, refusing bad files."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal as D
from pathlib import Path

import pytest
from files import newer_schema, other_sqlite, sha256_of

from selfassess.checklist import Checklist
from selfassess.errors import FileFormatError, IncompleteError, InputRefused, SealedError
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource, Measure, Shortcoming
from selfassess.store.database import connection
from selfassess.store.schema import APPLICATION_ID, SCHEMA_VERSION
from selfassess.store.sealing import content_digest


def complete_changes(checklist: Checklist) -> ChangeSet:
    changes = ChangeSet(answers={item.code: {"self_score": item.max_points}
                                 for item in checklist.items})
    changes.veto = {veto.code: {"triggered": False} for veto in checklist.veto_items}
    return changes


def test_create_and_reopen_keep_identity(tmp_path: Path, checklist: Checklist) -> None:
    path = tmp_path / "a.selfassess"
    with AssessmentFile.create(path, checklist, department_name=" 宣传处 ", period="2026",
                               bureau_name="水利局", filled_by="张三") as af:
        department = af.department()
    with AssessmentFile.open(path, readonly=True) as af:
        again = af.department()
        assert again == department
        assert again.name == "宣传处" and again.revision == 0 and not again.sealed
        assert af.info.kind == "department" and af.info.period == "2026"
        assert af.info.bureau_name == "水利局"
        assert af.checklist.fingerprint == checklist.fingerprint
        assert [e.action for e in af.audit()] == ["create"]
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file left behind"
    header = path.read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION


def test_create_never_overwrites(tmp_path: Path, checklist: Checklist) -> None:
    path = tmp_path / "a.selfassess"
    path.write_bytes(b"precious")
    with pytest.raises(InputRefused, match="already exists"):
        AssessmentFile.create(path, checklist, department_name="办公室", period="2026")
    assert path.read_bytes() == b"precious"


def test_create_refuses_bad_names(tmp_path: Path, checklist: Checklist) -> None:
    with pytest.raises(InputRefused, match="department name is required"):
        AssessmentFile.create(tmp_path / "a.selfassess", checklist, department_name="  ",
                              period="2026")
    with pytest.raises(InputRefused, match="single line"):
        AssessmentFile.create(tmp_path / "a.selfassess", checklist, department_name="a\nb",
                              period="2026")
    assert not (tmp_path / "a.selfassess").exists()


def test_field_level_updates_and_audit(dept_file: AssessmentFile) -> None:
    dept_file.apply(ChangeSet(answers={"1.1": {"self_score": D("3.5"), "narrative": "第一稿",
                                               "deduction_reason": "少1次"}}), actor="张三")
    dept_file.apply(ChangeSet(answers={"1.1": {"narrative": "第二稿"}}), actor="李四")
    answer = dept_file.data().answers["1.1"]
    assert (answer.self_score, answer.narrative, answer.deduction_reason) == (D("3.5"), "第二稿",
                                                                              "少1次")
    last = dept_file.audit()[-1]
    assert (last.actor, last.action, last.target) == ("李四", "answer", "1.1.narrative")
    assert (json.loads(last.old or "null"), json.loads(last.new or "null")) == ("第一稿", "第二稿")


def test_refused_change_writes_nothing(dept_file: AssessmentFile, tmp_path: Path) -> None:
    dept_file.apply(ChangeSet(answers={"1.1": {"self_score": D("4")}}))
    dept_file.close()
    before = sha256_of(dept_file.path)
    with AssessmentFile.open(dept_file.path) as af:
        bad = ChangeSet(answers={"1.1": {"self_score": D("3")}, "1.2": {"self_score": D("9")},
                                 "9.9": {"self_score": D("1")}})
        with pytest.raises(InputRefused) as caught:
            af.apply(bad)
        assert any("1.2" in p and "outside 0–5" in p for p in caught.value.problems)
        assert any("9.9" in p for p in caught.value.problems)
        assert af.data().answers["1.1"].self_score == 4
    assert sha256_of(dept_file.path) == before


@pytest.mark.parametrize(("changes", "message"), [
    (ChangeSet(answers={"1.1": {"not_applicable": True, "na_reason": "x"}}), "may not be marked"),
    (ChangeSet(answers={"4.4": {"not_applicable": True}}), "needs a reason"),
    (ChangeSet(answers={"4.4": {"not_applicable": True, "na_reason": "x",
                                "self_score": D("3")}}), "not both"),
    (ChangeSet(answers={"1.1": {"self_score": D("0.3")}}), "multiple of the step"),
    (ChangeSet(bonus={"B1": {"points": D("3.5")}}), "outside 0–3"),
    (ChangeSet(bonus={"B9": {"points": D("1")}}), "unknown bonus code"),
    (ChangeSet(veto={"V9": {"triggered": True}}), "unknown veto code"),
    (ChangeSet(shortcomings=[Shortcoming("天气", "x")]), "unknown category"),
    (ChangeSet(measures=[Measure("整改", shortcoming=0)]), "does not exist"),
    (ChangeSet(answers={"1.1": {"narrative": "x" * 50_001}}), "longer than 50000"),
    (ChangeSet(answers={"1.1": {"narrative": "bell\x07"}}), "control characters"),
    (ChangeSet(item_evidence={"1.1": [EvidenceSource(Path("/nonexistent/x.pdf"), "x.pdf")]}),
     "not found"),
])
def test_refusals(dept_file: AssessmentFile, changes: ChangeSet, message: str) -> None:
    with pytest.raises(InputRefused) as caught:
        dept_file.apply(changes)
    assert any(message in problem for problem in caught.value.problems), caught.value.problems


def test_not_applicable_keeps_an_earlier_score_and_restores_it(dept_file: AssessmentFile) -> None:
    dept_file.apply(ChangeSet(answers={"4.4": {"self_score": D("2"), "deduction_reason": "x"}}))
    dept_file.apply(ChangeSet(answers={"4.4": {"not_applicable": True, "na_reason": "无展板"}}))
    assert dept_file.data().answers["4.4"].not_applicable
    dept_file.apply(ChangeSet(answers={"4.4": {"not_applicable": False}}))
    assert dept_file.data().answers["4.4"].self_score == 2


def test_evidence_is_stored_once_and_reads_back_exactly(dept_file: AssessmentFile,
                                                        tmp_path: Path) -> None:
    scan = tmp_path / "会议纪要.pdf"
    scan.write_bytes(bytes(range(256)) * 20_000)  # 5 MB
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(scan.read_bytes())
    dept_file.apply(ChangeSet(item_evidence={
        "1.1": [EvidenceSource(scan, scan.name)], "1.2": [EvidenceSource(copy, "另一个名字.pdf")]}))
    refs = dept_file.data().evidence
    assert [(r.target_code, r.file_name, r.media_type) for r in refs] == [
        ("1.1", "会议纪要.pdf", "application/pdf"), ("1.2", "另一个名字.pdf", "application/pdf")]
    assert refs[0].sha256 == refs[1].sha256 == sha256_of(scan)
    assert connection(dept_file).execute("SELECT COUNT(*) FROM evidence_blobs").fetchone()[0] == 1
    assert hashlib.sha256(dept_file.evidence_bytes(refs[0].sha256)).hexdigest() == sha256_of(scan)
    # replacing the list of one item keeps the shared document for the other
    dept_file.apply(ChangeSet(item_evidence={"1.1": []}))
    assert connection(dept_file).execute("SELECT COUNT(*) FROM evidence_blobs").fetchone()[0] == 1
    dept_file.apply(ChangeSet(remove_evidence=[dept_file.data().evidence[0].id]))
    assert connection(dept_file).execute("SELECT COUNT(*) FROM evidence_blobs").fetchone()[0] == 0


def test_add_evidence_appends(dept_file: AssessmentFile, tmp_path: Path) -> None:
    for name in ("a.jpg", "b.jpg"):
        (tmp_path / name).write_bytes(name.encode())
        dept_file.apply(ChangeSet(add_evidence=[("item", "2.1", EvidenceSource(tmp_path / name,
                                                                               name))]))
    refs = dept_file.data().evidence_for("item", "2.1")
    assert [(r.file_name, r.position) for r in refs] == [("a.jpg", 0), ("b.jpg", 1)]


def test_seal_lists_every_problem(dept_file: AssessmentFile, checklist: Checklist) -> None:
    changes = complete_changes(checklist)
    del changes.answers["2.2"]
    changes.answers["3.1"] = {"self_score": D("2")}
    changes.answers["4.4"] = {"not_applicable": True, "na_reason": "无"}
    changes.veto.pop("V3")
    changes.veto["V2"] = {"triggered": True}
    changes.bonus = {"B4": {"points": D("1")}}
    dept_file.apply(changes)
    with pytest.raises(IncompleteError) as caught:
        dept_file.seal()
    text = "\n".join(caught.value.problems)
    assert "2.2" in text and "not answered" in text
    assert "3.1: scored below its maximum without a deduction reason" in text
    assert "V3 is not declared" in text and "V2 is declared 有 without an explanation" in text
    assert "bonus item B4: a claim needs evidence" in text
    assert len(caught.value.problems) == 5
    assert dept_file.department().revision == 0


def test_seal_reopen_seal(dept_file: AssessmentFile, checklist: Checklist) -> None:
    dept_file.apply(complete_changes(checklist))
    first = dept_file.seal(actor="张三")
    assert first.revision == 1 and dept_file.department().sealed
    data = dept_file.data()
    assert first.audit_digest and first.digest == content_digest(
        data, checklist.fingerprint, "2026", 1, first.audit_digest)
    with pytest.raises(SealedError, match="sealed"):
        dept_file.apply(ChangeSet(answers={"1.1": {"narrative": "改"}}))
    with pytest.raises(SealedError):
        dept_file.seal()
    dept_file.reopen(actor="张三")
    dept_file.apply(ChangeSet(answers={"1.1": {"narrative": "改"}}))
    second = dept_file.seal()
    assert second.revision == 2 and second.digest != first.digest
    assert [s.revision for s in dept_file.seals()] == [1, 2]
    assert [e.action for e in dept_file.audit() if e.action in ("seal", "reopen")] == [
        "seal", "reopen", "seal"]


def test_digest_covers_evidence_and_content(dept_file: AssessmentFile, checklist: Checklist,
                                            tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "b.txt").write_text("b")
    dept_file.apply(complete_changes(checklist))
    data = dept_file.data()
    base = content_digest(data, checklist.fingerprint, "2026", 1)
    dept_file.apply(ChangeSet(item_evidence={"1.1": [EvidenceSource(tmp_path / "a.txt", "x")]}))
    with_a = content_digest(dept_file.data(), checklist.fingerprint, "2026", 1)
    dept_file.apply(ChangeSet(item_evidence={"1.1": [EvidenceSource(tmp_path / "b.txt", "x")]}))
    with_b = content_digest(dept_file.data(), checklist.fingerprint, "2026", 1)
    assert len({base, with_a, with_b}) == 3
    assert content_digest(data, checklist.fingerprint, "2027", 1) != base


def test_seal_refuses_damaged_evidence(dept_file: AssessmentFile, checklist: Checklist,
                                      tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("original")
    changes = complete_changes(checklist)
    changes.item_evidence = {"1.1": [EvidenceSource(tmp_path / "a.txt", "a.txt")]}
    dept_file.apply(changes)
    connection(dept_file).execute("UPDATE evidence_blobs SET content = ?", [b"tampered"])
    with pytest.raises(FileFormatError, match="damaged"):
        dept_file.seal()


def test_readonly_file_refuses_edits(dept_file: AssessmentFile) -> None:
    dept_file.close()
    with AssessmentFile.open(dept_file.path, readonly=True) as af, \
            pytest.raises(InputRefused, match="read-only"):
        af.apply(ChangeSet(answers={"1.1": {"narrative": "x"}}))


def test_summary_reads_no_evidence_bytes(dept_file: AssessmentFile, tmp_path: Path) -> None:
    from selfassess.summary import file_summary

    (tmp_path / "a.txt").write_text("a")
    dept_file.apply(ChangeSet(item_evidence={"1.1": [EvidenceSource(tmp_path / "a.txt", "a")]}))
    statements: list[str] = []
    connection(dept_file).conn.set_trace_callback(statements.append)
    file_summary(dept_file)
    assert statements and not any("evidence_blobs" in s for s in statements)


# --- files that are not ours -----------------------------------------------------------------




@pytest.mark.parametrize(("make", "message"), [
    (lambda p, s: p.write_text("hello, not a database", encoding="utf-8"), "not an SQLite"),
    (lambda p, s: p.write_bytes(b""), "empty"),
    (lambda p, s: p.write_bytes(s.read_bytes()[: len(s.read_bytes()) // 2]), "truncated"),
    (lambda p, s: p.write_bytes(s.read_bytes()[:50]), "truncated"),
    (lambda p, s: other_sqlite(p), "another program"),
    (lambda p, s: newer_schema(p, s), "newer version"),
    (lambda p, s: None, "no such file"),
])
def test_bad_files_are_refused(tmp_path: Path, dept_file: AssessmentFile, make: object,
                               message: str) -> None:
    dept_file.close()
    path = tmp_path / "bad.selfassess"
    make(path, dept_file.path)  # type: ignore[operator]
    before = sha256_of(path) if path.exists() else None
    with pytest.raises(FileFormatError) as caught:
        AssessmentFile.open(path, readonly=True)
    assert len(caught.value.problems) == 1 and message in caught.value.problems[0]
    assert caught.value.problems[0].startswith("bad.selfassess: ")
    if before:
        assert sha256_of(path) == before


def test_views_and_triggers_are_refused(dept_file: AssessmentFile) -> None:
    connection(dept_file).execute("CREATE VIEW sneaky AS SELECT 1")
    dept_file.close()
    with pytest.raises(FileFormatError, match="views or triggers"):
        AssessmentFile.open(dept_file.path, readonly=True)


def test_tampered_checklist_snapshot_is_refused(dept_file: AssessmentFile) -> None:
    content = connection(dept_file).execute("SELECT content FROM checklist").fetchone()[0]
    connection(dept_file).execute("UPDATE checklist SET content = ?", [content.replace("传达学习上级部署",
                                                                              "随便写写")])
    dept_file.close()
    with pytest.raises(FileFormatError, match="does not match its fingerprint"):
        AssessmentFile.open(dept_file.path, readonly=True)


def test_out_of_range_stored_values_are_refused(dept_file: AssessmentFile) -> None:
    dept_file.apply(ChangeSet(answers={"1.1": {"self_score": D("4")}}))
    connection(dept_file).execute("UPDATE answers SET self_score = 'NaN'")
    with pytest.raises(FileFormatError, match="not a stored number"):
        dept_file.data()
    connection(dept_file).execute("UPDATE answers SET self_score = '7'")
    with pytest.raises(FileFormatError, match="outside 0–4"):
        dept_file.data()


def test_save_copy_is_self_contained_and_never_overwrites(dept_file: AssessmentFile,
                                                          checklist: Checklist,
                                                          tmp_path: Path) -> None:
    from selfassess.validation import submission_name

    dept_file.apply(complete_changes(checklist))
    record = dept_file.seal()
    name = submission_name("2026", "办公室")
    assert name == "2026_办公室.selfassess"
    copy = dept_file.save_copy(tmp_path / name)
    assert copy.read_bytes()[18:20] == b"\x01\x01", "rollback journal: one file, no -wal"
    with AssessmentFile.open(copy, readonly=True) as af:
        assert af.seals()[-1] == record and af.department().sealed
    before = sha256_of(copy)
    with pytest.raises(InputRefused, match="already exists"):
        dept_file.save_copy(copy)
    assert sha256_of(copy) == before


def test_removing_a_shortcoming_keeps_measure_links(dept_file: AssessmentFile) -> None:
    from selfassess.store.changes import without_shortcoming

    dept_file.apply(ChangeSet(
        shortcomings=[Shortcoming("责任落实", "甲"), Shortcoming("理论学习", "乙"),
                      Shortcoming("工作创新", "丙")],
        measures=[Measure("对甲", shortcoming=0), Measure("对乙", shortcoming=1),
                  Measure("对丙", shortcoming=2), Measure("泛泛")]))
    dept_file.apply(without_shortcoming(dept_file.data(), 1))
    data = dept_file.data()
    assert [s.text for s in data.shortcomings] == ["甲", "丙"]
    assert [(m.text, m.shortcoming) for m in data.measures] == [
        ("对甲", 0), ("对乙", None), ("对丙", 1), ("泛泛", None)]


def test_reading_leaves_no_companion_files(dept_file: AssessmentFile, tmp_path: Path) -> None:
    from selfassess.summary import file_summary

    dept_file.close()
    before = sha256_of(dept_file.path)
    with AssessmentFile.open(dept_file.path, readonly=True) as af:
        file_summary(af)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.selfassess"]
    assert sha256_of(dept_file.path) == before


def test_an_edit_rereads_only_what_it_touched_and_agrees_with_a_full_read(
        dept_file: AssessmentFile, checklist: Checklist, tmp_path: Path) -> None:
    """After each kind of edit the department ``apply`` keeps (only the touched parts read
    again) equals a full read of the file by another connection."""
    from selfassess.store.reading import read_department_data

    (tmp_path / "a.pdf").write_bytes(b"%PDF a")
    edits = [
        ChangeSet(answers={"1.1": {"self_score": D(4), "narrative": "甲"}}),
        ChangeSet(answers={"1.2": {"narrative": "乙"}, "1.1": {"narrative": "甲甲"}}),
        ChangeSet(answers={"1.2": {"narrative": ""}}),  # emptied: the row goes
        ChangeSet(answers={"1.1": {"self_score": D(3)}}),  # its narrative kept, not read again
        ChangeSet(answers={"1.3": {"self_score": D(1)}}),  # a new row by a score alone
        ChangeSet(answers={"1.3": {"self_score": None}}),  # and emptied by one: the row goes
        ChangeSet(answers={"5.3": {"not_applicable": True, "na_reason": "无"}}),
        ChangeSet(bonus={"B4": {"points": D(1), "narrative": "获奖"}}),
        ChangeSet(veto={"V1": {"triggered": False}}),
        ChangeSet(shortcomings=[Shortcoming("理论学习", "不足")],
                  measures=[Measure("措施", owner="张三", shortcoming=0)]),
        ChangeSet(add_evidence=[("item", "1.1", EvidenceSource(tmp_path / "a.pdf", "a.pdf"))]),
        ChangeSet(filled_by="李四"),
    ]
    for changes in edits:
        dept_file.apply(changes)
        kept = dept_file.data()
        with AssessmentFile.open(dept_file.path, readonly=True) as other:
            full = read_department_data(connection(other), checklist, other.department(),
                                        dept_file.path.name)
        assert kept == full and list(kept.answers) == list(full.answers), changes
    ref = dept_file.data().evidence[0]
    dept_file.apply(ChangeSet(remove_evidence=[ref.id]))
    assert dept_file.data().evidence == []


def test_a_write_by_another_connection_is_seen(dept_file: AssessmentFile) -> None:
    dept_file.apply(ChangeSet(answers={"1.1": {"narrative": "甲"}}))
    assert dept_file.data().answers["1.1"].narrative == "甲"
    import sqlite3

    conn = sqlite3.connect(dept_file.path)
    with conn:
        conn.execute("UPDATE answers SET narrative = '乙' WHERE item_code = '1.1'")
    conn.close()
    assert dept_file.data().answers["1.1"].narrative == "乙"


@pytest.mark.parametrize("damage", ["a byte of the document", "the link to its next page"])
def test_a_received_file_with_a_damaged_large_document_is_refused(
        tmp_path: Path, checklist: Checklist, damage: str) -> None:
    """The read-only full check leaves the evidence pages to the hash (read on a second thread
    for a large document): a changed byte or a broken page chain in the middle of a 3 MB
    document is still refused, read-only and writable, and the intact file opens."""
    import os
    import shutil

    from selfassess.errors import FileFormatError
    from selfassess.store import EvidenceSource

    marker = b"selfassess-marker-" + os.urandom(16)
    content = os.urandom(2_500_000) + marker + os.urandom(500_000)
    (tmp_path / "scan.pdf").write_bytes(content)
    made = tmp_path / "made.selfassess"
    with AssessmentFile.create(made, checklist, department_name="办公室", period="2026") as af:
        af.apply(ChangeSet(add_evidence=[("item", "1.1",
                                          EvidenceSource(tmp_path / "scan.pdf", "scan.pdf"))]))
    intact = tmp_path / "intact.selfassess"
    shutil.copyfile(made, intact)  # a copy: this machine does not know it
    with AssessmentFile.open(intact, readonly=True) as af:
        assert af.data().evidence[0].size == len(content)
    raw = bytearray(made.read_bytes())
    at = raw.index(marker)
    page_size = int.from_bytes(raw[16:18], "big")
    if damage == "a byte of the document":
        raw[at + 3] ^= 0xFF
        reason = "does not match its hash"
    else:
        start = at - at % page_size  # an overflow page begins with the next page's number
        raw[start:start + 4] = (len(raw) // page_size + 100).to_bytes(4, "big")
        reason = "damaged"
    received = tmp_path / "received.selfassess"
    received.write_bytes(bytes(raw))
    for readonly in (True, False):
        with pytest.raises(FileFormatError, match=reason):
            AssessmentFile.open(received, readonly=readonly)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "intact.selfassess", "made.selfassess", "received.selfassess", "scan.pdf"]
