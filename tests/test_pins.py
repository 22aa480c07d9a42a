"""Pinned builds: every installed package is pinned exactly in the files the set-up installs from.

requirements.txt (runtime) and requirements-dev.txt (runtime + development) are compiled by `bash .ci/pin`
from requirements.in and requirements-dev.in; .ci/setup checks the environment it made with
.ci/check_pins.py (as `pip freeze` would list it).
"""

import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT

spec = importlib.util.spec_from_file_location("check_pins", ROOT / ".ci" / "check_pins.py")
check_pins = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_pins)


def source_pins(name: str) -> dict[str, str]:
    out = {}
    for raw in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip()
        if line and not line.startswith(("#", "-")):  # -r requirements.in, -c requirements.txt
            m = check_pins.PIN.match(line)
            assert m, f"{name}: direct dependencies are pinned exactly: {line!r}"
            out[check_pins.canonical(m.group(1))] = m.group(2)
    return out


def test_the_pin_files_pin_everything_exactly():
    runtime = check_pins.read_pins(ROOT / "requirements.txt")
    dev = check_pins.read_pins(ROOT / "requirements-dev.txt")
    assert {"pyside6-essentials", "reportlab", "shiboken6", "pillow", "click"} <= set(
        runtime
    )  # transitive too
    assert {"pytest", "ruff", "mypy", "pyinstaller", "pyinstaller-hooks-contrib", "uv"} <= set(dev)
    # the development environment has the runtime packages at the very same versions
    assert {name: dev.get(name) for name in runtime} == runtime


def test_windows_only_packages_carry_their_marker():
    text = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    assert "pywin32-ctypes==" in text and "pefile==" in text  # PyInstaller on Windows (the office build)
    here = check_pins.read_pins(ROOT / "requirements-dev.txt", lambda marker: "win32" not in marker)
    assert "pywin32-ctypes" not in here and "pytest" in here


@pytest.mark.parametrize(
    "source, compiled",
    [("requirements.in", "requirements.txt"), ("requirements-dev.in", "requirements-dev.txt")],
)
def test_the_compiled_files_are_up_to_date_with_their_sources(source, compiled):
    """A package added to or moved in a .in file without `bash .ci/pin` would not be installed as asked."""
    compiled_pins = check_pins.read_pins(ROOT / compiled)
    for name, version in source_pins(source).items():
        assert compiled_pins.get(name) == version, f"{source} asks {name}=={version}: run `bash .ci/pin`"


def test_a_loose_requirement_is_refused(tmp_path):
    loose = tmp_path / "r.txt"
    loose.write_text("reportlab==5.1.0\nPillow>=10\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Pillow>=10"):
        check_pins.read_pins(loose)


def test_the_check_names_unpinned_other_versions_and_missing_packages():
    pins = {"reportlab": "5.1.0", "click": "8.5.1", "pytest": "9.0.3"}
    assert check_pins.problems({"reportlab": "5.1.0", "click": "8.5.1", "pytest": "9.0.3"}, pins, pins) == []
    found = check_pins.problems(
        {"reportlab": "5.1.0", "click": "8.6.0", "requests": "2.0", "pipun-desktop": "0.9.0"}, pins, pins
    )
    assert found == [
        "click is installed at 8.6.0, pinned at 8.5.1",
        "requests==2.0 is installed but not pinned (add it to a .in file, run bash .ci/pin)",
        "pytest==9.0.3 is pinned but not installed (bash .ci/setup)",
    ]
    # a runtime set-up may keep development packages from an earlier --dev set-up, at their pinned versions
    assert check_pins.problems({"reportlab": "5.1.0", "pytest": "9.0.3"}, {"reportlab": "5.1.0"}, pins) == []


def test_the_check_runs_on_a_fresh_environment(tmp_path):
    """The script as .ci/setup runs it, on a new venv before anything is installed: every runtime pin is
    reported missing, one line each, and the run fails."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    out = subprocess.run(
        [str(python), str(ROOT / ".ci" / "check_pins.py"), "requirements.txt"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1, out.stdout + out.stderr
    lines = out.stderr.splitlines()
    assert "pins: reportlab==5.1.0 is pinned but not installed (bash .ci/setup)" in lines
    assert len([line for line in lines if "is pinned but not installed" in line]) >= 20
    assert all(line.startswith("pins: ") for line in lines)
