"""Office interop: the Excel 自评表 out and back, checklists from and to Excel, the Word draft
of the 自查报告."""
