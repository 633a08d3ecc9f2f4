"""Long use in the real window, compressed: the phases shared by the soak test and
``bench/bench_soak.py``. Each phase drives a ``MainWindow`` the way a person would and returns
what it measured; the caller decides what must hold.

The clock that stamps audit lines is passed in (a list holding one datetime): two hours of
typing take seconds here, yet audit lines must see the minutes pass.
"""

from __future__ import annotations

import gc
import resource
import statistics
import time
import weakref
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

SENTENCE = "组织召开党组理论学习中心组专题学习会议，传达学习上级精神并研究部署本单位意识形态工作。"


def rss_mb() -> float:
    """Resident memory of this process now (Linux)."""
    with open("/proc/self/statm") as stream:
        pages = int(stream.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def settle(collect: bool = False) -> None:
    """Let Qt run what it postponed (deferred deletes, repaints); ``collect`` also collects
    garbage (slow in a large test run: only where something is counted)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    if collect:
        gc.collect()


def type_burst(editor: QWidget, text: str) -> None:
    """One character at a time, as an input method commits them: a pause timer restart each."""
    editor.setFocus()
    for character in text:
        event = QInputMethodEvent("", [])
        event.setCommitString(character)
        QApplication.sendEvent(editor, event)


def timed_save(window: Any) -> tuple[float, float]:
    """Wall and CPU (this thread) seconds one autosave and the repaint after it block the
    window."""
    wall, cpu = time.perf_counter(), time.thread_time()
    window.workspace.item_page._typing.flush()  # what the pause timer does
    QApplication.processEvents()
    return time.perf_counter() - wall, time.thread_time() - cpu


def p95_ms(values: list[float]) -> float:
    """95th percentile in milliseconds."""
    return statistics.quantiles(values, n=20)[-1] * 1000


def long_typing(window: Any, path: Path, clock: list[datetime]) -> dict[str, Any]:
    """400 bursts of 50 characters into 1.1's 自查情况, one every 18 s (two hours), in
    paragraphs (Qt lays out a whole paragraph at each keystroke: one of 20,000 characters costs
    5 ms a key, which is Qt's, not ours). Closes the file."""
    window.open_file(path)
    window.go_to("item:1.1")
    page = window.workspace.item_page
    saves: list[tuple[float, float]] = []
    typed = ""
    for burst in range(400):
        text = (SENTENCE * 3)[burst % len(SENTENCE):][:49] + ("\n" if burst % 5 == 4 else "，")
        type_burst(page.narrative, text)
        typed += text
        clock[0] += timedelta(seconds=18)
        saves.append(timed_save(window))
    window.close_file()
    return {"typed": typed, "saves": saves, "size": path.stat().st_size}


def walking_typing(window: Any, path: Path, saves: int = 600) -> list[tuple[float, float]]:
    """Autosaves of 10 characters while walking the items (a new item every 20 saves)."""
    window.open_file(path)
    page = window.workspace.item_page
    codes = [item.code for item in window.workspace.session.checklist.items]
    timings = []
    for save in range(saves):
        if save % 20 == 0:
            window.go_to(f"item:{codes[(save // 20) % len(codes)]}")
        type_burst(page.narrative, SENTENCE[save % 30:][:10])
        timings.append(timed_save(window))
    return timings


def attach_cycles(window: Any, document: Path, wait_attached: Callable[[Any, Callable[[], None]],
                  None], cycles: int = 200) -> dict[str, Any]:
    """Attach a document to 2.1 and remove it again, ``cycles`` times (file left open);
    ``wait_attached(panel, start)`` runs ``start`` and returns once the panel says attached."""
    window.go_to("item:2.1")
    panel = window.workspace.item_page.evidence
    settle(collect=True)
    widgets_before = len(panel.findChildren(QWidget))
    rows_left = []
    for _cycle in range(cycles):
        wait_attached(panel, lambda: panel.attach([document]))
        settle()
        panel.table.selectRow(0)
        panel.remove_selected()  # confirmations must answer Yes
        rows_left.append(panel.model.rowCount())
    settle(collect=True)
    wal = Path(f"{window.session.path}-wal")
    return {"widgets_before": widgets_before, "widgets_after": len(panel.findChildren(QWidget)),
            "rows_left": max(rows_left), "wal": wal.stat().st_size if wal.exists() else 0}


def open_close_cycles(window: Any, path: Path, cycles: int = 200, warm: int = 20
                      ) -> dict[str, Any]:
    """Open and close the file ``warm`` + ``cycles`` times; RSS growth after the warm-up and
    how many sessions outlived their window."""
    sessions = []
    before = 0.0
    started = time.perf_counter()
    for cycle in range(warm + cycles):
        window.open_file(path)
        sessions.append(weakref.ref(window.session))
        window.close_file()
        settle(collect=cycle == warm - 1)
        if cycle == warm - 1:
            before = rss_mb()  # after the caches (fonts, icons, translations) are warm
            started = time.perf_counter()
    settle(collect=True)
    return {"grown_mb": rss_mb() - before, "alive": sum(ref() is not None for ref in sessions),
            "cycle_ms": (time.perf_counter() - started) / cycles * 1000}
