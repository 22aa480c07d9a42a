"""Whole-program checks in subprocesses: --screenshot, the first run, and Qt staying out of the core."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE

NON_UI_PACKAGES = ("core", "thai", "storage", "interchange", "pdf", "cli", "util")


def _env(tmp_path):
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PIPUN_DATA_DIR=str(tmp_path / "userdata"),
    )
    (tmp_path / "home").mkdir(exist_ok=True)
    return env


def test_non_ui_modules_never_load_pyside6():
    modules = sorted(
        "pipun_desktop." + str(p.relative_to(ROOT / "pipun_desktop").with_suffix("")).replace(os.sep, ".")
        for pkg in NON_UI_PACKAGES
        for p in (ROOT / "pipun_desktop" / pkg).rglob("*.py")
    )
    modules = [m.removesuffix(".__init__") for m in modules] + ["pipun_desktop.resources_path"]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n    importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(len(sys.modules)); assert not bad, bad\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr


@pytest.mark.skipif(not SAMPLE.exists(), reason="sample not transcribed")
def test_screenshot_writes_a_non_blank_png(tmp_path):
    pytest.importorskip("PySide6")
    from PySide6.QtGui import QImage

    data = tmp_path / "sample.pipun"
    subprocess.run(
        [sys.executable, "main.py", "import-json", str(SAMPLE), "-o", str(data)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    out = tmp_path / "shot.png"
    run = subprocess.run(
        [sys.executable, "main.py", str(data), "--screenshot", str(out)],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
    colors = {image.pixel(x, y) for x in range(0, 1366, 37) for y in range(0, 768, 23)}
    assert len(colors) > 20  # text, icons, frames: not one flat colour


def test_first_run_opens_a_copy_of_the_sample_in_the_data_folder(tmp_path):
    pytest.importorskip("PySide6")
    env = _env(tmp_path)
    out = tmp_path / "first.png"
    bundled = SAMPLE.read_bytes() if SAMPLE.exists() else None
    run = subprocess.run(
        [sys.executable, "main.py", "--screenshot", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    files = list(Path(env["PIPUN_DATA_DIR"]).glob("*.pipun"))
    assert len(files) == 1 and out.exists()
    if bundled is not None:
        assert SAMPLE.read_bytes() == bundled  # the bundled file is never written
    # the second run reopens the same file (QSettings under XDG_CONFIG_HOME)
    run = subprocess.run(
        [sys.executable, "main.py", "--screenshot", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert list(Path(env["PIPUN_DATA_DIR"]).glob("*.pipun")) == files


def test_screenshot_of_a_missing_file_fails_without_hanging(tmp_path):
    pytest.importorskip("PySide6")
    run = subprocess.run(
        [sys.executable, "main.py", str(tmp_path / "missing.pipun"), "--screenshot", str(tmp_path / "x.png")],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1 and "ไม่พบไฟล์" in run.stderr
