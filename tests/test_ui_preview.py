"""Print preview and printing of the exported PDF: the preview dialog (pdfium pages, navigation, zoom, lazy
rendering), printing to a PDF-file QPrinter (pages, range, orientation), the no-printer message, and the
window's flows (after ส่งออก PDF…, File > ตัวอย่างก่อนพิมพ์… and พิมพ์…, temporary files)."""

import math
import tempfile
import threading
import time

import pytest

pytest.importorskip("PySide6")
pdfium = pytest.importorskip("pypdfium2")

from conftest import SAMPLE  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QImage, QKeySequence, QPageLayout  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from pipun_desktop.interchange.json_format import read_document  # noqa: E402
from pipun_desktop.pdf.export import export_report_pdf  # noqa: E402
from pipun_desktop.storage.store import ReportStore  # noqa: E402
from pipun_desktop.ui import pdf_job, pdf_print  # noqa: E402
from pipun_desktop.ui.main_window import MainWindow  # noqa: E402
from pipun_desktop.ui.pdf_pages import PDFIUM_LOCK, PdfPages  # noqa: E402
from pipun_desktop.ui.pdf_preview import CACHE_PAGES, FIT_PAGE, FIT_WIDTH, GAP, PdfPreviewDialog  # noqa: E402
from pipun_desktop.ui.settings import Settings  # noqa: E402

SAMPLE_PAGES = 100
TH_PAGES = "๑๐๐"  # SAMPLE_PAGES in Thai digits


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    doc = read_document(SAMPLE)
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    info = export_report_pdf(doc.organization, doc.reports[0], path)
    assert info.pages == SAMPLE_PAGES
    return path


@pytest.fixture
def preview(qtbot, sample_pdf):
    dialog = PdfPreviewDialog(sample_pdf, digits="thai")
    qtbot.addWidget(dialog)
    dialog.resize(1000, 760)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.reject()


def pdf_printer(path, resolution_mode=QPrinter.PrinterMode.ScreenResolution) -> QPrinter:
    printer = QPrinter(resolution_mode)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def ink(image: QImage, step: int = 3):
    """(dark pixel count, bounding box (x0, y0, x1, y1)) of the non-white pixels on a grid."""
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    xs, ys, n = [], [], 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if image.pixelColor(x, y).value() < 160:
                n += 1
                xs.append(x)
                ys.append(y)
    return n, ((min(xs), min(ys), max(xs), max(ys)) if n else None)


def page_sizes(path) -> list[tuple[float, float]]:
    with PdfPages(path) as pages:
        return [pages.size(i) for i in range(len(pages))]


# -- pages ---------------------------------------------------------------------------------------------
def test_pages_render_to_a_non_blank_image_of_the_right_size(qtbot, sample_pdf):
    with PdfPages(sample_pdf) as pages:
        assert len(pages) == SAMPLE_PAGES
        assert not pages.is_landscape(0) and pages.is_landscape(2)  # cover portrait, the form table landscape
        image = pages.render(2, 1.0)
        w, h = pages.size(2)
        assert (image.width(), image.height()) == (math.ceil(w), math.ceil(h))
        dark, box = ink(image)
        assert dark > 500 and box[2] - box[0] > image.width() * 0.6  # the table spans the page
        gray = pages.render(0, 0.5, grayscale=True)
        assert gray.format() == QImage.Format.Format_Grayscale8 and ink(gray)[0] > 20
    assert pages.closed


def test_pdfium_is_never_entered_from_two_threads_at_once(qtbot, sample_pdf):
    with PdfPages(sample_pdf) as pages:
        held, release = threading.Event(), threading.Event()
        order = []

        def hold():
            with PDFIUM_LOCK:
                held.set()
                release.wait(5)
                order.append("other thread's call ended")

        t = threading.Thread(target=hold)
        t.start()
        assert held.wait(5)
        threading.Timer(0.2, release.set).start()  # the other call ends a moment later
        pages.render(0, 0.3)  # waits for the other thread's pdfium call to end
        order.append("rendered")
        t.join()
        assert order == ["other thread's call ended", "rendered"]


# -- the preview dialog ------------------------------------------------------------------------------
def test_preview_shows_the_page_count_in_thai_digits(preview):
    assert preview.page_count() == SAMPLE_PAGES
    assert preview.page_label.text() == f"หน้า ๑ จาก {TH_PAGES}"
    assert preview.info_label.text() == f"{TH_PAGES} หน้า"
    assert preview.page_box.text() == "๑"
    assert preview.print_button.text() == "พิมพ์…"
    assert preview.open_button.text() == "เปิดด้วยโปรแกรมอ่าน PDF"
    assert preview.close_button.text() == "ปิด"


def test_preview_in_arabic_digits(qtbot, sample_pdf):
    dialog = PdfPreviewDialog(sample_pdf, digits="arabic")
    qtbot.addWidget(dialog)
    assert dialog.page_label.text() == f"หน้า 1 จาก {SAMPLE_PAGES}"
    dialog.reject()


def test_navigation_changes_the_page(preview, qtbot):
    bar = preview.area.verticalScrollBar()
    assert not preview.prev_button.isEnabled() and preview.next_button.isEnabled()
    preview.next_button.click()
    assert preview.current == 1 and preview.page_label.text() == f"หน้า ๒ จาก {TH_PAGES}"
    at_two = bar.value()
    assert at_two > 0
    preview.next_page()
    assert preview.page_label.text() == f"หน้า ๓ จาก {TH_PAGES}" and bar.value() > at_two
    preview.previous_page()
    assert preview.current == 1 and bar.value() == at_two
    preview.last_button.click()
    assert (
        preview.page_label.text() == f"หน้า {TH_PAGES} จาก {TH_PAGES}" and not preview.next_button.isEnabled()
    )
    preview.page_box.setValue(50)  # typing a page number
    assert preview.current == 49 and preview.page_label.text() == f"หน้า ๕๐ จาก {TH_PAGES}"
    preview.first_button.click()
    assert preview.current == 0 and bar.value() == 0
    # scrolling by hand: the page in the upper third of the view becomes the current page
    bar.setValue(preview.canvas.rects[10].top() + 5)
    assert preview.current == 10 and preview.page_box.value() == 11


def test_only_visible_pages_are_rendered_and_the_cache_is_bounded(preview, qtbot):
    rendered = []
    preview.canvas.rendered.connect(rendered.append)
    qtbot.waitUntil(lambda: 0 in preview.canvas.cached_pages(), timeout=5000)
    first = preview.canvas.cached_pages()
    assert 0 in first and len(first) <= 3  # 100 pages: opening renders what is in sight only
    preview.go_to(60)
    qtbot.waitUntil(lambda: 60 in rendered, timeout=5000)
    assert not set(range(5, 55)) & set(rendered)
    for i in range(0, SAMPLE_PAGES, 4):
        preview.go_to(i)
        preview.canvas.repaint()
    assert len(preview.canvas.cached_pages()) <= CACHE_PAGES
    assert len(rendered) >= SAMPLE_PAGES // 4


def test_the_shown_page_is_the_rendered_page(preview, qtbot):
    preview.go_to(2)
    qtbot.waitUntil(lambda: 2 in preview.canvas.cached_pages(), timeout=5000)
    shot = preview.area.viewport().grab().toImage()
    dark, box = ink(shot)
    assert dark > 300, "the page in view looks blank"
    assert box[2] - box[0] > shot.width() * 0.6


def test_zoom_fit_width_fit_page_and_steps(preview):
    viewport = preview.area.viewport().size()
    preview.set_zoom(FIT_WIDTH)
    assert preview.fit_width_button.isChecked()
    for i in (0, 2):  # portrait and landscape pages both fill the width
        assert abs(preview.canvas.rects[i].width() - (viewport.width() - 2 * GAP)) <= 1
    assert preview.area.horizontalScrollBar().maximum() == 0
    preview.set_zoom(FIT_PAGE)
    assert preview.fit_page_button.isChecked() and not preview.fit_width_button.isChecked()
    for i in (0, 2):
        r = preview.canvas.rects[i]
        assert r.height() <= viewport.height() - 2 * GAP + 1 and r.width() <= viewport.width() - 2 * GAP + 1
    preview.go_to(1)
    width, label = preview.canvas.rects[1].width(), preview.zoom_label.text()
    preview.zoom_in_button.click()
    assert preview.canvas.rects[1].width() == pytest.approx(width * 1.25, abs=2)
    assert preview.zoom_label.text() != label and preview.zoom_label.text().endswith("%")
    assert preview.current == 1  # zooming keeps the page in view
    preview.zoom_out_button.click()
    assert preview.canvas.rects[1].width() == pytest.approx(width, abs=2)
    assert not preview.fit_page_button.isChecked()


def test_preview_buttons_open_and_close(preview, qtbot):
    opened = []
    preview.open_requested = opened.append
    preview.open_button.click()
    assert opened == [preview.path] and preview.opened_in_viewer
    preview.close_button.click()
    assert not preview.isVisible() and preview.pages.closed


def test_preview_print_button_prints_this_pdf(preview, monkeypatch):
    calls = []
    monkeypatch.setattr(pdf_print, "print_pdf", lambda path, parent, **kw: calls.append((path, kw)) or True)
    preview.go_to(4)
    preview.print_button.click()
    ((path, kw),) = calls
    assert path == preview.path and kw["current_page"] == 4 and kw["digits"] == "thai"


# -- printing ------------------------------------------------------------------------------------------
def test_printing_to_a_pdf_file_gives_the_same_pages_in_their_orientation(qtbot, sample_pdf, tmp_path):
    out = tmp_path / "printed.pdf"
    assert pdf_print.print_pdf(
        sample_pdf, printer=pdf_printer(out), confirm=lambda *a: True, inform=lambda *a, **k: pytest.fail(a)
    )
    source, printed = page_sizes(sample_pdf), page_sizes(out)
    assert len(printed) == SAMPLE_PAGES
    assert [w > h for w, h in printed] == [w > h for w, h in source]  # landscape form pages stay landscape
    with PdfPages(out) as pages:
        dark, box = ink(pages.render(2, 0.8))
        assert dark > 300 and box[2] - box[0] > 0.6 * pages.size(2)[0] * 0.8


def test_printing_a_page_range_and_copies(qtbot, sample_pdf, tmp_path):
    out = tmp_path / "range.pdf"
    printer = pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 4)
    printer.setCopyCount(2)
    with PdfPages(sample_pdf) as pages:
        numbers = pdf_print.pages_to_print(printer, len(pages))
        assert numbers == [1, 2, 3]
        sheets = pdf_print.print_pages(pages, printer, numbers)
    copies = 1 if printer.supportsMultipleCopies() else 2
    assert sheets == 3 * copies and len(page_sizes(out)) == 3 * copies
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert pdf_print.pages_to_print(printer, SAMPLE_PAGES, current_page=7) == [7]
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert pdf_print.pages_to_print(printer, 3) == [2, 1, 0]


class FixedOrientationPrinter(QPrinter):
    """A printer that keeps its paper's orientation whatever is asked."""

    def setPageOrientation(self, orientation):
        return False


def test_a_printer_that_keeps_portrait_gets_landscape_pages_turned(qtbot, sample_pdf, tmp_path):
    out = tmp_path / "turned.pdf"
    printer = FixedOrientationPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setPageLayout(
        QPageLayout(
            printer.pageLayout().pageSize(), QPageLayout.Orientation.Portrait, printer.pageLayout().margins()
        )
    )
    with PdfPages(sample_pdf) as pages:
        pdf_print.print_pages(pages, printer, [1, 2])
    sizes = page_sizes(out)
    assert all(h > w for w, h in sizes)
    with PdfPages(out) as pages:
        _, box = ink(pages.render(1, 0.8))
    x0, y0, x1, y1 = box
    assert y1 - y0 > 1.3 * (x1 - x0), "the landscape table was shrunk, not turned"


def test_print_cancelled_midway(qtbot, sample_pdf, tmp_path):
    seen = []

    def progress(done, total):
        seen.append(done)
        return done < 2

    with PdfPages(sample_pdf) as pages, pytest.raises(pdf_print.PrintCancelled):
        pdf_print.print_pages(pages, pdf_printer(tmp_path / "x.pdf"), list(range(10)), progress)
    assert seen == [0, 1, 2]


def test_no_printer_says_so_in_thai_and_offers_the_pdf(qtbot, sample_pdf, monkeypatch):
    monkeypatch.setattr(pdf_print, "available_printers", lambda: [])
    monkeypatch.setattr(pdf_print, "ask_printer", lambda *a: pytest.fail("no dialog without a printer"))
    asked, opened = [], []
    for answer in (False, True):
        assert not pdf_print.print_pdf(
            sample_pdf,
            confirm=lambda t, text, answer=answer: asked.append(text) or answer,
            open_pdf=opened.append,
        )
    assert len(asked) == 2 and "ไม่พบเครื่องพิมพ์" in asked[0] and "เปิดไฟล์ PDF" in asked[0]
    assert opened == [sample_pdf]  # only when the user said yes


def test_print_dialog_choice_is_used(qtbot, sample_pdf, tmp_path, monkeypatch):
    out = tmp_path / "chosen.pdf"
    monkeypatch.setattr(pdf_print, "available_printers", lambda: ["a printer"])
    asked = []

    def ask(parent, printer, count, current):
        asked.append((count, current))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(96)
        printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
        return True

    monkeypatch.setattr(pdf_print, "ask_printer", ask)
    assert pdf_print.print_pdf(sample_pdf, current_page=5)
    assert asked == [(SAMPLE_PAGES, 5)] and len(page_sizes(out)) == 1
    monkeypatch.setattr(pdf_print, "ask_printer", lambda *a: False)  # Cancel in the print dialog
    out.unlink()
    assert not pdf_print.print_pdf(sample_pdf) and not out.exists()


def test_print_failure_is_reported_in_thai(qtbot, sample_pdf, tmp_path):
    messages = []
    printer = pdf_printer(tmp_path / "no-such-folder" / "x.pdf")  # the engine cannot open its output
    assert not pdf_print.print_pdf(
        sample_pdf, printer=printer, inform=lambda t, text, warning=False: messages.append((t, text))
    )
    assert messages and messages[0][0] == "พิมพ์ไม่ได้" and "เริ่มพิมพ์ไม่ได้" in messages[0][1]


# -- the window ----------------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    data = tmp_path / "sample.pipun"
    with ReportStore.create(data) as store:
        store.import_document(read_document(SAMPLE))
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings)
    w.confirmations, w.messages, w.choices = [], [], []
    w.confirm = lambda title, text: w.confirmations.append(text) or True
    w.inform = lambda title, text, warning=False: w.messages.append(text)
    w.answer = 3
    w.choose = lambda title, text, choices: w.choices.append((text, tuple(choices))) or w.answer
    w.opened = []
    monkeypatch.setattr(pdf_print, "open_in_viewer", lambda path: w.opened.append(str(path)) or True)
    qtbot.addWidget(w)
    assert w.files.open_path(data)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def export_and_wait(window, qtbot, path, **kw):
    window.files.start_pdf(str(path), **kw)
    qtbot.waitUntil(lambda: not window.files.pdf_running(), timeout=120_000)


def test_file_menu_has_preview_and_print(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "ตัวอย่างก่อนพิมพ์…" in texts and "พิมพ์…" in texts
    assert window.act_print.shortcut() == QKeySequence("Ctrl+P")
    assert window.act_export_pdf.shortcut() != QKeySequence("Ctrl+P")
    assert window.act_preview.isEnabled() and window.act_print.isEnabled()


@pytest.mark.parametrize("answer", [0, 1, 2, 3])
def test_after_export_the_user_chooses_preview_print_open_or_close(
    window, qtbot, tmp_path, monkeypatch, answer
):
    printed = []
    monkeypatch.setattr(pdf_print, "print_pdf", lambda path, parent, **kw: printed.append(str(path)) or True)
    window.answer = answer
    out = tmp_path / "report.pdf"
    export_and_wait(window, qtbot, out)
    ((text, choices),) = window.choices
    assert choices == ("ดูตัวอย่าง", "พิมพ์…", "เปิดด้วยโปรแกรมอ่าน PDF", "ปิด")
    assert f"{TH_PAGES} หน้า" in text and str(out) in text
    preview = window.files.preview
    assert (preview is not None) == (answer == 0)
    assert printed == ([str(out)] if answer == 1 else [])
    assert window.opened == ([str(out)] if answer == 2 else [])
    if preview is not None:
        assert preview.isVisible() and preview.page_label.text() == f"หน้า ๑ จาก {TH_PAGES}"
        preview.reject()
        assert window.files.preview is None
    assert out.is_file()  # the user's own file is never removed


def test_export_without_asking(window, qtbot, tmp_path):
    window.files.open_pdf_after_export = False
    export_and_wait(window, qtbot, tmp_path / "quiet.pdf")
    assert window.choices == [] and window.files.preview is None


def test_print_preview_from_the_menu_uses_a_temporary_pdf(window, qtbot):
    window.act_preview.trigger()
    qtbot.waitUntil(lambda: window.files.preview is not None, timeout=120_000)
    preview = window.files.preview
    temp = preview.path
    assert temp.is_file() and temp.parent.name.startswith(pdf_job.TEMP_PREFIX)
    assert temp.parent.parent == window.files._temp_dir.parent  # in the temporary folder
    assert preview.page_label.text() == f"หน้า ๑ จาก {TH_PAGES}" and window.choices == []
    preview.next_page()
    assert preview.page_label.text() == f"หน้า ๒ จาก {TH_PAGES}"
    preview.close_button.click()
    assert not temp.exists()  # removed when the preview closes
    folder = temp.parent
    window.close()
    assert not folder.exists()


def test_a_temporary_pdf_sent_to_the_viewer_stays_until_the_window_closes(window, qtbot):
    window.files.preview_pdf()
    qtbot.waitUntil(lambda: window.files.preview is not None, timeout=120_000)
    preview = window.files.preview
    temp = preview.path
    preview.open_button.click()
    assert window.opened == [str(temp)]
    preview.reject()
    assert temp.is_file()  # the PDF viewer is reading it
    window.close()
    assert not temp.exists()


def test_print_from_the_menu_prints_a_temporary_pdf_then_removes_it(window, qtbot, monkeypatch):
    printed = []

    def fake_print(path, parent, **kw):
        printed.append((str(path), path.__class__, len(page_sizes(path))))
        return True

    monkeypatch.setattr(pdf_print, "print_pdf", fake_print)
    window.act_print.trigger()
    qtbot.waitUntil(lambda: bool(printed) and not window.files.pdf_running(), timeout=120_000)
    ((path, _, pages),) = printed
    assert pages == SAMPLE_PAGES and window.choices == []
    assert pdf_job.TEMP_PREFIX in path
    from pathlib import Path

    assert not Path(path).exists()


def test_print_from_the_menu_without_a_printer(window, qtbot, monkeypatch):
    monkeypatch.setattr(pdf_print, "available_printers", lambda: [])
    window.files.print_report()
    qtbot.waitUntil(lambda: bool(window.confirmations) and not window.files.pdf_running(), timeout=120_000)
    assert "ไม่พบเครื่องพิมพ์ในเครื่องนี้" in window.confirmations[-1]
    (opened,) = window.opened  # the user said yes: the PDF opens in the viewer instead
    from pathlib import Path

    assert Path(opened).is_file()  # kept for the viewer until the window closes
    window.close()
    assert not Path(opened).exists()


def test_cancelled_preview_export_leaves_no_temporary_file(window, qtbot):
    window.files.preview_pdf()
    window.files._progress.canceled.emit()
    qtbot.waitUntil(lambda: not window.files.pdf_running(), timeout=120_000)
    assert window.files.pdf_was_cancelled and window.files.preview is None
    assert not [p for p in window.files._temp_dir.iterdir()]


def test_preview_screenshot_from_the_command_line_leaves_no_temporary_file(tmp_path):
    """`main.py FILE --preview-screenshot OUT.png`: export, preview on page 3, PNG; the temporary PDF is gone."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    data = tmp_path / "sample.pipun"
    with ReportStore.create(data) as store:
        store.import_document(read_document(SAMPLE))
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "cfg"),
        PIPUN_DATA_DIR=str(tmp_path / "userdata"),
        TMPDIR=str(temp),
    )
    out = tmp_path / "preview.png"
    run = subprocess.run(
        [sys.executable, "main.py", str(data), "--preview-screenshot", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 600
    dark, box = ink(image, step=4)
    assert dark > 500 and box[2] - box[0] > image.width() * 0.6  # the landscape form table, page 3
    assert list(temp.iterdir()) == []


def test_copies_collated_or_not(qtbot, sample_pdf, tmp_path):
    orders = {}
    for collate in (True, False):
        out = tmp_path / f"copies-{collate}.pdf"
        printer = pdf_printer(out)
        printer.setCopyCount(2)
        printer.setCollateCopies(collate)
        with PdfPages(sample_pdf) as pages:
            pdf_print.print_pages(pages, printer, [1, 2])  # page 2 portrait, page 3 landscape
        orders[collate] = ["L" if w > h else "P" for w, h in page_sizes(out)]
    assert orders == {True: ["P", "L", "P", "L"], False: ["P", "P", "L", "L"]}


def test_a_grey_scale_printer_gets_grey_pages(qtbot, sample_pdf, tmp_path, monkeypatch):
    asked = []
    render = PdfPages.render
    monkeypatch.setattr(
        PdfPages,
        "render",
        lambda self, i, scale, grayscale=False: (
            asked.append((grayscale, scale)) or render(self, i, scale, grayscale)
        ),
    )
    for mode in (QPrinter.ColorMode.GrayScale, QPrinter.ColorMode.Color):
        printer = pdf_printer(tmp_path / "grey.pdf", QPrinter.PrinterMode.HighResolution)
        printer.setColorMode(mode)
        with PdfPages(sample_pdf) as pages:
            pdf_print.print_pages(pages, printer, [0])
    assert [g for g, _ in asked] == [True, False]
    # a 1200-dpi printer gets pages rendered at 300 dpi at most (A4 on A4: scale 300/72)
    assert all(s <= 300 / 72 + 0.01 for _, s in asked) and asked[0][1] > 250 / 72


def test_an_unreadable_pdf_is_reported(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    messages = []
    monkeypatch.setattr(pdf_print, "available_printers", lambda: ["a printer"])
    assert not pdf_print.print_pdf(bad, inform=lambda t, text, warning=False: messages.append(text))
    assert "อ่านไฟล์ PDF ไม่ได้" in messages[0]


def test_window_preview_of_an_unreadable_pdf(window, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    assert window.files.show_preview(bad) is None and window.files.preview is None
    assert "อ่านไฟล์ PDF ไม่ได้" in window.messages[-1]


def test_failed_temporary_export_is_reported_and_removed(window, qtbot, monkeypatch):
    from pipun_desktop.pdf import export

    def fail(organization, report, out_path, **kw):
        open(out_path, "wb").write(b"%PDF-half")
        raise RuntimeError("ดิสก์เต็ม")

    monkeypatch.setattr(export, "export_report_pdf", fail)
    window.files.preview_pdf()
    qtbot.waitUntil(lambda: not window.files.pdf_running(), timeout=120_000)
    assert window.messages == ["ดิสก์เต็ม"] and window.files.preview is None
    assert list(window.files._temp_dir.iterdir()) == []


def test_stale_temporary_folders_are_swept(window, qtbot, tmp_path):
    import os

    old, recent = tmp_path / "tmp" / "pipun-print-old", tmp_path / "tmp" / "pipun-print-recent"
    for folder in (old, recent):
        folder.mkdir()
        (folder / "x.pdf").write_bytes(b"%PDF")
    three_days_ago = time.time() - 3 * 24 * 3600
    os.utime(old, (three_days_ago, three_days_ago))
    window.files.preview_pdf()
    qtbot.waitUntil(lambda: window.files.preview is not None, timeout=120_000)
    assert not old.exists() and recent.exists()  # another window's folder is left alone
    window.files.preview.reject()


def test_enter_in_the_page_box_goes_to_the_page_and_does_not_print(preview, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    monkeypatch.setattr(pdf_print, "print_pdf", lambda *a, **k: pytest.fail("Enter printed"))
    preview.page_box.setFocus()
    preview.page_box.lineEdit().selectAll()
    qtbot.keyClicks(preview.page_box, "12")
    qtbot.keyClick(preview.page_box, Qt.Key.Key_Return)
    assert preview.current == 11 and preview.isVisible()
    assert preview.page_label.text() == f"หน้า ๑๒ จาก {TH_PAGES}"


def test_the_page_cache_is_bounded_in_bytes_at_high_zoom(preview, qtbot):
    from pipun_desktop.ui import pdf_preview

    preview.set_zoom(100.0)  # clamped
    assert preview.zoom() == pdf_preview.MAX_ZOOM
    for i in range(8):
        preview.go_to(i)
        preview.canvas.repaint()
    assert preview.canvas.cached_bytes() <= pdf_preview.CACHE_BYTES
    assert len(preview.canvas.cached_pages()) < 8
