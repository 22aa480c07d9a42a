"""File > เอกสารประกอบ…: the memo to the executive or the web-publication form, previewed, printed or saved as
PDF through the same path as the report (FileActions.start_pdf: a worker thread, the preview dialog, the print
dialog)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout

DOCUMENT_CHOICES = (
    ("memo", "บันทึกข้อความเสนอผู้บริหาร (รายงานผลและขออนุมัติเผยแพร่)"),
    ("web-form", "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน"),
)
ACTIONS = (("preview", "ดูตัวอย่าง…"), ("print", "พิมพ์…"), ("save", "บันทึกเป็น PDF…"))


class PapersDialog(QDialog):
    """Choose the paper and what to do with it; `chosen` is (document, action) after a button, else None."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("เอกสารประกอบรายงาน")
        self.chosen: tuple[str, str] | None = None
        layout = QVBoxLayout(self)
        intro = QLabel("เอกสารที่ส่งไปพร้อมรายงาน ใช้ข้อมูลจากรายงานนี้และช่อง “เอกสารประกอบ” ในแท็บข้อมูลรายงาน", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for k, (key, label) in enumerate(DOCUMENT_CHOICES):
            radio = QRadioButton(label, self)
            radio.setChecked(k == 0)
            self.group.addButton(radio, k)
            self.radios[key] = radio
            layout.addWidget(radio)
        buttons = QDialogButtonBox(self)
        self.buttons = {}
        for action, label in ACTIONS:
            button = buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
            button.clicked.connect(lambda _=False, action=action: self._choose(action))
            self.buttons[action] = button
        close = buttons.addButton("ปิด", QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def document(self) -> str:
        return DOCUMENT_CHOICES[max(self.group.checkedId(), 0)][0]

    def _choose(self, action: str) -> None:
        self.chosen = (self.document(), action)
        self.accept()
