"""Write a file whole or not at all."""

import os
from pathlib import Path

from .leftovers import clean_leftovers, temp_path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    clean_leftovers(folder)
    tmp = temp_path(folder, "tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
