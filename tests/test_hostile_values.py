"""Issue 11, causes 3 and 4: a file that matches the schema but holds values of the wrong type is refused on
load with one Thai line naming the column (CLI exit 2, the window says so), and a failed open leaves no lock."""

import sqlite3

import pytest
from hostile_helpers import cli, digest, make_data_file, one_thai_line

from pipun_desktop.storage.errors import StorageError
from pipun_desktop.storage.lock import read_lock
from pipun_desktop.storage.store import ReportStore


def tamper(path, sql, *args):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(sql, args)
    conn.close()


BAD_VALUES = [
    ("nodes", "title", b"\x00\xff", "kind = 'item'"),
    ("nodes", "title", b"\x00\xff", "kind = 'heading'"),
    ("organization", "name", b"blob", "1"),
    ("reports", "intro", b"blob", "1"),
    ("details", "body", b"blob", "1"),
    ("reports", "emblem_png", "not an image", "1"),
    ("reports", "fiscal_year", 2564.5, "1"),
    ("reports", "fiscal_year", 2000, "1"),
    ("reports", "round", 7, "1"),
    ("nodes", "agency", "abc", "kind = 'item'"),
    ("nodes", "agency", 1e300, "kind = 'item'"),
    ("nodes", "agency", -5, "kind = 'item'"),
    ("nodes", "disbursed", 10**17, "kind = 'item'"),
    ("nodes", "approach1", 2, "kind = 'item'"),
    ("nodes", "status", "finished", "kind = 'item'"),
    ("nodes", "item_type", None, "kind = 'item'"),
    ("nodes", "kind", "folder", "kind = 'item'"),
    ("reports", "reporter_date", "yesterday", "1"),
    ("reports", "reporter_date", "0000-01-01", "1"),
    ("reports", "announcement_date", "2021-W14-4", "1"),
    ("nodes", "note", "ก" * 100_001, "kind = 'item'"),
]


def bad_file(tmp_path, table, column, value, where):
    path = make_data_file(tmp_path / "org.pipun")
    with ReportStore.open(path) as store:  # details rows for the item
        from pipun_desktop.core.model import DetailBlock

        item = next(n for n in store.load_document().reports[0].items())
        store.update_node(item.id, details=[DetailBlock("วัตถุประสงค์", "เพื่อ")])
    tamper(path, f"UPDATE {table} SET {column} = ? WHERE {where}", value)
    return path


@pytest.mark.parametrize(("table", "column", "value", "where"), BAD_VALUES)
def test_a_bad_value_is_one_thai_line_naming_the_column(tmp_path, capsys, table, column, value, where):
    path = bad_file(tmp_path, table, column, value, where)
    before = digest(path)
    for command in ("summary", "check", "fingerprint", "export-json", "export-pdf"):
        extra = ("-o", tmp_path / "out") if command.startswith("export") else ()
        code, out, err = cli(capsys, command, path, *extra)
        assert code == 2 and one_thai_line(err), (command, err)
        assert f"{table}.{column}" in err
    assert digest(path) == before
    assert not (tmp_path / "out").exists()


def test_a_text_column_that_is_not_utf8_is_a_thai_line(tmp_path, capsys):
    path = make_data_file(tmp_path / "org.pipun")
    tamper(path, "UPDATE nodes SET title = CAST(x'ff00e0' AS TEXT) WHERE kind = 'item'")
    code, _, err = cli(capsys, "summary", path)
    assert code == 2 and one_thai_line(err)


def test_parent_cycles_and_items_with_children_are_refused_not_dropped(tmp_path, capsys):
    path = make_data_file(tmp_path / "org.pipun")
    tamper(path, "UPDATE nodes SET parent_id = id WHERE kind = 'heading'")
    code, _, err = cli(capsys, "summary", path)
    assert code == 2 and one_thai_line(err) and "parent_id" in err


def test_a_lock_row_with_a_text_pid_is_stale_not_a_crash(tmp_path, capsys):
    import socket

    path = make_data_file(tmp_path / "org.pipun")
    tamper(
        path,
        "INSERT INTO lock (id, token, user, host, pid, since, heartbeat) VALUES (1, 't', 'u', ?, 'x', ?, ?)",
        socket.gethostname(),
        "2099-01-01T00:00:00+00:00",
        "2099-01-01T00:00:00+00:00",
    )
    assert cli(capsys, "summary", path)[0] == 0
    with ReportStore.open(path) as store:  # cleared as stale
        assert store.lock is not None


def test_a_failed_open_for_editing_leaves_no_lock(tmp_path):
    from pipun_desktop.ui.document import ReportDocument

    pytest.importorskip("PySide6")
    path = bad_file(tmp_path, "reports", "reporter_date", "yesterday", "1")
    with pytest.raises(StorageError, match="reporter_date"):
        ReportDocument.open(path)
    conn = sqlite3.connect(path)
    try:
        assert read_lock(conn) is None
    finally:
        conn.close()
    assert ReportStore.lock_holder(path) is None


def test_store_open_failing_after_the_lock_releases_it(tmp_path, monkeypatch):
    path = make_data_file(tmp_path / "org.pipun")

    def boom(self, reason):
        raise RuntimeError("after the lock")

    monkeypatch.setattr(ReportStore, "_backup_quietly", boom)
    with pytest.raises(RuntimeError):
        ReportStore.open(path)
    conn = sqlite3.connect(path)
    try:
        assert read_lock(conn) is None
    finally:
        conn.close()


def test_field_cap_at_json_import_and_in_the_store(tmp_path, capsys):
    import json

    from test_interchange import minimal_doc

    from pipun_desktop.core.limits import MAX_FIELD_CHARS

    doc = minimal_doc()
    doc["reports"][0]["plan_title"] = "ก" * (MAX_FIELD_CHARS + 1)
    src = tmp_path / "long.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, _, err = cli(capsys, "import-json", src, "-o", tmp_path / "x.pipun")
    assert code == 2 and one_thai_line(err) and "reports[0].plan_title" in err and "100,000" in err
    assert not (tmp_path / "x.pipun").exists()
    doc["reports"][0]["plan_title"] = "ก" * MAX_FIELD_CHARS  # exactly the cap is fine
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert cli(capsys, "import-json", src, "-o", tmp_path / "x.pipun")[0] == 0
    path = make_data_file(tmp_path / "org.pipun")
    with ReportStore.open(path) as store:
        item = next(n for n in store.load_document().reports[0].items())
        with pytest.raises(StorageError, match="เกินที่เก็บได้"):
            store.update_node(item.id, note="ข" * (MAX_FIELD_CHARS + 1))


def test_audit_rows_of_the_wrong_type_show_for_what_they_are(tmp_path):
    path = make_data_file(tmp_path / "org.pipun")
    with ReportStore.open(path) as store:
        store.set_organization(store.organization().__class__("อบต.ใหม่"))
    tamper(path, "UPDATE audit SET old = x'0001', at = 5, node_id = 'x'")
    with ReportStore.open(path, read_only=True) as store:
        entries = store.history()
    assert entries and all(isinstance(e.at, str) and e.node_id is None for e in entries)
    assert any(e.old == "(ข้อมูลไบนารี 2 ไบต์)" for e in entries)
