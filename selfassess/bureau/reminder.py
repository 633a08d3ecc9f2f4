"""催报: a short notice to the departments that have not reported, or were returned and have not
sent their correction, with since when; ready to send as Word or as plain text.

The content comes from the read model (``standing``): the same roster, states and returns the
departments table and ``summary --json`` show. Where only the secretary knows what to write
(the deadline), the notice carries ×××× as the Word draft does.
"""

from __future__ import annotations

import os
import secrets
from datetime import date
from pathlib import Path

from selfassess.errors import InputRefused
from selfassess.i18n import _, current_language, join_list
from selfassess.numbers import chinese_numeral
from selfassess.record import record
from selfassess.standing import Standing, read_standing
from selfassess.store import AssessmentFile
from selfassess.summary import to_remind

PLACEHOLDER = "××××"
SUFFIXES = (".docx", ".txt")


@record
class Reminder:
    """The notice: a title, whom it is for, paragraphs, and who signs it when."""

    title: str
    addressee: str
    paragraphs: tuple[str, ...]
    org: str
    date: str
    issued: str  # the same day in ISO form


def _day(iso: str) -> str:
    """``2026-11-29T10:00:00`` → 2026年11月29日 (in Chinese) or 2026-11-29."""
    day = iso[:10]
    if current_language().startswith("zh") and len(day) == 10:
        return f"{int(day[:4])}年{int(day[5:7])}月{int(day[8:10])}日"
    return day


def _entry_name(standing: Standing, code: str) -> str:
    """``1.2“专题研究部署”``: a returned entry by code and title."""
    checklist = standing.checklist
    item = checklist.items_by_code.get(code) or checklist.bonus_by_code.get(code)
    return f"{code}“{item.title}”" if item is not None else code


def _label(number: int) -> str:
    """一、 in Chinese (a document's first level), 1. in English."""
    if current_language().startswith("zh"):
        return f"{chinese_numeral(number)}、"
    return f"{number}."


def reminder(standing: Standing, today: date) -> Reminder | None:
    """The notice for a bureau's read model; None when nobody is waited for."""
    waiting = to_remind(standing)
    if not waiting:
        return None
    period = standing.info.period
    if period.isdigit():
        period = _("year {year}").format(year=period)
    title = _("Notice: please report the {checklist} for {period} without delay").format(
        period=period, checklist=standing.checklist.title)
    missing = [entry for entry in waiting if entry["state"] == "missing"]
    drafts = [entry for entry in waiting if entry["state"] == "draft"]
    returned = [entry for entry in waiting if entry["state"] == "returned"]
    today_text = _day(today.isoformat())
    paragraphs = [_("As of {date}, the {checklist} of the following departments has not been "
                    "received:").format(date=today_text, checklist=standing.checklist.title)]
    number = 0
    if missing:
        number += 1
        paragraphs.append(_("{label} Not yet reported ({count}): {names}.").format(
            label=_label(number), count=len(missing),
            names=join_list(entry["name"] for entry in missing)))
    if drafts:
        number += 1
        paragraphs.append(_("{label} Sent only an unsealed draft ({count}): {names}.").format(
            label=_label(number), count=len(drafts),
            names=join_list(entry["name"] for entry in drafts)))
    if returned:
        number += 1
        paragraphs.append(_("{label} Returned for correction and not yet sent again "
                            "({count}): {names}.").format(
            label=_label(number), count=len(returned), names=join_list(
                _("{name} (returned on {date}, to correct: {entries})").format(
                    name=entry["name"], date=_day(entry["since"]),
                    entries=join_list(_entry_name(standing, code) for code in entry["entries"]))
                for entry in returned)))
    paragraphs.append(_("Please complete it and send the sealed file by {deadline}.").format(
        deadline=PLACEHOLDER))
    return Reminder(title, _("To the departments concerned:"), tuple(paragraphs),
                    standing.info.bureau_name or PLACEHOLDER, today_text, today.isoformat())


def reminder_text(notice: Reminder) -> str:
    """The notice as plain text (for a message or an e-mail)."""
    lines = [notice.title, "", notice.addressee, *notice.paragraphs, "", notice.org,
             notice.date]
    return "\n".join(lines) + "\n"


def write_reminder(bureau_path: Path, output: Path, force: bool = False,
                   today: date | None = None) -> Path:
    """Write the notice as .docx or .txt; refused when nobody is waited for."""
    if output.suffix.lower() not in SUFFIXES:
        raise InputRefused(_("{name}: the notice is written as .docx or .txt").format(
            name=output.name or output))
    if output.is_dir():
        raise InputRefused(_("{path} is a folder").format(path=output))
    if output.exists() and not force:
        raise InputRefused(_("{path} already exists; use --force to replace it").format(
            path=output))
    if not output.parent.is_dir():
        raise InputRefused(_("the folder {folder} does not exist").format(folder=output.parent))
    with AssessmentFile.open(bureau_path, readonly=True) as af:
        if af.info.kind != "bureau":
            raise InputRefused(_("{name} is a department file, not a bureau file").format(
                name=af.path.name))
        notice = reminder(read_standing(af), today or date.today())
    if notice is None:
        raise InputRefused(_("every department on the roster has reported and no correction "
                             "is outstanding: there is nobody to remind"))
    try:
        if output.suffix.lower() == ".docx":
            from selfassess.office.reminder_docx import write_reminder_docx

            return write_reminder_docx(notice, output)
        temporary = output.with_name(f".{secrets.token_hex(8)}.part")
        try:  # UTF-8 with a byte-order mark and CRLF: Notepad on an old PC shows it right
            temporary.write_text(reminder_text(notice).replace("\n", "\r\n"),
                                 encoding="utf-8-sig", newline="")
            os.replace(temporary, output)
        finally:
            temporary.unlink(missing_ok=True)
    except OSError as error:  # a read-only folder, a full disk: say where, not the temp name
        raise InputRefused(_("cannot write {path} ({reason})").format(
            path=output, reason=error.strerror or error)) from None
    return output
