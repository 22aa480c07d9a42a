"""The whole printed report: text layer, totals, fonts, digits, literal markup, progress/cancel."""

import datetime as dt
import json
import shutil
import subprocess
import sys
import zlib

import pytest
from conftest import ROOT, SAMPLE

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
from pipun_desktop.core.totals import report_totals
from pipun_desktop.interchange.json_format import read_document, report_to_dict
from pipun_desktop.pdf import textcheck
from pipun_desktop.pdf.export import ExportCancelled, PdfExportError, export_report_pdf
from pipun_desktop.pdf.fonts import FontSet
from pipun_desktop.pdf.report_pdf import Styles, form_table
from pipun_desktop.thai.amounts import format_amount
from pipun_desktop.thai.digits import render_digits

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")

MARKUP = [
    '<font color="red" size="40">ตัวแดง</font>',
    '<img src="/tmp/pipun-evil-image.png" width="500"/>',
    '<a href="http://example.invalid/steal">คลิกที่นี่</a> &amp; &lt;b&gt;',
    "<para><b>หนา</b></para> & \"คำพูด\" 'เดี่ยว' <br/> <seq id='x'/>",
]


def tricky_report() -> tuple[Organization, Report]:
    org = Organization('องค์การบริหารส่วนตำบล<ทดสอบ> & "พิปูน"', "พิปูน", "นครศรีธรรมราช")
    items = [
        Item(
            "project",
            "โครงการที่นี่ปี่น้ำ กิ่ง ญี่ปุ่น ฐิติ ผู้ใหญ่ ฤๅษี น้ำ ป่า",
            MARKUP[0],
            MARKUP[1],
            MARKUP[2],
            Budget(2_000_000, 6_500_000, None),
            (True, False, True),
            "done",
            None,
            MARKUP[3],
            [
                DetailBlock(
                    "วัตถุประสงค์", "- " + MARKUP[1] + "\n- เพื่อให้ผู้บริหารท้องถิ่นมีความรู้\nย่อหน้าธรรมดา " + MARKUP[0]
                ),
                DetailBlock("ผลการดำเนินการ", "ผลการประเมิน\tระดับคะแนน\nดีเลิศ <b>\t๕\nดี &amp;\t๓"),
            ],
        ),
        Item(
            "activity",
            "กิจกรรมองค์การบริหารส่วนตำบลพิปูนผู้บริหารท้องถิ่นธรรมาภิบาลประสิทธิภาพ",
            "ตัวชี้วัดยาวมากองค์การบริหารส่วนตำบลพิปูนองค์การบริหารส่วนตำบลพิปูน",
            "ประชาชน",
            "สำเร็จ",
            Budget(None, 1_234_567_850, 50),
            (False, True, False),
            "not_possible",
            "no_budget",
            "",
            [],
        ),
        Item(
            "measure",
            "มาตรการ Latin words and 123 numbers ปนกัน",
            "-",
            "",
            "",
            Budget(),
            (False, False, False),
            None,
            None,
            "บรรทัดหนึ่ง\r\nบรรทัดสอง\x0bบรรทัดสาม\u2028บรรทัดสี่",
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
        None,
        tree,
        Conclusion("- ปัจจัย <font>", "ปัญหา & อุปสรรค", "ข้อเสนอแนะ\n- ข้อหนึ่ง"),
        Reporter("นางสาวทดสอบ <ระบบ>", "นักวิเคราะห์", "0-7555", "a@b.c", dt.date(2021, 10, 8)),
        Announcement(
            "ตามที่ <a href='x'>ประกาศ</a>\nย่อหน้าสอง",
            dt.date(2021, 10, 9),
            "นายทดสอบ & ลงนาม",
            "นายก <อบต.>",
            None,
        ),
    )
    return org, report


def _text(pdf):
    return subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(not SAMPLE.exists(), reason="sample not present")
def test_sample_carries_every_text_field_verbatim(tmp_path):
    doc = read_document(SAMPLE)
    out = tmp_path / "sample.pdf"
    info = export_report_pdf(doc.organization, doc.reports[0], out)
    raw = json.loads(SAMPLE.read_text(encoding="utf-8"))
    missing, total = textcheck.check_report(str(out), raw["reports"][0])
    assert total > 100
    assert missing == []
    # pypdf too
    from pypdf import PdfReader

    got = textcheck.norm("".join(p.extract_text() for p in PdfReader(str(out)).pages))
    assert [w for w in textcheck.expected_lines(raw["reports"][0]) if textcheck.norm(w) not in got] == []
    assert info.pages > 10
    assert info.fonts == ["Sarabun-Regular.ttf", "Sarabun-Bold.ttf"]


@pytest.mark.skipif(not SAMPLE.exists(), reason="sample not present")
@pytest.mark.parametrize("reader", ["pdfium", "mupdf"])
def test_sample_text_in_other_readers(tmp_path, reader):
    doc = read_document(SAMPLE)
    out = tmp_path / "sample.pdf"
    export_report_pdf(doc.organization, doc.reports[0], out)
    if reader == "pdfium":
        pdfium = pytest.importorskip("pypdfium2")
        pdf = pdfium.PdfDocument(str(out))
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        pdf.close()
    else:
        if shutil.which("mutool") is None:
            pytest.skip("mupdf-tools not installed")
        text = subprocess.run(
            ["mutool", "draw", "-F", "txt", "-o", "-", str(out)], capture_output=True, text=True, check=True
        ).stdout
    got = textcheck.norm(text)
    raw = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert [w for w in textcheck.expected_lines(raw["reports"][0]) if textcheck.norm(w) not in got] == []


def test_tricky_report_text_is_exact(tmp_path):
    org, report = tricky_report()
    out = tmp_path / "t.pdf"
    export_report_pdf(org, report, out)
    missing, total = textcheck.check_report(str(out), report_to_dict(report))
    assert missing == [] and total > 10
    text = textcheck.norm(_text(out))
    for m in MARKUP:
        assert textcheck.norm(m) in text  # printed literally, character for character
    assert textcheck.norm(org.name) in text


def test_markup_never_fetches_or_opens_anything(tmp_path, monkeypatch):
    evil = tmp_path / "evil.png"
    org, report = tricky_report()
    report.tree[0].children[1].note = f'<img src="{evil}"/>'
    events = []

    def hook(event, args):
        if event in ("socket.connect", "socket.getaddrinfo", "urllib.Request", "subprocess.Popen"):
            events.append((event, args))
        if event == "open" and args and "evil" in str(args[0]):
            events.append((event, args))

    sys.addaudithook(hook)
    out = tmp_path / "t.pdf"
    export_report_pdf(org, report, out)
    seen = list(events)
    events.clear()  # the hook stays installed for the process; make it inert for later tests
    assert seen == []
    assert textcheck.norm(f'<img src="{evil}"/>') in textcheck.norm(_text(out))


def test_table_totals_equal_the_cores():
    org, report = tricky_report()
    st = Styles(FontSet.default(), "thai")
    table = form_table(report, st, "thai", 400)
    total_rows = [r for r in table.rows if r.kind == "total"]
    totals = report_totals(report)
    want = [t for _, t in totals.dimensions] + [totals.total]
    assert len(total_rows) == len(want)
    for row, t in zip(total_rows, want, strict=False):
        amounts = [c.text for c in row.cells[1:4]]
        assert amounts == [format_amount(t.integrated), format_amount(t.agency), format_amount(t.disbursed)]
    # a dimension whose amounts are all empty prints "-"
    assert [c.text for c in total_rows[1].cells[1:4]] == ["-", "-", "-"]


def test_totals_printed_in_the_pdf(tmp_path):
    org, report = tricky_report()
    out = tmp_path / "t.pdf"
    export_report_pdf(org, report, out)
    text = _text(out)
    total = report_totals(report).total
    assert format_amount(total.agency) in text  # ๑๒,๔๑๐,๖๗๘.๕๐
    assert format_amount(total.integrated) in text


def test_only_embedded_fonts(tmp_path):
    org, report = tricky_report()
    out = tmp_path / "t.pdf"
    export_report_pdf(org, report, out)
    lines = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert lines
    for line in lines:
        cols = line.split()
        # name type encoding emb sub uni ...
        assert cols[-5] == "yes" and cols[-4] == "yes", line


def test_arabic_digits_via_cli(tmp_path):
    if not SAMPLE.exists():
        pytest.skip("sample not present")
    out = tmp_path / "a.pdf"
    res = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "export-pdf",
            str(SAMPLE),
            "-o",
            str(out),
            "--digits",
            "arabic",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert res.returncode == 0, res.stderr
    text = _text(out)
    assert "170,000" in text and "- 2 -" in text and "ผลงานปีงบประมาณ พ.ศ. 2564" in text
    assert "๑๗๐,๐๐๐" not in text


def test_page_numbers_and_fingerprint(tmp_path):
    org, report = tricky_report()
    out = tmp_path / "t.pdf"
    info = export_report_pdf(org, report, out, fingerprint="PIPUN-FP 1a2b3c")
    pages = _text(out).split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) == info.pages
    assert "- ๑ -" not in pages[0]
    from pypdf import PdfReader

    assert PdfReader(str(out)).metadata.subject == "PIPUN-FP 1a2b3c"  # for programs, too
    for n, page in enumerate(pages, start=1):
        assert "PIPUN-FP 1a2b3c" in page
        if n >= 2:
            assert page.lstrip().startswith(render_digits(f"- {n} -"))


def test_round_box_and_form_title_on_every_landscape_page(tmp_path):
    from pypdf import PdfReader

    org, report = tricky_report()
    out = tmp_path / "t.pdf"
    export_report_pdf(org, report, out)
    reader = PdfReader(str(out))
    landscape = [i for i, p in enumerate(reader.pages) if float(p.mediabox.width) > float(p.mediabox.height)]
    assert landscape
    text = _text(out).split("\f")
    for i in landscape:
        assert "แบบรายงานผลการดำเนินงานป้องกันการทุจริตของ อปท." in text[i]
        assert "งาน/กิจกรรม/โครงการ" in text[i]  # the column header repeats


def _png(w=60, h=40):
    def chunk(kind, data):
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    raw = b"".join(b"\0" + bytes([200, 30, 30]) * w for _ in range(h))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", w.to_bytes(4, "big") + h.to_bytes(4, "big") + b"\x08\x02\0\0\0")
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_emblem_on_the_announcement(tmp_path):
    from pypdf import PdfReader

    org, report = tricky_report()
    report.announcement.emblem_png = _png()
    out = tmp_path / "t.pdf"
    export_report_pdf(org, report, out)
    last = PdfReader(str(out)).pages[-1]
    xobjects = last["/Resources"].get("/XObject") or {}
    assert any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())


def test_bad_emblem_is_a_clear_error(tmp_path):
    org, report = tricky_report()
    report.announcement.emblem_png = b"not a png"
    out = tmp_path / "t.pdf"
    with pytest.raises(PdfExportError, match="ตราสัญลักษณ์"):
        export_report_pdf(org, report, out)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_cancel_leaves_no_file(tmp_path):
    org, report = tricky_report()
    out = tmp_path / "t.pdf"
    out.write_bytes(b"old")
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(ExportCancelled):
        export_report_pdf(org, report, out, is_cancelled=cancelled)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.pdf"]


def test_progress_reports_and_finishes(tmp_path):
    org, report = tricky_report()
    seen = []
    export_report_pdf(org, report, tmp_path / "t.pdf", progress=lambda d, t, m: seen.append((d, t, m)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert all(0 <= d <= t for d, t, _ in seen)


def test_unwritable_folder_is_a_thai_error(tmp_path):
    org, report = tricky_report()
    with pytest.raises(PdfExportError, match="ไม่พบโฟลเดอร์"):
        export_report_pdf(org, report, tmp_path / "missing" / "t.pdf")


def test_bad_digits_argument(tmp_path):
    org, report = tricky_report()
    with pytest.raises(PdfExportError):
        export_report_pdf(org, report, tmp_path / "t.pdf", digits="roman")


def test_row_taller_than_a_page_is_cut_with_one_header_per_page(tmp_path):
    from pypdf import PdfReader

    report = Report(
        2565,
        6,
        tree=[
            Heading(
                "มิติ", [Item(title="ยาวมาก", result="ผลการดำเนินงาน " * 600), Item(title="สั้น", result="สั้น")]
            )
        ],
    )
    out = tmp_path / "tall.pdf"
    info = export_report_pdf(Organization("อบต.ทดสอบ", "เมือง", "ภูเก็ต"), report, out)
    reader = PdfReader(str(out))
    pages = _text(out).split("\f")
    landscape = [i for i, p in enumerate(reader.pages) if float(p.mediabox.width) > float(p.mediabox.height)]
    assert len(landscape) >= 3
    for i in landscape:
        assert pages[i].count("งาน/กิจกรรม/โครงการ") == 1
    assert info.pages == len(reader.pages)


def test_cli_export_from_a_data_file(tmp_path):
    if not SAMPLE.exists():
        pytest.skip("sample not present")
    data = tmp_path / "s.pipun"
    main = [sys.executable, str(ROOT / "main.py")]
    assert (
        subprocess.run(
            main + ["import-json", str(SAMPLE), "-o", str(data)], cwd=ROOT, capture_output=True
        ).returncode
        == 0
    )
    out = tmp_path / "s.pdf"
    res = subprocess.run(
        main + ["export-pdf", str(data), "-o", str(out), "--report", "2564-6"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stderr
    assert "Sarabun-Regular.ttf" in res.stderr
    missing, _total = textcheck.check_report(
        str(out), json.loads(SAMPLE.read_text(encoding="utf-8"))["reports"][0]
    )
    assert missing == []
    bad = subprocess.run(
        main + ["export-pdf", str(data), "-o", str(tmp_path / "no" / "x.pdf")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "ข้อผิดพลาด" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.skipif(not SAMPLE.exists(), reason="sample not present")
def test_no_page_ends_with_a_heading(tmp_path):
    from pipun_desktop.pdf.flowables import TextFlow
    from pipun_desktop.pdf.report_pdf import ReportDocTemplate, build_story

    doc = read_document(SAMPLE)
    report = doc.reports[0]
    placed = []
    fonts = FontSet.default()
    pdf = ReportDocTemplate(
        str(tmp_path / "s.pdf"),
        fonts=fonts,
        report=report,
        organization=doc.organization,
        digits="thai",
        fingerprint=None,
        on_flowable=lambda f: placed.append((pdf.page, f)),
    )
    pdf.build(build_story(doc.organization, report, pdf, fonts, "thai"))
    last_on_page = {}
    from reportlab.platypus import CondPageBreak, Spacer
    from reportlab.platypus.doctemplate import ActionFlowable

    for page, f in placed:
        if not isinstance(f, (ActionFlowable, CondPageBreak, Spacer)):
            last_on_page[page] = f
    for page, f in last_on_page.items():
        content = getattr(f, "_content", [f])  # KeepTogether groups
        last = content[-1]
        assert not (isinstance(last, TextFlow) and last.style.keep_with_next), (page, last.text)


def test_target_that_cannot_be_replaced_is_a_thai_error(tmp_path):
    org, report = tricky_report()
    target = tmp_path / "a-folder.pdf"
    target.mkdir()
    (target / "x").write_text("keep")
    with pytest.raises(PdfExportError, match="บันทึกไฟล์"):
        export_report_pdf(org, report, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder.pdf"]
