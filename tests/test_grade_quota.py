"""等次比例 (issue 17): a checklist caps a grade's share; the bureau's summary, report and
statistics flag an excess; the secretary lowers grades with reasons (调整), printed beside the
grade the scores give, which never changes."""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pypdf
import pytest
from commands import Capture, run
from test_history import department

from selfassess.bureau import create_bureau, merge_files
from selfassess.checklist import Checklist, checklist_from_mapping, checklist_mapping
from selfassess.checklist.model import GradeQuota
from selfassess.errors import ChecklistError

# five items of 1.x and 2.x lost whole: 4 + 5 + 4 + 4 + 4 = 21 points, a total of 79 (一般)…
LOSE_MANY = {"1.1": D(4), "1.2": D(5), "1.3": D(4)}  # 13 points: 87, 较好


def quota_checklist(checklist: Checklist, quota: Any = "20%", **extra: Any) -> Checklist:
    data = json.loads(json.dumps(checklist_mapping(checklist), default=str))
    data["grade_quota"] = {"好": quota}
    data.update(extra)
    return checklist_from_mapping(data, "quota.yaml")


@pytest.fixture
def twenty(tmp_path: Path, checklist: Checklist) -> Path:
    """A bureau of 20 departments: 6 at 好 (部门01–06), 14 at 较好."""
    quota = quota_checklist(checklist)
    folder = tmp_path / "in"
    folder.mkdir()
    names = [f"部门{n:02d}" for n in range(1, 21)]
    files = [department(folder, name, quota, "2026", {} if n <= 6 else LOSE_MANY)
             for n, name in enumerate(names, 1)]
    path = tmp_path / "2026_汇总.selfassess"
    create_bureau(path, quota, "XX市水利局", "2026", names).close()
    assert all(outcome.outcome == "added" for outcome in merge_files(path, files))
    return path


def summary(capsys: Capture, path: Path) -> dict[str, Any]:
    code, out, err = run(capsys, "summary", str(path), "--json")
    assert code == 0, err
    found: dict[str, Any] = json.loads(out)
    return found


def test_an_excess_is_flagged_and_two_adjustments_bring_it_within(
        twenty: Path, tmp_path: Path, capsys: Capture) -> None:
    found = summary(capsys, twenty)
    assert found["grade_quota"] == [{"grade": "好", "share": 20, "allowed": 4, "computed": 6,
                                     "count": 6, "excess": 2}]
    code, out, _err = run(capsys, "--lang", "zh_CN", "summary", str(twenty))
    assert "按得分6个，调整后6个——超出2个" in out
    for name, reason in (("部门05", "年度内发生一次舆情处置不及时，经考核组研究降为较好。"),
                         ("部门06", "按等次比例，同分按佐证材料质量排序后调整。")):
        code, out, err = run(capsys, "adjust-grade", str(twenty), "--department", name,
                             "--grade", "较好", "--reason", reason, "--by", "考核组")
        assert code == 0 and "adjusted to 较好" in out, err
    found = summary(capsys, twenty)
    assert found["grade_quota"][0] | {} == {"grade": "好", "share": 20, "allowed": 4,
                                            "computed": 6, "count": 4, "excess": 0}
    five = next(d for d in found["departments"] if d["name"] == "部门05")
    assert (five["grade"], five["decided_grade"], five["total"]) == ("好", "较好", 100)
    assert five["adjusted_grade"]["reason"].startswith("年度内发生一次舆情处置不及时")
    assert five["adjusted_grade"]["by"] == "考核组" and five["rank"] == 1  # scores unchanged
    # the report: computed and adjusted side by side, with the reasons; within the quota now
    out_pdf = tmp_path / "汇总报告.pdf"
    code, _out, err = run(capsys, "--lang", "zh_CN", "report", str(twenty), "-o", str(out_pdf))
    assert code == 0, err
    text = "".join(re.sub(r"\s+", "", page.extract_text())
                   for page in pypdf.PdfReader(io.BytesIO(out_pdf.read_bytes())).pages)
    assert "部门05" in text and "较好（由“好”调整）" in text
    assert "等次调整" in text and "部门05100好较好年度内发生一次舆情处置不及时" in text
    assert "部门06100好较好按等次比例" in text
    assert "等次比例（好）：不超过20%（20个单位中至多4个）；按得分6个，调整后4个——符合比例" in text
    # the workbook and the department table show it too
    xlsx = tmp_path / "汇总.xlsx"
    assert run(capsys, "export", str(twenty), "-o", str(xlsx))[0] == 0
    from openpyxl import load_workbook

    values = [cell.value for row in load_workbook(xlsx).worksheets[0].iter_rows()
              for cell in row]
    assert "较好 (lowered from 好)" in values  # the decided grade, with the scores' one
    # withdrawn: back to what the scores give, over the quota again
    code, out, err = run(capsys, "adjust-grade", str(twenty), "--department", "部门06",
                         "--withdraw")
    assert code == 0, err
    assert summary(capsys, twenty)["grade_quota"][0]["excess"] == 1
    from selfassess.store import AssessmentFile

    with AssessmentFile.open(twenty, readonly=True) as af:
        actions = [line.action for line in af.audit()]
    assert actions.count("adjust-grade") == 2 and "adjust-grade-withdrawn" in actions


@pytest.mark.parametrize("arguments, message", [
    (["--grade", "好", "--reason", "x"], "can only lower"),  # 部门07 is 较好: raising refused
    (["--grade", "优秀", "--reason", "x"], "not a grade of the checklist"),
    (["--grade", "一般"], "give the reason"),
    (["--withdraw"], "was not adjusted"),
    ([], "--grade"),
])
def test_adjustments_that_are_not_allowed(arguments: list[str], message: str, twenty: Path,
                                          capsys: Capture) -> None:
    before = twenty.read_bytes()
    code, out, err = run(capsys, "adjust-grade", str(twenty), "--department", "部门07",
                         *arguments)
    assert code == 1 and out == "" and message in err, err
    assert len(err.strip().splitlines()) == 1 and twenty.read_bytes() == before


@pytest.mark.parametrize("count, rounding, allowed", [
    (20, "down", 4), (22, "down", 4), (22, "half_up", 4), (23, "half_up", 5), (22, "up", 5),
    (3, "down", 0), (0, "down", 0)])
def test_the_rounding_rule(count: int, rounding: str, allowed: int) -> None:
    assert GradeQuota("好", D(20)).allowed(count, rounding) == allowed


def test_quotas_in_the_checklist(checklist: Checklist) -> None:
    with_quota = quota_checklist(checklist, "25%", grade_quota_rounding="half_up")
    assert with_quota.grade_quota == (GradeQuota("好", D(25)),)
    assert with_quota.quota_rounding == "half_up"
    assert with_quota.fingerprint != checklist.fingerprint
    again = checklist_from_mapping(checklist_mapping(with_quota), "again.yaml")
    assert again.fingerprint == with_quota.fingerprint  # survives export
    assert "grade_quota" not in checklist_mapping(checklist)  # old fingerprints kept
    for bad, message in (("120%", "share"), ("二成", "share")):
        with pytest.raises(ChecklistError, match=message):
            quota_checklist(checklist, bad)
    with pytest.raises(ChecklistError, match="down, half_up or up"):
        quota_checklist(checklist, "20%", grade_quota_rounding="nearest")
    data = json.loads(json.dumps(checklist_mapping(checklist), default=str))
    data["grade_quota"] = {"优秀": "20%"}
    with pytest.raises(ChecklistError, match="not a grade"):
        checklist_from_mapping(data, "bad.yaml")


def test_adjusting_again_the_same_way_changes_nothing(twenty: Path, capsys: Capture,
                                                      checklist: Checklist) -> None:
    arguments = ["adjust-grade", str(twenty), "--department", "部门01", "--grade", "较好",
                 "--reason", "按比例调整"]
    assert run(capsys, *arguments)[0] == 0
    before = twenty.read_bytes()
    code, out, _err = run(capsys, *arguments)
    assert code == 0 and "nothing changed" in out and twenty.read_bytes() == before
    with pytest.raises(ChecklistError, match="lowest grade"):
        data = json.loads(json.dumps(checklist_mapping(checklist), default=str))
        data["grade_quota"] = {"差": "5%"}
        checklist_from_mapping(data, "low.yaml")
