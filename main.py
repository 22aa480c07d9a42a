"""Entry point: the window by default, `python main.py SUBCOMMAND …` for the command line."""

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from pipun_desktop.cli.main import is_cli_command, run

    if is_cli_command(argv):
        return run(argv)
    from pipun_desktop.ui.app import run_gui  # Qt loads only for the window

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
