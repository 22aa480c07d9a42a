"""How much one text field may hold: the same cap at JSON import, in the data-file loader and in the forms.

A real report's longest narrative is a few thousand characters (the sample: 1,286); the cap leaves ample room and keeps a
hostile or broken file (a 50-million-character field) from stalling the window and the printed report.
"""

from __future__ import annotations

MAX_FIELD_CHARS = 100_000


def too_long(text: str) -> bool:
    return len(text) > MAX_FIELD_CHARS


def too_long_message(length: int) -> str:
    """The Thai reason, to follow the field's name: "… ยาว 25,000 ตัวอักษร เกิน 20,000 ตัวอักษร"."""
    return f"ยาว {length:,} ตัวอักษร เกินที่เก็บได้ {MAX_FIELD_CHARS:,} ตัวอักษร"
