"""Full-text search across every department's narratives, reasons, shortcomings and measures.

The index is an FTS5 table with the trigram tokenizer, built in memory from the file's
validated data when a search starts (it never sits in the file, so it can never be stale).
Trigrams need three characters; shorter queries (most Chinese words are two) use ``LIKE``.
"""

from __future__ import annotations

import sqlite3

from selfassess.i18n import _
from selfassess.record import record
from selfassess.store.assessment import AssessmentFile

MAX_HITS = 500
SNIPPET_TOKENS = 16


@record
class Hit:
    """One matching text: where it is and a snippet with the match in 【】."""

    department_id: str
    department: str
    place: str  # node id in the app: item:1.2, page:bonus, page:shortcomings, page:measures
    label: str  # e.g. "1.2 自查情况"
    snippet: str


class NarrativeIndex:
    """The texts of one file, ready to be searched many times."""

    def __init__(self, af: AssessmentFile) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE texts USING fts5(body, department_id UNINDEXED, "
                        "department UNINDEXED, place UNINDEXED, label UNINDEXED, "
                        "tokenize='trigram')")
        rows = []
        for department in af.departments():
            data = af.data(department.id)
            name = department.name
            for code, answer in data.answers.items():
                for text, field in ((answer.narrative, _("narrative")),
                                    (answer.deduction_reason, _("deduction reason")),
                                    (answer.na_reason, _("not-applicable reason")),
                                    (answer.review_reason, _("review reason"))):
                    if text.strip():
                        rows.append((text, department.id, name, f"item:{code}", f"{code} {field}"))
            for code, claim in data.bonus.items():
                if claim.narrative.strip():
                    rows.append((claim.narrative, department.id, name, "page:bonus", code))
            for number, shortcoming in enumerate(data.shortcomings, 1):
                rows.append((shortcoming.text, department.id, name, "page:shortcomings",
                             _("shortcoming {number}").format(number=number)))
            for number, measure in enumerate(data.measures, 1):
                rows.append((measure.text, department.id, name, "page:measures",
                             _("measure {number}").format(number=number)))
        self.db.executemany("INSERT INTO texts VALUES (?, ?, ?, ?, ?)", rows)

    def search(self, query: str) -> list[Hit]:
        """Texts containing ``query`` (case-insensitive), at most MAX_HITS."""
        query = query.strip()
        if not query:
            return []
        if len(query) >= 3:
            phrase = '"' + query.replace('"', '""') + '"'  # one phrase, not FTS syntax
            rows = self.db.execute(
                "SELECT department_id, department, place, label, "
                f"snippet(texts, 0, '【', '】', '…', {SNIPPET_TOKENS}) FROM texts "
                "WHERE texts MATCH ? ORDER BY rowid LIMIT ?", [phrase, MAX_HITS]).fetchall()
        else:
            pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            rows = [(d, n, p, label, _snippet(body, query)) for body, d, n, p, label in
                    self.db.execute("SELECT body, department_id, department, place, label "
                                    "FROM texts WHERE body LIKE ? ESCAPE '\\' ORDER BY rowid "
                                    "LIMIT ?", [pattern, MAX_HITS])]
        return [Hit(*row) for row in rows]

    def close(self) -> None:
        """Free the index."""
        self.db.close()


def _snippet(body: str, query: str, width: int = 16) -> str:
    at = body.lower().find(query.lower())
    start = max(0, at - width)
    end = min(len(body), at + len(query) + width)
    return ("…" if start else "") + body[start:at] + "【" + body[at:at + len(query)] + "】" + \
        body[at + len(query):end] + ("…" if end < len(body) else "")


def search_narratives(af: AssessmentFile, query: str) -> list[Hit]:
    """Build the index once and search it."""
    index = NarrativeIndex(af)
    try:
        return index.search(query)
    finally:
        index.close()
