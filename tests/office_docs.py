"""Word and Excel documents made the way offices make them, from a report: for the import tests and the bench.

`office_docx(report, org, path, ...)` writes a hand-made-looking Word report: a cover and introduction, the
form table split into several tables each with its page title block and the two header rows repeated (or one
long table), heading rows merged across the width, numbers typed in front of titles (Thai or Arabic digits,
optionally with the seed's slips "มติที่" and items under a section numbered "๑)"), titles broken over two
paragraphs, NBSPs and empty paragraphs, "รวม" rows per dimension and a "รวมทั้งสิ้น" row, then the
narratives, the conclusion, the reporter block and the announcement.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt

from pipun_desktop.core.model import Heading, Item, Organization, Report
from pipun_desktop.core.numbering import numbered
from pipun_desktop.core.totals import report_totals
from pipun_desktop.thai.amounts import format_amount
from pipun_desktop.thai.dates import thai_date
from pipun_desktop.thai.digits import render_digits

HEADER_TOP = [
    "งาน/กิจกรรม/โครงการ",
    "ตัวชี้วัด",
    "เป้าหมาย",
    "ผลการดำเนินงาน ผลลัพธ์/ผลสัมฤทธิ์",
    "งบประมาณ (ถ้ามี)",
    None,
    None,
    "แนวทางตามแผนบูรณาการงบประมาณการป้องกัน และปราบปรามการทุจริต",
    None,
    None,
    "หมายเหตุ",
]
HEADER_SUB = [
    "งบ\nบูรณาการ",
    "งบ\nหน่วยงาน",
    "ผล\nเบิกจ่าย",
    "สร้างจิตสำนึกและ\nปลูกฝังความ\nซื่อสัตย์สุจริต",
    "สร้างกลไกการป้องกัน\nการทุจริต",
    "สร้างประสิทธิภาพใน\nการป้องกันการทุจริต",
]


def split_title(title: str) -> list[str]:
    """A title broken over two paragraphs at a point between two Thai letters, as a typist does."""
    mid = len(title) // 2
    for i in list(range(mid, len(title) - 1)) + list(range(mid, 1, -1)):
        a, b = title[i - 1], title[i]
        if (
            "\u0e01" <= a <= "\u0e2e"
            and "\u0e01" <= b <= "\u0e2e"
            and title[i - 1 : i + 1].strip() == title[i - 1 : i + 1]
        ):
            return [title[:i], title[i:]]
    return [title]


def _cell_text(cell, text: str, bold: bool = False) -> None:
    lines = text.split("\n")
    p = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            p = cell.add_paragraph()
        run = p.add_run(line)
        run.bold = bold


def _header(table, rows_before: int) -> None:
    top = table.rows[rows_before].cells
    sub = table.rows[rows_before + 1].cells
    for i, text in enumerate(HEADER_TOP):
        if text is not None:
            _cell_text(top[i], text, bold=True)
    for i, text in enumerate(HEADER_SUB):
        _cell_text(sub[4 + i], text, bold=True)
    top[4].merge(top[6])
    top[7].merge(top[9])
    for i in (0, 1, 2, 3, 10):
        top[i].merge(sub[i])
    tr_pr = table.rows[rows_before]._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))


def _amount(v: int | None, digits: str) -> str:
    return format_amount(v, digits)


def _form_rows(report: Report, digits: str, slips: bool, wrong_total: bool) -> list[tuple[str, list[str]]]:
    """("merged", [text]) / ("item", [11 texts]) / ("total", [11 texts]) rows in print order."""
    rows: list[tuple[str, list[str]]] = []
    totals = report_totals(report)
    nums = list(numbered(report.tree, digits))
    for index, n in enumerate(nums):
        node = n.node
        if isinstance(node, Heading):
            number = n.number
            if slips and n.depth == 0 and n.path == (4,):
                number = number.replace("มิติที่", "มติที่")
            rows.append(("merged", [f"{number} {node.title}"]))
        else:
            assert isinstance(node, Item)
            number = n.number
            if slips and len(n.path) == 3:
                number = render_digits(f"{n.path[-1]})", digits)
            b = node.budget
            rows.append(
                (
                    "item",
                    [
                        f"{number} {node.title}",
                        node.indicator,
                        node.target,
                        node.result,
                        _amount(b.integrated, digits),
                        _amount(b.agency, digits),
                        _amount(b.disbursed, digits),
                        *("/" if a else "-" for a in node.approaches),
                        node.note,
                    ],
                )
            )
        next_dim = index + 1 == len(nums) or nums[index + 1].depth == 0
        if next_dim:
            dim_total = totals.dimensions[n.dimension][1]
            agency = dim_total.agency
            if wrong_total and n.dimension == 0:
                agency = (agency or 0) + 500000
            rows.append(
                (
                    "total",
                    [
                        "รวม",
                        "",
                        "",
                        "",
                        _amount(dim_total.integrated, digits),
                        _amount(agency, digits),
                        _amount(dim_total.disbursed, digits),
                        "-",
                        "-",
                        "-",
                        "",
                    ],
                )
            )
    t = totals.total
    rows.append(
        (
            "total",
            [
                "รวมทั้งสิ้น",
                "",
                "",
                "",
                _amount(t.integrated, digits),
                _amount(t.agency, digits),
                _amount(t.disbursed, digits),
                "",
                "",
                "",
                "",
            ],
        )
    )
    return rows


def _page_title(doc, org: Organization, report: Report, digits: str) -> None:
    doc.add_paragraph("แบบรายงานผลการดำเนินงานป้องกันการทุจริตของ อปท.")
    doc.add_paragraph(f"{org.name} อำเภอ{org.district} จังหวัด{org.province}")
    year = render_digits(str(report.fiscal_year), digits)
    six, twelve = ("☑", "☐") if report.round == 6 else ("☐", "☑")
    doc.add_paragraph(
        f"ผลงานปีงบประมาณ พ.ศ. {year}\u00a0\u00a0{six} รอบ {render_digits('6', digits)} เดือน  "
        f"{twelve} รอบ {render_digits('12', digits)} เดือน (ผลงานสะสม)"
    )


def office_docx(
    report: Report,
    org: Organization,
    path: Path,
    *,
    digits: str = "thai",
    rows_per_table: int | None = 6,
    slips: bool = False,
    wrong_total: bool = False,
    narratives: bool = True,
) -> Path:
    doc = DocxDocument()
    style = doc.styles["Normal"]
    style.font.name = "TH SarabunPSK"
    style.font.size = Pt(16)
    year = render_digits(str(report.fiscal_year), digits)
    rnd = render_digits(str(report.round), digits)
    # cover and introduction
    doc.add_paragraph("รายงานผลการดำเนินการ")
    doc.add_paragraph(f"ป้องกันการทุจริต ประจำปี พ.ศ. {year}")
    doc.add_paragraph(f"รอบ {rnd} เดือน")
    doc.add_paragraph("")
    doc.add_paragraph(org.name)
    doc.add_paragraph(f"อำเภอ{org.district} จังหวัด{org.province}")
    doc.add_page_break()
    for para in (report.intro or "").split("\n"):
        doc.add_paragraph("")
        doc.add_paragraph("\u00a0\u00a0\u00a0\u00a0" + para)
    section = doc.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    rows = _form_rows(report, digits, slips, wrong_total)
    chunks = (
        [rows]
        if rows_per_table is None
        else [rows[i : i + rows_per_table] for i in range(0, len(rows), rows_per_table)]
    )
    for chunk in chunks:
        _page_title(doc, org, report, digits)
        table = doc.add_table(rows=2 + len(chunk), cols=11)
        table.style = "Table Grid"
        _header(table, 0)
        for r, (kind, texts) in enumerate(chunk, start=2):
            cells = table.rows[r].cells
            if kind == "merged":
                merged = cells[0].merge(cells[10])
                _cell_text(merged, texts[0], bold=True)
                continue
            for i, text in enumerate(texts):
                if i == 0 and kind == "item":
                    _cell_text(cells[0], "\n".join(split_title(text)))
                elif text:
                    _cell_text(cells[i], text)
        doc.add_paragraph("")
    section = doc.add_section()
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = section.page_height, section.page_width
    if narratives:
        doc.add_paragraph("ผลการดำเนินงาน").runs[0].bold = True
        for n in numbered(report.tree, digits):
            node = n.node
            if isinstance(node, Heading):
                doc.add_paragraph(f"{n.number} {node.title}").runs[0].bold = True
                continue
            if not node.details:
                continue
            number = n.number.replace(" ", "")
            doc.add_paragraph(f"{number} {node.title}").runs[0].bold = True
            for block in node.details:
                if block.heading:
                    doc.add_paragraph(block.heading).runs[0].bold = True
                doc.add_paragraph("\u00a0")
                for line in block.body.split("\n"):
                    doc.add_paragraph(line)
                doc.add_paragraph("")
    c = report.conclusion
    doc.add_paragraph(f"ผลการดำเนินงานของ อปท. บทสรุป/ข้อเสนอแนะ/แนวทางแก้ไขปรับปรุง {org.name}")
    for heading, text in (
        ("ปัจจัยสนับสนุน", c.supporting_factors),
        ("ปัญหา/อุปสรรคในการดำเนินงาน", c.problems),
        ("ข้อเสนอแนะ", c.suggestions),
    ):
        doc.add_paragraph(heading).runs[0].bold = True
        for line in text.split("\n"):
            doc.add_paragraph(line)
    r = report.reporter
    doc.add_paragraph("")
    doc.add_paragraph(f"ผู้รายงาน {r.name}\tโทรศัพท์/โทรสาร {r.phone}")
    doc.add_paragraph(f"ตำแหน่ง{r.position}")
    when = thai_date(r.date, digits) if r.date else ""
    doc.add_paragraph(f"E-mail : {r.email}\tวันที่ {when}")
    doc.add_page_break()
    a = report.announcement
    doc.add_paragraph(f"ประกาศ{org.name}")
    doc.add_paragraph("เรื่อง รายงานผลการดำเนินการป้องกันการทุจริต")
    doc.add_paragraph(f"ประจำปี พ.ศ. {year}")
    for line in a.body.split("\n"):
        doc.add_paragraph(line)
    doc.add_paragraph("จึงประกาศมาให้ทราบโดยทั่วกัน")
    doc.add_paragraph(f"ประกาศ ณ วันที่ {thai_date(a.date, digits, era=True) if a.date else ''}")
    doc.add_paragraph("")
    doc.add_paragraph(f"({a.signatory_name})")
    doc.add_paragraph(a.signatory_position)
    doc.save(path)
    return path


def office_xlsx(
    report: Report,
    org: Organization,
    path: Path,
    *,
    digits: str = "arabic",
    wrong_total: bool = False,
    numbers_as_text: bool = False,
    extra_sheet: bool = True,
) -> Path:
    """The form table in a worksheet: title rows, merged two-row header, merged heading rows, amounts as numbers
    (or typed as text), "รวม" rows as SUM formulas over their dimension's item rows, "รวมทั้งสิ้น" adding those."""
    from openpyxl import Workbook

    wb = Workbook()
    if extra_sheet:
        notes = wb.active
        notes.title = "คำอธิบาย"
        notes["A1"] = "แผ่นงานนี้เป็นคำอธิบาย ตารางอยู่ในแผ่นงานถัดไป"
        ws = wb.create_sheet("แบบรายงาน")
    else:
        ws = wb.active
        ws.title = "แบบรายงาน"
    year = render_digits(str(report.fiscal_year), digits)
    ws.append(["แบบรายงานผลการดำเนินงานป้องกันการทุจริตของ อปท."])
    ws.append([f"{org.name} อำเภอ{org.district} จังหวัด{org.province}"])
    mark6, mark12 = ("☑", "☐") if report.round == 6 else ("☐", "☑")
    ws.append([f"ผลงานปีงบประมาณ พ.ศ. {year}  {mark6} รอบ 6 เดือน {mark12} รอบ 12 เดือน (ผลงานสะสม)"])
    for r in (1, 2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=11)
    ws.append([t.replace("\n", " ") if t else None for t in HEADER_TOP])
    ws.append([None] * 4 + [t.replace("\n", "") for t in HEADER_SUB] + [None])
    ws.merge_cells("E4:G4")
    ws.merge_cells("H4:J4")
    for col in "ABCDK":
        ws.merge_cells(f"{col}4:{col}5")
    dim_rows: list[int] = []
    first_item_row = None
    for kind, texts in _form_rows(report, digits, False, False):
        row = ws.max_row + 1
        if kind == "merged":
            ws.cell(row, 1, texts[0])
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=11)
            if texts[0].startswith(("มิติที่", "มติที่")):
                first_item_row = row + 1
            continue
        if kind == "total" and texts[0] == "รวม":
            ws.cell(row, 1, "รวม")
            for col in "EFG":
                ws[f"{col}{row}"] = f"=SUM({col}{first_item_row}:{col}{row - 1})"
            if wrong_total and not dim_rows:
                ws[f"F{row}"] = f"=SUM(F{first_item_row}:F{row - 1})+5000"
            dim_rows.append(row)
            continue
        if kind == "total":
            ws.cell(row, 1, "รวมทั้งสิ้น")
            for col in "EFG":
                ws[f"{col}{row}"] = "=" + "+".join(f"{col}{r}" for r in dim_rows)
            continue
        for i, text in enumerate(texts):
            value: object = text or None
            if 4 <= i <= 6:
                amount = text.replace(",", "")
                if numbers_as_text or amount == "-":
                    value = text
                else:
                    value = int(amount) if "." not in amount else float(amount)
            ws.cell(row, i + 1, value)
    ws.append([])
    ws.append(["ผู้รายงาน", report.reporter.name])
    wb.save(path)
    return path


SEED = Path("/work/shared/seeds/000_b902d0c35ada9755.txt")


def seed_docx(seed: Path, path: Path) -> Path:
    """The seed report's own text as a Word document: every tab-separated line a table row (each page's table
    with its title block above and its two header rows, split where the seed's pages split), a row with text in
    its first cell only merged across (heading rows), every other line a paragraph."""
    from docx import Document as DocxDocument

    doc = DocxDocument()
    rows: list[list[str]] = []

    def flush() -> None:
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = doc.add_table(rows=len(rows), cols=width)
        for i, texts in enumerate(rows):
            cells = table.rows[i].cells
            if i > 1 and sum(1 for t in texts if t.strip()) == 1 and texts[0].strip() and texts[0] != "รวม":
                cells[0].merge(cells[width - 1]).text = texts[0]
                continue
            for j, text in enumerate(texts):
                cells[j].text = text
        rows.clear()

    for line in seed.read_text(encoding="utf-8").split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
        else:
            flush()
            doc.add_paragraph(line)
    flush()
    doc.save(path)
    return path
