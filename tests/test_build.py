"""The installable program: build.spec builds it, and the built executables run without Python.

One PyInstaller build per test run (module fixture, into a temporary folder with a Thai name), then the
built ``pipun-cli`` runs every subcommand headless from a foreign working directory with a fresh home
folder: ``summary``, ``import-json``, ``export-json`` and ``fingerprint`` agree with the source,
``export-pdf`` of the bundled sample carries every text field (the exporter's own text check) and its
emblem, the windowed ``pipun`` writes a non-blank screenshot and keeps its first-run file in the user's
data folder, its print preview renders the report's pages with pdfium, and nothing is ever written next to the executable (nor pythainlp's data folder in home).
The fast tests at the top check the pieces the build uses (resource paths, icon, version resource).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import struct
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE

BUNDLE_LIMIT = 150 * 1024 * 1024


# -- fast: the pieces ----------------------------------------------------------------------------
def test_resource_path_from_source_is_the_repository():
    from pipun_desktop.resources_path import bundle_dir, is_frozen, resource_path

    assert not is_frozen()
    assert bundle_dir() == ROOT
    assert resource_path("fonts", "Sarabun-Regular.ttf").is_file()
    assert resource_path("resources", SAMPLE.name) == SAMPLE


def test_resource_path_when_frozen(monkeypatch, tmp_path):
    from pipun_desktop import resources_path

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_path.resource_path("fonts", "x.ttf") == tmp_path / "fonts" / "x.ttf"


def test_icon_files():
    png = (ROOT / "resources" / "icon.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    ico = (ROOT / "resources" / "icon.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = set()
    for i in range(count):
        w, h, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i])
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(ico)
        sizes.add(w or 256)
    assert {16, 32, 48, 256} <= sizes


def test_version_resource_parses_with_pyinstaller():
    """The generated version file is what PyInstaller's Windows build reads (checked here on any OS)."""
    code = textwrap.dedent(f"""
        import sys, types, tempfile
        sys.modules.setdefault("pefile", types.ModuleType("pefile"))  # Windows-only imports of the module
        import PyInstaller.compat as compat
        if not hasattr(compat, "win32api"):
            compat.win32api = None
        from PyInstaller.utils.win32 import versioninfo
        sys.path.insert(0, {str(ROOT / "resources")!r})
        from version_info import version_file_text
        sys.path.insert(0, {str(ROOT)!r})
        from pipun_desktop import __version__
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
            f.write(version_file_text(__version__, "pipun", "pipun.exe"))
        info = versioninfo.load_version_info_from_text_file(f.name)
        raw = info.toRaw()
        assert "pipun.exe".encode("utf-16-le") in raw
        assert "รายงานผล".encode("utf-16-le") in raw
        print(info.ffi.fileVersionMS >> 16, info.ffi.fileVersionMS & 0xFFFF)
    """)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    from pipun_desktop import __version__

    assert res.stdout.split() == [str(n) for n in map(int, __version__.split(".")[:2])]


# -- slow: one build, then the built program ------------------------------------------------------
@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    import PyInstaller  # noqa: F401  (a missing PyInstaller is a failure, not a skip)

    # a Thai folder name with a space, as on an office PC (C:\Users\สมชาย\Desktop\…); the build runs in it too
    base = tmp_path_factory.mktemp("pyinstaller") / "โปรแกรม พิปูน"
    base.mkdir()
    env = dict(os.environ)
    env.pop("PIPUN_ONEFILE", None)
    started = time.monotonic()
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(base / "dist"),
            "--workpath",
            str(base / "work"),
            str(ROOT / "build.spec"),
        ],
        capture_output=True,
        text=True,
        cwd=base,
        env=env,
    )
    assert res.returncode == 0, res.stderr[-4000:]
    print(f"built in {time.monotonic() - started:.0f} s")
    shutil.rmtree(base / "work", ignore_errors=True)
    folder = base / "dist" / "pipun"
    assert (folder / exe_name("pipun")).is_file() and (folder / exe_name("pipun-cli")).is_file()
    yield folder
    shutil.rmtree(base.parent, ignore_errors=True)


def exe_name(name: str) -> str:
    return name + (".exe" if sys.platform == "win32" else "")


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.fixture(scope="module")
def runner(bundle, tmp_path_factory):
    """Run the built pipun-cli from a foreign directory with an empty home folder."""
    home = tmp_path_factory.mktemp("home")
    cwd = tmp_path_factory.mktemp("elsewhere")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("XDG_", "PYTHAINLP_", "PYTHON")) and k not in ("APPDATA", "LOCALAPPDATA")
    }
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", USERPROFILE=str(home))

    def run(*args, timeout=120, program="pipun-cli"):
        return subprocess.run(
            [str(bundle / exe_name(program)), *map(str, args)],
            capture_output=True,
            text=True,
            cwd=cwd,
            env=env,
            timeout=timeout,
        )

    run.home, run.cwd = home, cwd
    return run


@pytest.mark.slow
def test_bundle_holds_what_it_needs_and_nothing_unused(bundle):
    internal = bundle / "_internal"
    for name in ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "OFL.txt"):
        assert (internal / "fonts" / name).is_file()
    assert (internal / "resources" / SAMPLE.name).is_file()
    assert (internal / "resources" / "translations" / "qtbase_th.qm").is_file()  # Qt's own texts in Thai
    corpus = internal / "pythainlp" / "corpus"
    assert (corpus / "words_th.txt").is_file()
    # none of pythainlp's other corpora and models (60+ MB)
    assert not (corpus / "wikipedia_titles_th.txt").exists() and not (corpus / "wordnet_th.db").exists()
    assert not list(corpus.glob("*.onnx")) and not list(corpus.glob("*.model"))
    names = {p.name for p in internal.rglob("*")}
    for unwanted in (
        "tkinter",
        "_tkinter",
        "tcl",
        "tk",
        "unittest",
        "pytest",
        "_pytest",
        "hypothesis",
        "PyInstaller",
        "qml",
        "QtQml",
        "QtNetwork",
        "QtWebEngineCore",
    ):
        assert not any(n == unwanted or n.startswith(unwanted + ".") for n in names), unwanted
    dangling = [str(p) for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling
    # printing and the print preview: QtPrintSupport and pdfium (pypdfium2_raw); on Linux the system's CUPS client
    assert any(n.startswith("QtPrintSupport.") for n in names)
    assert any(n.startswith(("libpdfium.", "pdfium.")) for n in names)
    assert (internal / "pypdfium2_raw" / "version.json").is_file() and (
        internal / "pypdfium2" / "version.json"
    ).is_file()
    if sys.platform.startswith("linux"):
        assert not any(n.startswith(("libcups.", "libgnutls.", "libkrb5.")) for n in names)
    qt = {p.name for p in internal.rglob("*Qt6*")}
    for lib in ("Qt6Network", "Qt6Qml", "Qt6Quick", "Qt6OpenGL", "Qt6WaylandClient", "Qt6EglFS", "Qt6Svg"):
        assert not any(lib in n for n in qt), lib
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle: {size / 2**20:.1f} MB")
    assert size < BUNDLE_LIMIT


@pytest.mark.slow
def test_built_cli_prints_its_version(runner):
    from pipun_desktop import __version__

    res = runner("--version")
    assert res.returncode == 0 and res.stdout.strip() == f"Pipun desktop {__version__}", res.stderr


def test_built_summary_and_import_json(bundle, runner):
    before = snapshot(bundle)
    res = runner("summary", SAMPLE)
    assert res.returncode == 0, res.stderr
    from_json = json.loads(res.stdout)
    source = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "summary", str(SAMPLE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert from_json == json.loads(source.stdout)
    assert from_json["total"]["items"] == 66

    data = runner.cwd / "org.pipun"
    res = runner("import-json", SAMPLE, "-o", "org.pipun")  # relative to the working directory
    assert res.returncode == 0, res.stderr
    assert data.is_file()
    assert json.loads(runner("summary", data).stdout) == from_json
    res = runner("check", data)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "ข้อผิดพลาด 0 รายการ" in res.stderr

    bad = runner("summary", runner.cwd / "missing.json")
    assert bad.returncode == 2 and bad.stderr.startswith("ข้อผิดพลาด")  # Thai one-liner, UTF-8 output
    assert snapshot(bundle) == before, "the program wrote next to its executable"
    assert not (runner.home / "pythainlp-data").exists()


@pytest.mark.slow
def test_built_export_pdf_has_every_text_field_and_the_emblem(bundle, runner):
    from pypdf import PdfReader

    from pipun_desktop.pdf import textcheck

    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDF back")
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["reports"][0]["announcement"]["emblem_png"] = base64.b64encode(
        (ROOT / "resources" / "icon.png").read_bytes()
    ).decode("ascii")
    src = runner.cwd / "with-emblem.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = snapshot(bundle)

    res = runner("export-pdf", src, "-o", "report.pdf")
    assert res.returncode == 0, res.stderr
    pdf = runner.cwd / "report.pdf"
    missing, wanted = textcheck.check_report(str(pdf), doc["reports"][0])
    assert wanted > 1000
    assert missing == [], f"{len(missing)}/{wanted} lines missing, e.g. {missing[:3]}"
    images = [
        x
        for page in PdfReader(str(pdf)).pages
        for x in ((page["/Resources"].get("/XObject") or {}).values())
        if x.get_object()["/Subtype"] == "/Image"
    ]
    assert images, "the emblem (a PNG read through Pillow) is missing"
    assert snapshot(bundle) == before
    assert not (runner.home / "pythainlp-data").exists()


def distinct_colours(png: Path) -> tuple[int, int, int]:
    """(width, height, distinct colours on a 64×64 grid of samples) of a PNG, read with Qt."""
    from PySide6.QtGui import QImage

    img = QImage(str(png))
    assert not img.isNull(), f"{png} is not an image"
    w, h = img.width(), img.height()
    colours = {img.pixel(x * (w - 1) // 63, y * (h - 1) // 63) for x in range(64) for y in range(64)}
    return w, h, len(colours)


@pytest.mark.slow
def test_built_window_screenshot_on_first_run(bundle, runner):
    """The windowed executable on a new PC: a copy of the sample in the user's data folder, a painted window."""
    before, here = snapshot(bundle), set(snapshot(runner.cwd))
    shot = runner.cwd / "window.png"
    res = runner("--screenshot", shot, program="pipun")
    assert res.returncode == 0, res.stderr
    w, h, colours = distinct_colours(shot)
    assert w >= 1000 and h >= 600
    assert colours >= 8, f"the screenshot looks blank ({colours} colours)"
    assert snapshot(bundle) == before, "the program wrote next to its executable"
    # the first run's working file and its backup: in the user's data folder (platformdirs), here under HOME
    assert list(runner.home.rglob("*.pipun")), (
        "the first run keeps its working file in the user's data folder"
    )
    assert set(snapshot(runner.cwd)) - here == {"window.png"}
    assert not (runner.home / "pythainlp-data").exists()


@pytest.mark.slow
def test_built_window_print_preview(bundle, runner):
    """File > ตัวอย่างก่อนพิมพ์… in the built program: the export worker, then pdfium renders the pages."""
    from PySide6.QtGui import QImage

    data = runner.cwd / "for-preview.pipun"
    assert runner("import-json", SAMPLE, "-o", data).returncode == 0
    before, here = snapshot(bundle), set(snapshot(runner.cwd))
    shot = runner.cwd / "preview.png"
    res = runner(data, "--preview-screenshot", shot, program="pipun")
    assert res.returncode == 0, res.stderr
    w, h, colours = distinct_colours(shot)
    assert w >= 800 and h >= 600 and colours >= 4
    image = QImage(str(shot)).convertToFormat(QImage.Format.Format_Grayscale8)
    dark = sum(image.pixelColor(x, y).value() < 100 for x in range(0, w, 4) for y in range(60, h - 60, 4))
    assert dark > 500, "the previewed page looks blank"
    assert snapshot(bundle) == before
    assert set(snapshot(runner.cwd)) - here == {"preview.png"}


@pytest.mark.slow
def test_built_cli_every_subcommand(bundle, runner):
    """Each subcommand is there (help), and the rest of them run: export-json, fingerprint, backups,
    restore-backup (its one-line refusal)."""
    from pipun_desktop.cli.commands import COMMANDS

    for name in COMMANDS:
        res = runner(name, "--help")
        assert res.returncode == 0 and name in res.stdout, (name, res.stderr)

    before = snapshot(bundle)
    data = runner.cwd / "every.pipun"
    assert runner("import-json", SAMPLE, "-o", data).returncode == 0
    res = runner("export-json", data, "-o", "every.json")
    assert res.returncode == 0, res.stderr
    source_json = runner.cwd / "source.json"
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export-json", str(data), "-o", str(source_json)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    assert json.loads((runner.cwd / "every.json").read_text(encoding="utf-8")) == json.loads(
        source_json.read_text(encoding="utf-8")
    )

    res = runner("fingerprint", data)
    source = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "fingerprint", str(data)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert res.returncode == 0 and res.stdout == source.stdout and res.stdout.strip()

    res = runner("backups", data)
    assert res.returncode == 0, res.stderr
    res = runner("restore-backup", source_json, "0")  # a JSON document is never overwritten by a backup
    assert res.returncode == 2 and res.stderr.startswith("ข้อผิดพลาด") and "Traceback" not in res.stderr
    assert json.loads(source_json.read_text(encoding="utf-8"))
    assert snapshot(bundle) == before


@pytest.mark.slow
def test_built_export_docx_and_xlsx(bundle, runner):
    """python-docx (with its template) and openpyxl are in the bundle: the built pipun-cli writes the sample
    as Word and Excel, and the files read back (every text field in the .docx; SUM formulas in the .xlsx)."""
    import openpyxl
    from test_office_export import missing_fields

    from pipun_desktop.interchange.json_format import read_document

    before = snapshot(bundle)
    res = runner("export-docx", SAMPLE, "-o", "report.docx")
    assert res.returncode == 0, res.stderr
    report = read_document(SAMPLE).reports[0]
    assert missing_fields(runner.cwd / "report.docx", report) == []
    res = runner("export-xlsx", SAMPLE, "-o", "report.xlsx")
    assert res.returncode == 0, res.stderr
    ws = openpyxl.load_workbook(runner.cwd / "report.xlsx")["แบบรายงาน"]
    assert any(str(c.value).startswith("=SUM(") for c in ws["F"])
    assert snapshot(bundle) == before
