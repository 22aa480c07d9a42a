"""Audit trail (every change: when, OS user, machine, node, field, old and new value, in the change's own
transaction) and the report fingerprint (CLI, export/import round trip, PDF footer)."""

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipun_desktop.core.model import Budget, Conclusion, DetailBlock, Heading, Item, Organization, Report
from pipun_desktop.interchange.fingerprint import report_fingerprint
from pipun_desktop.interchange.json_format import read_document
from pipun_desktop.storage.identity import host_name, os_user, parse_iso
from pipun_desktop.storage.store import ReportStore, StorageError

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample-pipun-2564-6.json"


@pytest.fixture
def store(tmp_path):
    s = ReportStore.create(tmp_path / "org.pipun", Organization("อบต.", "ก", "ข"))
    s.add_report(
        Report(
            2564,
            6,
            tree=[
                Heading("มิติ ๑", [Item(title="ก", budget=Budget(None, 2_000_000, None)), Item(title="ข")]),
                Heading("มิติ ๒"),
            ],
        )
    )
    yield s
    s.close()


def ids(store):
    report = store.load_report(store.reports()[0].id)
    return report.id, report.tree[0].id, [i.id for i in report.items()], report.tree[1].id


def cli(*args):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
    )


def test_a_field_change_records_who_when_what(store):
    rid, _, (a, b), _ = ids(store)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    store.update_node(a, title="ก ใหม่", budget=Budget(None, 2_500_050, 100), indicator="")
    entries = store.history(node_id=a)
    assert {(e.field, e.old, e.new) for e in entries} == {
        ("title", "ก", "ก ใหม่"),
        ("agency", "20000.00", "25000.50"),
        ("disbursed", None, "1.00"),
    }
    for e in entries:
        assert (e.user, e.host, e.action, e.report_id, e.node_id) == (
            os_user(),
            host_name(),
            "update",
            rid,
            a,
        )
        assert before <= parse_iso(e.at) <= dt.datetime.now(dt.UTC)
    assert store.history(node_id=b) == []


def test_structure_and_report_changes_are_recorded(store):
    rid, dim1, (a, b), dim2 = ids(store)
    store.update_node(b, details=[DetailBlock("วัตถุประสงค์", "- ก")], approaches=(True, False, False))
    new_id = store.insert_node(rid, dim2, 0, Item(title="ใหม่"))
    store.move_node(a, dim2, 1)
    store.delete_node(b)
    store.update_report(rid, plan_title="แผนใหม่", conclusion=Conclusion("ปัจจัย", "", ""))
    store.set_organization(Organization("อบต.ใหม่", "ก", "ข"))
    actions = [(e.action, e.node_id, e.field) for e in reversed(store.history())]
    assert ("update", b, "details") in actions and ("update", b, "approach1") in actions
    assert ("insert", new_id, "title") in actions
    assert ("move", a, "position") in actions
    assert ("delete", b, "node") in actions
    assert ("update_report", None, "plan_title") in actions and (
        "update_report",
        None,
        "supporting_factors",
    ) in actions
    assert ("organization", None, "name") in actions
    deleted = next(e for e in store.history() if e.action == "delete")
    snapshot = json.loads(deleted.old)  # enough to bring the item back by hand
    assert snapshot["title"] == "ข" and snapshot["details"] == [{"heading": "วัตถุประสงค์", "body": "- ก"}]


def test_audit_row_and_change_share_one_transaction(store, monkeypatch):
    rid, _, (a, _), _ = ids(store)
    count = len(store.history())
    with pytest.raises(StorageError):  # the audit row is written, then the change fails: both vanish
        store.update_node(a, title="ไม่บันทึก", status="bogus")
    assert len(store.history()) == count
    assert store.load_report(rid).tree[0].children[0].title == "ก"

    def broken(*args, **kwargs):
        raise RuntimeError("audit write failed")

    monkeypatch.setattr(store.audit, "record", broken)
    with pytest.raises(RuntimeError):  # no audit row, no change
        store.update_node(a, title="ไม่บันทึก")
    assert store.load_report(rid).tree[0].children[0].title == "ก"


def test_import_and_new_report_are_recorded(store):
    doc = read_document(SAMPLE)
    doc.reports[0].fiscal_year = 2565
    store.import_document(doc)
    assert any(e.action == "import" for e in store.history())
    assert sum(e.action == "add_report" for e in store.history()) == 2


# -- fingerprint ------------------------------------------------------------------------------------
def test_fingerprint_survives_export_import_and_changes_with_content(tmp_path):
    data = tmp_path / "org.pipun"
    assert cli("import-json", SAMPLE, "-o", data).returncode == 0
    first = cli("fingerprint", data)
    assert first.returncode == 0, first.stderr
    fp = first.stdout.strip()
    assert len(fp) == 19 and fp.count("-") == 3
    assert cli("fingerprint", SAMPLE).stdout.strip() == fp
    assert cli("fingerprint", data, "--report", "2564-6").stdout.strip() == fp
    out = tmp_path / "round.json"
    assert cli("export-json", data, "-o", out).returncode == 0
    again = tmp_path / "again.pipun"
    assert cli("import-json", out, "-o", again).returncode == 0
    assert cli("fingerprint", again).stdout.strip() == fp  # ids differ, content does not
    doc = read_document(SAMPLE)
    report = doc.reports[0]
    assert report_fingerprint(doc.organization, report) == fp
    item = next(report.items())
    item.budget = Budget(item.budget.integrated, (item.budget.agency or 0) + 1, item.budget.disbursed)
    assert report_fingerprint(doc.organization, report) != fp
    bad = cli("fingerprint", data, "--report", "9")
    assert bad.returncode == 2 and bad.stderr.startswith("ข้อผิดพลาด")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_pdf_footer_prints_the_fingerprint_and_cli_names_the_font(tmp_path):
    pdf = tmp_path / "r.pdf"
    result = cli("export-pdf", SAMPLE, "-o", pdf)
    assert result.returncode == 0, result.stderr
    assert "ฟอนต์ที่ฝัง" in result.stderr and ".ttf" in result.stderr.lower()
    fp = cli("fingerprint", SAMPLE).stdout.strip()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert fp in text
