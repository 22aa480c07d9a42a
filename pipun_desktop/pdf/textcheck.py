"""How much of a report's text a reader gets back from the PDF (search, copy).

The logic of the project's pdf_text_check tool, kept here so tests and the bench don't depend on
a file outside the repository: each text field of a pipun-report JSON report is split into lines;
a line counts as found when it appears verbatim in ``pdftotext -raw`` output, whitespace and
leading bullet marks ignored.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Iterator
from typing import Any

TEXT_FIELDS = ("title", "indicator", "target", "result", "note")


def norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def lines_of(text: str | None) -> Iterator[str]:
    for line in (text or "").splitlines():
        line = re.sub(r"^[\s\-•·]+", "", line)
        if norm(line):
            yield line


def expected_lines(report: dict[str, Any]) -> Iterator[str]:
    """The lines of a JSON report (a dict as in the interchange format) that must be found."""

    def walk(nodes: list[dict[str, Any]]) -> Iterator[str]:
        for n in nodes:
            for f in TEXT_FIELDS:
                yield from lines_of(n.get(f))
            for d in n.get("details") or []:
                yield from lines_of(d.get("heading"))
                yield from lines_of(d.get("body"))
            yield from walk(n.get("children") or [])

    yield from walk(report["tree"])
    for v in (report.get("conclusion") or {}).values():
        yield from lines_of(v)
    for key in ("name", "position"):
        yield from lines_of((report.get("reporter") or {}).get(key))
    ann = report.get("announcement") or {}
    for key in ("body", "signatory_name", "signatory_position"):
        yield from lines_of(ann.get(key))


def pdftotext(pdf_path: str, raw: bool = True) -> str:
    args = ["pdftotext"] + (["-raw"] if raw else []) + [str(pdf_path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def missing_lines(pdf_path: str, want: Iterable[str]) -> tuple[list[str], int]:
    """(lines not found verbatim, number of lines wanted)."""
    got = norm(pdftotext(pdf_path))
    wanted = list(want)
    return [w for w in wanted if norm(w) not in got], len(wanted)


def check_report(pdf_path: str, report: dict[str, Any]) -> tuple[list[str], int]:
    return missing_lines(pdf_path, expected_lines(report))
