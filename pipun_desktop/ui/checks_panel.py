"""Checks panel: the core checks' findings for the open report; activating one asks the window to select its node.

Findings are recomputed with core.checks.check_report after the document changes, debounced so typing does not
re-check the report on every keystroke, and not at all while the panel is hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.checks import ERROR, SEVERITY_LABELS, WARNING, Finding, check_report
from ..thai.digits import render_digits
from .document_view import FollowsDocument

REFRESH_DELAY_MS = 300
COLUMNS = ("ระดับ", "ลำดับ", "รายละเอียด")
REPORT_WIDE = "ทั้งรายงาน"  # shown in the number column for findings about the report itself


class FindingsModel(QAbstractTableModel):
    """The findings as a flat table: severity (with its icon), the node's number, the Thai message."""

    def __init__(self, style: QStyle, parent=None):
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._icons = {
            ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self._findings = list(findings)
        self.endResetModel()

    def replace_nodes(self, findings: list[Finding]) -> None:
        """Same rows, fresh Finding objects (no reset, no signals)."""
        if len(findings) == len(self._findings):
            self._findings = list(findings)

    def finding(self, row: int) -> Finding:
        return self._findings[row]

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        f = self._findings[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (SEVERITY_LABELS[f.severity], f.number or REPORT_WIDE, f.message)[col]
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return self._icons.get(f.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(f)
        if role == Qt.ItemDataRole.UserRole:
            return getattr(f.node, "id", None)
        return None


class ChecksPanel(FollowsDocument, QWidget):
    """Lists check_report's findings; double-click or Enter on one emits node_activated(node id)."""

    node_activated = Signal(int)  # the finding's node; the window selects it in the tree
    report_activated = Signal()  # a finding about the report itself; the window may show the report settings
    refreshed = Signal()

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = None
        self.digits = "thai"
        self._all: list[Finding] = []
        self._shown_key = None
        self._import_marks = None  # (document, report id, [(node path, message)], [message]) after an import
        self._dirty = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self.set_document(document)

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        top = QHBoxLayout()
        self.status_label = QLabel(self)
        font = QFont(self.status_label.font())
        font.setBold(True)
        self.status_label.setFont(font)
        top.addWidget(self.status_label, 1)
        self.warnings_box = QCheckBox("แสดงคำเตือน", self)
        self.warnings_box.setChecked(True)
        self.warnings_box.setToolTip("ซ่อนคำเตือนเพื่อดูเฉพาะข้อผิดพลาดที่ต้องแก้ก่อนพิมพ์")
        self.warnings_box.toggled.connect(self._apply_filter)
        top.addWidget(self.warnings_box)
        lay.addLayout(top)

        self.model = FindingsModel(self.style(), self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName("รายการผลการตรวจสอบรายงาน")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        # fixed widths from the font: measuring thousands of rows on every refresh would stall typing
        fm = self.fontMetrics()
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, icon + 20 + max(fm.horizontalAdvance(t) for t in SEVERITY_LABELS.values()))
        header.resizeSection(1, 16 + max(fm.horizontalAdvance(t) for t in (REPORT_WIDE, "๔.๔.๔ (๑๐๐)")))
        header.setStretchLastSection(True)
        self.view.setToolTip("ดับเบิลคลิกหรือกด Enter เพื่อไปยังหัวข้อหรือโครงการนั้น")
        self.view.activated.connect(self._activate)
        lay.addWidget(self.view, 1)
        self.setFocusProxy(self.view)

    def sizeHint(self) -> QSize:
        return QSize(520, 220)

    # -- document ------------------------------------------------------------------------------
    def schedule_refresh(self, *args) -> None:
        """Debounce: re-check once the edits pause."""
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._timer.start(0)

    def refresh(self) -> None:
        """Re-check the report now."""
        self._timer.stop()
        self._dirty = False
        report = getattr(self.document, "report", None)
        findings = check_report(report, self.digits) if report is not None else []
        findings = self._import_findings(report) + findings
        key = (
            report is None,
            [(f.severity, f.number, f.message, getattr(f.node, "id", None)) for f in findings],
        )
        if (
            key != self._shown_key
        ):  # typing seldom changes the findings: then the list (and its selection) stays
            self._shown_key = key
            self._all = findings
            self._apply_filter()
        else:
            self._all = findings  # same findings; keep the fresh node objects for activation
            self.model.replace_nodes(
                [f for f in findings if self.warnings_box.isChecked() or f.severity == ERROR]
            )
        self.refreshed.emit()

    refresh_now = refresh  # the name the window's screenshot path looks for

    def set_import_marks(self, document, report_id, marks, general=()) -> None:
        """Rows an import was unsure of (node path, message) and its other notes, listed first while this
        document shows that report (ui.office_import)."""
        self._import_marks = (document, report_id, list(marks), list(general))
        self.refresh()

    def _import_findings(self, report) -> list[Finding]:
        if self._import_marks is None or report is None:
            return []
        document, report_id, marks, general = self._import_marks
        if document is not self.document or report.id != report_id:
            return []
        from ..core.numbering import numbered

        by_path = {n.path: n for n in numbered(report.tree, self.digits)}
        out = [Finding(WARNING, "", render_digits(m, self.digits)) for m in general]
        for path, message in marks:
            n = by_path.get(tuple(path))
            if n is not None:
                out.append(Finding(WARNING, n.number, render_digits(message, self.digits), n.node))
        return out

    def _apply_filter(self) -> None:
        selected = self._selected_key()
        shown = [f for f in self._all if self.warnings_box.isChecked() or f.severity == ERROR]
        self.model.set_findings(shown)
        errors = sum(f.severity == ERROR for f in self._all)
        warnings = len(self._all) - errors
        if getattr(self.document, "report", None) is None:
            text = "ยังไม่ได้เปิดรายงาน"
        elif not self._all:
            text = "ไม่พบปัญหา พร้อมพิมพ์รายงาน"
        else:
            parts = [f"ข้อผิดพลาด {errors:,} รายการ" if errors else "ไม่มีข้อผิดพลาด"]
            if warnings:
                parts.append(f"คำเตือน {warnings:,} รายการ")
            text = render_digits(" · ".join(parts), self.digits)
        self.status_label.setText(text)
        if selected is not None:
            for row, f in enumerate(shown):
                if self._key(f) == selected:
                    self.view.selectRow(row)
                    break

    @staticmethod
    def _key(f: Finding):
        return (getattr(f.node, "id", None), f.message)

    def _selected_key(self):
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self._key(self.model.finding(rows[0].row())) if rows else None

    def findings(self) -> list[Finding]:
        """The findings shown, in order."""
        return self.model.findings()

    # -- activation ----------------------------------------------------------------------------
    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.activate_row(index.row())

    def activate_row(self, row: int) -> None:
        finding = self.model.finding(row)
        node_id = getattr(finding.node, "id", None)
        if node_id is not None:
            self.node_activated.emit(node_id)
        elif finding.node is None:
            self.report_activated.emit()
