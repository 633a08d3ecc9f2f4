"""核对纸质件: does a printed page (its 核对码 or QR text) come from these files as they are now?

With no file, what the code itself says. With files (department files or a bureau file, opened
read-only), one line and whether it matches: the same revision and digest (the paper is the
file), an older sealed revision than the file's current one (naming both), a page printed from
a draft, or nothing known.
"""

from __future__ import annotations

from pathlib import Path

from selfassess.checkcode import PageCode, Stamp, decode, subject_key
from selfassess.errors import SelfassessError
from selfassess.i18n import _
from selfassess.record import record
from selfassess.stamps import bureau_stamp, department_stamp
from selfassess.standing import read_standing
from selfassess.store import AssessmentFile


@record
class Verdict:
    """The answer: ``matches`` only for a sealed page of the file as it is now."""

    matches: bool
    line: str


def _same(code: PageCode, revision: int, digest: str) -> bool:
    if code.full:
        return code.revision == revision and digest.startswith(code.digest_prefix)
    return code.revision == revision % 128 and code.digest_bits == int(digest[:6], 16)


def _same_digest(code: PageCode, digest: str) -> bool:
    if code.full:
        return digest.startswith(code.digest_prefix)
    return code.digest_bits == int(digest[:6], 16)


def _where(code: PageCode) -> str:
    page = _("the cover") if code.page == 0 else _("page {page}").format(page=code.page)
    if code.pages:
        page += _(" of {pages}").format(pages=code.pages)
    return page


def describe(code: PageCode) -> str:
    """What the code says by itself."""
    what = (_("a department's score sheet or ledger") if code.kind == "department"
            else _("a bureau's report or ledger"))
    state = _("printed from a draft") if code.draft else _("printed from a sealed file")
    if code.kind == "department":  # the short code keeps the revision modulo 128: a file
        # resealed 128 times is not one a department makes
        line = _("{code}: {what}, revision {revision}, {page}, {state}").format(
            code=code.short, what=what, revision=code.revision, page=_where(code), state=state)
    else:  # a bureau's "revision" counts the lines of its log: nothing a reader can use
        line = _("{code}: {what}, {page}, {state}").format(
            code=code.short, what=what, page=_where(code), state=state)
    if code.subject:
        line += _("; id {subject}").format(subject=code.subject)
    return line


def check(text: str, paths: list[Path]) -> Verdict:
    """The verdict on one code against the files (CodeError for a code that cannot be read,
    SelfassessError for a file that cannot be)."""
    code = decode(text)
    if not paths:
        return Verdict(False, describe(code))
    found: list[Verdict] = []
    unreadable: list[str] = []
    for path in paths:  # every file: a match in any is the answer, whatever the order
        try:
            with AssessmentFile.open(path, readonly=True) as af:
                verdict = _against(code, af)
        except SelfassessError as error:
            unreadable.append(error.problems[0])
            continue
        if verdict is not None:
            found.append(verdict)
    if matched := [verdict for verdict in found if verdict.matches]:
        return matched[0]
    if found:
        return found[0]
    if unreadable and len(unreadable) == len(paths):
        raise SelfassessError(unreadable)
    return Verdict(False, _("{code}: matches none of the files given ({files}); the page is "
                            "not from them as they are").format(
        code=code.short, files="、".join(path.name for path in paths)))


def _against(code: PageCode, af: AssessmentFile) -> Verdict | None:
    standing = read_standing(af)
    if code.kind == "bureau":
        if af.info.kind != "bureau":
            return None
        stamp = bureau_stamp(af, standing)
        if code.full and code.subject != subject_key(stamp.subject):
            return None
        # the state counts every line of the bureau's log, and a merge that changed nothing
        # or was refused adds some: what the page printed is the same when its digest is
        if _same(code, stamp.revision, stamp.digest) or _same_digest(code, stamp.digest):
            return _current(code, stamp)
        if code.full:  # the same bureau's file, changed since the page was printed
            return Verdict(False, _("{code}: {name}'s file has changed since this page was "
                                    "printed (printed at state {then}, now at state {now}); "
                                    "print it again").format(
                code=code.short, name=stamp.name, then=code.revision, now=stamp.revision))
        return None
    for department in standing.departments:
        if code.full and code.subject != subject_key(department.id):
            continue
        stamps = (department_stamp(af, department), department_stamp(af, department, True))
        for stamp in stamps:  # its sheet, or its 整改台账
            if _same(code, stamp.revision, stamp.digest):
                return _current(code, stamp)
        stamp = stamps[0]
        sealed = department.data.department.sealed
        for seal in af.seals(department.id):
            if (seal.revision != stamp.revision or not sealed) and _same(code, seal.revision,
                                                                          seal.digest):
                if not sealed:  # reopened since: being changed, not yet sealed again
                    return Verdict(False, _(
                        "{code}: {name}, printed from revision {then}; the file has been "
                        "reopened since and is being changed: this page may not be the "
                        "current one").format(code=code.short, name=department.name,
                                              then=seal.revision))
                return Verdict(False, _(
                    "{code}: {name}, printed from revision {then}; the file is now at "
                    "revision {now}: this page is not the current one").format(
                    code=code.short, name=department.name, then=seal.revision,
                    now=stamp.revision))
        if code.full:  # its own department, printed from content it no longer holds
            return Verdict(False, _(
                "{code}: {name}, printed from {state} content the file no longer holds "
                "(revision {then}; now {now}): print it again").format(
                code=code.short, name=department.name,
                state=_("draft") if code.draft else _("sealed"), then=code.revision,
                now=stamp.revision))
    return None


def _current(code: PageCode, stamp: Stamp) -> Verdict:
    if code.draft:
        return Verdict(False, _("{code}: {name}, revision {revision}, {page}: printed from a "
                                "draft (not sealed, or marked 草稿), not a final copy").format(
            code=code.short, name=stamp.name, revision=stamp.revision, page=_where(code)))
    if stamp.kind == "bureau":
        return Verdict(True, _("{code}: matches {name}'s file as it is now (state {revision}), "
                               "{page}").format(code=code.short, name=stamp.name,
                                                revision=stamp.revision, page=_where(code)))
    return Verdict(True, _("{code}: matches {name}, revision {revision}, {page}").format(
        code=code.short, name=stamp.name, revision=stamp.revision, page=_where(code)))
