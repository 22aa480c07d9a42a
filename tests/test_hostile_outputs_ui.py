"""Issue 11, cause 1 in the window: ส่งออก JSON/PDF onto the open data file is refused with a Thai message and
the file, still open, keeps working."""

import pytest

pytest.importorskip("PySide6")

from hostile_helpers import digest, make_data_file  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from pipun_desktop.ui.main_window import MainWindow  # noqa: E402
from pipun_desktop.ui.settings import Settings  # noqa: E402


def make_window(qtbot, tmp_path):
    w = MainWindow(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    w.messages = []
    w.inform = lambda title, text, warning=False: w.messages.append(text)
    qtbot.addWidget(w)
    return w


def test_window_refuses_exports_onto_the_open_file(qtbot, tmp_path):
    data = make_data_file(tmp_path / "org.pipun")
    w = make_window(qtbot, tmp_path)
    try:
        assert w.files.open_path(data)
        before = digest(data)
        assert w.files.export_json_to(str(data)) is False
        w.files.start_pdf(str(data))
        assert not w.files.pdf_running()
        assert len(w.messages) == 2 and all("ไฟล์ข้อมูลรายงาน" in m for m in w.messages)
        assert digest(data) == before
        w.document.store.set_organization(w.document.store.organization())  # still editable, still ours
    finally:
        w.document.close()


def test_window_says_which_value_is_bad_and_leaves_no_lock(qtbot, tmp_path):
    import sqlite3

    from pipun_desktop.storage.store import ReportStore

    data = make_data_file(tmp_path / "org.pipun")
    conn = sqlite3.connect(data, isolation_level=None)
    conn.execute("UPDATE reports SET reporter_date = 'yesterday'")
    conn.close()
    w = make_window(qtbot, tmp_path)
    assert w.files.open_path(data) is False
    assert len(w.messages) == 1 and "reports.reporter_date" in w.messages[0]
    assert "\n" not in w.messages[0]
    assert ReportStore.lock_holder(data) is None
    with ReportStore.open(data, backups=False) as store:  # nobody holds it: it opens for editing
        assert store.lock is not None


def test_a_second_report_with_a_bad_value_is_refused_the_first_stays(qtbot, tmp_path):
    import sqlite3

    from pipun_desktop.core.model import Heading, Item, Report
    from pipun_desktop.storage.store import ReportStore

    data = make_data_file(tmp_path / "org.pipun")
    with ReportStore.open(data, backups=False) as store:
        store.add_report(Report(2565, 6, tree=[Heading("มิติ", [Item(title="ข")])]))
    conn = sqlite3.connect(data, isolation_level=None)
    conn.execute("UPDATE nodes SET title = x'00' WHERE title = 'ข'")
    conn.close()
    w = make_window(qtbot, tmp_path)
    failures = []
    try:
        assert w.files.open_path(data)
        w.document.write_failed.connect(failures.append)
        first = w.document.report.id
        other = w.report_selector.findData(first) ^ 1
        w.report_selector.setCurrentIndex(other)  # the user picks the other report
        w.report_selector.activated.emit(other)
        assert failures and "nodes.title" in failures[0]
        assert w.document.report.id == first
        assert w.report_selector.currentData() == first
    finally:
        w.document.close()


def test_save_copy_over_a_data_file_being_edited_is_refused_else_backed_up(qtbot, tmp_path):
    from pipun_desktop.storage.backup import list_backups
    from pipun_desktop.storage.store import ReportStore

    data = make_data_file(tmp_path / "org.pipun")
    other = make_data_file(tmp_path / "other.pipun")
    w = make_window(qtbot, tmp_path)
    try:
        assert w.files.open_path(data)
        with ReportStore.open(other):  # someone edits it
            before = digest(other)
            assert w.files.save_copy_to(other) is False
            assert "กำลังถูกเปิดแก้ไข" in w.messages[-1]
            assert digest(other) == before
        assert w.files.save_copy_to(other) is True
        assert list_backups(other)[0].reason == "replaced"
    finally:
        w.document.close()
