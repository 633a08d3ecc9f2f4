"""Every item model passes Qt's model tester, before and after edits, and reports changes."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from pytestqt.modeltest import ModelTester

from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource, Shortcoming
from selfassess.ui.models import (
    NODE_ROLE,
    STATE_ROLE,
    ChecklistTreeModel,
    EvidenceModel,
    PathListModel,
    ProblemModel,
    TextListModel,
)
from selfassess.ui.pages.lists_page import measure_lines, shortcoming_lines
from selfassess.ui.session import Session


def session_for(dept_file: AssessmentFile) -> Session:
    return Session(dept_file)


def test_tree_model(qtmodeltester: ModelTester, dept_file: AssessmentFile, qapp: object) -> None:
    session = session_for(dept_file)
    model = ChecklistTreeModel(session)
    qtmodeltester.check(model)
    assert model.rowCount() == 6 + 5
    assert model.rowCount(model.index(0, 0)) == 5
    assert model.index_of("item:4.4").data() == "4.4 宣传栏、展板、电子屏等阵地"
    assert model.index_of("item:4.4").data(NODE_ROLE) == "item:4.4"
    assert model.index_of("section:1").data() == "1. 学习贯彻与组织领导"  # 一、… in Chinese
    assert model.index_of("item:1.1").data(STATE_ROLE) == "not_started"
    assert model.index_of("section:1", 1).data() == "— / 20"  # nothing scored: not 0 points
    changed: list[object] = []
    model.dataChanged.connect(lambda top, bottom: changed.append(top.data(NODE_ROLE)))
    session.apply(ChangeSet(answers={"1.1": {"self_score": D("3")}}), {"item:1.1"})
    assert "item:1.1" in changed and "item:2.1" not in changed
    assert model.index_of("item:1.1", 1).data() == "3 / 4"
    assert model.index_of("item:1.1").data(STATE_ROLE) == "attention"  # no deduction reason yet
    session.apply(ChangeSet(answers={"1.1": {"deduction_reason": "少1次"}}), {"item:1.1"})
    assert model.index_of("item:1.1").data(STATE_ROLE) == "answered"
    session.apply(ChangeSet(answers={"4.4": {"not_applicable": True, "na_reason": "无"}}),
                  {"item:4.4"})
    assert model.index_of("item:4.4").data(STATE_ROLE) == "not_applicable"
    assert model.index_of("section:1", 1).data() == "3 / 20"
    # an item with evidence is marked (icon in the score column, count in the tooltip)
    decoration = Qt.ItemDataRole.DecorationRole
    assert model.index_of("item:1.2", 1).data(decoration) is None
    document = dept_file.path.parent / "纪要.pdf"
    document.write_bytes(b"%PDF-1.4 minutes")
    changed.clear()
    session.apply(ChangeSet(item_evidence={"1.2": [EvidenceSource(document, document.name)]}),
                  {"item:1.2"})
    assert "item:1.2" in changed  # the row is repainted
    assert model.index_of("item:1.2", 1).data(decoration) is not None
    assert "1 evidence document(s)" in model.index_of("item:1.2").data(
        Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(model)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setRecursiveFilteringEnabled(True)
    qtmodeltester.check(proxy)


def test_evidence_model(qtmodeltester: ModelTester, dept_file: AssessmentFile,
                        tmp_path: Path) -> None:
    session = session_for(dept_file)
    model = EvidenceModel(session, "item", "2.2")
    qtmodeltester.check(model)
    (tmp_path / "预案.pdf").write_bytes(b"%PDF plan")
    session.apply(ChangeSet(add_evidence=[("item", "2.2", EvidenceSource(tmp_path / "预案.pdf",
                                                                         "预案.pdf"))]), set())
    assert model.rowCount() == 1 and model.index(0, 0).data() == "预案.pdf"
    assert model.index(0, 2).data() == "PDF document"  # not "application/pdf"
    qtmodeltester.check(model)
    model.set_target("item", "1.1")
    assert model.rowCount() == 0


def test_problem_and_list_models(qtmodeltester: ModelTester, dept_file: AssessmentFile) -> None:
    session = session_for(dept_file)
    problems = ProblemModel(session)
    qtmodeltester.check(problems)
    assert problems.rowCount() == 29 + 5
    assert problems.index(0, 0).data(NODE_ROLE) == "item:1.1"
    assert problems.index(29, 0).data(NODE_ROLE) == "page:veto"
    shortcomings = TextListModel(session, shortcoming_lines)
    measures = TextListModel(session, measure_lines)
    session.apply(ChangeSet(shortcomings=[Shortcoming("理论学习", "学习不深")]), set())
    assert shortcomings.rowCount() == 1 and "【理论学习】学习不深" in shortcomings.index(0, 0).data()
    qtmodeltester.check(shortcomings)
    qtmodeltester.check(measures)
    here = dept_file.path
    paths = PathListModel([here, Path("/nowhere/a.selfassess")])
    qtmodeltester.check(paths)
    assert paths.index(0, 0).data() == f"{here.name}\n    {here.parent}"  # the folder too
    assert paths.index(1, 0).data() == "a.selfassess\n    /nowhere (no longer there)"


# department names of real bureaus, common characters and a few rarer ones
NAMES = ["宣传处", "办公室", "党建办", "财务处", "纪检组", "甲处", "乙处", "丙处", "丁处", "信息中心",
         "工会", "人事教育处", "水政监察支队", "规划计划处", "农村水利处", "河湖管理处", "审计处",
         "离退休干部处", "机关党委", "安全监督处", "科技处", "综合执法队", "质量监督站", "防汛抗旱办"]


def test_the_cores_name_order_is_the_screens() -> None:
    """Reports sort names with the core's key, the screen with QCollator: the same order."""
    from selfassess.collation import name_key
    from selfassess.ui.bureau.models import pinyin_positions

    positions = pinyin_positions(NAMES)
    assert sorted(NAMES, key=name_key) == sorted(NAMES, key=positions.__getitem__)
    assert sorted(NAMES, key=name_key)[:3] == ["安全监督处", "办公室", "丙处"]


def test_chart_axes_are_round() -> None:
    from selfassess.ui.bureau.charts import axis_ticks, nice_maximum

    assert axis_ticks(105) == [0, 20, 40, 60, 80, 100]
    assert axis_ticks(5) == [0, 1, 2, 3, 4, 5]
    assert axis_ticks(0) == [0.0]
    assert nice_maximum([3.25, 4.0, 3.5]) == 5  # not a sliver of 100 %
    assert nice_maximum([0.0]) >= 1
