"""Faults of the real world (issue "faults of the real world"): text that looks like a formula
stays text in every workbook, characters XML cannot hold are refused at input with the field
named and replaced visibly at output, and an export that fails leaves no partial file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from commands import Capture, run
from files import read_only, sha256_of, small_disk
from openpyxl import load_workbook

from selfassess.bureau import create_bureau, merge_files
from selfassess.checklist import Checklist
from selfassess.office import package
from selfassess.store import AssessmentFile, ChangeSet, Measure, Shortcoming

FORMULAS = ['=HYPERLINK("http://example.invalid","点我")', "=1+1", "=cmd|' /C calc'!A0",
            "=A1", "=SUM(1,2)"]


def department(folder: Path, checklist: Checklist, name: str) -> Path:
    path = folder / "2026_dept.selfassess"
    with AssessmentFile.create(path, checklist, department_name=name, period="2026",
                               filled_by=FORMULAS[3]) as af:
        answers = {i.code: {"self_score": i.max_points, "narrative": FORMULAS[0]}
                   for i in checklist.items}
        answers["1.2"] = {"self_score": Decimal(3), "deduction_reason": FORMULAS[1],
                          "narrative": FORMULAS[2]}
        af.apply(ChangeSet(answers=answers,
                           veto={v.code: {"triggered": False} for v in checklist.veto_items},
                           shortcomings=[Shortcoming("理论学习", FORMULAS[2])],
                           measures=[Measure(FORMULAS[4], owner=FORMULAS[3],
                                             deadline=FORMULAS[1], shortcoming=0)]))
        af.seal()
    return path


def test_formula_text_stays_text_in_every_workbook(tmp_path: Path, checklist: Checklist,
                                                   capsys: Capture) -> None:
    name = "=SUM(1)处"  # a received department's name names a sheet too
    source = department(tmp_path, checklist, name)
    bureau = tmp_path / "2026_汇总.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", [name]).close()
    assert merge_files(bureau, [source])[0].outcome == "added"
    with AssessmentFile.open(source) as af:
        af.reopen()  # the form is exported from a file being filled in
    for file, out in ((bureau, "bureau.xlsx"), (source, "form.xlsx")):
        code, _out, err = run(capsys, "export", str(file), "-o", str(tmp_path / out))
        assert code == 0, err
    formula_like = 0
    for out in ("bureau.xlsx", "form.xlsx"):
        book = load_workbook(tmp_path / out)
        for ws in book.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.startswith("="):
                        assert cell.data_type == "s", (out, ws.title, cell.coordinate)
                        formula_like += 1
        assert any(ws.title.startswith("=SUM(1)") for ws in book.worksheets) or out == "form.xlsx"
    assert formula_like >= 10


@pytest.mark.parametrize("bad", ["\ufffe", "\uffff", "\ud800", "\x01"])
def test_characters_xml_cannot_hold_are_refused_with_the_field(tmp_path: Path,
                                                                checklist: Checklist,
                                                                capsys: Capture, bad: str) -> None:
    path = tmp_path / "d.selfassess"
    AssessmentFile.create(path, checklist, department_name="办公室", period="2026").close()
    before = sha256_of(path)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"items": {"1.1": {"narrative": f"正常文字{bad}"}}}),
                       encoding="utf-8")
    code, out, err = run(capsys, "fill", str(path), str(answers))
    assert code == 1 and out == ""
    assert "1.1" in err and "narrative" in err  # the field named
    assert sha256_of(path) == before


def test_old_text_xml_cannot_hold_prints_visibly(tmp_path: Path) -> None:
    from selfassess.validation import xml_safe

    assert xml_safe("甲\ufffe乙\x01丙\ud800") == "甲\ufffd乙\ufffd丙\ufffd"
    assert xml_safe("制表\t换行\n") == "制表\t换行\n"


def test_a_failed_export_leaves_no_partial_file(tmp_path: Path, checklist: Checklist,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: Capture) -> None:
    source = department(tmp_path, checklist, "办公室")
    target = tmp_path / "form.xlsx"
    target.write_bytes(b"the export before")

    def broken(path: Path, when: object) -> Path:
        Path(path).write_bytes(b"PK half a package")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(package, "_fixed", broken)
    code, _out, err = run(capsys, "export", str(source), "-o", str(target), "--force")
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert target.read_bytes() == b"the export before"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["2026_dept.selfassess", "form.xlsx"])  # no .part left beside it


# --- bounded input: a device, a pipe, a nesting bomb -------------------------------------------

# the child's own peak: VmHWM starts afresh at exec (ru_maxrss would carry the forking test
# process's size over)
CHILD = """
import sys
from selfassess.cli import main
code = main(sys.argv[1:])
status = open("/proc/self/status").read()
peak = int(status.split("VmHWM:")[1].split()[0]) // 1024
print("PEAK", peak, file=sys.stderr)
sys.exit(code)
"""


def refused(tmp_path: Path, *argv: str) -> str:
    """Run a command in a child process: exit 1, one line, within 300 MB; its message."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", CHILD, "--lang", "en", *argv],
                            capture_output=True, text=True, timeout=120, check=False,
                            env={**__import__("os").environ, "SELFASSESS_HOME": str(tmp_path / "h")})
    lines = [line for line in result.stderr.splitlines() if not line.startswith("PEAK ")]
    peak = int(next(line for line in result.stderr.splitlines() if line.startswith("PEAK "))[5:])
    assert result.returncode == 1 and len(lines) == 1, result.stderr
    assert peak < 300, f"{argv}: {peak} MB"
    return lines[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    import os

    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def test_only_regular_files_are_read_and_never_too_much(tmp_path: Path, checklist: Checklist,
                                                       fifo: Path) -> None:
    dept = tmp_path / "d.selfassess"
    AssessmentFile.create(dept, checklist, department_name="办公室", period="2026").close()
    bureau = tmp_path / "b.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", ["办公室"]).close()
    before = (sha256_of(dept), sha256_of(bureau))
    big = tmp_path / "big.json"
    with big.open("wb") as stream:  # grows past any limit; stat would say so, reading must too
        stream.truncate(70 * 1024 * 1024)
    for source in ("/dev/zero", str(fifo)):
        for argv in (("fill", str(dept), source), ("review", str(bureau), source),
                     ("checklist", "validate", source),
                     ("bureau", "new", str(tmp_path / "n.selfassess"), "--name", "局",
                      "--period", "2026", "--roster", source),
                     ("import-xlsx", source, str(dept)),
                     ("checklist", "import-xlsx", source, "-o", str(tmp_path / "c.yaml"))):
            assert "not a regular file" in refused(tmp_path, *argv), argv
    assert "larger than 64 MB" in refused(tmp_path, "fill", str(dept), str(big))
    assert (sha256_of(dept), sha256_of(bureau)) == before
    assert not (tmp_path / "n.selfassess").exists() and not (tmp_path / "c.yaml").exists()


def test_a_nesting_bomb_is_refused_at_once(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert "nested deeper than 20 levels" in refused(tmp_path, "checklist", "validate",
                                                      str(deep))
    answers = tmp_path / "deep.json"
    answers.write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    refused(tmp_path, "fill", str(tmp_path / "missing.selfassess"), str(answers))


# --- a full disk ------------------------------------------------------------------------------

def test_a_stopped_checkpoint_is_not_damage(tmp_path: Path, checklist: Checklist,
                                            capsys: Capture) -> None:
    """A checkpoint stopped by a full disk leaves the main file shorter than its header says,
    with the rest in the -wal: the file opens with every saved edit, never "damaged"."""
    import shutil
    import sqlite3

    path = tmp_path / "d.selfassess"
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026") as af:
        af.apply(ChangeSet(answers={"1.1": {"narrative": "第一次保存。"}}))
    old_size = path.stat().st_size
    text = "意识形态工作责任制落实情况良好。" * 3000
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE answers SET narrative = ? WHERE item_code = '1.1'", [text])
    conn.commit()
    shutil.copy(f"{path}-wal", tmp_path / "saved-wal")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as stream:  # the header grew, the file could not
        stream.truncate(old_size)
    shutil.copy(tmp_path / "saved-wal", f"{path}-wal")
    code, _out, err = run(capsys, "--lang", "en", "summary", str(path), "--json")
    assert code == 0, err
    with AssessmentFile.open(path) as af:
        assert af.data().answers["1.1"].narrative == text


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk", 1200) as mount:
        yield mount


def test_a_full_disk_end_to_end(disk: Path, checklist: Checklist, capsys: Capture) -> None:
    """fill on a full disk: one line naming the file and the space, the file as before and
    readable; once space is freed the same fill works, and every acknowledged edit is there."""
    path = disk / "d.selfassess"
    code, _out, err = run(capsys, "--lang", "en", "new", str(path), "--department", "办公室")
    assert code == 0, err
    first = disk / "first.json"
    first.write_text(json.dumps({"items": {"1.1": {"narrative": "已保存的第一条。"}}}),
                     encoding="utf-8")
    assert run(capsys, "--lang", "en", "fill", str(path), str(first))[0] == 0
    filler = disk / "filler"
    # fill the disk, then give back about 400 KB (unbuffered: closing has nothing left to
    # write, which on a full disk would fail where the loop no longer catches it)
    with filler.open("wb", buffering=0) as stream:
        try:
            while True:
                stream.write(b"\1" * 65536)
        except OSError:
            pass
    with filler.open("r+b") as stream:
        stream.truncate(max(0, filler.stat().st_size - 400 * 1024))
    text = "意识形态工作责任制落实情况良好。" * 3000
    answers = disk.parent / "big.json"
    answers.write_text(json.dumps({"items": {code: {"narrative": text}
                                             for code in ("1.2", "1.3", "1.4")}},
                                  ensure_ascii=False), encoding="utf-8")
    before = sha256_of(path)
    code, out, err = run(capsys, "--lang", "en", "fill", str(path), str(answers))
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "d.selfassess: not enough free disk space" in err and "nothing was changed" in err
    assert sha256_of(path) == before
    assert run(capsys, "--lang", "en", "summary", str(path))[0] == 0  # not "damaged"
    filler.unlink()
    assert run(capsys, "--lang", "en", "fill", str(path), str(answers))[0] == 0
    with AssessmentFile.open(path, readonly=True) as af:
        answers_now = af.data().answers
    assert answers_now["1.1"].narrative == "已保存的第一条。"
    assert all(answers_now[code].narrative == text for code in ("1.2", "1.3", "1.4"))


# --- read-only media ----------------------------------------------------------------------------

def test_read_only_media_are_read_and_left_alone(tmp_path: Path, checklist: Checklist,
                                                 capsys: Capture,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A write-protected stick: summary, report, export and evidence work and leave nothing
    behind."""
    source = tmp_path / "stick"
    source.mkdir()
    dept = department(source, checklist, "办公室")
    with AssessmentFile.open(dept) as af:
        af.reopen()  # a file in WAL mode, as department files are
    bureau = source / "2026_汇总.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", ["办公室"]).close()
    with read_only(source, tmp_path / "ro") as stick:
        listing = sorted(p.name for p in stick.iterdir())
        # not the machine that wrote them: the full check runs
        monkeypatch.setenv("SELFASSESS_HOME", str(tmp_path / "elsewhere"))
        for file in (stick / dept.name, stick / bureau.name):
            for argv in (("summary", str(file)),
                         ("report", str(file), "-o", str(tmp_path / f"{file.stem}.pdf")),
                         ("export", str(file), "-o", str(tmp_path / f"{file.stem}.xlsx"))):
                code, _out, err = run(capsys, "--lang", "en", *argv)
                assert code == 0, (argv, err)
        (tmp_path / "out").mkdir()
        code, _out, err = run(capsys, "--lang", "en", "evidence", str(stick / dept.name),
                              "-o", str(tmp_path / "out"))
        assert code == 0, err
        assert sorted(p.name for p in stick.iterdir()) == listing


# --- files beside a file ------------------------------------------------------------------------

def crashed_mid_write(path: Path, into: Path) -> Path:
    """A copy (at ``into``) of ``path`` and its hot journal as a crash mid-transaction leaves
    them: rows changed, pages already spilled into the file, the journal holding the old ones."""
    import shutil
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA cache_size = 1")  # spill dirty pages into the file before commit
    conn.execute("BEGIN")
    conn.execute("UPDATE meta SET value = 'changed' WHERE key = 'bureau_name'")
    conn.execute("UPDATE answers SET narrative = ?", ["改写" * 2000])
    shutil.copy(path, into)
    shutil.copy(f"{path}-journal", f"{into}-journal")
    conn.execute("ROLLBACK")
    conn.close()
    return into


def test_a_journal_from_another_file_is_never_applied(tmp_path: Path, checklist: Checklist,
                                                      capsys: Capture) -> None:
    source = department(tmp_path, checklist, "办公室")
    victim, other = tmp_path / "victim.selfassess", tmp_path / "other.selfassess"
    create_bureau(victim, checklist, "甲局", "2026", ["办公室"]).close()
    create_bureau(other, checklist, "乙局", "2026", ["办公室"]).close()
    assert merge_files(other, [source])[0].outcome == "added"
    crashed = crashed_mid_write(other, tmp_path / "crashed.selfassess")
    (tmp_path / "victim.selfassess-journal").write_bytes(Path(f"{crashed}-journal").read_bytes())
    before = sha256_of(victim)
    code, out, err = run(capsys, "--lang", "en", "merge", str(victim), str(source))
    assert (code, out) == (2, ""), (code, out, err)  # merge: the bureau file is unusable now
    assert len(err.strip().splitlines()) == 1 and "journal" in err and "not applied" in err
    assert sha256_of(victim) == before and not Path(f"{victim}-journal").exists()
    assert [p.name for p in tmp_path.glob("victim.selfassess-journal.foreign-*")]
    code, out, err = run(capsys, "--lang", "en", "merge", str(victim), str(source))
    assert code == 0, err  # opened again: the file is its own, whole
    with AssessmentFile.open(victim, readonly=True) as af:
        assert af.info.bureau_name == "甲局" and [d.name for d in af.departments()] == ["办公室"]


def test_the_files_own_journal_is_rolled_back(tmp_path: Path, checklist: Checklist,
                                              capsys: Capture) -> None:
    """A crash mid-write: the file's own journal is applied, and the file is whole again."""
    source = department(tmp_path, checklist, "办公室")
    bureau = tmp_path / "b.selfassess"
    create_bureau(bureau, checklist, "甲局", "2026", ["办公室"]).close()
    assert merge_files(bureau, [source])[0].outcome == "added"
    with AssessmentFile.open(bureau, readonly=True) as af:
        narratives = {c: a.narrative for c, a in af.data(af.departments()[0].id).answers.items()}
    crashed = crashed_mid_write(bureau, tmp_path / "crashed.selfassess")
    with AssessmentFile.open(crashed) as af:  # writable: SQLite rolls its journal back
        assert af.info.bureau_name == "甲局"
        assert {c: a.narrative for c, a in af.data(af.departments()[0].id).answers.items()} \
            == narratives
    assert not Path(f"{crashed}-journal").exists()


# --- names --------------------------------------------------------------------------------------

def named(folder: Path, checklist: Checklist, name: str, file: str) -> Path:
    path = folder / file
    with AssessmentFile.create(path, checklist, department_name=name, period="2026") as af:
        af.apply(ChangeSet(
            answers={i.code: {"self_score": i.max_points} for i in checklist.items},
            veto={v.code: {"triggered": False} for v in checklist.veto_items}))
        af.seal()
    return path


def test_names_are_compared_in_nfkc(tmp_path: Path, checklist: Checklist) -> None:
    """"ＩＴ处" and "IT处" (and a decomposed spelling) are one department: a second file of
    another id under that name is a conflict, a roster entry is received by either spelling,
    and a roster cannot list it twice."""
    from selfassess.bureau.roster import parse_roster
    from selfassess.errors import InputRefused

    bureau = tmp_path / "b.selfassess"
    create_bureau(bureau, checklist, "甲局", "2026", ["ＩＴ处", "办公室"]).close()
    first = named(tmp_path, checklist, "IT处", "1.selfassess")
    second = named(tmp_path, checklist, " ＩＴ处", "2.selfassess")
    outcomes = merge_files(bureau, [first, second])
    assert [o.outcome for o in outcomes] == ["added", "conflict"]
    with AssessmentFile.open(bureau, readonly=True) as af:
        from selfassess.standing import read_standing

        standing = read_standing(af)
    assert standing.missing == ["办公室"]  # the roster's ＩＴ处 is the IT处 received
    with pytest.raises(InputRefused, match="already on line 1"):
        parse_roster("IT处\nＩＴ处\n", "roster.txt")
    with pytest.raises(InputRefused, match="already on line 1"):
        parse_roster("Café处\nCafe\u0301处\n", "roster.txt")


def test_a_key_given_twice_is_refused(tmp_path: Path, checklist: Checklist,
                                      capsys: Capture) -> None:
    path = tmp_path / "d.selfassess"
    AssessmentFile.create(path, checklist, department_name="办公室", period="2026").close()
    before = sha256_of(path)
    answers = tmp_path / "a.json"
    answers.write_text('{"items": {"1.1": {"narrative": "甲"}, "1.1": {"narrative": "乙"}}}',
                       encoding="utf-8")
    code, _out, err = run(capsys, "--lang", "en", "fill", str(path), str(answers))
    assert code == 1 and "the key “1.1” appears twice" in err and sha256_of(path) == before


def test_the_roster_limit_holds_at_merge(tmp_path: Path, checklist: Checklist,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from selfassess.bureau import merge

    monkeypatch.setattr(merge, "MAX_LIST_ENTRIES", 2)
    bureau = tmp_path / "b.selfassess"
    create_bureau(bureau, checklist, "甲局", "2026", ["办公室"]).close()
    files = [named(tmp_path, checklist, name, f"{n}.selfassess")
             for n, name in enumerate(("办公室", "财务处", "宣传处"))]
    outcomes = merge_files(bureau, files)
    assert [o.outcome for o in outcomes] == ["added", "added", "refused"]
    assert "roster already lists 2 departments" in outcomes[2].reason
    with AssessmentFile.open(bureau, readonly=True) as af:
        assert sorted(d.name for d in af.departments()) == ["办公室", "财务处"]


def test_file_names_made_from_names(tmp_path: Path, checklist: Checklist) -> None:
    """distribute: a slash is part of a name, two names never share a file, and an
    85-character Chinese name fits the file system's 255 bytes with its .selfassess."""
    from selfassess.bureau import distribute

    long_name = "水" * 85
    bureau = tmp_path / "b.selfassess"
    create_bureau(bureau, checklist, "甲局", "2026", ["党办/人事处", "党办_人事处", long_name]).close()
    out = tmp_path / "out"
    out.mkdir()
    with AssessmentFile.open(bureau) as af:
        results = distribute(af, out)
    names = sorted(p.name for p in out.iterdir())
    assert [r[0] for r in results] == ["created"] * 3 and len(names) == 3
    assert "2026_党办_人事处.selfassess" in names and "2026_党办_人事处(2).selfassess" in names
    assert all(len(n.encode("utf-8")) <= 255 and n.endswith(".selfassess") for n in names)
    for path in out.iterdir():
        with AssessmentFile.open(path, readonly=True) as af:
            assert af.department().name in ("党办/人事处", "党办_人事处", long_name)


def test_an_index_of_our_own_only(tmp_path: Path, checklist: Checklist, capsys: Capture) -> None:
    """An index is code SQLite runs on every write: one calling a function SQLite lacks passed
    the full check and broke the first edit; now such a file is refused at opening."""
    import shutil
    import sqlite3

    path = tmp_path / "d.selfassess"
    AssessmentFile.create(path, checklist, department_name="办公室", period="2026").close()
    conn = sqlite3.connect(path)
    conn.execute("CREATE INDEX sneaky ON answers (lower(narrative))")
    conn.commit()
    conn.close()
    copy = tmp_path / "copy.selfassess"
    shutil.copy(path, copy)
    before = sha256_of(copy)
    answers = tmp_path / "a.json"
    answers.write_text('{"items": {"1.1": {"narrative": "甲"}}}', encoding="utf-8")
    for argv in (("summary", str(copy)), ("fill", str(copy), str(answers))):
        code, _out, err = run(capsys, "--lang", "en", *argv)
        assert code == 1 and "index" in err and len(err.strip().splitlines()) == 1, err
    assert sha256_of(copy) == before


@pytest.mark.parametrize("statement", [
    "UPDATE seals SET sealed_at = '9999-12-31T23:59:59+08:00'",
    "UPDATE departments SET created_at = 'yesterday'",
    "UPDATE answers SET updated_at = '1970-01-01T00:00:00+00:00'"])
def test_implausible_times_are_refused(tmp_path: Path, checklist: Checklist,
                                       statement: str) -> None:
    import sqlite3

    path = department(tmp_path, checklist, "办公室")  # sealed, so the seal is checked too
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute(statement)
    conn.commit()
    conn.close()
    assert "time" in refused(tmp_path, "summary", str(path))  # another process: a received file


def test_long_evidence_names_export_and_old_files_still_open(tmp_path: Path,
                                                             checklist: Checklist,
                                                             capsys: Capture) -> None:
    """A 100-character Chinese evidence name (300 bytes, accepted before the byte limit) still
    opens, and exports under a name the file system takes."""
    import sqlite3

    document = tmp_path / "会议纪要.pdf"
    document.write_bytes(b"%PDF-1.4 minutes")
    path = tmp_path / "d.selfassess"
    with AssessmentFile.create(path, checklist, department_name="办公室", period="2026") as af:
        from selfassess.store import EvidenceSource

        af.apply(ChangeSet(item_evidence={"1.1": [EvidenceSource(document, document.name)]}))
    long_name = "名" * 100 + ".pdf"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("UPDATE evidence SET file_name = ?", [long_name])
    conn.commit()
    conn.close()
    out = tmp_path / "out"
    out.mkdir()
    code, _out, err = run(capsys, "--lang", "en", "evidence", str(path), "-o", str(out))
    assert code == 0, err
    written = [p.name for p in out.iterdir()]
    assert len(written) == 1 and written[0].endswith(".pdf")
    assert len(written[0].encode("utf-8")) <= 255


def test_a_refused_file_is_not_missing(tmp_path: Path, checklist: Checklist,
                                       capsys: Capture) -> None:
    """A department whose draft was refused did send a file: the roster says refused and why,
    not 未报."""
    draft = tmp_path / "2026_财务处.selfassess"
    AssessmentFile.create(draft, checklist, department_name="财务处", period="2026").close()
    bureau = tmp_path / "b.selfassess"
    create_bureau(bureau, checklist, "甲局", "2026", ["财务处", "办公室"]).close()
    assert merge_files(bureau, [draft])[0].outcome == "refused"
    code, out, _err = run(capsys, "--lang", "en", "summary", str(bureau), "--json")
    assert code == 0
    roster = {entry["name"]: entry for entry in json.loads(out)["roster"]}
    assert roster["财务处"]["last_outcome"] == "refused"
    assert "not sealed" in roster["财务处"]["last_reason"]
    assert roster["办公室"]["last_outcome"] is None  # never sent


def _stuffed(source: Path, target: Path, rows: range, value: str = "x") -> None:
    """``source`` with rows of one inline-string cell appended to the first sheet read (the
    form's 自评表, the template's first table after 填写说明 and 设置)."""
    import zipfile

    extra = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{value}</t></is></c></row>'
                    for r in rows).encode()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == ("xl/worksheets/sheet1.xml" if source.name == "form.xlsx" else
                                 "xl/worksheets/sheet3.xml"):
                data = data.replace(b"</sheetData>", extra + b"</sheetData>")
            zout.writestr(info.filename, data)


def test_workbooks_are_read_as_a_stream_within_the_caps(tmp_path: Path, checklist: Checklist,
                                                        capsys: Capture) -> None:
    """Rows past the cap are refused as they arrive, within 300 MB, naming the sheet; formatted
    rows with nothing in them below the data are no problem."""
    dept = tmp_path / "d.selfassess"
    AssessmentFile.create(dept, checklist, department_name="办公室", period="2026").close()
    form, template = tmp_path / "form.xlsx", tmp_path / "template.xlsx"
    for argv in (("export", str(dept), "-o", str(form)),
                 ("checklist", "export-xlsx", "ideology-responsibility", "-o", str(template))):
        code, _out, err = run(capsys, *argv)
        assert code == 0, err
    before = sha256_of(dept)
    for source in (form, template):
        stuffed = tmp_path / f"stuffed-{source.name}"
        _stuffed(source, stuffed, range(100, 220_000))  # 12 MB of XML, 220,000 rows
        argv = (("import-xlsx", str(stuffed), str(dept)) if source is form else
                ("checklist", "import-xlsx", str(stuffed), "-o", str(tmp_path / "c.yaml")))
        assert "has more than 5000 rows; split it" in refused(tmp_path, *argv)
        empty = tmp_path / f"empty-{source.name}"
        _stuffed(source, empty, range(6_000, 6_001), value="")
    assert sha256_of(dept) == before and not (tmp_path / "c.yaml").exists()
    code, _out, err = run(capsys, "import-xlsx", str(tmp_path / "empty-form.xlsx"), str(dept))
    assert code == 0, err
    code, _out, err = run(capsys, "checklist", "import-xlsx", str(tmp_path / "empty-template.xlsx"),
                          "-o", str(tmp_path / "c.yaml"))
    assert code == 0, err


def test_written_names_fit_a_windows_path(tmp_path: Path, checklist: Checklist,
                                          capsys: Capture) -> None:
    """Evidence exported and blank files distributed into a deep folder keep every path within
    the 260 characters a Windows PC allows (the folder is often copied to one); a folder too
    deep for any name is refused in one line, with nothing written."""
    from selfassess.store import EvidenceSource
    from selfassess.validation import MAX_DATABASE_PATH_BYTES, MAX_PATH_CHARS

    document = tmp_path / ("关于进一步加强意识形态工作的会议纪要" * 3 + ".pdf")
    document.write_bytes(b"%PDF-1.4 minutes")
    names = ["党委办公室（党委宣传部、统战部、机关党委）" * 2 + str(n) for n in range(2)]
    source = tmp_path / "d.selfassess"
    with AssessmentFile.create(source, checklist, department_name=names[0], period="2026") as af:
        af.apply(ChangeSet(item_evidence={c: [EvidenceSource(document, document.name)]
                                          for c in ("1.1", "1.2")}))
    bureau = tmp_path / "b.selfassess"
    create_bureau(bureau, checklist, "XX市水利局", "2026", names).close()
    assert merge_files(bureau, [source], allow_drafts=True)[0].outcome == "draft"
    deep = tmp_path.joinpath(*["意识形态工作责任制检查"] * ((150 - len(str(tmp_path))) // 11 + 1))
    deep.mkdir(parents=True)
    for argv in (("evidence", str(bureau), "-o", str(deep)),
                 ("evidence", str(source), "-o", str(deep)),
                 ("distribute", str(bureau), "--out", str(deep))):
        code, _out, err = run(capsys, "--lang", "en", *argv)
        assert code == 0, (argv, err)
    written = [p for p in deep.rglob("*")]
    assert len([p for p in written if p.suffix == ".pdf"]) == 4
    assert len([p for p in written if p.suffix == ".selfassess"]) == 2
    assert max(len(str(p.resolve())) for p in written) <= MAX_PATH_CHARS
    assert max(len(str(p.resolve()).encode()) for p in written if p.suffix == ".selfassess") \
        <= MAX_DATABASE_PATH_BYTES  # SQLite's own limit
    deeper = deep.joinpath(*["意识形态工作"] * ((250 - len(str(deep))) // 7 + 1))
    deeper.mkdir(parents=True)
    for argv in (("evidence", str(source), "-o", str(deeper)),
                 ("distribute", str(bureau), "--out", str(deeper))):
        code, _out, err = run(capsys, "--lang", "en", *argv)
        assert code == 1 and "too deep" in err and len(err.strip().splitlines()) == 1, err
    assert not list(deeper.iterdir())
    moved = deeper / "d.selfassess"  # SQLite cannot open it there: said so, not "damaged"
    source.rename(moved)
    for argv in (("summary", str(moved)), ("new", str(deeper / "n.selfassess"), "--department",
                                           "办公室", "--period", "2026")):
        code, _out, err = run(capsys, "--lang", "en", *argv)
        assert code == 1 and "folder path is too long" in err, err
        assert len(err.strip().splitlines()) == 1
