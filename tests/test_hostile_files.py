"""Issue 11, causes 13, 14 and 15: special files and odd names, malformed backup names, restoring a file from
itself, backups bounded in total size, and leftovers of dead processes swept when the folder is next used."""

import os
import subprocess
import sys
import time

import pytest
from hostile_helpers import cli, digest, make_data_file, one_thai_line

from pipun_desktop.storage import backup as backup_mod
from pipun_desktop.storage.backup import backup_folder, list_backups
from pipun_desktop.storage.errors import StorageError
from pipun_desktop.storage.store import ReportStore
from pipun_desktop.util import leftovers


# -- 13: special files and names ------------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("command", ["summary", "check", "fingerprint", "backups"])
def test_a_fifo_as_file_is_refused_at_once(tmp_path, capsys, command):
    fifo = tmp_path / "org.pipun"
    os.mkfifo(fifo)
    code, _, err = cli(capsys, command, fifo)
    assert code == 2 and one_thai_line(err) and "ไม่ใช่ไฟล์ธรรมดา" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_as_the_journal_is_refused_at_once(tmp_path, capsys):
    data = make_data_file(tmp_path / "org.pipun")
    os.mkfifo(f"{data}-journal")
    with pytest.raises(StorageError, match="ไม่ใช่ไฟล์ธรรมดา"):
        ReportStore.open(data)
    code, _, err = cli(capsys, "summary", data)
    assert code == 2 and one_thai_line(err)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@pytest.mark.parametrize("command", ["summary", "import-json"])
def test_dev_zero_is_refused_not_read_for_ever(tmp_path, capsys, command):
    extra = ("-o", tmp_path / "x.pipun") if command == "import-json" else ()
    code, _, err = cli(capsys, command, "/dev/zero", *extra)
    assert code == 2 and one_thai_line(err)


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
def test_an_output_onto_a_device_is_refused(tmp_path, capsys):
    data = make_data_file(tmp_path / "org.pipun")
    for command in ("export-json", "export-pdf"):
        code, _, err = cli(capsys, command, data, "-o", "/dev/null")
        assert code == 2 and one_thai_line(err)
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")
def test_a_file_name_that_is_not_utf8(tmp_path):
    src = make_data_file(tmp_path / "org.pipun")
    odd = os.fsdecode(os.fsencode(str(tmp_path)) + b"/\xff\xfe-\xe0.pipun")
    os.rename(src, odd)
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    main = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "main.py")
    for args in (["summary", odd], ["export-json", odd, "-o", odd + ".json"], ["backups", odd]):
        res = subprocess.run([sys.executable, main, *args], capture_output=True, env=env, timeout=60)
        assert res.returncode == 0, res.stderr.decode("utf-8", "replace")
        assert b"Traceback" not in res.stderr
    with ReportStore.open(odd) as store:  # for editing too
        store.set_organization(store.organization())


def test_a_long_legal_output_name_is_fine(tmp_path, capsys):
    data = make_data_file(tmp_path / "org.pipun")
    name = "ก" * 80 + "x" * 6 + ".json"  # 80 Thai letters are 240 bytes: 251 bytes in all
    assert len(os.fsencode(name)) <= 255
    code, _, err = cli(capsys, "export-json", data, "-o", tmp_path / name)
    assert code == 0, err
    out = tmp_path / "long.json"
    out.write_bytes((tmp_path / name).read_bytes())
    code, _, err = cli(capsys, "import-json", out, "-o", tmp_path / ("ข" * 79 + ".pipun"))
    assert code == 0, err  # 243 bytes: room for SQLite's -journal


def test_a_data_file_name_without_room_for_the_journal_is_refused(tmp_path, capsys):
    src = make_data_file(tmp_path / "org.pipun")
    long_name = tmp_path / ("ก" * 82 + ".pipun")  # 252 bytes
    code, _, err = cli(capsys, "export-json", src, "-o", tmp_path / "d.json")
    code, _, err = cli(capsys, "import-json", tmp_path / "d.json", "-o", long_name)
    assert code == 2 and one_thai_line(err) and "ยาวเกินไป" in err
    assert not long_name.exists()


# -- 14: backups ---------------------------------------------------------------------------------
def test_a_malformed_backup_name_is_ignored(tmp_path, capsys):
    data = make_data_file(tmp_path / "org.pipun")
    with ReportStore.open(data):
        pass
    folder = backup_folder(data)
    (folder / "20241332T000000000000Z-open.pipun").write_bytes(b"x")
    (folder / "20241301T250000000000Z-open.pipun").write_bytes(b"x")
    assert len(list_backups(data)) == 1
    code, out, err = cli(capsys, "backups", data)
    assert code == 0 and len(out.splitlines()) == 1
    with ReportStore.open(data):  # opening for editing thins the folder: no crash
        pass


def test_restore_backup_of_a_file_from_itself_is_refused_at_once(tmp_path, capsys):
    data = make_data_file(tmp_path / "org.pipun")
    before = digest(data)
    backups_before = len(list_backups(data))
    code, _, err = cli(capsys, "restore-backup", data, data)
    assert code == 2 and one_thai_line(err) and "ตัวเอง" in err
    os.link(data, tmp_path / "hard-link.pipun")
    code, _, err = cli(capsys, "restore-backup", data, tmp_path / "hard-link.pipun")
    assert code == 2 and one_thai_line(err)
    # refused before anything was done: no copy of the current file taken, the file unchanged
    assert len(list_backups(data)) == backups_before and digest(data) == before
    with ReportStore.open(data) as store, pytest.raises(StorageError, match="ตัวเอง"):
        store.restore_backup(data)


def test_backups_are_bounded_in_total_size_keeping_the_newest(tmp_path, monkeypatch):
    data = make_data_file(tmp_path / "org.pipun")
    size = data.stat().st_size
    monkeypatch.setattr(backup_mod, "MAX_TOTAL_BYTES", size * 3 + size // 2)
    with ReportStore.open(data, backups=False) as store:
        made = [store.backup("manual") for _ in range(6)]
    left = list_backups(data)
    assert [b.path for b in left] == made[::-1][:3]
    assert sum(b.size for b in left) <= backup_mod.MAX_TOTAL_BYTES
    monkeypatch.setattr(backup_mod, "MAX_TOTAL_BYTES", 1)  # the newest stays, however large
    with ReportStore.open(data, backups=False) as store:
        newest = store.backup("manual")
    assert [b.path for b in list_backups(data)] == [newest]


# -- 15: leftovers of dead processes ----------------------------------------------------------------
def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.parametrize("kind", ["creating", "pdf-part", "tmp"])
def test_leftovers_of_a_dead_process_go_when_the_folder_is_next_used(tmp_path, capsys, kind):
    data = make_data_file(tmp_path / "org.pipun")
    dead = tmp_path / f".pipun-{leftovers.host_tag()}-{dead_pid()}-0123abcd.{kind}"
    dead.write_bytes(b"half" * 1000)
    journal = tmp_path / f"{dead.name}-journal"
    journal.write_bytes(b"")
    alive = tmp_path / f".pipun-{leftovers.host_tag()}-{os.getppid()}-0123abcd.{kind}"
    alive.write_bytes(b"")
    code, _, err = cli(capsys, "export-json", data, "-o", tmp_path / "out.json")
    assert code == 0, err
    assert not dead.exists() and not journal.exists()
    assert alive.exists()  # its maker still runs (and it is fresh)
    long_ago = time.time() - leftovers.STALE_AFTER_SECONDS - 60
    os.utime(alive, (long_ago, long_ago))
    other = tmp_path / ".org.pipun.abcdef.pdf-part"  # an older version's name, long dead
    office = tmp_path / ".org.docx.k2j4_x9a.part"  # the Word/Excel export's, long dead
    for old in (other, office):
        old.write_bytes(b"")
        os.utime(old, (long_ago, long_ago))
    with ReportStore.open(data):  # opening the data file uses its folder too
        pass
    assert not alive.exists() and not other.exists() and not office.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_killed_import_and_pdf_leave_names_a_later_run_clears(tmp_path, capsys):
    """Real kills: a child importing the sample and a child exporting a PDF are killed mid-way."""
    from conftest import ROOT

    sample = ROOT / "resources" / "sample-pipun-2564-6.json"
    main = ROOT / "main.py"
    data = tmp_path / "org.pipun"
    assert cli(capsys, "import-json", sample, "-o", data)[0] == 0
    for args in (
        ["import-json", sample, "-o", tmp_path / "x.pipun"],
        ["export-pdf", data, "-o", tmp_path / "x.pdf"],
    ):
        proc = subprocess.Popen([sys.executable, str(main), *map(str, args)], stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any(
            p.name.startswith(".pipun-") for p in tmp_path.iterdir()
        ):
            time.sleep(0.005)
        proc.kill()
        proc.wait()
    assert cli(capsys, "export-json", data, "-o", tmp_path / "y.json")[0] == 0
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
