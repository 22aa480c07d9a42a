"""Opening a file someone else is editing: say who has it (user, machine, since when) and offer read-only."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from ..storage.identity import thai_local_text
from ..storage.lock import HEARTBEAT_SECONDS, LockInfo
from ..storage.store import ReportStore
from ..thai.digits import render_digits

LOCK_TITLE = "ไฟล์กำลังถูกใช้งาน"


def lock_message(path, holder: LockInfo) -> str:
    return (
        f"ไฟล์ {Path(path).name} กำลังถูกเปิดแก้ไขอยู่\n\n"
        f"ผู้ใช้: {holder.user or '?'}\nเครื่อง: {holder.host or '?'}\n"
        f"เปิดตั้งแต่: {thai_local_text(holder.since)}\nสัญญาณล่าสุด: {thai_local_text(holder.heartbeat)}\n\n"
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


WATCH_SECONDS = HEARTBEAT_SECONDS + 15  # longer than a live holder ever stays silent

FUTURE_NOTE = (
    "เวลาของสัญญาณล่าสุดอยู่ในอนาคต: นาฬิกาของเครื่องนั้นเดินเร็ว จึงบอกจากเวลาไม่ได้ว่ายังเปิดอยู่หรือไม่ "
    "โปรแกรมตรวจสอบให้ได้โดยเฝ้าดูไม่เกิน {seconds} วินาที ถ้าไม่มีสัญญาณใหม่ แปลว่าเครื่องนั้นปิดไปแล้ว และเปิดแก้ไขได้"
)


def future_message(path, holder: LockInfo, seconds: int) -> str:
    # not "cleared by itself within minutes": the age of a heartbeat from the future says nothing
    question = lock_message(path, holder).rsplit("\n", 1)[0]
    return question + "\n\n" + FUTURE_NOTE.format(seconds=render_digits(str(seconds), "thai"))


def ask_about_future_lock(window, path, holder: LockInfo) -> str:
    """A lock whose heartbeat is in the future, from another PC: "read_only", "watch" (check that it is silent,
    then edit) or "cancel". Uses `window.choose_future_lock` when the window has one (tests)."""
    seconds = int(WATCH_SECONDS)
    choose = getattr(window, "choose_future_lock", None)
    if choose is not None:
        return str(choose(future_message(path, holder, seconds)))
    box = QMessageBox(
        QMessageBox.Icon.Warning, LOCK_TITLE, future_message(path, holder, seconds), parent=window
    )
    watch = box.addButton("ตรวจสอบแล้วเปิดแก้ไข", QMessageBox.ButtonRole.AcceptRole)
    read_only = box.addButton("เปิดแบบอ่านอย่างเดียว", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("ยกเลิก", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return "watch" if clicked is watch else "read_only" if clicked is read_only else "cancel"


def watch_lock(window, path, holder: LockInfo, seconds: float | None = None) -> bool:
    """Watch the lock for a bounded time with a progress dialog (Cancel stops): True when it never moved."""
    seconds = float(WATCH_SECONDS) if seconds is None else seconds
    dialog = QProgressDialog("กำลังตรวจสอบว่าเครื่องนั้นยังเปิดไฟล์อยู่หรือไม่…", "ยกเลิก", 0, 100, window)
    dialog.setWindowTitle(LOCK_TITLE)
    dialog.setMinimumDuration(0)
    result = {"moved": False}
    loop = QEventLoop()
    start = time.monotonic()

    def poll() -> None:
        if dialog.wasCanceled():
            result["moved"] = True
            loop.quit()
            return
        elapsed = time.monotonic() - start
        dialog.setValue(min(99, int(100 * elapsed / max(seconds, 0.001))))
        if ReportStore.lock_holder_row(path) != holder:
            result["moved"] = True
            loop.quit()
        elif elapsed >= seconds:
            loop.quit()

    timer = QTimer()
    timer.setInterval(min(1000, max(50, int(seconds * 100))))
    timer.timeout.connect(poll)
    timer.start()
    loop.exec()
    timer.stop()
    dialog.close()
    return not result["moved"]
