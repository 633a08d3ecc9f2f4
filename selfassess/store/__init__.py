"""The .selfassess file: schema, opening and creating, reading, editing, sealing."""

from selfassess.store.assessment import AssessmentFile, default_actor
from selfassess.store.changes import ChangeSet, EvidenceSource
from selfassess.store.database import DatabaseError
from selfassess.store.records import (
    Answer,
    AuditEntry,
    BonusClaim,
    Department,
    DepartmentData,
    EvidenceRef,
    FileInfo,
    Measure,
    SealRecord,
    Shortcoming,
    VetoDeclaration,
)

__all__ = [
    "Answer",
    "AssessmentFile",
    "AuditEntry",
    "BonusClaim",
    "ChangeSet",
    "DatabaseError",
    "Department",
    "DepartmentData",
    "EvidenceRef",
    "EvidenceSource",
    "FileInfo",
    "Measure",
    "SealRecord",
    "Shortcoming",
    "VetoDeclaration",
    "default_actor",
]
