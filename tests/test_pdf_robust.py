"""Typesetting whatever gets through (issue 11.10): characters the font lacks, emoji, broken escapes, and
long fields, in time linear in their length."""

import json
import shutil
import subprocess
import sys
import time

import pytest
from conftest import ROOT

from pipun_desktop.core.model import Announcement, DetailBlock, Heading, Item, Organization, Report
from pipun_desktop.pdf import typeset as ts
from pipun_desktop.pdf.export import export_report_pdf
from pipun_desktop.pdf.flowables import TextFlow, TextStyle
from pipun_desktop.pdf.fonts import FontSet

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")

ODD = {
    "emoji": "ยินดี 👍🏽 👨‍👩‍👧 🇹🇭 ❤️ ก้👍",
    "cjk": "ภาษา 中文字 한국어 日本語",
    "controls": "คุม a\x00b\x01c\x7f\u200e\u202e",
    "lone marks": "ลอย \u0e49\u0e49\u0e49 \u0e31 ก\u0e48\u0e48\u0e48\u0e48\u0e48\u0e48",
    "surrogate": "ตัวแทน ab\ud800cd",
    "no-break": "ช่องว่าง \ufeff\u00a0\u2007ช่องว่าง",
    "combining": "เครื่องหมาย a" + "\u0301" * 200,
    "private use": "ส่วนตัว \ue000\U000f0000\U0010fffd",
    "noncharacters": "ไม่ใช่อักษร \uffff\ufffe",
}


def _report(text: str) -> Report:
    item = Item(
        title=text, indicator=text, target=text, result=text, note=text, details=[DetailBlock(text, text)]
    )
    return Report(2567, 6, tree=[Heading(text, [item])], announcement=Announcement(text, None, text, text))


@pytest.mark.parametrize("name", list(ODD))
def test_odd_text_never_fails_the_export(tmp_path, name):
    text = ODD[name]
    out = tmp_path / "odd.pdf"
    info = export_report_pdf(Organization(text, text, text), _report(text), out)
    assert info.pages >= 5
    got = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert text.split()[0] in got  # each case starts with a Thai word


MANY_MISSING = """
import sys
from pipun_desktop.core.model import Heading, Item, Organization, Report
from pipun_desktop.pdf.export import export_report_pdf
chars = [chr(c) for c in range(0x20000, 0x20000 + 70_000)]  # CJK Extension B and beyond: not in Sarabun
fields = ["".join(chars[k:k + 10]) + " " for k in range(0, len(chars), 10)]
per = len(fields) // 7
texts = ["".join(fields[i * per:(i + 1) * per]) for i in range(7)]
report = Report(2567, 6, tree=[Heading("มิติ", [Item(title="ตัวอักษรที่ฟอนต์ไม่มี", indicator=texts[0], target=texts[1],
                result=texts[2], note=texts[3])]), Heading(texts[4], []), Heading(texts[5], []), Heading(texts[6], [])])
info = export_report_pdf(Organization("อบต.ทดสอบ", "ก", "ข"), report, sys.argv[1])
print(info.pages)
"""


@pytest.mark.slow  # about a minute: 70,000 alias codes in 270 font subsets
def test_seventy_thousand_distinct_missing_characters(tmp_path):
    """More distinct characters the font lacks than there are alias codes: no "too many glyph aliases" (in a
    process of its own, so this test's fonts keep their alias codes)."""
    _many_missing(tmp_path, "")


def test_alias_codes_running_out_is_no_error(tmp_path):
    """The same with the alias space cut to 3,000 codes (fast): the rest stand for U+FFFD, nothing fails."""
    _many_missing(
        tmp_path, "import pipun_desktop.pdf.thaifont as tf; tf.ALIAS_LAST = tf.ALIAS_FIRST + 3000\n"
    )


def _many_missing(tmp_path, prelude):
    out = tmp_path / "many.pdf"
    script = prelude + MANY_MISSING if prelude else MANY_MISSING
    if prelude:
        script = script.replace("70_000", "8_000")
    res = subprocess.run(
        [sys.executable, "-c", script, str(out)], capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    assert res.returncode == 0, res.stderr[-2000:]
    assert out.read_bytes().startswith(b"%PDF")
    got = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "ตัวอักษรที่ฟอนต์ไม่มี" in got
    assert chr(0x20000) in got and chr(0x20001) in got  # the first ones keep their own codes


def _prose(n: int) -> str:
    words = (
        "โครงการ ส่งเสริม คุณธรรม จริยธรรม การป้องกัน การทุจริต ผู้บริหารท้องถิ่น ประชาชน ความโปร่งใส "
        "ตรวจสอบ ฝึกอบรม เผยแพร่ ข้อมูลข่าวสาร งบประมาณ จัดซื้อจัดจ้าง ธรรมาภิบาล ที่นี่ ปี่ น้ำ"
    ).split()
    out = []
    size = k = 0
    while size < n:
        w = words[(k * 7) % len(words)] + (" " if k % 5 == 4 else "")
        out.append(w)
        size += len(w)
        k += 1
    return "".join(out)[:n]


def _typeset_seconds(text: str) -> float:
    fonts = FontSet.default()
    best = float("inf")
    for _ in range(2):
        ts.shape(fonts.regular, "ก")  # fonts loaded
        flow = TextFlow(text, TextStyle(fonts.regular, 16))
        t0 = time.process_time()
        flow.wrap(450, 700)
        best = min(best, time.process_time() - t0)
    return best


def test_typesetting_time_is_linear_in_the_length_of_a_field():
    _typeset_seconds(_prose(2000))  # the dictionary loaded
    small = _typeset_seconds(_prose(10_000))
    big = _typeset_seconds(_prose(100_000))
    assert big < 20 * max(small, 0.01), (small, big)  # ten times the text: linear is 10x, quadratic 100x


def test_long_fields_json_round_trip_export(tmp_path):
    """A JSON document with 100,000-character fields (the cap) exports through the CLI."""
    text = _prose(100_000)
    doc = {
        "format": "pipun-report",
        "version": 1,
        "organization": {"name": "อบต.", "district": "ก", "province": "ข"},
        "reports": [
            {
                "fiscal_year": 2567,
                "round": 6,
                "plan_title": "แผน",
                "intro": None,
                "tree": [
                    {
                        "kind": "heading",
                        "title": "มิติ",
                        "children": [
                            {
                                "kind": "item",
                                "item_type": "project",
                                "title": "ยาว",
                                "indicator": "",
                                "target": "",
                                "result": text,
                                "budget": {"integrated": None, "agency": None, "disbursed": None},
                                "approaches": [False, False, False],
                                "status": None,
                                "status_reason": None,
                                "note": "",
                                "details": [{"heading": "ผล", "body": text}],
                            }
                        ],
                    }
                ],
                "conclusion": {"supporting_factors": text, "problems": "", "suggestions": ""},
                "reporter": {"name": "", "position": "", "phone": "", "email": "", "date": None},
                "announcement": {
                    "body": "",
                    "date": None,
                    "signatory_name": "",
                    "signatory_position": "",
                    "emblem_png": None,
                },
            }
        ],
    }
    src = tmp_path / "long.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "long.pdf"
    res = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export-pdf", str(src), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    assert "Traceback" not in res.stderr


LONG_HEADINGS = """
import sys
from pipun_desktop.core.model import DetailBlock, Heading, Item, Organization, Report
from pipun_desktop.pdf.export import export_report_pdf
text = ("การป้องกันการทุจริต ผู้บริหารท้องถิ่น ความโปร่งใส " * 200)[:8000]
item = Item(title=text, result=text, details=[DetailBlock(text, text)])
report = Report(2567, 6, tree=[Heading(text, [Heading(text, [item])]), Heading(text, [])])
print(export_report_pdf(Organization("อบต.", "ก", "ข"), report, sys.argv[1]).pages)
"""


def test_headings_taller_than_a_page_do_not_hang(tmp_path):
    """A heading is kept with what follows it; one taller than a page made ReportLab loop for ever."""
    out = tmp_path / "headings.pdf"
    res = subprocess.run(
        [sys.executable, "-c", LONG_HEADINGS, str(out)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert res.returncode == 0, res.stderr[-2000:]
    assert int(res.stdout) > 10
