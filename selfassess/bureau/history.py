"""``history add``: an earlier year's bureau file taken into this year's, for 年度对比.

The earlier file is opened read-only and checked like a received file (the whole file when this
machine did not write it last, and every department's seal in any case); what the comparison
needs is read through the same read model as every output (``standing``) and kept in the
bureau file (``store.history``), all of it or nothing.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from selfassess.bureau.roster import require_bureau
from selfassess.checklist.model import Checklist
from selfassess.errors import InputRefused
from selfassess.i18n import _
from selfassess.numbers import round_cents
from selfassess.standing import read_standing
from selfassess.store import AssessmentFile
from selfassess.store.editing import now_text
from selfassess.store.history import (
    EarlierResult,
    HistoryYear,
    period_key,
    period_year,
    write_year,
)
from selfassess.store.verify import seal_problem
from selfassess.validation import MAX_NAME, same_name, text_problem


def code_map(current: Checklist, earlier: Checklist) -> dict[str, tuple[str, ...]]:
    """Each earlier item code → this year's codes it counts under: the same checklist keeps
    its codes; one this year's checklist names as ``previous:`` follows its map; otherwise an
    item is compared where its code still exists."""
    known = {item.code for item in current.items}
    previous = current.previous
    follows = (previous is not None and earlier.fingerprint != current.fingerprint
               and (previous.id, previous.version) == (earlier.id, earlier.version))
    mapped = {}
    for item in earlier.items:
        targets = previous.targets(item.code) if follows and previous else None
        codes = targets if targets is not None else (item.code,)
        mapped[item.code] = tuple(code for code in codes if code in known)
    return mapped


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def earlier_year(bureau: AssessmentFile, earlier: AssessmentFile, by: str
                 ) -> tuple[HistoryYear, list[str]]:
    """What is kept of ``earlier``, and the departments left out (drafts that year); refuses
    what cannot be compared."""
    if earlier.info.kind != "bureau":
        raise InputRefused(_("{name} is a department file; history takes an earlier year's "
                             "bureau file").format(name=earlier.path.name))
    mine, theirs = bureau.info.period.strip(), earlier.info.period.strip()
    for path, period in ((bureau.path, mine), (earlier.path, theirs)):
        if period_year(period) is None:
            raise InputRefused(_("{name}: the period “{period}” names no year in digits, so it "
                                 "cannot be compared by year").format(name=path.name,
                                                                      period=period))
    if period_year(theirs) == period_year(mine):
        raise InputRefused(_("{name} is of the same period ({period}) as {bureau}; history "
                             "takes earlier years").format(
            name=earlier.path.name, period=theirs, bureau=bureau.path.name))
    if period_key(theirs) > period_key(mine):
        raise InputRefused(_("{name} is of a later period ({theirs}) than {bureau} ({mine}); "
                             "history takes earlier years").format(
            name=earlier.path.name, theirs=theirs, bureau=bureau.path.name, mine=mine))
    if same_name(earlier.info.bureau_name) != same_name(bureau.info.bureau_name):
        raise InputRefused(_("{name} is the bureau file of {theirs}, not of {mine}").format(
            name=earlier.path.name, theirs=earlier.info.bureau_name or "—",
            mine=bureau.info.bureau_name or "—"))
    standing = read_standing(earlier)
    codes = code_map(bureau.checklist, earlier.checklist)
    maxima = {item.code: item.max_points for item in bureau.checklist.items}
    results = []
    for department in standing.departments:
        if not department.sealed:
            continue  # a draft that year: no result to compare with
        if problem := seal_problem(earlier, department.data):
            raise InputRefused(f"{earlier.path.name}: {department.name}: {problem}")
        # this year's item ← the earlier items it carries on: their scores and maxima add up
        # (items merged into one), and a split item counts in each of its halves; the score is
        # then put on this year's maximum, as a share of the points (N/A ones left out)
        parts: dict[str, list[tuple[Decimal, Decimal]]] = {}
        for item in earlier.checklist.items:
            score = department.final.items.get(item.code)
            for code in codes.get(item.code, ()):
                parts.setdefault(code, [])
                if score is not None:
                    parts[code].append((score, item.max_points))
        items: dict[str, Decimal | None] = {}
        for code, found in parts.items():
            possible = sum((maximum for _score, maximum in found), Decimal(0))
            items[code] = round_cents(sum((score for score, _maximum in found), Decimal(0))
                                      * maxima[code] / possible) if found and possible else None
        done = sum(1 for m in department.data.measures
                   if (entry := department.ledger.get(m.number or 0)) is not None
                   and entry.status in ("done", "closed"))
        results.append(EarlierResult(
            standing.info.period, department.id, department.name, department.own.total,
            department.final.total, department.final.grade, department.rank,
            len(department.data.measures), done, items, {code: maxima[code] for code in items},
            frozenset(ref.sha256 for ref in department.data.evidence)))
    drafts = [d.name for d in standing.departments if not d.sealed]
    if not results:
        raise InputRefused(_("{name} holds no sealed department to compare with").format(
            name=earlier.path.name))
    return HistoryYear(theirs, earlier.info.bureau_name, earlier.checklist.id,
                       earlier.checklist.version, file_sha256(earlier.path), now_text(), by,
                       tuple(results)), drafts


def add_history(bureau_path: Path, earlier_path: Path, by: str = "") -> str:
    """Take ``earlier_path`` into the bureau's history; returns the line to show."""
    if problem := text_problem(by, MAX_NAME, single_line=True):
        raise InputRefused(_("the name of who adds it {problem}").format(problem=problem))
    if bureau_path.resolve() == earlier_path.resolve():
        raise InputRefused(_("{name} cannot be its own history").format(name=bureau_path.name))
    with AssessmentFile.open(bureau_path) as bureau:
        require_bureau(bureau)
        with AssessmentFile.open(earlier_path, readonly=True) as earlier:
            year, drafts = earlier_year(bureau, earlier, by)
        with bureau.transaction():
            replaced = write_year(bureau, year)
            bureau.record("history-add", at=year.added_at, actor=by, target=year.period,
                          new=f"{earlier_path.name} {year.source_sha256[:16]}")
    line = _("{period} ({bureau}): {count} department(s) kept for the year-on-year comparison")
    if replaced:
        line = _("{period} ({bureau}): replaced, {count} department(s) kept for the year-on-year "
                 "comparison")
    line = line.format(period=year.period, bureau=year.bureau_name, count=len(year.departments))
    if drafts:
        line += _("; left out as drafts that year: {names}").format(names="、".join(drafts))
    return line

