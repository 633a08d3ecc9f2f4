"""Checklists that change between years (issue 16): a ``previous:`` map of the earlier
checklist's items, kept through YAML and the file's own copy, and ``checklist diff``."""

from __future__ import annotations

import copy
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from commands import Capture, run

from selfassess.checklist import Checklist, checklist_from_mapping, checklist_mapping
from selfassess.checklist.diff import checklist_diff, item_map, unmapped_items
from selfassess.checklist.export import checklist_yaml
from selfassess.checklist.loader import load_checklist_text
from selfassess.errors import ChecklistError


def next_year(checklist: Checklist) -> dict[str, Any]:
    """2027.1: 1.2 renamed 1.6, 2.1 split into 2.1 and 2.6, 4.4 removed (4.5 new in its place),
    5.5 renamed 5.6 without saying so (unmapped), 1.1 worth 5 (1.3 worth 3)."""
    data = copy.deepcopy(checklist_mapping(checklist))
    data["version"] = "2027.1"
    data["previous"] = {"id": checklist.id, "version": checklist.version,
                        "items": {"1.2": "1.6", "2.1": ["2.1", "2.6"], "4.4": None}}
    sections = {section["code"]: section["items"] for section in data["sections"]}
    items = {item["code"]: item for entries in sections.values() for item in entries}
    items["1.2"]["code"] = "1.6"
    items["1.1"]["max_points"], items["1.3"]["max_points"] = "5", "3"
    half = dict(copy.deepcopy(items["2.1"]), code="2.6", title="责任清单落实")
    items["2.1"]["max_points"] = half["max_points"] = str(D(items["2.1"]["max_points"]) / 2)
    for item in (items["1.1"], items["1.3"], items["2.1"], half):  # rules that fit the points
        item.update(mode="deduct", counts=[], levels=[], deductions=[
            {"code": "a", "text": "未落实", "points": "1", "per_occurrence": True, "unit": "次",
             "cap": None}])
    sections["2"].insert(sections["2"].index(items["2.1"]) + 1, half)
    sections["4"][sections["4"].index(items["4.4"])] = dict(items["4.4"], code="4.5",
                                                            title="新媒体矩阵管理")
    items["5.5"]["code"] = "5.6"
    return data


@pytest.fixture
def v2(checklist: Checklist) -> Checklist:
    return checklist_from_mapping(next_year(checklist), "2027.yaml")


def test_the_map_is_followed_and_the_unmapped_item_reported(checklist: Checklist,
                                                            v2: Checklist) -> None:
    placed = item_map(checklist, v2)
    assert placed["1.2"] == ("1.6",) and placed["2.1"] == ("2.1", "2.6")
    assert placed["4.4"] == () and placed["1.1"] == ("1.1",)
    assert unmapped_items(checklist, v2) == ["5.5"]
    lines = [change.line() for change in checklist_diff(checklist, v2)]
    assert "renamed 1.2 → 1.6: 专题研究部署" in lines
    assert any(line.startswith("split 2.1 → 2.1, 2.6") for line in lines)
    assert any(line.startswith("removed 4.4") for line in lines)
    assert any(line.startswith("unmapped 5.5") for line in lines)
    assert "added 4.5: 新媒体矩阵管理" in lines and any(
        line.startswith("added 5.6") for line in lines)
    assert "points 1.1: 4 → 5 points" in lines and "points 1.3: 4 → 3 points" in lines
    assert not any(line.startswith(("added 1.6", "added 2.6", "removed 1.2")) for line in lines)
    assert checklist_diff(checklist, checklist) == []


def test_the_map_keeps_its_fingerprint_through_yaml_and_old_checklists_keep_theirs(
        checklist: Checklist, v2: Checklist) -> None:
    again = load_checklist_text(checklist_yaml(v2), "2027.yaml")
    assert again.previous == v2.previous and again.fingerprint == v2.fingerprint
    assert "4.4: []" in checklist_yaml(v2)  # a removed item stays in the map
    assert checklist.previous is None and "previous" not in checklist_mapping(checklist)
    assert checklist.fingerprint == (
        "156b67aff1ec2355a572e57cd2b8be9845506f0c2226d4c7fc97d55c7246ee68")


@pytest.mark.parametrize("previous, message", [
    ({"id": "Bad Id", "version": "1", "items": {}}, "lower-case letters"),
    ({"id": "x", "version": "", "items": {}}, "must be text"),
    ({"id": "x", "version": "1", "items": {"1.1": "9.9"}}, "9.9 is not an item of this"),
    ({"id": "x", "version": "1", "items": {"1.1": ["1.1", "1.1"]}}, "given twice"),
    ({"id": "x", "version": "1", "items": {"1.1": 3}}, "a code, a list of codes or null"),
    ({"id": "x", "version": "1", "items": []}, "must map the earlier checklist"),
    ({"id": "x", "version": "1", "map": {}}, "unknown field “map”"),
    ("ideology", "must be a mapping"),
])
def test_a_bad_map_is_refused_naming_it(checklist: Checklist, previous: Any,
                                        message: str) -> None:
    data = dict(checklist_mapping(checklist), previous=previous)
    with pytest.raises(ChecklistError, match=message):
        checklist_from_mapping(data, "bad.yaml")


def test_checklist_diff_command(checklist: Checklist, v2: Checklist, tmp_path: Path,
                                capsys: Capture) -> None:
    path = tmp_path / "2027.yaml"
    path.write_text(checklist_yaml(v2), encoding="utf-8")
    code, out, err = run(capsys, "checklist", "diff", "ideology-responsibility", str(path))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("ideology-responsibility 2026.1 → ideology-responsibility "
                               "2027.1:")
    assert "renamed 1.2 → 1.6: 专题研究部署" in lines and any(
        line.startswith("unmapped 5.5") for line in lines)
    code, _out, err = run(capsys, "checklist", "diff", "ideology-responsibility", "nowhere.yaml")
    assert code == 1 and "nowhere.yaml" in err


def test_a_map_entry_for_an_item_the_old_checklist_lacks_is_named(checklist: Checklist) -> None:
    data = next_year(checklist)
    data["previous"]["items"]["9.9"] = "1.3"  # a slip: there is no 9.9 to move
    changes = checklist_diff(checklist, checklist_from_mapping(data, "2027.yaml"))
    stale = [change.line() for change in changes if change.kind == "stale"]
    assert stale == ["stale 9.9 → 1.3: the map names 9.9, which ideology-responsibility "
                     "2026.1 does not have"]
    assert not [c for c in checklist_diff(checklist, checklist_from_mapping(
        next_year(checklist), "2027.yaml")) if c.kind == "stale"]
