"""The open report: its data file, the loaded report (core model objects) and the undo stack.

Every edit goes through a QUndoCommand (ui.commands) that writes through the store at once, then updates the
in-memory model and emits signals. The model is only changed after the store accepted the write, so a failed
write leaves the model and the file as they were; `handle_write_error` is the one place write errors land.

Nodes are addressed by their store id. Ids change when an undo reinserts a deleted subtree, so commands hold
`NodeRef`s (shared, mutable holders of a node's current id) rather than bare ids.
"""

from __future__ import annotations

import copy
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..core import rules
from ..core.model import Heading, Item, Node, Organization, Report, walk
from ..core.numbering import number_for
from ..storage.store import ReportStore, StorageError

# storage turns SQLite's errors into StorageError with a Thai message; sqlite3.Error stays here only so a
# missed one is still reported in Thai instead of escaping into Qt
WRITE_ERRORS = (StorageError, sqlite3.Error, OSError)


class NodeRef:
    """The current id of one node, kept right across delete/undo (which gives the node a new id)."""

    __slots__ = ("id",)

    def __init__(self, node_id: int):
        self.id = node_id

    def __repr__(self) -> str:
        return f"NodeRef({self.id})"


@dataclass
class WriteFailure:
    action: str
    message: str


class ReportDocument(QObject):
    """The open data file and its current report; see the module docstring."""

    report_changed = Signal()  # anything changed (panels refresh on it)
    node_changed = Signal(int)  # a field of one node (its id)
    structure_changed = Signal()  # insert/delete/move: numbers change
    report_switched = Signal()  # another report or file loaded
    write_failed = Signal(str)  # a Thai message: the edit was not stored
    # fine-grained structure signals for the tree model: (parent id or None, row)
    node_about_to_be_inserted = Signal(object, int)
    node_inserted = Signal(object, int)
    node_about_to_be_removed = Signal(object, int)
    node_removed = Signal(object, int)
    # (source parent, source row, destination parent, destination row counted before removal, as beginMoveRows)
    node_about_to_be_moved = Signal(object, int, object, int)
    node_moved = Signal(object, int, object, int)

    def __init__(self, store: ReportStore, report_id: int | None = None, digits: str = "thai", parent=None):
        super().__init__(parent)
        self.store = store
        self.digits = digits
        self.undo_stack = QUndoStack(self)
        self.organization: Organization = store.organization()
        self.report: Report | None = None
        self.last_failure: WriteFailure | None = None
        self._nodes: dict[int, Node] = {}
        self._parent: dict[int, int | None] = {}
        self._row: dict[int, int] = {}
        self._numbers: dict[int, str] | None = None
        self._refs: dict[int, NodeRef] = {}
        infos = store.reports()
        if report_id is None and infos:
            report_id = infos[0].id
        if report_id is not None:
            self._load(report_id)

    # -- opening and switching -----------------------------------------------------------------
    @classmethod
    def open(
        cls, path, read_only: bool = False, digits: str = "thai", parent=None, take_over: str = ""
    ) -> ReportDocument:
        store = ReportStore.open(Path(path), read_only=read_only, take_over=take_over)
        try:
            return cls(store, digits=digits, parent=parent)
        except BaseException:
            store.close()  # a file that opened but does not load: its edit lock is released at once
            raise

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def read_only(self) -> bool:
        return bool(self.store.read_only)

    def reports(self):
        """The file's reports (ReportInfo: id, fiscal_year, round), by year and round."""
        return self.store.reports()

    def _load(self, report_id: int) -> None:
        self.report = self.store.load_report(report_id)
        self._refs.clear()
        self._reindex()
        self._numbers = None

    def switch_report(self, report_id: int) -> bool:
        """Load another report of the same file; undo history belongs to one report and is cleared. A report the
        file holds bad values in (storage/values.py) is not shown: the user is told which, the current one stays."""
        try:
            report = self.store.load_report(report_id)
        except StorageError as exc:
            self._refuse(str(exc))
            return False
        self.undo_stack.clear()
        self.report = report
        self._refs.clear()
        self._reindex()
        self._numbers = None
        self.report_switched.emit()
        self.report_changed.emit()
        return True

    def reload(self) -> None:
        """Re-read the current report from the file (after an outside change such as a new round)."""
        self.organization = self.store.organization()
        if self.report is not None:
            self.switch_report(self.report.id)

    def set_digits(self, digits: str) -> None:
        """Thai (๑, ๒) or Arabic (1, 2) digits in numbers shown and printed; views repaint."""
        if digits != self.digits:
            self.digits = digits
            self._numbers = None
            self.structure_changed.emit()
            self.report_changed.emit()

    def close(self) -> None:
        """Close the file (the store backs up and releases its lock); safe to call twice."""
        self.undo_stack.clear()
        self.store.close()

    # -- the tree index ------------------------------------------------------------------------
    def _reindex(self) -> None:
        nodes, parents, rows = {}, {}, {}

        def visit(children, parent_id):
            for row, node in enumerate(children):
                nodes[node.id] = node
                parents[node.id] = parent_id
                rows[node.id] = row
                if isinstance(node, Heading):
                    visit(node.children, node.id)

        visit(self.report.tree if self.report else [], None)
        self._nodes, self._parent, self._row = nodes, parents, rows
        # numbers stay as they were until _structure_done: views hear of renumbering through dataChanged
        # refs of nodes no longer in the tree belong to the commands that removed them
        for node_id in [i for i in self._refs if i not in nodes]:
            del self._refs[node_id]

    def node_by_id(self, node_id: int) -> Node | None:
        return self._nodes.get(node_id)

    def parent_id(self, node_id: int) -> int | None:
        return self._parent[node_id]

    def row_of(self, node_id: int) -> int:
        return self._row[node_id]

    def children_of(self, parent_id: int | None) -> list[Node]:
        if parent_id is None:
            return self.report.tree if self.report else []
        node = self._nodes.get(parent_id)
        return node.children if isinstance(node, Heading) else []

    def number_of(self, node_id: int) -> str:
        """The node's printed number ("มิติที่ ๑", "๑.๑.๑ (๒)"), cached until the structure changes."""
        if self._numbers is None:
            self._numbers = {}
        number = self._numbers.get(node_id)
        if number is None:
            path = []
            nid = node_id
            while nid is not None:
                path.append(self._row[nid] + 1)
                nid = self._parent[nid]
            number = number_for(tuple(reversed(path)), isinstance(self._nodes[node_id], Item), self.digits)
            self._numbers[node_id] = number
        return number

    def ref(self, node_id: int | None) -> NodeRef | None:
        """The shared reference of a live node (None stays None: the top level)."""
        if node_id is None:
            return None
        ref = self._refs.get(node_id)
        if ref is None:
            if node_id not in self._nodes:
                raise KeyError(node_id)
            ref = self._refs[node_id] = NodeRef(node_id)
        return ref

    def node_of(self, ref: NodeRef | None) -> Node | None:
        """The live node `ref` stands for, or None: a deleted node's ref answers None even after SQLite gave
        its id to a new node (a form holding it must never take the new node for its own)."""
        if ref is None or self._refs.get(ref.id) is not ref:
            return None
        return self._nodes.get(ref.id)

    def subtree_refs(self, node_id: int) -> list[NodeRef]:
        """Refs of a node and its descendants in walk order."""
        return [self.ref(n.id) for n in walk([self._nodes[node_id]])]

    def _attach_refs(self, refs: list[NodeRef], node: Node) -> None:
        """Point refs (in walk order) at the ids a reinserted subtree got."""
        for ref, n in zip(refs, walk([node]), strict=False):
            ref.id = n.id
            self._refs[n.id] = ref

    def can_hold(self, parent_id: int | None, node: Node) -> bool:
        """core.rules.can_hold for a parent of this report (None: the top level)."""
        parent = None if parent_id is None else self._nodes.get(parent_id)
        if parent_id is not None and parent is None:
            return False
        return rules.can_hold(parent, node)

    def depth_of(self, node_id: int) -> int:
        """How many headings hold the node (0: the top level)."""
        depth, parent = 0, self._parent[node_id]
        while parent is not None:
            depth, parent = depth + 1, self._parent[parent]
        return depth

    def is_ancestor(self, ancestor_id: int, node_id: int | None) -> bool:
        while node_id is not None:
            if node_id == ancestor_id:
                return True
            node_id = self._parent.get(node_id)
        return False

    # -- public edits: one undo command each ---------------------------------------------------
    def set_node_field(self, node_id: int, field: str, value, merge=True, text: str | None = None) -> bool:
        """Change one field of a node (names as ReportStore.update_node); False when it was not stored."""
        from .commands import SetNodeFieldCommand

        node = self._nodes.get(node_id)
        if node is None or getattr(node, field) == value:
            return node is not None
        return self._push(
            SetNodeFieldCommand(
                self, self.ref(node_id), field, getattr(node, field), value, merge=merge, text=text
            )
        )

    def set_report_field(self, field: str, value, text: str | None = None) -> bool:
        from .commands import SetReportFieldCommand

        old = getattr(self.report, field)
        if old == value:
            return True
        return self._push(SetReportFieldCommand(self, field, old, value, text=text))

    def set_organization(self, org: Organization) -> bool:
        from .commands import SetOrganizationCommand

        if org == self.organization:
            return True
        return self._push(SetOrganizationCommand(self, copy.deepcopy(self.organization), copy.deepcopy(org)))

    def insert_node(
        self, parent_id: int | None, position: int, node: Node, text: str | None = None
    ) -> int | None:
        """Insert a copy of `node` (with its subtree); returns the new node's id, None when refused."""
        from .commands import InsertNodeCommand

        if not self.can_hold(parent_id, node):
            self._refuse(rules.PLACEMENT_MESSAGE)
            return None
        cmd = InsertNodeCommand(self, self.ref(parent_id), position, node, text=text)
        return cmd.ref.id if self._push(cmd) and cmd.ref else None

    def delete_node(self, node_id: int) -> bool:
        from .commands import DeleteNodeCommand

        if node_id not in self._nodes:
            return False
        return self._push(DeleteNodeCommand(self, self.ref(node_id)))

    def move_node(
        self, node_id: int, new_parent_id: int | None, new_position: int, text: str | None = None
    ) -> bool:
        """Move a node to child `new_position` of `new_parent_id`, counted after its removal (as the store)."""
        from .commands import MoveNodeCommand

        node = self._nodes.get(node_id)
        if node is None:
            return False
        if not self.can_hold(new_parent_id, node):
            self._refuse(rules.MOVE_MESSAGE)
            return False
        if new_parent_id is not None and self.is_ancestor(node_id, new_parent_id):
            self._refuse(rules.UNDER_ITSELF_MESSAGE)
            return False
        siblings = len(self.children_of(new_parent_id)) - (self._parent[node_id] == new_parent_id)
        new_position = max(0, min(new_position, siblings))
        if self._parent[node_id] == new_parent_id and self._row[node_id] == new_position:
            return True  # nowhere to go
        return self._push(
            MoveNodeCommand(self, self.ref(node_id), self.ref(new_parent_id), new_position, text=text)
        )

    def duplicate_node(self, node_id: int) -> int | None:
        node = self._nodes.get(node_id)
        if node is None:
            return None
        return self.insert_node(self._parent[node_id], self._row[node_id] + 1, node, text="ทำสำเนา")

    def add_item(self, near_id: int | None, beside_heading: bool = False) -> int | None:
        """A new item: at the end of the heading `near_id` (or just after it, `beside_heading`), just after the
        item `near_id`, or at the end of the last dimension when nothing is selected."""
        if self.report is None:
            return None
        node = self._nodes.get(near_id) if near_id is not None else None
        if node is None:
            if not self.report.tree:
                self._refuse("รายงานยังไม่มีมิติ เพิ่มหัวข้อ (มิติ) ก่อน แล้วจึงเพิ่มโครงการใต้หัวข้อนั้น")
                return None
            node = self.report.tree[-1]
        if isinstance(node, Heading) and not beside_heading:
            parent_id, position = node.id, len(node.children)
        else:
            parent_id, position = self._parent[node.id], self._row[node.id] + 1
        return self.insert_node(parent_id, position, Item(), text="เพิ่มโครงการ")

    def add_heading(self, near_id: int | None, child: bool = False) -> int | None:
        """A new heading: just after `near_id`, as the last child of the heading `near_id` (`child`), or a new
        last dimension when nothing is selected."""
        if self.report is None:
            return None
        node = self._nodes.get(near_id) if near_id is not None else None
        if node is None:
            parent_id, position = None, len(self.report.tree)
        elif child and isinstance(node, Heading):
            parent_id, position = node.id, len(node.children)
        else:
            parent_id, position = self._parent[node.id], self._row[node.id] + 1
        return self.insert_node(parent_id, position, Heading(), text="เพิ่มหัวข้อ")

    def move_by(self, node_id: int, delta: int) -> bool:
        """Up (-1) or down (+1) among its siblings; False when it cannot go further or was not stored."""
        if node_id not in self._nodes:
            return False
        parent_id = self._parent[node_id]
        row = self._row[node_id] + delta
        if not 0 <= row < len(self.children_of(parent_id)):
            return False
        return self.move_node(node_id, parent_id, row, text="เลื่อนขึ้น" if delta < 0 else "เลื่อนลง")

    def indent(self, node_id: int) -> bool:
        """The node becomes the last child of the heading just above it (core.rules.indent_target)."""
        if node_id not in self._nodes:
            return False
        above = rules.indent_target(self.children_of(self._parent[node_id]), self._row[node_id])
        if above is None:
            self._refuse(rules.INDENT_MESSAGE)
            return False
        return self.move_node(node_id, above.id, len(above.children), text="ย่อหน้าเข้า")

    def outdent(self, node_id: int) -> bool:
        """The node moves out of its heading, just after it (core.rules.can_outdent)."""
        node = self._nodes.get(node_id)
        if node is None:
            return False
        if not rules.can_outdent(node, self.depth_of(node_id)):
            self._refuse(rules.OUTDENT_MESSAGE)
            return False
        parent_id = self._parent[node_id]
        return self.move_node(node_id, self._parent[parent_id], self._row[parent_id] + 1, text="ย่อหน้าออก")

    def set_status(self, node_id: int, status: str | None) -> bool:
        """An item's status with its reason, as one undo step and one write: a reason belongs to "not
        possible" only (core.rules.status_with_reason)."""
        from .commands import SetNodeFieldsCommand

        node = self._nodes.get(node_id)
        if not isinstance(node, Item):
            return False
        status, reason = rules.status_with_reason(status, node.status_reason)
        new = {"status": status, "status_reason": reason}
        old = {"status": node.status, "status_reason": node.status_reason}
        if new == old:
            return True
        return self._push(SetNodeFieldsCommand(self, self.ref(node_id), old, new, text="แก้ไขสถานะโครงการ"))

    # -- reports of the file --------------------------------------------------------------------
    def add_reports(self, reports: list[Report], action: str) -> bool:
        """Add whole reports to the file (a new round, an empty report, an import) and show the first; a year
        and round the file already has (core.rules.year_round_clash) refuses them all, said in Thai."""
        existing = [(i.fiscal_year, i.round, i.id) for i in self.reports()]
        for report in reports:
            if clash := rules.year_round_clash(existing, report.fiscal_year, report.round):
                self._refuse(clash)
                return False
            existing.append((report.fiscal_year, report.round, None))
        ids: list[int] = []
        ok = True
        for report in reports:  # each in its own transaction, a backup taken first (ReportStore.add_report)
            try:
                ids.append(self.store.add_report(report))
            except WRITE_ERRORS as exc:
                self.handle_write_error(exc, action)
                ok = False
                break
        if ids:
            self.switch_report(ids[0])
        return ok

    # -- write errors --------------------------------------------------------------------------
    def handle_write_error(self, exc: BaseException, action: str) -> None:
        """The one place a failed write lands: tell the user in Thai; the model was not changed."""
        if isinstance(exc, StorageError):
            detail = str(exc)  # storage's own Thai message (storage.opening.write_error)
        elif isinstance(exc, sqlite3.Error):
            detail = f"ไฟล์ข้อมูลมีปัญหา ({exc})"
        elif isinstance(exc, OSError):
            detail = exc.strerror or str(exc)
        else:
            detail = str(exc)
        message = f"บันทึก “{action}” ไม่ได้: {detail}\nข้อมูลในไฟล์ยังเป็นค่าเดิม ข้อความที่พิมพ์ไว้ยังอยู่ในช่อง"
        self.last_failure = WriteFailure(action, message)
        self.write_failed.emit(message)

    def _refuse(self, message: str) -> None:
        self.last_failure = WriteFailure("", message)
        self.write_failed.emit(message)

    def _push(self, cmd) -> bool:
        self.last_failure = None
        self.undo_stack.push(cmd)  # runs cmd.redo(); a failed command makes itself obsolete and is dropped
        return self.last_failure is None

    def _write(self, action: str, fn, *args, **kwargs):
        """Run one store call; on failure report it and return the `_FAILED` marker."""
        try:
            return fn(*args, **kwargs)
        except WRITE_ERRORS as exc:
            self.handle_write_error(exc, action)
            return _FAILED

    # -- primitive operations (store first, then model, then signals); used by the commands ----
    def apply_node_field(self, node_id: int, field: str, value, action: str) -> bool:
        if self._write(action, self.store.update_node, node_id, **{field: value}) is _FAILED:
            return False
        setattr(self._nodes[node_id], field, copy.deepcopy(value))
        self.node_changed.emit(node_id)
        self.report_changed.emit()
        return True

    def apply_node_fields(self, node_id: int, values: dict, action: str) -> bool:
        """Several fields of one node in one write (status with its reason)."""
        if self._write(action, self.store.update_node, node_id, **values) is _FAILED:
            return False
        node = self._nodes[node_id]
        for field, value in values.items():
            setattr(node, field, copy.deepcopy(value))
        self.node_changed.emit(node_id)
        self.report_changed.emit()
        return True

    def apply_report_field(self, field: str, value, action: str) -> bool:
        if self._write(action, self.store.update_report, self.report.id, **{field: value}) is _FAILED:
            return False
        setattr(self.report, field, copy.deepcopy(value))
        if field in ("fiscal_year", "round"):
            self._numbers = None
        self.report_changed.emit()
        return True

    def apply_organization(self, org: Organization, action: str) -> bool:
        if self._write(action, self.store.set_organization, org) is _FAILED:
            return False
        self.organization = copy.deepcopy(org)
        self.report_changed.emit()
        return True

    def apply_insert(self, parent_id: int | None, position: int, node: Node, action: str) -> Node | None:
        """Insert a fresh copy of `node`; returns the copy (with its new ids) or None."""
        fresh = copy.deepcopy(node)
        for n in walk([fresh]):
            n.id = None
        siblings = self.children_of(parent_id)
        position = max(0, min(position, len(siblings)))
        if self._write(action, self.store.insert_node, self.report.id, parent_id, position, fresh) is _FAILED:
            return None
        self.node_about_to_be_inserted.emit(parent_id, position)
        siblings.insert(position, fresh)
        self._reindex()
        self.node_inserted.emit(parent_id, position)
        self._structure_done()
        return fresh

    def apply_delete(self, node_id: int, action: str) -> tuple[int | None, int, Node] | None:
        """Delete a node; returns (parent id, row, the removed subtree) or None."""
        if self._write(action, self.store.delete_node, node_id, self._nodes[node_id]) is _FAILED:
            return None
        parent_id, row = self._parent[node_id], self._row[node_id]
        self.node_about_to_be_removed.emit(parent_id, row)
        node = self.children_of(parent_id).pop(row)
        self._reindex()
        self.node_removed.emit(parent_id, row)
        self._structure_done()
        return parent_id, row, node

    def apply_move(self, node_id: int, new_parent_id: int | None, new_position: int, action: str) -> bool:
        old_parent, old_row = self._parent[node_id], self._row[node_id]
        if self._write(action, self.store.move_node, node_id, new_parent_id, new_position) is _FAILED:
            return False
        dest = new_position + 1 if (new_parent_id == old_parent and new_position > old_row) else new_position
        self.node_about_to_be_moved.emit(old_parent, old_row, new_parent_id, dest)
        node = self.children_of(old_parent).pop(old_row)
        self.children_of(new_parent_id).insert(new_position, node)
        self._reindex()
        self.node_moved.emit(old_parent, old_row, new_parent_id, dest)
        self._structure_done()
        return True

    def _structure_done(self) -> None:
        self._numbers = None
        self.structure_changed.emit()
        self.report_changed.emit()


_FAILED = object()
