"""核对码 on every printed page, and ``verify-print`` (issue 17): the paper says which file and
revision it came from, and a page from an older revision or a draft is told apart."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from commands import Capture, run
from test_ledger import ledger_bureau, write_json

from selfassess.checkcode import CodeError, Stamp, decode, qr_text, short_code
from selfassess.checklist import Checklist
from selfassess.store import AssessmentFile, ChangeSet

CODE = re.compile(r"核对码：?([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})")


def page_codes(pdf: Path) -> list[str]:
    """The 核对码 printed on each page, in order (one per page, or the test fails)."""
    codes = []
    for number, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages, 1):
        found = CODE.findall(re.sub(r"\s+", "", page.extract_text()))
        assert len(found) == 1, (pdf.name, number, found)
        codes.append(found[0])
    return codes


def printed(capsys: Capture, path: Path, out: Path, *extra: str) -> list[str]:
    code, _out, err = run(capsys, "--lang", "zh_CN", "report", str(path), "-o", str(out),
                          *extra)
    assert code == 0, err
    return page_codes(out)


def verify(capsys: Capture, code: str, *files: Path) -> tuple[int, str]:
    status, out, err = run(capsys, "verify-print", code, *map(str, files))
    return status, out + err


@pytest.fixture
def bureau(tmp_path: Path, checklist: Checklist, capsys: Capture) -> Path:
    return ledger_bureau(tmp_path, checklist, capsys)  # 办公室, sealed, with three measures


def test_every_page_of_the_three_pdfs_carries_a_code_that_checks_out(
        bureau: Path, tmp_path: Path, capsys: Capture) -> None:
    office = tmp_path / "2026_办公室.selfassess"
    sheet = printed(capsys, office, tmp_path / "自评表.pdf")
    report = printed(capsys, bureau, tmp_path / "汇总报告.pdf")
    ledger = printed(capsys, bureau, tmp_path / "整改台账.pdf", "--ledger")
    assert len(sheet) >= 3 and len(report) >= 5 and len(ledger) >= 1
    assert len(set(sheet)) == len(sheet) and len(set(report)) == len(report)  # by page
    for number, code in enumerate(sheet, 1):
        status, out = verify(capsys, code, office)
        assert status == 0 and f"matches 办公室, revision 1, page {number}" in out, out
    # the department's sheet checks against the bureau's file too (the same seal)
    assert verify(capsys, sheet[0], bureau)[0] == 0
    for code in (report[0], report[-1], ledger[0]):
        status, out = verify(capsys, code, bureau)
        assert status == 0 and "matches XX市水利局's file as it is now" in out, out
    # by itself, a code says what it can
    status, out = verify(capsys, sheet[1])
    assert status == 0 and "a department's score sheet or ledger, revision 1, page 2" \
        in out and "sealed" in out
    status, out = verify(capsys, report[1])
    assert status == 0 and "a bureau's report or ledger, page" in out and "revision" not in out
    # against a file it is not from
    status, out = verify(capsys, report[0], office)
    assert status == 1 and "matches none of the files given" in out


def test_an_older_revision_a_draft_and_a_changed_bureau_are_told_apart(
        bureau: Path, tmp_path: Path, capsys: Capture) -> None:
    office = tmp_path / "2026_办公室.selfassess"
    first = printed(capsys, office, tmp_path / "r1.pdf")[0]
    marked = printed(capsys, office, tmp_path / "draft.pdf", "--draft")[0]
    status, out = verify(capsys, marked, office)
    assert status == 1 and "printed from a draft" in out, out
    with AssessmentFile.open(office) as af:
        af.reopen()
        af.apply(ChangeSet(answers={"1.1": {"narrative": "补充了学习记录。"}}))
        unsealed = af.data()
    draft = printed(capsys, office, tmp_path / "unsealed.pdf")[0]
    status, out = verify(capsys, draft, office)
    assert status == 1 and "printed from a draft" in out and "办公室" in out, out
    with AssessmentFile.open(office) as af:
        af.seal()
    assert unsealed.department.revision == 1
    status, out = verify(capsys, first, office)
    assert status == 1 and "printed from revision 1; the file is now at revision 2" in out, out
    second = printed(capsys, office, tmp_path / "r2.pdf")[0]
    assert verify(capsys, second, office)[0] == 0
    # the bureau's report, then a 销号 in the bureau: the printed report is no longer it
    report = tmp_path / "汇总报告.pdf"
    printed(capsys, bureau, report)
    qr = scanned(report)
    assert verify(capsys, qr, bureau)[0] == 0
    assert run(capsys, "close-measure", str(bureau), "--department", "办公室", "--measure",
               "1", "--by", "王书记")[0] == 0
    status, out = verify(capsys, qr, bureau)
    assert status == 1 and "has changed since this page was printed" in out, out


def test_a_merge_that_changes_nothing_leaves_the_bureaus_pages_true_a_refusal_does_not(
        bureau: Path, tmp_path: Path, capsys: Capture) -> None:
    report = tmp_path / "汇总报告.pdf"
    codes = printed(capsys, bureau, report)
    qr = scanned(report)
    office = tmp_path / "2026_办公室.selfassess"
    _code, out, _err = run(capsys, "merge", str(bureau), str(office))
    assert out.startswith("unchanged ")
    for printed_code in (codes[0], codes[-1], qr):  # the log moved on, the pages did not
        status, out = verify(capsys, printed_code, bureau)
        assert status == 0 and "matches" in out, out
    # a refused file is listed in part 4 of a report printed now: the earlier one is not it
    junk = tmp_path / "junk.selfassess"
    junk.write_bytes(b"not a file of ours")
    _code, out, _err = run(capsys, "merge", str(bureau), str(junk))
    assert out.startswith("refused ")
    assert verify(capsys, codes[0], bureau)[0] == 1
    status, out = verify(capsys, qr, bureau)  # the QR names the bureau: it says what happened
    assert status == 1 and "has changed since this page was printed" in out, out


def scanned(pdf: Path, page: int = 1) -> str:
    """The QR code on a page, as a scanner would read it: rendered at 150 dpi and decoded by
    zbarimg (Debian's zbar-tools, which CI installs); scanned again at 200 and 300 dpi when
    that fails, as a person would (zbar misses about one 10 mm code in 200 at any one
    resolution, a different one at each)."""
    assert shutil.which("pdftoppm") and shutil.which("zbarimg"), "poppler-utils, zbar-tools"
    image = pdf.with_suffix(f".{page}.png")
    found = []
    for dpi in (150, 200, 300):
        subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png",
                        "-singlefile", str(pdf), str(image.with_suffix(""))], check=True)
        done = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True,
                              text=True, check=False)
        found = done.stdout.split()
        if done.returncode == 0:
            break
    (text,) = found
    return text


def test_the_qr_code_says_what_the_page_says(bureau: Path, tmp_path: Path,
                                            capsys: Capture) -> None:
    office = tmp_path / "2026_办公室.selfassess"
    pdf = tmp_path / "自评表.pdf"
    codes = printed(capsys, office, pdf)
    text = scanned(pdf, 2)
    decoded = decode(text)
    assert decoded.short == codes[1]  # the printed code is the QR's own
    assert (decoded.page, decoded.pages, decoded.revision, decoded.draft) == (
        2, len(codes), 1, False)
    with AssessmentFile.open(office, readonly=True) as af:
        assert af.department().id.replace("-", "").startswith(decoded.subject)
        assert af.seals()[-1].digest.startswith(decoded.digest_prefix)
    status, out = verify(capsys, text, office)
    assert status == 0 and "page 2 of" in out


def test_a_mistyped_code_is_caught() -> None:
    stamp = Stamp("department", "x", "办公室", 3, "ab" * 32, False)
    code = short_code(stamp, 7)
    assert decode(code.lower().replace("-", " ")).short == code  # typed loosely
    assert decode(code.replace("0", "O").replace("1", "I")).short == code
    swapped = code[1] + code[0] + code[2:] if code[0] != code[1] else code[:5] + code[6] \
        + code[5] + code[7:]
    for wrong in (code[:-1] + ("0" if code[-1] != "0" else "1"), swapped, code[:8], "hello"):
        with pytest.raises(CodeError):
            decode(wrong)
    text = qr_text(stamp, 7, 9)
    with pytest.raises(CodeError):
        decode(text.replace("|3|", "|4|"))  # the halves disagree: not as printed


def test_a_bad_code_gets_one_line(capsys: Capture, bureau: Path) -> None:
    status, out, err = run(capsys, "verify-print", "7KQ2-M9XA", str(bureau))
    assert status == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "10 characters" in err


def test_the_word_draft_carries_its_code_as_a_draft(bureau: Path, tmp_path: Path,
                                                    capsys: Capture) -> None:
    from docx import Document

    out = tmp_path / "自查报告.docx"
    assert run(capsys, "export", str(bureau), "-o", str(out))[0] == 0
    footer = "\n".join(p.text for p in Document(str(out)).sections[0].footer.paragraphs)
    (code,) = re.findall(r"核对码 (\S+)（草稿）", footer)
    status, text = verify(capsys, code, bureau)
    assert status == 1 and "printed from a draft" in text


def test_codes_change_with_the_follow_up_of_a_bureau_ledger(
        bureau: Path, tmp_path: Path, capsys: Capture) -> None:
    """A ledger printed before new 整改进展 is merged is not the ledger after it."""
    office = tmp_path / "2026_办公室.selfassess"
    before = printed(capsys, bureau, tmp_path / "a.pdf", "--ledger")[0]
    assert run(capsys, "fill", str(office), str(write_json(tmp_path / "f.json", {
        "measures": [{"id": 2, "progress": "台账已补齐。"}]})))[0] == 0
    assert run(capsys, "merge", str(bureau), str(office))[0] == 0
    assert verify(capsys, before, bureau)[0] == 1
    after = printed(capsys, bureau, tmp_path / "b.pdf", "--ledger")[0]
    assert verify(capsys, after, bureau)[0] == 0


def test_what_a_page_prints_beyond_the_seal_is_bound_too(
        bureau: Path, tmp_path: Path, capsys: Capture) -> None:
    """A department's sheet printed from the bureau shows review scores; a department's
    ledger shows its follow-up: after either changes, the old page no longer checks out."""
    office = tmp_path / "2026_办公室.selfassess"
    sheet = printed(capsys, bureau, tmp_path / "s1.pdf", "--department", "办公室")[0]
    reviews = write_json(tmp_path / "r.json", {"reviews": [
        {"department": "办公室", "item": "1.1", "score": 3, "reason": "学习记录不全"}]})
    code, _out, err = run(capsys, "review", str(bureau), str(reviews))
    assert code == 0, err
    status, out = verify(capsys, sheet, bureau)
    assert status == 1, out
    assert verify(capsys, printed(capsys, bureau, tmp_path / "s2.pdf", "--department",
                                  "办公室")[0], bureau)[0] == 0
    ledger = printed(capsys, office, tmp_path / "l1.pdf", "--ledger")[0]
    assert ledger != printed(capsys, office, tmp_path / "s3.pdf")[0]  # not the sheet's code
    assert verify(capsys, ledger, office)[0] == 0
    assert run(capsys, "fill", str(office), str(write_json(tmp_path / "f.json", {
        "measures": [{"id": 2, "status": "已完成"}]})))[0] == 0
    assert verify(capsys, ledger, office)[0] == 1


def test_files_in_any_order_and_a_reopened_file(bureau: Path, tmp_path: Path,
                                                capsys: Capture) -> None:
    report = tmp_path / "汇总报告.pdf"
    printed(capsys, bureau, report)
    qr = scanned(report)
    old = tmp_path / "old.selfassess"
    shutil.copy(bureau, old)
    assert run(capsys, "adjust-grade", str(bureau), "--department", "办公室", "--grade",
               "较好", "--reason", "按比例调整")[0] == 0
    assert verify(capsys, qr, bureau, old)[0] == 0  # the copy that is as printed matches
    assert verify(capsys, qr, old, bureau)[0] == 0
    assert verify(capsys, qr, bureau)[0] == 1  # an adjustment changes what the report says
    office = tmp_path / "2026_办公室.selfassess"
    first = printed(capsys, office, tmp_path / "r1.pdf")[0]
    with AssessmentFile.open(office) as af:
        af.reopen()
    status, out = verify(capsys, first, office)
    assert status == 1 and "reopened since" in out, out


def test_codes_as_people_type_and_tamper_with_them() -> None:
    stamp = Stamp("department", "ab12cd34-0000-4000-8000-000000000000", "办公室", 3,
                  "ab" * 32, False)
    code = short_code(stamp, 7)
    wide = code.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789ABCDEFGHJKMNPQRSTVWXYZ"})
    assert decode(wide).short == code  # full-width, as a Chinese input method types it
    assert decode("\u200b" + code + "\ufeff").short == code
    for pasted in (code.replace("-", "\u2013"), code.replace("-", "\u2010"),
                   code.replace("-", "\u2212"), f"核对码：{code}", f"核对码 {code}。",
                   f"{code}.", f"Check code {code}", f"“{code}”"):  # pasted from a page
        assert decode(pasted).short == code, pasted
    text = qr_text(stamp, 7, 9)
    assert len(text) < 60  # a small QR code with large modules
    for edited in (text.replace("|7/9|", "|12/9|"), text.replace("|7/9|", "|7/x|")):
        with pytest.raises(CodeError):
            decode(edited)
