"""Activity photos in the window: added from the file dialog and by dropping files on the item's form,
captioned, reordered, removed, each step undone with Ctrl+Z; hostile files refused naming the item."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

import images_for_tests as imgs  # noqa: E402
import test_ui_window  # noqa: E402
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDragEnterEvent, QDropEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog  # noqa: E402
from test_ui_window import type_text  # noqa: E402

from pipun_desktop.storage.store import ReportStore  # noqa: E402

window = test_ui_window.window  # the window on the sample, as the other window tests drive it


@pytest.fixture
def data_file(sample_data_file):
    return sample_data_file


@pytest.fixture
def files(tmp_path):
    paths = {}
    for name, data in (
        ("a.jpg", imgs.jpeg_bytes(3000, 2000)),
        ("b.png", imgs.png_bytes(300, 200, (10, 120, 200))),
        ("c.JPG", imgs.jpeg_bytes(640, 480)),
        ("bomb.png", imgs.bomb_png()),
        ("cut.jpg", imgs.truncated_jpeg()),
        ("notes.jpg", b"meeting notes, not a picture\n" * 10),
    ):
        (tmp_path / name).write_bytes(data)
        paths[name] = str(tmp_path / name)
    return paths


def stored_photos(path, node_id):
    with ReportStore.open(path, read_only=True) as store:
        report = store.load_report(store.reports()[0].id)
    return next(i for i in report.items() if i.id == node_id).photos


def select_first_item(window, qtbot):
    item = next(window.document.report.items())
    window.tree.select_node(item.id)
    qtbot.waitUntil(lambda: window.item_form.item() is not None and window.item_form.item().id == item.id)
    return item


def drop_files(widget, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    enter = QDragEnterEvent(
        pos.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, drop)


def undo(window, qtbot):
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_add_caption_reorder_remove_and_undo_each(qtbot, window, data_file, files, monkeypatch, tmp_path):
    item = select_first_item(window, qtbot)
    form = window.item_form
    editor = form.photos
    # add two from the file dialog (one click on เพิ่มภาพ…)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([files["a.jpg"], files["b.png"]], ""))
    )
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert len(editor.rows) == 2
    photos = stored_photos(data_file, item.id)
    assert len(photos) == 2
    from io import BytesIO

    from PIL import Image

    assert Image.open(BytesIO(photos[0].image)).size == (1600, 1067)  # made small as it entered
    # caption typed into the first row, committed on leaving the field
    editor.rows[0].caption.setFocus()
    type_text(editor.rows[0].caption, "ประชุมชี้แจง & ลงนาม")
    QTest.keyClick(editor.rows[0].caption, Qt.Key.Key_Return)
    assert stored_photos(data_file, item.id)[0].caption == "ประชุมชี้แจง & ลงนาม"
    # drop a third on the item's form
    drop_files(form, [files["c.JPG"]])
    assert len(stored_photos(data_file, item.id)) == 3
    third = stored_photos(data_file, item.id)[2].image
    # move the third up, then remove the first
    QTest.mouseClick(editor.rows[2].up, Qt.MouseButton.LeftButton)
    assert stored_photos(data_file, item.id)[1].image == third
    QTest.mouseClick(editor.rows[0].remove, Qt.MouseButton.LeftButton)
    after = stored_photos(data_file, item.id)
    assert len(after) == 2 and after[0].image == third
    # undo each step with Ctrl+Z, in the window
    undo(window, qtbot)  # the removal
    assert [p.caption for p in stored_photos(data_file, item.id)][0] == "ประชุมชี้แจง & ลงนาม"
    assert len(editor.rows) == 3
    undo(window, qtbot)  # the move
    assert stored_photos(data_file, item.id)[2].image == third
    undo(window, qtbot)  # the drop
    assert len(stored_photos(data_file, item.id)) == 2
    undo(window, qtbot)  # the caption
    assert stored_photos(data_file, item.id)[0].caption == ""
    undo(window, qtbot)  # the two added from the dialog, as one step
    assert stored_photos(data_file, item.id) == []
    assert editor.rows == [] or len(editor.rows) == 0
    QTest.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(stored_photos(data_file, item.id)) == 2
    assert len(editor.rows) == 2
    qtbot.waitUntil(lambda: all(row.isVisible() for row in editor.rows))
    editor.grab().save(str(tmp_path / "photos.png"))


@pytest.mark.parametrize(
    "name, words", [("bomb.png", "ใหญ่เกินไป"), ("cut.jpg", "เสียหาย"), ("notes.jpg", "ไม่ใช่ไฟล์ภาพ")]
)
def test_hostile_files_are_refused_naming_the_item_and_nothing_is_written(
    qtbot, window, data_file, files, name, words
):
    item = select_first_item(window, qtbot)
    before = data_file.read_bytes()
    editor = window.item_form.photos
    drop_files(window.item_form, [files["c.JPG"], files[name]])  # all or nothing
    assert stored_photos(data_file, item.id) == []
    message = editor.error.text()
    assert editor.error.isVisibleTo(window)
    assert name in message and words in message
    assert window.document.number_of(item.id) in message
    assert data_file.read_bytes() == before
    assert not window.document.undo_stack.canUndo()


@pytest.mark.parametrize(
    "name, words", [("bomb.png", "ใหญ่เกินไป"), ("cut.jpg", "เสียหาย"), ("notes.jpg", "ไม่ใช่ไฟล์ภาพ")]
)
def test_hostile_emblem_is_refused_with_its_name_and_nothing_stored(
    qtbot, window, data_file, files, name, words
):
    form = window.report_form
    before = data_file.read_bytes()
    assert not form.load_emblem(files[name])
    message = form.emblem.error.text()
    assert "ภาพตราสัญลักษณ์" in message and name in message and words in message
    assert window.document.report.announcement.emblem_png is None
    assert data_file.read_bytes() == before
