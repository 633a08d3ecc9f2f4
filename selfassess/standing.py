"""The read model: a file read and scored once, typed and exact, for every output.

``read_standing`` reads every department of a file (department or bureau), scores it once (own
and final ``Result``), ranks the bureau as product.md says (ties share a rank; a vetoed
department gets no rank and is listed after every ranked one) and computes the statistics once,
in ``Decimal``, rounded half up. The summary JSON, the PDF reports, the Word draft and the
Excel workbook all print from it, so they cannot disagree on a mean or a rank.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field, replace
from decimal import Decimal

from selfassess.checklist.model import Checklist
from selfassess.collation import name_key
from selfassess.completeness import Problem, completeness_problems
from selfassess.i18n import N_
from selfassess.numbers import round_cents
from selfassess.record import record
from selfassess.score_views import final_input, reviewed, self_input
from selfassess.scoring import Result, rank, score
from selfassess.store import merge_log, roster_table
from selfassess.store.adjustments import GradeAdjustment, read_adjustments
from selfassess.store.assessment import AssessmentFile
from selfassess.store.history import EarlierResult, HistoryYear, read_history
from selfassess.store.ledger import LedgerEntry, read_ledgers
from selfassess.store.merge_log import MergeLogRow
from selfassess.store.records import Department, DepartmentData, FileInfo
from selfassess.store.returns import Approval, ReturnRecord, read_approvals, read_returns
from selfassess.store.transfer import earlier_names
from selfassess.validation import same_name, submission_name


@record
class ReviewProgress:
    """How far the review group got with one department."""

    items: int  # checklist items
    reviewed: int  # items with a 考核得分
    to_redo: int  # reviews flagged after a newer revision replaced the one reviewed
    differences: int  # reviewed items whose 考核得分 differs from the self score
    any: bool  # any review entered at all (an item, a bonus or a veto)


def review_progress(checklist: Checklist, data: DepartmentData) -> ReviewProgress:
    """Count what the review group entered and what it must redo."""
    answers = data.answers.values()
    return ReviewProgress(
        items=len(checklist.items),
        reviewed=sum(1 for a in answers if a.review_score is not None),
        to_redo=sum(1 for a in answers if a.review_flag)
        + sum(1 for b in data.bonus.values() if b.review_flag)
        + sum(1 for v in data.veto.values() if v.review_flag),
        differences=sum(1 for a in answers
                        if a.review_score is not None and a.review_score != a.self_score),
        any=any(a.review_score is not None for a in answers)
        or any(b.review_points is not None for b in data.bonus.values())
        or any(v.review_triggered is not None for v in data.veto.values()),
    )


@record
class DepartmentStanding:
    """One department as every output shows it."""

    data: DepartmentData
    digest: str | None  # the last seal's digest
    own: Result  # the department's own claim
    final: Result  # after review
    rank: int | None  # None: vetoed (listed after every ranked department)
    problems: tuple[Problem, ...]  # what blocks sealing
    review: ReviewProgress
    renamed_from: str | None = None  # its name in the revision a newer one replaced
    # where it stands (STATES) and since when; its returns and approvals, oldest first
    state: str = "submitted"
    state_since: str = ""
    returns: tuple[ReturnRecord, ...] = ()
    approvals: tuple[Approval, ...] = ()
    ledger: Mapping[int, LedgerEntry] = field(default_factory=dict)  # 整改台账, by number
    # 年度对比: the same department in the bureau's earlier years it was found in, oldest first
    earlier: tuple[EarlierResult, ...] = ()
    adjustment: GradeAdjustment | None = None  # 等次调整 by the secretary (a lower grade)

    @property
    def grade(self) -> str:
        """The grade as decided: lowered by an adjustment that still lowers it, else the one
        its scores give (``final.grade``, which never changes)."""
        if self.adjustment is not None and self.adjustment.lowers:
            return self.adjustment.grade
        return self.final.grade

    @property
    def last_return(self) -> ReturnRecord | None:
        """The latest return (退回), if it was ever returned."""
        return self.returns[-1] if self.returns else None

    @property
    def approval(self) -> Approval | None:
        """The approval (审定) in force, if any."""
        return next((a for a in reversed(self.approvals) if a.active), None)

    @property
    def name(self) -> str:
        """The department's name."""
        return self.data.department.name

    @property
    def id(self) -> str:
        """The department's id."""
        return self.data.department.id

    @property
    def sealed(self) -> bool:
        """True when this revision is sealed (merge state: sealed or a draft)."""
        return self.data.department.sealed


# a department's state in a bureau file (product.md: 未报 → 已报送 → 退回 → 已重报 → 已审定; a
# draft merged with --allow-drafts is its own): summary --json's keywords, shown translated
STATES = {"missing": N_("not reported"), "draft": N_("draft"), "submitted": N_("submitted"),
          "returned": N_("returned"), "resubmitted": N_("resubmitted"),
          "approved": N_("approved")}


def department_state(department: Department, returns: list[ReturnRecord],
                     approvals: list[Approval]) -> tuple[str, str]:
    """(state, since when) of a merged department, from its returns and approvals."""
    active = next((a for a in reversed(approvals) if a.active), None)
    if active is not None:
        return "approved", active.approved_at
    if not department.sealed:
        return "draft", department.merged_at
    if returns and returns[-1].revision >= department.revision:
        return "returned", returns[-1].returned_at
    if returns:
        return "resubmitted", department.merged_at
    return "submitted", department.merged_at


@record
class RosterLine:
    """A bureau roster's entry and whether its file was received."""

    name: str
    department_id: str | None
    received: bool
    # for one not received: what became of the last file sent for it, if one was (a refused
    # draft is not "未报": the department did send a file)
    outcome: str | None = None  # "refused" or "conflict"
    reason: str = ""
    since: str = ""  # not received: waited for since the bureau file was made


def missing_names(roster: tuple[RosterLine, ...]) -> list[str]:
    """Roster names with no file received (未报), in roster order."""
    return [line.name for line in roster if not line.received]


def _last_attempts(af: AssessmentFile) -> dict[str, MergeLogRow]:
    """The newest refused or conflicting merge-log row per department id and per file name."""
    found: dict[str, MergeLogRow] = {}
    for row in merge_log.rows(af):  # newest first
        if row.outcome in ("refused", "conflict"):
            for key in (row.department_id, row.file_name):
                if key and key not in found:
                    found[key] = row
    return found


@record
class SectionLoss:
    """Points lost in one section over all departments."""

    code: str
    possible: Decimal  # Σ applicable maximum
    lost: Decimal
    rate: Decimal  # percent, two decimals, half up
    mean: Decimal | None = None  # the departments' average score in it, two decimals, half up


@record
class ItemLoss:
    """Points lost on one item over the departments it applies to."""

    code: str
    possible: Decimal  # the item's maximum times the departments it applies to
    lost: Decimal
    rate: Decimal  # percent, two decimals, half up
    losers: tuple[str, ...]  # departments that lost points on it, in listing order


@record
class Statistics:
    """A bureau's figures, computed once (exact, then rounded half up to two decimals)."""

    count: int
    mean: Decimal | None
    highest: Decimal | None
    lowest: Decimal | None
    grades: tuple[tuple[str, int], ...]  # every band in the checklist's order, with its count
    sections: tuple[SectionLoss, ...]
    items: tuple[ItemLoss, ...] = ()  # only items that lost points, most lost (by rate) first


@record
class QuotaCheck:
    """One 等次比例 against the departments: how many the share allows, how many the scores
    give the grade, and how many have it after the secretary's adjustments."""

    grade: str
    share: Decimal  # percent
    allowed: int
    computed: int
    count: int

    @property
    def excess(self) -> int:
        return max(0, self.count - self.allowed)


def quota_checks(checklist: Checklist, departments: list[DepartmentStanding]
                 ) -> tuple[QuotaCheck, ...]:
    """Every quota of the checklist over all the departments listed."""
    return tuple(QuotaCheck(
        quota.grade, quota.share, quota.allowed(len(departments), checklist.quota_rounding),
        sum(1 for d in departments if d.final.grade == quota.grade),
        sum(1 for d in departments if d.grade == quota.grade))
        for quota in checklist.grade_quota)


@record
class Standing:
    """A whole file: departments in listing order (by rank, vetoed last) and statistics."""

    path_name: str
    info: FileInfo
    checklist: Checklist
    departments: tuple[DepartmentStanding, ...]
    statistics: Statistics
    roster: tuple[RosterLine, ...] = ()  # a bureau's expected departments, in roster order
    history: tuple[HistoryYear, ...] = ()  # earlier years (年度对比), oldest first
    quotas: tuple[QuotaCheck, ...] = ()  # 等次比例: each quota of the checklist, checked

    @property
    def missing(self) -> list[str]:
        """Roster names with no file received (未报)."""
        return missing_names(self.roster)

    @property
    def drafts(self) -> list[str]:
        """Departments merged as drafts (not sealed)."""
        return [d.name for d in self.departments if not d.sealed]


def ranks(results: list[Result]) -> list[int | None]:
    """Ranks by total among departments without a veto (ties share: 1, 2, 2, 4); None for a
    vetoed department. Ranks count ranked departments only."""
    ranked = [r.total for r in results if not r.veto]
    positions = iter(rank(ranked))
    return [None if r.veto else next(positions) for r in results]


def listing_key(standing: DepartmentStanding) -> tuple[int, int, Decimal, bytes]:
    """Ranked departments by rank, then the vetoed ones by total (highest first); ties by name
    in pinyin order."""
    if standing.rank is None:
        return (1, 0, -standing.final.total, name_key(standing.name))
    return (0, standing.rank, Decimal(0), name_key(standing.name))


def item_losses(checklist: Checklist, departments: list[DepartmentStanding]
                ) -> tuple[ItemLoss, ...]:
    """Loss per item over the departments it applies to (N/A ones excluded), items that lost
    points only, by loss rate (exact, highest first), then code."""
    found = []
    for position, item in enumerate(checklist.items):
        counted = [(d.name, d.final.items.get(item.code)) for d in departments]
        applying = [(name, score) for name, score in counted if score is not None]
        possible = item.max_points * len(applying)
        lost = sum((item.max_points - score for _n, score in applying), Decimal(0))
        if lost:
            found.append((-lost / possible, position, ItemLoss(
                item.code, possible, lost, round_cents(100 * lost / possible),
                tuple(name for name, score in applying if score < item.max_points))))
    found.sort(key=lambda entry: entry[:2])
    return tuple(loss for _ratio, _position, loss in found)


def statistics(checklist: Checklist, results: list[Result],
               departments: list[DepartmentStanding] | None = None) -> Statistics:
    """Mean, highest, lowest, count per grade and loss rate per section of final results (and
    per item, given the departments)."""
    totals = [r.total for r in results]
    decided = [d.grade for d in departments] if departments is not None and len(
        departments) == len(results) else [r.grade for r in results]
    sections = []
    for section in checklist.sections:
        possible = sum((r.sections[section.code].applicable_max for r in results), Decimal(0))
        lost = possible - sum((r.sections[section.code].score for r in results), Decimal(0))
        rate = round_cents(100 * lost / possible) if possible else Decimal(0)
        scores = [r.sections[section.code].score for r in results]
        mean = round_cents(sum(scores, Decimal(0)) / len(scores)) if scores else None
        sections.append(SectionLoss(section.code, possible, lost, rate, mean))
    return Statistics(
        count=len(results),
        mean=round_cents(sum(totals, Decimal(0)) / len(totals)) if totals else None,
        highest=max(totals) if totals else None,
        lowest=min(totals) if totals else None,
        # per grade as decided: a grade the secretary lowered (等次调整) counts as lowered
        grades=tuple((band.name, sum(1 for grade in decided if grade == band.name))
                     for band in checklist.grade_bands),
        sections=tuple(sections),
        items=item_losses(checklist, departments or []),
    )


def _where_it_stands(af: AssessmentFile, department: Department, returns: list[ReturnRecord],
                     approvals: list[Approval]
                     ) -> tuple[str, str, tuple[ReturnRecord, ...], tuple[Approval, ...]]:
    """State, since when, the returns and the approvals of one department."""
    if af.info.kind == "bureau":
        state, since = department_state(department, returns, approvals)
        return state, since, tuple(returns), tuple(approvals)
    # a department file: sealed (sent), being corrected under a return, or a draft
    own = tuple(af.returns(department.id))
    if af.current_return(department.id) is not None:
        return "returned", own[-1].returned_at, own, ()
    return ("submitted" if department.sealed else "draft"), "", own, ()


def renamed(earlier: str | None, name: str) -> str | None:
    """The earlier name when it differs (as names are compared), else None."""
    return earlier if earlier is not None and same_name(earlier) != same_name(name) else None


def checked_adjustment(checklist: Checklist, adjustment: GradeAdjustment | None,
                       computed: str) -> GradeAdjustment | None:
    """An adjustment with whether it still lowers the grade (a newer revision may have
    scored lower since)."""
    if adjustment is None:
        return None
    names = [band.name for band in checklist.grade_bands]
    lowers = (adjustment.grade in names and computed in names
              and names.index(adjustment.grade) > names.index(computed))
    return replace(adjustment, lowers=lowers)


def match_earlier(history: tuple[HistoryYear, ...], departments: list[Department]
                  ) -> dict[str, tuple[EarlierResult, ...]]:
    """Each department's results in the earlier years, oldest first: by department id (a file
    made with ``new --from`` keeps it), else by name among the results no id claimed; one
    earlier result goes to one department."""
    found: dict[str, list[EarlierResult]] = {d.id: [] for d in departments}
    for year in history:
        by_id = {result.department_id: result for result in year.departments}
        claimed = {d.id for d in departments if d.id in by_id}
        for department in departments:
            result = by_id.get(department.id)
            if result is None:
                result = next((r for r in year.departments if r.department_id not in claimed
                               and same_name(r.name) == same_name(department.name)), None)
                if result is not None:
                    claimed.add(result.department_id)
            if result is not None:
                found[department.id].append(result)
    return {key: tuple(results) for key, results in found.items()}


def read_standing(af: AssessmentFile, department_id: str | None = None) -> Standing:
    """Read and score a file once (every department, or one; statistics over those read)."""
    read = []
    returns: dict[str, list[ReturnRecord]] = {}
    approvals: dict[str, list[Approval]] = {}
    if af.info.kind == "bureau":
        for record in read_returns(af):
            returns.setdefault(record.department_id, []).append(record)
        for approval in read_approvals(af):
            approvals.setdefault(approval.department_id, []).append(approval)
    every = af.every_data() if department_id is None else [
        af.data(department.id) for department in af.departments() if department.id == department_id]
    for data in every:
        seals = af.seals(data.department.id)
        own_input = self_input(data)
        final_in = final_input(data) if reviewed(data) else own_input
        own = score(af.checklist, own_input)
        # not reviewed (or reviewed to the same scores): the final view is the department's own
        final = own if final_in == own_input else score(af.checklist, final_in)
        read.append((data, seals[-1].digest if seals else None, own, final))
    positions = ranks([final for _d, _s, _o, final in read])
    ledgers = read_ledgers(af, [data.department.id for data, _d, _o, _f in read])
    earlier = earlier_names(af) if af.info.kind == "bureau" else {}
    history = read_history(af) if af.info.kind == "bureau" else ()
    adjustments = read_adjustments(af) if af.info.kind == "bureau" else {}
    matched = match_earlier(history, [data.department for data, _d, _o, _f in read])

    def earlier_results(data: DepartmentData) -> tuple[EarlierResult, ...]:
        return matched.get(data.department.id, ())

    departments = sorted(
        (DepartmentStanding(data, digest, own, final, position,
                            tuple(completeness_problems(af.checklist, data)),
                            review_progress(af.checklist, data),
                            renamed(earlier.get(data.department.id), data.department.name),
                            *_where_it_stands(af, data.department,
                                              returns.get(data.department.id, []),
                                              approvals.get(data.department.id, [])),
                            ledgers[data.department.id], earlier_results(data),
                            checked_adjustment(af.checklist, adjustments.get(data.department.id),
                                               final.grade))
         for (data, digest, own, final), position in zip(read, positions, strict=True)),
        key=listing_key)
    roster: tuple[RosterLine, ...] = ()
    if af.info.kind == "bureau":
        merged = {d.id for d in departments}
        names = {same_name(d.name) for d in departments}
        attempts = _last_attempts(af)
        lines = []
        for entry in roster_table.read(af):
            received = entry.department_id in merged or same_name(entry.name) in names
            attempt = None if received else (
                attempts.get(entry.department_id or "")
                or attempts.get(submission_name(af.info.period, entry.name)))
            lines.append(RosterLine(entry.name, entry.department_id, received,
                                    attempt.outcome if attempt else None,
                                    attempt.reason if attempt else "",
                                    "" if received else af.info.created_at))
        roster = tuple(lines)
    return Standing(af.path.name, af.info, af.checklist, tuple(departments),
                    statistics(af.checklist, [d.final for d in departments], departments),
                    roster, history, quota_checks(af.checklist, departments))
