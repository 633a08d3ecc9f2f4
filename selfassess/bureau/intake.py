"""Reading received files for a merge, ahead of the writer.

Reader threads open each received file read-only, run every check that needs only the file
(format, integrity, kind, checklist, period, seal digest) and read and re-hash its evidence;
the merge's writer (the caller's thread, holding the bureau transaction) meanwhile stores
earlier files. Reading and hashing thus overlap writing. Readers use their own connections and
never touch the bureau file. Evidence of a file larger than PREFETCH_LIMIT is not held in
memory: the writer streams it itself (``Intake.evidence is None``).
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from selfassess.errors import SelfassessError
from selfassess.i18n import N_, _
from selfassess.record import record
from selfassess.store import AssessmentFile, DatabaseError, SealRecord
from selfassess.store.ledger import LedgerEntry, ledger_documents
from selfassess.store.records import DepartmentData
from selfassess.store.schema import EXPECTED_TABLES
from selfassess.store.verify import seal_problem, structure_problem

PREFETCH_LIMIT = 40 * 1024 * 1024  # evidence bytes held in memory per file (3 files at most)
READERS = 2  # reader threads: reading and hashing (not writing) is the slower side of a merge
# the refusal of a draft as the command line words it (the merge log stores it translated; the
# app recognises it, in any language, to word it for its own check box)
DRAFT_REFUSAL = N_("not sealed (a draft); seal it first, or allow drafts in the merge "
                   "(--allow-drafts)")


class Refusal(Exception):
    """An incoming file is refused (``outcome`` is ``refused`` or ``conflict``)."""

    def __init__(self, outcome: str, reason: str) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


@dataclass
class Intake:
    """One received file as read and checked by the reader."""

    path: Path
    refusal: Refusal | None = None
    data: DepartmentData | None = None
    seals: list[SealRecord] = field(default_factory=list)
    digest: str | None = None  # verified sealed digest; None for a draft
    evidence: dict[str, bytes] | None = None  # sha256 → verified bytes; None: stream it
    # a returned file: the revision it was returned at, and when the department reopened it
    # whole instead of correcting only the returned entries (None: it did not)
    returned_at_revision: int | None = None
    reopened_at: str | None = None
    ledger: dict[int, LedgerEntry] = field(default_factory=dict)  # 整改台账 as the file has it
    failure: BaseException | None = None  # an unexpected error, re-raised by the writer


def strip_name(path: Path, message: str) -> str:
    """A core message without the file-name prefix the merge line already shows."""
    prefix = f"{path.name}: "
    return message[len(prefix):] if message.startswith(prefix) else message


@record
class Expectations:
    """What every received file must match."""

    fingerprint: str
    checklist: str  # "id version" for messages
    period: str
    allow_drafts: bool


def check_file(incoming: AssessmentFile, expected: Expectations) -> tuple[DepartmentData, str | None]:
    """Checks that need only the received file; returns its data and verified digest."""
    if incoming.info.kind != "department":
        raise Refusal("refused", _("a bureau file, not a department file"))
    # every table but the evidence bytes, whose content is re-hashed below anyway
    if problem := structure_problem(incoming, EXPECTED_TABLES - {"evidence_blobs"}):
        raise Refusal("refused", problem)
    theirs = incoming.checklist
    if theirs.fingerprint != expected.fingerprint:
        mine_id, _sep, mine_version = expected.checklist.partition(" ")
        raise Refusal("refused", _("filled against checklist {theirs} {their_version} "
                                   "({their_fp}), the bureau uses {mine} {my_version} "
                                   "({my_fp})").format(
            theirs=theirs.id, their_version=theirs.version, their_fp=theirs.fingerprint[:12],
            mine=mine_id, my_version=mine_version, my_fp=expected.fingerprint[:12]))
    if incoming.info.period != expected.period:
        raise Refusal("refused", _("period {theirs} differs from the bureau's {mine}").format(
            theirs=incoming.info.period or "—", mine=expected.period))
    data = incoming.data()
    dept = data.department
    if not dept.sealed:
        if not expected.allow_drafts:
            raise Refusal("refused", _(DRAFT_REFUSAL))
        return data, None
    if problem := seal_problem(incoming, data):
        raise Refusal("refused", problem)
    return data, incoming.seals()[-1].digest


def read_evidence(incoming: AssessmentFile, data: DepartmentData,
                  ledger: dict[int, LedgerEntry]) -> dict[str, bytes] | None:
    """Every referenced document (the assessment's and the measures' completion evidence),
    re-hashed; None when they are too large to hold."""
    documents = {ref.sha256: ref.file_name for ref in data.evidence} | ledger_documents(ledger)
    sizes = incoming.evidence_sizes(list(documents))
    for sha256, name in documents.items():
        if sha256 not in sizes:
            raise Refusal("refused", _("modified after sealing: evidence {name} does not match "
                                       "its hash").format(name=name))
    if sum(sizes.values()) > PREFETCH_LIMIT:
        return None
    evidence = {}
    for sha256 in sizes:
        content = incoming.evidence_bytes(sha256)
        if hashlib.sha256(content).hexdigest() != sha256:
            raise Refusal("refused", _("modified after sealing: evidence {name} does not match "
                                       "its hash").format(name=documents[sha256]))
        evidence[sha256] = content
    return evidence


def take_in(path: Path, expected: Expectations) -> Intake:
    """Open, check and read one received file (never raises for a bad file)."""
    intake = Intake(path)
    try:
        incoming = AssessmentFile.open(path, readonly=True, verify=False)
    except SelfassessError as error:
        intake.refusal = Refusal("refused", strip_name(path, error.problems[0]))
        return intake
    try:
        intake.data, intake.digest = check_file(incoming, expected)
        intake.seals = incoming.seals()
        intake.ledger = incoming.ledger()
        if returns := incoming.returns():  # every value checked on the way
            intake.returned_at_revision = returns[-1].revision
            intake.reopened_at = returns[-1].reopened_at
        intake.evidence = read_evidence(incoming, intake.data, intake.ledger)
    except Refusal as refusal:
        intake.refusal = refusal
    except SelfassessError as error:
        more = len(error.problems) - 1
        reason = strip_name(path, error.problems[0])
        intake.refusal = Refusal("refused", reason + (_(" (and {count} more problems)").format(
            count=more) if more else ""))
    except DatabaseError as error:  # damage the checks above did not reach
        intake.refusal = Refusal("refused", _("the file is damaged ({reason})").format(
            reason=error))
    finally:
        incoming.close()
    return intake


def read_ahead(paths: Sequence[Path], expected: Expectations, cancelled: Callable[[], bool],
               readers: int = READERS) -> Iterator[Intake]:
    """The received files in order, read by background threads ahead of the writer.

    Reader ``k`` takes the files ``k, k + readers, …``; each hands over one file at a time,
    so at most ``readers`` files wait in memory while the writer stores another.
    """
    handoffs: list[queue.Queue[Intake | None]] = [queue.Queue(maxsize=1) for _ in range(readers)]
    stop = threading.Event()

    def hand_over(slot: queue.Queue[Intake | None], intake: Intake | None) -> None:
        while not stop.is_set():
            try:
                slot.put(intake, timeout=0.1)
                return
            except queue.Full:
                continue

    def reader(number: int) -> None:
        for path in list(paths)[number::readers]:
            if stop.is_set() or cancelled():
                break
            try:
                intake = take_in(Path(path), expected)
            except BaseException as error:  # a bug: hand it to the writer to re-raise
                intake = Intake(Path(path), failure=error)
            hand_over(handoffs[number], intake)
        hand_over(handoffs[number], None)

    threads = [threading.Thread(target=reader, args=(n,), name=f"merge-reader-{n}", daemon=True)
               for n in range(readers)]
    for thread in threads:
        thread.start()
    try:
        for index in range(len(paths)):
            intake = handoffs[index % readers].get()
            if intake is None:  # the reader stopped early (cancelled)
                return
            if intake.failure is not None:
                raise intake.failure
            yield intake
    finally:
        stop.set()
        for thread in threads:
            thread.join()
