"""Restoring a data file from one of its backups, whether the file opens, is damaged or is gone.

An openable file is restored through ReportStore.restore_backup (under its edit lock, one SQLite
transaction). A damaged or missing file is replaced whole: its bytes are first copied into the backup folder
as a "before-restore" copy, the backup is written beside it and renamed into place.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from ..util.leftovers import temp_name
from . import backup as backups_mod
from .errors import FileLockedError, StorageError
from .opening import sqlite_uri

if TYPE_CHECKING:
    from _typeshed import StrPath


def resolve_backup(path: StrPath, which: str) -> Path:
    """`which` is a backup file's path or its number in `backups FILE` (0 = newest)."""
    if which.isdigit() and not Path(which).exists():
        copies = backups_mod.list_backups(path)
        index = int(which)
        if not 0 <= index < len(copies):
            raise StorageError(f"ไม่มีสำเนาสำรองลำดับ {index} (มี {len(copies)} สำเนา)")
        return copies[index].path
    candidate = Path(which)
    if not candidate.is_file():
        raise StorageError(f"ไม่พบสำเนาสำรอง {which}")
    return candidate


def restore_file(path: StrPath, backup_path: StrPath) -> Path | None:
    """Restore `path` from `backup_path`; returns the copy saved of the current content (None: there was none)."""
    from .store import ReportStore

    path, backup_path = Path(path), Path(backup_path)
    if _same_file(path, backup_path):
        raise StorageError("สำเนาสำรองที่เลือกคือไฟล์ที่จะกู้คืนเอง กู้คืนจากตัวเองไม่ได้ โปรดเลือกสำเนาอื่น")
    with ReportStore.open(backup_path, read_only=True, backups=False):
        pass  # the backup passes every check a file must pass before it is used
    if path.exists():
        try:
            store = ReportStore.open(path, backups=False)
        except FileLockedError:
            raise
        except StorageError:
            store = None  # damaged: replaced whole below
        if store is not None:
            with store:
                return store.restore_backup(backup_path)
    return _replace_whole(path, backup_path)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _replace_whole(path: Path, backup_path: Path) -> Path | None:
    saved = None
    folder = backups_mod.backup_folder(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if path.exists():
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
            saved = folder / f"{stamp}-before-restore{backups_mod.SUFFIX}"
            shutil.copyfile(path, saved)
        tmp = path.with_name(temp_name("restoring"))
        for leftover in (tmp, Path(f"{tmp}-journal")):
            if leftover.exists():
                leftover.unlink()
        src = sqlite3.connect(sqlite_uri(backup_path, "ro"), uri=True)
        dest = sqlite3.connect(tmp)
        try:
            src.backup(dest)
        finally:
            dest.close()
            src.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        journal = Path(f"{path}-journal")
        if journal.exists():  # a hot journal of the damaged file would be "rolled back" into the restored one
            journal.unlink()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as exc:
        message = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise StorageError(f"กู้คืนไม่ได้ ({message})") from None
    return saved
