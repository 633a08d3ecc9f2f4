"""The plain way of reading an answer (``_plain_answer``, taken for the rows with nothing
unusual in them) takes only what the careful way takes, and reads it the same: whatever a row
holds, reading with and without it gives the same answers or the same refusal. And a
department nobody reviewed is scored once (``reviewed``) with the same result."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from selfassess.checklist import Checklist
from selfassess.errors import FileFormatError
from selfassess.score_views import final_input, reviewed, self_input
from selfassess.store import AssessmentFile, reading
from selfassess.store.changes import ChangeSet
from selfassess.store.connection import Database
from selfassess.store.records import BonusClaim, DepartmentData, VetoDeclaration

# values a stored column might hold: what selfassess writes, and what a damaged or forged file
# might (another type, a near miss, a refused character, a wrong length)
SCORES = [None, "4", "3.5", "0", "5", "4.0", "-0", "NaN", "1e1", 4, 4.0, b"4", "", " 4"]
FLAGS = [0, 1, None, 2, -1, 0.0, 1.0, "1", b"\x01"]
TEXTS = ["", "按要求开展。", "第一行\n第二行", "a\r\nb", "\t缩进", "x" * 2_000, "x" * 2_001,
         "控制\x07字符", "\ufffe", "\x0b", None, 5, b"bytes"]
NARRATIVES = [*TEXTS, "长" * 50_000, "长" * 50_001]
AIDS = ["{}", '{"level": "好"}', "{", "[]", None, '{"occurrences": {"a": -1}}']
TIMES = ["", "2026-11-29T10:00:00+00:00", "2026-11-29", "1999-12-31T00:00:00", "9999-01-01",
         "yesterday", None, 20261129]
COLUMNS: dict[str, list[Any]] = {"self_score": SCORES, "review_score": SCORES, "not_applicable": FLAGS,
           "review_flag": FLAGS, "narrative": NARRATIVES, "deduction_reason": TEXTS,
           "na_reason": TEXTS, "review_reason": TEXTS, "previous_review": TEXTS, "aid": AIDS,
           "updated_at": TIMES}


@pytest.fixture(scope="module")
def answered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A department file with every item answered, read once (so scores are known good)."""
    from selfassess.checklist import load_builtin

    checklist = load_builtin("ideology-responsibility")
    path = tmp_path_factory.mktemp("plain") / "办公室.selfassess"
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026",
                               filled_by="张三") as af:
        af.apply(ChangeSet(answers={item.code: {"self_score": item.max_points,
                                                "narrative": "按要求开展。"}
                                    for item in checklist.items}))
        af.apply(ChangeSet(answers={"1.1": {"self_score": D("3.5"),
                                            "deduction_reason": "少一次。"}}))
        af.data()
    yield path


def read(path: Path, plain: bool) -> DepartmentData | str:
    """The department's data, or the refusal, read with or without the plain way."""
    with AssessmentFile.open(path, readonly=True, verify=False) as af:  # read below
        department = af.department()
        db = Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))
        saved = reading._plain_answer
        if not plain:
            reading._plain_answer = lambda *_args: None
        try:
            return reading.read_department_data(db, af.checklist, department, path.name)
        except FileFormatError as error:
            return str(error)
        finally:
            reading._plain_answer = saved
            db.close()


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.dictionaries(st.sampled_from(sorted(COLUMNS)), st.integers(0, 100), max_size=4),
       code=st.sampled_from(["1.1", "1.2", "4.4"]))
def test_the_plain_way_reads_what_the_careful_way_reads(
        answered: Path, tmp_path_factory: pytest.TempPathFactory, changes: dict[str, int],
        code: str) -> None:
    path = tmp_path_factory.mktemp("row") / answered.name
    path.write_bytes(answered.read_bytes())
    values: dict[str, Any] = {column: COLUMNS[column][index % len(COLUMNS[column])]
                              for column, index in changes.items()}
    raw = sqlite3.connect(path)
    try:
        with raw:
            for column, value in values.items():
                raw.execute(f"UPDATE answers SET {column} = ? WHERE item_code = ?",
                            [value, code])
    except sqlite3.IntegrityError:  # a NULL where the table forbids it: not a file to read
        assume(False)
    finally:
        raw.close()
    assert read(path, plain=True) == read(path, plain=False)


def test_the_plain_way_is_taken_for_plain_rows(answered: Path, checklist: Checklist) -> None:
    read(answered, plain=False)  # the scores are known good from here on
    taken = []
    saved = reading._plain_answer

    def counted(*args: Any) -> Any:
        made = saved(*args)
        taken.append(made is not None)
        return made

    reading._plain_answer = counted  # type: ignore[assignment]
    try:
        data = read(answered, plain=True)
    finally:
        reading._plain_answer = saved
    assert isinstance(data, DepartmentData)
    assert len(taken) == len(checklist.items) and all(taken)
    assert data.answers["1.1"].self_score == D("3.5")
    assert data.answers["1.1"].deduction_reason == "少一次。"


def test_a_department_nobody_reviewed_scores_as_its_own(answered: Path) -> None:
    with AssessmentFile.open(answered, readonly=True) as af:
        data = af.data()
    bonus = BonusClaim("B1", D("1"), "获表彰。")
    veto = VetoDeclaration("V1", False, "", False)  # reviewed as not triggered: no change
    unreviewed = replace(data, bonus={"B1": bonus}, veto={"V1": veto})
    assert not reviewed(unreviewed) and final_input(unreviewed) == self_input(unreviewed)
    for changed in (
            replace(data, answers={**data.answers,
                                   "1.2": replace(data.answers["1.2"], review_score=D("2"))}),
            replace(unreviewed, bonus={"B1": replace(bonus, review_points=D("0.5"))}),
            replace(unreviewed, veto={"V1": replace(veto, review_triggered=True)})):
        assert reviewed(changed) and final_input(changed) != self_input(changed)


def test_every_department_read_together_is_each_read_alone(tmp_path: Path) -> None:
    """A bureau read table by table for all its departments (``every_data``: one query a
    table) gives what reading each department alone gives, in the same order, and refuses
    a damaged file with the same message."""
    from selfassess.demo import write_demo

    write_demo(tmp_path / "demo")
    bureau = next((tmp_path / "demo").glob("*汇总.selfassess"))

    def both(path: Path) -> tuple[object, object]:
        with AssessmentFile.open(path, readonly=True, verify=False) as af:
            departments = af.departments()
            db = Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))
            try:
                alone: object = [reading.read_department_data(db, af.checklist, d, path.name)
                                 for d in departments]
            except FileFormatError as error:
                alone = str(error)
            try:
                together: object = reading.every_department_data(db, af.checklist,
                                                                 departments, path.name)
            except FileFormatError as error:
                together = str(error)
            db.close()
        return alone, together

    alone, together = both(bureau)
    assert isinstance(together, list) and len(together) >= 3 and together == alone
    assert [list(d.answers) for d in together] == [list(d.answers) for d in alone]
    assert any(d.shortcomings and d.measures for d in together)  # the lists are compared too
    damaged = tmp_path / "damaged.selfassess"
    damaged.write_bytes(bureau.read_bytes())
    with sqlite3.connect(damaged) as raw:
        raw.execute("UPDATE measures SET number = 1")  # every measure numbered 1
    raw.close()
    alone, together = both(damaged)
    assert isinstance(alone, str) and "given twice" in alone and together == alone
    # a table made by something else, comparing ids without case and with rows of no
    # department (text SQLite cannot even decode): each row goes where SQLite puts it
    forged = tmp_path / "forged.selfassess"
    forged.write_bytes(bureau.read_bytes())
    with sqlite3.connect(forged) as raw:
        raw.executescript("""
            CREATE TABLE copied AS SELECT * FROM shortcomings;
            DROP TABLE shortcomings;
            CREATE TABLE shortcomings (id INTEGER PRIMARY KEY,
                department_id TEXT NOT NULL COLLATE NOCASE, position INTEGER NOT NULL,
                category TEXT NOT NULL, text TEXT NOT NULL, item_code TEXT NOT NULL DEFAULT '');
            INSERT INTO shortcomings SELECT * FROM copied;
            DROP TABLE copied;
            UPDATE shortcomings SET department_id = upper(department_id);
            INSERT INTO shortcomings (department_id, position, category, text)
                VALUES ('nobody', 0, 'x', CAST(X'41FF' AS TEXT));""")
    raw.close()
    alone, together = both(forged)
    assert isinstance(alone, list) and together == alone
    assert sum(len(d.shortcomings) for d in together) >= 3  # found under the upper-case ids


def _received_bureau(tmp_path: Path, name: str, unreadable: int | None = None,
                     altered: int | None = None) -> tuple[Path, list[str]]:
    """A copy of the demo's bureau under a name this machine does not know (the full check at
    every open), with the sealed departments' ids in the file's order; optionally one of them
    given a score that cannot be read, one a narrative changed after sealing."""
    from selfassess.demo import write_demo

    if not (tmp_path / "demo").exists():
        write_demo(tmp_path / "demo")
    bureau = next((tmp_path / "demo").glob("*汇总.selfassess"))
    received = tmp_path / name
    received.write_bytes(bureau.read_bytes())
    with sqlite3.connect(received) as raw:
        ids = [row[0] for row in raw.execute("SELECT id FROM departments WHERE sealed = 1 "
                                             "ORDER BY rowid")]
        if altered is not None:
            raw.execute("UPDATE answers SET narrative = narrative || '改' WHERE department_id = ? "
                        "AND item_code = '1.1'", [ids[altered]])
        if unreadable is not None:
            raw.execute("UPDATE answers SET self_score = 'abc' WHERE department_id = ? "
                        "AND item_code = '1.1'", [ids[unreadable]])
    raw.close()
    return received, ids


def test_the_full_check_names_the_first_problem_in_the_files_order(tmp_path: Path) -> None:
    """A received bureau is checked one department at a time, its seal before the next is
    read: a broken seal on the first department is what the refusal names, not an invalid
    value further on."""
    forged, _ids = _received_bureau(tmp_path, "received.selfassess", unreadable=-1, altered=0)
    with pytest.raises(FileFormatError) as refused:
        AssessmentFile.open(forged, readonly=True)  # not written here: the full check
    assert "modified after sealing" in str(refused.value)


def test_the_full_check_reads_together_and_in_order_where_a_read_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sound received bureau is read once for all its departments (one query a table, the
    result kept for what reads next); a value that cannot be read is named before a broken
    seal further on, as when each department is read alone."""
    from selfassess.store import assessment

    received, _ids = _received_bureau(tmp_path, "received.selfassess")
    forged, ids = _received_bureau(tmp_path, "forged.selfassess", unreadable=0, altered=-1)
    alone: list[str | None] = []
    together: list[int] = []
    reading, reading_all = AssessmentFile.data, assessment.every_department_data
    monkeypatch.setattr(AssessmentFile, "data", lambda af, department_id=None: (
        alone.append(department_id), reading(af, department_id))[1])
    monkeypatch.setattr(assessment, "every_department_data", lambda db, checklist, wanted, name: (
        together.append(len(wanted)), reading_all(db, checklist, wanted, name))[1])
    with AssessmentFile.open(received, readonly=True) as af:  # not written here: checked
        assert alone == [] and together == [4]  # every department read together
        assert len(af.every_data()) == 4 and together == [4]  # and kept: not read again
    with pytest.raises(FileFormatError) as refused:
        AssessmentFile.open(forged, readonly=True)
    assert "modified after sealing" not in str(refused.value) and "1.1" in str(refused.value)
    assert alone[:1] == [ids[0]]  # read again one at a time, from the first


def test_what_cannot_be_read_is_refused_in_the_files_order_and_in_one_line(
        tmp_path: Path) -> None:
    """Values a reader could not even convert (a text or infinite evidence position, a scoring
    aid nested deeper than Python's stack) are refused as damage, named after a broken seal
    earlier in the file, never a crash."""
    for position in ("'x'", "9e999"):
        forged, ids = _received_bureau(tmp_path, f"p{position[:2]}.selfassess", altered=0)
        with sqlite3.connect(forged) as raw:
            raw.execute(f"UPDATE evidence SET position = {position} WHERE department_id = ?",
                        [ids[1]])
        raw.close()
        with pytest.raises(FileFormatError) as refused:
            AssessmentFile.open(forged, readonly=True)
        assert "modified after sealing" in str(refused.value)
        with sqlite3.connect(forged) as raw:  # the seal put right: the position is named
            raw.execute("UPDATE answers SET narrative = substr(narrative, 1, "
                        "length(narrative) - 1) WHERE department_id = ? AND item_code = '1.1'",
                        [ids[0]])
        raw.close()
        with pytest.raises(FileFormatError) as refused:
            AssessmentFile.open(forged, readonly=True)
        assert "number or position is not valid" in str(refused.value)
    nested, ids = _received_bureau(tmp_path, "nested.selfassess")
    with sqlite3.connect(nested) as raw:
        raw.execute("UPDATE answers SET aid = ? WHERE department_id = ? AND item_code = '1.2'",
                    ["[" * 60_000, ids[1]])
    raw.close()
    with pytest.raises(FileFormatError) as refused:
        AssessmentFile.open(nested, readonly=True)
    assert "scoring aid is not valid" in str(refused.value)


def test_rows_tied_in_a_table_made_elsewhere_read_alike_both_ways(tmp_path: Path) -> None:
    """A table recreated with its key walked backwards and every position tied: read alone or
    together, the rows come in the order of their content, so both readings, and the seal,
    agree."""
    forged, ids = _received_bureau(tmp_path, "tied.selfassess")
    with sqlite3.connect(forged) as raw:
        columns = [row[1] for row in raw.execute("PRAGMA table_info(measures)")]
        listed = ", ".join(columns)
        raw.executescript(f"""
            CREATE TABLE tied AS SELECT {listed} FROM measures;
            DROP TABLE measures;
            CREATE TABLE measures ({", ".join(columns)},
                PRIMARY KEY (department_id, position DESC, id DESC)) WITHOUT ROWID;
            INSERT INTO measures SELECT {listed} FROM tied;
            DROP TABLE tied;""")
        raw.execute("UPDATE measures SET position = 0 WHERE department_id = ?", [ids[1]])
    raw.close()
    with AssessmentFile.open(forged, readonly=True, verify=False) as af:
        db = Database(sqlite3.connect(f"file:{forged}?mode=ro", uri=True))
        departments = af.departments()
        try:
            alone = [reading.read_department_data(db, af.checklist, d, forged.name)
                     for d in departments]
            together = reading.every_department_data(db, af.checklist, departments, forged.name)
        finally:
            db.close()
    assert together == alone
    assert [m.text for m in alone[1].measures] == sorted(m.text for m in alone[1].measures)


def test_every_ledger_read_together_is_each_read_alone(tmp_path: Path) -> None:
    """The bureau's 整改台账 read for all departments at once (one query a table) is each
    department's read alone: notes in their order, statuses, deadlines put back."""
    from selfassess.demo import write_demo
    from selfassess.store.ledger import read_ledger, read_ledgers

    write_demo(tmp_path / "demo")
    bureau = next((tmp_path / "demo").glob("*汇总.selfassess"))
    with sqlite3.connect(bureau) as raw:
        ids = [row[0] for row in raw.execute("SELECT id FROM departments ORDER BY rowid")]
        for turn, department_id in enumerate(ids[:3]):
            for note in range(3):
                raw.execute("INSERT INTO measure_notes (department_id, number, at, actor, text) "
                            "VALUES (?, ?, ?, '王芳', ?)",
                            [department_id, 1 + note % 2, f"2026-11-2{note}T10:00:00+08:00",
                             f"第{turn}处 进展 {note}"])
            raw.execute("INSERT INTO measure_ledger (department_id, number, status, updated_at, "
                        "closed_by, closed_at, deadline) VALUES (?, 1, 'in_progress', "
                        "'2026-11-20T10:00:00+08:00', '', NULL, '2027-01-31')", [department_id])
    raw.close()
    with AssessmentFile.open(bureau, readonly=True) as af:
        alone = {department_id: read_ledger(af, department_id) for department_id in ids}
        together = read_ledgers(af, ids)
    assert together == alone
    assert [note.text for note in together[ids[0]][1].notes] == ["第0处 进展 0", "第0处 进展 2"]
    assert together[ids[2]][1].status == "in_progress" and together[ids[3]] == alone[ids[3]]
