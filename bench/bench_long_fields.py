"""Typesetting time against the length of text fields (issue 11.10): is it linear?

usage: python bench/bench_long_fields.py [--sizes 10000,50000,100000] [--items 3] [--runs 3] [--kind prose]

Builds a report of a few items in which every text field (title, indicator, target, result, note, detail
bodies, conclusion, announcement) holds N characters, and times export_report_pdf in this process after a
warm-up (fonts and the Thai dictionary loaded once). Kinds of text:

* prose: dictionary words, a space every few words (as officers type);
* nospace: the same words with no space at all (one 100,000-character "word" for the line breaker);
* foreign: characters the font lacks (CJK, emoji, symbols) mixed with Thai;
* soup: random Thai letters, no spaces (no dictionary word to break at);
* latin: random Latin letters, no spaces (a pasted URL or hash).

Prints, per size: median seconds, pages, seconds per 10,000 characters of every field (flat = linear).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import WORDS  # noqa: E402

from pipun_desktop.core.model import (  # noqa: E402
    Announcement,
    Conclusion,
    DetailBlock,
    Heading,
    Item,
    Organization,
    Report,
)


def make_text(kind: str, n: int, rng: random.Random) -> str:
    out: list[str] = []
    size = 0
    while size < n:
        if kind == "foreign":
            piece = "".join(
                chr(rng.choice([rng.randrange(0x4E00, 0x9FFF), rng.randrange(0x1F300, 0x1FAFF)]))
                for _ in range(3)
            )
            piece += rng.choice(WORDS)
        elif kind == "soup":  # Thai letters no dictionary knows, no spaces
            piece = "".join(chr(rng.randrange(0x0E01, 0x0E2F)) for _ in range(8))
        elif kind == "latin":  # one long Latin "word" (a URL, a pasted hash)
            piece = "".join(chr(rng.randrange(0x61, 0x7B)) for _ in range(8))
        else:
            piece = rng.choice(WORDS)
        if kind not in ("nospace", "soup", "latin") and rng.random() < 0.2:
            piece += " "
        out.append(piece)
        size += len(piece)
    return "".join(out)[:n]


def make_report(kind: str, n: int, items: int) -> Report:
    rng = random.Random(n)

    def t() -> str:
        return make_text(kind, n, rng)

    its = [
        Item(
            title=t(), indicator=t(), target=t(), result=t(), note=t(), details=[DetailBlock(t()[:200], t())]
        )
        for _ in range(items)
    ]
    return Report(
        2567,
        6,
        tree=[Heading(t()[:500], its)],
        conclusion=Conclusion(t(), t(), t()),
        announcement=Announcement(t(), None, "นายทดสอบ", "นายก"),
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,50000,100000")
    ap.add_argument("--items", type=int, default=3)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--kind", default="prose", choices=("prose", "nospace", "foreign", "soup", "latin"))
    args = ap.parse_args()
    from pipun_desktop.pdf.export import export_report_pdf

    org = Organization("องค์การบริหารส่วนตำบลทดสอบ", "เมือง", "ภูเก็ต")
    with tempfile.TemporaryDirectory() as tmp:
        export_report_pdf(org, make_report(args.kind, 200, 1), Path(tmp) / "warm.pdf")
        print(f"kind={args.kind} items={args.items} (every text field N characters)")
        for n in (int(s) for s in args.sizes.split(",")):
            times = []
            pages = 0
            for _ in range(args.runs):
                report = make_report(args.kind, n, args.items)
                t0 = time.perf_counter()
                info = export_report_pdf(org, report, Path(tmp) / "long.pdf")
                times.append(time.perf_counter() - t0)
                pages = info.pages
            med = statistics.median(times)
            print(
                f"N={n:>7,}: {med:7.2f} s  {pages:5d} pages  {med / (n / 10000):6.2f} s per 10k chars/field"
            )


if __name__ == "__main__":
    main()
