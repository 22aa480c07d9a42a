"""The PDF job of the window: export to a PDF in a worker thread with a progress dialog (Cancel stops it),
then preview, printing or the PDF viewer; print preview and printing go through temporary PDFs in a
`pipun-print-*` folder, removed when they are done with (or when the window closes).

`PdfJobs` is the File menu's PDF half: `ui.file_actions.FileActions` builds on it, so the window reaches both
as `window.files`.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog

from ..thai.digits import render_digits
from ..util.targets import output_target_problem
from .background_job import BackgroundJob

PDF_FILTER = "PDF (*.pdf)"
TEMP_PREFIX = "pipun-print-"  # temporary folders of print previews and printing (one per running window)
# what to do once a PDF is made
AFTER_ASK, AFTER_PREVIEW, AFTER_PRINT = "ask", "preview", "print"
# the choices offered after "ส่งออก PDF…" (window.choose returns the index)
EXPORT_CHOICES = ("ดูตัวอย่าง", "พิมพ์…", "เปิดด้วยโปรแกรมอ่าน PDF", "ปิด")


class PdfWorker(QObject):
    """Runs export_report_pdf off the GUI thread on copies of the model objects (never the sqlite connection)."""

    progress = Signal(int, int, str)
    done = Signal(object)  # ExportInfo
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, organization, report, out_path: str, digits: str, document: str = "report"):
        super().__init__()
        self.organization, self.report = copy.deepcopy(organization), copy.deepcopy(report)
        self.out_path, self.digits, self.document = out_path, digits, document
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def run(self) -> None:
        from ..interchange.fingerprint import report_fingerprint
        from ..pdf.export import ExportCancelled, export_report_pdf

        try:
            fingerprint = report_fingerprint(self.organization, self.report)
            info = export_report_pdf(
                self.organization,
                self.report,
                self.out_path,
                digits=self.digits,
                fingerprint=fingerprint,
                progress=lambda done, total, text: self.progress.emit(done, total, text),
                is_cancelled=lambda: self._cancel,
                document=self.document,
            )
        except ExportCancelled:
            self.cancelled.emit()
        except Exception as exc:  # shown to the user; the GUI must survive any exporter failure
            self.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            self.done.emit(info)


class PdfJobs(QObject):
    """Export, preview and print the window's report (see the module docstring)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self._job: BackgroundJob | None = None  # the running export (ui.background_job)
        self._after = AFTER_ASK
        self.open_pdf_after_export = (
            True  # after "ส่งออก PDF…": offer preview, print, open (False: say nothing)
        )
        self.last_pdf: str | None = None
        self.pdf_was_cancelled = False
        self.preview = None  # the open PdfPreviewDialog
        self._temp_dir: Path | None = None
        self._kept: set[str] = set()  # temporary PDFs handed to the PDF viewer: removed at exit, not before

    @property
    def _thread(self):
        return self._job.thread if self._job is not None else None

    @property
    def _worker(self):
        return self._job.worker if self._job is not None else None

    @property
    def _progress(self):
        return self._job.progress if self._job is not None else None

    @property
    def document(self):
        return self.window.document

    def _folder(self) -> str:
        folder = self.settings.get("last_folder")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def _remember_folder(self, path: str) -> None:
        self.settings.set("last_folder", str(Path(path).parent))

    def _error(self, title: str, exc) -> None:
        self.window.inform(title, str(exc), warning=True)

    # -- exporting ------------------------------------------------------------------------------
    def export_pdf(self) -> None:
        doc = self.document
        if doc is None or doc.report is None or self.pdf_running() or not self._checks_allow("export"):
            return
        name = f"รายงานป้องกันการทุจริต-{doc.report.fiscal_year}-{doc.report.round}เดือน.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self.window, "ส่งออก PDF", str(Path(self._folder()) / name), PDF_FILTER
        )
        if path:
            self._remember_folder(path)
            self.start_pdf(path)

    def pdf_running(self) -> bool:
        return self._job is not None

    def preview_pdf(self) -> None:
        """File > ตัวอย่างก่อนพิมพ์…: the report exported to a temporary PDF, then shown in the preview."""
        self._start_temporary(AFTER_PREVIEW)

    def print_report(self) -> None:
        """File > พิมพ์…: the report exported to a temporary PDF, then the print dialog."""
        self._start_temporary(AFTER_PRINT)

    def _checks_allow(self, action: str) -> bool:
        """Check before printing (ui.print_check): the errors listed, the officer asked whether to go on."""
        from .print_check import errors_allow

        self.window.flush_edits()  # what was just typed is checked too
        doc = self.document
        return doc is not None and errors_allow(self.window.choose, doc.report, self.window.digits, action)

    def _start_temporary(self, after: str, document: str = "report") -> None:
        doc = self.document
        if doc is None or doc.report is None or self.pdf_running():
            return
        # the report's checks gate the report; the memo and the web form only describe it
        if document == "report" and not self._checks_allow("print" if after == AFTER_PRINT else "preview"):
            return
        try:
            path = self._temp_pdf_path()
        except OSError as exc:
            self._error("สร้างไฟล์ชั่วคราวไม่ได้", exc)
            return
        if document == "report":
            self.start_pdf(str(path), after=after)
        else:
            self.start_pdf(str(path), after=after, document=document)

    def papers(self) -> None:
        """File > เอกสารประกอบ…: the memo or the web-publication form, previewed, printed or saved as PDF
        through the same path as the report."""
        doc = self.document
        if doc is None or doc.report is None or self.pdf_running():
            return
        from .papers_dialog import PapersDialog

        dialog = PapersDialog(self.window)
        if dialog.exec() and dialog.chosen is not None:
            self.make_paper(*dialog.chosen)

    def make_paper(self, document: str, action: str, path: str | None = None) -> None:
        """`action`: "preview", "print" or "save" (to `path`, asked for when None)."""
        if action == "preview":
            self._start_temporary(AFTER_PREVIEW, document)
        elif action == "print":
            self._start_temporary(AFTER_PRINT, document)
        else:
            if path is None:
                doc = self.document
                name = {"memo": "บันทึกข้อความ", "web-form": "แบบฟอร์มขอเผยแพร่"}[document]
                name = f"{name}-{doc.report.fiscal_year}-{doc.report.round}เดือน.pdf"
                path, _ = QFileDialog.getSaveFileName(
                    self.window, "บันทึกเอกสารประกอบเป็น PDF", str(Path(self._folder()) / name), PDF_FILTER
                )
                if not path:
                    return
                self._remember_folder(path)
            self.start_pdf(path, document=document)

    def start_pdf(self, path: str, after: str = AFTER_ASK, document: str = "report") -> None:
        problem = output_target_problem(path, "PDF")
        if problem:  # never over a data file (the open one included): said at once, before any work
            self._error("ส่งออกไม่ได้", problem)
            return
        self.window.flush_edits()
        self.pdf_was_cancelled = False
        self._after = after
        doc = self.document
        worker = PdfWorker(doc.organization, doc.report, str(path), self.window.digits, document)
        title = {AFTER_PREVIEW: "ตัวอย่างก่อนพิมพ์", AFTER_PRINT: "พิมพ์"}.get(after, "ส่งออก PDF")
        self._job = BackgroundJob(
            self,
            worker,
            self.window,
            title,
            "กำลังสร้าง PDF…",
            on_done=self._pdf_done,
            on_failed=self._pdf_failed,
            on_cancelled=self._pdf_cancelled,
            on_finished=self._pdf_finished,
        )
        self._job.start()

    def _pdf_done(self, info) -> None:
        self.last_pdf = info.path
        if self._after == AFTER_PREVIEW:
            self.show_preview(info.path, temporary=True)
            return
        if self._after == AFTER_PRINT:
            self.print_pdf(info.path)
            self._discard_temporary(info.path)
            return
        self.window.statusBar().showMessage(
            render_digits(f"สร้าง PDF แล้ว ({info.pages} หน้า): ", self.window.digits) + info.path, 10000
        )
        if not self.open_pdf_after_export:
            return
        choice = self.window.choose(
            "ส่งออก PDF",
            render_digits(f"สร้างไฟล์ PDF แล้ว ({info.pages} หน้า)", self.window.digits)
            + f"\n{info.path}\n\nดูตัวอย่าง พิมพ์ หรือเปิดด้วยโปรแกรมอ่าน PDF เลยหรือไม่?",
            EXPORT_CHOICES,
        )
        if choice == 0:
            self.show_preview(info.path)
        elif choice == 1:
            self.print_pdf(info.path)
        elif choice == 2:
            self.open_in_viewer(info.path)

    def _pdf_failed(self, message: str) -> None:
        self._discard_temporary(self._worker.out_path if self._worker is not None else None)
        self.window.inform("ส่งออก PDF ไม่ได้", message, warning=True)

    def _pdf_cancelled(self) -> None:
        self.pdf_was_cancelled = True
        self.window.statusBar().showMessage("ยกเลิกการส่งออก PDF แล้ว", 5000)

    # -- preview, printing, the PDF viewer (ui.pdf_preview, ui.pdf_print) --------------------------
    def show_preview(self, path, temporary: bool = False):
        """The preview dialog on the PDF at `path` (window-modal, not blocking); a temporary PDF is removed
        when the dialog closes, unless it went to the PDF viewer."""
        from .pdf_pages import PdfPagesError
        from .pdf_preview import PdfPreviewDialog

        try:
            dialog = PdfPreviewDialog(
                path,
                self.window,
                digits=self.window.digits,
                confirm=lambda *a: self.window.confirm(*a),
                inform=lambda *a, **k: self.window.inform(*a, **k),
            )
        except PdfPagesError as exc:
            self._error("แสดงตัวอย่างไม่ได้", exc)
            if temporary:
                self._discard_temporary(path)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_requested = (
            self.open_in_viewer
        )  # the dialog's button goes through here (tests replace it)
        dialog.finished.connect(lambda *_: self._preview_closed(dialog, str(path), temporary))
        self.preview = dialog
        dialog.open()
        return dialog

    def _preview_closed(self, dialog, path: str, temporary: bool) -> None:
        if self.preview is dialog:
            self.preview = None
        if temporary:
            self._discard_temporary(path)

    def print_pdf(self, path) -> bool:
        """The print dialog, then the pages to the printer (ui.pdf_print)."""
        from . import pdf_print

        return pdf_print.print_pdf(
            path,
            self.window,
            digits=self.window.digits,
            confirm=lambda *a: self.window.confirm(*a),
            inform=lambda *a, **k: self.window.inform(*a, **k),
            open_pdf=self.open_in_viewer,
        )

    def open_in_viewer(self, path) -> bool:
        """The PDF in the system's PDF viewer; a temporary PDF is then kept until the window closes."""
        from . import pdf_print

        if self._temp_dir is not None and Path(path).parent == self._temp_dir:
            self._kept.add(str(path))
        return pdf_print.open_in_viewer(path)

    def _temp_pdf_path(self) -> Path:
        if self._temp_dir is None or not self._temp_dir.is_dir():
            _sweep_stale_temp_dirs()
            self._temp_dir = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
        r = self.document.report
        stem = f"รายงานป้องกันการทุจริต-{r.fiscal_year}-{r.round}เดือน"
        path, n = self._temp_dir / f"{stem}.pdf", 2
        while path.exists():  # an earlier one still open in the PDF viewer
            path, n = self._temp_dir / f"{stem} ({n}).pdf", n + 1
        return path

    def _discard_temporary(self, path) -> None:
        if (
            path is None
            or self._temp_dir is None
            or Path(path).parent != self._temp_dir
            or str(path) in self._kept
        ):
            return
        for p in (Path(path), Path(str(path) + "-part")):
            try:
                p.unlink(missing_ok=True)
            except OSError:
                pass  # still open somewhere (Windows); the folder goes when the window closes

    def remove_temporary_files(self) -> None:
        """At exit: the temporary folder and whatever is left in it."""
        if self.preview is not None:
            self.preview.pages.close()
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None
            self._kept.clear()

    def _pdf_finished(self) -> None:
        if self.pdf_was_cancelled and self._worker is not None:
            self._discard_temporary(self._worker.out_path)
        self._job = None  # the job lets its thread and worker go

    def cancel_pdf(self) -> None:
        if self._job is not None:
            self._job.stop()


def _sweep_stale_temp_dirs(max_age_s: float = 2 * 24 * 3600) -> None:
    """Temporary print folders of earlier runs that did not end cleanly (only those older than two days:
    another window may be using its own)."""
    now = time.time()
    for folder in Path(tempfile.gettempdir()).glob(TEMP_PREFIX + "*"):
        try:
            if folder.is_dir() and now - folder.stat().st_mtime > max_age_s:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass
