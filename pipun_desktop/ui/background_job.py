"""One worker object run on its own QThread behind a progress dialog (Cancel stops it): the plumbing shared by
the PDF export (ui.pdf_job) and the Word/Excel export (ui.office_export).

The worker is a QObject with `run()`, `cancel()` (sets a flag the work checks) and the signals
`progress(int, int, str)`, `done(object)`, `failed(str)` and `cancelled()`; it emits exactly one of the last
three. The dialog is closed before the owner's `on_done`/`on_failed`/`on_cancelled` runs; `on_finished` runs
once the thread has ended, and then the thread and the worker are let go.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QProgressDialog, QWidget


class BackgroundJob(QObject):
    """Start with `start()`; `thread`, `worker` and `progress` (None once the dialog is closed) stay readable
    until `on_finished` has run. The thread's parent is `owner`, whose lifetime is the window's: the window
    calls `stop()` when it closes, so a running thread is never destroyed."""

    def __init__(
        self,
        owner: QObject,
        worker: Any,
        dialog_parent: QWidget,
        title: str,
        label: str,
        *,
        on_done: Callable[[object], None],
        on_failed: Callable[[str], None],
        on_cancelled: Callable[[], None],
        on_finished: Callable[[], None],
    ):
        super().__init__(owner)
        self.worker = worker
        self._on_done, self._on_failed, self._on_cancelled = on_done, on_failed, on_cancelled
        self._on_finished = on_finished
        self.thread = QThread(owner)
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.run)
        progress = QProgressDialog(label, "ยกเลิก", 0, 100, dialog_parent)
        progress.setWindowTitle(title)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        # a direct call: the worker's own thread is busy working and would never run a queued slot
        progress.canceled.connect(lambda: worker.cancel())
        self.progress: QProgressDialog | None = progress
        # bound methods of this GUI-thread object: the worker's signals arrive queued, in the GUI thread
        worker.progress.connect(self._progressed)
        worker.done.connect(self._done)
        worker.failed.connect(self._failed)
        worker.cancelled.connect(self._cancelled)
        for signal in (worker.done, worker.failed, worker.cancelled):
            signal.connect(self.thread.quit)
        self.thread.finished.connect(self._finished)

    def start(self) -> None:
        self.thread.start()

    def stop(self, wait_ms: int = 10000) -> None:
        """Cancel the work and wait for the thread (the window calls this when it closes)."""
        self.worker.cancel()
        self.thread.quit()
        self.thread.wait(wait_ms)

    def close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, total))
            self.progress.setLabelText(text)

    def _done(self, result: object) -> None:
        self.close_progress()
        self._on_done(result)

    def _failed(self, message: str) -> None:
        self.close_progress()
        self._on_failed(message)

    def _cancelled(self) -> None:
        self.close_progress()
        self._on_cancelled()

    def _finished(self) -> None:
        self._on_finished()
        self.thread.deleteLater()
        self.worker.deleteLater()
        self.deleteLater()
