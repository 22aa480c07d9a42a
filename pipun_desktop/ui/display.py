"""Display settings of the window, with one owner: the digit style (Thai ๑๒๓ or Arabic 123).

The main window holds the one `DisplaySettings`; every panel that shows numbers follows its `digits_changed`
signal (the document, the forms, the summary and the checks), so a switch reaches all of them at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

DIGIT_STYLES = ("thai", "arabic")


class DisplaySettings(QObject):
    digits_changed = Signal(str)

    def __init__(self, digits: str = "thai", parent: QObject | None = None):
        super().__init__(parent)
        self._digits = digits if digits in DIGIT_STYLES else "thai"

    @property
    def digits(self) -> str:
        return self._digits

    def set_digits(self, digits: str) -> None:
        if digits not in DIGIT_STYLES:
            raise ValueError(digits)
        if digits != self._digits:
            self._digits = digits
            self.digits_changed.emit(digits)
