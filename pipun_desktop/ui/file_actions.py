"""The File menu: new, open, recent, save a copy, import/export JSON, export PDF (in a worker), print preview and
printing (through a temporary PDF), new round."""

from __future__ import annotations

import copy
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QProgressDialog,
)

from ..core.framework import empty_report
from ..core.model import Document, Organization
from ..core.rules import FISCAL_YEAR_MAX, FISCAL_YEAR_MIN, following_round, new_round, year_round_clash
from ..interchange.json_format import InterchangeError, read_document, write_document
from ..storage.building import build_data_file
from ..storage.store import StorageError
from ..thai.digits import render_digits
from ..util.targets import output_target_problem
from .data_files import DATA_SUFFIX, data_dir, free_path
from .document import ReportDocument
from .thai_inputs import ThaiYearSpinBox

DATA_FILTER = f"ไฟล์รายงาน (*{DATA_SUFFIX} *.sqlite *.db);;ทุกไฟล์ (*)"
JSON_FILTER = "JSON (*.json)"
PDF_FILTER = "PDF (*.pdf)"
TEMP_PREFIX = "pipun-print-"  # temporary folders of print previews and printing (one per running window)

# what to do once a PDF is made
AFTER_ASK, AFTER_PREVIEW, AFTER_PRINT = "ask", "preview", "print"
# the choices offered after "ส่งออก PDF…" (window.choose returns the index)
EXPORT_CHOICES = ("ดูตัวอย่าง", "พิมพ์…", "เปิดด้วยโปรแกรมอ่าน PDF", "ปิด")


class YearRoundDialog(QDialog):
    """Fiscal year and round, optionally with the standard framework tick (a new report)."""

    def __init__(
        self,
        title: str,
        year: int,
        round_: int,
        framework: bool | None = None,
        parent=None,
        digits: str = "thai",
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.year = ThaiYearSpinBox(digits=digits)
        self.year.setRange(FISCAL_YEAR_MIN, FISCAL_YEAR_MAX)
        self.year.setValue(year)
        self.round = QComboBox()
        self.round.addItem(render_digits("รอบ 6 เดือน", digits), 6)
        self.round.addItem(render_digits("รอบ 12 เดือน (ผลงานสะสม)", digits), 12)
        self.round.setCurrentIndex(0 if round_ == 6 else 1)
        form = QFormLayout(self)
        form.addRow("ปีงบประมาณ พ.ศ.", self.year)
        form.addRow("รอบรายงาน", self.round)
        self.framework = None
        if framework is not None:
            self.framework = QCheckBox("ใส่กรอบมาตรฐาน (มิติ หัวข้อ และหัวข้อย่อย ยังไม่มีโครงการ)")
            self.framework.setChecked(framework)
            form.addRow(self.framework)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("ตกลง")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("ยกเลิก")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[int, int, bool]:
        return (
            self.year.value(),
            self.round.currentData(),
            bool(self.framework and self.framework.isChecked()),
        )


class PdfWorker(QObject):
    """Runs export_report_pdf off the GUI thread on copies of the model objects (never the sqlite connection)."""

    progress = Signal(int, int, str)
    done = Signal(object)  # ExportInfo
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, organization, report, out_path: str, digits: str):
        super().__init__()
        self.organization, self.report = copy.deepcopy(organization), copy.deepcopy(report)
        self.out_path, self.digits = out_path, digits
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def run(self) -> None:
        from ..core.fingerprint import report_fingerprint
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
            )
        except ExportCancelled:
            self.cancelled.emit()
        except Exception as exc:  # shown to the user; the GUI must survive any exporter failure
            self.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            self.done.emit(info)


class FileActions(QObject):
    """File menu behaviour for one MainWindow."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self._thread = None
        self._worker = None
        self._progress = None
        self._after = AFTER_ASK
        self.open_pdf_after_export = (
            True  # after "ส่งออก PDF…": offer preview, print, open (False: say nothing)
        )
        self.last_pdf: str | None = None
        self.pdf_was_cancelled = False
        self.preview = None  # the open PdfPreviewDialog
        self._temp_dir: Path | None = None
        self._kept: set[str] = set()  # temporary PDFs handed to the PDF viewer: removed at exit, not before

    # -- helpers -------------------------------------------------------------------------------
    @property
    def document(self) -> ReportDocument | None:
        return self.window.document

    def _folder(self) -> str:
        folder = self.settings.get("last_folder")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def _remember_folder(self, path: str) -> None:
        self.settings.set("last_folder", str(Path(path).parent))

    def _error(self, title: str, exc) -> None:
        self.window.inform(title, str(exc), warning=True)

    # -- opening -------------------------------------------------------------------------------
    def open_path(self, path, report: str | None = None) -> bool:
        """Open a data file (or a JSON document, turned into a data file in the data folder)."""
        path = Path(path)
        self.window.flush_edits()
        try:
            if path.suffix.lower() == ".json":
                doc_json = read_document(path)
                path = build_data_file(doc_json, free_path(data_dir(), path.stem))
            document = self._open_document(path)
        except (StorageError, InterchangeError, sqlite3.Error, OSError) as exc:
            self._error("เปิดไฟล์ไม่ได้", exc)
            return False
        if document is None:
            return False
        self._switch_to(document, report)
        if document.store.warnings:  # a stale lock cleared, a backup that failed
            self.window.statusBar().showMessage(" · ".join(document.store.warnings), 15000)
        return True

    def _open_document(self, path: Path) -> ReportDocument | None:
        """Open for editing; when another program holds the file, say who and offer read-only (None: declined)."""
        from ..storage.errors import FileLockedError

        try:
            return ReportDocument.open(path, digits=self.window.digits)
        except FileLockedError as exc:
            from .lock_dialog import ask_read_only

            mine = self.document.store.lock if self.document is not None else None
            if mine is not None and exc.holder.token == mine.token:
                self.window.statusBar().showMessage(f"ไฟล์ {path.name} เปิดอยู่แล้วในหน้าต่างนี้", 8000)
                return None
            if not ask_read_only(self.window, path, exc.holder):
                return None
            return ReportDocument.open(path, read_only=True, digits=self.window.digits)

    def _switch_to(self, document: ReportDocument, report: str | None = None) -> None:
        old = self.window.document
        if report is None and str(document.path) == self.settings.get("last_file"):
            report = self.settings.get("last_report") or None
        if report:
            year, _, rnd = report.partition("-")
            for info in document.reports():
                if str(info.fiscal_year) == year and str(info.round) == rnd and info.id != document.report.id:
                    document.switch_report(info.id)
        self.window.set_document(document)
        if old is not None:
            old.close()
            old.deleteLater()
        self.settings.add_recent(str(document.path))
        self.remember_report()
        self.window.tree.select_first_item()

    def remember_report(self) -> None:
        doc = self.document
        if doc is not None and doc.report is not None:
            self.settings.set("last_report", f"{doc.report.fiscal_year}-{doc.report.round}")

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, "เปิดไฟล์รายงาน", self._folder(), f"{DATA_FILTER};;{JSON_FILTER}"
        )
        if path:
            self._remember_folder(path)
            self.open_path(path)

    def fill_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        files = [p for p in self.settings.get("recent_files") if Path(p).exists()]
        for p in files:
            action = menu.addAction(Path(p).name)
            action.setToolTip(p)
            action.setStatusTip(p)
            action.triggered.connect(lambda *_, p=p: self.open_path(p))
        if not files:
            menu.addAction("(ยังไม่มี)").setEnabled(False)

    def new_file(self) -> None:
        doc = self.document
        year = doc.report.fiscal_year if doc and doc.report else 2568
        dialog = YearRoundDialog(
            "สร้างไฟล์รายงานใหม่", year, 6, framework=True, parent=self.window, digits=self.window.digits
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        year, round_, framework = dialog.values()
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            "บันทึกไฟล์รายงานใหม่ที่",
            str(Path(self._folder()) / f"รายงาน-{year}-{round_}{DATA_SUFFIX}"),
            DATA_FILTER,
        )
        if not path:
            return
        self.create_file(path, year, round_, framework)

    def create_file(self, path, year: int, round_: int, framework: bool) -> bool:
        path = Path(path)
        if path.suffix == "":
            path = path.with_suffix(DATA_SUFFIX)
        org = copy.deepcopy(self.document.organization) if self.document else None
        try:
            if path.exists():
                path.unlink()  # the save dialog already asked before overwriting
            report = empty_report(year, round_, with_framework=framework)
            build_data_file(Document(org or Organization(), [report]), path)
            document = ReportDocument.open(path, digits=self.window.digits)
        except (StorageError, ValueError, sqlite3.Error, OSError) as exc:
            self._error("สร้างไฟล์ไม่ได้", exc)
            return False
        self._remember_folder(str(path))
        self._switch_to(document)
        return True

    def save_copy(self) -> None:
        doc = self.document
        if doc is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            "บันทึกสำเนาเป็น",
            str(Path(self._folder()) / f"{doc.path.stem}-สำเนา{DATA_SUFFIX}"),
            DATA_FILTER,
        )
        if path:
            self.save_copy_to(path)

    def save_copy_to(self, path) -> bool:
        """A consistent copy of the open file at `path` (without its edit lock, so the copy opens for editing);
        the window keeps working on the open file."""
        self.window.flush_edits()
        path = Path(path)
        try:
            self.document.store.save_copy(path)
        except (StorageError, sqlite3.Error, OSError) as exc:
            self._error("บันทึกสำเนาไม่ได้", exc)
            return False
        self._remember_folder(str(path))
        self.window.statusBar().showMessage(f"บันทึกสำเนาไว้ที่ {path}", 8000)
        return True

    # -- backups and history (storage keeps them; dialogs in ui.backup_dialog, ui.history_dialog) ----
    def restore_backup(self) -> None:
        from .backup_dialog import BackupDialog

        doc = self.document
        if doc is None or doc.read_only:
            return
        self.window.flush_edits()
        dialog = BackupDialog(doc.path, self.window, digits=self.window.digits)
        dialog.restore_requested.connect(self.restore_from)
        dialog.exec()

    def restore_from(self, backup_path) -> bool:
        from .backup_dialog import restore_document

        try:
            saved = restore_document(self.document, backup_path)
        except (StorageError, sqlite3.Error, OSError) as exc:
            self._error("กู้คืนไม่ได้", exc)
            return False
        self.window.set_document(self.document)  # organization and reports may all have changed
        self.window.tree.select_first_item()
        self.window.statusBar().showMessage(f"กู้คืนแล้ว ข้อมูลก่อนกู้คืนเก็บไว้ที่ {saved}", 10000)
        return True

    def show_history(self, node_id: int | None = None) -> None:
        from .history_dialog import show_history

        doc = self.document
        if doc is None or doc.report is None:
            return
        self.window.flush_edits()
        if node_id is None:
            show_history(self.window, doc.store, None, "รายงานทั้งฉบับ", report_id=doc.report.id)
        else:
            node = doc.node_by_id(node_id)
            show_history(self.window, doc.store, node_id, f"{doc.number_of(node_id)} {node.title}".strip())

    # -- JSON ----------------------------------------------------------------------------------
    def import_json(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "นำเข้ารายงานจาก JSON", self._folder(), JSON_FILTER)
        if path:
            self._remember_folder(path)
            self.import_json_from(path)

    def import_json_from(self, path) -> bool:
        """Add the JSON document's reports to the open file (a report of the same year and round is refused)."""
        doc = self.document
        self.window.flush_edits()
        try:
            incoming = read_document(path)
        except (InterchangeError, OSError) as exc:
            self._error("นำเข้าไม่ได้", exc)
            return False
        existing = {(r.fiscal_year, r.round) for r in doc.reports()}
        clash = [r for r in incoming.reports if (r.fiscal_year, r.round) in existing]
        if clash:
            r = clash[0]
            self.window.inform(
                "นำเข้าไม่ได้",
                f"ไฟล์นี้มีรายงานปี {r.fiscal_year} รอบ {r.round} เดือนอยู่แล้ว "
                f"ลองเปิดไฟล์ JSON นั้นเป็นไฟล์ใหม่ (เมนู ไฟล์ > เปิดไฟล์)",
                warning=True,
            )
            return False
        try:
            ids = [doc.store.add_report(r) for r in incoming.reports]
        except (StorageError, sqlite3.Error, OSError) as exc:
            doc.handle_write_error(exc, "นำเข้า JSON")
            return False
        if ids:
            doc.switch_report(ids[0])
            self.remember_report()
            self.window.tree.select_first_item()
        return True

    def export_json(self) -> None:
        doc = self.document
        if doc is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self.window, "ส่งออก JSON", str(Path(self._folder()) / f"{doc.path.stem}.json"), JSON_FILTER
        )
        if path:
            self._remember_folder(path)
            self.export_json_to(path)

    def export_json_to(self, path) -> bool:
        """Every report of the open file, in the interchange format."""
        self.window.flush_edits()
        try:
            write_document(self.document.store.load_document(), path)
        except (StorageError, InterchangeError, sqlite3.Error, OSError) as exc:
            self._error("ส่งออกไม่ได้", exc)
            return False
        self.window.statusBar().showMessage(f"ส่งออก JSON ไว้ที่ {path}", 8000)
        return True

    # -- PDF -----------------------------------------------------------------------------------
    def export_pdf(self) -> None:
        doc = self.document
        if doc is None or doc.report is None or self.pdf_running():
            return
        name = f"รายงานป้องกันการทุจริต-{doc.report.fiscal_year}-{doc.report.round}เดือน.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self.window, "ส่งออก PDF", str(Path(self._folder()) / name), PDF_FILTER
        )
        if path:
            self._remember_folder(path)
            self.start_pdf(path)

    def pdf_running(self) -> bool:
        return self._thread is not None

    def preview_pdf(self) -> None:
        """File > ตัวอย่างก่อนพิมพ์…: the report exported to a temporary PDF, then shown in the preview."""
        self._start_temporary(AFTER_PREVIEW)

    def print_report(self) -> None:
        """File > พิมพ์…: the report exported to a temporary PDF, then the print dialog."""
        self._start_temporary(AFTER_PRINT)

    def _start_temporary(self, after: str) -> None:
        doc = self.document
        if doc is None or doc.report is None or self.pdf_running():
            return
        try:
            path = self._temp_pdf_path()
        except OSError as exc:
            self._error("สร้างไฟล์ชั่วคราวไม่ได้", exc)
            return
        self.start_pdf(str(path), after=after)

    def start_pdf(self, path: str, after: str = AFTER_ASK) -> None:
        problem = output_target_problem(path, "PDF")
        if problem:  # never over a data file (the open one included): said at once, before any work
            self._error("ส่งออกไม่ได้", problem)
            return
        self.window.flush_edits()
        self.pdf_was_cancelled = False
        self._after = after
        doc = self.document
        worker = PdfWorker(doc.organization, doc.report, str(path), self.window.digits)
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        progress = QProgressDialog("กำลังสร้าง PDF…", "ยกเลิก", 0, 100, self.window)
        progress.setWindowTitle({AFTER_PREVIEW: "ตัวอย่างก่อนพิมพ์", AFTER_PRINT: "พิมพ์"}.get(after, "ส่งออก PDF"))
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        # a direct call: the worker's own thread is busy exporting and would never run a queued slot
        progress.canceled.connect(lambda: worker.cancel())
        worker.progress.connect(self._pdf_progress)
        worker.done.connect(self._pdf_done)
        worker.failed.connect(self._pdf_failed)
        worker.cancelled.connect(self._pdf_cancelled)
        for signal in (worker.done, worker.failed, worker.cancelled):
            signal.connect(thread.quit)
        thread.finished.connect(self._pdf_finished)
        self._thread, self._worker, self._progress = thread, worker, progress
        thread.start()

    def _pdf_progress(self, done: int, total: int, text: str) -> None:
        if self._progress is not None:
            self._progress.setMaximum(max(total, 1))
            self._progress.setValue(min(done, total))
            self._progress.setLabelText(text)

    def _pdf_done(self, info) -> None:
        self.last_pdf = info.path
        self._close_progress()
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
        self._close_progress()
        self._discard_temporary(self._worker.out_path if self._worker is not None else None)
        self.window.inform("ส่งออก PDF ไม่ได้", message, warning=True)

    def _pdf_cancelled(self) -> None:
        self.pdf_was_cancelled = True
        self._close_progress()
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

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _pdf_finished(self) -> None:
        if self.pdf_was_cancelled and self._worker is not None:
            self._discard_temporary(self._worker.out_path)
        self._thread.deleteLater()
        self._worker.deleteLater()
        self._thread = self._worker = None

    def cancel_pdf(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(10000)

    # -- another report in this file ----------------------------------------------------------
    def new_report(self) -> None:
        doc = self.document
        if doc is None:
            return
        year = max((i.fiscal_year for i in doc.reports()), default=2568) + 1
        dialog = YearRoundDialog(
            "เพิ่มรายงานใหม่ในไฟล์นี้", year, 6, framework=True, parent=self.window, digits=self.window.digits
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_report(*dialog.values())

    def add_report(self, year: int, round_: int, framework: bool) -> bool:
        """An empty report (or the standard framework) added to the open file, then shown."""
        self.window.flush_edits()
        try:
            report = empty_report(year, round_, with_framework=framework)
        except ValueError as exc:
            self.window.inform("เพิ่มรายงานไม่ได้", str(exc), warning=True)
            return False
        return self._add_and_show(report, "เพิ่มรายงานใหม่")

    def _add_and_show(self, report, action: str) -> bool:
        doc = self.document
        existing = [(i.fiscal_year, i.round, i.id) for i in doc.reports()]
        if clash := year_round_clash(existing, report.fiscal_year, report.round):
            self.window.inform(action, f"{clash} เลือกจากช่อง “รายงาน” บนแถบเครื่องมือ", warning=True)
            return False
        try:
            report_id = doc.store.add_report(report)
        except (StorageError, sqlite3.Error, OSError) as exc:
            doc.handle_write_error(exc, action)
            return False
        doc.switch_report(report_id)
        self.remember_report()
        self.window.tree.select_first_item()
        self.window.statusBar().showMessage(f"{action}: ปี {report.fiscal_year} รอบ {report.round} เดือน", 8000)
        return True

    # -- new round -----------------------------------------------------------------------------
    def new_round(self) -> None:
        doc = self.document
        if doc is None or doc.report is None:
            return
        r = doc.report
        year, round_ = following_round(r.fiscal_year, r.round)
        dialog = YearRoundDialog(
            "สร้างรายงานรอบใหม่จากรายงานนี้", year, round_, parent=self.window, digits=self.window.digits
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            year, round_, _ = dialog.values()
            self.make_round(year, round_)

    def make_round(self, year: int, round_: int) -> bool:
        doc = self.document
        self.window.flush_edits()
        try:
            report = new_round(doc.report, year, round_, doc.organization)
        except ValueError as exc:
            self.window.inform("สร้างรายงานรอบใหม่ไม่ได้", str(exc), warning=True)
            return False
        return self._add_and_show(report, "สร้างรายงานรอบใหม่")


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
