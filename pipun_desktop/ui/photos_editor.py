"""An item's activity photos: thumbnails with captions, added from a file dialog or by dropping image files on
the item's form, reordered, removed; every change is one undo step through the document.

Images pass media.images (format sniffed, size and pixels capped, decoded whole, turned upright, at most
1,600 px, metadata dropped) before anything is stored. Adding is all or nothing: when one of the chosen files
is refused, none is added and the message names the file, the item and what is wrong.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from ..core.model import Item, Photo
from ..media.images import ImageError, prepare_photo, read_image_file
from .editing import Committer, set_editor_text

THUMB_HEIGHT = 90
ERROR_COLOR = "#b00020"
FILE_FILTER = "ภาพ JPEG หรือ PNG (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG);;ทุกไฟล์ (*)"


class PhotoRowWidget(QFrame):
    """One photo: its thumbnail, its caption, up/down/remove."""

    def __init__(self, editor: PhotosEditor, index: int):
        super().__init__()
        self.editor, self.index = editor, index
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.thumb = QLabel()
        self.thumb.setFixedSize(QSize(int(THUMB_HEIGHT * 1.5), THUMB_HEIGHT))
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLineEdit()
        self.caption.setPlaceholderText("คำบรรยายภาพ เช่น ประชุมชี้แจงโครงการ วันที่ ๑๕ มกราคม ๒๕๖๔")
        self.caption.setAccessibleName(f"คำบรรยายภาพที่ {index + 1}")
        self.up = QToolButton(text="▲", toolTip="เลื่อนภาพนี้ขึ้น")
        self.down = QToolButton(text="▼", toolTip="เลื่อนภาพนี้ลง")
        self.remove = QToolButton(text="✕", toolTip="นำภาพนี้ออก")
        for b in (self.up, self.down, self.remove):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        side = QVBoxLayout()
        side.addWidget(self.caption)
        buttons = QHBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        side.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.thumb)
        layout.addLayout(side, 1)
        self.committer = Committer(self.caption, lambda t: editor.edit_caption(self.index, t))
        self.up.clicked.connect(lambda: editor.move_photo(self.index, -1))
        self.down.clicked.connect(lambda: editor.move_photo(self.index, +1))
        self.remove.clicked.connect(lambda: editor.remove_photo(self.index))
        self._image: bytes | None = None

    def show_photo(self, photo: Photo, count: int) -> None:
        if photo.image is not self._image:
            self._image = photo.image
            pixmap = QPixmap()
            if pixmap.loadFromData(QByteArray(photo.image)):
                self.thumb.setPixmap(
                    pixmap.scaled(
                        self.thumb.size(),
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
                self.thumb.setToolTip(
                    f"{pixmap.width()} × {pixmap.height()} จุด, {len(photo.image) // 1024:,} KB"
                )
            else:
                self.thumb.setText("อ่านภาพไม่ได้")
        if not self.committer.pending:
            set_editor_text(self.caption, photo.caption)
        self.up.setEnabled(self.index > 0)
        self.down.setEnabled(self.index < count - 1)


class PhotosEditor(QGroupBox):
    """The item's photos; see the module docstring."""

    rebuilt = Signal()

    def __init__(self, parent=None):
        super().__init__("ภาพกิจกรรม", parent)
        self.document = None
        self.ref = None
        self.rows: list[PhotoRowWidget] = []
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(6)
        self.add_button = QPushButton("เพิ่มภาพ…")
        self.add_button.setToolTip(
            "เลือกไฟล์ภาพ JPEG หรือ PNG (หรือลากไฟล์มาวางบนฟอร์มนี้) ภาพจะถูกย่อให้ยาวไม่เกิน ๑,๖๐๐ จุด"
        )
        self.add_button.clicked.connect(self.choose_files)
        self.hint = QLabel("ลากไฟล์ภาพมาวางบนฟอร์มนี้ได้ พิมพ์ใต้รายละเอียดของโครงการ แถวละสองภาพ")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        bottom.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.list_layout)
        layout.addLayout(bottom)
        layout.addWidget(self.error)

    # -- showing -------------------------------------------------------------------------------
    def item(self) -> Item | None:
        return self.document.node_by_id(self.ref.id) if self.document and self.ref else None

    def show_item(self, document, ref) -> None:
        self.document, self.ref = document, ref
        self.show_error("")
        self.refresh(rebuild=True)

    def refresh(self, rebuild: bool = False) -> None:
        item = self.item()
        photos = item.photos if isinstance(item, Item) else []
        if rebuild or len(photos) != len(self.rows):
            for w in self.rows:
                w.committer.discard()
                w.setParent(None)
                w.deleteLater()
            self.rows = []
            for i in range(len(photos)):
                w = PhotoRowWidget(self, i)
                self.rows.append(w)
                self.list_layout.addWidget(w)
            self.rebuilt.emit()
        for w, photo in zip(self.rows, photos, strict=False):
            w.show_photo(photo, len(photos))

    def flush(self) -> None:
        for w in self.rows:
            w.committer.flush()

    def unsaved(self) -> list[str]:
        return ["คำบรรยายภาพ" for w in self.rows if w.committer.pending]

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    # -- editing -------------------------------------------------------------------------------
    def _set(self, photos: list[Photo], merge, text: str) -> bool:
        return self.document.set_node_field(self.ref.id, "photos", photos, merge=merge, text=text)

    def _item_name(self) -> str:
        item = self.item()
        if item is None:
            return ""
        return f"{self.document.number_of(item.id)} “{item.title[:50]}”"

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "เลือกภาพกิจกรรม", "", FILE_FILTER)
        if paths:
            self.add_files(paths)

    def add_files(self, paths) -> bool:
        """Check and shrink every file, then add them all as one undo step; False (and a Thai message naming
        the file and the item) when any is refused: then nothing is added."""
        item = self.item()
        if item is None or self.document.read_only:
            return False
        self.flush()
        new = []
        for path in paths:
            what = f"ไฟล์ {Path(path).name}"
            try:
                new.append(Photo(prepare_photo(read_image_file(path, what), what), ""))
            except ImageError as exc:
                self.show_error(f"เพิ่มภาพให้ {self._item_name()} ไม่ได้: {exc}")
                return False
        if not new:
            return False
        self.show_error("")
        count = len(new)
        text = "เพิ่มภาพกิจกรรม" if count == 1 else f"เพิ่มภาพกิจกรรม {count} ภาพ"
        if not self._set(list(item.photos) + new, False, text):
            return False
        self.refresh()
        self.rows[-count].caption.setFocus()
        return True

    def edit_caption(self, index: int, caption: str) -> bool:
        item = self.item()
        if item is None or index >= len(item.photos):
            return True
        photos = list(item.photos)
        photos[index] = Photo(photos[index].image, caption)
        return self._set(photos, ("caption", index), "แก้ไขคำบรรยายภาพ")

    def remove_photo(self, index: int) -> None:
        item = self.item()
        if item is None or index >= len(item.photos):
            return
        self.flush()
        photos = list(item.photos)
        del photos[index]
        self._set(photos, False, "นำภาพกิจกรรมออก")

    def move_photo(self, index: int, delta: int) -> None:
        item = self.item()
        target = index + delta
        if item is None or not 0 <= target < len(item.photos):
            return
        self.flush()
        photos = list(item.photos)
        photos[index], photos[target] = photos[target], photos[index]
        if self._set(photos, False, "เลื่อนภาพกิจกรรม"):
            self.refresh(rebuild=True)
            (self.rows[target].up if delta < 0 else self.rows[target].down).setFocus()
