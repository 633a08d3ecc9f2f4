"""The 整改台账 as every output prints it: one line per measure with its status and 三色 on the
day printed, overdue first. The workbook's sheet, the bureau report's part 6, the Word draft's
attachment and ``report --ledger`` all read these lines, so they never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from selfassess.i18n import N_, _
from selfassess.report.data import ReportData, date_words
from selfassess.store.ledger import STATUS_WORDS, STATUSES, effective_deadline, overdue
from selfassess.store.records import Measure

COLOURS = {"red": N_("red: overdue"), "yellow": N_("yellow: due within 30 days"),
           "green": N_("green: on track")}
COLOURS_SHORT = {"red": N_("red (overdue)"), "yellow": N_("yellow (due within 30 days)"),
                 "green": N_("green (on track)")}
_ORDER = {"red": 0, "yellow": 1}
CHINESE_STATUS = {key: word for word, key in STATUS_WORDS.items() if word != key}


@dataclass(frozen=True)
class LedgerLine:
    """One measure of one department, where it stands."""

    department: str
    measure: Measure
    problem: str  # the shortcoming it answers ("" when none is named)
    status: str  # a keyword of STATUSES
    colour: str | None  # green, yellow, red; None when the deadline is not a date
    latest: str  # the latest dated progress note, else the measure's own progress text
    closed: str  # "who, date" of the 销号, or ""
    documents: tuple[str, ...] = ()  # completion evidence: file names
    deadline: str = ""  # the deadline it is held to (put back in the ledger, or as sealed)
    sealed_deadline: str = ""  # the sealed one, when it was put back since

    @property
    def deadline_text(self) -> str:
        """``2027年6月30日``, or ``2027年6月30日（原定2027年3月31日）`` when put back."""
        text = date_words(self.deadline)
        if self.sealed_deadline:
            text += _(" (originally {date})").format(date=date_words(self.sealed_deadline))
        return text

    @property
    def status_text(self) -> str:
        return _(STATUSES[self.status])

    @property
    def colour_text(self) -> str:
        return _(COLOURS[self.colour]) if self.colour else ""

    @property
    def documents_text(self) -> str:
        """``佐证：纪要.pdf、照片.jpg`` (or "")."""
        return _("Evidence: {files}").format(files="、".join(self.documents)) \
            if self.documents else ""

    def progress(self, chinese: bool = False) -> str:
        """Status, latest progress and 销号 in one cell (the 进展 column of the formats); in
        Chinese whatever the interface language for the Word draft, which is written in it."""
        parts = [CHINESE_STATUS[self.status] if chinese else self.status_text, self.latest]
        if self.documents:
            parts.append(("佐证：" + "、".join(self.documents)) if chinese
                         else self.documents_text)
        if self.closed:
            parts.append(f"销号：{self.closed}" if chinese
                         else _("closed by {who}").format(who=self.closed))
        return "；".join(part.rstrip("。；") for part in parts if part.strip())


def ledger_lines(report: ReportData, today: date | None = None) -> list[LedgerLine]:
    """Every measure: red first, then yellow, then the rest, each group in the departments'
    listing order."""
    day = today or report.printed_day or date.today()
    lines = []
    for department in report.departments:
        data = department.data
        for measure in data.measures:
            entry = department.ledger.get(measure.number or 0)
            index = measure.shortcoming
            problem = (data.shortcomings[index].text if index is not None
                       and 0 <= index < len(data.shortcomings) else "")
            notes = entry.notes if entry else ()
            latest = (f"{date_words(notes[-1].at[:10])} {notes[-1].text}" if notes
                      else measure.progress)
            closed = ""
            if entry is not None and entry.status == "closed":
                closed = " ".join(part for part in (entry.closed_by, date_words(
                    (entry.closed_at or "")[:10])) if part)
            lines.append(LedgerLine(department.name, measure, problem,
                                    entry.status if entry else "not_started",
                                    overdue(measure, entry, day), latest, closed,
                                    tuple(d.file_name for d in entry.evidence) if entry
                                    else (), effective_deadline(measure, entry),
                                    measure.deadline if entry and entry.deadline
                                    and entry.deadline != measure.deadline else ""))
    return sorted(lines, key=lambda line: _ORDER.get(line.colour or "", 2))  # stable


def counts_text(lines: list[LedgerLine]) -> str:
    """``共 12 项：未开始 3，整改中 5，已完成 2，已销号 2；红 2，黄 1，绿 9``."""
    def counted(label: str, count: int) -> str:  # no space after a full-width bracket
        return f"{label}{'' if label.endswith('）') else ' '}{count}"

    statuses = _(", ").join(counted(_(label), sum(1 for line in lines if line.status == key))
                            for key, label in STATUSES.items())
    colours = _(", ").join(counted(_(label), sum(1 for line in lines if line.colour == key))
                           for key, label in COLOURS_SHORT.items())
    return _("{count} measures: {statuses}; {colours}").format(
        count=len(lines), statuses=statuses, colours=colours)
