"""佐证材料目录 and the evidence cross-checks the review group reads (issue 17).

The catalogue lists, per department and item, each document: name, type, size, the day it was
attached and the first 8 hex digits of its SHA-256, so a reviewer can ask for "the document
3f2a9c01". The cross-checks, by SHA-256 (which the file already has), inform and never block:

- ``shared``: the same document attached by more than one department of a bureau;
- ``last_year``: a document identical to one the department attached in a year the bureau keeps
  as history (``history add``): last year's photo sent again as this year's;
- ``type``: a file whose content is not the type its name says (a .pdf that is not a PDF);
- ``empty`` / ``tiny``: no bytes, or fewer than ``TINY`` (a placeholder, not a document).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import PurePath

from selfassess.checklist.model import Checklist
from selfassess.comparison import period_title
from selfassess.i18n import N_, _, join_list
from selfassess.record import record
from selfassess.standing import DepartmentStanding, Standing
from selfassess.store.assessment import AssessmentFile
from selfassess.store.ledger import LedgerEntry
from selfassess.store.records import EvidenceRef

TINY = 200  # bytes: a real scan, photo or minutes is larger
FLAGS = {
    "shared": N_("also attached by {others}"),
    "last_year": N_("identical to a document of {period}"),
    "type": N_("named .{suffix} but its content is {kind}"),
    "unknown": N_("named .{suffix} but its content is not recognised"),
    "empty": N_("empty (0 bytes)"),
    "tiny": N_("only {size} bytes"),
}
# what a file's first bytes say it is; suffixes that name the same kind
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"), (b"\xff\xd8\xff", "JPEG"), (b"\x89PNG", "PNG"), (b"GIF8", "GIF"),
    (b"PK\x03\x04", "ZIP/Office"), (b"\xd0\xcf\x11\xe0", "Office 97–2003"),
    (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"), (b"BM", "BMP"), (b"Rar!", "RAR"),
    (b"7z\xbc\xaf", "7z"), (b"{\\rtf", "RTF"),
)
SUFFIX_KINDS = {
    "pdf": {"PDF"}, "jpg": {"JPEG"}, "jpeg": {"JPEG"}, "png": {"PNG"}, "gif": {"GIF"},
    "tif": {"TIFF"}, "tiff": {"TIFF"}, "bmp": {"BMP"},
    "docx": {"ZIP/Office"}, "xlsx": {"ZIP/Office"}, "pptx": {"ZIP/Office"}, "zip": {"ZIP/Office"},
    "ofd": {"ZIP/Office"}, "doc": {"Office 97–2003"}, "xls": {"Office 97–2003"},
    "ppt": {"Office 97–2003"}, "wps": {"Office 97–2003"}, "et": {"Office 97–2003"},
    "rar": {"RAR"}, "7z": {"7z"}, "rtf": {"RTF"},
}


@record
class EvidenceFlag:
    """Something the review group should look at about one document."""

    kind: str  # a key of FLAGS
    department_id: str
    target: str  # "item:1.2", "bonus:B1", or "measure:3" (a measure's completion evidence)
    file_name: str
    sha256: str
    detail: dict[str, str]

    @property
    def text(self) -> str:
        return _(FLAGS[self.kind]).format(**self.detail)


@record
class CatalogueLine:
    """One document in the 佐证材料目录."""

    department: str
    department_id: str
    target: str  # "1.2 专题研究部署", "B1 …"
    ref: EvidenceRef
    kind: str  # PDF, JPEG… from its content; "" when unknown
    flags: tuple[EvidenceFlag, ...] = ()

    @property
    def hash8(self) -> str:
        return self.ref.sha256[:8]


def size_text(size: int) -> str:
    """``1.2 MB``, ``35 KB``, ``120字节``."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{round(size / 1024)} KB"
    return _("{size} bytes").format(size=size)


def content_kind(head: bytes) -> str:
    """What a document's first bytes say it is ("" when they say nothing known)."""
    return next((kind for magic, kind in SIGNATURES if head.startswith(magic)), "")


def target_title(checklist: Checklist, ref: EvidenceRef) -> str:
    """``1.2 专题研究部署`` for an item's document, ``B1 …`` for a bonus claim's."""
    if ref.target_kind == "item" and ref.target_code in checklist.items_by_code:
        return f"{ref.target_code} {checklist.items_by_code[ref.target_code].title}"
    if ref.target_code in checklist.bonus_by_code:
        return f"{ref.target_code} {checklist.bonus_by_code[ref.target_code].title}"
    return ref.target_code


def review_evidence(af: AssessmentFile, standing: Standing) -> list[CatalogueLine]:
    """The catalogue of every department's documents (listing order, then item order), each
    with its flags."""
    departments = standing.departments
    owners: dict[str, list[tuple[DepartmentStanding, str]]] = {}
    for department in departments:
        first: dict[str, str] = {}
        for ref in department.data.evidence:
            first.setdefault(ref.sha256, ref.file_name)
        for sha256, file_name in first.items():
            owners.setdefault(sha256, []).append((department, file_name))
    earlier = _earlier_documents(af, standing)
    order = {item.code: n for n, item in enumerate(af.checklist.items)}
    lines = []
    heads = af.evidence_heads(sorted(owners))
    kinds = {sha256: content_kind(head) for sha256, head in heads.items()}
    for department in departments:
        refs = sorted(department.data.evidence, key=lambda r: (
            r.target_kind != "item", order.get(r.target_code, 0), r.target_code, r.position))
        for ref in refs:
            kind = kinds.get(ref.sha256, "")
            flags = []

            def flag(name: str, **detail: str) -> None:
                flags.append(EvidenceFlag(name, department.id,  # noqa: B023
                                          f"{ref.target_kind}:{ref.target_code}",  # noqa: B023
                                          ref.file_name, ref.sha256, detail))  # noqa: B023

            others = [_("{department}'s “{file}”").format(department=d.name, file=name)
                      for d, name in owners.get(ref.sha256, ()) if d.id != department.id]
            if others:
                flag("shared", others=join_list(others))
            if periods := earlier.get((department.id, ref.sha256)):
                flag("last_year", period=join_list(period_title(p) for p in periods))
            if found := document_problem(ref.file_name, ref.size, kind):
                flag(found[0], **found[1])
            lines.append(CatalogueLine(department.name, department.id,
                                       target_title(af.checklist, ref), ref, kind,
                                       tuple(flags)))
    return lines


def document_problem(file_name: str, size: int, kind: str) -> tuple[str, dict[str, str]] | None:
    """What a document's size and first bytes say against its name: empty, tiny, or another
    type than its suffix (``kind`` from ``content_kind``)."""
    suffix = PurePath(file_name).suffix.lower().lstrip(".")
    if size == 0:
        return "empty", {}
    if size < TINY:
        return "tiny", {"size": str(size)}
    if suffix in SUFFIX_KINDS and kind not in SUFFIX_KINDS[suffix]:
        return ("type", {"suffix": suffix, "kind": kind}) if kind else (
            "unknown", {"suffix": suffix})
    return None


def completion_flags(af: AssessmentFile,
                     ledgers: Iterable[tuple[str, Mapping[int, LedgerEntry]]]
                     ) -> list[EvidenceFlag]:
    """The same checks of the measures' completion documents (整改佐证, ``measure:3``), which
    the secretary looks at before a 销号: a placeholder sent as proof is said. ``ledgers``:
    each department's id and 整改台账 (the read model's, or the one the app holds)."""
    documents = [(department_id, number, document) for department_id, ledger in ledgers
                 for number, entry in sorted(ledger.items()) for document in entry.evidence]
    heads = af.evidence_heads(sorted({document.sha256 for _d, _n, document in documents}))
    flags = []
    for department_id, number, document in documents:
        kind = content_kind(heads.get(document.sha256, b""))
        if found := document_problem(document.file_name, document.size, kind):
            flags.append(EvidenceFlag(found[0], department_id, f"measure:{number}",
                                      document.file_name, document.sha256, found[1]))
    return flags


def _earlier_documents(af: AssessmentFile, standing: Standing
                       ) -> dict[tuple[str, str], list[str]]:
    """(department id, SHA-256) → the earlier years that had it."""
    found: dict[tuple[str, str], list[str]] = {}
    for department in standing.departments:
        for result in department.earlier:
            for sha256 in result.documents:
                found.setdefault((department.id, sha256), []).append(result.period)
    return found
