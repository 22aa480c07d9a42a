import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipun_desktop.thai.amounts import (
    AmountError,
    decimal_string,
    format_amount,
    parse_amount,
    satang_from_decimal_string,
)
from pipun_desktop.thai.dates import thai_date
from pipun_desktop.thai.digits import render_digits, to_arabic_digits, to_thai_digits


def test_digits_both_ways():
    assert to_thai_digits("2564 (1)") == "๒๕๖๔ (๑)"
    assert to_arabic_digits("๒๕๖๔ ก") == "2564 ก"
    assert render_digits("12", "arabic") == "12"
    with pytest.raises(ValueError):
        render_digits("1", "roman")


@pytest.mark.parametrize(
    "text,satang",
    [
        ("๒๐,๐๐๐", 2_000_000),
        ("20,000.50", 2_000_050),
        ("20000", 2_000_000),
        ("-", None),
        ("", None),
        ("  ", None),
        ("๑๒.๕", 1250),
        ("1,234,567.89", 123_456_789),
        ("0", 0),
        ("20000 บาท", 2_000_000),
    ],
)
def test_parse_amount_accepts_what_officers_type(text, satang):
    assert parse_amount(text) == satang


@pytest.mark.parametrize(
    "text", ["12,3a", "1.234", "-5", "๒๐,๐๐", "1,2345", "abc", "1e5", "NaN", "1..2", ",100"]
)
def test_parse_amount_rejects_in_thai(text):
    with pytest.raises(AmountError) as err:
        parse_amount(text)
    assert "ไม่ใช่จำนวนเงิน" in str(err.value) and text in str(err.value)


def test_format_amount():
    assert format_amount(2_000_000) == "๒๐,๐๐๐"
    assert format_amount(2_000_050) == "๒๐,๐๐๐.๕๐"
    assert format_amount(None) == "-"
    assert format_amount(123_456_700, "arabic") == "1,234,567"
    assert (
        decimal_string(2_000_000) == "20000.00"
        and decimal_string(5) == "0.05"
        and decimal_string(None) is None
    )
    assert satang_from_decimal_string("20000.5") == 2_000_050
    for bad in ("20,000.00", "1.234", "-1", " 1", "1e3", ""):
        with pytest.raises(ValueError):
            satang_from_decimal_string(bad)


@given(st.integers(min_value=0, max_value=10**14), st.sampled_from(["thai", "arabic"]))
def test_format_then_parse_is_identity(satang, digits):
    assert parse_amount(format_amount(satang, digits)) == satang
    assert satang_from_decimal_string(decimal_string(satang)) == satang


@given(st.text(max_size=30))
def test_parse_amount_never_crashes(text):
    try:
        value = parse_amount(text)
    except AmountError:
        return
    assert value is None or (isinstance(value, int) and value >= 0)


def test_thai_dates():
    assert thai_date(dt.date(2021, 4, 8)) == "๘ เมษายน ๒๕๖๔"
    assert thai_date(dt.date(2021, 4, 8), era=True) == "๘ เมษายน พ.ศ. ๒๕๖๔"
    assert thai_date(dt.date(2020, 10, 1), "arabic") == "1 ตุลาคม 2563"
