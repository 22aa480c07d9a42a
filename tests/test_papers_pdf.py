"""The printed papers: photos in the report, the memo and the web-publication form (issue 14), and hostile
emblems at export (issue 11, cause 11)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import subprocess
import sys

import images_for_tests as imgs
import pytest
from conftest import ROOT, SAMPLE

from pipun_desktop.core import papers as words
from pipun_desktop.core.model import Papers, Photo
from pipun_desktop.interchange.json_format import read_document
from pipun_desktop.media.images import prepare_photo
from pipun_desktop.pdf.export import export_report_pdf
from pipun_desktop.thai.amounts import format_amount
from pipun_desktop.thai.dates import thai_date


def pdf_text(path) -> str:
    """The text in drawing order (-raw): side-by-side signature blocks come back one after the other."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def flat(text: str) -> str:
    """pdftotext's text without white space (a line may break between Thai words, where no space is); fields are
    compared the same way, so every character of every field must come back, in order."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def sample():
    doc = read_document(SAMPLE)
    report = doc.reports[0]
    report.papers = Papers(
        division="สำนักปลัด องค์การบริหารส่วนตำบลพิปูน",
        document_number="นศ ๗๓๘๐๑/๑๒๓",
        memo_date=dt.date(2021, 4, 9),
        executive_position="นายกองค์การบริหารส่วนตำบลพิปูน",
        web_link="https://www.pipoon.go.th/ita/2564-6.pdf",
        web_remarks="เผยแพร่ในหมวด ITA",
        web_publisher_name="นายเผยแพร่ ข้อมูลดี",
        web_publisher_position="นักวิชาการคอมพิวเตอร์",
    )
    report.announcement.emblem_png = imgs.png_bytes(200, 200, (180, 140, 20))
    return doc


def first_item(report):
    return next(iter(report.items()))


def test_report_prints_photos_with_their_captions(tmp_path, sample):
    from pypdf import PdfReader

    report = sample.reports[0]
    item = first_item(report)
    item.photos = [
        Photo(prepare_photo(imgs.jpeg_bytes(1200, 900)), "ประชุมชี้แจง <ครั้งที่ ๑> & “ลงนาม”"),
        Photo(prepare_photo(imgs.jpeg_bytes(600, 900)), "มอบเกียรติบัตร"),
        Photo(prepare_photo(imgs.png_bytes(400, 300)), "แผนผังกิจกรรม"),
    ]
    try:
        out = tmp_path / "r.pdf"
        export_report_pdf(sample.organization, report, out)
        text = flat(pdf_text(out))
    finally:
        item.photos = []
    for caption in ("ประชุมชี้แจง <ครั้งที่ ๑> & “ลงนาม”", "มอบเกียรติบัตร", "แผนผังกิจกรรม"):
        assert flat(caption) in text
    assert "ภาพกิจกรรม" in text
    reader = PdfReader(str(out))
    images = []
    for page in reader.pages:
        if "ภาพกิจกรรม" in (page.extract_text() or ""):
            xobjects = page["/Resources"].get("/XObject") or {}
            images += [x.get_object() for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 3
    # the stored JPEGs are embedded as they are (no re-encoding): DCTDecode
    assert sum("/DCTDecode" in str(x.get("/Filter")) for x in images) == 2


def test_memo_holds_every_field_verbatim(tmp_path, sample):
    org, report = sample.organization, sample.reports[0]
    out = tmp_path / "memo.pdf"
    info = export_report_pdf(org, report, out, document="memo")
    assert info.pages == 1
    text = flat(pdf_text(out))
    p = report.papers
    c = words.counts(report)
    from pipun_desktop.core.totals import report_totals

    total = report_totals(report).total
    for field in (
        "บันทึกข้อความ",
        p.division,
        p.document_number,
        thai_date(p.memo_date),
        words.subject(report),
        p.executive_position,
        org.name,
        report.plan_title,
        words.round_words(report),
        f"ดำเนินการแล้ว {c.done:,} รายการ".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")),
        format_amount(total.allotted),
        format_amount(total.disbursed),
        report.reporter.name,
        report.reporter.position,
        report.announcement.signatory_name,
        "ทราบ",
        "อนุมัติ",
        "ความเห็น/คำสั่งของผู้บริหาร",
        words.MEMO_CLOSING,
    ):
        assert flat(field) in text, field


def test_memo_body_edited_by_the_user_replaces_the_draft(tmp_path, sample):
    org, report = sample.organization, sample.reports[0]
    report.papers.memo_body = "ข้อความที่พิมพ์เอง <b>ไม่ใช่มาร์กอัป</b> & ครบ\nย่อหน้าที่สอง"
    try:
        out = tmp_path / "memo.pdf"
        export_report_pdf(org, report, out, document="memo", digits="arabic")
        text = flat(pdf_text(out))
    finally:
        report.papers.memo_body = None
    assert flat("ข้อความที่พิมพ์เอง <b>ไม่ใช่มาร์กอัป</b> & ครบ") in text and "ย่อหน้าที่สอง" in text
    assert "ได้เสร็จสิ้นแล้ว" not in text
    assert "9เมษายน2564" in text


def test_web_form_holds_every_field_verbatim(tmp_path, sample):
    org, report = sample.organization, sample.reports[0]
    out = tmp_path / "web.pdf"
    info = export_report_pdf(org, report, out, document="web-form")
    assert info.pages == 1
    text = flat(pdf_text(out))
    p = report.papers
    for field in (
        words.WEB_FORM_TITLE,
        org.name,
        thai_date(p.memo_date),
        words.web_title(report),
        words.web_description(org, report),
        p.web_link,
        p.web_remarks,
        *words.WEB_SIGNERS,
        report.reporter.name,
        report.reporter.position,
        report.announcement.signatory_name,
        report.announcement.signatory_position,
        p.web_publisher_name,
        p.web_publisher_position,
    ):
        assert flat(field) in text, field


def test_memo_without_an_emblem_leaves_the_space_and_uses_none_of_ours(tmp_path, sample):
    from pypdf import PdfReader

    org, report = sample.organization, sample.reports[0]
    emblem = report.announcement.emblem_png
    report.announcement.emblem_png = None
    try:
        out = tmp_path / "memo.pdf"
        export_report_pdf(org, report, out, document="memo")
    finally:
        report.announcement.emblem_png = emblem

    def images(path):
        xobjects = PdfReader(str(path)).pages[0]["/Resources"].get("/XObject") or {}
        return [x for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"]

    assert images(out) == []
    with_emblem = tmp_path / "memo2.pdf"
    export_report_pdf(org, report, with_emblem, document="memo")
    assert len(images(with_emblem)) == 1


@pytest.mark.parametrize(
    "emblem, words_",
    [
        (imgs.bomb_png(12_000, 12_000), "ใหญ่เกินไป"),
        (imgs.bomb_png(), "ใหญ่เกินไป"),
        (imgs.truncated_png(), "เสียหาย"),
        (imgs.jpeg_bytes(), "PNG"),
    ],
    ids=["12000px", "40000px", "truncated", "jpeg"],
)
def test_a_bad_emblem_already_in_a_file_is_one_clear_thai_line(tmp_path, emblem, words_):
    """Files made by older versions may hold any PNG-signed bytes: every document says which image and what is
    wrong, without ReportLab's internals or a warning, and writes nothing."""
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    src = tmp_path / "in.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    data = tmp_path / "org.pipun"
    assert (
        subprocess.run([sys.executable, str(ROOT / "main.py"), "import-json", src, "-o", data]).returncode
        == 0
    )
    import sqlite3

    conn = sqlite3.connect(data)
    conn.execute("UPDATE reports SET emblem_png = ?", [emblem])
    conn.commit()
    conn.close()
    for document in ("report", "memo"):
        out = tmp_path / f"{document}.pdf"
        result = subprocess.run(
            [
                sys.executable,
                "-W",
                "default",
                str(ROOT / "main.py"),
                "export-pdf",
                data,
                "-o",
                out,
                "--document",
                document,
            ],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert "ภาพตราสัญลักษณ์" in lines[0] and words_ in lines[0]
        assert "BytesIO" not in lines[0] and "fileName" not in lines[0]
        assert not out.exists()


def test_cli_documents(tmp_path):
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    src = tmp_path / "in.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    for document in ("memo", "web-form"):
        out = tmp_path / f"{document}.pdf"
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "export-pdf", src, "-o", out, "--document", document],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert out.exists()
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "export-pdf",
            src,
            "-o",
            tmp_path / "x.pdf",
            "--document",
            "letter",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_photo_bytes_embedded_base64_round_trip_via_cli(tmp_path):
    """A JSON with photos exported from a data file and imported again gives the same photos."""
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["version"] = 2
    item = doc["reports"][0]["tree"][0]["children"][0]["children"][0]["children"][0]
    photo = base64.b64encode(prepare_photo(imgs.jpeg_bytes(300, 200))).decode()
    item["photos"] = [{"image": photo, "caption": "ภาพ"}]
    src = tmp_path / "in.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    data = tmp_path / "org.pipun"
    run = [sys.executable, str(ROOT / "main.py")]
    assert subprocess.run([*run, "import-json", src, "-o", data]).returncode == 0
    out = tmp_path / "out.json"
    assert subprocess.run([*run, "export-json", data, "-o", out]).returncode == 0
    back = json.loads(out.read_text(encoding="utf-8"))
    assert back["version"] == 2
    assert back["reports"][0]["tree"][0]["children"][0]["children"][0]["children"][0]["photos"] == [
        {"image": photo, "caption": "ภาพ"}
    ]


@pytest.mark.parametrize(
    "emblem, words_",
    [(imgs.bomb_png(12_000, 12_000), "ใหญ่เกินไป"), (imgs.truncated_png(), "เสียหาย")],
    ids=["12000px", "truncated"],
)
def test_a_bad_emblem_in_word_export_is_one_clear_line(tmp_path, emblem, words_):
    from pipun_desktop.office.docx_export import OfficeExportError, export_report_docx

    doc = read_document(SAMPLE)
    doc.reports[0].announcement.emblem_png = emblem
    out = tmp_path / "t.docx"
    with pytest.raises(OfficeExportError) as err:
        export_report_docx(doc.organization, doc.reports[0], out)
    assert "ภาพตราสัญลักษณ์" in str(err.value) and words_ in str(err.value) and "\n" not in str(err.value)
    assert not out.exists()
