"""Write ``selfassess/record_inits.py``: the ``__init__`` of every ``@record`` class of the
package, compiled with it.

Run after adding or changing a record's fields: ``python tools/record_inits.py``. A record
makes its ``__init__`` at the class's first call; compiling the source then took 0.1 ms a
class, 2-3 ms of every start. With the code here it only binds its defaults and factories.
A record the file lacks still works (compiled as before); ``tests/test_record_inits.py``
fails until the file is written again.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the app's modules import PySide6

from selfassess import record  # noqa: E402  # the checkout's own

TARGET = ROOT / "selfassess" / "record_inits.py"


def package_modules() -> list[str]:
    """Every module of the package, by name."""
    names = []
    for path in sorted((ROOT / "selfassess").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def sources() -> list[str]:
    """The ``__init__`` source of every record class in the package, each once, sorted."""
    for name in package_modules():
        if name != "selfassess.record_inits" and not name.endswith("__main__"):  # it runs
            importlib.import_module(name)
    return sorted({record.init_source(dataclasses.fields(cls))[0] for cls in record.MADE
                   if cls.__module__.startswith("selfassess.")})


def _function(source: str) -> list[str]:
    """The source as this file writes it: the parameters wrapped (the code is the same)."""
    head, _sep, body = source.partition("\n")
    parameters = head[len("def __init__("):-len("):")]
    wrapped = textwrap.wrap(parameters, 92, break_long_words=False, break_on_hyphens=False)
    return ["def __init__(" + "\n             ".join(wrapped) + "):", body.rstrip("\n")]


def _key(source: str) -> list[str]:
    """The source as a string literal, a line of it to a line."""
    return ["INITS[("] + [f"    {json.dumps(line, ensure_ascii=False)}"
                         for line in source.splitlines(keepends=True)] + [")] = __init__"]


def text() -> str:
    lines = ["# ruff: noqa", "# mypy: ignore-errors",
             '"""The ``__init__`` of every ``@record`` class of the package, by its source',
             "(written by tools/record_inits.py; tests/test_record_inits.py holds it to the",
             "classes). Do not edit by hand: the names a factory is read from are the class's,",
             'given to the code when a class makes its own ``__init__`` from it."""', "",
             "INITS = {}"]
    for source in sources():
        lines += ["", "", *_function(source), *_key(source)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    TARGET.write_text(text(), encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)} written")
