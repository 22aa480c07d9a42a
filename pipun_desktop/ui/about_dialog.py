"""Help > เกี่ยวกับโปรแกรม: the program's name, its version (the one `--version` prints and the executables'
version resource carry: pipun_desktop.__version__), where the open file and the user data folder are, and
what it is built on (an officer reading a version out over the telephone needs exactly this)."""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .. import __version__
from ..resources_path import resource_path
from .data_files import data_dir

TITLE = "เกี่ยวกับโปรแกรม"
PROGRAM = "โปรแกรมรายงานผลการดำเนินการป้องกันการทุจริต"


def version_line() -> str:
    """ "รุ่น 0.9.0": the version in Arabic digits whatever the display setting, as `--version` and the
    executables' Properties show it, so it can be compared character by character."""
    return f"รุ่น {__version__}"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, file_path: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setObjectName("about_dialog")
        icon = QLabel()
        pixmap = QPixmap(str(resource_path("resources", "icon.png")))
        if not pixmap.isNull():
            icon.setPixmap(
                pixmap.scaled(
                    64, 64, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.name_label = QLabel(f"<b style='font-size:14pt'>{html.escape(PROGRAM)}</b><br>Pipun desktop")
        self.version_label = QLabel(f"<b>{html.escape(version_line())}</b>")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rows = [
            ("ไฟล์ที่เปิดอยู่", file_path or "-"),
            ("โฟลเดอร์ข้อมูลและสำเนาสำรอง", str(data_dir())),
            (
                "สร้างด้วย",
                f"Python {platform.python_version()}, Qt {qVersion()} (PySide6 {PySide6.__version__}), "
                f"{platform.system()} {platform.machine()}",
            ),
            ("แบบอักษร", "Sarabun (SIL Open Font License 1.1)"),
        ]
        self.details_label = QLabel(
            "<table>"
            + "".join(
                f"<tr><td nowrap style='padding-right:8px'>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
                for k, v in rows
            )
            + "</table>"
        )
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label.setWordWrap(True)

        text = QVBoxLayout()
        for w in (self.name_label, self.version_label, self.details_label):
            text.addWidget(w)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton("ปิด", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def text(self) -> str:
        """Everything the dialog says, as plain text (tests and a copy for support)."""
        from PySide6.QtGui import QTextDocument

        parts = []
        for label in (self.name_label, self.version_label, self.details_label):
            doc = QTextDocument()
            doc.setHtml(label.text())
            parts.append(doc.toPlainText())
        return "\n".join(parts)
