"""File > นำเข้าจาก Word/Excel…: read off the GUI thread, the officer sees what was read and confirms or cancels,
the new file opens with the doubtful rows and the disagreeing total marked in the checks panel."""

import pytest

pytest.importorskip("PySide6")

from conftest import SAMPLE  # noqa: E402
from office_docs import office_docx  # noqa: E402
from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog  # noqa: E402

from pipun_desktop.interchange.json_format import read_document  # noqa: E402
from pipun_desktop.ui.main_window import MainWindow  # noqa: E402
from pipun_desktop.ui.office_import import CONFIRM_TEXT, ImportSummaryDialog  # noqa: E402
from pipun_desktop.ui.settings import Settings  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path, sample_data_file):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings)
    w.messages = []
    w.inform = lambda title, text, warning=False: w.messages.append(text)
    qtbot.addWidget(w)
    assert w.files.open_path(sample_data_file)
    w.resize(1366, 768)
    w.show()
    return w


@pytest.fixture
def word_file(tmp_path):
    doc = read_document(SAMPLE)
    return office_docx(doc.reports[0], doc.organization, tmp_path / "office.docx", wrong_total=True)


def answer_dialog(qtbot, button_text, seen, shot=None):
    """When the summary dialog comes up, look at it, then click one of its buttons with the mouse."""

    def poll():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportSummaryDialog):
            QTimer.singleShot(50, poll)
            return
        seen.append(dialog.text.toPlainText())
        if shot:
            dialog.grab().save(str(shot))
        button = next(b for b in dialog.buttons.buttons() if b.text() == button_text)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, poll)


def test_import_confirmed_opens_the_new_file_with_marks(qtbot, window, word_file, tmp_path, monkeypatch):
    target = tmp_path / "imported.pipun"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(word_file), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    seen = []
    answer_dialog(qtbot, CONFIRM_TEXT, seen, shot=tmp_path / "summary.png")
    window.act_import_office.trigger()
    assert window.messages == []
    assert "โครงการ/กิจกรรม/มาตรการ ๖๖" in seen[0]  # shown in the window's digit style
    assert "งบหน่วยงาน มิติที่ ๑ ในเอกสาร ๗๐,๐๐๐ แต่รวมจากรายการได้ ๖๕,๐๐๐ บาท" in seen[0]
    assert target.exists()
    assert window.document.path == target
    panel = window.checks_panel
    panel.refresh()
    imported = [f for f in panel.findings() if f.message.startswith("นำเข้า:")]
    numbers = {f.number for f in imported}
    assert "มิติที่ ๑" in numbers  # the disagreeing total, on its dimension
    assert {"๓.๒.๑ (๒)", "๓.๓.๑ (๒)"} <= numbers  # the two items whose type was guessed
    # the officer goes to a marked row: the tree selects that node
    row = next(i for i, f in enumerate(panel.findings()) if f.number == "๓.๒.๑ (๒)")
    panel.activate_row(row)
    assert window.tree.current_id() == panel.findings()[row].node.id


def test_import_cancelled_writes_nothing(qtbot, window, word_file, tmp_path, monkeypatch):
    target = tmp_path / "never.pipun"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    seen = []
    answer_dialog(qtbot, "ยกเลิก", seen)
    before = window.document.path
    assert window.files.import_office_from(word_file) is False
    assert seen and not target.exists()
    assert window.document.path == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pipun") == ["sample.pipun"]


def test_unreadable_document_says_so_in_thai(qtbot, window, tmp_path):
    bad = tmp_path / "macro.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    assert window.files.import_office_from(bad) is False
    assert len(window.messages) == 1 and "ไม่ใช่ไฟล์ Word" in window.messages[0]
    assert not list(tmp_path.glob("*.pipun*"))[1:]  # only the sample: nothing written


def test_a_plan_asks_for_its_year(qtbot, window, tmp_path, monkeypatch):
    from docx import Document as D

    doc = D()
    doc.add_paragraph("องค์การบริหารส่วนตำบลทดสอบ อำเภอเมือง จังหวัดทดสอบ")
    table = doc.add_table(rows=3, cols=3)
    for r, texts in enumerate(
        [["โครงการ/กิจกรรม/มาตรการ", "ปี 2566", "ปี 2567"], ["มิติที่ 1 ก", "", ""], ["(1) โครงการ ข", "1", "2"]]
    ):
        for i, t in enumerate(texts):
            table.rows[r].cells[i].text = t
    doc.save(tmp_path / "plan.docx")
    asked = []

    def get_item(parent, title, label, items, current, editable):
        asked.append(items)
        return items[1], True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    seen = []
    answer_dialog(qtbot, CONFIRM_TEXT, seen)
    assert window.files.import_office_from(tmp_path / "plan.docx", target=tmp_path / "plan.pipun")
    assert asked == [["ปีงบประมาณ ๒๕๖๖", "ปีงบประมาณ ๒๕๖๗"]]
    assert window.document.report.fiscal_year == 2567
    item = next(window.document.report.items())
    assert item.budget.agency == 200


def test_excel_with_two_form_sheets_asks_which(qtbot, window, tmp_path, monkeypatch):
    """Several worksheets hold a form: the officer picks; the one with the most items is offered first."""
    from office_docs import office_xlsx
    from openpyxl import load_workbook

    doc = read_document(SAMPLE)
    path = office_xlsx(doc.reports[0], doc.organization, tmp_path / "two.xlsx", extra_sheet=False)
    wb = load_workbook(path)
    small = wb.copy_worksheet(wb["แบบรายงาน"])
    small.title = "ฉบับย่อ"
    for row in range(small.max_row, 20, -1):
        small.delete_rows(row)
    wb.save(path)
    offered = []

    def get_item(parent, title, label, items, current, editable):
        offered.append(list(items))
        return "ฉบับย่อ", True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    seen = []
    answer_dialog(qtbot, CONFIRM_TEXT, seen)
    assert window.files.import_office_from(path, target=tmp_path / "two.pipun")
    assert offered == [["แบบรายงาน", "ฉบับย่อ"]]
    assert "แผ่นงาน ฉบับย่อ" in seen[0]
    assert 0 < sum(1 for _ in window.document.report.items()) < 66
