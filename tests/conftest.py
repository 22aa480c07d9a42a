import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "resources" / "sample-pipun-2564-6.json"


try:
    import pytestqt  # noqa: F401
except ImportError:  # the non-UI tests run without pytest-qt
    pass
else:
    import pytest

    @pytest.fixture(scope="session")
    def qapp(qapp):
        """pytest-qt's application, set up as the program sets up its own (ui/app.py run_gui): Qt's own texts in
        Thai and the Thai default locale."""
        from pipun_desktop.ui.qt_thai import install_qt_thai

        install_qt_thai(qapp)
        return qapp
