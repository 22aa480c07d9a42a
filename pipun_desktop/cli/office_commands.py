"""import-docx and import-xlsx: a report (or a multi-year plan) typed in Word or Excel into a new data file.

What was read is printed first (counts, skipped rows, rows the reader was unsure of, totals that disagree);
the data file is then built whole or not at all, exactly as import-json does (--force backs the old one up).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..thai.digits import to_arabic_digits
from .loading import CliError
from .registry import Command


def _add_common(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("source", metavar=f"IN.{what}")
    p.add_argument("-o", "--output", metavar="FILE", help="ไฟล์ข้อมูลที่จะสร้าง")
    p.add_argument("--force", action="store_true", help="เขียนทับไฟล์ที่มีอยู่ (เก็บสำเนาของไฟล์เดิมไว้ก่อน)")
    p.add_argument("--year", metavar="YYYY", help="ปีงบประมาณ พ.ศ. ที่จะนำเข้าจากแผนหลายปี (เช่น 2566)")
    p.add_argument("--dry-run", action="store_true", help="แสดงสิ่งที่อ่านได้เท่านั้น ไม่สร้างไฟล์")


def add_import_docx(p: argparse.ArgumentParser) -> None:
    _add_common(p, "docx")


def add_import_xlsx(p: argparse.ArgumentParser) -> None:
    _add_common(p, "xlsx")
    p.add_argument("--sheet", metavar="NAME", help="ชื่อแผ่นงาน (worksheet) ที่มีตารางแบบรายงาน")


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    t = to_arabic_digits(text.strip())
    if not t.isdigit() or not 2400 <= int(t) <= 2800:
        raise CliError(f"--year ต้องเป็นปี พ.ศ. เช่น 2566 ไม่ใช่ “{text}”")
    return int(t)


def _run(args: argparse.Namespace, read: Callable[..., Any]) -> int:
    from ..util.targets import special_file_problem

    if not args.output and not args.dry_run:
        raise CliError("ยังไม่ได้ระบุ -o/--output (ไฟล์ข้อมูลที่จะสร้าง)")
    out = Path(args.output) if args.output else None
    for path in (args.source, out):
        problem = special_file_problem(path) if path is not None else None
        if problem:
            raise CliError(problem)
    if out is not None and not args.dry_run and out.exists() and not args.force:
        raise CliError(f"มีไฟล์ {out} อยู่แล้ว (ใช้ --force เพื่อเขียนทับ)")
    if out is not None and Path(args.source).resolve() == out.resolve():
        raise CliError("ไฟล์ที่จะสร้างต้องไม่ใช่ไฟล์ต้นฉบับ")
    result = read(Path(args.source), _year(args.year))
    print("\n".join(result.summary_lines()))
    if args.dry_run or out is None:
        return 0
    from ..storage.building import back_up_before_replacing, build_data_file

    saved = back_up_before_replacing(out) if out.exists() else None
    build_data_file(result.document, out)
    if saved is not None:
        print(f"เก็บสำเนาของไฟล์เดิมไว้ที่ {saved}", file=sys.stderr)
    print(f"นำเข้า {result.items} โครงการ/กิจกรรม ไปยัง {out}", file=sys.stderr)
    return 0


def run_import_docx(args: argparse.Namespace) -> int:
    from ..office.docx_import import import_docx

    return _run(args, lambda path, year: import_docx(path, year=year))


def run_import_xlsx(args: argparse.Namespace) -> int:
    from ..office.xlsx_import import import_xlsx

    return _run(args, lambda path, year: import_xlsx(path, year=year, sheet=args.sheet))


OFFICE_IMPORT_COMMANDS: dict[str, Command] = {
    "import-docx": ("นำเข้ารายงานจากไฟล์ Word (.docx) เป็นไฟล์ข้อมูลใหม่", add_import_docx, run_import_docx),
    "import-xlsx": ("นำเข้ารายงานจากไฟล์ Excel (.xlsx) เป็นไฟล์ข้อมูลใหม่", add_import_xlsx, run_import_xlsx),
}
