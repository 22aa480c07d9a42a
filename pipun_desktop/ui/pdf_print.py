"""Printing an exported PDF: Qt's print dialog, then each page rendered by pdfium at the printer's resolution
(at most 300 dpi) and painted fitted to the paper, in the page's own orientation.

The report mixes A4 portrait pages with A4 landscape form-table pages: the printer's page orientation is set
before each page (Qt's PDF/CUPS and Windows print engines take a new page layout at newPage); should a
printer keep its orientation, a page that does not fit the paper's is turned a quarter turn instead (its top
at the binding edge, the left).

Three things a real print queue showed (issue 13):

* Qt's CUPS engine gives the whole job the option `landscape` when the printer is left in landscape at the end:
  CUPS then turns every portrait page of the job upside down. The printer goes back to portrait before the
  job ends (the pages already started keep their own orientation).
* Pages typed in the dialog's "pages" box ("1-6,40,97") reach Qt only as the CUPS options `page-ranges` (and
  `page-set` for odd/even pages), for CUPS to pick from a job of every page: `pages_to_print` takes them
  over, only the pages asked for are rendered and sent, and the options are removed from the job (CUPS would
  otherwise pick again among the pages sent). Ranges from the Windows dialog come as QPrinter.pageRanges.
* A page without colour (all but the emblem's page of a report) is sent in grey, a third of the data of a
  colour page, and a printer that has no colour mode gets grey pages only.

`print_pdf` is the whole flow (no printer → say so in Thai and offer to open the PDF; the dialog; a progress
dialog with Cancel); `print_pages` does the painting on a given QPrinter (tests print to a PDF-file QPrinter).
`available_printers` and `ask_printer` are the seams tests replace.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPageSize, QPainter, QTransform
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrintEngine, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog

from ..thai.digits import render_digits
from .message_boxes import confirm_box, inform_box
from .pdf_pages import PdfPages, PdfPagesError

MAX_PRINT_DPI = 300
# Qt's private key for the CUPS options of a job (qcups_p.h: PPK_CupsOptions), a list [name, value, name, ...]
PPK_CUPS_OPTIONS = QPrintEngine.PrintEnginePropertyKey(0xFE00)
NO_PRINTER = "ไม่พบเครื่องพิมพ์ในเครื่องนี้\nติดตั้งเครื่องพิมพ์ก่อน (Windows: การตั้งค่า > บลูทูธและอุปกรณ์ > เครื่องพิมพ์และสแกนเนอร์)"


class PrintError(Exception):
    """Printing failed (message in Thai)."""


class PrintCancelled(Exception):
    pass


def available_printers() -> list[QPrinterInfo]:
    return QPrinterInfo.availablePrinters()


def ask_printer(parent, printer: QPrinter, page_count: int, current_page: int | None) -> bool:
    """Qt's print dialog (printer, copies, pages); False when the user cancels."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("พิมพ์รายงาน")
    dialog.setMinMax(1, page_count)
    options = (
        QAbstractPrintDialog.PrintDialogOption.PrintPageRange
        | QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies
        | QAbstractPrintDialog.PrintDialogOption.PrintShowPageSize
    )
    if current_page is not None:
        options |= QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage
    dialog.setOptions(options)
    return dialog.exec() == QDialog.DialogCode.Accepted


def cups_options(printer: QPrinter) -> list[str]:
    """The CUPS options the print dialog put on the job ([name, value, ...]; empty off CUPS)."""
    engine = printer.printEngine()
    if engine is None:
        return []
    value = engine.property(PPK_CUPS_OPTIONS)
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def set_cups_options(printer: QPrinter, options: list[str]) -> None:
    engine = printer.printEngine()
    if engine is not None:
        engine.setProperty(PPK_CUPS_OPTIONS, options)


def parse_page_ranges(text: str, page_count: int) -> list[int] | None:
    """ "1-6,40,97" (1-based, as CUPS takes them; "5-" to the end) as 0-based page numbers in the order typed,
    each once and within the document; None when the text is not page ranges."""
    pages: list[int] = []
    seen: set[int] = set()
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        first_text, dash, last_text = part.partition("-")
        try:
            first = int(first_text) if first_text else 1
            last = (int(last_text) if last_text else page_count) if dash else first
        except ValueError:
            return None
        for n in range(max(first, 1), min(last, page_count) + 1):
            if n - 1 not in seen:
                seen.add(n - 1)
                pages.append(n - 1)
    return pages


def take_cups_page_selection(printer: QPrinter, page_count: int) -> tuple[list[int] | None, str | None]:
    """The pages the dialog left to CUPS (`page-ranges`, None when all) and its odd/even choice (`page-set`),
    removed from the job's CUPS options: the program sends only those pages."""
    options = cups_options(printer)
    if not options:
        return None, None
    ranges: list[int] | None = None
    page_set = None
    kept: list[str] = []
    for name, value in zip(options[0::2], options[1::2], strict=False):
        if name == "page-ranges":
            parsed = parse_page_ranges(value, page_count)
            if parsed is not None:
                ranges = parsed
                continue
        elif name == "page-set" and value in ("odd", "even"):
            page_set = value
            continue
        kept += [name, value]
    if kept != options:
        set_cups_options(printer, kept)
    return ranges, page_set


def pages_to_print(printer: QPrinter, page_count: int, current_page: int | None = None) -> list[int]:
    """0-based page numbers the print dialog chose (all, ranges such as "1-6,40,97", the current page, odd or
    even pages), in printing order. A selection left to CUPS is taken off the job (see take_cups_page_selection)."""
    kind = printer.printRange()
    cups_ranges, page_set = take_cups_page_selection(printer, page_count)
    ranges = printer.pageRanges().toRangeList() if kind == QPrinter.PrintRange.PageRange else []
    if kind == QPrinter.PrintRange.CurrentPage and current_page is not None:
        pages = [current_page]
    elif ranges:
        pages = []
        for r in ranges:
            pages += [n - 1 for n in range(max(r.from_, 1), min(r.to, page_count) + 1) if n - 1 not in pages]
    elif kind == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage() - 1, min(printer.toPage() or page_count, page_count) - 1
        pages = list(range(max(first, 0), last + 1))
    else:
        pages = list(range(page_count))
    if cups_ranges is not None:
        chosen = set(cups_ranges)
        pages = [n for n in pages if n in chosen]  # in page order, as CUPS would have picked them
    if page_set is not None:
        pages = [n for n in pages if (n % 2 == 0) == (page_set == "odd")]  # odd pages: 1, 3, … (0-based even)
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def printer_has_colour(printer: QPrinter) -> bool:
    """False for a printer that can print grey only (its driver offers no colour mode), or one set to grey."""
    if printer.colorMode() == QPrinter.ColorMode.GrayScale:
        return False
    name = printer.printerName()
    if not name or printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return True
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        return True
    modes = info.supportedColorModes()
    return not modes or QPrinter.ColorMode.Color in modes


def has_colour(image: QImage) -> bool:
    """True when any pixel of `image` is not a shade of grey (R, G and B not all equal)."""
    if image.isGrayscale():
        return False
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)  # 4 bytes a pixel: no row padding
    grey = rgb.convertToFormat(QImage.Format.Format_Grayscale8).convertToFormat(QImage.Format.Format_RGB32)
    return bytes(rgb.constBits()) != bytes(grey.constBits())


def colour_per_page(printer: QPrinter) -> bool:
    """Whether the printer's engine takes a colour mode page by page: Qt's PDF engine and its CUPS engine (Linux)
    do, at once. Windows' engine would reset the printer's device context only at the next page, giving a page
    the previous page's mode (a colour emblem printed grey): there the job keeps the printer's own mode, and
    colourless pages are only handed over as grey images."""
    return printer.outputFormat() == QPrinter.OutputFormat.PdfFormat or sys.platform != "win32"


def set_page_colour(printer: QPrinter, colour: bool) -> None:
    """Colour or grey for the pages painted from now on. QPrinter refuses a new colour mode during a job; its
    engine takes it (Qt's PDF and CUPS engines then write images as 8-bit grey, deflated, instead of RGB JPEG:
    a text page is about a third of the data)."""
    engine = printer.printEngine()
    if engine is not None and colour_per_page(printer):
        mode = QPrinter.ColorMode.Color if colour else QPrinter.ColorMode.GrayScale
        engine.setProperty(QPrintEngine.PrintEnginePropertyKey.PPK_ColorMode, mode)


def _orientation(landscape: bool) -> QPageLayout.Orientation:
    return QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait


def print_pages(
    pages: PdfPages,
    printer: QPrinter,
    numbers: list[int] | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Paint `numbers` (0-based; default all) of `pages` on `printer`, each fitted to the paper in its own
    orientation; returns the number of sheets painted. `progress(done, total)` returning False cancels
    (PrintCancelled; the job is aborted). PrintError when the printer refuses."""
    numbers = list(range(len(pages))) if numbers is None else numbers
    if not numbers:
        raise PrintError("ไม่มีหน้าที่จะพิมพ์")
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    if printer.collateCopies():
        sequence = [n for _ in range(copies) for n in numbers]
    else:
        sequence = [n for n in numbers for _ in range(copies)]
    printer.setFullPage(True)  # the PDF page already has its margins: fit it to the whole sheet
    printer.setPageOrientation(_orientation(pages.is_landscape(sequence[0])))
    grayscale = not printer_has_colour(printer)
    colour_mode = printer.colorMode()
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("เริ่มพิมพ์ไม่ได้ ตรวจดูว่าเครื่องพิมพ์เปิดอยู่ ต่อสายแล้ว และมีกระดาษ")
    done = 0
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for done, index in enumerate(sequence):
            if progress is not None and not progress(done, len(sequence)):
                printer.abort()
                raise PrintCancelled()
            landscape = pages.is_landscape(index)
            if done > 0:
                printer.setPageOrientation(_orientation(landscape))
                if not printer.newPage():
                    raise PrintError(f"พิมพ์หน้าที่ {index + 1} ไม่ได้ เครื่องพิมพ์ไม่รับงานต่อ")
            _paint_page(painter, printer, pages, index, landscape, grayscale)
        done = len(sequence)
    finally:
        # Qt's CUPS engine turns the whole job "landscape" when the printer ends in landscape, and CUPS then
        # prints every portrait page upside down: end in portrait (pages painted keep their orientation)
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        painter.end()
        set_page_colour(printer, colour_mode == QPrinter.ColorMode.Color)
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintError("เครื่องพิมพ์แจ้งข้อผิดพลาด งานพิมพ์อาจไม่ครบ")
    if progress is not None:
        progress(done, len(sequence))
    return done


def _paint_page(
    painter: QPainter, printer: QPrinter, pages: PdfPages, index: int, landscape: bool, grayscale: bool
) -> None:
    resolution = printer.resolution()
    paper = QRectF(printer.pageLayout().fullRectPixels(resolution))
    w_pt, h_pt = pages.size(index)
    turn = (paper.width() > paper.height()) != landscape and abs(w_pt - h_pt) > 1  # the printer kept its way
    if turn:
        w_pt, h_pt = h_pt, w_pt
    fit = min(paper.width() / (w_pt * resolution / 72), paper.height() / (h_pt * resolution / 72))
    dpi = min(resolution, MAX_PRINT_DPI)
    image = pages.render(index, fit * dpi / 72, grayscale=grayscale)
    colour = not grayscale and has_colour(image)
    set_page_colour(printer, colour)  # a page without colour goes in grey, whatever the printer
    if not colour and image.format() != QImage.Format.Format_Grayscale8:
        image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    if turn:
        image = image.transformed(QTransform().rotate(-90))  # top of the page to the left edge
    w, h = w_pt * resolution / 72 * fit, h_pt * resolution / 72 * fit
    target = QRectF(paper.x() + (paper.width() - w) / 2, paper.y() + (paper.height() - h) / 2, w, h)
    painter.drawImage(target, image)


def open_in_viewer(path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def print_pdf(
    path,
    parent=None,
    *,
    current_page: int | None = None,
    digits: str = "thai",
    printer: QPrinter | None = None,
    confirm=None,
    inform=None,
    open_pdf=None,
) -> bool:
    """The whole printing flow for the PDF at `path`: True when every chosen page went to the printer.
    With `printer` given, its settings are used as they are (no printer check, no dialog). Without a printer
    the user may open the PDF in the PDF viewer instead (`open_pdf(path)`, default open_in_viewer)."""
    confirm = confirm or (lambda title, text: confirm_box(parent, title, text))
    inform = inform or (lambda title, text, warning=False: inform_box(parent, title, text, warning))
    if printer is None and not available_printers():
        if confirm("พิมพ์", NO_PRINTER + "\n\nเปิดไฟล์ PDF ด้วยโปรแกรมอ่าน PDF แทน (เพื่อพิมพ์จากที่นั่น) หรือไม่?"):
            (open_pdf or open_in_viewer)(path)
        return False
    try:
        pages = PdfPages(path)
    except PdfPagesError as exc:
        inform("พิมพ์ไม่ได้", str(exc), warning=True)
        return False
    try:
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))  # the report is A4
            printer.setDocName(f"รายงานป้องกันการทุจริต ({render_digits(len(pages), digits)} หน้า)")
            if not ask_printer(parent, printer, len(pages), current_page):
                return False
        numbers = pages_to_print(printer, len(pages), current_page)
        dialog = None
        if len(numbers) > 1:
            dialog = QProgressDialog("กำลังส่งหน้าไปยังเครื่องพิมพ์…", "ยกเลิก", 0, len(numbers), parent)
            dialog.setWindowTitle("พิมพ์")
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)

        def progress(done: int, total: int) -> bool:
            if dialog is None:
                return True
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(render_digits(f"กำลังส่งหน้าไปยังเครื่องพิมพ์… {done} จาก {total}", digits))
            QApplication.processEvents()
            return not dialog.wasCanceled()

        try:
            print_pages(pages, printer, numbers, progress)
        except PrintCancelled:
            return False
        except (PrintError, PdfPagesError) as exc:
            inform("พิมพ์ไม่ได้", str(exc), warning=True)
            return False
        finally:
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
        return True
    finally:
        pages.close()
