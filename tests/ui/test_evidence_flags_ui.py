"""The evidence cross-checks on the review page (issue 17): a ⚠ on the document and a list of
what was found, for the review group only."""

from __future__ import annotations

from pathlib import Path

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
    review = window.bureau.review_workspace.item_page.review
    assert "专题研究纪要.pdf" in review.evidence_label.text()  # beside the score, in view
    window.bureau.review_workspace.go_to("item:1.1")  # nothing found there: no list
    assert panel.flags_label.isHidden() and review.evidence_label.text() == ""
