"""Export one report as a PDF: the API the window and the command line call.

Runs in any thread (the window uses a worker); reports progress through a plain callback and
stops when ``is_cancelled()`` says so. The PDF is written beside the target and renamed into place,
so out_path is either the old file, absent, or a complete new PDF.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.platypus import BaseDocTemplate, Flowable
from reportlab.platypus.doctemplate import LayoutError

from ..core.model import Item, Organization, Report, walk
from ..util.leftovers import clean_leftovers, temp_path
from ..util.targets import output_target_problem
from .fonts import FontMissingError, FontSet
from .papers_pdf import DOCUMENTS, PapersDocTemplate, papers_story, papers_title
from .report_pdf import ReportDocTemplate, build_story

DIGIT_STYLES = ("thai", "arabic")


class ExportCancelled(Exception):
    """The user cancelled the export; no file was written."""

    def __init__(self) -> None:
        super().__init__("ยกเลิกการส่งออก PDF แล้ว")


class PdfExportError(Exception):
    """The export failed; the message is Thai and says why."""


@dataclass
class ExportInfo:
    path: str
    pages: int
    fonts: list[str] = field(default_factory=list)  # the font files embedded (subset)
    bytes: int = 0


def export_report_pdf(
    organization: Organization,
    report: Report,
    out_path: str | os.PathLike[str],
    *,
    digits: str = "thai",
    fingerprint: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    document: str = "report",
) -> ExportInfo:
    """Write the whole printed report to out_path; see the module docstring. `document`: "report" (the
    report), "memo" (the memo to the executive) or "web-form" (the web-publication form), see papers_pdf."""
    if digits not in DIGIT_STYLES:
        raise PdfExportError(f"รูปแบบตัวเลขต้องเป็น thai หรือ arabic ไม่ใช่ “{digits}”")
    if document not in DOCUMENTS:
        raise PdfExportError(f"เอกสารต้องเป็น {', '.join(DOCUMENTS)} ไม่ใช่ “{document}”")
    out_path = Path(out_path)
    problem = output_target_problem(out_path, "PDF")
    if problem:
        raise PdfExportError(problem)
    folder = out_path.parent.resolve() if str(out_path.parent) else Path.cwd()
    if not folder.is_dir():
        raise PdfExportError(f"ไม่พบโฟลเดอร์ {folder} สำหรับบันทึกไฟล์ PDF")
    try:
        fonts = FontSet.default()
    except FontMissingError as exc:
        raise PdfExportError(str(exc)) from None

    nodes = sum(1 for _ in walk(report.tree))
    items = sum(1 for n in walk(report.tree) if isinstance(n, Item))
    # steps: building the table rows (one per node), the narratives (one per item), then laying
    # out pages (one per top-level flowable, counted as they are placed)
    state = {"done": 0, "total": nodes + items, "placed": 0}

    def check() -> None:
        if is_cancelled is not None and is_cancelled():
            raise ExportCancelled()

    def tick() -> None:
        state["done"] += 1
        if state["done"] % 25 == 0:
            check()
            if progress:
                progress(state["done"], state["total"], "กำลังจัดเตรียมเนื้อหา")

    def on_flowable(_f: Flowable) -> None:
        state["placed"] += 1
        if state["placed"] % 20 == 0:
            check()
            if progress:
                progress(min(state["base"] + state["placed"], state["total"]), state["total"], "กำลังจัดหน้า")

    try:
        clean_leftovers(folder)  # what exports and imports killed earlier left here
        tmp = str(temp_path(folder, "pdf-part"))
    except OSError as exc:
        raise PdfExportError(f"เขียนไฟล์ในโฟลเดอร์ {folder} ไม่ได้: {exc.strerror or exc}") from None
    try:
        check()
        doc: BaseDocTemplate
        try:
            if document == "report":
                doc = ReportDocTemplate(
                    tmp,
                    fonts=fonts,
                    report=report,
                    organization=organization,
                    digits=digits,
                    fingerprint=fingerprint,
                    on_flowable=on_flowable,
                )
                story = build_story(organization, report, doc, fonts, digits, tick=tick)
            else:
                doc = PapersDocTemplate(
                    tmp,
                    fonts=fonts,
                    digits=digits,
                    title=papers_title(document, report, digits),
                    author=organization.name,
                    fingerprint=fingerprint,
                    on_flowable=on_flowable,
                )
                story = papers_story(document, organization, report, fonts, digits)
        except ValueError as exc:  # an emblem or a photo that is not a whole image: one Thai line naming it
            raise PdfExportError(str(exc)) from None
        state["base"] = state["done"]
        state["total"] = state["done"] + len(story)
        if progress:
            progress(state["done"], state["total"], "กำลังจัดหน้า")
        try:
            doc.build(story)
        except LayoutError as exc:  # something that cannot fit a page, even alone
            raise PdfExportError(f"จัดหน้ารายงานไม่ได้: มีส่วนที่ใหญ่เกินหน้ากระดาษ ({exc})") from None
        check()
        pages = doc.page
        try:
            os.replace(tmp, out_path)
        except PermissionError as exc:
            raise PdfExportError(
                f"บันทึกไฟล์ {out_path} ไม่ได้: {exc.strerror or exc} (ไฟล์อาจเปิดอยู่ในโปรแกรมอื่น หรือไม่มีสิทธิ์เขียน)"
            ) from None
        except OSError as exc:
            raise PdfExportError(f"บันทึกไฟล์ {out_path} ไม่ได้: {exc.strerror or exc}") from None
        if progress:
            progress(state["total"], state["total"], "เสร็จแล้ว")
        return ExportInfo(str(out_path), pages, fonts.files(), out_path.stat().st_size)
    except OSError as exc:
        raise PdfExportError(f"เขียนไฟล์ PDF ไม่ได้: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
