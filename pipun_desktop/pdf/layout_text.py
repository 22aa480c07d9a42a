"""The portrait parts of the report: cover, introduction, narratives, conclusion and announcement,
and the text bodies inside them (paragraphs, "- " bullets, tab-separated lines as small tables)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Image, KeepTogether, Spacer

from ..core import texts
from ..core.model import Heading, Organization, Report
from ..core.numbering import numbered
from ..thai.dates import thai_date
from ..thai.digits import render_digits
from . import typeset as ts
from .flowables import Cell, GridTable, Row, TextFlow, TextStyle, with_align
from .photos import photo_flowables
from .styles import BLOCK_INDENT, BODY_SIZE, PARA_INDENT, Styles


# -- text bodies --------------------------------------------------------------------------------
def body_flowables(
    text: str, st: Styles, indent: float = 0.0, avail_width: float | None = None
) -> list[Flowable]:
    """Paragraphs, "- " bullet lines with hanging indents, and runs of tab-separated lines as
    small tables."""
    out: list[Flowable] = []
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
            out.append(
                TextFlow(
                    stripped,
                    TextStyle(
                        st.fonts.regular, BODY_SIZE, indent_first=indent + PARA_INDENT, indent_rest=indent
                    ),
                )
            )
    return out


def small_table(rows: list[list[str]], st: Styles, indent: float, avail_width: float | None) -> Flowable:
    ncols = max(len(r) for r in rows)
    style = st.small_table
    natural = [0.0] * ncols
    for r in rows:
        for k, text in enumerate(r):
            natural[k] = max(natural[k], ts.text_width(style.font, text, style.size) + 10)
    avail = (avail_width or 16 * cm) - indent - BLOCK_INDENT
    total = sum(natural)
    widths = natural if total <= avail else [n * avail / total for n in natural]
    body: list[Row] = []
    for r in rows:
        cells: list[Cell] = []
        for k in range(ncols):
            text = r[k] if k < len(r) else ""
            num = text and all(ch in "0123456789๐๑๒๓๔๕๖๗๘๙.,-%" for ch in text)
            cells.append(Cell(text, with_align(style, "center") if num else style, k))
        body.append(Row(cells))
    t = GridTable(widths, body, pad_x=4, pad_y=2)
    t.hAlign = "LEFT"
    return _Indented(t, indent + BLOCK_INDENT)


class _Indented(Flowable):  # a Flowable that shifts another one right
    def __init__(self, inner: Flowable, indent: float) -> None:
        super().__init__()
        self.inner = inner
        self.indent = indent
        self.spaceBefore = 4
        self.spaceAfter = 4

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        w, h = self.inner.wrap(aw - self.indent, ah)
        self.width, self.height = w + self.indent, h
        return self.width, h

    def split(self, aw: float, ah: float) -> list[Flowable]:
        parts = self.inner.split(aw - self.indent, ah)
        return [_Indented(p, self.indent) for p in parts]

    def draw(self) -> None:
        self.inner.drawOn(self.canv, self.indent, 0)


# -- the parts ----------------------------------------------------------------------------------
def _period_parts(report: Report, digits: str) -> tuple[str, str]:
    line = texts.round_line(report, digits)
    name, _, period = line.partition(" (")
    return name, "(" + period


def cover(org: Organization, report: Report, st: Styles, digits: str) -> list[Flowable]:
    name, period = _period_parts(report, digits)
    year = render_digits(str(report.fiscal_year), digits)
    out = [
        Spacer(1, 5 * cm),
        TextFlow("รายงานผลการดำเนินการ", st.cover_title),
        TextFlow(f"ป้องกันการทุจริต ประจำปี พ.ศ. {year}", st.cover_title),
        Spacer(1, 0.6 * cm),
        TextFlow(name, st.cover_line),
        TextFlow(period, st.cover_sub),
        Spacer(1, 6 * cm),
        TextFlow(org.name, st.cover_line),
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
        out.append(TextFlow(loc, st.cover_sub))
    return out


def introduction(org: Organization, report: Report, st: Styles, digits: str) -> list[Flowable]:
    name, period = _period_parts(report, digits)
    year = render_digits(str(report.fiscal_year), digits)
    out: list[Flowable] = [
        TextFlow("รายงานผลการดำเนินงาน", st.center_bold),
        TextFlow(f"ป้องกันการทุจริต ประจำปี พ.ศ. {year}", st.center_bold),
        TextFlow(name, st.center_bold),
        TextFlow(period, TextStyle(st.fonts.bold, BODY_SIZE, align="center", space_after=14)),
    ]
    for para in ts.paragraphs(texts.intro_text(org, report, digits)):
        if para.strip():
            out.append(
                TextFlow(
                    para.strip(),
                    TextStyle(st.fonts.regular, BODY_SIZE, indent_first=PARA_INDENT, space_after=6),
                )
            )
    return out


def narratives(
    report: Report, st: Styles, digits: str, avail_width: float, progress: Callable[[], Any] | None = None
) -> list[Flowable]:
    out: list[Flowable] = [TextFlow("ผลการดำเนินงาน", st.title)]
    after_heading = True
    for n in numbered(report.tree, digits):
        node = n.node
        if not after_heading:
            # room for a title and a few lines, else a new page; never between a heading and
            # what follows it (that would break the keep-with-next chain)
            out.append(CondPageBreak(3 * cm))
        if isinstance(node, Heading):
            out.append(TextFlow(n.label, st.h1 if n.depth == 0 else st.h2))
            after_heading = True
            continue
        after_heading = False
        out.append(TextFlow(n.label, st.item_title))
        for block in node.details:
            if block.heading.strip():
                out.append(TextFlow(block.heading.strip(), st.block_head))
            out.extend(body_flowables(block.body, st, 0, avail_width))
        out.extend(photo_flowables(f"{n.number} {node.title[:60]}".strip(), node.photos, st))
        if progress:
            progress()
    return out


def conclusion(
    org: Organization, report: Report, st: Styles, digits: str, avail_width: float
) -> list[Flowable]:
    c = report.conclusion
    out: list[Flowable] = [TextFlow(f"{texts.CONCLUSION_TITLE} {org.name}", st.title)]
    for head, body in (
        ("ปัจจัยสนับสนุน", c.supporting_factors),
        ("ปัญหา/อุปสรรคในการดำเนินงาน", c.problems),
        ("ข้อเสนอแนะ", c.suggestions),
    ):
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
    block = TextStyle(
        st.fonts.regular,
        BODY_SIZE,
        indent_first=avail_width * 0.45,
        indent_rest=avail_width * 0.45,
        keep_with_next=True,
    )
    for k, line in enumerate(lines):
        out.append(
            TextFlow(
                line,
                block
                if k < len(lines) - 1
                else TextStyle(
                    st.fonts.regular,
                    BODY_SIZE,
                    indent_first=avail_width * 0.45,
                    indent_rest=avail_width * 0.45,
                ),
            )
        )
    return out


def emblem_flowable(png: bytes, height: float = 3 * cm, align: str = "CENTER") -> Flowable:
    """The emblem `height` high; an emblem that is not a whole PNG within the caps (a file from an older
    version, or edited by hand) is a one-line Thai ValueError (media.images.ImageError) naming it."""
    from reportlab.lib.utils import ImageReader

    from ..media.images import check_emblem

    check_emblem(png, "ภาพตราสัญลักษณ์ของประกาศ")
    try:
        reader = ImageReader(io.BytesIO(png))
        iw, ih = reader.getSize()
    except Exception:  # checked above; kept so nothing of ReportLab's reaches the user
        raise ValueError("ภาพตราสัญลักษณ์ของประกาศ อ่านไม่ได้ โปรดเลือกภาพใหม่") from None
    img = Image(io.BytesIO(png), width=height * iw / ih, height=height)
    img.hAlign = align  # type: ignore[assignment]  # ReportLab's stubs allow only its literal names
    return img


def announcement(
    org: Organization, report: Report, st: Styles, digits: str, avail_width: float
) -> list[Flowable]:
    a = report.announcement
    out: list[Flowable] = []
    if a.emblem_png:
        out += [emblem_flowable(a.emblem_png), Spacer(1, 8)]
    year = render_digits(str(report.fiscal_year), digits)
    out += [
        TextFlow(f"ประกาศ{org.name}", st.center_bold),
        TextFlow("เรื่อง รายงานผลการดำเนินการป้องกันการทุจริต", st.center_bold),
        TextFlow(f"ประจำปี พ.ศ. {year}", st.center_bold),
        TextFlow(texts.announcement_period(report, digits), st.center),
        _Rule(4 * cm),
    ]
    for para in ts.paragraphs(a.body):
        if para.strip():
            out.append(
                TextFlow(
                    para.strip(),
                    TextStyle(st.fonts.regular, BODY_SIZE, indent_first=PARA_INDENT, space_after=6),
                )
            )
    out.append(
        TextFlow(
            "จึงประกาศมาให้ทราบโดยทั่วกัน",
            TextStyle(
                st.fonts.regular, BODY_SIZE, indent_first=PARA_INDENT, space_before=6, keep_with_next=True
            ),
        )
    )
    if a.date:
        date_line = f"ประกาศ ณ วันที่ {thai_date(a.date, digits, era=True)}"
    else:  # blanks to date by hand when it is signed
        date_line = BLANK_DATE_LINE
    # from 30% of the width, or further left for the blanks to stay on one line
    indent = max(
        min(avail_width * 0.3, avail_width - ts.text_width(st.fonts.regular, date_line, BODY_SIZE) - 2), 0
    )
    sign = TextStyle(st.fonts.regular, BODY_SIZE, indent_first=indent, space_before=14)
    sig_col = TextStyle(
        st.fonts.regular,
        BODY_SIZE,
        align="center",
        indent_first=avail_width * 0.4,
        indent_rest=avail_width * 0.4,
    )
    block: list[Flowable] = [TextFlow(date_line, sign), Spacer(1, SIGNING_SPACE)]
    block.append(TextFlow(f"({a.signatory_name})" if a.signatory_name else BLANK_NAME, sig_col))
    if a.signatory_position:
        block.append(TextFlow(a.signatory_position, sig_col))
    out.append(KeepTogether(block))  # the date, the room to sign and the name stay on one page
    return out


BLANK_DATE_LINE = "ประกาศ ณ วันที่ ........ เดือน .................... พ.ศ. ........"
BLANK_NAME = "(" + "." * 40 + ")"
SIGNING_SPACE = 2.4 * cm  # room for a signature between the date line and the signatory's name


class _Rule(Flowable):
    """A short centred line closing an announcement's title block, set off from it as in official
    documents (about half a line clear of the last title line's descenders), so it does not read
    as an underline of its words."""

    def __init__(self, length: float) -> None:
        super().__init__()
        self.length = length
        self.spaceBefore = 10
        self.spaceAfter = 16

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, 1

    def draw(self) -> None:
        self.canv.setLineWidth(0.6)
        self.canv.line((self.width - self.length) / 2, 0, (self.width + self.length) / 2, 0)
