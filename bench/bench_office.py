"""Excel and Word benchmark (run by hand): ``python bench/bench_office.py``.

On the same 100-department bureau file as ``bench_report.py``: the Word draft of the bureau
report, and for one department the Excel form out and back in (read + checks + store), and the
checklist template out and back in. Three runs each in this process; medians, and the process's
peak resident memory at the end.
"""

from __future__ import annotations

import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bench_report import DEPARTMENTS, build_bureau
from bench_store import machine


def timed(job: Callable[[], object], runs: int = 3) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    from selfassess import i18n

    i18n.setup("zh_CN")
    from selfassess.checklist import load_builtin
    from selfassess.office.checklist_xlsx import read_checklist_workbook, write_checklist_workbook
    from selfassess.office.form_xlsx import import_form, write_form
    from selfassess.office.report_docx import write_report_docx
    from selfassess.report import collect
    from selfassess.store import AssessmentFile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["SELFASSESS_HOME"] = str(folder / "home")
        bureau = build_bureau(folder)
        department = folder / "第000处.selfassess"
        with AssessmentFile.open(department) as af:
            af.reopen()

        def docx() -> None:
            with AssessmentFile.open(bureau, readonly=True) as af:
                write_report_docx(collect(af), folder / "report.docx")

        def form_out() -> None:
            with AssessmentFile.open(department, readonly=True) as af:
                write_form(af, folder / "form.xlsx")

        def form_in() -> None:
            with AssessmentFile.open(department) as af:
                import_form(folder / "form.xlsx", af)

        checklist = load_builtin("ideology-responsibility")

        def template() -> None:
            write_checklist_workbook(checklist, folder / "t.xlsx")
            assert read_checklist_workbook(folder / "t.xlsx").fingerprint == checklist.fingerprint

        results = {
            f"Word draft of the bureau report, {DEPARTMENTS} departments": timed(docx),
            "Excel form of one department, export": timed(form_out),
            "Excel form of one department, import (read, check, store)": timed(form_in),
            "checklist template, export and import": timed(template),
        }
        size = (folder / "report.docx").stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"### {date.today().isoformat()} — {machine()}\n")
    print("| benchmark | runs (s) | median |")
    print("|---|---|---|")
    for name, times in results.items():
        print(f"| {name} | {', '.join(f'{t:.2f}' for t in times)} | "
              f"{statistics.median(times):.2f} s |")
    print(f"\nWord draft {size // 1024} KB; peak memory of the whole run {peak:.0f} MB.")


if __name__ == "__main__":
    main()
