"""Issue 11, causes 2 and 12: the schema is compared before anything evaluates the file's SQL (a CHECK that
allocates gigabytes never runs), quick_check is bounded in time, and a corrupt-file message is one line."""

import sqlite3

import pytest
from hostile_helpers import cli, digest, make_data_file, one_thai_line

from pipun_desktop.storage import opening
from pipun_desktop.storage.errors import StorageError
from pipun_desktop.storage.schema import APPLICATION_ID, MIGRATIONS, statements
from pipun_desktop.storage.store import ReportStore

SLOW_CHECK = "CHECK (length(hex(randomblob(200000000))) > 0)"


def freezing_file(path):
    """Our schema, except that nodes carries a CHECK that takes seconds per row to evaluate."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for version in (1, 2):
        for statement in statements(MIGRATIONS[version]):
            if statement.startswith("CREATE TABLE nodes"):
                statement = statement.replace(
                    "note TEXT NOT NULL DEFAULT ''", f"note TEXT NOT NULL DEFAULT '' {SLOW_CHECK}"
                )
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("INSERT INTO organization (id) VALUES (1)")
    conn.execute("INSERT INTO reports (id, fiscal_year, round) VALUES (1, 2564, 6)")
    for i in range(20):
        conn.execute("INSERT INTO nodes (report_id, position, kind) VALUES (1, ?, 'heading')", [i])
    conn.close()
    return path


@pytest.mark.parametrize("read_only", [False, True])
def test_a_file_whose_check_would_freeze_is_refused_at_once(tmp_path, read_only, monkeypatch):
    path = freezing_file(tmp_path / "slow.pipun")
    before = digest(path)
    checks = []  # quick_check would evaluate the slow CHECK: refused by the schema before it runs
    monkeypatch.setattr(
        opening, "time_limit", lambda *args: checks.append(args) or pytest.fail("quick_check ran")
    )
    with pytest.raises(StorageError, match="โครงสร้างที่โปรแกรมนี้ไม่ได้สร้าง"):
        ReportStore.open(path, read_only=read_only)
    assert checks == []
    assert digest(path) == before


def test_quick_check_is_bounded_in_time(tmp_path, monkeypatch):
    from pipun_desktop.core.model import Heading, Item, Organization, Report

    path = tmp_path / "org.pipun"
    with ReportStore.create(path, Organization("อบต."), lock=False) as store:
        store.add_report(
            Report(2564, 6, tree=[Heading("มิติ", [Item(title=f"{i}", note="ก" * 300) for i in range(300)])])
        )
    monkeypatch.setattr(opening, "CHECK_SECONDS", 0.0)
    with pytest.raises(StorageError, match="ไม่เสร็จภายใน") as info:
        ReportStore.open(path, read_only=True)
    assert "\n" not in str(info.value)


def test_a_corrupt_file_message_is_one_line(tmp_path, capsys):
    path = make_data_file(tmp_path / "org.pipun")
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    # damage the second page (a table's b-tree page) so that quick_check reports several lines
    for offset in range(page + 8, page + 200):
        data[offset] = 0x55
    path.write_bytes(bytes(data))
    code, _, err = cli(capsys, "summary", path)
    assert code == 2 and one_thai_line(err), err


def test_the_command_line_joins_a_multi_line_message(tmp_path, capsys, monkeypatch):
    from pipun_desktop.cli import commands

    def broken(path):
        raise StorageError("ไฟล์ x เสียหาย (*** in database main ***\nPage 2: btree page corrupt)")

    monkeypatch.setattr(commands, "load_document", broken)
    code, _, err = cli(capsys, "summary", tmp_path / "x.pipun")
    assert code == 2 and one_thai_line(err) and "main *** Page 2" in err
