"""Running a long core function off the GUI thread.

The function runs on a worker thread and knows nothing of Qt; it gets ``progress`` and
``cancelled`` callables. The worker only emits signals; it never touches a widget. A progress
dialog appears only when the job lasts longer than half a second.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from selfassess.i18n import _

SHOW_PROGRESS_AFTER_MS = 500


class _Worker(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)

    def __init__(self, function: Callable[..., Any], cancel: threading.Event) -> None:
        super().__init__()
        self._function = function
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._function(progress=self._progress, cancelled=self._cancel.is_set)
        except Exception as error:  # handed to the GUI thread, which decides how to show it
            self.failed.emit(error)
        else:
            self.finished.emit(result)

    def _progress(self, done: int, total: int, label: str) -> None:
        self.progressed.emit(done, total, label)


class Task(QObject):
    """One background job; keep a reference until ``done`` or ``error`` fires."""

    done = Signal(object)
    error = Signal(object)

    def __init__(self, parent: QWidget, function: Callable[..., Any], label: str) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread = QThread()
        self._worker = _Worker(function, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.progressed.connect(self._on_progress)
        self._dialog = QProgressDialog(label, _("Cancel"), 0, 0, parent)
        self._dialog.setWindowTitle("selfassess")
        # modal: nothing else may write the file while the job holds it
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        self._dialog.canceled.connect(self._cancel.set)
        self._dialog.reset()
        self._timer = QTimer(self, singleShot=True, interval=SHOW_PROGRESS_AFTER_MS)
        self._timer.timeout.connect(self._dialog.show)

    def start(self) -> None:
        """Start the job."""
        self._timer.start()
        self._thread.start()

    def wait(self) -> None:
        """Block until the worker thread has ended (used when closing)."""
        self._thread.quit()
        self._thread.wait()

    def _finish(self) -> None:
        self._timer.stop()
        self._dialog.reset()
        self._dialog.hide()
        # the dialog's parent is the long-lived panel or window: without this every job
        # would leave a hidden dialog behind
        self._dialog.deleteLater()
        self._thread.quit()
        self._thread.wait()

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._finish()
        self.done.emit(result)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._finish()
        self.error.emit(error)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, label: str) -> None:
        self._dialog.setMaximum(total)
        self._dialog.setValue(done)
        if label:
            self._dialog.setLabelText(label)
