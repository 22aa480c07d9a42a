"""The pages of an exported PDF as Qt images, rendered by pdfium (pypdfium2), for the preview and for printing.

pdfium is not thread-safe: every call into it goes through PDFIUM_LOCK (the window only renders in the GUI
thread; the PDF export worker uses ReportLab, never pdfium, so the lock is insurance, not a queue).
pypdfium2 is imported on first use, so the window's start-up does not pay for it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtGui import QImage

PDFIUM_LOCK = threading.RLock()
POINTS_PER_INCH = 72.0


class PdfPagesError(Exception):
    """The PDF cannot be read (message in Thai)."""


class PdfPages:
    """An open PDF: page count, page sizes in points (after the page's own rotation) and rendered pages."""

    def __init__(self, path):
        import pypdfium2 as pdfium

        self.path = Path(path)
        with PDFIUM_LOCK:
            try:
                self._pdf = pdfium.PdfDocument(str(self.path))
            except (pdfium.PdfiumError, OSError) as exc:
                raise PdfPagesError(f"อ่านไฟล์ PDF ไม่ได้: {self.path}\n{exc}") from exc
            self._sizes = [tuple(self._pdf.get_page_size(i)) for i in range(len(self._pdf))]

    def __len__(self) -> int:
        return len(self._sizes)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._pdf is None

    def size(self, index: int) -> tuple[float, float]:
        """(width, height) of page `index` (0-based) in points, as it is shown (rotation applied)."""
        return self._sizes[index]

    def is_landscape(self, index: int) -> bool:
        w, h = self._sizes[index]
        return w > h

    def render(self, index: int, scale: float, grayscale: bool = False) -> QImage:
        """Page `index` at `scale` pixels per point, on white; a QImage that owns its pixels."""
        if self._pdf is None:
            raise PdfPagesError("ไฟล์ PDF ถูกปิดไปแล้ว")
        scale = max(scale, 0.01)
        import pypdfium2 as pdfium

        with PDFIUM_LOCK:
            try:
                page = self._pdf[index]
            except (pdfium.PdfiumError, IndexError) as exc:
                raise PdfPagesError(f"อ่านหน้าที่ {index + 1} ของไฟล์ PDF ไม่ได้: {exc}") from exc
            try:
                if grayscale:
                    bitmap = page.render(scale=scale, grayscale=True)
                    fmt = QImage.Format.Format_Grayscale8
                else:
                    # RGBx: 4 bytes a pixel in memory order R, G, B, unused = Qt's RGBX8888 on any byte order
                    bitmap = page.render(scale=scale, prefer_bgrx=True, rev_byteorder=True)
                    fmt = QImage.Format.Format_RGBX8888
                # a QImage over pdfium's buffer, then copied: the copy owns its pixels once the bitmap is freed
                pixels = bitmap.buffer
                image = QImage(pixels, bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
                del pixels
                bitmap.close()
            finally:
                page.close()
        return image

    def close(self) -> None:
        with PDFIUM_LOCK:
            if self._pdf is not None:
                self._pdf.close()
                self._pdf = None
