"""Evidence requirements per item (issue 17): 佐证材料要求 as a list (name, minimum count, accepted
types) beside its text; sealing checks each; the template workbook carries them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_bureau import complete

from selfassess.checklist import Checklist, checklist_from_mapping, checklist_mapping
from selfassess.checklist.model import EvidenceRequirement, requirements_met
from selfassess.errors import ChecklistError, IncompleteError
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource

REQUIREMENTS = [{"name": "会议纪要", "min": 1, "types": ["pdf", "ofd"]},
                {"name": "签到表", "min": 2, "types": []}]


def with_requirements(checklist: Checklist, requirements: Any = None) -> Checklist:
    data = json.loads(json.dumps(checklist_mapping(checklist), default=str))
    item = data["sections"][0]["items"][1]
    assert item["code"] == "1.2"
    item["evidence_requirements"] = REQUIREMENTS if requirements is None else requirements
    return checklist_from_mapping(data, "req.yaml")


def test_requirements_are_read_kept_and_exported(checklist: Checklist, tmp_path: Path) -> None:
    from selfassess.office.checklist_xlsx import read_checklist_workbook, write_checklist_workbook

    required = with_requirements(checklist)
    item = required.items_by_code["1.2"]
    assert item.evidence_requirements == (EvidenceRequirement("会议纪要", 1, ("pdf", "ofd")),
                                          EvidenceRequirement("签到表", 2, ()))
    assert required.fingerprint != checklist.fingerprint
    assert "evidence_requirements" not in json.dumps(checklist_mapping(checklist))  # kept
    workbook = write_checklist_workbook(required, tmp_path / "细则.xlsx")
    again = read_checklist_workbook(workbook)
    assert again.fingerprint == required.fingerprint  # the template carries the column
    for bad, message in (([{"name": "纪要", "types": "pdf"}], "file suffixes"),
                         ([{"name": "纪要", "min": 0}], "at least 1"),
                         ([{"min": 1}], "name")):
        with pytest.raises(ChecklistError, match=message):
            with_requirements(checklist, bad)


def test_files_count_once_each_in_order() -> None:
    requirements = (EvidenceRequirement("会议纪要", 1, ("pdf",)), EvidenceRequirement("签到表", 2))
    assert [n for _r, n in requirements_met(requirements, ["a.pdf", "b.jpg"])] == [1, 1]
    assert [n for _r, n in requirements_met(requirements, ["a.PDF", "b.pdf", "c.png"])] == [1, 2]
    assert [n for _r, n in requirements_met(requirements, ["a.jpg"])] == [0, 1]


def test_sealing_checks_each_requirement(checklist: Checklist, tmp_path: Path) -> None:
    required = with_requirements(checklist)
    files = {}
    for name in ("纪要.pdf", "签到1.jpg", "签到2.jpg"):
        (tmp_path / name).write_bytes(b"document " * 40)
        files[name] = EvidenceSource(tmp_path / name, name)
    path = tmp_path / "office.selfassess"
    with AssessmentFile.create(path, required, department_name="办公室", period="2026") as af:
        changes = complete(required)
        changes.item_evidence = {"1.2": [files["纪要.pdf"], files["签到1.jpg"]]}
        af.apply(changes)
        with pytest.raises(IncompleteError) as refused:
            af.seal()
            assert refused.value.problems == ["item 1.2: 签到表 needs 2 file(s), 1 attached"]
        af.apply(ChangeSet(item_evidence={"1.2": list(files.values())}))
        assert af.seal().revision == 1


def test_the_files_meet_as_many_requirements_as_they_can() -> None:
    broad, minutes = EvidenceRequirement("任何材料", 1), EvidenceRequirement("会议纪要", 1, ("pdf",))
    for order in (["纪要.pdf", "照片.jpg"], ["照片.jpg", "纪要.pdf"]):
        assert [n for _r, n in requirements_met((broad, minutes), order)] == [1, 1]


@pytest.mark.parametrize("requirements, message", [
    ([{"name": "纪要", "min": 1}, {"name": "纪要", "min": 2}], "listed twice"),
    ([{"name": "纪要", "min": 200}], "at most 100"),
    ([{"name": "纪要：草稿", "min": 1}], "one line"),
    ([{"name": "纪\n要", "min": 1}], "one line"),
])
def test_requirements_that_could_never_be_met_or_read_back(
        requirements: Any, message: str, checklist: Checklist) -> None:
    with pytest.raises(ChecklistError, match=message):
        with_requirements(checklist, requirements)
