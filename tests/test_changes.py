"""Every bad edit is refused whole, with its one-line reason, and nothing is stored; the edits
next to each limit are accepted. Found unguarded by tools/mutate.py (store change validation)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from test_guards import document, guarded, guards  # noqa: F401  (fixtures used by name)

from selfassess.errors import InputRefused
from selfassess.scoring import Aid
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource, Measure, Shortcoming
from selfassess.store.changes import without_shortcoming
from selfassess.validation import MAX_EVIDENCE_PER_TARGET, MAX_LIST_ENTRIES

SHORT = Shortcoming("理论学习", "学习不深入")


def refused(af: AssessmentFile, changes: ChangeSet) -> list[str]:
    """The problems of a refused change, after checking that nothing was stored."""
    before = af.data()
    with pytest.raises(InputRefused) as caught:
        af.apply(changes)
    assert af.data() == before
    return caught.value.problems


BAD: list[tuple[str, Any, list[str]]] = [
    ("unknown field", ChangeSet(answers={"1.1": {"score": D(4), "color": "红"}}),
     ["item 1.1: unknown fields color, score"]),
    ("score as text", ChangeSet(answers={"1.1": {"self_score": "4"}}),
     ["item 1.1: the score must be a number"]),
    ("N/A not a boolean", ChangeSet(answers={"1.1": {"not_applicable": "yes"}}),
     ["item 1.1: not_applicable must be true or false"]),
    ("aid not an aid", ChangeSet(answers={"1.1": {"aid": {"met": True}}}),
     ["item 1.1: the scoring aid is not valid"]),
    ("score and N/A", ChangeSet(answers={"1.1": {"self_score": D(4), "not_applicable": True,
                                                 "na_reason": "不涉及"}}),
     ["item 1.1: give either a score or not applicable, not both"]),
    ("N/A not allowed", ChangeSet(answers={"2.2": {"self_score": None, "not_applicable": True,
                                                   "na_reason": "不涉及"}}),
     ["item 2.2 may not be marked not applicable"]),
    ("bonus points as text", ChangeSet(bonus={"B1": {"points": "1"}}),
     ["bonus item B1: the points must be a number"]),
    ("bonus unknown field", ChangeSet(bonus={"B1": {"reason": "x"}}),
     ["bonus item B1: unknown fields reason"]),
    ("veto not a boolean", ChangeSet(veto={"V1": {"triggered": "有"}}),
     ["veto item V1: must be true (有) or false (无)"]),
    ("unknown codes", ChangeSet(answers={"9.9": {"narrative": "x"}}, bonus={"B9": {}},
                                veto={"V9": {}}),
     ["unknown item code “9.9”", "unknown bonus code “B9”", "unknown veto code “V9”"]),
    ("filled by on two lines", ChangeSet(filled_by="张\n三"), ["filled by must be a single line"]),
    ("shortcoming of an unknown category and item",
     ChangeSet(shortcomings=[SHORT, Shortcoming("其它", "x", "9.9")]),
     ["shortcoming 2: unknown category “其它” (known: 责任落实、理论学习、政治能力、组织生活、工作创新、"
      "阵地与网络管理、其他)", "shortcoming 2: unknown item code “9.9”"]),
    ("shortcoming empty or too long",
     ChangeSet(shortcomings=[Shortcoming("其他", " \n"), Shortcoming("其他", "长" * 2001)]),
     ["shortcoming 1: the text is empty",
      "shortcoming 2: text is longer than 2000 characters (2001)"]),
    ("measure empty, owner too long, linked to nothing",
     ChangeSet(shortcomings=[SHORT], measures=[
         Measure("  "), Measure("整改", owner="名" * 101), Measure("整改", shortcoming=1),
         Measure("整改", shortcoming=-1)]),
     ["measure 1: the text is empty", "measure 2: owner is longer than 100 characters (101)",
      "measure 3: refers to shortcoming 2, which does not exist",
      "measure 4: refers to shortcoming -1, which does not exist"]),
    ("measure text not text, link with no shortcomings",
     ChangeSet(shortcomings=[], measures=[Measure(5), Measure("整改", shortcoming=0)]),  # type: ignore[arg-type]
     ["measure 1: text must be text", "measure 2: refers to shortcoming 1, which does not exist"]),
    ("too many list entries",
     ChangeSet(shortcomings=[SHORT] * (MAX_LIST_ENTRIES + 1),
               measures=[Measure("整改")] * (MAX_LIST_ENTRIES + 1)),
     [f"more than {MAX_LIST_ENTRIES} shortcomings", f"more than {MAX_LIST_ENTRIES} measures"]),
    ("evidence for unknown codes", ChangeSet(
        item_evidence={"9.9": []}, bonus_evidence={"B9": []},
        add_evidence=[("item", "9.8", EvidenceSource(Path("x"), "x")),
                      ("bonus", "B8", EvidenceSource(Path("x"), "x"))]),
     ["unknown item code “9.9”", "unknown bonus code “B9”", "unknown code “9.8”",
      "unknown code “B8”"]),
    ("evidence that is not there", ChangeSet(remove_evidence=[9999], item_evidence={
        "1.1": [EvidenceSource(Path("/nonexistent/纪要.pdf"), "纪要.pdf")]}),
     ["item 1.1: evidence file not found: /nonexistent/纪要.pdf", "evidence 9999 does not exist"]),
]


@pytest.mark.parametrize(("what", "changes", "problems"), BAD, ids=[b[0] for b in BAD])
def test_bad_edits_are_refused_with_their_reason(guarded: AssessmentFile,  # noqa: F811
                                                 what: str, changes: ChangeSet,
                                                 problems: list[str]) -> None:
    assert refused(guarded, changes) == problems


def test_lists_at_their_limits_are_accepted(guarded: AssessmentFile) -> None:  # noqa: F811
    guarded.apply(ChangeSet(shortcomings=[Shortcoming("其他", "x", "1.1")] * MAX_LIST_ENTRIES,
                            measures=[Measure("整改", shortcoming=MAX_LIST_ENTRIES - 1)]
                            * MAX_LIST_ENTRIES))
    data = guarded.data()
    assert len(data.shortcomings) == len(data.measures) == MAX_LIST_ENTRIES
    assert data.shortcomings[0].item_code == "1.1"
    # the measures already stored are not checked again when only the shortcomings change
    guarded.apply(ChangeSet(shortcomings=[SHORT] * MAX_LIST_ENTRIES))


def test_evidence_up_to_the_limit_per_item(guarded: AssessmentFile, tmp_path: Path  # noqa: F811
                                           ) -> None:
    sources = [document(tmp_path, f"第{n}页.jpg") for n in range(MAX_EVIDENCE_PER_TARGET)]
    guarded.apply(ChangeSet(item_evidence={"1.1": sources}, bonus_evidence={"B1": sources}))
    assert len(guarded.data().evidence_for("item", "1.1")) == MAX_EVIDENCE_PER_TARGET
    guarded.apply(ChangeSet(bonus_evidence={"B1": sources[:1]}))
    one_more = document(tmp_path, "多一页.jpg")
    assert refused(guarded, ChangeSet(add_evidence=[("item", "1.1", one_more)])) == [
        f"1.1: more than {MAX_EVIDENCE_PER_TARGET} evidence files"]
    guarded.apply(ChangeSet(add_evidence=[("bonus", "B1", one_more)]))
    assert len(guarded.data().evidence_for("bonus", "B1")) == 2


def test_evidence_size_limit(guarded: AssessmentFile, tmp_path: Path,  # noqa: F811
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("selfassess.store.changes.MAX_EVIDENCE_BYTES", 2 * 1024 * 1024)
    exact, over = tmp_path / "刚好.pdf", tmp_path / "超出.pdf"
    exact.write_bytes(b"x" * 2 * 1024 * 1024)
    over.write_bytes(b"x" * (2 * 1024 * 1024 + 1))
    guarded.apply(ChangeSet(item_evidence={"1.1": [EvidenceSource(exact, exact.name)]}))
    assert refused(guarded, ChangeSet(bonus_evidence={"B1": [EvidenceSource(over, over.name)]})
                   ) == [f"bonus item B1: evidence file {over} is larger than 2 MB"]


@pytest.mark.parametrize(("error", "reason"), [
    (PermissionError(13, "Permission denied"), "Permission denied"),
    (OSError("the stick was pulled out"), "the stick was pulled out"),
])
def test_an_unreadable_evidence_file(guarded: AssessmentFile, tmp_path: Path,  # noqa: F811
                                     monkeypatch: pytest.MonkeyPatch, error: OSError,
                                     reason: str) -> None:
    scan = tmp_path / "扫描.pdf"
    scan.write_bytes(b"%PDF")
    real_stat = Path.stat

    def stat(self: Path, **kwargs: Any) -> Any:
        if self.name == scan.name and not kwargs:  # is_file() passes, reading the size fails
            raise error
        return real_stat(self, **kwargs)

    monkeypatch.setattr(Path, "is_file", lambda self: True)
    monkeypatch.setattr(Path, "stat", stat)
    assert refused(guarded, ChangeSet(item_evidence={"1.1": [EvidenceSource(scan, scan.name)]})
                   ) == [f"item 1.1: cannot read evidence file {scan} ({reason})"]


def test_a_scoring_aid_is_stored(guarded: AssessmentFile) -> None:  # noqa: F811
    guarded.apply(ChangeSet(answers={"2.2": {"aid": Aid(met=False), "self_score": D(0),
                                             "deduction_reason": "未达标"}}))
    assert guarded.data().answers["2.2"].aid == Aid(met=False)


def test_a_bonus_edit_keeps_the_fields_not_given(guarded: AssessmentFile) -> None:  # noqa: F811
    guarded.apply(ChangeSet(bonus={"B1": {"narrative": "获评先进"}}))
    guarded.apply(ChangeSet(bonus={"B1": {"points": D("1")}}))
    guarded.apply(ChangeSet(veto={"V1": {"explanation": "无此情况"}}))
    data = guarded.data()
    assert (data.bonus["B1"].points, data.bonus["B1"].narrative) == (D("1"), "获评先进")
    assert (data.veto["V1"].triggered, data.veto["V1"].explanation) == (False, "无此情况")


def test_an_empty_change_is_empty_and_changes_nothing(guarded: AssessmentFile  # noqa: F811
                                                      ) -> None:
    assert ChangeSet().is_empty()
    assert not ChangeSet(filled_by="").is_empty()
    assert not ChangeSet(measures=[]).is_empty()
    lines = len(guarded.audit())
    guarded.apply(ChangeSet(answers={"1.1": {"narrative": ""}}))  # the value it already has
    assert len(guarded.audit()) == lines


def test_removing_a_shortcoming_keeps_every_measure_on_its_own(guarded: AssessmentFile  # noqa: F811
                                                               ) -> None:
    guarded.apply(ChangeSet(shortcomings=[Shortcoming("其他", f"不足{n}") for n in range(3)],
                            measures=[Measure("甲", shortcoming=0), Measure("乙", shortcoming=1),
                                      Measure("丙", shortcoming=2), Measure("丁")]))
    guarded.apply(without_shortcoming(guarded.data(), 1))
    data = guarded.data()
    assert [s.text for s in data.shortcomings] == ["不足0", "不足2"]
    assert [(m.text, m.shortcoming) for m in data.measures] == [
        ("甲", 0), ("乙", None), ("丙", 1), ("丁", None)]
