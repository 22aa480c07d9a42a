"""ui.background_job: a worker on its own thread behind a progress dialog; Cancel stops it, the outcome reaches
the caller in the GUI thread, and the dialog and the thread are gone afterwards."""

from __future__ import annotations

import threading
import time

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from pipun_desktop.ui.background_job import BackgroundJob


class Worker(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, outcome: str, steps: int = 3):
        super().__init__()
        self.outcome, self.steps = outcome, steps
        self._cancel = False
        self.ran_in: object = None

    def cancel(self) -> None:
        self._cancel = True

    def run(self) -> None:
        self.ran_in = threading.get_ident()
        for i in range(self.steps):
            self.progress.emit(i + 1, self.steps, f"step {i + 1}")
            time.sleep(0.01)
        if self.outcome == "wait":  # until Cancel
            deadline = time.monotonic() + 30
            while not self._cancel and time.monotonic() < deadline:
                time.sleep(0.01)
        if self._cancel:
            self.cancelled.emit()
        elif self.outcome == "fail":
            self.failed.emit("พัง")
        else:
            self.done.emit({"answer": 42})


class Owner(QObject):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.window = parent
        self.job: BackgroundJob | None = None
        self.calls: list[tuple[str, object, bool]] = []  # (what, value, dialog still there)

    def start(self, worker: Worker, title: str = "ส่งออก PDF", label: str = "กำลังทำ…") -> BackgroundJob:
        self.job = BackgroundJob(
            self,
            worker,
            self.window,
            title,
            label,
            on_done=lambda r: self._note("done", r),
            on_failed=lambda m: self._note("failed", m),
            on_cancelled=lambda: self._note("cancelled", None),
            on_finished=self._finished,
        )
        self.job.start()
        return self.job

    def _note(self, what: str, value: object) -> None:
        assert QThread.currentThread() is QApplication.instance().thread()
        self.calls.append((what, value, self.job is not None and self.job.progress is not None))

    def _finished(self) -> None:
        assert self.job is not None and self.job.worker is not None  # still readable here
        self.calls.append(("finished", None, self.job.progress is not None))
        self.job = None


@pytest.fixture
def window(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    yield w
    for owner in w.findChildren(Owner):  # a failed test must not leave a running thread behind
        if owner.job is not None:
            owner.job.stop()


def _run(qtbot, owner: Owner, worker: Worker) -> tuple[object, object, object]:
    job = owner.start(worker)
    dialog, thread = job.progress, job.thread
    assert dialog is not None
    qtbot.waitUntil(lambda: owner.job is None, timeout=10_000)
    return job, dialog, thread


def _gone(qtbot, *objects) -> None:
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(o) for o in objects), timeout=5_000)


def test_the_dialog_is_set_up_as_before(window, qtbot):
    owner = Owner(window)
    worker = Worker("wait", steps=0)
    job = owner.start(worker, title="พิมพ์", label="กำลังสร้าง PDF…")
    dialog = job.progress
    assert dialog.windowTitle() == "พิมพ์" and dialog.labelText() == "กำลังสร้าง PDF…"
    assert dialog.minimumDuration() == 400 and not dialog.autoClose() and not dialog.autoReset()
    assert dialog.parent() is window and job.thread.parent() is owner
    job.stop()
    assert job.thread.isFinished()
    qtbot.waitUntil(lambda: owner.job is None, timeout=5_000)


def test_done_reaches_the_caller_with_progress_and_everything_goes(window, qtbot):
    owner = Owner(window)
    worker = Worker("ok")
    job = owner.start(worker)
    dialog = job.progress
    thread = job.thread
    qtbot.waitUntil(lambda: owner.job is None, timeout=10_000)
    assert worker.ran_in != threading.get_ident()  # the work ran off the GUI thread
    # the outcome arrives once, the dialog already closed; then the thread ends
    assert owner.calls == [("done", {"answer": 42}, False), ("finished", None, False)]
    _gone(qtbot, dialog, thread, job)


def test_failed_reaches_the_caller(window, qtbot):
    owner = Owner(window)
    job, dialog, thread = _run(qtbot, owner, Worker("fail"))
    assert owner.calls == [("failed", "พัง", False), ("finished", None, False)]
    _gone(qtbot, dialog, thread, job)


def test_the_cancel_button_stops_the_worker(window, qtbot):
    owner = Owner(window)
    worker = Worker("wait")
    job = owner.start(worker)
    dialog, thread = job.progress, job.thread
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)  # shown after the minimum duration
    qtbot.waitUntil(lambda: dialog.value() == 3, timeout=5_000)
    assert dialog.maximum() == 3 and dialog.labelText() == "step 3"  # the worker's progress, shown
    button = dialog.findChild(QPushButton)
    assert button is not None and button.text() == "ยกเลิก"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: owner.job is None, timeout=10_000)
    assert worker._cancel
    assert owner.calls == [("cancelled", None, False), ("finished", None, False)]
    _gone(qtbot, dialog, thread, job)


def test_stop_waits_for_the_thread(window, qtbot):
    """What the window does when it closes mid-job: the thread has ended when stop() returns."""
    owner = Owner(window)
    worker = Worker("wait", steps=0)
    job = owner.start(worker)
    qtbot.waitUntil(lambda: worker.ran_in is not None, timeout=5_000)
    job.stop()
    assert job.thread.isFinished() and worker._cancel
    qtbot.waitUntil(lambda: owner.job is None, timeout=5_000)
    assert [c[0] for c in owner.calls] == ["cancelled", "finished"]


def test_closing_the_window_mid_job_is_safe(qtbot, tmp_path, sample_data_file):
    """The PDF and the Word exports both running when the window closes: both threads are stopped and waited
    for (never destroyed while running), the window closes."""
    from PySide6.QtCore import QSettings

    from pipun_desktop.ui.main_window import MainWindow
    from pipun_desktop.ui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings)
    w.inform = lambda *a, **k: None
    qtbot.addWidget(w)
    assert w.files.open_path(sample_data_file)
    w.show()
    qtbot.waitExposed(w)
    pdf, docx = tmp_path / "mid.pdf", tmp_path / "mid.docx"
    w.files.start_pdf(str(pdf))
    w.office.start("docx", str(docx))
    threads = [w.files._thread, w.office._job.thread]
    assert w.files.pdf_running() and w.office.running()  # until the GUI thread hears the threads ended
    assert w.close()
    assert all(t.isFinished() for t in threads)  # waited for, before the window went
    qtbot.waitUntil(lambda: not w.files.pdf_running() and not w.office.running(), timeout=10_000)
    assert not pdf.exists()  # cancelled: the PDF export takes far longer than this
    if w.document is not None:
        w.document.close()
