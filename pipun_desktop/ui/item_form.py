"""The form of one item: every column of the form table, then its narrative blocks.

Each field writes through the document (one undo command per edit, typing merged); the form refreshes a field
from the model only when it differs and isn't being typed in, so the cursor never jumps.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.model import (
    APPROACH_LABELS,
    DETAIL_HEADINGS,
    ITEM_TYPE_LABELS,
    ITEM_TYPES,
    STATUS_LABELS,
    STATUS_REASON_LABELS,
    STATUS_REASONS,
    STATUSES,
    Budget,
    DetailBlock,
    Item,
)
from .amount_edit import AmountEdit
from .editing import Committer, set_editor_text
from .photos_editor import PhotosEditor

BUDGET_LABELS = {"integrated": "งบบูรณาการ", "agency": "งบหน่วยงาน", "disbursed": "ผลเบิกจ่าย"}
TEXT_LABELS = {
    "title": "ชื่อ",
    "indicator": "ตัวชี้วัด",
    "target": "เป้าหมาย",
    "result": "ผลการดำเนินงาน",
    "note": "หมายเหตุ",
}


def dropped_message(fields: list[str], where: str) -> str:
    """The status-bar line when the selection moved on from text that was not stored."""
    return f"ไม่ได้บันทึก{' '.join(fields)} ของ {where} (ข้อความที่พิมพ์ยังบันทึกไม่ได้ จึงไม่ได้นำไปใช้กับรายการอื่น)"


def text_box(lines: int, parent=None) -> QPlainTextEdit:
    """A multi-line field about `lines` lines high; Tab moves on instead of typing a tab."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    fm = box.fontMetrics()
    box.setFixedHeight(int(fm.lineSpacing() * lines + 14))
    return box


class DetailBlockWidget(QFrame):
    """One headed narrative block: heading (editable combo of the usual headings), body, up/down/remove."""

    def __init__(self, form: DetailsEditor, index: int):
        super().__init__()
        self.form, self.index = form, index
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QComboBox()
        self.heading.setEditable(True)
        self.heading.addItems(DETAIL_HEADINGS)
        self.heading.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.heading.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.heading.lineEdit().setPlaceholderText("หัวข้อ เช่น วัตถุประสงค์")
        self.body = text_box(4)
        self.body.setPlaceholderText("ข้อความ ย่อหน้า หรือบรรทัดขึ้นต้นด้วย “- ”")
        self.up = QToolButton(text="▲", toolTip="เลื่อนหัวข้อนี้ขึ้น")
        self.down = QToolButton(text="▼", toolTip="เลื่อนหัวข้อนี้ลง")
        self.remove = QToolButton(text="✕", toolTip="ลบหัวข้อนี้")
        for b in (self.up, self.down, self.remove):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.up)
        top.addWidget(self.down)
        top.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.body)
        self.heading_committer = Committer(
            self.heading.lineEdit(), lambda t: form.edit_block(self.index, heading=t)
        )
        self.heading.activated.connect(lambda *_: self.heading_committer.flush())
        self.body_committer = Committer(self.body, lambda t: form.edit_block(self.index, body=t))
        self.up.clicked.connect(lambda: form.move_block(self.index, -1))
        self.down.clicked.connect(lambda: form.move_block(self.index, +1))
        self.remove.clicked.connect(lambda: form.remove_block(self.index))

    def show_block(self, block: DetailBlock, count: int) -> None:
        if not self.heading_committer.pending:
            set_editor_text(self.heading.lineEdit(), block.heading)
        if not self.body_committer.pending:
            set_editor_text(self.body, block.body)
        self.up.setEnabled(self.index > 0)
        self.down.setEnabled(self.index < count - 1)

    def flush(self) -> None:
        self.heading_committer.flush()
        self.body_committer.flush()

    def unsaved(self) -> list[str]:
        """What is typed here and was not stored (a failed write)."""
        return [
            label
            for label, c in (("หัวข้อรายละเอียด", self.heading_committer), ("รายละเอียด", self.body_committer))
            if c.pending
        ]


class DetailsEditor(QGroupBox):
    """The item's narrative blocks: add, remove, reorder, edit."""

    rebuilt = Signal()  # block widgets were made anew (the form fixes its tab order)

    def __init__(self, parent=None):
        super().__init__("รายละเอียดโครงการ (ส่วนบรรยาย)", parent)
        self.document = None
        self.ref = None
        self.blocks: list[DetailBlockWidget] = []
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(6)
        self.add_button = QPushButton("เพิ่มหัวข้อรายละเอียด")
        self.add_button.clicked.connect(self.add_block)
        layout = QVBoxLayout(self)
        layout.addLayout(self.list_layout)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def item(self) -> Item | None:
        node = self.document.node_of(self.ref) if self.document else None
        return node if isinstance(node, Item) else None

    def show_item(self, document, ref) -> None:
        self.document, self.ref = document, ref
        self.refresh(rebuild=True)

    def refresh(self, rebuild: bool = False) -> None:
        item = self.item()
        details = item.details if item else []
        if rebuild or len(details) != len(self.blocks):
            for w in self.blocks:
                w.heading_committer.discard()
                w.body_committer.discard()
                w.setParent(None)
                w.deleteLater()
            self.blocks = []
            for i in range(len(details)):
                w = DetailBlockWidget(self, i)
                self.blocks.append(w)
                self.list_layout.addWidget(w)
            self.rebuilt.emit()
        for w, block in zip(self.blocks, details, strict=False):
            w.show_block(block, len(details))

    def flush(self) -> None:
        for w in self.blocks:
            w.flush()

    def unsaved(self) -> list[str]:
        return [label for w in self.blocks for label in w.unsaved()]

    def _set(self, details, merge, text) -> bool:
        return self.document.set_node_field(self.ref.id, "details", details, merge=merge, text=text)

    def edit_block(self, index: int, **change) -> bool:
        item = self.item()
        if item is None or index >= len(item.details):
            return True
        details = list(item.details)
        details[index] = dataclasses.replace(details[index], **change)
        field = next(iter(change))
        return self._set(
            details, (field, index), "แก้ไขหัวข้อรายละเอียด" if field == "heading" else "แก้ไขรายละเอียด"
        )

    def add_block(self) -> None:
        item = self.item()
        if item is None:
            return
        self.flush()
        used = {d.heading for d in item.details}
        heading = next((h for h in DETAIL_HEADINGS if h not in used), "")
        if self._set(list(item.details) + [DetailBlock(heading, "")], False, "เพิ่มหัวข้อรายละเอียด"):
            self.blocks[-1].body.setFocus()

    def remove_block(self, index: int) -> None:
        item = self.item()
        if item is None:
            return
        self.flush()
        details = list(item.details)
        del details[index]
        self._set(details, False, "ลบหัวข้อรายละเอียด")

    def move_block(self, index: int, delta: int) -> None:
        item = self.item()
        target = index + delta
        if item is None or not 0 <= target < len(item.details):
            return
        self.flush()
        details = list(item.details)
        details[index], details[target] = details[target], details[index]
        if self._set(details, False, "เลื่อนหัวข้อรายละเอียด"):
            self.refresh(rebuild=True)
            (self.blocks[target].up if delta < 0 else self.blocks[target].down).setFocus()


class ItemForm(QWidget):
    """Every column of one item's row in the form table, and its narrative."""

    title_committed = Signal()
    # the selection moved on from typed text that was not stored: a Thai line naming the field and the item
    dropped = Signal(str)

    def __init__(self, display, parent=None):
        """`display`: the window's DisplaySettings (ui.display), whose digit style the amounts follow."""
        super().__init__(parent)
        self.document = None
        self.ref = None
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        font = self.caption.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.caption.setFont(font)

        self.item_type = QComboBox()
        for t in ITEM_TYPES:
            self.item_type.addItem(ITEM_TYPE_LABELS[t], t)
        self.status = QComboBox()
        for s in (None,) + STATUSES:
            self.status.addItem(STATUS_LABELS[s], s)
        self.reason_label = QLabel("เหตุผล")
        self.reason = QComboBox()
        self.reason.addItem("— เลือกเหตุผล —", None)
        for r in STATUS_REASONS:
            self.reason.addItem(STATUS_REASON_LABELS[r], r)
        self.title = QLineEdit()
        self.title.setPlaceholderText("ชื่อโครงการ/กิจกรรม/มาตรการ (ไม่ต้องพิมพ์เลขข้อ)")
        self.indicator = text_box(2)
        self.target = text_box(2)
        self.result = text_box(3)
        self.note = text_box(2)
        self.amounts = {f: AmountEdit(display.digits) for f in Budget.FIELDS}
        display.digits_changed.connect(self._digits_switched)
        self.approaches = [QCheckBox(label) for label in APPROACH_LABELS]
        self.details = DetailsEditor()
        self.photos = PhotosEditor()
        self.setAcceptDrops(True)  # image files dropped anywhere on the form become photos of the item

        top = QHBoxLayout()
        top.addWidget(QLabel("ประเภท"))
        top.addWidget(self.item_type)
        top.addSpacing(12)
        top.addWidget(QLabel("สถานะ"))
        top.addWidget(self.status)
        top.addSpacing(12)
        top.addWidget(self.reason_label)
        top.addWidget(self.reason)
        top.addStretch(1)

        budget = QGridLayout()
        for col, f in enumerate(Budget.FIELDS):
            budget.addWidget(QLabel(BUDGET_LABELS[f]), 0, col)
            budget.addWidget(self.amounts[f], 1, col, Qt.AlignmentFlag.AlignTop)
            budget.setColumnStretch(col, 1)  # three equal columns, whatever an error line says
        # the amounts' error lines under all three, in room kept for a line: nothing moves when one shows
        self.amount_errors = QWidget()
        errors = QVBoxLayout(self.amount_errors)
        errors.setContentsMargins(0, 0, 0, 0)
        errors.setSpacing(0)
        for f in Budget.FIELDS:
            errors.addWidget(self.amounts[f].take_error_line(f"{BUDGET_LABELS[f]}: "))
        errors.addStretch(1)
        self.amount_errors.setMinimumHeight(self.amount_errors.fontMetrics().lineSpacing() + 2)
        budget.addWidget(self.amount_errors, 2, 0, 1, len(Budget.FIELDS))
        approaches = QVBoxLayout()
        approaches.setSpacing(2)
        for box in self.approaches:
            approaches.addWidget(box)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow("ชื่อ", self.title)
        form.addRow("ตัวชี้วัด", self.indicator)
        form.addRow("เป้าหมาย", self.target)
        form.addRow("ผลการดำเนินงาน\nผลลัพธ์/ผลสัมฤทธิ์", self.result)
        form.addRow("งบประมาณ (บาท)", budget)
        form.addRow("แนวทางตามแผน\nบูรณาการ", approaches)
        form.addRow("หมายเหตุ", self.note)

        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addWidget(self.photos)
        layout.addStretch(1)

        self.committers = {
            name: Committer(getattr(self, name), lambda text, name=name: self._set(name, text))
            for name in ("title", "indicator", "target", "result", "note")
        }
        self.committers["title"].editor.editingFinished.connect(self.title_committed)
        self.item_type.activated.connect(
            lambda i: self._set("item_type", self.item_type.itemData(i), merge=False) or self.refresh()
        )
        self.status.activated.connect(self._status_chosen)
        self.reason.activated.connect(
            lambda i: self._set("status_reason", self.reason.itemData(i), merge=False) or self.refresh()
        )
        for f, edit in self.amounts.items():
            edit.value_committed.connect(lambda value, f=f: self._set_amount(f, value))
        for i, box in enumerate(self.approaches):
            box.clicked.connect(lambda checked, i=i: self._set_approach(i, checked))
        self.details.rebuilt.connect(self._fix_tab_order)
        self.photos.rebuilt.connect(self._fix_tab_order)
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        """Down the form as it reads: columns of the table, then each narrative block, then "add block"."""
        order = [
            self.item_type,
            self.status,
            self.reason,
            self.title,
            self.indicator,
            self.target,
            self.result,
            *(self.amounts[f].line for f in Budget.FIELDS),
            *self.approaches,
            self.note,
        ]
        for block in self.details.blocks:
            order += [block.heading, block.body, block.up, block.down, block.remove]
        order.append(self.details.add_button)
        for row in self.photos.rows:
            order += [row.caption, row.up, row.down, row.remove]
        order.append(self.photos.add_button)
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # -- showing -------------------------------------------------------------------------------
    def item(self) -> Item | None:
        node = self.document.node_of(self.ref) if self.document else None
        return node if isinstance(node, Item) else None

    def show_item(self, document, node_id: int) -> None:
        """Show another item (or the same one anew). What was typed and could not be stored (an invalid
        amount, a failed write) is dropped, never shown over the next item's values; `dropped` names it."""
        self.leave()
        if self.document is not document:
            if self.document is not None:
                self.document.node_changed.disconnect(self._node_changed)
                self.document.structure_changed.disconnect(self._caption)
            self.document = document
            document.node_changed.connect(self._node_changed)
            document.structure_changed.connect(self._caption)
        self.ref = document.ref(node_id)
        self.refresh()
        self.details.show_item(document, self.ref)
        self.photos.show_item(document, self.ref)
        self.setEnabled(not document.read_only)

    def leave(self) -> None:
        """The selection moves away from the shown item: commit what can be, drop (and name) the rest."""
        self.flush()
        self._drop_unsaved()

    def _drop_unsaved(self) -> None:
        fields = [
            f"{BUDGET_LABELS[f]} “{edit.line.text()}”"
            for f, edit in self.amounts.items()
            if not edit.is_valid() or edit.committer.pending
        ]
        fields += [f"{TEXT_LABELS[name]}" for name, c in self.committers.items() if c.pending]
        fields += self.details.unsaved()
        fields += self.photos.unsaved()
        for row in self.photos.rows:
            row.committer.discard()
        for c in self.committers.values():
            c.discard()
        for edit in self.amounts.values():
            edit.set_value(edit.value())  # clears the mark and the typed text; refresh shows the new item
        if fields:
            self.dropped.emit(dropped_message(fields, self._where()))

    def _where(self) -> str:
        """The shown item's number, from the caption when the item itself is gone."""
        item = self.item()
        if item is not None:
            return self.document.number_of(item.id)
        return self.caption.text().split(" ")[0] or "รายการก่อนหน้า"

    def _digits_switched(self, digits: str) -> None:
        for edit in self.amounts.values():
            edit.digits = digits
            if edit.is_valid() and not edit.committer.pending:
                edit.set_value(edit.value())
        self.refresh()

    def _node_changed(self, node_id: int) -> None:
        if self.ref is not None and node_id == self.ref.id:
            self.refresh()
            self.details.refresh()
            self.photos.refresh()

    def _caption(self) -> None:
        item = self.item()
        if item is not None:
            self.caption.setText(
                f"{self.document.number_of(item.id)} {ITEM_TYPE_LABELS.get(item.item_type, '')}"
            )

    def refresh(self) -> None:
        item = self.item()
        if item is None:
            return
        self._caption()
        for name, committer in self.committers.items():
            if not committer.pending:
                set_editor_text(committer.editor, getattr(item, name))
        self.item_type.setCurrentIndex(max(0, self.item_type.findData(item.item_type)))
        self.status.setCurrentIndex(max(0, self.status.findData(item.status)))
        self.reason.setCurrentIndex(max(0, self.reason.findData(item.status_reason)))
        not_possible = item.status == "not_possible"
        self.reason.setVisible(not_possible)
        self.reason_label.setVisible(not_possible)
        for f, edit in self.amounts.items():
            if not edit.committer.pending and edit.is_valid():
                edit.set_value(getattr(item.budget, f))
        for box, ticked in zip(self.approaches, item.approaches, strict=False):
            box.setChecked(ticked)

    def flush(self) -> None:
        """Commit whatever is being typed (before undo, selection change or closing)."""
        if self.item() is None:
            return
        for c in self.committers.values():
            c.flush()
        for edit in self.amounts.values():
            edit.flush()
        self.details.flush()
        self.photos.flush()

    # -- editing -------------------------------------------------------------------------------
    def _set(self, field: str, value, **kw) -> bool:
        item = self.item()
        return item is None or self.document.set_node_field(item.id, field, value, **kw)

    def _status_chosen(self, index: int) -> None:
        item = self.item()
        if item is None:
            return
        status = self.status.itemData(index)
        self.document.set_status(item.id, status)  # with its reason, one undo step (core.rules)
        self.refresh()
        if status == "not_possible":
            self.reason.setFocus()

    def _set_amount(self, field: str, value) -> None:
        item = self.item()
        if item is None:
            return
        old = getattr(item.budget, field)
        if not self._set(
            "budget",
            dataclasses.replace(item.budget, **{field: value}),
            merge=field,
            text=f"แก้ไข{BUDGET_LABELS[field]}",
        ):
            self.amounts[field].set_stored(old)

    def _set_approach(self, index: int, checked: bool) -> None:
        item = self.item()
        if item is None:
            return
        ticks = list(item.approaches)
        ticks[index] = checked
        if not self._set("approaches", tuple(ticks), merge=False, text="แก้ไขแนวทาง"):
            self.approaches[index].setChecked(not checked)

    # -- dropping image files ---------------------------------------------------------------------
    @staticmethod
    def _local_files(event) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event):
        if self.item() is not None and not self.document.read_only and self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event):
        self.dragEnterEvent(event)

    def dropEvent(self, event):
        paths = self._local_files(event)
        if paths and self.item() is not None:
            event.acceptProposedAction()
            self.photos.add_files(paths)

    def focus_title(self) -> None:
        self.title.setFocus()
        self.title.selectAll()
