"""Every value read from a data file is checked before it reaches the model.

A file may match the schema exactly and still hold values of the wrong type: SQLite stores any value in any
column unless the table is STRICT, and a file from elsewhere (or an older version of this program, or a
broken disk) may carry a BLOB where a title belongs, text in the emblem, a REAL year, an amount 'abc' or a
date 'yesterday'. The loader reads each column through one of these checks; the first bad value ends the load
with a Thai message that names the file, the column and the row, never a TypeError later in the summary, the
checks or the PDF.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from typing import Literal, overload

from ..core.limits import too_long, too_long_message
from ..core.rules import FISCAL_YEAR_MAX, FISCAL_YEAR_MIN
from ..thai.amounts import MAX_SATANG
from .errors import StorageError

YEAR_LOW, YEAR_HIGH = (
    FISCAL_YEAR_MIN,
    FISCAL_YEAR_MAX,
)  # core.rules: the schema's CHECK and the JSON format too
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


class BadValueError(StorageError):
    """A value in the file that this program never writes; the message names where it is."""


class Values:
    """Checks for the columns of one row (`where`: "รายงานแถว 3", "รายการแถว 12") of the file `name`."""

    def __init__(self, name: str, table: str, row_id: object):
        self.name, self.table, self.row_id = name, table, row_id

    def fail(self, column: str, reason: str) -> BadValueError:
        return BadValueError(
            f"ไฟล์ {self.name} มีค่าที่ไม่ถูกต้อง: {self.table}.{column} แถว {self.row_id} {reason} "
            f"(ไฟล์อาจเสียหายหรือถูกแก้ด้วยโปรแกรมอื่น โปรดกู้คืนจากสำเนาสำรอง)"
        )

    def text(self, column: str, value: object) -> str:
        if not isinstance(value, str):
            raise self.fail(column, f"ต้องเป็นข้อความ ไม่ใช่{_kind(value)}")
        if too_long(value):
            raise self.fail(column, too_long_message(len(value)))
        return value

    def opt_text(self, column: str, value: object) -> str | None:
        return None if value is None else self.text(column, value)

    def integer(self, column: str, value: object, low: int, high: int) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(column, f"ต้องเป็นจำนวนเต็ม ไม่ใช่{_kind(value)}")
        if not low <= value <= high:
            raise self.fail(column, f"ต้องอยู่ระหว่าง {low} ถึง {high} ไม่ใช่ {value}")
        return value

    def opt_integer(self, column: str, value: object, low: int, high: int) -> int | None:
        return None if value is None else self.integer(column, value, low, high)

    def amount(self, column: str, value: object) -> int | None:
        """Integer satang, 0 up to MAX_SATANG (exclusive), or None for no amount."""
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(column, f"ต้องเป็นจำนวนเงินเป็นสตางค์ (จำนวนเต็ม) ไม่ใช่{_kind(value)}")
        if not 0 <= value < MAX_SATANG:
            raise self.fail(column, f"จำนวนเงิน {value} สตางค์ อยู่นอกช่วงที่ใช้ได้")
        return value

    def flag(self, column: str, value: object) -> bool:
        if value not in (0, 1) or not isinstance(value, int):
            raise self.fail(column, f"ต้องเป็น 0 หรือ 1 ไม่ใช่{_kind(value)}")
        return bool(value)

    @overload
    def choice(
        self, column: str, value: object, choices: Collection[str], allow_none: Literal[False]
    ) -> str: ...

    @overload
    def choice(
        self, column: str, value: object, choices: Collection[str], allow_none: bool = True
    ) -> str | None: ...

    def choice(
        self, column: str, value: object, choices: Collection[str], allow_none: bool = True
    ) -> str | None:
        if value is None and allow_none:
            return None
        if not isinstance(value, str) or value not in choices:
            raise self.fail(column, f"ไม่ใช่ค่าที่ใช้ได้ ({_kind(value)})")
        return value

    def date(self, column: str, value: object) -> dt.date | None:
        """A plain ISO date YYYY-MM-DD (year 1 or later), or None."""
        if value is None:
            return None
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            raise self.fail(column, f"ต้องเป็นวันที่แบบ 2021-04-08 ไม่ใช่{_kind(value)}")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(column, f"ไม่ใช่วันที่ที่มีอยู่จริง ({value})") from None

    def blob(self, column: str, value: object) -> bytes | None:
        if value is None:
            return None
        if not isinstance(value, bytes):
            raise self.fail(column, f"ต้องเป็นข้อมูลภาพ ไม่ใช่{_kind(value)}")
        return value


def _kind(value: object) -> str:
    """What a wrong value is, in Thai, without printing it whole (it may be megabytes)."""
    if value is None:
        return "ค่าว่าง (NULL)"
    if isinstance(value, bytes):
        return f"ข้อมูลไบนารี {len(value):,} ไบต์"
    if isinstance(value, float):
        return f"ทศนิยม {value!r}"[:60]
    if isinstance(value, int):
        return f" {value}"[:40]
    if isinstance(value, str):
        shown = " ".join(value[:60].split())
        shown = shown if len(shown) <= 30 else shown[:27] + "…"
        return f"ข้อความ “{shown}”"
    return type(value).__name__
