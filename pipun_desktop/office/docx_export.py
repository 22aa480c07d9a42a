"""The whole report as an editable Word document (.docx), in the parts and order of the printed PDF:
cover, introduction, the form table on A4 landscape pages, narratives, conclusion with the reporter
block, and the announcement with its emblem.

Text is set in TH SarabunPSK (16 pt body, 14 pt in the form table) and marked as Thai complex-script
text (w:rFonts w:cs, w:szCs, w:bCs, w:lang w:bidi="th-TH") so Word and LibreOffice shape and break it.
The form table's two header rows repeat on every page, heading rows span the width, amounts are
right-aligned, and every dimension ends with a "รวม" row, the table with "รวมทั้งสิ้น". Page numbers
"- ๒ -" from the second page, in Thai digits through the sections' page-number format.

Every text field of the report is written verbatim, one paragraph per line. Numbers, totals and fixed
wording come from the core, as for the PDF.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from typing import Any

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.parser import oxml_parser
from docx.shared import Cm, Pt
from lxml import etree

from ..core import texts
from ..core.model import APPROACH_LABELS, Heading, Item, Organization, Report, walk
from ..core.numbering import numbered
from ..core.totals import Totals, report_totals
from ..thai.amounts import format_amount
from ..thai.dates import thai_date
from ..thai.digits import DIGIT_STYLES, render_digits
from .export_common import (
    Cancelled,
    OfficeExportCancelled,
    OfficeExportError,
    OfficeExportInfo,
    Progress,
    check_output_path,
    lines,
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
BODY_PT = 16
TABLE_PT = 14
HEADER_PT = 12
TABLE_LINE = 0.85  # line spacing in the form table: TH SarabunPSK's own line gap is generous
LANG = "th-TH"
# the form table's columns in points (sum 757 pt = A4 landscape less 2 × 1.5 cm); amounts up to
# "๑,๐๐๐,๐๐๐.๐๐" fit on one line at 14 pt
FORM_COLUMNS = (130, 65, 65, 94, 60, 60, 60, 56, 56, 56, 55)
HEADING_FILL = "E6E6E6"
SECTION_FILL = "F5F5F5"
TOTAL_FILL = "EDEDED"
A4 = (Cm(21.0), Cm(29.7))
PORTRAIT_TEXT_CM = 16.0  # 21 cm less 3 cm left and 2 cm right
PARA_INDENT = Cm(2.5)
BLOCK_INDENT = Cm(1.25)
BULLET_HANG = Cm(0.5)

Element = Any  # lxml elements of the WordprocessingML tree


# -- low-level WordprocessingML ------------------------------------------------------------------
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NSMAP = {"w": _W_NS}
_CLARK: dict[str, str] = {}


def _clark(name: str) -> str:
    """ "w:p" -> "{…main}p", cached: a report of a thousand items makes some 200,000 elements."""
    clark = _CLARK.get(name)
    if clark is None:
        clark = _CLARK[name] = qn(name)
    return clark


def _el(tag: str, **attrs: str) -> Element:
    el = oxml_parser.makeelement(_clark(tag), nsmap=_NSMAP)
    for k, v in attrs.items():
        el.set(_clark(f"w:{k}"), v)
    return el


def _sub(parent: Element, tag: str, **attrs: str) -> Element:
    el = etree.SubElement(parent, _clark(tag))  # the parent's namespace declarations: no nsmap per element
    for k, v in attrs.items():
        el.set(_clark(f"w:{k}"), v)
    return el


def _run(text: str, *, bold: bool = False, size: float | None = None) -> Element:
    """A run of text: w:b with w:bCs (Thai is complex script, so bold must be said twice), w:sz with
    w:szCs; tabs and line breaks as Word's own elements."""
    r = _el("w:r")
    if bold or size:
        rpr = _sub(r, "w:rPr")
        if bold:
            _sub(rpr, "w:b")
            _sub(rpr, "w:bCs")
        if size:
            half = str(round(size * 2))
            _sub(rpr, "w:sz", val=half)
            _sub(rpr, "w:szCs", val=half)
    for k, chunk in enumerate(xml_text(text).split("\n")):
        if k:
            _sub(r, "w:br")
        for j, piece in enumerate(chunk.split("\t")):
            if j:
                _sub(r, "w:tab")
            if piece:
                t = _sub(r, "w:t")
                t.text = piece
                if piece != piece.strip():
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def _para(
    text: str = "",
    *,
    align: str | None = None,
    bold: bool = False,
    size: float | None = None,
    left: int | None = None,
    right: int | None = None,
    first: int | None = None,
    hanging: int | None = None,
    before: float = 0,
    after: float = 0,
    keep_next: bool = False,
    page_break: bool = False,
    border_bottom: bool = False,
    line: float | None = None,
    runs: Iterable[Element] = (),
) -> Element:
    """A paragraph; indents in EMU (docx.shared lengths), spacing in points."""
    p = _el("w:p")
    ppr = _sub(p, "w:pPr")
    if keep_next:
        _sub(ppr, "w:keepNext")
    if page_break:
        _sub(ppr, "w:pageBreakBefore")
    if border_bottom:
        bdr = _sub(ppr, "w:pBdr")
        _sub(bdr, "w:bottom", val="single", sz="6", space="1", color="000000")
    spacing = _sub(ppr, "w:spacing", before=str(round(before * 20)), after=str(round(after * 20)))
    if line is not None:
        spacing.set(qn("w:line"), str(round(240 * line)))
        spacing.set(qn("w:lineRule"), "auto")
    ind: dict[str, str] = {}
    if left is not None:
        ind["left"] = str(round(left / 635))
    if right is not None:
        ind["right"] = str(round(right / 635))
    if first is not None:
        ind["firstLine"] = str(round(first / 635))
    if hanging is not None:
        ind["hanging"] = str(round(hanging / 635))
    if ind:
        _sub(ppr, "w:ind", **ind)
    if align:
        _sub(ppr, "w:jc", val=align)
    if text:
        p.append(_run(text, bold=bold, size=size))
    for r in runs:
        p.append(r)
    return p


def _twips(points: float) -> str:
    return str(round(points * 20))


# -- the document's defaults: TH SarabunPSK, 16 pt, Thai ------------------------------------------
def _thai_rpr(rpr: Element, size: float) -> None:
    """Font, size and language of a style or the document defaults, replacing the template's theme fonts."""
    for tag in ("w:rFonts", "w:sz", "w:szCs", "w:lang"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    fonts = _el("w:rFonts", ascii=FONT, hAnsi=FONT, eastAsia=FONT, cs=FONT)
    rpr.insert(0, fonts)
    half = str(round(size * 2))
    # schema order: … w:sz, w:szCs … w:lang (after colour/spacing, before everything else we never set)
    anchor = None
    for tag in (
        "w:highlight",
        "w:u",
        "w:effect",
        "w:bdr",
        "w:shd",
        "w:fitText",
        "w:vertAlign",
        "w:rtl",
        "w:cs",
    ):
        anchor = rpr.find(qn(tag))
        if anchor is not None:
            break
    for el in (_el("w:sz", val=half), _el("w:szCs", val=half)):
        if anchor is not None:
            anchor.addprevious(el)
        else:
            rpr.append(el)
    lang = _el("w:lang", val=LANG, eastAsia=LANG, bidi=LANG)
    after_lang = None
    for tag in ("w:eastAsianLayout", "w:specVanish", "w:oMath"):
        after_lang = rpr.find(qn(tag))
        if after_lang is not None:
            break
    if after_lang is not None:
        after_lang.addprevious(lang)
    else:
        rpr.append(lang)


def _setup_styles(document: Any) -> None:
    styles_el = document.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = _el("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = _sub(rpr_default, "w:rPr")
    _thai_rpr(rpr, BODY_PT)
    normal = document.styles["Normal"]
    _thai_rpr(normal.element.get_or_add_rPr(), BODY_PT)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    # the table style the form and the narratives' small tables use: a grid, the same font
    grid = document.styles["Table Grid"]
    _thai_rpr(grid.element.get_or_add_rPr(), TABLE_PT)
    # settings: Thai as the document's complex-script language
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = _el("w:themeFontLang")
        settings.append(lang)
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:bidi"), LANG)
    lang.set(qn("w:eastAsia"), LANG)


# -- sections, headers, page numbers -----------------------------------------------------------------
def _page_number_format(section: Any, digits: str) -> None:
    sect = section._sectPr
    for old in sect.findall(qn("w:pgNumType")):
        sect.remove(old)
    el = _el("w:pgNumType", fmt="thaiNumbers" if digits == "thai" else "decimal")
    # schema order: … w:pgMar, w:paperSrc, w:pgBorders, w:lnNumType, w:pgNumType, w:cols …
    cols = sect.find(qn("w:cols"))
    if cols is not None:
        cols.addprevious(el)
    else:
        sect.append(el)


def _page_number_paragraph(digits: str) -> Element:
    """ "- ๒ -": a PAGE field between dashes, centred. The digits come from the section's page-number
    format (w:pgNumType w:fmt="thaiNumbers"), which Word follows; LibreOffice 7.4 ignores that format
    and shows Arabic digits, and reads the field switch "\\* ThaiArabic" as Thai *letters* (ก ข ค), so
    the field carries no switch."""
    r_begin, r_instr, r_sep, r_num, r_end = (_el("w:r") for _ in range(5))
    _sub(r_begin, "w:fldChar", fldCharType="begin")
    instr = _sub(r_instr, "w:instrText")
    instr.text = " PAGE "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    _sub(r_sep, "w:fldChar", fldCharType="separate")
    t = _sub(r_num, "w:t")
    t.text = render_digits("2", digits)
    _sub(r_end, "w:fldChar", fldCharType="end")
    return _para(
        align="center",
        runs=[_run("- ", size=HEADER_PT), r_begin, r_instr, r_sep, r_num, r_end, _run(" -", size=HEADER_PT)],
    )


def _fill_header(header: Any, paragraphs: list[Element]) -> None:
    header.is_linked_to_previous = False
    el = header._element
    for p in el.findall(qn("w:p")):
        el.remove(p)
    for p in paragraphs:
        el.append(p)


def _setup_section(section: Any, *, landscape: bool, digits: str) -> None:
    short, long_ = A4
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = long_, short
        section.left_margin = section.right_margin = Cm(1.5)
        section.top_margin, section.bottom_margin = Cm(1.5), Cm(1.5)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = short, long_
        section.left_margin, section.right_margin = Cm(3), Cm(2)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.0)
    _page_number_format(section, digits)


# -- the form table --------------------------------------------------------------------------------
def _cell(
    row: Element,
    paragraphs: list[Element],
    width_pt: float,
    *,
    span: int = 1,
    vmerge: str | None = None,
    fill: str | None = None,
    valign: str | None = None,
) -> Element:
    tc = _sub(row, "w:tc")
    tcpr = _sub(tc, "w:tcPr")
    _sub(tcpr, "w:tcW", w=_twips(width_pt), type="dxa")
    if span > 1:
        _sub(tcpr, "w:gridSpan", val=str(span))
    if vmerge is not None:
        if vmerge == "restart":
            _sub(tcpr, "w:vMerge", val="restart")
        else:
            _sub(tcpr, "w:vMerge")
    if fill:
        _sub(tcpr, "w:shd", val="clear", color="auto", fill=fill)
    if valign:
        _sub(tcpr, "w:vAlign", val=valign)
    if not paragraphs:
        paragraphs = [_para()]
    for p in paragraphs:
        tc.append(p)
    return tc


def _cell_paragraphs(
    text: str,
    *,
    align: str | None = None,
    bold: bool = False,
    size: float | None = None,
    keep_next: bool = False,
) -> list[Element]:
    size = size or TABLE_PT
    return [
        _para(text_line, align=align, bold=bold, size=size, keep_next=keep_next, line=TABLE_LINE)
        for text_line in lines(text)
    ] or [_para(keep_next=keep_next)]


def _row(table: Element, *, header: bool = False, cant_split: bool = False) -> Element:
    tr = _sub(table, "w:tr")
    if header or cant_split:
        trpr = _sub(tr, "w:trPr")
        if cant_split:
            _sub(trpr, "w:cantSplit")
        if header:
            _sub(trpr, "w:tblHeader")
    return tr


def _table(widths: Iterable[float], total_width: float, *, layout_fixed: bool = True) -> Element:
    tbl = _el("w:tbl")
    tblpr = _sub(tbl, "w:tblPr")
    _sub(tblpr, "w:tblStyle", val="TableGrid")
    _sub(tblpr, "w:tblW", w=_twips(total_width), type="dxa")
    borders = _sub(tblpr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _sub(borders, f"w:{side}", val="single", sz="4", space="0", color="000000")
    if layout_fixed:
        _sub(tblpr, "w:tblLayout", type="fixed")
    margins = _sub(tblpr, "w:tblCellMar")
    _sub(margins, "w:left", w="57", type="dxa")
    _sub(margins, "w:right", w="57", type="dxa")
    _sub(
        tblpr,
        "w:tblLook",
        val="04A0",
        firstRow="1",
        lastRow="0",
        firstColumn="1",
        lastColumn="0",
        noHBand="0",
        noVBand="1",
    )
    grid = _sub(tbl, "w:tblGrid")
    for w in widths:
        _sub(grid, "w:gridCol", w=_twips(w))
    return tbl


def _amount_paragraphs(satang: int | None, digits: str, bold: bool = False) -> list[Element]:
    text = format_amount(satang, digits)
    return [
        _para(text, align="center" if satang is None else "right", bold=bold, size=TABLE_PT, line=TABLE_LINE)
    ]


def form_table(report: Report, digits: str, tick: Any = None) -> Element:
    """The form table as one w:tbl: two header rows (repeated on every page), then the tree."""
    cols = FORM_COLUMNS
    tbl = _table(cols, sum(cols))

    def head(text: str) -> list[Element]:
        return [_para(text, align="center", bold=True, size=HEADER_PT, line=TABLE_LINE)]

    r0 = _row(tbl, header=True, cant_split=True)
    r1 = _row(tbl, header=True, cant_split=True)
    for k, text in enumerate(("งาน/กิจกรรม/โครงการ", "ตัวชี้วัด", "เป้าหมาย", "ผลการดำเนินงาน ผลลัพธ์/ผลสัมฤทธิ์")):
        _cell(r0, head(text), cols[k], vmerge="restart", valign="center")
    _cell(r0, head("งบประมาณ (ถ้ามี)"), sum(cols[4:7]), span=3, valign="center")
    _cell(
        r0,
        head("แนวทางตามแผนบูรณาการงบประมาณการป้องกันและปราบปรามการทุจริต"),
        sum(cols[7:10]),
        span=3,
        valign="center",
    )
    _cell(r0, head("หมายเหตุ"), cols[10], vmerge="restart", valign="center")
    for k in range(4):
        _cell(r1, [], cols[k], vmerge="continue")
    for k, text in enumerate(("งบบูรณาการ", "งบหน่วยงาน", "ผลเบิกจ่าย")):
        _cell(r1, head(text), cols[4 + k], valign="center")
    for k, text in enumerate(APPROACH_LABELS):
        _cell(r1, head(text), cols[7 + k], valign="center")
    _cell(r1, [], cols[10], vmerge="continue")

    totals = report_totals(report)

    def total_row(label: str, t: Totals, fill: str) -> None:
        tr = _row(tbl, cant_split=True)
        _cell(tr, [_para(label, align="center", bold=True, size=TABLE_PT)], sum(cols[:4]), span=4, fill=fill)
        for k, f in enumerate(("integrated", "agency", "disbursed")):
            _cell(tr, _amount_paragraphs(getattr(t, f), digits, bold=True), cols[4 + k], fill=fill)
        for k in range(7, 11):
            _cell(tr, [], cols[k], fill=fill)

    nodes = list(numbered(report.tree, digits))
    for k, n in enumerate(nodes):
        node = n.node
        if isinstance(node, Heading):
            fill = HEADING_FILL if n.depth == 0 else (SECTION_FILL if n.depth == 1 else None)
            tr = _row(tbl, cant_split=True)
            paras = _cell_paragraphs(n.label, bold=n.depth <= 1, keep_next=True)
            _cell(tr, paras, sum(cols), span=len(cols), fill=fill)
        else:
            assert isinstance(node, Item)
            b = node.budget
            tr = _row(tbl)
            _cell(tr, _cell_paragraphs(n.label), cols[0])
            _cell(tr, _cell_paragraphs(node.indicator), cols[1])
            _cell(tr, _cell_paragraphs(node.target), cols[2])
            _cell(tr, _cell_paragraphs(node.result), cols[3])
            for j, amount in enumerate((b.integrated, b.agency, b.disbursed)):
                _cell(tr, _amount_paragraphs(amount, digits), cols[4 + j])
            for j, ticked in enumerate(node.approaches):
                _cell(tr, [_para("/" if ticked else "-", align="center", size=TABLE_PT)], cols[7 + j])
            _cell(tr, _cell_paragraphs(note_text(node)), cols[10])
        if k + 1 == len(nodes) or nodes[k + 1].depth == 0:
            total_row("รวม", totals.dimensions[n.dimension][1], TOTAL_FILL)
        if tick is not None:
            tick()
    total_row("รวมทั้งสิ้น", totals.total, HEADING_FILL)
    return tbl


def _form_title_block(org: Organization, report: Report, digits: str) -> list[Element]:
    """Above the table: the form's title, the organization, the year and the round's tick boxes."""
    year = render_digits(f"ผลงานปีงบประมาณ พ.ศ. {report.fiscal_year}", digits)
    boxes = "   ".join(
        f"{'☑' if report.round == rnd else '☐'} {texts.round_name(rnd, digits)}" for rnd in (6, 12)
    )
    return [
        _para(texts.FORM_TITLE, align="center", bold=True, size=BODY_PT),
        _para(texts.organization_line(org), align="center", size=HEADER_PT),
        _para(f"{year}   {boxes}", align="center", size=HEADER_PT, after=4),
    ]


# -- the portrait parts ------------------------------------------------------------------------------
def body_paragraphs(text: str, indent: int = 0) -> list[Element]:
    """Paragraphs (first-line indent), "- " bullet lines (hanging indent), and runs of tab-separated
    lines as small tables; every line verbatim."""
    out: list[Element] = []
    all_lines = xml_text(text).split("\n")
    i = 0
    while i < len(all_lines):
        line = all_lines[i]
        if "\t" in line:
            rows: list[list[str]] = []
            while i < len(all_lines) and "\t" in all_lines[i]:
                rows.append(all_lines[i].split("\t"))
                i += 1
            out.append(_small_table(rows, indent))
            out.append(_para(size=6))
            continue
        i += 1
        stripped = line.strip()
        if not stripped:
            continue
        if stripped[:1] in "-•" and (len(stripped) == 1 or stripped[1] == " "):
            left = indent + BLOCK_INDENT + BULLET_HANG
            out.append(_para(line, left=left, hanging=BULLET_HANG))
        else:
            out.append(_para(line, left=indent, first=PARA_INDENT, align="thaiDistribute"))
    return out


def _small_table(rows: list[list[str]], indent: int) -> Element:
    ncols = max(len(r) for r in rows)
    avail_pt = PORTRAIT_TEXT_CM / 2.54 * 72 - (indent + BLOCK_INDENT) / 12700
    natural = [0.0] * ncols
    for r in rows:
        for k, text in enumerate(r):
            natural[k] = max(natural[k], len(text.strip()) * 6.0 + 12)
    total = sum(natural)
    widths = natural if total <= avail_pt else [w * avail_pt / total for w in natural]
    tbl = _table(widths, sum(widths), layout_fixed=True)
    tblpr = tbl.find(qn("w:tblPr"))
    ind = _el("w:tblInd", w=str(round((indent + BLOCK_INDENT) / 635)), type="dxa")
    tblpr.find(qn("w:tblBorders")).addprevious(ind)
    for r in rows:
        tr = _row(tbl, cant_split=True)
        for k in range(ncols):
            text = r[k] if k < len(r) else ""
            num = bool(text.strip()) and all(ch in "0123456789๐๑๒๓๔๕๖๗๘๙.,-% " for ch in text)
            paras = [_para(text, align="center" if num else None, size=TABLE_PT)] if text else []
            _cell(tr, paras, widths[k])
    return tbl


def _period_parts(report: Report, digits: str) -> tuple[str, str]:
    line = texts.round_line(report, digits)
    name, _, period = line.partition(" (")
    return name, "(" + period


def cover(org: Organization, report: Report, digits: str) -> list[Element]:
    name, period = _period_parts(report, digits)
    year = render_digits(str(report.fiscal_year), digits)
    out = [
        _para("รายงานผลการดำเนินการ", align="center", bold=True, size=26, before=140),
        _para(f"ป้องกันการทุจริต ประจำปี พ.ศ. {year}", align="center", bold=True, size=26),
        _para(name, align="center", bold=True, size=20, before=16),
        _para(period, align="center", size=18),
        _para(org.name, align="center", bold=True, size=20, before=170),
    ]
    loc = " ".join(
        p
        for p in (
            f"อำเภอ{org.district}" if org.district else "",
            f"จังหวัด{org.province}" if org.province else "",
        )
        if p
    )
    if loc:
        out.append(_para(loc, align="center", size=18))
    return out


def introduction(org: Organization, report: Report, digits: str) -> list[Element]:
    name, period = _period_parts(report, digits)
    year = render_digits(str(report.fiscal_year), digits)
    out = [
        _para("รายงานผลการดำเนินงาน", align="center", bold=True, page_break=True),
        _para(f"ป้องกันการทุจริต ประจำปี พ.ศ. {year}", align="center", bold=True),
        _para(name, align="center", bold=True),
        _para(period, align="center", bold=True, after=14),
    ]
    for line in lines(texts.intro_text(org, report, digits)):
        out.append(_para(line, first=PARA_INDENT, after=6, align="thaiDistribute"))
    return out


def narratives(report: Report, digits: str, tick: Any = None) -> list[Element]:
    out = [_para("ผลการดำเนินงาน", align="center", bold=True, size=18, after=6, keep_next=True)]
    for n in numbered(report.tree, digits):
        node = n.node
        # one paragraph, even for a title typed over several lines (the table keeps its line breaks)
        label = " ".join(line.strip() for line in lines(n.label)) or n.number
        out.append(_para(label, bold=True, before=10, after=2, keep_next=True))
        if isinstance(node, Heading):
            continue
        assert isinstance(node, Item)
        for block in node.details:
            for line in lines(block.heading):
                out.append(_para(line, bold=True, left=BLOCK_INDENT, before=4, keep_next=True))
            out.extend(body_paragraphs(block.body))
        if tick is not None:
            tick()
    return out


def conclusion(org: Organization, report: Report, digits: str) -> list[Element]:
    c = report.conclusion
    out = [
        _para(
            f"{texts.CONCLUSION_TITLE} {org.name}",
            align="center",
            bold=True,
            size=18,
            after=6,
            page_break=True,
        )
    ]
    for head, body in (
        ("ปัจจัยสนับสนุน", c.supporting_factors),
        ("ปัญหา/อุปสรรคในการดำเนินงาน", c.problems),
        ("ข้อเสนอแนะ", c.suggestions),
    ):
        out.append(_para(head, bold=True, before=10, after=2, keep_next=True))
        out.extend(body_paragraphs(body))
    r = report.reporter
    block = [f"ผู้รายงาน {r.name}".rstrip(), f"ตำแหน่ง {r.position}".rstrip()]
    if r.phone:
        block.append(f"โทรศัพท์/โทรสาร {r.phone}")
    if r.email:
        block.append(f"E-mail : {r.email}")
    if r.date:
        block.append(f"วันที่ {thai_date(r.date, digits)}")
    left = Cm(PORTRAIT_TEXT_CM * 0.45)
    for k, text in enumerate(block):
        for j, line in enumerate(lines(text)):
            out.append(_para(line, left=left, before=14 if k == j == 0 else 0, keep_next=k < len(block) - 1))
    return out


def _emblem(png: bytes, document: Any) -> Element:
    """The emblem 3 cm high, centred: an inline picture in its own paragraph. It is checked whole first
    (media.images: a bomb or truncated PNG from an older file is one Thai line naming it)."""
    from ..media.images import ImageError, check_emblem

    try:
        check_emblem(png, "ภาพตราสัญลักษณ์ของประกาศ")
    except ImageError as exc:
        raise OfficeExportError(str(exc)) from None
    try:
        inline = document.part.new_pic_inline(io.BytesIO(png), None, Cm(3))
    except Exception as exc:  # python-docx's image parsers raise many kinds on a damaged image
        raise OfficeExportError(f"อ่านภาพตราสัญลักษณ์ไม่ได้ (ต้องเป็นไฟล์ภาพ PNG): {exc}") from None
    r = _el("w:r")
    drawing = _sub(r, "w:drawing")
    drawing.append(inline)
    return _para(align="center", after=8, page_break=True, runs=[r])


def announcement(org: Organization, report: Report, digits: str, document: Any) -> list[Element]:
    a = report.announcement
    out: list[Element] = []
    if a.emblem_png:
        out.append(_emblem(a.emblem_png, document))
    year = render_digits(str(report.fiscal_year), digits)
    out += [
        _para(f"ประกาศ{org.name}", align="center", bold=True, page_break=not a.emblem_png),
        _para("เรื่อง รายงานผลการดำเนินการป้องกันการทุจริต", align="center", bold=True),
        _para(f"ประจำปี พ.ศ. {year}", align="center", bold=True),
        _para(texts.announcement_period(report, digits), align="center"),
        # a short rule under the title: a bottom border on an empty paragraph indented to 4 cm
        _para(left=Cm(6), right=Cm(6), border_bottom=True, size=8, after=12),
    ]
    for line in lines(a.body):
        out.append(_para(line, first=PARA_INDENT, after=6, align="thaiDistribute"))
    out.append(_para("จึงประกาศมาให้ทราบโดยทั่วกัน", first=PARA_INDENT, before=6, keep_next=True))
    if a.date:
        text = f"ประกาศ ณ วันที่ {thai_date(a.date, digits, era=True)}"
        out.append(_para(text, left=Cm(PORTRAIT_TEXT_CM * 0.3), before=14, keep_next=True))
    sig_left = Cm(PORTRAIT_TEXT_CM * 0.4)
    first = True
    for text in (f"({a.signatory_name})" if a.signatory_name else "", a.signatory_position):
        for line in lines(text):
            out.append(_para(line, align="center", left=sig_left, before=62 if first else 0, keep_next=True))
            first = False
    return out


# -- the whole document ------------------------------------------------------------------------------
def build_docx(org: Organization, report: Report, digits: str = "thai", tick: Any = None) -> Any:
    """The python-docx Document of the whole report (not yet saved)."""
    document = docx.Document()
    _setup_styles(document)
    body = document.element.body
    for p in body.findall(qn("w:p")):  # the template's empty first paragraph
        body.remove(p)

    def add(elements: Iterable[Element]) -> None:
        end = body.find(qn("w:sectPr"))
        for el in elements:
            end.addprevious(el)

    # section 1, portrait: the cover (no page number) and the introduction
    add(cover(org, report, digits))
    add(introduction(org, report, digits))
    first = document.sections[0]
    _setup_section(first, landscape=False, digits=digits)
    first.different_first_page_header_footer = True
    _fill_header(first.first_page_header, [_para()])
    _fill_header(first.header, [_page_number_paragraph(digits)])

    # section 2, landscape: the form table; its title block above the table on the first page and
    # in the header of the pages after it
    form = document.add_section(WD_SECTION.NEW_PAGE)
    _setup_section(form, landscape=True, digits=digits)
    form.different_first_page_header_footer = True
    _fill_header(form.first_page_header, [_page_number_paragraph(digits)])
    _fill_header(form.header, [_page_number_paragraph(digits), *_form_title_block(org, report, digits)])
    add(_form_title_block(org, report, digits))
    add([form_table(report, digits, tick)])

    # section 3, portrait: narratives, conclusion and reporter, announcement
    rest = document.add_section(WD_SECTION.NEW_PAGE)
    _setup_section(rest, landscape=False, digits=digits)
    rest.different_first_page_header_footer = False
    _fill_header(rest.header, [_page_number_paragraph(digits)])
    add(narratives(report, digits, tick))
    add(conclusion(org, report, digits))
    add(announcement(org, report, digits, document))

    # what the layout does not show (types, statuses, notes as typed), for importing the file back
    emblem_part = None
    if report.announcement.emblem_png:
        rid, _image = document.part.get_or_add_image(io.BytesIO(report.announcement.emblem_png))
        emblem_part = str(document.part.related_parts[rid].partname).lstrip("/")
    blob = marks_xml(report, digits, emblem_part)
    marks = Part(PackURI(f"/{PART}"), CONTENT_TYPE, blob, document.part.package)
    document.part.relate_to(marks, REL_TYPE)
    props = Part(PackURI(f"/{PROPS_PART}"), PROPS_CONTENT_TYPE, PROPS_XML, document.part.package)
    marks.relate_to(props, PROPS_REL_TYPE)

    # the report's title and organization as document properties
    props = document.core_properties
    props.title = texts.report_title(report, digits)
    props.author = xml_text(org.name)[:255]
    props.comments = "pipun-desktop"
    return document


def export_report_docx(
    organization: Organization,
    report: Report,
    out_path: str | os.PathLike[str],
    *,
    digits: str = "thai",
    progress: Progress | None = None,
    is_cancelled: Cancelled | None = None,
) -> OfficeExportInfo:
    """Write the whole report as a .docx to out_path, whole or not at all (never over a data file)."""
    if digits not in DIGIT_STYLES:
        raise OfficeExportError(f"รูปแบบตัวเลขต้องเป็น thai หรือ arabic ไม่ใช่ “{digits}”")
    out = check_output_path(out_path, "Word")
    nodes = sum(1 for _ in walk(report.tree))
    items = sum(1 for _ in report.items())
    state = {"done": 0, "total": nodes + items + 1}

    def tick() -> None:
        state["done"] += 1
        if state["done"] % 25 == 0:
            if is_cancelled is not None and is_cancelled():
                raise OfficeExportCancelled()
            if progress is not None:
                progress(state["done"], state["total"], "กำลังสร้างเอกสาร Word")

    document = build_docx(organization, report, digits, tick)
    if is_cancelled is not None and is_cancelled():
        raise OfficeExportCancelled()
    buf = io.BytesIO()
    try:
        document.save(buf)
    except (ValueError, etree.LxmlError) as exc:  # pragma: no cover - xml_text keeps every text writable
        raise OfficeExportError(f"สร้างเอกสาร Word ไม่ได้: {exc}") from None
    data = buf.getvalue()
    write_whole(out, data, "Word")
    if progress is not None:
        progress(state["total"], state["total"], "เสร็จแล้ว")
    return OfficeExportInfo(str(out), len(data), items)
