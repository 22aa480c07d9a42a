"""The edit lock, kept in the file's own `lock` table so it travels with the file (shared folder, USB stick).

SQLite's file locks guard each transaction; this lock guards a whole editing session: one program edits a
file at a time, others may open it read-only. A holder writes a heartbeat every HEARTBEAT_SECONDS. A lock is
stale, and is cleared by the next program to open the file, when its heartbeat is older than STALE_AFTER (the
holder crashed, lost power, or its machine left the network), or at once when the holder was on this machine
and its process is gone.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
import uuid
from dataclasses import dataclass

from ..util.processes import pid_alive
from .errors import FileLockedError
from .identity import host_name, iso_now, local_text, now_utc, os_user, parse_iso

HEARTBEAT_SECONDS = 60
STALE_AFTER = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class LockInfo:
    token: str
    user: str
    host: str
    pid: int
    since: str  # ISO UTC
    heartbeat: str  # ISO UTC

    def describe(self) -> str:
        return (
            f"ผู้ใช้ {self.user or '?'} ที่เครื่อง {self.host or '?'} "
            f"ตั้งแต่ {local_text(self.since)} (สัญญาณล่าสุด {local_text(self.heartbeat)})"
        )


def is_stale(info: LockInfo, now: dt.datetime | None = None) -> bool:
    now = now or now_utc()
    beat = parse_iso(info.heartbeat)
    if beat is None or now - beat > STALE_AFTER:
        return True
    return info.host == host_name() and not pid_alive(info.pid)


def read_lock(conn: sqlite3.Connection) -> LockInfo | None:
    """The lock row, if any. A row with values of the wrong type (a text pid, a BLOB host) was not written by a
    live holder of this program: it comes back with blank fields and an unreadable heartbeat, so it is stale."""
    row = conn.execute("SELECT token, user, host, pid, since, heartbeat FROM lock WHERE id = 1").fetchone()
    if row is None:
        return None
    token, user, host, pid, since, beat = row
    texts_ok = all(isinstance(x, str) for x in (token, user, host, since, beat))
    if not texts_ok or not isinstance(pid, int) or isinstance(pid, bool) or not 0 <= pid < 2**32:
        return LockInfo(token if isinstance(token, str) else "?", "", "", 0, "", "")
    return LockInfo(token, user, host, pid, since, beat)


def new_lock() -> LockInfo:
    now = iso_now()
    return LockInfo(uuid.uuid4().hex, os_user(), host_name(), os.getpid(), now, now)


def locked_message(name: str, holder: LockInfo) -> str:
    return f"ไฟล์ {name} กำลังถูกเปิดแก้ไขโดย{holder.describe()} เปิดได้แบบอ่านอย่างเดียว"


def acquire(conn: sqlite3.Connection, mine: LockInfo, name: str) -> LockInfo | None:
    """Take the lock inside the caller's transaction; returns the stale lock it cleared, if any.

    Raises FileLockedError when a live holder has it.
    """
    holder = read_lock(conn)
    if holder is not None and holder.token != mine.token and not is_stale(holder):
        raise FileLockedError(locked_message(name, holder), holder)
    conn.execute(
        "INSERT OR REPLACE INTO lock (id, token, user, host, pid, since, heartbeat) "
        "VALUES (1, ?, ?, ?, ?, ?, ?)",
        [mine.token, mine.user, mine.host, mine.pid, mine.since, iso_now()],
    )
    return holder if holder is not None and holder.token != mine.token else None


def still_mine(conn: sqlite3.Connection, token: str) -> LockInfo | None:
    """None when we still hold the lock, else whoever holds it now (or a blank LockInfo if nobody does)."""
    holder = read_lock(conn)
    if holder is not None and holder.token == token:
        return None
    return holder or LockInfo("", "", "", 0, "", "")


def release(conn: sqlite3.Connection, token: str) -> None:
    conn.execute("DELETE FROM lock WHERE id = 1 AND token = ?", [token])


class Heartbeat(threading.Thread):
    """Refresh the lock's heartbeat from a thread with its own connection (a connection belongs to one thread)."""

    def __init__(self, uri: str, token: str, interval: float | None = None):
        super().__init__(name="pipun-lock-heartbeat", daemon=True)
        self.uri, self.token = uri, token
        self.interval = HEARTBEAT_SECONDS if interval is None else interval
        self.stop_event = threading.Event()
        self.lost = False

    def run(self) -> None:
        while not self.stop_event.wait(self.interval):
            self.beat()

    def beat(self) -> None:
        try:
            conn = sqlite3.connect(self.uri, uri=True, isolation_level=None, timeout=10)
        except sqlite3.Error:
            return
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            conn.execute("BEGIN IMMEDIATE")
            cur = conn.execute(
                "UPDATE lock SET heartbeat = ? WHERE id = 1 AND token = ?", [iso_now(), self.token]
            )
            if cur.rowcount == 0:
                self.lost = True
            conn.execute("COMMIT")
        except sqlite3.Error:
            pass  # a busy or unreachable file: try again next time; a long silence makes the lock stale
        finally:
            conn.close()

    def stop(self) -> None:
        self.stop_event.set()
        if self.is_alive() and self is not threading.current_thread():
            self.join(timeout=15)
