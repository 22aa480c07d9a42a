"""A node's history: the audit rows the store recorded for it, newest first (when, who, on which machine, what
field, old and new value)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..storage.audit import ACTION_LABELS, FIELD_LABELS, AuditEntry
from ..storage.identity import local_text

COLUMNS = ("เวลา", "ผู้ใช้", "เครื่อง", "การแก้ไข", "ช่อง", "ค่าเดิม", "ค่าใหม่")
SHOWN_CHARS = 120  # a cell shows the start of a long value; its tooltip shows more
TIP_CHARS = 2000


def _short(value: str | None) -> str:
    if value is None:
        return "-"
    one_line = value.replace("\r\n", " ⏎ ").replace("\n", " ⏎ ")
    return one_line if len(one_line) <= SHOWN_CHARS else one_line[:SHOWN_CHARS] + "…"


def entry_cells(entry: AuditEntry) -> list[str]:
    field = FIELD_LABELS.get(entry.field, entry.field)
    return [
        local_text(entry.at),
        entry.user,
        entry.host,
        ACTION_LABELS.get(entry.action, entry.action),
        field,
        _short(entry.old),
        _short(entry.new),
    ]


class HistoryDialog(QDialog):
    """The audit trail of one node (or, with node_id None, of one report)."""

    def __init__(
        self, store, node_id: int | None, title: str = "", report_id: int | None = None, parent=None
    ):
        super().__init__(parent)
        self.setWindowTitle(f"ประวัติการแก้ไข: {title}" if title else "ประวัติการแก้ไข")
        self.entries = store.history(node_id=node_id, report_id=None if node_id is not None else report_id)
        layout = QVBoxLayout(self)
        if not self.entries:
            note = "ยังไม่มีการแก้ไขที่บันทึกไว้" if store.version >= 2 else "ไฟล์รุ่นเก่านี้ยังไม่มีประวัติการแก้ไข"
            layout.addWidget(QLabel(note))
        self.table = QTableWidget(len(self.entries), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for row, entry in enumerate(self.entries):
            for col, text in enumerate(entry_cells(entry)):
                cell = QTableWidgetItem(text)
                if col >= 5:
                    full = entry.old if col == 5 else entry.new
                    if full:
                        cell.setToolTip(full[:TIP_CHARS] + ("…" if len(full) > TIP_CHARS else ""))
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        for col in (5, 6):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 320))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("ปิด")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 420)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

    def cell_text(self, row: int, column: int) -> str:
        return self.table.item(row, column).text()


def show_history(
    window, store, node_id: int | None, title: str = "", report_id: int | None = None
) -> HistoryDialog:
    """Open the history of a node (non-modal, so the user can keep it beside the form); returns the dialog."""
    dialog = HistoryDialog(store, node_id, title, report_id, parent=window)
    dialog.show()
    return dialog
