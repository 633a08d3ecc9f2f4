"""Instructions to the app's file shown (run by hand; needs valgrind):
``python bench/bench_instructions.py [CHECKOUT …]``.

The same process as ``bench_gui.py`` (``selfassess gui FILE`` until the file is shown, and the
bare PySide6 window as the anchor), counted by valgrind's callgrind: the instructions executed,
which other work on the machine does not change (a rerun gives the same count to 0.1 %). Use it
to tell a change of 2 ms from the noise of a shared host; the time itself is ``bench_gui``'s.
Each checkout given (``git worktree add /tmp/before COMMIT``) is run from its own source tree.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from bench_gui import BARE, CHILD
from bench_store import machine


def instructions(code: str, argv: list[str], env: dict[str, str], cwd: Path | None) -> int:
    """Instructions executed by ``python -c code argv`` (valgrind, callgrind)."""
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder}/out",
             sys.executable, "-c", code, *argv],
            env=env, cwd=cwd, capture_output=True, text=True, check=True, timeout=600)
    found = re.search(r"Collected : (\d+)", done.stderr)
    assert found, done.stderr[-2000:]
    return int(found.group(1))


def main() -> None:
    checkouts = [Path(p).resolve() for p in sys.argv[1:]] or [Path(__file__).resolve().parents[1]]
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        env = {key: value for key, value in os.environ.items()
               if key != "PYTHONDONTWRITEBYTECODE"}  # as an installed program: from bytecode
        env.update(QT_QPA_PLATFORM="offscreen", SELFASSESS_HOME=str(home), PYTHONHASHSEED="0")
        os.environ["SELFASSESS_HOME"] = str(home)
        from selfassess.demo import write_demo
        from selfassess.ui.settings import Settings

        write_demo(Path(tmp) / "demo")
        settings = Settings()
        settings.set_notice_seen()  # a PC where the app has been used
        settings.sync()
        path = str(Path(tmp) / "demo" / "2026_组织人事处.selfassess")
        bare = instructions(BARE, [], env, None)
        counted = {}
        for checkout in checkouts:
            checkout_env = {**env, "PYTHONPATH": str(checkout)}
            instructions(CHILD, [path], checkout_env, checkout)  # bytecode written once
            counted[checkout] = instructions(CHILD, [path], checkout_env, checkout)
    print(f"### {date.today().isoformat()} — {machine()}, offscreen Qt, valgrind callgrind\n")
    print("| process | instructions | × anchor |")
    print("|---|---|---|")
    print(f"| bare PySide6 `QMainWindow` shown and painted (anchor) | {bare / 1e6:.0f} M | 1.00 |")
    for checkout, count in counted.items():
        print(f"| `selfassess gui FILE` ({checkout.name}) to the file shown | {count / 1e6:.0f} M "
              f"| {count / bare:.2f} |")


if __name__ == "__main__":
    main()
