"""The printed report, part by part, in the order of the real reports (see domain.md):
cover, introduction, the form table (A4 landscape), narratives, conclusion, announcement.

This module holds the page templates (portrait and landscape pages, page numbers, the form's title
block, the fingerprint line) and puts the parts together; the parts are in layout_text.py and
layout_form.py. Layout only: numbers, totals, amounts, dates and fixed wording come from the core.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageBreak, PageTemplate

from ..core import texts
from ..core.model import Organization, Report
from ..thai.digits import render_digits
from . import typeset as ts
from .fonts import FontSet
from .layout_form import form_table
from .layout_text import announcement, conclusion, cover, introduction, narratives
from .styles import FORM_BLOCK_HEIGHT, FORM_TOP, LANDSCAPE, PORTRAIT, Styles

__all__ = ["ReportDocTemplate", "Styles", "build_story", "form_table"]


# -- page templates -----------------------------------------------------------------------------
class ReportDocTemplate(BaseDocTemplate):
    """Portrait and landscape pages; page numbers "- ๒ -" from page two; the form's title block on
    every landscape page; an optional fingerprint line at the foot of every page."""

    def __init__(
        self,
        filename: str,
        *,
        fonts: FontSet,
        report: Report,
        organization: Organization,
        digits: str,
        fingerprint: str | None,
        on_flowable: Callable[[Flowable], Any] | None = None,
        **kw: Any,
    ) -> None:
        self.fonts = fonts
        self.report = report
        self.organization = organization
        self.digits = digits
        self.fingerprint = fingerprint
        self.on_flowable = on_flowable
        super().__init__(
            filename,
            pagesize=PORTRAIT,
            initialFontName=fonts.regular.fontName,
            title=ts.without_surrogates(texts.report_title(report, digits)),
            author=ts.without_surrogates(organization.name),
            creator="pipun-desktop",
            subject=ts.without_surrogates(fingerprint or ""),
            **kw,
        )
        pw, ph = PORTRAIT
        portrait_frame = Frame(
            3 * cm,
            2 * cm,
            pw - 5 * cm,
            ph - 4.5 * cm,
            id="portrait",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        lw, lh = LANDSCAPE
        form_frame = Frame(
            1.5 * cm,
            1.5 * cm,
            lw - 3 * cm,
            lh - 1.5 * cm - FORM_TOP - FORM_BLOCK_HEIGHT,
            id="form",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.form_frame = form_frame
        self.addPageTemplates(
            [
                PageTemplate("portrait", [portrait_frame], onPage=self._decorate, pagesize=PORTRAIT),
                PageTemplate("form", [form_frame], onPage=self._decorate_form, pagesize=LANDSCAPE),
            ]
        )

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        w, h = cast(Any, canv)._pagesize  # the page template's size (not in the stubs)
        n = canv.getPageNumber()
        if n >= 2:
            ts.draw_text(
                canv,
                w / 2,
                h - 1.3 * cm,
                self.fonts.regular,
                14,
                render_digits(f"- {n} -", self.digits),
                align="center",
            )
        if self.fingerprint:
            ts.draw_text(canv, w / 2, 0.8 * cm, self.fonts.regular, 7, self.fingerprint, align="center")
        canv.restoreState()

    def _decorate_form(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._decorate(canv, doc)
        canv.saveState()
        w, h = cast(Any, canv)._pagesize  # the page template's size (not in the stubs)
        f = self.fonts
        top = h - FORM_TOP
        ts.draw_text(canv, w / 2, top - 14, f.bold, 16, texts.FORM_TITLE, align="center")
        ts.draw_text(
            canv, w / 2, top - 34, f.regular, 14, texts.organization_line(self.organization), align="center"
        )
        # "ผลงานปีงบประมาณ พ.ศ. ๒๕๖๔   ○ รอบ ๖ เดือน   ○ รอบ ๑๒ เดือน (ผลงานสะสม)"
        y = top - 54
        size = 14
        parts = [render_digits(f"ผลงานปีงบประมาณ พ.ศ. {self.report.fiscal_year}", self.digits)]
        boxes = [(6, texts.round_name(6, self.digits)), (12, texts.round_name(12, self.digits))]
        widths = [ts.text_width(f.regular, parts[0], size)] + [
            ts.text_width(f.regular, t, size) for _, t in boxes
        ]
        gap, box = 22, 14
        total = widths[0] + sum(gap + box + wd for wd in widths[1:])
        x = (w - total) / 2
        ts.draw_text(canv, x, y, f.regular, size, parts[0])
        x += widths[0]
        canv.setLineWidth(0.8)
        for (rnd, label), wd in zip(boxes, widths[1:], strict=False):
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

    def afterFlowable(self, flowable: Flowable) -> None:
        if self.on_flowable is not None:
            self.on_flowable(flowable)


# -- the whole report ---------------------------------------------------------------------------
def build_story(
    org: Organization,
    report: Report,
    doc: ReportDocTemplate,
    fonts: FontSet,
    digits: str,
    tick: Callable[[], Any] | None = None,
) -> list[Flowable]:
    st = Styles(fonts, digits)
    pw = PORTRAIT[0] - 5 * cm
    story: list[Flowable] = []
    story += cover(org, report, st, digits)
    story += [PageBreak()]
    story += introduction(org, report, st, digits)
    story += [NextPageTemplate("form"), PageBreak()]
    story.append(form_table(report, st, digits, cast(Any, doc.form_frame)._aH, progress=tick))
    story += [NextPageTemplate("portrait"), PageBreak()]
    story += narratives(report, st, digits, pw, progress=tick)
    story += [PageBreak()]
    story += conclusion(org, report, st, digits, pw)
    story += [PageBreak()]
    story += announcement(org, report, st, digits, pw)
    return story
