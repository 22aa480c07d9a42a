"""Draw the program's icon with QPainter: resources/icon.png (256 px) and resources/icon.ico (16–256 px).

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/make_icon.py

A report sheet with ruled lines on a deep blue tile and a green tick: "the report, checked".
Each size is drawn from the vector shapes (not scaled down from 256 px) so the small ones stay sharp.
The .ico holds PNG-compressed images, which Windows Vista and later read at every size.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

HERE = Path(__file__).resolve().parent
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

BLUE = QColor("#1d3f8f")
BLUE_LIGHT = QColor("#2f5fc4")
SHEET = QColor("#ffffff")
FOLD = QColor("#c9d6f2")
RULE = QColor("#8a9bc0")
GREEN = QColor("#1e9e4a")


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256.0, size / 256.0)  # draw on a 256-unit grid

    # tile
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    p.fillPath(tile, BLUE)
    p.setClipPath(tile)
    p.fillRect(QRectF(8, 8, 240, 110), BLUE_LIGHT)
    p.setClipping(False)

    # sheet with a folded corner
    sheet = QPainterPath()
    sheet.moveTo(62, 36)
    sheet.lineTo(160, 36)
    sheet.lineTo(196, 72)
    sheet.lineTo(196, 222)
    sheet.lineTo(62, 222)
    sheet.closeSubpath()
    p.fillPath(sheet, SHEET)
    fold = QPainterPath()
    fold.moveTo(160, 36)
    fold.lineTo(160, 72)
    fold.lineTo(196, 72)
    fold.closeSubpath()
    p.fillPath(fold, FOLD)

    # ruled lines (fewer and thicker at small sizes)
    rules = (88, 118, 148) if size >= 32 else (96, 140)
    pen = QPen(RULE, 12 if size >= 32 else 18)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    for y in rules:
        p.drawLine(QPointF(84, y), QPointF(174, y))

    # green disc with a white tick
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(GREEN)
    p.drawEllipse(QPointF(180, 184), 50, 50)
    tick = QPen(QColor("white"), 15 if size >= 32 else 22)
    tick.setCapStyle(Qt.PenCapStyle.RoundCap)
    tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(tick)
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(156, 186))
    path.lineTo(173, 203)
    path.lineTo(205, 166)
    p.drawPath(path)
    p.end()
    return img


def png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    buf.close()
    return bytes(data)


def ico_bytes(images: list[bytes], sizes: tuple[int, ...]) -> bytes:
    """An ICO file whose entries are PNG images (ICONDIR, ICONDIRENTRY × n, then the PNGs)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in zip(sizes, images, strict=False):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts/painting need it)
    pngs = [png_bytes(draw(s)) for s in ICO_SIZES]
    (HERE / "icon.png").write_bytes(pngs[ICO_SIZES.index(256)])
    (HERE / "icon.ico").write_bytes(ico_bytes(pngs, ICO_SIZES))
    print(f"wrote {HERE / 'icon.png'} and {HERE / 'icon.ico'} ({', '.join(map(str, ICO_SIZES))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
