"""Every Excel and Word file the tool reads or writes: the 自评表 form out and back, the
checklist (考核细则) workbook both ways, the bureau workbook, the Word draft of the 自查报告."""
