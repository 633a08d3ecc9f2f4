"""The 整改台账 as every output prints it: one line per measure with its status and 三色 on the
day printed, overdue first. The workbook's sheet, the bureau report's part 6, the Word draft's
attachment and ``report --ledger`` all read these lines, so they never disagree."""

from __future__ import annotations

from datetime import date

from selfassess.i18n import N_, _
from selfassess.record import record
from selfassess.report.data import ReportData, date_words
from selfassess.store.ledger import STATUS_WORDS, STATUSES, effective_deadline, overdue
from selfassess.store.records import Measure

# one wording in the cells and the counts: short enough for the column, and in words, because
# the signed copy is often printed in black and white (黄 is explained under the title)
COLOURS = {"red": N_("red (overdue)"), "yellow": N_("yellow (due soon)"),
           "green": N_("green (on track)")}
_ORDER = {"red": 0, "yellow": 1}
CHINESE_STATUS = {key: word for word, key in STATUS_WORDS.items() if word != key}


@record
class LedgerLine:
    """One measure of one department, where it stands."""

    department: str
    measure: Measure
    problem: str  # the shortcoming it answers ("" when none is named)
    status: str  # a keyword of STATUSES
    colour: str | None  # green, yellow, red; None when done or closed, or the deadline is no date
    latest: str  # the latest dated progress note, else the measure's own progress text
    closed: str  # "who, date" of the 销号, or ""
    documents: tuple[str, ...] = ()  # completion evidence: file names
    deadline: str = ""  # the deadline it is held to (put back in the ledger, or as sealed)
    sealed_deadline: str = ""  # the sealed one, when it was put back since

    @property
    def postponed_text(self) -> str:
        """``已延期，原定2027年3月31日`` when the deadline was put back (``已调整`` when moved
        earlier), else ""."""
        if not self.sealed_deadline:
            return ""
        later = self.deadline > self.sealed_deadline  # ISO dates sort as text
        return (_("put back, originally {date}") if later else _(
            "deadline changed, originally {date}")).format(date=date_words(self.sealed_deadline))

    @property
    def status_text(self) -> str:
        return _(STATUSES[self.status])

    @property
    def colour_text(self) -> str:
        return _(COLOURS[self.colour]) if self.colour else ""

    @property
    def documents_text(self) -> str:
        """``佐证材料：纪要.pdf、照片.jpg`` (or "")."""
        return _("Completion evidence: {files}").format(files="、".join(self.documents)) \
            if self.documents else ""

    def details(self) -> str:
        """Latest progress, 延期, evidence and 销号: the 进展 column of the PDF and workbook
        (their status has a column of its own)."""
        return joined([self.latest, self.postponed_text, self.documents_text,
                       _("closed by {who}").format(who=self.closed) if self.closed else ""])

    def progress(self, chinese: bool = False) -> str:
        """Status, latest progress, 延期, evidence and 销号 in one cell (the 进展 column of the
        Word attachment); in Chinese whatever the interface language, as the draft is."""
        if not chinese:
            return joined([self.status_text, self.details()])
        return joined([CHINESE_STATUS[self.status], self.latest,
                       ("已延期" if self.deadline > self.sealed_deadline else "已调整")
                       + f"，原定{date_words(self.sealed_deadline)}"
                       if self.sealed_deadline else "",
                       "佐证材料：" + "、".join(self.documents) if self.documents else "",
                       f"销号：{self.closed}" if self.closed else ""])


def joined(parts: list[str]) -> str:
    """Parts of one cell in one sentence: ``；`` between them, none doubled (``。；``)."""
    return "；".join(part.strip().rstrip("。；;") for part in parts if part.strip())


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
            latest = (_("{date}: {text}").format(date=date_words(notes[-1].at[:10]),
                                                 text=notes[-1].text) if notes
                      else measure.progress)
            closed = ""
            if entry is not None and entry.status == "closed":
                closed = " ".join(part for part in (entry.closed_by, date_words(
                    (entry.closed_at or "")[:10])) if part)
            status = entry.status if entry else "not_started"
            colour = overdue(measure, entry, day)  # none for a measure done or closed
            lines.append(LedgerLine(department.name, measure, problem, status, colour, latest,
                                    closed,
                                    tuple(d.file_name for d in entry.evidence) if entry
                                    else (), effective_deadline(measure, entry),
                                    measure.deadline if entry and entry.deadline
                                    and entry.deadline != measure.deadline else ""))
    return sorted(lines, key=lambda line: _ORDER.get(line.colour or "", 2))  # stable


def counts_text(lines: list[LedgerLine]) -> str:
    """``共12项：未开始3，整改中5，已完成2，已销号2；红（逾期）2，黄（临期）1，绿（正常）6``
    (the colours of the measures still open)."""
    def counted(label: str, count: int) -> str:
        return _("{label} {count}").format(label=label, count=count)

    statuses = _(", ").join(counted(_(label), sum(1 for line in lines if line.status == key))
                            for key, label in STATUSES.items())
    colours = _(", ").join(counted(_(label), sum(1 for line in lines if line.colour == key))
                           for key, label in COLOURS.items())
    return _("{count} measures: {statuses}; {colours}").format(
        count=len(lines), statuses=statuses, colours=colours)
