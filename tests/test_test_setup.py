"""tests/conftest.py keeps every test away from the real user's data folder and settings."""

import os
import tempfile
from pathlib import Path

from pipun_desktop.storage.backup import data_dir as app_data_dir


def _inside(path: Path, folder: Path) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


SEEN: list[Path] = []


def test_the_data_folder_is_a_fresh_temporary_one_for_every_test(data_dir):
    assert app_data_dir() == data_dir
    assert _inside(data_dir, tempfile.gettempdir()) and not data_dir.exists()
    data_dir.mkdir()
    (data_dir / "left-behind.pipun").write_bytes(b"")
    SEEN.append(data_dir)


def test_a_second_test_gets_another_data_folder(data_dir):
    assert app_data_dir() == data_dir and data_dir not in SEEN and not data_dir.exists()


def test_the_windows_default_settings_are_written_to_a_temporary_folder(qapp):
    from pipun_desktop.ui.settings import Settings

    settings = Settings()  # as the program makes it: QSettings(organization, application), native format
    settings.set("recent_files", ["/tmp/x.pipun"])
    settings.q.sync()
    written = Path(settings.q.fileName())
    assert written.exists() and _inside(written, tempfile.gettempdir())
    assert _inside(written, os.environ["XDG_CONFIG_HOME"])  # programs the tests start use the same folder


def test_no_test_file_sets_up_its_own_data_folder():
    """A module's own `data_dir` fixture would shadow conftest.py's (and with it the temporary Qt settings):
    conftest.py does it for every test. Only test_storage_paths.py moves it on purpose (a Thai folder name)."""
    tests = Path(__file__).resolve().parent
    own = [
        p.name
        for p in sorted(tests.glob("test_*.py"))
        if p.name not in ("test_storage_paths.py", "test_test_setup.py")
        and ('setenv("PIPUN_DATA_DIR"' in (text := p.read_text(encoding="utf-8")) or "def data_dir(" in text)
    ]
    assert own == [], f"remove their data-folder fixtures; tests/conftest.py gives every test one: {own}"
