"""Evidence bytes inside the file, content-addressed by SHA-256 (one document stored once).

Files are hashed and copied in chunks through SQLite's incremental blob I/O, so attaching a
100 MB scan never holds it in memory twice.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from selfassess.errors import FileFormatError
from selfassess.i18n import _
from selfassess.store.connection import Database

CHUNK = 1024 * 1024


def hash_file(path: Path) -> tuple[str, int]:
    """SHA-256 hex digest and size of a file on disk."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def media_type(name: str) -> str:
    """A MIME type guessed from the file name (``application/octet-stream`` when unknown)."""
    import mimetypes  # loaded when used: not on every start
    return mimetypes.guess_type(name, strict=False)[0] or "application/octet-stream"


def store_blob(db: Database, path: Path) -> tuple[str, int]:
    """Store a file's bytes unless the same content is already stored; return (sha256, size).

    Runs inside the caller's transaction. The bytes are hashed again while copying, so a file
    that changed on disk between hashing and copying is refused rather than stored wrongly.
    """
    sha256, size = hash_file(path)
    if db.execute("SELECT 1 FROM evidence_blobs WHERE sha256 = ?", [sha256]).fetchone():
        return sha256, size
    cursor = db.execute("INSERT INTO evidence_blobs (sha256, size, content) VALUES (?, ?, zeroblob(?))",
                        [sha256, size, size])
    check = hashlib.sha256()
    rowid = cursor.lastrowid
    assert rowid is not None  # an INSERT always sets it
    with db.conn.blobopen("evidence_blobs", "content", rowid) as blob, \
            path.open("rb") as stream:
        written = 0
        while chunk := stream.read(CHUNK):
            if written + len(chunk) > size:
                break
            blob.write(chunk)
            check.update(chunk)
            written += len(chunk)
    if check.hexdigest() != sha256 or written != size:
        raise OSError(_("{name} changed while it was being attached; try again").format(
            name=path.name))
    with path.open("rb") as stream:
        record_head(db, sha256, stream.read(HEAD))
    return sha256, size


HEAD = 16  # bytes of a document kept apart: what its type is told by


def record_head(db: Database, sha256: str, head: bytes) -> None:
    """Keep a stored document's first bytes beside it (in the caller's transaction)."""
    db.execute("INSERT OR REPLACE INTO evidence_heads (sha256, head) VALUES (?, ?)",
               [sha256, head[:HEAD]])


def stored_heads(db: Database, sha256s: list[str]) -> dict[str, bytes]:
    """The first bytes of each document asked for that is stored."""
    heads = {}
    for start in range(0, len(sha256s), 500):
        batch = sha256s[start:start + 500]
        marks = ",".join("?" * len(batch))
        for sha256, head in db.execute(
                f"SELECT sha256, head FROM evidence_heads WHERE sha256 IN ({marks})", batch):
            heads[str(sha256)] = bytes(head) if isinstance(head, bytes) else b""
    return heads


def iter_blob(db: Database, sha256: str) -> Iterator[bytes]:
    """The stored bytes of one evidence document, in chunks."""
    row = db.execute("SELECT rowid FROM evidence_blobs WHERE sha256 = ?", [sha256]).fetchone()
    if row is None:
        raise FileFormatError(_("evidence {sha} is missing from the file").format(sha=sha256[:12]))
    with db.conn.blobopen("evidence_blobs", "content", row[0], readonly=True) as blob:
        while chunk := blob.read(CHUNK):
            yield chunk


def blob_head(db: Database, sha256: str, length: int = 16) -> bytes:
    """The first bytes of a stored document (what its type is told by), or b"" when it is
    not there."""
    row = db.execute("SELECT rowid FROM evidence_blobs WHERE sha256 = ?", [sha256]).fetchone()
    if row is None:
        return b""
    with db.conn.blobopen("evidence_blobs", "content", row[0], readonly=True) as blob:
        return bytes(blob.read(length))


def blob_sizes(db: Database, sha256s: list[str]) -> dict[str, int]:
    """The stored size of each document present (a missing one is absent from the result)."""
    sizes = {}
    for sha256 in sha256s:
        row = db.execute("SELECT length(content) FROM evidence_blobs WHERE sha256 = ?",
                         [sha256]).fetchone()
        if row is not None:
            sizes[sha256] = int(row[0])
    return sizes


def blob_matches(db: Database, sha256: str) -> bool:
    """True when the stored bytes still hash to their key (checked at seal and merge, and in
    the full check of a received file)."""
    digest = hashlib.sha256()
    try:
        chunks = iter_blob(db, sha256)
        first = next(chunks, b"")
        digest.update(first)
        if len(first) == CHUNK:  # a large document: hash each piece while reading the next
            _hash_beside(chunks, digest)
    except FileFormatError:
        return False
    return digest.hexdigest() == sha256


def _hash_beside(chunks: Iterator[bytes], digest: Any) -> None:
    """Feed ``chunks`` to ``digest`` on a second thread. SQLite's blob read and hashlib both
    let go of the interpreter lock, so reading and hashing overlap: 200 MB of evidence is
    checked in the time of hashing it, not of reading plus hashing. The reading stays on this
    thread (the connection belongs to it); at most four pieces wait in between."""
    import queue  # loaded when used: not on every start
    pieces: queue.Queue[bytes | None] = queue.Queue(maxsize=4)

    def hash_pieces() -> None:
        while (piece := pieces.get()) is not None:
            digest.update(piece)

    worker = threading.Thread(target=hash_pieces, name="evidence-hash", daemon=True)
    worker.start()
    try:
        for chunk in chunks:
            pieces.put(chunk)
    finally:
        pieces.put(None)
        worker.join()


def remove_unreferenced_blobs(db: Database) -> None:
    """Drop stored documents no evidence row (of an item, a bonus claim or a measure) points
    to any more."""
    kept = "SELECT sha256 FROM evidence UNION SELECT sha256 FROM measure_evidence"
    db.execute(f"DELETE FROM evidence_heads WHERE sha256 NOT IN ({kept})")
    db.execute(f"DELETE FROM evidence_blobs WHERE sha256 NOT IN ({kept})")
