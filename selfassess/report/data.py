"""Everything a report prints, gathered from an open file once; renderers never see a database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from selfassess.checklist.model import Checklist
from selfassess.scoring import Result
from selfassess.standing import Statistics, read_standing
from selfassess.store import AssessmentFile, merge_log
from selfassess.store.records import DepartmentData, FileInfo
from selfassess.summary import file_summary


@dataclass
class DepartmentReport:
    """One department: its data, its summary entry, and both totals."""

    data: DepartmentData
    summary: dict[str, Any]
    own: Result
    final: Result
    rank: int | None = None  # None: vetoed (listed last)

    @property
    def to_redo(self) -> int:
        """Reviews to redo after a newer revision replaced the one reviewed."""
        return int(self.summary["review"]["to_redo"])

    @property
    def name(self) -> str:
        """The department's name."""
        return self.data.department.name

    @property
    def reviewed(self) -> bool:
        """True when any review was entered for it."""
        return any(a.review_score is not None for a in self.data.answers.values()) or any(
            b.review_points is not None for b in self.data.bonus.values()) or any(
            v.review_triggered is not None for v in self.data.veto.values())


@dataclass
class ReportData:
    """A file's content, ready to print."""

    checklist: Checklist
    info: FileInfo
    summary: dict[str, Any]
    departments: list[DepartmentReport]  # in listing order: by rank, vetoed last
    statistics: Statistics
    refused: list[dict[str, Any]] = field(default_factory=list)
    printed_on: str = ""

    @property
    def bureau(self) -> bool:
        """True for a bureau file."""
        return self.info.kind == "bureau"

    def period_title(self) -> str:
        """``2026年度`` from the period ``2026`` (kept as is when it already says 年度 or 年)."""
        period = self.info.period.strip()
        return period if period.endswith(("年度", "年")) or not period else f"{period}年度"


def collect(af: AssessmentFile, department_id: str | None = None,
            today: date | None = None) -> ReportData:
    """Gather a file's report data (all departments, or one)."""
    standing = read_standing(af)  # read and scored once; the summary is made from it
    summary = file_summary(af, standing)
    entries = {entry["id"]: entry for entry in summary["departments"]}
    departments = [DepartmentReport(d.data, entries[d.data.department.id], d.own, d.final,
                                    d.rank)
                   for d in standing.departments
                   if department_id is None or d.data.department.id == department_id]
    refused = []
    if af.info.kind == "bureau":
        refused = [{"file": row.file_name, "outcome": row.outcome, "reason": row.reason}
                   for row in merge_log.rows(af, last_run_only=True)
                   if row.outcome in ("refused", "conflict")]
    when = today or date.today()
    return ReportData(af.checklist, af.info, summary, departments, standing.statistics, refused,
                      f"{when.year}年{when.month}月{when.day}日")
