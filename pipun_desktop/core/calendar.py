"""The Thai fiscal year (1 October to 30 September) and the two report rounds."""

import datetime as dt

from ..thai.dates import BE_OFFSET, thai_date


def round_period(fiscal_year: int, round_: int) -> tuple[dt.date, dt.date]:
    """Round 6 of 2564: 1 Oct 2020 – 31 Mar 2021; round 12: the whole fiscal year."""
    gregorian = fiscal_year - BE_OFFSET
    start = dt.date(gregorian - 1, 10, 1)
    if round_ == 6:
        return start, dt.date(gregorian, 3, 31)
    if round_ == 12:
        return start, dt.date(gregorian, 9, 30)
    raise ValueError(f"round must be 6 or 12, not {round_!r}")


def period_text(fiscal_year: int, round_: int, digits: str = "thai", era: bool = False) -> str:
    """ "๑ ตุลาคม ๒๕๖๓ – ๓๑ มีนาคม ๒๕๖๔"."""
    start, end = round_period(fiscal_year, round_)
    return f"{thai_date(start, digits, era)} – {thai_date(end, digits, era)}"


def fiscal_year_of(day: dt.date) -> int:
    """The Thai fiscal year (Buddhist era) that `day` falls in: from 1 October it is the next year's
    (30 September 2024 → 2567, 1 October 2024 → 2568)."""
    year = day.year + BE_OFFSET
    return year + 1 if day.month >= 10 else year
