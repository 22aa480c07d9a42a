"""File > ส่งออก Word…, ส่งออก Excel… in the window: in a worker, what was just typed included, a clear
message instead of writing over the data file, Cancel writes nothing."""

import zipfile

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QEvent, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog  # noqa: E402

from pipun_desktop.ui.main_window import MainWindow  # noqa: E402
from pipun_desktop.ui.settings import Settings  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path, sample_data_file):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings)
    w.messages = []
    w.inform = lambda title, text, warning=False: w.messages.append((title, text))
    qtbot.addWidget(w)
    assert w.files.open_path(sample_data_file)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    if w.document is not None:
        w.document.close()


def _file_menu_action(window, text):
    menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in menu.actions()]
    assert text in texts
    return next(a for a in menu.actions() if a.text() == text), texts


def _save_as(monkeypatch, path, calls=None):
    def fake(parent, title, start, file_filter):
        if calls is not None:
            calls.append((title, start, file_filter))
        return str(path), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))


def _docx_text(path):
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_menu_entries_follow_export_pdf(window):
    _, texts = _file_menu_action(window, "ส่งออก Word…")
    i = texts.index("ส่งออก PDF…")
    assert texts[i + 1 : i + 3] == ["ส่งออก Word…", "ส่งออก Excel…"]
    assert window.act_export_docx.isEnabled() and window.act_export_xlsx.isEnabled()


def test_export_word_includes_what_was_just_typed(window, qtbot, tmp_path, monkeypatch):
    form = window.item_form
    form.indicator.setFocus()
    form.indicator.selectAll()
    for ch in "ตัวชี้วัดที่พิมพ์ก่อนส่งออก":
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(form.indicator, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    calls = []
    _save_as(monkeypatch, tmp_path / "out", calls)  # no suffix typed: .docx is added
    action, _ = _file_menu_action(window, "ส่งออก Word…")
    action.trigger()  # at once, before the field's own commit timer
    assert (
        calls and calls[0][0] == "ส่งออก Word" and calls[0][1].endswith("รายงานป้องกันการทุจริต-2564-6เดือน.docx")
    )
    qtbot.waitUntil(lambda: not window.office.running(), timeout=60_000)
    out = tmp_path / "out.docx"
    assert window.office.last_path == str(out) and window.messages == []
    assert "ตัวชี้วัดที่พิมพ์ก่อนส่งออก" in _docx_text(out)
    assert "ส่งออก Word แล้ว" in window.statusBar().currentMessage()


def test_export_excel(window, qtbot, tmp_path, monkeypatch):
    import openpyxl

    _save_as(monkeypatch, tmp_path / "table.xlsx")
    window.act_export_xlsx.trigger()
    qtbot.waitUntil(lambda: not window.office.running(), timeout=60_000)
    wb = openpyxl.load_workbook(tmp_path / "table.xlsx")
    assert wb.sheetnames == ["แบบรายงาน", "สรุป"]


def test_never_over_the_open_data_file(window, qtbot, sample_data_file, monkeypatch):
    before = sample_data_file.read_bytes()
    renamed = sample_data_file.with_suffix(".docx")
    renamed.write_bytes(before)
    _save_as(monkeypatch, renamed)
    window.act_export_docx.trigger()
    qtbot.waitUntil(lambda: not window.office.running(), timeout=60_000)
    assert window.messages and window.messages[0][0] == "ส่งออก Word ไม่ได้"
    assert "ไม่เขียนทับ" in window.messages[0][1]
    assert renamed.read_bytes() == before


def test_cancel_writes_nothing(window, qtbot, tmp_path):
    out = tmp_path / "cancelled.docx"
    window.office.start("docx", str(out))
    window.office._progress.canceled.emit()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: not window.office.running(), timeout=60_000)
    assert window.office.was_cancelled and not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".cancelled")] == []
