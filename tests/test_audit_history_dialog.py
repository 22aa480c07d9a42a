"""The window's history dialog lists a node's audit rows, newest first, with Thai labels."""

import pytest

pytest.importorskip("PySide6")

from pipun_desktop.core.model import Budget, Heading, Item, Organization, Report  # noqa: E402
from pipun_desktop.storage.identity import host_name, os_user  # noqa: E402
from pipun_desktop.storage.store import ReportStore  # noqa: E402
from pipun_desktop.ui.history_dialog import HistoryDialog, show_history  # noqa: E402


def test_history_dialog_lists_the_nodes_changes(qtbot, tmp_path):
    with ReportStore.create(tmp_path / "h.pipun", Organization()) as store:
        report = Report(2564, 6, tree=[Heading("มิติ", [Item(title="ก")])])
        store.add_report(report)
        item = next(report.items()).id
        store.update_node(item, title="ข")
        store.update_node(item, budget=Budget(None, 150_000, None), note="บรรทัด ๑\nบรรทัด ๒" + "ค" * 500)
        dialog = show_history(None, store, item, "ข")
        qtbot.addWidget(dialog)
        assert dialog.isVisible() and "ข" in dialog.windowTitle()
        rows = [[dialog.cell_text(r, c) for c in range(7)] for r in range(dialog.table.rowCount())]
        fields = [r[4] for r in rows]
        assert fields[-1] == "ชื่อ" and set(fields) == {"ชื่อ", "งบหน่วยงาน", "หมายเหตุ"}
        title_row = rows[-1]
        assert title_row[1:4] == [os_user(), host_name(), "แก้ไข"] and title_row[5:] == ["ก", "ข"]
        agency = next(r for r in rows if r[4] == "งบหน่วยงาน")
        assert agency[5:] == ["-", "1500.00"]
        note = next(r for r in rows if r[4] == "หมายเหตุ")
        assert "\n" not in note[6] and note[6].endswith("…")
        assert dialog.table.item(rows.index(note), 6).toolTip().startswith("บรรทัด ๑\nบรรทัด ๒")
        empty = HistoryDialog(store, report.tree[0].id)
        qtbot.addWidget(empty)
        assert empty.table.rowCount() == 0
