"""Python's garbage collection while the program starts or a command does its work.

Python runs a collection of every object alive each time enough young ones survived: while a
bureau is read, or PySide and the window's modules are loaded, that is several passes over
tens of thousands of objects that all stay alive (5 ms of a summary's 145, 8 of the app's
first 260). Young objects are still collected as usual; the app goes back to Python's own
thresholds once its file is shown, for the hours it then runs.
"""

from __future__ import annotations

import gc

PYTHON_OWN = gc.get_threshold()
_WORKING = (50_000, 20, 100)  # young objects every 50,000 allocations; no full collections


def while_working() -> None:
    """No full collections until ``as_usual`` (or the end of the program)."""
    gc.set_threshold(*_WORKING)


def as_usual() -> None:
    """Python's own thresholds again."""
    gc.set_threshold(*PYTHON_OWN)
