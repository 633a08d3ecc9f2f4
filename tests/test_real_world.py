"""Faults of the real world (issue "faults of the real world"): text that looks like a formula
stays text in every workbook, characters XML cannot hold are refused at input with the field
named and replaced visibly at output, and an export that fails leaves no partial file."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from commands import Capture, run
from files import sha256_of
from openpyxl import load_workbook

from selfassess.bureau import create_bureau, merge_files
from selfassess.checklist import Checklist
from selfassess.office import package
from selfassess.store import AssessmentFile, ChangeSet, Measure, Shortcoming

FORMULAS = ['=HYPERLINK("http://example.invalid","点我")', "=1+1", "=cmd|' /C calc'!A0",
            "=A1", "=SUM(1,2)"]


def department(folder: Path, checklist: Checklist, name: str) -> Path:
    path = folder / "2026_dept.selfassess"
    with AssessmentFile.create(path, checklist, department_name=name, period="2026",
                               filled_by=FORMULAS[3]) as af:
        answers = {i.code: {"self_score": i.max_points, "narrative": FORMULAS[0]}
                   for i in checklist.items}
        answers["1.2"] = {"self_score": Decimal(3), "deduction_reason": FORMULAS[1],
                          "narrative": FORMULAS[2]}
        af.apply(ChangeSet(answers=answers,
                           veto={v.code: {"triggered": False} for v in checklist.veto_items},
                           shortcomings=[Shortcoming("理论学习", FORMULAS[2])],
                           measures=[Measure(FORMULAS[4], owner=FORMULAS[3],
                                             deadline=FORMULAS[1], shortcoming=0)]))
        af.seal()
    return path


def test_formula_text_stays_text_in_every_workbook(tmp_path: Path, checklist: Checklist,
                                                   capsys: Capture) -> None:
    name = "=SUM(1)处"  # a received department's name names a sheet too
    source = department(tmp_path, checklist, name)
    bureau = tmp_path / "2026_汇总.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", [name]).close()
    assert merge_files(bureau, [source])[0].outcome == "added"
    with AssessmentFile.open(source) as af:
        af.reopen()  # the form is exported from a file being filled in
    for file, out in ((bureau, "bureau.xlsx"), (source, "form.xlsx")):
        code, _out, err = run(capsys, "export", str(file), "-o", str(tmp_path / out))
        assert code == 0, err
    formula_like = 0
    for out in ("bureau.xlsx", "form.xlsx"):
        book = load_workbook(tmp_path / out)
        for ws in book.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.startswith("="):
                        assert cell.data_type == "s", (out, ws.title, cell.coordinate)
                        formula_like += 1
        assert any(ws.title.startswith("=SUM(1)") for ws in book.worksheets) or out == "form.xlsx"
    assert formula_like >= 10


@pytest.mark.parametrize("bad", ["\ufffe", "\uffff", "\ud800", "\x01"])
def test_characters_xml_cannot_hold_are_refused_with_the_field(tmp_path: Path,
                                                                checklist: Checklist,
                                                                capsys: Capture, bad: str) -> None:
    path = tmp_path / "d.selfassess"
    AssessmentFile.create(path, checklist, department_name="办公室", period="2026").close()
    before = sha256_of(path)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"items": {"1.1": {"narrative": f"正常文字{bad}"}}}),
                       encoding="utf-8")
    code, out, err = run(capsys, "fill", str(path), str(answers))
    assert code == 1 and out == ""
    assert "1.1" in err and "narrative" in err  # the field named
    assert sha256_of(path) == before


def test_old_text_xml_cannot_hold_prints_visibly(tmp_path: Path) -> None:
    from selfassess.validation import xml_safe

    assert xml_safe("甲\ufffe乙\x01丙\ud800") == "甲\ufffd乙\ufffd丙\ufffd"
    assert xml_safe("制表\t换行\n") == "制表\t换行\n"


def test_a_failed_export_leaves_no_partial_file(tmp_path: Path, checklist: Checklist,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: Capture) -> None:
    source = department(tmp_path, checklist, "办公室")
    target = tmp_path / "form.xlsx"
    target.write_bytes(b"the export before")

    def broken(path: Path, when: object) -> Path:
        Path(path).write_bytes(b"PK half a package")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(package, "_fixed", broken)
    code, _out, err = run(capsys, "export", str(source), "-o", str(target), "--force")
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert target.read_bytes() == b"the export before"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["2026_dept.selfassess", "form.xlsx"])  # no .part left beside it
