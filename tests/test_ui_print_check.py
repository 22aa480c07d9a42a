"""Check before printing (issue 13.5): export, preview and print list the check errors and ask whether to
go on; warnings never stop them. Driven with real keys and clicks on the real question box."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from pipun_desktop.core.model import Budget, Document, Heading, Item, Organization, Report  # noqa: E402
from pipun_desktop.storage.store import ReportStore  # noqa: E402
from pipun_desktop.ui import file_actions, pdf_job, print_check  # noqa: E402
from pipun_desktop.ui.main_window import MainWindow  # noqa: E402
from pipun_desktop.ui.settings import Settings  # noqa: E402


def small_report(with_error: bool) -> Report:
    items = [
        Item(
            title="โครงการที่ดี",
            indicator="ก",
            target="ข",
            result="ค",
            status="done",
            budget=Budget(None, 100, 50),
        ),
        Item(
            title="โครงการที่เบิกเกิน",
            indicator="",  # a warning
            target="ข",
            result="ค",
            status="done",
            budget=Budget(None, None, 1_230_000 if with_error else None),
        ),
    ]
    return Report(2567, 6, tree=[Heading("มิติที่หนึ่ง", items)])


def open_window(qtbot, tmp_path, with_error: bool):
    data = tmp_path / "r.pipun"
    with ReportStore.create(data) as store:
        store.import_document(Document(Organization("อบต.ทดสอบ", "เมือง", "ภูเก็ต"), [small_report(with_error)]))
    w = MainWindow(Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(w)
    assert w.files.open_path(data)
    w.files.open_pdf_after_export = False
    w.show()
    qtbot.waitExposed(w)
    return w


def answer_box(button_text: str, seen: list):
    """When the question box comes up: note its text, then click one of its buttons with the mouse."""

    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == button_text]
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


@pytest.fixture
def save_dialog(monkeypatch, tmp_path):
    asked = []
    out = tmp_path / "out.pdf"

    def fake(*args, **kw):
        asked.append(args)
        return str(out), ""

    monkeypatch.setattr(file_actions.QFileDialog, "getSaveFileName", fake)
    return asked, out


def test_export_lists_the_errors_and_going_back_exports_nothing(qtbot, tmp_path, save_dialog):
    asked, out = save_dialog
    w = open_window(qtbot, tmp_path, with_error=True)
    seen = []
    answer_box(print_check.BACK, seen)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)
    target = QApplication.focusWidget() or w
    QTest.keyClick(target, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # ส่งออก PDF… (Ctrl+E)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "ผลเบิกจ่าย ๑๒,๓๐๐ บาท เกินงบประมาณ ๐ บาท" in seen[0]
    assert "ข้อผิดพลาด ๑ รายการ" in seen[0]
    assert "ตัวชี้วัด" not in seen[0]  # warnings are not listed
    assert asked == [] and not w.files.pdf_running() and not out.exists()
    w.close()


def test_export_goes_on_when_the_officer_says_so(qtbot, tmp_path, save_dialog):
    asked, out = save_dialog
    w = open_window(qtbot, tmp_path, with_error=True)
    seen = []
    answer_box(print_check.GO_ON["export"], seen)
    w.act_export_pdf.trigger()
    qtbot.waitUntil(lambda: bool(seen) and not w.files.pdf_running(), timeout=60_000)
    assert len(asked) == 1
    qtbot.waitUntil(out.exists, timeout=60_000)
    assert out.read_bytes().startswith(b"%PDF")
    w.close()


@pytest.mark.parametrize("action", ["preview", "print"])
def test_preview_and_print_ask_first(qtbot, tmp_path, action, monkeypatch):
    w = open_window(qtbot, tmp_path, with_error=True)
    started = []
    monkeypatch.setattr(w.files, "start_pdf", lambda path, after="ask": started.append(after))
    seen = []
    answer_box(print_check.BACK, seen)
    (w.act_preview if action == "preview" else w.act_print).trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert print_check.DOING[action] in seen[0]
    assert started == []
    answer_box(print_check.GO_ON[action], seen)
    (w.act_preview if action == "preview" else w.act_print).trigger()
    qtbot.waitUntil(lambda: bool(started), timeout=5000)
    assert started == [pdf_job.AFTER_PREVIEW if action == "preview" else pdf_job.AFTER_PRINT]
    w.close()


def test_warnings_alone_never_ask(qtbot, tmp_path, save_dialog):
    asked, out = save_dialog
    w = open_window(qtbot, tmp_path, with_error=False)
    w.act_export_pdf.trigger()  # no box: the save dialog comes at once
    assert len(asked) == 1
    qtbot.waitUntil(lambda: not w.files.pdf_running(), timeout=60_000)
    assert out.exists()
    w.close()


def test_the_list_is_bounded():
    report = small_report(True)
    report.tree[0].children += [Item(title="", status="done", result="ค") for _ in range(30)]
    text = print_check.errors_text(report, "thai", "export")
    assert text.count("• ") == print_check.SHOWN and "และอีก" in text
