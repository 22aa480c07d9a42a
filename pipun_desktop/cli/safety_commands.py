"""Subcommands for data safety: fingerprint, backups, restore-backup."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loading import CliError, is_data_file, load_document, pick_report
from .registry import Command


# -- fingerprint ---------------------------------------------------------------------------------
def add_fingerprint(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="ไฟล์ข้อมูลหรือไฟล์ JSON")
    p.add_argument("--report", metavar="N", help="ลำดับรายงานในไฟล์ (0 = แรก) หรือ ปี-รอบ เช่น 2564-6")


def run_fingerprint(args: argparse.Namespace) -> int:
    from ..interchange.fingerprint import report_fingerprint

    doc = load_document(args.file)
    print(report_fingerprint(doc.organization, pick_report(doc, args.report)))
    return 0


# -- backups -------------------------------------------------------------------------------------
def add_backups(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="ไฟล์ข้อมูล (แม้เสียหายหรือถูกลบไปแล้ว)")


def _file_state(path: Path) -> str | None:
    """None when the file opens; else a Thai note of what is wrong with it."""
    from ..storage.store import ReportStore, StorageError

    if not path.exists():
        return f"ไม่พบไฟล์ {path}"
    try:
        with ReportStore.open(path, read_only=True, backups=False):
            return None
    except StorageError as exc:
        return str(exc)


def run_backups(args: argparse.Namespace) -> int:
    from ..storage.backup import list_backups

    path = Path(args.file)
    copies = list_backups(path)
    problem = _file_state(path)
    if not copies:
        if problem:
            raise CliError(f"{problem} และไม่มีสำเนาสำรองของไฟล์นี้")
        print(f"ยังไม่มีสำเนาสำรองของ {path}", file=sys.stderr)
        return 0
    for i, b in enumerate(copies):
        print(f"{i}\t{b.local_time()}\t{b.reason_label}\t{b.size:,} ไบต์\t{b.path}")
    if problem:
        print(f"{problem} (กู้คืนได้ด้วย restore-backup {path} ลำดับ)", file=sys.stderr)
    return 0


# -- restore-backup ------------------------------------------------------------------------------
def add_restore_backup(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="ไฟล์ข้อมูลที่จะกู้คืน")
    p.add_argument("backup", metavar="BACKUP", help="ลำดับจากคำสั่ง backups (0 = ล่าสุด) หรือเส้นทางไฟล์สำเนา")


def run_restore_backup(args: argparse.Namespace) -> int:
    from ..storage.restore import resolve_backup, restore_file

    path = Path(args.file)
    from ..util.targets import special_file_problem

    problem = special_file_problem(path)
    if problem:
        raise CliError(problem)
    if path.exists() and not is_data_file(path) and path.stat().st_size > 0:
        raise CliError(f"{path} ไม่ใช่ไฟล์ข้อมูลรายงาน จึงไม่เขียนทับ")
    source = resolve_backup(path, args.backup)
    saved = restore_file(path, source)
    note = f" (เก็บสำเนาของไฟล์ก่อนกู้คืนไว้ที่ {saved})" if saved else ""
    print(f"กู้คืน {path} จาก {source.name} แล้ว{note}", file=sys.stderr)
    return 0


SAFETY_COMMANDS: dict[str, Command] = {
    "fingerprint": ("พิมพ์ลายนิ้วมือ (fingerprint) ของเนื้อหารายงาน", add_fingerprint, run_fingerprint),
    "backups": ("แสดงสำเนาสำรองของไฟล์ข้อมูล", add_backups, run_backups),
    "restore-backup": (
        "กู้คืนไฟล์ข้อมูลจากสำเนาสำรอง (เก็บสำเนาของไฟล์ปัจจุบันไว้ก่อน)",
        add_restore_backup,
        run_restore_backup,
    ),
}
