"""The form of a heading (dimension, section, sub-section): its title, and what lies beneath."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..core.model import Heading
from ..core.totals import node_totals
from ..thai.amounts import format_amount
from ..thai.digits import render_digits
from .editing import Committer, set_editor_text
from .item_form import dropped_message, text_box


class HeadingForm(QWidget):
    dropped = Signal(str)  # as ItemForm.dropped

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document = None
        self.ref = None
        self.caption = QLabel()
        font = self.caption.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.caption.setFont(font)
        self.title = text_box(3)
        self.title.setPlaceholderText("ชื่อหัวข้อ (ไม่ต้องพิมพ์เลขข้อ)")
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(QLabel("ชื่อหัวข้อ"))
        layout.addWidget(self.title)
        layout.addWidget(self.info)
        layout.addStretch(1)
        self.committer = Committer(self.title, self._commit)
        self._enter = _EnterCommits(self.committer, self)
        self.title.installEventFilter(self._enter)

    def node(self):
        node = self.document.node_of(self.ref) if self.document else None
        return node if isinstance(node, Heading) else None

    def leave(self) -> None:
        """The selection moves away: commit the title; a title that could not be stored is dropped and named."""
        self.flush()
        if self.committer.pending:
            node = self.node()
            where = self.document.number_of(node.id) if node is not None else "หัวข้อก่อนหน้า"
            self.committer.discard()
            self.dropped.emit(dropped_message(["ชื่อหัวข้อ"], where))

    def show_heading(self, document, node_id: int) -> None:
        self.leave()
        if self.document is not document:
            if self.document is not None:
                self.document.node_changed.disconnect(self._node_changed)
                self.document.structure_changed.disconnect(self.refresh)
            self.document = document
            document.node_changed.connect(self._node_changed)
            document.structure_changed.connect(self.refresh)
        self.ref = document.ref(node_id)
        self.committer.discard()
        self.refresh()
        self.setEnabled(not document.read_only)

    def _node_changed(self, node_id: int) -> None:
        if self.ref is not None and node_id == self.ref.id:
            self.refresh()

    def refresh(self) -> None:
        node = self.node()
        if node is None:
            return
        level = ("มิติ", "หัวข้อ", "หัวข้อย่อย")
        depth = 0
        pid = self.document.parent_id(node.id)
        while pid is not None:
            depth += 1
            pid = self.document.parent_id(pid)
        self.caption.setText(f"{self.document.number_of(node.id)} ({level[min(depth, 2)]})")
        if not self.committer.pending:
            set_editor_text(self.title, node.title)
        t = node_totals(node)
        d = self.document.digits
        self.info.setText(
            render_digits(f"มี {t.items} โครงการ/กิจกรรม/มาตรการ · ", d)
            + f"งบบูรณาการ {format_amount(t.integrated, d)} · งบหน่วยงาน {format_amount(t.agency, d)} · "
            f"ผลเบิกจ่าย {format_amount(t.disbursed, d)} บาท"
        )

    def _commit(self, text: str) -> bool:
        node = self.node()
        return node is None or self.document.set_node_field(node.id, "title", text)

    def flush(self) -> None:
        if self.node() is not None:
            self.committer.flush()

    def focus_title(self) -> None:
        self.title.setFocus()
        self.title.selectAll()


class _EnterCommits(QObject):
    """A heading's title is one line, wrapped only for display: Enter commits instead of breaking the line."""

    def __init__(self, committer, parent):
        super().__init__(parent)
        self.committer = committer

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.committer.flush()
            return True
        return False
