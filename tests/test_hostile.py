"""Every command that accepts a file, run on every input of the hostile corpus (tests/hostile.py):
refused with one clear line and exit 1, no traceback, nothing changed; odd-but-legal content is
shown and printed literally."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from commands import Capture, run
from docx import Document
from files import sha256_of
from hostile import MARKUP, Case
from pypdf import PdfReader

from selfassess.store import AssessmentFile
from selfassess.store.verify import verify_contents
from selfassess.summary import file_summary


def fingerprint(path: Path) -> str:
    """A file's bytes, or a folder's listing; plus which companions lie beside it."""
    body = sha256_of(path) if path.is_file() else str(sorted(path.iterdir()))
    companions = [s for s in ("-wal", "-shm", "-journal") if Path(f"{path}{s}").exists()]
    return f"{body} {companions}"


class Checker:
    """Runs commands on cases and collects what falls short (all reported at once)."""

    def __init__(self, capsys: Capture) -> None:
        self.capsys = capsys
        self.failures: list[str] = []

    def refused(self, case: Case, *argv: str, untouched: tuple[Path, ...] = ()) -> None:
        watched = (case.path, *untouched)
        before = [fingerprint(p) for p in watched]
        code, out, err = run(self.capsys, *argv)
        # merge reports each file on standard output ("refused NAME: reason"), the rest on stderr
        lines = (out if argv[0] == "merge" else err).strip().splitlines()
        if argv[0] == "merge" and not (lines and lines[0].startswith("refused ")):
            lines = []
        label = f"{case.name}: {' '.join(argv[:1])}"
        if code != 1:
            self.failures.append(f"{label}: exit {code}: {err.strip()[:300]}")
        elif "Traceback" in err + out or not lines or not self._clear(case, lines):
            self.failures.append(f"{label}: not one clear line: {(out + err).strip()[:300]!r}")
        if [fingerprint(p) for p in watched] != before:
            self.failures.append(f"{label}: a file changed")

    @staticmethod
    def _clear(case: Case, lines: list[str]) -> bool:
        """A received .selfassess file is refused in exactly one line; a checklist, workbook or
        answers file someone is preparing gets every problem, each on a line of its own that
        names where it is (file name, line or sheet!cell)."""
        if case.kind == "selfassess":
            return len(lines) == 1
        return all(len(line) < 400 and (case.path.name in line or "!" in line.split(":")[0])
                   for line in lines)

    def accepted(self, case: Case, *argv: str) -> None:
        before = fingerprint(case.path)
        code, _out, err = run(self.capsys, *argv)
        if code != 0:
            self.failures.append(f"{case.name}: {argv[0]}: exit {code}: {err.strip()[:300]}")
        if fingerprint(case.path) != before:
            self.failures.append(f"{case.name}: {argv[0]}: the file changed")

    def check(self) -> None:
        assert not self.failures, "\n".join(self.failures)


def cases_of(corpus: tuple[list[Case], Path, Path], kind: str, outcome: str) -> Iterator[Case]:
    return (c for c in corpus[0] if c.kind == kind and c.outcome == outcome)


def test_the_corpus_is_big_enough(corpus: tuple[list[Case], Path, Path]) -> None:
    assert len(corpus[0]) >= 40
    assert {c.kind for c in corpus[0]} == {"selfassess", "yaml", "template", "form", "answers"}


@pytest.mark.slow
def test_hostile_files_are_refused_by_every_command(
        corpus: tuple[list[Case], Path, Path], tmp_path: Path, capsys: Capture) -> None:
    cases, sealed, _draft = corpus
    bureau = tmp_path / "bureau.selfassess"
    assert run(capsys, "bureau", "new", str(bureau), "--name", "XX局", "--period", "2026")[0] == 0
    with AssessmentFile.open(bureau, readonly=True) as af:
        bureau_before = file_summary(af)["departments"]
    form = next(c.path for c in cases if c.name == "form-enormous-dimensions").with_name(
        "form-ok.xlsx")
    target = tmp_path / "restore-target.selfassess"  # a good file a backup would replace
    shutil.copy(sealed, target)
    answers = tmp_path / "answers.json"
    answers.write_text('{"items": {"1.1": {"score": 4}}}', "utf-8")
    reviews = tmp_path / "reviews.json"
    reviews.write_text('{"reviews": [{"department": "办公室", "item": "1.1", "score": 4}]}',
                       "utf-8")
    checker = Checker(capsys)
    out = tmp_path / "out"
    out.mkdir()
    for case in cases_of(corpus, "selfassess", "refused"):
        path = str(case.path)
        for argv in (("summary", path), ("summary", path, "--json"),
                     ("report", path, "-o", str(out / "x.pdf")),
                     ("export", path, "-o", str(out / "x.xlsx")),
                     ("export", path, "-o", str(out / "x.docx")),
                     ("seal", path), ("reopen", path), ("fill", path, str(answers)),
                     ("import-xlsx", str(form), path), ("review", path, str(reviews)),
                     ("distribute", path, "--out", str(out / "blank")),
                     ("checklist", "export", path, "-o", str(out / "x.yaml")),
                     ("checklist", "export-xlsx", path, "-o", str(out / "x.xlsx")),
                     ("evidence", path, "-o", str(out))):
            checker.refused(case, *argv)
        checker.refused(case, "merge", str(bureau), path)
        checker.refused(case, "restore", path, str(target), "--force", untouched=(target,))
    checker.check()
    assert not list(out.iterdir())  # nothing was written for a refused input
    with AssessmentFile.open(bureau, readonly=True) as af:
        assert file_summary(af)["departments"] == bureau_before
    with AssessmentFile.open(sealed, readonly=True, verify=False) as good:
        verify_contents(good)  # the file every forgery was made from still checks out


def test_odd_but_legal_content_is_shown_literally(
        corpus: tuple[list[Case], Path, Path], tmp_path: Path, capsys: Capture) -> None:
    checker = Checker(capsys)
    for case in cases_of(corpus, "selfassess", "accepted"):
        pdf, docx = tmp_path / f"{case.name}.pdf", tmp_path / f"{case.name}.docx"
        checker.accepted(case, "summary", str(case.path))
        checker.accepted(case, "report", str(case.path), "-o", str(pdf))
        checker.accepted(case, "export", str(case.path), "-o", str(docx))
    checker.check()
    text = "".join(page.extract_text() for page in PdfReader(
        tmp_path / "markup-everywhere.pdf").pages)
    assert "<b>粗</b>" in text.replace("\n", "")  # printed as text, not obeyed
    document = Document(str(tmp_path / "markup-everywhere.docx"))
    body = "\n".join(p.text for p in document.paragraphs)
    assert body.count(MARKUP) >= 4  # title (department), narratives, shortcoming, measure
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    assert MARKUP in cells  # the 整改台账 rows
    rare = "\n".join(p.text for p in Document(str(tmp_path / "rare-characters.docx")).paragraphs)
    assert "𠮷" in rare and "😀" in rare


def test_hostile_checklists_templates_forms_and_answers(
        corpus: tuple[list[Case], Path, Path], tmp_path: Path, capsys: Capture) -> None:
    _cases, sealed, draft = corpus
    target = tmp_path / "target.selfassess"  # the department the forms were exported from
    shutil.copy(sealed, target)
    with AssessmentFile.open(target) as af:
        af.reopen()
    fill_target = tmp_path / "draft.selfassess"
    shutil.copy(draft, fill_target)
    checker = Checker(capsys)
    for case in cases_of(corpus, "yaml", "refused"):
        checker.refused(case, "checklist", "validate", str(case.path))
        checker.refused(case, "new", str(tmp_path / "x.selfassess"), "--department", "办公室",
                        "--checklist", str(case.path))
    for case in cases_of(corpus, "template", "refused"):
        checker.refused(case, "checklist", "validate", str(case.path))
        checker.refused(case, "checklist", "import-xlsx", str(case.path), "-o",
                        str(tmp_path / "x.yaml"))
    for case in cases_of(corpus, "template", "accepted"):
        checker.accepted(case, "checklist", "validate", str(case.path))
    for case in cases_of(corpus, "form", "refused"):
        checker.refused(case, "import-xlsx", str(case.path), str(target), untouched=(target,))
    for case in cases_of(corpus, "form", "accepted"):
        checker.accepted(case, "import-xlsx", str(case.path), str(target))
    for case in cases_of(corpus, "answers", "refused"):
        checker.refused(case, "fill", str(fill_target), str(case.path), untouched=(fill_target,))
    checker.check()
    assert not (tmp_path / "x.selfassess").exists() and not (tmp_path / "x.yaml").exists()
