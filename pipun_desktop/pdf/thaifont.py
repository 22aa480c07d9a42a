"""A ReportLab TrueType font whose shaped glyphs copy back as the exact text that was typed.

After HarfBuzz shaping many glyphs have no character of their own (``uni0E48.small``, the
ligature of NIKHAHIT and a tone mark, ``ฤๅ``), and SARA AM (ำ) becomes two glyphs. ReportLab's own
shaping gives such glyphs private-use codes and writes those into the ToUnicode map, so the text
copies back as private-use characters. Here every glyph whose characters don't spell its share
of the source text gets an *alias code* (supplementary private-use range) pointing at the same
glyph id, and the ToUnicode map says which text it stands for (possibly several characters: a
ligature, or a vowel that also carries the tone mark drawn as an outline after it). Aliases also
carry their own PDF width, so a mark shifted left can end exactly at the pen position (no gap
that extractors read as a space).

``ThaiTTFont`` is a subclass of ReportLab's ``TTFont``; subsetting and embedding are ReportLab's.
Only the ToUnicode CMap is written here. The alias registry belongs to the font object and is
guarded by a lock, so one font can serve exports in several threads.
"""

from __future__ import annotations

import re
import threading
from typing import Any, cast

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

ALIAS_FIRST = 0xF0000  # Supplementary Private Use Area-A
ALIAS_LAST = 0xFFFFD
FALLBACK_RESERVE = 4096  # the last alias codes: one per (glyph, width) standing for U+FFFD
REPLACEMENT = "\ufffd"

_NAME_RE = re.compile(r"^(?:uni((?:[0-9A-F]{4})+)|u([0-9A-F]{4,6}))(?:[._].*)?$")


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def make_to_unicode_cmap(name: str, texts: list[str]) -> str:
    """A ToUnicode CMap for one 8-bit subset, where code i stands for texts[i] (maybe "" or
    several characters, any plane)."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({name})",
        f"/Ordering ({name})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<00> <FF>",
        "endcodespacerange",
    ]
    entries = [f"<{i:02X}> <{_utf16_hex(t)}>" for i, t in enumerate(texts)]
    for start in range(0, len(entries), 100):  # the CMap format allows 100 entries per block
        chunk = entries[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(chunk)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class ThaiTTFont(TTFont):
    """TTFont with an alias registry: code -> (glyph id, source text, PDF width)."""

    def __init__(self, name: str, filename: str):
        super().__init__(name, filename, asciiReadable=True, shapable=False)
        face = self.face
        self.cmap: dict[int, int] = dict(face.charToGlyph)  # the font's real cmap, untouched
        self.glyph_chars: dict[int, int] = {}
        for code, gid in sorted(self.cmap.items(), reverse=True):
            self.glyph_chars[gid] = code  # lowest code wins
        self.upem = face.unitsPerEm
        self._alias_lock = threading.Lock()
        self._aliases: dict[tuple[int, str, int], int] = {}
        self._alias_text: dict[int, str] = {}
        self._next_alias = ALIAS_FIRST
        self._notdef_fallback: int | None = None
        self._hb_font: Any = None  # uharfbuzz.Font (no type information)
        self._glyph_names: dict[int, tuple[str, ...]] = {}

    # -- HarfBuzz ---------------------------------------------------------------------------
    @property
    def hb_font(self) -> Any:
        if self._hb_font is None:
            import uharfbuzz as hb

            face = hb.Face(hb.Blob(cast(Any, self.face)._ttf_data))
            self._hb_font = hb.Font(face)
        return self._hb_font

    def glyph_components(self, gid: int) -> tuple[str, ...]:
        """The characters a glyph draws, from its name (``uni0E4D0E49`` -> ํ ้) or the cmap."""
        comps = self._glyph_names.get(gid)
        if comps is None:
            name = self.hb_font.glyph_to_string(gid) or ""
            m = _NAME_RE.match(name)
            if m and m.group(1):
                hexes = m.group(1)
                comps = tuple(chr(int(hexes[i : i + 4], 16)) for i in range(0, len(hexes), 4))
            elif m and m.group(2):
                comps = (chr(int(m.group(2), 16)),)
            elif gid in self.glyph_chars:
                comps = (chr(self.glyph_chars[gid]),)
            else:
                comps = ()
            self._glyph_names[gid] = comps
        return comps

    def glyph_width(self, gid: int) -> int:
        """Advance width from hmtx, in thousandths of the em (the PDF /Widths unit)."""
        return int(round(self.hb_font.get_glyph_h_advance(gid) * 1000 / self.upem))

    # -- alias registry ---------------------------------------------------------------------
    def code_for(self, gid: int, text: str, width: int) -> int:
        """The code to draw glyph `gid` standing for `text` with PDF width `width`."""
        if len(text) == 1 and text != "\u00a0":  # ReportLab would write NBSP as a plain space
            code = ord(text)
            if self.cmap.get(code) == gid and round(self.face.charWidths.get(code, -1)) == width:
                return code
        key = (gid, text, width)
        alias = self._aliases.get(key)
        if alias is not None:
            return alias
        with self._alias_lock:
            alias = self._aliases.get(key)
            if alias is not None:
                return alias
            if self._next_alias > ALIAS_LAST - FALLBACK_RESERVE:
                # The alias space is running out (tens of thousands of distinct characters the font lacks,
                # in one process): a glyph keeps its place and width but its ToUnicode entry says U+FFFD;
                # the span's /ActualText still carries the exact text. Never an error.
                if self._notdef_fallback is None:
                    self._notdef_fallback = self._new_alias((0, REPLACEMENT, self.glyph_width(0)))
                key = (gid, REPLACEMENT, width)
                alias = self._aliases.get(key)
                if alias is not None:
                    return alias
                if self._next_alias > ALIAS_LAST:
                    return self._notdef_fallback  # even the reserve is used up: a box, and U+FFFD
            return self._new_alias(key)

    def _new_alias(self, key: tuple[int, str, int]) -> int:
        """Register a new alias code for (glyph id, text, width); the caller holds the lock."""
        gid, text, width = key
        code = self._next_alias
        while code in self.cmap:
            code += 1
        self._next_alias = code + 1
        face = self.face
        face.charToGlyph[code] = gid
        face.charWidths[code] = width
        self._alias_text[code] = text
        self._aliases[key] = code
        return code

    def text_of(self, code: int) -> str:
        """What code stands for in the ToUnicode map."""
        text = self._alias_text.get(code)
        return chr(code) if text is None else text

    # -- PDF objects ------------------------------------------------------------------------
    def addObjects(self, doc: Any) -> None:
        """As TTFont.addObjects, with a ToUnicode map that knows the aliases (ReportLab's PDF objects take
        their keys as attributes, which its stubs do not declare: they are Any here)."""
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(cast(Any, self)._asciiReadable, self)
        face: Any = self.face
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_name = (b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))).decode(
                "pdfdoc"
            )
            font: Any = pdfdoc.PDFTrueTypeFont()
            font.__Comment__ = f"Font {self.fontName} subset {n}"
            font.Name = internal_name
            font.BaseFont = base_name
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = pdfdoc.PDFArray([face.getCharWidth(c) for c in subset])
            cmap = pdfdoc.PDFStream()
            cmap.content = make_to_unicode_cmap(base_name, [self.text_of(c) for c in subset])
            if doc.compression:
                cmap.filters = [pdfdoc.PDFZCompress]
            font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base_name)
            font.FontDescriptor = face.addSubsetObjects(doc, base_name, subset)
            doc.Reference(font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = font
        del self.state[doc]
