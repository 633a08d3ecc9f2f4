"""Scoring: proposals per mode, N/A policies, bonus cap, veto, band boundaries, ranks."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from selfassess.checklist import Checklist
from selfassess.checklist.model import DEFAULT_LEVELS
from selfassess.scoring import (
    Aid,
    ItemAnswer,
    ScoreInput,
    bonus_problem,
    grade_for,
    propose_score,
    rank,
    score,
    score_problem,
)


def full_answers(checklist: Checklist) -> dict[str, ItemAnswer]:
    return {item.code: ItemAnswer(item.max_points) for item in checklist.items}


def test_full_marks_everywhere(checklist: Checklist) -> None:
    result = score(checklist, ScoreInput(full_answers(checklist)))
    assert (result.base, result.bonus, result.total, result.grade) == (100, 0, 100, "好")
    assert result.explanation == ()


def test_deductions_are_exact_and_explained(checklist: Checklist) -> None:
    answers = full_answers(checklist)
    answers["1.1"] = ItemAnswer(D("3.5"), reason="少传达1次")
    answers["3.2"] = ItemAnswer(D("4.5"), reason="少学习1次")
    answers["6.4"] = ItemAnswer(D("0"), reason="未开展")
    result = score(checklist, ScoreInput(answers))
    assert result.total == D("97")
    assert result.sections["1"].score == D("19.5") and result.sections["6"].score == 8
    kinds = [(e.kind, e.code, e.points) for e in result.explanation]
    assert kinds == [("deduction", "1.1", D("-0.5")), ("deduction", "3.2", D("-0.5")),
                     ("deduction", "6.4", D("-2"))]
    assert "少传达1次" in result.explanation[0].text


def test_unanswered_items_count_zero_and_say_so(checklist: Checklist) -> None:
    answers = full_answers(checklist)
    del answers["2.5"]
    result = score(checklist, ScoreInput(answers))
    assert result.total == 95
    assert [(e.kind, e.code) for e in result.explanation] == [("unanswered", "2.5")]


def test_not_applicable_full_policy(checklist: Checklist) -> None:
    answers = full_answers(checklist)
    answers["4.4"] = ItemAnswer(None, not_applicable=True, reason="无宣传栏")
    answers["1.1"] = ItemAnswer(D("3"), reason="x")
    result = score(checklist, ScoreInput(answers))
    assert result.items["4.4"] == 3 and result.total == 99
    assert any(e.kind == "not_applicable" and e.code == "4.4" for e in result.explanation)


def test_not_applicable_rescale_policy(checklist: Checklist) -> None:
    rescaled = dataclasses.replace(checklist, na_policy="rescale")
    answers = full_answers(checklist)
    answers["4.4"] = ItemAnswer(None, not_applicable=True)  # 3 points leave the total
    answers["1.1"] = ItemAnswer(D("3"), reason="x")  # 96 of 97 applicable
    result = score(rescaled, ScoreInput(answers))
    assert result.raw_base == 96 and result.applicable_max == 97
    assert result.base == D("98.97")  # 96 × 100 / 97 = 98.969… → two decimals
    assert result.items["4.4"] is None
    assert result.sections["4"].applicable_max == 12
    assert any(e.kind == "rescale" for e in result.explanation)


def test_rescale_with_everything_full_stays_full(checklist: Checklist) -> None:
    rescaled = dataclasses.replace(checklist, na_policy="rescale")
    answers = full_answers(checklist)
    for code in ("4.3", "4.4", "5.3"):
        answers[code] = ItemAnswer(None, not_applicable=True)
    assert score(rescaled, ScoreInput(answers)).base == 100


def test_not_applicable_ignored_where_not_allowed(checklist: Checklist) -> None:
    # a score below the maximum: honouring N/A (full marks, or leaving the total) would show
    assert not checklist.items_by_code["1.1"].na_allowed
    answers = full_answers(checklist)
    answers["1.1"] = ItemAnswer(D("2"), not_applicable=True, reason="不涉及")
    result = score(checklist, ScoreInput(answers))
    assert result.items["1.1"] == 2 and result.total == 98
    assert not any(e.kind == "not_applicable" for e in result.explanation)


def test_bonus_above_the_cap(checklist: Checklist) -> None:
    bonus = {"B1": D("3"), "B2": D("1.5"), "B3": D("1"), "B4": D("1")}
    result = score(checklist, ScoreInput(full_answers(checklist), bonus=bonus))
    assert (result.bonus_claimed, result.bonus, result.total) == (D("6.5"), 5, 105)
    assert [e.kind for e in result.explanation][-1] == "bonus_cap"


def test_cap_total_at_full_marks(checklist: Checklist) -> None:
    capped = dataclasses.replace(checklist, cap_total=True)
    result = score(capped, ScoreInput(full_answers(checklist), bonus={"B4": D("1")}))
    assert result.total == 100 and any(e.kind == "cap_total" for e in result.explanation)


def test_veto_forces_the_lowest_grade_and_keeps_the_score(checklist: Checklist) -> None:
    result = score(checklist, ScoreInput(full_answers(checklist), veto={"V5": True, "V1": False}))
    assert result.total == 100 and result.grade == "差" and result.vetoed_by == ("V5",)


def test_band_boundaries_are_inclusive(checklist: Checklist) -> None:
    assert grade_for(checklist, D("90")) == "好"
    assert grade_for(checklist, D("89.99")) == "较好"
    assert grade_for(checklist, D("80")) == "较好"
    assert grade_for(checklist, D("79.5")) == "一般"
    assert grade_for(checklist, D("60")) == "一般"
    assert grade_for(checklist, D("59.5")) == "差"
    assert grade_for(checklist, D("0")) == "差"


def test_total_exactly_on_the_band_boundary(checklist: Checklist) -> None:
    answers = full_answers(checklist)
    answers["1.2"] = ItemAnswer(D("0"), reason="未研究")  # −5
    answers["2.5"] = ItemAnswer(D("0"), reason="未考核")  # −5
    result = score(checklist, ScoreInput(answers))
    assert result.total == 90 and result.grade == "好"


def test_rank_shares_ties() -> None:
    assert rank([D("90"), D("95"), D("90"), D("80")]) == [2, 1, 2, 4]
    assert rank([D("1"), D("1"), D("1")]) == [1, 1, 1]
    assert rank([]) == []


def test_score_checks_range_and_step(checklist: Checklist) -> None:
    item = checklist.items_by_code["1.1"]
    assert score_problem(item, D("3.5")) is None
    assert "outside 0–4" in (score_problem(item, D("4.5")) or "")
    assert "outside" in (score_problem(item, D("-0.5")) or "")
    assert "multiple of the step 0.5" in (score_problem(item, D("3.3")) or "")
    assert "1.1" in (score_problem(item, D("5")) or "")
    b1 = checklist.bonus_by_code["B2"]
    assert bonus_problem(b1, D("1.5"), checklist.step) is None
    assert bonus_problem(b1, D("2"), checklist.step) is not None


# --- proposals per scoring mode --------------------------------------------------------------


def test_deduct_proposal_applies_counts_and_caps(checklist: Checklist) -> None:
    item = checklist.items_by_code["1.3"]  # d2: 1 per 次, cap 2
    assert propose_score(item, Aid(occurrences={"d2": 5})) == 2
    assert propose_score(item, Aid(occurrences={"d1": 1, "d2": 1, "d3": 1})) == 0
    assert propose_score(item, Aid(occurrences={"d1": 1, "d2": 5, "d3": 1})) == 0  # 扣完为止
    assert propose_score(item, Aid()) == 4


def test_count_proposal_from_actual_counts(checklist: Checklist) -> None:
    item = checklist.items_by_code["3.2"]  # 12 per year, 0.5 per shortfall; +1 rule
    assert propose_score(item, Aid(counts={"c1": 12})) == 5
    assert propose_score(item, Aid(counts={"c1": 30})) == 5
    assert propose_score(item, Aid(counts={"c1": 10})) == 4
    assert propose_score(item, Aid(counts={"c1": 10}, occurrences={"d1": 1})) == 3
    assert propose_score(item, Aid(counts={"c1": 0})) == 0
    assert propose_score(item, Aid()) is None  # nothing entered yet
    two = checklist.items_by_code["2.3"]
    assert propose_score(two, Aid(counts={"c1": 1, "c2": 0})) == 1


def test_binary_and_level_and_manual(checklist: Checklist) -> None:
    binary = checklist.items_by_code["5.4"]
    assert propose_score(binary, Aid(met=True)) == 2
    assert propose_score(binary, Aid(met=False)) == 0
    assert propose_score(binary, Aid()) is None
    level_item = dataclasses.replace(checklist.items_by_code["1.5"], mode="level",
                                     levels=DEFAULT_LEVELS, deductions=())
    assert propose_score(level_item, Aid(level="好")) == 3
    assert propose_score(level_item, Aid(level="较好")) == D("2")  # 2.25 floored to the step
    assert propose_score(level_item, Aid(level="一般")) == D("1.5")
    assert propose_score(level_item, Aid(level="差")) == 0
    assert propose_score(level_item, Aid(level="???")) is None
    manual = dataclasses.replace(binary, mode="manual")
    assert propose_score(manual, Aid(met=True)) is None


# --- properties ------------------------------------------------------------------------------


@st.composite
def answer_sets(draw: st.DrawFn, checklist: Checklist) -> ScoreInput:
    answers = {}
    for item in checklist.items:
        choice = draw(st.sampled_from(["score", "score", "score", "none", "na"]))
        if choice == "score":
            steps = int(item.max_points / item.step)
            answers[item.code] = ItemAnswer(item.step * draw(st.integers(0, steps)))
        elif choice == "na":
            answers[item.code] = ItemAnswer(None, not_applicable=True)
    bonus = {b.code: b.max_points for b in checklist.bonus_items if draw(st.booleans())}
    veto = {v.code: draw(st.booleans()) for v in checklist.veto_items}
    return ScoreInput(answers, bonus, veto)


def _builtin() -> Checklist:
    from selfassess.checklist import load_builtin

    return load_builtin("ideology-responsibility")


@settings(max_examples=200, deadline=None)
@given(data=st.data(), policy=st.sampled_from(["full", "rescale"]), cap=st.booleans())
def test_total_stays_within_bounds(data: st.DataObject, policy: str, cap: bool) -> None:
    checklist = dataclasses.replace(_builtin(), na_policy=policy, cap_total=cap)
    inputs = data.draw(answer_sets(checklist))
    result = score(checklist, inputs)
    assert 0 <= result.base <= checklist.full_marks
    assert 0 <= result.total <= checklist.full_marks + checklist.bonus_cap
    if cap:
        assert result.total <= checklist.full_marks
    assert result.total == result.total.quantize(D("0.01"))  # never more than two decimals
    if result.veto:
        assert result.grade == "差"


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_order_of_answers_does_not_matter(data: st.DataObject) -> None:
    checklist = _builtin()
    inputs = data.draw(answer_sets(checklist))
    shuffled = data.draw(st.permutations(list(inputs.answers.items())))
    again = ScoreInput(dict(shuffled), dict(reversed(list(inputs.bonus.items()))), inputs.veto)
    assert score(checklist, again) == score(checklist, inputs)


@settings(max_examples=50, deadline=None)
@given(policy=st.sampled_from(["full", "rescale"]), na=st.sets(st.sampled_from(["4.3", "4.4", "5.3"])))
def test_full_marks_give_the_top_grade_unless_vetoed(policy: str, na: set[str]) -> None:
    checklist = dataclasses.replace(_builtin(), na_policy=policy)
    answers = full_answers(checklist)
    for code in na:
        answers[code] = ItemAnswer(None, not_applicable=True)
    result = score(checklist, ScoreInput(answers))
    assert result.base == 100 and result.grade == "好"
    vetoed = score(checklist, ScoreInput(answers, veto={"V3": True}))
    assert vetoed.grade == "差" and vetoed.total == 100


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 200), max_size=30))
def test_rank_properties(values: list[int]) -> None:
    totals = [D(v) / 2 for v in values]
    ranks = rank(totals)
    for total, position in zip(totals, ranks, strict=True):
        assert position == 1 + sum(1 for other in totals if other > total)
        assert all(r == position for t, r in zip(totals, ranks, strict=True) if t == total)
