"""The window and the edit lock, beyond the lock dialog itself (tests/test_ui_window.py): the file this
window already has open is no conflict, a saved copy opens for editing at once, and a stale lock cleared on
opening is mentioned in the status bar."""

import datetime as dt
import sqlite3

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402

from pipun_desktop.core.model import Heading, Item, Organization, Report  # noqa: E402
from pipun_desktop.storage.store import ReportStore  # noqa: E402
from pipun_desktop.ui.main_window import MainWindow  # noqa: E402
from pipun_desktop.ui.settings import Settings  # noqa: E402


@pytest.fixture
def data_file(tmp_path):
    path = tmp_path / "shared.pipun"
    with ReportStore.create(path, Organization("อบต.")) as store:
        store.add_report(Report(2564, 6, tree=[Heading("มิติ", [Item(title="ก")])]))
    return path


def make_window(qtbot, tmp_path, name="settings.ini"):
    w = MainWindow(Settings(QSettings(str(tmp_path / name), QSettings.Format.IniFormat)))
    w.confirmations, w.messages = [], []
    w.confirm = lambda title, text: w.confirmations.append(text) or True
    w.inform = lambda title, text, warning=False: w.messages.append(text)
    qtbot.addWidget(w)
    return w


def test_the_file_this_window_has_open_is_no_conflict(qtbot, tmp_path, data_file):
    w = make_window(qtbot, tmp_path)
    try:
        assert w.files.open_path(data_file)
        first = w.document
        assert w.files.open_path(data_file) is False  # e.g. chosen again from the recent files
        assert w.document is first and not first.read_only and not w.confirmations
        assert "เปิดอยู่แล้ว" in w.statusBar().currentMessage()
    finally:
        w.document.close()


def test_a_saved_copy_opens_for_editing_at_once(qtbot, tmp_path, data_file):
    w = make_window(qtbot, tmp_path)
    other = make_window(qtbot, tmp_path, "other.ini")
    try:
        assert w.files.open_path(data_file)
        copy = tmp_path / "สำเนา.pipun"
        assert w.files.save_copy_to(copy)
        assert other.files.open_path(copy)  # no "in use" question: the copy carries no lock
        assert not other.confirmations and not other.document.read_only
    finally:
        for window in (w, other):
            if window.document is not None:
                window.document.close()


def test_a_stale_lock_cleared_on_opening_is_mentioned(qtbot, tmp_path, data_file):
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)).isoformat(timespec="seconds")
    conn = sqlite3.connect(data_file)
    conn.execute("INSERT INTO lock VALUES (1, 'gone', 'สมศรี', 'PC-การเงิน', 99, ?, ?)", [old, old])
    conn.commit()
    conn.close()
    w = make_window(qtbot, tmp_path)
    try:
        assert w.files.open_path(data_file) and not w.confirmations
        assert "ล้างการล็อก" in w.statusBar().currentMessage() and "PC-การเงิน" in w.statusBar().currentMessage()
    finally:
        w.document.close()
