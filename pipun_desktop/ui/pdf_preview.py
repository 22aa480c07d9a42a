"""Print preview: the pages of the exported PDF itself, as they will print, inside the program.

Pages lie one under another in a scroll area; only the pages in sight are rendered (pdfium, in the GUI thread:
a page at screen resolution takes ~10 ms), and the last few rendered pages are kept, so a 100-page report
opens at once. Page navigation (previous/next, first/last, go to page), zoom (fit width, fit page, − and +)
and the buttons พิมพ์…, เปิดด้วยโปรแกรมอ่าน PDF and ปิด. Numbers follow the window's digit style.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..thai.digits import render_digits
from .pdf_pages import PdfPages, PdfPagesError
from .thai_inputs import ThaiYearSpinBox

FIT_WIDTH, FIT_PAGE = "width", "page"
GAP = 12  # pixels between pages and around them
CACHE_PAGES = 12  # rendered pages kept
CACHE_BYTES = 160 * 2**20  # and at most this much of them (a landscape page at the largest zoom is ~32 MB)
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.1, 4.0  # pixels per point (1.0 = 75% on a 96-dpi screen; 4.0 = 300%)


class PageCanvas(QWidget):
    """All pages, laid out top to bottom at the current zoom; paints (and renders) only what is exposed."""

    rendered = Signal(int)  # a page was rendered (tests count these)

    def __init__(self, pages: PdfPages, parent=None):
        super().__init__(parent)
        self.pages = pages
        self.mode: str | float = FIT_WIDTH
        self.rects: list[QRect] = []
        self._tops: list[int] = []
        self._cache: OrderedDict[tuple[int, int], object] = OrderedDict()
        self.setAutoFillBackground(False)

    def page_scale(self, index: int, viewport: QSize) -> float:
        """Pixels per point for page `index` in the current mode (fit modes fit each page on its own)."""
        if not isinstance(self.mode, str):
            return self.mode
        w, h = self.pages.size(index)
        avail_w = max(viewport.width() - 2 * GAP, 50)
        if self.mode == FIT_WIDTH:
            return avail_w / w
        return min(avail_w / w, max(viewport.height() - 2 * GAP, 50) / h)

    def relayout(self, viewport: QSize) -> None:
        rects, y, widest = [], GAP, 0
        for i in range(len(self.pages)):
            s = self.page_scale(i, viewport)
            w, h = self.pages.size(i)
            rects.append(QRect(0, y, max(round(w * s), 1), max(round(h * s), 1)))
            widest = max(widest, rects[-1].width())
            y += rects[-1].height() + GAP
        width = max(widest + 2 * GAP, viewport.width())
        for r in rects:
            r.moveLeft((width - r.width()) // 2)
        self.rects, self._tops = rects, [r.top() for r in rects]
        self.setFixedSize(width, y)
        self.update()

    def page_at(self, y: int) -> int:
        """The page at height `y` (or the one just above it, in a gap)."""
        return max(bisect.bisect_right(self._tops, y) - 1, 0)

    def visible_pages(self, area: QRect) -> range:
        if not self.rects:
            return range(0)
        first = self.page_at(area.top())
        last = self.page_at(area.bottom())
        return range(first, last + 1)

    def image(self, index: int):
        """Page `index` rendered at its laid-out size (device pixels), from the cache when it is there."""
        rect = self.rects[index]
        ratio = self.devicePixelRatioF()
        key = (index, round(rect.width() * ratio))
        image = self._cache.get(key)
        if image is None:
            w_pt, _ = self.pages.size(index)
            image = self.pages.render(index, rect.width() * ratio / w_pt)
            image.setDevicePixelRatio(ratio)
            self._cache[key] = image
            while len(self._cache) > 1 and (
                len(self._cache) > CACHE_PAGES or self.cached_bytes() > CACHE_BYTES
            ):
                self._cache.popitem(last=False)
            self.rendered.emit(index)
        else:
            self._cache.move_to_end(key)
        return image

    def cached_bytes(self) -> int:
        return sum(image.sizeInBytes() for image in self._cache.values())

    def cached_pages(self) -> set[int]:
        return {index for index, _ in self._cache}

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(128, 128, 128))
        for i in self.visible_pages(event.rect()):
            rect = self.rects[i]
            if not rect.intersects(event.rect()):
                continue
            painter.fillRect(rect.translated(3, 3), QColor(80, 80, 80))  # a shadow
            try:
                painter.drawImage(rect, self.image(i))
            except PdfPagesError:
                painter.fillRect(rect, Qt.GlobalColor.white)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "แสดงหน้านี้ไม่ได้")
        painter.end()


class PageScrollArea(QScrollArea):
    resized = Signal()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class PageSpinBox(ThaiYearSpinBox):
    """A page number in the window's digits (typing takes Thai or Arabic digits)."""

    def validate(self, text: str, pos: int):
        from PySide6.QtGui import QValidator

        state, text, pos = super().validate(text, pos)
        if state == QValidator.State.Invalid and text.strip():
            return QValidator.State.Intermediate, text, pos
        return state, text, pos


class PdfPreviewDialog(QDialog):
    """Shows the PDF at `path`. พิมพ์… runs pdf_print.print_pdf; เปิดด้วยโปรแกรมอ่าน PDF calls `open_requested`
    (default: the system's PDF viewer). `confirm` and `inform` are the window's (tests answer them); None: message
    boxes."""

    def __init__(
        self, path, parent=None, digits: str = "thai", title: str | None = None, confirm=None, inform=None
    ):
        super().__init__(parent)
        self.path = Path(path)
        self.digits = digits
        self.confirm, self.inform = confirm, inform
        self.open_requested = None  # how to open the PDF in the viewer (default: pdf_print.open_in_viewer)
        self.opened_in_viewer = False
        self.pages = PdfPages(self.path)  # PdfPagesError goes to the caller
        self.setWindowTitle(title or f"ตัวอย่างก่อนพิมพ์ — {self.path.name}")
        self.setSizeGripEnabled(True)
        self.current = 0
        self._scrolling_to = None

        self.canvas = PageCanvas(self.pages)
        self.area = PageScrollArea()
        self.area.setWidget(self.canvas)
        self.area.setWidgetResizable(False)
        self.area.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        # always there, so fitting the width never makes it appear (and the width shrink under the pages)
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.area.setBackgroundRole(self.area.backgroundRole())
        self.area.setStyleSheet("QScrollArea { background: rgb(128, 128, 128); }")
        self.area.resized.connect(self._relayout)
        self.area.verticalScrollBar().valueChanged.connect(self._scrolled)

        def tool(text: str, tip: str, slot, shortcut=None) -> QToolButton:
            b = QToolButton()
            b.setText(text)
            b.setToolTip(
                tip
                + (
                    f" ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
                    if shortcut
                    else ""
                )
            )
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.clicked.connect(lambda *_: slot())
            if shortcut:
                QShortcut(QKeySequence(shortcut), self, activated=slot)
            return b

        self.first_button = tool("|◀", "หน้าแรก", lambda: self.go_to(0), "Ctrl+Home")
        self.prev_button = tool("◀ ก่อนหน้า", "หน้าก่อนหน้า", self.previous_page, "Alt+Left")
        self.page_label = QLabel()
        self.next_button = tool("ถัดไป ▶", "หน้าถัดไป", self.next_page, "Alt+Right")
        self.last_button = tool("▶|", "หน้าสุดท้าย", lambda: self.go_to(len(self.pages) - 1), "Ctrl+End")
        self.page_box = PageSpinBox(digits=digits)
        self.page_box.setRange(1, max(len(self.pages), 1))
        self.page_box.setToolTip("พิมพ์เลขหน้าแล้วกด Enter เพื่อไปที่หน้านั้น")
        self.page_box.valueChanged.connect(lambda n: self.go_to(n - 1) if n - 1 != self.current else None)
        self.fit_width_button = tool(
            "พอดีความกว้าง", "ขยายให้หน้าพอดีกับความกว้างของหน้าต่าง", lambda: self.set_zoom(FIT_WIDTH)
        )
        self.fit_page_button = tool("พอดีหน้า", "ย่อให้เห็นทั้งหน้า", lambda: self.set_zoom(FIT_PAGE))
        for b in (self.fit_width_button, self.fit_page_button):
            b.setCheckable(True)
        self.zoom_out_button = tool("−", "ย่อ", self.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = tool("+", "ขยาย", self.zoom_in, QKeySequence.StandardKey.ZoomIn)

        top = QHBoxLayout()
        for w in (self.first_button, self.prev_button, self.page_label, self.next_button, self.last_button):
            top.addWidget(w)
        top.addSpacing(12)
        top.addWidget(QLabel("ไปที่หน้า"))
        top.addWidget(self.page_box)
        top.addStretch(1)
        for w in (
            self.fit_width_button,
            self.fit_page_button,
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
        ):
            top.addWidget(w)

        self.print_button = QPushButton("พิมพ์…")
        self.print_button.setToolTip("เลือกเครื่องพิมพ์และหน้าที่จะพิมพ์ (Ctrl+P)")
        self.print_button.clicked.connect(lambda *_: self.print_pdf())
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_pdf)
        self.open_button = QPushButton("เปิดด้วยโปรแกรมอ่าน PDF")
        self.open_button.setToolTip(str(self.path))
        self.open_button.clicked.connect(lambda *_: self.open_in_viewer())
        self.close_button = QPushButton("ปิด")
        self.close_button.clicked.connect(self.reject)
        self.info_label = QLabel(render_digits(f"{len(self.pages)} หน้า", digits))
        self.info_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bottom = QHBoxLayout()
        bottom.addWidget(self.info_label)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.close_button)

        for b in (self.print_button, self.open_button, self.close_button):
            b.setAutoDefault(False)  # Enter in the page box goes to that page, not to the printer
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.area, 1)
        layout.addLayout(bottom)
        self._fit_size(parent)
        self.set_zoom(FIT_WIDTH)
        self.area.setFocus()  # arrows and Page Up/Down scroll the pages

    def _fit_size(self, parent) -> None:
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(980, screen.width() - 40), max(min(screen.height() - 60, 1000), 400))

    # -- zoom and layout -------------------------------------------------------------------------
    def set_zoom(self, mode) -> None:
        """FIT_WIDTH, FIT_PAGE or pixels per point."""
        if not isinstance(mode, str):
            mode = min(max(float(mode), MIN_ZOOM), MAX_ZOOM)
        self.canvas.mode = mode
        self.fit_width_button.setChecked(mode == FIT_WIDTH)
        self.fit_page_button.setChecked(mode == FIT_PAGE)
        self._relayout()

    def zoom(self) -> float:
        """Pixels per point of the current page as shown."""
        return self.canvas.page_scale(self.current, self.area.viewport().size())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def _relayout(self) -> None:
        current = self.current
        self.canvas.relayout(self.area.viewport().size())
        percent = round(self.zoom() * 72 / self.logicalDpiY() * 100)  # 100% = the paper's real size on screen
        self.zoom_label.setText(render_digits(f"{percent}%", self.digits))
        self.go_to(current)

    # -- pages -----------------------------------------------------------------------------------
    def page_count(self) -> int:
        return len(self.pages)

    def go_to(self, index: int) -> None:
        if not len(self.pages):
            return
        index = min(max(index, 0), len(self.pages) - 1)
        self._scrolling_to = index
        self.area.verticalScrollBar().setValue(self.canvas.rects[index].top() - GAP)
        self._scrolling_to = None
        self._set_current(index)

    def next_page(self) -> None:
        self.go_to(self.current + 1)

    def previous_page(self) -> None:
        self.go_to(self.current - 1)

    def _scrolled(self, value: int) -> None:
        if self._scrolling_to is None and self.canvas.rects:
            # the page under the upper third of the view is the one being read
            self._set_current(self.canvas.page_at(value + self.area.viewport().height() // 3))

    def _set_current(self, index: int) -> None:
        self.current = index
        n = len(self.pages)
        self.page_label.setText(render_digits(f"หน้า {index + 1} จาก {n}", self.digits))
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        self.prev_button.setEnabled(index > 0)
        self.first_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < n - 1)
        self.last_button.setEnabled(index < n - 1)

    # -- buttons ---------------------------------------------------------------------------------
    def print_pdf(self) -> bool:
        from .pdf_print import print_pdf

        return print_pdf(
            self.path,
            self,
            current_page=self.current,
            digits=self.digits,
            confirm=self.confirm,
            inform=self.inform,
            open_pdf=lambda _path: self.open_in_viewer(),
        )

    def open_in_viewer(self) -> bool:
        from . import pdf_print

        self.opened_in_viewer = True
        return (self.open_requested or pdf_print.open_in_viewer)(self.path)

    def done(self, result: int) -> None:
        self.pages.close()  # the file may be deleted once the dialog is closed (a temporary PDF)
        super().done(result)
