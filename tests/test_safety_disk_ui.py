"""A failed save in the window's document (disk full): a Thai message, the model and the file unchanged, no undo
step, and the same edit goes through when retried."""

import sqlite3

import pytest

pytest.importorskip("PySide6")

from pipun_desktop.core.model import Heading, Item, Organization, Report  # noqa: E402
from pipun_desktop.storage.store import ReportStore  # noqa: E402
from pipun_desktop.ui.document import ReportDocument  # noqa: E402

BIG = "ข" * 100_000


def test_document_keeps_the_edit_for_retry_when_the_disk_is_full(qtbot, tmp_path):
    path = tmp_path / "d.pipun"
    with ReportStore.create(path, Organization("อบต.")) as store:
        store.add_report(Report(2564, 6, tree=[Heading("มิติ", [Item(title="ก")])]))
    document = ReportDocument.open(path)
    try:
        item = next(document.report.items()).id
        conn = document.store.conn
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        with qtbot.waitSignal(document.write_failed) as failed:
            assert document.set_node_field(item, "note", BIG) is False
        assert "พื้นที่ดิสก์เต็ม" in failed.args[0]
        assert document.node_by_id(item).note == "" and not document.undo_stack.canUndo()
        conn.execute("PRAGMA max_page_count = 1073741823")
        assert document.set_node_field(item, "note", BIG) is True  # the retry
        assert document.node_by_id(item).note == BIG and document.undo_stack.canUndo()
    finally:
        document.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT note FROM nodes WHERE kind = 'item'").fetchone()[0] == BIG
    check.close()
