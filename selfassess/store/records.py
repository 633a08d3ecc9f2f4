"""Plain records read from a .selfassess file. They never hold a database handle."""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal
from functools import cached_property

from selfassess.record import record
from selfassess.scoring import Aid


@record
class FileInfo:
    """File-level facts: department or bureau file, period, bureau."""

    kind: str  # "department" | "bureau"
    period: str
    bureau_name: str
    created_at: str
    created_with: str


@record
class Department:
    """A department's identity and seal state inside a file."""

    id: str
    name: str
    filled_by: str
    revision: int
    sealed: bool
    created_at: str
    digest: str | None = None  # in a bureau file: the digest of the merged revision
    source_file: str = ""  # in a bureau file: the file it was merged from
    merged_at: str = ""


@record
class Answer:
    """One item's answer (self-assessment plus, in a bureau file, the review)."""

    item_code: str
    self_score: Decimal | None = None
    narrative: str = ""
    deduction_reason: str = ""
    not_applicable: bool = False
    na_reason: str = ""
    aid: Aid = field(default_factory=Aid)
    review_score: Decimal | None = None
    review_reason: str = ""
    review_flag: bool = False
    previous_review: str = ""
    updated_at: str = ""

    @property
    def answered(self) -> bool:
        """Scored, or N/A with a reason."""
        return self.self_score is not None or (self.not_applicable and bool(self.na_reason.strip()))


@record
class EvidenceRef:
    """A file attached to an item or bonus claim; its bytes stay in the file until asked for."""

    id: int
    target_kind: str  # "item" | "bonus"
    target_code: str
    position: int
    file_name: str
    media_type: str
    sha256: str
    size: int
    added_at: str


@record
class BonusClaim:
    """A 加分项 claim."""

    code: str
    points: Decimal | None = None
    narrative: str = ""
    review_points: Decimal | None = None
    review_reason: str = ""
    review_flag: bool = False
    previous_review: str = ""


@record
class VetoDeclaration:
    """A 一票否决 declaration: None = not yet declared, False = 无, True = 有."""

    code: str
    triggered: bool | None = None
    explanation: str = ""
    review_triggered: bool | None = None
    review_reason: str = ""
    review_flag: bool = False
    previous_review: str = ""


@record
class Shortcoming:
    """A 存在的不足, with its category from the checklist."""

    category: str
    text: str
    item_code: str = ""


@record
class Measure:
    """A 整改措施; ``shortcoming`` is the index of the shortcoming it answers."""

    text: str
    owner: str = ""
    deadline: str = ""
    shortcoming: int | None = None
    leader: str = ""
    standard: str = ""
    progress: str = ""
    # kept while the list changes around it (整改台账: its status and notes hang on it);
    # None for one not stored yet. Not part of the seal's digest
    number: int | None = None


@record
class SealRecord:
    """One seal: revision, time, who, and the digest of the sealed content; ``audit_digest``
    is the digest of the audit lines before the seal, which ``digest`` covers (None for seals
    made before the format had it: their digest leaves the log out)."""

    revision: int
    sealed_at: str
    sealed_by: str
    digest: str
    audit_digest: str | None = None


@record
class AuditEntry:
    """One line of the audit log: who changed what, when, old → new (JSON text)."""

    at: str
    actor: str
    department_id: str
    action: str
    target: str
    old: str | None
    new: str | None


@record
class DepartmentData:
    """Everything one department filled in: what scoring, summaries and seals read."""

    department: Department
    answers: dict[str, Answer]
    bonus: dict[str, BonusClaim]
    veto: dict[str, VetoDeclaration]
    shortcomings: list[Shortcoming]
    measures: list[Measure]
    evidence: list[EvidenceRef]
    # items whose narrative was carried over from last year's file and not yet edited or
    # confirmed (``new --from``): sealing waits for them
    carried: tuple[str, ...] = ()

    def evidence_for(self, target_kind: str, code: str) -> list[EvidenceRef]:
        """Evidence attached to one item or bonus claim, in order."""
        return list(self._evidence_by_target.get((target_kind, code), ()))

    @cached_property
    def _evidence_by_target(self) -> dict[tuple[str, str], list[EvidenceRef]]:
        # asked for each item by the tree, the summary and the completeness checks: one pass
        # over the documents, not one per item (``evidence`` is never changed in place)
        index: dict[tuple[str, str], list[EvidenceRef]] = {}
        for ref in self.evidence:
            index.setdefault((ref.target_kind, ref.target_code), []).append(ref)
        return index
