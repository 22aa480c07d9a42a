import json
import subprocess
import sys

import pytest
from conftest import ROOT
from test_interchange import minimal_doc


def run(*args):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True, cwd=ROOT
    )


@pytest.fixture
def doc_file(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps(minimal_doc(), ensure_ascii=False), encoding="utf-8")
    return path


def test_import_export_summary_check(tmp_path, doc_file):
    data = tmp_path / "org.pipun"
    assert run("import-json", doc_file, "-o", data).returncode == 0
    out = tmp_path / "out.json"
    assert run("export-json", data, "-o", out).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8")) == minimal_doc()
    for source in (data, doc_file):
        res = run("summary", source)
        assert res.returncode == 0, res.stderr
        assert json.loads(res.stdout) == {
            "dimensions": [
                {"title": "มิติ", "integrated": None, "agency": "20000.00", "disbursed": None, "items": 1}
            ],
            "total": {"integrated": None, "agency": "20000.00", "disbursed": None, "items": 1},
        }
    res = run("check", data)
    assert res.returncode == 0 and "ผู้รายงาน" in res.stdout


def test_check_exits_1_on_errors(tmp_path):
    doc = minimal_doc()
    doc["reports"][0]["tree"][0]["children"][0]["children"][0]["budget"]["disbursed"] = "99999.00"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    res = run("check", path)
    assert res.returncode == 1 and "เกินงบประมาณ" in res.stdout


@pytest.mark.parametrize("content", ['{"format": "pipun-report"', "", "not json", '{"format": 1}'])
def test_bad_input_is_one_line_exit_2(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    target = tmp_path / "out.pipun"
    for args in (("summary", path), ("import-json", path, "-o", target), ("check", path)):
        res = run(*args)
        assert res.returncode == 2, args
        assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert not target.exists()
    assert not list(tmp_path.glob(".out.pipun*"))  # no half-written leftovers


def test_usage_errors_and_report_selector(tmp_path, doc_file):
    for args in (
        ("summary",),
        ("summary", doc_file, "--report", "5"),
        ("summary", doc_file, "--report", "2570-6"),
        ("summary", tmp_path / "missing.json"),
        ("import-json", doc_file),
    ):
        res = run(*args)
        assert res.returncode == 2 and "Traceback" not in res.stderr, args
    assert run("summary", doc_file, "--report", "2564-6").returncode == 0


def test_import_refuses_to_overwrite(tmp_path, doc_file):
    data = tmp_path / "org.pipun"
    data.write_bytes(b"precious")
    assert run("import-json", doc_file, "-o", data).returncode == 2
    assert data.read_bytes() == b"precious"
    assert run("import-json", doc_file, "-o", data, "--force").returncode == 0


def test_command_line_mistakes_and_help_are_in_thai(tmp_path):
    res = run("export-pdf")
    assert res.returncode == 2
    assert res.stderr.strip() == "ข้อผิดพลาด: ยังไม่ได้ระบุ FILE, -o/--output"
    res = run("export-pdf", tmp_path / "x.json", "-o", tmp_path / "y.pdf", "--digits", "roman")
    assert res.returncode == 2 and "ไม่มีตัวเลือก 'roman'" in res.stderr
    res = run("summary", tmp_path / "x.json", "--report")
    assert res.returncode == 2 and res.stderr.strip() == "ข้อผิดพลาด: --report: ต้องตามด้วยค่าหนึ่งค่า"
    res = run("summary", "--help")
    assert res.returncode == 0
    assert res.stdout.startswith("วิธีใช้: main.py summary")
    assert "ตัวเลือก:" in res.stdout and "แสดงคำอธิบายนี้แล้วจบ" in res.stdout
    assert "usage" not in res.stdout and "show this help" not in res.stdout


def test_thai_messages_are_put_back_after_parsing():
    import argparse

    from pipun_desktop.cli.main import run as cli_run

    before = argparse._("usage: ")
    cli_run(["summary"])
    assert argparse._("usage: ") == before == "usage: "


def test_export_pdf_lists_the_check_errors_on_stderr_and_still_exports(tmp_path):
    """Issue 13.5: the checks run before printing; errors are listed, warnings are not, the PDF is made."""
    doc = minimal_doc()
    item = doc["reports"][0]["tree"][0]["children"][0]["children"][0]
    item["budget"] = {"integrated": None, "agency": None, "disbursed": "12300.00"}
    item["indicator"] = ""  # a warning only
    src = tmp_path / "in.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.pdf"
    res = run("export-pdf", src, "-o", out)
    assert res.returncode == 0, res.stderr
    assert out.exists() and out.stat().st_size > 1000
    lines = res.stderr.splitlines()
    assert lines[0] == "รายงานนี้มีข้อผิดพลาด 1 รายการ (ยังส่งออก PDF ต่อ):"
    assert "ผลเบิกจ่าย ๑๒,๓๐๐ บาท เกินงบประมาณ ๐ บาท" in lines[1]
    assert "ตัวชี้วัด" not in res.stderr  # warnings don't stop or clutter the export
    arabic = run("export-pdf", src, "-o", tmp_path / "arabic.pdf", "--digits", "arabic")
    assert arabic.returncode == 0 and "12,300" in arabic.stderr  # in the digits of the printout
    # a report without errors says nothing about checks
    clean = run("export-pdf", _clean_doc_file(tmp_path), "-o", tmp_path / "clean.pdf")
    assert clean.returncode == 0 and "ข้อผิดพลาด" not in clean.stderr


def _clean_doc_file(tmp_path):
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(minimal_doc(), ensure_ascii=False), encoding="utf-8")
    return path
