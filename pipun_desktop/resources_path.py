"""Where the program's read-only files are: from source and in the installed (PyInstaller) program alike.

From source the files sit at the repository root (``fonts/``, ``resources/``); in the built program
``build.spec`` places them at the same relative paths inside the bundle directory (``sys._MEIPASS``:
``_internal/`` beside the executable of the one-folder build, a temporary folder for the one-file
build). So ``resource_path("fonts", "Sarabun-Regular.ttf")`` names the same file either way, whatever
the current directory is.

Read-only: nothing may be written here (the bundle may sit in ``C:\\Program Files``); the user's files
go in the per-user data folder (platformdirs).
"""

from __future__ import annotations

import sys
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def is_frozen() -> bool:
    """True inside the built program."""
    return bool(getattr(sys, "frozen", False))


def bundle_dir() -> Path:
    """The folder holding ``fonts/`` and ``resources/``: the bundle when frozen, else the repository."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))
    return _SOURCE_ROOT


def resource_path(*parts: str) -> Path:
    """The path of a bundled file, e.g. ``resource_path("resources", "icon.png")``."""
    return bundle_dir().joinpath(*parts)
