"""Run by test_print_cups.py in its own process (CUPS_SERVER names the private daemon): print a PDF through the
program's own path (ui.pdf_print.print_pdf) with Qt's real print dialog, answered as a person would: pick the
queue, choose "Pages", type the ranges, press OK. Writes JSON: whether printing succeeded and which pages
(0-based) were rendered.

usage: print_through_dialog.py PDF QUEUE RANGES OUT.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtPrintSupport import QPrintDialog  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QRadioButton,
)

from pipun_desktop.ui import pdf_pages, pdf_print  # noqa: E402
from pipun_desktop.ui.qt_thai import install_qt_thai  # noqa: E402


def main() -> int:
    pdf, queue, ranges, out = sys.argv[1:5]
    app = QApplication([sys.argv[0]])
    install_qt_thai(app)
    rendered: list[int] = []
    render = pdf_pages.PdfPages.render

    def recording_render(self, index, scale, grayscale=False):
        rendered.append(index)
        return render(self, index, scale, grayscale)

    pdf_pages.PdfPages.render = recording_render
    problems: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(50, answer)
            return
        printers = dialog.findChild(QComboBox, "printers")
        index = printers.findText(queue)
        if index < 0:
            problems.append(
                f"queue {queue} not offered: {[printers.itemText(i) for i in range(printers.count())]}"
            )
            dialog.reject()
            return
        printers.setCurrentIndex(index)
        QApplication.processEvents()
        dialog.findChild(QRadioButton, "pagesRadioButton").setChecked(True)
        line = dialog.findChild(QLineEdit, "pagesLineEdit")
        line.setEnabled(True)
        line.clear()
        QTest.keyClicks(line, ranges)
        box = dialog.findChild(QDialogButtonBox)
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(100, answer)
    messages: list[str] = []
    ok = pdf_print.print_pdf(
        pdf,
        None,
        confirm=lambda title, text: messages.append(text) or False,
        inform=lambda title, text, warning=False: messages.append(text),
    )
    Path(out).write_text(
        json.dumps({"ok": ok, "rendered": rendered, "problems": problems, "messages": messages}),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
