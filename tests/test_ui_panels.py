"""The summary panel, the checks panel and the report settings form against a real ReportDocument and data file."""

import dataclasses
import datetime as dt

import pytest
from conftest import SAMPLE
from PySide6.QtCore import QDate, QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QToolButton

from pipun_desktop.core.rules import new_round
from pipun_desktop.core.texts import intro_template
from pipun_desktop.interchange.json_format import read_document
from pipun_desktop.storage.store import ReportStore
from pipun_desktop.ui.checks_panel import ChecksPanel
from pipun_desktop.ui.document import ReportDocument
from pipun_desktop.ui.report_form import ReportForm
from pipun_desktop.ui.summary_panel import SummaryPanel
from pipun_desktop.ui.thai_inputs import ThaiDateEdit, ThaiYearSpinBox, parse_thai_date


@pytest.fixture
def data_file(sample_data_file):
    return sample_data_file  # conftest.py: the sample report in tmp_path/sample.pipun


@pytest.fixture
def document(data_file, qapp):
    doc = ReportDocument.open(data_file)
    yield doc
    doc.close()


def reopen(path):
    with ReportStore.open(path, read_only=True) as store:
        return store.organization(), store.load_report(store.reports()[0].id)


def type_text(widget, text):
    """Type any text (Thai too: QTest.keyClicks only knows ASCII) as key events carrying the characters."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch))
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyRelease, 0, Qt.KeyboardModifier.NoModifier, ch)
        )


def first_item(doc):
    return next(doc.report.items())


# -- summary panel -------------------------------------------------------------------------------
def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_summary_shows_the_seeds_totals(qtbot, document):
    panel = show(qtbot, SummaryPanel(document))
    assert panel.budget_cell("รวม", "งบหน่วยงาน") == "๑๗๐,๐๐๐"
    assert panel.budget_cell("รวม", "ผลเบิกจ่าย") == "๖๐,๐๐๐"
    assert panel.budget_cell("รวม", "งบบูรณาการ") == "-"
    assert panel.budget_cell("มิติที่ ๑", "ร้อยละเบิกจ่าย") == "๓๐.๗๗%"
    assert panel.budget_cell("มิติที่ ๒", "ผลเบิกจ่าย") == "-"
    assert panel.count_cell("ทั้งหมด", "รวม") == "๖๖"
    bars = panel.chart.bars()
    assert [b.label for b in bars] == ["มิติที่ ๑", "มิติที่ ๒", "มิติที่ ๓", "มิติที่ ๔"]
    assert (bars[0].budget, bars[0].disbursed) == (65_000_00, 20_000_00)


def test_summary_follows_edits_and_undo(qtbot, document):
    panel = show(qtbot, SummaryPanel(document))
    item = first_item(document)
    budget = dataclasses.replace(item.budget, agency=(item.budget.agency or 0) + 10_000_00)
    assert document.set_node_field(item.id, "budget", budget)
    qtbot.waitUntil(lambda: panel.budget_cell("รวม", "งบหน่วยงาน") == "๑๘๐,๐๐๐")
    assert panel.budget_cell("มิติที่ ๑", "งบหน่วยงาน") == "๗๕,๐๐๐"
    assert panel.chart.bars()[0].budget == 75_000_00

    before = panel.count_cell("ดำเนินการแล้ว", "มิติ ๑")
    document.set_node_field(item.id, "status", "in_progress")
    qtbot.waitUntil(lambda: panel.count_cell("ดำเนินการแล้ว", "มิติ ๑") != before)
    assert panel.count_cell("อยู่ระหว่างดำเนินการ", "รวม") == "๑"

    document.undo_stack.undo()
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.budget_cell("รวม", "งบหน่วยงาน") == "๑๗๐,๐๐๐")
    assert panel.count_cell("อยู่ระหว่างดำเนินการ", "รวม") == "๐"


def test_summary_coalesces_a_burst_of_edits(qtbot, document):
    panel = show(qtbot, SummaryPanel(document))
    refreshes = []
    panel.refreshed.connect(lambda: refreshes.append(1))
    item = first_item(document)
    for n in range(1, 21):
        document.set_node_field(item.id, "budget", dataclasses.replace(item.budget, integrated=n * 100))
    qtbot.waitUntil(lambda: panel.budget_cell("รวม", "งบบูรณาการ") == "๒๐")
    assert len(refreshes) <= 2


def test_hidden_summary_waits_until_shown(qtbot, document):
    panel = SummaryPanel(document)
    qtbot.addWidget(panel)
    refreshes = []
    panel.refreshed.connect(lambda: refreshes.append(1))
    item = first_item(document)
    document.set_node_field(item.id, "budget", dataclasses.replace(item.budget, integrated=500_00))
    QApplication.processEvents()
    assert not panel._timer.isActive() and refreshes == []  # nothing computed, nothing even scheduled
    panel.show()
    qtbot.waitUntil(lambda: panel.budget_cell("รวม", "งบบูรณาการ") == "๕๐๐")


def test_summary_of_a_file_without_reports(qtbot, tmp_path):
    with ReportStore.create(tmp_path / "empty.pipun"):
        pass
    doc = ReportDocument.open(tmp_path / "empty.pipun")
    try:
        panel = show(qtbot, SummaryPanel(doc))
        assert panel.budget_cell("รวม", "งบหน่วยงาน") == "-"
        assert panel.chart.bars() == []
        panel.chart.grab()  # paints the empty chart
        checks = show(qtbot, ChecksPanel(doc))
        assert checks.findings() == []
        form = show(qtbot, ReportForm(doc))
        assert not form.scroll_area.widget().isEnabled()
    finally:
        doc.close()


# -- checks panel --------------------------------------------------------------------------------
def test_checks_panel_lists_a_finding_and_activation_selects_its_node(qtbot, document):
    panel = show(qtbot, ChecksPanel(document))
    item = first_item(document)
    document.set_node_field(item.id, "title", "")

    def row_of_finding():
        for row, f in enumerate(panel.findings()):
            if f.message == "ยังไม่มีชื่อโครงการ/กิจกรรม":
                return row
        return None

    qtbot.waitUntil(lambda: row_of_finding() is not None)
    row = row_of_finding()
    index = panel.model.index(row, 2)
    assert panel.model.index(row, 1).data() == "๑.๑.๑ (๑)"
    assert panel.model.index(row, 0).data() == "ข้อผิดพลาด"
    assert panel.model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "ข้อผิดพลาด" in panel.status_label.text()

    panel.view.setCurrentIndex(index)
    panel.view.setFocus()
    with qtbot.waitSignal(panel.node_activated) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert blocker.args == [item.id]

    rect = panel.view.visualRect(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.node_activated, timeout=2000) as blocker:
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [item.id]

    document.undo_stack.undo()
    qtbot.waitUntil(lambda: row_of_finding() is None)


def test_checks_panel_hides_warnings_and_reports_report_level_findings(qtbot, document):
    panel = show(qtbot, ChecksPanel(document))
    document.set_report_field("reporter", dataclasses.replace(document.report.reporter, name=""))
    qtbot.waitUntil(lambda: any(f.node is None for f in panel.findings()))
    row = next(r for r, f in enumerate(panel.findings()) if f.node is None)
    assert panel.model.index(row, 1).data() == "ทั้งรายงาน"
    with qtbot.waitSignal(panel.report_activated):
        panel.activate_row(row)
    panel.warnings_box.setChecked(False)
    assert all(f.severity == "error" for f in panel.findings())


# -- report form ---------------------------------------------------------------------------------
@pytest.fixture
def form(qtbot, document):
    return show(qtbot, ReportForm(document))


def test_form_shows_the_report(form, document):
    assert form.org_name.text() == "องค์การบริหารส่วนตำบลพิปูน"
    assert form.plan_title.text() == document.report.plan_title
    assert form.year_spin.text() == "๒๕๖๔"
    assert form.round_combo.currentData() == 6
    assert form.period_label.text() == "๑ ตุลาคม พ.ศ. ๒๕๖๓ – ๓๑ มีนาคม พ.ศ. ๒๕๖๔"
    assert form.reporter_date.date() == dt.date(2021, 4, 8)
    assert form.reporter_date.edit.text() == "๘ เมษายน ๒๕๖๔"
    assert form.conclusion_edits["suggestions"].toPlainText() == document.report.conclusion.suggestions
    assert form.emblem.preview.text() == "ไม่มีตราสัญลักษณ์"


def test_plan_title_is_committed_on_enter_not_per_keystroke(qtbot, form, document, data_file):
    form.plan_title.setFocus()
    form.plan_title.selectAll()
    stack_before = document.undo_stack.count()
    type_text(form.plan_title, "แผนใหม่")
    assert document.report.plan_title != "แผนใหม่"  # nothing stored while typing
    qtbot.keyClick(form.plan_title, Qt.Key.Key_Return)
    assert document.report.plan_title == "แผนใหม่"
    assert document.undo_stack.count() == stack_before + 1
    assert reopen(data_file)[1].plan_title == "แผนใหม่"


def test_typing_is_committed_after_a_pause(qtbot, form, document, data_file):
    edit = form.conclusion_edits["problems"]
    edit.setFocus()
    edit.selectAll()
    type_text(edit, "ไม่มีปัญหา")
    qtbot.waitUntil(lambda: document.report.conclusion.problems == "ไม่มีปัญหา", timeout=3000)
    assert reopen(data_file)[1].conclusion.problems == "ไม่มีปัญหา"


def test_undo_key_in_a_field_undoes_through_the_document(qtbot, form, document):
    undo = document.undo_stack.createUndoAction(form)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    form.addAction(undo)
    old = document.report.reporter.name
    form.reporter_name.setFocus()
    form.reporter_name.selectAll()
    type_text(form.reporter_name, "นายทดสอบ")
    qtbot.keyClick(form.reporter_name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # what was typed was committed first, then undone by the document's stack
    assert document.report.reporter.name == old
    assert form.reporter_name.text() == old
    document.undo_stack.redo()
    assert form.reporter_name.text() == "นายทดสอบ"


def test_organization_edit(qtbot, form, document, data_file):
    form.org_district.setFocus()
    form.org_district.selectAll()
    type_text(form.org_district, "เมือง")
    form.flush()
    assert document.organization.district == "เมือง"
    assert reopen(data_file)[0].district == "เมือง"
    assert "เมือง" in form.intro_edit.toPlainText() or document.report.intro is not None


def test_reporter_date_set_and_cleared(qtbot, form, document, data_file):
    form.reporter_date.edit.setDate(QDate(2021, 5, 1))
    form.flush()
    assert document.report.reporter.date == dt.date(2021, 5, 1)
    assert form.reporter_date.edit.text() == "๑ พฤษภาคม ๒๕๖๔"
    assert reopen(data_file)[1].reporter.date == dt.date(2021, 5, 1)

    qtbot.mouseClick(form.reporter_date.check, Qt.MouseButton.LeftButton)  # untick: no date
    assert document.report.reporter.date is None
    assert form.reporter_date.edit.text() == "ไม่ระบุวันที่"
    assert reopen(data_file)[1].reporter.date is None
    assert reopen(data_file)[1].reporter.name == document.report.reporter.name

    qtbot.mouseClick(form.announcement_date.check, Qt.MouseButton.LeftButton)
    assert document.report.announcement.date is None
    qtbot.mouseClick(form.announcement_date.check, Qt.MouseButton.LeftButton)
    assert document.report.announcement.date == dt.date.today()


def test_emblem_chosen_previewed_stored_and_removed(qtbot, form, document, data_file, tmp_path):
    image = QImage(300, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#c08000"))
    jpeg = tmp_path / "emblem.jpg"
    assert image.save(str(jpeg), "JPEG")
    assert form.load_emblem(jpeg)
    png = document.report.announcement.emblem_png
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert reopen(data_file)[1].announcement.emblem_png == png
    assert form.emblem.preview.pixmap().height() == form.emblem.preview_height()
    assert form.emblem.remove_button.isEnabled()

    big = QImage(3000, 4000, QImage.Format.Format_ARGB32)
    big.fill(QColor("#2040a0"))
    big_path = tmp_path / "big.png"
    big.save(str(big_path), "PNG")
    assert form.load_emblem(big_path)
    stored = QImage.fromData(document.report.announcement.emblem_png)
    assert stored.height() == 1200 and stored.width() == 900

    not_image = tmp_path / "notes.png"
    not_image.write_text("not an image")
    assert not form.load_emblem(not_image)
    assert form.emblem.error.isVisible() and "PNG" in form.emblem.error.text()

    qtbot.mouseClick(form.emblem.remove_button, Qt.MouseButton.LeftButton)
    assert document.report.announcement.emblem_png is None
    assert reopen(data_file)[1].announcement.emblem_png is None
    assert form.emblem.preview.text() == "ไม่มีตราสัญลักษณ์"
    document.undo_stack.undo()
    assert form.emblem.preview.pixmap().height() == form.emblem.preview_height()


def test_intro_standard_text_switch(qtbot, form, document, data_file):
    assert document.report.intro is not None  # the sample has its own introduction
    assert not form.intro_default.isChecked() and not form.intro_edit.isReadOnly()
    tick = QPoint(8, form.intro_default.height() // 2)  # on the box, not the empty width beside the label
    qtbot.mouseClick(form.intro_default, Qt.MouseButton.LeftButton, pos=tick)
    template = intro_template(document.organization, document.report)
    assert document.report.intro is None
    assert form.intro_edit.isReadOnly() and form.intro_edit.toPlainText() == template
    assert reopen(data_file)[1].intro is None

    qtbot.mouseClick(
        form.intro_default, Qt.MouseButton.LeftButton, pos=tick
    )  # untick: the template becomes editable text
    assert document.report.intro == template
    assert not form.intro_edit.isReadOnly()
    form.intro_edit.moveCursor(form.intro_edit.textCursor().MoveOperation.End)
    type_text(form.intro_edit, " เพิ่มเติม")
    form.flush()
    assert document.report.intro == template + " เพิ่มเติม"
    assert reopen(data_file)[1].intro == template + " เพิ่มเติม"


@pytest.fixture
def two_reports(tmp_path, qapp):
    path = tmp_path / "two.pipun"
    with ReportStore.create(path) as store:
        doc = read_document(SAMPLE)
        store.import_document(doc)
        store.add_report(new_round(doc.reports[0], 2564, 12, doc.organization))
    document = ReportDocument.open(path)
    yield document
    document.close()


def test_year_round_collision_shows_thai_error_and_keeps_old_value(qtbot, two_reports):
    document = two_reports
    form = show(qtbot, ReportForm(document))
    assert (document.report.fiscal_year, document.report.round) == (2564, 6)
    form.round_combo.setCurrentIndex(form.round_combo.findData(12))
    form.round_combo.activated.emit(form.round_combo.currentIndex())
    assert form.year_error.isVisible()
    assert "มีรายงานปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๑๒ เดือน" in form.year_error.text()
    assert document.report.round == 6
    assert form.round_combo.currentData() == 6
    assert form.period_label.text().endswith("๓๑ มีนาคม พ.ศ. ๒๕๖๔")

    # another year is free: applied, the period follows, the error goes
    form.year_spin.setValue(2565)
    assert form.period_label.text() == "๑ ตุลาคม พ.ศ. ๒๕๖๔ – ๓๑ มีนาคม พ.ศ. ๒๕๖๕"
    qtbot.waitUntil(lambda: document.report.fiscal_year == 2565, timeout=3000)
    assert not form.year_error.isVisible()
    with ReportStore.open(document.path, read_only=True) as store:
        assert sorted((r.fiscal_year, r.round) for r in store.reports()) == [(2564, 12), (2565, 6)]
    form.round_combo.setCurrentIndex(form.round_combo.findData(12))
    form.round_combo.activated.emit(form.round_combo.currentIndex())
    assert document.report.round == 12 and not form.year_error.isVisible()
    document.undo_stack.undo()
    assert form.round_combo.currentData() == 6


def test_read_only_file_disables_editing(qtbot, data_file):
    document = ReportDocument.open(data_file, read_only=True)
    try:
        form = show(qtbot, ReportForm(document))
        assert form.plan_title.isReadOnly() and form.announcement_body.isReadOnly()
        assert not form.emblem.choose_button.isEnabled() and not form.year_spin.isEnabled()
        assert not form.reporter_date.check.isEnabled()
    finally:
        document.close()


def test_thai_inputs(qapp):
    assert parse_thai_date("๘ เมษายน ๒๕๖๔") == dt.date(2021, 4, 8)
    assert parse_thai_date("8 เมษายน พ.ศ. 2564") == dt.date(2021, 4, 8)
    assert parse_thai_date("8/4/2564") == dt.date(2021, 4, 8)
    assert parse_thai_date("31 กุมภาพันธ์ 2564") is None
    assert parse_thai_date("8 เมษา 2564") is None
    edit = ThaiDateEdit()
    edit.setDate(QDate(2021, 4, 8))
    assert edit.text() == "๘ เมษายน ๒๕๖๔"
    year_button = edit.calendarWidget().findChild(QToolButton, "qt_calendar_yearbutton")
    assert year_button.text() == "๒๕๖๔"
    edit.calendarWidget().setCurrentPage(2022, 12)
    assert year_button.text() == "๒๕๖๕"
    spin = ThaiYearSpinBox()
    spin.setRange(2500, 2700)
    spin.setValue(2567)
    assert spin.text() == "๒๕๖๗"
    assert spin.valueFromText("๒๕๖๘") == 2568


def test_switching_reports_never_writes_pending_text_into_the_other_report(qtbot, two_reports):
    document = two_reports
    form = show(qtbot, ReportForm(document))
    first_id = document.report.id
    other = next(r.id for r in document.reports() if r.id != first_id)
    form.plan_title.setFocus()
    form.plan_title.selectAll()
    type_text(form.plan_title, "ยังไม่ได้บันทึก")
    document.switch_report(other)  # as a window would, without flushing first
    qtbot.waitUntil(
        lambda: not any(c.timer.isActive() for c in form._parts.values()), timeout=5000
    )  # the idle commit, had it been left running
    assert document.report.plan_title != "ยังไม่ได้บันทึก"
    assert form.plan_title.text() == document.report.plan_title
    assert form.round_combo.currentData() == 12


def test_a_typed_intro_naming_another_round_is_pointed_out(qtbot, form, document):
    assert not form.intro_note.isVisible()
    form.round_combo.setCurrentIndex(form.round_combo.findData(12))
    form.round_combo.activated.emit(form.round_combo.currentIndex())
    assert document.report.round == 12
    assert form.intro_note.isVisible() and "รอบ ๑๒ เดือน" in form.intro_note.text()


def test_a_pause_after_a_space_keeps_the_space_and_the_cursor(qtbot, form, document):
    edit = form.signatory_position
    edit.setFocus()
    edit.selectAll()
    type_text(edit, "นายก ")
    qtbot.waitUntil(lambda: document.report.announcement.signatory_position == "นายก ", timeout=3000)
    type_text(edit, "อบต.")
    assert edit.text() == "นายก อบต."
    form.flush()
    assert document.report.announcement.signatory_position == "นายก อบต."


def test_edits_that_change_no_figure_leave_the_panels_alone(qtbot, document, monkeypatch):
    summary = show(qtbot, SummaryPanel(document))
    checks = show(qtbot, ChecksPanel(document))
    shown = []
    monkeypatch.setattr(summary, "_show", lambda *a: shown.append(a))
    checks.view.selectRow(1)
    selected = checks.findings()[1]
    resets = []
    checks.model.modelReset.connect(lambda: resets.append(1))
    item = first_item(document)
    with qtbot.waitSignals([summary.refreshed, checks.refreshed], timeout=3000):
        document.set_node_field(item.id, "title", item.title + " (แก้)")
    assert shown == [] and resets == []
    assert checks.findings()[checks.view.selectionModel().selectedRows()[0].row()] == selected


def test_a_thai_date_typed_into_the_field_is_stored(qtbot, form, document, data_file):
    edit = form.announcement_date.edit
    edit.setFocus()
    edit.lineEdit().selectAll()
    type_text(edit, "๑๕ พฤษภาคม ๒๕๖๔")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    form.flush()
    assert document.report.announcement.date == dt.date(2021, 5, 15)
    assert reopen(data_file)[1].announcement.date == dt.date(2021, 5, 15)
    assert edit.text() == "๑๕ พฤษภาคม ๒๕๖๔"
