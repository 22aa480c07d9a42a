"""Temporary files beside an output, with short names that say who made them, and the sweep of those a dead
process left behind.

Every file this program builds beside its target (a data file being imported, a PDF, a JSON, a copy) is named
`.pipun-HOST-PID-RANDOM.KIND`: at most 40 characters whatever the target's name (a legal 250-byte file name
still leaves room), and enough to tell, the next time the folder is used, whether its maker is gone. A leftover
is removed when its maker ran on this machine and is no longer running, or when it is older than an hour (a
maker on another PC of a shared folder, or a name from an older version).
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import time
from pathlib import Path

from .processes import host_name, pid_alive

KINDS = ("creating", "pdf-part", "tmp", "copying", "restoring", "part")
STALE_AFTER_SECONDS = 3600
_OURS = re.compile(r"^\.pipun-([0-9a-f]{6})-(\d{1,10})-[0-9a-f]{8}\.(" + "|".join(KINDS) + r")(-journal)?$")
# names of older versions (and of the Word/Excel export): ".{target}.{random}.creating", ".pdf-part", ".tmp", ".part"
_OLD = re.compile(r"^\..+\.[A-Za-z0-9_]{6,12}\.(creating|pdf-part|tmp|part)(-journal)?$")


def host_tag() -> str:
    return hashlib.sha256(host_name().encode("utf-8", "surrogateescape")).hexdigest()[:6]


def temp_name(kind: str) -> str:
    """A fresh short name for a file of `kind` (one of KINDS) built by this process."""
    return f".pipun-{host_tag()}-{os.getpid()}-{secrets.token_hex(4)}.{kind}"


def temp_path(folder: Path, kind: str) -> Path:
    """A new empty file of `kind` in `folder`, created exclusively (raises OSError)."""
    for _ in range(100):
        path = folder / temp_name(kind)
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        os.close(fd)
        return path
    raise FileExistsError(str(folder))


def is_dead_leftover(name: str, age_seconds: float) -> bool:
    m = _OURS.match(name)
    if m:
        if age_seconds > STALE_AFTER_SECONDS:
            return True
        pid = int(m.group(2))
        return m.group(1) == host_tag() and pid != os.getpid() and not pid_alive(pid)
    return bool(_OLD.match(name)) and age_seconds > STALE_AFTER_SECONDS


def clean_leftovers(folder: str | os.PathLike[str], now: float | None = None) -> list[Path]:
    """Remove what dead builds left in `folder`; returns what went. Never raises."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith("."):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if is_dead_leftover(entry.name, now - entry.stat(follow_symlinks=False).st_mtime):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # somebody else's file or already gone
    return removed
