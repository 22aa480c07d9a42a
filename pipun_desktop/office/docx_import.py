"""Reading a Word document (.docx) into paragraphs and tables, then into a report.

The WordprocessingML is read directly (defusedxml, after the package checks in `package.py`): paragraphs with
their runs, soft line breaks, tabs and symbol characters (Wingdings check boxes); tables with their grid
(gridSpan, gridBefore, vertical merges); content controls, tracked insertions (deletions are left out),
hyperlinks and fields' shown text. Text boxes and alternate content are read once, not twice.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from ..thai.digits import to_thai_digits
from .blocks import Block, Cell, Para, Row, Table
from .export_marks import import_marks
from .form_table import MAX_FORM_ROWS, FormReader, ImportResult
from .package import OfficeImportError, Package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
DOC_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_DOC_TYPE = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
MAX_DEPTH = 40
MAX_ROWS = MAX_FORM_ROWS + 2000  # the form's rows plus small tables in the narratives
# Wingdings / Wingdings 2 / Symbol check marks and boxes people insert with Insert > Symbol
SYMBOLS = {
    "F0FE": "☑",
    "F0FD": "☒",
    "F078": "☒",
    "F0A8": "☐",
    "F06F": "☐",
    "F0FC": "✓",
    "F0FB": "✗",
    "F050": "✓",
    "F052": "☑",
    "F053": "☒",
    "F0A3": "☐",
    "F0D6": "√",
    "F0B7": "•",
}
# inline containers whose runs are part of the paragraph
_INLINE = {
    f"{W}{n}" for n in ("hyperlink", "smartTag", "ins", "fldSimple", "customXml", "sdt", "sdtContent", "r")
}
_INLINE |= {f"{W}moveTo", f"{W}dir", f"{W}bdo"}
_SKIP = {f"{W}{n}" for n in ("del", "moveFrom", "rPr", "pPr", "instrText", "delText", "sdtPr", "sdtEndPr")}


class _Reader:
    def __init__(self) -> None:
        self.tables = 0
        self.paragraphs = 0
        self.rows = 0

    def body(self, parent: Element, depth: int = 0) -> list[Block]:
        if depth > MAX_DEPTH:
            raise OfficeImportError("เอกสาร Word นี้ซ้อนกันลึกผิดปกติ จึงไม่นำเข้า")
        out: list[Block] = []
        for el in parent:
            tag = el.tag
            if tag == f"{W}p":
                out.extend(self.paragraph(el, depth))
            elif tag == f"{W}tbl":
                out.append(self.table(el, depth))
            elif tag in (
                f"{W}sdt",
                f"{W}customXml",
                f"{W}sdtContent",
                f"{MC}AlternateContent",
                f"{MC}Choice",
            ):
                out.extend(self.body(el, depth + 1))
        return out

    def paragraph(self, p: Element, depth: int) -> list[Block]:
        """A paragraph; its soft line breaks stay as "\\n" (a title typed over lines); text boxes follow it."""
        parts: list[str] = []
        boxes: list[Block] = []
        bold = [True, False]  # (every run bold so far, any text at all)
        self.runs(p, parts, boxes, bold, depth)
        text = "".join(parts)
        style = p.find(f"{W}pPr/{W}pStyle")
        heading_style = style is not None and "heading" in (style.get(f"{W}val") or "").lower()
        self.paragraphs += 1
        return [Para(text, bold=(bold[0] and bold[1]) or heading_style), *boxes]

    def runs(self, el: Element, parts: list[str], boxes: list[Block], bold: list[bool], depth: int) -> None:
        if depth > MAX_DEPTH:
            raise OfficeImportError("เอกสาร Word นี้ซ้อนกันลึกผิดปกติ จึงไม่นำเข้า")
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == f"{W}r":
                run_bold = _is_bold(child)
                for x in child:
                    t = x.tag
                    if t == f"{W}t":
                        if x.text:
                            parts.append(x.text)
                            if x.text.strip():
                                bold[1] = True
                                bold[0] = bold[0] and run_bold
                    elif t == f"{W}tab":
                        parts.append("\t")
                    elif t in (f"{W}br", f"{W}cr"):
                        parts.append("\n")
                    elif t == f"{W}noBreakHyphen":
                        parts.append("-")
                    elif t == f"{W}sym":
                        parts.append(SYMBOLS.get((x.get(f"{W}char") or "").upper(), ""))
                    elif t in (f"{W}drawing", f"{W}pict", f"{MC}AlternateContent"):
                        for box in _text_boxes(x):
                            boxes.extend(self.body(box, depth + 1))
            elif tag in _INLINE or tag == f"{MC}AlternateContent" or tag == f"{MC}Choice":
                self.runs(child, parts, boxes, bold, depth + 1)

    def table(self, tbl: Element, depth: int) -> Table:
        self.tables += 1
        number = self.tables
        rows: list[Row] = []
        trs = _rows(tbl)
        self.rows += len(trs)
        if self.rows > MAX_ROWS:
            raise OfficeImportError(
                f"ตารางในเอกสาร Word นี้มีมากกว่า {MAX_FORM_ROWS:,} แถว ซึ่งมากเกินกว่ารายงานฉบับหนึ่ง จึงไม่นำเข้า"
            )
        for r_index, tr in enumerate(trs, start=1):
            col = 0
            before = tr.find(f"{W}trPr/{W}gridBefore")
            if before is not None:
                col = _int(before.get(f"{W}val"), 0)
            cells: list[Cell] = []
            for tc in _cells(tr):
                pr = tc.find(f"{W}tcPr")
                span = 1
                continued = False
                if pr is not None:
                    gs = pr.find(f"{W}gridSpan")
                    if gs is not None:
                        span = max(1, min(_int(gs.get(f"{W}val"), 1), 64))
                    vm = pr.find(f"{W}vMerge")
                    if vm is not None and vm.get(f"{W}val") != "restart":
                        continued = True
                lines: list[str] = []
                for block in self.body(tc, depth + 1):
                    if isinstance(block, Para):
                        lines.extend(block.text.split("\n"))
                    else:  # a table inside a cell: its rows as lines
                        lines.extend(r.plain().replace(" | ", " ") for r in block.rows)
                cells.append(Cell(col=col, span=span, lines=lines, continued=continued))
                col += span
            where = f"ตารางที่ {to_thai_digits(str(number))} แถวที่ {to_thai_digits(str(r_index))}"
            rows.append(Row(cells, where))
        return Table(rows, f"ตารางที่ {number}")


def _rows(tbl: Element) -> list[Element]:
    out = []
    for el in tbl:
        if el.tag == f"{W}tr":
            out.append(el)
        elif el.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            out.extend(_rows(el))
    return out


def _cells(tr: Element) -> list[Element]:
    out = []
    for el in tr:
        if el.tag == f"{W}tc":
            out.append(el)
        elif el.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            out.extend(_cells(el))
    return out


def _text_boxes(el: Element) -> list[Element]:
    """Text box contents inside a drawing, each once (alternate content: the first choice only)."""
    out: list[Element] = []
    stack = [el]
    while stack:
        node = stack.pop()
        if node.tag == f"{MC}Fallback":
            continue
        if node.tag == f"{W}txbxContent":
            out.append(node)
            continue
        stack.extend(reversed(list(node)))
    return out


def _is_bold(run: Element) -> bool:
    b = run.find(f"{W}rPr/{W}b")
    if b is None:
        b = run.find(f"{W}rPr/{W}bCs")
    return b is not None and (b.get(f"{W}val") or "true").lower() not in ("0", "false", "off")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def read_docx_blocks(path: Path) -> list[Block]:
    pkg = Package(Path(path), "word")
    try:
        main = None
        for rel_type, target, _mode in pkg.rels("").values():
            if rel_type in (DOC_TYPE, STRICT_DOC_TYPE):
                main = target
        main = main or "word/document.xml"
        if not pkg.has(main):
            raise OfficeImportError(f"ไฟล์ {Path(path).name} ไม่ใช่เอกสาร Word (.docx) หรือไฟล์เสียหาย")
        data = pkg.read(main)
        if data.count(b"<w:tr>") + data.count(b"<w:tr ") > MAX_ROWS:  # refused before a slow parse
            raise OfficeImportError(
                f"ตารางในเอกสาร Word นี้มีมากกว่า {MAX_FORM_ROWS:,} แถว ซึ่งมากเกินกว่ารายงานฉบับหนึ่ง จึงไม่นำเข้า"
            )
        root = pkg.parse(main, data)
        body = root.find(f"{W}body")
        if body is None:
            raise OfficeImportError(f"ไฟล์ {Path(path).name} ไม่ใช่เอกสาร Word (.docx) หรือไฟล์เสียหาย")
        return _Reader().body(body)
    finally:
        pkg.close()


def import_docx(path: Path | str, year: int | None = None) -> ImportResult:
    """Read a Word report (or a multi-year plan, with `year`) into a Document and what was found on the way."""
    path = Path(path)
    blocks = read_docx_blocks(path)
    result = FormReader(blocks, path.name, year=year).read()
    import_marks(result, path, "word")  # a document this program exported: what its layout does not show
    return result
