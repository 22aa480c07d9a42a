"""What a subcommand is: (its help text, a function adding its arguments, a function running it)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

Command = tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
