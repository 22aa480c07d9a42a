"""What the Word and Excel exporters share: the Thai error, the output-path guard, the note column's
text and text made safe for XML.

Interchange layer: imports core and thai only, never Qt.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..core.model import STATUS_LABELS, STATUS_REASON_LABELS, Item

SQLITE_HEADER = b"SQLite format 3\x00"

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class OfficeExportError(Exception):
    """The export failed; the message is one line of Thai that says why. Nothing was written."""


class OfficeExportCancelled(Exception):
    """The user cancelled the export; no file was written."""

    def __init__(self) -> None:
        super().__init__("ยกเลิกการส่งออกแล้ว")


@dataclass
class OfficeExportInfo:
    path: str
    bytes: int
    items: int


def is_data_file(path: Path) -> bool:
    """A pipun data file (SQLite) or its journal: never to be overwritten by an export."""
    name = path.name.lower()
    if name.endswith(("-journal", "-wal", "-shm")) or name.endswith(".pipun"):
        return True
    try:
        with open(path, "rb") as f:
            return f.read(16) == SQLITE_HEADER
    except OSError:
        return False


def check_output_path(out_path: str | os.PathLike[str], kind: str) -> Path:
    """The folder must exist and the target must not be a folder or a data file; `kind` names the
    output in the message ("Word", "Excel")."""
    out = Path(out_path)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise OfficeExportError(f"ไม่พบโฟลเดอร์ {folder} สำหรับบันทึกไฟล์ {kind}")
    if out.is_dir():
        raise OfficeExportError(f"{out} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ {kind}")
    if out.exists() and is_data_file(out):
        raise OfficeExportError(f"ไม่เขียนทับ {out}: เป็นไฟล์ข้อมูลรายงาน (เลือกชื่อไฟล์ {kind} ใหม่ที่ไม่ใช่ไฟล์ข้อมูล)")
    return out


def write_whole(out: Path, data: bytes, kind: str) -> None:
    """Write beside the target and rename into place: the old file, or the whole new one."""
    folder = out.parent if str(out.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OfficeExportError(f"เขียนไฟล์ในโฟลเดอร์ {folder} ไม่ได้: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except PermissionError as exc:
        raise OfficeExportError(
            f"บันทึกไฟล์ {out} ไม่ได้: {exc.strerror or exc} (ไฟล์อาจเปิดอยู่ในโปรแกรมอื่น หรือไม่มีสิทธิ์เขียน)"
        ) from None
    except OSError as exc:
        raise OfficeExportError(f"บันทึกไฟล์ {kind} {out} ไม่ได้: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def note_text(item: Item) -> str:
    """The หมายเหตุ column as printed: the note, and the status when the item was not done."""
    note = item.note or ""
    if item.status in ("not_started", "not_possible"):
        extra = STATUS_LABELS[item.status]
        if item.status_reason:
            extra += f" ({STATUS_REASON_LABELS[item.status_reason]})"
        if extra not in note:
            note = f"{note}\n{extra}" if note else extra
    return note


# characters XML 1.0 cannot hold (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/U+FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPECIAL = re.compile("[\r\x0b\x0c\u2028\u2029\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n"})


def xml_text(text: str) -> str:
    """Text an XML document can hold: line breaks as the PDF reads them, and a character XML cannot
    carry at all shown as U+FFFD (visible, never dropped silently)."""
    if _SPECIAL.search(text) is None:  # the usual case, and much faster than translating
        return text
    text = text.replace("\r\n", "\n").translate(_NEWLINES)
    return _NOT_XML.sub("\ufffd", text)


def lines(text: str) -> list[str]:
    """Non-empty lines of a text field, verbatim (trailing spaces kept as typed)."""
    return [line for line in xml_text(text).split("\n") if line.strip()]
