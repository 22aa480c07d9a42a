"""The program's one entry point: `python main.py`, `python -m pipun_desktop`, the installed `pipun` and
`pipun-cli` commands and the built executables all run `main`: the window by default, a subcommand when one
is given."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from .cli.main import is_cli_command, run

    if is_cli_command(argv):
        return run(argv)
    from .ui.app import run_gui  # Qt loads only for the window

    return run_gui(argv)
