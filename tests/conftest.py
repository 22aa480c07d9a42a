"""What every test gets: a private user data folder and private Qt settings, and the shared sample fixtures.

The checkout's root is on sys.path through pyproject.toml (`[tool.pytest.ini_options] pythonpath`), not
edited here.
"""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample-pipun-2564-6.json"


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory, monkeypatch):
    """Every test's user data folder (working files, backups) is a fresh temporary folder, and so are the
    window's settings: no test, in this process or in a program it starts, writes into the real user's data
    folder or settings. Returns the data folder (not made yet, as on a first run)."""
    base = tmp_path_factory.mktemp("user")
    folder = base / "userdata"
    monkeypatch.setenv("PIPUN_DATA_DIR", str(folder))
    # Qt's settings: XDG_CONFIG_HOME for programs the tests start (Linux reads it at start-up), setPath for
    # this process, whose QSettings caches its folders the first time it is used.
    config = base / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(config))
    return folder


@pytest.fixture
def sample_document():
    """The bundled sample report as a Document, read afresh for every test (tests may change it)."""
    from pipun_desktop.interchange.json_format import read_document

    return read_document(SAMPLE)


@pytest.fixture
def sample_data_file(tmp_path, sample_document):
    """A data file (`sample.pipun` in the test's temporary folder) holding the sample report."""
    from pipun_desktop.storage.store import ReportStore

    path = tmp_path / "sample.pipun"
    with ReportStore.create(path) as store:
        store.import_document(sample_document)
    return path


try:
    import pytestqt  # noqa: F401
except ImportError:  # the non-UI tests run without pytest-qt
    pass
else:

    @pytest.fixture(scope="session")
    def qapp(qapp):
        """pytest-qt's application, set up as the program sets up its own (ui/app.py run_gui): Qt's own texts in
        Thai and the Thai default locale."""
        from pipun_desktop.ui.qt_thai import install_qt_thai

        install_qt_thai(qapp)
        return qapp
