"""The checklist format: the built-in checklist, located validation errors, fingerprints."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path

import pytest

from selfassess.checklist import (
    Checklist,
    canonical_json,
    checklist_from_mapping,
    load_builtin,
    load_checklist_file,
    load_checklist_text,
    resolve_checklist,
)
from selfassess.checklist.builtin import builtin_paths
from selfassess.checklist.export import checklist_yaml
from selfassess.errors import ChecklistError

SMALL = """\
id: small
version: "1"
title: 小清单
full_marks: 10
step: 0.5
grade_bands:
  - {name: 好, min: 9}
  - {name: 差, min: 0}
sections:
  - code: "1"
    title: 第一部分
    max_points: 6
    items:
      - code: "1.1"
        title: 甲
        max_points: 4
        mode: deduct
        deductions:
          - {text: 未做, points: 1, per_occurrence: true, cap: 3}
      - code: "1.2"
        title: 乙
        max_points: 2
        mode: binary
  - code: "2"
    title: 第二部分
    max_points: 4
    items:
      - code: "2.1"
        title: 丙
        max_points: 4
        mode: count
        counts:
          - {text: 学习, target: 4, points_per_shortfall: 1}
"""


def problems_of(text: str, source: str = "test.yaml") -> list[str]:
    with pytest.raises(ChecklistError) as caught:
        load_checklist_text(text, source)
    return caught.value.problems


def test_builtin_checklist_has_the_documented_shape(checklist: Checklist) -> None:
    assert checklist.id == "ideology-responsibility"
    assert [s.code for s in checklist.sections] == ["1", "2", "3", "4", "5", "6"]
    assert [s.max_points for s in checklist.sections] == [20, 20, 20, 15, 15, 10]
    assert len(checklist.items) == 29
    assert sum(item.max_points for item in checklist.items) == 100
    assert checklist.full_marks == 100 and checklist.step == Decimal("0.5")
    assert checklist.na_policy == "full" and not checklist.cap_total
    assert [b.code for b in checklist.bonus_items] == ["B1", "B2", "B3", "B4", "B5"]
    assert [b.max_points for b in checklist.bonus_items] == [3, Decimal("1.5"), 1, 1, 1]
    assert all(b.evidence_required >= 1 for b in checklist.bonus_items)
    assert checklist.bonus_cap == 5
    assert [v.code for v in checklist.veto_items] == ["V1", "V2", "V3", "V4", "V5"]
    assert [(b.name, b.minimum) for b in checklist.grade_bands] == [
        ("好", 90), ("较好", 80), ("一般", 60), ("差", 0)]
    assert {i.code for i in checklist.items if i.na_allowed} == {"4.3", "4.4", "5.3"}
    assert checklist.items_by_code["1.2"].counts[0].target == 2
    assert checklist.items_by_code["5.4"].mode == "binary"
    assert checklist.warnings == ()


def test_builtin_items_sum_to_their_sections(checklist: Checklist) -> None:
    for section in checklist.sections:
        assert sum(item.max_points for item in section.items) == section.max_points


def test_builtin_file_validates_from_disk() -> None:
    path = builtin_paths()["ideology-responsibility"]
    assert load_checklist_file(path).fingerprint == load_builtin("ideology-responsibility").fingerprint


def test_small_checklist_loads() -> None:
    checklist = load_checklist_text(SMALL, "small.yaml")
    assert [item.code for item in checklist.items] == ["1.1", "1.2", "2.1"]
    rule = checklist.items_by_code["1.1"].deductions[0]
    assert (rule.code, rule.points, rule.per_occurrence, rule.cap) == ("d1", 1, True, 3)
    assert checklist.shortcoming_categories[0] == "责任落实"  # defaults when not given


def test_numbers_keep_their_written_form() -> None:
    text = SMALL.replace('code: "1.1"', "code: 1.10").replace("max_points: 4\n        mode: deduct",
                                                              "max_points: 4.0\n        mode: deduct")
    checklist = load_checklist_text(text, "t.yaml")
    assert checklist.items[0].code == "1.10"
    assert checklist.items[0].max_points == 4


@pytest.mark.parametrize(("change", "expected"), [
    (('code: "1.2"', 'code: "1.1"'), ["test.yaml:", "duplicate code “1.1”"]),
    (("max_points: 6", "max_points: 7"), ["test.yaml:12:", "section 1", "add up to 6, not its "
                                                                          "max_points 7"]),
    (("full_marks: 10", "full_marks: 12"), ["test.yaml:4:", "sections add up to 10, not the "
                                                            "full marks 12"]),
    (("points: 1,", "points: -1,"), ["item 1.1", "“points” must be greater than 0"]),
    (("points: 1,", "points: 0.3,"), ["item 1.1", "not a multiple of the step 0.5"]),
    (("mode: binary", "mode: bonus"), ["test.yaml:23:", "item 1.2", "unknown scoring mode "
                                                                    "“bonus”"]),
    (("        title: 乙\n", ""), ["test.yaml:20:", "item 1.2", "missing field “title”"]),
    (("max_points: 2\n", "max_pionts: 2\n"), ["item 1.2", "unknown field “max_pionts”"]),
    (("{name: 差, min: 0}", "{name: 差, min: 5}"), ["grade_bands", "must start at 0"]),
    (("{name: 好, min: 9}", "{name: 好, min: abc}"), ["grade_bands", "must be a number"]),
    (("step: 0.5", "step: 0.125"), ["test.yaml:5:", "“step” may have at most two decimals"]),
])
def test_broken_checklists_are_located(change: tuple[str, str], expected: list[str]) -> None:
    old, new = change
    assert old in SMALL
    text = SMALL.replace(old, new, 1)
    problems = problems_of(text)
    assert any(all(part in problem for part in expected) for problem in problems), problems


def test_every_problem_is_reported_not_only_the_first() -> None:
    text = SMALL.replace('code: "1.2"', 'code: "1.1"').replace("mode: count", "mode: tally")
    problems = problems_of(text)
    assert any("duplicate code" in p for p in problems)
    assert any("unknown scoring mode" in p for p in problems)


def test_malformed_yaml_gives_the_line() -> None:
    problems = problems_of(SMALL.replace("title: 甲", "title: [甲"))
    assert len(problems) == 1 and problems[0].startswith("test.yaml:")
    assert "malformed YAML" in problems[0]


def test_duplicate_yaml_keys_are_refused() -> None:
    problems = problems_of(SMALL.replace("        title: 甲\n", "        title: 甲\n        title: 丁\n"))
    assert "duplicate key “title”" in problems[0] and problems[0].startswith("test.yaml:16:")


def test_python_tags_are_refused() -> None:
    text = SMALL.replace("title: 小清单", "title: !!python/object/apply:os.system ['echo hi']")
    problems = problems_of(text)
    assert "not allowed" in problems[0] and "python/object" in problems[0]


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, "
        f"*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(9))
    started = time.perf_counter()
    problems = problems_of(bomb)
    assert time.perf_counter() - started < 1.0
    assert "aliases" in problems[0]


def test_not_a_mapping_is_refused() -> None:
    assert "must be a mapping" in problems_of("- just\n- a list\n")[0]


def test_full_marks_other_than_100_warns_but_loads() -> None:
    checklist = load_checklist_text(SMALL, "small.yaml")
    assert any("not the usual 100" in warning for warning in checklist.warnings)


def test_fingerprint_changes_with_any_content(checklist: Checklist) -> None:
    base = json.loads(canonical_json(checklist))
    seen = {checklist.fingerprint}
    edits = [
        ("title", lambda m: m.__setitem__("title", m["title"] + "!")),
        ("item title", lambda m: m["sections"][0]["items"][0].__setitem__("title", "改")),
        ("criteria", lambda m: m["sections"][5]["items"][3].__setitem__("criteria", "改")),
        ("deduction", lambda m: m["sections"][0]["items"][0]["deductions"][0].__setitem__(
            "text", "改")),
        ("reference", lambda m: m["sections"][2]["items"][1].__setitem__("reference", "")),
        ("bonus", lambda m: m["bonus_items"][0].__setitem__("rule", "改")),
        ("veto", lambda m: m["veto_items"][4].__setitem__("text", "改")),
        ("band", lambda m: m["grade_bands"][0].__setitem__("min", "91")),
        ("na", lambda m: m["sections"][0]["items"][0].__setitem__("na_allowed", True)),
    ]
    for _label, edit in edits:
        mapping = json.loads(json.dumps(base))
        edit(mapping)
        fingerprint = checklist_from_mapping(mapping, "edited").fingerprint
        assert fingerprint not in seen
        seen.add(fingerprint)


def test_canonical_form_round_trips(checklist: Checklist) -> None:
    again = checklist_from_mapping(json.loads(canonical_json(checklist)), "snapshot")
    assert again == checklist and again.fingerprint == checklist.fingerprint


def test_yaml_export_round_trips(checklist: Checklist, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(checklist_yaml(checklist), encoding="utf-8")
    assert load_checklist_file(path).fingerprint == checklist.fingerprint


def test_resolve_checklist_by_id_path_or_refusal(tmp_path: Path) -> None:
    assert resolve_checklist(None).id == "ideology-responsibility"
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    assert resolve_checklist(str(path)).id == "small"
    with pytest.raises(ChecklistError, match="neither a built-in checklist nor a checklist file"):
        resolve_checklist("no-such-thing")


def test_non_utf8_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes(SMALL.encode("gbk"))
    with pytest.raises(ChecklistError, match="not UTF-8"):
        load_checklist_file(path)
