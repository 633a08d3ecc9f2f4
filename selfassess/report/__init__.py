"""Printed output: the department score sheet and the bureau report (PDF), the Excel workbook.

``collect`` gathers a file's data once; the renderers take that data and return bytes (or write
a workbook) and never see a database.
"""

from selfassess.report.data import ReportData, collect
from selfassess.report.excel import write_workbook
from selfassess.report.fonts import FontSet, load_fonts
from selfassess.report.render import bureau_pdf, fonts_note, report_pdf, sheets_pdf

__all__ = [
    "FontSet",
    "ReportData",
    "bureau_pdf",
    "collect",
    "fonts_note",
    "load_fonts",
    "report_pdf",
    "sheets_pdf",
    "write_workbook",
]
