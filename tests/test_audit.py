"""The audit log stays small while someone types, and still says who changed what, when."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource
from selfassess.store.audit import splice, text_before, text_change


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    now = [datetime(2026, 11, 2, 9, 0).astimezone()]
    monkeypatch.setattr("selfassess.store.editing.now_text",
                        lambda: now[0].isoformat(timespec="seconds"))
    return now


@given(st.text(max_size=300), st.text(max_size=300))
def test_a_stored_change_gives_back_the_text_before(old: str, new: str) -> None:
    at, removed, inserted = splice(old, new)
    assert old[:at] + inserted + old[at + len(removed):] == new
    assert text_before(*text_change(old, new), new) == old


def test_long_text_is_stored_as_what_changed(dept_file: AssessmentFile) -> None:
    first = "学" * 5000
    dept_file.apply(ChangeSet(answers={"1.1": {"narrative": first}}), actor="张三")
    dept_file.apply(ChangeSet(answers={"1.1": {"narrative": first + "新增一句。"}}), actor="李四")
    last = dept_file.audit()[-1]
    assert (last.actor, last.target) == ("李四", "1.1.narrative")
    assert json.loads(last.old or "") == {"at": 5000, "text": ""}
    assert json.loads(last.new or "") == {"at": 5000, "text": "新增一句。"}


def test_typing_in_one_field_is_one_line_a_minute(dept_file: AssessmentFile,
                                                  clock: list[datetime]) -> None:
    text = ""
    for burst in range(30):  # a burst every 10 s for five minutes
        text += f"第{burst}句话，写得很长很长很长很长很长很长。"
        dept_file.apply(ChangeSet(answers={"2.1": {"narrative": text}}), actor="张三")
        clock[0] += timedelta(seconds=10)
    lines = [e for e in dept_file.audit() if e.target == "2.1.narrative"]
    assert len(lines) == 5
    assert [datetime.fromisoformat(e.at).minute for e in lines] == [0, 1, 2, 3, 4]
    # the lines replay: each one turns the text before it into the text after it
    replayed = ""
    for line in lines:
        old, new = json.loads(line.old or ""), json.loads(line.new or "")
        if isinstance(new, dict):
            replayed = replayed[:old["at"]] + new["text"] + replayed[old["at"] + len(old["text"]):]
        else:
            assert old == replayed
            replayed = new
    assert replayed == text == dept_file.data().answers["2.1"].narrative


def test_another_field_or_person_starts_a_new_line(dept_file: AssessmentFile,
                                                   clock: list[datetime]) -> None:
    dept_file.apply(ChangeSet(answers={"1.1": {"narrative": "甲"}}), actor="张三")
    dept_file.apply(ChangeSet(answers={"1.1": {"narrative": "甲乙"}}), actor="张三")
    dept_file.apply(ChangeSet(answers={"1.1": {"deduction_reason": "少"}}), actor="张三")
    dept_file.apply(ChangeSet(answers={"1.1": {"narrative": "甲乙丙"}}), actor="张三")
    dept_file.apply(ChangeSet(answers={"1.1": {"narrative": "甲乙丙丁"}}), actor="李四")
    lines = [(e.actor, e.target, json.loads(e.old or "null"), json.loads(e.new or "null"))
             for e in dept_file.audit()[1:]]
    assert lines == [("张三", "1.1.narrative", "", "甲乙"),
                     ("张三", "1.1.deduction_reason", "", "少"),
                     ("张三", "1.1.narrative", "甲乙", "甲乙丙"),
                     ("李四", "1.1.narrative", "甲乙丙", "甲乙丙丁")]


def test_typed_and_taken_back_leaves_no_line(dept_file: AssessmentFile) -> None:
    dept_file.apply(ChangeSet(answers={"1.1": {"narrative": "原文"}}), actor="张三")
    dept_file.apply(ChangeSet(answers={"1.2": {"narrative": "别处"}}), actor="张三")
    dept_file.apply(ChangeSet(answers={"1.1": {"narrative": "原文加字"}}), actor="张三")
    dept_file.apply(ChangeSet(answers={"1.1": {"narrative": "原文"}}), actor="张三")
    assert [e.target for e in dept_file.audit()[1:]] == ["1.1.narrative", "1.2.narrative"]


def test_a_large_attachment_does_not_leave_a_large_wal(dept_file: AssessmentFile,
                                                       tmp_path: Path) -> None:
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(os.urandom(12 * 2**20))
    dept_file.apply(ChangeSet(add_evidence=[("item", "1.1", EvidenceSource(scan, scan.name))]))
    wal = Path(f"{dept_file.path}-wal")
    assert wal.stat().st_size <= 4 * 2**20
    assert dept_file.evidence_bytes(dept_file.data().evidence[0].sha256) == scan.read_bytes()
