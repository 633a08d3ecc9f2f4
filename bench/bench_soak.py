"""The soak of a long afternoon in the real window (run by hand): ``python bench/bench_soak.py``.

The same phases as tests/ui/test_soak.py (``tests/ui/soak.py``), with the figures printed as a
Markdown block for bench/RESULTS.md instead of asserted: 400 bursts of typing (20,000
characters, two hours of a fake clock) into one 自查情况, 600 more autosaves while walking the
items, 200 attach/remove cycles, 200 open/close cycles. Offscreen Qt.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ui"))

from bench_store import machine
from soak import (
    attach_cycles,
    long_typing,
    open_close_cycles,
    p95_ms,
    walking_typing,
)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import PySide6
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QMessageBox

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SELFASSESS_HOME"] = str(Path(tmp) / "home")
        from selfassess.checklist import load_builtin
        from selfassess.store import AssessmentFile, editing
        from selfassess.ui.app import application, apply_settings
        from selfassess.ui.main_window import MainWindow
        from selfassess.ui.settings import Settings

        app = application()
        settings = Settings()
        apply_settings(settings, "en")
        QMessageBox.question = staticmethod(  # type: ignore[method-assign]
            lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
        clock = [datetime(2026, 11, 2, 9, 0).astimezone()]
        editing.now_text = lambda: clock[0].isoformat(timespec="seconds")  # type: ignore
        path = Path(tmp) / "office.selfassess"
        AssessmentFile.create(path, load_builtin("ideology-responsibility"),
                              department_name="办公室", period="2026").close()
        window = MainWindow(settings)
        window.show()
        typing = long_typing(window, path, clock)
        saves = typing["saves"] + walking_typing(window, path)

        def wait_attached(panel: Any, start: Callable[[], None]) -> None:
            loop = QEventLoop()
            panel.attached.connect(loop.quit)
            start()
            loop.exec()
            panel.attached.disconnect(loop.quit)

        document = Path(tmp) / "会议纪要.pdf"
        document.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 400)
        attached = attach_cycles(window, document, wait_attached)
        window.close_file()
        cycles = open_close_cycles(window, path)
        window.close()
        app.processEvents()
    print(f"### {date.today().isoformat()} — {machine()}, PySide6 {PySide6.__version__}, "
          "offscreen Qt\n")
    print("| measure | result | goal |")
    print("|---|---|---|")
    print(f"| file after 20,000 characters typed in 400 bursts | "
          f"{typing['size'] / 2**20:.2f} MB | ≤ 1 MB |")
    print(f"| a save blocks the window, 1,000 autosaves | p95 {p95_ms([w for w, _ in saves]):.1f}"
          f" ms (CPU {p95_ms([c for _, c in saves]):.1f} ms) | ≤ 10 ms |")
    print(f"| 200 attach/remove cycles | panel widgets {attached['widgets_before']} → "
          f"{attached['widgets_after']}, WAL {attached['wal'] / 2**20:.2f} MB | no growth |")
    print(f"| 200 open/close cycles | RSS +{cycles['grown_mb']:.1f} MB, {cycles['alive']} "
          f"sessions alive, {cycles['cycle_ms']:.0f} ms a cycle | ≤ 20 MB |")


if __name__ == "__main__":
    main()
