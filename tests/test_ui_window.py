"""The main window, driven through its views: add, edit, move, delete, undo/redo, amounts, reopen."""

import pytest

pytest.importorskip("PySide6")

from conftest import SAMPLE  # noqa: E402
from PySide6.QtCore import QEvent, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pipun_desktop.core.model import Item  # noqa: E402
from pipun_desktop.interchange.json_format import read_document  # noqa: E402
from pipun_desktop.storage.store import ReportStore  # noqa: E402
from pipun_desktop.ui.main_window import MainWindow  # noqa: E402
from pipun_desktop.ui.settings import Settings  # noqa: E402


@pytest.fixture
def data_file(sample_data_file):
    return sample_data_file  # conftest.py: the sample report in tmp_path/sample.pipun


@pytest.fixture
def window(qtbot, tmp_path, data_file):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings)
    w.confirmations = []
    w.messages = []
    w.confirm = lambda title, text: w.confirmations.append(text) or True
    w.inform = lambda title, text, warning=False: w.messages.append(text)
    qtbot.addWidget(w)
    assert w.files.open_path(data_file)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    if w.document is not None:
        w.document.close()


def type_text(widget, text):
    """Type Thai text into a widget (QTest.keyClicks only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def without_ids(report):
    """The report's content, ignoring ids (a reinserted subtree gets new ones)."""
    import copy

    from pipun_desktop.core.model import walk

    r = copy.deepcopy(report)
    for n in walk(r.tree):
        n.id = None
    r.id = None
    return r


def on_disk(window):
    with ReportStore.open(window.document.path, read_only=True) as store:
        return store.load_report(window.document.report.id)


def current(window):
    return window.tree.current_node()


def test_opens_with_first_item_selected(window):
    node = current(window)
    assert isinstance(node, Item)
    assert window.node_stack.currentIndex() == 1
    assert window.item_form.title.text() == node.title
    assert window.item_form.caption.text().startswith("๑.๑.๑ (๑)")


def test_add_item_with_insert_and_type_its_title(window, qtbot):
    window.tree.select_node(window.document.report.tree[0].children[1].id)  # section ๑.๒
    section = current(window)
    count = len(section.children)
    window.tree.view.setFocus()
    qtbot.keyClick(window.tree.view, Qt.Key.Key_Insert)
    new = current(window)
    assert isinstance(new, Item) and new in section.children and len(section.children) == count + 1
    assert window.item_form.title.hasFocus()
    type_text(window.item_form.title, "โครงการใหม่")
    qtbot.keyClick(window.item_form.title, Qt.Key.Key_Return)
    assert new.title == "โครงการใหม่"
    assert on_disk(window) == window.document.report
    assert window.document.number_of(new.id) == f"๑.๒.{'๔' if count == 3 else count + 1}"
    assert window.tree.model.data(window.tree.model.index_for_id(new.id)).endswith("โครงการใหม่")


def test_text_field_commits_after_a_pause(window, qtbot):
    form = window.item_form
    node = current(window)
    form.indicator.setFocus()
    form.indicator.selectAll()
    type_text(form.indicator, "ร้อยละ ๘๐")
    assert node.indicator != "ร้อยละ ๘๐"  # not per keystroke
    qtbot.waitUntil(lambda: node.indicator == "ร้อยละ ๘๐", timeout=2000)
    assert on_disk(window) == window.document.report
    assert window.document.undo_stack.count() == 1


def test_amount_thai_digits_and_ticks(window, qtbot):
    form = window.item_form
    node = current(window)
    edit = form.amounts["agency"]
    edit.line.setFocus()
    edit.line.selectAll()
    type_text(edit.line, "๒๐,๐๐๐.๕๐")
    qtbot.keyClick(edit.line, Qt.Key.Key_Return)
    assert node.budget.agency == 2_000_050
    form.approaches[2].click()
    assert node.approaches[2] is True
    form.status.setCurrentIndex(form.status.findData("not_possible"))
    form.status.activated.emit(form.status.currentIndex())
    assert node.status == "not_possible" and form.reason.isVisible()
    form.reason.setCurrentIndex(form.reason.findData("no_budget"))
    form.reason.activated.emit(form.reason.currentIndex())
    assert node.status_reason == "no_budget"
    assert on_disk(window) == window.document.report


@pytest.mark.parametrize("text", ["12abc", "-500", "1.234", "๑๒,๓๔"])
def test_invalid_amount_is_refused_and_old_value_kept(window, qtbot, text):
    form = window.item_form
    node = current(window)
    old = node.budget
    edit = form.amounts["disbursed"]
    edit.line.setFocus()
    edit.line.selectAll()
    type_text(edit.line, text)
    qtbot.keyClick(edit.line, Qt.Key.Key_Return)
    assert not edit.is_valid() and edit.error.isVisible()
    assert "ไม่" in edit.error.text() and "border" in edit.line.styleSheet()
    assert edit.line.text() == text  # the typed text stays for correcting
    assert node.budget == old and on_disk(window) == window.document.report
    assert window.document.undo_stack.count() == 0
    edit.line.selectAll()
    type_text(edit.line, "-")
    qtbot.keyClick(edit.line, Qt.Key.Key_Return)
    assert edit.is_valid() and node.budget.disbursed is None


def test_undo_key_in_a_text_field_undoes_what_was_typed(window, qtbot):
    form = window.item_form
    node = current(window)
    old = node.title
    form.title.setFocus()
    form.title.end(False)
    type_text(form.title, " แก้")
    qtbot.keyClick(form.title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert node.title == old and form.title.text() == old
    qtbot.keyClick(form.title, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert node.title == old + " แก้" and form.title.text() == old + " แก้"
    assert on_disk(window) == window.document.report


def test_move_with_ctrl_arrows_renumbers_and_undo(window, qtbot):
    node = current(window)  # ๑.๑.๑ (๑)
    doc = window.document
    window.tree.view.setFocus()
    qtbot.keyClick(window.tree.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert doc.number_of(node.id) == "๑.๑.๑ (๒)" and current(window) is node
    assert on_disk(window) == doc.report
    window.undo()
    assert doc.number_of(node.id) == "๑.๑.๑ (๑)"
    window.redo()
    assert doc.number_of(node.id) == "๑.๑.๑ (๒)"
    assert on_disk(window) == doc.report


def test_indent_outdent(window):
    doc = window.document
    section = doc.report.tree[0].children[1]  # ๑.๒: items directly under a section
    window.tree.select_node(section.children[1].id)
    node = current(window)
    window.outdent()
    assert doc.parent_id(node.id) == doc.report.tree[0].id and doc.number_of(node.id) == "๑.๓"
    window.outdent()  # an item can't become a dimension
    assert window.messages and doc.parent_id(node.id) == doc.report.tree[0].id
    window.undo()
    assert doc.number_of(node.id) == "๑.๒.๒"
    # indent a heading under the heading above it
    window.tree.select_node(doc.report.tree[0].children[1].id)
    window.indent()
    assert doc.number_of(section.id) == "๑.๑.๔"
    assert on_disk(window) == doc.report


def test_delete_confirms_and_undo_restores_everything(window, qtbot):
    doc = window.document
    before = on_disk(window)
    dim = doc.report.tree[0]
    window.tree.select_node(dim.id)
    window.tree.view.setFocus()
    qtbot.keyClick(window.tree.view, Qt.Key.Key_Delete)
    assert window.confirmations and "มิติที่ ๑" in window.confirmations[0]
    assert len(doc.report.tree) == 3 and doc.number_of(doc.report.tree[0].id) == "มิติที่ ๑"
    assert on_disk(window) == doc.report
    qtbot.keyClick(window.tree.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    view, proxy = window.tree.view, window.tree.proxy
    section = proxy.index(0, 0, proxy.index(0, 0))
    assert view.isExpanded(proxy.index(0, 0)) and view.isExpanded(section)  # reinserted open, as before
    restored = on_disk(window)
    assert without_ids(restored) == without_ids(before)  # the subtree came back whole, details included
    assert restored == doc.report


def test_delete_refused_keeps_node(window):
    window.confirm = lambda *a: False
    node = current(window)
    assert not window.delete()
    assert window.document.node_by_id(node.id) is node


def test_add_headings_and_duplicate(window):
    doc = window.document
    window.tree.select_node(doc.report.tree[3].id)
    dim_id = window.add_heading()
    assert doc.number_of(dim_id) == "มิติที่ ๕"
    sub_id = window.add_heading(child=True)
    assert doc.parent_id(sub_id) == dim_id and doc.number_of(sub_id) == "๕.๑"
    item_id = window.add_item()
    assert doc.number_of(item_id) == "๕.๑.๑"
    window.tree.select_node(item_id)
    window.duplicate()
    assert len(doc.node_by_id(sub_id).children) == 2
    assert on_disk(window) == doc.report
    for _ in range(4):
        window.undo()
    assert len(doc.report.tree) == 4


def test_heading_title_edit(window, qtbot):
    doc = window.document
    dim = doc.report.tree[1]
    window.tree.select_node(dim.id)
    assert window.node_stack.currentIndex() == 2
    window.rename()
    form = window.heading_form
    assert form.title.hasFocus()
    type_text(form.title, "มิติใหม่")
    qtbot.keyClick(form.title, Qt.Key.Key_Return)  # commits; a title has no line breaks
    assert dim.title == "มิติใหม่" and on_disk(window) == doc.report
    type_text(form.title, "!")
    window.tree.select_node(doc.report.tree[0].id)  # leaving commits
    assert dim.title == "มิติใหม่!" and on_disk(window) == doc.report


def test_details_blocks_add_edit_reorder_remove(window, qtbot):
    form = window.item_form
    node = current(window)
    n = len(node.details)
    form.details.add_block()
    assert len(node.details) == n + 1 and len(form.details.blocks) == n + 1
    block = form.details.blocks[-1]
    type_text(block.body, "- บรรทัดแรก")
    block.body_committer.flush()
    assert node.details[-1].body == "- บรรทัดแรก"
    form.details.move_block(n, -1)
    assert node.details[n - 1].body == "- บรรทัดแรก"
    form.details.remove_block(n - 1)
    assert len(node.details) == n
    assert on_disk(window) == window.document.report
    window.undo()
    assert len(node.details) == n + 1 and len(form.details.blocks) == n + 1


def test_filter_finds_by_any_text(window, qtbot):
    window.act_find.trigger()
    assert window.tree.filter.hasFocus()
    type_text(window.tree.filter, "เข้าค่ายพุทธบุตร")
    qtbot.waitUntil(lambda: window.tree.proxy.rowCount() == 1, timeout=2000)
    proxy = window.tree.proxy
    idx = proxy.index(0, 0)
    while proxy.rowCount(idx):
        idx = proxy.index(0, 0, idx)
    assert "เข้าค่ายพุทธบุตร" in proxy.data(idx)
    window.tree.filter.clear()
    qtbot.waitUntil(lambda: window.tree.proxy.rowCount() == 4, timeout=2000)


def test_drop_moves_between_sections_and_refuses_bad_places(window):
    doc = window.document
    model = window.tree.model
    item = next(doc.report.items())
    target = doc.report.tree[1].children[0]  # section ๒.๑
    mime = model.mimeData([model.index_for_id(item.id)])
    assert not model.canDropMimeData(
        mime, Qt.DropAction.MoveAction, 0, 0, model.index_for_id(None)
    )  # top level
    other_item = doc.report.tree[1].children[0].children[0]
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, model.index_for_id(other_item.id))
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index_for_id(target.id))
    assert doc.parent_id(item.id) == target.id and doc.row_of(item.id) == 0
    assert on_disk(window) == doc.report
    window.undo()
    assert doc.number_of(item.id) == "๑.๑.๑ (๑)"


def test_close_and_reopen_gives_the_same_data(window, qtbot, tmp_path):
    form = window.item_form
    form.note.setFocus()
    type_text(form.note, "หมายเหตุที่ยังไม่ได้ออกจากช่อง")
    path = window.document.path
    snapshot_id = window.document.report.id
    window.close()  # closing commits what is being typed
    with ReportStore.open(path, read_only=True) as store:
        reopened = store.load_report(snapshot_id)
    assert reopened == window.document.report
    assert next(reopened.items()).note.endswith("หมายเหตุที่ยังไม่ได้ออกจากช่อง")
    # the next start reopens the same file
    assert window.settings.get("last_file") == str(path)


def test_new_round_and_report_selector(window):
    doc = window.document
    assert not window.report_selector_action.isVisible()
    assert window.files.make_round(2564, 12)
    assert doc.report.round == 12 and window.report_selector.count() == 2
    assert window.report_selector_action.isVisible()
    assert next(doc.report.items()).result  # 6 → 12 of the same year keeps results
    window.report_selector.setCurrentIndex(0)
    window._report_chosen(0)
    assert doc.report.round == 6
    assert not window.files.make_round(2564, 12)  # exists already
    assert window.messages


def test_json_export_import_and_copy(window, tmp_path):
    out = tmp_path / "out.json"
    assert window.files.export_json_to(out)
    exported = read_document(out)
    assert len(exported.reports) == 1
    assert without_ids(exported.reports[0]) == without_ids(window.document.report)
    copy_path = tmp_path / "copy.pipun"
    assert window.files.save_copy_to(copy_path)
    with ReportStore.open(copy_path) as store:  # opens for editing: the copy carries no lock
        assert len(store.reports()) == 1
    assert not window.files.import_json_from(out)  # same year and round: refused
    assert window.files.create_file(tmp_path / "new.pipun", 2565, 6, framework=True)
    assert window.document.path.name == "new.pipun"
    assert len(window.document.report.tree) == 4 and not list(window.document.report.items())
    assert window.files.import_json_from(out)
    assert len(window.document.reports()) == 2


def test_pdf_export_in_a_worker(window, qtbot, tmp_path):
    out = tmp_path / "report.pdf"
    window.files.open_pdf_after_export = False
    window.files.start_pdf(str(out))
    assert window.files.pdf_running()
    qtbot.waitUntil(lambda: not window.files.pdf_running(), timeout=120_000)
    assert out.read_bytes().startswith(b"%PDF")
    assert window.files.last_pdf == str(out)


def test_undo_shows_the_node_it_changed(window, qtbot):
    doc = window.document
    first = current(window)
    form = window.item_form
    form.title.setFocus()
    form.title.end(False)
    type_text(form.title, "!")
    other = list(doc.report.items())[5]
    window.tree.select_node(other.id)  # leaving the field commits
    assert first.title.endswith("!")
    window.undo()
    assert not first.title.endswith("!")
    assert current(window) is first and form.title.text() == first.title


def test_read_only_file_refuses_edits(window, tmp_path, data_file):
    from pipun_desktop.ui.document import ReportDocument

    window.set_document(ReportDocument.open(data_file, read_only=True))
    window.tree.select_first_item()
    assert not window.item_form.isEnabled()
    assert not window.act_add_item.isEnabled() and not window.act_delete.isEnabled()
    assert not window.document.set_node_field(current(window).id, "title", "x")
    assert window.messages


def test_font_falls_back_when_the_bundled_font_cannot_load(qapp, monkeypatch, tmp_path):
    from pipun_desktop.ui import fonts

    monkeypatch.setattr(fonts, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    saved = qapp.font()
    try:
        family, warning = fonts.load_app_font(qapp)
        assert warning and "Sarabun" in warning and family in warning
    finally:
        qapp.setFont(saved)


def test_failed_write_keeps_the_typed_text_and_retries(window, monkeypatch):
    import sqlite3

    doc = window.document
    node = current(window)
    old = node.title
    real = doc.store.update_node
    monkeypatch.setattr(
        doc.store,
        "update_node",
        lambda *a, **k: (_ for _ in ()).throw(sqlite3.OperationalError("disk I/O error")),
    )
    form = window.item_form
    form.title.setFocus()
    form.title.end(False)
    type_text(form.title, " ใหม่")
    form.flush()
    assert window.messages and "บันทึก" in window.messages[-1]
    assert node.title == old and form.title.text() == old + " ใหม่"  # nothing stored, nothing lost
    assert on_disk(window).tree == doc.report.tree and doc.undo_stack.count() == 0
    form.refresh()  # a refresh must not throw the typed text away
    assert form.title.text() == old + " ใหม่"
    monkeypatch.setattr(doc.store, "update_node", real)
    form.flush()  # tried again once the disk is back
    assert node.title == old + " ใหม่" and on_disk(window) == doc.report


def test_keys_f2_and_ctrl_f_and_tree_only_keys(window, qtbot):
    window.tree.view.setFocus()
    qtbot.keyClick(window.tree.view, Qt.Key.Key_F2)
    assert window.item_form.title.hasFocus()
    node = current(window)
    # in a text field, Delete and Ctrl+Down edit text: they don't delete or move the item
    qtbot.keyClick(window.item_form.title, Qt.Key.Key_Delete)
    qtbot.keyClick(window.item_form.title, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.document.node_by_id(node.id) is node and window.document.row_of(node.id) == 0
    assert not window.confirmations
    qtbot.keyClick(window.item_form.title, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tree.filter.hasFocus()


def test_add_an_empty_report_to_the_file_and_year_change_updates_selector(window):
    doc = window.document
    assert window.files.add_report(2565, 6, framework=True)
    assert (doc.report.fiscal_year, doc.report.round) == (2565, 6) and len(doc.report.tree) == 4
    assert window.report_selector.count() == 2
    assert not window.files.add_report(2565, 6, framework=False)  # exists
    assert doc.set_report_field("fiscal_year", 2566)
    assert "๒๕๖๖" in window.report_selector.currentText()


def test_arabic_digits_option(window):
    model = window.tree.model
    window.set_digits("arabic")
    assert model.data(model.index(0, 0)).startswith("มิติที่ 1 ")
    assert window.item_form.caption.text().startswith("1.1.1 (1)")
    assert window.settings.get("digits") == "arabic"
    window.set_digits("thai")
    assert model.data(model.index(0, 0)).startswith("มิติที่ ๑ ")


def test_pdf_export_cancel(window, qtbot, tmp_path):
    out = tmp_path / "cancelled.pdf"
    window.files.start_pdf(str(out))
    window.files._progress.canceled.emit()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: not window.files.pdf_running(), timeout=120_000)
    assert window.files.pdf_was_cancelled and not out.exists()
    assert not list(tmp_path.glob("*.pdf-part"))


def test_a_file_without_reports_opens_and_can_get_one(window, tmp_path):
    from pipun_desktop.core.model import Organization

    path = tmp_path / "empty.pipun"
    ReportStore.create(path, Organization("อบต.ว่าง")).close()
    assert window.files.open_path(path)
    assert window.document.report is None and window.tree.current_id() is None
    assert window.add_item() is None and not window.act_export_pdf.isEnabled()
    assert window.files.add_report(2568, 6, framework=False)
    assert window.document.report.fiscal_year == 2568 and window.add_heading() is not None


def test_tab_order_reads_down_the_form(window):
    f = window.item_form
    f.item_type.setFocus()
    seen = []
    for _ in range(40):
        w = QApplication.focusWidget()
        seen.append(w)
        if w is f.details.add_button:
            break
        w.focusNextChild()
    expected = [
        f.item_type,
        f.status,
        f.title,
        f.indicator,
        f.target,
        f.result,
        *(f.amounts[k].line for k in ("integrated", "agency", "disbursed")),
        *f.approaches,
        f.note,
        f.details.blocks[0].heading,
        f.details.blocks[0].body,
    ]
    assert seen[: len(expected)] == expected
    assert seen[-1] is f.details.add_button


def test_opening_a_json_document_makes_a_data_file_in_the_data_folder(window, data_dir):
    assert window.files.open_path(SAMPLE)
    assert window.document.path.parent == data_dir
    assert window.document.path.suffix == ".pipun" and len(list(window.document.report.items())) == 66


def test_a_file_open_elsewhere_is_offered_read_only(window, tmp_path):
    other = tmp_path / "other.pipun"
    with ReportStore.create(other) as store:
        store.import_document(read_document(SAMPLE))
    holder = ReportStore.open(other)  # another program editing it
    try:
        window.confirm = lambda title, text: window.confirmations.append(text) or False
        assert not window.files.open_path(other)  # declined: the current file stays open
        assert window.document.path.name == "sample.pipun" and window.confirmations
        window.confirm = lambda title, text: True
        assert window.files.open_path(other)
        assert window.document.read_only and "อ่านอย่างเดียว" in window.windowTitle()
    finally:
        holder.close()


def test_restore_from_backup_and_history_through_the_window(window, qtbot, monkeypatch, tmp_path):
    doc = window.document
    node = current(window)
    old = node.title
    doc.store.backup("manual")
    doc.set_node_field(node.id, "title", "แก้แล้ว")
    from pipun_desktop.storage.backup import list_backups

    backup = next(b for b in list_backups(doc.path) if b.reason == "manual")
    assert window.files.restore_from(backup.path)
    restored = next(window.document.report.items())
    assert restored.title == old and current(window).title == old
    assert window.item_form.title.text() == old
    window.act_node_history.trigger()
    from pipun_desktop.ui.history_dialog import HistoryDialog

    dialogs = [w for w in window.findChildren(HistoryDialog)]
    assert dialogs and dialogs[-1].isVisible()


def test_leaving_not_possible_drops_the_reason_in_one_undo_step(window):
    form = window.item_form
    node = current(window)
    for field, value in (("status", "not_possible"), ("reason", "no_staff")):
        combo = getattr(form, field)
        combo.setCurrentIndex(combo.findData(value))
        combo.activated.emit(combo.currentIndex())
    assert (node.status, node.status_reason) == ("not_possible", "no_staff")
    form.status.setCurrentIndex(form.status.findData("done"))
    form.status.activated.emit(form.status.currentIndex())
    assert (node.status, node.status_reason) == ("done", None) and not form.reason.isVisible()
    assert on_disk(window) == window.document.report
    window.undo()
    assert (node.status, node.status_reason) == ("not_possible", "no_staff") and form.reason.isVisible()
