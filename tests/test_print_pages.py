"""Printing's page choice and colour (issue 13, points 7 and 8), on Qt's PDF printer: pages typed in the dialog's
"pages" box (CUPS options page-ranges / page-set) or as Windows page ranges are the only pages rendered, and
pages without colour go to the printer in grey."""

import subprocess

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pypdfium2")

from PySide6.QtGui import QImage, QPageRanges  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from pipun_desktop.ui import pdf_print  # noqa: E402
from pipun_desktop.ui.pdf_pages import PdfPages  # noqa: E402


def pdf_printer(path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(100)
    return printer


@pytest.fixture
def mixed_pdf(tmp_path):
    """Page 1 black text (portrait), page 2 with a red box (the emblem's page), page 3 black (landscape)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    path = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 24)
    c.drawString(72, 700, "page one, black")
    c.showPage()
    c.setFillColorRGB(0.8, 0.1, 0.1)
    c.rect(200, 600, 120, 120, fill=1, stroke=0)
    c.setFillColorRGB(0, 0, 0)
    c.drawString(72, 500, "page two, with colour")
    c.showPage()
    c.setPageSize(landscape(A4))
    c.drawString(72, 400, "page three, black, landscape")
    c.showPage()
    c.save()
    return path


def image_colours(path):
    """pdfimages -list: the colour space of each page's image, in order."""
    run = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        pytest.skip("pdfimages (poppler-utils) missing")
    return [line.split()[5] for line in run.stdout.splitlines()[2:] if line.strip()]


@pytest.fixture
def cups_engine(monkeypatch):
    """Qt's PDF printer keeps no CUPS options (only its CUPS engine does, see test_print_cups.py): keep them here."""
    store = {}
    monkeypatch.setattr(pdf_print, "cups_options", lambda printer: list(store.get(id(printer), [])))
    monkeypatch.setattr(
        pdf_print, "set_cups_options", lambda printer, options: store.__setitem__(id(printer), options)
    )


def test_parse_page_ranges():
    assert pdf_print.parse_page_ranges("1-6,40,97", 97) == [0, 1, 2, 3, 4, 5, 39, 96]
    assert pdf_print.parse_page_ranges(" 3 , 1-2 ,2", 10) == [2, 0, 1]
    assert pdf_print.parse_page_ranges("8-", 10) == [7, 8, 9]
    assert pdf_print.parse_page_ranges("5-200", 7) == [4, 5, 6]
    assert pdf_print.parse_page_ranges("a-b", 7) is None


def test_pages_typed_for_cups_are_taken_off_the_job(qapp, tmp_path, cups_engine):
    printer = pdf_printer(tmp_path / "x.pdf")
    # what Qt's dialog does with "Pages: 1-6,40,97" on a CUPS printer: all pages, the choice left to CUPS
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    pdf_print.set_cups_options(printer, ["page-ranges", "97,1-6,40", "media", "A4"])
    assert pdf_print.pages_to_print(printer, 97) == [0, 1, 2, 3, 4, 5, 39, 96]
    # CUPS must not pick again among the pages sent
    assert pdf_print.cups_options(printer) == ["media", "A4"]


def test_odd_and_even_pages(qapp, tmp_path, cups_engine):
    printer = pdf_printer(tmp_path / "x.pdf")
    pdf_print.set_cups_options(printer, ["page-ranges", "2-7", "page-set", "odd"])
    assert pdf_print.pages_to_print(printer, 10) == [2, 4, 6]  # pages 3, 5, 7
    pdf_print.set_cups_options(printer, ["page-set", "even"])
    assert pdf_print.pages_to_print(printer, 5) == [1, 3]
    assert pdf_print.cups_options(printer) == []


def test_several_ranges_from_the_windows_dialog(qapp, tmp_path):
    printer = pdf_printer(tmp_path / "x.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setPageRanges(QPageRanges.fromString("1-3,40,97"))
    assert pdf_print.pages_to_print(printer, 97) == [0, 1, 2, 39, 96]


def test_only_the_chosen_pages_are_rendered(qapp, tmp_path, cups_engine, mixed_pdf, monkeypatch):
    rendered = []
    render = PdfPages.render
    monkeypatch.setattr(
        PdfPages, "render", lambda self, i, *a, **k: rendered.append(i) or render(self, i, *a, **k)
    )
    printer = pdf_printer(tmp_path / "out.pdf")
    pdf_print.set_cups_options(printer, ["page-ranges", "3,1"])
    with PdfPages(mixed_pdf) as pages:
        numbers = pdf_print.pages_to_print(printer, len(pages))
        assert pdf_print.print_pages(pages, printer, numbers) == 2
    assert rendered == [0, 2]


def test_pages_without_colour_go_in_grey(qapp, tmp_path, mixed_pdf):
    out = tmp_path / "out.pdf"
    printer = pdf_printer(out)
    assert printer.colorMode() == QPrinter.ColorMode.Color
    with PdfPages(mixed_pdf) as pages:
        pdf_print.print_pages(pages, printer)
    assert image_colours(out) == ["gray", "rgb", "gray"]
    assert printer.colorMode() == QPrinter.ColorMode.Color  # the printer's own setting is left as it was


def test_a_printer_without_colour_gets_grey_only(qapp, tmp_path, mixed_pdf, monkeypatch):
    out = tmp_path / "out.pdf"
    printer = pdf_printer(out)
    monkeypatch.setattr(pdf_print, "printer_has_colour", lambda p: False)
    with PdfPages(mixed_pdf) as pages:
        pdf_print.print_pages(pages, printer)
    assert image_colours(out) == ["gray", "gray", "gray"]


def test_has_colour():
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    for x in range(40):
        image.setPixel(x, 10, 0xFF777777)
    assert not pdf_print.has_colour(image)
    image.setPixel(39, 29, 0xFF7F7F80)  # one pixel barely blue
    assert pdf_print.has_colour(image)


def test_windows_keeps_the_printers_colour_mode_through_the_job(qapp, tmp_path, monkeypatch):
    """Windows' engine applies a colour mode at the next page: switching page by page would print a colour page
    in the previous page's grey, so there the engine is left alone (a PDF printer still switches)."""
    monkeypatch.setattr(pdf_print.sys, "platform", "win32")

    class Native:  # a real printer's QPrinter (this machine may have none: Qt falls back to PDF output)
        def outputFormat(self):
            return QPrinter.OutputFormat.NativeFormat

    native = Native()
    assert not pdf_print.colour_per_page(native)
    assert pdf_print.colour_per_page(pdf_printer(tmp_path / "x.pdf"))
    monkeypatch.setattr(pdf_print.sys, "platform", "linux")
    assert pdf_print.colour_per_page(native)
