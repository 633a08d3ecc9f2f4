"""Qt for Python must not leak (or drop) references to None, True and False.

PySide6 6.12.0 on CPython 3.11 drops a reference to ``None`` on every ``QTimer.start()`` and to
``True`` on every ``Signal.emit(True)``; after a few thousand the interpreter aborts with
"Fatal Python error: bool_dealloc" under the user's hands (one timer start per keystroke, about
fifteen emits per autosave). On Python 3.12+ these objects are immortal, which hides the bug, so
the test says what it saw. The loop runs in a child process: on a broken binding the child aborts
or reports a drift, and this test fails instead of the whole test run dying.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import PySide6

CHILD = r"""
import json, os, sys
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from selfassess.ui.widgets import Debouncer

app = QCoreApplication([])


class Emitter(QObject):
    flag = Signal(bool)        # e.g. QAbstractButton.toggled, enabled states
    anything = Signal(object)  # Session.changed(None), Task.done(None)
    values = Signal(dict)      # Debouncer.fired
    text = Signal(str)         # Session.saved
    bare = Signal()            # Session.state_changed


class Receiver(QObject):
    def plain(self, *args):    # slots return nothing (None goes back through the binding)
        return None

    @Slot(bool)
    def decorated(self, value):
        return None


emitter, receiver = Emitter(), Receiver()
for signal in (emitter.flag, emitter.anything, emitter.values, emitter.text, emitter.bare):
    signal.connect(receiver.plain)
emitter.flag.connect(receiver.decorated)
debouncer = Debouncer(delay_ms=400)
debouncer.fired.connect(receiver.plain)
timer = QTimer(singleShot=True, interval=400)
timer.timeout.connect(receiver.plain)


def autosaves(rounds):
    for n in range(rounds):
        debouncer.set("narrative", "x" * (n % 7))  # a keystroke: the pause restarts
        timer.start()
        if n % 3 == 0:
            debouncer.flush()                        # a save
        emitter.flag.emit(True)
        emitter.flag.emit(False)
        emitter.anything.emit(None)
        emitter.values.emit({"saved": True})
        emitter.text.emit("12:00:00")
        emitter.bare.emit()
    timer.stop()
    debouncer.discard()


def counts():
    return [sys.getrefcount(value) for value in (None, True, False)]


autosaves(200)  # caches filled once
before = counts()
autosaves(int(sys.argv[1]))
print(json.dumps({"before": before, "after": counts()}))
"""

ROUNDS = 20_000


def test_no_reference_drift_on_none_true_false() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.run([sys.executable, "-c", CHILD, str(ROUNDS)], capture_output=True,
                           text=True, env=env, timeout=600)
    assert child.returncode == 0, (
        f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]}: the loop died "
        f"(exit {child.returncode}): {child.stderr.strip().splitlines()[:1]}")
    seen = json.loads(child.stdout)
    assert seen["after"] == seen["before"], (
        f"PySide6 {PySide6.__version__}: references to None/True/False moved from "
        f"{seen['before']} to {seen['after']} over {ROUNDS} autosaves")
