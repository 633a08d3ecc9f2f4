"""Printed output (PDF): the department score sheet, the bureau report and the 整改台账.

``collect`` gathers a file's data once (``data.py``, also read by the Excel and Word outputs in
``selfassess.office``); the renderers take that data, return bytes and never see a database.
"""

from selfassess.report.data import ReportData, collect
from selfassess.report.fonts import FontSet, load_fonts
from selfassess.report.render import (
    bureau_pdf,
    fonts_note,
    ledger_pdf,
    report_pdf,
    sheets_pdf,
)

__all__ = [
    "FontSet",
    "ReportData",
    "bureau_pdf",
    "collect",
    "fonts_note",
    "ledger_pdf",
    "load_fonts",
    "report_pdf",
    "sheets_pdf",
]
