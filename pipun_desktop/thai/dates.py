"""Thai long dates in the Buddhist era."""

import datetime as dt

from .digits import render_digits

MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
BE_OFFSET = 543


def buddhist_year(d: dt.date) -> int:
    return d.year + BE_OFFSET


def thai_date(d: dt.date, digits: str = "thai", era: bool = False) -> str:
    """ "๘ เมษายน ๒๕๖๔", or "๘ เมษายน พ.ศ. ๒๕๖๔" with era=True."""
    year = f"พ.ศ. {buddhist_year(d)}" if era else str(buddhist_year(d))
    return render_digits(f"{d.day} {MONTHS[d.month - 1]} {year}", digits)
