"""Printing an exported PDF: Qt's print dialog, then each page rendered by pdfium at the printer's resolution
(at most 300 dpi) and painted fitted to the paper, in the page's own orientation.

The report mixes A4 portrait pages with A4 landscape form-table pages: the printer's page orientation is set
before each page (Qt's PDF/CUPS and Windows print engines take a new page layout at newPage); should a
printer keep its orientation, a page that does not fit the paper's is turned a quarter turn instead (its top
at the binding edge, the left).

`print_pdf` is the whole flow (no printer → say so in Thai and offer to open the PDF; the dialog; a progress
dialog with Cancel); `print_pages` does the painting on a given QPrinter (tests print to a PDF-file QPrinter).
`available_printers` and `ask_printer` are the seams tests replace.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter, QTransform
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog

from ..thai.digits import render_digits
from .message_boxes import confirm_box, inform_box
from .pdf_pages import PdfPages, PdfPagesError

MAX_PRINT_DPI = 300
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


def pages_to_print(printer: QPrinter, page_count: int, current_page: int | None = None) -> list[int]:
    """0-based page numbers the print dialog chose (all, a range or the current page), in printing order."""
    kind = printer.printRange()
    if kind == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage() - 1, min(printer.toPage() or page_count, page_count) - 1
        pages = list(range(max(first, 0), last + 1))
    elif kind == QPrinter.PrintRange.CurrentPage and current_page is not None:
        pages = [current_page]
    else:
        pages = list(range(page_count))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


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
    grayscale = printer.colorMode() == QPrinter.ColorMode.GrayScale
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
        painter.end()
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
