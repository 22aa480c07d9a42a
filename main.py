"""Entry point from a checkout: the window by default, `python main.py SUBCOMMAND …` for the command line
(pipun_desktop/launch.py; the installed `pipun`/`pipun-cli` commands and the built executables run the same)."""

import sys

from pipun_desktop.launch import main

if __name__ == "__main__":
    sys.exit(main())
