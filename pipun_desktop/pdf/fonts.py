"""The bundled Sarabun fonts, loaded once per process."""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics

from .thaifont import ThaiTTFont

# Compressed streams stay binary: ASCII85 on top of Flate makes files a quarter bigger and, in
# ReportLab's pure-Python encoder, costs about a millisecond per page. (A documented setting.)
rl_config.useA85 = 0

_lock = threading.Lock()
_fonts: dict[str, ThaiTTFont] = {}

FONT_FILES = {
    "regular": "Sarabun-Regular.ttf",
    "bold": "Sarabun-Bold.ttf",
    "italic": "Sarabun-Italic.ttf",
}


class FontMissingError(RuntimeError):
    pass


def fonts_dir() -> str:
    """fonts/ next to the package, or inside a PyInstaller bundle."""
    candidates = []
    base = getattr(sys, "_MEIPASS", None)
    if base:
        candidates.append(os.path.join(base, "fonts"))
    here = os.path.dirname(os.path.abspath(__file__))
    candidates.append(os.path.normpath(os.path.join(here, "..", "..", "fonts")))
    candidates.append(os.path.normpath(os.path.join(here, "..", "fonts")))
    for c in candidates:
        if os.path.exists(os.path.join(c, FONT_FILES["regular"])):
            return c
    raise FontMissingError("ไม่พบไฟล์ฟอนต์ Sarabun (โฟลเดอร์ fonts): " + ", ".join(candidates))


def font_path(style: str) -> str:
    return os.path.join(fonts_dir(), FONT_FILES[style])


def get_font(style: str = "regular") -> ThaiTTFont:
    """The shared ThaiTTFont for a style; loaded on first use."""
    font = _fonts.get(style)
    if font is None:
        with _lock:
            font = _fonts.get(style)
            if font is None:
                path = font_path(style)
                font = ThaiTTFont(f"PipunSarabun-{style}", path)
                # registered so a canvas can start in it (no Helvetica reference in the PDF)
                pdfmetrics.registerFont(font)
                _fonts[style] = font
    return font


@dataclass
class FontSet:
    regular: ThaiTTFont
    bold: ThaiTTFont

    @classmethod
    def default(cls) -> FontSet:
        return cls(get_font("regular"), get_font("bold"))

    def files(self) -> list[str]:
        return [os.path.basename(self.regular.face.filename), os.path.basename(self.bold.face.filename)]
