"""The announcement's emblem: a preview about 3 cm high, "choose" and "remove" buttons, and the image file read
and converted to PNG bytes (the form stores them through the document)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..thai.digits import render_digits

PREVIEW_CM = 3.0  # printed height of the emblem at the top of the announcement
ERROR_COLOR = "#b00020"
NO_EMBLEM = "ไม่มีตราสัญลักษณ์"


def read_emblem(path) -> bytes:
    """PNG bytes of the image at `path` (PNG or JPEG, checked whole by media.images: format sniffed, size and
    pixels capped, decoded), scaled down to 1,200 px when larger; ValueError (ImageError) with a Thai message
    naming the file and what is wrong."""
    from pathlib import Path

    from ..media.images import prepare_emblem, read_image_file

    what = f"ภาพตราสัญลักษณ์ {Path(path).name}"
    return prepare_emblem(read_image_file(path, what), what)


class EmblemField(QWidget):
    """Shows an emblem and asks for a new one; `chosen(bytes)` carries a picked image as PNG, `remove_requested`
    the remove button. The owner stores the change and calls show_png with what was stored."""

    chosen = Signal(bytes)
    remove_requested = Signal()

    def __init__(self, parent=None, digits: str = "thai"):
        super().__init__(parent)
        self.digits = digits
        self._png: bytes | None = None
        self._shown = False
        self._read_only = False
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.preview = QLabel(self)
        self.preview.setAccessibleName("ภาพตราสัญลักษณ์")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        height = self.preview_height()
        self.preview.setFixedSize(QSize(int(height * 1.4), height + 8))
        buttons = QVBoxLayout()
        self.choose_button = QPushButton("เลือกรูปตราสัญลักษณ์…", self)
        self.choose_button.setToolTip("ไฟล์ PNG หรือ JPEG พิมพ์สูงประมาณ ๓ ซม. กลางหัวประกาศ")
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton("นำรูปออก", self)
        self.remove_button.clicked.connect(self.remove_requested)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.hide()
        buttons.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addWidget(self.error)
        buttons.addStretch(1)
        lay.addWidget(self.preview)
        lay.addLayout(buttons, 1)
        self.show_png(None)

    def preview_height(self) -> int:
        """About 3 cm on this screen."""
        return max(64, round(self.logicalDpiY() * PREVIEW_CM / 2.54))

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "เลือกรูปตราสัญลักษณ์", "", "รูปภาพ PNG หรือ JPEG (*.png *.jpg *.jpeg *.PNG *.JPG *.JPEG)"
        )
        if path:
            self.load(path)

    def load(self, path) -> bool:
        """Read the image at `path` and emit chosen(png); False (and a Thai message shown) when it is no image."""
        try:
            png = read_emblem(path)
        except ValueError as exc:
            self.show_error(str(exc))
            return False
        self.show_error("")
        self.chosen.emit(png)
        return True

    def show_png(self, png: bytes | None) -> None:
        if self._shown and png == self._png:
            return
        self._shown, self._png = True, png
        pixmap = QPixmap()
        if png is not None and pixmap.loadFromData(QByteArray(png)):
            self.preview.setPixmap(
                pixmap.scaledToHeight(self.preview_height(), Qt.TransformationMode.SmoothTransformation)
            )
            self.preview.setToolTip(render_digits(f"{pixmap.width()} × {pixmap.height()} จุด", self.digits))
        else:
            self.preview.clear()
            self.preview.setText(NO_EMBLEM)
            self.preview.setToolTip("")
        self._update_buttons()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.choose_button.setEnabled(not self._read_only)
        self.remove_button.setEnabled(self._png is not None and not self._read_only)
