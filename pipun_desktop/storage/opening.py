"""Opening a data file that may come from anywhere: checks that run before SQLite executes anything in it.

1. The 100-byte header is read as plain bytes: SQLite's magic, our application_id, the schema version, the
   journal mode (never WAL) and the page count against the file's length (a truncated copy) are checked
   before SQLite opens the file, so a wrong file is refused without a byte written.
2. SQLite opens it with trusted_schema off (and defensive mode where this Python offers it); `quick_check`
   must say "ok".
3. Every row of sqlite_master must be exactly one this program creates for the file's version: a trigger, a
   view, an extra table or index, or a changed table definition is refused before any write runs it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..util.targets import show_name, special_file_problem
from .errors import StorageError, WriteError
from .schema import APPLICATION_ID, SCHEMA_VERSION, expected_master

if TYPE_CHECKING:
    from _typeshed import StrPath

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT = 10.0  # seconds: another program's short write (or our heartbeat) finishes within this

# primary result codes (sqlite3.h); extended codes carry them in the low byte
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 5, 6, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26


@dataclass(frozen=True)
class Header:
    application_id: int
    version: int


def check_header(path: Path) -> Header:
    """Refuse what is not one of our files, from its raw header, before SQLite reads it."""
    path = Path(path)
    for candidate in (path, Path(f"{path}-journal")):
        problem = special_file_problem(candidate)  # a FIFO would block the open below (or SQLite's) for ever
        if problem:
            raise StorageError(problem)
    try:
        with open(path, "rb") as f:
            head = f.read(100)
            size = os.fstat(f.fileno()).st_size
    except FileNotFoundError:
        raise StorageError(f"ไม่พบไฟล์ {show_name(path)}") from None
    except IsADirectoryError:
        raise StorageError(f"{show_name(path)} เป็นโฟลเดอร์ ไม่ใช่ไฟล์รายงาน") from None
    except OSError as exc:
        raise StorageError(f"เปิดไฟล์ {show_name(path)} ไม่ได้: {exc.strerror or exc}") from None
    if not head:
        raise StorageError(f"ไฟล์ {path.name} ว่างเปล่า ไม่ใช่ไฟล์รายงาน")
    if not head.startswith(SQLITE_HEADER) or len(head) < 100:
        raise StorageError(f"ไฟล์ {path.name} ไม่ใช่ไฟล์รายงานของโปรแกรมนี้")
    app_id = int.from_bytes(head[68:72], "big")
    version = int.from_bytes(head[60:64], "big", signed=True)
    if app_id != APPLICATION_ID:
        raise StorageError(f"ไฟล์ {path.name} เป็นฐานข้อมูลของโปรแกรมอื่น ไม่ใช่ไฟล์รายงาน")
    if version > SCHEMA_VERSION:
        raise StorageError(
            f"ไฟล์ {path.name} สร้างจากโปรแกรมรุ่นใหม่กว่า (รุ่นข้อมูล {version}) โปรดปรับรุ่นโปรแกรมก่อนเปิดไฟล์นี้"
        )
    if version < 1:
        raise StorageError(f"ไฟล์ {path.name} เสียหาย (ไม่มีเลขรุ่นข้อมูล)")
    if head[18] == 2 or head[19] == 2:
        raise StorageError(f"ไฟล์ {path.name} อยู่ในโหมด WAL ซึ่งโปรแกรมนี้ไม่ได้สร้าง จึงไม่เปิดเพื่อความปลอดภัย")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    header_size_valid = head[24:28] == head[92:96] and pages > 0
    journal = Path(f"{path}-journal")
    if header_size_valid and not journal.exists() and size < pages * page_size:
        raise StorageError(
            f"ไฟล์ {path.name} ไม่ครบ (ขาดหายไป {pages * page_size - size:,} ไบต์) "
            f"อาจคัดลอกไม่เสร็จ โปรดคัดลอกใหม่หรือกู้คืนจากสำเนาสำรอง"
        )
    return Header(app_id, version)


def sqlite_uri(path: StrPath, mode: str) -> str:
    """An SQLite URI for a local or shared-folder path (percent-encoded: Thai, spaces, '#', '?' and '%' are fine)."""
    return f"file://{uri_path(str(Path(path).resolve()), os.name == 'nt')}?mode={mode}"


def check_name_length(path: Path) -> None:
    """SQLite writes beside a data file a journal named FILE-journal: a name too long for that cannot be saved."""
    if len(os.fsencode(Path(path).name)) > NAME_MAX - len("-journal"):
        raise StorageError(
            f"ชื่อไฟล์ {show_name(Path(path).name)[:40]}… ยาวเกินไปสำหรับไฟล์ข้อมูล "
            f"(ได้ไม่เกิน {NAME_MAX - len('-journal')} ไบต์) โปรดตั้งชื่อให้สั้นลง"
        )


NAME_MAX = 255  # bytes in one file name on Linux/macOS file systems; NTFS allows 255 UTF-16 units


def uri_path(text: str, windows: bool) -> str:
    """Path.as_uri() would put a UNC server (\\\\server\\share) in the URI's authority, which SQLite refuses;
    here the authority stays empty and the server stays in the path ("file:////server/share/x")."""
    if windows:
        text = text.replace("\\", "/")
        if not text.startswith("//"):
            text = "/" + text  # C:/x -> /C:/x
    # a Linux name that is not UTF-8 carries its bytes as surrogates: give SQLite those very bytes
    return quote(text.encode("utf-8", "surrogateescape"), safe="/:")


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """A connection that trusts nothing in the file's schema; no write has happened when it returns."""
    uri = sqlite_uri(path, "ro" if read_only else "rw")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=True, timeout=BUSY_TIMEOUT)
    harden(conn)
    return conn


def harden(conn: sqlite3.Connection) -> None:
    # Functions and virtual tables named in the schema (views, triggers, CHECKs, defaults) may not run
    # with side effects; defensive mode also forbids writable_schema and direct writes to shadow tables.
    conn.execute("PRAGMA trusted_schema = OFF")
    if hasattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE") and hasattr(conn, "setconfig"):
        conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA cell_size_check = ON")


def verify(conn: sqlite3.Connection, path: Path) -> int:
    """The schema against ours first (reading sqlite_master evaluates nothing of the file's SQL), then
    quick_check, which evaluates the tables' CHECK expressions: only ours by then, and bounded in time."""
    name = Path(path).name
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        master = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    except sqlite3.Error as exc:
        raise open_error(exc, name) from None
    if app_id != APPLICATION_ID or not 1 <= version <= SCHEMA_VERSION:
        raise StorageError(f"ไฟล์ {name} ไม่ใช่ไฟล์รายงานของโปรแกรมนี้หรือเป็นรุ่นที่ไม่รองรับ")
    if set(master) != expected_master(version) or len(master) != len(expected_master(version)):
        raise StorageError(
            f"ไฟล์ {name} มีโครงสร้างที่โปรแกรมนี้ไม่ได้สร้าง (เช่น ตาราง วิว หรือทริกเกอร์เพิ่มเติม) จึงไม่เปิดเพื่อความปลอดภัย"
        )
    try:
        with time_limit(conn, CHECK_SECONDS):
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc).lower():
            raise StorageError(
                f"ตรวจไฟล์ {name} ไม่เสร็จภายใน {CHECK_SECONDS:g} วินาที จึงไม่เปิด "
                f"(ไฟล์อาจเสียหายหรืออยู่บนไดรฟ์ที่ช้ามาก โปรดคัดลอกมาไว้ในเครื่องหรือกู้คืนจากสำเนาสำรอง)"
            ) from None
        raise open_error(exc, name) from None
    except sqlite3.Error as exc:
        raise open_error(exc, name) from None
    if rows != [("ok",)]:
        first = " ".join(str(rows[0][0]).split())[:80] if rows else "?"
        raise StorageError(f"ไฟล์ {name} เสียหาย ({first}) โปรดกู้คืนจากสำเนาสำรอง")
    return version


CHECK_SECONDS = 20.0  # quick_check of a 240 MB file takes a few seconds; a file that takes longer is refused


@contextmanager
def time_limit(conn: sqlite3.Connection, seconds: float) -> Iterator[None]:
    """Interrupt whatever `conn` runs inside the block once `seconds` have passed (SQLite's progress handler)."""
    deadline = time.monotonic() + seconds

    def over() -> int:
        return 1 if time.monotonic() > deadline else 0

    conn.set_progress_handler(over, 1_000)
    try:
        yield
    finally:
        conn.set_progress_handler(None, 0)


def _code(exc: sqlite3.Error) -> int:
    return (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def open_error(exc: sqlite3.Error, name: str) -> StorageError:
    code = _code(exc)
    if code == SQLITE_BUSY or code == SQLITE_LOCKED:
        return StorageError(f"ไฟล์ {name} กำลังถูกใช้งานโดยโปรแกรมอื่น โปรดลองอีกครั้ง")
    if code == SQLITE_READONLY:
        return StorageError(
            f"ไฟล์ {name} ค้างการบันทึกจากครั้งก่อน ต้องเปิดแบบแก้ไขได้หนึ่งครั้งเพื่อกู้คืน หรือไฟล์/โฟลเดอร์นี้เขียนไม่ได้"
        )
    if code == SQLITE_CANTOPEN:
        return StorageError(f"เปิดไฟล์ {name} ไม่ได้ (ไม่มีสิทธิ์ หรือโฟลเดอร์เข้าถึงไม่ได้)")
    return StorageError(f"ไฟล์ {name} เสียหายหรือไม่ใช่ไฟล์ของโปรแกรมนี้ ({' '.join(str(exc).split())[:160]})")


def write_error(exc: sqlite3.Error) -> StorageError:
    """A failed save as the user should read it; the edit was not stored and may be retried."""
    code = _code(exc)
    text = str(exc).lower()
    if code == SQLITE_FULL or "disk is full" in text:
        return WriteError("บันทึกไม่ได้: พื้นที่ดิสก์เต็ม การแก้ไขนี้ยังไม่ถูกบันทึก โปรดลบไฟล์ที่ไม่ใช้เพื่อเพิ่มพื้นที่ แล้วลองบันทึกอีกครั้ง")
    if code == SQLITE_IOERR or "i/o error" in text:
        return WriteError(
            "บันทึกไม่ได้: อ่าน/เขียนดิสก์ผิดพลาด (เช่น ถอด USB หรือเครือข่ายหลุด) "
            "การแก้ไขนี้ยังไม่ถูกบันทึก โปรดตรวจสอบอุปกรณ์แล้วลองอีกครั้ง"
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return WriteError("บันทึกไม่ได้: ไฟล์กำลังถูกใช้งานโดยโปรแกรมอื่น การแก้ไขนี้ยังไม่ถูกบันทึก โปรดลองอีกครั้ง")
    if code == SQLITE_READONLY:
        return WriteError("บันทึกไม่ได้: ไฟล์หรือโฟลเดอร์นี้เขียนไม่ได้ การแก้ไขนี้ยังไม่ถูกบันทึก")
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return StorageError("บันทึกไม่ได้: ไฟล์เสียหาย โปรดกู้คืนจากสำเนาสำรอง")
    if code == SQLITE_CANTOPEN:
        return WriteError("บันทึกไม่ได้: เข้าถึงไฟล์ไม่ได้ (ไฟล์ถูกย้ายหรือไดรฟ์หลุด) การแก้ไขนี้ยังไม่ถูกบันทึก")
    return WriteError(f"บันทึกไม่ได้ ({exc}) การแก้ไขนี้ยังไม่ถูกบันทึก โปรดลองอีกครั้ง")
