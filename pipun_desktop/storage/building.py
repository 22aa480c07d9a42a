"""A new data file from a whole document, written whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.model import Document
from ..util.leftovers import STALE_AFTER_SECONDS as STALE_AFTER
from ..util.leftovers import clean_leftovers, temp_path
from ..util.targets import is_sqlite_file, show_name, special_file_problem
from .errors import StorageError
from .opening import check_name_length
from .store import ReportStore

if TYPE_CHECKING:
    from _typeshed import StrPath

STALE_AFTER_SECONDS = STALE_AFTER  # a half-built file this old is nobody's, whoever made it


def clear_stale_builds(out: Path, now: float | None = None) -> list[Path]:
    """Remove what dead builds (and dead PDF/JSON exports) left in `out`'s folder; returns what went."""
    return clean_leftovers(Path(out).parent, now)


def back_up_before_replacing(out: Path, reason: str = "import") -> Path | None:
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
            saved: Path = store.backup(reason)
            return saved
    return backups_mod.copy_raw(out, reason)


def build_data_file(doc: Document, out: StrPath) -> Path:
    """Write `doc` as a new data file at `out`, built beside it and renamed: `out` is absent or complete."""
    out = Path(out)
    problem = special_file_problem(out)
    if problem:
        raise StorageError(problem)
    check_name_length(out)
    folder = out.parent.resolve()
    clean_leftovers(folder)
    try:
        tmp = str(temp_path(folder, "creating"))
        os.unlink(tmp)  # ReportStore.create makes the file itself
    except OSError as exc:
        raise StorageError(f"สร้างไฟล์ในโฟลเดอร์ {show_name(folder)} ไม่ได้: {exc.strerror or exc}") from None
    try:
        with ReportStore.create(tmp, doc.organization, lock=False) as store:  # a private file until renamed
            store.import_document(doc)
        os.replace(tmp, out)
    finally:
        for leftover in (tmp, tmp + "-journal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return out
