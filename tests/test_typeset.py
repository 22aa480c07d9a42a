"""The Thai typesetting engine: shaping, exact text layer, line breaking."""

import random
import shutil
import subprocess

import pytest
import uharfbuzz as hb
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from pipun_desktop.pdf import typeset as ts
from pipun_desktop.pdf.fonts import get_font
from pipun_desktop.thai import segment

HARD_WORDS = [
    "ที่นี่ปี่น้ำ",
    "กิ่ง",
    "ญี่ปุ่น",
    "ฐิติ",
    "ผู้ใหญ่",
    "ฤๅษี",
    "น้ำ",
    "ป่า",
    "เรื่องเสื้อเนื้อ",
    "ทำน้ำคำ",
    "ปฏิบัติ",
    "กตัญญู",
    "องค์การบริหารส่วนตำบลพิปูน",
]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def _pdf(lines, path, size=16, style="regular"):
    font = get_font(style)
    c = Canvas(str(path), initialFontName=font.fontName, pageCompression=0)
    y = 800
    for text in lines:
        ts.draw_text(c, 40, y, font, size, text)
        y -= size * 1.6
        if y < 40:
            c.showPage()
            y = 800
    c.save()
    return path


def _pdftotext_lines(path):
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True)
    return [ln for ln in out.stdout.replace("\f", "\n").splitlines() if ln.strip()]


@needs_poppler
@pytest.mark.parametrize("style", ["regular", "bold"])
def test_hard_words_copy_back_exactly(tmp_path, style):
    texts = HARD_WORDS + ["ที่นี่ ปี่น้ำ กิ่ง", 'Hello <b>โลก</b> 123 ๑๒๓ & "อ้างอิง"']
    path = _pdf(texts, tmp_path / "hard.pdf", style=style)
    assert _pdftotext_lines(path) == texts


def test_hard_words_copy_back_exactly_pypdf(tmp_path):
    from pypdf import PdfReader

    path = _pdf(HARD_WORDS, tmp_path / "hard.pdf")
    got = PdfReader(str(path)).pages[0].extract_text()
    assert [ln for ln in got.splitlines() if ln.strip()] == HARD_WORDS


@needs_poppler
@pytest.mark.parametrize("size", [9, 12, 16, 20])
def test_random_dictionary_paragraphs_copy_back_exactly(tmp_path, size):
    from pythainlp.corpus import thai_words

    words = sorted(thai_words())
    rng = random.Random(size)
    texts = []
    for _ in range(40):
        texts.append(
            "".join(rng.choice(words) for _ in range(rng.randint(2, 8)))
            + " "
            + "".join(rng.choice(words) for _ in range(3))
        )
    font = get_font(rng.choice(["regular", "bold"]))
    lines = [ln.text for t in texts for ln in ts.wrap(font, t, size, 480)]
    path = _pdf(lines, tmp_path / "random.pdf", size=size, style=font.fontName.split("-")[-1])
    assert _pdftotext_lines(path) == [ln.strip() for ln in lines]


def _hb_positions(font, text, size):
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(font.hb_font, buf, ts.FEATURES)
    pen = 0.0
    out = []
    for pos in buf.glyph_positions:
        out.append(((pen + pos.x_offset) * size / font.upem, pos.y_offset * size / font.upem))
        pen += pos.x_advance
    return out


def _drawn_positions(pdf_path, x0, y0=None):
    """Interpret the page's text operators (Tm, Tf, Ts, TJ) to get each glyph's origin; with y0,
    glyphs drawn as outlines (q s 0 0 s x y cm ... f Q) are added too, relative to (x0, y0)."""
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(str(pdf_path))
    page = reader.pages[0]
    fonts = page["/Resources"]["/Font"]
    content = ContentStream(page.get_contents(), reader)
    x = rise = size = 0.0
    widths = {}
    out = []
    for operands, op in content.operations:
        if op == b"Tm":
            x, _y = float(operands[4]), float(operands[5])
        elif op == b"Tf":
            f = fonts[operands[0]].get_object()
            first = int(f["/FirstChar"])
            widths = {first + i: float(w) for i, w in enumerate(f["/Widths"])}
            size = float(operands[1])
        elif op == b"Ts":
            rise = float(operands[0])
        elif op == b"cm" and y0 is not None and float(operands[0]) != 1:
            out.append((float(operands[4]) - x0, float(operands[5]) - y0))
        elif op == b"TJ":
            for el in operands[0]:
                if isinstance(el, (bytes, str)) or hasattr(el, "original_bytes"):
                    data = el.original_bytes if hasattr(el, "original_bytes") else el
                    for b in data:
                        out.append((x - x0, rise))
                        x += widths[b] * size / 1000
                else:
                    x -= float(el) * size / 1000
    return out


@pytest.mark.parametrize("word", HARD_WORDS[:8])
def test_glyph_positions_match_harfbuzz(tmp_path, word):
    font = get_font("regular")
    path = tmp_path / "pos.pdf"
    c = Canvas(str(path), initialFontName=font.fontName, pageCompression=0)
    ts.draw_text(c, 40, 500, font, 20, word)
    c.save()
    drawn = sorted(_drawn_positions(path, 40, 500))  # text glyphs and outlines alike
    want = sorted(_hb_positions(font, word, 20))
    assert len(drawn) == len(want)
    for (dx, dy), (wx, wy) in zip(drawn, want, strict=False):
        assert dx == pytest.approx(wx, abs=0.01)
        assert dy == pytest.approx(wy, abs=0.01)


def test_marks_are_repositioned_by_shaping():
    # the tone mark over SARA II must be the small variant, and the one in กิ่ง raised/lowered
    font = get_font("regular")
    run = ts.shape(font, "ที่")
    assert font.hb_font.glyph_to_string(font.face.charToGlyph[run.glyphs[2][0]]).endswith(".small")
    assert "".join(g[5] for g in run.glyphs) == "ที่"


# -- line breaking ------------------------------------------------------------------------------
THAI = [chr(c) for c in range(0x0E01, 0x0E3B)] + [chr(c) for c in range(0x0E40, 0x0E4F)]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(THAI + [" "] * 3 + list("ab1(")), min_size=1, max_size=120),
    st.floats(min_value=8, max_value=300),
)
def test_no_break_inside_a_cluster(text, width):
    font = get_font("regular")
    lines = ts.wrap(font, text, 12, width)
    allowed = segment.cluster_boundaries(text)
    pos = 0
    for line in lines:
        t = line.text
        # skip spaces dropped at the break
        while pos < len(text) and text[pos].isspace() and not text[pos:].startswith(t or "\0"):
            pos += 1
        assert text.startswith(t, pos), (text, [ln.text for ln in lines])
        pos += len(t)
        if 0 < pos < len(text) and not text[pos - 1].isspace() and not text[pos].isspace():
            assert pos in allowed
        if len(segment.clusters(t)) > 1:
            assert line.width * 12 / 1000 <= width + 1e-6
    assert text[pos:].strip() == ""


def test_wrap_prefers_word_boundaries():
    font = get_font("regular")
    text = "องค์การบริหารส่วนตำบลพิปูน ได้มีการจัดทำแผนปฏิบัติการป้องกันการทุจริต"
    lines = ts.wrap(font, text, 16, 230)
    assert len(lines) > 1
    words = segment.words(text)
    bounds = {sum(len(w) for w in words[:i]) for i in range(len(words) + 1)}
    pos = 0
    for line in lines[:-1]:
        pos = text.index(line.text, pos) + len(line.text)
        assert pos in bounds


def test_narrow_cell_breaks_long_word_between_syllables():
    font = get_font("regular")
    lines = ts.wrap(font, "ผู้บริหารท้องถิ่น", 12, 40)
    assert "".join(ln.text for ln in lines) == "ผู้บริหารท้องถิ่น"
    assert len(lines) > 1
    for ln in lines:
        assert ln.width * 12 / 1000 <= 40


def test_size_changes_within_one_text_object(tmp_path):
    font = get_font("regular")
    path = tmp_path / "sizes.pdf"
    c = Canvas(str(path), initialFontName=font.fontName, pageCompression=0)
    runs = [ts.shape(font, "กข")]
    ts.TextWriter(c).draw_lines([(40, 500, font, 20, runs), (40, 400, font, 10, runs)])
    c.save()
    drawn = _drawn_positions(path, 40)
    assert drawn[1][0] == pytest.approx(2 * drawn[3][0], abs=0.01)


THAI_ANY = [chr(c) for c in range(0x0E01, 0x0E3B)] + [chr(c) for c in range(0x0E3F, 0x0E5C)]


@needs_poppler
@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(THAI_ANY + [" ", "a", "1"]), min_size=1, max_size=30)
        .map(lambda s: " ".join(s.split()))
        .filter(bool),
        min_size=1,
        max_size=20,
    ),
    st.sampled_from(["regular", "bold"]),
)
def test_any_thai_text_copies_back_exactly(tmp_path_factory, texts, style):
    """Even nonsense (marks on marks, stray vowels) comes back character for character."""
    path = _pdf(texts, tmp_path_factory.mktemp("any") / "any.pdf", size=12, style=style)
    assert _pdftotext_lines(path) == texts


@needs_poppler
def test_engine_in_a_plain_reportlab_document(tmp_path):
    """The flowables work in any ReportLab document, apart from the report."""
    from reportlab.platypus import SimpleDocTemplate

    from pipun_desktop.pdf.flowables import Cell, CellStyle, GridTable, Row, TextFlow, TextStyle

    font = get_font("regular")
    path = tmp_path / "plain.pdf"
    doc = SimpleDocTemplate(str(path), initialFontName=font.fontName)
    cs = CellStyle(font, 12)
    text = "ภาษาไทย<b>ตัวหนา?</b> ผู้ใหญ่บ้าน & ที่นี่ปี่น้ำ " * 30
    doc.build(
        [
            TextFlow(text, TextStyle(font, 14)),
            GridTable([100, 200], [Row([Cell("ซ้าย", cs, 0), Cell("ขวา ญี่ปุ่น", cs, 1)])]),
        ]
    )
    got = "".join(_pdftotext_lines(path)).replace(" ", "")
    assert text.replace(" ", "") in got
    assert "ซ้ายขวาญี่ปุ่น" in got


# -- other readers: pdfium (Chrome, Edge, many viewers) and MuPDF (SumatraPDF, mobile apps) -------
def _pdfium_lines(path):
    pdfium = pytest.importorskip("pypdfium2")
    pdf = pdfium.PdfDocument(str(path))
    try:
        text = "\r\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
    return [ln for ln in text.split("\r\n") if ln.strip()]


def _mupdf_lines(path):
    if shutil.which("mutool") is None:
        pytest.skip("mupdf-tools not installed")
    out = subprocess.run(
        ["mutool", "draw", "-F", "txt", "-o", "-", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [ln for ln in out.replace("\f", "\n").splitlines() if ln.strip()]


@pytest.mark.parametrize("reader", [_pdfium_lines, _mupdf_lines], ids=["pdfium", "mupdf"])
def test_other_readers_copy_back_exactly(tmp_path, reader):
    from pythainlp.corpus import thai_words

    words = sorted(thai_words())
    rng = random.Random(7)
    texts = list(HARD_WORDS) + ["ที่นี่ ปี่น้ำ กิ่ง", "ทำนอง สำคัญ ปั้น เปื้อน ฟื้นฟู", "ฟื้นฟู ฟื้นฟู"]
    font = get_font("regular")
    for _ in range(20):
        t = "".join(rng.choice(words) for _ in range(rng.randint(1, 4))) + " " + rng.choice(words)
        texts.append(ts.wrap(font, " ".join(t.split()), 16, 450)[0].text.strip())
    # the same long word starting two lines in a row (pdfium's fake-bold check)
    texts += ["องค์การบริหารส่วนตำบลพิปูน เพื่อใช้เป็นแผนพัฒนา", "องค์การบริหารส่วนตำบลพิปูน ตามความต้องการ"]
    path = tmp_path / "r.pdf"
    c = Canvas(str(path), initialFontName=font.fontName)
    y = 800
    for t in texts:
        ts.TextWriter(c).draw_lines([(60, y, font, 16, [ts.shape(font, u) for u in segment.break_units(t)])])
        y -= 20.8
        if y < 60:
            c.showPage()
            y = 800
    c.save()
    assert reader(path) == texts
