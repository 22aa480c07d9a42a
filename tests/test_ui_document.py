"""ReportDocument and its undo commands: every edit reaches the file at once, undo/redo, failed writes."""

import sqlite3

import pytest

pytest.importorskip("PySide6")


from pipun_desktop.core.model import Budget, DetailBlock, Heading, Item  # noqa: E402
from pipun_desktop.storage.store import ReportStore, StorageError  # noqa: E402
from pipun_desktop.ui.document import ReportDocument  # noqa: E402


@pytest.fixture
def data_file(sample_data_file):
    return sample_data_file  # conftest.py: the sample report in tmp_path/sample.pipun


@pytest.fixture
def doc(qapp, data_file):
    d = ReportDocument.open(data_file)
    yield d
    d.close()


def on_disk(path, report_id):
    with ReportStore.open(path, read_only=True) as store:
        return store.load_report(report_id)


def first_item(doc):
    return next(doc.report.items())


def test_field_edit_is_on_disk_and_undoable(doc, data_file):
    item = first_item(doc)
    old = item.title
    assert doc.set_node_field(item.id, "title", "ชื่อใหม่")
    assert on_disk(data_file, doc.report.id) == doc.report
    assert doc.undo_stack.undoText() == "แก้ไขชื่อโครงการ"
    doc.undo_stack.undo()
    assert item.title == old
    assert on_disk(data_file, doc.report.id) == doc.report
    doc.undo_stack.redo()
    assert item.title == "ชื่อใหม่"


def test_typing_merges_into_one_undo_entry(doc):
    item = first_item(doc)
    old = item.result
    for text in ("ผ", "ผล", "ผลง", "ผลงาน"):
        doc.set_node_field(item.id, "result", text)
    assert doc.undo_stack.count() == 1
    doc.set_node_field(item.id, "note", "x")  # another field: a new entry
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert item.result == old


def test_signals(doc, qtbot):
    item = first_item(doc)
    with qtbot.waitSignals([doc.node_changed, doc.report_changed]):
        doc.set_node_field(item.id, "budget", Budget(None, 100_00, None))
    with qtbot.waitSignals([doc.structure_changed, doc.report_changed]):
        doc.insert_node(doc.report.tree[0].id, 0, Item(title="ใหม่"))


def test_delete_undo_reinserts_subtree_with_details_and_later_commands_follow(doc, data_file):
    dim = doc.report.tree[0]
    item = next(dim.children[0].children[0].children.__iter__())
    doc.set_node_field(item.id, "note", "ก่อนลบ")  # a command holding the old id
    before = on_disk(data_file, doc.report.id)
    doc.delete_node(dim.id)
    assert len(doc.report.tree) == 3
    doc.undo_stack.undo()  # reinserted with new ids
    after = on_disk(data_file, doc.report.id)
    assert len(after.tree) == 4 and after.tree[0].title == before.tree[0].title
    moved = after.tree[0].children[0].children[0].children[0]
    assert moved.details and moved.details == item.details
    doc.undo_stack.undo()  # the note edit follows the node to its new id
    assert doc.report.tree[0].children[0].children[0].children[0].note == ""
    assert on_disk(data_file, doc.report.id) == doc.report
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert len(on_disk(data_file, doc.report.id).tree) == 3


def test_insert_move_undo_redo_round_trip(doc, data_file):
    original = on_disk(data_file, doc.report.id)
    tree = doc.report.tree
    new_id = doc.insert_node(tree[1].id, 0, Heading("หัวข้อใหม่", [Item(title="ก"), Item(title="ข")]))
    child = doc.node_by_id(new_id).children[1]
    doc.set_node_field(child.id, "title", "ข2")
    doc.move_node(child.id, tree[0].id, 0)
    doc.move_node(tree[3].id, None, 0)
    assert doc.number_of(child.id) == "๒.๑"
    doc.delete_node(new_id)
    assert on_disk(data_file, doc.report.id) == doc.report
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert on_disk(data_file, doc.report.id) == original
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    assert on_disk(data_file, doc.report.id) == doc.report
    assert doc.report.tree[1].children[0].title == "ข2"


def test_refused_structures(doc):
    assert doc.insert_node(None, 0, Item()) is None
    assert doc.last_failure is not None
    item = first_item(doc)
    assert not doc.move_node(doc.report.tree[0].id, doc.report.tree[0].children[0].id, 0)
    assert not doc.move_node(item.id, None, 0)
    assert doc.undo_stack.count() == 0


def test_failed_write_keeps_model_and_file(doc, data_file, monkeypatch, qtbot):
    item = first_item(doc)
    old = item.title

    def broken(*a, **k):  # what the store raises when SQLite reports a full disk (storage turns it to Thai)
        from pipun_desktop.storage.opening import write_error

        raise write_error(sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(doc.store, "update_node", broken)
    with qtbot.waitSignal(doc.write_failed) as blocker:
        assert not doc.set_node_field(item.id, "title", "จะไม่ถูกบันทึก")
    assert "พื้นที่ดิสก์เต็ม" in blocker.args[0]
    assert item.title == old
    assert doc.undo_stack.count() == 0
    assert on_disk(data_file, doc.report.id).tree == doc.report.tree
    monkeypatch.setattr(doc.store, "delete_node", lambda *a: (_ for _ in ()).throw(StorageError("ล็อก")))
    assert not doc.delete_node(item.id)
    assert doc.node_by_id(item.id) is item


def test_report_and_organization_fields(doc, data_file):
    import dataclasses

    doc.set_report_field("plan_title", "แผนใหม่")
    doc.set_report_field("conclusion", dataclasses.replace(doc.report.conclusion, problems="ปัญหา"))
    org = dataclasses.replace(doc.organization, district="อำเภอใหม่")
    doc.set_organization(org)
    assert on_disk(data_file, doc.report.id) == doc.report
    with ReportStore.open(data_file, read_only=True) as store:
        assert store.organization() == org
    doc.undo_stack.undo()
    assert doc.organization.district == "พิปูน"


def test_details_edit(doc, data_file):
    item = first_item(doc)
    details = item.details + [DetailBlock("ระยะเวลาดำเนินการ", "ต.ค. – มี.ค.")]
    doc.set_node_field(item.id, "details", details, merge=False)
    assert on_disk(data_file, doc.report.id) == doc.report
    doc.undo_stack.undo()
    assert on_disk(data_file, doc.report.id).tree == doc.report.tree
    assert item.details[-1].heading != "ระยะเวลาดำเนินการ"


def test_failed_undo_keeps_model_and_file_consistent(doc, data_file, monkeypatch):
    item = first_item(doc)
    doc.set_node_field(item.id, "title", "แก้แล้ว")
    doc.delete_node(doc.report.tree[3].id)
    real_update, real_insert = doc.store.update_node, doc.store.insert_node

    def broken(*a, **k):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(doc.store, "insert_node", broken)
    doc.undo_stack.undo()  # reinserting fails: the delete stays, the entry is dropped
    assert len(doc.report.tree) == 3 and doc.last_failure is not None
    assert on_disk(data_file, doc.report.id) == doc.report
    monkeypatch.setattr(doc.store, "insert_node", real_insert)
    monkeypatch.setattr(doc.store, "update_node", broken)
    doc.undo_stack.undo()
    assert item.title == "แก้แล้ว" and on_disk(data_file, doc.report.id) == doc.report
    monkeypatch.setattr(doc.store, "update_node", real_update)
    assert doc.set_node_field(item.id, "title", "อีกครั้ง")
    assert on_disk(data_file, doc.report.id) == doc.report


def test_report_field_typing_merges_per_text_box(doc):
    import dataclasses

    c = doc.report.conclusion
    for text in ("ป", "ปั", "ปัญหา"):
        doc.set_report_field("conclusion", dataclasses.replace(doc.report.conclusion, problems=text))
    assert doc.undo_stack.count() == 1
    doc.set_report_field("conclusion", dataclasses.replace(doc.report.conclusion, suggestions="ข้อเสนอ"))
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.report.conclusion == c
