"""Where the user's data file lives, and making one from a JSON document (first run, opening a .json)."""

from __future__ import annotations

from pathlib import Path

from ..core.framework import empty_report
from ..core.model import Document, Organization
from ..interchange.json_format import InterchangeError, read_document
from ..resources_path import resource_path
from ..storage.building import build_data_file

DATA_SUFFIX = ".pipun"
SAMPLE_JSON = ("resources", "sample-pipun-2564-6.json")
# the first run's copy of the bundled sample: its name says it is the sample, and whose report it is
SAMPLE_FILE_NAME = "ตัวอย่าง-อบต.พิปูน-2564-6" + DATA_SUFFIX


def data_dir() -> Path:
    """The per-user data folder (%LOCALAPPDATA%\\PipunDesktop on Windows; PIPUN_DATA_DIR overrides), the same
    one the storage keeps its backups in; never beside the program."""
    from ..storage.backup import data_dir as storage_data_dir

    path = storage_data_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path


def builtin_document() -> Document:
    """A small document when the bundled sample is missing: the standard framework, no items."""
    return Document(Organization("องค์การบริหารส่วนตำบล", "", ""), [empty_report(2564, 6, with_framework=True)])


def sample_document() -> Document:
    try:
        return read_document(resource_path(*SAMPLE_JSON))
    except (OSError, InterchangeError):
        return builtin_document()


def first_run_file() -> Path:
    """A copy of the bundled sample in the data folder (made once; never the bundled file itself)."""
    folder = data_dir()
    path = folder / SAMPLE_FILE_NAME
    if not path.exists():
        build_data_file(sample_document(), path)
    return path


def is_sample_file(path) -> bool:
    """True for the first run's copy of the bundled sample (another organization's real report)."""
    path = Path(path)
    if path.name != SAMPLE_FILE_NAME:
        return False
    from ..storage.backup import data_dir as storage_data_dir

    try:
        return path.resolve().parent == storage_data_dir().resolve()
    except OSError:
        return False


def free_path(folder: Path, stem: str) -> Path:
    """`folder/stem.pipun`, or `stem (2).pipun`, … when taken."""
    path = folder / f"{stem}{DATA_SUFFIX}"
    n = 2
    while path.exists():
        path = folder / f"{stem} ({n}){DATA_SUFFIX}"
        n += 1
    return path
