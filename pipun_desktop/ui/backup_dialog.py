"""Restore from a backup: the copies the store keeps of the open file, newest first; restoring saves a copy
of the current content first, then reloads the window's document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..storage.backup import BackupInfo, list_backups
from ..thai.digits import render_digits

COLUMNS = ("เวลา", "สำรองเมื่อ", "ขนาด")


class BackupDialog(QDialog):
    """Lists the backups of `path`; `restore_requested(Path)` when the user picks one and presses กู้คืน."""

    restore_requested = Signal(object)

    def __init__(self, path, parent=None, digits: str = "thai"):
        super().__init__(parent)
        self.setWindowTitle("กู้คืนจากสำเนาสำรอง")
        self.backups: list[BackupInfo] = list_backups(path)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                f"สำเนาสำรองของ {Path(path).name} (ใหม่สุดอยู่บน) ก่อนกู้คืน "
                f"โปรแกรมจะเก็บสำเนาของข้อมูลปัจจุบันไว้ด้วย จึงย้อนกลับได้เสมอ"
            )
        )
        self.table = QTableWidget(len(self.backups), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        for row, b in enumerate(self.backups):
            for col, text in enumerate(
                (
                    render_digits(b.local_time(), digits),
                    b.reason_label,
                    render_digits(f"{max(1, b.size // 1024):,} KB", digits),
                )
            ):
                cell = QTableWidgetItem(text)
                cell.setToolTip(str(b.path))
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        self.table.doubleClicked.connect(lambda *_: self.restore_selected())
        layout.addWidget(self.table)
        if not self.backups:
            layout.addWidget(QLabel("ยังไม่มีสำเนาสำรองของไฟล์นี้"))
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("กู้คืนสำเนานี้", QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton("ปิด", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore_selected)
        close.clicked.connect(self.reject)
        self.restore_button.setEnabled(bool(self.backups))
        layout.addWidget(buttons)
        if self.backups:
            self.table.selectRow(0)
        self.resize(640, 380)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.restore_requested.emit(chosen.path)
            self.accept()


def restore_document(document, backup_path) -> Path:
    """Restore the open document's file from `backup_path` and reload it; returns the copy saved of the content
    before. Raises StorageError (Thai) when the backup is unusable; the file is then unchanged."""
    store = document.store
    current = document.report
    key = (current.fiscal_year, current.round) if current is not None else None
    saved = store.restore_backup(backup_path)
    document.undo_stack.clear()
    document.organization = store.organization()
    infos = store.reports()
    if infos:
        target = next((i.id for i in infos if (i.fiscal_year, i.round) == key), infos[0].id)
        document.switch_report(target)
    return saved
