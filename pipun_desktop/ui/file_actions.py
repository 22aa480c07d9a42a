"""The File menu: new, open, recent, save a copy, backups, import/export JSON, another report, new round.
Export PDF, print preview and printing are ui.pdf_job (FileActions builds on its PdfJobs)."""

from __future__ import annotations

import copy
import datetime as dt
import sqlite3
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
)

from ..core.calendar import fiscal_year_of
from ..core.framework import empty_report
from ..core.model import Document, Organization
from ..core.round_summary import new_round_text
from ..core.rules import FISCAL_YEAR_MAX, FISCAL_YEAR_MIN, following_round, new_round, year_round_problem
from ..interchange.json_format import InterchangeError, read_document, write_document
from ..storage.building import back_up_before_replacing, build_data_file
from ..storage.store import StorageError
from ..thai.digits import render_digits
from .data_files import DATA_SUFFIX, data_dir, free_path, is_sample_file
from .document import ReportDocument
from .pdf_job import PdfJobs
from .thai_inputs import ThaiYearSpinBox

DATA_FILTER = f"ไฟล์รายงาน (*{DATA_SUFFIX} *.sqlite *.db);;ทุกไฟล์ (*)"
JSON_FILTER = "JSON (*.json)"
OFFICE_FILTER = "เอกสาร Word หรือ Excel (*.docx *.xlsx);;Word (*.docx);;Excel (*.xlsx);;ทุกไฟล์ (*)"


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
        explain=None,
    ):
        """`explain(year, round)`: a text shown under the choice and kept up to date with it (the new round's
        copy/clear/regenerate summary)."""
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
        self.explanation = None
        if explain is not None:
            self.explanation = QLabel()
            self.explanation.setWordWrap(True)
            self.explanation.setObjectName("explanation")
            self.explanation.setMinimumWidth(520)
            form.addRow(self.explanation)

            def update(*_):
                self.explanation.setText(explain(self.year.value(), self.round.currentData()))

            self.year.valueChanged.connect(update)
            self.round.currentIndexChanged.connect(update)
            update()
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


class FileActions(PdfJobs):
    """File menu behaviour for one MainWindow; the PDF half (export, preview, print) is ui.pdf_job.PdfJobs."""

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
        from ..storage import lock as lock_mod
        from ..storage.errors import FileLockedError
        from ..storage.identity import host_name
        from .lock_dialog import ask_about_future_lock, watch_lock

        try:
            return ReportDocument.open(path, digits=self.window.digits)
        except FileLockedError as exc:
            from .lock_dialog import ask_read_only

            mine = self.document.store.lock if self.document is not None else None
            if mine is not None and exc.holder.token == mine.token:
                self.window.statusBar().showMessage(f"ไฟล์ {path.name} เปิดอยู่แล้วในหน้าต่างนี้", 8000)
                return None
            if lock_mod.in_future(exc.holder) and exc.holder.host != host_name():
                answer = ask_about_future_lock(self.window, path, exc.holder)
                if answer == "watch":
                    if watch_lock(self.window, path, exc.holder):
                        return ReportDocument.open(
                            path, digits=self.window.digits, take_over=exc.holder.token
                        )
                    self.window.inform("ไฟล์กำลังถูกใช้งาน", "เครื่องนั้นยังเปิดไฟล์นี้แก้ไขอยู่ (มีสัญญาณใหม่)", warning=True)
                    return None
                if answer != "read_only":
                    return None
            elif not ask_read_only(self.window, path, exc.holder):
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

    def new_file_dialog(self) -> YearRoundDialog:
        """The new-file dialog: the current fiscal year (from 1 October, the next Buddhist year), the 6-month
        round, the standard framework ticked."""
        year = fiscal_year_of(self.today())
        return YearRoundDialog(
            "สร้างไฟล์รายงานใหม่", year, 6, framework=True, parent=self.window, digits=self.window.digits
        )

    @staticmethod
    def today() -> dt.date:
        return dt.date.today()

    def new_file(self, own: bool = False) -> None:
        """A new data file (`own`: the officer's own report, started from the sample's bar)."""
        dialog = self.new_file_dialog()
        if own:
            dialog.setWindowTitle("เริ่มรายงานของหน่วยงานท่าน")
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
        doc = self.document
        # a new file keeps the organization of the open file, never the sample's (another organization's)
        org = copy.deepcopy(doc.organization) if doc is not None and not is_sample_file(doc.path) else None
        try:
            if path.exists():  # the save dialog already asked before overwriting
                # a data file: not while someone edits it, and never without a copy
                back_up_before_replacing(path, "replaced")
                path.unlink()
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
            if path.exists() and path.resolve() != self.document.path.resolve():
                # over another data file: not while it is edited, never without a copy
                back_up_before_replacing(path, "replaced")
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
        if not doc.add_reports(incoming.reports, "นำเข้า JSON"):
            return False
        if incoming.reports:
            self.remember_report()
            self.window.tree.select_first_item()
        return True

    def import_office(self) -> None:
        """File > นำเข้าจาก Word/Excel…: a report typed in Word or Excel becomes a new data file (ui.office_import)."""
        path, _ = QFileDialog.getOpenFileName(
            self.window, "นำเข้ารายงานจาก Word หรือ Excel", self._folder(), OFFICE_FILTER
        )
        if path:
            self._remember_folder(path)
            self.import_office_from(path)

    def import_office_from(self, path, target=None) -> bool:
        from .office_import import import_office_from

        return import_office_from(self, path, target)

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
        if not self.document.add_reports([report], action):  # refusals and failures are said by the document
            return False
        self.remember_report()
        self.window.tree.select_first_item()
        self.window.statusBar().showMessage(f"{action}: ปี {report.fiscal_year} รอบ {report.round} เดือน", 8000)
        return True

    # -- new round -----------------------------------------------------------------------------
    def new_round(self) -> None:
        doc = self.document
        if doc is None or doc.report is None:
            return
        dialog = self.new_round_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            year, round_, _ = dialog.values()
            self.make_round(year, round_)

    def new_round_dialog(self) -> YearRoundDialog:
        """The next round proposed, with what it will copy, clear and regenerate said before it is made."""
        doc = self.document
        r = doc.report
        year, round_ = following_round(r.fiscal_year, r.round)
        digits = self.window.digits

        def explain(year: int, round_: int) -> str:
            problem = year_round_problem(year, round_)
            if problem is None and (year, round_) == (r.fiscal_year, r.round):
                problem = "ปีและรอบเดียวกับรายงานนี้ เลือกปีหรือรอบอื่น"
            if problem is not None:
                return problem
            return new_round_text(r, doc.organization, year, round_, digits)

        return YearRoundDialog(
            "สร้างรายงานรอบใหม่จากรายงานนี้", year, round_, parent=self.window, digits=digits, explain=explain
        )

    def make_round(self, year: int, round_: int) -> bool:
        doc = self.document
        self.window.flush_edits()
        try:
            report = new_round(doc.report, year, round_, doc.organization)
        except ValueError as exc:
            self.window.inform("สร้างรายงานรอบใหม่ไม่ได้", str(exc), warning=True)
            return False
        return self._add_and_show(report, "สร้างรายงานรอบใหม่")
