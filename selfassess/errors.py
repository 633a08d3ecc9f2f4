"""The core's exceptions. Each carries one-line messages a user can act on.

The CLI prints every message on its own line and exits 1; the GUI shows them in a dialog.
"""

from __future__ import annotations


class SelfassessError(Exception):
    """Base class: an input was refused. ``problems`` holds one line per problem."""

    def __init__(self, problems: str | list[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


class ChecklistError(SelfassessError):
    """A checklist file (YAML, or a snapshot inside a .selfassess file) is invalid."""


class FileFormatError(SelfassessError):
    """A file is not a readable selfassess file: not SQLite, corrupt, foreign, too new."""


class InputRefused(SelfassessError):
    """Answers, scores or other edits that do not fit the checklist; nothing was written."""


class NoSpace(InputRefused):
    """The disk is full: nothing was written; the same change can be tried again later."""


class SealedError(SelfassessError):
    """An edit was attempted on a sealed file."""


class IncompleteError(SelfassessError):
    """Sealing was refused: the completeness checks found problems (all listed)."""


class Cancelled(SelfassessError):
    """The person cancelled a long job (a button, or Ctrl-C); what it was writing was rolled back.

    Raised by the core where it polls its ``cancelled()`` callable, so that unwinding never
    depends on ``KeyboardInterrupt`` (which a real Ctrl-C also raises, anywhere)."""


class MergeCancelled(Cancelled):
    """The person cancelled a merge: the run was rolled back, the bureau file is as before."""

    def __init__(self) -> None:
        from selfassess.i18n import _  # the messages' catalog, loaded once the program runs

        super().__init__(_("merge cancelled; the bureau file is unchanged"))
