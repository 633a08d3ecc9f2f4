"""Guards a user would hit if they broke: seal checks, edits and scoring at their edges, numbers.

Each test here was written against a bug planted by tools/mutate.py that the suite did not
notice; each fails when the behaviour it guards is broken. The checklist tests/data/guards.yaml
has what the built-in one lacks: required evidence on an item (2 documents) and on bonus claims
(one of which says 0), N/A rescaled, a level item, bonus on a 0.5 step.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
import yaml
from commands import Capture, run

from selfassess import i18n
from selfassess.checklist import Checklist, checklist_from_mapping, load_checklist_file
from selfassess.completeness import completeness_problems
from selfassess.errors import FileFormatError, IncompleteError, InputRefused
from selfassess.numbers import (
    chinese_numeral,
    decimal_places,
    decimal_text,
    is_multiple,
    json_number,
    parse_decimal,
    round_cents,
    section_label,
)
from selfassess.scoring import (
    Aid,
    ItemAnswer,
    ScoreInput,
    bonus_problem,
    propose_score,
    proposed_losses,
    score,
)
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource

GUARDS = Path(__file__).parent / "data" / "guards.yaml"


@pytest.fixture
def guards() -> Checklist:
    return load_checklist_file(GUARDS)


@pytest.fixture
def guarded(tmp_path: Path, guards: Checklist) -> AssessmentFile:
    """A department file on the guards checklist, every item at full marks, vetoes 无, with the
    two documents 1.3 requires: ready to seal until a test takes something away."""
    af = AssessmentFile.create(tmp_path / "dept.selfassess", guards, department_name="办公室",
                               period="2026", filled_by="张三")
    af.apply(ChangeSet(
        answers={item.code: {"self_score": item.max_points} for item in guards.items},
        veto={"V1": {"triggered": False}, "V2": {"triggered": False}},
        item_evidence={"1.3": [document(tmp_path, "纪要一.pdf"), document(tmp_path, "纪要二.pdf")]}))
    return af


def document(folder: Path, name: str) -> EvidenceSource:
    path = folder / name
    path.write_bytes(name.encode("utf-8") * 10)
    return EvidenceSource(path, name)


def checks(af: AssessmentFile) -> list[tuple[str, str, str]]:
    return [(p.target, p.code, p.check) for p in completeness_problems(af.checklist, af.data())]


# --- seal checks ----------------------------------------------------------------------------

def test_the_fixture_is_ready_to_seal(guarded: AssessmentFile) -> None:
    assert checks(guarded) == []
    assert guarded.seal().revision == 1


def test_required_evidence_on_an_item(guarded: AssessmentFile, tmp_path: Path) -> None:
    guarded.apply(ChangeSet(item_evidence={"1.3": [document(tmp_path, "纪要一.pdf")]}))
    assert checks(guarded) == [("item", "1.3", "evidence")]
    message = completeness_problems(guarded.checklist, guarded.data())[0].message
    assert "2" in message and "1" in message
    guarded.apply(ChangeSet(item_evidence={"1.3": []}))
    assert checks(guarded) == [("item", "1.3", "evidence")]
    with pytest.raises(IncompleteError):
        guarded.seal()


def test_evidence_is_not_asked_of_an_item_that_requires_none(guarded: AssessmentFile) -> None:
    assert guarded.checklist.items_by_code["1.1"].evidence_required == 0
    assert not guarded.data().evidence_for("item", "1.1")
    assert checks(guarded) == []


def test_a_bonus_claim_needs_evidence_even_when_the_checklist_says_none(
        guarded: AssessmentFile, tmp_path: Path) -> None:
    assert guarded.checklist.bonus_by_code["B2"].evidence_required == 0
    guarded.apply(ChangeSet(bonus={"B2": {"points": D("1")}}))
    assert checks(guarded) == [("bonus", "B2", "evidence")]
    guarded.apply(ChangeSet(bonus_evidence={"B2": [document(tmp_path, "经验材料.pdf")]}))
    assert checks(guarded) == []


def test_a_bonus_claim_needs_as_many_documents_as_required(
        guarded: AssessmentFile, tmp_path: Path) -> None:
    guarded.apply(ChangeSet(bonus={"B3": {"points": D("0.5")}},
                            bonus_evidence={"B3": [document(tmp_path, "奖状.jpg")]}))
    assert checks(guarded) == [("bonus", "B3", "evidence")]
    guarded.apply(ChangeSet(bonus_evidence={"B3": [document(tmp_path, "奖状.jpg"),
                                                   document(tmp_path, "通报.pdf")]}))
    assert checks(guarded) == []


def test_a_bonus_of_zero_needs_nothing(guarded: AssessmentFile) -> None:
    guarded.apply(ChangeSet(bonus={"B1": {"points": D("0"), "narrative": "无"}}))
    assert checks(guarded) == []


def test_a_veto_declared_null_is_not_declared(guarded: AssessmentFile) -> None:
    guarded.apply(ChangeSet(veto={"V2": {"triggered": None}}))
    assert checks(guarded) == [("veto", "V2", "veto_undeclared")]


def test_a_veto_declared_yes_needs_an_explanation_not_spaces(guarded: AssessmentFile) -> None:
    guarded.apply(ChangeSet(veto={"V1": {"triggered": True, "explanation": "  \n "}}))
    assert checks(guarded) == [("veto", "V1", "veto_explanation")]
    guarded.apply(ChangeSet(veto={"V1": {"explanation": "已整改"}}))
    assert checks(guarded) == []


def test_a_deduction_reason_of_spaces_is_not_written(guarded: AssessmentFile) -> None:
    guarded.apply(ChangeSet(answers={"1.1": {"self_score": D("3.5"), "deduction_reason": "　 "}}))
    assert checks(guarded) == [("item", "1.1", "deduction_reason")]
    guarded.apply(ChangeSet(answers={"1.1": {"deduction_reason": "少一次记录"}}))
    assert checks(guarded) == []


def test_full_marks_need_no_reason_and_zero_is_answered(guarded: AssessmentFile) -> None:
    guarded.apply(ChangeSet(answers={"2.2": {"self_score": D("0"), "deduction_reason": "未达标"}}))
    assert checks(guarded) == []


def test_not_applicable_needs_a_reason_and_counts_as_answered(guarded: AssessmentFile) -> None:
    guarded.apply(ChangeSet(answers={"1.2": {"self_score": None, "not_applicable": True,
                                             "na_reason": "本处室不涉及"}}))
    assert checks(guarded) == []
    # a reason of spaces is refused when editing; a file that holds one (written by another
    # program) still cannot seal
    with pytest.raises(InputRefused):
        guarded.apply(ChangeSet(answers={"1.2": {"na_reason": "   "}}))
    data = with_answer(guarded, "1.2", na_reason="   ")
    assert [(p.code, p.check) for p in completeness_problems(guarded.checklist, data)] == [
        ("1.2", "na_reason")]


def with_answer(af: AssessmentFile, code: str, **fields: Any) -> Any:
    """The file's data with one answer changed as another program could have stored it."""
    data = af.data()
    answer = dataclasses.replace(data.answers[code], **fields)
    return dataclasses.replace(data, answers={**data.answers, code: answer})


def test_not_applicable_where_not_allowed_is_still_unanswered(guarded: AssessmentFile) -> None:
    data = with_answer(guarded, "2.2", self_score=None, not_applicable=True, na_reason="不涉及")
    assert [(p.code, p.check) for p in completeness_problems(guarded.checklist, data)] == [
        ("2.2", "unanswered")]


def test_an_answer_with_words_but_no_score_is_unanswered(guarded: AssessmentFile) -> None:
    guarded.apply(ChangeSet(answers={"2.1": {"self_score": None, "narrative": "写了情况"}}))
    assert checks(guarded) == [("item", "2.1", "unanswered")]


def test_unanswered_items_are_each_listed_in_order(tmp_path: Path, guards: Checklist) -> None:
    with AssessmentFile.create(tmp_path / "empty.selfassess", guards, department_name="财务处",
                               period="2026") as af:
        af.apply(ChangeSet(answers={"1.3": {"self_score": D("4")}}))
        assert checks(af) == [("item", "1.1", "unanswered"), ("item", "1.2", "unanswered"),
                              ("item", "1.3", "evidence"), ("item", "2.1", "unanswered"),
                              ("item", "2.2", "unanswered"), ("veto", "V1", "veto_undeclared"),
                              ("veto", "V2", "veto_undeclared")]


def test_seal_from_the_command_line_lists_every_problem(guarded: AssessmentFile, tmp_path: Path,
                                                        capsys: Capture) -> None:
    guarded.apply(ChangeSet(veto={"V2": {"triggered": None}}, bonus={"B2": {"points": D("1")}},
                            item_evidence={"1.3": []}))
    guarded.close()
    code, _out, err = run(capsys, "seal", str(guarded.path))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 3 and "1.3" in lines[0] and "B2" in lines[1] and "V2" in lines[2]


# --- edits: the answers file and the store refuse what scoring would miscount ---------------

def answers_file(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_bonus_off_its_step_is_refused_when_editing(guarded: AssessmentFile, tmp_path: Path,
                                                      capsys: Capture) -> None:
    bonus = guarded.checklist.bonus_by_code["B1"]
    assert bonus_problem(bonus, D("1.3"), D("0.5")) is not None
    assert bonus_problem(bonus, D("1.5"), D("0.5")) is None
    assert bonus_problem(bonus, D("2"), D("0.5")) is None
    assert bonus_problem(bonus, D("2.5"), D("0.5")) is not None
    assert bonus_problem(bonus, D("-0.5"), D("0.5")) is not None
    with pytest.raises(InputRefused):
        guarded.apply(ChangeSet(bonus={"B1": {"points": D("1.3")}}))
    guarded.close()
    code, _out, err = run(capsys, "fill", str(guarded.path),
                          str(answers_file(tmp_path, {"bonus": {"B1": {"points": 1.3}}})))
    assert code == 1 and "B1" in err and "1.3" in err
    with AssessmentFile.open(guarded.path, readonly=True) as af:
        assert "B1" not in af.data().bonus


def test_a_bonus_off_its_step_is_refused_when_reading(guarded: AssessmentFile) -> None:
    guarded.apply(ChangeSet(bonus={"B1": {"points": D("1.5")}}))
    guarded.close()
    with sqlite3.connect(guarded.path) as db:
        db.execute("UPDATE bonus_claims SET points = '1.3' WHERE code = 'B1'")
    db.close()
    with pytest.raises(FileFormatError, match="B1"), AssessmentFile.open(guarded.path) as af:
        af.data()


def test_a_json_true_is_not_a_score(guarded: AssessmentFile, tmp_path: Path,
                                    capsys: Capture) -> None:
    guarded.apply(ChangeSet(answers={"2.2": {"self_score": D("0"), "deduction_reason": "未达标"}}))
    guarded.close()
    for value in (True, False):
        code, _out, err = run(capsys, "fill", str(guarded.path), str(answers_file(
            tmp_path, {"items": {"2.2": {"score": value}}, "bonus": {"B1": {"points": value}}})))
        assert code == 1, err
    with AssessmentFile.open(guarded.path, readonly=True) as af:
        assert af.data().answers["2.2"].self_score == 0 and "B1" not in af.data().bonus


# --- scoring at its edges ---------------------------------------------------------------------

def all_na(checklist: Checklist) -> Checklist:
    mapping = yaml.safe_load(GUARDS.read_text(encoding="utf-8"))
    for section in mapping["sections"]:
        for item in section["items"]:
            item["na_allowed"] = True
    return checklist_from_mapping(mapping, "guards")


def test_everything_not_applicable_under_rescale_is_full_marks(guards: Checklist) -> None:
    checklist = all_na(guards)
    answers = {i.code: ItemAnswer(None, not_applicable=True, reason="不涉及")
               for i in checklist.items}
    result = score(checklist, ScoreInput(answers))
    assert (result.raw_base, result.applicable_max, result.base, result.total) == (0, 0, 20, 20)
    assert result.grade == "好"
    assert next(e for e in result.explanation if e.kind == "rescale").points == 20


def test_rescale_rounds_half_up_and_explains_with_its_sign(guards: Checklist) -> None:
    answers = {i.code: ItemAnswer(i.max_points) for i in guards.items}
    answers["1.1"] = ItemAnswer(None, not_applicable=True, reason="不涉及")
    answers["2.2"] = ItemAnswer(D("0"), reason="未达标")
    result = score(guards, ScoreInput(answers))
    # 12 of an applicable 16, rescaled to 20: 15 exactly
    assert (result.raw_base, result.applicable_max, result.base) == (12, 16, 15)
    rescale = [e for e in result.explanation if e.kind == "rescale"]
    assert [e.points for e in rescale] == [3]
    answers["2.1"] = ItemAnswer(D("3.5"), reason="较好")
    result = score(guards, ScoreInput(answers))
    # 11.5 × 20 / 16 = 14.375 → 14.38 (half up)
    assert result.base == D("14.38")
    assert [e.points for e in result.explanation if e.kind == "rescale"] == [D("2.88")]


def test_explanation_signs(guards: Checklist) -> None:
    answers = {i.code: ItemAnswer(i.max_points) for i in guards.items}
    del answers["1.2"]
    answers["2.2"] = ItemAnswer(D("0"), reason="  未达标\n原因  ")
    result = score(guards, ScoreInput(answers, bonus={"B1": D("2"), "B2": D("2")}))
    lines = {(e.kind, e.code): e for e in result.explanation}
    assert lines["unanswered", "1.2"].points == -4
    assert lines["deduction", "2.2"].points == -4
    assert lines["deduction", "2.2"].text == "2.2 −4: 未达标 原因"
    assert lines["bonus", "B1"].points == 2
    assert lines["bonus_cap", ""].points == -1
    assert (result.bonus_claimed, result.bonus, result.base, result.total) == (4, 3, 12, 15)
    assert result.items["1.2"] == 0


def test_a_deduction_without_a_reason_says_so(guards: Checklist) -> None:
    answers = {i.code: ItemAnswer(i.max_points) for i in guards.items}
    answers["2.2"] = ItemAnswer(D("0"), reason=" \n ")
    result = score(guards, ScoreInput(answers))
    assert [e.text for e in result.explanation] == ["2.2 −4: no reason given"]


def losses(item: object, aid: Aid) -> list[tuple[str, str, D]]:
    return [(loss.code, loss.text, loss.points) for loss in proposed_losses(item, aid)]  # type: ignore[arg-type]


def test_deduction_proposals_count_per_occurrence_rules_only_once_otherwise(
        guards: Checklist) -> None:
    item = guards.items_by_code["1.1"]
    late, missing = (rule.code for rule in item.deductions)
    aid = Aid(occurrences={late: 2, missing: 3})  # a one-off rule ticked is one deduction
    assert losses(item, aid) == [(late, "未按时完成 ×2次", D("2")), (missing, "无记录", D("0.5"))]
    assert propose_score(item, aid) == D("1.5")
    capped = Aid(occurrences={late: 5})
    assert losses(item, capped) == [(late, "未按时完成 ×5次", D("3"))]
    assert losses(item, Aid(occurrences={late: 0, missing: -1})) == []
    assert propose_score(item, Aid()) == 4


def test_count_proposals_name_what_was_achieved(guards: Checklist) -> None:
    item = guards.items_by_code["1.2"]
    study, research = (count.code for count in item.counts)
    assert propose_score(item, Aid()) is None  # nothing entered yet: no proposal
    assert losses(item, Aid(counts={study: 2})) == [(study, "专题学习 2/4次", D("2"))]
    assert propose_score(item, Aid(counts={study: 2})) == 2  # the other count not entered yet
    assert losses(item, Aid(counts={study: -3, research: 2})) == [
        (study, "专题学习 0/4次", D("4"))]
    assert losses(item, Aid(counts={study: 4, research: 5})) == []
    assert propose_score(item, Aid(counts={study: 1, research: 0})) == 0  # 扣完为止


def test_a_bonus_exactly_at_the_cap_is_not_capped(guards: Checklist) -> None:
    answers = {i.code: ItemAnswer(i.max_points) for i in guards.items}
    result = score(guards, ScoreInput(answers, bonus={"B1": D("2"), "B2": D("1")}))
    assert result.bonus == 3 and not any(e.kind == "bonus_cap" for e in result.explanation)


def test_cap_total_explains_what_was_cut(guards: Checklist) -> None:
    capped = dataclasses.replace(guards, cap_total=True)
    answers = {i.code: ItemAnswer(i.max_points) for i in guards.items}
    answers["2.2"] = ItemAnswer(D("3"), reason="少")
    result = score(capped, ScoreInput(answers, bonus={"B1": D("2")}))
    assert result.total == 20
    assert [e.points for e in result.explanation if e.kind == "cap_total"] == [-1]
    exactly = score(capped, ScoreInput(answers, bonus={"B1": D("1")}))
    assert exactly.total == 20 and not any(e.kind == "cap_total" for e in exactly.explanation)


def test_a_vetoed_department_keeps_its_score_and_names_every_veto(guards: Checklist) -> None:
    answers = {i.code: ItemAnswer(i.max_points) for i in guards.items}
    result = score(guards, ScoreInput(answers, veto={"V1": False, "V2": True}))
    assert (result.total, result.grade, result.veto, result.vetoed_by) == (20, "差", True, ("V2",))
    clean = score(guards, ScoreInput(answers, veto={"V1": False, "V2": False}))
    assert (clean.grade, clean.veto, clean.vetoed_by) == ("好", False, ())


# --- numbers ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    (True, None), (False, None), (None, None), ("", None), ("  ", None), ("abc", None),
    ("1" * 41, None), ("NaN", None), ("Infinity", None), ("1e13", None), ("1e-13", None),
    ([], None), (" 4.5 ", D("4.5")), ("1e12", D("1e12")), ("1e-12", D("1e-12")), (3, D(3)),
    (0.1, D("0.1")), ("-0", D(0)), (D("2.50"), D("2.5")), ("1" * 12, D("1" * 12)),
    # at most 40 characters once trimmed: a longer number is refused, however it pads
    ("1." + "0" * 38, D(1)), ("1." + "0" * 39, None), (" " * 30 + "4.5" + " " * 10, D("4.5")),
])
def test_parse_decimal(value: object, expected: D | None) -> None:
    parsed = parse_decimal(value)
    assert parsed == expected
    if expected == 0 and parsed is not None:
        assert not parsed.is_signed()


def test_decimal_helpers() -> None:
    assert is_multiple(D("1.5"), D("0.5")) and not is_multiple(D("1.3"), D("0.5"))
    assert not is_multiple(D("1"), D("0")) and not is_multiple(D("1"), D("-0.5"))
    assert [decimal_text(D(v)) for v in ("4.50", "0", "-0", "1E+1", "0.25")] == [
        "4.5", "0", "0", "10", "0.25"]
    assert [round_cents(D(v)) for v in ("2.345", "2.344", "2.335", "-1.005")] == [
        D("2.35"), D("2.34"), D("2.34"), D("-1.01")]
    assert json_number(D("4")) == 4 and isinstance(json_number(D("4.0")), int)
    assert json_number(D("3.5")) == 3.5 and isinstance(json_number(D("3.5")), float)
    assert [decimal_places(D(v)) for v in ("0.25", "5", "10", "2.50", "0.5")] == [2, 0, 0, 1, 1]


def test_chinese_numerals() -> None:
    assert [chinese_numeral(n) for n in (1, 9, 10, 11, 19, 20, 21, 90, 99)] == [
        "一", "九", "十", "十一", "十九", "二十", "二十一", "九十", "九十九"]
    assert [chinese_numeral(n) for n in (0, 100, -1)] == ["0", "100", "-1"]


def test_section_labels_in_chinese_and_english() -> None:
    i18n.setup("zh_CN")
    try:
        assert section_label("1", "学习") == "一、学习"
        assert section_label("10", "其他") == "十、其他"
        assert section_label("99", "末") == "九十九、末"
        assert section_label("0", "零") == "0. 零"
        assert section_label("100", "百") == "100. 百"
        assert section_label("A", "附") == "A. 附"
    finally:
        i18n.setup("en")
    assert section_label("1", "学习") == "1. 学习"
