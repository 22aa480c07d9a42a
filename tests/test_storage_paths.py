"""Paths as officers name them: Thai, spaces, '#', '?', '%', '&' in file and folder names; shared-folder (UNC)
paths become SQLite URIs SQLite accepts."""

import pytest

from pipun_desktop.core.model import Heading, Item, Organization, Report
from pipun_desktop.storage.backup import list_backups
from pipun_desktop.storage.opening import uri_path
from pipun_desktop.storage.restore import restore_file
from pipun_desktop.storage.store import ReportStore

NAMES = ["รายงาน ปี ๒๕๖๔.pipun", "a#1?x=2&y%20.pipun", "100% งาน; 'ok'.pipun"]


@pytest.fixture(autouse=True)
def data_dir_with_thai_name(tmp_path, monkeypatch):
    monkeypatch.setenv("PIPUN_DATA_DIR", str(tmp_path / "ข้อมูล โปรแกรม#%"))


@pytest.mark.parametrize("name", NAMES)
def test_awkward_names_open_lock_back_up_and_restore(tmp_path, name):
    folder = tmp_path / "โฟลเดอร์ ร่วม #2"
    folder.mkdir()
    path = folder / name
    with ReportStore.create(path, Organization("อบต.")) as store:
        store.add_report(Report(2564, 6, plan_title="เดิม", tree=[Heading("มิติ", [Item(title="ก")])]))
    with ReportStore.open(path) as store:
        store.heartbeat()
        assert not store._heartbeat.lost
        store.update_report(store.reports()[0].id, plan_title="ใหม่")
    assert [b.reason for b in list_backups(path)] == ["close", "open"]
    restore_file(path, list_backups(path)[1].path)
    with ReportStore.open(path, read_only=True) as store:
        assert store.load_report(store.reports()[0].id).plan_title == "เดิม"
    assert sorted(p.name for p in folder.iterdir()) == [name]


def test_windows_paths_become_sqlite_uris():
    assert uri_path(r"C:\Users\ก\a b.pipun", True) == "/C:/Users/%E0%B8%81/a%20b.pipun"
    unc = uri_path(r"\\server\share\งาน #1.pipun", True)
    assert unc.startswith("//server/share/") and "#" not in unc  # "file://" + this: empty authority
    assert uri_path("/home/x/a?b.pipun", False) == "/home/x/a%3Fb.pipun"
