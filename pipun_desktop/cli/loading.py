"""Loading FILE for the command line: a data file or a JSON document alike."""

from __future__ import annotations

import os
from pathlib import Path

from ..core.model import Document, Report
from ..interchange.json_format import read_document
from ..util.targets import is_sqlite_file, show_name, special_file_problem

SQLITE_HEADER = b"SQLite format 3\x00"


class CliError(Exception):
    """Bad input on the command line: printed as one line, exit status 2."""


def is_data_file(path: Path) -> bool:
    """A regular file that starts as SQLite's do (never opens a FIFO, which would block)."""
    return is_sqlite_file(path)


def load_document(path: str | os.PathLike[str]) -> Document:
    path = Path(path)
    if not path.exists():
        raise CliError(f"ไม่พบไฟล์ {show_name(path)}")
    problem = special_file_problem(path)  # /dev/zero would be read for ever, a FIFO would block
    if problem:
        raise CliError(problem)
    if is_data_file(path):
        from ..storage.store import ReportStore

        with ReportStore.open(path, read_only=True) as store:
            return store.load_document()
    return read_document(path)


def pick_report(doc: Document, selector: str | None) -> Report:
    """`--report` is an index into the file's reports by year and round (0 = the earliest) or YEAR-ROUND such as
    2564-6."""
    if not doc.reports:
        raise CliError("ไฟล์นี้ยังไม่มีรายงาน")
    # one order everywhere: by year and round, as the data file and the window list them, whatever order a
    # JSON document gives (so `--report 0` is the same report in a JSON document and the data file made from it)
    reports = sorted(doc.reports, key=lambda r: (r.fiscal_year, r.round))
    if selector is None:
        return reports[0]
    if "-" in selector:
        year, _, rnd = selector.partition("-")
        for r in reports:
            if str(r.fiscal_year) == year and str(r.round) == rnd:
                return r
        raise CliError(f"ไม่พบรายงานปี {year} รอบ {rnd} เดือนในไฟล์")
    try:
        index = int(selector)
    except ValueError:
        raise CliError(f"--report ต้องเป็นลำดับ (0, 1, …) หรือ ปี-รอบ เช่น 2564-6 ไม่ใช่ “{selector}”") from None
    if not 0 <= index < len(reports):
        raise CliError(f"ไม่มีรายงานลำดับ {index} (ไฟล์มี {len(reports)} รายงาน)")
    return reports[index]
