"""The .selfassess file's schema, as named migrations (sqlite-utils ``Migrations``).

One format serves department and bureau files (``meta.kind``). A bureau file holds several
departments, so everything a department fills in is keyed by ``department_id``. Scores and
points are stored as canonical decimal TEXT (exact, no float drift). Evidence bytes live in
``evidence_blobs`` keyed by SHA-256, apart from the ``evidence`` rows that reference them, so
opening a file never reads them.

Bureau files also use ``roster`` (expected departments, bound to a department id by the first
file that arrives under that name), ``merge_log`` (every merge run, one row per incoming file),
``department_history`` (a replaced revision, as the JSON its digest covers plus its reviews),
and the ``review_*`` columns (考核得分; ``review_flag`` marks a review to redo after a newer
revision changed the answer; ``previous_review`` keeps what the reviewers had said).

``PRAGMA user_version`` holds the schema version (the number of migrations applied); a file
with a higher number, or with migrations this program does not know, is refused. A file of an
older format is upgraded when it is opened for editing, and read through an upgraded temporary
copy when it is opened read-only (``store.database``): received files are never changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from selfassess.store.connection import Database

APPLICATION_ID = 0x53415353  # "SASS": identifies a .selfassess file among SQLite files
MIGRATION_SET = "selfassess"

# (name, function) in order. sqlite-utils' ``Migrations`` applies them (``apply_migrations``),
# loaded only then: opening a file of the current format never imports sqlite-utils
_MIGRATIONS: list[tuple[str, Callable[[Any], None]]] = []

# the table and index sqlite-utils' Migrations keeps its record in (what sqlite-utils 4 makes)
_MIGRATIONS_TABLE_SQL = (
    'CREATE TABLE "_sqlite_migrations" ("id" INTEGER PRIMARY KEY, "migration_set" TEXT, '
    '"name" TEXT, "applied_at" TEXT)')
_MIGRATIONS_INDEX_SQL = (
    'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name" ON "_sqlite_migrations" '
    '("migration_set", "name")')


def _migration(name: str) -> Callable[[Callable[[Any], None]], Callable[[Any], None]]:
    def register(function: Callable[[Any], None]) -> Callable[[Any], None]:
        _MIGRATIONS.append((name, function))
        return function
    return register

_INITIAL_SQL = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE checklist (
    fingerprint TEXT PRIMARY KEY,
    checklist_id TEXT NOT NULL,
    version TEXT NOT NULL,
    title TEXT NOT NULL,
    content TEXT NOT NULL
);
CREATE TABLE departments (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    filled_by TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL DEFAULT 0,
    sealed INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    digest TEXT,
    source_file TEXT NOT NULL DEFAULT '',
    merged_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE answers (
    department_id TEXT NOT NULL REFERENCES departments(id),
    item_code TEXT NOT NULL,
    self_score TEXT,
    narrative TEXT NOT NULL DEFAULT '',
    deduction_reason TEXT NOT NULL DEFAULT '',
    not_applicable INTEGER NOT NULL DEFAULT 0,
    na_reason TEXT NOT NULL DEFAULT '',
    aid TEXT NOT NULL DEFAULT '{}',
    review_score TEXT,
    review_reason TEXT NOT NULL DEFAULT '',
    review_flag INTEGER NOT NULL DEFAULT 0,
    previous_review TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (department_id, item_code)
);
CREATE TABLE evidence_blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    content BLOB NOT NULL
);
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    department_id TEXT NOT NULL REFERENCES departments(id),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('item', 'bonus')),
    target_code TEXT NOT NULL,
    position INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    sha256 TEXT NOT NULL REFERENCES evidence_blobs(sha256),
    size INTEGER NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX evidence_target ON evidence (department_id, target_kind, target_code, position);
CREATE TABLE bonus_claims (
    department_id TEXT NOT NULL REFERENCES departments(id),
    code TEXT NOT NULL,
    points TEXT,
    narrative TEXT NOT NULL DEFAULT '',
    review_points TEXT,
    review_reason TEXT NOT NULL DEFAULT '',
    review_flag INTEGER NOT NULL DEFAULT 0,
    previous_review TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (department_id, code)
);
CREATE TABLE veto_declarations (
    department_id TEXT NOT NULL REFERENCES departments(id),
    code TEXT NOT NULL,
    triggered INTEGER,
    explanation TEXT NOT NULL DEFAULT '',
    review_triggered INTEGER,
    review_reason TEXT NOT NULL DEFAULT '',
    review_flag INTEGER NOT NULL DEFAULT 0,
    previous_review TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (department_id, code)
);
CREATE TABLE shortcomings (
    id INTEGER PRIMARY KEY,
    department_id TEXT NOT NULL REFERENCES departments(id),
    position INTEGER NOT NULL,
    category TEXT NOT NULL,
    text TEXT NOT NULL,
    item_code TEXT NOT NULL DEFAULT ''
);
CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    department_id TEXT NOT NULL REFERENCES departments(id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL DEFAULT '',
    shortcoming INTEGER,
    leader TEXT NOT NULL DEFAULT '',
    standard TEXT NOT NULL DEFAULT '',
    progress TEXT NOT NULL DEFAULT ''
);
CREATE TABLE seals (
    department_id TEXT NOT NULL REFERENCES departments(id),
    revision INTEGER NOT NULL,
    sealed_at TEXT NOT NULL,
    sealed_by TEXT NOT NULL DEFAULT '',
    digest TEXT NOT NULL,
    PRIMARY KEY (department_id, revision)
);
CREATE TABLE roster (
    position INTEGER NOT NULL,
    name TEXT NOT NULL UNIQUE,
    department_id TEXT
);
CREATE TABLE merge_log (
    id INTEGER PRIMARY KEY,
    run INTEGER NOT NULL,
    at TEXT NOT NULL,
    file_name TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    department_id TEXT NOT NULL DEFAULT '',
    revision INTEGER,
    digest TEXT
);
CREATE TABLE department_history (
    id INTEGER PRIMARY KEY,
    department_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    digest TEXT,
    sealed INTEGER NOT NULL,
    source_file TEXT NOT NULL DEFAULT '',
    merged_at TEXT NOT NULL DEFAULT '',
    replaced_at TEXT NOT NULL,
    content TEXT NOT NULL
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    department_id TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    old TEXT,
    new TEXT
);
"""


@_migration("0001_initial")
def _initial(db: Any) -> None:
    for statement in _INITIAL_SQL.split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute("PRAGMA user_version = 1")


@_migration("0002_seal_covers_audit")
def _seal_covers_audit(db: Any) -> None:
    # the digest of an audit log's lines before the seal, which the seal's digest then covers
    # (product.md: removing or editing audit lines of a sealed file is "modified after
    # sealing"); NULL for seals made before this format, whose digest leaves the log out
    db.execute("ALTER TABLE seals ADD COLUMN audit_digest TEXT")
    db.execute("PRAGMA user_version = 2")


@_migration("0003_returns_and_approvals")
def _returns_and_approvals(db: Any) -> None:
    # 退回 and 审定 (product.md, workflow step 7). A bureau file records each return of a
    # department (the revision returned, the overall note, a reason per returned entry) and
    # each approval (the revision and digest approved; withdrawn when and by whom). The
    # department file sent back carries its return: until it is sealed again only the
    # returned entries change, unless the whole file was reopened (``reopened_at``).
    db.execute("""CREATE TABLE returns (
        id INTEGER PRIMARY KEY,
        department_id TEXT NOT NULL REFERENCES departments(id),
        revision INTEGER NOT NULL,
        returned_at TEXT NOT NULL,
        returned_by TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        reopened_at TEXT
    )""")
    db.execute("""CREATE TABLE return_entries (
        return_id INTEGER NOT NULL REFERENCES returns(id),
        target_kind TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (return_id, target_kind, code)
    )""")
    db.execute("""CREATE TABLE approvals (
        id INTEGER PRIMARY KEY,
        department_id TEXT NOT NULL REFERENCES departments(id),
        revision INTEGER NOT NULL,
        digest TEXT NOT NULL,
        approved_at TEXT NOT NULL,
        approved_by TEXT NOT NULL DEFAULT '',
        withdrawn_at TEXT,
        withdrawn_by TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("PRAGMA user_version = 3")


@_migration("0004_carry_over")
def _carry_over(db: Any) -> None:
    # next year's file from last year's (``new --from``): the narratives carried over, until
    # the department edits or confirms each (sealing waits for that), and last year's
    # shortcomings, shown as reference on their items. Neither is part of the seal's digest:
    # a file is sealed with nothing left carried.
    db.execute("""CREATE TABLE carried (
        department_id TEXT NOT NULL REFERENCES departments(id),
        item_code TEXT NOT NULL,
        period TEXT NOT NULL,
        PRIMARY KEY (department_id, item_code)
    )""")
    db.execute("""CREATE TABLE earlier_shortcomings (
        id INTEGER PRIMARY KEY,
        department_id TEXT NOT NULL REFERENCES departments(id),
        period TEXT NOT NULL,
        category TEXT NOT NULL,
        text TEXT NOT NULL,
        item_code TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("PRAGMA user_version = 4")


@_migration("0005_ledger")
def _ledger(db: Any) -> None:
    # 整改台账 with a life: a measure keeps its number while the list around it changes, and
    # its status (未开始 / 整改中 / 已完成 / 已销号), dated progress notes and who closed it
    # live beside it, outside the seal's digest: they change on a sealed file, audited
    db.execute("ALTER TABLE measures ADD COLUMN number INTEGER")
    db.execute("UPDATE measures SET number = position + 1")
    db.execute("""CREATE TABLE measure_ledger (
        department_id TEXT NOT NULL REFERENCES departments(id),
        number INTEGER NOT NULL,
        status TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        closed_by TEXT NOT NULL DEFAULT '',
        closed_at TEXT,
        PRIMARY KEY (department_id, number)
    )""")
    db.execute("""CREATE TABLE measure_notes (
        id INTEGER PRIMARY KEY,
        department_id TEXT NOT NULL REFERENCES departments(id),
        number INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL
    )""")
    db.execute("PRAGMA user_version = 5")


@_migration("0006_history")
def _history(db: Any) -> None:
    # 年度对比: what a bureau file keeps of earlier years' bureau files (``history add``), once
    # verified: each department's totals, grade and rank, its final score per item (under this
    # year's item codes) and how many of its measures were done. Not the earlier files
    # themselves: a few rows per department, whatever their evidence weighed.
    db.execute("""CREATE TABLE history_years (
        period TEXT PRIMARY KEY,
        bureau_name TEXT NOT NULL,
        checklist_id TEXT NOT NULL,
        checklist_version TEXT NOT NULL,
        source_sha256 TEXT NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("""CREATE TABLE history_departments (
        period TEXT NOT NULL REFERENCES history_years(period),
        department_id TEXT NOT NULL,
        name TEXT NOT NULL,
        own_total TEXT NOT NULL,
        final_total TEXT NOT NULL,
        grade TEXT NOT NULL,
        rank INTEGER,
        measures INTEGER NOT NULL,
        measures_done INTEGER NOT NULL,
        PRIMARY KEY (period, department_id)
    )""")
    db.execute("""CREATE TABLE history_items (
        period TEXT NOT NULL REFERENCES history_years(period),
        department_id TEXT NOT NULL,
        item_code TEXT NOT NULL,
        score TEXT,
        max_points TEXT NOT NULL,
        PRIMARY KEY (period, department_id, item_code)
    )""")
    db.execute("PRAGMA user_version = 6")


@_migration("0007_measure_evidence")
def _measure_evidence(db: Any) -> None:
    # a measure's completion evidence (整改佐证), beside its status and notes and like them
    # outside the seal's digest: attached on a sealed file, audited, travelling with it. The
    # bytes live in evidence_blobs with every other document
    db.execute("""CREATE TABLE measure_evidence (
        id INTEGER PRIMARY KEY,
        department_id TEXT NOT NULL REFERENCES departments(id),
        number INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES evidence_blobs(sha256),
        size INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL DEFAULT ''
    )""")
    db.execute("PRAGMA user_version = 7")


@_migration("0008_ledger_deadline")
def _ledger_deadline(db: Any) -> None:
    # a measure's deadline put back (延期) after sealing: kept in the ledger, outside the seal,
    # audited; 三色 is judged on it. The sealed deadline stays as it was sealed
    db.execute("ALTER TABLE measure_ledger ADD COLUMN deadline TEXT")
    db.execute("PRAGMA user_version = 8")


@_migration("0009_grade_adjustments")
def _grade_adjustments(db: Any) -> None:
    # 等次比例: the secretary lowers a department's grade with a reason (调整), beside the grade
    # its scores give, which never changes
    db.execute("""CREATE TABLE grade_adjustments (
        department_id TEXT PRIMARY KEY REFERENCES departments(id),
        grade TEXT NOT NULL,
        reason TEXT NOT NULL,
        adjusted_by TEXT NOT NULL DEFAULT '',
        adjusted_at TEXT NOT NULL
    )""")
    db.execute("PRAGMA user_version = 9")


@_migration("0010_documents_compared")
def _history_documents(db: Any) -> None:
    # the SHA-256 of each document a department attached in an earlier year kept as history:
    # last year's photo sent again as this year's is then flagged to the review group
    db.execute("""CREATE TABLE history_documents (
        period TEXT NOT NULL REFERENCES history_years(period),
        department_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (period, department_id, sha256)
    )""")
    # each stored document's first bytes, written with it: what its type is told by, read
    # without touching the document (a summary never reads evidence bytes)
    db.execute("""CREATE TABLE evidence_heads (
        sha256 TEXT PRIMARY KEY REFERENCES evidence_blobs(sha256),
        head BLOB NOT NULL
    )""")
    db.execute("INSERT INTO evidence_heads SELECT sha256, substr(content, 1, 16) "
               "FROM evidence_blobs")
    db.execute("PRAGMA user_version = 10")


# Keep in step with the migrations above: each new migration appends its name here and sets
# user_version to the new length.
MIGRATION_NAMES = ("0001_initial", "0002_seal_covers_audit", "0003_returns_and_approvals",
                   "0004_carry_over", "0005_ledger", "0006_history",
                   "0007_measure_evidence", "0008_ledger_deadline", "0009_grade_adjustments",
                   "0010_documents_compared")
assert tuple(name for name, _function in _MIGRATIONS) == MIGRATION_NAMES
SCHEMA_VERSION = len(MIGRATION_NAMES)
EXPECTED_TABLES = frozenset({
    "meta", "checklist", "departments", "answers", "evidence_blobs", "evidence", "bonus_claims",
    "veto_declarations", "shortcomings", "measures", "seals", "audit_log", "roster", "merge_log",
    "department_history", "returns", "return_entries", "approvals", "carried",
    "earlier_shortcomings", "measure_ledger", "measure_notes", "history_years",
    "history_departments", "history_items", "measure_evidence", "grade_adjustments",
    "history_documents", "evidence_heads",
})


def applied_migrations(db: Database) -> set[str]:
    """The names of the migrations a file records as applied."""
    return {row[0] for row in db.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])}


def apply_migrations(db: Database) -> None:
    """Apply what is pending, each migration in a transaction with its record."""
    from sqlite_utils import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name, function in _MIGRATIONS:
        migrations(name=name)(function)
    migrations.apply(db.utils())


def normalized_sql(sql: str | None) -> str | None:
    """SQL compared without its layout (sqlite-utils writes line breaks into an index)."""
    return None if sql is None else " ".join(sql.replace("(", " ( ").replace(")", " ) ").split())


def worked_out_shape() -> tuple[dict[str, frozenset[str]], dict[str, str | None]]:
    """The tables' columns and the indexes as the migrations make them, worked out in memory
    (``tools/schema_shape.py`` writes them into ``schema_shape.py``, which opening reads)."""
    import sqlite3

    from selfassess.store.connection import Database

    db = Database(sqlite3.connect(":memory:"))
    for _name, function in _MIGRATIONS:
        function(db)
    db.execute(_MIGRATIONS_TABLE_SQL)
    db.execute(_MIGRATIONS_INDEX_SQL)
    columns = {table: frozenset(row[1] for row in db.execute(f"PRAGMA table_info({table})"))
               for table in EXPECTED_TABLES}
    indexes = {name: normalized_sql(sql) for name, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index'")}
    db.close()
    return columns, indexes


def expected_columns() -> dict[str, frozenset[str]]:
    """Each table's columns as the migrations make them."""
    from selfassess.store.schema_shape import COLUMNS

    return COLUMNS


def expected_indexes() -> dict[str, str | None]:
    """Each index the migrations make, with its SQL (None for the automatic ones)."""
    from selfassess.store.schema_shape import INDEXES

    return INDEXES
