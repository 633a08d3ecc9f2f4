"""Everything a report prints, gathered from an open file once; renderers never see a database.

The departments are the read model's (``standing``): read and scored once, so the PDF, the
Word draft and the workbook print the same totals, ranks and statistics as ``summary --json``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from selfassess.checkcode import Stamp
from selfassess.checklist.model import Checklist
from selfassess.comparison import period_title
from selfassess.evidence_review import CatalogueLine, review_evidence
from selfassess.stamps import bureau_stamp, department_stamp
from selfassess.standing import (
    DepartmentStanding,
    QuotaCheck,
    RosterLine,
    Statistics,
    missing_names,
    read_standing,
)
from selfassess.store import AssessmentFile, merge_log
from selfassess.store.history import HistoryYear
from selfassess.store.ledger import deadline_date
from selfassess.store.merge_log import MergeLogRow
from selfassess.store.records import DepartmentData, FileInfo


@dataclass
class ReportData:
    """A file's content, ready to print."""

    checklist: Checklist
    info: FileInfo
    departments: list[DepartmentStanding]  # in listing order: by rank, vetoed last
    statistics: Statistics
    roster: tuple[RosterLine, ...] = ()  # a bureau's expected departments
    refused: list[MergeLogRow] = field(default_factory=list)  # the last merge run's refusals
    printed_on: str = ""
    printed_day: date | None = None  # the same day (what is overdue is judged on it)
    history: tuple[HistoryYear, ...] = ()  # earlier years kept for 年度对比, oldest first
    stamp: Stamp | None = None  # what every printed page's 核对码 binds it to
    quotas: tuple[QuotaCheck, ...] = ()  # 等次比例, checked
    evidence: tuple[CatalogueLine, ...] = ()  # 佐证材料目录, each document with its flags
    ledger_stamp: Stamp | None = None  # the same for its 整改台账, which changes after sealing

    @property
    def bureau(self) -> bool:
        """True for a bureau file."""
        return self.info.kind == "bureau"

    @property
    def received(self) -> int:
        """Roster entries whose file was received."""
        return sum(1 for line in self.roster if line.received)

    @property
    def missing(self) -> list[str]:
        """Roster names with no file received (未报)."""
        return missing_names(self.roster)

    def content_dates(self) -> list[str]:
        """Every time the content carries (created, merged, answered, attached): the latest
        dates the Word and Excel packages, so the same content gives the same bytes."""
        return [moment for d in self.departments for moment in department_dates(d.data)]

    def period_title(self) -> str:
        """``2026年度`` from the period ``2026`` (kept as is when it already says 年度 or 年)."""
        return period_title(self.info.period)


def department_dates(data: DepartmentData) -> list[str]:
    """The times one department's content carries."""
    return [data.department.created_at, data.department.merged_at,
            *(a.updated_at for a in data.answers.values()), *(e.added_at for e in data.evidence)]


def date_words(text: str) -> str:
    """2027-06-30 (or 2027.6.30, 2027/6/30…) → 2027年6月30日, as printed dates are written
    (other wording, such as "长期坚持", kept as written)."""
    day = deadline_date(text)
    return f"{day.year}年{day.month}月{day.day}日" if day else text


def printing_day() -> date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` when that is set (reproducible output)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.fromtimestamp(int(epoch), UTC).date() if epoch.isdigit() else date.today()


def collect(af: AssessmentFile, department_id: str | None = None,
            today: date | None = None) -> ReportData:
    """Gather a file's report data (all departments, or one)."""
    standing = read_standing(af)  # read and scored once
    departments = [d for d in standing.departments
                   if department_id is None or d.id == department_id]
    refused = []
    if af.info.kind == "bureau":
        refused = [row for row in merge_log.rows(af, last_run_only=True)
                   if row.outcome in ("refused", "conflict")]
    when = today or printing_day()
    ledger_stamp = stamp = None
    if af.info.kind == "bureau" and department_id is None:
        ledger_stamp = stamp = bureau_stamp(af, standing)
    elif departments:
        stamp = department_stamp(af, departments[0])
        ledger_stamp = department_stamp(af, departments[0], ledger=True)
    return ReportData(af.checklist, af.info, departments, standing.statistics, standing.roster,
                      refused, f"{when.year}年{when.month}月{when.day}日", when,
                      standing.history, stamp, standing.quotas,
                      tuple(line for line in review_evidence(af, standing)
                            if department_id is None or line.department_id == department_id),
                      ledger_stamp)
