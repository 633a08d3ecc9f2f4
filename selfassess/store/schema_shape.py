"""The columns and indexes the migrations make (written by tools/schema_shape.py;
tests/test_schema_shape.py holds it to the migrations). Do not edit by hand."""

COLUMNS: dict[str, frozenset[str]] = {
    "answers": frozenset({
        "aid", "deduction_reason", "department_id", "item_code", "na_reason", "narrative",
        "not_applicable", "previous_review", "review_flag", "review_reason", "review_score",
        "self_score", "updated_at"
    }),
    "approvals": frozenset({
        "approved_at", "approved_by", "department_id", "digest", "id", "revision",
        "withdrawn_at", "withdrawn_by"
    }),
    "audit_log": frozenset({
        "action", "actor", "at", "department_id", "id", "new", "old", "target"
    }),
    "bonus_claims": frozenset({
        "code", "department_id", "narrative", "points", "previous_review", "review_flag",
        "review_points", "review_reason"
    }),
    "carried": frozenset({
        "department_id", "item_code", "period"
    }),
    "checklist": frozenset({
        "checklist_id", "content", "fingerprint", "title", "version"
    }),
    "department_history": frozenset({
        "content", "department_id", "digest", "id", "merged_at", "replaced_at", "revision",
        "sealed", "source_file"
    }),
    "departments": frozenset({
        "created_at", "digest", "filled_by", "id", "merged_at", "name", "revision", "sealed",
        "source_file"
    }),
    "earlier_shortcomings": frozenset({
        "category", "department_id", "id", "item_code", "period", "text"
    }),
    "evidence": frozenset({
        "added_at", "department_id", "file_name", "id", "media_type", "position", "sha256",
        "size", "target_code", "target_kind"
    }),
    "evidence_blobs": frozenset({
        "content", "sha256", "size"
    }),
    "evidence_heads": frozenset({
        "head", "sha256"
    }),
    "grade_adjustments": frozenset({
        "adjusted_at", "adjusted_by", "department_id", "grade", "reason"
    }),
    "history_departments": frozenset({
        "department_id", "final_total", "grade", "measures", "measures_done", "name",
        "own_total", "period", "rank"
    }),
    "history_documents": frozenset({
        "department_id", "period", "sha256"
    }),
    "history_items": frozenset({
        "department_id", "item_code", "max_points", "period", "score"
    }),
    "history_years": frozenset({
        "added_at", "added_by", "bureau_name", "checklist_id", "checklist_version", "period",
        "source_sha256"
    }),
    "measure_evidence": frozenset({
        "added_at", "added_by", "department_id", "file_name", "id", "media_type", "number",
        "sha256", "size"
    }),
    "measure_ledger": frozenset({
        "closed_at", "closed_by", "deadline", "department_id", "number", "status", "updated_at"
    }),
    "measure_notes": frozenset({
        "actor", "at", "department_id", "id", "number", "text"
    }),
    "measures": frozenset({
        "deadline", "department_id", "id", "leader", "number", "owner", "position", "progress",
        "shortcoming", "standard", "text"
    }),
    "merge_log": frozenset({
        "at", "department_id", "digest", "file_name", "id", "outcome", "reason", "revision",
        "run"
    }),
    "meta": frozenset({
        "key", "value"
    }),
    "return_entries": frozenset({
        "code", "reason", "return_id", "target_kind"
    }),
    "returns": frozenset({
        "department_id", "id", "note", "reopened_at", "returned_at", "returned_by", "revision"
    }),
    "roster": frozenset({
        "department_id", "name", "position"
    }),
    "seals": frozenset({
        "audit_digest", "department_id", "digest", "revision", "sealed_at", "sealed_by"
    }),
    "shortcomings": frozenset({
        "category", "department_id", "id", "item_code", "position", "text"
    }),
    "veto_declarations": frozenset({
        "code", "department_id", "explanation", "previous_review", "review_flag",
        "review_reason", "review_triggered", "triggered"
    }),
}

INDEXES: dict[str, str | None] = {
    "evidence_target": (
        "CREATE INDEX evidence_target ON evidence ( department_id, target_kind, "
        "target_code, position )"
    ),
    "idx__sqlite_migrations_migration_set_name": (
        "CREATE UNIQUE INDEX \"idx__sqlite_migrations_migration_set_name\" ON "
        "\"_sqlite_migrations\" ( \"migration_set\", \"name\" )"
    ),
    "sqlite_autoindex_answers_1": None,
    "sqlite_autoindex_bonus_claims_1": None,
    "sqlite_autoindex_carried_1": None,
    "sqlite_autoindex_checklist_1": None,
    "sqlite_autoindex_departments_1": None,
    "sqlite_autoindex_evidence_blobs_1": None,
    "sqlite_autoindex_evidence_heads_1": None,
    "sqlite_autoindex_grade_adjustments_1": None,
    "sqlite_autoindex_history_departments_1": None,
    "sqlite_autoindex_history_documents_1": None,
    "sqlite_autoindex_history_items_1": None,
    "sqlite_autoindex_history_years_1": None,
    "sqlite_autoindex_measure_ledger_1": None,
    "sqlite_autoindex_meta_1": None,
    "sqlite_autoindex_return_entries_1": None,
    "sqlite_autoindex_roster_1": None,
    "sqlite_autoindex_seals_1": None,
    "sqlite_autoindex_veto_declarations_1": None,
}
