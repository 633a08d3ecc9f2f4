"""The CLI contract: commands, exit codes, one-line refusals, exact totals via fill/seal/summary."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest
from commands import Capture, run
from files import newer_schema, other_sqlite, sha256_of

from selfassess import __version__
from selfassess.checklist import Checklist
from selfassess.checklist.builtin import builtin_paths
from selfassess.cli import COMMANDS, build_parser


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def full_answers(checklist: Checklist, **overrides: Any) -> dict[str, Any]:
    items = {item.code: {"score": float(item.max_points)} for item in checklist.items}
    items.update(overrides)
    return {"filled_by": "张三", "items": items,
            "veto": {veto.code: False for veto in checklist.veto_items}}


def summary(capsys: Capture, path: Path) -> dict[str, Any]:
    code, out, err = run(capsys, "summary", str(path), "--json")
    assert code == 0, err
    department: dict[str, Any] = json.loads(out)["departments"][0]
    return department


@pytest.fixture
def new_file(tmp_path: Path, capsys: Capture) -> Path:
    path = tmp_path / "office.selfassess"
    code, out, err = run(capsys, "new", str(path), "--department", "办公室", "--period", "2026",
                         "--bureau", "XX市水利局", "--filled-by", "张三")
    assert code == 0, err
    assert "办公室" in out
    return path


def test_version(capsys: Capture) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"selfassess {__version__}"


def test_no_arguments_opens_the_gui_or_prints_help(capsys: Capture,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("selfassess.cli._gui_available", lambda: False)
    code, out, _ = run(capsys)
    assert code == 0 and "usage: selfassess" in out


def test_usage_error_exits_2(capsys: Capture) -> None:
    code, _, err = run(capsys, "summary")
    assert code == 2 and "usage:" in err
    code, _, err = run(capsys, "frobnicate")
    assert code == 2


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def test_a_command_builds_only_its_own_parser_and_the_same_one() -> None:
    full = _subcommands(build_parser())
    assert set(full) == COMMANDS  # a new command must be listed, or it would build them all
    for name in COMMANDS:
        alone = _subcommands(build_parser(name))
        assert list(alone) == [name]
        assert alone[name].format_help() == full[name].format_help()
        if name in ("checklist", "bureau", "history"):
            assert _subcommands(alone[name]).keys() == _subcommands(full[name]).keys()


def test_the_command_is_found_past_the_language_option(capsys: Capture) -> None:
    code, out, err = run(capsys, "--lang", "en", "summary")
    assert code == 2 and "selfassess summary" in err and "file" in err
    code, out, err = run(capsys, "--lang", "en", "summary", "-h")
    assert code == 0 and "--json" in out


def test_checklists_lists_the_builtin(capsys: Capture) -> None:
    code, out, _ = run(capsys, "checklists")
    assert code == 0
    assert out.startswith("ideology-responsibility\t2026.1\t意识形态工作责任制落实情况自查评分表\t")
    assert "100 points, 29 items" in out


def test_checklist_validate_and_export(tmp_path: Path, capsys: Capture) -> None:
    code, out, _ = run(capsys, "checklist", "validate", str(builtin_paths()["ideology-responsibility"]))
    assert code == 0 and "valid" in out and "29 items" in out
    target = tmp_path / "mine.yaml"
    code, _, _ = run(capsys, "checklist", "export", "ideology-responsibility", "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").startswith("# 意识形态")
    code, _, err = run(capsys, "checklist", "export", "ideology-responsibility", "-o", str(target))
    assert code == 1 and "already exists" in err
    broken = tmp_path / "broken.yaml"
    broken.write_text(target.read_text(encoding="utf-8").replace("max_points: 5", "max_points: 6", 1),
                      encoding="utf-8")
    code, _, err = run(capsys, "checklist", "validate", str(broken))
    lines = err.strip().splitlines()
    assert code == 1 and lines and all(line.startswith("broken.yaml:") for line in lines)
    assert any("item 1.2" in line for line in lines) or any("section 1" in line for line in lines)


def test_checklist_export_from_a_file_round_trips(new_file: Path, tmp_path: Path,
                                                  capsys: Capture) -> None:
    target = tmp_path / "snapshot.yaml"
    assert run(capsys, "checklist", "export", str(new_file), "-o", str(target))[0] == 0
    code, out, _ = run(capsys, "checklist", "validate", str(target))
    assert code == 0 and "ideology-responsibility" in out


def test_new_never_overwrites(new_file: Path, capsys: Capture) -> None:
    before = sha256_of(new_file)
    code, _, err = run(capsys, "new", str(new_file), "--department", "别的处")
    assert code == 1 and "already exists" in err and len(err.strip().splitlines()) == 1
    assert sha256_of(new_file) == before


def test_the_period_as_typed_and_a_missing_one(tmp_path: Path, capsys: Capture) -> None:
    wide = tmp_path / "wide.selfassess"
    code, _out, err = run(capsys, "new", str(wide), "--department", "办公室", "--period",
                          " ２０２６ ")  # a Chinese input method's full-width digits
    assert code == 0, err
    code, out, err = run(capsys, "summary", str(wide), "--json")
    assert json.loads(out)["period"] == "2026"
    for blank in ("", "  ", "\u3000"):
        code, _out, err = run(capsys, "new", str(tmp_path / "blank.selfassess"),
                              "--department", "办公室", "--period", blank)
        assert code == 1 and "a period is required" in err, (blank, err)
    assert not (tmp_path / "blank.selfassess").exists()


def test_new_into_a_missing_folder(tmp_path: Path, capsys: Capture) -> None:
    code, _, err = run(capsys, "new", str(tmp_path / "nowhere" / "a.selfassess"),
                       "--department", "办公室")
    assert code == 1 and "does not exist" in err and len(err.strip().splitlines()) == 1


def test_hostile_checklist_is_refused_by_validate(tmp_path: Path, capsys: Capture) -> None:
    evil = tmp_path / "evil.yaml"
    evil.write_text('title: !!python/object/apply:os.system ["echo pwned"]\n', encoding="utf-8")
    code, out, err = run(capsys, "checklist", "validate", str(evil))
    assert code == 1 and "evil.yaml:1:" in err and "not allowed" in err and "pwned" not in out


def test_full_marks(new_file: Path, tmp_path: Path, capsys: Capture, checklist: Checklist) -> None:
    answers = write_json(tmp_path / "a.json", full_answers(checklist))
    assert run(capsys, "fill", str(new_file), str(answers))[0] == 0
    code, out, _ = run(capsys, "seal", str(new_file))
    assert code == 0 and "revision 1" in out
    dept = summary(capsys, new_file)
    assert (dept["total"], dept["base_total"], dept["bonus"], dept["grade"]) == (100, 100, 0, "好")
    assert dept["self_total"] == 100 and dept["sealed"] and dept["revision"] == 1
    assert dept["complete"] and dept["missing"] == [] and dept["rank"] == 1
    assert dept["sections"]["1"] == {"title": "学习贯彻与组织领导", "max": 20, "applicable_max": 20,
                                     "self": 20, "final": 20}
    assert dept["items"]["1.1"]["self"] == 4 and dept["items"]["1.1"]["review"] is None


def test_deductions_bonus_above_cap_and_explanation(new_file: Path, tmp_path: Path,
                                                    capsys: Capture, checklist: Checklist) -> None:
    evidence = tmp_path / "证书.jpg"
    evidence.write_bytes(b"\xff\xd8jpeg")
    data = full_answers(checklist, **{
        "1.1": {"score": 3.5, "deduction_reason": "7月通报未及时传达", "evidence": ["证书.jpg"]},
        "3.2": {"score": 4.5, "deduction_reason": "少学习1次"}})
    data["bonus"] = {code: {"points": points, "evidence": ["证书.jpg"]}
                     for code, points in (("B1", 3), ("B2", 1.5), ("B3", 1), ("B4", 1))}
    assert run(capsys, "fill", str(new_file), str(write_json(tmp_path / "a.json", data)))[0] == 0
    assert run(capsys, "seal", str(new_file))[0] == 0
    dept = summary(capsys, new_file)
    assert (dept["base_total"], dept["bonus_claimed"], dept["bonus"], dept["total"]) == (
        99, 6.5, 5, 104)
    assert dept["grade"] == "好" and dept["self_total"] == 104
    kinds = [entry["kind"] for entry in dept["explanation"]]
    assert kinds == ["deduction", "deduction", "bonus", "bonus", "bonus", "bonus", "bonus_cap"]
    assert "7月通报未及时传达" in dept["explanation"][0]["text"]
    code, out, _ = run(capsys, "summary", str(new_file))
    assert code == 0 and "Total 104" in out and "7月通报未及时传达" in out


def test_not_applicable_full_policy(new_file: Path, tmp_path: Path, capsys: Capture,
                                    checklist: Checklist) -> None:
    data = full_answers(checklist, **{"4.4": {"not_applicable": True, "na_reason": "本处无宣传栏"},
                                      "1.2": {"score": 3, "deduction_reason": "少研究1次"}})
    assert run(capsys, "fill", str(new_file), str(write_json(tmp_path / "a.json", data)))[0] == 0
    dept = summary(capsys, new_file)
    assert dept["total"] == 98 and dept["items"]["4.4"]["not_applicable"]
    assert dept["items"]["4.4"]["final"] == 3 and dept["complete"]


def test_not_applicable_rescale_policy(tmp_path: Path, capsys: Capture,
                                       checklist: Checklist) -> None:
    yaml_path = tmp_path / "rescale.yaml"
    text = builtin_paths()["ideology-responsibility"].read_text(encoding="utf-8")
    yaml_path.write_text(text.replace("na_policy: full", "na_policy: rescale"), encoding="utf-8")
    path = tmp_path / "r.selfassess"
    assert run(capsys, "new", str(path), "--department", "办公室", "--checklist", str(yaml_path))[0] == 0
    data = full_answers(checklist, **{"4.4": {"not_applicable": True, "na_reason": "本处无宣传栏"},
                                      "1.2": {"score": 3, "deduction_reason": "少研究1次"}})
    assert run(capsys, "fill", str(path), str(write_json(tmp_path / "a.json", data)))[0] == 0
    dept = summary(capsys, path)
    # 95 of 97 applicable points, rescaled to 100: 97.938… shown with two decimals
    assert dept["base_total"] == 97.94 and dept["total"] == 97.94
    assert dept["items"]["4.4"]["final"] is None
    assert dept["sections"]["4"]["applicable_max"] == 12


def test_veto_gives_the_lowest_grade(new_file: Path, tmp_path: Path, capsys: Capture,
                                     checklist: Checklist) -> None:
    data = full_answers(checklist)
    data["veto"]["V4"] = {"triggered": True, "explanation": "发生一起失泄密事件"}
    assert run(capsys, "fill", str(new_file), str(write_json(tmp_path / "a.json", data)))[0] == 0
    assert run(capsys, "seal", str(new_file))[0] == 0
    dept = summary(capsys, new_file)
    assert dept["total"] == 100 and dept["veto"] and dept["grade"] == "差"
    assert dept["vetoed_by"] == ["V4"] and dept["veto_items"]["V4"]["declared"] is True


def test_total_exactly_on_a_band_boundary(new_file: Path, tmp_path: Path, capsys: Capture,
                                          checklist: Checklist) -> None:
    data = full_answers(checklist, **{
        "1.2": {"score": 0, "deduction_reason": "未研究"},
        "2.5": {"score": 0, "deduction_reason": "未考核"},
        "3.2": {"score": 5}})
    assert run(capsys, "fill", str(new_file), str(write_json(tmp_path / "a.json", data)))[0] == 0
    dept = summary(capsys, new_file)
    assert dept["total"] == 90 and dept["grade"] == "好"
    data["items"]["6.4"] = {"score": 1.5, "deduction_reason": "记录不全"}
    assert run(capsys, "fill", str(new_file), str(write_json(tmp_path / "b.json", data)))[0] == 0
    dept = summary(capsys, new_file)
    assert dept["total"] == 89.5 and dept["grade"] == "较好"


def test_fill_is_field_level(new_file: Path, tmp_path: Path, capsys: Capture) -> None:
    first = {"items": {"1.1": {"score": 3, "narrative": "第一稿", "deduction_reason": "少1次"}},
             "bonus": {"B1": {"points": 0}}, "measures": []}
    second = {"items": {"1.1": {"narrative": "第二稿"}, "1.2": {"score": 5}}}
    code, out, _err = run(capsys, "fill", str(new_file),
                          str(write_json(tmp_path / "1.json", first)))
    assert code == 0  # the items first, then what else changed
    assert out.strip().endswith("1 item(s) updated; also 1 bonus claim(s), the measures")
    assert run(capsys, "fill", str(new_file), str(write_json(tmp_path / "2.json", second)))[0] == 0
    dept = summary(capsys, new_file)
    assert dept["items"]["1.1"]["self"] == 3 and dept["items"]["1.2"]["self"] == 5
    from selfassess.store import AssessmentFile

    with AssessmentFile.open(new_file, readonly=True) as af:
        answer = af.data().answers["1.1"]
    assert (answer.narrative, answer.deduction_reason) == ("第二稿", "少1次")


REFUSED = [
    ({"items": {"1.1": {"score": 4.5}}}, "item 1.1: score 4.5 is outside 0–4"),
    ({"items": {"1.1": {"score": -0.5}}}, "item 1.1"),
    ({"items": {"1.1": {"score": 3.3}}}, "item 1.1: score 3.3 is not a multiple of the step 0.5"),
    ({"items": {"1.1": {"score": "三分"}}}, "item 1.1: score “三分” is not a number"),
    ({"items": {"9.9": {"score": 1}}}, "unknown item code “9.9”"),
    ({"items": {"4.4": {"not_applicable": True}}}, "item 4.4: not applicable needs a reason"),
    ({"items": {"1.1": {"not_applicable": True, "na_reason": "x"}}},
     "item 1.1 may not be marked not applicable"),
    ({"bonus": {"B4": {"points": 1.5}}}, "bonus item B4: 1.5 points are outside 0–1"),
    ({"bonus": {"B7": {"points": 1}}}, "unknown bonus code “B7”"),
    ({"items": {"1.1": {"score": 4, "evidence": ["missing.pdf"]}}}, "evidence file not found"),
    ({"veto": {"V1": "no"}}, "veto item V1"),
    ({"items": {"1.1": {"score": 4}}, "measures": [{"text": "x", "shortcoming": 3}]},
     "measure 1: refers to shortcoming 4, which does not exist"),
    ({"items": {"1.1": []}}, "item 1.1: must be a JSON object"),
    ([1, 2], "must be a JSON object"),
    # a misspelt key would change nothing while the command said it stored it
    ({"items": {"1.1": {"scroe": 2, "narrative": "x"}}}, "item 1.1: unknown key “scroe” "
     "(known: score, narrative, deduction_reason, not_applicable, na_reason, aid, evidence)"),
    ({"bonuses": {"B1": {"points": 1}}}, "unknown key “bonuses”"),
    ({"veto": {"V1": {"trigered": True}}}, "veto item V1: unknown key “trigered”"),
    ({"measures": [{"text": "x", "owner_name": "李四"}]}, "measure 1: unknown key “owner_name”"),
    ({"shortcomings": [{"category": "理论学习", "txt": "x"}]}, "shortcoming 1: unknown key “txt”"),
    ({"items": {"1.2": {"aid": {"count": {"c1": 2}}}}}, "item 1.2 aid: unknown key “count”"),
    ({"measures": [{"id": 1, "status": "已完成"}]},
     "measure 1: “id” follows up a measure of a sealed file (整改进展)"),
    ({"measures": [{"text": "x", "deadline": "2027年2月30日"}]},
     "measure 1: deadline 2027年2月30日 is not a real date"),
]


@pytest.mark.parametrize(("answers", "message"), REFUSED)
def test_refused_answers_leave_the_file_unchanged(new_file: Path, tmp_path: Path, capsys: Capture,
                                                  answers: Any, message: str) -> None:
    ok = {"items": {"1.2": {"score": 5}}}
    assert run(capsys, "fill", str(new_file), str(write_json(tmp_path / "ok.json", ok)))[0] == 0
    before = sha256_of(new_file)
    code, out, err = run(capsys, "fill", str(new_file), str(write_json(tmp_path / "a.json",
                                                                       answers)))
    assert code == 1, out
    assert message in err, err
    assert "Traceback" not in err
    assert sha256_of(new_file) == before


def test_nan_and_bad_json_are_refused(new_file: Path, tmp_path: Path, capsys: Capture) -> None:
    before = sha256_of(new_file)
    (tmp_path / "nan.json").write_text('{"items": {"1.1": {"score": NaN}}}', encoding="utf-8")
    code, _, err = run(capsys, "fill", str(new_file), str(tmp_path / "nan.json"))
    assert code == 1 and "not a number" in err
    (tmp_path / "bad.json").write_text('{"items": {', encoding="utf-8")
    code, _, err = run(capsys, "fill", str(new_file), str(tmp_path / "bad.json"))
    assert code == 1 and "bad.json:1: not valid JSON" in err
    (tmp_path / "huge.json").write_text('{"items": {"1.1": {"score": ' + "9" * 5000 + "}}}",
                                        encoding="utf-8")
    code, _, err = run(capsys, "fill", str(new_file), str(tmp_path / "huge.json"))
    assert code == 1 and "huge.json: not valid JSON" in err
    code, _, err = run(capsys, "fill", str(new_file), str(tmp_path / "absent.json"))
    assert code == 1 and "absent.json" in err
    assert sha256_of(new_file) == before


def test_sealed_file_refuses_fill_then_reopen_gives_revision_2(
        new_file: Path, tmp_path: Path, capsys: Capture, checklist: Checklist) -> None:
    answers = write_json(tmp_path / "a.json", full_answers(checklist))
    assert run(capsys, "fill", str(new_file), str(answers))[0] == 0
    assert run(capsys, "seal", str(new_file))[0] == 0
    first = summary(capsys, new_file)["digest"]
    before = sha256_of(new_file)
    code, _, err = run(capsys, "fill", str(new_file), str(answers))
    assert code == 1 and "sealed" in err and sha256_of(new_file) == before
    assert run(capsys, "reopen", str(new_file))[0] == 0
    change = write_json(tmp_path / "b.json", {"items": {"1.1": {"narrative": "补充"}}})
    assert run(capsys, "fill", str(new_file), str(change))[0] == 0
    code, out, _ = run(capsys, "seal", str(new_file))
    assert code == 0 and "revision 2" in out
    dept = summary(capsys, new_file)
    assert dept["revision"] == 2 and dept["digest"] != first and len(dept["digest"]) == 64


def test_seal_of_an_incomplete_file_lists_everything(new_file: Path, tmp_path: Path,
                                                     capsys: Capture) -> None:
    answers = write_json(tmp_path / "a.json", {"items": {"1.1": {"score": 4}}})
    assert run(capsys, "fill", str(new_file), str(answers))[0] == 0
    before = sha256_of(new_file)
    code, _, err = run(capsys, "seal", str(new_file))
    lines = err.strip().splitlines()
    assert code == 1
    assert len(lines) == 28 + 5  # every unanswered item and every undeclared veto
    assert any("1.2" in line for line in lines) and any("6.4" in line for line in lines)
    assert sha256_of(new_file) == before




@pytest.mark.parametrize(("kind", "message"), [
    ("text", "not an SQLite database"), ("empty", "empty"), ("truncated", "truncated"),
    ("other", "another program"), ("newer", "newer version of selfassess")])
@pytest.mark.parametrize("command", ["summary", "seal", "reopen", "fill"])
def test_bad_files_are_refused_in_one_line(tmp_path: Path, new_file: Path, capsys: Capture,
                                           kind: str, message: str, command: str) -> None:
    bad = tmp_path / f"{kind}.selfassess"
    if kind == "text":
        bad.write_text("这不是数据库", encoding="utf-8")
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "truncated":
        bad.write_bytes(new_file.read_bytes()[:8192 + 100])
    elif kind == "other":
        other_sqlite(bad)
    else:
        newer_schema(bad, new_file, ahead=5)
    before = sha256_of(bad)
    args = [command, str(bad)]
    if command == "fill":
        args.append(str(write_json(tmp_path / "a.json", {"items": {}})))
    code, _, err = run(capsys, *args)
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err
    assert sha256_of(bad) == before


def test_demo_writes_files_that_summarise(tmp_path: Path, capsys: Capture) -> None:
    folder = tmp_path / "demo"
    code, out, err = run(capsys, "demo", str(folder))
    assert code == 0, err
    files = sorted(folder.glob("*.selfassess"))
    assert len(files) == 6 and "sealed, revision 1" in out and "draft" in out
    totals = {}
    for path in files:
        if path.name.endswith("_汇总.selfassess"):
            continue
        dept = summary(capsys, path)
        totals[dept["name"]] = (dept["total"], dept["grade"], dept["sealed"])
    assert totals["办公室"] == (101.5, "好", True)  # 100 + bonus 1.5
    assert totals["规划计划处"][0] == 93
    assert totals["建设与管理处"][2] is False
    code, _, err = run(capsys, "demo", str(folder))
    assert code == 1 and "already holds demo files" in err


def test_internal_errors_are_logged_not_shown(capsys: Capture, monkeypatch: pytest.MonkeyPatch,
                                              isolated_home: Path) -> None:
    def explode(_args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr("selfassess.cli.cmd_checklists", explode)
    code, _, err = run(capsys, "checklists")
    assert code == 70 and "internal error" in err and "Traceback" not in err
    log = isolated_home / "logs" / "selfassess.log"
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")
