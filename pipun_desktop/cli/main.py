"""`python main.py SUBCOMMAND …`: argument parsing and the one-line error contract (exit 2, no traceback)."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from typing import NoReturn

from .. import __version__
from ..interchange.json_format import InterchangeError
from ..thai.amounts import AmountError
from ..util.targets import show_name
from .commands import COMMANDS
from .loading import CliError
from .thai_argparse import thai_messages

EXIT_BAD_INPUT = 2


def one_line(message: object) -> str:
    """The promise is one line: a message carrying SQLite's or the OS's own line breaks is joined up, and a file
    name that is not UTF-8 (Linux) prints its bad bytes as \\xNN instead of failing to print at all."""
    text = " ".join(str(message).split())
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="โปรแกรมรายงานผลการดำเนินการป้องกันการทุจริต")
    parser.add_argument("--version", action="version", version=version_text(), help="แสดงรุ่นของโปรแกรมแล้วจบ")
    sub = parser.add_subparsers(dest="command", metavar="คำสั่ง", required=True, parser_class=_Parser)
    for name, (help_text, add_args, _run) in COMMANDS.items():
        add_args(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def version_text() -> str:
    """What `--version` prints: the one version (pipun_desktop.__version__, as in the About box)."""
    return f"Pipun desktop {__version__}"


def is_cli_command(argv: list[str]) -> bool:
    return bool(argv) and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version"))


def run(argv: list[str]) -> int:
    try:
        with thai_messages():
            args = build_parser().parse_args(argv)
        return COMMANDS[args.command][2](args)
    except (CliError, InterchangeError, AmountError) as exc:
        print(f"ข้อผิดพลาด: {one_line(exc)}", file=sys.stderr)
    except sqlite3.Error as exc:
        print(f"ข้อผิดพลาด: ไฟล์ข้อมูลมีปัญหา ({one_line(exc)})", file=sys.stderr)
    except OSError as exc:
        where = show_name(exc.filename) if isinstance(exc.filename, str) else ""
        print(f"ข้อผิดพลาด: {one_line(exc.strerror or exc)}: {where}".rstrip(": "), file=sys.stderr)
    except KeyboardInterrupt:
        print("ยกเลิก", file=sys.stderr)
    except Exception as exc:
        # storage (and sqlite-utils) load only when a data file is touched: start-up stays quick
        from ..storage.store import StorageError

        if not isinstance(exc, StorageError):
            raise
        print(f"ข้อผิดพลาด: {one_line(exc)}", file=sys.stderr)
    return EXIT_BAD_INPUT
