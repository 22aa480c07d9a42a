"""argparse's own messages in Thai, so a mistyped command line still answers in the officer's language.

argparse looks its texts up through ``gettext`` under the default domain, where no Thai catalogue exists;
the lookups are swapped for ours only while our parser builds and parses, then put back.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from typing import Any, cast

THAI = {
    "usage: ": "วิธีใช้: ",
    "positional arguments": "สิ่งที่ต้องระบุ",
    "options": "ตัวเลือก",
    "show this help message and exit": "แสดงคำอธิบายนี้แล้วจบ",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "ยังไม่ได้ระบุ %s",
    "unrecognized arguments: %s": "ไม่รู้จัก %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ไม่มีตัวเลือก %(value)r (เลือกได้: %(choices)s)",
    "invalid %(type)s value: %(value)r": "ค่า %(value)r ใช้ไม่ได้",
    "expected one argument": "ต้องตามด้วยค่าหนึ่งค่า",
    "expected at most one argument": "ตามด้วยค่าได้ไม่เกินหนึ่งค่า",
    "expected at least one argument": "ต้องตามด้วยค่าอย่างน้อยหนึ่งค่า",
    "ambiguous option: %(option)s could match %(matches)s": "ตัวเลือก %(option)s กำกวม อาจหมายถึง %(matches)s",
    "one of the arguments %s is required": "ต้องระบุอย่างใดอย่างหนึ่งใน %s",
    "not allowed with argument %s": "ใช้ร่วมกับ %s ไม่ได้",
    "ignored explicit argument %r": "ตัวเลือกนี้ไม่รับค่า %r",
    "unexpected option string: %s": "ไม่ได้คาดว่าจะมีตัวเลือก %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ข้อผิดพลาด: %(message)s\n",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "ไม่มีคำสั่ง %(parser_name)r (มีคำสั่ง: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "เปิด '%(filename)s' ไม่ได้: %(error)s",
}
THAI_PLURAL = {
    "expected %s argument": "ต้องตามด้วยค่า %s ค่า",
    "expected %s arguments": "ต้องตามด้วยค่า %s ค่า",
}


def _thai(message: str) -> str:
    return THAI.get(message, message)


def _thai_plural(singular: str, plural: str, n: int) -> str:
    chosen = singular if n == 1 else plural
    return THAI_PLURAL.get(chosen, chosen)


@contextlib.contextmanager
def thai_messages() -> Iterator[None]:
    module = cast(Any, argparse)  # argparse's gettext hooks are not in its stubs
    saved = module._, module.ngettext
    module._, module.ngettext = _thai, _thai_plural
    try:
        yield
    finally:
        module._, module.ngettext = saved
