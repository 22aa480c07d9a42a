"""The form table as an Excel workbook (.xlsx) that prints on A4 landscape, and a summary sheet.

Sheet "แบบรายงาน": the form's title block, the two header rows (repeated on every printed page with
the title block, as print titles), heading rows merged across, one row per item with its amounts as
numbers in a Thai number format (Thai digits), "-" for an amount the item has not, and after each
dimension a "รวม" row, at the end "รวมทั้งสิ้น": SUM formulas, never values, so the sheet stays right
when someone changes a figure in Excel.

Sheet "สรุป": per dimension the item count and the three sums (formulas pointing at the "รวม" rows),
the disbursement rate, and the items counted by status and by type.

Interchange layer: core and thai only; openpyxl writes the file.
"""

from __future__ import annotations

import io
import math
import os
import unicodedata
import zipfile
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..core import texts
from ..core.model import (
    APPROACH_LABELS,
    ITEM_TYPE_LABELS,
    ITEM_TYPES,
    STATUS_LABELS,
    STATUSES,
    Heading,
    Item,
    Organization,
    Report,
    walk,
)
from ..core.numbering import numbered
from ..core.totals import report_totals
from ..thai.digits import render_digits
from .export_common import (
    Cancelled,
    OfficeExportCancelled,
    OfficeExportError,
    OfficeExportInfo,
    Progress,
    check_output_path,
    note_text,
    write_whole,
    xml_text,
)
from .export_marks import (
    CONTENT_TYPE,
    PART,
    PROPS_CONTENT_TYPE,
    PROPS_PART,
    PROPS_REL_TYPE,
    PROPS_XML,
    REL_TYPE,
    marks_xml,
)

FONT = "TH SarabunPSK"
CELL_PT = 14
TITLE_PT = 16
FORM_SHEET = "แบบรายงาน"
SUMMARY_SHEET = "สรุป"
# column widths in characters (Excel's unit), A … K
COLUMN_WIDTHS = (34, 16, 16, 24, 12, 12, 12, 13, 13, 13, 16)
HEADER_TOP = 4  # the two header rows are 4 and 5; the tree starts at row 6
FIRST_ROW = HEADER_TOP + 2
AMOUNT_COLUMNS = ("E", "F", "G")
# Thai digits: [$-D00041E] = numeral shape 0D (Thai), default calendar, locale 041E (Thai)
THAI_NUMBERS = "[$-D00041E]"
HEADING_FILL = PatternFill("solid", fgColor="E6E6E6")
SECTION_FILL = PatternFill("solid", fgColor="F5F5F5")
TOTAL_FILL = PatternFill("solid", fgColor="EDEDED")
THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _fit_to_page(ws: Worksheet) -> None:
    props = ws.sheet_properties.pageSetUpPr
    assert props is not None  # openpyxl gives every new sheet its page set-up properties
    props.fitToPage = True


def amount_format(with_satang: bool, dash_for_zero: bool = False) -> str:
    """The Thai number format: "๒๐,๐๐๐" (or "๒๐,๐๐๐.๕๐" when the report has satang); totals show
    "-" for nothing, as the printed report does."""
    body = "#,##0.00" if with_satang else "#,##0"
    fmt = f"{THAI_NUMBERS}{body}"
    if dash_for_zero:
        return f'{fmt};-{fmt};"-"'
    return fmt


def _number(satang: int) -> int | Decimal:
    baht, rest = divmod(satang, 100)
    return baht if rest == 0 else Decimal(satang) / 100


LINE_PT = 19.5  # one line of 14 pt TH SarabunPSK, marks above and below included
CHARS_PER_WIDTH = 0.95  # Thai characters (without combining marks) per unit of column width, at 14 pt


def _lines_needed(text: str, width: float) -> int:
    """How many lines a wrapped cell needs, estimated: Excel and LibreOffice keep the height stored in
    the file, so the exporter sets every row's height itself."""
    per_line = max(int(width * CHARS_PER_WIDTH) - 1, 1)
    total = 0
    for line in text.split("\n"):
        visible = sum(1 for ch in line if unicodedata.category(ch) != "Mn")
        total += max(1, math.ceil(visible / per_line))
    return total


def _font(bold: bool = False, size: float = CELL_PT) -> Font:
    return Font(name=FONT, size=size, bold=bold)


def _text(text: str) -> str:
    # Excel cells hold at most 32,767 characters; a report field never comes near, but a cell over the
    # limit would make Excel call the file damaged
    text = xml_text(text)
    if len(text) > 32767:
        raise OfficeExportError("ข้อความในช่องหนึ่งยาวเกิน 32,767 ตัวอักษร ซึ่ง Excel เก็บไม่ได้")
    return text


class _FormSheet:
    def __init__(self, ws: Worksheet, with_satang: bool):
        self.ws = ws
        self.with_satang = with_satang
        self.row = FIRST_ROW
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.center = Alignment(horizontal="center", vertical="top", wrap_text=True)
        self.right = Alignment(horizontal="right", vertical="top")
        self.lines = 1

    def fit(self, text: str, width: float) -> None:
        """Grow the current row's height to the text of one of its cells."""
        self.lines = max(self.lines, _lines_needed(text, width))

    def next_row(self) -> None:
        self.ws.row_dimensions[self.row].height = self.lines * LINE_PT + 4
        self.row += 1
        self.lines = 1

    def put(
        self,
        col: int,
        value: Any,
        *,
        bold: bool = False,
        align: Alignment | None = None,
        fill: PatternFill | None = None,
        number_format: str | None = None,
    ) -> None:
        cell = self.ws.cell(row=self.row, column=col, value=value)
        cell.font = _font(bold)
        cell.alignment = align or self.wrap
        cell.border = GRID
        if fill is not None:
            cell.fill = fill
        if number_format is not None:
            cell.number_format = number_format

    def merged(self, first: int, last: int, value: str, *, bold: bool, fill: PatternFill | None) -> None:
        for col in range(first, last + 1):
            self.put(col, value if col == first else None, bold=bold, fill=fill)
        self.ws.merge_cells(start_row=self.row, start_column=first, end_row=self.row, end_column=last)


def _title_block(ws: Worksheet, org: Organization, report: Report) -> None:
    year = render_digits(f"ผลงานปีงบประมาณ พ.ศ. {report.fiscal_year}", "thai")
    boxes = "   ".join(f"{'☑' if report.round == rnd else '☐'} {texts.round_name(rnd)}" for rnd in (6, 12))
    for r, (text, bold, size) in enumerate(
        (
            (texts.FORM_TITLE, True, TITLE_PT),
            (_text(texts.organization_line(org)), False, CELL_PT),
            (f"{year}   {boxes}", False, CELL_PT),
        ),
        start=1,
    ):
        cell = ws.cell(row=r, column=1, value=text)
        cell.font = _font(bold, size)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(COLUMN_WIDTHS))


def _header(ws: Worksheet) -> None:
    top, sub = HEADER_TOP, HEADER_TOP + 1
    align = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def put(row: int, col: int, text: str | None) -> None:
        cell = ws.cell(row=row, column=col, value=text)
        cell.font = _font(True)
        cell.alignment = align
        cell.border = GRID

    for col, text in enumerate(
        ("งาน/กิจกรรม/โครงการ", "ตัวชี้วัด", "เป้าหมาย", "ผลการดำเนินงาน ผลลัพธ์/ผลสัมฤทธิ์"), start=1
    ):
        put(top, col, text)
        put(sub, col, None)
        ws.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
    put(top, 5, "งบประมาณ (ถ้ามี)")
    put(top, 8, "แนวทางตามแผนบูรณาการงบประมาณการป้องกันและปราบปรามการทุจริต")
    for col in (6, 7, 9, 10):
        put(top, col, None)
    ws.merge_cells(start_row=top, start_column=5, end_row=top, end_column=7)
    ws.merge_cells(start_row=top, start_column=8, end_row=top, end_column=10)
    put(top, 11, "หมายเหตุ")
    put(sub, 11, None)
    ws.merge_cells(start_row=top, start_column=11, end_row=sub, end_column=11)
    for k, text in enumerate(("งบบูรณาการ", "งบหน่วยงาน", "ผลเบิกจ่าย", *APPROACH_LABELS)):
        put(sub, 5 + k, text)
    ws.row_dimensions[top].height = 2 * LINE_PT + 4
    ws.row_dimensions[sub].height = 5 * LINE_PT + 4


def form_sheet(ws: Worksheet, org: Organization, report: Report, tick: Any = None) -> dict[str, Any]:
    """Fill the form sheet; returns where the totals are: {"dimensions": [row, …], "total": row}."""
    ws.title = FORM_SHEET
    with_satang = any(
        a is not None and a % 100
        for i in report.items()
        for a in (i.budget.integrated, i.budget.agency, i.budget.disbursed)
    )
    for k, width in enumerate(COLUMN_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(k)].width = width
    _title_block(ws, org, report)
    _header(ws)
    f = _FormSheet(ws, with_satang)
    item_format = amount_format(with_satang)
    total_format = amount_format(with_satang, dash_for_zero=True)
    dim_rows: list[int] = []
    nodes = list(numbered(report.tree, "thai"))
    dim_start = FIRST_ROW
    ncols = len(COLUMN_WIDTHS)

    def total_row(label: str, formulas: list[str], fill: PatternFill) -> None:
        f.merged(1, 4, label, bold=True, fill=fill)
        ws.cell(row=f.row, column=1).alignment = Alignment(horizontal="center", vertical="top")
        for k, formula in enumerate(formulas):
            f.put(5 + k, formula, bold=True, align=f.right, fill=fill, number_format=total_format)
        for col in range(8, ncols + 1):
            f.put(col, None, fill=fill)

    for k, n in enumerate(nodes):
        node = n.node
        if n.depth == 0:
            dim_start = f.row
        if isinstance(node, Heading):
            fill = HEADING_FILL if n.depth == 0 else (SECTION_FILL if n.depth == 1 else None)
            f.merged(1, ncols, _text(n.label), bold=n.depth <= 1, fill=fill)
            f.fit(_text(n.label), sum(COLUMN_WIDTHS))
        else:
            assert isinstance(node, Item)
            for col, text in enumerate(
                (n.label, node.indicator, node.target, node.result, note_text(node)), start=1
            ):
                f.put(11 if col == 5 else col, _text(text))
                f.fit(_text(text), COLUMN_WIDTHS[10 if col == 5 else col - 1])
            b = node.budget
            for j, amount in enumerate((b.integrated, b.agency, b.disbursed)):
                if amount is None:
                    f.put(5 + j, "-", align=f.center)
                else:
                    f.put(5 + j, _number(amount), align=f.right, number_format=item_format)
            for j, ticked in enumerate(node.approaches):
                f.put(8 + j, "/" if ticked else "-", align=f.center)
        f.next_row()
        if k + 1 == len(nodes) or nodes[k + 1].depth == 0:
            last = f.row - 1
            total_row("รวม", [f"=SUM({c}{dim_start}:{c}{last})" for c in AMOUNT_COLUMNS], TOTAL_FILL)
            dim_rows.append(f.row)
            f.next_row()
        if tick is not None:
            tick()
    if dim_rows:
        grand = [f"=SUM({','.join(f'{c}{r}' for r in dim_rows)})" for c in AMOUNT_COLUMNS]
    else:
        grand = ["=0"] * 3
    total_row("รวมทั้งสิ้น", grand, HEADING_FILL)
    total = f.row
    f.next_row()

    # printing: A4 landscape, one page wide, title block and header rows on every page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    _fit_to_page(ws)
    ws.print_title_rows = f"1:{HEADER_TOP + 1}"
    ws.print_area = f"A1:{get_column_letter(ncols)}{total}"
    ws.page_margins.left = ws.page_margins.right = 1.5 / 2.54
    ws.page_margins.top = ws.page_margins.bottom = 1.5 / 2.54
    ws.page_margins.header = ws.page_margins.footer = 0.8 / 2.54
    ws.print_options.horizontalCentered = True
    header = ws.oddHeader
    assert header is not None  # openpyxl makes every sheet's headers and their three parts
    header.center.text = "- &P -"
    header.center.font = FONT
    ws.freeze_panes = f"A{FIRST_ROW}"
    return {"dimensions": dim_rows, "total": total}


def summary_sheet(ws: Worksheet, report: Report, rows: dict[str, Any]) -> None:
    ws.title = SUMMARY_SHEET
    totals = report_totals(report)
    widths = (60, 20, 16, 16, 16, 20)
    for k, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(k)].width = width
    with_satang = any(
        a is not None and a % 100
        for i in report.items()
        for a in (i.budget.integrated, i.budget.agency, i.budget.disbursed)
    )
    money = amount_format(with_satang, dash_for_zero=True)
    count_format = f"{THAI_NUMBERS}#,##0"
    percent = f'{THAI_NUMBERS}0.00"%"'
    wrap = Alignment(wrap_text=True, vertical="top")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    r = 1

    def put(
        row: int,
        col: int,
        value: Any,
        *,
        bold: bool = False,
        fmt: str | None = None,
        align: Alignment | None = None,
    ) -> None:
        cell = ws.cell(row=row, column=col, value=value)
        cell.font = _font(bold)
        cell.alignment = align or wrap
        cell.border = GRID
        if fmt:
            cell.number_format = fmt
        if isinstance(value, str) and not value.startswith("="):
            height = _lines_needed(value, widths[col - 1]) * LINE_PT + 4
            current = ws.row_dimensions[row].height or LINE_PT + 4
            ws.row_dimensions[row].height = max(current, height)

    title = ws.cell(row=r, column=1, value="สรุปงบประมาณรายมิติ")
    title.font = _font(True, TITLE_PT)
    ws.row_dimensions[r].height = LINE_PT + 8
    r += 1
    heads = ("มิติ", "จำนวนโครงการ/กิจกรรม/มาตรการ", "งบบูรณาการ", "งบหน่วยงาน", "ผลเบิกจ่าย", "ร้อยละของการเบิกจ่าย")
    for k, text in enumerate(heads, start=1):
        put(r, k, text, bold=True, align=center)
    r += 1
    first = r
    form = f"'{FORM_SHEET}'!"
    labels = [n.label for n in numbered(report.tree, "thai") if n.depth == 0]
    for (_dim, t), label, total_row in zip(totals.dimensions, labels, rows["dimensions"], strict=True):
        put(r, 1, _text(label))
        put(r, 2, t.items, fmt=count_format)
        for k, c in enumerate(AMOUNT_COLUMNS):
            put(r, 3 + k, f"={form}{c}{total_row}", fmt=money)
        put(r, 6, f'=IF((C{r}+D{r})=0,"-",E{r}*100/(C{r}+D{r}))', fmt=percent)
        r += 1
    last = r - 1
    put(r, 1, "รวมทั้งสิ้น", bold=True, align=center)
    put(r, 2, f"=SUM(B{first}:B{last})" if last >= first else 0, bold=True, fmt=count_format)
    for k, c in enumerate(("C", "D", "E")):
        put(r, 3 + k, f"=SUM({c}{first}:{c}{last})" if last >= first else "=0", bold=True, fmt=money)
    put(r, 6, f'=IF((C{r}+D{r})=0,"-",E{r}*100/(C{r}+D{r}))', bold=True, fmt=percent)
    ws.row_dimensions[r].height = LINE_PT + 4
    r += 2

    def counts(title_text: str, pairs: Iterable[tuple[str, int]]) -> None:
        nonlocal r
        put(r, 1, title_text, bold=True, align=center)
        put(r, 2, "จำนวน", bold=True, align=center)
        r += 1
        start = r
        for label, count in pairs:
            put(r, 1, label)
            put(r, 2, count, fmt=count_format)
            r += 1
        put(r, 1, "รวม", bold=True, align=center)
        put(r, 2, f"=SUM(B{start}:B{r - 1})", bold=True, fmt=count_format)
        ws.row_dimensions[r].height = LINE_PT + 4
        r += 2

    by_status = totals.total.by_status
    counts("สถานะการดำเนินการ", [(STATUS_LABELS[s], by_status.get(s, 0)) for s in (*STATUSES, None)])
    by_type = totals.total.by_type
    counts("ประเภท", [(ITEM_TYPE_LABELS[t], by_type.get(t, 0)) for t in ITEM_TYPES])
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    _fit_to_page(ws)


def build_workbook(org: Organization, report: Report, tick: Any = None) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    rows = form_sheet(ws, org, report, tick)
    summary_sheet(wb.create_sheet(), report, rows)
    wb.calculation.fullCalcOnLoad = True  # no cached results are written: Excel computes on opening
    wb.properties.title = texts.report_title(report)
    wb.properties.creator = xml_text(org.name)[:255] or "pipun-desktop"
    return wb


def with_marks(xlsx: bytes, marks: bytes) -> bytes:
    """The workbook with the export marks as a custom XML part related from the workbook (openpyxl writes
    no custom parts itself)."""
    src = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    rels_name = "xl/_rels/workbook.xml.rels"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == rels_name:
                rel = (f'<Relationship Id="rIdPipunExport" Type="{REL_TYPE}" Target="../{PART}"/>').encode()
                data = data.replace(b"</Relationships>", rel + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                override = f'<Override PartName="/{PROPS_PART}" ContentType="{PROPS_CONTENT_TYPE}"/>'
                if b'Extension="xml"' not in data:
                    override += f'<Override PartName="/{PART}" ContentType="{CONTENT_TYPE}"/>'
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            dst.writestr(info, data)
        dst.writestr(PART, marks)
        dst.writestr(PROPS_PART, PROPS_XML)
        dst.writestr(
            "customXml/_rels/pipunExport.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{PROPS_REL_TYPE}" Target="pipunExportProps.xml"/></Relationships>',
        )
    return out.getvalue()


def export_report_xlsx(
    organization: Organization,
    report: Report,
    out_path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> OfficeExportInfo:
    """Write the form table and the summary as a .xlsx to out_path, whole or not at all."""
    out = check_output_path(out_path, "Excel")
    nodes = sum(1 for _ in walk(report.tree))
    items = sum(1 for _ in report.items())
    state = {"done": 0, "total": nodes + 1}

    def tick() -> None:
        state["done"] += 1
        if state["done"] % 25 == 0:
            if is_cancelled is not None and is_cancelled():
                raise OfficeExportCancelled()
            if progress is not None:
                progress(state["done"], state["total"], "กำลังสร้างแฟ้ม Excel")

    wb = build_workbook(organization, report, tick)
    if is_cancelled is not None and is_cancelled():
        raise OfficeExportCancelled()
    buf = io.BytesIO()
    wb.save(buf)
    data = with_marks(buf.getvalue(), marks_xml(report, "thai"))
    write_whole(out, data, "Excel")
    if progress is not None:
        progress(state["total"], state["total"], "เสร็จแล้ว")
    return OfficeExportInfo(str(out), len(data), items)
