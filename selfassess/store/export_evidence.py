"""Writing the evidence documents out of a file, only into the folder the user chose.

Names come from other people's files, so each is rebuilt by ``safe_file_name`` (no folders,
no ``..``, no control or invisible characters, no reserved Windows names), prefixed with the
item or bonus code, and checked to land inside the chosen folder; an existing file is never
replaced (``name (2).pdf``). Every document's bytes are checked against its hash before the
file appears. Nothing is ever opened or run here.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from selfassess.errors import FileFormatError, InputRefused
from selfassess.i18n import _
from selfassess.store.database import connection, publish
from selfassess.store.evidence import iter_blob
from selfassess.validation import fit_path, safe_file_name

if TYPE_CHECKING:
    from selfassess.store.assessment import AssessmentFile

# opened by a double-click, these run code: the app warns before opening one
EXECUTABLE_SUFFIXES = frozenset({
    ".exe", ".com", ".bat", ".cmd", ".msi", ".scr", ".pif", ".lnk", ".js", ".jse", ".vbs",
    ".vbe", ".wsf", ".ps1", ".psm1", ".hta", ".cpl", ".jar", ".sh", ".run", ".bin",
    ".appimage", ".deb", ".rpm", ".py", ".pyw", ".reg", ".dll", ".desktop", ".url", ".chm",
    ".docm", ".xlsm", ".pptm", ".iso", ".img",
})


def is_executable(name: str) -> bool:
    """True for a program, script or macro document (by its extension)."""
    return Path(name).suffix.lower() in EXECUTABLE_SUFFIXES


def _free_name(folder: Path, name: str) -> Path:
    target = fit_path(folder, name, reserve=len(" (99)"))
    stem, suffix = target.stem, target.suffix
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{stem} ({number}){suffix}"
    return target


def write_document(af: AssessmentFile, sha256: str, target: Path) -> Path:
    """Write one document's verified bytes to ``target`` (created whole, never replaced)."""
    import secrets  # loaded when used: not on every start
    temporary = target.with_name(f".{secrets.token_hex(16)}.part")
    digest = hashlib.sha256()
    try:
        with temporary.open("xb") as stream:
            for chunk in iter_blob(connection(af), sha256):
                digest.update(chunk)
                stream.write(chunk)
        if digest.hexdigest() != sha256:
            raise FileFormatError(f"{af.path.name}: " + _(
                "an evidence document does not match its hash (damaged or altered)"))
        publish(temporary, target)  # appears whole, and never over an existing file
    finally:
        temporary.unlink(missing_ok=True)
    return target


def export_evidence(af: AssessmentFile, folder: Path, department_id: str | None = None
                    ) -> list[Path]:
    """Write every document of a file (or of one department) into ``folder``; a bureau file
    gets one sub-folder per department."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputRefused(_("the folder {folder} does not exist").format(folder=folder))
    root = folder.resolve()
    written = []
    departments = [d for d in af.departments() if department_id in (None, d.id)]
    for department in departments:
        data = af.data(department.id)
        # a department's folder leaves room for the names of the documents inside it
        place = fit_path(root, safe_file_name(department.name), reserve=60) \
            if af.info.kind == "bureau" else root
        # the items' and bonus claims' documents, then the measures' completion documents
        # (整改佐证), each name led by where it belongs
        documents = [(f"{ref.target_code}_{ref.file_name}", ref.file_name, ref.sha256)
                     for ref in data.evidence]
        documents += [(_("measure {number}").format(number=number) + f"_{document.file_name}",
                       document.file_name, document.sha256)
                      for number, entry in sorted(af.ledger(department.id).items())
                      for document in entry.evidence]
        if documents:
            place.mkdir(exist_ok=True)
        for name, file_name, sha256 in documents:
            target = _free_name(place, safe_file_name(name))
            if not target.resolve().is_relative_to(root):  # cannot happen with safe names
                raise InputRefused(_("{name}: refused to write outside {folder}").format(
                    name=file_name, folder=root))
            written.append(write_document(af, sha256, target))
    return written
