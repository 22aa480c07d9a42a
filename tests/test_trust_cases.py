"""Issue 10's five cases, each the way an officer met it: typed text on the wrong item, an announcement of the
wrong round, the introduction repeating the year, a year silently rewritten, digits half switched."""

import pytest

pytest.importorskip("PySide6")

from conftest import SAMPLE  # noqa: E402
from PySide6.QtCore import QEvent, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pipun_desktop.core.model import walk  # noqa: E402
from pipun_desktop.interchange.json_format import read_document  # noqa: E402
from pipun_desktop.storage.store import ReportStore  # noqa: E402
from pipun_desktop.ui.main_window import MainWindow  # noqa: E402
from pipun_desktop.ui.settings import Settings  # noqa: E402


@pytest.fixture
def data_file(tmp_path):
    path = tmp_path / "sample.pipun"
    with ReportStore.create(path) as store:
        store.import_document(read_document(SAMPLE))
    return path


def open_window(qtbot, tmp_path, path):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings)
    w.messages = []
    w.confirm = lambda title, text: True
    w.inform = lambda title, text, warning=False: w.messages.append(text)
    qtbot.addWidget(w)
    assert w.files.open_path(path)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, tmp_path, data_file):
    w = open_window(qtbot, tmp_path, data_file)
    yield w
    w.close()


def type_text(widget, text):
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def node_numbered(window, number):
    doc = window.document
    return next(n for n in walk(doc.report.tree) if doc.number_of(n.id) == number)


def click_node(window, node_id):
    """Click the node's row in the tree, as a person does."""
    tree = window.tree
    index = tree.proxy.mapFromSource(tree.model.index_for_id(node_id))
    tree.view.scrollTo(index)
    rect = tree.view.visualRect(index)
    QTest.mouseClick(
        tree.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    assert tree.current_id() == node_id


def on_disk(window):
    with ReportStore.open(window.document.path, read_only=True) as store:
        return store.load_report(window.document.report.id)


# -- 1. typed text on the wrong item --------------------------------------------------------------
@pytest.mark.parametrize("field", ["disbursed", "integrated", "agency"])
def test_invalid_amount_never_shows_on_the_next_item(window, qtbot, field):
    four, five = node_numbered(window, "๑.๑.๑ (๔)"), node_numbered(window, "๑.๑.๑ (๕)")
    five_budget = five.budget
    click_node(window, four.id)
    form = window.item_form
    edit = form.amounts[field]
    QTest.mouseClick(edit.line, Qt.MouseButton.LeftButton)
    edit.line.selectAll()
    QTest.keyClicks(edit.line, "5,0x")
    QTest.keyClick(edit.line, Qt.Key.Key_Tab)
    assert not edit.is_valid() and edit.line.text() == "5,0x"  # red, the text kept for correcting
    click_node(window, five.id)
    # (๕)'s own value is shown, not the text typed on (๔); the status bar says what was not saved, and where
    assert edit.is_valid() and edit.line.text() != "5,0x"
    shown = getattr(five_budget, field)
    assert edit.value() == shown
    message = window.statusBar().currentMessage()
    assert "ไม่ได้บันทึก" in message and "5,0x" in message and "๑.๑.๑ (๔)" in message
    # the officer "fixes" what is shown: it is (๕)'s value, and (๔) is untouched
    QTest.mouseClick(edit.line, Qt.MouseButton.LeftButton)
    edit.line.selectAll()
    QTest.keyClicks(edit.line, "5,000")
    QTest.keyClick(edit.line, Qt.Key.Key_Tab)
    assert getattr(five.budget, field) == 500_000
    assert node_numbered(window, "๑.๑.๑ (๔)").budget == four.budget
    assert on_disk(window) == window.document.report


def test_invalid_amount_dropped_when_a_heading_is_clicked(window):
    item = node_numbered(window, "๑.๑.๑ (๑)")
    click_node(window, item.id)
    edit = window.item_form.amounts["agency"]
    QTest.mouseClick(edit.line, Qt.MouseButton.LeftButton)
    edit.line.selectAll()
    QTest.keyClicks(edit.line, "abc")
    QTest.keyClick(edit.line, Qt.Key.Key_Tab)
    heading = window.document.report.tree[0]
    click_node(window, heading.id)
    assert "ไม่ได้บันทึก" in window.statusBar().currentMessage()
    other = node_numbered(window, "๑.๑.๑ (๒)")
    click_node(window, other.id)
    assert edit.is_valid() and edit.value() == other.budget.agency and edit.line.text() != "abc"


def test_failed_text_write_is_not_carried_to_the_next_item(window, monkeypatch):
    """A title whose write failed stays in its field for retrying, but never on another item."""
    doc = window.document
    one, two = node_numbered(window, "๑.๑.๑ (๑)"), node_numbered(window, "๑.๑.๑ (๒)")
    click_node(window, one.id)
    title = window.item_form.title
    QTest.mouseClick(title, Qt.MouseButton.LeftButton)
    title.selectAll()

    def fail(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(doc.store, "update_node", fail)
    type_text(title, "ชื่อที่บันทึกไม่ได้")
    QTest.keyClick(title, Qt.Key.Key_Return)
    assert title.text() == "ชื่อที่บันทึกไม่ได้" and window.item_form.committers["title"].pending
    click_node(window, two.id)  # leaving the field retries the write, which fails again
    monkeypatch.undo()
    assert title.text() == two.title
    assert "ชื่อ" in window.statusBar().currentMessage() and "๑.๑.๑ (๑)" in window.statusBar().currentMessage()
    assert on_disk(window) == doc.report


# -- 2. the announcement of the wrong round ---------------------------------------------------------
def test_new_round_regenerates_the_standard_announcement(window):
    from pipun_desktop.core.texts import announcement_template

    doc = window.document
    old_body = doc.report.announcement.body
    assert "รอบ ๖ เดือน ระหว่างเดือน ตุลาคม พ.ศ. ๒๕๖๓ - มีนาคม พ.ศ. ๒๕๖๔" in old_body
    assert window.files.make_round(2564, 12)
    body = doc.report.announcement.body
    assert (doc.report.fiscal_year, doc.report.round) == (2564, 12)
    assert "รอบ ๖ เดือน" not in body
    assert "รอบ ๑๒ เดือน ระหว่างเดือน ตุลาคม พ.ศ. ๒๕๖๓ - กันยายน พ.ศ. ๒๕๖๔" in body
    assert body == announcement_template(doc.organization, doc.report)
    assert on_disk(window) == doc.report
    assert window.files.make_round(2565, 6)  # 12 → the next year's 6
    body = doc.report.announcement.body
    assert "ประจำปี พ.ศ. ๒๕๖๕ (รอบ ๖ เดือน ระหว่างเดือน ตุลาคม พ.ศ. ๒๕๖๔ - มีนาคม พ.ศ. ๒๕๖๕)" in body
    assert "๒๕๖๓" not in body


def test_new_round_keeps_a_written_text_and_check_flags_its_round(tmp_path, data_file):
    from pipun_desktop.cli.main import run
    from pipun_desktop.core.checks import ERROR, check_report
    from pipun_desktop.core.rules import new_round

    with ReportStore.open(data_file) as store:
        report = store.load_report(store.reports()[0].id)
        report.announcement.body = "ข้อความที่เขียนเอง ประจำปี พ.ศ. ๒๕๖๔ รอบ ๖ เดือน"
        report.intro = None
        new = new_round(report, 2564, 12, store.organization())
        assert new.announcement.body == report.announcement.body  # the officer's words, as written
        assert new.intro is None  # the standard introduction, for the new round
        errors = [f.message for f in check_report(new) if f.severity == ERROR]
        assert any("ข้อความประกาศ" in m and "รอบ ๖ เดือน" in m for m in errors), errors
        store.add_report(new)
    assert run(["check", str(data_file), "--report", "2564-12"]) == 1


def test_check_flags_an_introduction_of_another_year(data_file):
    from pipun_desktop.core.checks import ERROR, check_report

    with ReportStore.open(data_file, read_only=True) as store:
        report = store.load_report(store.reports()[0].id)
    assert not [f for f in check_report(report) if "บทนำ" in f.message]
    report.fiscal_year = 2565
    found = [f for f in check_report(report) if f.severity == ERROR and "บทนำ" in f.message]
    assert found and "๒๕๖๔" in found[0].message


# -- 3. the introduction repeats the year -----------------------------------------------------------
@pytest.mark.parametrize("digits", ["thai", "arabic"])
def test_intro_does_not_repeat_the_year_of_the_plan_title(digits):
    from pipun_desktop.core.model import Organization, Report
    from pipun_desktop.core.texts import intro_template
    from pipun_desktop.thai.digits import render_digits

    org = Organization("องค์การบริหารส่วนตำบลพิปูน")
    title = render_digits("แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2565", digits)
    text = intro_template(org, Report(2565, 6, plan_title=title), digits)
    year = render_digits("2565", digits)
    assert f"ประจำปีงบประมาณ พ.ศ. {year} ประจำปีงบประมาณ" not in text
    assert text.count(f"ประจำปีงบประมาณ พ.ศ. {year}") == 1
    # a plan of several years still gets the year of this report
    several = intro_template(org, Report(2565, 6, plan_title="แผนปฏิบัติการ ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๕)"))
    assert "(พ.ศ. ๒๕๖๑ - ๒๕๖๕) ประจำปีงบประมาณ พ.ศ. ๒๕๖๕" in several
    several = intro_template(org, Report(2565, 6, plan_title="แผนปฏิบัติการ พ.ศ. ๒๕๖๑-๒๕๖๕"))
    assert "๒๕๖๑-๒๕๖๕ ประจำปีงบประมาณ พ.ศ. ๒๕๖๕" in several


# -- 4. a year silently rewritten -------------------------------------------------------------------
def test_a_year_of_2450_survives_a_round_change_in_the_report_form(qtbot, tmp_path):
    import json

    raw = json.loads(SAMPLE.read_text(encoding="utf-8"))
    raw["reports"][0]["fiscal_year"] = 2450
    src = tmp_path / "old.json"
    src.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    path = tmp_path / "old.pipun"
    with ReportStore.create(path) as store:
        store.import_document(read_document(src))
    w = open_window(qtbot, tmp_path, path)
    try:
        w.tabs.setCurrentIndex(1)
        form = w.report_form
        assert form.year_spin.value() == 2450
        combo = form.round_combo
        combo.setCurrentIndex(combo.findData(12))
        combo.activated.emit(combo.currentIndex())
        assert (w.document.report.fiscal_year, w.document.report.round) == (2450, 12)
        assert on_disk(w) == w.document.report
    finally:
        w.close()


def test_one_fiscal_year_range_everywhere(tmp_path):
    import sqlite3

    from pipun_desktop.core import rules
    from pipun_desktop.core.model import Organization, Report
    from pipun_desktop.interchange.json_format import (
        Document,
        InterchangeError,
        dump_document,
        parse_document,
    )
    from pipun_desktop.storage.errors import StorageError

    def through_json(year):
        return parse_document(dump_document(Document(Organization("ก"), [Report(year, 6)]))).reports[0]

    lo, hi = rules.FISCAL_YEAR_MIN, rules.FISCAL_YEAR_MAX
    with ReportStore.create(tmp_path / "r.pipun") as store:
        for year in (lo, hi):
            store.add_report(Report(year, 6))
            assert through_json(year).fiscal_year == year
            rules.check_year_round(year, 6)
        for year in (lo - 1, hi + 1):
            with pytest.raises((sqlite3.Error, StorageError)):
                store.add_report(Report(year, 12))
            with pytest.raises(InterchangeError):
                through_json(year)
            with pytest.raises(ValueError):
                rules.check_year_round(year, 6)


# -- 5. digits half switched ------------------------------------------------------------------------
def test_switching_digits_reaches_every_panel(window, qtbot):
    window.tabs.setCurrentIndex(2)  # the summary
    panel = window.summary_panel
    panel.refresh()
    table = panel.budget_table
    texts = lambda: " ".join(  # noqa: E731
        table.item(r, c).text()
        for r in range(table.rowCount())
        for c in range(table.columnCount())
        if table.item(r, c)
    )
    assert "๑" in texts()
    window.act_arabic.trigger()  # the View menu's tick
    qtbot.waitUntil(lambda: "๑" not in texts() and "1" in texts(), timeout=3000)
    assert "๑" not in panel.heading_label.text()
    window.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: not window.checks_panel._dirty, timeout=3000)
    assert window.checks_panel.digits == "arabic"
    assert window.item_form.amounts["agency"].digits == "arabic"
    window.act_arabic.trigger()
    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: "๑" in texts(), timeout=3000)


# -- new-round on the command line ------------------------------------------------------------------
def test_cli_new_round_does_what_the_window_does(tmp_path, data_file, capsys):
    import shutil

    from pipun_desktop.cli.main import run
    from pipun_desktop.core.rules import new_round

    copy_for_window = tmp_path / "w.pipun"
    shutil.copy(data_file, copy_for_window)
    assert run(["new-round", str(data_file)]) == 0
    assert capsys.readouterr().out.strip() == "2564-12"
    assert run(["new-round", str(data_file), "--report", "2564-12"]) == 0
    assert capsys.readouterr().out.strip() == "2565-6"
    with ReportStore.open(data_file, read_only=True) as store:
        assert [(i.fiscal_year, i.round) for i in store.reports()] == [(2564, 6), (2564, 12), (2565, 6)]
        source = store.load_report(store.reports()[0].id)
        made = store.load_report(store.reports()[1].id)
        expected = new_round(source, 2564, 12, store.organization())
    expected.id = made.id
    for a, b in zip(walk(expected.tree), walk(made.tree), strict=True):
        a.id = b.id
    assert made == expected
    # the same year and round again, a JSON file, a bad --to: one Thai line, exit 2, the file unchanged
    before = data_file.read_bytes()
    for args in (
        ["new-round", str(data_file), "--to", "2564-12"],
        ["new-round", str(data_file), "--to", "2564"],
        ["new-round", str(data_file), "--to", "1999-6"],
        ["new-round", str(SAMPLE)],
    ):
        assert run(args) == 2
        err = capsys.readouterr().err
        assert err.startswith("ข้อผิดพลาด: ") and err.count("\n") == 1, err
    assert data_file.read_bytes() == before


# -- one pending-edit mechanism: the report page uses the item form's Committer ------------------------
def test_report_page_keeps_text_whose_write_failed_and_retries(window, monkeypatch):
    doc = window.document
    window.tabs.setCurrentIndex(1)
    form = window.report_form
    old = doc.report.plan_title
    field = form.plan_title
    QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()

    def fail(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(doc.store, "update_report", fail)
    type_text(field, "แผนใหม่")
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert field.text() == "แผนใหม่" and form._parts["plan_title"].pending  # kept for a retry
    assert doc.report.plan_title == old and on_disk(window) == doc.report
    monkeypatch.undo()
    window.flush_edits()  # the next commit (leaving, a pause, switching) tries again
    assert doc.report.plan_title == "แผนใหม่" and on_disk(window) == doc.report


def test_a_form_never_shows_a_node_that_took_a_deleted_nodes_id(window, qtbot):
    """Found by the long stateful run: SQLite gives a new node the id of a node just deleted; the item form,
    still holding the deleted item, took the new heading for its item."""
    doc = window.document
    click_node(window, doc.report.tree[0].id)
    view = window.tree.view
    QTest.keyClick(
        view, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    section = window.tree.current_id()
    click_node(window, section)
    QTest.keyClick(view, Qt.Key.Key_Insert)  # a new item in the new section: the highest id
    item = window.tree.current_id()
    assert window.item_form.item().id == item
    click_node(window, item)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert window.tree.current_id() == section  # the form of the section shows; the item form keeps its ref
    click_node(window, section)
    with qtbot.captureExceptions() as exceptions:
        QTest.keyClick(view, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert exceptions == []
    heading = window.tree.current_id()
    assert window.item_form.item() is None or window.item_form.item().id != heading
    window.undo()
    window.undo()  # the item comes back (with a new id): selected, its form shows it
    back = window.tree.current_node()
    assert back is not None and window.item_form.item() is back
    assert on_disk(window) == doc.report


def test_undo_key_with_nothing_to_undo_leaves_the_typed_text(window):
    """Found by the long stateful run: with the document's undo stack empty, Ctrl+Z reached the line edit's
    own undo and brought back the old amount over the text being corrected."""
    item = node_numbered(window, "๑.๑.๑ (๔)")
    click_node(window, item.id)
    assert window.document.undo_stack.count() == 0
    edit = window.item_form.amounts["disbursed"]
    QTest.mouseClick(edit.line, Qt.MouseButton.LeftButton)
    edit.line.selectAll()
    QTest.keyClicks(edit.line, "5,0x")
    QTest.keyClick(edit.line, Qt.Key.Key_Return)
    assert not edit.is_valid()
    QTest.keyClick(edit.line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.line.text() == "5,0x" and not edit.is_valid()
    title = window.item_form.title
    QTest.mouseClick(title, Qt.MouseButton.LeftButton)
    QTest.keyClick(title, Qt.Key.Key_End)
    QTest.keyClicks(title, "x")
    QTest.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the document's undo: typed "x"
    assert title.text() == item.title and not item.title.endswith("x")
    QTest.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing left to undo
    assert title.text() == item.title
    assert on_disk(window) == window.document.report
