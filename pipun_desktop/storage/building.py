"""A new data file from a whole document, written whole or not at all."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from ..core.model import Document
from ..util.targets import is_sqlite_file
from .errors import StorageError
from .store import ReportStore

# An import killed mid-way (power cut) leaves its hidden half-built file behind; one this old is no
# longer being written by anybody, so the next build beside it clears it.
STALE_AFTER_SECONDS = 3600


def clear_stale_builds(out: Path, now: float | None = None) -> list[Path]:
    """Remove half-built files left beside `out` by builds that died long ago; returns what went."""
    now = time.time() if now is None else now
    removed = []
    for leftover in out.parent.glob(f".{out.name}.*.creating*"):
        try:
            if now - leftover.stat().st_mtime > STALE_AFTER_SECONDS:
                leftover.unlink()
                removed.append(leftover)
        except OSError:
            continue  # somebody else's file or already gone: not ours to fuss over
    return removed


def back_up_before_replacing(out: Path) -> Path | None:
    """Before a new data file replaces the data file at `out` (import-json --force): refuse while someone edits
    it (FileLockedError), else copy it into its backup folder first; returns the copy (None: nothing to keep)."""
    from . import backup as backups_mod
    from .errors import FileLockedError

    if not is_sqlite_file(out):
        return None
    try:
        store = ReportStore.open(out, backups=False)
    except FileLockedError:
        raise
    except StorageError:
        store = None  # damaged or not ours: its bytes are kept as they are
    if store is not None:
        with store:
            return store.backup("import")
    return backups_mod.copy_raw(out, "import")


def build_data_file(doc: Document, out) -> Path:
    """Write `doc` as a new data file at `out`, built beside it and renamed: `out` is absent or complete."""
    out = Path(out)
    clear_stale_builds(out.parent.resolve() / out.name)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".creating", dir=out.parent.resolve())
    os.close(fd)
    os.unlink(tmp)
    try:
        with ReportStore.create(tmp, doc.organization, lock=False) as store:  # a private file until renamed
            store.import_document(doc)
        os.replace(tmp, out)
    finally:
        for leftover in (tmp, tmp + "-journal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return out
