"""The bundled Sarabun for the whole window, or an installed Thai font when it can't be loaded."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from ..resources_path import resource_path

FONT_FILES = ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "Sarabun-Italic.ttf")
FAMILY = "Sarabun"
POINT_SIZE = 11  # about 15 px on a 96-dpi office screen: Thai marks stay legible
# installed fonts with Thai glyphs, most official-looking first (Windows, then Linux)
FALLBACKS = (
    "TH Sarabun New",
    "TH SarabunPSK",
    "Leelawadee UI",
    "Leelawadee",
    "Tahoma",
    "Noto Sans Thai",
    "Noto Sans Thai UI",
    "Loma",
    "Garuda",
    "Waree",
    "Norasi",
)


def load_app_font(app, point_size: int = POINT_SIZE) -> tuple[str, str | None]:
    """Load the bundled Sarabun and make it the application font.

    Returns (family, warning): the warning is a Thai sentence to show once when the bundled font could not
    be loaded and another was used instead.
    """
    families: list[str] = []
    failed = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            failed.append(name)
        else:
            families += QFontDatabase.applicationFontFamilies(font_id)
    warning = None
    if FAMILY in families:
        family = FAMILY
    else:
        installed = set(QFontDatabase.families())
        family = next((f for f in FALLBACKS if f in installed), "")
        if not family:  # any installed family that can write Thai
            family = next(
                (f for f in QFontDatabase.families(QFontDatabase.WritingSystem.Thai)), app.font().family()
            )
        warning = (
            f"โหลดฟอนต์ Sarabun ของโปรแกรมไม่ได้ ({', '.join(failed) or 'ไม่พบชื่อฟอนต์'}) "
            f"จึงใช้ฟอนต์ “{family}” ที่มีในเครื่องแทน การแสดงผลบนจออาจต่างไปเล็กน้อย แต่ไฟล์ PDF ไม่เปลี่ยน"
        )
    font = QFont(family, point_size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return family, warning
