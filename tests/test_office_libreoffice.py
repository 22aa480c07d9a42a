"""Documents from another program: Word and Excel files saved again by LibreOffice (where it is installed) import
to the same report. LibreOffice rewrites the whole package: its own XML, styles, merged cells, stored formula
values, and no custom XML part, so the import reads the page alone."""

import shutil
import subprocess

import pytest
from conftest import SAMPLE
from office_docs import office_docx, office_xlsx
from test_office_import import assert_same_tree

from pipun_desktop.interchange.json_format import read_document
from pipun_desktop.office.docx_export import export_report_docx
from pipun_desktop.office.docx_import import import_docx
from pipun_desktop.office.xlsx_import import import_xlsx

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")


def convert(tmp_path, target: str, *files, outdir=None):
    home = tmp_path / "lo-home"
    home.mkdir(exist_ok=True)
    outdir = outdir or tmp_path / "out"
    outdir.mkdir(exist_ok=True)
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{home}", "--headless", "--convert-to", target]
        + ["--outdir", str(outdir), *map(str, files)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return outdir


def test_word_documents_saved_by_libreoffice(tmp_path):
    doc = read_document(SAMPLE)
    report = doc.reports[0]
    hand = office_docx(report, doc.organization, tmp_path / "hand.docx", wrong_total=True)
    exported = tmp_path / "exported.docx"
    export_report_docx(doc.organization, report, exported)
    odt = convert(tmp_path, "odt", hand, exported, outdir=tmp_path / "odt")
    back = convert(tmp_path, "docx:MS Word 2007 XML", odt / "hand.odt", odt / "exported.odt")
    result = import_docx(back / "hand.docx")
    assert_same_tree(report, result.report)
    assert [(t.label, t.stated, t.computed) for t in result.disagreements] == [
        ("มิติที่ ๑", 7_000_000, 6_500_000)
    ]
    assert result.report.reporter == report.reporter and result.report.conclusion == report.conclusion
    result = import_docx(back / "exported.docx")
    for item in result.report.items():  # the page's หมายเหตุ carries the not-started status text
        item.note = next(i.note for i in report.items() if i.title == item.title)
    assert_same_tree(report, result.report)


def test_excel_saved_by_libreoffice_has_stored_formula_values(tmp_path):
    doc = read_document(SAMPLE)
    report = doc.reports[0]
    hand = office_xlsx(report, doc.organization, tmp_path / "hand.xlsx", wrong_total=True)
    back = convert(tmp_path, "xlsx:Calc MS Excel 2007 XML", hand)
    result = import_xlsx(back / "hand.xlsx")
    assert_same_tree(report, result.report, details=False)
    assert [(t.label, t.stated, t.computed) for t in result.disagreements] == [
        ("มิติที่ ๑", 7_000_000, 6_500_000),
        ("ทั้งรายงาน", 17_500_000, 17_000_000),
    ]
