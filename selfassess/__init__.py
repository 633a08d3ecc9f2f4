"""selfassess: the 意识形态工作责任制 self-assessment tool.

The core (everything outside ``selfassess.ui``) never imports Qt, so the CLI, the reports and the
tests run without a display.
"""

__version__ = "0.1.0"

APP_NAME = "selfassess"
FILE_SUFFIX = ".selfassess"
