"""Backups of a data file in the user's data folder, taken with SQLite's online backup API.

A copy is taken when a file is opened for editing, when it is closed, and before a risky operation (an import,
a new round, a migration, a restore). Copies of one file live in their own folder, named for the time (UTC)
and the reason, and are thinned after each new copy to a bounded set: the KEEP_RECENT newest, then the
newest of each of the last KEEP_DAILY days, KEEP_WEEKLY weeks and KEEP_MONTHLY months.

PIPUN_DATA_DIR overrides the data folder (tests, a portable install).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..util.processes import pid_alive
from .errors import StorageError

if TYPE_CHECKING:
    from _typeshed import StrPath

APP_NAME = "PipunDesktop"
KEEP_RECENT, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 10, 7, 8, 12
MAX_BACKUPS = KEEP_RECENT + KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY
# The copies of one file together: beyond this the oldest go (the newest copy always stays, however large).
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
SUFFIX = ".pipun"
_NAME_RE = re.compile(r"^(\d{8}T\d{6}\d{6}Z)-([a-z-]+)\.pipun$")

REASON_LABELS = {
    "open": "เมื่อเปิดไฟล์",
    "close": "เมื่อปิดไฟล์",
    "import": "ก่อนนำเข้า",
    "new-report": "ก่อนเพิ่มรายงาน",
    "migration": "ก่อนปรับรุ่นไฟล์",
    "before-restore": "ก่อนกู้คืน",
    "manual": "สำรองเอง",
    "replaced": "ก่อนถูกเขียนทับ",
}


def data_dir() -> Path:
    override = os.environ.get("PIPUN_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def backup_folder(path: StrPath) -> Path:
    """The folder holding the copies of one data file (by its full path: two files called alike stay apart)."""
    resolved = str(Path(path).resolve())
    key = hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    stem = re.sub(r"[^\w.-]+", "_", Path(path).stem)[:40] or "file"
    return data_dir() / "backups" / f"{stem}-{key}"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    when: dt.datetime  # UTC
    reason: str
    size: int

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)

    def local_time(self) -> str:
        return self.when.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%Y%m%dT%H%M%S%fZ")


def list_backups(path: StrPath) -> list[BackupInfo]:
    """The copies of `path`, newest first."""
    folder = backup_folder(path)
    return list_backups_in(folder) if folder.is_dir() else []


def make_backup(conn: sqlite3.Connection, source_path: StrPath, reason: str) -> Path:
    """Copy the open database `conn` (a consistent snapshot) into the backup folder of `source_path`."""
    folder = backup_folder(source_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "source.txt").write_text(
            str(Path(source_path).resolve()), encoding="utf-8", errors="surrogateescape"
        )
    except OSError as exc:
        raise StorageError(f"สร้างโฟลเดอร์สำรองข้อมูล {folder} ไม่ได้: {exc.strerror or exc}") from None
    when = dt.datetime.now(dt.UTC)
    final = folder / f"{_stamp(when)}-{reason}{SUFFIX}"
    while final.exists():  # two copies in the same microsecond
        when += dt.timedelta(microseconds=1)
        final = folder / f"{_stamp(when)}-{reason}{SUFFIX}"
    partial = folder / f".partial-{os.getpid()}-{final.name}"
    copy_database(conn, final, partial, "สำรองข้อมูลไม่ได้")
    thin(folder)
    return final


def copy_raw(source_path: StrPath, reason: str) -> Path:
    """Copy a file byte for byte into its backup folder (a damaged file that SQLite cannot copy)."""
    import shutil

    folder = backup_folder(source_path)
    final = folder / f"{_stamp(dt.datetime.now(dt.UTC))}-{reason}{SUFFIX}"
    partial = folder / f".partial-{os.getpid()}-{final.name}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source_path, partial)
        os.replace(partial, final)
    except OSError as exc:
        try:
            partial.unlink()
        except OSError:
            pass
        raise StorageError(f"สำรองข้อมูลไม่ได้ ({exc.strerror or exc}) ไฟล์ข้อมูลไม่ได้เปลี่ยนแปลง") from None
    return final


def copy_database(conn: sqlite3.Connection, final: Path, partial: Path, failure: str) -> None:
    """Copy `conn`'s database to `final`, whole or not at all (built at `partial`, synced, renamed), without
    the edit lock: a copy must not claim to be open in a session long gone."""
    try:
        dest = sqlite3.connect(partial, isolation_level=None)
        try:
            conn.backup(dest)
            if dest.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'lock'").fetchone():
                dest.execute("DELETE FROM lock")
        finally:
            dest.close()
        with open(partial, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(partial, final)
    except (OSError, sqlite3.Error) as exc:
        for leftover in (partial, Path(f"{partial}-journal")):
            try:
                leftover.unlink()
            except OSError:
                pass
        message = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise StorageError(f"{failure} ({message}) ไฟล์ข้อมูลไม่ได้เปลี่ยนแปลง") from None


def choose_kept(backups: list[BackupInfo]) -> set[Path]:
    """Which copies thinning keeps (see the module docstring); `backups` newest first."""
    kept = {b.path for b in backups[:KEEP_RECENT]}
    for bucket, limit in (
        (lambda w: w.date(), KEEP_DAILY),
        (lambda w: w.isocalendar()[:2], KEEP_WEEKLY),
        (lambda w: (w.year, w.month), KEEP_MONTHLY),
    ):
        seen: list[object] = []
        for b in backups:
            key = bucket(b.when.astimezone())
            if key not in seen:
                if len(seen) == limit:
                    break
                seen.append(key)
                kept.add(b.path)
    return kept


def thin(folder: Path) -> None:
    for entry in folder.iterdir():
        if entry.name.startswith(".partial-"):
            try:  # left by a program killed mid-copy (its pid is in the name)
                pid = entry.name.split("-")[1]
                dead = pid.isdigit() and int(pid) != os.getpid() and not pid_alive(int(pid))
                if dead or time.time() - entry.stat().st_mtime > 3600:
                    entry.unlink()
            except OSError:
                pass
    backups = list_backups_in(folder)
    kept = choose_kept(backups)
    total = 0
    for b in backups:  # newest first: the oldest go once the copies kept pass MAX_TOTAL_BYTES together
        if b.path in kept:
            total += b.size
            if total > MAX_TOTAL_BYTES and b is not backups[0]:
                kept.discard(b.path)
    for b in backups:
        if b.path not in kept:
            try:
                b.path.unlink()
            except OSError:
                pass


def list_backups_in(folder: Path) -> list[BackupInfo]:
    out = []
    for entry in folder.iterdir():
        m = _NAME_RE.match(entry.name)
        if m:
            try:  # a name that only looks like ours (month 13) is not one of our copies: ignored, never fatal
                when = dt.datetime.strptime(m.group(1), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=dt.UTC)
                st = entry.stat()
            except (ValueError, OSError):
                continue
            if stat.S_ISREG(st.st_mode):
                out.append(BackupInfo(entry, when, m.group(2), st.st_size))
    out.sort(key=lambda b: b.when, reverse=True)
    return out
