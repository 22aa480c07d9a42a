"""The papers that go with the report, on the same Thai typesetting engine: the memo to the executive
(บันทึกข้อความ, the official memo layout of Thai government correspondence) and the web-publication form.

Memo: the emblem 1.5 cm high at the top left (the announcement's own emblem, never one of ours; without one
the space stays empty), "บันทึกข้อความ" beside it, the lines ส่วนราชการ, ที่ … วันที่, เรื่อง, เรียน, the body
(drafted from the report or the user's own, core.papers), the officer's signature block and the executive's
order block (ทราบ / อนุมัติ / อื่น ๆ, a place to sign and date). Web form: its title, a ruled table (organization,
date, title, short description, link, remarks) and the three signature blocks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer

from ..core import papers as words
from ..core.model import Organization, Report
from ..thai.dates import thai_date
from ..thai.digits import render_digits
from . import typeset as ts
from .flowables import Cell, CellStyle, GridTable, Row, TextFlow, TextStyle
from .fonts import FontSet
from .layout_text import emblem_flowable
from .styles import BODY_SIZE, PARA_INDENT, PORTRAIT, Styles

DOCUMENTS = ("report", "memo", "web-form")
DOCUMENT_NAMES = {"report": "รายงาน", "memo": "บันทึกข้อความ", "web-form": "แบบฟอร์มการขอเผยแพร่ข้อมูล"}
LABEL_SIZE = 20  # ส่วนราชการ, ที่, วันที่, เรื่อง: bold 20 pt as the regulation's memo form prints them
DOTS = "." * 32


class PapersDocTemplate(BaseDocTemplate):
    """A4 portrait, 3 cm left and 2 cm right margins, 1.5 cm top (the memo's emblem sits at the top
    margin), page numbers "- ๒ -" from page two, the fingerprint line at the foot when given."""

    def __init__(
        self,
        filename: str,
        *,
        fonts: FontSet,
        digits: str,
        title: str,
        author: str,
        fingerprint: str | None,
        **kw: Any,
    ) -> None:
        self.fonts = fonts
        self.digits = digits
        self.fingerprint = fingerprint
        self.on_flowable = kw.pop("on_flowable", None)
        super().__init__(
            filename,
            pagesize=PORTRAIT,
            initialFontName=fonts.regular.fontName,
            title=title,
            author=author,
            creator="pipun-desktop",
            subject=fingerprint or "",
            **kw,
        )
        pw, ph = PORTRAIT
        frame = Frame(
            3 * cm,
            1.5 * cm,
            pw - 5 * cm,
            ph - 3.0 * cm,
            id="papers",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate("papers", [frame], onPage=self._decorate, pagesize=PORTRAIT)])

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        w, h = cast(Any, canv)._pagesize  # the page template's size (not in the stubs)
        n = canv.getPageNumber()
        if n >= 2:
            text = render_digits(f"- {n} -", self.digits)
            ts.draw_text(canv, w / 2, h - 1.0 * cm, self.fonts.regular, 14, text, align="center")
        if self.fingerprint:
            ts.draw_text(canv, w / 2, 0.8 * cm, self.fonts.regular, 7, self.fingerprint, align="center")
        canv.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        if self.on_flowable is not None:
            self.on_flowable(flowable)


# -- pieces ------------------------------------------------------------------------------------------
class MemoHead(Flowable):
    """The emblem 1.5 cm high at the left and "บันทึกข้อความ" centred on the page's text width."""

    HEIGHT = 1.5 * cm

    def __init__(self, emblem: bytes | None, st: Styles) -> None:
        super().__init__()
        self.image = emblem_flowable(emblem, self.HEIGHT, "LEFT") if emblem else None
        self.font = st.fonts.bold
        self.spaceAfter = 6

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self.HEIGHT
        return aw, self.height

    def draw(self) -> None:
        if self.image is not None:
            iw, ih = self.image.wrap(self.width, self.height)
            self.image.drawOn(self.canv, 0, self.height - ih)
        # the title's baseline a little under the emblem's middle, as on the printed form
        ts.draw_text(
            self.canv, self.width / 2, self.height * 0.28, self.font, 29, words.MEMO_TITLE, align="center"
        )


class LabelLine(Flowable):
    """A bold label ("ส่วนราชการ") followed by its value, which wraps beside the label; a second label and
    value may start at `second_at` of the width (ที่ … วันที่ …)."""

    def __init__(self, st: Styles, parts: list[tuple[str, str]], second_at: float = 0.5) -> None:
        super().__init__()
        self.label_style = TextStyle(st.fonts.bold, LABEL_SIZE)
        self.value_style = TextStyle(st.fonts.regular, BODY_SIZE)
        self.parts = parts
        self.second_at = second_at
        self.spaceAfter = 2

    def _columns(self, aw: float) -> list[tuple[float, float]]:
        if len(self.parts) == 1:
            return [(0.0, aw)]
        x2 = aw * self.second_at
        return [(0.0, x2 - 6), (x2, aw - x2)]

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self._flows: list[tuple[str, float, float, TextFlow, float, float]] = []
        height = self.label_style.line_height
        for (label, value), (x, w) in zip(self.parts, self._columns(aw), strict=True):
            lw = ts.text_width(self.label_style.font, label, LABEL_SIZE) + 8
            flow = TextFlow(value or " ", self.value_style)
            fh = flow.wrap(max(w - lw, 20), 10_000)[1]
            # the value's first baseline sits on the label's baseline
            shift = self.label_style.baseline_offset() - self.value_style.baseline_offset()
            height = max(height, shift + fh)
            self._flows.append((label, x, lw, flow, fh, shift))
        self.height = height
        return aw, height

    def draw(self) -> None:
        base = self.height - self.label_style.baseline_offset()
        for label, x, lw, flow, fh, shift in self._flows:
            ts.draw_text(self.canv, x, base, self.label_style.font, LABEL_SIZE, label)
            flow.drawOn(self.canv, x + lw, self.height - shift - fh)


class Block(Flowable):
    """Columns of centred lines (signature blocks); a None line is a blank line, a long line wraps inside its
    column. Each line is (text, bold)."""

    def __init__(
        self, columns: list[list[tuple[str | None, bool]]], st: Styles, space_before: float = 12
    ) -> None:
        super().__init__()
        self.columns = columns
        self.fonts = st.fonts
        self.regular = TextStyle(st.fonts.regular, BODY_SIZE, align="center")
        self.bold = TextStyle(st.fonts.bold, BODY_SIZE, align="center")
        self.spaceBefore = space_before
        self.keepWithNext = False

    def _column_width(self, aw: float) -> float:
        return aw / len(self.columns) if len(self.columns) > 1 else aw * 0.6  # one column: 60 %, centred

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        col_w = self._column_width(aw)
        self._flows: list[list[tuple[TextFlow | None, float]]] = []
        height = 0.0
        for lines in self.columns:
            flows: list[tuple[TextFlow | None, float]] = []
            h = 0.0
            for text, bold in lines:
                if text is None:
                    flows.append((None, self.regular.line_height))
                    h += self.regular.line_height
                    continue
                flow = TextFlow(text, self.bold if bold else self.regular)
                fh = flow.wrap(col_w - 8, 10_000)[1]
                flows.append((flow, fh))
                h += fh
            self._flows.append(flows)
            height = max(height, h)
        self.height = height
        return aw, height

    def draw(self) -> None:
        col_w = self._column_width(self.width)
        x0 = (self.width - col_w * len(self.columns)) / 2
        for k, flows in enumerate(self._flows):
            y = self.height
            for flow, fh in flows:
                y -= fh
                if flow is not None:
                    flow.drawOn(self.canv, x0 + col_w * k + 4, y)


class OrderBlock(Flowable):
    """The executive's order: "ความเห็น/คำสั่ง" with ทราบ / อนุมัติ / อื่น ๆ check boxes, then a place to sign
    (name in parentheses, position) and to date."""

    def __init__(self, st: Styles, name: str, position: str, digits: str) -> None:
        super().__init__()
        self.fonts = st.fonts
        self.style = TextStyle(st.fonts.regular, BODY_SIZE)
        self.name = name
        self.position = position
        self.digits = digits
        self.spaceBefore = 18

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self.style.line_height * 7
        return aw, self.height

    def draw(self) -> None:
        c = self.canv
        lh = self.style.line_height
        f, b = self.fonts.regular, self.fonts.bold
        top = self.height

        def base(i: int) -> float:
            return top - i * lh - self.style.baseline_offset()

        head = "ความเห็น/คำสั่งของผู้บริหาร"
        ts.draw_text(c, 0, base(0), b, BODY_SIZE, head)
        x = ts.text_width(b, head, BODY_SIZE) + 16
        c.setLineWidth(0.8)
        for choice in words.ORDER_CHOICES:
            y = base(0)
            c.rect(x, y - 1, 10, 10, stroke=1, fill=0)
            x += 16
            ts.draw_text(c, x, y, f, BODY_SIZE, choice)
            x += ts.text_width(f, choice, BODY_SIZE) + 22
        c.setDash(1, 2)
        c.line(x - 18, base(0) - 2, self.width, base(0) - 2)
        c.line(0, base(1) - 2, self.width, base(1) - 2)
        c.setDash()
        cx = self.width * 0.62
        ts.draw_text(c, cx, base(3), f, BODY_SIZE, f"(ลงชื่อ) {DOTS}", align="center")
        ts.draw_text(
            c, cx, base(4), f, BODY_SIZE, f"({self.name})" if self.name else f"({DOTS})", align="center"
        )
        if self.position:
            ts.draw_text(c, cx, base(5), f, BODY_SIZE, self.position, align="center")
        ts.draw_text(c, cx, base(6), f, BODY_SIZE, "วันที่ ......../................/........", align="center")


def _paragraphs(text: str, st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for para in ts.paragraphs(text):
        if para.strip():
            out.append(
                TextFlow(para.strip(), TextStyle(st.fonts.regular, BODY_SIZE, indent_first=PARA_INDENT))
            )
    return out


def _date(d: dt.date | None, digits: str) -> str:
    return thai_date(d, digits) if d else ""


# -- the memo ----------------------------------------------------------------------------------------
def memo_story(org: Organization, report: Report, st: Styles, digits: str) -> list[Flowable]:
    p = report.papers
    r = report.reporter
    a = report.announcement
    story: list[Flowable] = [
        MemoHead(a.emblem_png, st),
        # an empty field prints dots, to be written in by hand
        LabelLine(st, [("ส่วนราชการ", p.division or "." * 70)]),
        LabelLine(
            st, [("ที่", p.document_number or "." * 36), ("วันที่", _date(p.memo_date, digits) or "." * 36)]
        ),
        LabelLine(st, [("เรื่อง", words.subject(report, digits))]),
        _Rule(),
        TextFlow(
            f"เรียน  {words.addressee(org, report)}".rstrip(),
            TextStyle(st.fonts.regular, BODY_SIZE, space_before=4, space_after=6),
        ),
    ]
    story += _paragraphs(words.memo_text(org, report, digits), st)
    signer = [
        (None, False),
        (f"(ลงชื่อ) {DOTS}", False),
        (f"({r.name})" if r.name else f"({DOTS})", False),
        (r.position or None, False),
    ]
    story.append(Block([[(None, False)] * len(signer), signer], st, space_before=6))
    story.append(OrderBlock(st, a.signatory_name, words.addressee(org, report), digits))
    return story


class _Rule(Flowable):
    """The line under the memo's head (as the memo form prints it)."""

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, 8

    def draw(self) -> None:
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 4, self.width, 4)


# -- the web-publication form ------------------------------------------------------------------------
def web_form_story(org: Organization, report: Report, st: Styles, digits: str) -> list[Flowable]:
    p = report.papers
    r = report.reporter
    a = report.announcement
    title = TextStyle(st.fonts.bold, 18, align="center")
    story: list[Flowable] = [
        TextFlow(words.WEB_FORM_TITLE, title),
        TextFlow(org.name, TextStyle(st.fonts.bold, 18, align="center", space_after=10)),
    ]
    label = CellStyle(st.fonts.bold, BODY_SIZE)
    value = CellStyle(st.fonts.regular, BODY_SIZE)
    date = p.memo_date or a.date
    rows = [
        ("ชื่อหน่วยงาน", org.name),
        ("วัน/เดือน/ปี", _date(date, digits)),
        ("หัวข้อ", words.web_title(report, digits)),
        ("รายละเอียดข้อมูล (โดยสรุปหรือเอกสารแนบ)", words.web_description(org, report, digits)),
        ("Link ภายนอก", p.web_link or "-"),
        ("หมายเหตุ", p.web_remarks or "-"),
    ]
    width = PORTRAIT[0] - 5 * cm
    body = [Row([Cell(k, label, 0), Cell(v, value, 1)]) for k, v in rows]
    story.append(GridTable([width * 0.3, width * 0.7], body, pad_x=5, pad_y=3))

    def signer(role: str, name: str, position: str, when: dt.date | None) -> list[tuple[str | None, bool]]:
        return [
            (role, True),
            (None, False),
            (f"(ลงชื่อ) {DOTS}", False),
            (f"({name})" if name else f"({DOTS})", False),
            (f"ตำแหน่ง {position}" if position else f"ตำแหน่ง {DOTS}", False),
            (f"วันที่ {_date(when, digits)}" if when else "วันที่ ......../................/........", False),
        ]

    first, second, third = words.WEB_SIGNERS
    story.append(
        Block(
            [
                signer(first, r.name, r.position, r.date),
                signer(second, a.signatory_name, a.signatory_position, a.date),
            ],
            st,
            space_before=24,
        )
    )
    story.append(
        Block(
            [signer(third, p.web_publisher_name, p.web_publisher_position, None)],
            st,
            space_before=18,
        )
    )
    return story


def papers_story(
    document: str, org: Organization, report: Report, fonts: FontSet, digits: str
) -> list[Flowable]:
    st = Styles(fonts, digits)
    story = (
        memo_story(org, report, st, digits) if document == "memo" else web_form_story(org, report, st, digits)
    )
    return [Spacer(1, 0), *story]


def papers_title(document: str, report: Report, digits: str) -> str:
    return f"{DOCUMENT_NAMES[document]} {words.subject(report, digits)}"
