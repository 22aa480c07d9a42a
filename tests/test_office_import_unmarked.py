"""An exported file that lost its marks part (saved by a program that drops custom XML) still imports from the
page alone: the tree, the amounts, the ticks, the narratives and report parts; the not-started status from
หมายเหตุ; only what the page cannot show (types of untyped titles, "done") is missing, and said so."""

import io
import zipfile

from conftest import SAMPLE
from test_office_import import UNTYPED, assert_same_tree

from pipun_desktop.interchange.json_format import read_document
from pipun_desktop.office.docx_export import export_report_docx
from pipun_desktop.office.docx_import import import_docx
from pipun_desktop.office.export_marks import PART
from pipun_desktop.office.xlsx_export import export_report_xlsx
from pipun_desktop.office.xlsx_import import import_xlsx


def _without_marks(path):
    src = zipfile.ZipFile(path)
    assert PART in src.namelist()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != PART:
                z.writestr(info, src.read(info.filename))
    path.write_bytes(out.getvalue())
    return path


def test_exported_files_without_their_marks_import_from_the_page(tmp_path):
    doc = read_document(SAMPLE)
    report = doc.reports[0]
    docx = tmp_path / "r.docx"
    export_report_docx(doc.organization, report, docx)
    result = import_docx(_without_marks(docx))
    got = {i.title: i for i in result.report.items()}
    not_started = [i for i in report.items() if i.status == "not_started"]
    assert not_started and all(got[i.title].status == "not_started" for i in not_started)
    for item in result.report.items():  # the page's หมายเหตุ shows the status words the note did not have
        item.note = next(i.note for i in report.items() if i.title == item.title)
    assert_same_tree(report, result.report)
    assert result.report.conclusion == report.conclusion and result.report.reporter == report.reporter
    assert sum(any(t in n.text for t in UNTYPED) for n in result.unsure) == 2
    xlsx = tmp_path / "r.xlsx"
    export_report_xlsx(doc.organization, report, xlsx)
    result = import_xlsx(_without_marks(xlsx))
    for item in result.report.items():
        item.note = ""
    assert_same_tree(report, result.report, details=False)
    assert result.disagreements == []
