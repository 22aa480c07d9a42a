"""What the window says when there is nothing to edit yet, and the bar over the bundled sample.

`EmptyPage` stands where a node's form goes when no node is selected: its text says what can be done in the
window's state (no file open: open one, start a new one or import one; a read-only file: look only; a report
with no dimension yet: add one; otherwise: pick a node or add an item), with buttons for the actions that
apply. `SampleBanner` sits above the tree and the forms while the first-run copy of the sample is open: it says
whose report it is and offers "start my own report" in one click (a new file from the standard framework,
and the Word/Excel import when the window has one).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

# the window's states, as EmptyPage.show_state takes them
NO_FILE, READ_ONLY, NO_REPORT, EMPTY_REPORT, NOTHING_SELECTED = (
    "no-file",
    "read-only",
    "no-report",
    "empty-report",
    "nothing-selected",
)

TEXTS = {
    NO_FILE: "ยังไม่ได้เปิดไฟล์รายงาน\n\n"
    "เปิดไฟล์รายงานที่มีอยู่ (Ctrl+O) สร้างไฟล์รายงานใหม่จากกรอบมาตรฐาน (Ctrl+N)\n"
    "หรือนำเข้ารายงานจากไฟล์ JSON ด้วยปุ่มด้านล่าง หรือจากเมนู “ไฟล์”",
    READ_ONLY: "ไฟล์นี้เปิดแบบอ่านอย่างเดียว แก้ไขไม่ได้\n\n"
    "เลือกมิติ หัวข้อ หรือโครงการทางซ้ายเพื่อดูรายละเอียด\n"
    "ส่งออก PDF หรือพิมพ์ได้จากเมนู “ไฟล์” หากต้องการแก้ไข ให้บันทึกสำเนาเป็นไฟล์ใหม่",
    NO_REPORT: "ไฟล์นี้ยังไม่มีรายงาน\n\nเพิ่มรายงาน (ปีงบประมาณและรอบ) ด้วยปุ่มด้านล่าง",
    EMPTY_REPORT: "รายงานนี้ยังไม่มีมิติหรือหัวข้อ\n\n"
    "กด Ctrl+Insert หรือปุ่ม “+ หัวข้อ” บนแถบเครื่องมือเพื่อเพิ่มมิติแรก\n"
    "แล้วจึงเพิ่มโครงการ/กิจกรรมใต้มิตินั้น (Insert)",
    NOTHING_SELECTED: "เลือกมิติ หัวข้อ หรือโครงการทางซ้ายเพื่อแก้ไข\nหรือกด Insert เพื่อเพิ่มโครงการ",
}


def _button_for(action: QAction, text: str | None = None) -> QPushButton:
    """A push button that triggers `action` and follows whether it is enabled."""
    button = QPushButton(text or action.text())
    button.clicked.connect(lambda *_: action.trigger())
    button.setEnabled(action.isEnabled())
    action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
    return button


class EmptyPage(QWidget):
    """The text (and buttons) shown where a node's form goes when none is selected."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel(TEXTS[NOTHING_SELECTED])
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self._buttons: dict[str, QPushButton] = {}
        self._shown_for: dict[str, set[str]] = {}
        self.state = NOTHING_SELECTED
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addSpacing(12)
        layout.addLayout(self.buttons)
        layout.addStretch(2)

    def add_button(self, key: str, action: QAction, states: set[str], text: str | None = None) -> QPushButton:
        """A button for `action`, shown in the given states only."""
        button = _button_for(action, text)
        button.setObjectName(f"empty_{key}")
        self.buttons.insertWidget(self.buttons.count(), button)
        self._buttons[key] = button
        self._shown_for[key] = states
        button.setVisible(self.state in states)
        return button

    def finish_buttons(self) -> None:
        self.buttons.addStretch(1)

    def button(self, key: str) -> QPushButton | None:
        return self._buttons.get(key)

    def show_state(self, state: str) -> None:
        self.state = state
        self.label.setText(TEXTS[state])
        for key, button in self._buttons.items():
            button.setVisible(state in self._shown_for[key])


SAMPLE_TEXT = (
    "<b>นี่คือไฟล์ตัวอย่าง</b> เป็นรายงานจริงของ{org} ปีงบประมาณ {year} รอบ {round} เดือน ให้ดูเป็นแบบ "
    "ไม่ใช่รายงานของหน่วยงานท่าน แก้ไขได้โดยไม่กระทบใคร"
)


class SampleBanner(QFrame):
    """A bar over the window while the bundled sample is open: whose report it is, and how to start one's own."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sample_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#sample_banner { background: #fff8e1; border: 1px solid #f0c36d; border-radius: 3px; }"
            "#sample_banner QLabel { color: #4e3b00; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(10, 6, 10, 6)
        self.row.addWidget(self.label, 1)
        self.start_button: QPushButton | None = None
        self.hide()

    def add_button(self, action: QAction, text: str, primary: bool = False) -> QPushButton:
        button = _button_for(action, text)
        if primary:
            button.setDefault(False)
            button.setStyleSheet("font-weight: bold;")
            self.start_button = button
        self.row.addWidget(button)
        return button

    def show_for(self, organization: str, year: str, round_: str) -> None:
        from html import escape

        self.label.setText(
            SAMPLE_TEXT.format(
                org=escape(organization or "หน่วยงานอื่น"), year=escape(year), round=escape(round_)
            )
        )
        self.show()
