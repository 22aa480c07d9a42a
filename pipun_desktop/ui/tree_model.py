"""The report tree as a QAbstractItemModel: number and title, type, status; drag and drop moves nodes.

Indexes carry the node's store id (internalId), never a Python object, so a stale index can't reach a freed
node. Structure changes arrive as the document's fine-grained signals and become begin/end row calls; a
field edit becomes dataChanged for that one row (no reset while typing).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from ..core.model import ITEM_TYPE_LABELS, STATUS_LABELS, Heading, Item

MIME_TYPE = "application/x-pipun-node-ids"
COLUMNS = ("รายการ", "ประเภท", "สถานะ")
COL_TITLE, COL_TYPE, COL_STATUS = range(3)
NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2

STATUS_COLORS = {
    None: QColor("#9e9e9e"),
    "done": QColor("#2e7d32"),
    "in_progress": QColor("#1565c0"),
    "not_started": QColor("#ef6c00"),
    "not_possible": QColor("#c62828"),
}
TYPE_COLORS = {"project": QColor("#5e35b1"), "activity": QColor("#00897b"), "measure": QColor("#6d4c41")}
TYPE_LETTERS = {"project": "ค", "activity": "ก", "measure": "ม"}  # first consonant of each type's name
HEADING_COLOR = QColor("#37474f")

_icons: dict = {}

_F = Qt.ItemFlag
_ROOT_FLAGS = _F.ItemIsDropEnabled
_READ_ONLY_FLAGS = _F.ItemIsEnabled | _F.ItemIsSelectable
_READ_ONLY_ITEM_FLAGS = _READ_ONLY_FLAGS | _F.ItemNeverHasChildren
_HEADING_FLAGS = _READ_ONLY_FLAGS | _F.ItemIsDragEnabled | _F.ItemIsDropEnabled
_ITEM_FLAGS = _READ_ONLY_ITEM_FLAGS | _F.ItemIsDragEnabled


def _icon(key, color: QColor, letter: str = "", square: bool = False) -> QIcon:
    """A small coloured badge, drawn once (no image files to ship)."""
    icon = _icons.get(key)
    if icon is None:
        pm = QPixmap(32, 32)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        if square:
            p.drawRoundedRect(3, 3, 26, 26, 6, 6)
        else:
            p.drawEllipse(3, 3, 26, 26)
        if letter:
            f = QFont(p.font())
            f.setPixelSize(18)
            f.setBold(True)
            p.setFont(f)
            p.setPen(QColor("white"))
            p.drawText(pm.rect(), Qt.AlignmentFlag.AlignCenter, letter)
        p.end()
        icon = _icons[key] = QIcon(pm)
    return icon


def type_icon(item_type: str) -> QIcon:
    return _icon(
        ("type", item_type), TYPE_COLORS.get(item_type, HEADING_COLOR), TYPE_LETTERS.get(item_type, "")
    )


def status_icon(status: str | None) -> QIcon:
    return _icon(("status", status), STATUS_COLORS.get(status, STATUS_COLORS[None]))


def heading_icon() -> QIcon:
    return _icon("heading", HEADING_COLOR, "", square=True)


def search_text(number: str, node) -> str:
    """Everything a filter may match: number, title and (for an item) every text field and narrative."""
    parts = [number, node.title]
    if isinstance(node, Item):
        parts += [
            node.indicator,
            node.target,
            node.result,
            node.note,
            ITEM_TYPE_LABELS.get(node.item_type, ""),
            STATUS_LABELS.get(node.status, ""),
        ]
        for block in node.details:
            parts += [block.heading, block.body]
    return "\n".join(parts)


class ReportTreeModel(QAbstractItemModel):
    """Rows are nodes of the document's current report."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = None
        self._bold = QFont()
        self._bold.setBold(True)
        self.set_document(document)

    def set_document(self, document) -> None:
        self.beginResetModel()
        if self.document is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        self.document = document
        if document is not None:
            for signal, slot in self._connections():
                signal.connect(slot)
        self.endResetModel()

    def _connections(self):
        d = self.document
        return [
            (d.report_switched, self._reset),
            (d.node_changed, self._node_changed),
            (d.node_about_to_be_inserted, self._about_to_insert),
            (d.node_inserted, self._inserted),
            (d.node_about_to_be_removed, self._about_to_remove),
            (d.node_removed, self._removed),
            (d.node_about_to_be_moved, self._about_to_move),
            (d.node_moved, self._moved),
            (d.structure_changed, self._renumber),
        ]

    # -- index plumbing ------------------------------------------------------------------------
    def index_for_id(self, node_id: int | None, column: int = 0) -> QModelIndex:
        if node_id is None or self.document is None or self.document.node_by_id(node_id) is None:
            return QModelIndex()
        return self.createIndex(self.document.row_of(node_id), column, node_id)

    def node(self, index: QModelIndex):
        if not index.isValid() or self.document is None:
            return None
        return self.document.node_by_id(index.internalId())

    def node_id(self, index: QModelIndex) -> int | None:
        return index.internalId() if index.isValid() else None

    def index(self, row, column, parent=QModelIndex()):
        if self.document is None or column < 0 or column >= len(COLUMNS) or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self.document.children_of(self.node_id(parent))
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row].id)

    def parent(self, index=QModelIndex()):
        if not index.isValid() or self.document is None:
            return QModelIndex()
        parent_id = self.document.parent_id(index.internalId())
        return self.index_for_id(parent_id)

    def rowCount(self, parent=QModelIndex()):
        if self.document is None or (parent.isValid() and parent.column() != 0):
            return 0
        return len(self.document.children_of(self.node_id(parent)))

    def columnCount(self, parent=QModelIndex()):
        return len(COLUMNS)

    def hasChildren(self, parent=QModelIndex()):
        return self.rowCount(parent) > 0

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    # -- data ----------------------------------------------------------------------------------
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        node = self.node(index)
        if node is None:
            return None
        col = index.column()
        is_item = isinstance(node, Item)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_TITLE:
                number = self.document.number_of(node.id)
                return f"{number} {node.title}" if node.title else f"{number} (ยังไม่มีชื่อ)"
            if not is_item:
                return None
            if col == COL_TYPE:
                return ITEM_TYPE_LABELS.get(node.item_type, "")
            return STATUS_LABELS.get(node.status, "")
        if role == Qt.ItemDataRole.DecorationRole:
            if col == COL_TITLE:
                return type_icon(node.item_type) if is_item else heading_icon()
            if col == COL_STATUS and is_item:
                return status_icon(node.status)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_STATUS and is_item:
                return QBrush(STATUS_COLORS.get(node.status, STATUS_COLORS[None]))
            if col == COL_TITLE and not node.title:
                return QBrush(QColor("#9e9e9e"))
            return None
        if role == Qt.ItemDataRole.FontRole:
            if col == COL_TITLE and not is_item and self.document.parent_id(node.id) is None:
                return self._bold
            return None
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TITLE:
            number = self.document.number_of(node.id)
            return f"{number} {node.title}"
        if role == NODE_ID_ROLE:
            return node.id
        if role == SEARCH_ROLE:
            return search_text(self.document.number_of(node.id), node)
        return None

    def flags(self, index):
        # called for every row when the view lays out (expandAll on 2,000 items): no enum arithmetic here
        if not index.isValid():
            return _ROOT_FLAGS
        node = self.document.node_by_id(index.internalId()) if self.document is not None else None
        editable = self.document is not None and not self.document.read_only
        if isinstance(node, Heading):
            return _HEADING_FLAGS if editable else _READ_ONLY_FLAGS
        return _ITEM_FLAGS if editable else _READ_ONLY_ITEM_FLAGS

    # -- document signals ----------------------------------------------------------------------
    def _reset(self):
        self.beginResetModel()
        self.endResetModel()

    def _node_changed(self, node_id: int):
        if self.document.node_by_id(node_id) is None:
            return
        self.dataChanged.emit(self.index_for_id(node_id, 0), self.index_for_id(node_id, len(COLUMNS) - 1))

    def _about_to_insert(self, parent_id, row):
        self.beginInsertRows(self.index_for_id(parent_id), row, row)

    def _inserted(self, parent_id, row):
        self.endInsertRows()

    def _about_to_remove(self, parent_id, row):
        self.beginRemoveRows(self.index_for_id(parent_id), row, row)

    def _removed(self, parent_id, row):
        self.endRemoveRows()

    def _about_to_move(self, src_parent, src_row, dst_parent, dst_row):
        ok = self.beginMoveRows(
            self.index_for_id(src_parent), src_row, src_row, self.index_for_id(dst_parent), dst_row
        )
        self._moving = ok
        if not ok:  # Qt refuses some no-op shapes; fall back to a layout change
            self.layoutAboutToBeChanged.emit()
            self._persistent = [(i, i.internalId(), i.column()) for i in self.persistentIndexList()]

    def _moved(self, *args):
        if self._moving:
            self.endMoveRows()
        else:
            for old, node_id, col in self._persistent:
                self.changePersistentIndex(old, self.index_for_id(node_id, col))
            self.layoutChanged.emit()

    def _renumber(self):
        """Numbers follow position: repaint the number column of every top-level row (and what is below)."""
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(
                self.index(0, COL_TITLE), self.index(rows - 1, COL_TITLE), [Qt.ItemDataRole.DisplayRole]
            )

    # -- drag and drop -------------------------------------------------------------------------
    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [MIME_TYPE]

    def mimeData(self, indexes):
        ids = []
        for index in indexes:
            if index.isValid() and index.column() == 0 and index.internalId() not in ids:
                ids.append(index.internalId())
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(",".join(map(str, ids)).encode()))
        return mime

    def _drop_target(self, data, row, parent):
        """(node ids, parent id, row) of a drop, or None when it isn't one we accept."""
        if self.document is None or self.document.read_only or not data.hasFormat(MIME_TYPE):
            return None
        try:
            ids = [int(x) for x in bytes(data.data(MIME_TYPE).data()).decode().split(",") if x]
        except ValueError:
            return None
        parent_id = self.node_id(parent) if parent.isValid() else None
        if parent.isValid() and parent.column() != 0:
            parent_id = self.node_id(parent.siblingAtColumn(0))
        nodes = [self.document.node_by_id(i) for i in ids]
        if not ids or any(n is None for n in nodes):
            return None
        for node in nodes:
            if not self.document.can_hold(parent_id, node):
                return None
            if parent_id is not None and self.document.is_ancestor(node.id, parent_id):
                return None
        if row < 0:
            row = self.rowCount(parent)
        return ids, parent_id, row

    def canDropMimeData(self, data, action, row, column, parent):
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent):
        """Move the dragged node to the drop place. Returns False so the view never removes the source
        rows itself: the move already happened, as one undoable command."""
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        ids, parent_id, row = target
        node_id = ids[0]
        # `row` counts the rows before the node leaves: convert to the store's "after removal" position
        if self.document.parent_id(node_id) == parent_id and self.document.row_of(node_id) < row:
            row -= 1
        self.document.move_node(node_id, parent_id, row, text="ย้ายด้วยการลาก")
        return False


class TreeFilterProxy(QSortFilterProxyModel):
    """Finds nodes by any of their text; ancestors of a match stay visible."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterKeyColumn(COL_TITLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
