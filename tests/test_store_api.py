"""The data file's public API: what goes in comes back, every call committed at once."""

import datetime as dt
import sqlite3

import pytest

from pipun_desktop.core.model import (
    Announcement,
    Budget,
    DetailBlock,
    Heading,
    Item,
    Organization,
    Report,
    Reporter,
)
from pipun_desktop.storage.store import ReportStore, StorageError


def make_report(year=2564, rnd=6):
    return Report(
        fiscal_year=year,
        round=rnd,
        plan_title="แผน",
        tree=[
            Heading(
                "มิติ ๑",
                [
                    Heading(
                        "ส่วน",
                        [
                            Item(
                                title="ก",
                                budget=Budget(None, 2_000_000, 1_000_050),
                                approaches=(True, False, True),
                                status="not_possible",
                                status_reason="no_budget",
                                details=[DetailBlock("วัตถุประสงค์", "- ก\n- ข")],
                            ),
                            Item(title="ข", item_type="measure"),
                        ],
                    )
                ],
            ),
            Heading("มิติ ๒"),
        ],
        reporter=Reporter("ผู้รายงาน", "ตำแหน่ง", "0", "a@b", dt.date(2021, 4, 8)),
        announcement=Announcement("ประกาศ", dt.date(2021, 4, 8), "นาย ก", "นายก", b"\x89PNG\r\n\x1a\nxx"),
    )


@pytest.fixture
def store(tmp_path):
    s = ReportStore.create(tmp_path / "org.pipun", Organization("อบต.", "ก", "ข"))
    yield s
    s.close()


def reopen(store):
    store.close()
    return ReportStore.open(store.path)


def titles(nodes):
    return [(n.title, titles(n.children)) if isinstance(n, Heading) else n.title for n in nodes]


def test_report_round_trips_through_the_file(store):
    report = make_report()
    rid = store.add_report(report)
    store = reopen(store)
    back = store.load_report(rid)
    assert back == report  # ids were set on the original by add_report
    assert store.organization() == Organization("อบต.", "ก", "ข")
    store.close()


def test_schema_is_versioned_with_foreign_keys_and_checks(store):
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    rid = store.add_report(make_report())
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("UPDATE nodes SET agency = -1 WHERE report_id = ?", [rid])
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("UPDATE nodes SET agency = 1.5 WHERE report_id = ?", [rid])


def test_edits_are_committed_when_the_call_returns(store):
    report = make_report()
    store.add_report(report)
    item = report.tree[0].children[0].children[0]
    store.update_node(
        item.id,
        title="ใหม่",
        budget=Budget(1, 2, 3),
        approaches=(False, True, False),
        details=[DetailBlock("ผล", "ข้อความ")],
    )
    store.update_report(report.id, plan_title="แผนใหม่", reporter=Reporter(name="คนใหม่"))
    # another connection sees it without any save
    other = ReportStore.open(store.path, read_only=True)
    back = other.load_report(report.id)
    got = back.tree[0].children[0].children[0]
    assert (got.title, got.budget, got.approaches, got.details) == (
        "ใหม่",
        Budget(1, 2, 3),
        (False, True, False),
        [DetailBlock("ผล", "ข้อความ")],
    )
    assert back.plan_title == "แผนใหม่" and back.reporter.name == "คนใหม่" and back.reporter.date is None
    other.close()


def test_insert_move_delete_keep_positions_dense(store):
    report = make_report()
    rid = store.add_report(report)
    section = report.tree[0].children[0]
    new_id = store.insert_node(rid, section.id, 1, Item(title="แทรก"))
    assert titles(store.load_report(rid).tree)[0] == ("มิติ ๑", [("ส่วน", ["ก", "แทรก", "ข"])])
    store.move_node(new_id, report.tree[1].id, 0)
    assert titles(store.load_report(rid).tree) == [("มิติ ๑", [("ส่วน", ["ก", "ข"])]), ("มิติ ๒", ["แทรก"])]
    store.move_node(section.children[1].id, section.id, 0)
    assert titles(store.load_report(rid).tree)[0] == ("มิติ ๑", [("ส่วน", ["ข", "ก"])])
    parent, pos = store.delete_node(section.id)
    assert (parent, pos) == (report.tree[0].id, 0)
    assert titles(store.load_report(rid).tree) == [("มิติ ๑", []), ("มิติ ๒", ["แทรก"])]
    assert store.conn.execute("SELECT count(*) FROM details").fetchone()[0] == 0  # cascaded


def test_tree_rules_are_enforced(store):
    report = make_report()
    rid = store.add_report(report)
    item = report.tree[0].children[0].children[0]
    with pytest.raises(StorageError, match="ระดับบนสุด"):
        store.insert_node(rid, None, 0, Item(title="x"))
    with pytest.raises(StorageError, match="ใต้โครงการ"):
        store.insert_node(rid, item.id, 0, Item(title="x"))
    with pytest.raises(StorageError, match="ใต้ตัวเอง"):
        store.move_node(report.tree[0].id, report.tree[0].children[0].id, 0)
    with pytest.raises(StorageError, match="ระดับบนสุด"):
        store.move_node(item.id, None, 0)


def test_failed_call_changes_nothing(store):
    report = make_report()
    rid = store.add_report(report)
    item = report.tree[0].children[0].children[0]
    with pytest.raises(StorageError):
        store.update_node(item.id, title="ไม่ควรบันทึก", status="bogus")
    assert store.load_report(rid).tree[0].children[0].children[0].title == "ก"
    with pytest.raises(StorageError):
        store.add_report(make_report())  # same year and round
    assert len(store.reports()) == 1


def test_bad_files_are_refused_in_thai(tmp_path):
    empty = tmp_path / "empty.pipun"
    empty.write_bytes(b"")
    with pytest.raises(StorageError, match="ว่างเปล่า"):
        ReportStore.open(empty)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StorageError, match="โปรแกรมอื่น"):
        ReportStore.open(other)
    junk = tmp_path / "junk.pipun"
    junk.write_bytes(b"hello" * 100)
    with pytest.raises(StorageError, match="ไม่ใช่ไฟล์รายงาน"):
        ReportStore.open(junk)
