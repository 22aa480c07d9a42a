"""An amount field: accepts "๒๐,๐๐๐", "20,000.50", "-" or nothing; refuses anything else in place.

The value is integer satang (None for no amount). Invalid text gets a red border and the Thai message from
AmountError under the field, and is not emitted: the previous value stays in the file.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from ..thai.amounts import AmountError, format_amount, parse_amount
from .editing import Committer

INVALID_STYLE = "QLineEdit { border: 2px solid #c62828; border-radius: 3px; background: #fff5f5; }"


class AmountEdit(QWidget):
    """A line edit for baht with an error line; emits `value_committed(value)` for valid input only."""

    value_committed = Signal(object)  # int satang or None

    def __init__(self, digits: str = "thai", parent=None):
        super().__init__(parent)
        self.digits = digits
        self._value: int | None = None
        self.line = QLineEdit(self)
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.line.setPlaceholderText("-")
        self.line.setFixedHeight(self.line.sizeHint().height())  # the red border of an error adds no height
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        # the error line never widens the field (amounts side by side keep their widths)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.error.setSizePolicy(policy)
        self.error_prefix = ""
        self.error.hide()
        self.layout_ = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.error)
        self.setFocusProxy(self.line)
        # amounts commit on Enter / leaving the field only: half-typed "20,0" is not an error yet
        self.committer = Committer(self.line, self._commit_text, idle_ms=None, parent=self)
        self.line.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        # leaving the field shows the amount the way it prints, also after Enter committed it ("-" → "")
        if obj is self.line and event.type() == QEvent.Type.FocusOut and self.is_valid():
            if not self.committer.pending:
                self._show_formatted()
        return False

    def _show_formatted(self) -> None:
        shown = "" if self._value is None else format_amount(self._value, self.digits)
        if self.line.text() != shown:
            self.line.blockSignals(True)
            self.line.setText(shown)
            self.line.blockSignals(False)

    def take_error_line(self, prefix: str = "") -> QLabel:
        """Hand the error line to the form, to show where it keeps the layout still (e.g. a row under several
        amounts); its messages start with `prefix` (the field's name)."""
        self.layout_.removeWidget(self.error)
        self.error.setParent(None)
        self.error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.error_prefix = prefix
        return self.error

    def value(self) -> int | None:
        return self._value

    def is_valid(self) -> bool:
        return self.error.isHidden()

    def set_value(self, value: int | None) -> None:
        """Show a stored value (clears any error mark)."""
        self._value = value
        self.committer.discard()
        self.line.blockSignals(True)
        self.line.setText("" if value is None else format_amount(value, self.digits))
        self.line.blockSignals(False)
        self._mark(None)

    def _mark(self, message: str | None) -> None:
        if message:
            self.line.setStyleSheet(INVALID_STYLE)
            self.line.setToolTip(message)
            self.error.setText(self.error_prefix + message)
            self.error.show()
        else:
            self.line.setStyleSheet("")
            self.line.setToolTip("")
            self.error.hide()

    def _commit_text(self, text: str) -> None:
        try:
            value = parse_amount(text)
        except AmountError as exc:
            self._mark(str(exc))
            return
        self._mark(None)
        if value != self._value:
            self._value = value
            self.value_committed.emit(value)
        # show it the way it prints ("๒๐,๐๐๐") once typed
        if not self.line.hasFocus():
            self._show_formatted()

    def set_stored(self, value: int | None) -> None:
        """The file still holds `value` (a write failed): keep the typed text, retry on the next commit."""
        self._value = value

    def flush(self) -> None:
        self.committer.flush()
