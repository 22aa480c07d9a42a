"""Import from Word and Excel (issue 12, deliverables 1-4): documents made the way offices make them, read back
to the bundled sample's tree and totals; everything the reader skipped or guessed is reported."""

import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLE
from office_docs import SEED, office_docx, office_xlsx, seed_docx, split_title

from pipun_desktop.core.model import Heading, walk
from pipun_desktop.core.totals import report_totals
from pipun_desktop.interchange.json_format import node_to_dict, read_document
from pipun_desktop.office.blocks import join_lines
from pipun_desktop.office.docx_import import import_docx
from pipun_desktop.office.form_table import YearNeeded, parse_thai_date, split_number
from pipun_desktop.office.package import OfficeImportError
from pipun_desktop.office.xlsx_import import import_xlsx

# The two sample items whose titles do not start with โครงการ/กิจกรรม/มาตรการ: their type cannot be read
# from the document, so the import calls them projects and says so.
UNTYPED = ("การดำเนินงานศูนย์รับเรื่องราวร้องทุกข์", "ประชุมประชาคมหมู่บ้าน")


@pytest.fixture(scope="module")
def sample():
    return read_document(SAMPLE)


def _plain(node, details=True):
    d = node_to_dict(node)
    d.pop("children", None)
    if d["kind"] == "item":
        d.pop("status")  # the form table has no status column: the sample's come from elsewhere
        d.pop("status_reason")
        if not details:
            d.pop("details")
    return d


def assert_same_tree(expected, got, details=True):
    a, b = list(walk(expected.tree)), list(walk(got.tree))
    assert [type(n).__name__ for n in a] == [type(n).__name__ for n in b]
    for x, y in zip(a, b, strict=True):
        dx, dy = _plain(x, details), _plain(y, details)
        if dx != dy and x.kind == "item" and x.title.startswith(UNTYPED):
            assert dy["item_type"] == "project"
            dy["item_type"] = dx["item_type"]
        assert dx == dy
    # each dimension's shape, not only the flat order
    assert [len(h.children) for h in expected.tree] == [len(h.children) for h in got.tree]
    te, tg = report_totals(expected).total, report_totals(got).total
    assert (te.integrated, te.agency, te.disbursed, te.items) == (
        tg.integrated,
        tg.agency,
        tg.disbursed,
        tg.items,
    )


def _assert_untyped_reported(result):
    reasons = [(n.text, n.reason) for n in result.unsure]
    for title in UNTYPED:
        assert any(title in text and "โครงการ/กิจกรรม/มาตรการ" in why for text, why in reasons), title
    assert all(n.path for n in result.unsure if "ประเภท" in n.reason)


# -- Word -------------------------------------------------------------------------------------------
def test_word_split_tables_thai_digits_imports_the_sample(tmp_path, sample):
    report = sample.reports[0]
    path = office_docx(report, sample.organization, tmp_path / "report.docx", digits="thai", rows_per_table=6)
    result = import_docx(path)
    got = result.report
    assert_same_tree(report, got)
    assert result.document.organization == sample.organization
    assert (got.fiscal_year, got.round, got.plan_title) == (2564, 6, report.plan_title)
    assert got.intro == report.intro
    assert got.conclusion == report.conclusion
    assert got.reporter == report.reporter
    a, b = report.announcement, got.announcement
    assert (b.body, b.date, b.signatory_name, b.signatory_position) == (
        a.body,
        a.date,
        a.signatory_name,
        a.signatory_position,
    )
    assert (result.dimensions, result.items, result.narratives) == (4, 66, 66)
    assert result.skipped == []
    _assert_untyped_reported(result)
    assert len(result.unsure) == 2
    # every "รวม" row and the "รวมทั้งสิ้น" row was compared, and all agree
    assert {t.label for t in result.totals} == {"มิติที่ ๑", "มิติที่ ๒", "มิติที่ ๓", "มิติที่ ๔", "ทั้งรายงาน"}
    assert result.disagreements == []


def test_word_one_table_arabic_digits(tmp_path, sample):
    report = sample.reports[0]
    path = office_docx(report, sample.organization, tmp_path / "r.docx", digits="arabic", rows_per_table=None)
    result = import_docx(path)
    assert_same_tree(report, result.report)
    assert (result.report.fiscal_year, result.report.round) == (2564, 6)


def test_word_seed_slips_read_as_meant_and_reported(tmp_path, sample):
    report = sample.reports[0]
    path = office_docx(report, sample.organization, tmp_path / "r.docx", slips=True, narratives=False)
    result = import_docx(path)
    assert_same_tree(report, result.report, details=False)
    slip = [n for n in result.unsure if "มติที่" in n.reason]
    assert len(slip) == 1 and slip[0].path == (4,)
    assert result.report.tree[3].title.startswith("การเสริมสร้างและปรับปรุงกลไก")


def test_word_total_that_disagrees_is_reported(tmp_path, sample):
    report = sample.reports[0]
    path = office_docx(report, sample.organization, tmp_path / "r.docx", wrong_total=True, narratives=False)
    result = import_docx(path)
    bad = result.disagreements
    assert len(bad) == 1
    t = bad[0]
    assert (t.label, t.field, t.stated, t.computed, t.path) == ("มิติที่ ๑", "agency", 7_000_000, 6_500_000, (1,))
    text = "\n".join(result.summary_lines())
    assert "งบหน่วยงาน มิติที่ ๑ ในเอกสาร ๗๐,๐๐๐ แต่รวมจากรายการได้ ๖๕,๐๐๐ บาท" in text
    assert ((1,), "นำเข้า: " + text.split("ตารางที่")[0] or "") and any(p == (1,) for p, _ in result.marks())
    # the imported amounts are the items' own, never the stated total's
    assert report_totals(result.report).dimensions[0][1].agency == 6_500_000


def _docx(tmp_path, rows, before=(), after=(), name="x.docx"):
    """A small Word form: header rows, then rows of cell texts (a str alone = a merged heading row)."""
    from docx import Document as D

    doc = D()
    for p in before:
        doc.add_paragraph(p)
    table = doc.add_table(rows=2 + len(rows), cols=11)
    from office_docs import _header

    _header(table, 0)
    for r, row in enumerate(rows, start=2):
        cells = table.rows[r].cells
        if isinstance(row, str):
            cells[0].merge(cells[10]).paragraphs[0].add_run(row)
            continue
        for i, text in enumerate(row):
            for j, line in enumerate(text.split("\n")):
                (cells[i].paragraphs[0] if j == 0 else cells[i].add_paragraph()).add_run(line)
    for p in after:
        doc.add_paragraph(p)
    doc.save(tmp_path / name)
    return tmp_path / name


TITLE_BLOCK = (
    "องค์การบริหารส่วนตำบลทดสอบ อำเภอเมือง จังหวัดทดสอบ",
    "ผลงานปีงบประมาณ พ.ศ. ๒๕๖๗ □ รอบ ๖ เดือน ■ รอบ ๑๒ เดือน",
)


def test_word_quirks_of_hand_typed_rows(tmp_path):
    item = ["", "ตัวชี้\nวัด", "เป้า\u00a0หมาย", "ผล", "-", "๒๐,๐๐๐.-", "15,000", "✓", "√", "x", ""]
    rows = [
        "มิติที่ 1 การสร้างสังคม",
        "1.1 หัวข้อ",
        ["(1) โครงการ\nอบรม\u00a0คุณธรรม", *item[1:]],
        ["", "", "ต่อจากแถวบน", "", "", "", "", "", "", "", ""],
        ["๒) กิจกรรมไม่ได้ทำ", "ก", "ข", "", "", "", "", "", "", "", "ไม่สามารถดำเนินการได้ เนื่องจากไม่ได้รับงบประมาณ"],
        ["๓) มาตรการหนึ่ง", "ก", "ข", "ค", "abc", "", "", "?", "", "", "อยู่ระหว่างดำเนินการ"],
        "หมายเหตุ ข้อความที่ไม่ใช่หัวข้อ",
        ["รวม", "", "", "", "", "20,000", "15,000", "", "", "", ""],
    ]
    result = import_docx(_docx(tmp_path, rows, before=TITLE_BLOCK))
    r = result.report
    assert (r.fiscal_year, r.round) == (2567, 12)
    assert result.document.organization.name == "องค์การบริหารส่วนตำบลทดสอบ"
    assert (result.document.organization.district, result.document.organization.province) == ("เมือง", "ทดสอบ")
    sec = r.tree[0].children[0]
    a, b, c = sec.children
    assert a.title == "โครงการอบรม คุณธรรม" and a.item_type == "project"
    assert (a.indicator, a.target) == ("ตัวชี้วัด", "เป้า หมายต่อจากแถวบน")
    assert (a.budget.agency, a.budget.disbursed, a.approaches) == (2_000_000, 1_500_000, (True, True, True))
    assert (b.item_type, b.status, b.status_reason) == ("activity", "not_possible", "no_budget")
    assert b.note == "ไม่สามารถดำเนินการได้ เนื่องจากไม่ได้รับงบประมาณ"
    assert (c.status, c.budget.integrated, c.approaches) == ("in_progress", None, (False, False, False))
    reasons = " ".join(n.reason for n in result.unsure)
    assert "“abc” ไม่ใช่จำนวนเงิน" in reasons and "“?”" in reasons and "ต่อข้อความ" in reasons
    assert [n.text for n in result.skipped] == ["หมายเหตุ ข้อความที่ไม่ใช่หัวข้อ"]
    assert result.disagreements == []


def test_word_multi_year_plan_needs_a_year(tmp_path):
    from docx import Document as D

    doc = D()
    doc.add_paragraph("แผนปฏิบัติการป้องกันการทุจริต ๕ ปี (พ.ศ. ๒๕๖๖ - ๒๕๗๐)")
    doc.add_paragraph("องค์การบริหารส่วนตำบลทดสอบ อำเภอเมือง จังหวัดทดสอบ")
    head = ["โครงการ/กิจกรรม/มาตรการ", "ปี ๒๕๖๖", "ปี ๒๕๖๗", "ปี ๒๕๖๘", "หมายเหตุ"]
    rows = [
        ["มิติที่ ๑ การสร้างสังคม", "", "", "", ""],
        ["๑.๑ หัวข้อ", "", "", "", ""],
        ["(๑) โครงการหนึ่ง", "๑๐,๐๐๐", "๒๐,๐๐๐", "-", ""],
        ["(๒) กิจกรรมสอง", "-", "๕,๐๐๐", "๕,๐๐๐", ""],
        ["รวม", "๑๐,๐๐๐", "๒๕,๐๐๐", "๕,๐๐๐", ""],
    ]
    table = doc.add_table(rows=1 + len(rows), cols=5)
    for r, texts in enumerate([head, *rows]):
        for i, t in enumerate(texts):
            table.rows[r].cells[i].text = t
    path = tmp_path / "plan.docx"
    doc.save(path)
    with pytest.raises(YearNeeded) as err:
        import_docx(path)
    assert err.value.years == [2566, 2567, 2568] and "--year" in str(err.value)
    result = import_docx(path, year=2567)
    r = result.report
    assert (r.fiscal_year, r.round, result.plan_year) == (2567, 6, 2567)
    items = list(r.items())
    assert [i.budget.agency for i in items] == [2_000_000, 500_000]
    assert all(i.result == "" and i.budget.disbursed is None for i in items)
    assert result.disagreements == [] and len(result.totals) == 1
    assert r.plan_title == "แผนปฏิบัติการป้องกันการทุจริต ๕ ปี (พ.ศ. ๒๕๖๖ - ๒๕๗๐)"
    with pytest.raises(OfficeImportError, match="ไม่มีคอลัมน์ปี ๒๕๗๐"):
        import_docx(path, year=2570)


def test_word_without_a_form_table_is_refused(tmp_path):
    from docx import Document as D

    doc = D()
    doc.add_paragraph("จดหมายธรรมดา ไม่มีตาราง")
    doc.save(tmp_path / "letter.docx")
    with pytest.raises(OfficeImportError, match="ไม่พบตารางแบบรายงาน"):
        import_docx(tmp_path / "letter.docx")


# -- Excel ------------------------------------------------------------------------------------------
def test_excel_with_formulas_in_total_rows(tmp_path, sample):
    report = sample.reports[0]
    path = office_xlsx(report, sample.organization, tmp_path / "r.xlsx")
    result = import_xlsx(path)
    assert_same_tree(report, result.report, details=False)
    assert (result.report.fiscal_year, result.report.round) == (2564, 6)
    assert len(result.totals) == 3 * 5 and result.disagreements == []
    assert "แบบรายงาน" in result.source
    wrong = import_xlsx(office_xlsx(report, sample.organization, tmp_path / "w.xlsx", wrong_total=True))
    assert [(t.label, t.field, t.stated, t.computed) for t in wrong.disagreements] == [
        ("มิติที่ ๑", "agency", 7_000_000, 6_500_000),
        ("ทั้งรายงาน", "agency", 17_500_000, 17_000_000),
    ]


def test_excel_numbers_typed_as_text_and_sheet_choice(tmp_path, sample):
    report = sample.reports[0]
    path = office_xlsx(report, sample.organization, tmp_path / "t.xlsx", numbers_as_text=True)
    result = import_xlsx(path, sheet="แบบรายงาน")
    assert_same_tree(report, result.report, details=False)
    with pytest.raises(OfficeImportError, match="ไม่พบแผ่นงาน “ไม่มี”"):
        import_xlsx(path, sheet="ไม่มี")
    with pytest.raises(OfficeImportError, match="ไม่พบตารางแบบรายงาน"):
        import_xlsx(path, sheet="คำอธิบาย")


def test_excel_saved_by_libreoffice_keeps_cached_values(tmp_path, sample):
    """An exact decimal from <v>, never a float: 1234.56 stays 123456 satang."""
    from openpyxl import load_workbook

    report = sample.reports[0]
    path = office_xlsx(report, sample.organization, tmp_path / "r.xlsx")
    wb = load_workbook(path)
    ws = wb["แบบรายงาน"]
    row = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith("1.1.1 (1)"))
    ws.cell(row, 5, 1234.56)
    wb.save(path)
    result = import_xlsx(path)
    first = next(result.report.items())
    assert first.budget.integrated == 123456
    assert result.disagreements == []  # the formulas are worked out again here


# -- small parts ------------------------------------------------------------------------------------
def test_numbers_typed_before_titles():
    assert split_number("มิติที่ ๒ การบริหาร").parts == (2,)
    n = split_number("มติที่ ๔ การเสริมสร้าง")
    assert (n.kind, n.parts, n.rest) == ("dimension", (4,), "การเสริมสร้าง") and n.slip
    n = split_number("๑.๑.๑(๒)โครงการพัฒนา")
    assert (n.kind, n.parts, n.paren, n.rest) == ("dotted", (1, 1, 1), 2, "โครงการพัฒนา")
    n = split_number("2.1.1 กิจกรรม “ประกาศ”")
    assert (n.parts, n.paren, n.rest) == ((2, 1, 1), None, "กิจกรรม “ประกาศ”")
    assert split_number("๑) โครงการ").paren == 1 and split_number("(3) โครงการ").paren == 3
    assert split_number("โครงการไม่มีเลข").kind == "none"


def test_lines_join_as_typed():
    assert join_lines(["โครงการ", "บริหารงาน"]) == "โครงการบริหารงาน"
    assert join_lines(["Anti", "Corruption"]) == "Anti Corruption"
    assert join_lines(["-นายก", "-ปลัด"]) == "-นายก\n-ปลัด"
    assert join_lines(["ก\u00a0\u00a0ข", "", "\u200bค"]) == "ก ขค"
    assert split_title("โครงการบริหารงาน") == ["โครงการบ", "ริหารงาน"]


def test_thai_dates():
    import datetime as dt

    assert parse_thai_date("๘ เมษายน ๒๕๖๔") == dt.date(2021, 4, 8)
    assert parse_thai_date("ประกาศ ณ วันที่ ๘ เดือน เมษายน พ.ศ. ๒๕๖๔") == dt.date(2021, 4, 8)
    assert parse_thai_date("8 เม.ย. 64") == dt.date(2021, 4, 8)
    assert parse_thai_date("31 กุมภาพันธ์ 2564") is None
    assert parse_thai_date("ไม่มีวันที่") is None


# -- the command line -------------------------------------------------------------------------------
def run(*args):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True, cwd=ROOT
    )


def test_cli_import_docx_prints_what_it_read_and_builds_the_file(tmp_path, sample):
    src = office_docx(sample.reports[0], sample.organization, tmp_path / "r.docx", wrong_total=True)
    out = tmp_path / "r.pipun"
    res = run("import-docx", src, "-o", out)
    assert res.returncode == 0, res.stderr
    assert "โครงการ/กิจกรรม/มาตรการ 66" in res.stdout
    assert "แถวรวมที่ไม่ตรงกับผลรวมที่คำนวณ 1 รายการ" in res.stdout
    assert "การดำเนินงานศูนย์รับเรื่องราวร้องทุกข์" in res.stdout
    summary = run("summary", out)
    assert '"agency": "170000.00"' in summary.stdout
    again = run("import-docx", src, "-o", out)
    assert again.returncode == 2 and "--force" in again.stderr
    assert run("import-docx", src, "-o", out, "--force").returncode == 0
    dry = tmp_path / "dry.pipun"
    res = run("import-docx", src, "-o", dry, "--dry-run")
    assert res.returncode == 0 and not dry.exists() and "มิติ 4" in res.stdout


def test_cli_import_xlsx_and_plan_year(tmp_path, sample):
    src = office_xlsx(sample.reports[0], sample.organization, tmp_path / "r.xlsx")
    out = tmp_path / "x.pipun"
    res = run("import-xlsx", src, "-o", out, "--sheet", "แบบรายงาน")
    assert res.returncode == 0, res.stderr
    assert out.exists()
    res = run("import-xlsx", src, "-o", tmp_path / "y.pipun", "--year", "๒๕๖x")
    assert res.returncode == 2 and "--year" in res.stderr and "Traceback" not in res.stderr


def test_cli_import_docx_of_a_plan_without_year(tmp_path):
    from docx import Document as D

    doc = D()
    table = doc.add_table(rows=3, cols=3)
    for r, texts in enumerate(
        [["โครงการ/กิจกรรม/มาตรการ", "ปี 2566", "ปี 2567"], ["มิติที่ 1 ก", "", ""], ["(1) โครงการ ข", "1", "2"]]
    ):
        for i, t in enumerate(texts):
            table.rows[r].cells[i].text = t
    doc.save(tmp_path / "plan.docx")
    out = tmp_path / "p.pipun"
    res = run("import-docx", tmp_path / "plan.docx", "-o", out)
    assert res.returncode == 2 and "--year" in res.stderr and not out.exists()
    res = run("import-docx", tmp_path / "plan.docx", "-o", out, "--year", "2567")
    assert res.returncode == 0, res.stderr
    assert '"agency": "2.00"' in run("summary", out).stdout


def test_headings_only_in_tree_have_their_children(tmp_path, sample):
    path = office_docx(sample.reports[0], sample.organization, tmp_path / "r.docx", narratives=False)
    tree = import_docx(path).report.tree
    assert all(isinstance(h, Heading) and h.children for h in tree)


@pytest.mark.skipif(not SEED.exists(), reason="the seed report is not on this machine")
def test_the_seed_reports_own_text(tmp_path, sample):
    """The real report's text (tables split page by page, heading rows missing from its table, the slips, the
    narratives' titles worded differently from the table's) imports to the sample's tree, totals and parts."""
    from pipun_desktop.office.form_table import key

    result = import_docx(seed_docx(SEED, tmp_path / "seed.docx"))
    report, expected = result.report, sample.reports[0]
    assert [key(i.title) for i in report.items()] == [key(i.title) for i in expected.items()]
    shape = [(type(n).__name__, len(getattr(n, "children", []))) for n in walk(report.tree)]
    assert shape == [(type(n).__name__, len(getattr(n, "children", []))) for n in walk(expected.tree)]
    got = report_totals(report)
    assert [t.agency for _, t in got.dimensions] == [6_500_000, 3_000_000, 3_500_000, 4_000_000]
    assert (got.total.agency, got.total.disbursed) == (17_000_000, 6_000_000)
    assert [i.approaches for i in report.items()] == [i.approaches for i in expected.items()]
    assert (report.fiscal_year, report.round) == (2564, 6)
    assert result.document.organization == sample.organization
    assert report.reporter == expected.reporter
    a = report.announcement
    assert (a.date, a.signatory_name, a.signatory_position) == (
        expected.announcement.date,
        expected.announcement.signatory_name,
        expected.announcement.signatory_position,
    )
    assert result.narratives == 66 and result.skipped == [] and result.disagreements == []
    # the sub-sections the seed's table leaves out, titled from its narratives, and said so
    added = {n.reason.split()[1]: n for n in result.unsure if "ไม่มีแถวหัวข้อ" in n.reason}
    assert sorted(added) == ["๑.๑.๒", "๑.๑.๓", "๒.๓.๑", "๔.๔.๒"]
    assert all("ชื่อจากส่วนรายละเอียด" in added[k].reason for k in ("๑.๑.๒", "๑.๑.๓", "๒.๓.๑"))
    assert key(report.tree[1].children[2].children[0].title) == key(
        expected.tree[1].children[2].children[0].title
    )
    # ๔.๔.๒ is named nowhere in the seed: it stays untitled, and the officer is told
    assert "ยังไม่มีชื่อ" in added["๔.๔.๒"].reason and report.tree[3].children[3].children[1].title == ""
    assert any("มติที่" in n.reason for n in result.unsure)
