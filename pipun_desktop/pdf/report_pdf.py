"""The printed report, part by part, in the order of the real reports (see domain.md):
cover, introduction, the form table (A4 landscape), narratives, conclusion, announcement.

Layout only: numbers, totals, amounts, dates and fixed wording come from the core.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate, CondPageBreak, Flowable, Frame, Image, NextPageTemplate, PageBreak, PageTemplate, Spacer,
)

from ..core import texts
from ..core.calendar import round_period
from ..core.model import APPROACH_LABELS, STATUS_LABELS, STATUS_REASON_LABELS, Heading, Item, Report
from ..core.numbering import numbered
from ..core.totals import report_totals
from ..thai.amounts import format_amount
from ..thai.dates import MONTHS, buddhist_year, thai_date
from ..thai.digits import render_digits
from . import typeset as ts
from .flowables import Cell, CellStyle, GridTable, Row, TextFlow, TextStyle, header_cell, with_align
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


class ReportCancelled(Exception):
    pass


@dataclass
class Styles:
    fonts: FontSet
    digits: str = "thai"

    def __post_init__(self):
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
        self.block_head = TextStyle(b, BODY_SIZE, indent_first=BLOCK_INDENT, indent_rest=BLOCK_INDENT,
                                    space_before=4, keep_with_next=True)
        lead = TABLE_LEADING
        self.cell = CellStyle(r, TABLE_SIZE, lead)
        self.cell_bold = CellStyle(b, TABLE_SIZE, lead)
        self.cell_center = CellStyle(r, TABLE_SIZE, lead, align="center")
        self.cell_right = CellStyle(r, TABLE_SIZE, lead, align="right", nowrap=True)
        self.cell_bold_right = CellStyle(b, TABLE_SIZE, lead, align="right", nowrap=True)
        self.head = CellStyle(b, HEADER_SIZE, align="center", valign="middle", leading=HEADER_SIZE * 1.32)
        self.small_table = CellStyle(r, 14)

    def bullet(self, indent: float) -> TextStyle:
        hang = ts.text_width(self.fonts.regular, "- ", BODY_SIZE)
        return TextStyle(self.fonts.regular, BODY_SIZE, indent_first=indent, indent_rest=indent + hang)


# -- page templates -----------------------------------------------------------------------------
class ReportDocTemplate(BaseDocTemplate):
    """Portrait and landscape pages; page numbers "- ๒ -" from page two; the form's title block on
    every landscape page; an optional fingerprint line at the foot of every page."""

    def __init__(self, filename, *, fonts: FontSet, report: Report, organization, digits: str,
                 fingerprint: str | None, on_flowable=None, **kw):
        self.fonts = fonts
        self.report = report
        self.organization = organization
        self.digits = digits
        self.fingerprint = fingerprint
        self.on_flowable = on_flowable
        super().__init__(filename, pagesize=PORTRAIT, initialFontName=fonts.regular.fontName,
                         title=texts.report_title(report, digits), author=organization.name,
                         creator="pipun-desktop", **kw)
        pw, ph = PORTRAIT
        portrait_frame = Frame(3 * cm, 2 * cm, pw - 5 * cm, ph - 4.5 * cm, id="portrait",
                               leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        lw, lh = LANDSCAPE
        form_frame = Frame(1.5 * cm, 1.5 * cm, lw - 3 * cm, lh - 1.5 * cm - FORM_TOP - FORM_BLOCK_HEIGHT, id="form",
                           leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.form_frame = form_frame
        self.addPageTemplates([
            PageTemplate("portrait", [portrait_frame], onPage=self._decorate, pagesize=PORTRAIT),
            PageTemplate("form", [form_frame], onPage=self._decorate_form, pagesize=LANDSCAPE),
        ])

    def _decorate(self, canv, doc):
        canv.saveState()
        w, h = canv._pagesize
        n = canv.getPageNumber()
        if n >= 2:
            ts.draw_text(canv, w / 2, h - 1.3 * cm, self.fonts.regular, 14,
                         render_digits(f"- {n} -", self.digits), align="center")
        if self.fingerprint:
            ts.draw_text(canv, w / 2, 0.8 * cm, self.fonts.regular, 7, self.fingerprint, align="center")
        canv.restoreState()

    def _decorate_form(self, canv, doc):
        self._decorate(canv, doc)
        canv.saveState()
        w, h = canv._pagesize
        f = self.fonts
        top = h - FORM_TOP
        ts.draw_text(canv, w / 2, top - 14, f.bold, 16, texts.FORM_TITLE, align="center")
        ts.draw_text(canv, w / 2, top - 34, f.regular, 14, texts.organization_line(self.organization),
                     align="center")
        # "ผลงานปีงบประมาณ พ.ศ. ๒๕๖๔   ○ รอบ ๖ เดือน   ○ รอบ ๑๒ เดือน (ผลงานสะสม)"
        y = top - 54
        size = 14
        parts = [render_digits(f"ผลงานปีงบประมาณ พ.ศ. {self.report.fiscal_year}", self.digits)]
        boxes = [(6, texts.round_name(6, self.digits)), (12, texts.round_name(12, self.digits))]
        widths = [ts.text_width(f.regular, parts[0], size)] + [ts.text_width(f.regular, t, size) for _, t in boxes]
        gap, box = 22, 14
        total = widths[0] + sum(gap + box + wd for wd in widths[1:])
        x = (w - total) / 2
        ts.draw_text(canv, x, y, f.regular, size, parts[0])
        x += widths[0]
        canv.setLineWidth(0.8)
        for (rnd, label), wd in zip(boxes, widths[1:]):
            x += gap
            cx, cy, r = x + 5, y + 4, 5
            canv.circle(cx, cy, r, stroke=1, fill=0)
            if rnd == self.report.round:
                p = canv.beginPath()
                p.moveTo(cx - 3.5, cy + 0.5)
                p.lineTo(cx - 1.0, cy - 3.0)
                p.lineTo(cx + 6.0, cy + 7.0)
                canv.setLineWidth(1.6)
                canv.drawPath(p, stroke=1, fill=0)
                canv.setLineWidth(0.8)
            x += box
            ts.draw_text(canv, x, y, f.regular, size, label)
            x += wd
        canv.restoreState()

    def afterFlowable(self, flowable):
        if self.on_flowable is not None:
            self.on_flowable(flowable)


# -- text bodies --------------------------------------------------------------------------------
def body_flowables(text: str, st: Styles, indent: float = 0.0, avail_width: float | None = None):
    """Paragraphs, "- " bullet lines with hanging indents, and runs of tab-separated lines as
    small tables."""
    out = []
    lines = ts.paragraphs(text)
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append([c.strip() for c in lines[i].split("\t")])
                i += 1
            out.append(small_table(rows, st, indent, avail_width))
            continue
        i += 1
        stripped = line.strip()
        if not stripped:
            continue
        if stripped[:1] in "-•" and (len(stripped) == 1 or stripped[1] == " "):
            out.append(TextFlow(stripped, st.bullet(indent + BLOCK_INDENT)))
        else:
            out.append(TextFlow(stripped, TextStyle(st.fonts.regular, BODY_SIZE, indent_first=indent + PARA_INDENT,
                                                    indent_rest=indent)))
    return out


def small_table(rows, st: Styles, indent: float, avail_width: float | None):
    ncols = max(len(r) for r in rows)
    style = st.small_table
    natural = [0.0] * ncols
    for r in rows:
        for k, text in enumerate(r):
            natural[k] = max(natural[k], ts.text_width(style.font, text, style.size) + 10)
    avail = (avail_width or 16 * cm) - indent - BLOCK_INDENT
    total = sum(natural)
    widths = natural if total <= avail else [max(n * avail / total, 30) for n in natural]
    body = []
    for r in rows:
        cells = []
        for k in range(ncols):
            text = r[k] if k < len(r) else ""
            num = text and all(ch in "0123456789๐๑๒๓๔๕๖๗๘๙.,-%" for ch in text)
            cells.append(Cell(text, with_align(style, "center") if num else style, k))
        body.append(Row(cells))
    t = GridTable(widths, body, pad_x=4, pad_y=2)
    t.hAlign = "LEFT"
    return _Indented(t, indent + BLOCK_INDENT)


class _Indented(Flowable):  # a Flowable that shifts another one right
    def __init__(self, inner, indent):
        super().__init__()
        self.inner = inner
        self.indent = indent
        self.spaceBefore = 4
        self.spaceAfter = 4

    def wrap(self, aw, ah):
        w, h = self.inner.wrap(aw - self.indent, ah)
        self.width, self.height = w + self.indent, h
        return self.width, h

    def split(self, aw, ah):
        parts = self.inner.split(aw - self.indent, ah)
        return [_Indented(p, self.indent) for p in parts]

    def draw(self):
        self.inner.drawOn(self.canv, self.indent, 0)


# -- the parts ----------------------------------------------------------------------------------
def _period_parts(report: Report, digits: str) -> tuple[str, str]:
    line = texts.round_line(report, digits)
    name, _, period = line.partition(" (")
    return name, "(" + period


def cover(org, report: Report, st: Styles, digits: str):
    name, period = _period_parts(report, digits)
    year = render_digits(str(report.fiscal_year), digits)
    out = [Spacer(1, 5 * cm),
           TextFlow("รายงานผลการดำเนินการ", st.cover_title),
           TextFlow(f"ป้องกันการทุจริต ประจำปี พ.ศ. {year}", st.cover_title),
           Spacer(1, 0.6 * cm),
           TextFlow(name, st.cover_line),
           TextFlow(period, st.cover_sub),
           Spacer(1, 6 * cm),
           TextFlow(org.name, st.cover_line)]
    loc = " ".join(p for p in (f"อำเภอ{org.district}" if org.district else "",
                               f"จังหวัด{org.province}" if org.province else "") if p)
    if loc:
        out.append(TextFlow(loc, st.cover_sub))
    return out


def introduction(org, report: Report, st: Styles, digits: str):
    name, period = _period_parts(report, digits)
    year = render_digits(str(report.fiscal_year), digits)
    out = [TextFlow("รายงานผลการดำเนินงาน", st.center_bold),
           TextFlow(f"ป้องกันการทุจริต ประจำปี พ.ศ. {year}", st.center_bold),
           TextFlow(name, st.center_bold),
           TextFlow(period, TextStyle(st.fonts.bold, BODY_SIZE, align="center", space_after=14))]
    for para in ts.paragraphs(texts.intro_text(org, report, digits)):
        if para.strip():
            out.append(TextFlow(para.strip(), TextStyle(st.fonts.regular, BODY_SIZE, indent_first=PARA_INDENT,
                                                        space_after=6)))
    return out


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
        cells += [_amount_cell(getattr(t, f), 4 + k, st, bold=True)
                  for k, f in enumerate(("integrated", "agency", "disbursed"))]
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
            cells = [Cell(n.label, st.cell, 0), Cell(node.indicator, st.cell, 1), Cell(node.target, st.cell, 2),
                     Cell(node.result, st.cell, 3),
                     _amount_cell(b.integrated, 4, st), _amount_cell(b.agency, 5, st),
                     _amount_cell(b.disbursed, 6, st)]
            cells += [Cell("/" if tick else "-", st.cell_center, 7 + j) for j, tick in enumerate(node.approaches)]
            cells.append(Cell(_note_text(node), st.cell, 10))
            rows.append(Row(cells))
        last_of_dim = k + 1 == len(nodes) or nodes[k + 1].depth == 0
        if last_of_dim:
            rows.append(total_row("รวม", totals.dimensions[n.dimension][1], TOTAL_FILL))
        if progress:
            progress()
    rows.append(total_row("รวมทั้งสิ้น", totals.total, HEADING_FILL))
    return GridTable(FORM_COLUMNS, rows, header, pad_x=3, pad_y=2, max_body_height=max_body_height)


def narratives(report: Report, st: Styles, digits: str, avail_width: float, progress=None):
    out = [TextFlow("ผลการดำเนินงาน", st.title)]
    for n in numbered(report.tree, digits):
        node = n.node
        if isinstance(node, Heading):
            out.append(TextFlow(n.label, st.h1 if n.depth == 0 else st.h2))
            continue
        out.append(CondPageBreak(3 * cm))
        out.append(TextFlow(n.label, st.item_title))
        for block in node.details:
            if block.heading.strip():
                out.append(TextFlow(block.heading.strip(), st.block_head))
            out.extend(body_flowables(block.body, st, 0, avail_width))
        if progress:
            progress()
    return out


def conclusion(org, report: Report, st: Styles, digits: str, avail_width: float):
    c = report.conclusion
    out = [TextFlow(f"{texts.CONCLUSION_TITLE} {org.name}", st.title)]
    for head, body in (("ปัจจัยสนับสนุน", c.supporting_factors), ("ปัญหา/อุปสรรคในการดำเนินงาน", c.problems),
                       ("ข้อเสนอแนะ", c.suggestions)):
        out.append(TextFlow(head, st.h1))
        out.extend(body_flowables(body, st, 0, avail_width))
    r = report.reporter
    lines = [f"ผู้รายงาน {r.name}".rstrip(), f"ตำแหน่ง {r.position}".rstrip()]
    if r.phone:
        lines.append(f"โทรศัพท์/โทรสาร {r.phone}")
    if r.email:
        lines.append(f"E-mail : {r.email}")
    if r.date:
        lines.append(f"วันที่ {thai_date(r.date, digits)}")
    out.append(Spacer(1, 14))
    block = TextStyle(st.fonts.regular, BODY_SIZE, indent_first=avail_width * 0.45, indent_rest=avail_width * 0.45,
                      keep_with_next=True)
    for k, line in enumerate(lines):
        out.append(TextFlow(line, block if k < len(lines) - 1 else TextStyle(
            st.fonts.regular, BODY_SIZE, indent_first=avail_width * 0.45, indent_rest=avail_width * 0.45)))
    return out


def _announcement_period(report: Report, digits: str) -> str:
    start, end = round_period(report.fiscal_year, report.round)
    text = (f"รอบ {report.round} เดือน ระหว่างเดือน {MONTHS[start.month - 1]} พ.ศ. {buddhist_year(start)}"
            f" - {MONTHS[end.month - 1]} พ.ศ. {buddhist_year(end)}")
    return "(" + render_digits(text, digits) + ")"


def emblem_flowable(png: bytes):
    from reportlab.lib.utils import ImageReader

    try:
        reader = ImageReader(io.BytesIO(png))
        iw, ih = reader.getSize()
    except Exception as exc:  # a damaged or non-image file the user attached
        raise ValueError(f"อ่านภาพตราสัญลักษณ์ไม่ได้ (ต้องเป็นไฟล์ PNG): {exc}") from None
    height = 3 * cm
    img = Image(io.BytesIO(png), width=height * iw / ih, height=height)
    img.hAlign = "CENTER"
    return img


def announcement(org, report: Report, st: Styles, digits: str, avail_width: float):
    a = report.announcement
    out = []
    if a.emblem_png:
        out += [emblem_flowable(a.emblem_png), Spacer(1, 8)]
    year = render_digits(str(report.fiscal_year), digits)
    out += [TextFlow(f"ประกาศ{org.name}", st.center_bold),
            TextFlow("เรื่อง รายงานผลการดำเนินการป้องกันการทุจริต", st.center_bold),
            TextFlow(f"ประจำปี พ.ศ. {year}", st.center_bold),
            TextFlow(_announcement_period(report, digits), st.center),
            _Rule(4 * cm),
            ]
    for para in ts.paragraphs(a.body):
        if para.strip():
            out.append(TextFlow(para.strip(), TextStyle(st.fonts.regular, BODY_SIZE, indent_first=PARA_INDENT,
                                                        space_after=6)))
    out.append(TextFlow("จึงประกาศมาให้ทราบโดยทั่วกัน", TextStyle(st.fonts.regular, BODY_SIZE,
                                                                    indent_first=PARA_INDENT, space_before=6,
                                                                    keep_with_next=True)))
    sign = TextStyle(st.fonts.regular, BODY_SIZE, indent_first=avail_width * 0.3, space_before=14,
                     keep_with_next=True)
    if a.date:
        out.append(TextFlow(f"ประกาศ ณ วันที่ {thai_date(a.date, digits, era=True)}", sign))
    sig_col = TextStyle(st.fonts.regular, BODY_SIZE, align="center", indent_first=avail_width * 0.4,
                        indent_rest=avail_width * 0.4, keep_with_next=True)
    out.append(Spacer(1, 2.2 * cm))
    if a.signatory_name:
        out.append(TextFlow(f"({a.signatory_name})", sig_col))
    if a.signatory_position:
        out.append(TextFlow(a.signatory_position, TextStyle(st.fonts.regular, BODY_SIZE, align="center",
                                                            indent_first=avail_width * 0.4,
                                                            indent_rest=avail_width * 0.4)))
    return out


class _Rule(Flowable):
    """A short centred line under an announcement's title."""

    def __init__(self, length):
        super().__init__()
        self.length = length
        self.spaceBefore = 4
        self.spaceAfter = 12

    def wrap(self, aw, ah):
        self.width = aw
        return aw, 1

    def draw(self):
        self.canv.setLineWidth(0.6)
        self.canv.line((self.width - self.length) / 2, 0, (self.width + self.length) / 2, 0)


# -- the whole report ---------------------------------------------------------------------------
def build_story(org, report: Report, doc: ReportDocTemplate, fonts: FontSet, digits: str, tick=None):
    st = Styles(fonts, digits)
    pw = PORTRAIT[0] - 5 * cm
    story = []
    story += cover(org, report, st, digits)
    story += [PageBreak()]
    story += introduction(org, report, st, digits)
    story += [NextPageTemplate("form"), PageBreak()]
    story.append(form_table(report, st, digits, doc.form_frame._aH, progress=tick))
    story += [NextPageTemplate("portrait"), PageBreak()]
    story += narratives(report, st, digits, pw, progress=tick)
    story += [PageBreak()]
    story += conclusion(org, report, st, digits, pw)
    story += [PageBreak()]
    story += announcement(org, report, st, digits, pw)
    return story
