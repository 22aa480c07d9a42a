"""Command-line subcommands: the same jobs as the window, without a screen.

Each subcommand is declared once in COMMANDS with a function that adds its arguments and one that runs it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from ..core.checks import ERROR, check_report
from ..core.totals import Totals, report_totals
from ..interchange.fingerprint import report_fingerprint
from ..interchange.json_format import read_document, write_document
from ..thai.amounts import decimal_string
from .loading import CliError, load_document, pick_report
from .office_commands import OFFICE_IMPORT_COMMANDS
from .registry import Command
from .round_commands import ROUND_COMMANDS
from .safety_commands import SAFETY_COMMANDS


def _totals_json(t: Totals) -> dict[str, Any]:
    return {
        "integrated": decimal_string(t.integrated),
        "agency": decimal_string(t.agency),
        "disbursed": decimal_string(t.disbursed),
        "items": t.items,
    }


# -- import-json ---------------------------------------------------------------------------------
def add_import_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("json_file", metavar="IN.json")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="ไฟล์ข้อมูลที่จะสร้าง")
    p.add_argument("--force", action="store_true", help="เขียนทับไฟล์ที่มีอยู่")


def run_import_json(args: argparse.Namespace) -> int:
    out = Path(args.output)
    from ..util.targets import special_file_problem

    for path in (args.json_file, out):
        problem = special_file_problem(path)
        if problem:
            raise CliError(problem)
    if out.exists() and not args.force:
        raise CliError(f"มีไฟล์ {out} อยู่แล้ว (ใช้ --force เพื่อเขียนทับ)")
    doc = read_document(args.json_file)
    from ..storage.building import back_up_before_replacing, build_data_file

    saved = back_up_before_replacing(out) if out.exists() else None
    build_data_file(doc, out)
    if saved is not None:
        print(f"เก็บสำเนาของไฟล์เดิมไว้ที่ {saved}", file=sys.stderr)
    items = sum(1 for r in doc.reports for _ in r.items())
    print(f"นำเข้า {len(doc.reports)} รายงาน {items} โครงการ/กิจกรรม ไปยัง {out}", file=sys.stderr)
    return 0


# -- export-json ---------------------------------------------------------------------------------
def add_export_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="OUT.json")


def refuse_target(path: str | os.PathLike[str], kind: str) -> None:
    """An output never goes over a data file (nor onto a FIFO or a device): exit 2 before anything is read."""
    from ..util.targets import output_target_problem

    problem = output_target_problem(path, kind)
    if problem:
        raise CliError(problem)


def run_export_json(args: argparse.Namespace) -> int:
    refuse_target(args.output, "JSON")
    write_document(load_document(args.file), args.output)
    return 0


# -- summary -------------------------------------------------------------------------------------
def add_report_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="ไฟล์ข้อมูลหรือไฟล์ JSON")
    p.add_argument("--report", metavar="N", help="ลำดับรายงานในไฟล์ (0 = แรก) หรือ ปี-รอบ เช่น 2564-6")


def run_summary(args: argparse.Namespace) -> int:
    report = pick_report(load_document(args.file), args.report)
    totals = report_totals(report)
    out = {
        "dimensions": [{"title": dim.title, **_totals_json(t)} for dim, t in totals.dimensions],
        "total": _totals_json(totals.total),
    }
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


# -- check ---------------------------------------------------------------------------------------
def run_check(args: argparse.Namespace) -> int:
    report = pick_report(load_document(args.file), args.report)
    findings = check_report(report)
    for f in findings:
        print(str(f))
    errors = sum(f.severity == ERROR for f in findings)
    print(f"พบข้อผิดพลาด {errors} รายการ คำเตือน {len(findings) - errors} รายการ", file=sys.stderr)
    return 1 if errors else 0


# -- export-pdf ----------------------------------------------------------------------------------
def add_export_pdf(p: argparse.ArgumentParser) -> None:
    add_report_args(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    p.add_argument("--digits", choices=("thai", "arabic"), default="thai", help="เลขไทยหรือเลขอารบิก")
    p.add_argument(
        "--document",
        choices=("report", "memo", "web-form"),
        default="report",
        help="รายงาน (report) บันทึกข้อความเสนอผู้บริหาร (memo) หรือแบบฟอร์มการขอเผยแพร่ข้อมูลทางเว็บไซต์ (web-form)",
    )


def run_export_pdf(args: argparse.Namespace) -> int:
    refuse_target(args.output, "PDF")
    doc = load_document(args.file)
    report = pick_report(doc, args.report)
    # check before printing: the errors go to stderr, the export goes ahead (warnings are not listed)
    errors = [f for f in check_report(report, args.digits) if f.severity == ERROR]
    if errors:
        print(f"รายงานนี้มีข้อผิดพลาด {len(errors)} รายการ (ยังส่งออก PDF ต่อ):", file=sys.stderr)
        for f in errors:
            print(str(f), file=sys.stderr)
    from ..pdf.export import PdfExportError, export_report_pdf  # ReportLab loads only for this command

    try:
        info = export_report_pdf(
            doc.organization,
            report,
            args.output,
            digits=args.digits,
            fingerprint=report_fingerprint(doc.organization, report),
            document=args.document,
        )
    except PdfExportError as exc:
        raise CliError(str(exc)) from None
    print(f"บันทึก {info.path} ({info.pages} หน้า ฟอนต์ที่ฝัง: {', '.join(info.fonts)})", file=sys.stderr)
    return 0


# -- export-docx, export-xlsx -----------------------------------------------------------------------
def add_export_docx(p: argparse.ArgumentParser) -> None:
    add_report_args(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx")
    p.add_argument("--digits", choices=("thai", "arabic"), default="thai", help="เลขไทยหรือเลขอารบิก")


def add_export_xlsx(p: argparse.ArgumentParser) -> None:
    add_report_args(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")


def _office_output(args: argparse.Namespace) -> None:
    """An export never replaces the file it reads (a JSON document is data too)."""
    try:
        same = Path(args.output).resolve() == Path(args.file).resolve()
    except OSError:
        same = False
    if same:
        raise CliError(f"ไม่เขียนทับ {args.output}: เป็นไฟล์ที่กำลังอ่านอยู่ (เลือกชื่อไฟล์ใหม่)")


def run_export_docx(args: argparse.Namespace) -> int:
    _office_output(args)
    doc = load_document(args.file)
    report = pick_report(doc, args.report)
    from ..office.docx_export import export_report_docx  # python-docx loads only for this command
    from ..office.export_common import OfficeExportError

    try:
        info = export_report_docx(doc.organization, report, args.output, digits=args.digits)
    except OfficeExportError as exc:
        raise CliError(str(exc)) from None
    print(f"บันทึก {info.path} ({info.items} โครงการ/กิจกรรม {info.bytes:,} ไบต์)", file=sys.stderr)
    return 0


def run_export_xlsx(args: argparse.Namespace) -> int:
    _office_output(args)
    doc = load_document(args.file)
    report = pick_report(doc, args.report)
    from ..office.export_common import OfficeExportError
    from ..office.xlsx_export import export_report_xlsx  # openpyxl loads only for this command

    try:
        info = export_report_xlsx(doc.organization, report, args.output)
    except OfficeExportError as exc:
        raise CliError(str(exc)) from None
    print(f"บันทึก {info.path} ({info.items} โครงการ/กิจกรรม {info.bytes:,} ไบต์)", file=sys.stderr)
    return 0


# name -> (help, add_arguments, run)
COMMANDS: dict[str, Command] = {
    "import-json": ("นำเข้าไฟล์ JSON เป็นไฟล์ข้อมูลใหม่", add_import_json, run_import_json),
    "export-json": ("ส่งออกไฟล์ข้อมูลเป็น JSON", add_export_json, run_export_json),
    "summary": ("สรุปงบประมาณรายมิติเป็น JSON", add_report_args, run_summary),
    "check": ("ตรวจความครบถ้วนของรายงาน", add_report_args, run_check),
    "export-pdf": ("พิมพ์รายงานเป็นไฟล์ PDF", add_export_pdf, run_export_pdf),
    "export-docx": ("ส่งออกรายงานทั้งฉบับเป็นเอกสาร Word (.docx)", add_export_docx, run_export_docx),
    "export-xlsx": ("ส่งออกแบบรายงานและสรุปเป็นแฟ้ม Excel (.xlsx)", add_export_xlsx, run_export_xlsx),
}
COMMANDS.update(SAFETY_COMMANDS)
COMMANDS.update(OFFICE_IMPORT_COMMANDS)
COMMANDS.update(ROUND_COMMANDS)
