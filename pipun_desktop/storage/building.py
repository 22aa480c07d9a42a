"""A new data file from a whole document, written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..core.model import Document
from .store import ReportStore


def build_data_file(doc: Document, out) -> Path:
    """Write `doc` as a new data file at `out`, built beside it and renamed: `out` is absent or complete."""
    out = Path(out)
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
