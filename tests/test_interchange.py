import base64
import copy
import json

import images_for_tests
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipun_desktop.interchange.json_format import (
    InterchangeError,
    document_to_dict,
    dump_document,
    parse_document,
)


def minimal_item(**kw):
    node = {
        "kind": "item",
        "item_type": "project",
        "title": "โครงการ",
        "indicator": "ตัวชี้วัด",
        "target": "เป้า",
        "result": "ผล",
        "budget": {"integrated": None, "agency": "20000.00", "disbursed": None},
        "approaches": [True, False, False],
        "status": "done",
        "status_reason": None,
        "note": "",
        "details": [],
        "photos": [],
    }
    node.update(kw)
    return node


EMPTY_PAPERS = {
    "division": "",
    "document_number": "",
    "memo_date": None,
    "executive_position": "",
    "memo_body": None,
    "web_description": None,
    "web_link": "",
    "web_remarks": "",
    "web_publisher_name": "",
    "web_publisher_position": "",
}


def minimal_doc():
    return {
        "format": "pipun-report",
        "version": 2,
        "organization": {"name": "อบต.", "district": "ก", "province": "ข"},
        "reports": [
            {
                "fiscal_year": 2564,
                "round": 6,
                "plan_title": "แผน",
                "intro": None,
                "tree": [
                    {
                        "kind": "heading",
                        "title": "มิติ",
                        "children": [{"kind": "heading", "title": "ส่วน", "children": [minimal_item()]}],
                    }
                ],
                "conclusion": {"supporting_factors": "", "problems": "", "suggestions": ""},
                "reporter": {"name": "", "position": "", "phone": "", "email": "", "date": "2021-04-08"},
                "announcement": {
                    "body": "",
                    "date": None,
                    "signatory_name": "",
                    "signatory_position": "",
                    "emblem_png": None,
                },
                "papers": dict(EMPTY_PAPERS),
            }
        ],
    }


def parse(doc):
    return parse_document(json.dumps(doc, ensure_ascii=False))


def test_round_trip_is_exact():
    doc = minimal_doc()
    assert document_to_dict(parse(doc)) == doc


def test_optional_keys_take_their_empty_values():
    doc = minimal_doc()
    item = doc["reports"][0]["tree"][0]["children"][0]["children"][0]
    for key in ("note", "status", "status_reason", "details"):
        del item[key]
    del doc["reports"][0]["intro"]
    del doc["reports"][0]["announcement"]["emblem_png"]
    got = document_to_dict(parse(doc))
    assert got["reports"][0]["intro"] is None
    back = got["reports"][0]["tree"][0]["children"][0]["children"][0]
    assert (back["note"], back["status"], back["status_reason"], back["details"]) == ("", None, None, [])


def test_amounts_are_written_with_two_decimals():
    doc = minimal_doc()
    doc["reports"][0]["tree"][0]["children"][0]["children"][0]["budget"]["agency"] = "20000.5"
    got = document_to_dict(parse(doc))
    assert got["reports"][0]["tree"][0]["children"][0]["children"][0]["budget"]["agency"] == "20000.50"


ITEM = "reports[0].tree[0].children[0].children[0]"


def bad(mutate):
    doc = minimal_doc()
    mutate(doc)
    with pytest.raises(InterchangeError) as err:
        parse(doc)
    return str(err.value)


def at_item(doc):
    return doc["reports"][0]["tree"][0]["children"][0]["children"][0]


@pytest.mark.parametrize(
    "mutate,path,words",
    [
        (
            lambda d: at_item(d)["budget"].update(agency="12,3a"),
            f"{ITEM}.budget.agency",
            '"12,3a" ไม่ใช่จำนวนเงิน',
        ),
        (lambda d: at_item(d)["budget"].update(agency=20000), f"{ITEM}.budget.agency", "ไม่ใช่จำนวนเงิน"),
        (lambda d: at_item(d)["budget"].update(agency="1.234"), f"{ITEM}.budget.agency", "ไม่ใช่จำนวนเงิน"),
        (lambda d: at_item(d)["budget"].update(agency="-5.00"), f"{ITEM}.budget.agency", "ไม่ใช่จำนวนเงิน"),
        (lambda d: at_item(d).update(colour="red"), f"{ITEM}.colour", "ไม่รู้จักคีย์"),
        (lambda d: at_item(d).pop("title"), ITEM, 'ขาดคีย์ "title"'),
        (lambda d: at_item(d).update(title=5), f"{ITEM}.title", "ต้องเป็นข้อความ"),
        (lambda d: at_item(d).update(status="finished"), f"{ITEM}.status", "ไม่ใช่ค่าที่ใช้ได้"),
        (lambda d: at_item(d).update(approaches=[True, False]), f"{ITEM}.approaches", "สามค่า"),
        (lambda d: at_item(d).update(approaches=[1, 0, 0]), f"{ITEM}.approaches", "สามค่า"),
        (lambda d: at_item(d).update(item_type="plan"), f"{ITEM}.item_type", "ไม่ใช่ค่าที่ใช้ได้"),
        (lambda d: at_item(d).update(details=[{"heading": "ก"}]), f"{ITEM}.details[0]", 'ขาดคีย์ "body"'),
        (
            lambda d: d["reports"][0]["reporter"].update(date="8/4/2564"),
            "reports[0].reporter.date",
            "ไม่ใช่วันที่",
        ),
        (
            lambda d: d["reports"][0]["reporter"].update(date="2021-02-30"),
            "reports[0].reporter.date",
            "ไม่ใช่วันที่",
        ),
        (lambda d: d["reports"][0].update(round=3), "reports[0].round", "ไม่ใช่ค่าที่ใช้ได้"),
        (
            lambda d: d["reports"][0].update(fiscal_year=2021),
            "reports[0].fiscal_year",
            "ปีงบประมาณต้องเป็นปีพุทธศักราช",
        ),
        (lambda d: d["reports"][0].update(fiscal_year=True), "reports[0].fiscal_year", "จำนวนเต็ม"),
        (
            lambda d: d["reports"][0]["announcement"].update(emblem_png="!!"),
            "reports[0].announcement.emblem_png",
            "base64",
        ),
        (
            lambda d: d["reports"][0]["announcement"].update(emblem_png="aGVsbG8="),
            "reports[0].announcement.emblem_png",
            "PNG",
        ),
        (lambda d: d.update(format="other"), "format", "ไม่ใช่ไฟล์รายงาน"),
        (lambda d: d.update(version=3), "version", "ใหม่กว่า"),
        (lambda d: d.update(extra=1), "extra", "ไม่รู้จักคีย์"),
        (lambda d: d["reports"][0].update(tree=[minimal_item()]), "reports[0].tree[0]", "มิติ"),
        (lambda d: d["reports"].append(copy.deepcopy(d["reports"][0])), "reports[1]", "ซ้ำ"),
    ],
)
def test_bad_documents_name_the_path(mutate, path, words):
    message = bad(mutate)
    assert message.startswith(path + ":"), message
    assert words in message


@pytest.mark.parametrize(
    "text",
    ["", "{", "[]", "null", '{"format": "pipun-report", "format": "x"}', '{"a": NaN}', b"\xff\xfe\x00"],
)
def test_not_json_or_not_a_document(text):
    with pytest.raises(InterchangeError):
        parse_document(text)


def test_lone_surrogate_is_refused():
    doc = minimal_doc()
    text = json.dumps(doc).replace('"\\u0e42\\u0e04\\u0e23\\u0e07\\u0e01\\u0e32\\u0e23"', '"\\ud800"', 1)
    with pytest.raises(InterchangeError) as err:
        parse_document(text)
    assert "title" in str(err.value)


# -- property: export(import(x)) == x for every valid document --------------------------------------
TINY_PNG_B64 = base64.b64encode(images_for_tests.png_bytes(4, 3)).decode("ascii")
TINY_JPEG_B64 = base64.b64encode(images_for_tests.jpeg_bytes(6, 4)).decode("ascii")
texts = st.text(max_size=40)
amounts = st.one_of(st.none(), st.integers(0, 10**12).map(lambda s: f"{s // 100}.{s % 100:02d}"))
dates = st.one_of(st.none(), st.dates().filter(lambda d: d.year >= 1000).map(lambda d: d.isoformat()))
items = st.fixed_dictionaries(
    {
        "kind": st.just("item"),
        "item_type": st.sampled_from(["project", "activity", "measure"]),
        "title": texts,
        "indicator": texts,
        "target": texts,
        "result": texts,
        "budget": st.fixed_dictionaries({"integrated": amounts, "agency": amounts, "disbursed": amounts}),
        "approaches": st.lists(st.booleans(), min_size=3, max_size=3),
        "status": st.sampled_from([None, "done", "in_progress", "not_started", "not_possible"]),
        "status_reason": st.sampled_from([None, "no_budget", "policy_change", "no_staff", "other"]),
        "note": texts,
        "details": st.lists(st.fixed_dictionaries({"heading": texts, "body": texts}), max_size=2),
        "photos": st.lists(
            st.fixed_dictionaries({"image": st.just(TINY_JPEG_B64), "caption": texts}), max_size=2
        ),
    }
)
nodes = st.recursive(
    items,
    lambda children: st.fixed_dictionaries(
        {"kind": st.just("heading"), "title": texts, "children": st.lists(children, max_size=3)}
    ),
    max_leaves=8,
)
headings = st.fixed_dictionaries(
    {"kind": st.just("heading"), "title": texts, "children": st.lists(nodes, max_size=3)}
)
reports = st.fixed_dictionaries(
    {
        "fiscal_year": st.integers(2400, 2800),
        "round": st.sampled_from([6, 12]),
        "plan_title": texts,
        "intro": st.one_of(st.none(), texts),
        "tree": st.lists(headings, max_size=3),
        "conclusion": st.fixed_dictionaries(
            {"supporting_factors": texts, "problems": texts, "suggestions": texts}
        ),
        "reporter": st.fixed_dictionaries(
            {"name": texts, "position": texts, "phone": texts, "email": texts, "date": dates}
        ),
        "announcement": st.fixed_dictionaries(
            {
                "body": texts,
                "date": dates,
                "signatory_name": texts,
                "signatory_position": texts,
                "emblem_png": st.sampled_from([None, TINY_PNG_B64]),
            }
        ),
        "papers": st.fixed_dictionaries(
            {
                "division": texts,
                "document_number": texts,
                "memo_date": dates,
                "executive_position": texts,
                "memo_body": st.one_of(st.none(), texts),
                "web_description": st.one_of(st.none(), texts),
                "web_link": texts,
                "web_remarks": texts,
                "web_publisher_name": texts,
                "web_publisher_position": texts,
            }
        ),
    }
)
documents = st.fixed_dictionaries(
    {
        "format": st.just("pipun-report"),
        "version": st.just(2),
        "organization": st.fixed_dictionaries({"name": texts, "district": texts, "province": texts}),
        "reports": st.lists(reports, max_size=2, unique_by=lambda r: (r["fiscal_year"], r["round"])),
    }
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_export_of_import_is_identity(doc):
    doc = json.loads(json.dumps(doc))  # what a file would hold
    assert document_to_dict(parse(doc)) == doc
    assert json.loads(dump_document(parse(doc))) == doc
