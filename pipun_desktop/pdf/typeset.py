"""Thai typesetting on a ReportLab canvas: HarfBuzz shaping, measuring, line breaking, drawing.

Text never goes through ReportLab's Paragraph markup parser: user text is shaped with HarfBuzz,
broken into lines here (at spaces, then dictionary words, then syllables, then clusters), and
drawn as glyph runs with PDF operators written by this module. Each glyph is drawn with a code
from ``ThaiTTFont.code_for`` so that the ToUnicode map spells the source text, and every
space-delimited run is wrapped in a marked-content span whose /ActualText is that run's source
text (a span also ends right after a cluster holding SARA AM). Together these give an exact text
layer: the tests check pdftotext and pypdf (the project's notes/thai-pdf.md found the same approach
exact in MuPDF and pdfium too).

Units: shaped widths and offsets are kept in thousandths of the em (PDF glyph-space units);
multiply by size/1000 for points.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

from ..thai import segment
from .thaifont import ThaiTTFont

FEATURES = {"kern": True, "liga": True}
SARA_AM = "\u0e33"

# A glyph: (code, x_advance, x_offset, y_offset, pdf_width, text, ends_span)
Glyph = tuple


class Run:
    """One shaped piece of text (a word, a space, a cluster) in one font."""

    __slots__ = ("text", "glyphs", "width", "is_space")

    def __init__(self, text: str, glyphs: tuple, width: float):
        self.text = text
        self.glyphs = glyphs
        self.width = width
        self.is_space = bool(text) and all(segment.is_break_space(c) for c in text)

    def __repr__(self):
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
                    if owner[src] < 0:
                        owner[src] = g
                    break
            else:
                return None
    if not all(used) or min(owner, default=0) < 0:
        return None
    shares = ["".join(ch for i, ch in enumerate(text) if owner[i] == g) for g in range(len(comps))]
    return shares if "".join(shares) == text else None


def shape(font: ThaiTTFont, text: str) -> Run:
    """Shape text (no line breaks inside) with HarfBuzz; cached per font."""
    cache = font.__dict__.setdefault("_run_cache", {})
    run = cache.get(text)
    if run is not None:
        return run
    import uharfbuzz as hb

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
    glyphs = []
    width = 0.0
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
        am = SARA_AM in ctext
        for k in range(i, j):
            pos = positions[k]
            gid = gids[k - i]
            adv = pos.x_advance * scale
            xoff = pos.x_offset * scale
            yoff = pos.y_offset * scale
            if adv == 0 and xoff < 0:
                pdf_w = int(round(-xoff))  # the box ends at the pen: no gap read as a space
            else:
                pdf_w = font.glyph_width(gid)
            code = font.code_for(gid, shares[k - i], pdf_w)
            glyphs.append((code, adv, xoff, yoff, pdf_w, shares[k - i], am and k == j - 1))
            width += adv
        i = j
    run = Run(text, tuple(glyphs), width)
    if len(cache) > 200000:
        cache.clear()
    cache[text] = run
    return run


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
    runs: list
    width: float  # thousandths of the em

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


# ever finer break levels for a word wider than a line: the dictionary words of a compound,
# then syllables, then character clusters
_FINER = ((1, segment.subwords), (2, segment.syllables), (3, segment.clusters))


def wrap(font: ThaiTTFont, text: str, size: float, width: float, first_width: float | None = None) -> list[Line]:
    """Break one paragraph (no newlines) into lines no wider than width points (the first line
    first_width). Breaks at spaces and word boundaries; a word wider than a whole line is broken
    between syllables, then between clusters, never inside a cluster."""
    text = text.replace("\t", " ")
    limit_first = (first_width if first_width is not None else width) * 1000.0 / size
    limit_rest = width * 1000.0 / size
    lines: list[Line] = []
    cur: list = []
    cur_w = 0.0
    limit = limit_first
    pending = list(reversed(segment.break_units(text)))  # a stack: pieces of split words go back on it
    fine: dict[str, int] = {}  # piece -> level it came from (see _FINER)

    def flush():
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
        pieces: list = []
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
_doc_codes: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _fmt(v: float) -> str:
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _actual_text(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class TextWriter:
    """Writes glyph runs as PDF text operators into a canvas' content stream."""

    def __init__(self, canvas):
        self.canvas = canvas
        doc = canvas._doc
        self.doc = doc
        try:
            self.codes = _doc_codes[doc]
        except KeyError:
            self.codes = _doc_codes[doc] = {}

    def draw_lines(self, items):
        """items: iterable of (x, y, font, size, runs). One BT..ET text object."""
        ops = ["BT"]
        state = {"font": None, "rise": 0.0}
        for x, y, font, size, runs in items:
            if not runs:
                continue
            ops.append(f"1 0 0 1 {_fmt(x)} {_fmt(y)} Tm")
            self._line_ops(ops, state, font, size, runs)
            if state["rise"]:
                ops.append("0 Ts")
                state["rise"] = 0.0
        ops.append("ET")
        if len(ops) > 2:
            self.canvas._code.append("\n".join(ops))

    def _line_ops(self, ops, state, font, size, runs):
        glyphs = [g for r in runs for g in r.glyphs]
        # spans: space-delimited runs of glyphs, also ended right after a SARA AM cluster
        groups = []
        cur = []
        for g in glyphs:
            if g[5].isspace() and g[5]:
                if cur:
                    groups.append((True, cur))
                    cur = []
                groups.append((False, [g]))
                continue
            cur.append(g)
            if g[6]:
                groups.append((True, cur))
                cur = []
        if cur:
            groups.append((True, cur))

        pen = 0.0  # where HarfBuzz puts the pen (thousandths of the em)
        pdf_pen = 0.0  # where the PDF text position is
        tj: list[str] = []
        hexbuf = bytearray()
        scale = size / 1000.0

        def close():
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
            for code, adv, xoff, yoff, pdf_w, _t, _e in group:
                enc = codes.get(code)
                if enc is None:
                    ((subset, b),) = font.splitString(chr(code), self.doc)
                    enc = codes[code] = ((font.getSubsetInternalName(subset, self.doc), size), b[0])
                key, byte = enc
                if key[1] != size:
                    key = (key[0], size)
                if key != font_state:
                    close()
                    ops.append(f"{key[0]} {_fmt(size)} Tf")
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


def draw_text(canvas, x: float, y: float, font: ThaiTTFont, size: float, text: str, align: str = "left"):
    """Draw one line of text (no wrapping) with its baseline at y."""
    runs = [shape(font, w) for w in segment.words(text)]
    w = sum(r.width for r in runs) * size / 1000.0
    if align == "center":
        x -= w / 2
    elif align == "right":
        x -= w
    TextWriter(canvas).draw_lines([(x, y, font, size, runs)])
    return w
