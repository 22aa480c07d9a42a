"""Opening a file someone else is editing: say who has it (user, machine, since when) and offer read-only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ..storage.identity import local_text
from ..storage.lock import LockInfo

LOCK_TITLE = "ไฟล์กำลังถูกใช้งาน"


def lock_message(path, holder: LockInfo) -> str:
    return (
        f"ไฟล์ {Path(path).name} กำลังถูกเปิดแก้ไขอยู่\n\n"
        f"ผู้ใช้: {holder.user or '?'}\nเครื่อง: {holder.host or '?'}\n"
        f"เปิดตั้งแต่: {local_text(holder.since)}\nสัญญาณล่าสุด: {local_text(holder.heartbeat)}\n\n"
        f"แก้ไขพร้อมกันสองที่ไม่ได้ (ข้อมูลจะทับกัน) เปิดแบบอ่านอย่างเดียวหรือไม่?\n"
        f"ถ้าโปรแกรมนั้นปิดไปแล้วโดยไม่ปกติ การล็อกจะถูกล้างเองภายในไม่กี่นาที"
    )


def ask_read_only(window, path, holder: LockInfo) -> bool:
    """True when the user chose to open the file read-only. Uses `window.confirm` when the window has one (so
    tests can answer it), else a message box of its own."""
    confirm = getattr(window, "confirm", None)
    if confirm is not None:
        return bool(confirm(LOCK_TITLE, lock_message(path, holder)))
    box = QMessageBox(QMessageBox.Icon.Warning, LOCK_TITLE, lock_message(path, holder), parent=window)
    read_only = box.addButton("เปิดแบบอ่านอย่างเดียว", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("ยกเลิก", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is read_only
