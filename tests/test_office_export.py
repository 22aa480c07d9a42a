"""Word and Excel export (issue 12, deliverables 5 and 6): every text field verbatim in the .docx, the
official layout's structure (landscape form pages, repeating header rows, merged headings, right-aligned
amounts, Thai page numbers, TH SarabunPSK marked as Thai complex script), and an .xlsx whose totals are
SUM formulas over exactly the rows of their dimension."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import re
import shutil
import subprocess
import sys
import zipfile
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE
from lxml import etree

from pipun_desktop.core.model import (
    Announcement,
    Budget,
    Conclusion,
    DetailBlock,
    Heading,
    Item,
    Organization,
    Report,
    Reporter,
)
from pipun_desktop.core.numbering import numbered
from pipun_desktop.core.totals import report_totals
from pipun_desktop.interchange.json_format import read_document, report_to_dict
from pipun_desktop.office.docx_export import export_report_docx
from pipun_desktop.office.export_common import OfficeExportCancelled, OfficeExportError, xml_text
from pipun_desktop.office.xlsx_export import FORM_SHEET, SUMMARY_SHEET, THAI_NUMBERS, export_report_xlsx
from pipun_desktop.pdf.textcheck import expected_lines
from pipun_desktop.thai.amounts import format_amount

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


# -- reports --------------------------------------------------------------------------------------
def _png(w: int = 60, h: int = 40) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    raw = b"".join(b"\0" + bytes([200, 30, 30]) * w for _ in range(h))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", w.to_bytes(4, "big") + h.to_bytes(4, "big") + b"\x08\x02\0\0\0")
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def sample():
    doc = read_document(SAMPLE)
    return doc.organization, doc.reports[0]


def tricky() -> tuple[Organization, Report]:
    """Markup, XML specials, tabs, odd line breaks, control characters, satang, spaces kept."""
    org = Organization('อบต.<ทดสอบ> & "พิปูน"', "พิปูน", "นครศรีธรรมราช")
    items = [
        Item(
            "project",
            "โครงการ <b>หนา</b> & ที่นี่ปี่น้ำ\nบรรทัดที่สองของชื่อ",
            "<w:t>ไม่ใช่แท็ก</w:t>",
            "]]> &amp; &lt;",
            "ผล \"ดี\" 'มาก'",
            Budget(2_000_000, 6_500_050, None),
            (True, False, True),
            "done",
            None,
            "หมายเหตุ\tมีแท็บ",
            [
                DetailBlock("วัตถุประสงค์", "- ข้อหนึ่ง <x>\n- ข้อสอง &\nย่อหน้าธรรมดา"),
                DetailBlock("ผลการดำเนินการ", "ผลการประเมิน\tระดับคะแนน\nดีเลิศ <b>\t๕\nดี &amp;\t๓"),
            ],
        ),
        Item(
            "activity",
            "กิจกรรมที่ทำไม่ได้",
            "ตัวชี้วัด",
            "ประชาชน",
            "",
            Budget(None, 1_234_567_850, 50),
            (False, True, False),
            "not_possible",
            "no_budget",
            "",
            [],
        ),
        Item(
            "measure",
            "มาตรการ Latin 123 ปนกัน",
            "-",
            "",
            "",
            Budget(),
            (False, False, False),
            None,
            None,
            "บรรทัดหนึ่ง\r\nบรรทัดสอง\x0bบรรทัดสาม\u2028บรรทัดสี่ ควบคุม\x01\x1f",
            [],
        ),
    ]
    tree = [
        Heading("มิติแรก <ทดสอบ>", [Heading("ส่วนย่อย", [Heading("หัวข้อย่อย", items[:2])]), items[2]]),
        Heading("มิติที่ไม่มีงบ", [Heading("ว่าง", [Item("project", "โครงการไม่มีงบ")])]),
    ]
    report = Report(
        2564,
        12,
        "แผนปฏิบัติการ <b>ป้องกัน</b>",
        "คำนำ <i>เอง</i>\nย่อหน้าสอง & จบ",
        tree,
        Conclusion("- ปัจจัย <font>", "ปัญหา & อุปสรรค", "ข้อเสนอแนะ\n- ข้อหนึ่ง"),
        Reporter("นางสาวทดสอบ <ระบบ>", "นักวิเคราะห์", "0-7555", "a@b.c", dt.date(2021, 10, 8)),
        Announcement(
            "ตามที่ <a href='x'>ประกาศ</a>\nย่อหน้าสอง",
            dt.date(2021, 10, 9),
            "นายทดสอบ & ลงนาม",
            "นายก <อบต.>",
            _png(),
        ),
    )
    return org, report


# -- reading a .docx back ---------------------------------------------------------------------------
def _xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def _para_text(p: etree._Element) -> str:
    out = []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
        out.append(el.text or "" if el.tag == f"{W}t" else ("\t" if el.tag == f"{W}tab" else "\n"))
    return "".join(out)


def docx_paragraphs(path: Path) -> list[str]:
    """The text of every paragraph of the body, in order (table cells included)."""
    body = _xml(path, "word/document.xml")
    return [_para_text(p) for p in body.iter(f"{W}p")]


def norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def missing_fields(path: Path, report: Report) -> list[str]:
    paras = docx_paragraphs(path)
    text = norm("\n".join(paras))
    want = expected_lines(report_to_dict(report))
    return [w for w in want if norm(xml_text(w)) not in text]


# -- Word ---------------------------------------------------------------------------------------------
@pytest.mark.skipif(not SAMPLE.exists(), reason="sample not present")
def test_sample_docx_carries_every_text_field_verbatim(tmp_path):
    org, report = sample()
    out = tmp_path / "s.docx"
    info = export_report_docx(org, report, out)
    assert info.items == 66 and out.stat().st_size == info.bytes
    assert missing_fields(out, report) == []
    paras = set(docx_paragraphs(out))
    # every body line is a paragraph of its own, exactly as typed
    for item in report.items():
        for block in item.details:
            for line in block.body.split("\n"):
                if line.strip() and "\t" not in line:
                    assert line in paras, line
    for line in report.announcement.body.split("\n"):
        if line.strip():
            assert line in paras


def test_tricky_text_is_written_as_text(tmp_path):
    org, report = tricky()
    out = tmp_path / "t.docx"
    export_report_docx(org, report, out)
    assert missing_fields(out, report) == []
    paras = docx_paragraphs(out)
    assert "๑.๑.๑ (๑) โครงการ <b>หนา</b> & ที่นี่ปี่น้ำ" in paras  # title: first line with its number
    assert "บรรทัดที่สองของชื่อ" in paras
    assert "<w:t>ไม่ใช่แท็ก</w:t>" in paras
    assert "หมายเหตุ\tมีแท็บ" in paras
    assert "ไม่สามารถดำเนินการได้ (ไม่ได้รับงบประมาณ)" in paras  # the note column names the status
    # line breaks of every kind become paragraphs; a character XML cannot hold is shown, not dropped
    for line in ("บรรทัดหนึ่ง", "บรรทัดสอง", "บรรทัดสาม", "บรรทัดสี่ ควบคุม\ufffd\ufffd"):
        assert line in paras
    assert "คำนำ <i>เอง</i>" in paras and "ย่อหน้าสอง & จบ" in paras
    # the tab-separated lines are a small table, cell by cell
    assert "ดีเลิศ <b>" in paras and "๕" in paras and "ดี &amp;" in paras
    # amounts with satang keep them
    assert format_amount(6_500_050) in paras and "๐.๕๐" in paras


def test_docx_layout(tmp_path):
    org, report = sample()
    out = tmp_path / "s.docx"
    export_report_docx(org, report, out)
    body = _xml(out, "word/document.xml")
    sects = body.findall(".//w:sectPr", NS)
    assert len(sects) == 3  # cover+introduction, the form (landscape), the rest

    def size(s):
        pg = s.find("w:pgSz", NS)
        return int(pg.get(f"{W}w")), int(pg.get(f"{W}h")), pg.get(f"{W}orient")

    assert size(sects[0])[:2] == (11906, 16838)  # A4 portrait
    w, h, orient = size(sects[1])
    assert (w, h, orient) == (16838, 11906, "landscape")
    assert size(sects[2])[:2] == (11906, 16838)
    for s in sects:  # page numbers in Thai digits
        assert s.find("w:pgNumType", NS).get(f"{W}fmt") == "thaiNumbers"
    assert sects[0].find("w:titlePg", NS) is not None  # no number on the cover

    tables = body.findall("w:body/w:tbl", NS)
    form = tables[0]  # then the narratives' small tables
    assert len(form.findall("w:tr", NS)) > 100
    rows = form.findall("w:tr", NS)
    assert [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows[:3]] == [True, True, False]
    assert len(form.findall("w:tblGrid/w:gridCol", NS)) == 11
    nodes = list(numbered(report.tree))
    heading_rows = [r for r in rows[2:] if r.find("w:tc/w:tcPr/w:gridSpan[@w:val='11']", NS) is not None]
    assert len(heading_rows) == sum(1 for n in nodes if isinstance(n.node, Heading))
    assert _para_text(heading_rows[0]) == nodes[0].label
    totals = report_totals(report)
    total_rows = [r for r in rows if _para_text(r.find("w:tc", NS)) in ("รวม", "รวมทั้งสิ้น")]
    assert len(total_rows) == len(report.tree) + 1
    for r, (_dim, t) in zip(total_rows, totals.dimensions, strict=False):
        cells = r.findall("w:tc", NS)
        assert [_para_text(c) for c in cells[1:4]] == [
            format_amount(t.integrated),
            format_amount(t.agency),
            format_amount(t.disbursed),
        ]
    last = total_rows[-1].findall("w:tc", NS)
    assert _para_text(last[0]) == "รวมทั้งสิ้น" and _para_text(last[2]) == "๑๗๐,๐๐๐"
    # amounts right-aligned, "-" centred
    for r in rows[2:]:
        cells = r.findall("w:tc", NS)
        if len(cells) == 11:
            for c in cells[4:7]:
                jc = c.find(".//w:jc", NS).get(f"{W}val")
                assert jc == ("center" if _para_text(c) == "-" else "right")
    # the form's title block and round box above the table
    paras = docx_paragraphs(out)
    assert "แบบรายงานผลการดำเนินงานป้องกันการทุจริตของ อปท." in paras
    assert any("☑ รอบ ๖ เดือน" in p and "☐ รอบ ๑๒ เดือน (ผลงานสะสม)" in p for p in paras)
    # the parts in the PDF's order
    order = [
        "รายงานผลการดำเนินการ",
        "รายงานผลการดำเนินงาน",
        "งาน/กิจกรรม/โครงการ",
        "ผลการดำเนินงาน",
        "ปัจจัยสนับสนุน",
        f"ประกาศ{org.name}",
        "จึงประกาศมาให้ทราบโดยทั่วกัน",
        f"({report.announcement.signatory_name})",
    ]
    positions = [paras.index(p) for p in order]
    assert positions == sorted(positions)


def test_docx_headers_number_pages_and_repeat_the_form_title(tmp_path):
    org, report = sample()
    out = tmp_path / "s.docx"
    export_report_docx(org, report, out)
    with zipfile.ZipFile(out) as z:
        headers = {n: z.read(n).decode() for n in z.namelist() if n.startswith("word/header")}
    with_page = [n for n, x in headers.items() if "PAGE" in x]
    assert len(with_page) == 4  # introduction, the form's first and later pages, the rest
    assert sum("แบบรายงานผลการดำเนินงานป้องกันการทุจริตของ อปท." in x for x in headers.values()) == 1
    for n in with_page:
        texts = [_para_text(p) for p in etree.fromstring(headers[n].encode()).iter(f"{W}p")]
        assert texts[0] == "- ๒ -"


def test_docx_thai_complex_script_font(tmp_path):
    org, report = sample()
    out = tmp_path / "s.docx"
    export_report_docx(org, report, out)
    styles = _xml(out, "word/styles.xml")
    for rpr in (
        styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS),
        styles.find("w:style[@w:styleId='Normal']/w:rPr", NS),
    ):
        fonts = rpr.find("w:rFonts", NS)
        for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert fonts.get(f"{W}{attr}") == "TH SarabunPSK"
        assert not [k for k in fonts.keys() if k.endswith("Theme") or k.endswith("theme")]
        assert rpr.find("w:sz", NS).get(f"{W}val") == "32"  # 16 pt
        assert rpr.find("w:szCs", NS).get(f"{W}val") == "32"
        lang = rpr.find("w:lang", NS)
        assert lang.get(f"{W}bidi") == "th-TH" and lang.get(f"{W}eastAsia") == "th-TH"
    body = _xml(out, "word/document.xml")
    runs = list(body.iter(f"{W}r"))
    assert runs
    for r in runs:
        rpr = r.find("w:rPr", NS)
        if rpr is None:
            continue
        assert rpr.find("w:rFonts", NS) is None  # nothing overrides the Thai font
        assert (rpr.find("w:b", NS) is None) == (rpr.find("w:bCs", NS) is None)
        assert (rpr.find("w:sz", NS) is None) == (rpr.find("w:szCs", NS) is None)


def test_docx_arabic_digits(tmp_path):
    org, report = sample()
    out = tmp_path / "a.docx"
    export_report_docx(org, report, out, digits="arabic")
    paras = docx_paragraphs(out)
    assert "170,000" in paras and "๑๗๐,๐๐๐" not in paras
    assert any(p.startswith("1.1.1 (1) ") for p in paras)
    sect = _xml(out, "word/document.xml").find(".//w:sectPr/w:pgNumType", NS)
    assert sect.get(f"{W}fmt") == "decimal"
    with pytest.raises(OfficeExportError, match="thai หรือ arabic"):
        export_report_docx(org, report, tmp_path / "x.docx", digits="roman")


def test_docx_opens_again_and_carries_the_emblem(tmp_path):
    import docx

    org, report = tricky()
    out = tmp_path / "t.docx"
    export_report_docx(org, report, out)
    d = docx.Document(str(out))
    assert len(d.tables) == 2  # the form and the small table of a narrative
    assert len(d.inline_shapes) == 1
    assert d.inline_shapes[0].height == 1080000  # 3 cm
    with zipfile.ZipFile(out) as z:
        assert any(n.startswith("word/media/") for n in z.namelist())
    paras = docx_paragraphs(out)
    assert paras.index(f"ประกาศ{org.name}") > 0


def test_bad_emblem_is_a_clear_error_and_writes_nothing(tmp_path):
    org, report = tricky()
    report.announcement.emblem_png = b"\x89PNG\r\n\x1a\nnot really"
    out = tmp_path / "t.docx"
    out.write_bytes(b"old")
    with pytest.raises(OfficeExportError, match="ตราสัญลักษณ์"):
        export_report_docx(org, report, out)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.docx"]


def test_cancel_writes_nothing(tmp_path):
    org, report = sample()
    for export in (export_report_docx, export_report_xlsx):
        out = tmp_path / "c.out"
        with pytest.raises(OfficeExportCancelled):
            export(org, report, out, progress=lambda d, t, s: None, is_cancelled=lambda: True)
        assert not out.exists() and list(tmp_path.iterdir()) == []


def test_progress_is_reported(tmp_path):
    org, report = sample()
    seen = []
    export_report_docx(org, report, tmp_path / "p.docx", progress=lambda d, t, s: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_never_over_a_data_file(tmp_path):
    org, report = sample()
    data = tmp_path / "report.pipun"
    data.write_bytes(b"SQLite format 3\x00" + b"\0" * 100)
    other = tmp_path / "renamed.docx"
    other.write_bytes(data.read_bytes())
    for export, target in (
        (export_report_docx, data),
        (export_report_docx, other),
        (export_report_xlsx, other),
    ):
        before = target.read_bytes()
        with pytest.raises(OfficeExportError, match="ไม่เขียนทับ"):
            export(org, report, target)
        assert target.read_bytes() == before
    with pytest.raises(OfficeExportError, match="โฟลเดอร์"):
        export_report_docx(org, report, tmp_path / "no" / "x.docx")
    with pytest.raises(OfficeExportError, match="โฟลเดอร์"):
        export_report_xlsx(org, report, tmp_path)


# -- Excel ---------------------------------------------------------------------------------------------
_SUM = re.compile(r"^=SUM\((.*)\)$")


def _refs(formula: str) -> list[str]:
    m = _SUM.match(formula)
    assert m, formula
    return m.group(1).split(",")


def _cells(ws, ref: str) -> list:
    if ":" in ref:
        return [c for row in ws[ref] for c in row]
    return [ws[ref]]


def _value(ws, cell) -> Decimal:
    """A cell's value with the formulas this sheet uses (SUM of cells and ranges) computed."""
    v = cell.value
    if isinstance(v, str) and v.startswith("=SUM("):
        return sum((_value(ws, c) for ref in _refs(v) for c in _cells(ws, ref)), Decimal(0))
    if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
        return Decimal(str(v))
    return Decimal(0)  # text ("-") and empty cells count as nothing, as in Excel


def _satang(value: Decimal) -> int:
    return int(value * 100)


@pytest.mark.parametrize("which", ["sample", "tricky"])
def test_xlsx_totals_are_sums_over_their_dimension(tmp_path, which):
    import openpyxl

    org, report = sample() if which == "sample" else tricky()
    out = tmp_path / "x.xlsx"
    export_report_xlsx(org, report, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [FORM_SHEET, SUMMARY_SHEET]
    ws = wb[FORM_SHEET]
    totals = report_totals(report)
    labels = {row[0].value: row[0].row for row in ws.iter_rows(min_row=6) if row[0].value}
    total_rows = [r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value in ("รวม", "รวมทั้งสิ้น")]
    assert len(total_rows) == len(report.tree) + 1
    nodes = list(numbered(report.tree))
    for dim_index, row in enumerate(total_rows[:-1]):
        dim_nodes = [n for n in nodes if n.dimension == dim_index]
        first = labels[dim_nodes[0].label.split("\n")[0]] if "\n" not in dim_nodes[0].label else None
        for k, col in enumerate("EFG"):
            formula = ws[f"{col}{row}"].value
            (ref,) = _refs(formula)  # one range: the dimension's rows, from its heading to the row above
            start, end = (int(x[1:]) for x in ref.split(":"))
            assert ref.startswith(col)
            assert end == row - 1
            if first is not None:
                assert start == first
            # the rows in the range are exactly the dimension's (headings and items), no total row
            inside = [ws.cell(r, 1).value for r in range(start, end + 1)]
            assert "รวม" not in inside and "รวมทั้งสิ้น" not in inside
            want = getattr(totals.dimensions[dim_index][1], ("integrated", "agency", "disbursed")[k])
            assert _satang(_value(ws, ws[f"{col}{row}"])) == (want or 0)
    grand = total_rows[-1]
    for k, col in enumerate("EFG"):
        refs = _refs(ws[f"{col}{grand}"].value)
        assert refs == [f"{col}{r}" for r in total_rows[:-1]]
        want = getattr(totals.total, ("integrated", "agency", "disbursed")[k])
        assert _satang(_value(ws, ws[f"{col}{grand}"])) == (want or 0)
        fmt = ws[f"{col}{grand}"].number_format
        assert fmt.startswith(THAI_NUMBERS) and fmt.endswith(';"-"')
    # item amounts are numbers (or "-"), never text that looks like a number
    for item_node in (n for n in nodes if isinstance(n.node, Item)):
        label = item_node.label.split("\n")[0]
        cells = [c for c in ws["A"] if isinstance(c.value, str) and c.value.split("\n")[0] == label]
        assert len(cells) == 1
        r = cells[0].row
        for col, amount in zip(
            "EFG",
            (item_node.node.budget.integrated, item_node.node.budget.agency, item_node.node.budget.disbursed),
            strict=True,
        ):
            value = ws[f"{col}{r}"].value
            if amount is None:
                assert value == "-"
            else:
                assert isinstance(value, (int, float)) and _satang(Decimal(str(value))) == amount
                assert ws[f"{col}{r}"].number_format.startswith(THAI_NUMBERS)


def test_xlsx_text_and_print_setup(tmp_path):
    import openpyxl

    org, report = sample()
    out = tmp_path / "x.xlsx"
    export_report_xlsx(org, report, out)
    wb = openpyxl.load_workbook(out)
    ws = wb[FORM_SHEET]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.print_title_rows.replace("$", "") == "1:5"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.column_dimensions["A"].width > ws.column_dimensions["E"].width
    assert ws["A1"].value == "แบบรายงานผลการดำเนินงานป้องกันการทุจริตของ อปท."
    assert "☑ รอบ ๖ เดือน" in ws["A3"].value
    assert {str(r) for r in ws.merged_cells.ranges} >= {"A4:A5", "E4:G4", "H4:J4", "K4:K5"}
    assert ws["A6"].value == "มิติที่ ๑ การสร้างสังคมที่ไม่ทนต่อการทุจริต"
    assert ws["A6"].alignment.wrap_text and ws["A6"].font.name == "TH SarabunPSK"
    all_text = norm("\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None))
    # every field of the form table verbatim
    for item in report.items():
        for field in (item.title, item.indicator, item.target, item.result, item.note):
            for line in field.split("\n"):
                assert norm(line) in all_text
    for row in range(6, ws.max_row + 1):
        assert ws.row_dimensions[row].height >= 19  # every row sized for its wrapped text


def test_xlsx_summary_sheet(tmp_path):
    import openpyxl

    org, report = sample()
    out = tmp_path / "x.xlsx"
    export_report_xlsx(org, report, out)
    wb = openpyxl.load_workbook(out)
    form, ws = wb[FORM_SHEET], wb[SUMMARY_SHEET]
    totals = report_totals(report)
    rows = list(ws.iter_rows(min_row=3, max_row=2 + len(report.tree)))
    form_totals = [r for r in range(6, form.max_row + 1) if form.cell(r, 1).value == "รวม"]
    for row, (_dim, t), form_row in zip(rows, totals.dimensions, form_totals, strict=True):
        assert row[1].value == t.items
        assert [c.value for c in row[2:5]] == [f"='{FORM_SHEET}'!{c}{form_row}" for c in "EFG"]
        assert row[5].value.startswith("=IF(")
    status_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "สถานะการดำเนินการ")
    got = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(status_row + 1, status_row + 6)}
    assert got["ดำเนินการแล้ว"] == totals.total.by_status["done"]
    assert sum(got.values()) == totals.total.items


def test_xlsx_computed_by_libreoffice(tmp_path):
    """Where LibreOffice is installed: the formulas, computed by a real spreadsheet, give the program's totals."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed")
    org, report = sample()
    out = tmp_path / "x.xlsx"
    export_report_xlsx(org, report, out)
    home = tmp_path / "home"
    home.mkdir()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{home}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with open(tmp_path / f"x-{FORM_SHEET}.csv", encoding="utf-8") as f:
        rows = [r for r in csv.reader(f) if r and r[0] in ("รวม", "รวมทั้งสิ้น")]
    totals = report_totals(report)
    want = [t for _d, t in totals.dimensions] + [totals.total]
    assert len(rows) == len(want)
    for row, t in zip(rows, want, strict=True):
        for k, f_name in enumerate(("integrated", "agency", "disbursed")):
            assert Decimal(row[4 + k] or 0) * 100 == (getattr(t, f_name) or 0)


# -- the command line -----------------------------------------------------------------------------------
def _cli(*args, cwd=None):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def test_cli_export_docx_and_xlsx(tmp_path):
    r = _cli("export-docx", SAMPLE, "-o", tmp_path / "a.docx", "--digits", "arabic", "--report", "2564-6")
    assert r.returncode == 0, r.stderr
    assert "170,000" in docx_paragraphs(tmp_path / "a.docx")
    r = _cli("export-xlsx", SAMPLE, "-o", tmp_path / "a.xlsx", "--report", "0")
    assert r.returncode == 0, r.stderr
    assert zipfile.is_zipfile(tmp_path / "a.xlsx")


def test_cli_bad_input_is_one_thai_line(tmp_path):
    data = tmp_path / "r.pipun"
    data.write_bytes(b"SQLite format 3\x00" + b"\0" * 100)
    json_copy = tmp_path / "s.json"
    json_copy.write_bytes(SAMPLE.read_bytes())
    cases = [
        ("export-docx", SAMPLE, "-o", data),  # over a data file
        ("export-xlsx", SAMPLE, "-o", data),
        ("export-docx", json_copy, "-o", json_copy),  # over the file it reads
        ("export-xlsx", SAMPLE, "-o", tmp_path / "none" / "x.xlsx"),
        ("export-docx", SAMPLE, "-o", tmp_path / "x.docx", "--digits", "roman"),
        ("export-docx", tmp_path / "missing.json", "-o", tmp_path / "x.docx"),
        ("export-xlsx", SAMPLE, "-o", tmp_path / "x.xlsx", "--report", "9"),
    ]
    before = data.read_bytes(), json_copy.read_bytes()
    for args in cases:
        r = _cli(*args)
        assert r.returncode == 2, (args, r.stderr)
        assert r.stderr.startswith("ข้อผิดพลาด") and "Traceback" not in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1 or "usage" in r.stderr.lower() or "การใช้" in r.stderr
    assert (data.read_bytes(), json_copy.read_bytes()) == before
    assert not (tmp_path / "x.docx").exists() and not (tmp_path / "x.xlsx").exists()


def test_export_does_not_change_the_report():
    org, report = tricky()
    before = copy.deepcopy(report)
    from pipun_desktop.office.docx_export import build_docx
    from pipun_desktop.office.xlsx_export import build_workbook

    build_docx(org, report)
    build_workbook(org, report)
    assert report == before
