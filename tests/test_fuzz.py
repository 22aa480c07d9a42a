"""Fuzzing the JSON importer and the amount parser: whatever comes in, the only exception is the module's own
error with a Thai message; whatever is accepted goes back out unchanged. Also arbitrary text through the store."""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipun_desktop.core.model import DetailBlock, Heading, Item, Organization, Report
from pipun_desktop.interchange.json_format import InterchangeError, dump_document, parse_document
from pipun_desktop.storage.store import ReportStore, StorageError
from pipun_desktop.thai.amounts import MAX_SATANG, AmountError, parse_amount

FUZZ = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

SMALL = {
    "format": "pipun-report",
    "version": 1,
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
                    "children": [
                        {
                            "kind": "item",
                            "item_type": "project",
                            "title": "ก",
                            "indicator": "",
                            "target": "",
                            "result": "",
                            "budget": {"integrated": None, "agency": "20000.00", "disbursed": None},
                            "approaches": [True, False, False],
                            "status": "done",
                            "status_reason": None,
                            "note": "",
                            "details": [{"heading": "วัตถุประสงค์", "body": "- ก"}],
                        }
                    ],
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
        }
    ],
}

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from paths(v, prefix + (i,))


ALL_PATHS = [p for p in paths(SMALL) if p]


def accepted_or_refused(data):
    try:
        doc = parse_document(data)
    except InterchangeError as exc:
        assert str(exc) and any("\u0e00" <= ch <= "\u0e7f" for ch in str(exc))
        return None
    text = dump_document(doc)
    assert parse_document(text) == doc and dump_document(parse_document(text)) == text
    return doc


@FUZZ
@given(st.text(max_size=300))
def test_any_text_is_a_document_or_a_thai_error(text):
    accepted_or_refused(text)


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_are_a_document_or_a_thai_error(data):
    accepted_or_refused(data)


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from(ALL_PATHS),
            st.sampled_from(["set", "delete", "add"]),
            json_values,
            st.text(max_size=8),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_documents_are_accepted_whole_or_refused(mutations):
    doc = copy.deepcopy(SMALL)
    for path, op, value, key in mutations:
        target = doc
        try:
            for step in path[:-1]:
                target = target[step]
            if op == "set":
                target[path[-1]] = value
            elif op == "delete":
                del target[path[-1]]
            elif isinstance(target[path[-1]], dict):
                target[path[-1]][key or "x"] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    accepted_or_refused(json.dumps(doc, ensure_ascii=False))


def test_the_unmutated_document_is_accepted():
    assert accepted_or_refused(json.dumps(SMALL)) is not None


amountish = st.text(alphabet="0123456789๐๑๒๓๔๕๖๗๘๙,.-–— +eE_บาท\u00a0\u0660\uff10", max_size=25)


@FUZZ
@given(st.one_of(st.text(max_size=40), amountish, st.none(), st.integers(), st.decimals(allow_nan=True)))
def test_amount_parser_only_raises_amount_error(text):
    try:
        value = parse_amount(text)
    except AmountError as exc:
        assert "ไม่ใช่จำนวนเงิน" in str(exc)
        return
    assert value is None or (isinstance(value, int) and 0 <= value < MAX_SATANG)


@FUZZ
@given(st.integers(0, MAX_SATANG - 1))
def test_printed_amounts_parse_back(satang):
    from pipun_desktop.thai.amounts import format_amount

    for digits in ("thai", "arabic"):
        assert parse_amount(format_amount(satang, digits)) == satang


def test_arbitrary_text_round_trips_through_the_store(tmp_path):
    store = ReportStore.create(tmp_path / "fuzz.pipun", Organization())
    report = Report(2564, 6, tree=[Heading("มิติ", [Item(title="ก")])])
    rid = store.add_report(report)
    item = next(report.items()).id

    @FUZZ
    @given(st.text(), st.text(), st.lists(st.tuples(st.text(max_size=50), st.text()), max_size=3))
    def check(title, note, details):
        blocks = [DetailBlock(h, b) for h, b in details]
        store.update_node(item, title=title, note=note, details=blocks)
        node = store.load_report(rid).tree[0].children[0]
        assert (node.title, node.note, node.details) == (title, note, blocks)
        store.update_report(rid, plan_title=title)
        assert store.load_report(rid).plan_title == title

    try:
        check()
    finally:
        store.close()


@pytest.mark.parametrize("bad", ["\ud800", "ก\udfffข"])
def test_lone_surrogates_are_refused_in_thai(tmp_path, bad):
    with ReportStore.create(tmp_path / "s.pipun") as store:
        report = Report(2564, 6, tree=[Heading("มิติ", [Item(title="ก")])])
        store.add_report(report)
        with pytest.raises(StorageError, match="อักขระ"):
            store.update_node(next(report.items()).id, title=bad)
        with pytest.raises(StorageError, match="อักขระ"):
            store.set_organization(Organization(bad))
    with pytest.raises(InterchangeError):
        parse_document(json.dumps({**SMALL, "organization": {"name": bad, "district": "", "province": ""}}))
