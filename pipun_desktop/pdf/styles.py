"""Sizes, margins and text styles of the printed report (Sarabun, 16 pt body text)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm

from . import typeset as ts
from .flowables import CellStyle, TextStyle
from .fonts import FontSet

PORTRAIT = A4
LANDSCAPE = landscape(A4)
BODY_SIZE = 16
TABLE_SIZE = 10.5
TABLE_LEADING = 13.0  # 1.24 × size: room for stacked marks, no more
HEADER_SIZE = 10
PARA_INDENT = 2.5 * cm  # first-line indent of body paragraphs (ย่อหน้า)
BLOCK_INDENT = 1.25 * cm  # narrative headed blocks
FORM_TOP = 1.8 * cm  # landscape pages: the form's title block starts here, under the page number
FORM_BLOCK_HEIGHT = 64  # the form's title block above the table, on every landscape page
HEADING_FILL = colors.Color(0.90, 0.90, 0.90)
SECTION_FILL = colors.Color(0.96, 0.96, 0.96)
TOTAL_FILL = colors.Color(0.93, 0.93, 0.93)


@dataclass
class Styles:
    fonts: FontSet
    digits: str = "thai"

    def __post_init__(self) -> None:
        r, b = self.fonts.regular, self.fonts.bold
        self.body = TextStyle(r, BODY_SIZE, indent_first=PARA_INDENT)
        self.body_plain = TextStyle(r, BODY_SIZE)
        self.center = TextStyle(r, BODY_SIZE, align="center")
        self.center_bold = TextStyle(b, BODY_SIZE, align="center")
        self.title = TextStyle(b, 18, align="center", space_after=6, keep_with_next=True)
        self.cover_title = TextStyle(b, 26, align="center", leading=38)
        self.cover_line = TextStyle(b, 20, align="center", leading=30)
        self.cover_sub = TextStyle(r, 18, align="center", leading=26)
        self.h1 = TextStyle(b, BODY_SIZE, space_before=10, space_after=2, keep_with_next=True)
        self.h2 = TextStyle(b, BODY_SIZE, space_before=6, space_after=2, keep_with_next=True)
        self.item_title = TextStyle(b, BODY_SIZE, space_before=10, space_after=2, keep_with_next=True)
        self.block_head = TextStyle(
            b,
            BODY_SIZE,
            indent_first=BLOCK_INDENT,
            indent_rest=BLOCK_INDENT,
            space_before=4,
            keep_with_next=True,
        )
        lead = TABLE_LEADING
        self.cell = CellStyle(r, TABLE_SIZE, lead)
        self.cell_bold = CellStyle(b, TABLE_SIZE, lead)
        self.cell_center = CellStyle(r, TABLE_SIZE, lead, align="center")
        self.cell_right = CellStyle(r, TABLE_SIZE, lead, align="right", amount=True)
        self.cell_bold_right = CellStyle(b, TABLE_SIZE, lead, align="right", amount=True)
        self.head = CellStyle(b, HEADER_SIZE, align="center", valign="middle", leading=HEADER_SIZE * 1.32)
        self.small_table = CellStyle(r, 14)

    def bullet(self, indent: float) -> TextStyle:
        hang = ts.text_width(self.fonts.regular, "- ", BODY_SIZE)
        return TextStyle(self.fonts.regular, BODY_SIZE, indent_first=indent, indent_rest=indent + hang)
