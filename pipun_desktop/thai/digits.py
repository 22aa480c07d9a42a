"""Thai and Arabic digits."""

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")

DIGIT_STYLES = ("thai", "arabic")


def to_thai_digits(text: object) -> str:
    return str(text).translate(_TO_THAI)


def to_arabic_digits(text: object) -> str:
    return str(text).translate(_TO_ARABIC)


def render_digits(text: object, digits: str = "thai") -> str:
    """Render the digits of `text` in the requested style ("thai" or "arabic")."""
    if digits not in DIGIT_STYLES:
        raise ValueError(f"unknown digit style {digits!r}")
    return to_thai_digits(text) if digits == "thai" else to_arabic_digits(text)
