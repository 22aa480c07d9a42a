"""The left side of the window: a filter box over the report tree, and the tree's editing actions."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ..core.model import Heading, Item, walk_items
from .tree_model import COL_STATUS, COL_TITLE, COL_TYPE, ReportTreeModel, TreeFilterProxy

FILTER_DELAY_MS = 200


class TreePanel(QWidget):
    """Filter box and tree; emits `current_changed(node_id or None)`."""

    current_changed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document = None
        self.model = ReportTreeModel(None, self)
        self.proxy = TreeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("ค้นหา (Ctrl+F): ชื่อ ตัวชี้วัด ผลการดำเนินงาน เลขข้อ …")
        self.filter.setClearButtonEnabled(True)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)  # a 2,000-item tree scrolls without measuring every row
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setAlternatingRowColors(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAccessibleName("โครงสร้างรายงาน")
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_TYPE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_TYPE, 64)
        header.resizeSection(COL_STATUS, 136)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(lambda _: self._filter_timer.start(FILTER_DELAY_MS))
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.proxy.rowsInserted.connect(self._expand_inserted)

    def set_document(self, document) -> None:
        if self.document is not None:
            self.document.structure_changed.disconnect(self._after_structure)
            self.document.report_switched.disconnect(self._after_switch)
        self.document = document
        self.model.set_document(document)
        if document is not None:
            document.structure_changed.connect(self._after_structure)
            document.report_switched.connect(self._after_switch)
        self._after_switch()

    def _after_switch(self) -> None:
        self.expand_headings()
        self.current_changed.emit(self.current_id())

    def expand_headings(self) -> None:
        """Show every heading open, items visible: the report as it prints."""
        self.view.expandAll()

    def _expand_inserted(self, parent, first: int, last: int) -> None:
        """A new or reinserted (undone delete) heading opens like the rest of the tree."""
        for row in range(first, last + 1):
            index = self.proxy.index(row, 0, parent)
            if self.proxy.hasChildren(index):
                self.view.expandRecursively(index)

    def _after_structure(self) -> None:
        # a removed current node leaves the form empty rather than pointing at nothing
        if self.current_id() is None:
            self.current_changed.emit(None)

    # -- filter --------------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        current = self.current_id()
        self.proxy.setFilterFixedString(self.filter.text().strip())
        self.view.expandAll()
        if current is not None:
            self.select_node(current, clear_filter=False)

    # -- selection -----------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous=None) -> None:
        self.current_changed.emit(self.current_id())

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        node_id = self.proxy.mapToSource(index).internalId()
        return node_id if self.document and self.document.node_by_id(node_id) is not None else None

    def current_node(self):
        node_id = self.current_id()
        return self.document.node_by_id(node_id) if node_id is not None else None

    def select_node(self, node_id: int | None, clear_filter: bool = True) -> bool:
        source = self.model.index_for_id(node_id)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            if clear_filter and node_id is not None and self.filter.text():  # hidden by the filter: clear it
                self.filter.clear()
                self._apply_filter()
                index = self.proxy.mapFromSource(self.model.index_for_id(node_id))
            if not index.isValid():
                return False
        parent = index.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)
        return True

    def select_first_item(self) -> bool:
        if self.document is None or self.document.report is None:
            return False
        first = next(self.document.report.items(), None)
        if first is None:
            return bool(self.document.report.tree) and self.select_node(self.document.report.tree[0].id)
        return self.select_node(first.id)

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()


def descendant_items(node) -> int:
    return sum(1 for _ in walk_items(node)) if isinstance(node, Heading) else 0


__all__ = ["TreePanel", "descendant_items", "Item"]
