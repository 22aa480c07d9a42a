"""The window's and the printer's questions: Thai buttons, and the answer is the button clicked."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pipun_desktop.ui.message_boxes import choice_box, confirm_box, inform_box


def click_later(label, seen):
    def click():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(sorted(b.text() for b in box.buttons()))
        next(b for b in box.buttons() if b.text() == label).click()

    QTimer.singleShot(0, click)


def test_confirm_box_answers_yes_or_no(qapp):
    seen = []
    click_later("ใช่", seen)
    assert confirm_box(None, "ลบ", "ลบรายการนี้หรือไม่") is True
    click_later("ไม่ใช่", seen)
    assert confirm_box(None, "ลบ", "ลบรายการนี้หรือไม่") is False
    assert seen == [sorted(["ใช่", "ไม่ใช่"])] * 2


def test_choice_box_gives_the_index_clicked(qapp):
    seen = []
    click_later("พิมพ์…", seen)
    assert choice_box(None, "ส่งออก PDF", "ทำอะไรต่อ", ["ดูตัวอย่าง", "พิมพ์…", "ปิด"]) == 1
    assert seen == [sorted(["ดูตัวอย่าง", "พิมพ์…", "ปิด"])]


def test_inform_box_has_one_thai_button(qapp):
    seen = []
    click_later("ตกลง", seen)
    inform_box(None, "บันทึกไม่ได้", "ดิสก์เต็ม", warning=True)
    assert seen == [["ตกลง"]]
