"""Issue 11, cause 1: no output (PDF, JSON) is ever written over a data file, open or not; import-json --force
over a data file respects its edit lock and keeps a backup of it first."""

import pytest
from hostile_helpers import cli, digest, make_data_file, one_thai_line

from pipun_desktop.interchange.json_format import InterchangeError, read_document, write_document
from pipun_desktop.storage.backup import list_backups
from pipun_desktop.storage.store import ReportStore


@pytest.mark.parametrize("command", ["export-pdf", "export-json"])
def test_output_over_the_input_data_file_is_refused(tmp_path, capsys, command):
    data = make_data_file(tmp_path / "org.pipun")
    before = digest(data)
    code, _, err = cli(capsys, command, data, "-o", data)
    assert code == 2 and one_thai_line(err) and "ไฟล์ข้อมูลรายงาน" in err
    assert digest(data) == before


@pytest.mark.parametrize("command", ["export-pdf", "export-json"])
def test_output_over_another_data_file_open_for_editing_is_refused(tmp_path, capsys, command):
    source = make_data_file(tmp_path / "a.pipun")
    target = make_data_file(tmp_path / "b.pipun")
    with ReportStore.open(target):  # a window has it open
        before = digest(target)
        code, _, err = cli(capsys, command, source, "-o", target)
        assert code == 2 and one_thai_line(err)
        assert digest(target) == before
    assert ReportStore.open(target, read_only=True).load_document().reports


def test_write_document_refuses_a_data_file(tmp_path):
    data = make_data_file(tmp_path / "org.pipun")
    doc = ReportStore.open(data, read_only=True).load_document()
    before = digest(data)
    with pytest.raises(InterchangeError, match="ไฟล์ข้อมูลรายงาน"):
        write_document(doc, data)
    assert digest(data) == before


def test_export_pdf_api_refuses_a_data_file(tmp_path):
    from pipun_desktop.pdf.export import PdfExportError, export_report_pdf

    data = make_data_file(tmp_path / "org.pipun")
    doc = ReportStore.open(data, read_only=True).load_document()
    before = digest(data)
    with pytest.raises(PdfExportError, match="ไฟล์ข้อมูลรายงาน"):
        export_report_pdf(doc.organization, doc.reports[0], data)
    assert digest(data) == before


def test_import_json_force_over_a_data_file_backs_it_up(tmp_path, capsys):
    data = make_data_file(tmp_path / "org.pipun")
    json_in = tmp_path / "in.json"
    assert cli(capsys, "export-json", data, "-o", json_in)[0] == 0
    before = data.read_bytes()
    code, _, err = cli(capsys, "import-json", json_in, "-o", data, "--force")
    assert code == 0, err
    copies = list_backups(data)
    assert len(copies) == 1 and copies[0].reason == "import"
    with ReportStore.open(copies[0].path, read_only=True) as store:
        assert store.load_document() == ReportStore.open(data, read_only=True).load_document()
    assert before  # the old content lives on in the backup
    assert read_document(json_in).reports


def test_import_json_force_respects_the_lock(tmp_path, capsys):
    data = make_data_file(tmp_path / "org.pipun")
    json_in = tmp_path / "in.json"
    assert cli(capsys, "export-json", data, "-o", json_in)[0] == 0
    with ReportStore.open(data):
        before = digest(data)
        code, _, err = cli(capsys, "import-json", json_in, "-o", data, "--force")
        assert code == 2 and one_thai_line(err) and "กำลังถูกเปิดแก้ไข" in err
        assert digest(data) == before


def test_an_output_named_as_a_data_files_journal_is_refused(tmp_path, capsys):
    data = make_data_file(tmp_path / "org.pipun")
    code, _, err = cli(capsys, "export-json", data, "-o", f"{data}-journal")
    assert code == 2 and one_thai_line(err)
    assert not (tmp_path / "org.pipun-journal").exists()


def test_restore_backup_onto_a_fifo_is_refused_not_blocked(tmp_path, capsys):
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs are POSIX")
    fifo = tmp_path / "org.pipun"
    os.mkfifo(fifo)
    code, _, err = cli(capsys, "restore-backup", fifo, "0")
    assert code == 2 and one_thai_line(err)
