"""What the Word and Excel readers hand to the form reader: paragraphs and tables of cell texts, in order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u3000]+")
_INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff\u00ad")
_THAI = re.compile(r"[\u0e00-\u0e7f]")


def clean_line(text: str) -> str:
    """One line as typed: NBSPs and tabs become one space, invisible marks go, ends trimmed."""
    return _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()


def body_line(text: str) -> str:
    """A paragraph of running text: invisible marks go and NBSPs become spaces, but tabs (a small table typed
    with tabs) and the typist's spacing inside the line stay; soft line breaks stay as line breaks."""
    lines = [ln.translate(_INVISIBLE).replace("\u00a0", " ").strip(" ") for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln.strip()).strip()


def join_lines(lines: list[str], keep_breaks: bool = False) -> str:
    """Lines of one cell or paragraph joined back into the text that was typed.

    Thai has no spaces between words, so a break between two Thai letters is where Word (or the typist)
    wrapped a line and the halves join with nothing; a break next to Latin text or digits was a space. A line
    that starts a list ("-", "•", "๑)", "1.") keeps its line break; so does every line with `keep_breaks`.
    """
    out = ""
    for raw in lines:
        line = clean_line(raw)
        if not line:
            continue
        if not out:
            out = line
        elif keep_breaks or _starts_list(line):
            out += "\n" + line
        elif _THAI.match(line[0]) and _THAI.match(out[-1]):
            out += line
        else:
            out += " " + line
    return out


_LIST_START = re.compile(r"^(?:[-•▪●○◦*–]|\(?[0-9๐-๙]{1,2}[).]\s)")


def _starts_list(line: str) -> bool:
    return bool(_LIST_START.match(line))


@dataclass
class Para:
    """One paragraph of running text (or one row of a table that is not the form, flattened)."""

    text: str
    bold: bool = False


@dataclass
class Cell:
    """One cell of a table row, at grid column `col`, spanning `span` grid columns."""

    col: int
    span: int
    lines: list[str]
    number: Decimal | None = None  # Excel: a number cell's exact stored value
    formula: str | None = None  # Excel: the formula, when the cell holds one
    continued: bool = False  # Word: a vertically merged cell's continuation (its text is above)

    @property
    def text(self) -> str:
        return join_lines(self.lines)


@dataclass
class Row:
    cells: list[Cell]
    where: str  # "ตารางที่ ๒ แถวที่ ๕" / "แถวที่ 12": for messages

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    def plain(self) -> str:
        """The row's text as one line, for the summary."""
        text = " | ".join(t.replace("\n", " ") for t in self.texts() if t)
        return text if len(text) <= 160 else text[:157] + "…"


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    name: str = ""


Block = Para | Table
