"""The lock dialog names who has the file and since when, and offers read-only."""

import pytest

pytest.importorskip("PySide6")

from pipun_desktop.storage.lock import LockInfo  # noqa: E402
from pipun_desktop.ui.lock_dialog import ask_read_only, lock_message  # noqa: E402

HOLDER = LockInfo("t", "somsri", "PC-การเงิน", 42, "2021-04-08T02:00:00+00:00", "2021-04-08T02:05:00+00:00")


def test_message_says_who_where_since_when():
    text = lock_message("/x/org.pipun", HOLDER)
    assert (
        "org.pipun" in text
        and "somsri" in text
        and "PC-การเงิน" in text
        and "เมษายน ๒๕๖๔" in text
        and "2021" not in text
    )
    assert "อ่านอย่างเดียว" in text


def test_answer_comes_from_the_windows_confirm():
    class Window:
        def __init__(self, answer):
            self.answer, self.asked = answer, []

        def confirm(self, title, text):
            self.asked.append(text)
            return self.answer

    yes, no = Window(True), Window(False)
    assert ask_read_only(yes, "/x/org.pipun", HOLDER) is True and "somsri" in yes.asked[0]
    assert ask_read_only(no, "/x/org.pipun", HOLDER) is False
