"""Amounts in baht as officers type and print them; kept as integer satang, never float."""

import re
from decimal import Decimal, InvalidOperation

from .digits import render_digits, to_arabic_digits

EMPTY_MARKS = {"", "-", "–", "—"}
_AMOUNT_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$")
MAX_SATANG = 10**15  # a trillion baht: far above any local budget, well inside SQLite's integer


class AmountError(ValueError):
    """An amount the user typed that is not one; the message is Thai and names the input."""

    def __init__(self, text: str, reason: str = ""):
        self.text = text
        msg = f"“{text}” ไม่ใช่จำนวนเงิน"
        msg += f" ({reason})" if reason else " (พิมพ์ตัวเลข เช่น ๒๐,๐๐๐ หรือ 20000.50 หรือ - เมื่อไม่มี)"
        super().__init__(msg)


def parse_amount(text: object) -> int | None:
    """Parse "๒๐,๐๐๐", "20,000.50", "20000", "-" or "" into satang (None for no amount)."""
    if text is None:
        return None
    raw = str(text)
    s = to_arabic_digits(raw).strip().replace(" ", "")
    if s.endswith("บาท"):
        s = s[: -len("บาท")].strip()
    if s in EMPTY_MARKS:
        return None
    if not _AMOUNT_RE.match(s):
        if s.startswith("-") or s.startswith("−"):
            raise AmountError(raw, "จำนวนเงินติดลบไม่ได้")
        if re.match(r"^[\d,]*\.\d{3,}$", s):
            raise AmountError(raw, "ทศนิยมได้ไม่เกินสองตำแหน่ง")
        raise AmountError(raw)
    satang = int(Decimal(s.replace(",", "")) * 100)
    if satang >= MAX_SATANG:
        raise AmountError(raw, "จำนวนเงินมากเกินไป")
    return satang


def satang_from_decimal_string(s: str) -> int:
    """Strict parse of the interchange form ("20000.00", up to two decimals, no separators)."""
    # ASCII digits only (not Thai, full-width or Arabic-Indic ones), and the length first: a million digits
    # would make Decimal work for a long time (or overflow) before the range check could refuse them
    if not isinstance(s, str) or len(s) > 20 or not re.fullmatch(r"[0-9]+(?:\.[0-9]{1,2})?", s, re.ASCII):
        raise ValueError(s)
    try:
        value = Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - the regex already rules this out
        raise ValueError(s) from exc
    satang = int(value * 100)
    if satang >= MAX_SATANG:
        raise ValueError(s)
    return satang


def decimal_string(satang: int | None) -> str | None:
    """The interchange form: always two decimals ("20000.00"), None for no amount."""
    if satang is None:
        return None
    return f"{satang // 100}.{satang % 100:02d}"


def format_amount(satang: int | None, digits: str = "thai") -> str:
    """Print form: "๒๐,๐๐๐", "๒๐,๐๐๐.๕๐", or "-" for no amount."""
    if satang is None:
        return "-"
    baht, st = divmod(satang, 100)
    text = f"{baht:,}" + (f".{st:02d}" if st else "")
    return render_digits(text, digits)
