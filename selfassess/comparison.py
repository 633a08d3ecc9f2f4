"""年度对比 as every output shows it: the report's part 8, the statistics tab and
``summary --json`` read it from the read model (``standing``) and the earlier years the bureau
keeps (``store.history``), so they never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from selfassess.checklist.model import Checklist
from selfassess.i18n import _
from selfassess.numbers import decimal_text, round_cents
from selfassess.record import record
from selfassess.standing import DepartmentStanding
from selfassess.store.history import HistoryYear


@record
class YearRow:
    """One department over the years: (total, grade) per earlier year kept, then this year's;
    None where it was not assessed; the change on the last earlier year."""

    name: str
    results: tuple[tuple[Decimal, str] | None, ...]
    change: Decimal | None


@record
class LostItem:
    """An item a department lost points on in every year: (period, score, maximum) each."""

    department: str
    code: str
    title: str
    scores: tuple[tuple[str, Decimal | None, Decimal], ...]


@record
class YearMeasures:
    """How far one earlier year's measures got."""

    period: str
    total: int
    done: int  # done or closed
    rate: Decimal | None  # percent, two decimals, half up; None when there were none


@record
class YearOnYear:
    """The whole comparison."""

    periods: tuple[str, ...]  # the earlier years, oldest first, then this one
    rows: tuple[YearRow, ...]  # in the departments' listing order
    means: tuple[Decimal | None, ...]  # per period
    mean_change: Decimal | None
    lost: tuple[LostItem, ...]
    measures: tuple[YearMeasures, ...]


def lost_every_year(checklist: Checklist, department: DepartmentStanding) -> list[str]:
    """Items this department lost points on this year and in every earlier year it was
    assessed on them (at least one earlier year; an item N/A in any year does not count)."""
    if not department.earlier:
        return []
    found = []
    for item in checklist.items:
        now = department.final.items.get(item.code)
        if now is None or now >= item.max_points:
            continue
        before = [(result.items.get(item.code, None), result.max_points.get(item.code))
                  for result in department.earlier if item.code in result.items]
        if before and all(score is not None and maximum is not None and score < maximum
                          for score, maximum in before):
            found.append(item.code)
    return found


def completion_rate(year: HistoryYear) -> Decimal | None:
    """Share of that year's measures done or closed, in percent (two decimals, half up);
    None when it had none."""
    total = sum(result.measures for result in year.departments)
    done = sum(result.measures_done for result in year.departments)
    return round_cents(Decimal(100 * done) / total) if total else None


def year_mean(year: HistoryYear) -> Decimal | None:
    """That year's mean final total (two decimals, half up)."""
    totals = [result.total for result in year.departments]
    return round_cents(sum(totals, Decimal(0)) / len(totals)) if totals else None


def year_on_year(checklist: Checklist, period: str,
                 departments: Sequence[DepartmentStanding], history: Sequence[HistoryYear],
                 mean: Decimal | None) -> YearOnYear | None:
    """The comparison of this year (``period``, its departments and their ``mean``) with the
    earlier years kept; None when none is kept."""
    if not history:
        return None
    rows = []
    lost = []
    for department in departments:
        by_period = {result.period: result for result in department.earlier}
        results: list[tuple[Decimal, str] | None] = [
            (found.total, found.grade) if (found := by_period.get(year.period)) else None
            for year in history]
        results.append((department.final.total, department.final.grade))
        last = by_period.get(history[-1].period)
        rows.append(YearRow(department.name, tuple(results),
                            None if last is None else department.final.total - last.total))
        for code in lost_every_year(checklist, department):
            item = checklist.items_by_code[code]
            scores = [(result.period, result.items.get(code), result.max_points[code])
                      for result in department.earlier if code in result.items]
            scores.append((period, department.final.items.get(code), item.max_points))
            lost.append(LostItem(department.name, code, item.title, tuple(scores)))
    means = [year_mean(year) for year in history]
    return YearOnYear(
        (*(year.period for year in history), period), tuple(rows), (*means, mean),
        None if mean is None or means[-1] is None else mean - means[-1], tuple(lost),
        tuple(YearMeasures(year.period, sum(r.measures for r in year.departments),
                           sum(r.measures_done for r in year.departments),
                           completion_rate(year)) for year in history))


# --- as printed and shown -------------------------------------------------------------------

def period_title(period: str) -> str:
    """``2026年度`` from ``2026``; a period that already says 年度 or 年 is kept as it is."""
    period = period.strip()
    return period if period.endswith(("年度", "年")) or not period else f"{period}年度"


def signed(value: Decimal | None) -> str:
    """A change as printed: +2, -1.5, 0; — for none."""
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + decimal_text(value)


def result_text(found: tuple[Decimal, str] | None) -> str:
    """``99（好）``, or — for a year the department was not assessed."""
    return "—" if found is None else _("{total} ({grade})").format(
        total=decimal_text(found[0]), grade=found[1])


def totals_table(comparison: YearOnYear) -> tuple[list[str], list[list[str]]]:
    """The per-department trend as the report and the 统计 tab show it: header and rows
    (each department's totals by year and the change, then the average)."""
    header = [_("Department"), *(period_title(p) for p in comparison.periods),
              _("Change on last year")]
    rows = [[row.name, *(result_text(found) for found in row.results), signed(row.change)]
            for row in comparison.rows]
    rows.append([_("Average"), *("—" if mean is None else decimal_text(mean)
                                 for mean in comparison.means),
                 signed(comparison.mean_change)])
    return header, rows


def scores_text(entry: LostItem) -> str:
    """``2025年度3分（满分5分）；2026年度4分（满分5分）``."""
    return "；".join(_("{period} {score} of {maximum}").format(
        period=period_title(period), score="—" if score is None else decimal_text(score),
        maximum=decimal_text(maximum)) for period, score, maximum in entry.scores)


def measures_text(year: YearMeasures) -> str:
    """``2025年度整改措施共4项，已完成或已销号1项，完成率25%。``"""
    if year.rate is None:
        return _("{period}: no measures were listed.").format(period=period_title(year.period))
    return _("{period}: {total} measures, {done} done or closed, completion rate {rate}%.").format(
        period=period_title(year.period), total=year.total, done=year.done,
        rate=decimal_text(year.rate))
