"""`new-round`: the window's สร้างรายงานรอบใหม่ for scripts and tests (core.rules.new_round, added to FILE)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loading import CliError, is_data_file, pick_report
from .registry import Command


# -- new-round -------------------------------------------------------------------------------------
def add_new_round(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="ไฟล์ข้อมูล (.pipun) ที่จะเพิ่มรายงานรอบใหม่")
    p.add_argument("--report", metavar="N", help="รายงานต้นฉบับ: ลำดับ (0 = แรก) หรือ ปี-รอบ เช่น 2564-6")
    p.add_argument(
        "--to", metavar="YEAR-ROUND", help="ปี-รอบ ของรายงานใหม่ (ถ้าไม่ระบุ: รอบถัดไป 6 → 12, 12 → 6 ปีถัดไป)"
    )


def run_new_round(args: argparse.Namespace) -> int:
    """The window's สร้างรายงานรอบใหม่: the rules of core.rules.new_round, the report added to FILE."""
    from ..core.rules import following_round, new_round, year_round_clash
    from ..storage.store import ReportStore

    path = Path(args.file)
    if not path.exists():
        raise CliError(f"ไม่พบไฟล์ {path}")
    if not is_data_file(path):
        raise CliError(f"{path} ไม่ใช่ไฟล์ข้อมูล (.pipun): สร้างรอบใหม่ได้เฉพาะในไฟล์ข้อมูล")
    # everything is checked on a read-only look first: bad input leaves the file exactly as it was
    with ReportStore.open(path, read_only=True, backups=False) as store:
        doc = store.load_document()
        existing = [(i.fiscal_year, i.round, i.id) for i in store.reports()]
    source = pick_report(doc, args.report)
    if args.to is None:
        year, round_ = following_round(source.fiscal_year, source.round)
    else:
        y, sep, r = args.to.partition("-")
        if not (sep and y.isdigit() and r.isdigit()):
            raise CliError(f"--to ต้องเป็น ปี-รอบ เช่น 2564-12 ไม่ใช่ “{args.to}”")
        year, round_ = int(y), int(r)
    try:
        report = new_round(source, year, round_, doc.organization)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if clash := year_round_clash(existing, year, round_):
        raise CliError(clash)
    with ReportStore.open(path) as store:  # the edit lock, a backup on opening, one transaction
        store.add_report(report)
    print(f"{year}-{round_}")
    print(
        f"สร้างรายงานปี {year} รอบ {round_} เดือน จากรายงานปี {source.fiscal_year} รอบ {source.round} เดือน ใน {path}",
        file=sys.stderr,
    )
    return 0


ROUND_COMMANDS: dict[str, Command] = {
    "new-round": (
        "สร้างรายงานรอบใหม่จากรายงานในไฟล์ข้อมูล (6 → 12 เดือน, 12 → 6 เดือนของปีถัดไป)",
        add_new_round,
        run_new_round,
    ),
}
