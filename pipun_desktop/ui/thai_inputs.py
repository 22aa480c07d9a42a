"""Inputs that show Thai: a Buddhist-era year spin box and a date field printing "๘ เมษายน ๒๕๖๔" that may be empty."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QSpinBox, QToolButton, QWidget

from ..thai.dates import BE_OFFSET, MONTHS, thai_date
from ..thai.digits import render_digits, to_arabic_digits

THAI_LOCALE = QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)
_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_LONG_DATE = re.compile(r"(\d{1,2})\s*([^\d\s]+)\s*(?:พ\.\s*ศ\.\s*)?(\d{4})")


def parse_thai_date(text: str) -> dt.date | None:
    """ "๘ เมษายน ๒๕๖๔", "8 เมษายน พ.ศ. 2564" or "8/4/2564" (Buddhist era; a Gregorian year is taken as one)."""
    s = to_arabic_digits(text or "").strip()
    if m := _NUMERIC_DATE.fullmatch(s):
        day, month, year = (int(g) for g in m.groups())
    elif m := _LONG_DATE.fullmatch(s):
        day, name, year = int(m.group(1)), m.group(2), int(m.group(3))
        if name not in MONTHS:
            return None
        month = MONTHS.index(name) + 1
    else:
        return None
    if year > 2400:
        year -= BE_OFFSET
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class ThaiDateEdit(QDateEdit):
    """A QDateEdit that shows and reads Thai dates in the Buddhist era; the arrow keys step day, month or year."""

    def __init__(self, parent=None, digits: str = "thai"):
        super().__init__(parent)
        self.digits = digits
        self.setLocale(THAI_LOCALE)
        # same section layout as the Thai text (day, month name, four-digit year), so stepping hits the right part
        self.setDisplayFormat("d MMMM yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(QDate(1900, 1, 1))
        self.setMaximumDate(QDate(2199, 12, 31))
        self._thai_calendar_popup()

    def _thai_calendar_popup(self) -> None:
        """The popup calendar shows the year in the Buddhist era too; Qt has no Buddhist calendar, so the
        year button's text is replaced (and its Gregorian year editor is not offered)."""
        cal = self.calendarWidget()
        cal.setLocale(THAI_LOCALE)
        cal.setFirstDayOfWeek(Qt.DayOfWeek.Sunday)
        cal.setHorizontalHeaderFormat(cal.HorizontalHeaderFormat.ShortDayNames)
        self._year_button = cal.findChild(QToolButton, "qt_calendar_yearbutton")
        if self._year_button is not None:
            self._year_button.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            cal.currentPageChanged.connect(self._show_popup_year)
            self._show_popup_year(cal.yearShown(), cal.monthShown())

    def _show_popup_year(self, year: int, _month: int = 0) -> None:
        self._year_button.setText(render_digits(str(year + BE_OFFSET), self.digits))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._year_button is not None:
            cal = self.calendarWidget()
            self._show_popup_year(cal.yearShown())

    def textFromDateTime(self, value: QDateTime) -> str:
        return thai_date(value.date().toPython(), self.digits)

    def dateTimeFromText(self, text: str) -> QDateTime:
        d = parse_thai_date(text)
        return QDateTime(QDate(d), self.time()) if d else self.dateTime()

    def validate(self, text: str, pos: int):
        if self.specialValueText() and text == self.specialValueText():
            return QValidator.State.Acceptable, text, pos
        d = parse_thai_date(text)
        if d is not None and self.minimumDate().toPython() <= d <= self.maximumDate().toPython():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos


class ThaiDateField(QWidget):
    """A date that may be empty: a tick box ("มีวันที่") and a ThaiDateEdit.

    `edited` fires while the user changes the date (stepping, the calendar), `finished` when an edit is
    complete (Enter, leaving the field, ticking or unticking); read the value with date().
    """

    edited = Signal()
    finished = Signal()
    EMPTY_TEXT = "ไม่ระบุวันที่"

    def __init__(self, parent=None, digits: str = "thai"):
        super().__init__(parent)
        self._loading = False
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(self)
        self.check.setToolTip("ติ๊กเพื่อระบุวันที่ เอาติ๊กออกเมื่อยังไม่มีวันที่")
        self.edit = ThaiDateEdit(self, digits)
        self.edit.setSpecialValueText(self.EMPTY_TEXT)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("๒๘ กุมภาพันธ์ ๒๕๖๘") + 56)
        lay.addWidget(self.check)
        lay.addWidget(self.edit)
        lay.addStretch(1)
        self.setFocusProxy(self.edit)
        self.check.clicked.connect(self._ticked)
        self.edit.dateChanged.connect(self._changed)
        self.edit.editingFinished.connect(self._finished)
        self.set_date(None)

    def date(self) -> dt.date | None:
        if not self.check.isChecked() or self.edit.date() == self.edit.minimumDate():
            return None
        return self.edit.date().toPython()

    def set_date(self, value: dt.date | None) -> None:
        """Show `value` without signalling an edit."""
        self._loading = True
        try:
            self.check.setChecked(value is not None)
            self.edit.setEnabled(value is not None and not self._read_only)
            self.edit.setDate(QDate(value) if value is not None else self.edit.minimumDate())
        finally:
            self._loading = False

    _read_only = False

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.check.setEnabled(not read_only)
        self.edit.setEnabled(self.check.isChecked() and not read_only)

    def _ticked(self, checked: bool) -> None:
        self._loading = True
        try:
            self.edit.setEnabled(checked)
            self.edit.setDate(QDate.currentDate() if checked else self.edit.minimumDate())
        finally:
            self._loading = False
        if checked:
            self.edit.setFocus()
        self.finished.emit()

    def _changed(self, _date) -> None:
        if not self._loading:
            self.edited.emit()

    def _finished(self) -> None:
        if not self._loading:
            self.finished.emit()


class ThaiYearSpinBox(QSpinBox):
    """A Buddhist-era year shown in Thai digits; typing accepts Thai or Arabic digits."""

    def __init__(self, parent=None, digits: str = "thai"):
        super().__init__(parent)
        self.digits = digits
        self.setKeyboardTracking(False)

    def textFromValue(self, value: int) -> str:
        return render_digits(str(value), self.digits)

    def valueFromText(self, text: str) -> int:
        digits = re.sub(r"\D", "", to_arabic_digits(text))
        return int(digits) if digits else self.value()

    def validate(self, text: str, pos: int):
        s = to_arabic_digits(text).strip()
        if not s:
            return QValidator.State.Intermediate, text, pos
        if not s.isdigit():
            return QValidator.State.Invalid, text, pos
        value = int(s)
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return (QValidator.State.Intermediate if len(s) < 4 else QValidator.State.Invalid), text, pos
