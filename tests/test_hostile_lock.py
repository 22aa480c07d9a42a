"""Issue 11, causes 5 and 6: a heartbeat from the future is not trusted for ever (the holder's process when it ran
here; otherwise a bounded watch and the user's decision), and a copy of a file is not locked by the lock row
that travelled with it."""

import datetime as dt
import shutil
import sqlite3

import pytest
from hostile_helpers import make_data_file

from pipun_desktop.storage import lock as lock_mod
from pipun_desktop.storage.errors import FileLockedError
from pipun_desktop.storage.identity import host_name
from pipun_desktop.storage.store import ReportStore


def future_lock(path, host, pid=999_999, hours=7, token="t-future"):
    beat = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)).isoformat(timespec="seconds")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "INSERT OR REPLACE INTO lock (id, token, user, host, pid, since, heartbeat) VALUES (1, ?, 'u', ?, ?, ?, ?)",
        [token, host, pid, beat, beat],
    )
    conn.close()
    return lock_mod.LockInfo(token, "u", host, pid, beat, beat)


def test_a_future_heartbeat_on_this_host_is_judged_by_its_process(tmp_path):
    path = make_data_file(tmp_path / "org.pipun")
    future_lock(path, host_name(), pid=999_999_999)
    with ReportStore.open(path) as store:  # the process is gone: cleared
        assert store.lock is not None
    import os

    future_lock(path, host_name(), pid=os.getppid())  # the process runs: a live lock
    with pytest.raises(FileLockedError):
        ReportStore.open(path)


def test_a_future_heartbeat_from_elsewhere_is_watched_then_taken_over(tmp_path):
    path = make_data_file(tmp_path / "org.pipun")
    holder = future_lock(path, "PC-ที่นาฬิกาเร็ว")
    with pytest.raises(FileLockedError) as info:
        ReportStore.open(path)
    assert lock_mod.in_future(info.value.holder)
    assert ReportStore.watch_lock(path, holder, seconds=0.3)  # silent: its holder is gone
    with ReportStore.open(path, take_over=holder.token) as store:
        assert store.lock is not None and store.lock.token != holder.token


def test_a_future_lock_that_beats_while_watched_stays(tmp_path):
    path = make_data_file(tmp_path / "org.pipun")
    holder = future_lock(path, "PC-ที่นาฬิกาเร็ว")
    calls = []

    def read():
        calls.append(1)
        return holder if len(calls) < 2 else lock_mod.LockInfo(holder.token, "u", holder.host, 1, "a", "b")

    assert lock_mod.wait_for_silence(read, holder, seconds=5, poll=0.01) is False
    future_lock(path, "PC-อื่น", token="another")  # a take-over names one lock: never another one
    with pytest.raises(FileLockedError):
        ReportStore.open(path, take_over=holder.token)


def test_a_copy_is_another_file(tmp_path, capsys):
    path = make_data_file(tmp_path / "org.pipun")
    with ReportStore.open(path):
        copy = tmp_path / "copy.pipun"
        shutil.copyfile(path, copy)  # cp, Explorer, a USB stick: the lock row comes along
        assert ReportStore.lock_holder(copy) is None
        with ReportStore.open(copy) as store:
            assert store.lock is not None and not store.warnings
        with pytest.raises(FileLockedError):  # the original is still locked
            ReportStore.open(path)
    moved = tmp_path / "moved.pipun"
    with ReportStore.open(path):
        path.rename(moved)  # a rename is the same file: still locked
        with pytest.raises(FileLockedError):
            ReportStore.open(moved)


def test_the_window_watches_a_future_lock_then_edits(qtbot, tmp_path, monkeypatch):
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QSettings

    from pipun_desktop.ui import lock_dialog
    from pipun_desktop.ui.main_window import MainWindow
    from pipun_desktop.ui.settings import Settings

    monkeypatch.setattr(lock_dialog, "WATCH_SECONDS", 0.4)
    path = make_data_file(tmp_path / "org.pipun")
    future_lock(path, "PC-ที่นาฬิกาเร็ว")
    w = MainWindow(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(w)
    asked = []
    w.choose_future_lock = lambda text: asked.append(text) or "watch"
    try:
        assert w.files.open_path(path)
        assert not w.document.read_only
        assert "อนาคต" in asked[0] and "๒๕๖" in asked[0]
    finally:
        w.document.close()


def test_the_future_lock_message_does_not_promise_a_clearing_by_itself():
    pytest.importorskip("PySide6")
    from pipun_desktop.ui.lock_dialog import future_message, lock_message

    beat = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=7)).isoformat(timespec="seconds")
    holder = lock_mod.LockInfo("t", "somsri", "PC-การเงิน", 42, beat, beat)
    assert "ไม่กี่นาที" in lock_message("/x/org.pipun", holder)
    text = future_message("/x/org.pipun", holder, 75)
    assert "ไม่กี่นาที" not in text and "อนาคต" in text and "๗๕ วินาที" in text and "somsri" in text
