"""Bad and hostile files: a clear Thai message, exit 2 on the command line, no traceback, nothing changed on disk.

Covers empty, truncated, random, corrupted, WAL-mode, another program's database, a newer version, files carrying
triggers/views/tables/changed definitions the program did not create (refused before anything runs), JSON with
wrong types or unknown keys, and the migration of a version-1 file after a backup.
"""

import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pipun_desktop.core.model import Budget, Heading, Item, Organization, Report
from pipun_desktop.storage import backup as backups
from pipun_desktop.storage.schema import APPLICATION_ID, SCHEMA_V1, SCHEMA_VERSION, statements
from pipun_desktop.storage.store import ReportStore, StorageError

ROOT = Path(__file__).resolve().parent.parent


def good_file(path: Path) -> Path:
    with ReportStore.create(path, Organization("อบต.ทดสอบ", "ก", "ข")) as store:
        store.add_report(
            Report(
                2564,
                6,
                plan_title="แผน",
                tree=[
                    Heading(
                        "มิติ ๑",
                        [Item(title=f"โครงการ {i}", budget=Budget(None, 100 * i, None)) for i in range(200)],
                    )
                ],
            )
        )
    return path


def snapshot(folder: Path) -> dict:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


def run_cli(*args, cwd=None):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


def assert_refused(path: Path, match: str):
    """Refused by the store and by every command that reads a file, in Thai, with nothing written."""
    folder = path.parent
    before = snapshot(folder)
    with pytest.raises(StorageError, match=match):
        ReportStore.open(path)
    with pytest.raises(StorageError, match=match):
        ReportStore.open(path, read_only=True)
    for command in (["summary", path], ["fingerprint", path], ["export-json", path, "-o", folder / "x.json"]):
        result = run_cli(*command)
        assert result.returncode == 2, (command, result.stderr)
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("ข้อผิดพลาด"), result.stderr
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in lines[0])
    assert snapshot(folder) == before


def make_bad(tmp_path, name) -> Path:
    folder = tmp_path / "files"
    folder.mkdir(exist_ok=True)
    return folder / name


def test_empty_file(tmp_path):
    path = make_bad(tmp_path, "empty.pipun")
    path.write_bytes(b"")
    assert_refused(path, "ว่างเปล่า")


def test_random_bytes(tmp_path):
    path = make_bad(tmp_path, "random.pipun")
    path.write_bytes(random.Random(5).randbytes(50_000))
    assert_refused(path, "ไม่ใช่ไฟล์รายงาน")


def test_sqlite_header_then_random_bytes(tmp_path):
    good = good_file(tmp_path / "good.pipun").read_bytes()
    path = make_bad(tmp_path, "noise.pipun")
    path.write_bytes(good[:100] + random.Random(6).randbytes(len(good) - 100))
    assert_refused(path, "เสียหาย")


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated_file(tmp_path, fraction):
    good = good_file(tmp_path / "good.pipun").read_bytes()
    path = make_bad(tmp_path, "cut.pipun")
    path.write_bytes(good[: int(len(good) * fraction)])
    assert_refused(path, "ไม่ครบ|เสียหาย")


def test_corrupted_pages_fail_quick_check(tmp_path):
    good = bytearray(good_file(tmp_path / "good.pipun").read_bytes())
    page = int.from_bytes(good[16:18], "big")
    for p in range(2, len(good) // page):  # every b-tree page header after the first
        good[p * page : p * page + 12] = b"\xff" * 12
    path = make_bad(tmp_path, "corrupt.pipun")
    path.write_bytes(bytes(good))
    assert_refused(path, "เสียหาย")


def test_another_programs_database(tmp_path):
    path = make_bad(tmp_path, "other.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    assert_refused(path, "โปรแกรมอื่น")


def test_file_from_a_newer_version(tmp_path):
    path = good_file(make_bad(tmp_path, "newer.pipun"))
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    assert_refused(path, "รุ่นใหม่กว่า")


def test_wal_mode_file(tmp_path):
    path = good_file(make_bad(tmp_path, "wal.pipun"))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    assert_refused(path, "WAL")


# -- hostile structure ---------------------------------------------------------------------------
HOSTILE = {
    "trigger": "CREATE TRIGGER t AFTER UPDATE ON nodes BEGIN UPDATE organization SET name = 'pwned'; END",
    "trigger_on_lock": "CREATE TRIGGER t AFTER INSERT ON lock BEGIN UPDATE organization SET name = 'pwned'; END",
    "view": "CREATE VIEW v AS SELECT * FROM nodes",
    "table": "CREATE TABLE extra (x)",
    "index": "CREATE INDEX on_expr ON nodes (lower(title))",
    "changed_table": "DROP TABLE details; CREATE TABLE details (id INTEGER PRIMARY KEY, node_id INTEGER, "
    "position INTEGER, heading TEXT DEFAULT (random()), body TEXT)",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_foreign_schema_objects_are_refused_before_anything_runs(tmp_path, kind):
    path = good_file(make_bad(tmp_path, f"{kind}.pipun"))
    conn = sqlite3.connect(path)
    conn.executescript(HOSTILE[kind])
    conn.commit()
    conn.close()
    assert_refused(path, "โครงสร้างที่โปรแกรมนี้ไม่ได้สร้าง")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM organization").fetchone()[0] == "อบต.ทดสอบ"
    conn.close()


def test_connections_distrust_the_schema(tmp_path):
    path = good_file(tmp_path / "ok.pipun")
    for read_only in (False, True):
        with ReportStore.open(path, read_only=read_only) as store:
            assert store.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
            assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


# -- JSON ----------------------------------------------------------------------------------------
def sample_json() -> dict:
    return json.loads((ROOT / "resources" / "sample-pipun-2564-6.json").read_text(encoding="utf-8"))


def first_item(nodes):
    for node in nodes:
        if node["kind"] == "item":
            return node
        found = first_item(node["children"])
        if found:
            return found
    return None


JSON_DAMAGE = {
    "wrong_type_year": lambda d: d["reports"][0].__setitem__("fiscal_year", "2564"),
    "wrong_type_tree": lambda d: d["reports"][0].__setitem__("tree", {}),
    "wrong_type_amount": lambda d: first_item(d["reports"][0]["tree"])["budget"].__setitem__("agency", 20000),
    "wrong_type_approaches": lambda d: first_item(d["reports"][0]["tree"]).__setitem__(
        "approaches", [1, 0, 0]
    ),
    "unknown_key_top": lambda d: d.__setitem__("macro", "=cmd|' /C calc'!A0"),
    "unknown_key_item": lambda d: d["reports"][0]["tree"][0].__setitem__("onload", "alert(1)"),
    "newer_version": lambda d: d.__setitem__("version", 99),
    "missing_key": lambda d: d["organization"].pop("name"),
}


@pytest.mark.parametrize("damage", sorted(JSON_DAMAGE))
def test_bad_json_is_refused_without_writing(tmp_path, damage):
    doc = sample_json()
    JSON_DAMAGE[damage](doc)
    src = tmp_path / "in.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = snapshot(tmp_path)
    for command in (
        ["import-json", src, "-o", tmp_path / "out.pipun"],
        ["summary", src],
        ["fingerprint", src],
    ):
        result = run_cli(*command)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and result.stderr.startswith("ข้อผิดพลาด")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "content", [b"", b"\xff\xfe garbage", b"{", b"[]", b"null", b'{"format": 1}' * 1000, b"[" * 100_000]
)
def test_garbage_json_is_refused(tmp_path, content):
    src = tmp_path / "in.json"
    src.write_bytes(content)
    result = run_cli("import-json", src, "-o", tmp_path / "out.pipun")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert not (tmp_path / "out.pipun").exists()


# -- older versions migrate after a backup ---------------------------------------------------------
def make_v1_file(path: Path) -> Path:
    """A file exactly as version 1 of the program wrote it."""
    sqlite3.connect(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for statement in statements(SCHEMA_V1):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO organization (id, name, district, province) VALUES (1, 'อบต.เก่า', 'ก', 'ข')")
    conn.execute("INSERT INTO reports (id, fiscal_year, round, plan_title) VALUES (1, 2563, 12, 'แผนเก่า')")
    conn.execute(
        "INSERT INTO nodes (id, report_id, parent_id, position, kind, title) VALUES (1, 1, NULL, 0, 'heading', 'มิติ')"
    )
    conn.execute(
        "INSERT INTO nodes (id, report_id, parent_id, position, kind, title, item_type, agency) "
        "VALUES (2, 1, 1, 0, 'item', 'โครงการเก่า', 'project', 500000)"
    )
    conn.execute("COMMIT")
    conn.close()
    return path


def test_version_1_file_migrates_after_a_backup(tmp_path):
    path = make_v1_file(tmp_path / "old.pipun")
    old_bytes = path.read_bytes()
    # read-only opening reads it as it is, without migrating
    with ReportStore.open(path, read_only=True) as store:
        assert store.version == 1
        assert store.load_report(1).tree[0].children[0].title == "โครงการเก่า"
    assert path.read_bytes() == old_bytes
    with ReportStore.open(path) as store:
        assert store.version == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        report = store.load_report(1)
        assert report.tree[0].children[0].budget.agency == 500000
        store.update_node(2, title="โครงการใหม่")
        assert [e.field for e in store.history(node_id=2)] == ["title"]
        assert any(e.action == "migrate" for e in store.history())
    copies = backups.list_backups(path)
    migration = [b for b in copies if b.reason == "migration"]
    assert len(migration) == 1
    conn = sqlite3.connect(migration[0].path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT title FROM nodes WHERE id = 2").fetchone()[0] == "โครงการเก่า"
    conn.close()
    with ReportStore.open(path) as store:
        assert store.load_report(1).tree[0].children[0].title == "โครงการใหม่"


def test_cli_reads_a_version_1_file_without_changing_it(tmp_path):
    path = make_v1_file(tmp_path / "old.pipun")
    before = snapshot(tmp_path)
    result = run_cli("summary", path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"]["agency"] == "5000.00"
    assert snapshot(tmp_path) == before
