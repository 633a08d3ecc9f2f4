"""The ``__init__`` code of the package's records, compiled with it (``record_inits``, written
by ``tools/record_inits.py``): current with the classes, the same code as their source, and
used by them; a record the file lacks still gets its ``__init__``."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from selfassess.record import record
from selfassess.record_inits import INITS
from selfassess.store.records import Answer

ROOT = Path(__file__).resolve().parent.parent


def test_the_file_is_written_for_the_classes_as_they_are() -> None:
    written = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, 'tools'); import record_inits; "
         "print(record_inits.text(), end='')"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=True, timeout=120)
    inits = ROOT / "selfassess" / "record_inits.py"
    assert written.stdout == inits.read_text(encoding="utf-8"), (
        "run python tools/record_inits.py after changing a record's fields")


def test_each_function_is_its_source_compiled() -> None:
    assert len(INITS) > 50
    for source, function in INITS.items():
        names: dict[str, object] = {}
        exec(source, names)
        compiled, written = names["__init__"].__code__, function.__code__  # type: ignore[attr-defined]
        assert (compiled.co_code, compiled.co_varnames, compiled.co_names, compiled.co_consts,
                compiled.co_argcount) == (written.co_code, written.co_varnames,
                                          written.co_names, written.co_consts,
                                          written.co_argcount), source


def test_a_package_record_uses_the_written_code_and_another_compiles_its_own() -> None:
    answer = Answer("1.1", Decimal("3"))
    assert Answer.__init__.__code__.co_filename.endswith("record_inits.py")
    assert answer.item_code == "1.1" and answer.self_score == Decimal("3")
    assert answer.narrative == "" and answer.aid is not Answer("1.2").aid  # a factory each

    @record
    class Elsewhere:
        name: str
        aliases: tuple[str, ...] = ()

    assert Elsewhere("办公室").aliases == () and Elsewhere("办公室", ("办",)).aliases == ("办",)
    assert Elsewhere.__init__.__code__.co_filename == "<string>"
