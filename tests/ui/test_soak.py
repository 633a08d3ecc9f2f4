"""Long use in the real window: a day of typing, attaching and opening must not kill the app,
grow the file with the square of what was typed, leak memory or make saves slower.

An afternoon compressed (``soak.py``): 1,000 autosaves of typed text (the first 400 bursts,
20,000 characters, into one 自查情况 over two hours of a fake clock), 200 attach/remove cycles,
200 open/close cycles. Figures are printed (``-s``); bench/bench_soak.py writes them down.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from soak import attach_cycles, long_typing, open_close_cycles, p95_ms, walking_typing

from selfassess.store import AssessmentFile
from selfassess.ui.main_window import MainWindow

pytestmark = pytest.mark.slow


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[datetime]]:
    """The time audit lines are stamped with, moved on by the test."""
    now = [datetime(2026, 11, 2, 9, 0).astimezone()]
    monkeypatch.setattr("selfassess.store.editing.now_text",
                        lambda: now[0].isoformat(timespec="seconds"))
    yield now


def test_a_day_of_use(qtbot: QtBot, window: MainWindow, dept_file: AssessmentFile,
                      tmp_path: Path, clock: list[datetime]) -> None:
    path = dept_file.path
    dept_file.close()

    typing = long_typing(window, path, clock)
    with AssessmentFile.open(path, readonly=True) as af:
        assert af.data().answers["1.1"].narrative == typing["typed"]
        lines = [e for e in af.audit() if e.target == "1.1.narrative"]
    print(f"\n20,000 characters in 400 bursts: file {typing['size'] / 2**20:.2f} MB, "
          f"{len(lines)} audit lines for the narrative")
    assert len(typing["typed"]) == 20_000
    assert typing["size"] <= 2**20
    assert 100 <= len(lines) <= 130  # one line per field per minute of typing

    saves = typing["saves"] + walking_typing(window, path)
    cpu_p95 = p95_ms([cpu for _wall, cpu in saves])
    print(f"1,000 autosaves: a save blocks the window p95 {p95_ms([w for w, _c in saves]):.1f} ms"
          f" (CPU {cpu_p95:.1f} ms)")
    assert len(saves) == 1000
    assert cpu_p95 <= 10  # the window thread's CPU time: the same figure on a busy machine

    def wait_attached(panel: Any, start: Callable[[], None]) -> None:
        with qtbot.waitSignal(panel.attached, timeout=20000):
            start()

    document = tmp_path / "会议纪要.pdf"
    document.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 400)
    attached = attach_cycles(window, document, wait_attached)
    window.close_file()
    print(f"200 attach/remove cycles: the panel has {attached['widgets_after']} widgets "
          f"(was {attached['widgets_before']}); WAL {attached['wal'] / 2**20:.2f} MB")
    assert attached["rows_left"] == 0
    assert attached["widgets_after"] <= attached["widgets_before"] + 2
    assert attached["wal"] <= 8 * 2**20

    cycles = open_close_cycles(window, path)
    print(f"200 open/close cycles: RSS grew {cycles['grown_mb']:.1f} MB; {cycles['alive']} "
          f"sessions still alive; {cycles['cycle_ms']:.0f} ms a cycle")
    assert cycles["alive"] == 0
    assert cycles["grown_mb"] <= 20
