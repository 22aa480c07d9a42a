"""The form table "แบบรายงานผลการดำเนินงานป้องกันการทุจริตของ อปท." on A4 landscape: the two-row
column header, heading rows across the width, one row per item, a "รวม" row after each dimension
and the grand total. Numbers and totals come from the core."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.model import APPROACH_LABELS, STATUS_LABELS, STATUS_REASON_LABELS, Heading, Item, Report
from ..core.numbering import numbered
from ..core.totals import Totals, report_totals
from ..thai.amounts import format_amount
from .flowables import Cell, GridTable, Row, header_cell, with_align
from .styles import HEADING_FILL, SECTION_FILL, TOTAL_FILL, Styles
from .typeset import text_width

FORM_COLUMNS = (120, 70, 70, 95, 56, 56, 56, 62, 62, 62, 48)  # points, sum 757 = A4 landscape - 3 cm
TEXT_COLUMNS = 4  # งาน/กิจกรรม/โครงการ, ตัวชี้วัด, เป้าหมาย, ผลการดำเนินงาน
MONEY_COLUMNS = (4, 5, 6)
TICK_COLUMNS = (7, 8, 9)
MONEY_MAX = 97.0  # fits "๙๙๙,๙๙๙,๙๙๙.๙๙" in bold at the body size (90 pt) with its padding
FIRST_MIN = 104.0  # "งาน/กิจกรรม/โครงการ" (96 pt in bold at 10 pt) and its padding
TICK_MIN = 48.0  # a แนวทาง column holds one "/": its heading may wrap more
PAD_X, PAD_Y = 3.0, 1.5


def form_columns(widest_amount: float) -> tuple[float, ...]:
    """Column widths (points) for a table whose widest amount is widest_amount points wide. The
    money columns get the width that figure needs (no amount is ever set smaller than the body
    size), up to MONEY_MAX; the tick columns give up width first, down to TICK_MIN, then the four
    text columns in their proportions."""
    widths: list[float] = [float(w) for w in FORM_COLUMNS]
    base_money = FORM_COLUMNS[MONEY_COLUMNS[0]]
    money = min(max(widest_amount + 2 * PAD_X + 1.0, base_money), MONEY_MAX)
    extra = (money - base_money) * len(MONEY_COLUMNS)
    for k in MONEY_COLUMNS:
        widths[k] = money
    base_tick = FORM_COLUMNS[TICK_COLUMNS[0]]
    tick = max(base_tick - extra / len(TICK_COLUMNS), TICK_MIN)
    extra -= (base_tick - tick) * len(TICK_COLUMNS)
    for k in TICK_COLUMNS:
        widths[k] = tick
    if extra > 0:
        # the first column keeps room for its heading "งาน/กิจกรรม/โครงการ" on one line
        first = max(FORM_COLUMNS[0] * (1 - extra / sum(FORM_COLUMNS[:TEXT_COLUMNS])), FIRST_MIN)
        extra -= FORM_COLUMNS[0] - first
        widths[0] = first
        rest = sum(FORM_COLUMNS[1:TEXT_COLUMNS])
        for k in range(1, TEXT_COLUMNS):
            widths[k] = FORM_COLUMNS[k] * (rest - extra) / rest
    return tuple(round(w, 3) for w in widths)


def _note_text(item: Item) -> str:
    note = item.note or ""
    if item.status in ("not_started", "not_possible"):
        extra = STATUS_LABELS[item.status]
        if item.status_reason:
            extra += f" ({STATUS_REASON_LABELS[item.status_reason]})"
        if extra not in note:
            note = f"{note}\n{extra}" if note else extra
    return note


def _amount_cell(satang: int | None, col: int, st: Styles, bold: bool = False) -> Cell:
    text = format_amount(satang, st.digits)
    if satang is None:
        return Cell(text, st.cell_center, col)
    return Cell(text, st.cell_bold_right if bold else st.cell_right, col)


def _widest_amount(rows: list[Row]) -> float:
    """Width in points of the widest amount in the table's rows, as set."""
    widest = 0.0
    for row in rows:
        for cell in row.cells:
            if cell.style.amount:
                widest = max(widest, text_width(cell.style.font, cell.text, cell.style.size))
    return widest


def form_table(
    report: Report, st: Styles, digits: str, max_body_height: float, progress: Callable[[], Any] | None = None
) -> GridTable:
    h = st.head
    header = [
        header_cell("งาน/กิจกรรม/โครงการ", h, 0, 0, rowspan=2),
        header_cell("ตัวชี้วัด", h, 0, 1, rowspan=2),
        header_cell("เป้าหมาย", h, 0, 2, rowspan=2),
        header_cell("ผลการดำเนินงาน ผลลัพธ์/ผลสัมฤทธิ์", h, 0, 3, rowspan=2),
        header_cell("งบประมาณ (ถ้ามี)", h, 0, 4, span=3),
        header_cell("แนวทางตามแผนบูรณาการงบประมาณการป้องกันและปราบปรามการทุจริต", h, 0, 7, span=3),
        header_cell("หมายเหตุ", h, 0, 10, rowspan=2),
        header_cell("งบบูรณาการ", h, 1, 4),
        header_cell("งบหน่วยงาน", h, 1, 5),
        header_cell("ผลเบิกจ่าย", h, 1, 6),
    ] + [header_cell(label, h, 1, 7 + k) for k, label in enumerate(APPROACH_LABELS)]
    totals = report_totals(report)
    ncols = len(FORM_COLUMNS)
    rows: list[Row] = []

    def total_row(label: str, t: Totals, fill: Any) -> Row:
        cells = [Cell(label, with_align(st.cell_bold, "center"), 0, 4)]
        cells += [
            _amount_cell(getattr(t, f), 4 + k, st, bold=True)
            for k, f in enumerate(("integrated", "agency", "disbursed"))
        ]
        cells += [Cell("", st.cell, 7 + k) for k in range(3)] + [Cell("", st.cell, 10)]
        return Row(cells, kind="total", fill=fill)

    nodes = list(numbered(report.tree, digits))
    for k, n in enumerate(nodes):
        node = n.node
        if isinstance(node, Heading):
            style = st.cell_bold if n.depth <= 1 else st.cell
            fill = HEADING_FILL if n.depth == 0 else (SECTION_FILL if n.depth == 1 else None)
            rows.append(Row([Cell(n.label, style, 0, ncols)], kind="heading", fill=fill, keep_with_next=True))
        else:
            b = node.budget
            cells = [
                Cell(n.label, st.cell, 0),
                Cell(node.indicator, st.cell, 1),
                Cell(node.target, st.cell, 2),
                Cell(node.result, st.cell, 3),
                _amount_cell(b.integrated, 4, st),
                _amount_cell(b.agency, 5, st),
                _amount_cell(b.disbursed, 6, st),
            ]
            cells += [
                Cell("/" if tick else "-", st.cell_center, 7 + j) for j, tick in enumerate(node.approaches)
            ]
            cells.append(Cell(_note_text(node), st.cell, 10))
            rows.append(Row(cells))
        last_of_dim = k + 1 == len(nodes) or nodes[k + 1].depth == 0
        if last_of_dim:
            rows.append(total_row("รวม", totals.dimensions[n.dimension][1], TOTAL_FILL))
        if progress:
            progress()
    rows.append(total_row("รวมทั้งสิ้น", totals.total, HEADING_FILL))
    widths = form_columns(_widest_amount(rows))
    return GridTable(widths, rows, header, pad_x=PAD_X, pad_y=PAD_Y, max_body_height=max_body_height)
