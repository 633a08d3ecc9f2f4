"""年度对比: earlier years kept in a bureau file (``history add``).

What is kept of an earlier year's bureau file is what the comparison needs, as verified when it
was added: per department its totals, grade and rank, its final score per item (under this
year's item codes, following the checklist's ``previous:`` map) and how many of its measures
were done or closed. One row set per period; adding a period again replaces it (the earlier
bureau file is often added again after its last 整改进展 came in).

Every value is checked on read, like the rest of the file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import field
from decimal import Decimal
from typing import TYPE_CHECKING

from selfassess.errors import FileFormatError
from selfassess.i18n import _
from selfassess.numbers import decimal_text, parse_decimal
from selfassess.record import record
from selfassess.store.database import connection
from selfassess.store.reading import damaged
from selfassess.validation import MAX_NAME, text_problem, time_problem

if TYPE_CHECKING:
    from selfassess.store.assessment import AssessmentFile


@record
class EarlierResult:
    """One department in an earlier year."""

    period: str
    department_id: str
    name: str
    own_total: Decimal
    total: Decimal  # after review
    grade: str
    rank: int | None  # None: vetoed
    measures: int  # its 整改措施 that year
    measures_done: int  # of them, done or closed (已完成, 已销号) when the year was added
    items: Mapping[str, Decimal | None] = field(default_factory=dict)  # final score; None: N/A
    max_points: Mapping[str, Decimal] = field(default_factory=dict)
    documents: frozenset[str] = frozenset()  # SHA-256 of each document it attached


@record
class HistoryYear:
    """An earlier year's bureau file, as kept."""

    period: str
    bureau_name: str
    checklist_id: str
    checklist_version: str
    source_sha256: str  # of the file added, to tell which copy it was
    added_at: str
    added_by: str
    departments: tuple[EarlierResult, ...] = ()


def read_history(af: AssessmentFile) -> tuple[HistoryYear, ...]:
    """Every earlier year, oldest first, every value checked."""
    db = connection(af)
    problems: list[str] = []
    where = f"{af.path.name}: " + _("history") + ": "

    def text(value: object, limit: int = MAX_NAME) -> str:
        if problem := text_problem(value, limit, single_line=True):
            problems.append(where + problem)
        return str(value)

    def number(value: object, optional: bool = False) -> Decimal | None:
        found = parse_decimal(value) if isinstance(value, str) else None
        if found is None and not (optional and value is None):
            problems.append(where + _("“{value}” is not a number").format(value=str(value)[:20]))
        return found

    def count(value: object) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 1_000_000:
            problems.append(where + _("“{value}” is not a number").format(value=str(value)[:20]))
            return 0
        return value

    items: dict[tuple[str, str], dict[str, Decimal | None]] = {}
    maxima: dict[tuple[str, str], dict[str, Decimal]] = {}
    for period, department_id, code, score, max_points in db.execute(
            "SELECT period, department_id, item_code, score, max_points FROM history_items "
            "ORDER BY rowid"):
        key = (text(period), text(department_id))
        items.setdefault(key, {})[text(code)] = number(score, optional=True)
        maxima.setdefault(key, {})[str(code)] = number(max_points) or Decimal(0)
    documents: dict[tuple[str, str], set[str]] = {}
    for period, department_id, sha256 in db.execute(
            "SELECT period, department_id, sha256 FROM history_documents"):
        if not isinstance(sha256, str) or not re.fullmatch(r"[0-9a-f]{64}", sha256):
            problems.append(where + _("a document's hash is not a SHA-256"))
            continue
        documents.setdefault((str(period), str(department_id)), set()).add(sha256)
    results: dict[str, list[EarlierResult]] = {}
    for row in db.execute(
            "SELECT period, department_id, name, own_total, final_total, grade, rank, measures, "
            "measures_done FROM history_departments ORDER BY rowid"):
        period, department_id, name, own, final, grade, rank, measures, done = row
        if rank is not None and (not isinstance(rank, int) or rank < 1):
            problems.append(where + _("“{value}” is not a number").format(value=str(rank)[:20]))
        key = (text(period), text(department_id))
        results.setdefault(key[0], []).append(EarlierResult(
            key[0], key[1], text(name), number(own) or Decimal(0), number(final) or Decimal(0),
            text(grade), rank if isinstance(rank, int) else None, count(measures), count(done),
            items.get(key, {}), maxima.get(key, {}), frozenset(documents.get(key, ()))))
    years = []
    for period, bureau, checklist_id, version, sha256, added_at, added_by in db.execute(
            "SELECT period, bureau_name, checklist_id, checklist_version, source_sha256, "
            "added_at, added_by FROM history_years"):
        if problem := time_problem(added_at):
            problems.append(where + problem)
        years.append(HistoryYear(text(period), text(bureau), text(checklist_id), text(version),
                                 text(sha256), str(added_at), text(added_by),
                                 tuple(results.get(str(period), ()))))
    if problems:
        raise FileFormatError(damaged(af.path.name, problems))
    return tuple(sorted(years, key=lambda year: period_key(year.period)))


def period_year(period: str) -> int | None:
    """The year a period is of: ``2025``, ``2025年度``, ``２０２５`` and ``2025年1-6月`` are all
    2025; None when it names no year in digits."""
    match = re.search(r"(?<![0-9])([0-9]{4})(?![0-9])", unicodedata.normalize("NFKC", period),
                      re.ASCII)
    return int(match[1]) if match else None


def period_key(period: str) -> tuple[int, str]:
    """Periods in time order: by their year, then as written."""
    return (period_year(period) or 0, period)


def write_year(af: AssessmentFile, year: HistoryYear) -> bool:
    """Store one earlier year, replacing the same period; True when it replaced one. Inside
    the caller's transaction."""
    db = connection(af)
    # the same year written another way (2025, 2025年度) is the same year
    same = [period for (period,) in db.execute("SELECT period FROM history_years")
            if period == year.period or period_year(str(period)) == period_year(year.period)]
    for period in same:
        for table in ("history_documents", "history_items", "history_departments",
                      "history_years"):
            db.execute(f"DELETE FROM {table} WHERE period = ?", [period])
    replaced = bool(same)
    db.insert("history_years", {
        "period": year.period, "bureau_name": year.bureau_name,
        "checklist_id": year.checklist_id, "checklist_version": year.checklist_version,
        "source_sha256": year.source_sha256, "added_at": year.added_at,
        "added_by": year.added_by})
    for result in year.departments:
        db.insert("history_departments", {
            "period": year.period, "department_id": result.department_id, "name": result.name,
            "own_total": decimal_text(result.own_total), "final_total": decimal_text(result.total),
            "grade": result.grade, "rank": result.rank, "measures": result.measures,
            "measures_done": result.measures_done})
        for sha256 in sorted(result.documents):
            db.insert("history_documents", {"period": year.period,
                                            "department_id": result.department_id,
                                            "sha256": sha256})
        for code, score in result.items.items():
            db.insert("history_items", {
                "period": year.period, "department_id": result.department_id,
                "item_code": code, "score": None if score is None else decimal_text(score),
                "max_points": decimal_text(result.max_points[code])})
    return replaced
