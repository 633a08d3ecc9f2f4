"""A generated corpus of hostile inputs: ``python tests/hostile.py FOLDER`` writes it, the tests
import ``build_corpus``.

Every case is a file someone could send: damaged, forged, or crafted to break a parser, a
renderer or the file system. ``refused`` cases must be refused with one clear line (exit 1, no
traceback) and change nothing; ``accepted`` cases are odd but legal content that must be shown
and printed literally (markup stays text, rare characters survive).
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from selfassess.checklist import load_builtin
from selfassess.store import AssessmentFile, ChangeSet, EvidenceSource, Measure, Shortcoming
from selfassess.store.schema import SCHEMA_VERSION


@dataclass(frozen=True)
class Case:
    """One hostile input: its file, what kind of input it is and what must happen."""

    name: str
    path: Path
    kind: str  # "selfassess" | "yaml" | "template" | "form" | "answers"
    outcome: str  # "refused" | "accepted"


MARKUP = '<b>粗</b><font name="Courier" size="40">大</font><para>&amp;</para>"\'<script>x</script>'
RARE = "𠀀𠮷𪚥 😀🏳️‍🌈 مرحبا \u202eexe.txt \u200b\u200d\ufeff"


def _base(folder: Path) -> tuple[Path, Path]:
    """A sealed, complete department file with evidence, and an unsealed draft."""
    checklist = load_builtin("ideology-responsibility")
    scan = folder / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + random.Random(7).randbytes(20_000))
    sealed = folder / "base_sealed.selfassess"
    with AssessmentFile.create(sealed, checklist, department_name="办公室", period="2026") as af:
        af.apply(ChangeSet(
            answers={i.code: {"self_score": i.max_points, "narrative": "按要求开展。"}
                     for i in checklist.items},
            veto={v.code: {"triggered": False} for v in checklist.veto_items},
            item_evidence={"1.1": [EvidenceSource(scan, "会议纪要.pdf")]},
            shortcomings=[Shortcoming("理论学习", "学习不够深入。")],
            measures=[Measure("每月集中学习。", owner="张三", shortcoming=0)]))
        af.seal()
    draft = folder / "base_draft.selfassess"
    with AssessmentFile.create(draft, checklist, department_name="宣传处", period="2026") as af:
        af.apply(ChangeSet(
            answers={"1.1": {"self_score": Decimal(3), "narrative": "已开展。",
                             "deduction_reason": "少一次"}},
            bonus={"B1": {"points": Decimal(1), "narrative": "获表彰"}},
            veto={"V1": {"triggered": False, "explanation": "经核查无"}},
            shortcomings=[Shortcoming("理论学习", "不够深入", "1.1")],
            measures=[Measure("加强学习", owner="李四", leader="王五", deadline="2027-06-30",
                              standard="计划印发", progress="起草中", shortcoming=0)]))
    return sealed, draft


def _sql(source: Path, target: Path, *statements: str, params: tuple[object, ...] = ()) -> None:
    """A copy of ``source`` changed by raw SQL (what a forger with sqlite3 can do); ``params``
    holds at most one value, bound to every ``?``."""
    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode = DELETE")
    for statement in statements:  # one value fills every placeholder
        conn.execute(statement, tuple(params[:1]) * statement.count("?"))
    conn.commit()
    conn.close()


def _bytes(source: Path, target: Path, change: Callable[[bytearray], None]) -> None:
    data = bytearray(source.read_bytes())
    change(data)
    target.write_bytes(bytes(data))


def _page_size(path: Path) -> int:
    size = int.from_bytes(path.read_bytes()[16:18], "big")
    return 65536 if size == 1 else size


def _selfassess_cases(folder: Path, sealed: Path, draft: Path) -> list[Case]:
    cases: list[tuple[str, Callable[[Path], None], str]] = []

    def add(name: str, make: Callable[[Path], None], outcome: str = "refused") -> None:
        cases.append((name, make, outcome))

    rng = random.Random(42)
    page = _page_size(sealed)
    size = sealed.stat().st_size
    add("not-sqlite", lambda p: p.write_text("这不是数据库\n" * 50, "utf-8"))
    add("empty", lambda p: p.write_bytes(b""))
    for cut in (50, 100, page, size // 2, size - 1):
        add(f"truncated-{cut}", lambda p, cut=cut: p.write_bytes(sealed.read_bytes()[:cut]))
    for number in (2, 4, size // page - 1):
        def scramble(p: Path, number: int = number) -> None:
            _bytes(sealed, p, lambda d: d.__setitem__(
                slice(number * page + 16, (number + 1) * page - 16),
                rng.randbytes(page - 32)))
        add(f"random-page-{number}", scramble)

    def other_program(p: Path) -> None:
        conn = sqlite3.connect(p)
        conn.execute("CREATE TABLE notes (x)")
        conn.commit()
        conn.close()
    add("other-sqlite", other_program)
    add("wrong-application-id", lambda p: _sql(sealed, p, "PRAGMA application_id = 1234"))
    add("newer-schema", lambda p: _sql(sealed, p, f"PRAGMA user_version = {SCHEMA_VERSION + 1}"))
    add("missing-table", lambda p: _sql(sealed, p, "DROP TABLE shortcomings"))
    add("missing-column", lambda p: _sql(
        sealed, p, "ALTER TABLE answers DROP COLUMN narrative"))
    add("extra-trigger", lambda p: _sql(
        sealed, p, "CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM answers; END"))
    add("extra-view", lambda p: _sql(sealed, p, "CREATE VIEW v AS SELECT * FROM answers"))
    for name, value in (("score-out-of-range", "99"), ("score-nan", "NaN"),
                        ("score-text", "三分"), ("score-negative-zero", "-0"),
                        ("score-negative", "-1"), ("score-off-step", "3.3"),
                        ("score-infinity", "Infinity"), ("score-blob", None)):
        if value is None:  # bytes where canonical decimal TEXT belongs
            add(name, lambda p: _sql(draft, p, "UPDATE answers SET self_score = X'33'"))
        else:
            add(name, lambda p, v=value: _sql(draft, p, "UPDATE answers SET self_score = ?",
                                              params=(v,)))
    add("unknown-item-code", lambda p: _sql(
        draft, p, "UPDATE answers SET item_code = '9.9' WHERE item_code = '1.1'"))

    def duplicate_codes(p: Path) -> None:
        import json
        shutil.copy(draft, p)
        conn = sqlite3.connect(p)
        content = json.loads(conn.execute("SELECT content FROM checklist").fetchone()[0])
        content["sections"][0]["items"][1]["code"] = "1.1"
        conn.execute("UPDATE checklist SET content = ?", [json.dumps(content,
                                                                    ensure_ascii=False)])
        conn.commit()
        conn.close()
    add("duplicate-item-code", duplicate_codes)
    add("checklist-tampered", lambda p: _sql(
        draft, p, "UPDATE checklist SET content = replace(content, '\"4\"', '\"40\"')"))
    add("evidence-hash-mismatch", lambda p: _sql(
        sealed, p, "UPDATE evidence_blobs SET content = zeroblob(size)"))
    add("evidence-absurd-size", lambda p: _sql(
        sealed, p, "UPDATE evidence SET size = 1000000000000000",
        "UPDATE evidence_blobs SET size = 1000000000000000"))
    for name, file_name in (("evidence-name-parent", "../../../etc/passwd"),
                            ("evidence-name-absolute", "/etc/shadow"),
                            ("evidence-name-windows", "C:\\Windows\\system32\\evil.dll"),
                            ("evidence-name-control", "纪要\x07\x1b[31m.pdf"),
                            ("evidence-name-reserved", "CON.pdf"),
                            ("evidence-name-bidi", "纪要\u202efdp.exe")):
        add(name, lambda p, n=file_name: _sql(sealed, p, "UPDATE evidence SET file_name = ?",
                                              params=(n,)))
    add("narrative-10mb", lambda p: _sql(draft, p, "UPDATE answers SET narrative = ?",
                                         params=("意" * 10_000_000,)))
    add("department-name-zero-width", lambda p: _sql(
        draft, p, "UPDATE departments SET name = '宣\u200b传处'"))
    add("foreign-key-orphan", lambda p: _sql(
        draft, p, "UPDATE answers SET department_id = 'nobody'"))
    add("two-departments", lambda p: _sql(
        draft, p, "INSERT INTO departments (id, name, created_at) VALUES ('x', '别处', '2026')"))
    add("seal-digest-broken", lambda p: _sql(
        sealed, p, "UPDATE answers SET narrative = '封存后改过' WHERE item_code = '1.2'"))
    add("unknown-kind", lambda p: _sql(draft, p, "UPDATE meta SET value = 'x' WHERE key = 'kind'"))
    # returns and approvals (format 3) are checked like every stored value
    return_row = ("INSERT INTO returns (id, department_id, revision, returned_at, note) "
                  "SELECT 1, id, 0, '{at}', '请补充' FROM departments")
    entry_row = "INSERT INTO return_entries VALUES (1, '{kind}', '{code}', '{reason}')"
    for name, at, kind, code, reason in (
            ("return-unknown-entry", "2026-11-29T10:00:00", "item", "9.9", "缺纪要"),
            ("return-unknown-kind", "2026-11-29T10:00:00", "chapter", "1.1", "缺纪要"),
            ("return-reason-control", "2026-11-29T10:00:00", "item", "1.1", "缺\x07纪要"),
            ("return-time-implausible", "9999-01-01T00:00:00", "item", "1.1", "缺纪要")):
        add(name, lambda p, at=at, kind=kind, code=code, reason=reason: _sql(
            draft, p, return_row.format(at=at),
            entry_row.format(kind=kind, code=code, reason=reason)))
    add("return-orphan", lambda p: _sql(
        draft, p, "INSERT INTO returns (id, department_id, revision, returned_at) "
                  "VALUES (1, 'nobody', 0, '2026-11-29T10:00:00')"))
    add("approval-bad-digest", lambda p: _sql(
        draft, p, "INSERT INTO approvals (department_id, revision, digest, approved_at) "
                  "SELECT id, 0, 'not-a-digest', '2026-11-29T10:00:00' FROM departments"))
    add("folder-named-like-a-file", lambda p: p.mkdir())

    def hostile_wal(p: Path) -> None:
        shutil.copy(draft, p)
        Path(f"{p}-wal").write_bytes(rng.randbytes(8192))
    add("garbage-wal-beside", hostile_wal, "accepted")  # ignored: what was sent is the file
    add("markup-everywhere", lambda p: _sql(  # every free-text field people fill in
        draft, p, "UPDATE answers SET narrative = ?, deduction_reason = ?",
        "UPDATE departments SET name = ?, filled_by = ?",
        "UPDATE bonus_claims SET narrative = ?", "UPDATE veto_declarations SET explanation = ?",
        "UPDATE shortcomings SET text = ?",
        "UPDATE measures SET text = ?, owner = ?, leader = ?, standard = ?, progress = ?",
        "UPDATE meta SET value = ? WHERE key = 'bureau_name'", params=(MARKUP,)), "accepted")
    add("rare-characters", lambda p: _sql(draft, p, "UPDATE answers SET narrative = ?",
                                          params=(RARE,)), "accepted")

    built = []
    for name, make, outcome in cases:
        path = folder / f"{name}.selfassess"
        make(path)
        built.append(Case(name, path, "selfassess", outcome))
    return built


def _yaml_cases(folder: Path) -> list[Case]:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, "
        f"*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(9))
    texts = {
        "yaml-alias-bomb": bomb,
        "yaml-python-tag": "id: !!python/object/apply:os.system ['echo owned']\n",
        "yaml-not-a-mapping": "- just\n- a list\n",
        "yaml-binary": "\x00\x01\x02",
        "yaml-huge": "title: " + "长" * 3_000_000 + "\n",
    }
    cases = []
    for name, text in texts.items():
        path = folder / f"{name}.yaml"
        path.write_bytes(text.encode("utf-8"))
        cases.append(Case(name, path, "yaml", "refused"))
    return cases


def _xlsx_cases(folder: Path, sealed: Path) -> list[Case]:
    from openpyxl import load_workbook

    from selfassess.office.checklist_xlsx import write_checklist_workbook
    from selfassess.office.form_xlsx import write_form

    checklist = load_builtin("ideology-responsibility")
    cases = []
    form = folder / "form-ok.xlsx"
    with AssessmentFile.open(sealed, readonly=True) as af:
        write_form(af, form)
    template = write_checklist_workbook(checklist, folder / "template-ok.xlsx")

    def rezip(source: Path, target: Path, change: Callable[[str, bytes], bytes]) -> None:
        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w",
                                                             zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                zout.writestr(info, change(info.filename, zin.read(info.filename)))

    def enormous(name: str, data: bytes) -> bytes:
        if name.startswith("xl/worksheets/sheet"):
            text = data.decode("utf-8")
            start = text.find("<dimension ref=\"")
            end = text.find("\"", start + 16)
            return (text[:start + 16] + "A1:XFD1048576" + text[end:]).encode("utf-8")
        return data

    for kind, source in (("form", form), ("template", template)):
        path = folder / f"{kind}-enormous-dimensions.xlsx"
        rezip(source, path, enormous)
        cases.append(Case(f"{kind}-enormous-dimensions", path, kind, "accepted"))
        bomb = folder / f"{kind}-zip-bomb.xlsx"
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * 210_000_000 + b"</a>")
        cases.append(Case(f"{kind}-zip-bomb", bomb, kind, "refused"))
        not_zip = folder / f"{kind}-not-a-zip.xlsx"
        not_zip.write_bytes(b"PK\x03\x04" + os.urandom(1000))
        cases.append(Case(f"{kind}-not-a-zip", not_zip, kind, "refused"))
    wb = load_workbook(form)
    wb["selfassess"]["B1"] = "0" * 64  # made for another checklist
    foreign = folder / "form-other-checklist.xlsx"
    wb.save(foreign)
    cases.append(Case("form-other-checklist", foreign, "form", "refused"))
    wb = load_workbook(template)
    wb[wb.sheetnames[3]]["A3"] = MARKUP
    markup = folder / "template-markup-code.xlsx"
    wb.save(markup)
    cases.append(Case("template-markup-code", markup, "template", "refused"))
    return cases


def _answers_cases(folder: Path) -> list[Case]:
    texts = {"answers-nan": '{"items": {"1.1": {"score": NaN}}}',
             "answers-deep": "[" * 100_000 + "]" * 100_000,
             "answers-huge-number": '{"items": {"1.1": {"score": 1e999999}}}',
             "answers-evidence-escape": '{"items": {"1.1": {"evidence": ["../../../../etc/passwd"]}}}'}
    cases = []
    for name, text in texts.items():
        path = folder / f"{name}.json"
        path.write_text(text, "utf-8")
        cases.append(Case(name, path, "answers", "refused"))
    return cases


def build_corpus(folder: Path) -> tuple[list[Case], Path, Path]:
    """Write every hostile input into ``folder``; returns the cases and the two good files
    they were made from (sealed, draft)."""
    folder.mkdir(parents=True, exist_ok=True)
    good = folder / "good"
    good.mkdir(exist_ok=True)
    sealed, draft = _base(good)
    cases = _selfassess_cases(folder, sealed, draft)
    cases += _yaml_cases(folder)
    cases += _xlsx_cases(folder, sealed)
    cases += _answers_cases(folder)
    return cases, sealed, draft


if __name__ == "__main__":
    built, _sealed, _draft = build_corpus(Path(sys.argv[1] if len(sys.argv) > 1 else "corpus"))
    for case in built:
        print(f"{case.outcome:9} {case.kind:10} {case.path}")
    print(f"{len(built)} cases")
