"""Check before printing: before an export, a preview or a print, the errors the checks find are listed and
the officer decides whether to go on (warnings never stop it). Issue 13.5."""

from __future__ import annotations

from collections.abc import Callable

from ..core.checks import ERROR, check_report
from ..core.model import Report

SHOWN = 12  # errors listed in the box; the rest are counted
GO_ON = {"export": "ส่งออกต่อ", "preview": "ดูตัวอย่างต่อ", "print": "พิมพ์ต่อ"}
DOING = {"export": "ส่งออก PDF", "preview": "ดูตัวอย่างก่อนพิมพ์", "print": "พิมพ์"}
BACK = "กลับไปแก้ไข"


def errors_text(report: Report, digits: str, action: str) -> str | None:
    """The question to ask before `action` (export, preview, print), or None when the checks find no error."""
    errors = [f for f in check_report(report, digits) if f.severity == ERROR]
    if not errors:
        return None
    from ..thai.digits import render_digits

    count = render_digits(str(len(errors)), digits)
    lines = [f"รายงานนี้มีข้อผิดพลาด {count} รายการ (แสดงในแผงตรวจสอบด้วย):", ""]
    lines += [f"• {f.number + ': ' if f.number else ''}{f.message}" for f in errors[:SHOWN]]
    if len(errors) > SHOWN:
        lines.append(f"… และอีก {render_digits(str(len(errors) - SHOWN), digits)} รายการ")
    lines += ["", f"ต้องการ{DOING[action]} ทั้งที่ยังมีข้อผิดพลาดหรือไม่"]
    return "\n".join(lines)


def errors_allow(
    choose: Callable[[str, str, list[str]], int], report: Report, digits: str, action: str
) -> bool:
    """True when the report has no error, or the officer chose to go on despite them."""
    text = errors_text(report, digits, action)
    if text is None:
        return True
    return choose("ตรวจสอบก่อนพิมพ์", text, [GO_ON[action], BACK]) == 0
