"""佐证材料目录 and the evidence cross-checks (issue 17): a document two departments attached,
one identical to last year's, one whose content is not what its name says, one nearly empty;
in summary --json, the report, the catalogue and the workbook. They inform, never block."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pypdf
import pytest
from commands import Capture, run
from test_bureau import complete
from test_history import bureau

from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile, EvidenceSource

MINUTES = b"%PDF-1.4 " + "学习会议纪要".encode() * 100
PHOTO = b"\xff\xd8\xff\xe0" + b"photo of the reading room " * 40
FAKE = b"this is a text file renamed to look like a PDF " * 10
TINY = b"%PDF-1"


def department_with(folder: Path, name: str, checklist: Checklist, period: str,
                    documents: dict[str, list[tuple[str, bytes]]]) -> Path:
    path = folder / f"{period}_{name}.selfassess"
    with AssessmentFile.create(path, checklist, department_name=name, period=period) as af:
        changes = complete(checklist)
        changes.item_evidence = {}
        for code, files in documents.items():
            sources = []
            for file_name, content in files:
                source = folder / f"{name}-{file_name}"
                source.write_bytes(content)
                sources.append(EvidenceSource(source, file_name))
            changes.item_evidence[code] = sources
        af.apply(changes)
        af.seal()
    return path


@pytest.fixture
def flagged(tmp_path: Path, checklist: Checklist, capsys: Capture) -> Path:
    last = tmp_path / "2025"
    last.mkdir()
    earlier = bureau(last, "2025", [department_with(last, "办公室", checklist, "2025", {
        "3.2": [("阅览室.jpg", PHOTO)]})], capsys, names=("办公室",))
    now = tmp_path / "2026"
    now.mkdir()
    office = department_with(now, "办公室", checklist, "2026", {
        "1.2": [("专题研究纪要.pdf", MINUTES)], "3.2": [("阅览室照片.jpg", PHOTO)],
        "4.1": [("审核记录.pdf", FAKE), ("封面.pdf", TINY)]})
    other = department_with(now, "组织人事处", checklist, "2026", {
        "1.2": [("学习纪要.pdf", MINUTES)]})
    current = bureau(now, "2026", [office, other], capsys)
    assert run(capsys, "history", "add", str(current), str(earlier))[0] == 0
    return current


def test_the_flags_in_the_summary(flagged: Path, capsys: Capture) -> None:
    code, out, err = run(capsys, "--lang", "zh_CN", "summary", str(flagged), "--json")
    assert code == 0, err
    found: dict[str, Any] = json.loads(out)
    names = {d["id"]: d["name"] for d in found["departments"]}
    flags = sorted((names[f["department_id"]], f["target"], f["file"], f["kind"], f["text"])
                   for f in found["evidence_flags"])
    assert flags == [
        ("办公室", "item:1.2", "专题研究纪要.pdf", "shared", "与组织人事处的《学习纪要.pdf》内容相同"),
        ("办公室", "item:3.2", "阅览室照片.jpg", "last_year", "与2025年度的材料相同"),
        ("办公室", "item:4.1", "审核记录.pdf", "unknown", "扩展名为.pdf，但内容无法识别"),
        ("办公室", "item:4.1", "封面.pdf", "tiny", "文件仅6字节，疑为空文件"),
        ("组织人事处", "item:1.2", "学习纪要.pdf", "shared", "与办公室的《专题研究纪要.pdf》内容相同")]
    # they never block: both departments are merged, scored and ranked
    assert all(d["rank"] == 1 for d in found["departments"])


def pdf_text(path: Path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text())
            for page in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages]


def test_the_report_the_catalogue_and_the_workbook(flagged: Path, tmp_path: Path,
                                                    capsys: Capture) -> None:
    out = tmp_path / "汇总报告.pdf"
    assert run(capsys, "--lang", "zh_CN", "report", str(flagged), "-o", str(out))[0] == 0
    pages = pdf_text(out)
    review = next(page for page in pages if "佐证材料提示" in page)
    minutes8 = __import__("hashlib").sha256(MINUTES).hexdigest()[:8]
    assert f"专题研究纪要.pdf{minutes8}与组织人事处的《学习纪要.pdf》内容相同" in review
    catalogue = "".join(page for page in pages if "附件3：佐证材料目录" in page)
    assert catalogue.count(minutes8) == 2  # both departments' copies, by their hash
    assert "办公室3.2" in catalogue and "阅览室照片.jpgJPEG" in catalogue
    # the department's own 自评表 carries its catalogue
    sheet = tmp_path / "自评表.pdf"
    office = tmp_path / "2026" / "2026_办公室.selfassess"
    assert run(capsys, "--lang", "zh_CN", "report", str(office), "-o", str(sheet))[0] == 0
    own = "".join(page for page in pdf_text(sheet) if "佐证材料目录" in page)
    assert minutes8 in own and "1.2专题研究部署专题研究纪要.pdfPDF" in own
    assert "组织人事处" not in own  # its own file knows no other department
    # the workbook's sheet
    from openpyxl import load_workbook

    xlsx = tmp_path / "汇总.xlsx"
    assert run(capsys, "--lang", "zh_CN", "export", str(flagged), "-o", str(xlsx))[0] == 0
    rows = [[cell.value for cell in row] for row in load_workbook(xlsx)["佐证材料目录"]
            .iter_rows(min_row=3) if row[0].value]
    assert len(rows) == 5 and {row[7] for row in rows} >= {minutes8}


def test_a_measures_completion_documents_are_checked_too(tmp_path: Path, checklist: Checklist,
                                                         capsys: Capture) -> None:
    """The secretary looks at them before a 销号: a placeholder sent as proof is said."""
    from test_ledger import sealed_with_measures

    office = sealed_with_measures(tmp_path, checklist)
    (tmp_path / "整改报告.pdf").write_bytes(FAKE)
    (tmp_path / "照片.jpg").write_bytes(PHOTO)
    (tmp_path / "签字页.pdf").write_bytes(TINY)
    follow = tmp_path / "p.json"
    follow.write_text(json.dumps({"measures": [
        {"id": 1, "status": "已完成", "evidence": ["整改报告.pdf", "照片.jpg"]},
        {"id": 2, "evidence": ["签字页.pdf"]}]}, ensure_ascii=False), encoding="utf-8")
    assert run(capsys, "fill", str(office), str(follow))[0] == 0
    current = bureau(tmp_path, "2026", [office], capsys, names=("办公室",))
    code, out, err = run(capsys, "--lang", "zh_CN", "summary", str(current), "--json")
    assert code == 0, err
    flags = [(f["target"], f["file"], f["kind"], f["text"])
             for f in json.loads(out)["evidence_flags"]]
    assert flags == [("measure:1", "整改报告.pdf", "unknown", "扩展名为.pdf，但内容无法识别"),
                     ("measure:2", "签字页.pdf", "tiny", "文件仅6字节，疑为空文件")]
