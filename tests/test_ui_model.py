"""The tree model keeps Qt's model contract (pytest-qt's qtmodeltester) through edits, moves and undo."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from pipun_desktop.core.model import Heading, Item  # noqa: E402
from pipun_desktop.ui.document import ReportDocument  # noqa: E402
from pipun_desktop.ui.tree_model import COL_STATUS, NODE_ID_ROLE, ReportTreeModel, TreeFilterProxy  # noqa: E402


@pytest.fixture
def doc(qapp, sample_data_file):
    d = ReportDocument.open(sample_data_file)
    yield d
    d.close()


def test_model_passes_qtmodeltester_through_edits(qtmodeltester, doc):
    model = ReportTreeModel(doc)
    qtmodeltester.check(model, force_py=True)
    proxy = TreeFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    tree = doc.report.tree
    item = next(doc.report.items())
    doc.set_node_field(item.id, "status", "not_possible")
    new = doc.insert_node(tree[0].id, 1, Heading("ใหม่", [Item(title="ก")]))
    doc.move_node(item.id, new, 0)
    doc.move_node(tree[0].id, None, 3)
    doc.move_node(tree[3].id, None, 0)
    doc.delete_node(tree[1].id)
    proxy.setFilterFixedString("ธรรมาภิบาล")
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    proxy.setFilterFixedString("")
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    doc.switch_report(doc.report.id)
    qtmodeltester.check(model, force_py=True)


def test_rows_show_numbers_type_and_status(doc):
    model = ReportTreeModel(doc)
    dim = model.index(0, 0)
    assert model.data(dim).startswith("มิติที่ ๑ ")
    sub = model.index(0, 0, model.index(0, 0, dim))
    first = model.index(0, 0, sub)
    assert model.data(first).startswith("๑.๑.๑ (๑) ")
    assert model.data(first.siblingAtColumn(1)) == "โครงการ"
    assert model.data(first.siblingAtColumn(COL_STATUS)) == "ดำเนินการแล้ว"
    assert model.data(first, Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(first, NODE_ID_ROLE) == next(doc.report.items()).id
    assert model.flags(first) & Qt.ItemFlag.ItemNeverHasChildren


def test_typing_emits_datachanged_for_one_row_not_a_reset(doc, qtbot):
    model = ReportTreeModel(doc)
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, roles: changes.append((a.internalId(), b.internalId())))
    item = next(doc.report.items())
    for text in ("ก", "กข", "กขค"):
        doc.set_node_field(item.id, "title", text)
    assert not resets
    assert changes == [(item.id, item.id)] * 3
