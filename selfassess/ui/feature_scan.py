"""Spares the app PySide6's look at the source of every module imported after it.

PySide6 replaces Python's ``import`` with its own, for ``from __feature__ import snake_case``
and the like, which a module may choose for itself. The first time an import statement after
PySide6 yields a module, PySide6 reads that module's whole source file to see whether the word
``PySide6`` is in it: 0 in its table of modules if so (Qt's default features), -1 if not (left
out of feature selection). For the app that was 130 source files read, 13 ms of its start,
before anything is shown.

The answers are known without reading: none of our modules chooses a feature, so each gets 0,
Qt's defaults (and the core, which never calls Qt, is not affected by its entry either way);
the standard library never names PySide6, so its modules get -1, as PySide6 would give them.
They are written into PySide6's table once, right after it is imported. A module that does
choose a feature still gets it: choosing writes its own entry. If a later PySide6 keeps no
such table, nothing is done and it reads the sources as before.
"""

from __future__ import annotations

import os
import sys

# PySide6's entries: Qt's default features, and left out of feature selection
DEFAULT_FEATURES = 0
LEFT_OUT = -1


def our_modules() -> list[str]:
    """The name of every module of this package (from the files beside this one; none in a
    bundle, where PySide6 finds no source to read either)."""
    package_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    top = os.path.dirname(package_dir)
    names = []
    for folder, subfolders, files in os.walk(package_dir):
        subfolders[:] = [name for name in subfolders if name.isidentifier()]  # not __pycache__
        package = os.path.relpath(folder, top).replace(os.sep, ".")
        names += [package if file == "__init__.py" else f"{package}.{file[:-3]}"
                  for file in files if file.endswith(".py")]
    return names


def skip_feature_scan() -> None:
    """Write PySide6's entries for our modules and the standard library's (loaded or not),
    leaving alone any module it has already seen."""
    feature = sys.modules.get("__feature__")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    standard = sys.stdlib_module_names
    for name in [*standard, *(name for name in sys.modules
                              if name.partition(".")[0] in standard)]:
        table.setdefault(name, LEFT_OUT)
    for name in our_modules():
        table.setdefault(name, DEFAULT_FEATURES)
