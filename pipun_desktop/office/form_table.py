"""Recognizing the form table (header rows, heading rows, item rows, total rows) in any office's document.

The Word and Excel readers turn a file into `Block`s (paragraphs and tables of cell texts, in document order);
`read_form` finds the form's header rows by their words (not their position), follows split tables, reads
the numbers typed in front of titles in either digit set, builds the tree, compares every "รวม" row with the
sums of what it imported, and reads the title block, narratives, conclusion, reporter and announcement from
the paragraphs around the table. Every row it skips and every guess it makes is listed in the result.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ..core.model import (
    Budget,
    Conclusion,
    DetailBlock,
    Document,
    Heading,
    Item,
    Node,
    Organization,
    Report,
    Reporter,
    walk,
)
from ..core.numbering import numbered
from ..core.totals import report_totals
from ..thai.amounts import AmountError, format_amount, parse_amount
from ..thai.dates import BE_OFFSET, MONTHS
from ..thai.digits import to_arabic_digits, to_thai_digits
from .blocks import Block, Cell, Para, Row, Table, body_line, clean_line, join_lines
from .package import OfficeImportError

MAX_FORM_ROWS = 20_000  # a 1,000-item report has ~1,300 rows; 100,000 rows is not a report


class YearNeeded(OfficeImportError):
    """The document is a multi-year plan: the caller must choose one of `years` (Buddhist era)."""

    def __init__(self, years: list[int]):
        self.years = years
        listed = ", ".join(to_thai_digits(str(y)) for y in years)
        super().__init__(f"เอกสารนี้เป็นแผนหลายปี (ปี {listed}) โปรดเลือกปีที่จะนำเข้า (--year)")


# -- what the import found -----------------------------------------------------------------------
@dataclass
class RowNote:
    where: str  # "ตารางที่ ๒ แถวที่ ๕", "แถวที่ 12", "ส่วนท้ายเอกสาร"
    text: str  # the row's own text
    reason: str  # Thai: why it was skipped, or what the reader was unsure of
    path: tuple[int, ...] | None = None  # the node it concerns (1-based positions), for the checks panel


@dataclass
class TotalCheck:
    where: str
    text: str
    label: str  # "มิติที่ ๑" or "ทั้งรายงาน"
    field: str  # integrated / agency / disbursed
    stated: int | None
    computed: int | None
    path: tuple[int, ...] | None = None

    @property
    def agrees(self) -> bool:
        return (self.stated or 0) == (self.computed or 0)


FIELD_LABELS = {"integrated": "งบบูรณาการ", "agency": "งบหน่วยงาน", "disbursed": "ผลเบิกจ่าย"}


@dataclass
class ImportResult:
    document: Document
    source: str
    dimensions: int = 0
    headings: int = 0
    items: int = 0
    narratives: int = 0
    skipped: list[RowNote] = field(default_factory=list)
    unsure: list[RowNote] = field(default_factory=list)
    totals: list[TotalCheck] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    plan_year: int | None = None
    sheet: str | None = None  # Excel: the worksheet read
    other_sheets: list[str] = field(default_factory=list)  # Excel: other worksheets that hold a form too

    @property
    def report(self) -> Report:
        return self.document.reports[0]

    @property
    def disagreements(self) -> list[TotalCheck]:
        return [t for t in self.totals if not t.agrees]

    def marks(self) -> list[tuple[tuple[int, ...], str]]:
        """(node path, message) for every row note and total that concerns a node: the checks panel shows them."""
        out = [(n.path, f"นำเข้า: {n.reason}") for n in self.unsure if n.path]
        for t in self.disagreements:
            if t.path:
                out.append((t.path, f"นำเข้า: {total_message(t)}"))
        return out

    def summary_lines(self) -> list[str]:
        r = self.report
        org = self.document.organization
        kind = f"แผนปี {to_thai_digits(str(self.plan_year))}" if self.plan_year else "รายงาน"
        lines = [
            f"อ่านจาก {self.source}: {kind} {org.name or '(ไม่พบชื่อหน่วยงาน)'} "
            f"ปีงบประมาณ {to_thai_digits(str(r.fiscal_year))} รอบ {to_thai_digits(str(r.round))} เดือน",
            f"มิติ {self.dimensions} หัวข้อทั้งหมด {self.headings} โครงการ/กิจกรรม/มาตรการ {self.items} "
            f"มีรายละเอียด (ผลการดำเนินงาน) {self.narratives}",
        ]
        t = report_totals(r).total
        lines.append(
            f"รวมงบบูรณาการ {format_amount(t.integrated)} งบหน่วยงาน {format_amount(t.agency)} "
            f"ผลเบิกจ่าย {format_amount(t.disbursed)} บาท"
        )
        lines += [f"หมายเหตุ: {n}" for n in self.notes]
        checked = len({(t.where, t.label) for t in self.totals})
        if self.totals:
            bad = self.disagreements
            lines.append(
                f"แถวรวม {checked} แถว ตรงกับผลรวมที่คำนวณ"
                if not bad
                else f"แถวรวมที่ไม่ตรงกับผลรวมที่คำนวณ {len(bad)} รายการ:"
            )
            lines += [f"  {t.where}: {total_message(t)}" for t in bad]
        lines.append(f"แถวที่ข้าม {len(self.skipped)} แถว" + (":" if self.skipped else ""))
        lines += [f"  {n.where}: {n.reason}: {n.text}" for n in self.skipped]
        lines.append(f"แถวที่ไม่แน่ใจ {len(self.unsure)} แถว" + (":" if self.unsure else ""))
        lines += [f"  {n.where}: {n.reason}: {n.text}" for n in self.unsure]
        return lines


def total_message(t: TotalCheck) -> str:
    return (
        f"{FIELD_LABELS[t.field]} {t.label} ในเอกสาร {format_amount(t.stated)} "
        f"แต่รวมจากรายการได้ {format_amount(t.computed)} บาท"
    )


# -- words -----------------------------------------------------------------------------------------
def key(text: str) -> str:
    """Text for comparing words: no spaces, no quotes, Arabic digits."""
    return to_arabic_digits(re.sub(r"[\s\u00a0\"“”'‘’]+", "", text))


DIGIT = "[0-9๐-๙]"
_DIM_RE = re.compile(rf"^(?:มิติที่|มติที่|มิติที|มิติ)\s*({DIGIT}+)\s*[.:)]?\s*(.*)$", re.S)
_NUM_RE = re.compile(rf"^({DIGIT}+(?:\s?\.\s?{DIGIT}+)+)\s?\.?\s*(?:\(\s*({DIGIT}+)\s*\))?\s*(.*)$", re.S)
_PAREN_RE = re.compile(rf"^\(?\s*({DIGIT}{{1,3}})\s*\)\s*(.*)$", re.S)
_DOT_RE = re.compile(rf"^({DIGIT}{{1,3}})\.\s+(.*)$", re.S)
TYPE_WORDS = (("โครงการ", "project"), ("กิจกรรม", "activity"), ("มาตรการ", "measure"))
TICKS = {"TRUE", "/", "✓", "✔", "√", "x", "X", "×", "✗", "☑", "☒", "■", "●", "•", "ü", "þ", "ถูก", "1", "๑"}
NO_TICK = {"FALSE", "", "-", "–", "—", "0", "๐"}


@dataclass(frozen=True)
class Number:
    kind: str  # "dimension", "dotted", "paren", "none"
    parts: tuple[int, ...]
    paren: int | None
    rest: str
    slip: str = ""  # a typing slip read as what it means


def split_number(text: str) -> Number:
    """The number typed in front of a title, and the title without it."""
    m = _DIM_RE.match(text)
    if m:
        slip = "" if text.startswith("มิติที่") else f"อ่าน “{text.split()[0][:8]}” เป็น “มิติที่”"
        return Number("dimension", (int(to_arabic_digits(m[1])),), None, m[2].strip(), slip)
    m = _NUM_RE.match(text)
    if m:
        parts = tuple(int(p) for p in to_arabic_digits(re.sub(r"\s", "", m[1])).split("."))
        paren = int(to_arabic_digits(m[2])) if m[2] else None
        return Number("dotted", parts, paren, m[3].strip())
    m = _PAREN_RE.match(text) or _DOT_RE.match(text)
    if m:
        return Number("paren", (), int(to_arabic_digits(m[1])), m[2].strip())
    return Number("none", (), None, text.strip())


def item_type_of(title: str) -> str | None:
    k = key(title)
    for word, kind in TYPE_WORDS:
        if k.startswith(word):
            return kind
    return None


# -- header recognition ------------------------------------------------------------------------------
TEXT_FIELDS = ("title", "indicator", "target", "result", "note", "status")
AMOUNT_FIELDS = ("integrated", "agency", "disbursed")
_YEAR_RE = re.compile(r"(?:ปี|พ\.ศ\.|ปีงบประมาณ)?\s*(25[0-9]{2}|๒๕[๐-๙]{2})")


TITLE_HEADERS = {"โครงการ", "กิจกรรม", "มาตรการ", "ชื่อโครงการ", "รายการ", "โครงการ/กิจกรรม/มาตรการ"}
_YEAR_HEADER = re.compile(
    r"^(?:งบประมาณ)?(?:ปีงบประมาณ|ปีพ\.ศ\.|ปี|พ\.ศ\.)?(25\d\d)(?:\(บาท\)|บาท|งบประมาณ(?:\(บาท\))?)?$"
)


def header_field(text: str) -> str | None:
    """The column a header cell names, or None; year columns of a plan come back as "year:2566"."""
    k = key(text)
    if not k or len(k) > 90:
        return None
    if k.startswith("แนวทาง"):
        return "approaches"
    if k.startswith(("สร้างจิตสำนึก", "ปลูกฝัง", "จิตสำนึก")):
        return "approach0"
    if k.startswith(("สร้างกลไก", "กลไก")):
        return "approach1"
    if k.startswith(("สร้างประสิทธิภาพ", "ประสิทธิภาพ")):
        return "approach2"
    if k.startswith("งบบูรณาการ"):
        return "integrated"
    if k.startswith(("งบหน่วยงาน", "งบของหน่วยงาน")):
        return "agency"
    if "เบิกจ่าย" in k and len(k) < 30:
        return "disbursed"
    year = _YEAR_HEADER.match(k)
    if year:
        return f"year:{year[1]}"
    if k.startswith("งบประมาณ"):
        return "budget"
    if k in ("ที่", "ลำดับ", "ลำดับที่", "ข้อ"):
        return "number"
    if k.startswith("หมายเหตุ"):
        return "note"
    if k.startswith("สถานะ"):
        return "status"
    if k.startswith("ตัวชี้วัด"):
        return "indicator"
    if k.startswith("เป้าหมาย"):
        return "target"
    if k.startswith(("ผลการดำเนินงาน", "ผลลัพธ์", "ผลสัมฤทธิ์")):
        return "result"
    words = ("โครงการ", "กิจกรรม", "มาตรการ")
    if (
        k in TITLE_HEADERS
        or k.startswith("ชื่อโครงการ")
        or ("/" in k and any(w in k for w in words) and len(k) < 40)
    ):
        return "title"
    return None


@dataclass
class ColumnMap:
    columns: dict[int, str]  # grid column -> field
    width: int

    def years(self) -> dict[int, int]:
        return {int(f[5:]): c for c, f in self.columns.items() if f.startswith("year:")}


def _row_width(row: Row) -> int:
    return max((c.col + c.span for c in row.cells), default=0)


def is_header_row(row: Row) -> bool:
    found = [header_field(c.text) for c in row.cells if c.text and not c.continued]
    named = [f for f in found if f]
    return len(named) >= 2 and len(named) * 2 >= len(found)


def column_map(header_rows: list[Row], width: int) -> ColumnMap | None:
    """Which field each grid column holds, from the header rows (a lower row's word wins over the one above)."""
    columns: dict[int, str] = {}
    for row in header_rows:
        for cell in row.cells:
            f = header_field(cell.text) if not cell.continued else None
            if f is not None and f not in ("budget", "approaches"):
                columns[cell.col] = f
    # a field named by several columns keeps only its first; one year alone is a heading, not a plan
    seen: set[str] = set()
    for col in sorted(columns):
        if columns[col] in seen:
            del columns[col]
        else:
            seen.add(columns[col])
    if sum(f.startswith("year:") for f in columns.values()) == 1:
        columns = {c: f for c, f in columns.items() if not f.startswith("year:")}
    names = set(columns.values())
    if "title" not in names:
        return None
    if not ({"indicator", "target", "result", "agency", "integrated", "disbursed"} & names) and not any(
        n.startswith("year:") for n in names
    ):
        return None
    return ColumnMap(columns, width)


# -- the reader ----------------------------------------------------------------------------------------
@dataclass
class _Open:
    node: Heading
    parts: tuple[int, ...]  # the number typed for it, if any


class FormReader:
    def __init__(self, blocks: Sequence[Block], source: str, year: int | None = None):
        self.blocks = blocks
        self.source = source
        self.year = year
        self.tree: list[Heading] = []
        self.stack: list[_Open] = []
        self.skipped: list[tuple[Row | None, str, str, Node | None]] = []
        self.unsure: list[tuple[str, str, str, Node | None]] = []
        self.totals: list[tuple[TotalCheck, Node | None]] = []
        self.notes: list[str] = []
        self.dim_start_items = 0
        self.all_items: list[Item] = []
        self.rows_seen = 0
        self.plan_year: int | None = None
        self.last_item: Item | None = None
        self.missing: list[tuple[Heading, tuple[int, ...], int]] = []  # untitled headings, their number, note
        self.form_done = False  # after the "รวมทั้งสิ้น" row: the rest is running text (signatures, notes)

    # -- notes ----------------------------------------------------------------------------------
    def skip(self, row: Row, reason: str) -> None:
        self.skipped.append((row, row.where, reason, None))

    def doubt(self, row: Row | None, where: str, reason: str, node: Node | None, text: str = "") -> None:
        self.unsure.append((where, text or (row.plain() if row else ""), reason, node))

    # -- the whole document ---------------------------------------------------------------------
    def read(self) -> ImportResult:
        front: list[Para] = []
        back: list[Para] = []
        colmap: ColumnMap | None = None
        in_form = False
        for block in self.blocks:
            if isinstance(block, Para):
                (back if in_form else front).append(block)
                continue
            consumed, colmap, before, after = self.table(block, colmap)
            if consumed:
                if in_form:
                    front.extend(back)  # page title blocks between split tables
                    back = []
                in_form = True
                front.extend(before)
                back.extend(after)
            else:
                (back if in_form else front).extend(before)
        if not self.all_items and not self.tree:
            raise OfficeImportError(
                f"ไม่พบตารางแบบรายงาน (แถวหัวตาราง งาน/กิจกรรม/โครงการ ตัวชี้วัด เป้าหมาย …) ใน {self.source} "
                "จึงไม่ได้นำเข้าอะไร"
            )
        report = Report(fiscal_year=0, round=6)
        org = Organization()
        self.front(front, report, org)
        self.back(back, report)
        report.tree = self.tree
        return self.result(Document(org, [report]))

    # -- tables ---------------------------------------------------------------------------------
    def table(
        self, table: Table, colmap: ColumnMap | None
    ) -> tuple[bool, ColumnMap | None, list[Para], list[Para]]:
        """Read one table; returns (was it part of the form, the column map now, paragraphs before, after)."""
        before: list[Para] = []
        after: list[Para] = []
        rows = table.rows
        if self.form_done:
            return False, colmap, [Para(_tab_line(r)) for r in rows if r.plain()], []
        first_header = next((i for i, r in enumerate(rows) if is_header_row(r)), None)
        width = max((_row_width(r) for r in rows), default=0)
        if first_header is None:
            if colmap is None or width != colmap.width or not rows:
                return False, colmap, [Para(_tab_line(r)) for r in rows if r.plain()], []
            start = 0
        else:
            headers = [rows[first_header]]
            j = first_header + 1
            while j < len(rows) and is_header_row(rows[j]):
                headers.append(rows[j])
                j += 1
            # a second header row of sub-columns only (งบบูรณาการ งบหน่วยงาน ผลเบิกจ่าย ✓ ✓ ✓)
            new_map = column_map(headers, width)
            if new_map is None:
                if colmap is None:
                    return False, colmap, [Para(_tab_line(r)) for r in rows if r.plain()], []
            else:
                colmap = new_map
            before = [Para(_tab_line(r)) for r in rows[:first_header] if r.plain()]
            start = j
        assert colmap is not None
        years = colmap.years()
        if years and self.plan_year is None:
            if self.year is None:
                raise YearNeeded(sorted(years))
            if self.year not in years:
                listed = ", ".join(to_thai_digits(str(y)) for y in sorted(years))
                raise OfficeImportError(f"แผนนี้ไม่มีคอลัมน์ปี {to_thai_digits(str(self.year))} (มีปี {listed})")
            self.plan_year = self.year
        for row in rows[start:]:
            self.rows_seen += 1
            if self.rows_seen > MAX_FORM_ROWS:
                raise OfficeImportError(
                    f"ตารางใน {self.source} มีมากกว่า {MAX_FORM_ROWS:,} แถว ซึ่งมากเกินกว่ารายงานฉบับหนึ่ง จึงไม่นำเข้า"
                )
            if self.form_done:
                if row.plain():
                    after.append(Para(_tab_line(row)))
                continue
            if is_header_row(row):
                continue  # a header repeated inside one long table
            self.row(row, colmap)
        return True, colmap, before, after

    def fields(self, row: Row, colmap: ColumnMap) -> tuple[dict[str, Cell], list[Cell]]:
        """The row's cells by field; cells in no known column come back apart."""
        out: dict[str, Cell] = {}
        loose: list[Cell] = []
        for cell in row.cells:
            if cell.continued:
                continue
            names = [colmap.columns[c] for c in range(cell.col, cell.col + cell.span) if c in colmap.columns]
            if names:
                out.setdefault(names[0], cell)
            elif cell.text:
                loose.append(cell)
        return out, loose

    def row(self, row: Row, colmap: ColumnMap) -> None:
        cells = [c for c in row.cells if c.text and not c.continued]
        if not cells:
            return
        by_field, loose = self.fields(row, colmap)
        first = min(cells, key=lambda c: c.col)
        first_text = first.text
        number_cell = by_field.get("number")
        title_cell = by_field.get("title")
        others = [c for c in cells if c is not first and c is not number_cell and c is not title_cell]
        k = key(first_text)
        text_of = {f: c.text for f, c in by_field.items()}
        # a "รวม" row: compared, never imported
        if k.startswith("รวม") and not any(text_of.get(f) for f in ("indicator", "target", "result")):
            self.total_row(row, by_field, k, colmap)
            return
        if (
            number_cell is not None
            and title_cell is not None
            and number_cell.text
            and title_cell is not number_cell
        ):
            first_text = f"{number_cell.text} {title_cell.text}"
        elif title_cell is not None and first is not title_cell and first is not number_cell:
            first_text = ""  # the title cell is empty: text further right continues the row above
        num = split_number(first_text)
        heading_like = not others or first.span >= max(colmap.width - 1, 2)
        if first_text and heading_like:
            kind = item_type_of(num.rest)
            if num.kind == "dimension":
                self.dimension(row, num)
                return
            if num.kind == "dotted" and num.paren is None and (kind is None or first.span > 1):
                self.heading(row, num)
                return
            if num.kind == "none" and kind is None and first.span > 1:
                self.skip(row, "ไม่ทราบว่าเป็นหัวข้อระดับใด (ไม่มีเลขมิติ/หัวข้อนำหน้า)")
                return
        if not first_text:
            self.continuation(row, by_field, colmap)
            return
        self.item(row, num, by_field, colmap)

    # -- headings -------------------------------------------------------------------------------
    def dimension(self, row: Row, num: Number) -> None:
        h = Heading(title=num.rest)
        self.tree.append(h)
        self.stack = [_Open(h, num.parts)]
        self.dim_start_items = len(self.all_items)
        self.last_item = None
        if num.slip:
            self.doubt(row, row.where, num.slip, h)
        if num.parts[0] != len(self.tree):
            self.doubt(
                row,
                row.where,
                f"พิมพ์เป็นมิติที่ {num.parts[0]} แต่เป็นมิติลำดับที่ {len(self.tree)} ในตาราง",
                h,
            )

    def _parent_for(self, depth: int, row: Row, node_label: str) -> Heading:
        """The open heading at `depth` (0 = dimension); opens empty ones when the document skipped a level."""
        while len(self.stack) < depth + 1:
            missing = Heading(title="")
            if not self.stack:
                self.tree.append(missing)
                self.dim_start_items = len(self.all_items)
            else:
                self.stack[-1].node.children.append(missing)
            self.stack.append(_Open(missing, ()))
            self.doubt(row, row.where, f"{node_label} ไม่มีหัวข้อระดับบนในตาราง จึงเพิ่มหัวข้อว่างไว้", missing)
        del self.stack[depth + 1 :]
        return self.stack[depth].node

    def heading(self, row: Row, num: Number) -> None:
        depth = len(num.parts) - 1  # ๑.๑ -> 1 (a section), ๑.๑.๑ -> 2
        parent = self._parent_for(depth - 1, row, "หัวข้อนี้")
        h = Heading(title=num.rest)
        parent.children.append(h)
        self.stack.append(_Open(h, num.parts))
        self.last_item = None
        expected = self._typed_parent_parts(depth)
        if expected and num.parts[:-1] != expected:
            self.doubt(
                row, row.where, f"เลขหัวข้อ {_dotted(num.parts)} ไม่ตรงกับหัวข้อที่อยู่ ({_dotted(expected)})", h
            )

    def _typed_parent_parts(self, depth: int) -> tuple[int, ...]:
        """The numbers typed for the open headings above `depth`, when each was typed."""
        parts: tuple[int, ...] = ()
        for i, o in enumerate(self.stack[:depth]):
            if i == 0:
                if not o.parts:
                    return ()
                parts = o.parts[:1]
            elif len(o.parts) == i + 1:
                parts = o.parts
            else:
                return ()
        return parts

    # -- items ----------------------------------------------------------------------------------
    def item(self, row: Row, num: Number, by_field: dict[str, Cell], colmap: ColumnMap) -> None:
        if num.kind == "dotted" and num.paren is not None:
            want = num.parts  # ๑.๑.๑ (๑): under the sub-section ๑.๑.๑
            level = len(want) - 1
            here = self.stack[level] if len(self.stack) > level else None
            if here is None or (here.parts and here.parts != want):
                # no heading row for it in the table (the seed lacks ๑.๑.๒ and ๒.๓.๑): an untitled one, whose
                # title the narratives after the table may supply
                above = self._parent_for(level - 1, row, "รายการนี้")
                missing = Heading(title="")
                above.children.append(missing)
                self.stack.append(_Open(missing, want))
                self.missing.append((missing, want, len(self.unsure)))
                self.doubt(row, row.where, f"ไม่มีแถวหัวข้อ {_dotted(want)} ในตาราง จึงเพิ่มหัวข้อที่ยังไม่มีชื่อ", missing)
            parent = self.stack[level].node
            del self.stack[level + 1 :]
        elif num.kind == "dotted":
            depth = len(num.parts) - 1  # ๑.๒.๑: an item directly under the section ๑.๒
            parent = self._parent_for(max(min(depth, len(self.stack)) - 1, 0), row, "รายการนี้")
        else:
            parent = self._parent_for(max(len(self.stack) - 1, 0), row, "รายการนี้")
        text = {f: c.text for f, c in by_field.items()}
        item = Item(
            title=num.rest,
            indicator=text.get("indicator", ""),
            target=text.get("target", ""),
            result="" if self.plan_year else text.get("result", ""),
            note=text.get("note", ""),
        )
        parent.children.append(item)
        self.all_items.append(item)
        self.last_item = item
        kind = item_type_of(num.rest)
        if kind is None:
            self.doubt(
                row,
                row.where,
                "ชื่อไม่ได้ขึ้นต้นด้วย โครงการ/กิจกรรม/มาตรการ จึงถือเป็นโครงการ (โปรดตรวจประเภท)",
                item,
            )
            kind = "project"
        item.item_type = kind
        if self.plan_year:
            col = colmap.years()[self.plan_year]
            cell = next((c for c in row.cells if c.col <= col < c.col + c.span and not c.continued), None)
            item.budget = Budget(agency=self.amount(cell, row, item, f"งบประมาณปี {self.plan_year}"))
        else:
            item.budget = Budget(
                **{f: self.amount(by_field.get(f), row, item, FIELD_LABELS[f]) for f in AMOUNT_FIELDS}
            )
        ticks = []
        for i in range(3):
            cell = by_field.get(f"approach{i}")
            ticks.append(self.tick(cell, row, item) if cell else False)
        item.approaches = (ticks[0], ticks[1], ticks[2])
        self.status(item, text.get("status", ""), row)
        if num.slip:
            self.doubt(row, row.where, num.slip, item)

    def amount(self, cell: Cell | None, row: Row, item: Item, label: str) -> int | None:
        if cell is None:
            return None
        if cell.number is not None:
            cents = cell.number * 100
            if cents == cents.to_integral_value() and cents >= 0:
                return int(cents)
            rounded = cents.quantize(Decimal(1))
            if abs(cents - rounded) < Decimal("0.0001") and rounded >= 0:
                return int(rounded)  # Excel's binary fractions: 1234.5600000000001
            self.doubt(row, row.where, f"{label} “{cell.number}” ไม่ใช่จำนวนเงิน จึงเว้นว่างไว้", item)
            return None
        if cell.formula is not None and not cell.text:
            self.doubt(row, row.where, f"{label} เป็นสูตรที่ยังไม่ได้คำนวณในไฟล์ จึงเว้นว่างไว้", item)
            return None
        text = clean_line(cell.text.replace("\n", " "))
        text = re.sub(r"\.\s*[-–]$", "", text)  # "๒๐,๐๐๐.-"
        text = re.sub(r"\s*บาท$", "", text)
        try:
            return parse_amount(text)
        except AmountError as exc:
            self.doubt(row, row.where, f"{label}: {exc} จึงเว้นว่างไว้", item)
            return None

    def tick(self, cell: Cell, row: Row, item: Item) -> bool:
        t = clean_line(cell.text.replace("\n", " "))
        if t in TICKS:
            return True
        if t in NO_TICK:
            return False
        self.doubt(row, row.where, f"ช่องแนวทาง “{t[:20]}” ไม่ใช่เครื่องหมาย / จึงถือว่าไม่ได้เลือก", item)
        return False

    def status(self, item: Item, status_text: str, row: Row) -> None:
        for text in (status_text, item.note):
            k = key(text)
            if not k:
                continue
            if "ไม่สามารถดำเนินการได้" in k or "ไม่สามารถดำเนินการ" in k:
                item.status = "not_possible"
                for words, reason in (
                    (("งบประมาณ",), "no_budget"),
                    (("นโยบาย",), "policy_change"),
                    (("บุคลากร", "เจ้าหน้าที่ไม่เพียงพอ", "คนไม่พอ"), "no_staff"),
                ):
                    if any(w in k for w in words):
                        item.status_reason = reason
                        break
                return
            if "ยังไม่ได้ดำเนินการ" in k or "ไม่ได้ดำเนินการ" in k:
                item.status = "not_started"
                return
            if "อยู่ระหว่างดำเนินการ" in k or "อยู่ระหว่างการดำเนินการ" in k:
                item.status = "in_progress"
                return
            if k.startswith("ดำเนินการแล้ว") or k == "แล้วเสร็จ" or k.startswith("ดำเนินการเสร็จ"):
                item.status = "done"
                return

    def continuation(self, row: Row, by_field: dict[str, Cell], colmap: ColumnMap) -> None:
        """A row with text but no title: the previous item's cells continued on a new row."""
        item = self.last_item
        has_numbers = any(
            by_field.get(f) is not None and by_field[f].text not in NO_TICK
            for f in (*AMOUNT_FIELDS, "approach0", "approach1", "approach2")
        )
        if item is None or has_numbers:
            self.skip(row, "แถวนี้ไม่มีชื่อโครงการ/กิจกรรม")
            return
        for f in ("indicator", "target", "result", "note"):
            cell = by_field.get(f)
            if cell is not None and cell.text:
                setattr(item, f, join_lines([getattr(item, f), cell.text]))
        self.doubt(row, row.where, "แถวที่ไม่มีชื่อ ต่อข้อความเข้ากับรายการก่อนหน้า", item)

    # -- totals ---------------------------------------------------------------------------------
    def total_row(self, row: Row, by_field: dict[str, Cell], k: str, colmap: ColumnMap) -> None:
        grand = any(w in k for w in ("ทั้งสิ้น", "ทั้งหมด", "ทุกมิติ", "ทั้งแผน", "ทั้งรายงาน"))
        if grand or not self.tree:
            self.form_done = grand
            items = self.all_items
            label, node = "ทั้งรายงาน", None
        else:
            items = self.all_items[self.dim_start_items :]
            label = f"มิติที่ {to_thai_digits(str(len(self.tree)))}"
            node = self.tree[-1]
        fields: tuple[str, ...] = AMOUNT_FIELDS
        if self.plan_year:
            col = colmap.years()[self.plan_year]
            cell = next((c for c in row.cells if c.col <= col < c.col + c.span), None)
            by_field = {"agency": cell} if cell else {}
            fields = ("agency",)
        for f in fields:
            cell = by_field.get(f)
            if cell is None:
                continue
            stated = self.stated(cell, row)
            if stated is False:
                continue
            values = [getattr(i.budget, f) for i in items if getattr(i.budget, f) is not None]
            computed = sum(values) if values else None
            self.totals.append((TotalCheck(row.where, row.plain(), label, f, stated, computed), node))

    def stated(self, cell: Cell, row: Row) -> int | None | bool:
        """A total's stated amount; False when there is nothing to compare (an uncomputed formula)."""
        if cell.number is not None:
            return int((cell.number * 100).quantize(Decimal(1)))
        if cell.formula is not None and not cell.text:
            self.notes.append(f"{row.where}: แถวรวมเป็นสูตรที่ยังไม่ได้คำนวณในไฟล์ จึงไม่ได้เทียบ")
            return False
        try:
            return parse_amount(re.sub(r"\.\s*[-–]$", "", clean_line(cell.text.replace("\n", " "))))
        except AmountError:
            self.doubt(row, row.where, f"แถวรวม: “{cell.text[:20]}” ไม่ใช่จำนวนเงิน จึงไม่ได้เทียบ", None)
            return False

    # -- the paragraphs before the table: title block and introduction ------------------------------
    def front(self, paras: list[Para], report: Report, org: Organization) -> None:
        lines = [clean_line(p.text) for p in paras]
        lines = [ln for ln in lines if ln]
        for line in lines:
            m = _ORG_RE.match(line) if len(line) <= 120 else None
            if m and not org.name:
                name = re.split(r"\s+(?:อำเภอ|อ\.|จังหวัด|จ\.)", line)[0]
                org.name = clean_line(name)
            d = re.search(r"(?:อำเภอ|^อ\.|\sอ\.)\s*(\S+)", line)
            if d and not org.district and (m or line.startswith("อำเภอ")):
                org.district = d[1]
            p = re.search(r"(?<!ส่วน)(?:จังหวัด|\sจ\.)\s*(\S+)", line)
            if p and not org.province and (m or line.startswith("อำเภอ") or line.startswith("จังหวัด")):
                org.province = p[1]
        year = None
        for line in lines:
            y = re.search(rf"(?:ประจำปี|ปีงบประมาณ)\s*(?:พ\.\s?ศ\.)?\s*({DIGIT}{{4}})", line)
            if y:
                year = int(to_arabic_digits(y[1]))
                break
        if self.plan_year:
            if year is not None and year != self.plan_year:
                self.notes.append(
                    f"เอกสารระบุปี {to_thai_digits(str(year))} แต่นำเข้างบประมาณของปี {to_thai_digits(str(self.plan_year))}"
                )
            year = self.plan_year
        elif self.year is not None:
            if year is not None and year != self.year:
                raise OfficeImportError(
                    f"เอกสารนี้เป็นรายงานปี {to_thai_digits(str(year))} ไม่ใช่ปี {to_thai_digits(str(self.year))}"
                )
            year = self.year
        if year is None or not 2400 <= year <= 2800:
            raise OfficeImportError(
                f"ไม่พบปีงบประมาณ (เช่น “ประจำปี พ.ศ. ๒๕๖๔”) ใน {self.source} โปรดระบุด้วย --year"
            )
        report.fiscal_year = year
        report.round = self.round_of(lines)
        intro = [p.text for p in paras if len(clean_line(p.text)) > 120]
        report.intro = "\n".join(clean_line(t) for t in intro) or None
        for text in [*intro, *lines]:
            m = re.search(r"แผนปฏิบัติการป้องกันการทุจริต[^()\n]{0,30}\([^)\n]{0,40}\)", text)
            if m:
                report.plan_title = m[0]
                break
        if not org.name:
            self.notes.append("ไม่พบชื่อหน่วยงาน (องค์การบริหารส่วนตำบล…/เทศบาล…) โปรดกรอกในหน้ารายงาน")

    def round_of(self, lines: list[str]) -> int:
        if self.plan_year:
            self.notes.append("แผนนำเข้าเป็นรายงานรอบ ๖ เดือนที่ยังไม่มีผลการดำเนินงาน")
            return 6
        ticked: set[int] = set()
        single: list[int] = []
        bare_votes: list[
            int
        ] = []  # a line that is only a box's label ("รอบ ๑๒ เดือน (ผลงานสะสม)") says little
        for line in lines:
            found = list(_ROUND_RE.finditer(line))
            for m in found:
                rnd = int(to_arabic_digits(m[2]))
                if m[1] and m[1] in TICK_BOXES:
                    ticked.add(rnd)
            bare = re.fullmatch(rf"\W*รอบ{DIGIT}{{1,2}}เดือน(?:\(ผลงานสะสม\))?\W*", key(line))
            if len({int(to_arabic_digits(m[2])) for m in found}) == 1:
                (bare_votes if bare else single).append(int(to_arabic_digits(found[0][2])))
        if len(ticked) == 1:
            return ticked.pop()
        if ticked:
            self.notes.append("ช่องรอบรายงานถูกเลือกทั้ง ๖ และ ๑๒ เดือน จึงดูจากข้อความอื่น")
        for votes in (set(single), set(bare_votes)):
            if len(votes) == 1:
                return votes.pop()
        self.notes.append("ไม่พบรอบรายงานที่เลือกไว้ชัดเจน จึงถือเป็นรอบ ๖ เดือน (โปรดตรวจในหน้ารายงาน)")
        return 6

    # -- the paragraphs after the table ------------------------------------------------------------
    def back(self, paras: list[Para], report: Report) -> None:
        Narratives(self, report).read(paras)

    # -- the result -----------------------------------------------------------------------------------
    def result(self, doc: Document) -> ImportResult:
        tree: list[Node] = [*doc.reports[0].tree]
        paths = {id(n.node): n.path for n in numbered(tree)}

        def path(node: Node | None) -> tuple[int, ...] | None:
            return None if node is None else paths.get(id(node))

        nodes = list(walk(doc.reports[0].tree))
        res = ImportResult(
            document=doc,
            source=self.source,
            dimensions=len(self.tree),
            headings=sum(isinstance(n, Heading) for n in nodes),
            items=len(self.all_items),
            narratives=sum(1 for i in self.all_items if i.details),
            skipped=[RowNote(w, r.plain() if r else "", why, None) for r, w, why, _ in self.skipped],
            unsure=[RowNote(w, t, why, path(n)) for w, t, why, n in self.unsure],
            totals=[
                TotalCheck(t.where, t.text, t.label, t.field, t.stated, t.computed, path(n))
                for t, n in self.totals
            ],
            notes=self.notes,
            plan_year=self.plan_year,
        )
        return res


_ORG_RE = re.compile(
    r"^(?:องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร|อบต\.|อบจ\.)\S"
)
TICK_BOXES = set("☑☒■▣✓✔√⊠●◉/xX") | {"\uf0fe", "\uf0fc"}
_ROUND_RE = re.compile(rf"(\S)?\s*รอบ\s*({DIGIT}{{1,2}})\s*เดือน")


def _tab_line(row: Row) -> str:
    """A table outside the form (a small table in a narrative) as one tab-separated line per row, the way
    narrative bodies hold small tables; every cell whole."""
    return "\t".join(t.replace("\n", " ").strip() for t in row.texts())


def _dotted(parts: tuple[int, ...]) -> str:
    return to_thai_digits(".".join(map(str, parts)))


# -- narratives, conclusion, reporter, announcement ------------------------------------------------
DETAIL_WORDS = (
    "วัตถุประสงค์",
    "วิธีดำเนินการ",
    "วิธีการดำเนินการ",
    "วิธีดำเนินงาน",
    "วิธีการดำเนินงาน",
    "วิธีดำเนินการโครงการ",
    "การดำเนินการ",
    "การดำเนินงาน",
    "ตัวชี้วัด/ผลลัพธ์",
    "ตัวชี้วัด",
    "ผลลัพธ์",
    "ผลการดำเนินการ",
    "ผลการดำเนินงาน",
    "ผลที่คาดว่าจะได้รับ",
    "ประโยชน์ที่คาดว่าจะได้รับ",
    "ระยะเวลาดำเนินการ",
    "ระยะเวลาการดำเนินการ",
    "ระยะเวลา",
    "เป้าหมาย",
    "หลักการและเหตุผล",
    "งบประมาณ",
    "งบประมาณดำเนินการ",
    "สถานที่ดำเนินการ",
    "ผู้รับผิดชอบ",
    "หน่วยงานรับผิดชอบ",
    "การประเมินผล",
    "การติดตามประเมินผล",
)
_DETAIL_KEYS = {key(w) for w in DETAIL_WORDS}
_DETAIL_INLINE = re.compile(
    "^("
    + "|".join(sorted((re.escape(w) for w in DETAIL_WORDS), key=len, reverse=True))
    + r")\s*([-:])\s*(.+)$"
)
CONCLUSION_PARTS = (
    ("supporting_factors", ("ปัจจัยสนับสนุน",)),
    ("problems", ("ปัญหา/อุปสรรค", "ปัญหาและอุปสรรค", "ปัญหาอุปสรรค")),
    ("suggestions", ("ข้อเสนอแนะ", "แนวทางแก้ไข")),
)
_MONTH_ABBR = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)


def parse_thai_date(text: str) -> dt.date | None:
    """ "๘ เมษายน ๒๕๖๔", "๘ เดือน เมษายน พ.ศ. ๒๕๖๔", "8 เม.ย. 64" -> a date; None when there is none."""
    t = to_arabic_digits(text)
    names = [(m, i) for i, m in enumerate(MONTHS)] + [(a, i) for i, a in enumerate(_MONTH_ABBR)]
    for name, index in sorted(names, key=lambda p: -len(p[0])):
        pattern = rf"(\d{{1,2}})\s*(?:เดือน)?\s*{re.escape(name)}\s*(?:พ\.\s?ศ\.)?\s*(\d{{4}}|\d{{2}})"
        m = re.search(pattern, t)
        if m:
            year = int(m[2])
            year = year + 2500 if year < 100 else year
            try:
                return dt.date(year - BE_OFFSET, index + 1, int(m[1]))
            except ValueError:
                return None
    return None


class Narratives:
    """The part after the form table, read paragraph by paragraph."""

    def __init__(self, reader: FormReader, report: Report):
        self.reader = reader
        self.report = report
        self.items: dict[str, list[Item]] = {}
        for item in reader.all_items:
            self.items.setdefault(key(item.title), []).append(item)
        self.heading_keys = {key(n.title) for n in walk(reader.tree) if isinstance(n, Heading) and n.title}
        self.used: set[int] = set()
        tree: list[Node] = [*reader.tree]
        self.by_path = {n.path: n.node for n in numbered(tree)}

    def find_item(self, line: str) -> Item | None:
        num = split_number(line)
        k = key(num.rest)
        if len(k) < 4:
            return None
        for item in self.items.get(k, []):
            if id(item) not in self.used:
                return item
        if num.kind == "none" and item_type_of(num.rest) is None:
            return None
        by_number = self.by_number(num)
        if by_number is not None:
            if key(by_number.title) != k:
                self.reader.doubt(
                    None,
                    "ส่วนรายละเอียด",
                    "รายละเอียดจับคู่กับรายการด้วยเลขข้อ เพราะชื่อไม่ตรงกับในตาราง",
                    by_number,
                    line,
                )
            return by_number
        if len(k) >= 12:
            for ik, items in self.items.items():
                if len(ik) >= 12 and (ik.startswith(k) or k.startswith(ik)):
                    for item in items:
                        if id(item) not in self.used:
                            return item
        return None

    def by_number(self, num: Number) -> Item | None:
        """The item a narrative heading's full number names: ๒.๓.๒(๒) or, with a type word, ๑.๒.๑."""
        if num.kind != "dotted" or len(num.parts) < 2:
            return None
        if num.paren is not None:
            path = (*num.parts, num.paren)
        elif len(num.parts) == 3 and item_type_of(num.rest):
            path = num.parts
        else:
            return None
        node = self.by_path.get(path)
        if isinstance(node, Item) and id(node) not in self.used:
            return node
        return None

    def is_heading_line(self, line: str) -> bool:
        num = split_number(line)
        if num.kind == "dotted" and num.paren is None and num.rest:
            for heading, parts, note in self.reader.missing:
                if parts == num.parts and not heading.title:
                    heading.title = num.rest  # the table had no row for it; the narratives name it
                    where, text, _why, node = self.reader.unsure[note]
                    why = f"ไม่มีแถวหัวข้อ {_dotted(parts)} ในตาราง จึงเพิ่มหัวข้อโดยใช้ชื่อจากส่วนรายละเอียด"
                    self.reader.unsure[note] = (where, text, why, node)
                    self.heading_keys.add(key(num.rest))
                    return True
        return num.kind in ("dimension", "dotted") and key(num.rest) in self.heading_keys

    def read(self, paras: list[Para]) -> None:
        state = "narrative"
        item: Item | None = None
        blocks: list[DetailBlock] = []
        body: list[str] = []
        conclusion: dict[str, list[str]] = {}
        part: str | None = None
        tail: list[str] = []

        def close_block() -> None:
            if blocks and body:
                blocks[-1].body = "\n".join(body)
            body.clear()

        def close_item() -> None:
            nonlocal item
            close_block()
            if item is not None:
                item.details = [b for b in blocks if b.heading or b.body]
                self.used.add(id(item))
            blocks.clear()
            item = None

        for para in paras:
            line = body_line(para.text)
            if not line:
                continue
            k = key(line)
            if state in ("narrative", "conclusion"):
                if k.startswith("ผลการดำเนินงานของอปท") or (k.startswith("บทสรุป") and len(k) < 80):
                    close_item()
                    state = "conclusion"
                    continue
                found = next(
                    (name for name, words in CONCLUSION_PARTS if any(k.startswith(key(w)) for w in words)),
                    None,
                )
                if found and len(k) < 60 and (state == "conclusion" or found == "supporting_factors"):
                    close_item()
                    state = "conclusion"
                    part = found
                    conclusion.setdefault(part, [])
                    continue
                if k.startswith("ผู้รายงาน") or (state == "conclusion" and k.startswith("ลงชื่อ")):
                    close_item()
                    state = "tail"
            if state == "narrative":
                found_item = self.find_item(line)
                if found_item is not None:
                    close_item()
                    item = found_item
                    continue
                if self.is_heading_line(line) or (k in ("ผลการดำเนินงาน", "ผลการดำเนินการ") and item is None):
                    close_item()
                    continue
                if item is None:
                    continue  # before the first item's heading: a part title such as "ผลการดำเนินงาน"
                inline = _DETAIL_INLINE.match(line)
                if self.is_detail_heading(line, para.bold):
                    close_block()
                    blocks.append(DetailBlock(heading=line.rstrip(" :"), body=""))
                elif inline and len(line) < 120:
                    close_block()
                    rest = inline[3].strip()
                    blocks.append(DetailBlock(heading=inline[1], body=""))
                    body.append(f"- {rest}" if inline[2] == "-" else rest)
                else:
                    if not blocks:
                        blocks.append(DetailBlock(heading="", body=""))
                    body.append(line)
            elif state == "conclusion":
                if part is None:
                    continue
                conclusion[part].append(line)
            else:
                tail.append(line)
        close_item()
        c = Conclusion()
        for name, lines in conclusion.items():
            setattr(c, name, "\n".join(lines))
        self.report.conclusion = c
        self.tail(tail)

    def is_detail_heading(self, line: str, bold: bool) -> bool:
        k = key(line).rstrip(":")
        if k in _DETAIL_KEYS:
            return True
        k2 = re.sub(r"^[0-9]{1,2}\.?", "", k)
        if k2 in _DETAIL_KEYS:
            return True
        return bold and len(line) <= 60 and not line.startswith(("-", "•")) and "\n" not in line

    def tail(self, lines: list[str]) -> None:
        """The reporter block and the announcement."""
        ann_start = next(
            (
                i
                for i, ln in enumerate(lines)
                if key(ln).startswith("ประกาศ") and not key(ln).startswith("ประกาศณ")
            ),
            len(lines),
        )
        self.reporter(lines[:ann_start])
        self.announcement(lines[ann_start:])

    def reporter(self, lines: list[str]) -> None:
        text = "\n".join(lines)
        labels = {
            "name": r"ผู้รายงาน",
            "position": r"ตำแหน่ง",
            "phone": r"โทรศัพท์/โทรสาร|โทรศัพท์|โทรสาร|โทร\.",
            "email": r"E-?mail|อีเมล|อีเมล์",
            "date": r"วันที่",
        }
        spans = []
        for name, pattern in labels.items():
            m = re.search(rf"(?:^|\s)({pattern})\s*:?\s*", text, re.I)
            if m:
                spans.append((m.start(1), m.end(), name))
        spans.sort()
        r = Reporter()
        for i, (_start, value_start, name) in enumerate(spans):
            end = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            value = text[value_start:end].split("\n")[0].strip(" :")
            if name == "date":
                r.date = parse_thai_date(value)
                if r.date is None and value:
                    self.reader.doubt(None, "ผู้รายงาน", f"อ่านวันที่ “{value}” ไม่ได้", None, value)
            else:
                setattr(r, name, clean_line(value))
        if r.name.startswith("(") and r.name.endswith(")"):
            r.name = r.name[1:-1].strip()
        self.report.reporter = r

    def announcement(self, lines: list[str]) -> None:
        a = self.report.announcement
        if not lines:
            return
        i = 1
        # the title: เรื่อง …, ประจำปี …, (รอบ …) — short lines before the first body paragraph
        while i < len(lines) and len(lines[i]) <= 100 and not lines[i].startswith(("ตามที่", "ด้วย", "โดยที่")):
            if key(lines[i]).startswith("จึงประกาศ") or key(lines[i]).startswith("ประกาศณ"):
                break
            i += 1
        body: list[str] = []
        while (
            i < len(lines)
            and not key(lines[i]).startswith("จึงประกาศ")
            and not key(lines[i]).startswith("ประกาศณ")
        ):
            body.append(lines[i])
            i += 1
        a.body = "\n".join(body)
        rest = lines[i:]
        for j, line in enumerate(rest):
            if key(line).startswith("ประกาศณ"):
                a.date = parse_thai_date(line)
                if a.date is None:
                    self.reader.doubt(None, "ประกาศ", f"อ่านวันที่ “{line}” ไม่ได้", None, line)
                after = [
                    ln
                    for ln in rest[j + 1 :]
                    if not key(ln).startswith("ลงชื่อ") and not re.fullmatch(r"[.\s…_]*", ln)
                ]
                for k2, ln in enumerate(after):
                    if ln.startswith("(") and ln.rstrip().endswith(")"):
                        a.signatory_name = ln.strip()[1:-1].strip()
                        if k2 + 1 < len(after):
                            a.signatory_position = after[k2 + 1]
                        break
                break
