"""Undo commands: one per user action, each calling only the document's store-backed primitives.

A command whose write fails marks itself obsolete, so QUndoStack drops it (on push, and on undo/redo)
instead of recording a change that never reached the file. Nodes are held as NodeRefs, whose ids follow a
subtree that an undo reinserted with new ids.
"""

from __future__ import annotations

import copy
import dataclasses

from PySide6.QtGui import QUndoCommand

from ..core.model import Heading

FIELD_LABELS = {
    "title": "ชื่อ",
    "item_type": "ประเภท",
    "indicator": "ตัวชี้วัด",
    "target": "เป้าหมาย",
    "result": "ผลการดำเนินงาน",
    "budget": "งบประมาณ",
    "approaches": "แนวทาง",
    "status": "สถานะ",
    "status_reason": "เหตุผลที่ดำเนินการไม่ได้",
    "note": "หมายเหตุ",
    "details": "รายละเอียด",
    "photos": "ภาพกิจกรรม",
}
REPORT_FIELD_LABELS = {
    "fiscal_year": "ปีงบประมาณ",
    "round": "รอบรายงาน",
    "plan_title": "ชื่อแผน",
    "intro": "บทนำ",
    "conclusion": "บทสรุป",
    "reporter": "ผู้รายงาน",
    "announcement": "ประกาศ",
    "papers": "เอกสารประกอบ",
}

MERGE_NODE_FIELD = 1001
MERGE_REPORT_FIELD = 1002
MERGE_ORGANIZATION = 1003


def _node_noun(node) -> str:
    return "หัวข้อ" if isinstance(node, Heading) else "โครงการ"


class _Command(QUndoCommand):
    def __init__(self, document, text: str):
        super().__init__(text)
        self.document = document

    def _failed(self) -> None:
        self.setObsolete(True)


class SetNodeFieldCommand(_Command):
    """Change one field of one node; consecutive edits of the same field merge into one entry."""

    def __init__(self, document, ref, field: str, old, new, merge=True, text: str | None = None):
        """`merge`: False never merges; otherwise edits merge while their `merge` keys are equal (True, or
        e.g. ("body", 2) so typing in one narrative block doesn't merge with another)."""
        node = document.node_by_id(ref.id)
        super().__init__(document, text or f"แก้ไข{FIELD_LABELS.get(field, field)}{_node_noun(node)}")
        self.ref, self.field = ref, field
        self.old, self.new = copy.deepcopy(old), copy.deepcopy(new)
        self.mergeable = merge

    def redo(self):
        if not self.document.apply_node_field(self.ref.id, self.field, self.new, self.text()):
            self._failed()

    def undo(self):
        if not self.document.apply_node_field(self.ref.id, self.field, self.old, f"เลิกทำ{self.text()}"):
            self._failed()

    def id(self):
        return MERGE_NODE_FIELD

    def mergeWith(self, other):
        if (
            not isinstance(other, SetNodeFieldCommand)
            or other.isObsolete()
            or self.mergeable is False
            or other.mergeable != self.mergeable
            or other.ref is not self.ref
            or other.field != self.field
        ):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)  # typed back to where it started: nothing to undo
        return True


class SetNodeFieldsCommand(_Command):
    """Several fields of one node changed together, in one write and one undo step (status with its reason)."""

    def __init__(self, document, ref, old: dict, new: dict, text: str):
        super().__init__(document, text)
        self.ref, self.old, self.new = ref, copy.deepcopy(old), copy.deepcopy(new)

    def redo(self):
        if not self.document.apply_node_fields(self.ref.id, self.new, self.text()):
            self._failed()

    def undo(self):
        if not self.document.apply_node_fields(self.ref.id, self.old, f"เลิกทำ{self.text()}"):
            self._failed()


def _changed_parts(old, new) -> tuple:
    """Which attributes of a dataclass value changed (conclusion.problems, …): typing in one text box of the
    conclusion must not merge with typing in another."""
    if dataclasses.is_dataclass(old) and dataclasses.is_dataclass(new):
        return tuple(f.name for f in dataclasses.fields(old) if getattr(old, f.name) != getattr(new, f.name))
    return ()


class SetReportFieldCommand(_Command):
    def __init__(self, document, field: str, old, new, text: str | None = None):
        super().__init__(document, text or f"แก้ไข{REPORT_FIELD_LABELS.get(field, field)}")
        self.field, self.old, self.new = field, copy.deepcopy(old), copy.deepcopy(new)
        self.parts = _changed_parts(old, new)

    def redo(self):
        if not self.document.apply_report_field(self.field, self.new, self.text()):
            self._failed()

    def undo(self):
        if not self.document.apply_report_field(self.field, self.old, f"เลิกทำ{self.text()}"):
            self._failed()

    def id(self):
        return MERGE_REPORT_FIELD

    def mergeWith(self, other):
        if (
            not isinstance(other, SetReportFieldCommand)
            or other.isObsolete()
            or other.field != self.field
            or other.parts != self.parts
        ):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True


class SetOrganizationCommand(_Command):
    def __init__(self, document, old, new):
        super().__init__(document, "แก้ไขข้อมูลหน่วยงาน")
        self.old, self.new = old, new

    def redo(self):
        if not self.document.apply_organization(self.new, self.text()):
            self._failed()

    def undo(self):
        if not self.document.apply_organization(self.old, f"เลิกทำ{self.text()}"):
            self._failed()

    def id(self):
        return MERGE_ORGANIZATION

    def mergeWith(self, other):
        if not isinstance(other, SetOrganizationCommand) or other.isObsolete():
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True


class InsertNodeCommand(_Command):
    """Insert a node with its subtree (a new heading/item, a duplicate, or a pasted subtree)."""

    def __init__(self, document, parent_ref, position: int, node, text: str | None = None):
        super().__init__(document, text or f"เพิ่ม{_node_noun(node)}")
        self.parent_ref, self.position = parent_ref, position
        self.node = copy.deepcopy(node)  # the subtree to (re)insert
        self.ref = None
        self.refs: list = []  # refs of the subtree, walk order, once inserted

    def redo(self):
        parent_id = self.parent_ref.id if self.parent_ref else None
        fresh = self.document.apply_insert(parent_id, self.position, self.node, self.text())
        if fresh is None:
            self._failed()
            return
        if self.refs:
            self.document._attach_refs(self.refs, fresh)
        else:
            self.ref = self.document.ref(fresh.id)
        self.node = None

    def undo(self):
        refs = self.document.subtree_refs(self.ref.id)
        removed = self.document.apply_delete(self.ref.id, f"เลิกทำ{self.text()}")
        if removed is None:
            self._failed()
            return
        self.refs = refs
        self.position = removed[1]
        self.node = removed[2]


class DeleteNodeCommand(_Command):
    """Delete a node with its subtree; undo reinserts the whole subtree (details included)."""

    def __init__(self, document, ref):
        node = document.node_by_id(ref.id)
        label = node.title.strip()
        label = label if len(label) <= 40 else label[:39] + "…"
        super().__init__(document, f"ลบ{_node_noun(node)} {label}".rstrip())
        self.ref = ref
        self.refs: list = []
        self.parent_ref = None
        self.position = 0
        self.node = None

    def redo(self):
        doc = self.document
        refs = doc.subtree_refs(self.ref.id)
        parent_ref = doc.ref(doc.parent_id(self.ref.id))
        removed = doc.apply_delete(self.ref.id, self.text())
        if removed is None:
            self._failed()
            return
        self.refs, self.parent_ref = refs, parent_ref
        _, self.position, self.node = removed

    def undo(self):
        parent_id = self.parent_ref.id if self.parent_ref else None
        fresh = self.document.apply_insert(parent_id, self.position, self.node, f"เลิกทำ{self.text()}")
        if fresh is None:
            self._failed()
            return
        self.document._attach_refs(self.refs, fresh)
        self.node = None


class MoveNodeCommand(_Command):
    """Move a node (with its subtree) to another place; undo moves it back."""

    def __init__(self, document, ref, new_parent_ref, new_position: int, text: str | None = None):
        node = document.node_by_id(ref.id)
        super().__init__(document, text or f"ย้าย{_node_noun(node)}")
        self.ref, self.new_parent_ref, self.new_position = ref, new_parent_ref, new_position
        self.old_parent_ref = None
        self.old_position = 0

    def redo(self):
        doc = self.document
        old_parent = doc.parent_id(self.ref.id)
        old_row = doc.row_of(self.ref.id)
        new_parent = self.new_parent_ref.id if self.new_parent_ref else None
        if not doc.apply_move(self.ref.id, new_parent, self.new_position, self.text()):
            self._failed()
            return
        self.old_parent_ref, self.old_position = doc.ref(old_parent), old_row

    def undo(self):
        old_parent = self.old_parent_ref.id if self.old_parent_ref else None
        if not self.document.apply_move(self.ref.id, old_parent, self.old_position, f"เลิกทำ{self.text()}"):
            self._failed()
