"""The 催报 notice as a Word document, in the same page setup and named styles as the Word
draft of the 自查报告 (GB/T 9704: title, 主送机关, body, 落款 and 成文日期)."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from selfassess.bureau.reminder import Reminder
from selfassess.office.package import package_date, write_package
from selfassess.office.report_docx import _clean, _page_setup, _setup_styles, _signature_indents


def write_reminder_docx(notice: Reminder, path: Path) -> Path:
    """Write the notice to ``path`` (through a temporary name; fixed package dates)."""
    doc = Document()
    _setup_styles(doc)
    _page_setup(doc)
    doc.add_paragraph(_clean(notice.title), style="公文标题")
    doc.add_paragraph(_clean(notice.addressee), style="主送机关")
    for number, text in enumerate(notice.paragraphs, 1):
        last = number == len(notice.paragraphs)
        doc.add_paragraph(_clean(text), style="正文末段" if last else "Normal")
    doc.add_paragraph(_clean(notice.org), style="落款")
    doc.add_paragraph(_clean(notice.date), style="成文日期")
    _signature_indents(doc, notice.org, notice.date)
    return write_package(path, lambda target: doc.save(str(target)),
                         package_date([notice.issued]))
