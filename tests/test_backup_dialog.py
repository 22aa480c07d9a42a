"""The restore dialog lists the file's backups and restoring reloads the document with the old content."""

import pytest

pytest.importorskip("PySide6")

from pipun_desktop.core.model import Heading, Item, Organization, Report  # noqa: E402
from pipun_desktop.storage.store import ReportStore  # noqa: E402
from pipun_desktop.ui.backup_dialog import BackupDialog, restore_document  # noqa: E402
from pipun_desktop.ui.document import ReportDocument  # noqa: E402


def test_dialog_lists_backups_and_restore_reloads_the_document(qtbot, tmp_path):
    path = tmp_path / "d.pipun"
    with ReportStore.create(path, Organization("อบต.")) as store:
        store.add_report(Report(2564, 6, plan_title="เดิม", tree=[Heading("มิติ", [Item(title="ก")])]))
    document = ReportDocument.open(path)
    try:
        document.store.update_report(document.report.id, plan_title="ผิด")
        document.store.backup("manual")
        dialog = BackupDialog(path)
        qtbot.addWidget(dialog)
        assert dialog.table.rowCount() == 2
        assert dialog.table.item(0, 1).text() == "สำรองเอง" and dialog.table.item(1, 1).text() == "เมื่อเปิดไฟล์"
        chosen = []
        dialog.restore_requested.connect(chosen.append)
        dialog.table.selectRow(1)
        dialog.restore_button.click()
        assert chosen == [dialog.backups[1].path]
        with qtbot.waitSignal(document.report_switched):
            saved = restore_document(document, chosen[0])
        assert document.report.plan_title == "เดิม" and saved.exists()
        assert not document.undo_stack.canUndo()
    finally:
        document.close()
    with ReportStore.open(path, read_only=True) as store:
        assert store.load_report(store.reports()[0].id).plan_title == "เดิม"


def test_no_backups_disables_restore(qtbot, tmp_path):
    dialog = BackupDialog(tmp_path / "none.pipun")
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
