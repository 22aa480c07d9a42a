"""The version: one source (pipun_desktop.__version__), shown by --version and the About box, in the
CHANGELOG and the executables' version resource."""

import re
import subprocess
import sys
import tomllib

import pytest
from conftest import ROOT
from packaging.version import Version

from pipun_desktop import __version__


def test_the_version_has_one_source():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "pipun_desktop.__version__"}
    assert str(Version(__version__)) == __version__  # a plain PEP 440 version
    # build.spec reads it from the package for the Windows version resource, and nothing else states it
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "__version__" in spec and __version__ not in spec
    for path in [*(ROOT / "pipun_desktop").rglob("*.py"), ROOT / "main.py", ROOT / "pyproject.toml"]:
        if path.name != "__init__.py" or path.parent.name != "pipun_desktop":
            assert f'"{__version__}"' not in path.read_text(encoding="utf-8"), path


def test_the_changelog_has_the_current_version_on_top():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## \[?(\d+\.\d+\.\d+)\]?", text, flags=re.M)
    assert versions[0] == __version__
    assert versions == sorted(versions, key=Version, reverse=True) and len(set(versions)) == len(versions)
    assert Version(__version__) > Version("0.1.0")  # the version moves (it was 0.1.0 for 146 commits)


@pytest.mark.parametrize(
    "command",
    [
        ["main.py", "--version"],
        ["-m", "pipun_desktop", "--version"],
        # what the installed pipun-cli / pipun commands run (pyproject [project.scripts])
        ["-c", "import sys; from pipun_desktop.launch import main; sys.exit(main())", "--version"],
    ],
)
def test_dash_dash_version_prints_the_version(command):
    res = subprocess.run([sys.executable, *command], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0 and res.stdout == f"Pipun desktop {__version__}\n" and res.stderr == ""


def test_help_names_the_version_option():
    res = subprocess.run(
        [sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert res.returncode == 0 and "--version" in res.stdout and "แสดงรุ่นของโปรแกรม" in res.stdout
