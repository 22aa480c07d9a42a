"""The form table "แบบรายงานผลการดำเนินงานป้องกันการทุจริตของ อปท." on A4 landscape: the two-row
column header, heading rows across the width, one row per item, a "รวม" row after each dimension
and the grand total. Numbers and totals come from the core."""

from __future__ import annotations

from ..core.model import APPROACH_LABELS, STATUS_LABELS, STATUS_REASON_LABELS, Heading, Item, Report
from ..core.numbering import numbered
from ..core.totals import report_totals
from ..thai.amounts import format_amount
from .flowables import Cell, GridTable, Row, header_cell, with_align
from .styles import HEADING_FILL, SECTION_FILL, TOTAL_FILL, Styles

FORM_COLUMNS = (120, 70, 70, 95, 56, 56, 56, 62, 62, 62, 48)  # points, sum 757 = A4 landscape - 3 cm


def _note_text(item: Item) -> str:
    note = item.note or ""
    if item.status in ("not_started", "not_possible"):
        extra = STATUS_LABELS[item.status]
        if item.status_reason:
            extra += f" ({STATUS_REASON_LABELS[item.status_reason]})"
        if extra not in note:
            note = f"{note}\n{extra}" if note else extra
    return note


def _amount_cell(satang, col, st: Styles, bold=False) -> Cell:
    text = format_amount(satang, st.digits)
    if satang is None:
        return Cell(text, st.cell_center, col)
    return Cell(text, st.cell_bold_right if bold else st.cell_right, col)


def form_table(report: Report, st: Styles, digits: str, max_body_height: float, progress=None):
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
    rows = []

    def total_row(label, t, fill):
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
    return GridTable(FORM_COLUMNS, rows, header, pad_x=3, pad_y=2, max_body_height=max_body_height)
