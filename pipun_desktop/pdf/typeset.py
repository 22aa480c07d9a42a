"""Thai typesetting on a ReportLab canvas: HarfBuzz shaping, measuring, line breaking, drawing.

Text never goes through ReportLab's Paragraph markup parser: user text is shaped with HarfBuzz,
broken into lines here (at spaces, then dictionary words, then syllables, then clusters), and
drawn as glyph runs with PDF operators written by this module. The text layer is exact in
pdftotext, pypdf, pdfium and MuPDF (the tests check all four):

* each glyph is drawn with a code from ``ThaiTTFont.code_for``, so the ToUnicode map spells its
  share of the source text (an alias code when the glyph is a variant, a ligature or offset);
* a glyph that stands for no text (the NIKHAHIT of SARA AM, whose SARA AA carries "ำ") and a mark
  pushed far left of the pen are drawn as outlines (form XObjects), not as text: MuPDF reads an
  empty ToUnicode entry as U+FFFD and the gap left by a shifted mark as a space;
* every run of glyphs up to and including the space after it is a marked-content span whose
  /ActualText is its source text (poppler would otherwise order marks by x);
* every other line is set 0.001 pt larger, so pdfium never takes a long word that starts two
  lines in a row for a fake-bold overprint and drops it.

This departs from the prototype in the project's notes/thai-pdf.md in two measured ways: spans
end only after spaces (ending them after SARA AM made pdfium insert spaces, "ตำ บล"), and
text-less glyphs are outlines instead of empty ToUnicode entries.

Units: shaped widths and offsets are kept in thousandths of the em (PDF glyph-space units);
multiply by size/1000 for points.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from ..thai import segment
from .thaifont import ThaiTTFont

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

FEATURES = {"kern": True, "liga": True}
LEFT_SHIFT_LIMIT = 50  # thousandths of the em; see shape()
SARA_AM = "\u0e33"

# A glyph: (code, x_advance, x_offset, y_offset, pdf_width, text, as_path); for a glyph drawn as
# an outline (as_path) the code slot holds its glyph id.
Glyph = tuple[int, float, float, float, int, str, bool]
# What TextWriter.draw_lines draws: (x, y, font, size, runs), one line each.
DrawItem = tuple[float, float, ThaiTTFont, float, "list[Run]"]


class Run:
    """One shaped piece of text (a word, a space, a cluster) in one font."""

    __slots__ = ("text", "glyphs", "width", "is_space")

    def __init__(self, text: str, glyphs: tuple[Glyph, ...], width: float):
        self.text = text
        self.glyphs = glyphs
        self.width = width
        self.is_space = bool(text) and all(segment.is_break_space(c) for c in text)

    def __repr__(self) -> str:
        return f"Run({self.text!r}, {self.width})"


_shape_lock = threading.Lock()


def _distribute(text: str, comps: list[tuple[str, ...]]) -> list[str] | None:
    """Share a cluster's text among its glyphs, in glyph order, so that the shares concatenate
    to the text. comps[i] are the characters glyph i draws. None when they can't be aligned."""
    expanded = []  # (source index, character) with SARA AM as NIKHAHIT + SARA AA
    for i, ch in enumerate(text):
        if ch == SARA_AM:
            expanded += [(i, "\u0e4d"), (i, "\u0e32")]
        else:
            expanded.append((i, ch))
    used = [False] * len(expanded)
    owner = [-1] * len(text)
    for g, chars in enumerate(comps):
        if not chars:
            return None
        for ch in chars:
            for k, (src, c) in enumerate(expanded):
                if not used[k] and c == ch:
                    used[k] = True
                    owner[src] = g  # the last glyph drawing part of it: SARA AA carries "ำ"
                    break
            else:
                return None
    if not all(used) or min(owner, default=0) < 0:
        return None
    shares = ["".join(ch for i, ch in enumerate(text) if owner[i] == g) for g in range(len(comps))]
    return shares if "".join(shares) == text else None


def without_surrogates(text: str) -> str:
    """text with any lone surrogate (from a broken JSON escape) as U+FFFD: nothing can encode it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    return text


def shape(font: ThaiTTFont, text: str) -> Run:
    """Shape text (no line breaks inside) with HarfBuzz; cached per font."""
    cache: dict[str, Run] = font.__dict__.setdefault("_run_cache", {})
    run = cache.get(text)
    if run is not None:
        return run
    import uharfbuzz as hb

    source = text
    text = without_surrogates(text)
    with _shape_lock:  # one hb.Font shared by worker threads
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        # always left to right: glyph order then follows the text, which the text layer needs
        buf.direction = "ltr"
        hb.shape(font.hb_font, buf, FEATURES)
        infos = buf.glyph_infos
        positions = buf.glyph_positions
    scale = 1000.0 / font.upem
    n = len(infos)
    starts = sorted({info.cluster for info in infos})
    next_start = {c: (starts[i + 1] if i + 1 < len(starts) else len(text)) for i, c in enumerate(starts)}
    raw = []  # (gid, pen, x_advance, x_offset, y_offset, text share)
    pen = 0.0
    i = 0
    while i < n:
        cl = infos[i].cluster
        j = i
        while j < n and infos[j].cluster == cl:
            j += 1
        ctext = text[cl : next_start[cl]]
        gids = [infos[k].codepoint for k in range(i, j)]
        shares = None
        if len(gids) == 1:
            shares = [ctext]
        else:
            shares = _distribute(ctext, [font.glyph_components(g) for g in gids])
            if shares is None:  # whole cluster on the first glyph; ActualText keeps order
                shares = [ctext] + [""] * (len(gids) - 1)
        for k in range(i, j):
            pos = positions[k]
            gid = gids[k - i]
            share = shares[k - i]
            raw.append((gid, pen, pos.x_advance * scale, pos.x_offset * scale, pos.y_offset * scale, share))
            pen += pos.x_advance * scale
        i = j
    width = pen
    # A glyph that stands for no text (the NIKHAHIT of SARA AM, whose SARA AA glyph carries "ำ")
    # is drawn as an outline, not as text: an empty ToUnicode entry reads as U+FFFD in MuPDF. Should
    # such a glyph have an advance, the text glyph before it gets a PDF width reaching over it, so
    # no gap reads as a space.
    glyphs: list[Any] = []  # built as (code, ..., as_path, pen), then cut to Glyph
    last_text = -1
    for gid, gpen, adv, xoff, yoff, share in raw:
        if (
            share
            and adv == 0
            and xoff < -LEFT_SHIFT_LIMIT
            and last_text >= 0
            and not glyphs[last_text][5].isspace()
        ):
            # A mark pushed far left (a tone mark after ั or ื: ปั้น, เปื้อน): extractors that go by
            # the font's own advances (MuPDF) read the gap from its origin to the next glyph as a
            # space. Its text goes to the glyph before it, and it is drawn as an outline.
            g = glyphs[last_text]
            glyphs[last_text] = g[:5] + (g[5] + share,) + g[6:]
            share = ""
        if share == "" and last_text >= 0:
            g = glyphs[last_text]
            start = g[7] + g[2]  # where that glyph is drawn
            reach = int(round(gpen + adv - start))
            if reach > g[4]:
                glyphs[last_text] = g[:4] + (reach,) + g[5:]
            glyphs.append((gid, adv, xoff, yoff, 0, "", True, gpen))
            continue
        if adv == 0 and xoff < 0:
            pdf_w = int(round(-xoff))  # the box ends at the pen: no gap read as a space
        else:
            pdf_w = font.glyph_width(gid)
        glyphs.append((gid, adv, xoff, yoff, pdf_w, share, False, gpen))
        last_text = len(glyphs) - 1
    # codes last: an alias is keyed by its final PDF width
    glyphs = [g if g[6] else (font.code_for(g[0], g[5], g[4]),) + g[1:7] for g in glyphs]
    run = Run(text, tuple(g[:7] for g in glyphs), width)
    if len(cache) > 200000:
        cache.clear()
    cache[source] = run
    return run


# the tallest stacks of marks Thai text really has (a consonant with an ascender, an upper vowel
# and a tone mark or thanthakhat) and the deepest (a consonant with a tail and a lower vowel)
_TALL_STACKS = "ปั้ ปึ้ ปื๊ ฟี่ ฝื๋ ษึ์ กึ์ กื์ ทั้ สิ้ ฬั่"
_DEEP_STACKS = "ฎู ฏู ญู ฐู ฤ ฦ"


def ink_extents(font: ThaiTTFont) -> tuple[float, float]:
    """How far ink reaches above and below the baseline, in thousandths of the em: the font's
    bounding box or the shaped tallest and deepest stacks, whichever reach further (HarfBuzz may
    lift a tone mark above the box). Cached per font."""
    cached: tuple[float, float] | None = font.__dict__.get("_ink_extents")
    if cached is not None:
        return cached
    hbf = font.hb_font
    scale = 1000.0 / font.upem
    bbox = getattr(font.face, "bbox", None) or [0, -250, 0, 1000]
    top, bottom = float(bbox[3]), float(-bbox[1])
    for text in (_TALL_STACKS + " " + _DEEP_STACKS).split():
        for g in shape(font, text).glyphs:
            gid = g[0] if g[6] else font.cmap.get(g[0], font.face.charToGlyph.get(g[0], 0))
            with _shape_lock:
                ext = hbf.get_glyph_extents(gid)
            if ext is None:
                continue
            top = max(top, ext.y_bearing * scale + g[3])
            bottom = max(bottom, -(ext.y_bearing + ext.height) * scale - g[3])
    font.__dict__["_ink_extents"] = (top, bottom)
    return top, bottom


def text_width(font: ThaiTTFont, text: str, size: float) -> float:
    """Width in points of text set on one line."""
    return sum(shape(font, w).width for w in segment.words(text)) * size / 1000.0


# -- line breaking ------------------------------------------------------------------------------
_NEWLINES = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n"})


def paragraphs(text: str) -> list[str]:
    """Split text into lines at any kind of line break (CR LF, CR, Word's vertical tab, U+2028)."""
    return (text or "").replace("\r\n", "\n").translate(_NEWLINES).split("\n")


@dataclass
class Line:
    runs: list[Run]
    width: float  # thousandths of the em

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


# ever finer break levels for a word wider than a line: the dictionary words of a compound,
# then syllables, then character clusters
_FINER = ((1, segment.subwords), (2, segment.syllables), (3, segment.clusters))


def wrap(
    font: ThaiTTFont, text: str, size: float, width: float, first_width: float | None = None
) -> list[Line]:
    """Break one paragraph (no newlines) into lines no wider than width points (the first line
    first_width). Breaks at spaces and word boundaries; a word wider than a whole line is broken
    between syllables, then between clusters, never inside a cluster."""
    text = text.replace("\t", " ")
    limit_first = (first_width if first_width is not None else width) * 1000.0 / size
    limit_rest = width * 1000.0 / size
    lines: list[Line] = []
    cur: list[Run] = []
    cur_w = 0.0
    limit = limit_first
    pending = list(reversed(segment.break_units(text)))  # a stack: pieces of split words go back on it
    fine: dict[str, int] = {}  # piece -> level it came from (see _FINER)

    def flush() -> None:
        nonlocal cur, cur_w, limit
        while cur and cur[-1].is_space:
            cur_w -= cur.pop().width
        lines.append(Line(cur, cur_w))
        cur, cur_w, limit = [], 0.0, limit_rest

    while pending:
        tok = pending.pop()
        run = shape(font, tok)
        if run.is_space:
            if cur:
                cur.append(run)
                cur_w += run.width
            continue
        if cur_w + run.width <= limit + 1e-6:
            cur.append(run)
            cur_w += run.width
            continue
        if run.width <= limit_rest + 1e-6:
            # fits on a line of its own: start a new line rather than cutting the word
            if cur:
                flush()
                pending.append(tok)
                continue
        level = fine.get(tok, 0)
        # wider than a whole line: split finer and fill the current line with the pieces
        pieces: list[str] = []
        new_level = level
        for new_level, finer in _FINER:
            if new_level > level:
                pieces = finer(tok)
                if len(pieces) > 1:
                    break
        if len(pieces) > 1:
            for p in reversed(pieces):
                fine[p] = max(fine.get(p, 0), new_level)
                pending.append(p)
            continue
        # a single cluster wider than the line
        if cur:
            flush()
            pending.append(tok)
            continue
        cur.append(run)  # wider than the line even alone: let it overhang
        cur_w += run.width
        flush()
    if cur or not lines:
        flush()
    return lines


# -- drawing ------------------------------------------------------------------------------------
# per PDF document: the line counter ("line") and, per font (id), glyph code -> (font key, byte)
_doc_codes: weakref.WeakKeyDictionary[Any, dict[Any, Any]] = weakref.WeakKeyDictionary()


def _fmt(v: float) -> str:
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _actual_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class TextWriter:
    """Writes glyph runs as PDF text operators into a canvas' content stream."""

    def __init__(self, canvas: Canvas) -> None:
        # Any: this writer works in the canvas' private parts (_doc, _code, _formsinuse), which ReportLab's
        # stubs do not declare
        self.canvas: Any = cast(Any, canvas)
        doc = self.canvas._doc
        self.doc: Any = doc
        try:
            self.codes = _doc_codes[doc]
        except KeyError:
            self.codes = _doc_codes[doc] = {}

    def draw_lines(self, items: Iterable[DrawItem]) -> None:
        """items: iterable of (x, y, font, size, runs). One BT..ET text object."""
        ops = ["BT"]
        state: dict[str, Any] = {"font": None, "rise": 0.0}
        outlines: list[tuple[ThaiTTFont, int, float, float, float]] = []
        for x, y, font, size, runs in items:
            if not runs:
                continue
            ops.append(f"1 0 0 1 {_fmt(x)} {_fmt(y)} Tm")
            paths: list[tuple[int, float, float]] = []
            # Every other line is set 0.001 pt larger (invisible). pdfium drops a text object it
            # takes for a fake-bold overprint of the one before: same codes and font size, nearly
            # the same x, and a y within an eighth of its width, which a long word that starts
            # two lines in a row can be ("องค์การบริหารส่วนตำบลพิปูน").
            self.codes["line"] = line_no = self.codes.get("line", 0) + 1
            if line_no % 2:
                size = size + 0.001
            self._line_ops(ops, state, font, size, runs, paths)
            for gid, gx, gy in paths:
                outlines.append((font, gid, x + gx * size / 1000.0, y + gy * size / 1000.0, size))
            if state["rise"]:
                ops.append("0 Ts")
                state["rise"] = 0.0
        ops.append("ET")
        for font, gid, x, y, size in outlines:
            k = f"{size / 1000.0:.6f}".rstrip("0")
            ops.append(f"q {k} 0 0 {k} {_fmt(x)} {_fmt(y)} cm /{self._outline_form(font, gid)} Do Q")
        if len(ops) > 2:
            self.canvas._code.append("\n".join(ops))

    def _outline_form(self, font: ThaiTTFont, gid: int) -> str:
        """A glyph outline as a form XObject, defined once per document; its PDF name."""
        canvas = self.canvas
        tag = font.__dict__.get("_form_tag")
        if tag is None:  # short, stable and distinct per font: the names recur in every page stream
            tag = font.__dict__["_form_tag"] = "".join(c for c in font.fontName if c.isalnum())[-3:]
        name = f"G{tag}{gid}"
        xname: str = canvas._doc.getXObjectName(name)
        if not canvas.hasForm(name):
            canvas.beginForm(name, -2000, -2000, 3000, 3000)  # thousandths of the em
            canvas._code.append(glyph_outline(font, gid) + " f")
            canvas.endForm()
        canvas._formsinuse.append(name)
        return xname

    def _line_ops(
        self,
        ops: list[str],
        state: dict[str, Any],
        font: ThaiTTFont,
        size: float,
        runs: list[Run],
        paths: list[tuple[int, float, float]],
    ) -> None:
        """Text operators for one line; glyphs to draw as outlines go to paths as
        (glyph id, x, y) in thousandths of the em from the line's origin."""
        glyphs = [g for r in runs for g in r.glyphs]
        # spans: a run of glyphs up to and including the space after it; a space with no word
        # before it stands alone (spans that include their space copy back with exact spacing in
        # pdfium, and ending them only at spaces keeps pdfium from adding spaces inside words)
        groups: list[tuple[bool, list[Glyph]]] = []
        cur: list[Glyph] = []
        for g in glyphs:
            if g[5] and g[5].isspace():
                if cur:
                    cur.append(g)
                    groups.append((True, cur))
                    cur = []
                else:
                    groups.append((False, [g]))
                continue
            cur.append(g)
        if cur:
            groups.append((True, cur))

        pen = 0.0  # where HarfBuzz puts the pen (thousandths of the em)
        pdf_pen = 0.0  # where the PDF text position is
        tj: list[str] = []
        hexbuf = bytearray()
        scale = size / 1000.0

        def close() -> None:
            if hexbuf:
                tj.append("<" + hexbuf.hex() + ">")
                hexbuf.clear()
            if tj:
                ops.append("[" + " ".join(tj) + "] TJ")
                tj.clear()

        codes = self.codes.setdefault(id(font), {})
        font_state = state["font"]
        cur_rise = state["rise"]
        for in_span, group in groups:
            if in_span:
                ops.append("/Span <</ActualText " + _actual_text("".join(g[5] for g in group)) + ">> BDC")
            for code, adv, xoff, yoff, pdf_w, _t, as_path in group:
                if as_path:
                    paths.append((code, pen + xoff, yoff))
                    pen += adv
                    continue
                enc = codes.get(code)
                if enc is None:
                    ((subset, b),) = font.splitString(chr(code), self.doc)
                    enc = codes[code] = ((font.getSubsetInternalName(subset, self.doc), size), b[0])
                key, byte = enc
                if key[1] != size:
                    key = (key[0], size)
                if key != font_state:
                    close()
                    ops.append(f"{key[0]} {size:.3f} Tf")
                    font_state = key
                if yoff or cur_rise:
                    rise = yoff * scale
                    if abs(rise - cur_rise) > 0.005:
                        close()
                        ops.append(f"{_fmt(rise)} Ts")
                        cur_rise = rise
                target = pen + xoff
                adj = target - pdf_pen
                if adj > 0.05 or adj < -0.05:
                    if hexbuf:
                        tj.append("<" + hexbuf.hex() + ">")
                        hexbuf.clear()
                    tj.append(_fmt(-adj))
                hexbuf.append(byte)
                pdf_pen = target + pdf_w
                pen += adv
            state["font"] = font_state
            state["rise"] = cur_rise
            close()
            if in_span:
                ops.append("EMC")
        # leave the text position consistent for the next Tm (Tm resets it anyway)


class _OutlinePen:
    """Collects a glyph outline as PDF path operators, in thousandths of the em."""

    def __init__(self, scale: float):
        self.scale = scale
        self.ops: list[str] = []
        self.cur = (0.0, 0.0)

    def _pt(self, p: tuple[float, float]) -> str:
        return f"{_fmt(p[0] * self.scale)} {_fmt(p[1] * self.scale)}"

    def moveTo(self, p: tuple[float, float]) -> None:
        self.ops.append(self._pt(p) + " m")
        self.cur = p

    def lineTo(self, p: tuple[float, float]) -> None:
        self.ops.append(self._pt(p) + " l")
        self.cur = p

    def curveTo(self, a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> None:
        self.ops.append(f"{self._pt(a)} {self._pt(b)} {self._pt(c)} c")
        self.cur = c

    def qCurveTo(self, *pts: tuple[float, float]) -> None:
        # TrueType quadratic splines: implied on-curve points between consecutive off-curve ones
        *offs, end = pts
        for k, q in enumerate(offs):
            nxt = end if k == len(offs) - 1 else ((q[0] + offs[k + 1][0]) / 2, (q[1] + offs[k + 1][1]) / 2)
            p0 = self.cur
            c1 = (p0[0] + 2 / 3 * (q[0] - p0[0]), p0[1] + 2 / 3 * (q[1] - p0[1]))
            c2 = (nxt[0] + 2 / 3 * (q[0] - nxt[0]), nxt[1] + 2 / 3 * (q[1] - nxt[1]))
            self.curveTo(c1, c2, nxt)

    def closePath(self) -> None:
        self.ops.append("h")

    def endPath(self) -> None:
        pass


def glyph_outline(font: ThaiTTFont, gid: int) -> str:
    """A glyph's outline as PDF path operators in thousandths of the em (cached per font)."""
    cache: dict[int, str] = font.__dict__.setdefault("_outline_cache", {})
    path = cache.get(gid)
    if path is None:
        pen = _OutlinePen(1000.0 / font.upem)
        with _shape_lock:
            font.hb_font.draw_glyph_with_pen(gid, pen)
        path = cache[gid] = " ".join(pen.ops) or "0 0 m"
    return path


def draw_text(
    canvas: Canvas, x: float, y: float, font: ThaiTTFont, size: float, text: str, align: str = "left"
) -> float:
    """Draw one line of text (no wrapping) with its baseline at y."""
    runs = [shape(font, w) for w in segment.words(text)]
    w = sum(r.width for r in runs) * size / 1000.0
    if align == "center":
        x -= w / 2
    elif align == "right":
        x -= w
    TextWriter(canvas).draw_lines([(x, y, font, size, runs)])
    return w
