"""Backups through SQLite's online backup API at opening, closing and before risky operations, thinned to a
bounded set; restore from the store (the window) and from the command line, after saving the current file."""

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from pipun_desktop.core.model import Heading, Item, Organization, Report
from pipun_desktop.core.rules import new_round
from pipun_desktop.storage import backup as backups
from pipun_desktop.storage.lock import read_lock
from pipun_desktop.storage.store import ReportStore

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "work" / "org.pipun"
    p.parent.mkdir()
    with ReportStore.create(p, Organization("อบต.")) as store:
        store.add_report(Report(2564, 6, plan_title="เดิม", tree=[Heading("มิติ", [Item(title="ก")])]))
    return p


def cli(*args):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=120,
    )


def plan_title(path) -> str:
    with ReportStore.open(path, read_only=True) as store:
        return store.load_report(store.reports()[0].id).plan_title


def test_data_folder_is_the_users_unless_overridden(monkeypatch, data_dir):
    assert backups.data_dir() == data_dir
    monkeypatch.delenv("PIPUN_DATA_DIR")
    assert backups.data_dir() == Path(platformdirs.user_data_dir("PipunDesktop", appauthor=False))


def test_copies_at_open_close_and_before_risky_operations(path, data_dir):
    assert backups.list_backups(path) == []  # a new file is backed up from its next opening
    with ReportStore.open(path) as store:
        assert [b.reason for b in backups.list_backups(path)] == ["open"]
        rid = store.reports()[0].id
        store.update_report(rid, plan_title="แก้")
        store.add_report(new_round(store.load_report(rid), 2564, 12, store.organization()))
        from pipun_desktop.core.model import Document

        store.import_document(Document(Organization("อบต."), [Report(2565, 6)]))
    reasons = [b.reason for b in reversed(backups.list_backups(path))]
    assert reasons == ["open", "new-report", "import", "close"]
    assert all(b.path.is_relative_to(data_dir) for b in backups.list_backups(path))
    newest = backups.list_backups(path)[0].path
    conn = sqlite3.connect(newest)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM reports").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM lock").fetchone()[0] == 0  # a copy carries no edit lock
    conn.close()
    with ReportStore.open(path):  # nothing changed: no copy at close
        pass
    assert [b.reason for b in backups.list_backups(path)][:2] == ["open", "close"]


def test_thinning_keeps_a_bounded_set_of_daily_weekly_monthly_copies():
    now = dt.datetime(2026, 11, 28, 12, tzinfo=dt.UTC)
    copies = [
        backups.BackupInfo(Path(f"{i}"), now - dt.timedelta(hours=5 * i), "open", 1) for i in range(3000)
    ]
    kept = backups.choose_kept(copies)
    assert len(kept) <= backups.MAX_BACKUPS
    assert {c.path for c in copies[: backups.KEEP_RECENT]} <= kept
    days = {c.when.astimezone().date() for c in copies if c.path in kept}
    last_days = sorted({c.when.astimezone().date() for c in copies}, reverse=True)[: backups.KEEP_DAILY]
    assert set(last_days) <= days
    months = {(c.when.astimezone().year, c.when.astimezone().month) for c in copies if c.path in kept}
    assert len(months) >= backups.KEEP_MONTHLY  # a year back, one a month


def test_folder_is_thinned_as_copies_are_taken(path):
    with ReportStore.open(path) as store:
        for _ in range(backups.KEEP_RECENT + 15):
            store.backup()
    assert len(backups.list_backups(path)) <= backups.MAX_BACKUPS


def test_restore_from_the_store_saves_the_current_file_first(path):
    with ReportStore.open(path) as store:
        rid = store.reports()[0].id
        first = store.last_backup
        store.update_report(rid, plan_title="ผิดพลาด")
        saved = store.restore_backup(first)
        assert store.load_report(rid).plan_title == "เดิม"
        assert read_lock(store.conn).token == store.lock.token  # still ours after the copy-in
        assert store.history()[0].action == "restore"
        store.update_report(rid, plan_title="แก้ต่อได้")
    conn = sqlite3.connect(saved)
    assert conn.execute("SELECT plan_title FROM reports").fetchone()[0] == "ผิดพลาด"
    conn.close()
    assert plan_title(path) == "แก้ต่อได้"


def test_restore_from_the_command_line(path):
    with ReportStore.open(path) as store:
        store.update_report(store.reports()[0].id, plan_title="ผิดพลาด")
    listing = cli("backups", path)
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.strip().splitlines()
    assert len(lines) == 2 and "เมื่อปิดไฟล์" in lines[0] and "เมื่อเปิดไฟล์" in lines[1]
    result = cli("restore-backup", path, "1")  # the copy taken when it was opened
    assert result.returncode == 0, result.stderr
    assert plan_title(path) == "เดิม"
    saved = [b for b in backups.list_backups(path) if b.reason == "before-restore"]
    assert len(saved) == 1
    conn = sqlite3.connect(saved[0].path)
    assert conn.execute("SELECT plan_title FROM reports").fetchone()[0] == "ผิดพลาด"
    conn.close()
    bad = cli("restore-backup", path, "99")
    assert bad.returncode == 2 and bad.stderr.startswith("ข้อผิดพลาด")


def test_restore_a_damaged_or_deleted_file(path):
    with ReportStore.open(path):
        pass
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 3])  # a copy cut short
    listing = cli("backups", path)
    assert listing.returncode == 0 and "ไม่ครบ" in listing.stderr
    result = cli("restore-backup", path, "0")
    assert result.returncode == 0, result.stderr
    assert plan_title(path) == "เดิม"
    saved = [b for b in backups.list_backups(path) if b.reason == "before-restore"]
    assert saved and saved[0].path.read_bytes() == good[: len(good) // 3]
    path.unlink()
    assert cli("restore-backup", path, str(backups.list_backups(path)[-1].path)).returncode == 0
    assert plan_title(path) == "เดิม"


def test_a_bad_backup_is_refused_and_nothing_changes(path, tmp_path):
    junk = tmp_path / "junk.pipun"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    before = path.read_bytes()
    result = cli("restore-backup", path, junk)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert path.read_bytes() == before
