"""The papers in the window: the memo's fields entered once on the report page (typed, undone), the drafted body
made editable, and File > เอกสารประกอบ… previewing, printing and saving the memo and the web form through the
report's own preview and print path."""

from __future__ import annotations

import subprocess

import pytest

pytest.importorskip("PySide6")

import test_ui_preview  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from test_ui_window import type_text  # noqa: E402

from pipun_desktop.storage.store import ReportStore  # noqa: E402
from pipun_desktop.ui import pdf_print  # noqa: E402
from pipun_desktop.ui.papers_dialog import PapersDialog  # noqa: E402

window = test_ui_preview.window  # the window on the sample with a private temporary folder


def stored_papers(window):
    with ReportStore.open(window.document.path, read_only=True) as store:
        return store.load_report(store.reports()[0].id).papers


def type_into(qtbot, edit, text):
    edit.setFocus()
    type_text(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def test_memo_fields_typed_on_the_report_page_are_stored_and_undone(window, qtbot, tmp_path):
    form = window.report_form
    window.tabs.setCurrentWidget(form)
    type_into(qtbot, form.division, "สำนักปลัด อบต.พิปูน")
    type_into(qtbot, form.document_number, "นศ ๗๓๘๐๑/๙๙")
    type_into(qtbot, form.executive_position, "นายกองค์การบริหารส่วนตำบลพิปูน")
    papers = stored_papers(window)
    assert papers.division == "สำนักปลัด อบต.พิปูน"
    assert papers.document_number == "นศ ๗๓๘๐๑/๙๙"
    assert papers.executive_position == "นายกองค์การบริหารส่วนตำบลพิปูน"
    # the drafted body follows the report until the officer unticks it to write their own
    assert form.memo_default.isChecked() and form.memo_edit.isReadOnly()
    assert "ได้เสร็จสิ้นแล้ว" in form.memo_edit.toPlainText()
    QTest.mouseClick(form.memo_default, Qt.MouseButton.LeftButton)
    assert not form.memo_edit.isReadOnly()
    draft = stored_papers(window).memo_body
    assert draft is not None and "ได้เสร็จสิ้นแล้ว" in draft
    form.memo_edit.moveCursor(form.memo_edit.textCursor().MoveOperation.End)
    type_text(form.memo_edit, "\nเพิ่มเติมโดยผู้รายงาน")
    form.flush()
    assert stored_papers(window).memo_body.endswith("เพิ่มเติมโดยผู้รายงาน")
    # Ctrl+Z in the window, step by step
    for _ in range(2):  # the typed addition, then the untick
        QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_papers(window).memo_body is None
    assert form.memo_default.isChecked()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_papers(window).executive_position == ""
    window.resize(1366, 900)
    group = form.division.parentWidget()
    form.scroll_area.ensureWidgetVisible(group)
    qtbot.waitUntil(lambda: group.width() > 500)
    group.grab().save(str(tmp_path / "report-form.png"))


def _click_in_dialog(action, document="memo"):
    def click():
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, PapersDialog) and w.isVisible()
        )
        dialog.radios[document].click()
        dialog.buttons[action].click()

    QTimer.singleShot(50, click)


@pytest.mark.parametrize("document, heading", [("memo", "บันทึกข้อความ"), ("web-form", "แบบฟอร์มการขอเผยแพร่")])
def test_papers_menu_previews_through_the_reports_preview(window, qtbot, document, heading):
    window.report_form.division.setFocus()
    type_text(window.report_form.division, "กองคลัง <ทดสอบ> & ครบ")  # typed, no pause, no Enter
    file_menu = window.menuBar().actions()[0].menu()
    assert "เอกสารประกอบ…" in [a.text() for a in file_menu.actions()]
    _click_in_dialog("preview", document)
    window.act_papers.trigger()
    qtbot.waitUntil(lambda: window.files.preview is not None, timeout=60_000)
    preview = window.files.preview
    assert preview.page_label.text() == "หน้า ๑ จาก ๑"
    text = subprocess.run(["pdftotext", str(preview.path), "-"], capture_output=True, text=True).stdout
    assert heading in text
    if document == "memo":
        assert "กองคลัง <ทดสอบ> & ครบ" in text  # typed, not yet committed: flushed before the export
    preview.close_button.click()


def test_papers_menu_prints_and_saves(window, qtbot, tmp_path, monkeypatch):
    printed = []
    monkeypatch.setattr(pdf_print, "print_pdf", lambda path, parent, **kw: printed.append(str(path)) or True)
    _click_in_dialog("print", "web-form")
    window.act_papers.trigger()
    qtbot.waitUntil(lambda: bool(printed) and not window.files.pdf_running(), timeout=60_000)
    assert len(printed) == 1
    window.files.open_pdf_after_export = False
    out = tmp_path / "memo.pdf"
    window.files.make_paper("memo", "save", str(out))
    qtbot.waitUntil(lambda: not window.files.pdf_running(), timeout=60_000)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "บันทึกข้อความ" in text and "ความเห็น/คำสั่งของผู้บริหาร" in text
