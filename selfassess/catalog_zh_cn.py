# ruff: noqa: E501  (messages are as long as they are)
"""The zh_CN translations, compiled from resources/locale/zh_CN/LC_MESSAGES/
selfassess.po by `python tools/catalog.py compile` (tests/test_i18n.py holds it to
the .po). Do not edit by hand: translate in the .po."""

MESSAGES: dict[str, str] = {
    "  Base {base}  Bonus {bonus}  Total {total}  Grade {grade}":
        "  基础分 {base}  加分 {bonus}  总分 {total}  等次 {grade}",
    "  Complete.":
        "  已填写完整。",
    "  Complete: ready to seal.":
        "  已填写完整，可以封存。",
    "  How the total came about:":
        "  得分说明：",
    "  Not ready to seal ({count}):":
        "  尚不能封存（{count} 项）：",
    "  Rank {rank}":
        "  排名 {rank}",
    "  Returned for correction on {date}: {note}":
        "  {date}退回修改：{note}",
    " (and {count} more problems)":
        "（另有 {count} 个问题）",
    " (closed by {by} on {date})":
        "（{by}于{date}销号）",
    " (of type {types})":
        "（{types}格式）",
    " ({count} to redo)":
        "（{count} 项需重做）",
    " (三色 as of {date}; yellow: due within 30 days)":
        "（三色督办按{date}判断，黄为30天内到期）",
    " Bonus and veto entries reviewed: {count}.":
        "已复核加分项、一票否决事项{count}项。",
    " Drafts among them: {count}.":
        "其中草稿 {count} 个。",
    " The measures' progress can still be recorded on the measures page.":
        "整改措施的进展仍可在“整改措施”页记录。",
    " by {name}":
        "{name}于",
    " of {pages}":
        "（共{pages}页）",
    " since {date}":
        "（自{date}起）",
    " — within the quota":
        "——符合比例",
    " — {excess} over the quota":
        "——超出{excess}个",
    "&Edit":
        "编辑(&E)",
    "&File":
        "文件(&F)",
    "&Go":
        "转到(&G)",
    "&Help":
        "帮助(&H)",
    "&Settings":
        "设置(&S)",
    "(Seal of the unit)":
        "（单位盖章）",
    "(and {count} more)":
        "（另有 {count} 处）",
    "(at most {max})":
        "（最多 {max} 分）",
    "(continued)":
        "（续）",
    "(no particular item)":
        "（不对应具体指标）",
    "(no particular shortcoming)":
        "（不对应具体不足）",
    "({points} points)":
        "（{points}分）",
    ", ":
        "，",
    ", at most −{cap}":
        "，最多 −{cap}",
    ", {types}":
        "，{types}",
    "--department is required (or --from last year's file)":
        "必须给出 --department（或用 --from 指定去年的文件）",
    "--from keeps the department of the file it starts from; leave out --department":
        "--from 沿用原文件的单位，请不要再给出 --department",
    "--page review shows a department of a bureau file (with --department NAME)":
        "--page review 显示汇总文件中的一个单位（须同时使用 --department 单位名称）",
    "--size must be WIDTHxHEIGHT in pixels, e.g. 1366x768":
        "--size 应为“宽x高”像素，例如 1366x768",
    ".selfassess file":
        ".selfassess 文件",
    ".selfassess file to open":
        "要打开的 .selfassess 文件",
    ".selfassess file to restore":
        "要恢复的 .selfassess 文件",
    "0 to {max}, in steps of {step}":
        "0 到 {max}，按 {step} 分递增",
    "1. Results (考核结果汇总表)":
        "一、考核结果汇总表",
    "2. Statistics":
        "二、统计分析",
    "3. Items that lost the most points":
        "三、失分较多的指标",
    "4. Not received, and files refused":
        "四、未报单位和未予汇总的文件",
    "5. Shortcomings by category (问题清单)":
        "五、问题清单",
    "6. Rectification ledger (整改台账)":
        "六、整改台账",
    "7. Review findings (复核意见)":
        "七、复核意见",
    "7z archive":
        "7z 压缩包",
    "8. Year on year (年度对比)":
        "八、年度对比",
    "; ":
        "；",
    "; also {what}":
        "；另更新了{what}",
    "; changed since revision {old}: {changes}":
        "；自第{old}版以来修改：{changes}",
    "; id {subject}":
        "；标识 {subject}",
    "; left out as drafts that year: {names}":
        "；当年为草稿、未纳入：{names}",
    "; not on the roster, added to it":
        "；不在名单中，已加入名单",
    "; renamed from {old}":
        "；原名{old}",
    "; the department reopened the whole file":
        "；该单位开放了全部指标修改",
    "; {count} review(s) to redo":
        "；{count} 项复核需重做",
    "A newer revision changed this answer: review it again. Earlier review: {previous}":
        "新版本修改了此项内容，请重新复核。原复核：{previous}",
    "ACTION":
        "操作",
    "About selfassess":
        "关于 selfassess",
    "Add an earlier year":
        "添加以往年度",
    "Add an earlier year…":
        "添加以往年度…",
    "Add files…":
        "添加文件…",
    "Adjusted grade":
        "调整后等次",
    "After sealing the file is read-only and gets a revision number and a digest of its content. Seal now?":
        "封存后文件变为只读，并记录版本号和内容摘要。现在封存吗？",
    "Already there, not overwritten: {names}":
        "已存在，未覆盖：{names}",
    "Alt + underlined letter":
        "Alt+带下划线的字母",
    "An overall note to the department (optional)":
        "给该单位的总体说明（可不填）",
    "Answered":
        "已作答",
    "Answers shortcoming":
        "对应问题",
    "Appendix {number}: {name}":
        "附件{number}：{name}",
    "Approve (审定)":
        "审定",
    "Approve (审定)…":
        "审定…",
    "Approve {name} at revision {revision}? Its result is then bound to this revision: a newer one is refused until the approval is withdrawn.":
        "审定{name}第 {revision} 版？审定后考核结果以该版本为准，撤销审定前不再接收新的版本。",
    "Approved (审定): withdraw the approval to change the review.":
        "已审定：如需修改复核意见，请先撤回审定。",
    "Approved (审定): {approved} of {count} departments":
        "已审定 {approved} 个单位，共 {count} 个",
    "Area (考核项目)":
        "考核项目",
    "As of {date}, the {checklist} of the following departments has not been received:":
        "截至{date}，以下单位尚未按要求报送{checklist}：",
    "Assessment report of the 意识形态工作责任制":
        "意识形态工作责任制\n落实情况考核汇总报告",
    "Attach completion evidence":
        "添加完成佐证",
    "Attach completion evidence…":
        "添加完成佐证…",
    "Attach evidence":
        "添加佐证材料",
    "Attach {count} documents":
        "添加 {count} 份材料",
    "Attach {name}":
        "添加 {name}",
    "Attached":
        "添加日期",
    "Attaching evidence…":
        "正在添加佐证材料…",
    "Attaching {name}…":
        "正在添加 {name}…",
    "Average":
        "平均分",
    "Average {mean}, highest {high}, lowest {low}. By grade: {grades}.":
        "平均分 {mean}，最高分 {high}，最低分 {low}。各等次单位数：{grades}。",
    "Backups (made before every seal and merge)":
        "备份（每次封存和汇总前自动生成）",
    "Backups are listed and restored with “selfassess backups FILE” and “selfassess restore FILE BACKUP”.":
        "用“selfassess backups 文件”列出备份，用“selfassess restore 文件 备份”恢复备份。",
    "Base":
        "基础分",
    "Base total (基础得分)":
        "基础得分",
    "Base {base} + bonus {bonus} = total {total} · grade {grade}":
        "基础分 {base} + 加分 {bonus} = 总分 {total} · 等次 {grade}",
    "Before sealing, fix these ({count}):":
        "封存前请先处理以下 {count} 项：",
    "Before sealing, {count} thing(s) need attention:":
        "封存前还有 {count} 项需要处理：",
    "Bonus":
        "加分",
    "Bonus cap (加分上限)":
        "加分上限",
    "Bonus claims (加分项)":
        "加分项",
    "Bonus item":
        "加分事项",
    "Bonus item (加分事项)":
        "加分事项",
    "Bonus items (加分项)":
        "加分项",
    "Bonus points count up to {cap} in total. Every claim needs evidence (e.g. the commendation notice) before the file can be sealed.":
        "加分合计最多 {cap} 分。申报加分须附佐证材料（如表彰文件），否则不能封存。",
    "Bonus total (cap {cap})":
        "加分合计（上限 {cap} 分）",
    "Bonus {code} points":
        "加分项 {code} 的分值",
    "Bonus {code}: {title}":
        "加分项 {code}：{title}",
    "Bureau":
        "局",
    "Bureau: {name}":
        "单位：{name}",
    "By":
        "经办人",
    "COMMAND":
        "命令",
    "Cancel":
        "取消",
    "Cannot open the file":
        "无法打开文件",
    "Cap (最多扣)":
        "最多扣",
    "Catalogue of evidence":
        "佐证材料目录",
    "Catalogue of evidence (佐证材料目录)":
        "佐证材料目录",
    "Category":
        "类别",
    "Change on last year":
        "较上年",
    "Changed since revision {old} (已修改):":
        "已修改（与第{old}版相比）：",
    "Check":
        "核对",
    "Check a printed page (核对纸质件)":
        "核对纸质件",
    "Check a printed page (核对纸质件)…":
        "核对纸质件…",
    "Check code {code}":
        "核对码：{code}",
    "Checked by (signature):":
        "审核人（签字）：",
    "Checklist":
        "检查清单",
    "Checklist (基本信息)":
        "基本信息",
    "Checklist from an Excel template":
        "从 Excel 模板导入考核细则",
    "Checklist from an Excel template…":
        "从 Excel 模板导入考核细则…",
    "Checklist to an Excel template":
        "将考核细则导出为 Excel 模板",
    "Checklist to an Excel template…":
        "将考核细则导出为 Excel 模板…",
    "Checklist: {title} ({id} {version})":
        "检查清单：{title}（{id} {version}）",
    "Checklists (*.yaml *.yml *.xlsx)":
        "考核细则 (*.yaml *.yml *.xlsx)",
    "Checklists (*.yaml *.yml)":
        "检查清单 (*.yaml *.yml)",
    "Choose a checklist":
        "选择检查清单",
    "Choose another name or folder.":
        "请换一个文件名或文件夹。",
    "Choose one of: {choices}":
        "请从下列选项中选择：{choices}",
    "Choose…":
        "选择…",
    "Click to go there":
        "单击转到该处",
    "Click to hide the list":
        "单击收起列表",
    "Click to show the list":
        "单击展开列表",
    "Close":
        "关闭",
    "Close file":
        "关闭文件",
    "Close it (销号)":
        "销号",
    "Close it (销号)…":
        "销号…",
    "Close measure {number} of {name} (“{text}”)? Do so once its completion evidence has been checked; the department cannot undo it.":
        "将{name}的第 {number} 项整改措施（“{text}”）销号？请在核实整改完成的佐证后再销号；该单位不能撤销。",
    "Close the file":
        "关闭文件",
    "Code":
        "代码",
    "Code (代码)":
        "代码",
    "Column":
        "列",
    "Compared with: {files}":
        "比对文件：{files}",
    "Compiled by (signature):":
        "制表人（签字）：",
    "Completion evidence: {files}":
        "佐证材料：{files}",
    "Completion standard":
        "完成标准",
    "Completion standard (完成标准)":
        "完成标准",
    "Copy saved":
        "副本已保存",
    "Count targets (计数目标)":
        "计数目标",
    "Create":
        "新建",
    "DRAFT":
        "草稿",
    "DRAFT — not final":
        "草稿 — 未经审定",
    "Date":
        "日期",
    "Date filled in: {date}":
        "填表日期：{date}",
    "Deadline":
        "完成时限",
    "Deadline (完成时限)":
        "完成时限",
    "Deadline put back to {date} (originally {sealed})":
        "完成时限已延至 {date}（原定 {sealed}）",
    "Declare each item. Any one answered yes (有) gives the lowest grade (“{grade}”) whatever the score.":
        "请逐项声明。任何一项为“有”，无论得分多少，等次均为“{grade}”。",
    "Declared":
        "声明（有/无）",
    "Declared (有/无)":
        "声明（有/无）",
    "Deductions (扣分规则)":
        "扣分规则",
    "Department":
        "单位",
    "Department (处室/单位)":
        "处室（单位）",
    "Department: {name} ({state})":
        "单位：{name}（{state}）",
    "Departments":
        "单位",
    "Departments assessed: {count}; expected {expected}, received {received}":
        "参评单位 {count} 个；应报 {expected} 个，已报 {received} 个",
    "Departments expected":
        "应报单位",
    "Departments expected (名单)":
        "应报单位名单",
    "Departments that lost points":
        "失分单位",
    "Description (说明)":
        "说明",
    "Details":
        "说明",
    "Difference":
        "差值",
    "Distribute":
        "下发",
    "Distribute blank files into":
        "空白文件保存到",
    "Distribute blank files…":
        "下发空白文件…",
    "Document":
        "材料名称",
    "Done: {narrative}":
        "自查情况：{narrative}",
    "Double-click an item to go there":
        "双击指标转到该处",
    "Double-click to go there":
        "双击转到该处",
    "Draft made by selfassess; edit before sending.":
        "由 selfassess 生成的草稿，报送前请修改审定。",
    "Drafts (not sealed): {names}":
        "草稿（未封存）：{names}",
    "Drop files here to attach them":
        "可将文件拖到此处添加",
    "Enter the department's name first":
        "请先填写处室（单位）名称",
    "Enter the score directly below.":
        "请在下方直接填写得分。",
    "Entry":
        "事项",
    "Every department on the roster has reported and no correction is outstanding: there is nobody to remind.":
        "名单中的单位均已报送，也没有待重报的退回：无需催报。",
    "Every department on the roster sent its file.":
        "名单内各单位均已报送。",
    "Evidence":
        "佐证材料",
    "Evidence (佐证材料)":
        "佐证材料",
    "Evidence not attached":
        "佐证材料未能添加",
    "Evidence to attach (佐证材料)":
        "佐证材料要求",
    "Evidence to look at (佐证材料提示)":
        "佐证材料提示（仅供复核参考，不影响得分）",
    "Evidence to look at:":
        "佐证材料提示：",
    "Evidence: {added} added, {removed} removed":
        "佐证材料：新增{added}个，删除{removed}个",
    "Evidence: {files}":
        "佐证：{files}",
    "Excel and Word":
        "Excel 与 Word",
    "Excel workbook":
        "Excel 表格",
    "Expected {expected}, merged {merged}, not received {missing}, refused {refused}.":
        "应报 {expected}，已汇总 {merged}，未报 {missing}，拒收 {refused}。",
    "Explanation":
        "说明",
    "Explanation (required for 有)":
        "说明（选“有”时必填）",
    "Export the Excel form (自评表)":
        "导出 Excel 自评表",
    "Export the Excel form (自评表)…":
        "导出 Excel 自评表…",
    "Export the Word report draft (自查报告)":
        "导出 Word 自查报告草稿",
    "Export the Word report draft (自查报告)…":
        "导出 Word 自查报告草稿…",
    "Export the evidence files":
        "导出佐证材料",
    "Export the evidence files…":
        "导出佐证材料…",
    "Export the tables to Excel":
        "导出汇总表格到 Excel",
    "Export the tables to Excel…":
        "导出汇总表格到 Excel…",
    "Export to Excel":
        "导出 Excel",
    "Export to Excel…":
        "导出 Excel…",
    "Field (项目)":
        "项目",
    "File":
        "文件",
    "Files required (佐证份数)":
        "佐证份数",
    "Files to compare with":
        "选择比对文件",
    "Filled in by (signature):":
        "填报人（签字）：",
    "Filled in by (填报人)":
        "填报人",
    "Final version (审定稿)":
        "审定稿",
    "Find an item by code or words":
        "按编号或关键词查找指标",
    "Find an item by code or words (Ctrl+F)":
        "按编号或关键词查找指标（Ctrl+F）",
    "Find item":
        "查找指标",
    "Fit width":
        "适合宽度",
    "Font size":
        "字号",
    "For each shortcoming, what will be done, who answers for it and by when; they become the rectification ledger (整改台账).":
        "针对每条不足，写明整改措施、责任人和完成时限；这些内容将形成整改台账。",
    "For non-classified information only (本工具仅用于非涉密信息处理)":
        "本工具仅用于非涉密信息处理",
    "For shortcoming No.":
        "对应不足序号",
    "From a checklist file…":
        "从检查清单文件选择…",
    "Full marks (满分)":
        "满分",
    "Full marks on every item.":
        "各项均得满分。",
    "Go to the next page":
        "转到下一页",
    "Go to the previous page":
        "转到上一页",
    "Grade":
        "等次",
    "Grade (等次)":
        "等次",
    "Grade bands (等次)":
        "等次",
    "Grade by the scores":
        "按得分等次",
    "Grades adjusted (等次调整)":
        "等次调整",
    "Hash":
        "校验值（前8位）",
    "Head of the department (signature):":
        "处室（单位）负责人（签字）：",
    "How the total came about":
        "得分说明",
    "How the total came about: ":
        "得分说明：",
    "How to fill in (填写说明)":
        "填写说明",
    "Id (标识)":
        "标识",
    "Import a filled Excel form":
        "导入已填写的 Excel 自评表",
    "Import a filled Excel form…":
        "导入已填写的 Excel 自评表…",
    "Import a folder":
        "导入文件夹",
    "Import a folder…":
        "导入文件夹…",
    "Import department files":
        "导入处室自评文件",
    "Import files…":
        "导入文件…",
    "Item":
        "指标",
    "Item code (指标代码)":
        "指标代码",
    "Items (考核细则)":
        "考核细则",
    "Items that lost points in every year (连续失分的指标)":
        "（二）连续失分的指标（本年度及以往各年度均失分）",
    "Items that lost points in every year: {items}":
        "连续失分的指标：{items}",
    "Keep it as it is":
        "确认保持不变",
    "Keyboard shortcuts":
        "快捷键",
    "Language":
        "界面语言",
    "Language and font size…":
        "界面语言和字号…",
    "Last year's self-assessment":
        "去年的自评文件",
    "Last year's shortcomings here: {list}":
        "上年度本项存在的不足：{list}",
    "Latest progress":
        "最新进展",
    "Laying out the report…":
        "正在排版报告…",
    "Leader in charge":
        "责任领导",
    "Leader in charge (责任领导)":
        "责任领导",
    "Level (等级)":
        "等级",
    "Levels (等级)":
        "等级",
    "List what fell short this year, each with its category; they become part two of the report (自查报告) and the bureau's list of problems (问题清单).":
        "逐条列出本年度存在的不足并选择类别；这些内容将写入自查报告第二部分和局的问题清单。",
    "Log of errors":
        "错误日志",
    "Loss rate":
        "失分率",
    "Lost":
        "失分",
    "Lost points: {reason}":
        "扣分原因：{reason}",
    "Make the pages as wide as the window ({shortcut})":
        "页面宽度适合窗口（{shortcut}）",
    "Max":
        "分值",
    "Max (分值)":
        "分值",
    "Maximum":
        "分值",
    "Maximum {max} points · {mode}":
        "分值 {max} 分 · {mode}",
    "Measure":
        "整改措施",
    "Measures of earlier years (以往年度整改措施完成情况)":
        "（三）以往年度整改措施完成情况",
    "Meetings, documents, numbers, dates…":
        "会议、文件、次数、日期…",
    "Merge failed":
        "汇总失败",
    "Merge log":
        "汇总记录",
    "Merge result":
        "汇总结果",
    "Merging {count} file(s)…":
        "正在汇总 {count} 个文件…",
    "Minimum (最低分)":
        "最低分",
    "N/A":
        "不适用",
    "N/A allowed (可不适用)":
        "可不适用",
    "New":
        "新增",
    "New bureau file (汇总)":
        "新建汇总文件",
    "New bureau file (汇总)…":
        "新建汇总文件…",
    "New deadline if put back, e.g. 2027-09-30":
        "延期至（如 2027-09-30）",
    "New from last year's file":
        "以去年文件为基础新建",
    "New from last year's file…":
        "以去年文件为基础新建…",
    "New self-assessment":
        "新建自评",
    "New self-assessment…":
        "新建自评…",
    "Next / previous field on the page":
        "本页下一个/上一个输入框",
    "Next / previous item":
        "下一项/上一项",
    "Next item":
        "下一项",
    "Next page":
        "下一页",
    "Next ▶":
        "下一项 ▶",
    "No department has been merged yet.":
        "尚未汇总任何单位。",
    "No department lost points on the same item in every year.":
        "没有单位在同一指标上各年度均失分。",
    "No earlier year is kept yet. Add last year's bureau file to compare each department's totals with it.":
        "尚未添加以往年度。添加上一年度的汇总文件，即可与各单位上年得分对比。",
    "No evidence was attached.":
        "未添加佐证材料。",
    "No file: only what the code itself says.":
        "未选文件：只显示核对码本身的信息。",
    "No item answered yet.":
        "尚未作答任何指标。",
    "No item lost points.":
        "各项指标均未失分。",
    "No measures were listed.":
        "未列出整改措施。",
    "No points lost on the items answered so far.":
        "已作答的指标均未扣分。",
    "No shortcomings were listed.":
        "未列出存在的不足。",
    "No.":
        "序号",
    "Non-classified information only":
        "仅用于非涉密信息",
    "Not applicable":
        "不适用",
    "Not applicable (不适用)":
        "不适用",
    "Not applicable items (不适用项目计分)":
        "不适用项目计分",
    "Not applicable {code}":
        "{code} 的不适用",
    "Not applicable: {reason}":
        "不适用：{reason}",
    "Not carried (not in this checklist): {codes}":
        "未沿用（本检查清单中没有对应指标）：{codes}",
    "Not ready to seal":
        "暂不能封存",
    "Not received: {names}":
        "未报单位：{names}",
    "Note":
        "意见",
    "Note: {warning}.":
        "注意：{warning}。",
    "Notes":
        "提示",
    "Notes (说明)":
        "说明",
    "Nothing listed yet: fill in the fields beside to add the first one.":
        "尚无条目：在右侧填写即可添加第一条。",
    "Nothing listed.":
        "暂无。",
    "Nothing was imported; correct the workbook and import it again:":
        "未导入任何内容；请修改工作簿后重新导入：",
    "Notice: please report the {checklist} for {period} without delay":
        "关于抓紧报送{period}{checklist}的通知",
    "OFD document":
        "OFD 版式文档",
    "One department per line, e.g. General Office, Personnel Division, …":
        "每行一个单位，例如：办公室、组织人事处……",
    "One department per line. A department keeps its link to the files it sent as long as its name stays the same.":
        "每行一个单位。单位名称不变时，与其报送的文件保持对应。",
    "Only these entries, the shortcomings and the measures can be changed. Seal it on the Summary page and send it again; to change anything else, open every item for correction there.":
        "仅可修改上述事项及“存在的不足”“整改措施”两栏。改好后请在“汇总与封存”页封存并重新报送；如需修改其他内容，可在该页点击“开放全部指标修改”。",
    "Open":
        "打开",
    "Open a file":
        "打开文件",
    "Open a file…":
        "打开文件…",
    "Open a program?":
        "要打开程序吗？",
    "Open a self-assessment":
        "打开自评文件",
    "Open every item for correction…":
        "开放全部指标修改…",
    "Open…":
        "打开…",
    "Other files…":
        "其他文件…",
    "Outcome":
        "结果",
    "PDF document":
        "PDF 文档",
    "PDF file to write":
        "要写入的 PDF 文件",
    "Page &P of &N":
        "第 &P 页 共 &N 页",
    "Page number":
        "页码",
    "Page {number}":
        "第 {number} 页",
    "Page {page} of {count}":
        "第 {page} / {count} 页",
    "Pages of the document":
        "文档页面",
    "Per occurrence (按次扣分)":
        "按次扣分",
    "Per shortfall (每少一次扣)":
        "每少一次扣",
    "Period (考核年度)":
        "考核年度",
    "Period: {period}":
        "考核年度：{period}",
    "Please complete it and send the sealed file by {deadline}.":
        "请上述单位抓紧完成，于{deadline}前将封存后的文件报送。",
    "Points (扣分)":
        "扣分",
    "Points claimed":
        "申报加分",
    "Points granted":
        "核定加分",
    "Points lost by section (失分率, %)":
        "各考核项目失分率（%）",
    "Possible":
        "应得分",
    "PowerPoint slides":
        "PowerPoint 演示文稿",
    "Previous item":
        "上一项",
    "Previous page":
        "上一页",
    "Print preview":
        "打印预览",
    "Print preview…":
        "打印预览…",
    "Printed on {date}":
        "打印日期：{date}",
    "Printed with the fonts of the system or the bundled WenQuanYi Micro Hei (Apache License 2.0 / GPL v3 with font exception).":
        "打印使用系统字体或随附的文泉驿微米黑字体（Apache License 2.0 / GPL v3，附字体例外条款）。",
    "Print…":
        "打印…",
    "Problem":
        "问题",
    "Progress":
        "进展",
    "Progress (整改进展)":
        "整改进展",
    "Proposed score: enter what applies above":
        "建议得分：请先在上方填写实际情况",
    "Proposed score: {score}":
        "建议得分：{score}",
    "Quit":
        "退出",
    "RAR archive":
        "RAR 压缩包",
    "Rank":
        "排名",
    "Rank  Department  State  Self total  Total  Grade  Reviewed":
        "排名  单位  状态  自评总分  考核总分  等次  已复核",
    "Ready to seal: nothing is missing.":
        "已填写完整，可以封存。",
    "Reason":
        "原因",
    "Reason (required when ticked)":
        "退回原因（勾选的必须填写）",
    "Reason (扣分原因 / 复核意见)":
        "扣分原因/复核意见",
    "Reason for lost points (扣分原因)":
        "扣分原因",
    "Reason for lost points / what was done":
        "扣分原因/自查情况",
    "Received {received} of {expected}; missing: {missing}":
        "已收到 {received}/{expected}；未报：{missing}",
    "Recent files":
        "最近打开的文件",
    "Record progress":
        "记录进展",
    "Rectification ledger":
        "整改台账",
    "Rectification ledger (整改台账)":
        "整改台账",
    "Rectification measures (整改措施)":
        "整改措施",
    "Redo":
        "重做",
    "Reference (参考)":
        "参考",
    "Related item":
        "对应指标",
    "Remarks":
        "备注",
    "Reminder (催报)":
        "催报",
    "Reminder (催报)…":
        "催报…",
    "Remove":
        "删除",
    "Remove evidence":
        "删除佐证材料",
    "Remove {name}":
        "删除 {name}",
    "Remove “{name}” from this file?":
        "从文件中删除“{name}”吗？",
    "Remove “{text}”":
        "删除“{text}”",
    "Remove “{text}”?":
        "删除“{text}”吗？",
    "Reopen for editing":
        "解除封存",
    "Reopen for editing…":
        "解除封存…",
    "Reopening unseals the file so it can be changed; it must then be sealed and sent again (as the next revision). Copies already sent do not change. Reopen?":
        "解除封存后可以修改，修改后须重新封存并再次报送（版本号加一）。已报送的副本不会改变。确定解除封存吗？",
    "Replace the answers in this file with the {count} item(s), the bonus and veto declarations and the lists of {name}?":
        "用 {name} 中的 {count} 项指标、加分项与一票否决声明以及问题和措施清单替换本文件中的内容？",
    "Report preview…":
        "报告预览…",
    "Required documents (佐证清单)":
        "佐证清单",
    "Required when the score is below the maximum":
        "得分低于分值时必填",
    "Responsible person":
        "责任人",
    "Responsible person (责任人)":
        "责任人",
    "Responsible unit":
        "责任单位",
    "Return and write the file…":
        "退回并生成文件…",
    "Return for correction":
        "退回修改",
    "Return for correction…":
        "退回修改…",
    "Return {name} for correction":
        "将{name}退回修改",
    "Returned already: merge its correction first":
        "已退回：请先汇总其修改后的文件",
    "Returned for correction and not changed yet: {codes}. Correct them, or seal as they are if nothing needs to change.":
        "已退回修改但尚未修改：{codes}。请修改；如确无需修改，也可直接封存。",
    "Returned for correction on {date}{by}: {note}":
        "{by}{date}退回修改：{note}",
    "Returned for correction: {reason}":
        "退回修改：{reason}",
    "Returned, correction not yet received: {names}":
        "已退回、尚未重新报送：{names}",
    "Returns and approvals (退回与审定)":
        "退回与审定",
    "Review":
        "复核",
    "Review (复核, by the review group)":
        "复核（考核组填写）",
    "Review date:":
        "复核日期：",
    "Review group members (signature):":
        "考核组成员（签字）：",
    "Review opinion":
        "复核意见",
    "Review score":
        "考核得分",
    "Review score (考核得分)":
        "考核得分",
    "Review summary":
        "复核汇总",
    "Review summary ▸":
        "复核汇总 ▸",
    "Reviewed":
        "已复核",
    "Reviewed {done} of {total} items; {differences} differ from the self-assessment (highlighted).":
        "已复核 {done}/{total} 项，其中 {differences} 项考核得分与自评得分不同（已突出显示）。",
    "Reviewing {name} ({state}).":
        "正在复核{name}（{state}）。",
    "Reviewing {name} ({state}). The department's answers are read-only; enter the review score and reason in each item's review box.":
        "正在复核{name}（{state}）。自评内容只读；请在各指标的“复核”栏填写考核得分和理由。",
    "Revision":
        "版本",
    "Roster":
        "应报名单",
    "Roster…":
        "应报名单…",
    "Rule":
        "加分标准",
    "Rule (加分标准)":
        "加分标准",
    "Rule code (规则代码)":
        "规则代码",
    "Run":
        "批次",
    "Save a copy":
        "另存副本",
    "Save a copy for sending":
        "另存副本用于报送",
    "Save a copy for sending (另存副本用于报送)…":
        "另存副本用于报送…",
    "Save a copy for sending…":
        "另存副本用于报送…",
    "Save as":
        "保存位置",
    "Save as PDF":
        "导出 PDF",
    "Save as PDF…":
        "导出 PDF…",
    "Save the bureau file as":
        "汇总文件保存为",
    "Save the self-assessment as":
        "自评文件保存为",
    "Saved {path}. Send this file (内网邮件 or U盘).":
        "已保存 {path}。请报送此文件（内网邮件或U盘）。",
    "Saved {time}":
        "已保存 {time}",
    "Score":
        "得分",
    "Score by year":
        "各年度得分",
    "Scoring":
        "评分",
    "Scoring mode (计分方式)":
        "计分方式",
    "Scoring rules (评分标准)":
        "评分标准",
    "Seal for sending":
        "封存报送",
    "Seal for sending…":
        "封存报送…",
    "Sealed":
        "已封存",
    "Sealed and complete.":
        "已封存，内容完整。",
    "Sealed as revision {revision}. Save a copy to send now?":
        "已封存为第 {revision} 版。现在另存副本用于报送吗？",
    "Sealed: revision {revision}":
        "已封存：第 {revision} 版",
    "Search every narrative…":
        "全文搜索自查情况…",
    "Search results":
        "搜索结果",
    "Section":
        "考核项目",
    "Section (考核项目)":
        "考核项目",
    "Section code (所属项目)":
        "所属项目",
    "Sections (考核项目)":
        "考核项目",
    "Self score":
        "自评得分",
    "Self score (自评得分)":
        "自评得分",
    "Self score and review score, item by item":
        "逐项自评得分与考核得分",
    "Self total":
        "自评总分",
    "Self-assessment (自评表)":
        "自评表",
    "Self-assessment files (*{suffix})":
        "自评文件 (*{suffix})",
    "Self-assessment of the ideological work responsibility system":
        "意识形态工作责任制自查自评",
    "Self-assessment of the ideological work responsibility system (意识形态工作责任制): departments fill in and seal their files, the bureau merges, reviews and prints them.":
        "意识形态工作责任制自查自评：各处室填写并封存自评文件，局汇总、复核并打印。",
    "Self-assessment of the 意识形态工作责任制 checklist: department files, sealing, bureau merge and printed score sheets.":
        "意识形态工作责任制落实情况自查自评：处室自评文件、封存报送、全局汇总和评分表打印。",
    "Settings":
        "设置",
    "Share of max (得分比例)":
        "得分比例",
    "Sheet":
        "工作表",
    "Shortcoming":
        "存在的不足",
    "Shortcoming categories (问题类别)":
        "问题类别",
    "Shortcomings":
        "问题清单",
    "Shortcomings (存在的不足)":
        "存在的不足",
    "Shortcomings by category (问题清单)":
        "问题清单",
    "Show each page whole in the window":
        "在窗口中显示整页",
    "Situation (扣分情形)":
        "扣分情形",
    "Size":
        "大小",
    "Size (bytes)":
        "大小（字节）",
    "State":
        "状态",
    "State: {state}":
        "状态：{state}",
    "Statistics":
        "统计",
    "Status":
        "状态",
    "Status: {status}":
        "状态：{status}",
    "Step":
        "环节",
    "Step (步长)":
        "步长",
    "Subtotal":
        "小计",
    "Suggested category (建议问题类别)":
        "建议问题类别",
    "Summary":
        "汇总表",
    "Summary and sealing":
        "汇总与封存",
    "Summary and sealing ▸":
        "汇总与封存 ▸",
    "Target (指标)":
        "指标",
    "Target (指标要求)":
        "指标要求",
    "Target (目标次数)":
        "目标次数",
    "Target code (目标代码)":
        "目标代码",
    "Telephone:":
        "联系电话：",
    "Text":
        "内容",
    "The axis starts at {start}, not at 0: compare where the bars end.":
        "横轴从 {start} 起，不从 0 起：请比较各条形的末端。",
    "The button or menu with that letter":
        "该字母对应的按钮或菜单",
    "The corrected file has not been merged yet; these entries are marked in the list.":
        "修改后的文件尚未汇总；这些指标已在左侧列表中标出。",
    "The narrative below is last year's, carried over: change it, or confirm it as it is. Sealing waits for every carried narrative.":
        "以下自查情况沿用上年度内容，请修改或点击“确认保持不变”；全部沿用内容核对后方可封存。",
    "The open file":
        "当前打开的文件",
    "The review group changed no self score.":
        "考核组未调整自评得分。",
    "The review of {codes} was not redone (待复核) after the resubmission changed them.":
        "{codes}在重报后已修改，尚未重新复核（待复核）。",
    "The template has problems:":
        "模板存在以下问题：",
    "The whole file was reopened: everything can be changed. Seal it on the Summary page and send it again.":
        "已开放全部指标修改，所有内容都可以修改。改好后请在“汇总与封存”页封存并重新报送。",
    "The 核对码 at the foot of the page, or what a phone read from its QR code:":
        "纸质件页脚的核对码，或用手机扫描二维码得到的文字：",
    "This file is sealed (revision {revision}, {time}) and read-only. To change it, reopen it on the Summary page.":
        "本文件已封存（第 {revision} 版，{time}），只读。如需修改，请在“汇总与封存”页解除封存。",
    "This file was returned for correction of some entries only. Reopening the whole file lets everything be changed; the review group will see every change when it is sent again. The return's notes stay. Reopen the whole file?":
        "本文件只退回了部分事项修改。开放全部指标修改后所有内容都可以修改，重新报送时考核组会看到每一处改动；退回意见仍然保留。确定开放全部指标修改吗？",
    "Three colours":
        "三色督办",
    "Tick what the department must correct and say why. The department gets its file back with these notes and can change only what is ticked; its next sealed revision is merged as a resubmission showing what changed.":
        "勾选需要该单位修改的事项并写明原因。该单位收到附有这些意见的退回文件，只能修改勾选的事项；重新封存后汇总时作为重报，并显示修改了哪些内容。",
    "Time":
        "时间",
    "Title (指标名称)":
        "指标名称",
    "Title (标题)":
        "标题",
    "To correct: {entries}":
        "需修改：{entries}",
    "To the departments concerned:":
        "各有关处室（单位）：",
    "Total":
        "考核总分",
    "Total (合计)":
        "合计",
    "Total capped at full marks (总分不超过满分)":
        "总分不超过满分",
    "Totals by department":
        "各单位考核总分",
    "Totals by year (各单位得分)":
        "（一）各单位得分",
    "Type":
        "类型",
    "Type a page number and press Enter to go to that page":
        "输入页码后按回车键，转到该页",
    "Undo":
        "撤销",
    "Undo / redo: in a text field its typing, elsewhere the last evidence, list, 不适用, bonus or veto change":
        "撤销/重做：在文本框中撤销/重做输入，在其他位置撤销/重做最近一次佐证材料、列表、不适用、加分项或一票否决的修改",
    "Unit (单位)":
        "单位",
    "Unit assessed (seal): {name}":
        "被考核单位（盖章）：{name}",
    "Unit: {name}    As of: {date}":
        "单位：{name}　　截至：{date}",
    "Use the proposed score":
        "采用建议分",
    "Value (内容)":
        "内容",
    "Version (版本)":
        "版本",
    "Veto":
        "一票否决",
    "Veto declarations (一票否决)":
        "一票否决事项",
    "Veto item":
        "一票否决事项",
    "Veto item (否决情形)":
        "否决情形",
    "Veto items (一票否决事项)":
        "一票否决事项",
    "Veto {code} declared":
        "一票否决 {code} 的声明",
    "Veto {code}: {text}":
        "一票否决 {code}：{text}",
    "WPS document":
        "WPS 文档",
    "WPS workbook":
        "WPS 表格",
    "Walk the checklist item by item, score each item, write what was done and attach evidence. Everything is saved as you type. When done, seal the file and send it.":
        "按检查清单逐项自评：打分、填写自查情况、添加佐证材料。所有内容随填随存。完成后封存文件并报送。",
    "What is checked (考核内容)":
        "考核内容",
    "What is counted (计数内容)":
        "计数内容",
    "What the department did (自查情况)":
        "自查情况",
    "What to write":
        "填写内容",
    "What was done (自查情况)":
        "自查情况",
    "What was done, e.g. held the second study session":
        "做了什么，例如：开展了第二次专题学习",
    "What was recognised":
        "说明",
    "What was recognised, by whom, when":
        "何时、由谁、给予何种肯定或表彰",
    "Where":
        "位置",
    "Where files and backups are kept":
        "文件和备份的存放位置",
    "Where files are kept":
        "文件存放位置",
    "Whole page":
        "整页",
    "Why it does not apply (required)":
        "不适用的理由（必填）",
    "Why not applicable (不适用理由)":
        "不适用理由",
    "Withdraw approval…":
        "撤销审定…",
    "Withdraw the approval of {name} (revision {revision})? A newer revision can then be merged again.":
        "撤销{name}的审定（第 {revision} 版）？撤销后可以再汇总新的版本。",
    "Word document":
        "Word 文档",
    "Word document (*.docx);;Text file (*.txt)":
        "Word文档 (*.docx);;文本文件 (*.txt)",
    "Write the reminder":
        "保存催报通知",
    "Write the returned file into":
        "退回文件保存到",
    "Write why the item does not apply; it is saved then.":
        "请填写不适用的理由，填写后即保存。",
    "YAML aliases (*name) are not allowed":
        "不允许使用 YAML 别名（*name）",
    "YAML file to write":
        "要写入的 YAML 文件",
    "YAML tag {tag} is not allowed":
        "不允许使用 YAML 标签 {tag}",
    "Year on year (年度对比)":
        "年度对比",
    "You can also drop a .selfassess file onto this window.":
        "也可以把 .selfassess 文件拖到此窗口打开。",
    "ZIP archive":
        "ZIP 压缩包",
    "Zoom":
        "显示比例",
    "Zoom in":
        "放大",
    "Zoom in ({shortcut})":
        "放大（{shortcut}）",
    "Zoom out":
        "缩小",
    "Zoom out ({shortcut})":
        "缩小（{shortcut}）",
    "Zoom: 100% is the printed size":
        "显示比例：100% 为实际打印大小",
    "a bureau file, not a department file":
        "这是汇总文件，不是处室自评文件",
    "a bureau name is required":
        "必须填写局名称",
    "a bureau's report or ledger":
        "汇总报告或整改台账",
    "a category is listed twice":
        "有类别重复列出",
    "a checklist file must be a mapping of fields":
        "检查清单文件应为字段映射",
    "a checklist needs at least one section":
        "检查清单至少需要一个考核项目",
    "a count item needs at least one count target":
        "计数制指标至少需要一个计数目标",
    "a deduct item needs at least one deduction rule":
        "扣分制指标至少需要一条扣分规则",
    "a department file must hold exactly one department":
        "处室自评文件必须且只能包含一个单位",
    "a department is listed twice":
        "名单中有单位重复",
    "a department name is required":
        "必须填写处室（单位）名称",
    "a department's score sheet or ledger":
        "单位的自评表或整改台账",
    "a document's hash is not a SHA-256":
        "材料的哈希值不是 SHA-256",
    "a document's size is not a number":
        "材料的大小不是数字",
    "a draft of {name}, but sealed revision {revision} is already merged":
        "这是 {name} 的草稿，但已汇总其封存的第 {revision} 版",
    "a level item needs at least two levels":
        "等级制指标至少需要两个等级",
    "a level's fraction must lie between 0 and 1":
        "等级比例必须在 0 到 1 之间",
    "a period is required":
        "必须填写考核年度",
    "a reason is required":
        "必须填写退回原因",
    "a section needs at least one item":
        "考核项目至少需要一个指标",
    "added":
        "新增",
    "added {time}, SHA-256 {sha}":
        "添加于 {time}，SHA-256 {sha}",
    "after review; the department's own total was {total} ({grade})":
        "以上为复核后结果；单位自评总分为 {total}（{grade}）",
    "aid.level must be text":
        "aid.level 应为文字",
    "aid.met must be true or false":
        "aid.met 应为 true 或 false",
    "aid.{key} must map codes to whole numbers":
        "aid.{key} 应为“代码：整数”的对应关系",
    "also attached by {others}":
        "与{others}内容相同",
    "also merge drafts":
        "同时汇总草稿",
    "also merge files that are not sealed (marked 草稿)":
        "同时汇总未封存的文件（标记为草稿）",
    "an earlier year's bureau .selfassess file":
        "以往年度的汇总 .selfassess 文件",
    "an evidence document declares a wrong size":
        "一份佐证材料记录的大小不正确",
    "an evidence document does not match its hash (damaged or altered)":
        "一份佐证材料与其校验值不符（已损坏或被改动）",
    "an evidence document is missing from the file":
        "文件中缺少一份佐证材料",
    "an evidence document's first bytes were changed":
        "有佐证材料的开头字节被改动过",
    "an existing folder":
        "已存在的文件夹",
    "answered":
        "已作答",
    "answers JSON file":
        "答案 JSON 文件",
    "approval":
        "审定",
    "approval of {name} (revision {revision}) withdrawn":
        "已撤销{name}的审定（第 {revision} 版）",
    "approval withdrawn":
        "撤销审定",
    "approval {number}":
        "审定记录{number}",
    "approve (审定) a department's merged revision, or withdraw the approval":
        "审定某单位已汇总的版本，或撤销审定",
    "approved":
        "已审定",
    "approved on {date}":
        "{date}审定",
    "assessment period (考核年度)":
        "考核年度",
    "assessment period (考核年度), default: this year, or with --from the year after the last file's":
        "考核年度，默认：今年；用 --from 时为原文件的下一年",
    "at least one grade band is needed":
        "至少需要一个等次",
    "attached to an unknown code":
        "附在未知代码上",
    "binary (达标制)":
        "达标制",
    "blank file for {name}":
        "{name} 的空白自评文件",
    "bonus item":
        "加分项",
    "bonus item {code}":
        "加分项 {code}",
    "bonus item {code}: a claim needs evidence ({required} file(s) required, {attached} attached)":
        "加分项 {code}：申报加分须附佐证材料（需要 {required} 份，已附 {attached} 份）",
    "bonus item {code}: {points} points are not a multiple of the step {step}":
        "加分项 {code}：加分 {points} 不是 {step} 分的整数倍",
    "bonus item {code}: {points} points are outside 0–{max}":
        "加分项 {code}：加分 {points} 超出 0–{max} 的范围",
    "bonus points":
        "加分",
    "bonus {claimed} above the cap, counted as {cap}":
        "加分 {claimed} 超过上限，按 {cap} 分计",
    "built-in checklist id or .selfassess file":
        "内置检查清单 id 或 .selfassess 文件",
    "built-in checklist id or YAML file (default: the built-in ideology-responsibility)":
        "内置检查清单 id 或 YAML 文件（默认：内置的 ideology-responsibility）",
    "built-in checklist id or YAML file (default: the built-in ideology-responsibility, or with --from the last file's)":
        "内置检查清单编号或YAML文件（默认：内置的ideology-responsibility；用 --from 时沿用原文件的）",
    "built-in checklist id, checklist YAML file or .selfassess file":
        "内置考核细则标识、考核细则 YAML 文件或 .selfassess 文件",
    "bureau":
        "局",
    "bureau .selfassess file":
        "汇总 .selfassess 文件",
    "bureau file":
        "全局汇总文件",
    "bureau name":
        "局名称",
    "bureau report":
        "汇总报告",
    "cannot create {path} ({reason})":
        "无法新建 {path}（{reason}）",
    "cannot read evidence file {path} ({reason})":
        "无法读取佐证材料 {path}（{reason}）",
    "cannot read the file ({reason})":
        "无法读取文件（{reason}）",
    "cannot write the returned file into {folder} ({reason})":
        "无法在 {folder} 中写入退回文件（{reason}）",
    "cannot write {path}":
        "无法写入 {path}",
    "cannot write {path} ({reason})":
        "无法写入 {path}（{reason}）",
    "cap {cap} is smaller than the deduction {points}":
        "扣分上限 {cap} 小于单次扣分 {points}",
    "catalogue of evidence":
        "佐证材料目录",
    "changed: {fields}":
        "有变化：{fields}",
    "check a checklist file (YAML or template workbook)":
        "检查考核细则文件（YAML 或模板工作簿）",
    "check completeness and seal the file for sending":
        "检查完整性并封存文件以便报送",
    "checklist YAML file or template workbook (.xlsx)":
        "考核细则 YAML 文件或模板工作簿（.xlsx）",
    "checklist written to {path}":
        "检查清单已写入 {path}",
    "claimed {claimed}":
        "申报 {claimed} 分",
    "closed (销号)":
        "已销号",
    "closed by {who}":
        "销号：{who}",
    "code {code} is already on row {row}":
        "代码 {code} 已在第 {row} 行出现",
    "code “{code}” must be 1–16 letters, digits, “.”, “-” or “_”":
        "代码“{code}”应为1–16个字母、数字或“.”“-”“_”",
    "completion standard":
        "完成标准",
    "confirmed: not triggered":
        "核实：未触发",
    "conflict":
        "冲突",
    "contains a character that cannot be stored or printed (U+{code:04X})":
        "含有无法保存或打印的字符（U+{code:04X}）",
    "contains control characters":
        "含有控制字符",
    "contains invisible characters (zero-width or direction marks)":
        "含有不可见字符（零宽字符或文字方向控制符）",
    "count (计数制)":
        "计数制",
    "count targets belong to count items only":
        "计数目标只能用于计数制指标",
    "create a bureau file":
        "新建汇总文件",
    "create a bureau file with its roster":
        "新建汇总文件及应报单位名单",
    "create a department self-assessment file":
        "新建处室（单位）自评文件",
    "created {path} ({state})":
        "已新建 {path}（{state}）",
    "created {path} from {source}: {department}, period {period}, checklist {checklist} {version}":
        "已根据{source}新建{path}：{department}，考核年度{period}，检查清单{checklist} {version}",
    "created {path}: bureau {name}, period {period}, {count} departments on the roster":
        "已新建 {path}：{name}，考核年度 {period}，名单中 {count} 个单位",
    "created {path}: {department}, period {period}, checklist {checklist} {version}":
        "已新建 {path}：{department}，考核年度 {period}，检查清单 {checklist} {version}",
    "deadline":
        "完成时限",
    "deadline changed, originally {date}":
        "已调整，原定{date}",
    "deadline {date} is not a real date":
        "完成时限 {date} 不是有效日期",
    "deadline {date} is not a real date (write it as 2027-06-30)":
        "完成时限 {date} 不是有效日期（请写成 2027-06-30）",
    "deadline {date} is not a year a measure can be due in":
        "完成时限 {date} 的年份不合理",
    "declaration":
        "申报",
    "deduct (扣分制)":
        "扣分制",
    "deduction (扣分制)":
        "扣分制",
    "deduction reason":
        "扣分原因",
    "deduction rules belong to deduct or count items only":
        "扣分规则只能用于扣分制或计数制指标",
    "deduction {points} is larger than the item's max {max}":
        "扣分 {points} 超过该指标分值 {max}",
    "department":
        "处室（单位）",
    "department (处室/单位) name":
        "处室（单位）名称",
    "department .selfassess file":
        "处室自评 .selfassess 文件",
    "department file":
        "处室自评文件",
    "department files":
        "处室自评文件",
    "department name":
        "单位名称",
    "department or bureau .selfassess files to compare with":
        "用于比对的单位或汇总 .selfassess 文件",
    "department {id}":
        "单位 {id}",
    "done":
        "已完成",
    "draft":
        "草稿",
    "draft (not sealed)":
        "草稿（未封存）",
    "draft, last sealed revision {revision}":
        "草稿，最近封存为第 {revision} 版",
    "draft, never sealed":
        "草稿，从未封存",
    "duplicate code “{code}”":
        "代码“{code}”重复",
    "duplicate key “{key}”":
        "键“{key}”重复",
    "e.g. 2027-06-30, by the end of June 2027, ongoing":
        "例如：2027-06-30、2027年6月底前、长期坚持",
    "e.g. 7KQ2-M9XA-3F, or the QR code's text":
        "如 7KQ2-M9XA-3F，或二维码内容",
    "e.g. XX市水利局":
        "例如：XX市水利局",
    "e.g. study stays at taking notes in lectures":
        "例如：学习停留在听课记笔记的层面",
    "e.g. 办公室":
        "例如：办公室",
    "earlier shortcoming":
        "往年存在的不足",
    "embedded checklist":
        "内嵌检查清单",
    "empty (0 bytes)":
        "空文件（0字节）",
    "every department on the roster has reported and no correction is outstanding: there is nobody to remind":
        "名单中的单位均已报送，也没有待重报的退回：无需催报",
    "evidence +{count}":
        "佐证材料+{count}",
    "evidence attached":
        "有佐证材料",
    "evidence file not found: {path}":
        "找不到佐证材料文件：{path}",
    "evidence file {path} is larger than {limit} MB":
        "佐证材料 {path} 超过 {limit} MB",
    "evidence must be a list of file paths":
        "evidence 应为文件路径列表",
    "evidence to look at (佐证材料提示)":
        "有佐证材料提示",
    "evidence {id} does not exist":
        "佐证材料 {id} 不存在",
    "evidence {name}":
        "佐证材料 {name}",
    "evidence {name} is damaged inside the file":
        "佐证材料 {name} 在文件中已损坏",
    "evidence {sha} is missing from the file":
        "文件中缺少佐证材料 {sha}",
    "evidence “{path}” holds a control character":
        "佐证材料路径“{path}”含有控制字符",
    "evidence “{path}” is outside the answers file's folder":
        "佐证材料“{path}”不在答案文件所在的文件夹内",
    "evidence −{count}":
        "佐证材料−{count}",
    "expected a mapping of fields":
        "此处应为字段映射",
    "expected an object with a list “reviews”":
        "应为含“reviews”列表的对象",
    "expected an object with “note”, “items”, “bonus” and “veto”":
        "应为包含“note”“items”“bonus”“veto”的对象",
    "explanation":
        "说明",
    "export to Excel (a department's form to fill in, a bureau's tables) or to Word (the 自查报告 draft)":
        "导出为 Excel（处室可填写的自评表、汇总文件的表格）或 Word（自查报告初稿）",
    "file to write (.docx or .txt)":
        "要写入的文件（.docx或.txt）",
    "file to write (.xlsx or .docx)":
        "要写入的文件（.xlsx 或 .docx）",
    "filled against checklist {theirs} {their_version} ({their_fp}), the bureau uses {mine} {my_version} ({my_fp})":
        "按检查清单 {theirs} {their_version}（{their_fp}）填写，与汇总文件使用的 {mine} {my_version}（{my_fp}）不一致",
    "filled by":
        "填报人",
    "folder to write into":
        "写入的文件夹",
    "folder to write the returned file into":
        "退回文件的保存文件夹",
    "font size in percent for this run only (the setting is kept)":
        "仅本次运行使用的字号百分比（不改变设置）",
    "fonts substituted: the 公文 fonts are not on this computer, the bundled font prints instead (字体已替代)":
        "本机没有公文字体，已用内置字体打印（字体已替代）",
    "form":
        "自评表",
    "from a bureau file: only this department":
        "汇总文件中只导出该单位",
    "from a bureau file: only this department's score sheet":
        "从汇总文件中只打印该单位的评分表",
    "full (得满分)":
        "得满分",
    "full marks are {full}, not the usual 100":
        "满分为 {full}，不是通常的 100 分",
    "give either a score or not applicable, not both":
        "得分和“不适用”只能二选一",
    "give the lower grade (--grade), or --withdraw":
        "请给出调整后的较低等次（--grade），或用 --withdraw 撤销",
    "give the reason for the adjustment (--reason)":
        "请写明调整理由（--reason）",
    "grade adjustment":
        "等次调整",
    "grade bands must be listed from the highest minimum down (“{lower}” is not below “{higher}”)":
        "等次应按起点分从高到低排列（“{lower}”不低于“{higher}”）",
    "grade_quota {grade}":
        "grade_quota {grade}",
    "green (on track)":
        "绿（正常）",
    "history":
        "以往年度",
    "identical to a document of {period}":
        "与{period}的材料相同",
    "in a bureau file, --department NAME chooses the department to show":
        "在汇总文件中，用 --department 单位名称 选择要显示的单位",
    "in a bureau file, open this department for review":
        "在汇总文件中打开该单位进行复核",
    "in progress":
        "整改中",
    "interface language":
        "界面语言",
    "internal error; details were written to {path}":
        "程序内部错误；详细信息已写入 {path}",
    "interrupted":
        "已中断",
    "is given more than once; give it once":
        "出现了不止一次；每项只写一次",
    "is longer than {limit} characters ({length})":
        "超过 {limit} 个字符（现有 {length} 个）",
    "is not a safe file name":
        "不是安全的文件名",
    "it has no completion evidence (整改佐证) in the file":
        "文件中没有整改佐证材料",
    "it was closed (已销号) by the bureau":
        "局机关已将其销号",
    "item":
        "指标",
    "item {code}":
        "指标 {code}",
    "item {code} ({title}) is not answered":
        "指标 {code}（{title}）尚未作答",
    "item {code} may not be marked not applicable":
        "指标 {code} 不允许选择“不适用”",
    "item {code}: its narrative was carried over from last year; change it or confirm it before sealing":
        "指标{code}：自查情况沿用自去年，封存前请修改或确认",
    "item {code}: not applicable needs a reason":
        "指标 {code}：选择“不适用”须填写理由",
    "item {code}: not applicable without a reason":
        "指标 {code}：选择了不适用但未填写理由",
    "item {code}: score {score} is not a multiple of the step {step}":
        "指标 {code}：得分 {score} 不是 {step} 分的整数倍",
    "item {code}: score {score} is outside 0–{max}":
        "指标 {code}：得分 {score} 超出 0–{max} 的范围",
    "item {code}: scored below its maximum without a deduction reason":
        "指标 {code}：有扣分但未填写扣分原因",
    "item {code}: {name} needs {minimum} file(s){types}, {counted} attached":
        "指标 {code}：{name}至少需要{minimum}份{types}，已附{counted}份",
    "item {code}: {required} evidence file(s) required, {attached} attached":
        "指标 {code}：需要 {required} 份佐证材料，已附 {attached} 份",
    "items are matched by code":
        "按编号比较指标",
    "its content does not match its fingerprint":
        "内容与其指纹不符",
    "its folder path is too long to hold a selfassess file (more than {limit} bytes); move it to a shorter folder":
        "所在文件夹路径太长，无法存放 selfassess 文件（超过 {limit} 字节），请移到较短的文件夹",
    "its id “{id}” does not match the file name":
        "其 id“{id}”与文件名不符",
    "its items add up to {sum}, not its max_points {max}":
        "所含指标分值合计 {sum}，与其分值 {max} 不符",
    "its map is used as written":
        "按其对应关系比较",
    "its number or position is not valid":
        "编号或排列位置无效",
    "its seal record is missing or does not match revision {revision}":
        "封存记录缺失或与第 {revision} 版不符",
    "keys must be text":
        "键必须是文字",
    "larger than {limit} MB":
        "超过 {limit} MB",
    "last year's items the new checklist does not place (nothing carried): {codes}":
        "新检查清单未对应的去年指标（未沿用）：{codes}",
    "leader in charge":
        "责任领导",
    "ledger":
        "整改台账",
    "level (等级制)":
        "等级制",
    "levels (等级制)":
        "等级制",
    "levels belong to level items only":
        "等级只能用于等级制指标",
    "list the backup copies of a file (made before each seal and merge)":
        "列出文件的备份（每次封存和汇总前自动生成）",
    "list the built-in checklists":
        "列出内置检查清单",
    "made by a newer version of selfassess (format {found}, this program reads up to {supported}); please update selfassess":
        "文件由更新版本的 selfassess 生成（格式版本 {found}，本程序最高支持 {supported}）；请升级 selfassess",
    "made by a newer version of selfassess; please update selfassess":
        "文件由更新版本的 selfassess 生成；请升级 selfassess",
    "malformed YAML: {problem}":
        "YAML 格式错误：{problem}",
    "manual (自由评分)":
        "自由评分",
    "manual score":
        "直接评分",
    "mark a department's measure 已销号 in the bureau file (after checking its completion evidence)":
        "核实整改完成的佐证后，在汇总文件中将某单位的整改措施销号",
    "mark every page as a draft":
        "每页标注“草稿”",
    "marked not applicable, which this item does not allow":
        "标记为不适用，但该指标不允许不适用",
    "measure {number}":
        "第{number}条整改措施",
    "measure {number} of {name} closed (已销号)":
        "{name}的第 {number} 项整改措施已销号",
    "measure {number} of {name} was already closed by {by} on {date}":
        "{name}的第 {number} 项整改措施已于{date}由{by}销号",
    "measures carried over: {count}":
        "沿用的整改措施：{count}项",
    "merge cancelled; the bureau file is unchanged":
        "汇总已取消；汇总文件未作任何改变",
    "merge department files into the bureau file":
        "将处室自评文件汇总到汇总文件",
    "met (full marks)":
        "达标（得满分）",
    "met or not (达标制)":
        "达标制",
    "missing":
        "缺失",
    "missing column(s) {names}":
        "缺少列：{names}",
    "missing field “{key}”":
        "缺少字段“{key}”",
    "modified after sealing: evidence {name} does not match its hash":
        "封存后被修改：佐证材料 {name} 与其哈希不符",
    "modified after sealing: its audit log was changed":
        "封存后被修改：封存前的修改记录被改动过",
    "modified after sealing: the content does not match its sealed digest":
        "封存后被修改：内容与封存摘要不符",
    "more than {limit} departments":
        "单位超过 {limit} 个",
    "more than {limit} evidence files":
        "佐证材料超过 {limit} 份",
    "more than {limit} measures":
        "整改措施超过 {limit} 条",
    "more than {limit} shortcomings":
        "存在的不足超过 {limit} 条",
    "must be 0 or 1":
        "应为 0 或 1",
    "must be 1–64 lower-case letters, digits, “.”, “-” or “_”":
        "应为1–64个小写字母、数字或“.”“-”“_”",
    "must be a JSON object":
        "应为 JSON 对象",
    "must be a list":
        "应为列表",
    "must be a list of category names (text, at most 40 characters)":
        "应为类别名称列表（文字，不超过40个字符）",
    "must be a mapping with id, version and items":
        "应为包含id、version和items的映射",
    "must be a non-empty file name":
        "应为非空文件名",
    "must be a single line":
        "只能有一行",
    "must be a time":
        "应为时间",
    "must be an object":
        "应为对象",
    "must be down, half_up or up":
        "必须是 down、half_up 或 up",
    "must be text":
        "应为文字",
    "must be text such as \"2026.1\"":
        "应为文字，例如 \"2026.1\"",
    "must be true (有) or false (无)":
        "应为 true（有）或 false（无）",
    "must be “full” or “rescale”, not “{value}”":
        "应为“full”或“rescale”，而不是“{value}”",
    "must map grades to shares, such as 好: \"20%\"":
        "必须把等次对应到比例，如把“好”对应到“20%”",
    "must map the earlier checklist's item codes to this one's":
        "应为上一版检查清单的指标编号到本版编号的对应",
    "named .{suffix} but its content is not recognised":
        "扩展名为.{suffix}，但内容无法识别",
    "named .{suffix} but its content is {kind}":
        "扩展名为.{suffix}，内容却是{kind}",
    "narrative":
        "自查情况",
    "narratives carried over, to read and change or confirm before sealing: {codes}":
        "沿用的自查情况（封存前请逐项修改或确认）：{codes}",
    "needs attention":
        "需要处理",
    "needs “department” and one of “item”, “bonus”, “veto”":
        "需要“department”以及“item”“bonus”“veto”之一",
    "nested deeper than {limit} levels":
        "嵌套超过 {limit} 层",
    "no (否)":
        "否",
    "no (无)":
        "无",
    "no .selfassess files to import":
        "没有可导入的 .selfassess 文件",
    "no department named {name} in {file}":
        "{file} 中没有名为 {name} 的单位",
    "no department named “{name}” was merged into this file (merged: {names})":
        "本文件未汇总名为“{name}”的单位（已汇总：{names}）",
    "no department with id {id} in {name}":
        "{name} 中没有 id 为 {id} 的单位",
    "no department “{name}” in {file}":
        "{file} 中没有单位“{name}”",
    "no file yet":
        "尚未报送文件",
    "no file yet, waited for since {date}":
        "尚未报送文件（自{date}起）",
    "no graphical display is available; use the command line (selfassess --help)":
        "没有可用的图形显示；请使用命令行（selfassess --help）",
    "no item with this code on the sheet “{sheet}”":
        "“{sheet}”表中没有这个代码的指标",
    "no merged department “{name}”":
        "没有已汇总的单位“{name}”",
    "no reason given":
        "未填写原因",
    "no such file":
        "文件不存在",
    "none":
        "无",
    "not a file":
        "不是文件",
    "not a regular file (a device, pipe or folder)":
        "不是普通文件（是设备、管道或文件夹）",
    "not a selfassess file (an SQLite database of another program)":
        "不是 selfassess 文件（是其他程序的 SQLite 数据库）",
    "not a selfassess file (not an SQLite database)":
        "不是 selfassess 文件（不是 SQLite 数据库）",
    "not an Excel workbook (.xlsx)":
        "不是 Excel 工作簿（.xlsx）",
    "not applicable":
        "不适用",
    "not applicable needs a reason":
        "选择“不适用”须填写理由",
    "not declared":
        "未声明",
    "not entered":
        "未填写",
    "not in the checklist":
        "不在检查清单中",
    "not met (0 points)":
        "未达标（0分）",
    "not received":
        "未报",
    "not reported":
        "未报",
    "not reviewed":
        "未复核",
    "not scored":
        "未评分",
    "not sealed (a draft); seal it first, or allow drafts in the merge (--allow-drafts)":
        "未封存（草稿）；请先封存，或在汇总时允许草稿（--allow-drafts）",
    "not sealed (a draft); seal it first, or tick “{option}” and import it again":
        "未封存（草稿）；请先封存，或勾选“{option}”后重新导入",
    "not started":
        "未作答",
    "not triggered":
        "未触发",
    "not valid JSON":
        "不是有效的 JSON",
    "not valid JSON (nested too deeply)":
        "不是有效的 JSON（嵌套过深）",
    "not valid JSON ({reason})":
        "不是有效的 JSON（{reason}）",
    "not yet started":
        "未开始",
    "not-applicable reason":
        "不适用理由",
    "not_applicable must be true or false":
        "not_applicable 应为 true 或 false",
    "notes JSON file: {\"note\": …, \"items\": {\"1.2\": reason}, \"bonus\": {…}, \"veto\": {…}}":
        "退回意见JSON文件（note为总体说明，items、bonus、veto为编号到退回原因的对应）",
    "nothing to return: name at least one item, bonus claim or veto declaration with its reason":
        "没有要退回的内容：请至少列出一个指标、加分项或否决项及其退回原因",
    "of {max}":
        "/ {max} 分",
    "of {total} pages":
        "共 {total} 页",
    "older than what is merged: revision {revision} < {merged} (from {source})":
        "比已汇总的版本旧：第 {revision} 版 < 第 {merged} 版（来自 {source}）",
    "only the bureau marks a measure 已销号":
        "只有局机关才能将整改措施标为已销号",
    "only {size} bytes":
        "文件仅{size}字节，疑为空文件",
    "open the graphical interface":
        "打开图形界面",
    "other":
        "其他",
    "other ({type})":
        "其他（{type}）",
    "owner":
        "责任人",
    "page {page}":
        "第{page}页",
    "period":
        "考核年度",
    "period {theirs} differs from the bureau's {mine}":
        "考核年度 {theirs} 与汇总文件的 {mine} 不一致",
    "picture":
        "图片",
    "plain text":
        "文本",
    "points":
        "加分",
    "previous item {code}":
        "上一版指标{code}",
    "print JSON":
        "输出 JSON",
    "print the 整改台账 instead: every measure with its status and 三色, overdue first":
        "改为打印整改台账：每项整改措施的状态和三色督办，逾期的排在前面",
    "print to PDF: a department's score sheet, or the bureau report":
        "打印为 PDF：处室评分表，或全局汇总报告",
    "printed from a draft":
        "由草稿打印",
    "printed from a sealed file":
        "由已封存文件打印",
    "progress":
        "进展",
    "put a backup copy back in place of a file":
        "用备份恢复文件",
    "put back, originally {date}":
        "已延期，原定{date}",
    "read a checklist template workbook, check it and write it as YAML":
        "读取考核细则模板工作簿，检查后写成 YAML",
    "read a filled Excel form back into its department file (all or nothing)":
        "将填好的 Excel 自评表读回处室自评文件（全部写入或全部不写）",
    "reason":
        "原因",
    "reason must be text":
        "reason 应为文字",
    "red (overdue)":
        "红（逾期）",
    "refers to a shortcoming that does not exist":
        "对应的不足不存在",
    "refers to shortcoming {number}, which does not exist":
        "对应的第 {number} 条不足不存在",
    "refused":
        "拒收",
    "renamed from {name}":
        "原名 {name}",
    "render the window into a PNG file and exit":
        "将窗口截图保存为 PNG 文件后退出",
    "replace an existing output file":
        "覆盖已有的输出文件",
    "replaced":
        "替换",
    "report draft":
        "自查报告草稿",
    "rescale (按适用分值折算)":
        "按适用分值折算",
    "rescaled to full marks: {raw} × {full} / {applicable} = {base}":
        "按适用分值折算：{raw} × {full} / {applicable} = {base}",
    "restore even over a file changed after the backup was made":
        "即使文件在备份之后有改动也恢复",
    "resubmitted":
        "已重新报送",
    "return":
        "退回",
    "return entries of a department for correction (退回): records it and writes the file to send back":
        "将某单位的部分事项退回修改：记录退回并生成要发回的文件",
    "return {number}":
        "退回记录{number}",
    "returned":
        "已退回",
    "returned for correction":
        "退回修改",
    "returned on {date}: {entries}":
        "{date}退回：{entries}",
    "returns an unknown entry {code}":
        "退回了未知的事项{code}",
    "review group":
        "考核组",
    "review reason":
        "复核意见",
    "review {number}":
        "第 {number} 条复核",
    "reviews JSON file":
        "复核 JSON 文件",
    "revision {revision} of {name} is already merged from {source} with different content; both files claim the same revision":
        "{name} 的第 {revision} 版已从 {source} 汇总，内容不同；两个文件声称是同一版本",
    "roster":
        "名单",
    "score":
        "得分",
    "score sheet":
        "自评表",
    "scores, totals, grade and what is missing":
        "显示得分、总分、等次和未完成事项",
    "scoring rules":
        "评分标准",
    "screenshot written to {path}":
        "截图已保存到 {path}",
    "seal of revision {revision}: {problem}":
        "第 {revision} 版的封存记录：{problem}",
    "sealed":
        "已封存",
    "sealed, revision {revision}":
        "已封存，第 {revision} 版",
    "sealed, revision {revision}, {time}":
        "已封存，第 {revision} 版，{time}",
    "section":
        "考核项目",
    "section {code}":
        "考核项目 {code}",
    "section “{code}” is not on the sheet “{sheet}”":
        "考核项目“{code}”不在“{sheet}”表中",
    "self score":
        "自评得分",
    "selfassess is for non-classified information only (本工具仅用于非涉密信息处理). Do not enter, attach or send classified material (涉密信息) with it. Its files stay on this computer and go only where you send them yourself.":
        "本工具仅用于非涉密信息处理。请勿录入、附加或报送任何涉密信息。文件只保存在本机，只会发送到您自己选择的地方。",
    "selfassess — self-assessment of the ideological work responsibility system":
        "selfassess — 意识形态工作责任制自查自评",
    "sheet “{sheet}” has more than {rows} rows; split it":
        "工作表“{sheet}”超过 {rows} 行，请拆分",
    "shortcoming must be the number of a shortcoming in the list, counted from 0":
        "shortcoming 应为不足清单中的序号（从0开始）",
    "shortcoming {number}":
        "第{number}条不足",
    "show this item (with --screenshot)":
        "显示该指标（与 --screenshot 一起使用）",
    "show this page (with --screenshot); in a bureau file, review and summary show the department chosen with --department":
        "显示该页面（与 --screenshot 一起使用）；在汇总文件中，review 和 summary 显示 --department 所选单位的页面",
    "sound recording":
        "录音",
    "start from last year's file: the same department, its narratives to revisit, its measures":
        "以去年的文件为基础：同一单位，沿用自查情况（需逐项核对）和整改措施",
    "store answers from a JSON file (all or nothing)":
        "从 JSON 文件写入答案（全部写入或全部不写）",
    "store the review group's scores from a JSON file":
        "从 JSON 文件写入考核组的复核得分",
    "submitted":
        "已报送",
    "suggested_category “{category}” is not one of the shortcoming_categories":
        "suggested_category“{category}”不在 shortcoming_categories 中",
    "table (CSV)":
        "表格（CSV）",
    "take an earlier year's bureau file into this one's history (checked like a merge; adding a year again replaces it)":
        "把以往年度的汇总文件纳入本年度的年度对比（像汇总一样校验；同一年度再次添加即替换）",
    "text":
        "内容",
    "text file with one department name per line":
        "每行一个单位名称的文本文件",
    "the .selfassess file to create (never overwritten)":
        "要新建的 .selfassess 文件（不会覆盖已有文件）",
    "the QR code's text is not one selfassess printed":
        "二维码内容不是本工具打印的",
    "the answers file":
        "答案文件",
    "the approver's name {problem}":
        "审定人姓名{problem}",
    "the backup: its number in “backups” (1 = newest) or its path":
        "备份：在“backups”列表中的序号（1 为最新）或其路径",
    "the bureau .selfassess file to create (never overwritten)":
        "要新建的汇总 .selfassess 文件（不会覆盖已有文件）",
    "the content hash is not valid":
        "内容哈希无效",
    "the cover":
        "封面",
    "the declared size is not valid":
        "声明的大小无效",
    "the department has not reported it done (it is {status})":
        "单位尚未报告整改完成（当前为“{status}”）",
    "the department id is not a UUID":
        "单位 id 不是 UUID",
    "the department name is empty":
        "单位名称为空",
    "the file already exists; it was not overwritten":
        "文件已存在，未覆盖",
    "the file contains an index selfassess files never have; refused":
        "文件中含有 selfassess 文件不会有的索引；已拒绝",
    "the file contains views or triggers, which selfassess files never have; refused":
        "文件含有视图或触发器，selfassess 文件不会有这些内容；已拒绝",
    "the file has an older format and the temporary folder has no room for an upgraded copy to read ({folder})":
        "文件为旧版格式，而临时文件夹空间不足，无法生成用于读取的升级副本（{folder}）",
    "the file holds invalid data: {problem}":
        "文件中有无效数据：{problem}",
    "the file is damaged (integrity check failed)":
        "文件已损坏（完整性检查未通过）",
    "the file is damaged (invalid page size)":
        "文件已损坏（页大小无效）",
    "the file is damaged (missing tables: {tables})":
        "文件已损坏（缺少数据表：{tables}）",
    "the file is damaged (rows refer to missing departments or documents)":
        "文件已损坏（有记录指向不存在的单位或材料）",
    "the file is damaged (table {table} lacks columns: {columns})":
        "文件已损坏（表 {table} 缺少列：{columns}）",
    "the file is damaged ({reason})":
        "文件已损坏（{reason}）",
    "the file is empty, not a selfassess file":
        "文件为空，不是 selfassess 文件",
    "the file is not UTF-8 text":
        "文件不是 UTF-8 编码的文本",
    "the file is sealed: only its measures' follow-up can change here (“measures”: [{“id”, “status”, “progress”, “deadline”, “evidence”}]); reopen it to change anything else":
        "文件已封存：这里只能更新整改措施的进展（“measures”：[{“id”, “status”, “progress”, “deadline”, “evidence”}]）；如需修改其他内容，请先解除封存",
    "the file is truncated or damaged":
        "文件不完整或已损坏",
    "the filled .xlsx form":
        "填好的 .xlsx 自评表",
    "the folder {folder} does not exist":
        "文件夹 {folder} 不存在",
    "the folder {folder} is too deep: the names of the files written there would pass the 260 characters a Windows path may have; choose a shorter folder":
        "文件夹 {folder} 层级太深：写入其中的文件路径会超过 Windows 允许的 260 个字符，请选择较短的文件夹",
    "the graphical interface is not available ({reason})":
        "图形界面不可用（{reason}）",
    "the key “{key}” appears twice":
        "键“{key}”出现了两次",
    "the lower grade, e.g. 较好":
        "调整后的较低等次，如 较好",
    "the lowest grade band must start at 0":
        "最低等次的起点必须为 0",
    "the map names {code}, which {old} {version} does not have":
        "对照表列出了{code}，但{old} {version}中没有该指标",
    "the measure's number (summary --json: measures, id)":
        "整改措施的编号（summary --json 中 measures 的 id）",
    "the measure's number is missing or given twice":
        "整改措施的编号缺失或重复",
    "the measures":
        "整改措施",
    "the name of who adds it {problem}":
        "添加人姓名{problem}",
    "the name of who adjusts it {problem}":
        "调整人姓名{problem}",
    "the name of who closes it {problem}":
        "销号人姓名{problem}",
    "the name of who followed it up {problem}":
        "跟进人姓名{problem}",
    "the name of who returns it {problem}":
        "退回人姓名{problem}",
    "the note {problem}":
        "说明{problem}",
    "the period of {name} is “{period}”: give the new one with --period":
        "{name}的考核年度是“{period}”：请用 --period 给出新的年度",
    "the period “{period}” names no year in digits; give it as {example}":
        "考核年度“{period}”中没有用数字写的年份；请写成{example}",
    "the points must be a number":
        "加分应为数字",
    "the reason {problem}":
        "理由{problem}",
    "the revision is not a whole number":
        "版本号不是整数",
    "the roster already lists {limit} departments; {name} cannot be added":
        "名单已有 {limit} 个单位，无法再加入 {name}",
    "the roster is empty; nothing to distribute":
        "名单为空，没有可下发的文件",
    "the roster's {name} is bound to another department id (from the file distributed or first received)":
        "名单中的 {name} 已对应另一个单位 id（来自下发的文件或最先收到的文件）",
    "the same document is given more than once":
        "同一份材料写了不止一次",
    "the score must be a number":
        "得分应为数字",
    "the scoring aid is not valid":
        "评分辅助数据无效",
    "the sections add up to {sum}, not the full marks {full}":
        "各考核项目分值合计 {sum}，与满分 {full} 不符",
    "the shortcomings":
        "存在的不足",
    "the template workbook (.xlsx)":
        "模板工作簿（.xlsx）",
    "the text is empty":
        "内容为空",
    "the time {value} is not plausible":
        "时间 {value} 不合常理",
    "the workbook has no sheet “{name}”":
        "工作簿中没有工作表“{name}”",
    "the workbook unpacks to more than {limit} MB":
        "工作簿解压后超过 {limit} MB",
    "the workbook was exported from another department's file; export the form of {name} and fill that in":
        "该工作簿是从其他部门的文件导出的；请导出{name}的表格后再填写",
    "the workbook was made for another checklist (or another version of it)":
        "该工作簿是按另一份检查清单（或其另一版本）生成的",
    "the {field} is not valid":
        "{field} 无效",
    "the 核对码 printed at the foot of the page (7KQ2-M9XA-3F), or the QR code's text":
        "页脚印的核对码（如 7KQ2-M9XA-3F），或二维码内容",
    "there is no measure with this number":
        "没有这个编号的整改措施",
    "there is no shortcoming No. {number}":
        "没有序号为 {number} 的不足",
    "times":
        "次",
    "title":
        "名称",
    "to send":
        "报送",
    "total {total} capped at full marks {full}":
        "总分 {total} 超过满分，按 {full} 分计",
    "triggered":
        "触发",
    "triggered by the review group":
        "考核组认定触发",
    "triggered must be true, false or null":
        "triggered 应为 true、false 或 null",
    "unchanged":
        "无变化",
    "unknown bonus code":
        "未知的加分项代码",
    "unknown bonus code “{code}”":
        "没有代码为“{code}”的加分项",
    "unknown built-in checklist “{id}” (known: {known})":
        "没有内置检查清单“{id}”（现有：{known}）",
    "unknown category “{category}”":
        "未知类别“{category}”",
    "unknown category “{category}” (known: {known})":
        "未知类别“{category}”（可选：{known}）",
    "unknown code “{code}”":
        "未知代码“{code}”",
    "unknown field “{key}”":
        "未知字段“{key}”",
    "unknown fields {fields}":
        "未知字段 {fields}",
    "unknown file kind “{kind}”":
        "未知的文件类型“{kind}”",
    "unknown item code":
        "未知的指标代码",
    "unknown item code “{code}”":
        "没有代码为“{code}”的指标",
    "unknown key “{key}”":
        "未知的键“{key}”",
    "unknown key “{key}” (known: {keys})":
        "未知的键“{key}”（可用的键：{keys}）",
    "unknown scoring mode “{mode}” (known: {known})":
        "未知的评分方式“{mode}”（可用：{known}）",
    "unknown status “{status}”":
        "未知的状态“{status}”",
    "unknown status “{status}” (known: 未开始, 整改中, 已完成)":
        "未知的状态“{status}”（可用：未开始、整改中、已完成）",
    "unknown veto code":
        "未知的一票否决项代码",
    "unknown veto code “{code}”":
        "没有代码为“{code}”的一票否决项",
    "unseal a sealed file so it can be edited again":
        "解除封存，以便再次修改",
    "validate or export a checklist":
        "检查或导出检查清单",
    "veto item":
        "一票否决项",
    "veto item {code}":
        "一票否决项 {code}",
    "veto item {code} is declared 有 without an explanation":
        "一票否决项 {code} 声明为“有”，但未填写说明",
    "veto item {code} is not declared (无 or 有)":
        "一票否决项 {code} 尚未声明（无/有）",
    "veto {codes}":
        "一票否决 {codes}",
    "veto {code} triggered: grade {grade}":
        "触发一票否决 {code}：等次为“{grade}”",
    "vetoed":
        "一票否决",
    "video":
        "视频",
    "warning: the review of {codes} was not redone (待复核) after the resubmission changed them":
        "提示：{codes}在重报后已修改，尚未重新复核（待复核）",
    "warning: {message}":
        "提示：{message}",
    "warning: {warning}":
        "提示：{warning}",
    "what changed from one checklist to another: items added, removed, renamed, split or merged (by the new one's previous: map), points, wording":
        "比较两个检查清单：新增、删除、改编号、拆分或合并的指标（按新清单previous中的对应关系），以及分值和文字的变化",
    "what is checked":
        "考核内容",
    "what it replaced was kept as {path}":
        "被替换的文件已保存为 {path}",
    "who adds it":
        "添加人",
    "who adjusts it":
        "调整人",
    "who approves it":
        "审定人",
    "who closes it":
        "销号人",
    "who fills it in (填报人)":
        "填报人",
    "who returns it":
        "退回人",
    "why (printed beside the grade)":
        "理由（打印在等次旁）",
    "window size for --screenshot":
        "截图时的窗口大小",
    "withdraw the adjustment":
        "撤销调整",
    "withdraw the approval":
        "撤销审定",
    "wording changed":
        "文字有变化",
    "workbook to write (.xlsx)":
        "要写入的工作簿（.xlsx）",
    "write a blank department file for every department on the roster":
        "为名单中的每个单位生成空白自评文件",
    "write a built-in checklist (or the one inside a .selfassess file) as YAML":
        "将内置检查清单（或 .selfassess 文件中的检查清单）导出为 YAML",
    "write a checklist as an Excel template workbook (考核细则) to edit":
        "将考核细则导出为可编辑的 Excel 模板工作簿",
    "write a 催报 notice: who has not reported, who has not sent a correction":
        "生成催报通知：尚未报送和退回后尚未重报的单位",
    "write sample department files to try things out":
        "生成示例处室文件，便于试用",
    "write the evidence documents of a file into a folder (checked, never overwriting)":
        "把文件中的佐证材料写到一个文件夹（经校验，不覆盖已有文件）",
    "write {have} or {have_not}":
        "请填写“{have}”或“{have_not}”",
    "write {yes} or leave empty":
        "请填写“{yes}”或留空",
    "write {yes} or {no}, not “{value}”":
        "请填写{yes}或{no}，而不是“{value}”",
    "year {year}":
        "{year}年度",
    "yellow (due soon)":
        "黄（临期）",
    "yes (是)":
        "是",
    "yes (有)":
        "有",
    "{added} added, {replaced} replaced, {unchanged} unchanged, {draft} drafts, {conflict} conflicts, {refused} refused":
        "新增 {added}，替换 {replaced}，无变化 {unchanged}，草稿 {draft}，冲突 {conflict}，拒收 {refused}",
    "{backup} is a {kind} file; {name} is not":
        "{backup} 是 {kind} 文件，{name} 不是",
    "{bureau} · period {period} · received {received} of {expected}":
        "{bureau} · 考核年度 {period} · 已收到 {received}/{expected}",
    "{bureau}{period} assessment results (考核结果汇总表)":
        "{bureau}{period}考核结果汇总表",
    "{category} ({count})":
        "{category}（{count}条）",
    "{codes} were not returned for correction: only {returned} can be changed, or reopen the whole file":
        "{codes}未被退回修改：只能修改{returned}，或开放全部指标修改",
    "{code} ({changes})":
        "{code}（{changes}）",
    "{code} +{points}: {title}":
        "{code} +{points}：{title}",
    "{code} not answered: −{max}":
        "{code} 未作答：−{max}",
    "{code} not applicable, counted as full marks ({max})":
        "{code} 不适用，按满分计（{max} 分）",
    "{code} not applicable, left out of the total ({max})":
        "{code} 不适用，不计入总分（{max} 分）",
    "{code} −{points}: {reason}":
        "{code} −{points}：{reason}",
    "{code}: matches none of the files given ({files}); the page is not from them as they are":
        "{code}：与所给文件（{files}）均不符；该页不是由这些文件的当前内容打印的",
    "{code}: matches {name}'s file as it is now (state {revision}), {page}":
        "{code}：与{name}的文件当前内容相符（第 {revision} 状态），{page}",
    "{code}: matches {name}, revision {revision}, {page}":
        "{code}：与{name}第 {revision} 版相符，{page}",
    "{code}: {name}'s file has changed since this page was printed (printed at state {then}, now at state {now}); print it again":
        "{code}：{name}的文件在打印后已有变动（打印时为第 {then} 状态，现为第 {now} 状态）；请重新打印",
    "{code}: {name}, printed from revision {then}; the file has been reopened since and is being changed: this page may not be the current one":
        "{code}：{name}，由第 {then} 版打印；文件此后已解除封存、正在修改，该页可能不是现行版本",
    "{code}: {name}, printed from revision {then}; the file is now at revision {now}: this page is not the current one":
        "{code}：{name}，由第 {then} 版打印；文件现为第 {now} 版，该页不是现行版本",
    "{code}: {name}, printed from {state} content the file no longer holds (revision {then}; now {now}): print it again":
        "{code}：{name}，打印时的{state}内容文件中已不再有（当时第 {then} 版，现为第 {now} 版）；请重新打印",
    "{code}: {name}, revision {revision}, {page}: printed from a draft (not sealed, or marked 草稿), not a final copy":
        "{code}：{name}，第 {revision} 版，{page}：由草稿打印（未封存或标为草稿），不是正式件",
    "{code}: {what}, revision {revision}, {page}, {state}":
        "{code}：{what}，第 {revision} 版，{page}，{state}",
    "{code}: {what}, {page}, {state}":
        "{code}：{what}，{page}，{state}",
    "{count} B":
        "{count} 字节",
    "{count} bonus claim(s)":
        "加分项{count}项",
    "{count} character(s) no font here can print were printed as 〓: {codes}":
        "有 {count} 个字符本机字体无法显示，已以〓代替：{codes}",
    "{count} evidence document(s)":
        "佐证材料 {count} 份",
    "{count} evidence file(s) written to {folder}":
        "已将 {count} 份佐证材料写入 {folder}",
    "{count} file(s) written to {folder}.":
        "已在 {folder} 生成 {count} 个文件。",
    "{count} match(es) for “{query}”":
        "“{query}”共找到 {count} 处",
    "{count} measures: {statuses}; {colours}":
        "共{count}项：{statuses}；{colours}",
    "{count} narrative(s) were carried over from last year: read each, then change it or confirm it as it is; sealing waits for them.":
        "已沿用去年的自查情况 {count} 项：请逐项阅读，修改或确认保持不变，全部核对后才能封存。",
    "{count} not applicable without a reason":
        "不适用未说明理由 {count} 项",
    "{count} page(s)":
        "共 {count} 页",
    "{count} review(s) to redo":
        "{count} 项复核需重做",
    "{count} thing(s) incomplete":
        "{count} 项未完成",
    "{count} unanswered":
        "未作答 {count} 项",
    "{count} veto declaration(s)":
        "一票否决事项{count}项",
    "{count} veto item(s) not declared":
        "一票否决未声明 {count} 项",
    "{count} veto item(s) without an explanation":
        "一票否决缺说明 {count} 项",
    "{count} without a reason for lost points":
        "缺扣分原因 {count} 项",
    "{count} without the evidence required":
        "缺佐证材料 {count} 项",
    "{date}: {text}":
        "{date}：{text}",
    "{decided} (lowered from {computed})":
        "{decided}（由“{computed}”调整）",
    "{department} · period {period} · filled in by {person} · {state}":
        "{department} · 考核年度 {period} · 填报人 {person} · {state}",
    "{department}'s “{file}”":
        "{department}的《{file}》",
    "{done} of {total} items answered":
        "已作答 {done}/{total} 项",
    "{done} of {total} items reviewed":
        "已复核 {done}/{total} 项",
    "{field} must be text":
        "{field} 应为文字",
    "{field} must be true or false":
        "{field} 应为 true 或 false",
    "{field} “{value}” is not a number":
        "{field}“{value}”不是数字",
    "{field}: {old} → {new}":
        "{field}：{old} → {new}",
    "{first} (continued)":
        "{first}（续）",
    "{first}, {then}":
        "{first}、{then}",
    "{folder} (no longer there)":
        "{folder}（文件已不在）",
    "{folder} already holds demo files ({names}); choose another folder":
        "{folder} 中已有示例文件（{names}）；请换一个文件夹",
    "{folder} is not a folder":
        "{folder} 不是文件夹",
    "{full} points, {count} items":
        "满分 {full} 分，{count} 个指标",
    "{grade} from {points}":
        "{grade}：{points} 分及以上",
    "{header} · page {number}":
        "{header}　第 {number} 页",
    "{keys} belong to the sealed assessment: reopen the file to change them":
        "{keys}属于已封存的自评内容：请先解除封存再修改",
    "{label} Not yet reported ({count}): {names}.":
        "{label}尚未报送的单位（{count}个）：{names}。",
    "{label} Returned for correction and not yet sent again ({count}): {names}.":
        "{label}已退回修改、尚未重新报送的单位（{count}个）：{names}。",
    "{label} Sent only an unsealed draft ({count}): {names}.":
        "{label}仅报送未封存草稿的单位（{count}个）：{names}。",
    "{label} replaces revision {old}":
        "{label}，替换第 {old} 版",
    "{label} {count}":
        "{label}{count}",
    "{label}, already merged":
        "{label}，已汇总过",
    "{label}: 整改进展 (the measures' follow-up)":
        "{label}：整改进展",
    "{level} ({points} points)":
        "{level}（{points}分）",
    "{lost} points were lost, but no shortcoming or measure is listed; the report's parts two and three will be empty":
        "共失 {lost} 分，但尚未列出存在的不足或整改措施；自查报告第二、三部分将为空",
    "{name} (at least {minimum}{types}): {counted} attached":
        "{name}（至少{minimum}份{types}）：已附{counted}份",
    "{name} (returned on {date}, to correct: {entries})":
        "{name}（{date}退回，需修改：{entries}）",
    "{name} (revision {revision})":
        "{name}（第 {revision} 版）",
    "{name} ({state}) is approved (审定): its answers and review are shown read-only. Withdraw the approval to change the review.":
        "{name}（{state}）已审定：自评内容和复核意见均为只读。如需修改复核意见，请先撤回审定。",
    "{name} already exists; it was not overwritten":
        "{name} 已存在，未覆盖",
    "{name} approved (revision {revision})":
        "{name}已审定（第 {revision} 版）",
    "{name} cannot be changed here (a read-only file, folder or medium); copy it to a folder of yours to edit it":
        "{name} 在此处无法修改（文件、文件夹或存储介质为只读）；请复制到自己的文件夹后再编辑",
    "{name} cannot be its own history":
        "{name} 不能作为自身的以往年度",
    "{name} changed while it was being attached; try again":
        "{name} 在添加过程中被修改；请重试",
    "{name} has no measure {number} (its measures: {numbers})":
        "{name}没有第 {number} 项整改措施（现有：{numbers}）",
    "{name} has {count} backup(s); there is no number {number}":
        "{name} 共有 {count} 份备份，没有第 {number} 份",
    "{name} holds no sealed department to compare with":
        "{name} 中没有已封存的单位可供对比",
    "{name} is a bureau file: start next year's file from a department's file":
        "{name}是汇总文件：请以处室的文件为基础新建下一年度的文件",
    "{name} is a bureau file; import a form into a department file":
        "{name} 是汇总文件；自评表只能导入处室自评文件",
    "{name} is a department file, not a bureau file":
        "{name} 是处室自评文件，不是汇总文件",
    "{name} is a department file; history takes an earlier year's bureau file":
        "{name} 是单位文件；年度对比需要以往年度的汇总文件",
    "{name} is already approved (revision {revision}, {date})":
        "{name}已经审定过（第 {revision} 版，{date}）",
    "{name} is already merged from {other} under another department id":
        "{name} 已从 {other} 汇总，但单位 id 不同",
    "{name} is already the file for {period}: give the new period":
        "{name}已经是{period}的文件：请给出新的考核年度",
    "{name} is approved (审定); withdraw the approval before adjusting its grade":
        "{name}已审定；调整等次前请先撤回审定",
    "{name} is approved (审定); withdraw the approval before changing its review":
        "{name}已审定；修改复核意见前请先撤回审定",
    "{name} is approved (审定); withdraw the approval before returning it":
        "{name}已审定；请先撤销审定再退回",
    "{name} is not approved":
        "{name}尚未审定",
    "{name} is not sealed":
        "{name} 未封存",
    "{name} is of a later period ({theirs}) than {bureau} ({mine}); history takes earlier years":
        "{name} 的年度（{theirs}）晚于 {bureau}（{mine}）；年度对比只收以往年度",
    "{name} is of the same period ({period}) as {bureau}; history takes earlier years":
        "{name} 与 {bureau} 同为 {period} 年度；年度对比只收以往年度",
    "{name} is open for editing in another selfassess ({holder}); close it there first":
        "{name} 正在另一个 selfassess 中编辑（{holder}）；请先在那里关闭",
    "{name} is open read-only":
        "{name} 以只读方式打开",
    "{name} is returned for correction. Send this file back to the department:\n{path}":
        "已将{name}退回修改。请把下面的文件发回该单位：\n{path}",
    "{name} is sealed (revision {revision}); reopen it before changing anything":
        "{name} 已封存（第 {revision} 版）；如需修改，请先解除封存",
    "{name} is the bureau file of {theirs}, not of {mine}":
        "{name} 是{theirs}的汇总文件，不是{mine}的",
    "{name} is the file for {last}: the new file's period must come after it, not {period}":
        "{name}是{last}的文件：新文件的考核年度应在其之后，不能是{period}",
    "{name} restored from {backup}":
        "已用 {backup} 恢复 {name}",
    "{name} was already returned on {date} (revision {revision}) and has not sent its correction yet: merge that first":
        "{name}已于{date}退回（第 {revision} 版），修改后的文件尚未报回：请先汇总该文件",
    "{name} was approved (审定) at revision {revision} on {date}; a newer revision is taken only after the approval is withdrawn":
        "{name}已于{date}审定（第 {revision} 版）；撤销审定后才能接收新版本",
    "{name} was changed after this backup was made ({when}); use --force to replace it anyway (a copy of it is kept)":
        "{name} 在该备份之后有改动（{when}）；如仍要替换请加 --force（会保留其副本）",
    "{name} was merged as a draft: only a sealed revision can be approved":
        "{name}汇总的是草稿：只有封存的版本才能审定",
    "{name} was merged as a draft: only a sealed revision can be returned":
        "{name}汇总的是草稿：只有封存的版本才能退回",
    "{name} was returned for correction on {date} and has not sent it again: approve it once the resubmission is merged":
        "{name}已于{date}退回修改，尚未重新报送：请在汇总重报的文件后再审定",
    "{name}'s grade was not adjusted":
        "{name}的等次未调整过",
    "{name}'s scores give {computed}: an adjustment can only lower the grade":
        "{name}按得分为{computed}：调整只能降低等次",
    "{name}: a journal beside it came from another file; it was not applied and was moved to {aside}; open the file again":
        "{name}：旁边的日志文件来自另一个文件，未被应用，已移至 {aside}；请重新打开该文件",
    "{name}: adjustment withdrawn, grade {grade} as its scores give":
        "{name}：已撤销调整，等次按得分为{grade}",
    "{name}: cannot keep a copy of the damaged file ({reason}); nothing was changed":
        "{name}：无法保留损坏文件的副本（{reason}）；文件未作任何改变",
    "{name}: cannot make the backup copy in {folder} ({reason}); nothing was changed":
        "{name}：无法在 {folder} 中生成备份（{reason}）；未做任何改动",
    "{name}: cannot restore ({reason})":
        "{name}：无法恢复（{reason}）",
    "{name}: grade already adjusted to {grade} for this reason; nothing changed":
        "{name}：已按此理由调整为{grade}，未作改动",
    "{name}: grade {computed} adjusted to {grade}":
        "{name}：等次由{computed}调整为{grade}",
    "{name}: no backups yet (one is made before each seal and each merge)":
        "{name}：还没有备份（每次封存和汇总前会自动备份）",
    "{name}: not enough free disk space to save (free about {size} MB and try again); nothing was changed":
        "{name}：磁盘空间不足，无法保存（请腾出约 {size} MB 后重试）；文件未作任何改变",
    "{name}: refused to write outside {folder}":
        "{name}：拒绝写到 {folder} 以外",
    "{name}: returned {entries}; send {file} back":
        "{name}：已退回{entries}；请将{file}发回该单位",
    "{name}: the notice is written as .docx or .txt":
        "{name}：催报通知只能写成.docx或.txt文件",
    "{name}: the period “{period}” names no year in digits, so it cannot be compared by year":
        "{name}：考核年度“{period}”中没有用数字写的年份，无法按年度对比",
    "{name}: {count} backup(s) in {folder}, newest first":
        "{name}：{folder} 中有 {count} 份备份，最新的在前",
    "{name}: {text}":
        "{name}：{text}",
    "{new} follows {previous} {version}, not {old} {old_version}: {how}":
        "{new}沿用的是{previous} {version}，不是{old} {old_version}：{how}",
    "{old} → {new} points":
        "{old} → {new}分",
    "{old} → {new}: {count} change(s)":
        "{old} → {new}：{count}处变化",
    "{path} already exists; use --force to replace it":
        "{path} 已存在；如需覆盖请加 --force",
    "{path} is a folder":
        "{path} 是文件夹",
    "{path} is the file being read; write to another file":
        "{path} 就是正在读取的文件；请写到另一个文件",
    "{path} written":
        "已写入{path}",
    "{path}: export to .xlsx (tables) or .docx (report draft)":
        "{path}：请导出为 .xlsx（表格）或 .docx（报告初稿）",
    "{path}: reopened for editing; the next seal will be revision {revision}":
        "{path}：已解除封存，可以修改；再次封存将为第 {revision} 版",
    "{path}: sealed, revision {revision}, digest {digest}":
        "{path}：已封存，第 {revision} 版，摘要 {digest}",
    "{path}: the checklist is written as .yaml":
        "{path}：考核细则须写成 .yaml 文件",
    "{path}: the template is written as .xlsx":
        "{path}：模板须写成 .xlsx 文件",
    "{path}: valid — {title} ({id} {version}), {sections} sections, {items} items, {full} points; fingerprint {fingerprint}":
        "{path}：有效 — {title}（{id} {version}），{sections} 个考核项目，{items} 个指标，满分 {full} 分；指纹 {fingerprint}",
    "{path}: written":
        "{path}：已写入",
    "{path}: {count} item(s) updated":
        "{path}：已更新 {count} 个指标",
    "{path}: {count} measure(s) followed up (整改进展)":
        "{path}：已更新 {count} 项整改进展",
    "{path}: {count} review(s) stored":
        "{path}：已保存 {count} 条复核",
    "{period} ({bureau}): replaced, {count} department(s) kept for the year-on-year comparison":
        "{period}（{bureau}）：已替换，保存 {count} 个单位的结果，用于年度对比",
    "{period} ({bureau}): {count} department(s) kept for the year-on-year comparison":
        "{period}（{bureau}）：已保存 {count} 个单位的结果，用于年度对比",
    "{period} rectification ledger (整改台账)":
        "{period}意识形态工作责任制整改台账",
    "{period} {score} of {maximum}":
        "{period}{score}分（满分{maximum}分）",
    "{period}: no measures were listed.":
        "{period}未列整改措施。",
    "{period}: {total} measures, {done} done or closed, completion rate {rate}%.":
        "{period}整改措施共{total}项，已完成（含已销号）{done}项，完成率{rate}%。",
    "{reason}. Shown read-only here.":
        "{reason}。此处仅供查看。",
    "{sentence}.":
        "{sentence}。",
    "{size} bytes":
        "{size}字节",
    "{source}: the checklist file is larger than {limit} MB":
        "{source}：检查清单文件超过 {limit} MB",
    "{state}, revision {revision}":
        "{state}，第 {revision} 版",
    "{text} ({details})":
        "{text}（{details}）",
    "{text} (−{points})":
        "{text}（−{points}）",
    "{text} — actually done":
        "{text} — 实际完成",
    "{title} ({version})":
        "{title}（{version}）",
    "{title}: how to fill in this workbook":
        "{title}：本工作簿填写说明",
    "{title}: {items} items, {full} points. Saved as {path}; choose it under “From a checklist file…” when creating a self-assessment.":
        "{title}：{items} 项指标，{full} 分。已保存为 {path}；新建自评时在“从检查清单文件选择…”中选用。",
    "{total} ({grade})":
        "{total}（{grade}）",
    "{total} points so far · grade — (not complete)":
        "已得 {total} 分 · 等次 —（未完成）",
    "{user} on {host}, since {since}":
        "{host} 上的 {user}，自 {since} 起",
    "{where}: a document's name is one line without :, ； or invisible marks":
        "{where}：材料名称须为一行，不含“：”“；”或不可见字符",
    "{where}: a requirement asks for at least 1 file":
        "{where}：每类材料至少要求1份",
    "{where}: at most {limit} files can be attached to an item":
        "{where}：每个指标最多可附{limit}个文件",
    "{where}: must be a code, a list of codes or null":
        "{where}：应为一个编号、编号列表或null",
    "{where}: must be a share such as \"20%\"":
        "{where}：必须是比例，如 \"20%\"",
    "{where}: not a grade of this checklist ({names})":
        "{where}：不是本检查清单的等次（{names}）",
    "{where}: not an item code":
        "{where}：不是指标编号",
    "{where}: the lowest grade cannot be capped":
        "{where}：最低等次不能设比例限额",
    "{where}: types must be a list of file suffixes such as pdf, jpg":
        "{where}：types 必须是文件类型列表，如 pdf、jpg",
    "{where}: {codes} is not an item of this checklist, or is given twice":
        "{where}：{codes}不是本检查清单的指标，或重复列出",
    "{where}: “{name}” is listed twice":
        "{where}：“{name}”列了两次",
    "“deadline” must be a date written as 2027-06-30":
        "“deadline”必须是写成 2027-06-30 的日期",
    "“id” follows up a measure of a sealed file (整改进展); this file is not sealed: its measures are written whole (text, owner, deadline…), and followed up once it is sealed":
        "“id”用于已封存文件的整改进展；本文件尚未封存：整改措施须整条填写（text、owner、deadline等），封存后再记录进展",
    "“id” must be the measure's number":
        "“id”应为整改措施的编号",
    "“progress” must be text":
        "“progress”应为文字",
    "“status” must be text":
        "“status”应为文字",
    "“{code}” does not check out: a character is mistyped":
        "“{code}”校验不通过：有字符输错了",
    "“{code}” is not a 核对码: it has 10 characters like 7KQ2-M9XA-3F":
        "“{code}”不是核对码：核对码有10个字符，如 7KQ2-M9XA-3F",
    "“{grade}” is not a grade of the checklist ({names})":
        "“{grade}”不是检查清单中的等次（{names}）",
    "“{key}” is longer than {limit} characters":
        "“{key}”超过 {limit} 个字符",
    "“{key}” may have at most two decimals":
        "“{key}”最多保留两位小数",
    "“{key}” must be a list":
        "“{key}”应为列表",
    "“{key}” must be a number, not “{value}”":
        "“{key}”应为数字，而不是“{value}”",
    "“{key}” must be a whole number of at least {minimum}":
        "“{key}”应为不小于 {minimum} 的整数",
    "“{key}” must be greater than 0":
        "“{key}”必须大于 0",
    "“{key}” must be text":
        "“{key}”应为文字",
    "“{key}” must be true or false":
        "“{key}”应为 true 或 false",
    "“{key}” must map codes to reasons":
        "“{key}”应为编号到退回原因的对应",
    "“{key}” must not be negative":
        "“{key}”不能为负数",
    "“{key}” {value} is not a multiple of the step {step}":
        "“{key}” {value} 不是步长 {step} 的整数倍",
    "“{name}” is a program or script. Opening it runs it on this computer. Open it only if you trust where it came from.":
        "“{name}”是程序或脚本，打开就会在本机运行。只有确认来源可信时才打开。",
    "“{name}” is already on line {line}":
        "“{name}”已在第 {line} 行出现",
    "“{part}” is not written as name:count:types, such as 会议纪要:1:pdf,jpg":
        "“{part}”没有写成 名称：份数：类型，如 会议纪要：1：pdf，jpg",
    "“{spec}” is neither a built-in checklist nor a checklist file":
        "“{spec}”既不是内置检查清单，也不是检查清单文件",
    "“{value}” is not a number":
        "“{value}”不是数字",
    "“{value}” is not a stored number":
        "“{value}”不是有效的存储数值",
    "“{value}” is not a time":
        "“{value}”不是时间",
    "“{value}” is not one of: {choices}":
        "“{value}”不是以下之一：{choices}",
    "… and {count} more":
        "… 另有 {count} 条",
    "−{points} each":
        "每次 −{points}",
    "−{points} per missing":
        "每少一次 −{points}",
    "◀ Back to all departments":
        "◀ 返回单位列表",
    "◀ Previous":
        "◀ 上一项",
    "年度对比: keep earlier years' bureau files in this year's":
        "年度对比：在本年度汇总文件中保存以往年度的结果",
    "核对纸质件: whether a printed page (its 核对码, or its QR code's text) comes from these files as they are now; with no file, what the code says":
        "核对纸质件：打印页（核对码或二维码内容）是否由这些文件的当前内容打印；不给文件时，显示核对码本身的信息",
    "等次比例 {grade}: at most {share}% ({allowed} of {total}); {computed} by their scores, {count} after adjustment":
        "等次比例（{grade}）：不超过{share}%（{total}个单位中至多{allowed}个）；按得分{computed}个，调整后{count}个",
    "等次调整: lower a department's grade with a reason (where a grade's share is capped); its scores and the grade they give stay":
        "等次调整：写明理由降低某单位的等次（等次比例有限额时）；得分及按得分的等次保持不变",
}
