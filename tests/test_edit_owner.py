"""Edits have one owner, the document (ui/document.py), and rules one home (core/rules.py): status with its
reason in one write and one undo step; insert, indent, outdent and moves placed by the document; reports added
(new round, empty report, import) through the document with the year/round rule."""

import pytest

pytest.importorskip("PySide6")

from pipun_desktop.core import rules  # noqa: E402
from pipun_desktop.core.model import Heading, Item, Report, walk  # noqa: E402
from pipun_desktop.storage.store import ReportStore  # noqa: E402
from pipun_desktop.ui.document import ReportDocument  # noqa: E402


@pytest.fixture
def doc(qapp, sample_data_file):
    d = ReportDocument.open(sample_data_file)
    d.failures = []
    d.write_failed.connect(d.failures.append)
    yield d
    d.close()


def on_disk(doc):
    with ReportStore.open(doc.path, read_only=True, backups=False) as store:
        return store.load_report(doc.report.id)


def first_item(doc):
    return next(doc.report.items())


def test_status_and_reason_are_one_write_and_one_undo_step(doc, monkeypatch):
    item = first_item(doc)
    assert doc.set_status(item.id, "not_possible")
    assert doc.set_node_field(item.id, "status_reason", "no_budget", merge=False)
    calls = []
    real = doc.store.update_node
    monkeypatch.setattr(doc.store, "update_node", lambda *a, **k: calls.append(k) or real(*a, **k))
    count = doc.undo_stack.count()
    assert doc.set_status(item.id, "done")
    assert calls == [{"status": "done", "status_reason": None}]  # one write
    assert (item.status, item.status_reason) == ("done", None) and doc.undo_stack.count() == count + 1
    assert on_disk(doc) == doc.report
    doc.undo_stack.undo()
    assert (item.status, item.status_reason) == ("not_possible", "no_budget")
    assert on_disk(doc) == doc.report


def test_indent_outdent_and_moves_are_the_documents(doc):
    dim = doc.report.tree[0]
    section = dim.children[0]
    item = first_item(doc)
    assert not doc.outdent(dim.id) and doc.failures[-1] == rules.OUTDENT_MESSAGE
    assert not doc.indent(dim.id) and doc.failures[-1] == rules.INDENT_MESSAGE
    second = doc.report.tree[1]
    assert doc.indent(second.id)  # the second dimension goes under the first
    assert doc.parent_id(second.id) == dim.id and on_disk(doc) == doc.report
    assert doc.outdent(second.id) and doc.parent_id(second.id) is None
    assert not doc.move_by(dim.id, -1)
    assert doc.move_by(dim.id, +1) and doc.row_of(dim.id) == 1 and on_disk(doc) == doc.report
    new_id = doc.add_item(section.id)
    assert doc.parent_id(new_id) == section.id and doc.row_of(new_id) == len(section.children) - 1
    after = doc.add_item(item.id)
    assert doc.parent_id(after) == doc.parent_id(item.id) and doc.row_of(after) == doc.row_of(item.id) + 1
    heading = doc.add_heading(None)
    assert doc.parent_id(heading) is None and isinstance(doc.node_by_id(heading), Heading)
    assert doc.add_item(None) is not None  # nothing selected: the end of the last dimension
    assert on_disk(doc) == doc.report


def test_reports_are_added_through_the_document_with_the_year_round_rule(doc):
    first = doc.report.id
    assert not doc.add_reports([Report(2564, 6)], "เพิ่มรายงานใหม่")
    assert "อยู่แล้ว" in doc.failures[-1] and doc.report.id == first
    assert not doc.add_reports([Report(2570, 6), Report(2564, 6)], "นำเข้า JSON")  # all or none refused
    assert [(i.fiscal_year, i.round) for i in doc.reports()] == [(2564, 6)]
    new = rules.new_round(doc.report, 2564, 12, doc.organization)
    assert doc.add_reports([new], "สร้างรายงานรอบใหม่")
    assert (doc.report.fiscal_year, doc.report.round) == (2564, 12)
    assert len(list(walk(doc.report.tree))) == len(list(walk(new.tree)))
    assert isinstance(first_item(doc), Item)


def test_delete_records_the_node_the_document_holds_without_reloading(doc, monkeypatch):
    import json

    item = first_item(doc)
    monkeypatch.setattr(
        doc.store, "_load_tree", lambda *a: (_ for _ in ()).throw(AssertionError("the whole report reloaded"))
    )
    assert doc.delete_node(item.id)
    deleted = next(e for e in doc.store.history() if e.action == "delete")
    assert json.loads(deleted.old)["title"] == item.title
