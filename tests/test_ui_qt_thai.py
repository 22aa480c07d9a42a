"""Qt's own texts in Thai (ui/qt_thai.py, resources/translations/qtbase_th.ts → .qm), installed by the same
function the program calls at start-up (tests/conftest.py's qapp)."""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
)

from pipun_desktop.ui import qt_thai

TS = ROOT / "resources" / "translations" / "qtbase_th.ts"
QM = ROOT / "resources" / "translations" / "qtbase_th.qm"
THAI = re.compile(r"[\u0e00-\u0e7f]")
LATIN = re.compile(r"[A-Za-z]")


def _messages():
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            yield name, m.findtext("source"), m.findtext("translation")


def _label(action_text: str) -> str:
    """An action's text without its shortcut ("&คัดลอก\tCtrl+C" → "&คัดลอก")."""
    return action_text.split("\t", 1)[0]


def test_the_program_installs_a_thai_translation_of_qts_own_texts(qapp):
    assert qt_thai.install_qt_thai(qapp)  # already installed by the fixture: still true, nothing doubled
    assert QCoreApplication.translate("QLineEdit", "&Copy") == "&คัดลอก"
    assert QCoreApplication.translate("QWidgetTextControl", "Select All") == "เลือกทั้งหมด"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "ยกเลิก"
    assert QCoreApplication.translate("QPrintPreviewDialog", "Print Preview") == "ตัวอย่างก่อนพิมพ์"
    assert QLocale().language() == QLocale.Language.Thai
    assert QLocale().monthName(4) == "เมษายน"


def test_the_translation_file_is_found_from_the_bundle_folder():
    assert qt_thai.QT_TRANSLATION == ROOT / "resources" / "translations" / "qtbase_th.qm"
    assert qt_thai.QT_TRANSLATION.is_file()
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '"translations"' in spec and "qtbase_th.qm" in spec  # shipped in the built program


@pytest.mark.parametrize("make", [QLineEdit, QPlainTextEdit, QTextEdit])
def test_the_context_menu_of_text_fields_is_thai(qapp, make):
    w = make()
    (w.setText if isinstance(w, QLineEdit) else w.setPlainText)("ข้อความ")
    if not isinstance(w, QLineEdit):
        w.selectAll()
    menu = w.createStandardContextMenu()
    labels = [_label(a.text()) for a in menu.actions() if not a.isSeparator()]
    assert len(labels) >= 7
    assert all(THAI.search(t) and not LATIN.search(t) for t in labels), labels
    assert {"&เลิกทำ", "&ทำซ้ำ", "&ตัด", "&คัดลอก", "&วาง", "ลบ", "เลือกทั้งหมด"} <= set(labels)
    # the shortcut keeps the key names printed on the keyboard
    assert any(a.text().endswith("\tCtrl+C") for a in menu.actions())
    menu.deleteLater()
    w.deleteLater()


def test_the_spin_box_context_menu_is_thai(qapp):
    box = QSpinBox()
    box.lineEdit().setText("5")
    menu = box.lineEdit().createStandardContextMenu()
    labels = [_label(a.text()) for a in menu.actions() if not a.isSeparator()]
    assert labels and all(THAI.search(t) and not LATIN.search(t) for t in labels), labels
    assert QCoreApplication.translate("QAbstractSpinBox", "&Step up") == "เ&พิ่มขึ้น"
    menu.deleteLater()


def test_message_box_standard_buttons_are_thai(qapp):
    B = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "ยืนยัน", "ลบรายการนี้หรือไม่", B.Yes | B.No | B.Ok | B.Cancel)
    assert {box.button(b).text() for b in (B.Yes, B.No, B.Ok, B.Cancel)} == {"&ใช่", "&ไม่ใช่", "ตกลง", "ยกเลิก"}
    box.setStandardButtons(
        B.Save | B.Discard | B.Close | B.Retry | B.Ignore | B.Abort | B.YesToAll | B.NoToAll
    )
    texts = [b.text() for b in box.buttons()]
    assert all(THAI.search(t) and not LATIN.search(t) for t in texts), texts
    box.deleteLater()


def test_dialog_button_box_standard_buttons_are_thai(qapp):
    B = QDialogButtonBox.StandardButton
    every = (
        B.Ok
        | B.Cancel
        | B.Save
        | B.SaveAll
        | B.Open
        | B.Close
        | B.Discard
        | B.Apply
        | B.Reset
        | B.RestoreDefaults
        | B.Help
        | B.Yes
        | B.No
    )
    box = QDialogButtonBox(every)
    texts = [b.text() for b in box.buttons()]
    assert len(texts) == 13
    assert all(THAI.search(t) and not LATIN.search(t) for t in texts), texts
    assert box.button(B.Ok).text() == "ตกลง" and box.button(B.Cancel).text() == "ยกเลิก"
    box.deleteLater()


def test_undo_texts_and_key_names_are_thai(qapp):
    stack = QUndoStack()
    undo = stack.createUndoAction(None)
    assert _label(undo.text()) == "เลิกทำ"
    native = QKeySequence.SequenceFormat.NativeText
    assert QKeySequence("Ctrl+Up").toString(native) == "Ctrl+ลูกศรขึ้น"
    assert QKeySequence("Ctrl+Return").toString(native) == "Ctrl+Enter"
    assert QKeySequence("Ctrl+Shift+Z").toString(native) == "Ctrl+Shift+Z"  # as on the key caps
    assert QKeySequence("Ctrl+Up").toString() == "Ctrl+Up"  # the portable form (settings, code) is untouched


def test_calendars_name_months_and_days_in_thai(qapp):
    cal = QCalendarWidget()  # any calendar made after start-up takes the Thai default locale
    assert cal.locale().language() == QLocale.Language.Thai
    assert cal.locale().monthName(1) == "มกราคม" and cal.locale().dayName(7) == "วันอาทิตย์"
    assert QLocale().toString(1234567) == "1,234,567"  # numbers unchanged (Arabic digits, comma groups)
    cal.deleteLater()


def test_qts_own_file_dialog_is_thai(qapp, tmp_path):
    dialog = QFileDialog(None, "เปิดไฟล์", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "ค้&นหาใน:"
    assert dialog.labelText(QFileDialog.DialogLabel.FileName) == "&ชื่อไฟล์:"
    assert dialog.labelText(QFileDialog.DialogLabel.Accept) == "&เปิด"
    assert dialog.labelText(QFileDialog.DialogLabel.Reject) == "ยกเลิก"
    dialog.deleteLater()


def test_every_message_of_the_ts_is_in_the_committed_qm():
    translator = QTranslator()
    assert translator.load(str(QM))
    messages = list(_messages())
    assert len(messages) > 400
    for context, source, translation in messages:
        assert translation and translator.translate(context, source) == translation, (context, source)
    # mnemonics stay where Qt has them, and %1-style arguments are all kept
    for context, source, translation in messages:
        assert ("&" in source.replace("&&", "")) == ("&" in translation.replace("&&", "")), (context, source)
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", translation)), (
            context,
            source,
        )


def test_the_committed_qm_is_what_lrelease_makes_of_the_ts(tmp_path):
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(ROOT / ".venv" / "bin"))) or shutil.which(
        "pyside6-lrelease"
    )
    if not lrelease:
        pytest.skip("pyside6-lrelease is not installed")
    out = tmp_path / "qtbase_th.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(out)], check=True, capture_output=True, timeout=60)
    assert out.read_bytes() == QM.read_bytes(), (
        "rebuild resources/translations/qtbase_th.qm (see the .ts header)"
    )
