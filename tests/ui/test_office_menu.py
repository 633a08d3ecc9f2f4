"""The Excel and Word menu: what it writes and what it imports, checked in the files."""

from __future__ import annotations

import hashlib
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox

from selfassess.checklist import Checklist, load_checklist_file
from selfassess.cli import main
from selfassess.store import AssessmentFile
from selfassess.ui.main_window import MainWindow

FORM_SHEET = "Self-assessment (自评表)"


def choose(monkeypatch: pytest.MonkeyPatch, save: Path | None = None,
           open_: Path | None = None) -> None:
    """Answer the next file dialogs with these paths."""
    if save is not None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, **k: (str(save), "")))
    if open_ is not None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            staticmethod(lambda *a, **k: (str(open_), "")))


def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    return shown


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def score_cell(form: Path, code: str, value: Any) -> None:
    wb = load_workbook(form)
    ws = wb[FORM_SHEET]
    row = next(r for r in range(3, ws.max_row + 1) if ws.cell(row=r, column=1).value == code)
    ws.cell(row=row, column=6, value=value)
    ws.cell(row=row, column=7, value="按要求传达学习。")
    wb.save(form)


def test_form_out_and_back_in(window: MainWindow, dept_file: AssessmentFile, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    dept_file.close()
    window.open_file(dept_file.path)
    window.go_to("item:1.1")
    form = tmp_path / "form.xlsx"
    choose(monkeypatch, save=form)
    window.office.export_form.trigger()
    assert load_workbook(form).sheetnames[0] == FORM_SHEET

    score_cell(form, "1.1", 3)
    choose(monkeypatch, open_=form)
    window.office.import_form.trigger()
    with AssessmentFile.open(dept_file.path, readonly=True) as af:
        answer = af.data().answers["1.1"]
    assert (answer.self_score, answer.narrative) == (D(3), "按要求传达学习。")
    page = window.workspace.item_page  # type: ignore[union-attr]
    assert page.score.decimal_value() == D(3)  # the page shows what was imported

    score_cell(form, "1.1", 7)  # over the maximum: refused, located, nothing stored
    before = digest(dept_file.path)
    shown = warnings(monkeypatch)
    window.office.import_form.trigger()
    assert shown and f"{FORM_SHEET}!F" in shown[0] and "score 7 is outside 0–4" in shown[0]
    assert "Nothing was imported" in shown[0]
    assert digest(dept_file.path) == before


def test_import_is_not_offered_for_a_sealed_file(window: MainWindow, dept_file: AssessmentFile,
                                                 checklist: Checklist) -> None:
    from selfassess.store import ChangeSet

    dept_file.apply(ChangeSet(
        answers={i.code: {"self_score": i.max_points} for i in checklist.items},
        veto={v.code: {"triggered": False} for v in checklist.veto_items}))
    dept_file.seal()
    dept_file.close()
    window.open_file(dept_file.path)
    assert window.office.export_form.isEnabled()
    assert not window.office.import_form.isEnabled()
    assert not window.office.export_tables.isEnabled()


def test_word_drafts_for_department_and_bureau(window: MainWindow, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["demo", str(tmp_path / "demo")]) == 0
    department = tmp_path / "demo" / "2026_办公室.selfassess"
    bureau = next((tmp_path / "demo").glob("*汇总.selfassess"))
    for source, expected in ((department, "办公室关于"), (bureau, "XX市水利局关于")):
        window.open_file(source)
        out = tmp_path / f"{source.stem}.docx"
        choose(monkeypatch, save=out)
        window.office.export_docx.trigger()
        assert Document(str(out)).paragraphs[0].text.startswith(expected)
    tables = tmp_path / "tables.xlsx"
    choose(monkeypatch, save=tables)
    window.office.export_tables.trigger()
    assert load_workbook(tables).sheetnames


def test_checklist_template_out_and_in(window: MainWindow, tmp_path: Path, checklist: Checklist,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    template = tmp_path / "细则.xlsx"
    choose(monkeypatch, save=template)
    window.office.checklist_out.trigger()  # no file open: the built-in checklist
    yaml_file = tmp_path / "细则.yaml"
    choose(monkeypatch, save=yaml_file, open_=template)
    window.office.checklist_in.trigger()
    assert load_checklist_file(yaml_file).fingerprint == checklist.fingerprint

    wb = load_workbook(template)
    wb["Items (考核细则)"]["F3"] = "四分"
    wb.save(template)
    shown = warnings(monkeypatch)
    window.office.checklist_in.trigger()
    assert shown and "Items (考核细则)!F3: " in shown[0]
