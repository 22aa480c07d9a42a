"""Round trips (issue 12): report -> .docx -> report gives back the same report, report -> .xlsx -> report the
same form table, on the sample, on synthetic reports and on one with awkward text; the export marks
(office/export_marks.py) carry what the layout does not show, and never override what an officer changed
in the document."""

from __future__ import annotations

import copy
import sys
import xml.etree.ElementTree as ET
import zipfile

import pytest
from conftest import ROOT, SAMPLE

from pipun_desktop.core.model import Announcement, DetailBlock, Item
from pipun_desktop.interchange.json_format import read_document, report_to_dict
from pipun_desktop.office.docx_export import export_report_docx
from pipun_desktop.office.docx_import import import_docx
from pipun_desktop.office.export_marks import NS, PART, parse_marks
from pipun_desktop.office.xlsx_export import export_report_xlsx
from pipun_desktop.office.xlsx_import import import_xlsx

sys.path.insert(0, str(ROOT / "bench"))
from synthetic import synthetic_document  # noqa: E402
from test_office_export import _png, tricky  # noqa: E402


def without_details(tree: list) -> list:
    out = copy.deepcopy(tree)

    def strip(nodes):
        for n in nodes:
            if n["kind"] == "item":
                n["details"] = []
            else:
                strip(n["children"])

    strip(out)
    return out


def clean_tricky():
    """The awkward report without what XML cannot carry (control characters, CR) and without a conclusion
    that starts with its own heading's word."""
    org, report = tricky()
    for item in report.items():
        if "\x01" in item.note:
            item.note = "บรรทัดหนึ่ง\nบรรทัดสอง"
    report.conclusion.suggestions = "- ข้อหนึ่ง\n- ข้อสอง"
    return org, report


def cases():
    doc = read_document(SAMPLE)
    yield "sample", doc.organization, doc.reports[0]
    syn = synthetic_document(120, seed=7)
    yield "synthetic", syn.organization, syn.reports[0]
    org, report = clean_tricky()
    yield "awkward", org, report


@pytest.mark.parametrize("digits", ["thai", "arabic"])
@pytest.mark.parametrize("case", ["sample", "synthetic", "awkward"])
def test_docx_round_trip_gives_back_the_same_report(tmp_path, case, digits):
    _name, org, report = next(c for c in cases() if c[0] == case)
    out = tmp_path / "r.docx"
    export_report_docx(org, report, out, digits=digits)
    result = import_docx(out)
    assert result.document.organization == org
    assert report_to_dict(result.report) == report_to_dict(report)
    assert result.disagreements == [] and result.skipped == [] and result.unsure == []


@pytest.mark.parametrize("case", ["sample", "synthetic", "awkward"])
def test_xlsx_round_trip_gives_back_the_same_form_table(tmp_path, case):
    _name, org, report = next(c for c in cases() if c[0] == case)
    out = tmp_path / "r.xlsx"
    export_report_xlsx(org, report, out)
    result = import_xlsx(out)
    got = result.report
    assert result.document.organization == org
    assert (got.fiscal_year, got.round) == (report.fiscal_year, report.round)
    assert without_details(report_to_dict(got)["tree"]) == without_details(report_to_dict(report)["tree"])
    assert result.disagreements == [] and result.skipped == [] and result.unsure == []


def test_the_emblem_comes_back(tmp_path):
    org, report = clean_tricky()
    assert report.announcement.emblem_png == _png()
    out = tmp_path / "e.docx"
    export_report_docx(org, report, out)
    assert import_docx(out).report.announcement.emblem_png == _png()


def _edit_docx(path, old: str, new: str) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert old in xml
    parts["word/document.xml"] = xml.replace(old, new).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_what_the_officer_changed_in_word_wins_over_the_marks(tmp_path):
    org, report = clean_tricky()
    out = tmp_path / "edited.docx"
    export_report_docx(org, report, out)
    # the note cell of the item that could not be done, rewritten: its status now follows the cell
    _edit_docx(out, "ไม่สามารถดำเนินการได้ (ไม่ได้รับงบประมาณ)", "อยู่ระหว่างดำเนินการ")
    # an amount changed in Word
    _edit_docx(out, "๖๕,๐๐๐.๕๐", "๗๐,๐๐๐")
    got = {i.title: i for i in import_docx(out).report.items()}
    item = got["กิจกรรมที่ทำไม่ได้"]
    assert item.note == "อยู่ระหว่างดำเนินการ" and item.status == "in_progress" and item.status_reason is None
    first = next(i for i in got.values() if i.title.startswith("โครงการ <b>"))
    assert first.budget.agency == 7_000_000


def test_a_renamed_item_keeps_its_words_but_loses_its_mark(tmp_path):
    org, report = clean_tricky()
    report.tree[1].children[0].children[0] = Item("activity", "งานที่พิมพ์ชื่อไม่มีประเภท", status="done")
    out = tmp_path / "renamed.docx"
    export_report_docx(org, report, out)
    _edit_docx(out, "งานที่พิมพ์ชื่อไม่มีประเภท", "งานที่เจ้าหน้าที่แก้ชื่อ")
    result = import_docx(out)
    item = next(i for i in result.report.items() if i.title == "งานที่เจ้าหน้าที่แก้ชื่อ")
    assert item.item_type == "project" and item.status is None  # the importer's own reading
    assert any("โปรดตรวจประเภท" in u.reason for u in result.unsure)


def test_marks_that_are_not_ours_are_ignored():
    root = ET.fromstring(
        f'<pipun xmlns="{NS}" plan_title="แผน" intro="template" emblem="../../etc/passwd">'
        '<item label="๑.๑.๑ (๑) ก" type="rocket" status="done"/>'
        '<item label="๑.๑.๑ (๒) ข" type="activity" status="sleeping"/>'
        '<item label="๑.๑.๑ (๓) ค" type="activity" status="done" reason="no_budget"/>'
        '<item label="๑.๑.๑ (๔) ง" type="measure" status="not_possible" reason="no_staff"/>'
        "</pipun>"
    )
    marks = parse_marks(root)
    assert list(marks.items) == ["๑.๑.๑(๔)ง"]
    assert marks.emblem_part is None
    assert parse_marks(ET.fromstring("<other/>")).items == {}


def test_the_marks_part_is_related_from_the_main_part(tmp_path):
    org, report = clean_tricky()
    export_report_docx(org, report, tmp_path / "m.docx")
    export_report_xlsx(org, report, tmp_path / "m.xlsx")
    for path, rels in (
        (tmp_path / "m.docx", "word/_rels/document.xml.rels"),
        (tmp_path / "m.xlsx", "xl/_rels/workbook.xml.rels"),
    ):
        with zipfile.ZipFile(path) as z:
            assert PART in z.namelist()
            assert PART in z.read(rels).decode()
            types = z.read("[Content_Types].xml").decode()
            assert 'Extension="xml"' in types or PART in types
    import docx
    import openpyxl

    docx.Document(str(tmp_path / "m.docx"))
    openpyxl.load_workbook(tmp_path / "m.xlsx")


def test_small_tables_in_narratives_come_back_tab_separated(tmp_path):
    org, report = clean_tricky()
    first = next(report.items())
    first.details = [DetailBlock("ผลการดำเนินการ", "หัว\tคะแนน\nดีมาก\t๔\nยาว" + "ก" * 300 + "\t๓")]
    report.announcement = Announcement("ประกาศ", None, "", "", None)
    out = tmp_path / "t.docx"
    export_report_docx(org, report, out)
    got = next(import_docx(out).report.items())
    assert got.details == first.details
