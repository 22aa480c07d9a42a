"""Thai word breaking and character clusters.

Thai has no spaces between words: a line may break only between words (found with a dictionary),
and never inside a character cluster (a consonant with its vowels and tone marks). Three levels:

* ``words(text)``: dictionary words (pythainlp's newmm over its default word list); spaces,
  Latin words and digits come out as their own tokens.
* ``subwords(word)``: a finer split of one long word into dictionary syllables, for cells too
  narrow for compounds such as "ผู้บริหารท้องถิ่น".
* ``clusters(text)``: the last resort; a break between two clusters never separates a mark
  from its base.

The cluster rule is ours, not pythainlp's ``tcc`` (which starts tokens with a combining mark in
เ◌ือ words with tone marks): leading vowels เ แ โ ใ ไ stay with the next character, combining marks
stay with their base, and ะ า ำ ๅ ฯ ๆ stay with the preceding cluster. Every token boundary
the dictionary segmenter returns is snapped to this rule.

Pure Python, no I/O except the lazy, once-only loading of pythainlp's dictionaries.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import cast

LEADING_VOWELS = frozenset("เแโใไ")
# Characters that never start a cluster: they stay with what precedes them.
_FOLLOWERS = frozenset("ะาำๅฯๆ")

_lock = threading.Lock()
_tries: dict[str, WordSet] = {}


def _is_mark(ch: str) -> bool:
    # Thai above/below vowels and tone marks are Mn; also any other combining mark,
    # variation selectors and zero-width joiners stay with their base.
    return unicodedata.category(ch) in ("Mn", "Me", "Mc") or ch in "\u200d\ufe0f"


def _attaches_to_previous(ch: str) -> bool:
    return ch in _FOLLOWERS or _is_mark(ch)


def cluster_starts(text: str) -> list[int]:
    """Offsets where a cluster starts (always includes 0 for non-empty text)."""
    starts = []
    n = len(text)
    i = 0
    while i < n:
        starts.append(i)
        ch = text[i]
        i += 1
        if ch in LEADING_VOWELS:
            # a run of leading vowels, then the character they precede
            while i < n and text[i] in LEADING_VOWELS:
                i += 1
            if i < n and not text[i].isspace():
                i += 1
        elif ch == "\r" and i < n and text[i] == "\n":
            i += 1
            continue
        if ch.isspace():
            continue  # a stray mark after a space is a cluster of its own: spaces always break
        while i < n and _attaches_to_previous(text[i]):
            i += 1
    return starts


def clusters(text: str) -> list[str]:
    """Split text into character clusters; "".join(clusters(t)) == t."""
    starts = cluster_starts(text)
    ends = starts[1:] + [len(text)]
    return [text[a:b] for a, b in zip(starts, ends, strict=False)]


def cluster_boundaries(text: str) -> set[int]:
    """Offsets 0 < i < len(text) where a break between clusters is allowed."""
    return set(cluster_starts(text)[1:])


class WordSet:
    """A word list with the one query newmm makes (``prefixes``), built in milliseconds.

    pythainlp's Trie takes about half a second to build from its 62,000 words, which is most
    of a small export's run time; a frozenset probed at the word lengths that occur is as fast
    to query for Thai text and costs nothing to build."""

    HEAD = 4  # words up to this length are probed directly; longer ones by their first HEAD chars

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        heads: dict[str, set[int]] = {}
        for w in self.words:
            if len(w) > self.HEAD:
                heads.setdefault(w[: self.HEAD], set()).add(len(w))
        # the lengths of the longer words that start with each head
        self.heads = {h: tuple(sorted(ls)) for h, ls in heads.items()}

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words that text[start:] starts with, shortest first (as pythainlp's Trie)."""
        words = self.words
        out: list[str] = []
        head = self.HEAD
        for k in range(1, head + 1):
            piece = text[start : start + k]
            if len(piece) < k:
                return out
            if piece in words:
                out.append(piece)
        lengths = self.heads.get(text[start : start + head])
        if lengths:
            n = len(text) - start
            for k in lengths:
                if k > n:
                    break
                piece = text[start : start + k]
                if piece in words:
                    out.append(piece)
        return out

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)


def _pythainlp_without_writing() -> None:
    """pythainlp otherwise makes a data folder in the user's home and may try the network: we only read
    the word lists it ships, so an office PC gets neither a stray folder nor a download attempt."""
    if "PYTHAINLP_READ_ONLY" not in os.environ and "PYTHAINLP_READ_MODE" not in os.environ:
        os.environ["PYTHAINLP_READ_ONLY"] = "1"
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")


def _trie(kind: str) -> WordSet:
    trie = _tries.get(kind)
    if trie is None:
        with _lock:
            trie = _tries.get(kind)
            if trie is None:
                _pythainlp_without_writing()
                from pythainlp.corpus import thai_syllables, thai_words

                trie = WordSet(thai_words() if kind == "word" else thai_syllables())
                _tries[kind] = trie
    return trie


def _newmm(text: str, kind: str) -> list[str]:
    _pythainlp_without_writing()
    from pythainlp.tokenize import newmm
    from pythainlp.util import Trie

    # newmm only calls prefixes() and `in` on its dictionary, which WordSet provides (see its docstring)
    return newmm.segment(text, custom_dict=cast(Trie, _trie(kind)))


def _snap(text: str, tokens: list[str]) -> list[str]:
    """Merge tokens so that every boundary between them is a cluster boundary."""
    allowed = cluster_boundaries(text)
    out: list[str] = []
    pos = 0
    for tok in tokens:
        if not tok:
            continue
        if out and pos not in allowed:
            out[-1] += tok
        else:
            out.append(tok)
        pos += len(tok)
    if "".join(out) != text:  # never trust a tokenizer to give the text back intact
        return [text]
    return out


NO_BREAK_SPACES = frozenset("\u00a0\u2007\u202f\u2060\ufeff")


def is_break_space(ch: str) -> bool:
    """Whitespace a line may break at (not NO-BREAK SPACE and its kin)."""
    return (ch.isspace() and ch not in NO_BREAK_SPACES) or ch == "\u200b"  # ZERO WIDTH SPACE too


def _split_spaces(text: str) -> list[str]:
    """Runs of breaking whitespace and runs of everything else."""
    out: list[str] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or is_break_space(text[i]) != is_break_space(text[start]):
            out.append(text[start:i])
            start = i
    return out


@lru_cache(maxsize=65536)
def _words_of_chunk(chunk: str) -> tuple[str, ...]:
    if is_break_space(chunk[0]) or not any("\u0e00" <= c <= "\u0e7f" for c in chunk):
        return (chunk,)
    toks = _snap(chunk, _newmm(chunk, "word"))
    if any(c in NO_BREAK_SPACES for c in chunk):  # no break on either side of a no-break space
        glued: list[str] = []
        for tok in toks:
            if glued and (tok[0] in NO_BREAK_SPACES or glued[-1][-1] in NO_BREAK_SPACES):
                glued[-1] += tok
            else:
                glued.append(tok)
        toks = glued
    return tuple(toks)


def words(text: str) -> list[str]:
    """Dictionary words, spaces as their own tokens; "".join(words(t)) == t."""
    out: list[str] = []
    for chunk in _split_spaces(text):
        out.extend(_words_of_chunk(chunk))
    return out


def _dictionary_split(word: str) -> list[str]:
    """Split a compound into dictionary words strictly shorter than it (fewest unknown clusters,
    then fewest pieces); unknown stretches are kept together."""
    trie = _trie("word")
    starts = cluster_starts(word)
    bounds = set(starts) | {len(word)}
    n = len(word)
    inf = (n + 1, n + 1)
    best: dict[int, tuple[tuple[int, int], int, bool]] = {0: ((0, 0), 0, True)}
    order = sorted(bounds)
    for i in order:
        if i not in best or i == n:
            continue
        cost, _prev, _known = best[i]
        steps = [(i + len(w), True) for w in trie.prefixes(word, i) if len(w) < n and i + len(w) in bounds]
        nxt = next((b for b in order if b > i), n)
        steps.append((nxt, False))
        for j, known in steps:
            c = (cost[0] + (0 if known else 1), cost[1] + 1)
            if c < best.get(j, (inf,))[0]:
                best[j] = (c, i, known)
    pieces: list[tuple[str, bool]] = []
    j = n
    while j:
        _c, i, known = best[j]
        pieces.append((word[i:j], known))
        j = i
    pieces.reverse()
    merged: list[str] = []
    prev_known = True
    for text, known in pieces:
        if merged and not known and not prev_known:
            merged[-1] += text  # an unknown stretch stays together
        else:
            merged.append(text)
        prev_known = known
    return _glue_unknown(merged)


@lru_cache(maxsize=16384)
def _subwords(word: str) -> tuple[str, ...]:
    if len(word) <= 2 or not any("\u0e00" <= c <= "\u0e7f" for c in word):
        return (word,)
    parts = _dictionary_split(word)
    if len(parts) > 1:
        return tuple(_snap(word, parts))
    return tuple(_snap(word, _newmm(word, "syllable")))


def subwords(word: str) -> list[str]:
    """A finer split of one long word: the dictionary words it is made of (องค์การ|บริหาร|ส่วน|ตำบล),
    or failing that its syllables; cluster-safe."""
    return list(_subwords(word))


@lru_cache(maxsize=16384)
def _syllables(word: str) -> tuple[str, ...]:
    if len(word) <= 2 or not any("\u0e00" <= c <= "\u0e7f" for c in word):
        return (word,)
    return tuple(_snap(word, _newmm(word, "syllable")))


def syllables(word: str) -> list[str]:
    """Dictionary syllables (cluster-safe)."""
    return list(_syllables(word))


_OPENERS = frozenset("([{“‘\"'<")
_CLOSERS = frozenset(")]}”’\"'>,.;:!?%ๆฯ")


def break_units(text: str) -> list[str]:
    """Words as units of line breaking: like words(), but an opening bracket or quote sticks to
    the word after it and closing punctuation to the word before it, so no line ends with "("
    or starts with ")". "".join(break_units(t)) == t."""
    toks = _glue_unknown(words(text))
    out: list[str] = []
    glue_next = False
    for tok in toks:
        if is_break_space(tok[0]):
            out.append(tok)
            glue_next = False
            continue
        if glue_next and out:
            out[-1] += tok
        elif out and not is_break_space(out[-1][0]) and all(c in _CLOSERS for c in tok):
            out[-1] += tok
        else:
            out.append(tok)
        glue_next = all(c in _OPENERS for c in tok)
    # a dash standing between words starts the next line rather than ending this one: a line
    # ending in "-" is taken for a hyphenated word by some readers (pdfium drops the dash)
    i = 0
    while i + 2 < len(out):
        if (
            out[i]
            and all(c in _DASHES for c in out[i])
            and out[i + 1] == " "
            and not is_break_space(out[i + 2][0])
        ):
            out[i : i + 3] = ["".join(out[i : i + 3])]
        else:
            i += 1
    # an era and its year stay on one line: "พ.ศ. ๒๕๖๔"
    i = 0
    while i + 2 < len(out):
        if out[i].endswith(_ERAS) and out[i + 1] == " " and out[i + 2][:1] in _DIGITS:
            out[i : i + 3] = ["".join(out[i : i + 3])]
        else:
            i += 1
    return out


def _is_thai_word(tok: str) -> bool:
    return bool(tok) and all("\u0e01" <= c <= "\u0e4e" for c in tok)


def _glue_unknown(toks: list[str]) -> list[str]:
    """A Thai fragment the dictionary doesn't know (a piece of a name: "พิ" in "พิปูน") sticks to
    the Thai word after it (or, at the end of a run, the one before), so a line doesn't break
    inside the name."""
    known = _trie("word")
    out: list[str] = []
    carry = ""
    for k, tok in enumerate(toks):
        unknown = _is_thai_word(tok) and tok not in known
        tok = carry + tok
        carry = ""
        if unknown:
            nxt = toks[k + 1] if k + 1 < len(toks) else ""
            if _is_thai_word(nxt):
                carry = tok
                continue
            if out and _is_thai_word(out[-1]):
                out[-1] += tok
                continue
        out.append(tok)
    if carry:
        out.append(carry)
    return out


_ERAS = ("พ.ศ.", "ค.ศ.", "จ.ศ.", "ร.ศ.")
_DASHES = frozenset("-–—−")
_DIGITS = frozenset("0123456789๐๑๒๓๔๕๖๗๘๙")
