"""File > ส่งออก Word…, ส่งออก Excel…: the report written as .docx or .xlsx in a worker thread, with a
progress dialog that appears when the export takes a moment (Cancel stops it, nothing is written)."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from .background_job import BackgroundJob

WORD, EXCEL = "docx", "xlsx"
KINDS = {
    WORD: ("ส่งออก Word", "เอกสาร Word (*.docx)", "กำลังสร้างเอกสาร Word…"),
    EXCEL: ("ส่งออก Excel", "แฟ้ม Excel (*.xlsx)", "กำลังสร้างแฟ้ม Excel…"),
}


class OfficeWorker(QObject):
    """Runs the exporter off the GUI thread on copies of the model objects (never the sqlite connection)."""

    progress = Signal(int, int, str)
    done = Signal(object)  # OfficeExportInfo
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, kind: str, organization, report, out_path: str, digits: str):
        super().__init__()
        self.kind = kind
        self.organization, self.report = copy.deepcopy(organization), copy.deepcopy(report)
        self.out_path, self.digits = out_path, digits
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def run(self) -> None:
        from ..office.export_common import OfficeExportCancelled

        def progress(done: int, total: int, text: str) -> None:
            self.progress.emit(done, total, text)

        try:
            if self.kind == WORD:
                from ..office.docx_export import export_report_docx

                info = export_report_docx(
                    self.organization,
                    self.report,
                    self.out_path,
                    digits=self.digits,
                    progress=progress,
                    is_cancelled=lambda: self._cancel,
                )
            else:
                from ..office.xlsx_export import export_report_xlsx

                info = export_report_xlsx(
                    self.organization,
                    self.report,
                    self.out_path,
                    progress=progress,
                    is_cancelled=lambda: self._cancel,
                )
        except OfficeExportCancelled:
            self.cancelled.emit()
        except Exception as exc:  # shown to the user; the window must survive any exporter failure
            self.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            self.done.emit(info)


class OfficeExport(QObject):
    """The two menu entries' behaviour for one MainWindow."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._job: BackgroundJob | None = None  # the running export (ui.background_job)
        self.last_path: str | None = None
        self.was_cancelled = False

    @property
    def _worker(self) -> OfficeWorker | None:
        return self._job.worker if self._job is not None else None

    @property
    def _progress(self):
        return self._job.progress if self._job is not None else None

    def running(self) -> bool:
        return self._job is not None

    def export_docx(self) -> None:
        self._ask_and_start(WORD)

    def export_xlsx(self) -> None:
        self._ask_and_start(EXCEL)

    def _ask_and_start(self, kind: str) -> None:
        doc = self.window.document
        if doc is None or doc.report is None or self.running():
            return
        title, file_filter, _ = KINDS[kind]
        name = f"รายงานป้องกันการทุจริต-{doc.report.fiscal_year}-{doc.report.round}เดือน.{kind}"
        folder = self.window.settings.get("last_folder")
        folder = folder if folder and Path(folder).is_dir() else str(Path.home())
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(Path(folder) / name), file_filter)
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        self.window.settings.set("last_folder", str(Path(path).parent))
        self.start(kind, path)

    def start(self, kind: str, path: str) -> None:
        self.window.flush_edits()
        self.was_cancelled = False
        doc = self.window.document
        title, _, label = KINDS[kind]
        worker = OfficeWorker(kind, doc.organization, doc.report, str(path), self.window.digits)
        self._job = BackgroundJob(
            self,
            worker,
            self.window,
            title,
            label,
            on_done=self._on_done,
            on_failed=self._on_failed,
            on_cancelled=self._on_cancelled,
            on_finished=self._on_finished,
        )
        self._job.start()

    def _on_done(self, info) -> None:
        self.last_path = info.path
        kind = "Word" if self._worker is not None and self._worker.kind == WORD else "Excel"
        self.window.statusBar().showMessage(f"ส่งออก {kind} แล้ว: {info.path}", 10000)

    def _on_failed(self, message: str) -> None:
        kind = "Word" if self._worker is not None and self._worker.kind == WORD else "Excel"
        self.window.inform(f"ส่งออก {kind} ไม่ได้", message, warning=True)

    def _on_cancelled(self) -> None:
        self.was_cancelled = True
        self.window.statusBar().showMessage("ยกเลิกการส่งออกแล้ว ไม่ได้บันทึกไฟล์", 5000)

    def _on_finished(self) -> None:
        self._job = None  # the job lets its thread and worker go

    def wait(self) -> None:
        """Cancel a running export and wait for its thread (the window calls this when it closes)."""
        if self._job is not None:
            self._job.stop()
