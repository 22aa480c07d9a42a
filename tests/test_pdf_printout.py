"""The printed form table and announcement page as a reader sees them on paper (issue 13, points 1-4):
positions are read back from the PDF (pdftotext -bbox, pixels rendered by pdfium)."""

import html
import re
import shutil
import subprocess

import pytest
from conftest import SAMPLE

from pipun_desktop.core.model import Announcement, Budget, Heading, Item, Organization, Report
from pipun_desktop.interchange.json_format import read_document
from pipun_desktop.pdf import typeset as ts
from pipun_desktop.pdf.export import export_report_pdf
from pipun_desktop.pdf.fonts import FontSet
from pipun_desktop.pdf.layout_form import FORM_COLUMNS, MONEY_MAX, form_columns
from pipun_desktop.pdf.styles import FORM_BLOCK_HEIGHT, FORM_TOP, TABLE_SIZE

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")

ORG = Organization("เทศบาลเมืองทดสอบ", "เมือง", "ภูเก็ต")
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def words_by_page(pdf):
    """[(page width, page height, [(x0, y0, x1, y1, text)])] from pdftotext -bbox (y grows downwards)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for chunk in out.split("<page ")[1:]:
        m = _PAGE.match("<page " + chunk)
        words = [
            (float(a), float(b), float(c), float(d), html.unescape(t))
            for a, b, c, d, t in _WORD.findall(chunk)
        ]
        pages.append((float(m.group(1)), float(m.group(2)), words))
    return pages


def landscape_pages(pdf):
    return [(i, p) for i, p in enumerate(words_by_page(pdf)) if p[0] > p[1]]


THAI_FIGURE = re.compile(r"^[๐-๙,.]*[๐-๙][๐-๙,.]*$")


# -- 13.1: amounts never shrink -----------------------------------------------------------------
def big_budget_report():
    items = [
        Item(
            title=f"โครงการที่ {k}",
            indicator="ตัวชี้วัด",
            target="เป้าหมาย",
            result="ผลการดำเนินงาน",
            budget=Budget(99_999_999_999 if k == 0 else 13_575_049_125, 50_000, 1_234_567_850),
            approaches=(True, False, True),
        )
        for k in range(3)
    ]
    items.append(Item(title="โครงการเล็ก", budget=Budget(50_000, 50_000, 50_000)))
    return Report(2567, 12, tree=[Heading("การสร้างสังคมที่ไม่ทนต่อการทุจริต", items)])


def test_every_amount_prints_at_the_body_size_with_hundred_million_totals(tmp_path):
    out = tmp_path / "big.pdf"
    export_report_pdf(ORG, big_budget_report(), out)
    (_i, (_w, _h, words)), *_ = landscape_pages(out)
    figures = [w for w in words if THAI_FIGURE.match(w[4]) and w[1] > FORM_TOP + FORM_BLOCK_HEIGHT]
    texts = [w[4] for w in figures]
    # whole on one line, in regular and in bold
    assert "๙๙๙,๙๙๙,๙๙๙.๙๙" in texts
    assert "๑๓๕,๗๕๐,๔๙๑.๒๕" in texts
    assert "๕๐๐" in texts
    # the grand total passes a billion: it wraps after a comma instead of shrinking
    assert "๑,๒๗๑,๕๐๑," in texts and "๔๘๒.๔๙" in texts
    small = next(w for w in figures if w[4] == "๕๐๐")
    height = small[3] - small[1]
    assert height == pytest.approx(TABLE_SIZE * 1.3, abs=0.5)  # the font's ascent to descent at 10.5 pt
    assert {round(w[3] - w[1], 2) for w in figures} == {round(height, 2)}


def test_money_columns_take_what_the_figures_need_from_the_tick_columns():
    fonts = FontSet.default()
    widest = ts.text_width(fonts.bold, "๙๙๙,๙๙๙,๙๙๙.๙๙", TABLE_SIZE)
    cols = form_columns(widest)
    assert sum(cols) == pytest.approx(sum(FORM_COLUMNS), abs=0.01)
    assert cols[4] == cols[5] == cols[6] >= widest + 6 and cols[4] <= MONEY_MAX
    assert cols[7] < FORM_COLUMNS[7]  # the ticks gave width up
    # figures that fit the usual columns leave the table as it was
    assert form_columns(ts.text_width(fonts.bold, "๑๗๐,๐๐๐", TABLE_SIZE)) == FORM_COLUMNS


# -- 13.2: no mark touches a rule ---------------------------------------------------------------
_DARK = bytes(1 if v < 140 else 0 for v in range(256))


def ink_near_rules(pdf, index, dpi=200, run=150, band=2):
    """Dark pixels within `band` pixels of a horizontal table rule (outside the rules themselves
    and away from vertical rules): ink that touches or crosses a rule."""
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(str(pdf))
    bm = doc[index].render(scale=dpi / 72, grayscale=True)
    w, h, stride = bm.width, bm.height, bm.stride
    buf = bytes(bm.buffer)
    doc.close()
    rows = [buf[y * stride : y * stride + w].translate(_DARK) for y in range(h)]
    long = b"\x01" * run
    rule_rows = {y for y in range(h) if long in rows[y]}
    assert rule_rows, "no table rules found"
    vertical = set()
    for x in range(w):
        n = best = 0
        for y in range(h):
            n = n + 1 if rows[y][x] else 0
            best = max(best, n)
        if best >= run:
            vertical.update(range(x - 2, x + 3))
    bad = []
    for y in sorted(rule_rows):
        r = rows[y]
        x0, x1 = r.find(b"\x01"), r.rfind(b"\x01")
        for yy in [*range(y - band, y), *range(y + 1, y + band + 1)]:
            if yy in rule_rows or not 0 <= yy < h:
                continue
            bad += [(x, yy) for x in range(x0, x1 + 1) if rows[yy][x] and r[x] and x not in vertical]
    return bad


def stacked_marks_report():
    tall = "รวมทั้งสิ้น ปั้น ฟื้น ปื๊ด ญี่ปุ่น ฎีกา กุฎี ฐูป"
    items = [
        Item(title=tall, indicator=tall, target="ปู่ ฟั่น", result=tall, note="ฝั้น", budget=Budget(1_000, None, 2))
        for _ in range(3)
    ]
    return Report(2567, 6, tree=[Heading("ปั้นฟื้นสิ้นทั้ง", [Heading("ฎีกาปั้น", items)])])


@pytest.mark.parametrize("which", ["stacks", "big"])
def test_no_glyph_touches_a_cell_rule(tmp_path, which):
    out = tmp_path / "t.pdf"
    export_report_pdf(ORG, stacked_marks_report() if which == "stacks" else big_budget_report(), out)
    for i, _page in landscape_pages(out):
        assert ink_near_rules(out, i) == []


@pytest.mark.skipif(not SAMPLE.exists(), reason="sample not present")
def test_bold_grand_total_label_clears_its_rules(tmp_path):
    doc = read_document(SAMPLE)
    out = tmp_path / "s.pdf"
    export_report_pdf(doc.organization, doc.reports[0], out)
    pages = words_by_page(out)
    last = max(i for i, (_w, _h, words) in enumerate(pages) if any(w[4] == "รวมทั้งสิ้น" for w in words))
    assert ink_near_rules(out, last) == []


# -- 13.3: tall rows break across pages ---------------------------------------------------------
FRAME_TOP = FORM_TOP + FORM_BLOCK_HEIGHT


def _lines(prefix, n):
    return "\n".join(f"{prefix} บรรทัดที่ {k + 1}" for k in range(n))


def _fill(page, height):
    """How much of the form frame the page's table fills (from the frame's top to its lowest word)."""
    frame = height - 1.5 * 28.3465 - FRAME_TOP
    low = max(w[3] for w in page[2] if w[1] > FRAME_TOP)
    return (low - FRAME_TOP) / frame


def test_a_tall_row_breaks_rather_than_leave_a_page_half_empty(tmp_path):
    report = Report(
        2567,
        6,
        tree=[
            Heading(
                "มิติที่ทดสอบ",
                [
                    Item(title="สั้น", result=_lines("สั้น", 4)),
                    Item(title="ยาว", result=_lines("ยาว", 20)),
                    Item(title="ท้าย", result="ท้าย"),
                ],
            )
        ],
    )
    out = tmp_path / "tall.pdf"
    export_report_pdf(ORG, report, out)
    pages = landscape_pages(out)
    assert len(pages) == 2
    for _i, page in pages[:-1]:
        assert _fill(page, page[1]) >= 0.5
    texts = [" ".join(w[4] for w in p[2]) for _i, p in pages]
    # the tall row starts on the first page and goes on under the repeated header on the next
    assert "ยาว บรรทัดที่ 1" in texts[0] and "ยาว บรรทัดที่ 20" in texts[1]
    assert all(t.count("งาน/กิจกรรม/โครงการ") == 1 for t in texts)
    # at least two lines on either side of the break
    assert sum(f"ยาว บรรทัดที่ {k}" in texts[0] for k in range(1, 21)) >= 2
    assert sum(f"ยาว บรรทัดที่ {k}" in texts[1] for k in range(1, 21)) >= 2


def test_short_rows_are_kept_whole_and_pages_stay_filled(tmp_path):
    items = [Item(title=f"แถว{k}", result=_lines(f"แถว{k}", 4)) for k in range(12)]
    items += [Item(title=f"ยาว{k}", result=_lines(f"ยาว{k}", 9)) for k in range(6)]
    out = tmp_path / "rows.pdf"
    export_report_pdf(ORG, Report(2567, 6, tree=[Heading("มิติ", items)]), out)
    pages = landscape_pages(out)
    assert len(pages) >= 3
    texts = [" ".join(w[4] for w in p[2]) for _i, p in pages]
    for k in range(12):  # a short row never breaks
        on = [n for n, t in enumerate(texts) if f"แถว{k} บรรทัดที่" in t]
        assert len(on) == 1, (k, on)
    for _i, page in pages[:-1]:
        assert _fill(page, page[1]) >= 0.5


@pytest.mark.skipif(not SAMPLE.exists(), reason="sample not present")
def test_no_sample_form_page_is_half_empty(tmp_path):
    doc = read_document(SAMPLE)
    out = tmp_path / "s.pdf"
    export_report_pdf(doc.organization, doc.reports[0], out)
    pages = landscape_pages(out)
    for _i, page in pages[:-1]:
        assert _fill(page, page[1]) >= 0.5


# -- 13.4: the announcement page ----------------------------------------------------------------
def _announcement_page(tmp_path, announcement):
    report = Report(2567, 6, tree=[Heading("มิติ", [Item(title="ก")])], announcement=announcement)
    out = tmp_path / "a.pdf"
    export_report_pdf(ORG, report, out)
    return out, words_by_page(out)[-1]


def test_announcement_without_a_date_prints_blanks_to_date_by_hand(tmp_path):
    out, (_w, _h, words) = _announcement_page(
        tmp_path, Announcement("ตามที่ได้ดำเนินการ", None, "นายทดสอบ ลงนาม", "นายกเทศมนตรี")
    )
    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True).stdout
    assert "ประกาศ ณ วันที่ ........ เดือน .................... พ.ศ. ........" in text


def test_announcement_rule_and_room_to_sign(tmp_path):
    import datetime as dt

    out, (_w, _h, words) = _announcement_page(
        tmp_path, Announcement("ตามที่ได้ดำเนินการ", dt.date(2024, 4, 8), "นายทดสอบ ลงนาม", "นายกเทศมนตรี")
    )
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(str(out))
    index = len(doc) - 1
    doc.close()
    rows, w = _render_rows(out, index)
    dpi = 200
    # the short rule: the one long horizontal dark run on the page
    rule = [y for y, r in enumerate(rows) if b"\x01" * int(3 * dpi / 2.54) in r]
    assert rule, "no rule under the title"
    rule_y = min(rule) * 72 / dpi
    period = next(wd for wd in words if wd[4].startswith("(รอบ"))
    body = next(wd for wd in words if wd[4].startswith("ตามที่"))
    # under the title block with space on both sides, not an underline of its last line
    ink_bottom = max(y for y in range(len(rows)) if y < min(rule) and any(rows[y])) * 72 / dpi
    assert rule_y - ink_bottom >= 6  # points of clear space above the rule
    assert body[1] - rule_y >= 10
    assert rule_y > period[3]
    date = next(wd for wd in words if wd[4].startswith("ประกาศ ณ วันที่"))
    name = next(wd for wd in words if "นายทดสอบ" in wd[4])
    assert name[1] - date[3] >= 2 * 28.35  # at least 2 cm to sign in


def _render_rows(pdf, index, dpi=200):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    bm = doc[index].render(scale=dpi / 72, grayscale=True)
    w, h, stride = bm.width, bm.height, bm.stride
    buf = bytes(bm.buffer)
    doc.close()
    return [buf[y * stride : y * stride + w].translate(_DARK) for y in range(h)], w
