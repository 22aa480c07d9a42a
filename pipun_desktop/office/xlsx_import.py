"""Reading an Excel workbook (.xlsx) into rows of cells, then into a report.

The SpreadsheetML is read directly (defusedxml, streamed row by row, after the package checks in `package.py`):
shared and inline strings, numbers kept as the exact decimal text Excel stored (never a float), formulas with
their cached values, merged cells. A total row whose formulas carry no cached value (a workbook written by a
program, not saved by Excel) is worked out here for SUM(…) and +/- of cells, so it can still be compared.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree.ElementTree import Element

from .blocks import Block, Cell, Row, Table
from .export_marks import import_marks
from .form_table import MAX_FORM_ROWS, FormReader, ImportResult, YearNeeded
from .package import OfficeImportError, Package

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
DOC_TYPES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
MAX_SHEET_ROWS = MAX_FORM_ROWS + 500  # the form plus its title block and signatures
MAX_COLUMNS = 200
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d{1,7})$")


def col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def _ref(text: str) -> tuple[int, int] | None:
    m = _REF.match(text.strip().upper())
    return (int(m[2]), col_index(m[1])) if m else None


class Sheet:
    def __init__(self, name: str, part: str):
        self.name = name
        self.part = part
        self.cells: dict[
            tuple[int, int], tuple[str, Decimal | None, str | None]
        ] = {}  # text, number, formula
        self.merges: list[tuple[int, int, int, int]] = []  # r1, c1, r2, c2

    def evaluate(self, formula: str, depth: int = 0) -> Decimal | None:
        """SUM(A1:A9, B3), A1+A2-A3 and numbers; None for anything else."""
        if depth > 20:
            return None
        f = formula.strip().lstrip("=").replace(" ", "").upper()
        total = Decimal(0)
        for sign, term in re.findall(r"([+-]?)([^+-]+)", f):
            value = self._term(term, depth)
            if value is None:
                return None
            total += -value if sign == "-" else value
        return total

    def _term(self, term: str, depth: int) -> Decimal | None:
        m = re.fullmatch(r"SUM\((.*)\)", term)
        if m:
            total = Decimal(0)
            for arg in m[1].split(","):
                if ":" in arg:
                    a, b = (_ref(x) for x in arg.split(":", 1))
                    if a is None or b is None or (b[0] - a[0] + 1) * (b[1] - a[1] + 1) > 1_000_000:
                        return None
                    for r in range(a[0], b[0] + 1):
                        for c in range(a[1], b[1] + 1):
                            v = self._value((r, c), depth)
                            total += v or 0
                else:
                    v = self._term(arg, depth)
                    if v is None:
                        return None
                    total += v
            return total
        ref = _ref(term)
        if ref is not None:
            return self._value(ref, depth) or Decimal(0)
        try:
            return Decimal(term)
        except InvalidOperation:
            return None

    def _value(self, ref: tuple[int, int], depth: int) -> Decimal | None:
        cell = self.cells.get(ref)
        if cell is None:
            return None
        text, number, formula = cell
        if number is not None:
            return number
        if formula:
            return self.evaluate(formula, depth + 1)
        return None

    def table(self) -> Table:
        spans: dict[tuple[int, int], int] = {}
        covered: set[tuple[int, int]] = set()
        for r1, c1, r2, c2 in self.merges:
            spans[(r1, c1)] = c2 - c1 + 1
            for r in range(r1, min(r2, r1 + 1000) + 1):
                for c in range(c1, min(c2, c1 + MAX_COLUMNS) + 1):
                    if (r, c) != (r1, c1):
                        covered.add((r, c))
        by_row: dict[int, list[Cell]] = {}
        for (r, c), (text, number, formula) in sorted(self.cells.items()):
            if (r, c) in covered:
                continue
            if formula and number is None:
                number = self.evaluate(formula)
            if not text and number is None and not formula:
                continue
            lines = text.split("\n") if text else ([_plain(number)] if number is not None else [])
            by_row.setdefault(r, []).append(
                Cell(col=c, span=spans.get((r, c), 1), lines=lines, number=number, formula=formula)
            )
        rows = [Row(cells, f"แผ่นงาน {self.name} แถวที่ {r}") for r, cells in sorted(by_row.items())]
        return Table(rows, f"แผ่นงาน {self.name}")


def _plain(number: Decimal | None) -> str:
    if number is None:
        return ""
    text = format(number.normalize(), "f") if number == number.to_integral_value() else format(number, "f")
    return text


def _shared_strings(pkg: Package, part: str | None) -> list[str]:
    if part is None or not pkg.has(part):
        return []
    out = []
    for si in pkg.xml(part):
        out.append(_rich_text(si))
    return out


def _rich_text(el: Element) -> str:
    parts: list[str] = []
    for child in el:
        if child.tag == f"{S}t":
            parts.append(child.text or "")
        elif child.tag == f"{S}r":
            t = child.find(f"{S}t")
            if t is not None:
                parts.append(t.text or "")
    return "".join(parts)


def _read_sheet(pkg: Package, sheet: Sheet, strings: list[str]) -> None:
    rows = 0
    for _event, el in pkg.iterparse(sheet.part):
        tag = el.tag
        if tag == f"{S}c":
            ref = _ref(el.get("r", ""))
            if ref is None or ref[1] >= MAX_COLUMNS:
                el.clear()
                continue
            kind = el.get("t", "n")
            f = el.find(f"{S}f")
            v = el.find(f"{S}v")
            formula = (f.text or "") if f is not None and f.text else None
            raw = v.text if v is not None and v.text is not None else None
            text = ""
            number: Decimal | None = None
            if kind == "s" and raw is not None:
                try:
                    text = strings[int(raw)]
                except (ValueError, IndexError):
                    text = ""
            elif kind == "inlineStr":
                inline = el.find(f"{S}is")
                text = _rich_text(inline) if inline is not None else ""
            elif kind in ("str", "e"):
                text = raw or ""
            elif kind == "b":
                text = "TRUE" if raw == "1" else "FALSE"
            elif raw is not None:
                try:
                    number = Decimal(raw)
                    if not number.is_finite():
                        number = None
                except InvalidOperation:
                    number = None
            sheet.cells[ref] = (text, number, formula)
            el.clear()
        elif tag == f"{S}row":
            rows += 1
            if rows > MAX_SHEET_ROWS:
                raise OfficeImportError(
                    f"แผ่นงาน {sheet.name} มีมากกว่า {MAX_SHEET_ROWS:,} แถว ซึ่งมากเกินกว่ารายงานฉบับหนึ่ง จึงไม่นำเข้า"
                )
            el.clear()
        elif tag == f"{S}mergeCell":
            a, _, b = el.get("ref", "").partition(":")
            ra, rb = _ref(a), _ref(b or a)
            if ra and rb:
                sheet.merges.append((ra[0], ra[1], rb[0], rb[1]))


def read_xlsx_sheets(path: Path) -> list[Sheet]:
    pkg = Package(Path(path), "excel")
    try:
        workbook = None
        for rel_type, target, _mode in pkg.rels("").values():
            if rel_type in DOC_TYPES:
                workbook = target
        workbook = workbook or "xl/workbook.xml"
        if not pkg.has(workbook):
            raise OfficeImportError(f"ไฟล์ {Path(path).name} ไม่ใช่สมุดงาน Excel (.xlsx) หรือไฟล์เสียหาย")
        rels = pkg.rels(workbook)
        strings_part = next((t for typ, t, _m in rels.values() if typ.endswith("/sharedStrings")), None)
        strings = _shared_strings(pkg, strings_part)
        sheets = []
        root = pkg.xml(workbook)
        for el in root.iter(f"{S}sheet"):
            rel = rels.get(el.get(f"{R}id", ""))
            if rel is None or not rel[0].endswith("/worksheet") or not pkg.has(rel[1]):
                continue  # chart sheets and dialog sheets hold no table
            sheet = Sheet(el.get("name", ""), rel[1])
            _read_sheet(pkg, sheet, strings)
            sheets.append(sheet)
        if not sheets:
            raise OfficeImportError(f"ไฟล์ {Path(path).name} ไม่มีแผ่นงาน (worksheet)")
        return sheets
    finally:
        pkg.close()


def import_xlsx(path: Path | str, year: int | None = None, sheet: str | None = None) -> ImportResult:
    """Read the form table from one worksheet: the one named, or the one with the most items."""
    path = Path(path)
    sheets = read_xlsx_sheets(path)
    if sheet is not None:
        chosen = [s for s in sheets if s.name == sheet] or [
            s for s in sheets if s.name.strip() == sheet.strip()
        ]
        if not chosen:
            names = ", ".join(f"“{s.name}”" for s in sheets)
            raise OfficeImportError(f"ไม่พบแผ่นงาน “{sheet}” ใน {path.name} (มี {names})")
        result = FormReader([chosen[0].table()], f"{path.name} แผ่นงาน {chosen[0].name}", year=year).read()
        result.sheet = chosen[0].name
        import_marks(result, path, "excel")  # a workbook this program exported: what its layout does not show
        return result
    found: list[tuple[ImportResult, Sheet]] = []
    first_error: OfficeImportError | None = None
    for s in sheets:
        blocks: list[Block] = [s.table()]
        try:
            found.append((FormReader(blocks, f"{path.name} แผ่นงาน {s.name}", year=year).read(), s))
        except YearNeeded:
            raise
        except OfficeImportError as exc:
            first_error = first_error or exc
    if not found:
        if len(sheets) == 1 and first_error is not None:
            raise first_error
        raise OfficeImportError(
            f"ไม่พบตารางแบบรายงาน (แถวหัวตาราง งาน/กิจกรรม/โครงการ ตัวชี้วัด เป้าหมาย …) ในแผ่นงานใดของ {path.name}"
        )
    best, best_sheet = max(found, key=lambda p: p[0].items)
    import_marks(best, path, "excel")
    others = [s.name for r, s in found if s is not best_sheet and r.items]
    best.sheet, best.other_sheets = best_sheet.name, others
    if others:
        best.notes.append(
            f"ใช้แผ่นงาน “{best_sheet.name}” (มีรายการมากที่สุด); แผ่นงาน "
            + ", ".join(f"“{n}”" for n in others)
            + " ก็มีตารางเช่นกัน (เลือกด้วย --sheet)"
        )
    return best
