"""One writer at a time: the edit lock kept in the file, who holds it, read-only for the others, stale locks."""

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipun_desktop.core.model import Heading, Item, Organization, Report
from pipun_desktop.storage import lock as lock_mod
from pipun_desktop.storage.identity import host_name, os_user
from pipun_desktop.storage.store import FileLockedError, LockLostError, ReportStore, StorageError

ROOT = Path(__file__).resolve().parent.parent

HOLDER = """
import sys
sys.path.insert(0, sys.argv[2])
from pipun_desktop.storage.store import ReportStore
store = ReportStore.open(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
store.close()
print("closed", flush=True)
"""


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "shared" / "org.pipun"
    p.parent.mkdir()
    with ReportStore.create(p, Organization("อบต.")) as store:
        store.add_report(Report(2564, 6, tree=[Heading("มิติ", [Item(title="ก")])]))
    return p


@pytest.fixture
def holder(path):
    """Another running program with the file open for editing."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(ROOT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    assert proc.stdout.readline().strip() == "open"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def write_lock(path, host, pid, age_minutes, user="สมศรี"):
    beat = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=age_minutes)).isoformat(timespec="seconds")
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT OR REPLACE INTO lock VALUES (1, 'other-token', ?, ?, ?, ?, ?)",
        [user, host, pid, "2021-04-08T02:00:00+00:00", beat],
    )
    conn.commit()
    conn.close()


def test_second_writer_is_told_who_has_the_file_and_may_read(path, holder):
    with pytest.raises(FileLockedError) as info:
        ReportStore.open(path)
    held = info.value.holder
    assert (held.user, held.host, held.pid) == (os_user(), host_name(), holder.pid)
    message = str(info.value)
    assert os_user() in message and host_name() in message and "ตั้งแต่" in message and "อ่านอย่างเดียว" in message
    with ReportStore.open(path, read_only=True) as viewer:
        assert viewer.locked_by.pid == holder.pid
        assert viewer.load_report(viewer.reports()[0].id).tree[0].children[0].title == "ก"
        with pytest.raises(StorageError, match="อ่านอย่างเดียว"):
            viewer.update_node(viewer.reports()[0].id, title="x")
    assert ReportStore.lock_holder(path).pid == holder.pid
    # the command line reads it too, and refuses to restore over it
    cli = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "summary", str(path)], capture_output=True, text=True
    )
    assert cli.returncode == 0, cli.stderr
    cli = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "restore-backup", str(path), "0"],
        capture_output=True,
        text=True,
    )
    assert cli.returncode == 2 and host_name() in cli.stderr, cli.stderr
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "closed"
    holder.wait()
    with ReportStore.open(path) as store:  # released at close
        assert store.cleared_lock is None


def test_lock_of_a_killed_program_on_this_machine_is_cleared(path, holder):
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    with ReportStore.open(path) as store:
        assert store.cleared_lock is not None and store.cleared_lock.pid == holder.pid
        assert any("ล้างการล็อก" in w for w in store.warnings)
        store.update_node(store.reports()[0].id + 1, title="แก้ได้")


def test_lock_from_another_machine_is_respected_until_its_heartbeat_is_old(path):
    with ReportStore.open(path):
        pass
    write_lock(path, "PC-การเงิน", 4242, age_minutes=1)
    with pytest.raises(FileLockedError, match="PC-การเงิน") as info:
        ReportStore.open(path)
    assert "สมศรี" in str(info.value)
    write_lock(path, "PC-การเงิน", 4242, age_minutes=lock_mod.STALE_AFTER.total_seconds() / 60 + 1)
    with ReportStore.open(path) as store:
        assert store.cleared_lock.host == "PC-การเงิน"


def test_lock_lives_in_the_file_and_goes_at_close(path):
    store = ReportStore.open(path)
    assert lock_mod.read_lock(store.conn).token == store.lock.token
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no side lock file, no -wal/-shm
    store.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM lock").fetchone()[0] == 0
    conn.close()


def test_heartbeat_keeps_the_lock_fresh(path, monkeypatch):
    monkeypatch.setattr(lock_mod, "HEARTBEAT_SECONDS", 0.05)
    with ReportStore.open(path) as store:
        store.conn.execute("UPDATE lock SET heartbeat = '2000-01-01T00:00:00+00:00'")
        deadline = time.time() + 10
        while time.time() < deadline:
            beat = lock_mod.read_lock(store.conn).heartbeat
            if not beat.startswith("2000"):
                break
            time.sleep(0.05)
        assert not lock_mod.is_stale(lock_mod.read_lock(store.conn))


def test_edits_stop_when_another_program_took_the_file_over(path):
    with ReportStore.open(path) as store:
        rid = store.reports()[0].id
        write_lock(path, "PC-อื่น", 1, age_minutes=0)  # e.g. our heartbeat stalled and the file was taken over
        with pytest.raises(LockLostError, match="PC-อื่น"):
            store.update_report(rid, plan_title="ไม่ควรบันทึก")
        assert store.load_report(rid).plan_title == ""


def test_dead_pid_is_recognised():
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    assert not lock_mod.pid_alive(proc.pid)
    assert lock_mod.pid_alive(os.getpid())


def test_a_copy_of_an_open_file_opens_for_editing(path, tmp_path):
    with ReportStore.open(path) as store:
        copy = store.save_copy(tmp_path / "สำเนา.pipun")
        with ReportStore.open(copy) as other:  # the copy carries no lock of ours
            assert other.cleared_lock is None
        with pytest.raises(StorageError, match="ชื่อไฟล์อื่น"):
            store.save_copy(path)
