"""Check the environment against the pins: `.venv/bin/python .ci/check_pins.py requirements.txt` (or
requirements-dev.txt), run by .ci/setup after installing.

Fails (exit 1, one line per problem) when a package is installed but pinned in neither pin file, installed at
another version than pinned, or pinned in the given file (for this platform) but not installed: `pip freeze`
of the set-up's environment shows nothing that is not pinned. Standard library only (environment markers are
read with the `packaging` that pip carries), so it runs in the runtime-only environment too.
"""

from __future__ import annotations

import importlib.metadata
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)\s*(?:;\s*(.+))?$")
IGNORED = {"pipun-desktop"}  # the program itself, when installed with `pip install -e .`


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _marker_holds(marker: str) -> bool:
    try:
        from packaging.markers import Marker
    except ImportError:  # the runtime environment has no packaging of its own; pip always carries one
        from pip._vendor.packaging.markers import Marker
    return bool(Marker(marker).evaluate())


def read_pins(path: Path, marker_holds: Callable[[str], bool] | None = None) -> dict[str, str]:
    """name -> version of a compiled pin file. Every requirement line must be an exact pin (ValueError
    otherwise). With `marker_holds`, pins whose marker does not hold here are left out."""
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        m = PIN.match(line)
        if not m:
            raise ValueError(f"{path.name}: not an exact pin: {line!r}")
        name, version, marker = m.groups()
        if marker and marker_holds is not None and not marker_holds(marker):
            continue
        out[canonical(name)] = version
    return out


def installed() -> dict[str, str]:
    out = {}
    for dist in importlib.metadata.distributions():
        name = dist.metadata["Name"]
        if name:  # a half-removed package can leave a nameless dist-info folder
            out[canonical(name)] = dist.version
    return out


def problems(have: dict[str, str], installed_from: dict[str, str], all_pins: dict[str, str]) -> list[str]:
    """What is wrong with the environment `have` (name -> version) set up from the pins `installed_from`;
    `all_pins` is everything any set-up may install (requirements-dev.txt)."""
    out = []
    for name, version in sorted(have.items()):
        if name in IGNORED:
            continue
        if name not in all_pins:
            out.append(
                f"{name}=={version} is installed but not pinned (add it to a .in file, run bash .ci/pin)"
            )
        elif all_pins[name] != version:
            out.append(f"{name} is installed at {version}, pinned at {all_pins[name]}")
    for name in sorted(set(installed_from) - set(have)):
        out.append(f"{name}=={installed_from[name]} is pinned but not installed (bash .ci/setup)")
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python .ci/check_pins.py requirements.txt|requirements-dev.txt", file=sys.stderr)
        return 2
    installed_from = read_pins(ROOT / argv[0], _marker_holds)
    all_pins = read_pins(ROOT / "requirements-dev.txt", _marker_holds)
    found = problems(installed(), installed_from, all_pins)
    for line in found:
        print(f"pins: {line}", file=sys.stderr)
    if not found:
        print(f"pins: all {len(installed_from)} packages of {argv[0]} installed as pinned, nothing unpinned")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
