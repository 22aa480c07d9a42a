"""Issue 11, cause 10 (the cap): a field pasted beyond MAX_FIELD_CHARS in the window's form is refused with a
Thai message; the file keeps its value, the field keeps the pasted text for the user to shorten."""

import pytest

pytest.importorskip("PySide6")

from hostile_helpers import make_data_file  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pipun_desktop.core.limits import MAX_FIELD_CHARS  # noqa: E402
from pipun_desktop.storage.store import ReportStore  # noqa: E402
from pipun_desktop.ui.main_window import MainWindow  # noqa: E402
from pipun_desktop.ui.settings import Settings  # noqa: E402


def test_pasting_past_the_cap_is_refused_with_a_thai_message(qtbot, tmp_path):
    data = make_data_file(tmp_path / "org.pipun")
    w = MainWindow(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    w.messages = []
    w.inform = lambda title, text, warning=False: w.messages.append(text)
    qtbot.addWidget(w)
    assert w.files.open_path(data)
    w.show()
    qtbot.waitExposed(w)
    try:
        form = w.item_form
        failures = []
        w.document.write_failed.connect(failures.append)
        form.note.setFocus()
        QApplication.clipboard().setText("ข" * (MAX_FIELD_CHARS + 1))
        qtbot.keyClick(form.note, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert len(form.note.toPlainText()) == MAX_FIELD_CHARS + 1
        qtbot.keyClick(form.note, Qt.Key.Key_Tab)  # leaving the field commits
        qtbot.waitUntil(lambda: bool(failures), timeout=3000)
        assert "เกินที่เก็บได้" in failures[-1] and "100,000" in failures[-1]
        with ReportStore.open(data, read_only=True) as store:
            assert next(store.load_document().reports[0].items()).note == ""
        assert len(form.note.toPlainText()) == MAX_FIELD_CHARS + 1  # kept for the user to shorten
        form.note.setFocus()
        qtbot.keyClick(form.note, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QApplication.clipboard().setText("ข" * MAX_FIELD_CHARS)
        qtbot.keyClick(form.note, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(form.note, Qt.Key.Key_Tab)
        node_id = w.tree.current_node().id
        qtbot.waitUntil(lambda: len(w.document.node_by_id(node_id).note) == MAX_FIELD_CHARS, timeout=3000)
        with ReportStore.open(data, read_only=True) as store:
            assert len(next(store.load_document().reports[0].items()).note) == MAX_FIELD_CHARS
    finally:
        w.document.close()
