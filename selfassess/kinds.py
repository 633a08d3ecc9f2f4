"""Human names for the kinds of evidence documents (PDF 文档, 图片 …), not MIME types: a
department head knows a "Word 文档", not "application/vnd.openxmlformats-officedocument…"."""

from __future__ import annotations

from selfassess.i18n import N_, _

_KINDS = {
    "application/pdf": N_("PDF document"),
    "application/msword": N_("Word document"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": N_("Word document"),
    "application/vnd.ms-excel": N_("Excel workbook"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": N_("Excel workbook"),
    "application/vnd.ms-powerpoint": N_("PowerPoint slides"),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation":
        N_("PowerPoint slides"),
    "application/vnd.ms-works": N_("WPS document"),
    "application/zip": N_("ZIP archive"),
    "application/x-rar-compressed": N_("RAR archive"),
    "application/vnd.rar": N_("RAR archive"),
    "application/x-7z-compressed": N_("7z archive"),
    "text/plain": N_("plain text"),
    "text/csv": N_("table (CSV)"),
}
_FAMILIES = {"image": N_("picture"), "video": N_("video"), "audio": N_("sound recording"),
             "text": N_("plain text")}
_BY_SUFFIX = {".wps": N_("WPS document"), ".et": N_("WPS workbook"), ".ofd": N_("OFD document")}


def document_kind(media_type: str, file_name: str = "") -> str:
    """What kind of document this is, in words (the MIME type when nothing better is known)."""
    suffix = file_name[file_name.rfind("."):].lower() if "." in file_name else ""
    if suffix in _BY_SUFFIX:
        return _(_BY_SUFFIX[suffix])
    if media_type in _KINDS:
        return _(_KINDS[media_type])
    family = media_type.split("/", 1)[0]
    if family in _FAMILIES:
        return _(_FAMILIES[family])
    return _("other ({type})").format(type=media_type) if media_type else _("other")
