"""The first ten minutes in the window (issue 13, points 10-16): the first window fits the screen, amount fields
stay still under an error line, the new-file dialog proposes this fiscal year, the new-round dialog says what it
carries over, one copy of the program's name in the title, the sample says it is one and leads to one's own
report, and an empty window says what can be done."""

import datetime as dt
import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from conftest import SAMPLE  # noqa: E402
from PySide6.QtCore import QEvent, QRect, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox  # noqa: E402

from pipun_desktop.interchange.json_format import read_document  # noqa: E402
from pipun_desktop.storage.store import ReportStore  # noqa: E402
from pipun_desktop.ui import app as app_module  # noqa: E402
from pipun_desktop.ui.data_files import SAMPLE_FILE_NAME, first_run_file  # noqa: E402
from pipun_desktop.ui.main_window import WINDOW_TITLE, MainWindow  # noqa: E402
from pipun_desktop.ui.settings import Settings  # noqa: E402

SHOTS = Path(os.environ.get("PIPUN_SHOTS", "/tmp/pipun-shots"))


def shot(widget, name):
    """Screens changed here are saved for looking at (PIPUN_SHOTS, default /tmp/pipun-shots)."""
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))
    except OSError:
        pass


def make_window(qtbot, tmp_path, path=None):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings)
    w.confirmations, w.messages = [], []
    w.confirm = lambda title, text: w.confirmations.append(text) or True
    w.inform = lambda title, text, warning=False: w.messages.append(text)
    qtbot.addWidget(w)
    if path is not None:
        assert w.files.open_path(path)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def data_file(tmp_path):
    path = tmp_path / "sample.pipun"
    with ReportStore.create(path) as store:
        store.import_document(read_document(SAMPLE))
    return path


@pytest.fixture
def window(qtbot, tmp_path, data_file):
    w = make_window(qtbot, tmp_path, data_file)
    yield w
    w.close()


def type_text(widget, text):
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def answer_dialog(qtbot, then, action):
    """Run `action` (which opens a modal dialog); `then(dialog)` inspects it and closes it."""
    seen = []

    def look():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        seen.append(dialog)
        then(dialog)

    QTimer.singleShot(0, look)
    action()
    assert seen, "no dialog opened"
    return seen[0]


# -- 10: the first window fits the available screen area ---------------------------------------------------
def test_first_geometry_keeps_the_frame_inside_a_small_screen():
    available = QRect(0, 0, 1366, 728)  # a 1366×768 screen less a 40-pixel taskbar
    g = app_module.first_geometry(available, (8, 31, 8, 8))
    assert g.top() - 31 >= 0 and g.bottom() + 8 <= available.bottom()
    assert g.left() - 8 >= 0 and g.right() + 8 <= available.right()
    assert g.height() == 728 - 31 - 8  # as tall as it can be: 689
    big = app_module.first_geometry(QRect(0, 0, 1920, 1040))
    assert (big.width(), big.height()) == app_module.SCREEN_SIZE  # a larger screen: 1366×768, centred
    assert big.x() > 200 and big.y() > 100


def test_the_first_window_fits_the_screen_it_opens_on(qtbot, tmp_path, data_file, monkeypatch):
    """run_gui with no saved geometry, on the offscreen screen (800×800): the whole window is on it."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    placed = []

    def shown(window):
        placed.append((QRect(window.frameGeometry()), window.screen().availableGeometry()))
        window.close()

    monkeypatch.setattr(QApplication, "exec", lambda *a: QTest.qWait(1200) or 0)
    assert app_module.run_gui([str(data_file)], on_shown=shown) == 0
    assert placed
    frame, available = placed[0]
    assert available.contains(frame), (frame, available)


def test_a_window_placed_across_the_screen_edge_is_brought_back(window, qtbot):
    available = window.screen().availableGeometry()
    window.setGeometry(available.x() + 100, available.y() + 100, available.width(), available.height())
    app_module.fit_on_screen(window)
    assert available.contains(window.frameGeometry())


# -- 11: amount fields keep still when an error line shows -------------------------------------------------
def test_amount_fields_keep_their_places_when_an_error_shows(window, qtbot):
    form = window.item_form
    window.tree.select_first_item()
    lines = [form.amounts[f].line for f in ("integrated", "agency", "disbursed")]
    qtbot.waitUntil(lambda: all(line.isVisible() for line in lines))

    def places():
        QApplication.processEvents()
        return [QRect(line.mapTo(window, line.rect().topLeft()), line.size()) for line in lines] + [
            QRect(
                form.approaches[0].mapTo(window, form.approaches[0].rect().topLeft()),
                form.approaches[0].size(),
            )
        ]

    before = places()
    widths = {r.width() for r in before[:3]}
    assert max(widths) - min(widths) <= 2  # three equal columns
    edit = form.amounts["agency"]
    edit.line.setFocus()
    edit.line.selectAll()
    type_text(edit.line, "12abc")
    QTest.keyClick(edit.line, Qt.Key.Key_Return)
    assert not edit.is_valid() and edit.error.isVisible()
    shot(window, "amount-error")
    assert places() == before  # no field moved or changed width, nothing below jumped
    edit.line.selectAll()
    type_text(edit.line, "500")
    QTest.keyClick(edit.line, Qt.Key.Key_Return)
    assert edit.is_valid() and places() == before


# -- 12: the new-file dialog proposes the current fiscal year ----------------------------------------------
@pytest.mark.parametrize(("today", "year"), [(dt.date(2026, 9, 30), 2569), (dt.date(2026, 10, 1), 2570)])
def test_new_file_dialog_proposes_this_fiscal_year(window, qtbot, monkeypatch, today, year):
    monkeypatch.setattr(window.files, "today", lambda: today)
    proposed = []

    def look(dialog):
        proposed.append(dialog.year.value())
        dialog.reject()

    answer_dialog(qtbot, look, window.act_new.trigger)  # Ctrl+N, whatever year the open file has (2564)
    assert proposed == [year]


# -- 14: the program's name once in the title --------------------------------------------------------------
def shown_title(window):
    """The title as Qt's xcb and Windows plugins show it (QPlatformWindow::formatWindowTitle)."""
    title, name = window.windowTitle(), QApplication.applicationDisplayName()
    if name and not title.endswith(name):
        return f"{title} — {name}" if title else name
    return title or QApplication.applicationName()


def test_the_title_names_the_program_once(window, qapp):
    old = qapp.applicationDisplayName()
    try:
        app_module.set_up_application(qapp)
        window._report_switched()
        title = shown_title(window)
        assert title == f"sample.pipun — {WINDOW_TITLE}"
        assert title.count("ป้องกันการทุจริต") == 1
        window.files.close_document() if hasattr(window.files, "close_document") else window.set_document(
            None
        )
        assert shown_title(window) == WINDOW_TITLE
    finally:
        qapp.setApplicationDisplayName(old)


# -- 15: the first run's sample says it is one, and leads to one's own report --------------------------------
def test_the_first_run_sample_is_named_and_marked_as_a_sample(qtbot, tmp_path, data_dir, monkeypatch):
    path = first_run_file()
    assert path.name == SAMPLE_FILE_NAME == "ตัวอย่าง-อบต.พิปูน-2564-6.pipun"
    w = make_window(qtbot, tmp_path, path)
    try:
        banner = w.sample_banner
        assert banner.isVisible()
        text = banner.label.text()
        assert "ตัวอย่าง" in text and "องค์การบริหารส่วนตำบลพิปูน" in text and "ไม่ใช่รายงานของหน่วยงานท่าน" in text
        shot(w, "sample-banner")
        # one click: "start my own report" → the new-file dialog (this year, the standard framework)
        monkeypatch.setattr(w.files, "today", lambda: dt.date(2026, 12, 5))
        out = tmp_path / "mine.pipun"
        monkeypatch.setattr(
            "pipun_desktop.ui.file_actions.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), "")
        )
        seen = []

        def look(dialog):
            seen.append((dialog.windowTitle(), dialog.year.value(), dialog.framework.isChecked()))
            shot(dialog, "start-own-dialog")
            dialog.accept()

        answer_dialog(qtbot, look, lambda: QTest.mouseClick(banner.start_button, Qt.MouseButton.LeftButton))
        assert seen == [("เริ่มรายงานของหน่วยงานท่าน", 2570, True)]
        assert w.document.path == out and not banner.isVisible()
        assert w.document.organization.name == ""  # nothing of the sample's organization carried over
        assert w.document.report.fiscal_year == 2570 and w.document.report.tree  # the standard framework
        assert "ตัวอย่าง" not in w.windowTitle()
    finally:
        w.close()


def test_an_ordinary_file_has_no_sample_bar(window):
    assert not window.sample_banner.isVisible()


def test_the_sample_bar_offers_the_word_excel_import_when_the_window_has_it(qtbot, tmp_path, monkeypatch):
    w = make_window(qtbot, tmp_path, first_run_file())
    try:
        office = w.office_import_action()
        if office is None:
            pytest.skip("the window has no Word/Excel import yet")
        texts = [b.text() for b in w.sample_banner.findChildren(type(w.sample_banner.start_button))]
        assert office.text() in texts
    finally:
        w.close()


# -- 16: an empty window says what can be done ---------------------------------------------------------------
def test_an_empty_window_offers_open_and_new_not_insert(qtbot, tmp_path, data_file, monkeypatch):
    w = make_window(qtbot, tmp_path)  # no file: as after refusing to open one read-only
    try:
        page = w.empty_page
        assert w.node_stack.currentWidget() is page and page.isVisible()
        assert "Insert" not in page.label.text()
        assert "เปิดไฟล์" in page.label.text() and "สร้างไฟล์รายงานใหม่" in page.label.text()
        for key in ("open", "new", "json"):
            assert page.button(key).isVisible() and page.button(key).isEnabled(), key
        assert not page.button("heading").isVisible()
        shot(w, "empty-window")
        monkeypatch.setattr(
            "pipun_desktop.ui.file_actions.QFileDialog.getOpenFileName", lambda *a, **k: (str(data_file), "")
        )
        QTest.mouseClick(page.button("open"), Qt.MouseButton.LeftButton)
        assert w.document is not None and w.document.path == data_file
        assert not page.button("open").isVisible()
    finally:
        w.close()


def test_a_read_only_file_does_not_offer_insert(qtbot, tmp_path, data_file):
    holder = ReportStore.open(data_file)  # another program has it
    try:
        w = make_window(qtbot, tmp_path, data_file)
        try:
            assert w.document.read_only
            w.tree.view.setCurrentIndex(w.tree.view.rootIndex())
            w._show_node(None)
            assert "Insert" not in w.empty_page.label.text() and "อ่านอย่างเดียว" in w.empty_page.label.text()
        finally:
            w.close()
    finally:
        holder.close()


def test_a_report_with_no_dimension_says_how_to_add_one(window, qtbot):
    assert window.files.add_report(2570, 6, False)
    assert not window.document.report.tree
    page = window.empty_page
    assert window.node_stack.currentWidget() is page
    assert "มิติ" in page.label.text() and page.button("heading").isVisible()
    QTest.mouseClick(page.button("heading"), Qt.MouseButton.LeftButton)
    assert len(window.document.report.tree) == 1


# -- 13: the new-round dialog says what is copied, cleared and regenerated -----------------------------------
def test_new_round_dialog_says_what_it_carries_over(window, qtbot):
    texts = []

    def look(dialog):
        label = dialog.explanation
        texts.append(label.text())
        shot(dialog, "new-round-dialog")
        # next year's 6-month round instead: the text follows the choice
        dialog.year.setFocus()
        QTest.keyClick(dialog.year, Qt.Key.Key_Up)
        texts.append(label.text())
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)

    answer_dialog(qtbot, look, window.act_new_round.trigger)
    first, second = texts
    # from 2564/6 the dialog proposes 2564/12: results and amounts carried on, dates cleared, intro regenerated
    assert first.startswith("รายงานปี ๒๕๖๔ รอบ ๑๒ เดือน จากรายงานปี ๒๕๖๔ รอบ ๖ เดือน")
    assert "คัดลอก" in first and "ผลเบิกจ่าย" in first.split("ล้างให้ว่าง")[0]
    assert "วันที่รายงานและวันที่ประกาศ" in first.split("ล้างให้ว่าง")[1] and "สร้างใหม่" in first
    # 2565: a new fiscal year clears the results and the budgets
    assert second.startswith("รายงานปี ๒๕๖๕")
    cleared = second.split("ล้างให้ว่าง")[1].split("สร้างใหม่")[0]
    assert "ผลเบิกจ่าย" in cleared and "งบบูรณาการและงบหน่วยงาน" in cleared
    assert (window.document.report.fiscal_year, window.document.report.round) == (2565, 12)
