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
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from ..util.processes import pid_alive
from .errors import FileLockedError
from .identity import host_name, iso_now, now_utc, os_user, parse_iso, thai_local_text

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
            f"ตั้งแต่ {thai_local_text(self.since)} (สัญญาณล่าสุด {thai_local_text(self.heartbeat)})"
        )


FUTURE_TOLERANCE = dt.timedelta(minutes=2)  # clocks of PCs on one network differ by seconds, not minutes


def file_id(path: str | os.PathLike[str]) -> str:
    """What tells this file from a copy of it on this machine: its device and inode (its file index on
    Windows); a copy made with cp, Explorer or to a USB stick gets another one, a rename keeps it."""
    try:
        st = os.stat(path)
    except OSError:
        return ""
    return f"{st.st_dev:x}:{st.st_ino:x}" if st.st_ino else ""


def token_for(path: str | os.PathLike[str]) -> str:
    """A new lock token: random, followed by the identity of the file it locks."""
    return f"{uuid.uuid4().hex}/{file_id(path)}"


def is_copy(info: LockInfo, current_file_id: str | None) -> bool:
    """The lock row travelled with a copy: taken on this machine, for another file (the original)."""
    if not current_file_id or info.host != host_name() or "/" not in info.token:
        return False
    locked = info.token.split("/", 1)[1]
    return bool(locked) and locked != current_file_id


def in_future(info: LockInfo, now: dt.datetime | None = None) -> bool:
    """The heartbeat is later than now by more than clocks differ: the holder's clock runs fast (or ran fast
    before it crashed); its age says nothing."""
    beat = parse_iso(info.heartbeat)
    return beat is not None and beat - (now or now_utc()) > FUTURE_TOLERANCE


def is_stale(info: LockInfo, now: dt.datetime | None = None, current_file_id: str | None = None) -> bool:
    """Whether a lock may be cleared: its holder's heartbeat is older than STALE_AFTER, its holder ran on this
    machine and is gone, or the lock came with a copy of the file. A heartbeat from the future is judged by
    the holder's process when it ran here; from another machine it counts as live (see in_future: the user
    may then have the program watch it, `wait_for_silence`)."""
    now = now or now_utc()
    beat = parse_iso(info.heartbeat)
    if beat is None:
        return True
    if is_copy(info, current_file_id):
        return True
    here = info.host == host_name()
    if here and not pid_alive(info.pid):
        return True
    if in_future(info, now):
        return False  # here: the process lives; elsewhere: not knowable from the time alone
    return now - beat > STALE_AFTER


def wait_for_silence(
    read: Callable[[], LockInfo | None], holder: LockInfo, seconds: float, poll: float = 1.0
) -> bool:
    """Watch a lock whose age cannot be judged (a heartbeat from the future) for up to `seconds`, longer than
    a live holder's HEARTBEAT_SECONDS: True when it never moved (its holder is gone), False when the holder
    beat, released or changed in the meantime."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(min(poll, max(0.0, deadline - time.monotonic())))
        now = read()
        if now != holder:
            return False
    return True


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


def new_lock(path: str | os.PathLike[str] | None = None) -> LockInfo:
    now = iso_now()
    token = token_for(path) if path is not None else uuid.uuid4().hex
    return LockInfo(token, os_user(), host_name(), os.getpid(), now, now)


def locked_message(name: str, holder: LockInfo) -> str:
    return f"ไฟล์ {name} กำลังถูกเปิดแก้ไขโดย{holder.describe()} เปิดได้แบบอ่านอย่างเดียว"


def acquire(
    conn: sqlite3.Connection,
    mine: LockInfo,
    name: str,
    current_file_id: str | None = None,
    take_over: str = "",
) -> LockInfo | None:
    """Take the lock inside the caller's transaction; returns the stale lock it cleared, if any.

    Raises FileLockedError when a live holder has it. `take_over`: the token of a lock the user chose to clear
    after it was watched and found silent (wait_for_silence); only that very lock is cleared.
    """
    holder = read_lock(conn)
    if (
        holder is not None
        and holder.token != mine.token
        and not (take_over and holder.token == take_over)
        and not is_stale(holder, current_file_id=current_file_id)
    ):
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
