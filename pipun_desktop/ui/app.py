"""`python main.py [FILE] [--report YEAR-ROUND] [--screenshot OUT.png | --preview-screenshot OUT.png]`: the window.

Without FILE the last file is reopened; on the very first run a copy of the bundled sample is made in the
user's data folder and opened. `--screenshot` lays the window out at 1366×768 with the first item selected,
writes the PNG and exits (for the README, for looking at the window without a screen, and for timing start-up).
`--preview-screenshot` does the same with the print preview of the report (File > ตัวอย่างก่อนพิมพ์…) on its
third page: the whole export and pdfium's rendering, headless (the build test runs it in the built program).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

SCREEN_SIZE = (1366, 768)
# what a title bar and borders take before the window system says (Windows 10/11 at 100 %: 31 + 8 px)
GUESSED_FRAME = (8, 31, 8, 8)  # left, top, right, bottom


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="main.py", description="โปรแกรมรายงานผลการดำเนินการป้องกันการทุจริต")
    p.add_argument("file", nargs="?", metavar="FILE", help="ไฟล์รายงาน (.pipun) หรือไฟล์ JSON")
    p.add_argument("--report", metavar="YEAR-ROUND", help="รายงานที่จะแสดง เช่น 2564-6")
    p.add_argument("--screenshot", metavar="OUT.png", help="บันทึกภาพหน้าต่างขนาด 1366×768 แล้วออก")
    p.add_argument("--preview-screenshot", metavar="OUT.png", help="บันทึกภาพหน้าต่างตัวอย่างก่อนพิมพ์แล้วออก")
    return p.parse_args(argv)


def set_up_application(app) -> None:
    """Names as the window system shows them: the display name is the program's name, which Qt appends to
    every window title ("FILE.pipun — รายงานผลการดำเนินการป้องกันการทุจริต"), so windows name only their file."""
    from .main_window import WINDOW_TITLE
    from .settings import APPLICATION, ORGANIZATION

    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(WINDOW_TITLE)


def first_geometry(available, frame: tuple[int, int, int, int] = GUESSED_FRAME):
    """The window's first geometry (client area, a QRect): at most 1366×768, and with its frame inside the
    screen's `available` area (the screen less taskbars and docks), centred there."""
    from PySide6.QtCore import QRect

    left, top, right, bottom = frame
    width = min(SCREEN_SIZE[0], available.width() - left - right)
    height = min(SCREEN_SIZE[1], available.height() - top - bottom)
    x = available.x() + left + (available.width() - left - right - width) // 2
    y = available.y() + top + (available.height() - top - bottom - height) // 2
    return QRect(x, y, width, height)


def fit_on_screen(window) -> None:
    """Once shown (the frame is known then): shrink and move the window until its frame is inside the available
    area of its screen, so the status bar (totals, messages) is never below the taskbar."""
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    outer, inner = window.frameGeometry(), window.geometry()
    frame = (
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        outer.right() - inner.right(),
        outer.bottom() - inner.bottom(),
    )
    if available.contains(outer):
        return
    target = first_geometry(available, frame)
    if inner.width() <= target.width() and inner.height() <= target.height():
        # it fits, only placed across an edge: move it in whole
        target.setSize(inner.size())
    window.setGeometry(target)


def run_gui(argv: list[str], on_shown: Callable[[object], None] | None = None) -> int:
    """The window (`on_shown(window)`, for tests, once the window is shown and placed)."""
    args = parse_args(argv)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .fonts import load_app_font
    from .main_window import MainWindow
    from .qt_thai import install_qt_thai
    from .settings import Settings

    app = QApplication.instance() or QApplication([sys.argv[0]])
    set_up_application(app)
    # Qt's own texts (context menus, dialog buttons, Qt's dialogs, key names) in Thai; Thai default locale
    if not install_qt_thai(app):
        print("โหลดคำแปลภาษาไทยของ Qt ไม่ได้ ข้อความมาตรฐานของ Qt จะเป็นภาษาอังกฤษ", file=sys.stderr)
    _family, font_warning = load_app_font(app)
    settings = Settings()
    window = MainWindow(settings)
    shot = args.screenshot or args.preview_screenshot
    if shot:  # no one to answer a dialog: messages go to stderr
        window.inform = lambda title, text, warning=False: print(f"{title}: {text}", file=sys.stderr)
        window.confirm = lambda title, text: False
        if font_warning:
            print(font_warning, file=sys.stderr)

    path = _choose_file(args.file, settings)
    if path is None or not window.files.open_path(path, args.report):
        if shot:
            return 1
    if args.screenshot:
        return _screenshot(app, window, args.screenshot)
    if args.preview_screenshot:
        return _preview_screenshot(app, window, args.preview_screenshot)

    geometry = settings.get("geometry")
    if geometry.isEmpty() or not window.restoreGeometry(geometry):
        screen = app.primaryScreen()
        if screen is not None:
            window.setGeometry(first_geometry(screen.availableGeometry()))
        else:
            window.resize(*SCREEN_SIZE)
    splitter = settings.get("splitter")
    if not splitter.isEmpty():
        window.splitter.restoreState(splitter)
    window.show()
    # the window system decorates the window after show: check the frame then (and once more, late WMs)
    QTimer.singleShot(0, lambda: fit_on_screen(window))
    QTimer.singleShot(400, lambda: fit_on_screen(window))
    if on_shown is not None:
        QTimer.singleShot(800, lambda: on_shown(window))
    if font_warning:
        QTimer.singleShot(0, lambda: window.inform("ฟอนต์", font_warning, warning=True))
    return app.exec()


def _choose_file(arg: str | None, settings) -> Path | None:
    if arg:
        return Path(arg)
    last = settings.get("last_file")
    if last and Path(last).exists():
        return Path(last)
    from .data_files import first_run_file

    try:
        return first_run_file()
    except Exception as exc:  # a data folder we can't write: start empty, say why
        print(f"สร้างไฟล์ตัวอย่างไม่ได้: {exc}", file=sys.stderr)
        return None


def _screenshot(app, window, out: str) -> int:
    """Lay out at 1366×768 with the first item selected, write OUT.png, exit."""
    window.resize(*SCREEN_SIZE)
    window.setGeometry(0, 0, *SCREEN_SIZE)
    window.show()
    window.tree.select_first_item()
    app.processEvents()
    window._show_totals()
    app.processEvents()
    image = window.grab()
    ok = image.save(out)
    window.close()
    return 0 if ok else 1


def _preview_screenshot(app, window, out: str) -> int:
    """Export the report to a temporary PDF (the worker, as from the menu), open the preview on page 3, write
    OUT.png, exit."""
    from PySide6.QtCore import QEventLoop, QTimer

    window.files.preview_pdf()
    if window.files.pdf_running():
        loop = QEventLoop()
        window.files._thread.finished.connect(loop.quit)
        QTimer.singleShot(300_000, loop.quit)
        loop.exec()
    app.processEvents()
    preview = window.files.preview
    if preview is None:
        window.close()
        return 1
    preview.resize(1000, 760)
    app.processEvents()
    preview.go_to(2)
    app.processEvents()
    ok = preview.grab().save(out)
    preview.reject()
    window.close()
    return 0 if ok else 1
