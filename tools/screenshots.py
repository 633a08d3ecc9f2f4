"""Render the screenshots of ``docs/screenshots``: ``python tools/screenshots.py [--out DIR]``.

Everything is made in a temporary folder, with a temporary ``SELFASSESS_HOME`` (the user's own
settings and recent files are never touched): the sample files of ``selfassess demo`` (four
sealed departments, one unsealed draft refused by the merge, the bureau file with reviews), a
fresh department file (``selfassess new``) and a complete one that is ready to seal (core API).
Each screen is then rendered by ``selfassess gui FILE --screenshot`` in its own process,
offscreen, at 1366×768 (a common office PC), in Chinese unless the name says otherwise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from selfassess.checklist import Checklist, load_builtin  # noqa: E402
from selfassess.checklist.builtin import DEFAULT_CHECKLIST_ID  # noqa: E402
from selfassess.completeness import completeness_problems  # noqa: E402
from selfassess.demo import MEASURES, NARRATIVES, SHORTCOMINGS  # noqa: E402
from selfassess.numbers import decimal_text  # noqa: E402
from selfassess.scoring import Aid, propose_score, proposed_losses  # noqa: E402
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource  # noqa: E402

SIZE = "1366x768"
PERIOD, BUREAU = "2026", "XX市水利局"
DEMO_BUREAU = f"{PERIOD}_{BUREAU}_汇总.selfassess"
REVIEWED = "规划计划处"  # a department of the demo whose item 4.2 the review group changed
ITEM = "3.2"  # the item shown: a count (集中学习 10 of 12) and a ticked deduction (参学率)

# what the complete file's scoring aids hold: item → (aid, reason)
AIDS: dict[str, tuple[Aid, str]] = {
    "1.2": (Aid(counts={"c1": 3}), ""),
    "1.5": (Aid(occurrences={"d2": 1}), "年终述职中意识形态工作内容较空泛。"),
    "2.3": (Aid(counts={"c1": 2, "c2": 2}), ""),
    "3.2": (Aid(counts={"c1": 10}, occurrences={"d1": 1}),
            "7月、8月因防汛未开展集中学习，少2次；第三季度参学率为85%。"),
    "3.3": (Aid(counts={"c1": 4}), ""),
    "3.6": (Aid(counts={"c1": 2}), ""),
    "4.2": (Aid(counts={"c1": 5}), ""),
}


def complete_changes(checklist: Checklist, evidence: Path) -> ChangeSet:
    """Every item answered (a few with points lost), bonus, veto, shortcomings and measures:
    a file that passes every completeness check."""
    changes = ChangeSet(filled_by="王芳")
    for item in checklist.items:
        aid, reason = AIDS.get(item.code, (Aid(), ""))
        if item.mode == "binary":
            aid = Aid(met=True)
        proposed = propose_score(item, aid)
        score = item.max_points if proposed is None else proposed
        achieved = next(iter(aid.counts.values()), 0)
        answer: dict[str, object] = {"self_score": score, "aid": aid, "narrative":
                                     NARRATIVES.get(item.code, "按要求落实。").format(n=achieved)}
        if score < item.max_points:
            answer["deduction_reason"] = reason or "；".join(
                f"{loss.text}（扣{decimal_text(loss.points)}分）"
                for loss in proposed_losses(item, aid))
        changes.answers[item.code] = answer
    for code, name in (("1.2", "专题研究会议纪要.txt"), ("3.2", "集中学习签到表.txt")):
        changes.item_evidence[code] = [EvidenceSource(evidence / name, name)]
    changes.bonus["B4"] = {"points": Decimal("1"),
                           "narrative": "“灯塔党建在线答题竞赛”取得市直机关前10名。"}
    changes.bonus_evidence["B4"] = [EvidenceSource(evidence / "表彰通报.txt", "表彰通报.txt")]
    changes.veto = {veto.code: {"triggered": False} for veto in checklist.veto_items}
    changes.shortcomings = SHORTCOMINGS
    changes.measures = MEASURES
    return changes


def selfassess(env: dict[str, str], *args: str) -> str:
    """Run the command line (this checkout's), stop on failure, return what it printed."""
    done = subprocess.run([sys.executable, "-m", "selfassess", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", check=False)
    if done.returncode:
        sys.exit(f"selfassess {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def make_files(folder: Path, env: dict[str, str]) -> dict[str, Path]:
    """The files the screenshots show."""
    selfassess(env, "demo", str(folder / "demo"))
    fresh = folder / "宣传教育处" / f"{PERIOD}_宣传教育处.selfassess"
    fresh.parent.mkdir()
    selfassess(env, "new", str(fresh), "--department", "宣传教育处", "--period", PERIOD,
               "--bureau", BUREAU, "--filled-by", "张伟")
    evidence = folder / "demo" / "佐证材料"
    ready = folder / "办公室" / f"{PERIOD}_办公室.selfassess"
    ready.parent.mkdir()
    checklist = load_builtin(DEFAULT_CHECKLIST_ID)
    with AssessmentFile.create(ready, checklist, department_name="办公室", period=PERIOD,
                               bureau_name=BUREAU, filled_by="王芳") as af:
        af.apply(complete_changes(checklist, evidence), actor="王芳")
        problems = completeness_problems(af.checklist, af.data())
    if problems:  # the summary would not show a file ready to seal
        sys.exit("the complete file is not ready to seal:\n"
                 + "\n".join(problem.message for problem in problems))
    return {"bureau": folder / "demo" / DEMO_BUREAU, "fresh": fresh, "ready": ready}


# name → (file key or None for no file, gui arguments, language, font scale)
SHOTS: list[tuple[str, str | None, tuple[str, ...], str, int]] = [
    ("item.png", "ready", ("--item", ITEM), "zh_CN", 100),
    ("summary-fresh.png", "fresh", ("--page", "summary"), "zh_CN", 100),
    ("summary-ready.png", "ready", ("--page", "summary"), "zh_CN", 100),
    ("departments.png", "bureau", ("--page", "departments"), "zh_CN", 100),
    ("review.png", "bureau", ("--page", "review", "--department", REVIEWED, "--item", "4.2"),
     "zh_CN", 100),
    ("statistics.png", "bureau", ("--page", "statistics"), "zh_CN", 100),
    ("item-150.png", "ready", ("--item", ITEM), "zh_CN", 150),
    ("summary-150.png", "ready", ("--page", "summary"), "zh_CN", 150),
    ("item-en.png", "ready", ("--item", ITEM), "en", 100),
    # last: the files opened above are its recent files
    ("start.png", None, (), "zh_CN", 100),
]
SUPERSEDED = ("bureau.png",)  # older names, replaced by departments.png and review.png


def take(env: dict[str, str], target: Path, file: Path | None, args: tuple[str, ...],
         language: str, scale: int) -> None:
    """One screenshot, in its own process (a fresh application: language and font are set
    once per process)."""
    command = ["--lang", language, "gui", *([str(file)] if file else []), "--screenshot",
               str(target), "--size", SIZE, "--scale", str(scale), *args]
    selfassess(env, *command)
    print(f"{target}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots",
                        help="folder to write the PNG files into (default: docs/screenshots)")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="selfassess-screenshots-") as temp:
        folder = Path(temp)
        (folder / "home").mkdir()
        env = {name: value for name, value in os.environ.items()
               if name != "SELFASSESS_LANG"}  # the language is given to each run
        env |= {"SELFASSESS_HOME": str(folder / "home"),
                "QT_QPA_PLATFORM": "offscreen:size=1920x1080"}
        files = make_files(folder, env)
        for name, key, extra, language, scale in SHOTS:
            take(env, out / name, files[key] if key else None, extra, language, scale)
    for name in SUPERSEDED:
        (out / name).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
