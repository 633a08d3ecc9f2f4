"""The evidence cross-checks on the review page (issue 17): a ⚠ on the document and a list of
what was found, for the review group only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_evidence_review import flagged  # noqa: F401  (the fixture)

from selfassess.ui.main_window import MainWindow


def test_the_review_page_marks_a_shared_document(window: MainWindow,
                                                 flagged: Path) -> None:  # noqa: F811
    assert window.open_file(flagged)
    assert window.bureau is not None
    office = next(d for d in window.bureau.standing.departments if d.name == "办公室")
    window.bureau.open_department(office.id, "item:1.2")
    panel = window.bureau.review_workspace.item_page.evidence
    assert panel.model.index(0, 0).data() == "⚠ 专题研究纪要.pdf"
    assert not panel.flags_label.isHidden()
    assert "专题研究纪要.pdf" in panel.flags_label.text()
    assert "组织人事处" in panel.flags_label.text()
    tree = window.bureau.review_workspace.tree_model
    assert tree.index_of("item:1.2").data() == "1.2 专题研究部署 ⚠"  # marked in the tree
    assert tree.index_of("item:1.1").data() == "1.1 传达学习上级部署"
    review = window.bureau.review_workspace.item_page.review
    assert "专题研究纪要.pdf" in review.evidence_label.text()  # beside the score, in view
    window.bureau.review_workspace.go_to("item:1.1")  # nothing found there: no list
    assert panel.flags_label.isHidden() and review.evidence_label.text() == ""


def test_the_item_page_ticks_off_the_required_documents(window: MainWindow, tmp_path: Path,
                                                         checklist: Any) -> None:
    from test_evidence_requirements import with_requirements

    from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource

    required = with_requirements(checklist)
    path = tmp_path / "office.selfassess"
    AssessmentFile.create(path, required, department_name="办公室", period="2026").close()
    assert window.open_file(path)
    workspace = window.workspace
    assert workspace is not None
    workspace.go_to("item:1.2")
    label = workspace.item_page.requirements_label
    assert label.text().splitlines() == ["☐ 会议纪要 (at least 1, pdf/ofd): 0 attached",
                                         "☐ 签到表 (at least 2): 0 attached"]
    minutes = tmp_path / "纪要.pdf"
    minutes.write_bytes(b"%PDF-1.4 minutes" * 30)
    assert window.session is not None
    window.session.apply(ChangeSet(item_evidence={"1.2": [EvidenceSource(minutes, "纪要.pdf")]}),
                         {"item:1.2"})
    assert label.text().splitlines()[0] == "☑ 会议纪要 (at least 1, pdf/ofd): 1 attached"
    workspace.go_to("item:1.1")  # an item without a list: nothing shown
    assert label.isHidden()


def test_the_ledger_box_marks_a_doubtful_completion_document(
        window: MainWindow, tmp_path: Path, checklist: Any, capsys: Any) -> None:
    import json

    from commands import run
    from test_evidence_review import FAKE
    from test_history import bureau
    from test_ledger import sealed_with_measures

    office = sealed_with_measures(tmp_path, checklist)
    (tmp_path / "整改报告.pdf").write_bytes(FAKE)
    follow = tmp_path / "p.json"
    follow.write_text(json.dumps({"measures": [{"id": 1, "status": "已完成",
                                                "evidence": ["整改报告.pdf"]}]}),
                      encoding="utf-8")
    assert run(capsys, "fill", str(office), str(follow))[0] == 0
    current = bureau(tmp_path, "2026", [office], capsys, names=("办公室",))
    assert window.open_file(current) and window.bureau is not None
    window.bureau.open_department(window.bureau.standing.departments[0].id, "page:measures")
    page = window.bureau.review_workspace.measures_page
    page.list.setCurrentIndex(page.model.index(0))
    box = page.ledger_box
    assert box is not None
    assert "⚠ 整改报告.pdf: named .pdf but its content is not recognised" in box.history.text()
