"""Shared helpers for the hostile-file tests (issue 11): the CLI run in-process, a small data file."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipun_desktop.cli.main import run as cli_run
from pipun_desktop.core.model import Budget, Heading, Item, Organization, Report
from pipun_desktop.storage.store import ReportStore


def cli(capsys, *args) -> tuple[int, str, str]:
    """Run the command line in this process; returns (exit status, stdout, stderr)."""
    code = cli_run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_thai_line(err: str) -> bool:
    return "Traceback" not in err and len(err.strip().splitlines()) == 1 and err.startswith("ข้อผิดพลาด")


def make_data_file(path: Path, lock: bool = False) -> Path:
    with ReportStore.create(path, Organization("อบต.ทดสอบ"), lock=lock) as store:
        store.add_report(
            Report(2564, 6, tree=[Heading("มิติ", [Item(title="โครงการ ก", budget=Budget(100, 200, 50))])])
        )
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def write_json(path: Path, doc: dict) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path
