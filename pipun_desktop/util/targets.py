"""Where an output may go: never over a data file, never onto something that is not a plain file.

Used by every writer of an output (PDF, JSON, a copy) before it writes, so that `export-pdf FILE -o FILE`
or the window's export onto the open file is refused instead of replacing the organization's data.
Only the standard library: every layer may call it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


def show_name(path: str | os.PathLike[str]) -> str:
    """A file's name fit to print: a name that is not valid UTF-8 (Linux) shows its bad bytes as \\xNN."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def special_file_problem(path: str | os.PathLike[str]) -> str | None:
    """A Thai sentence when `path` exists but is not a regular file (a FIFO, a device, a socket, a folder)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    name = show_name(Path(path).name or path)
    if stat.S_ISDIR(st.st_mode):
        return f"{name} เป็นโฟลเดอร์ ไม่ใช่ไฟล์"
    if not stat.S_ISREG(st.st_mode):
        return f"{name} ไม่ใช่ไฟล์ธรรมดา (เช่น ไปป์หรืออุปกรณ์) จึงไม่อ่านหรือเขียน"
    return None


def is_sqlite_file(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is a regular file starting with SQLite's header (a data file, ours or not)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as f:
            return f.read(16) == SQLITE_HEADER
    except OSError:
        return False


def output_target_problem(path: str | os.PathLike[str], kind: str) -> str | None:
    """A Thai sentence when an output (`kind`: "PDF", "JSON", …) must not be written at `path`, else None.

    Refused: a data file (open in a window or not: its data would be replaced), and anything that exists but
    is not a regular file.
    """
    problem = special_file_problem(path)
    if problem:
        return f"บันทึกไฟล์ {kind} ไม่ได้: {problem}"
    text = os.fspath(path)
    if text.endswith("-journal") and is_sqlite_file(text[: -len("-journal")]):
        return (
            f"{show_name(Path(path).name)} เป็นชื่อบันทึกค้างของไฟล์ข้อมูลรายงาน "
            f"(SQLite จะอ่านหรือลบไฟล์นี้เมื่อเปิดไฟล์ข้อมูล) โปรดเลือกชื่อไฟล์อื่น"
        )
    if is_sqlite_file(path):
        return (
            f"{show_name(Path(path).name)} เป็นไฟล์ข้อมูลรายงาน จะไม่เขียนไฟล์ {kind} ทับ "
            f"(ข้อมูลจะหายทั้งหมด) โปรดเลือกชื่อไฟล์อื่น"
        )
    return None
