"""Activity photos and the papers' fields in the data file and the JSON (format version 2)."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json
import sqlite3

import images_for_tests as imgs
import pytest
from test_cli import run
from test_interchange import minimal_doc, minimal_item, parse
from test_safety_badfiles import make_v1_file

from pipun_desktop.core.model import Papers, Photo
from pipun_desktop.interchange.fingerprint import report_fingerprint
from pipun_desktop.interchange.json_format import InterchangeError, document_to_dict
from pipun_desktop.storage.building import build_data_file
from pipun_desktop.storage.schema import SCHEMA_VERSION
from pipun_desktop.storage.store import ReportStore, StorageError


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def doc_with_photos():
    doc = minimal_doc()
    item = doc["reports"][0]["tree"][0]["children"][0]["children"][0]
    item["photos"] = [
        {"image": b64(imgs.jpeg_bytes(320, 240)), "caption": "ประชุมชี้แจง <ครั้งที่ ๑> & ลงนาม"},
        {"image": b64(imgs.png_bytes(200, 100)), "caption": ""},
    ]
    doc["reports"][0]["papers"] = {
        "division": "สำนักปลัด อบต. โทร. ๐ ๗๕๔๙ ๐๐๐๐",
        "document_number": "นศ ๗๓๘๐๑/๑๒๓",
        "memo_date": "2021-04-09",
        "executive_position": "นายกองค์การบริหารส่วนตำบลพิปูน",
        "memo_body": None,
        "web_description": "รายงานรอบ ๖ เดือน",
        "web_link": "https://www.example.go.th/report-2564-6.pdf",
        "web_remarks": "-",
        "web_publisher_name": "นางสาวเผยแพร่ ข้อมูล",
        "web_publisher_position": "นักวิชาการคอมพิวเตอร์",
    }
    return doc


def test_json_round_trip_with_photos_and_papers_through_a_data_file(tmp_path):
    doc = doc_with_photos()
    parsed = parse(doc)
    assert parsed.reports[0].papers.memo_date == dt.date(2021, 4, 9)
    path = tmp_path / "org.pipun"
    build_data_file(parsed, path)
    with ReportStore.open(path, read_only=True) as store:
        loaded = store.load_document()
    assert document_to_dict(loaded) == doc
    item = loaded.reports[0].tree[0].children[0].children[0]
    assert [p.caption for p in item.photos] == ["ประชุมชี้แจง <ครั้งที่ ๑> & ลงนาม", ""]


def test_version_1_documents_still_import_and_export_as_version_2(tmp_path):
    doc = minimal_doc()
    doc["version"] = 1
    del doc["reports"][0]["papers"]
    del doc["reports"][0]["tree"][0]["children"][0]["children"][0]["photos"]
    out = document_to_dict(parse(doc))
    assert out["version"] == 2
    assert out == minimal_doc()
    # photos and papers are version-2 keys: a version-1 document holding them is not what it says
    doc["reports"][0]["papers"] = {}
    with pytest.raises(InterchangeError, match="ไม่รู้จักคีย์"):
        parse(doc)


@pytest.mark.parametrize(
    "data, words",
    [
        (imgs.bomb_png(), "ใหญ่เกินไป"),
        (imgs.truncated_jpeg(), "เสียหาย"),
        (b"This is a text file named photo.jpg\n" * 3, "ไม่ใช่ไฟล์ภาพ"),
        (b"GIF89a" + bytes(60), "GIF"),
        (imgs.jpeg_bytes(2400, 1800), "ใหญ่เกิน"),
    ],
    ids=["bomb", "truncated", "text-named-jpg", "gif", "over-1600px"],
)
def test_hostile_photos_in_json_are_refused_naming_the_item_and_nothing_is_written(tmp_path, data, words):
    doc = minimal_doc()
    doc["reports"][0]["tree"][0]["children"][0]["children"][0] = minimal_item(
        title="โครงการอบรมคุณธรรม",
        photos=[{"image": b64(imgs.jpeg_bytes()), "caption": "ก"}, {"image": b64(data), "caption": "ข"}],
    )
    src = tmp_path / "in.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = run("import-json", src, "-o", tmp_path / "out.pipun")
    assert result.returncode == 2, result.stderr
    line = result.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert "ภาพที่ 2 ของ “โครงการอบรมคุณธรรม”" in line and words in line, line
    assert "photos[1].image" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


def test_store_keeps_images_when_only_captions_or_order_change(tmp_path):
    path = tmp_path / "org.pipun"
    build_data_file(parse(minimal_doc()), path)
    a, b, c = (Photo(imgs.jpeg_bytes(64 + i, 48), f"ภาพ {i}") for i in range(3))
    with ReportStore.open(path) as store:
        report = store.load_report(store.reports()[0].id)
        item = report.tree[0].children[0].children[0]
        store.update_node(item.id, photos=[a, b, c])
        ids = dict(store.conn.execute("SELECT caption, id FROM photos"))
        changes = store.conn.total_changes
        store.update_node(item.id, photos=[Photo(c.image, "ใหม่"), a])  # reorder, recaption, remove b
        assert store.conn.total_changes - changes <= 4  # two updates, one delete and the audit row
        rows = store.conn.execute("SELECT id, position, caption FROM photos ORDER BY position").fetchall()
        assert rows == [(ids["ภาพ 2"], 0, "ใหม่"), (ids["ภาพ 0"], 1, "ภาพ 0")]
        # the audit names photos by caption and hash, not megabytes of image
        entry = store.history(node_id=item.id)[0]
        assert entry.field == "photos" and len(entry.new) < 400 and "ใหม่" in entry.new
        # deleting the item removes its photos
        store.delete_node(item.id)
        assert store.conn.execute("SELECT count(*) FROM photos").fetchone()[0] == 0
        snapshot = store.history(node_id=item.id)[0].old
        assert len(snapshot) < 2000 and "sha256:" in snapshot


def test_papers_are_stored_per_report(tmp_path):
    path = tmp_path / "org.pipun"
    build_data_file(parse(minimal_doc()), path)
    papers = Papers(
        division="กองคลัง", document_number="นศ ๑/๒", memo_date=dt.date(2021, 4, 1), memo_body="เนื้อ"
    )
    with ReportStore.open(path) as store:
        rid = store.reports()[0].id
        assert store.load_report(rid).papers == Papers()
        store.update_report(rid, papers=papers)
        assert store.load_report(rid).papers == papers
        store.update_report(rid, papers=Papers(division="สำนักปลัด"))
        assert store.load_report(rid).papers.division == "สำนักปลัด"
        assert any(e.field == "division" for e in store.history(report_id=rid))


def test_version_1_and_2_files_migrate_to_the_photo_tables(tmp_path):
    path = make_v1_file(tmp_path / "old.pipun")
    with ReportStore.open(path, read_only=True) as store:
        report = store.load_report(1)
        assert report.papers == Papers() and report.tree[0].children[0].photos == []
        with pytest.raises(StorageError):
            store.update_node(2, photos=[])
    with ReportStore.open(path) as store:
        assert store.version == SCHEMA_VERSION == 3
        store.update_node(2, photos=[Photo(imgs.jpeg_bytes(), "ภาพ")])
        store.update_report(1, papers=Papers(division="ก"))
    with ReportStore.open(path, read_only=True) as store:
        report = store.load_report(1)
        assert report.tree[0].children[0].photos[0].caption == "ภาพ"
        assert report.papers.division == "ก"


def test_a_non_image_blob_in_the_photo_table_is_a_clear_error(tmp_path):
    path = tmp_path / "org.pipun"
    build_data_file(parse(doc_with_photos()), path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE photos SET image = x'00112233' WHERE position = 0")
    conn.commit()
    conn.close()
    result = run("export-pdf", path, "-o", tmp_path / "out.pdf")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "ภาพกิจกรรม" in result.stderr and "\n" not in result.stderr.strip()
    assert not (tmp_path / "out.pdf").exists()


def test_fingerprint_follows_photos_not_papers():
    report = parse(doc_with_photos()).reports[0]
    org = parse(doc_with_photos()).organization
    before = report_fingerprint(org, report)
    changed = copy.deepcopy(report)
    changed.papers.division = "อื่น"
    assert report_fingerprint(org, changed) == before
    changed.tree[0].children[0].children[0].photos[0].caption = "อื่น"
    assert report_fingerprint(org, changed) != before
    # a report without photos hashes as before photos existed (no "photos" key in the hashed JSON)
    plain = parse(minimal_doc()).reports[0]
    from pipun_desktop.interchange.fingerprint import canonical_json

    assert '"photos"' not in canonical_json(org, plain) and '"papers"' not in canonical_json(org, plain)


def test_images_are_not_held_to_the_text_cap():
    """A 1,600-px photo or a large emblem is megabytes of base64: more than any text field may hold, and fine."""
    doc = minimal_doc()
    big = imgs.jpeg_bytes(1600, 1200)
    assert len(b64(big)) > 100_000
    doc["reports"][0]["tree"][0]["children"][0]["children"][0]["photos"] = [
        {"image": b64(big), "caption": ""}
    ]
    emblem = imgs.photo_image(1200, 1200)
    import io

    buf = io.BytesIO()
    emblem.save(buf, "PNG")
    assert len(b64(buf.getvalue())) > 100_000
    doc["reports"][0]["announcement"]["emblem_png"] = b64(buf.getvalue())
    report = parse(doc).reports[0]
    assert report.tree[0].children[0].children[0].photos[0].image == big


def test_a_new_round_keeps_photos_with_the_results_it_carries_and_the_papers_who_not_what():
    from pipun_desktop.core.rules import new_round

    doc = parse(doc_with_photos())
    report = doc.reports[0]  # 2564, round 6
    twelve = new_round(report, 2564, 12, doc.organization)  # cumulative: results and their photos carried
    assert len(twelve.tree[0].children[0].children[0].photos) == 2
    next_year = new_round(report, 2565, 6, doc.organization)  # results start again, so do photos
    assert next_year.tree[0].children[0].children[0].photos == []
    p = twelve.papers
    assert (p.division, p.executive_position, p.web_publisher_name) == (
        report.papers.division,
        report.papers.executive_position,
        report.papers.web_publisher_name,
    )
    assert p.document_number == "" and p.memo_date is None and p.web_link == "" and p.memo_body is None
