"""Report benchmark (run by hand): ``python bench/bench_report.py [DEPARTMENTS …]``.

The bureau report of a 100- and a 1,000-department bureau file (our layer: reading the file,
scoring, font coverage, layout) against a bare reportlab script that lays out the same tables
(the summary table and every department's score table, same fonts, columns and cell texts) with
nothing of ours; then one department whose narrative is 50,000 characters in 500 paragraphs.
Each runs in a fresh process, alternately (three times for 100 departments, once for more);
medians, time per page, and the peak resident memory of each process.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from bench_store import machine

DEPARTMENTS = 100

CHILD = r'''
import io, re, resource, sys, time
from xml.sax.saxutils import escape
from pathlib import Path
from selfassess import i18n
i18n.setup("zh_CN")
from selfassess.store import AssessmentFile
from selfassess.report import collect, load_fonts, report_pdf
mode, path = sys.argv[1], Path(sys.argv[2])
fonts = load_fonts()
if mode == "ours":
    started = time.perf_counter()
    with AssessmentFile.open(path, readonly=True) as af:
        pdf = report_pdf(collect(af), fonts=fonts)
    elapsed = time.perf_counter() - started
else:
    with AssessmentFile.open(path, readonly=True) as af:
        report = collect(af)  # the data a bare script would be handed
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table
    started = time.perf_counter()
    font = fonts.roles["body"]
    cell = ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=11, wordWrap="CJK")
    grid = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), font)]
    story = []
    rows = [[Paragraph(escape(str(v)), cell) for v in (e.rank, e.name, e.final.total,
             e.final.grade)] for e in report.departments]
    story += [Table(rows, repeatRows=0, style=grid), PageBreak()]
    widths = [w * mm for w in (12, 26, 46, 9, 45, 13, 60, 26, 13, 17)]
    for d in report.departments:
        rows = []
        for item in report.checklist.items:
            a = d.data.answers.get(item.code)
            texts = [item.code, item.title, item.content, str(item.max_points), item.criteria,
                     str(a.self_score if a else ""),
                     (a.deduction_reason + "\n" + a.narrative) if a else "",
                     "\n".join(e.file_name for e in d.data.evidence_for("item", item.code)),
                     str(d.final.items.get(item.code)), ""]
            rows.append([Paragraph(escape(t).replace("\n", "<br/>"), cell) for t in texts])
        story += [Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, style=grid),
                  PageBreak()]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4)).build(story)
    pdf = buffer.getvalue()
    elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
pages = len(re.findall(rb"/Type /Page[^s]", pdf))
print(f"{elapsed:.3f} {peak:.0f} {len(pdf)} {pages}")
'''


def build_bureau(folder: Path) -> Path:
    from selfassess.bureau import create_bureau, merge_files
    from selfassess.checklist import load_builtin
    from selfassess.store import AssessmentFile, ChangeSet, Measure, Shortcoming

    checklist = load_builtin("ideology-responsibility")
    rng = random.Random(1)
    names = [f"第{n:03d}处" for n in range(DEPARTMENTS)]
    files = []
    for name in names:
        path = folder / f"{name}.selfassess"
        with AssessmentFile.create(path, checklist, department_name=name, period="2026") as af:
            answers = {}
            for item in checklist.items:
                lost = item.step * rng.randint(0, 2) if rng.random() < 0.3 else Decimal(0)
                answers[item.code] = {"self_score": item.max_points - lost,
                                      "narrative": "全年按要求开展工作,记录齐全。" * rng.randint(2, 8),
                                      "deduction_reason": "记录不全。" if lost else ""}
            af.apply(ChangeSet(answers=answers,
                               veto={v.code: {"triggered": False} for v in checklist.veto_items},
                               shortcomings=[Shortcoming("理论学习", "学习不够深入。")],
                               measures=[Measure("每月集中学习。", owner="张三", shortcoming=0)]))
            af.seal()
        files.append(path)
    bureau = folder / "bureau.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", names).close()
    merge_files(bureau, files)
    return bureau


def build_long(folder: Path) -> Path:
    """A bureau file of one department whose 1.1 narrative is 50,000 characters."""
    from selfassess.bureau import create_bureau, merge_files
    from selfassess.checklist import load_builtin
    from selfassess.store import AssessmentFile, ChangeSet

    checklist = load_builtin("ideology-responsibility")
    path = folder / "long.selfassess"
    paragraph = "全年按要求开展意识形态工作，召开专题会议研究部署，记录齐全，整改到位。" * 3
    narrative = "\n".join([paragraph[:99]] * 500)[:50000]
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026") as af:
        af.apply(ChangeSet(
            answers={i.code: {"self_score": i.max_points,
                              "narrative": narrative if i.code == "1.1" else "按要求开展。"}
                     for i in checklist.items},
            veto={v.code: {"triggered": False} for v in checklist.veto_items}))
        af.seal()
    bureau = folder / "long-bureau.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", ["办公室"]).close()
    merge_files(bureau, [path])
    return bureau


def run(mode: str, bureau: Path) -> tuple[float, float, int, int] | str:
    """(seconds, peak MB, bytes, pages), or the last line of the error when it failed."""
    result = subprocess.run([sys.executable, "-c", CHILD, mode, str(bureau)], check=False,
                            capture_output=True, text=True)
    if result.returncode:
        return result.stderr.strip().splitlines()[-1]
    out = result.stdout.split()
    return float(out[0]), float(out[1]), int(out[2]), int(out[3])


def compare(label: str, bureau: Path, times: int) -> None:
    ours, bare = [], []
    for _ in range(times):
        mine, theirs = run("ours", bureau), run("bare", bureau)
        if isinstance(mine, str):
            raise SystemExit(mine)
        ours.append(mine)
        if isinstance(theirs, str):
            print(f"| {label}, ours | {mine[0]:.2f} s, {mine[3]} pages, peak memory "
                  f"{mine[1]:.0f} MB |")
            print(f"| the same table by a bare reportlab script | fails: {theirs[:150]} |")
            return
        bare.append(theirs)
    ours_s = statistics.median(r[0] for r in ours)
    bare_s = statistics.median(r[0] for r in bare)
    ours_page = ours_s / ours[0][3] * 1000
    bare_page = bare_s / bare[0][3] * 1000
    print(f"| {label}, ours (runs: {', '.join(f'{r[0]:.2f}' for r in ours)} s; {ours[0][3]} "
          f"pages, {ours[0][2] // 1024} KB) | median {ours_s:.2f} s = {ours_page:.1f} ms a page, "
          f"peak memory {max(r[1] for r in ours):.0f} MB |")
    print(f"| the same tables by a bare reportlab script (runs: "
          f"{', '.join(f'{r[0]:.2f}' for r in bare)} s; {bare[0][3]} pages) | median "
          f"{bare_s:.2f} s = {bare_page:.1f} ms a page, peak memory "
          f"{max(r[1] for r in bare):.0f} MB |")
    print(f"| per page, ours ÷ bare | {ours_page / bare_page:.2f}× |")


def main() -> None:
    global DEPARTMENTS
    sizes = [int(a) for a in sys.argv[1:]] if sys.argv[1:] else [100, 1000]  # 0: none
    print(f"### {date.today().isoformat()} — {machine()}\n")
    print("| benchmark | result |")
    print("|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SELFASSESS_HOME"] = str(Path(tmp) / "home")
        for size in [size for size in sizes if size]:
            DEPARTMENTS = size
            folder = Path(tmp) / str(size)
            folder.mkdir()
            compare(f"bureau report of {size} departments", build_bureau(folder),
                    3 if size <= 100 else 1)
        compare("one department, a 50,000-character narrative in 500 paragraphs",
                build_long(Path(tmp)), 1)


if __name__ == "__main__":
    main()
