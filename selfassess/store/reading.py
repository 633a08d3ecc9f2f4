"""Reading a department's data out of a file, validating every value against the checklist.

A file may come from another machine, so nothing read here is trusted: each stored value is
type-checked, range- and step-checked, and its codes looked up in the embedded checklist.
All problems are collected and raised together as one ``FileFormatError``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from selfassess.checklist.model import Checklist, Item
from selfassess.errors import FileFormatError
from selfassess.i18n import _
from selfassess.numbers import decimal_text, parse_decimal
from selfassess.scoring import Aid, bonus_problem, score_problem
from selfassess.store.connection import Database
from selfassess.store.records import (
    Answer,
    BonusClaim,
    Department,
    DepartmentData,
    EvidenceRef,
    Measure,
    Shortcoming,
    VetoDeclaration,
)

if TYPE_CHECKING:
    from selfassess.store.changes import ChangeSet

from selfassess.validation import (
    EARLIEST_YEAR,
    MAX_AID_COUNT,
    MAX_EVIDENCE_BYTES,
    MAX_LONG_TEXT,
    MAX_NAME,
    MAX_SHORT_TEXT,
    file_name_problem,
    plain_text,
    plain_texts,
    text_problem,
    time_problem,
)

SHA256_PATTERN = re.compile(r"^[0-9a-f]{64}$")
UUID_PATTERN = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


# canonical stored text → its Decimal, for texts already found valid (Decimal is immutable)
_STORED_NUMBERS: dict[str, Decimal] = {}


class _Problems:
    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.lines: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.lines.append(f"{self.file_name}: {where}: {message}")

    def text(self, where: str, value: Any, limit: int) -> str:
        if plain_text(value, limit):
            return str(value)
        problem = text_problem(value, limit)
        if problem:
            self.add(where, problem)
            return ""
        return str(value)

    def time(self, where: str, value: Any, optional: bool = False) -> str:
        problem = time_problem(value, optional)
        if problem:
            self.add(where, problem)
            return ""
        return str(value)

    def flag(self, where: str, value: Any, nullable: bool = False) -> bool | None:
        if value is None and nullable:
            return None
        if value not in (0, 1) or isinstance(value, float):
            self.add(where, _("must be 0 or 1"))
            return None if nullable else False
        return bool(value)

    def name(self, where: str, value: Any) -> str:
        problem = text_problem(value, MAX_NAME, single_line=True)
        if problem:
            self.add(where, problem)
            return ""
        return str(value)

    def decimal(self, where: str, value: Any) -> Decimal | None:
        """A stored score: canonical decimal TEXT as selfassess writes it (so "-0", "2.50",
        "NaN" or a REAL are signs of a file written by something else)."""
        if value is None:
            return None
        if isinstance(value, str) and (known := _STORED_NUMBERS.get(value)) is not None:
            return known
        number = parse_decimal(value) if isinstance(value, str) else None
        if number is None or decimal_text(number) != value:
            self.add(where, _("“{value}” is not a stored number").format(value=str(value)[:40]))
            return None
        if len(_STORED_NUMBERS) < 1000:  # scores repeat: a few dozen values fill a bureau
            _STORED_NUMBERS[value] = number
        return number

    def raise_if_any(self) -> None:
        """One line: the first problem and how many more (a damaged or forged file can hold
        thousands; the person needs to know that it is refused, and the first reason)."""
        if self.lines:
            raise FileFormatError(damaged(self.file_name, self.lines))


def damaged(file_name: str, problems: list[str]) -> str:
    """``x.selfassess: the file holds invalid data: <first> (and N more)``."""
    first = problems[0].removeprefix(f"{file_name}: ")
    line = f"{file_name}: " + _("the file holds invalid data: {problem}").format(problem=first)
    if len(problems) > 1:
        line += " " + _("(and {count} more)").format(count=len(problems) - 1)
    return line


def read_departments(db: Database, file_name: str, department_id: str | None = None
                     ) -> list[Department]:
    """All departments in the file (or the one with ``department_id``), validated."""
    problems = _Problems(file_name)
    departments = []
    sql = ("SELECT id, name, filled_by, revision, sealed, created_at, digest, source_file, "
           "merged_at FROM departments")
    params: list[str] = []
    if department_id is not None:
        sql += " WHERE id = ?"
        params.append(department_id)
    for row in db.execute(sql + " ORDER BY rowid", params):
        dept_id, name, filled_by, revision, sealed, created_at, digest, source, merged_at = row
        where = _("department {id}").format(id=str(dept_id)[:40])
        if not isinstance(dept_id, str) or not UUID_PATTERN.match(dept_id):
            problems.add(where, _("the department id is not a UUID"))
        name = problems.name(where, name)
        if not name.strip():
            problems.add(where, _("the department name is empty"))
        if not isinstance(revision, int) or isinstance(revision, bool) or revision < 0:
            problems.add(where, _("the revision is not a whole number"))
            revision = 0
        if digest is not None and (not isinstance(digest, str) or not SHA256_PATTERN.match(digest)):
            problems.add(where, _("the content hash is not valid"))
            digest = None
        departments.append(Department(
            id=str(dept_id), name=name, filled_by=problems.name(where, filled_by),
            revision=revision, sealed=bool(problems.flag(where, sealed)),
            created_at=problems.time(where, created_at), digest=digest,
            source_file=problems.text(where, source, MAX_SHORT_TEXT),
            merged_at=problems.time(where, merged_at, optional=True)))
    problems.raise_if_any()
    return departments


# (maximum, step, score) found acceptable: a bureau's 2,900 scores are a few dozen of these
_ACCEPTED_SCORES: set[tuple[Decimal, Decimal, Decimal]] = set()


def _score_problem(item: Item, value: Decimal) -> str | None:
    key = (item.max_points, item.step, value)
    if key in _ACCEPTED_SCORES:
        return None
    problem = score_problem(item, value)
    if problem is None and len(_ACCEPTED_SCORES) < 1000:
        _ACCEPTED_SCORES.add(key)
    return problem


def _aid(problems: _Problems, where: str, raw: Any) -> Aid:
    if raw == "{}":  # no aid used: most answers
        return _NO_AID
    try:
        data = json.loads(raw) if isinstance(raw, str) and len(raw) < 100_000 else None
    except (ValueError, RecursionError):  # not JSON, or nested past Python's stack
        data = None
    if not isinstance(data, dict):
        problems.add(where, _("the scoring aid is not valid"))
        return Aid()

    def counts(key: str) -> dict[str, int]:
        value = data.get(key, {})
        if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
                and 0 <= v <= MAX_AID_COUNT for k, v in value.items()):
            problems.add(where, _("the scoring aid is not valid"))
            return {}
        return value

    level = data.get("level")
    met = data.get("met")
    if (level is not None and not isinstance(level, str)) or (
            met is not None and not isinstance(met, bool)):
        problems.add(where, _("the scoring aid is not valid"))
        level, met = None, None
    return Aid(counts("occurrences"), counts("counts"), level, met)


# each reader's query: its columns, table and order within a department
_QUERIES = {
    "answers": ("item_code, self_score, narrative, deduction_reason, not_applicable, na_reason, "
                "aid, review_score, review_reason, updated_at, review_flag, previous_review",
                "answers", "item_code"),
    "bonus": ("code, points, narrative, review_points, review_reason, review_flag, "
              "previous_review", "bonus_claims", "code"),
    "veto": ("code, triggered, explanation, review_triggered, review_reason, review_flag, "
             "previous_review", "veto_declarations", "code"),
    "shortcomings": ("category, text, item_code", "shortcomings", "position"),
    "measures": ("text, owner, deadline, shortcoming, leader, standard, progress, number",
                 "measures", "position"),
    "evidence": ("id, target_kind, target_code, position, file_name, media_type, sha256, size, "
                 "added_at", "evidence", "target_kind, target_code, position, id"),
    "carried": ("item_code, period", "carried", "item_code"),
}


class DepartmentRows:
    """Where the readers get a department's rows: its own query each time, or, given the
    departments to read (``together``), each table read once for them all and handed out by
    department. The shortcomings and measures have no index on the department: read one
    department at a time, each read went through the whole table (100 departments: 200
    scans). Read together, a row belongs to the department SQLite matches it to, as in its
    own query (a table made by something else may compare ids otherwise), and rows of no
    department asked for are not read."""

    BATCH = 500  # departments a query asks for (well under SQLite's limit of variables)

    def __init__(self, db: Database, together: list[str] | None = None,
                 queries: dict[str, tuple[str, str, str]] | None = None) -> None:
        self.db = db
        self.together = together
        self.queries = _QUERIES if queries is None else queries  # name: columns, table, order
        self._by_department: dict[str, dict[str, list[tuple[Any, ...]]]] = {}

    def __call__(self, query: str, dept_id: str) -> Iterable[tuple[Any, ...]]:
        columns, table, order = self.queries[query]
        # rows tied on the order (possible only in a table made by something else) follow
        # their content, not the way SQLite happens to walk an index, which differs between
        # the two queries: both readings, and the seal's digest, see the same sequence
        order = f"{order}, {columns}"
        if self.together is None:
            return self.db.execute(f"SELECT {columns} FROM {table} WHERE department_id = ? "
                                   f"ORDER BY {order}", [dept_id])
        if query not in self._by_department:
            own = ", ".join(f"t.{column}" for column in columns.split(", "))
            within = ", ".join(f"t.{column}" for column in order.split(", "))
            grouped: dict[str, list[tuple[Any, ...]]] = {}
            for start in range(0, len(self.together), self.BATCH):
                ids = self.together[start:start + self.BATCH]
                wanted = ", ".join("(?, ?)" for _id in ids)
                for row in self.db.execute(
                        f"WITH wanted(n, id) AS (VALUES {wanted}) SELECT wanted.id, {own} "
                        f"FROM wanted JOIN {table} AS t ON t.department_id = wanted.id "
                        f"ORDER BY wanted.n, {within}",
                        [value for n, id_ in enumerate(ids) for value in (n, id_)]):
                    grouped.setdefault(row[0], []).append(row[1:])
            self._by_department[query] = grouped
        return self._by_department[query].get(dept_id, ())


_NO_AID = Aid()  # most answers' (shared: an Aid is only ever read)


def _plain_answer(row: tuple[Any, ...], item: Item, latest_year: int) -> Answer | None:
    """The answer of a row with nothing unusual in it, or None to read it the careful way,
    which names what is wrong. Takes only what the careful way takes: scores already found
    valid for an item of this kind, 0/1 flags, texts within their limits with nothing refused
    in them, no scoring aid, and no time or a plausible one. A bureau's 2,900 answers are read
    at every ``summary``: this is a third of the time of the careful way."""
    (code, own, narrative, deduction, na, na_reason, aid, review, review_reason, updated, flag,
     previous) = row
    if aid != "{}" or type(na) is not int or type(flag) is not int or not 0 <= na <= 1 \
            or not 0 <= flag <= 1 or (na and not item.na_allowed):
        return None
    scores: list[Decimal | None] = []
    for stored in (own, review):
        if stored is None:
            scores.append(None)
            continue
        number = _STORED_NUMBERS.get(stored)
        if number is None or (item.max_points, item.step, number) not in _ACCEPTED_SCORES:
            return None
        scores.append(number)
    if not (plain_text(narrative, MAX_LONG_TEXT)
            and plain_texts((deduction, na_reason, review_reason, previous), MAX_SHORT_TEXT)):
        return None
    if updated != "":
        try:
            if not EARLIEST_YEAR <= datetime.fromisoformat(updated).year <= latest_year:
                return None
        except (TypeError, ValueError):
            return None
    return Answer(code, scores[0], narrative, deduction, bool(na), na_reason, _NO_AID, scores[1],
                  review_reason, bool(flag), previous, updated)


def _changed_answer_rows(db: Database, dept_id: str, codes: Collection[str],
                         narratives: dict[str, Answer] | None) -> Iterable[tuple[Any, ...]]:
    """The rows of the answers an edit changed; with ``narratives`` (the answers as last read,
    when the change kept every narrative) without their narratives, which are taken from
    there, not read and checked again: a score saved beside 20,000 characters then costs
    what it costs beside 20."""
    columns, table, order = _QUERIES["answers"]
    if narratives is not None:
        columns = columns.replace("narrative", "NULL", 1)
    return db.execute(f"SELECT {columns} FROM {table} WHERE department_id = ? AND item_code "
                      f"IN ({', '.join('?' * len(codes))}) ORDER BY {order}",
                      [dept_id, *codes])


def _answers(rows: Iterable[tuple[Any, ...]], checklist: Checklist, problems: _Problems,
             narratives: dict[str, Answer] | None = None) -> dict[str, Answer]:
    """The answers of these rows (``narratives``: see _changed_answer_rows)."""
    answers = {}
    item_at = _("item {code}")  # translated once, not once a row
    latest_year = datetime.now().year + 1  # as time_problem, asked once
    for row in rows:
        code = row[0]
        item = checklist.items_by_code.get(code) if isinstance(code, str) else None
        if item is not None and narratives is None and (
                plain := _plain_answer(row, item, latest_year)) is not None:
            answers[code] = plain
            continue
        where = item_at.format(code=str(code)[:20])
        if item is None:
            problems.add(where, _("unknown item code"))
            continue
        self_score = problems.decimal(where, row[1])
        review_score = problems.decimal(where, row[7])
        for value in (self_score, review_score):
            if value is not None and (problem := _score_problem(item, value)):
                problems.add(where, problem)
        not_applicable = bool(problems.flag(where, row[4]))
        if not_applicable and not item.na_allowed:
            problems.add(where, _("marked not applicable, which this item does not allow"))
        answers[code] = Answer(
            item_code=code,
            self_score=self_score,
            narrative=(problems.text(where, row[2], MAX_LONG_TEXT) if narratives is None
                       else narratives[code].narrative),
            deduction_reason=problems.text(where, row[3], MAX_SHORT_TEXT),
            not_applicable=not_applicable,
            na_reason=problems.text(where, row[5], MAX_SHORT_TEXT),
            aid=_aid(problems, where, row[6]),
            review_score=review_score,
            review_reason=problems.text(where, row[8], MAX_SHORT_TEXT),
            review_flag=bool(problems.flag(where, row[10])),
            previous_review=problems.text(where, row[11], MAX_SHORT_TEXT),
            updated_at=problems.time(where, row[9], optional=True),
        )
    return answers


def _bonus(rows: DepartmentRows, checklist: Checklist, dept_id: str, problems: _Problems
           ) -> dict[str, BonusClaim]:
    claims = {}
    bonus_at = _("bonus item {code}")
    for code, points, narrative, review_points, review_reason, flag, previous in rows(
            "bonus", dept_id):
        bonus = checklist.bonus_by_code.get(code) if isinstance(code, str) else None
        where = bonus_at.format(code=str(code)[:20])
        if bonus is None:
            problems.add(where, _("unknown bonus code"))
            continue
        values = [problems.decimal(where, points), problems.decimal(where, review_points)]
        for value in values:
            problem = bonus_problem(bonus, value, checklist.step) if value is not None else None
            if problem:
                problems.add(where, problem)
        claims[code] = BonusClaim(code, values[0], problems.text(where, narrative, MAX_LONG_TEXT),
                                  values[1], problems.text(where, review_reason, MAX_SHORT_TEXT),
                                  bool(problems.flag(where, flag)),
                                  problems.text(where, previous, MAX_SHORT_TEXT))
    return claims


def _veto(rows: DepartmentRows, checklist: Checklist, dept_id: str, problems: _Problems
          ) -> dict[str, VetoDeclaration]:
    declarations = {}
    veto_at = _("veto item {code}")
    for code, triggered, explanation, review_triggered, review_reason, flag, previous in rows(
            "veto", dept_id):
        where = veto_at.format(code=str(code)[:20])
        if not isinstance(code, str) or code not in checklist.veto_by_code:
            problems.add(where, _("unknown veto code"))
            continue
        declarations[code] = VetoDeclaration(
            code, problems.flag(where, triggered, nullable=True),
            problems.text(where, explanation, MAX_SHORT_TEXT),
            problems.flag(where, review_triggered, nullable=True),
            problems.text(where, review_reason, MAX_SHORT_TEXT),
            bool(problems.flag(where, flag)), problems.text(where, previous, MAX_SHORT_TEXT))
    return declarations


def _lists(rows: DepartmentRows, checklist: Checklist, dept_id: str, problems: _Problems
           ) -> tuple[list[Shortcoming], list[Measure]]:
    shortcomings: list[Shortcoming] = []
    for category, text, item_code in rows("shortcomings", dept_id):
        where = _("shortcoming {number}").format(number=len(shortcomings) + 1)
        if category not in checklist.shortcoming_categories:
            problems.add(where, _("unknown category “{category}”").format(category=str(category)[:40]))
        if item_code and item_code not in checklist.items_by_code:
            problems.add(where, _("unknown item code"))
        shortcomings.append(Shortcoming(str(category), problems.text(where, text, MAX_SHORT_TEXT),
                                        str(item_code or "")))
    measures: list[Measure] = []
    numbers: set[int] = set()
    for row in rows("measures", dept_id):
        where = _("measure {number}").format(number=len(measures) + 1)
        link = row[3]
        if link is not None and (not isinstance(link, int) or not 0 <= link < len(shortcomings)):
            problems.add(where, _("refers to a shortcoming that does not exist"))
            link = None
        number = row[7]
        if not isinstance(number, int) or isinstance(number, bool) or not 0 < number < 10**6 \
                or number in numbers:
            problems.add(where, _("the measure's number is missing or given twice"))
            number = None
        else:
            numbers.add(number)
        measures.append(Measure(
            problems.text(where, row[0], MAX_SHORT_TEXT), problems.text(where, row[1], MAX_NAME),
            problems.text(where, row[2], MAX_NAME), link, problems.text(where, row[4], MAX_NAME),
            problems.text(where, row[5], MAX_SHORT_TEXT),
            problems.text(where, row[6], MAX_SHORT_TEXT), number))
    return shortcomings, measures


def _evidence(rows: DepartmentRows, checklist: Checklist, dept_id: str, problems: _Problems
              ) -> list[EvidenceRef]:
    refs = []
    for row in rows("evidence", dept_id):
        ev_id, kind, code, position, name, media_type, sha256, size, added_at = row
        where = _("evidence {name}").format(name=str(name)[:60])
        known = checklist.items_by_code if kind == "item" else checklist.bonus_by_code
        if code not in known:
            problems.add(where, _("attached to an unknown code"))
        name_problem = file_name_problem(name)
        if name_problem:
            problems.add(where, name_problem)
        if not isinstance(sha256, str) or not SHA256_PATTERN.match(sha256):
            problems.add(where, _("the content hash is not valid"))
        if not isinstance(size, int) or not 0 <= size <= MAX_EVIDENCE_BYTES:
            problems.add(where, _("the declared size is not valid"))
            size = 0
        if type(ev_id) is not int or type(position or 0) is not int:  # a table made elsewhere
            problems.add(where, _("its number or position is not valid"))
            ev_id, position = 0, 0
        refs.append(EvidenceRef(ev_id, str(kind), str(code), position or 0, str(name),
                                problems.text(where, media_type, MAX_NAME), str(sha256), size,
                                problems.time(where, added_at)))
    return refs


def refreshed_department_data(db: Database, checklist: Checklist, data: DepartmentData,
                              changes: ChangeSet, file_name: str) -> DepartmentData:
    """``data`` after ``changes`` were written: only what they touched is read again (and
    checked), so a saved edit costs the same in a file of short texts as in one of long ones."""
    problems = _Problems(file_name)
    rows = DepartmentRows(db)
    (department,) = read_departments(db, file_name, data.department.id)
    answers = data.answers
    if changes.answers:
        kept = all(code in answers and "narrative" not in fields
                   for code, fields in changes.answers.items())
        fresh = _answers(_changed_answer_rows(db, department.id, list(changes.answers),
                                              answers if kept else None),
                         checklist, problems, answers if kept else None)
        # in the order a full read gives (rowid): changed rows stay where they were, new
        # ones come last, and an answer emptied (no row any more) goes
        answers = {code: fresh[code] if code in changes.answers else answer
                   for code, answer in data.answers.items()
                   if code not in changes.answers or code in fresh}
        answers.update({code: answer for code, answer in fresh.items() if code not in answers})
    bonus = _bonus(rows, checklist, department.id, problems) if changes.bonus else data.bonus
    veto = _veto(rows, checklist, department.id, problems) if changes.veto else data.veto
    shortcomings, measures = data.shortcomings, data.measures
    if changes.shortcomings is not None or changes.measures is not None:
        shortcomings, measures = _lists(rows, checklist, department.id, problems)
    evidence = data.evidence
    if (changes.item_evidence or changes.bonus_evidence or changes.add_evidence
            or changes.remove_evidence):
        evidence = _evidence(rows, checklist, department.id, problems)
    carried = data.carried
    if carried and any("narrative" in fields for fields in changes.answers.values()):
        carried = _carried(rows, checklist, department.id, problems)
    problems.raise_if_any()
    return DepartmentData(department, answers, bonus, veto, shortcomings, measures, evidence,
                          carried)


def read_department_data(db: Database, checklist: Checklist, department: Department,
                         file_name: str, rows: DepartmentRows | None = None) -> DepartmentData:
    """Everything one department filled in, each value checked against the checklist
    (``rows``: from ``every_department_data``, the rows of the whole file)."""
    problems = _Problems(file_name)
    rows = rows or DepartmentRows(db)
    answers = _answers(rows("answers", department.id), checklist, problems)
    bonus = _bonus(rows, checklist, department.id, problems)
    veto = _veto(rows, checklist, department.id, problems)
    shortcomings, measures = _lists(rows, checklist, department.id, problems)
    evidence = _evidence(rows, checklist, department.id, problems)
    carried = _carried(rows, checklist, department.id, problems)
    problems.raise_if_any()
    return DepartmentData(department, answers, bonus, veto, shortcomings, measures, evidence,
                          carried)


def every_department_data(db: Database, checklist: Checklist, departments: list[Department],
                          file_name: str) -> list[DepartmentData]:
    """``read_department_data`` of each of ``departments``, each table read once for them all
    (a bureau's summary read 700 queries, 200 of them scans of a whole table)."""
    rows = DepartmentRows(db, [department.id for department in departments])
    return [read_department_data(db, checklist, department, file_name, rows)
            for department in departments]


def _carried(rows: DepartmentRows, checklist: Checklist, dept_id: str, problems: _Problems
             ) -> tuple[str, ...]:
    """Items whose narrative was carried over and not yet edited, in checklist order."""
    codes = set()
    for code, period in rows("carried", dept_id):
        where = _("item {code}").format(code=str(code)[:20])
        if code not in checklist.items_by_code:
            problems.add(where, _("unknown item code"))
            continue
        problems.text(where, period, MAX_NAME)
        codes.add(code)
    return tuple(item.code for item in checklist.items if item.code in codes)
