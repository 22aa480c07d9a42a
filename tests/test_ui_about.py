"""Help > เกี่ยวกับโปรแกรม, opened with the mouse from the menu bar: the version and where the data lives."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMenu  # noqa: E402

from pipun_desktop import __version__  # noqa: E402
from pipun_desktop.ui.about_dialog import AboutDialog  # noqa: E402
from pipun_desktop.ui.main_window import MainWindow  # noqa: E402
from pipun_desktop.ui.settings import Settings  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path, sample_data_file):
    w = MainWindow(Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(w)
    assert w.files.open_path(sample_data_file)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def click_menu(qtbot, window, title: str, item: str):
    bar = window.menuBar()
    menu_action = next(a for a in bar.actions() if a.text() == title)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu_action).center())
    menu = menu_action.menu()
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.text() == item)
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_about_box_from_the_help_menu_shows_the_version(qtbot, window, sample_data_file, data_dir, tmp_path):
    click_menu(qtbot, window, "ช่วยเหลือ", "เกี่ยวกับโปรแกรม")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AboutDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.windowTitle() == "เกี่ยวกับโปรแกรม"
    text = dialog.text()
    assert f"รุ่น {__version__}" in text  # the same version --version prints
    assert "โปรแกรมรายงานผลการดำเนินการป้องกันการทุจริต" in text
    assert str(sample_data_file) in text and str(data_dir) in text
    dialog.grab().save(str(tmp_path / "about.png"))
    QTest.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert QApplication.activeModalWidget() is None


def test_about_box_escapes_a_file_name_that_looks_like_markup(qtbot):
    dialog = AboutDialog(None, "/tmp/<b>ตัวหนา</b>&amp;.pipun")
    qtbot.addWidget(dialog)
    assert "/tmp/<b>ตัวหนา</b>&amp;.pipun" in dialog.text()


def test_help_menu_is_last(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == "ช่วยเหลือ" and isinstance(window.menuBar().actions()[-1].menu(), QMenu)
