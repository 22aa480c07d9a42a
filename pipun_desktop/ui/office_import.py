"""File > นำเข้าจาก Word/Excel…: read an office's report off the GUI thread, show what was read, build a new data
file once the officer confirms, open it with the rows the reader was unsure of marked in the checks panel."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
)

from ..interchange.json_format import InterchangeError
from ..thai.digits import render_digits
from .data_files import DATA_SUFFIX

CONFIRM_TEXT = "นำเข้าเป็นไฟล์ใหม่…"


def read_office(path: Path, year: int | None, sheet: str | None = None):
    """The right reader for the file's kind (by its name; a renamed file is caught by the reader itself)."""
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xltx", ".xltm"):
        from ..office.xlsx_import import import_xlsx

        return import_xlsx(path, year=year, sheet=sheet)
    from ..office.docx_import import import_docx

    return import_docx(path, year=year)


class ReadWorker(QObject):
    """Runs the reader in a QThread; only plain data crosses back (the result or a Thai message)."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, path: Path, year: int | None, sheet: str | None = None):
        super().__init__()
        self.path, self.year, self.sheet = path, year, sheet

    def run(self) -> None:
        try:
            result = read_office(self.path, self.year, self.sheet)
        except InterchangeError as exc:  # OfficeImportError and YearNeeded among them
            self.failed.emit(exc)
        except (OSError, MemoryError, RecursionError) as exc:
            self.failed.emit(InterchangeError("", f"อ่านไฟล์ {self.path.name} ไม่ได้ ({exc.__class__.__name__})"))
        except Exception as exc:  # a bug in the reader must not take the window down
            self.failed.emit(InterchangeError("", f"อ่านไฟล์ {self.path.name} ไม่ได้ ({exc})"))
        else:
            self.done.emit(result)


_RUNNING: set[tuple[QThread, ReadWorker]] = set()


class _Sink(QObject):
    def __init__(self, outcome: dict[str, object], loop: QEventLoop):
        super().__init__()
        self.outcome, self.loop = outcome, loop

    @Slot(object)
    def done(self, result: object) -> None:
        self.outcome["result"] = result
        self.loop.quit()

    @Slot(object)
    def failed(self, error: object) -> None:
        self.outcome["error"] = error
        self.loop.quit()


def read_in_background(parent, path: Path, year: int | None, sheet: str | None = None):
    """Read `path` in a worker thread behind a busy dialog; returns the result, raises the reader's error, or
    returns None when the officer cancels (the thread then finishes on its own and its result is dropped)."""
    thread = QThread()  # no parent: closing the window while it reads must not destroy a running thread
    worker = ReadWorker(path, year, sheet)
    worker.moveToThread(thread)
    outcome: dict[str, object] = {}
    progress = QProgressDialog(f"กำลังอ่าน {path.name}…", "ยกเลิก", 0, 0, parent)
    progress.setWindowTitle("นำเข้าจาก Word/Excel")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.setAutoClose(False)

    loop = QEventLoop()
    sink = _Sink(outcome, loop)  # lives in the GUI thread: the worker's signals arrive queued here
    worker.done.connect(sink.done)
    worker.failed.connect(sink.failed)
    for signal in (worker.done, worker.failed):
        signal.connect(thread.quit)
    thread.started.connect(worker.run)
    for done in [p for p in _RUNNING if p[0].isFinished()]:
        _RUNNING.discard(done)  # earlier reads, finished: let them go (here, in the GUI thread)
    _RUNNING.add((thread, worker))  # kept alive until the thread ends, even after a Cancel
    progress.canceled.connect(loop.quit)
    thread.start()
    if not outcome:
        loop.exec()
    progress.hide()
    progress.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


class ImportSummaryDialog(QDialog):
    """What the reader found, before anything is written: confirm (choose where the new file goes) or cancel."""

    def __init__(self, result, parent=None, digits: str = "thai"):
        super().__init__(parent)
        self.setWindowTitle("นำเข้าจาก Word/Excel: ตรวจสิ่งที่อ่านได้")
        lay = QVBoxLayout(self)
        problems = len(result.skipped) + len(result.unsure) + len(result.disagreements)
        head = QLabel(
            render_digits(
                "อ่านเอกสารได้ดังนี้ ยังไม่ได้บันทึกอะไร"
                + (
                    f" มี {problems} เรื่องที่ควรตรวจ (จะแสดงในแท็บ ตรวจสอบ หลังนำเข้า)"
                    if problems
                    else " ไม่พบเรื่องที่ต้องตรวจเพิ่ม"
                ),
                digits,
            ),
            self,
        )
        head.setWordWrap(True)
        font = QFont(head.font())
        font.setBold(True)
        head.setFont(font)
        lay.addWidget(head)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText(render_digits("\n".join(result.summary_lines()), digits))
        self.text.setAccessibleName("สรุปสิ่งที่อ่านได้จากเอกสาร")
        lay.addWidget(self.text, 1)
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = self.buttons.addButton(CONFIRM_TEXT, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.confirm_button.setDefault(True)
        self.resize(820, 520)


def ask_year(parent, years: list[int], digits: str) -> int | None:
    labels = [render_digits(f"ปีงบประมาณ {y}", digits) for y in years]
    choice, ok = QInputDialog.getItem(
        parent,
        "นำเข้าแผนหลายปี",
        "เอกสารนี้เป็นแผนหลายปี เลือกปีที่จะนำเข้าเป็นรายงาน (งบประมาณของปีนั้นเป็นงบหน่วยงาน):",
        labels,
        0,
        False,
    )
    return years[labels.index(choice)] if ok and choice in labels else None


def ask_sheet(parent, names: list[str]) -> str | None:
    """Several worksheets hold a form table: the officer picks one (the one with the most items first)."""
    choice, ok = QInputDialog.getItem(
        parent,
        "นำเข้าจาก Excel",
        "มีตารางแบบรายงานในหลายแผ่นงาน เลือกแผ่นงานที่จะนำเข้า:",
        names,
        0,
        False,
    )
    return choice if ok and choice in names else None


def import_office_from(actions, path, target=None) -> bool:
    """The whole flow for one file; `target` skips the save dialog (tests, scripts). True when a file was made."""
    from ..office.form_table import YearNeeded

    window = actions.window
    path = Path(path)
    window.flush_edits()
    year = sheet = None
    while True:
        try:
            result = read_in_background(window, path, year, sheet)
        except YearNeeded as exc:
            year = ask_year(window, exc.years, window.digits)
            if year is None:
                return False
            continue
        except InterchangeError as exc:
            window.inform("นำเข้าไม่ได้", str(exc), warning=True)
            return False
        if result is not None and sheet is None and getattr(result, "other_sheets", None):
            choice = ask_sheet(window, [result.sheet, *result.other_sheets])
            if choice is None:
                return False
            if choice != result.sheet:
                sheet = choice
                continue
        break
    if result is None:
        window.statusBar().showMessage("ยกเลิกการนำเข้าแล้ว", 5000)
        return False
    dialog = ImportSummaryDialog(result, window, window.digits)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    if not accepted:
        window.statusBar().showMessage("ยกเลิกการนำเข้าแล้ว ไม่ได้สร้างไฟล์", 5000)
        return False
    if target is None:
        target, _ = QFileDialog.getSaveFileName(
            window,
            "บันทึกรายงานที่นำเข้าเป็นไฟล์ใหม่",
            str(Path(actions._folder()) / f"{path.stem}{DATA_SUFFIX}"),
            f"ไฟล์รายงาน (*{DATA_SUFFIX})",
        )
        if not target:
            return False
    target = Path(target)
    if target.suffix == "":
        target = target.with_suffix(DATA_SUFFIX)
    if not build_imported(actions, result, target):
        return False
    if not actions.open_path(target):
        return False
    mark_import(window, result)
    window.statusBar().showMessage(
        render_digits(f"นำเข้า {result.items} โครงการ/กิจกรรม จาก {path.name} แล้ว", window.digits), 10000
    )
    return True


def build_imported(actions, result, target: Path) -> bool:
    """The new data file, whole or not at all; a data file already there is backed up first (as import-json)."""
    from ..storage.building import back_up_before_replacing, build_data_file
    from ..storage.store import StorageError
    from ..util.targets import special_file_problem

    window = actions.window
    doc = window.document
    if doc is not None and Path(doc.path).resolve() == target.resolve():
        window.inform("นำเข้าไม่ได้", "ไฟล์นี้เปิดอยู่ในหน้าต่างนี้ โปรดเลือกชื่อไฟล์อื่น", warning=True)
        return False
    problem = special_file_problem(target)
    if problem:
        window.inform("นำเข้าไม่ได้", problem, warning=True)
        return False
    try:
        saved = back_up_before_replacing(target) if target.exists() else None
        build_data_file(result.document, target)
    except (StorageError, sqlite3.Error, OSError, InterchangeError) as exc:
        window.inform("นำเข้าไม่ได้", str(exc), warning=True)
        return False
    actions._remember_folder(str(target))
    if saved is not None:
        window.statusBar().showMessage(f"เก็บสำเนาของไฟล์เดิมไว้ที่ {saved}", 10000)
    return True


def mark_import(window, result) -> None:
    """The rows the reader was unsure of and the totals that disagree, as findings on their nodes."""
    from ..office.form_table import total_message

    panel = getattr(window, "checks_panel", None)
    doc = window.document
    if panel is None or doc is None or doc.report is None or not hasattr(panel, "set_import_marks"):
        return
    marks = list(result.marks())
    general = [f"นำเข้า: {n.where}: {n.reason}: {n.text}" for n in result.skipped]
    general += [f"นำเข้า: {n.reason}" for n in result.unsure if not n.path]
    general += [f"นำเข้า: {n}" for n in result.notes]
    general += [f"นำเข้า: {t.where}: {total_message(t)}" for t in result.disagreements if not t.path]
    panel.set_import_marks(doc, doc.report.id, marks, general)
