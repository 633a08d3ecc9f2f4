"""年度对比 (issue 16): earlier years' bureau files kept in this year's (``history add``),
checked like a merge; summary JSON, the report and the read model compare the years."""

from __future__ import annotations

import io
import json
import re
import shutil
import sqlite3
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pypdf
import pytest
from commands import Capture, run
from test_bureau import complete
from test_checklist_diff import next_year

from selfassess.bureau.history import code_map
from selfassess.checklist import Checklist, checklist_from_mapping
from selfassess.store import AssessmentFile, Measure, Shortcoming
from selfassess.store.ledger import LedgerUpdate


def department(folder: Path, name: str, checklist: Checklist, period: str,
               lose: dict[str, D] | None = None, measures: int = 0, done: int = 0,
               department_id: str | None = None) -> Path:
    """A sealed department file losing ``lose`` points on the items named; with ``measures``
    measures of which ``done`` are followed up as done."""
    path = folder / f"{period}_{name}.selfassess"
    maxima = {item.code: item.max_points for item in checklist.items}
    with AssessmentFile.create(path, checklist, department_name=name, period=period,
                               department_id=department_id) as af:
        changes = complete(checklist)
        for code, lost in (lose or {}).items():
            changes.answers[code] = {"self_score": maxima[code] - lost,
                                     "deduction_reason": "个别工作未落实"}
        if measures:
            changes.shortcomings = [Shortcoming("理论学习", "学习不够深入")]
            changes.measures = [Measure(f"措施{n}", "李四", "2026-06-30", 0)
                                for n in range(1, measures + 1)]
        af.apply(changes)
        af.seal()
        if done:
            af.follow_up([LedgerUpdate(m.number or 0, "done") for m in af.data().measures[:done]])
    return path


def bureau(folder: Path, period: str, files: list[Path], capsys: Capture,
           names: tuple[str, ...] = ("办公室", "组织人事处")) -> Path:
    roster = folder / f"roster{period}.txt"
    roster.write_text("\n".join(names) + "\n", encoding="utf-8")
    path = folder / f"{period}_汇总.selfassess"
    code, _out, err = run(capsys, "bureau", "new", str(path), "--name", "XX市水利局", "--period",
                          period, "--roster", str(roster))
    assert code == 0, err
    if files:
        code, _out, err = run(capsys, "merge", str(path), *map(str, files))
        assert code == 0, err
    return path


@pytest.fixture
def years(tmp_path: Path, checklist: Checklist, capsys: Capture) -> dict[str, Path]:
    """Three years of one bureau: 办公室 loses on 1.2 every year (and on 1.1 only in 2025);
    组织人事处 loses nothing in 2024. 2025 has four measures, one done."""
    found = {}
    for period, office_loss, other_loss, measures, done in (
            ("2024", {"1.2": D(1)}, {}, 0, 0),
            ("2025", {"1.2": D(2), "1.1": D(1)}, {"1.2": D(1)}, 2, 1),
            ("2026", {"1.2": D(1)}, {"1.2": D(1)}, 0, 0)):
        folder = tmp_path / period
        folder.mkdir()
        files = [department(folder, "办公室", checklist, period, office_loss, measures, done),
                 department(folder, "组织人事处", checklist, period, other_loss, measures)]
        found[period] = bureau(folder, period, files, capsys)
    return found


def summary(capsys: Capture, path: Path) -> dict[str, Any]:
    code, out, err = run(capsys, "summary", str(path), "--json")
    assert code == 0, err
    found: dict[str, Any] = json.loads(out)
    return found


def test_two_earlier_years_in_the_summary(years: dict[str, Path], capsys: Capture,
                                          checklist: Checklist) -> None:
    current = years["2026"]
    for period in ("2025", "2024"):  # added out of order: kept oldest first
        code, out, err = run(capsys, "history", "add", str(current), str(years[period]),
                             "--by", "王秘书")
        assert code == 0, err
        assert out.startswith(f"{period} (XX市水利局): 2 department(s) kept"), out
    found = summary(capsys, current)
    assert [(year["period"], year["departments"], year["measures"], year["measures_done"],
             year["completion_rate"]) for year in found["history"]] == [
        ("2024", 2, 0, 0, None), ("2025", 2, 4, 1, 25)]
    assert found["history"][1]["mean"] == 98  # (97 + 99) / 2: 办公室 lost 3, the other 1
    office = next(d for d in found["departments"] if d["name"] == "办公室")
    assert [(h["period"], h["total"], h["grade"], h["rank"], h["measures"],
             h["measures_done"]) for h in office["history"]] == [
        ("2024", 99, "好", 2, 0, 0), ("2025", 97, "好", 2, 2, 1)]
    assert office["total"] == 99
    assert office["lost_every_year"] == ["1.2"]  # 1.1 only once
    other = next(d for d in found["departments"] if d["name"] == "组织人事处")
    assert [h["total"] for h in other["history"]] == [100, 99]
    assert other["lost_every_year"] == []  # nothing lost in 2024
    with AssessmentFile.open(current, readonly=True) as af:
        lines = [line for line in af.audit() if line.action == "history-add"]
    assert [(line.target, line.actor) for line in lines] == [("2025", "王秘书"),
                                                            ("2024", "王秘书")]
    # the earlier files are untouched, and the bureau keeps no copy of them
    assert len(current.read_bytes()) < 2 * len(years["2025"].read_bytes())


def test_adding_a_year_again_replaces_it(years: dict[str, Path], capsys: Capture,
                                         checklist: Checklist) -> None:
    current = years["2026"]
    assert run(capsys, "history", "add", str(current), str(years["2025"]))[0] == 0
    # later in the year the last 整改进展 comes in: the bureau of 2025 is added again
    office = years["2025"].parent / "2025_办公室.selfassess"
    with AssessmentFile.open(office) as af:
        af.follow_up([LedgerUpdate(2, "done")])
    assert run(capsys, "merge", str(years["2025"]), str(office))[0] == 0
    code, out, err = run(capsys, "history", "add", str(current), str(years["2025"]))
    assert code == 0, err
    assert "replaced" in out
    (year,) = summary(capsys, current)["history"]
    assert (year["measures"], year["measures_done"], year["completion_rate"]) == (4, 2, 50)


def tampered(path: Path, folder: Path) -> Path:
    """A copy of a bureau file with a score changed behind its seal."""
    copy = folder / "2025_改过.selfassess"
    shutil.copy(path, copy)
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("UPDATE answers SET self_score = '0' WHERE item_code = '1.3'")
    conn.close()
    return copy


@pytest.mark.parametrize("case, message", [
    ("same", "same period (2026)"),
    ("later", "later period (2027)"),
    ("department", "department file"),
    ("tampered", "modified after sealing"),
    ("itself", "its own history"),
    ("missing", "2023_无.selfassess"),
])
def test_what_cannot_be_compared_is_refused_and_nothing_is_kept(
        case: str, message: str, years: dict[str, Path], tmp_path: Path, capsys: Capture,
        checklist: Checklist) -> None:
    current = years["2026"]
    earlier = {
        "same": lambda: bureau(tmp_path / "again", "2026", [], capsys),
        "later": lambda: bureau(tmp_path / "again", "2027", [], capsys),
        "department": lambda: years["2025"].parent / "2025_办公室.selfassess",
        "tampered": lambda: tampered(years["2025"], tmp_path),
        "itself": lambda: current,
        "missing": lambda: tmp_path / "2023_无.selfassess",
    }
    (tmp_path / "again").mkdir()
    before = current.read_bytes()
    code, out, err = run(capsys, "history", "add", str(current), str(earlier[case]()))
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err, err
    assert "Traceback" not in err
    assert summary(capsys, current)["history"] == []
    assert current.read_bytes() == before or case in ("same", "later")  # bureau new wrote


def test_a_changed_checklist_is_compared_through_its_map(checklist: Checklist) -> None:
    v2 = checklist_from_mapping(next_year(checklist), "2027.yaml")
    mapped = code_map(v2, checklist)
    assert mapped["1.2"] == ("1.6",)  # renamed
    assert mapped["2.1"] == ("2.1", "2.6")  # split
    assert mapped["4.4"] == ()  # removed
    assert mapped["5.5"] == ()  # renamed without saying so: not compared
    assert mapped["3.1"] == ("3.1",)
    assert code_map(checklist, checklist)["1.2"] == ("1.2",)


def test_the_reports_year_on_year_pages(years: dict[str, Path], tmp_path: Path,
                                        capsys: Capture) -> None:
    current = years["2026"]
    for period in ("2024", "2025"):
        assert run(capsys, "history", "add", str(current), str(years[period]))[0] == 0
    out = tmp_path / "汇总报告.pdf"
    code, _out, err = run(capsys, "--lang", "zh_CN", "report", str(current), "-o", str(out))
    assert code == 0, err
    pages = [re.sub(r"\s+", "", page.extract_text())
             for page in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages]
    (page,) = [page for page in pages if "年度对比" in page and "附件" not in page[:30]]
    assert "单位2024年度2025年度2026年度较上年" in page
    assert "办公室99（好）97（好）99（好）+2" in page
    assert "组织人事处100（好）99（好）99（好）0" in page
    assert "平均分99.59899+1" in page
    assert "连续失分的指标" in page and "1.2" in page
    assert "2025年度整改措施共4项，已完成（含已销号）1项，完成率25%" in page
    assert "2025年度3分（满分5分）" in page


@pytest.mark.parametrize("statement", [
    "UPDATE history_departments SET final_total = 'abc'",
    "UPDATE history_items SET score = '1e999999'",
    "UPDATE history_departments SET name = 'a' || char(0) || 'b'",
    "UPDATE history_years SET added_at = 'yesterday'",
    "UPDATE history_departments SET measures = -3",
])
def test_a_forged_history_is_refused_as_damaged(statement: str, years: dict[str, Path],
                                                capsys: Capture) -> None:
    current = years["2026"]
    assert run(capsys, "history", "add", str(current), str(years["2025"]))[0] == 0
    received = current.parent / "received.selfassess"  # a copy this machine did not write
    conn = sqlite3.connect(current)
    with conn:
        conn.execute(statement)
    conn.close()
    shutil.copy(current, received)
    code, out, err = run(capsys, "summary", str(received), "--json")
    assert code != 0 and out == ""
    assert "invalid data" in err and "history" in err, err


def test_a_format_6_bureau_keeps_its_history_when_upgraded(tmp_path: Path,
                                                           capsys: Capture) -> None:
    import gzip

    path = tmp_path / "2026_汇总.selfassess"
    path.write_bytes(gzip.decompress((Path(__file__).parent / "data" / "format6" /
                                      "bureau.selfassess.gz").read_bytes()))
    found = summary(capsys, path)  # read through an upgraded copy
    assert [(year["period"], year["departments"]) for year in found["history"]] == [("2025", 1)]
    office = next(d for d in found["departments"] if d["name"] == "办公室")
    assert [(h["period"], h["total"]) for h in office["history"]] == [("2025", 98)]


def test_the_same_year_written_another_way_is_the_same_year(
        years: dict[str, Path], tmp_path: Path, capsys: Capture, checklist: Checklist) -> None:
    current = years["2026"]
    assert run(capsys, "history", "add", str(current), str(years["2025"]))[0] == 0
    folder = tmp_path / "again"
    folder.mkdir()
    other = bureau(folder, "2025年度", [department(folder, "办公室", checklist, "2025年度")],
                   capsys)
    code, out, err = run(capsys, "history", "add", str(current), str(other))
    assert code == 0 and "replaced" in out, err
    assert [year["period"] for year in summary(capsys, current)["history"]] == ["2025年度"]


@pytest.mark.parametrize("period, bureau_name, message", [
    ("二〇二五年", "XX市水利局", "names no year in digits"),
    ("2025²", "XX市水利局", "names no year in digits"),
    ("2026年", "XX市水利局", "same period"),
    ("2026上半年", "XX市水利局", "same period"),
    ("2025", "YY县教育局", "bureau file of YY县教育局"),
])
def test_periods_and_bureaus_that_cannot_be_compared(
        period: str, bureau_name: str, message: str, years: dict[str, Path], tmp_path: Path,
        capsys: Capture, checklist: Checklist) -> None:
    folder = tmp_path / "other"
    folder.mkdir()
    office = department(folder, "办公室", checklist, period)
    roster = folder / "roster.txt"
    roster.write_text("办公室\n", encoding="utf-8")
    other = folder / "other.selfassess"
    assert run(capsys, "bureau", "new", str(other), "--name", bureau_name, "--period", period,
               "--roster", str(roster))[0] == 0
    assert run(capsys, "merge", str(other), str(office))[0] == 0
    before = years["2026"].read_bytes()
    code, out, err = run(capsys, "history", "add", str(years["2026"]), str(other))
    assert code == 1 and out == "" and message in err, err
    assert len(err.strip().splitlines()) == 1 and years["2026"].read_bytes() == before


PLANNING = "0b4f2c1e-8a77-4d0e-9c52-3f1d2a6b7e90"


def test_an_earlier_result_goes_to_one_department(tmp_path: Path, capsys: Capture,
                                                  checklist: Checklist) -> None:
    """2025's 规划计划处 became 发展规划处 (same id, new name) and a new 规划计划处 was set up:
    the earlier result is the renamed one's only."""
    first = tmp_path / "2025"
    first.mkdir()
    planning = department(first, "规划计划处", checklist, "2025", department_id=PLANNING)
    earlier = bureau(first, "2025", [planning], capsys, names=("规划计划处",))
    now = tmp_path / "2026"
    now.mkdir()
    renamed = department(now, "发展规划处", checklist, "2026", {"1.2": D(1)},
                         department_id=PLANNING)
    new = department(now, "规划计划处", checklist, "2026")
    current = bureau(now, "2026", [renamed, new], capsys, names=("发展规划处", "规划计划处"))
    assert run(capsys, "history", "add", str(current), str(earlier))[0] == 0
    found = {d["name"]: d["history"] for d in summary(capsys, current)["departments"]}
    assert [h["period"] for h in found["发展规划处"]] == ["2025"]
    assert found["规划计划处"] == []


def test_merged_items_add_up(checklist: Checklist, tmp_path: Path, capsys: Capture) -> None:
    """A checklist that merged 1.2 into 1.1: last year's 1.1 and 1.2 scores add up under
    this year's 1.1, as a share of its points."""
    from selfassess.bureau.history import earlier_year
    from selfassess.checklist import checklist_mapping

    data = checklist_mapping(checklist)
    data = json.loads(json.dumps(data, default=str))
    data["version"] = "2027.1"
    data["previous"] = {"id": checklist.id, "version": checklist.version,
                        "items": {"1.2": "1.1"}}
    section = data["sections"][0]["items"]
    one, two = section[0], section[1]
    assert (one["code"], two["code"]) == ("1.1", "1.2")
    one["max_points"] = str(D(one["max_points"]) + D(two["max_points"]))  # 4 + 5
    one.update(mode="deduct", counts=[], levels=[], deductions=[
        {"code": "a", "text": "未落实", "points": "1", "per_occurrence": True, "unit": "次",
         "cap": None}])
    del section[1]
    merged = checklist_from_mapping(data, "2027.yaml")
    folder = tmp_path / "2026"
    folder.mkdir()
    office = department(folder, "办公室", checklist, "2026", {"1.1": D("0.5"), "1.2": D(1)})
    earlier = bureau(folder, "2026", [office], capsys, names=("办公室",))
    from selfassess.bureau import create_bureau

    current = tmp_path / "2027.selfassess"
    create_bureau(current, merged, "XX市水利局", "2027", ["办公室"]).close()
    with AssessmentFile.open(current) as mine, AssessmentFile.open(earlier, readonly=True) as theirs:
        year, _drafts = earlier_year(mine, theirs, "")
    (result,) = year.departments
    assert result.items["1.1"] == D("7.5")  # (3.5 + 4) of (4 + 5), on 9 points
    assert result.max_points["1.1"] == D(9)
