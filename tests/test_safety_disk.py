"""Failing disks: a full disk or an I/O error during a save gives a Thai message, stores nothing of that edit,
lets the same edit be retried, and leaves the file passing integrity_check.

Three ways to fail a disk, so the test runs wherever CI runs: a real tiny tmpfs volume (when this container may
mount one), the process's file-size limit (RLIMIT_FSIZE: real write errors from the kernel, no privileges
needed), and SQLite's own page limit (max_page_count: SQLITE_FULL from inside SQLite).
"""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pipun_desktop.core.model import Heading, Item, Organization, Report
from pipun_desktop.storage.store import ReportStore, StorageError, WriteError

ROOT = Path(__file__).resolve().parent.parent
BIG = "ก" * 100_000


def make_file(path: Path) -> int:
    with ReportStore.create(path, Organization("อบต.")) as store:
        report = Report(2564, 6, tree=[Heading("มิติ", [Item(title=f"{i}") for i in range(20)])])
        store.add_report(report)
        return next(report.items()).id


def integrity_ok(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


def test_sqlite_page_limit_full(tmp_path):
    path = tmp_path / "org.pipun"
    item = make_file(path)
    with ReportStore.open(path) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(WriteError, match="พื้นที่ดิสก์เต็ม") as info:
            store.update_node(item, note=BIG, title="ใหม่")
        assert info.value.retryable
        assert (
            store.load_report(store.reports()[0].id).tree[0].children[0].title == "0"
        )  # nothing half-stored
        assert store.history(node_id=item) == []
        store.conn.execute("PRAGMA max_page_count = 1073741823")
        store.update_node(item, note=BIG, title="ใหม่")  # the same edit, retried
    integrity_ok(path)
    with ReportStore.open(path, read_only=True) as store:
        node = store.load_report(store.reports()[0].id).tree[0].children[0]
        assert (node.title, node.note) == ("ใหม่", BIG)


CHILD = r"""
import resource, signal, sys
sys.path.insert(0, sys.argv[2])
from pipun_desktop.storage.store import ReportStore, StorageError, WriteError
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing us
path, item = sys.argv[1], int(sys.argv[3])
store = ReportStore.open(path, backups=False)
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
size = __import__("os").path.getsize(path)
resource.setrlimit(resource.RLIMIT_FSIZE, (size + 4096, hard))
try:
    store.update_node(item, note="ก" * 100_000, title="ใหม่")
    print("SAVED")
except WriteError as exc:
    print("ERROR", exc.retryable, exc)
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
store.update_node(item, note="ก" * 100_000, title="ใหม่")
print("RETRIED")
store.close()
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="RLIMIT_FSIZE is POSIX")
def test_kernel_write_errors_past_the_file_size_limit(tmp_path):
    path = tmp_path / "org.pipun"
    item = make_file(path)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(ROOT), str(item)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.strip().splitlines()
    assert first.startswith("ERROR True") and thai(first) and "ยังไม่ถูกบันทึก" in first
    assert second == "RETRIED"
    integrity_ok(path)
    with ReportStore.open(path, read_only=True) as store:
        assert store.load_report(store.reports()[0].id).tree[0].children[0].note == BIG


@pytest.fixture
def tiny_volume(tmp_path):
    mnt = tmp_path / "usb"
    mnt.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("mounting needs root; the RLIMIT_FSIZE and page-limit tests cover a full disk")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(
            "this container may not mount tmpfs; the RLIMIT_FSIZE and page-limit tests cover a full disk"
        )
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_real_full_volume(tiny_volume):
    path = tiny_volume / "org.pipun"
    item = make_file(path)
    filler = tiny_volume / "filler"
    with ReportStore.open(path, backups=False) as store:
        with open(filler, "wb", buffering=0) as f:  # fill the volume to the last block
            for size in (65536, 4096, 512, 1):
                try:
                    while True:
                        f.write(b"\0" * size)
                except OSError:
                    pass
        with pytest.raises(WriteError) as info:
            for n in range(50):
                store.update_node(item, note=BIG[: -len(str(n))] + str(n), title=f"ใหม่ {n}")
        assert thai(str(info.value)) and "ยังไม่ถูกบันทึก" in str(info.value)
        title = store.load_report(store.reports()[0].id).tree[0].children[0].title
        filler.unlink()
        store.update_node(item, note=BIG, title="หลังลบไฟล์")
    integrity_ok(path)
    with ReportStore.open(path, read_only=True, backups=False) as store:
        assert store.load_report(store.reports()[0].id).tree[0].children[0].title == "หลังลบไฟล์"
    assert title.startswith("ใหม่") or title == "0"


def test_opening_for_edit_on_a_full_volume_says_so(tiny_volume):
    path = tiny_volume / "org.pipun"
    make_file(path)
    with open(tiny_volume / "filler", "wb", buffering=0) as f:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    f.write(b"\0" * size)
            except OSError:
                pass
    before = path.read_bytes()
    try:
        ReportStore.open(path, backups=False).close()  # the lock row may fit in a free page
    except StorageError as exc:
        assert "อ่านอย่างเดียว" in str(exc) and "เต็ม" in str(exc)
        assert path.read_bytes() == before
    with ReportStore.open(path, read_only=True) as store:
        assert len(store.reports()) == 1
    integrity_ok(path)
