"""Platypus flowables that draw Thai text with the typesetting engine (never Paragraph markup).

* ``TextFlow``: one paragraph, pre-wrapped at Thai word boundaries, with first-line and hanging
  indents; splits between lines across pages.
* ``GridTable``: a ruled table whose header rows (with row and column spans) repeat on every
  page, whose full-width rows are headings, and whose tall rows break across pages (short rows
  are kept whole). Cell padding is measured from the ink of the tallest and deepest stacks of
  marks, so no mark touches a rule; amounts never shrink (a figure too wide wraps after a comma).
  Row heights are computed once, so paginating a table of thousands of rows stays linear.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import FrameBreak

from ..thai import segment
from . import typeset as ts
from .thaifont import ThaiTTFont

# (first line of its paragraph, line, last line of its paragraph)
TextLine = tuple[bool, ts.Line, bool]

KEEP_WITH_NEXT_CHARS = 300  # about seven lines of body text


@dataclass(frozen=True)
class TextStyle:
    font: ThaiTTFont
    size: float = 16
    leading: float | None = None  # default 1.3 × size
    align: str = "left"  # left, center, right
    indent_first: float = 0.0
    indent_rest: float = 0.0
    indent_right: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False
    color: Any = None  # a ReportLab colour, None for black

    @property
    def line_height(self) -> float:
        return self.leading if self.leading is not None else round(self.size * 1.3, 2)

    def baseline_offset(self) -> float:
        """Distance from a line box's top to its baseline: the font's ascent to descent block
        centred in the line box."""
        face = self.font.face
        asc, desc = float(face.ascent) / 1000.0, float(face.descent) / 1000.0  # descent is negative
        block = (asc - desc) * self.size
        return (self.line_height - block) / 2 + asc * self.size


class TextFlow(Flowable):
    """A paragraph of plain text (newlines start new lines, \t prints as a space)."""

    def __init__(
        self, text: str, style: TextStyle, *, _lines: list[TextLine] | None = None, _continued: bool = False
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._lines = _lines
        self._aw: float | None = None
        self._continued = _continued
        self.spaceBefore = 0 if _continued else style.space_before
        self.spaceAfter = style.space_after
        # only a short paragraph (a heading) is kept with the next: ReportLab groups the two in a
        # KeepTogether, which never ends when the heading alone is taller than a page
        self.keepWithNext = style.keep_with_next and len(text) <= KEEP_WITH_NEXT_CHARS

    def _layout(self, aw: float) -> list[TextLine]:
        if self._lines is not None and (self._aw == aw or self._aw is None and self._continued):
            return self._lines
        st = self.style
        lines: list[TextLine] = []
        first = not self._continued
        for para in ts.paragraphs(self.text):
            indent = st.indent_first if first else st.indent_rest
            w_first = aw - indent - st.indent_right
            w_rest = aw - st.indent_rest - st.indent_right
            wrapped = ts.wrap(st.font, para, st.size, max(w_rest, 1), max(w_first, 1))
            for k, line in enumerate(wrapped):
                lines.append((first and k == 0, line, k == len(wrapped) - 1))
            first = False
        self._lines = lines
        self._aw = aw
        return lines

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = len(self._layout(aw)) * self.style.line_height
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        lines = self._layout(aw)
        frame = getattr(self, "_frame", None)
        if frame is not None and not frame._atTop and len(lines) * self.style.line_height <= frame._aH:
            # a paragraph that fits on a page is never cut: a reader searching or copying it
            # finds it whole, without the next page's page number in the middle
            return []
        n = int((ah + 1e-6) // self.style.line_height)
        if len(lines) >= 4:  # no single widow or orphan line
            n = min(n, len(lines) - 2)
            if n < 2:
                return []
        if n <= 0 or n >= len(lines):
            return []
        a = TextFlow(self.text, self.style, _lines=lines[:n], _continued=self._continued)
        a._aw = aw
        a.spaceAfter = 0
        a.keepWithNext = False
        b = TextFlow(self.text, self.style, _lines=lines[n:], _continued=True)
        b._aw = aw
        return [a, b]

    def draw(self) -> None:
        st = self.style
        lh = st.line_height
        base = st.baseline_offset()
        size = st.size
        items: list[ts.DrawItem] = []
        top = self.height
        for i, (is_first, line, _is_last) in enumerate(self._layout(self.width)):
            left = st.indent_first if is_first else st.indent_rest
            avail = self.width - left - st.indent_right
            w = line.width * size / 1000.0
            x = left
            if st.align == "center":
                x = left + (avail - w) / 2
            elif st.align == "right":
                x = left + avail - w
            items.append((x, top - i * lh - base, st.font, size, line.runs))
        if st.color is not None:
            self.canv.setFillColor(st.color)
        ts.TextWriter(self.canv).draw_lines(items)
        if st.color is not None:
            self.canv.setFillColor(colors.black)


# -- tables -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CellStyle:
    font: ThaiTTFont
    size: float = 12
    leading: float | None = None
    align: str = "left"
    valign: str = "top"  # top, middle
    amount: bool = False  # a figure: one line, wrapped after a comma only when it cannot fit

    @property
    def line_height(self) -> float:
        return self.leading if self.leading is not None else round(self.size * 1.3, 2)

    @property
    def ink(self) -> tuple[float, float]:
        """(above, below) the baseline, in points, that the tallest and deepest stacks of marks
        reach: a cell's padding is measured from these, so no mark touches a rule."""
        top, bottom = ts.ink_extents(self.font)
        return top * self.size / 1000.0, bottom * self.size / 1000.0

    def block_height(self, nlines: int) -> float:
        """Height of nlines lines from the top of the first line's ink to the bottom of the last's."""
        if nlines <= 0:
            return 0.0
        top, bottom = self.ink
        return (nlines - 1) * self.line_height + top + bottom

    def lines_in(self, height: float) -> int:
        """How many lines fit a block of the given height."""
        top, bottom = self.ink
        if height + 1e-6 < top + bottom:
            return 0
        return int((height - top - bottom + 1e-6) // self.line_height) + 1


@dataclass
class Cell:
    text: str
    style: CellStyle
    col: int
    span: int = 1
    rowspan: int = 1  # header cells only
    hrow: int = 0  # header cells only: the 0-based header row (see GridTable._layout_header)


@dataclass
class Row:
    cells: list[Cell]
    kind: str = "item"  # item, heading, total
    fill: Any = None  # a ReportLab colour
    keep_with_next: bool = False


# a cell laid out: (cell, x, width, lines, style the lines were set in)
LaidCell = tuple[Cell, float, float, list[ts.Line], CellStyle]


@dataclass
class _LaidRow:
    row: Row
    height: float
    cells: list[LaidCell] = field(default_factory=list)
    continued: bool = False  # the rest of a row cut at a page's foot

    @property
    def lines(self) -> int:
        return max((len(c[3]) for c in self.cells), default=0)


SHORT_ROW_LINES = 4  # a row of at most this many lines is never cut across pages
MIN_PART_LINES = 2  # a cut row leaves at least this many lines of its tallest cell on each page
MIN_FILL = 0.5  # a tall row is cut rather than leave a page's frame filled less than this  # a cut row leaves at least this many lines of its tallest cell on each page


def amount_lines(font: ThaiTTFont, text: str, size: float, width: float) -> list[ts.Line]:
    """A figure on one line; wider than width points, broken after commas (never shrunk)."""
    pieces: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if ch == ",":
            pieces.append(text[start : i + 1])
            start = i + 1
    pieces.append(text[start:])
    pieces = [p for p in pieces if p]
    limit = width * 1000.0 / size
    lines: list[ts.Line] = []
    cur: list[ts.Run] = []
    cur_w = 0.0
    for piece in pieces:
        runs = [ts.shape(font, w) for w in segment.words(piece)]
        w = sum(r.width for r in runs)
        if cur and cur_w + w > limit + 1e-6:
            lines.append(ts.Line(cur, cur_w))
            cur, cur_w = [], 0.0
        cur.extend(runs)
        cur_w += w
    lines.append(ts.Line(cur, cur_w))
    return lines


class GridTable(Flowable):
    """A table with repeated header rows; see the module docstring."""

    def __init__(
        self,
        col_widths: Iterable[float],
        rows: list[Row],
        header: list[Cell] | None = None,
        *,
        pad_x: float = 3.0,
        pad_y: float = 2.0,
        max_body_height: float | None = None,
        line_width: float = 0.5,
        _laid: list[_LaidRow] | None = None,
        _header_laid: tuple[list[float], list[LaidCell]] | None = None,
    ) -> None:
        super().__init__()
        self.col_widths = list(col_widths)
        self.rows = rows
        self.header = header or []  # list of Cell with row index in .rowspan/.col (see _layout_header)
        self.pad_x = pad_x
        self.pad_y = pad_y  # clear space between a rule and the ink of the tallest stack of marks
        self.max_body_height = max_body_height
        self.line_width = line_width
        self._laid = _laid
        self._header_laid = _header_laid
        self.x_of = [sum(self.col_widths[:i]) for i in range(len(self.col_widths) + 1)]

    # -- layout ---------------------------------------------------------------------------------
    def _cell_lines(self, cell: Cell, width: float) -> tuple[list[ts.Line], CellStyle]:
        """(lines, style) of a cell's text in a column of the given width."""
        st = cell.style
        inner = max(width - 2 * self.pad_x, 1)
        if st.amount:
            return amount_lines(st.font, cell.text, st.size, inner), st
        lines: list[ts.Line] = []
        for para in ts.paragraphs(cell.text):
            lines.extend(ts.wrap(st.font, para, st.size, inner))
        return lines, st

    def _cells_height(self, cells: list[LaidCell]) -> float:
        return max((st.block_height(len(ls)) + 2 * self.pad_y for _c, _x, _w, ls, st in cells), default=0.0)

    def _lay_row(self, row: Row) -> _LaidRow:
        cells: list[LaidCell] = []
        for cell in row.cells:
            x = self.x_of[cell.col]
            w = self.x_of[cell.col + cell.span] - x
            lines, st = self._cell_lines(cell, w)
            cells.append((cell, x, w, lines, st))
        return _LaidRow(row, self._cells_height(cells), cells)

    def _layout_header(self) -> tuple[list[float], list[LaidCell]]:
        """Header cells are Cell objects with an extra attribute `hrow` (0-based header row)."""
        if self._header_laid is not None:
            return self._header_laid
        nrows = max((c.hrow + c.rowspan for c in self.header), default=0)
        heights = [0.0] * nrows
        laid: list[LaidCell] = []
        for c in sorted(self.header, key=lambda c: c.rowspan):
            x = self.x_of[c.col]
            w = self.x_of[c.col + c.span] - x
            lines, st = self._cell_lines(c, w)
            need = st.block_height(len(lines)) + 2 * self.pad_y
            have = sum(heights[c.hrow : c.hrow + c.rowspan])
            if need > have:
                heights[c.hrow + c.rowspan - 1] += need - have
            laid.append((c, x, w, lines, st))
        self._header_laid = (heights, laid)
        return self._header_laid

    @property
    def header_height(self) -> float:
        return sum(self._layout_header()[0])

    def _layout(self) -> list[_LaidRow]:
        if self._laid is None:
            self._laid = [self._lay_row(r) for r in self.rows]
        return self._laid

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        laid = self._layout()
        self.width = self.x_of[-1]
        self.height = self.header_height + sum(r.height for r in laid)
        return self.width, self.height

    def _split_row(self, lr: _LaidRow, avail: float, min_lines: int = 1) -> tuple[_LaidRow, _LaidRow] | None:
        """Cut one row so its first part fits avail: (first, rest), or None when fewer than
        min_lines lines of its tallest cell would be on either side."""
        top_cells: list[LaidCell] = []
        rest_cells: list[LaidCell] = []
        for cell, x, w, lines, st in lr.cells:
            n = min(st.lines_in(avail - 2 * self.pad_y), len(lines))
            top_cells.append((cell, x, w, lines[:n], st))
            rest_cells.append((cell, x, w, lines[n:], st))
        tallest = max(range(len(lr.cells)), key=lambda k: len(lr.cells[k][3]), default=None)
        if tallest is None:
            return None
        if len(top_cells[tallest][3]) < min_lines or len(rest_cells[tallest][3]) < min_lines:
            return None
        if not any(c[3] for c in rest_cells):
            return None
        return (
            _LaidRow(lr.row, self._cells_height(top_cells), top_cells, lr.continued),
            _LaidRow(lr.row, self._cells_height(rest_cells), rest_cells, True),
        )

    def _breakable(self, lr: _LaidRow) -> bool:
        """A row that may be cut across pages: an item row taller than a short one."""
        return lr.row.kind == "item" and lr.lines > SHORT_ROW_LINES

    def split(self, aw: float, ah: float) -> list[Flowable]:
        laid = self._layout()
        avail = ah - self.header_height
        used = 0.0
        i = 0
        while i < len(laid) and used + laid[i].height <= avail + 1e-6:
            used += laid[i].height
            i += 1
        if i >= len(laid):
            return []
        limit = self.max_body_height
        if limit is not None and laid[i].height > limit - self.header_height + 1e-6:
            # a row taller than a page is cut anyway: start it here, under what already fits
            parts = self._split_row(laid[i], avail - used)
            if parts is not None:
                return [self._clone(laid[:i] + [parts[0]]), self._clone([parts[1]] + laid[i + 1 :])]
        frame = limit if limit is not None else ah
        filled = frame - ah + self.header_height + used  # what the page holds if the row moves
        if self._breakable(laid[i]) and filled < MIN_FILL * frame:
            # a tall row that would leave much of the page empty is cut where the page ends (as
            # Word does), the header repeated above the rest; otherwise it moves whole, so it
            # reads (and copies) in one piece
            parts = self._split_row(laid[i], avail - used, MIN_PART_LINES)
            if parts is not None:
                return [self._clone(laid[:i] + [parts[0]]), self._clone([parts[1]] + laid[i + 1 :])]
        # don't leave a heading (or a row that asks to stay with the next) at the foot of a page
        j = i
        if j > 1 and laid[j].row.kind == "total" and laid[j - 1].row.kind == "item":
            # a "รวม" row never opens a page on its own: the row before it goes along (only its
            # last lines, when moving it whole would leave the page less than half filled)
            prev = laid[j - 1]
            if self._breakable(prev) and filled - prev.height < MIN_FILL * frame:
                keep = prev.height - MIN_PART_LINES * max(c[4].line_height for c in prev.cells)
                parts = self._split_row(prev, keep, MIN_PART_LINES)
                if parts is not None:
                    return [self._clone(laid[: j - 1] + [parts[0]]), self._clone([parts[1]] + laid[j:])]
            j -= 1
        while j > 0 and laid[j - 1].row.keep_with_next:
            j -= 1
        moved = 0 < j < i
        if moved:
            i = j
        first, rest = laid[:i], laid[i:]
        if moved:  # the rest starts on the next page, not in the space the headings left
            return [self._clone(first), FrameBreak(), self._clone(rest)]
        if not first:
            return []  # the next row fits on a fresh page
        return [self._clone(first), self._clone(rest)]

    def _clone(self, laid: list[_LaidRow]) -> GridTable:
        t = GridTable(
            self.col_widths,
            [lr.row for lr in laid],
            self.header,
            pad_x=self.pad_x,
            pad_y=self.pad_y,
            max_body_height=self.max_body_height,
            line_width=self.line_width,
            _laid=laid,
            _header_laid=self._header_laid,
        )
        return t

    # -- drawing --------------------------------------------------------------------------------
    def _draw_cells(self, items: list[ts.DrawItem], cells: list[LaidCell], top: float, height: float) -> None:
        for _cell, x, w, lines, st in cells:
            lh = st.line_height
            ink_top, _ink_bottom = st.ink
            y0 = top - self.pad_y  # the top of the first line's ink
            if st.valign == "middle":
                y0 = top - (height - st.block_height(len(lines))) / 2
            for k, line in enumerate(lines):
                lw = line.width * st.size / 1000.0
                if st.align == "center":
                    lx = x + (w - lw) / 2
                elif st.align == "right":
                    lx = x + w - self.pad_x - lw
                else:
                    lx = x + self.pad_x
                items.append((lx, y0 - ink_top - k * lh, st.font, st.size, line.runs))

    def draw(self) -> None:
        canv = self.canv
        heights, header_cells = self._layout_header()
        top = self.height
        canv.saveState()
        canv.setLineWidth(self.line_width)
        canv.setStrokeColor(colors.black)
        items: list[ts.DrawItem] = []
        # fills first, then text, then rules on top
        rules = []
        row_tops = [top - sum(heights[:k]) for k in range(len(heights) + 1)]
        for c, x, w, lines, st in header_cells:
            t, b = row_tops[c.hrow], row_tops[c.hrow + c.rowspan]
            self._draw_cells(items, [(c, x, w, lines, st)], t, t - b)
            rules.append((x, b, w, t - b))
        y = top - sum(heights)
        for lr in self._layout():
            if lr.row.fill is not None:
                canv.setFillColor(lr.row.fill)
                canv.rect(0, y - lr.height, self.x_of[-1], lr.height, stroke=0, fill=1)
            self._draw_cells(items, lr.cells, y, lr.height)
            for _cell, x, w, _lines, _st in lr.cells:
                rules.append((x, y - lr.height, w, lr.height))
            y -= lr.height
        canv.setFillColor(colors.black)
        ts.TextWriter(canv).draw_lines(items)
        p = canv.beginPath()
        for x, b, w, h in rules:
            p.rect(x, b, w, h)
        canv.drawPath(p, stroke=1, fill=0)
        canv.restoreState()


def header_cell(text: str, style: CellStyle, hrow: int, col: int, span: int = 1, rowspan: int = 1) -> Cell:
    return Cell(text, style, col, span, rowspan, hrow=hrow)


def with_align(style: CellStyle, align: str) -> CellStyle:
    return replace(style, align=align)
