"""The one promise every user must see: the tool is for non-classified information only.

Shown once at the first start of the app, always on the start screen, and printed at the foot
of every page of the PDF sheets and reports and of the Excel workbooks.
"""

from selfassess.i18n import N_

NOT_CLASSIFIED = N_("For non-classified information only (本工具仅用于非涉密信息处理)")
FIRST_RUN_TITLE = N_("Non-classified information only")
FIRST_RUN_TEXT = N_(
    "selfassess is for non-classified information only (本工具仅用于非涉密信息处理). Do not enter, "
    "attach or send classified material (涉密信息) with it. Its files stay on this computer and "
    "go only where you send them yourself.")
