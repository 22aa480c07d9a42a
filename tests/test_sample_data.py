"""Checks of the bundled sample report (resources/sample-pipun-2564-6.json).

Plain ``json`` only, so these run without the program's importer.
"""

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample-pipun-2564-6.json"

# Cells the seed itself leaves empty (nothing may be invented): the indicator of
# ๑.๑.๒ (๑) is blank in the seed's form table.
KNOWN_EMPTY = {
    ("มาตรการ “ส่งเสริมการปฏิบัติงานตามประมวลจริยธรรมขององค์การบริหารส่วนตำบลพิปูน”", "indicator"),
}

ITEM_KEYS = {
    "kind",
    "item_type",
    "title",
    "indicator",
    "target",
    "result",
    "budget",
    "approaches",
    "status",
    "status_reason",
    "note",
    "details",
}
HEADING_KEYS = {"kind", "title", "children"}

# Thai marks that can never follow a space (they attach to the preceding consonant):
# following vowels ะ า ำ, above/below vowels, tone marks, ็ and ์.
COMBINING_OR_FOLLOWING = "ะัาำิีึืฺุู็่้๊๋์ํ๎"
# A wrap artefact: a space before such a mark, or (for the above/below marks) a mark
# directly followed by a space and then another such mark, e.g. "ผู้ บริ ห า ร".
SPACE_BEFORE_MARK = re.compile("[ \u00a0][" + COMBINING_OR_FOLLOWING + "]")
# Leading vowels (เ แ โ ใ ไ) can never be directly followed by a space.
LEADING_VOWEL_THEN_SPACE = re.compile("[เแโใไ][ \u00a0]")
# Runs of single Thai letters separated by spaces ("ห า ร"): letter-spacing artefact.
SPACED_LETTERS = re.compile("(?:^|[ ])[ก-ฮ][ ][ก-ฮ][ ][ก-ฮ](?:[ ]|$)")


@pytest.fixture(scope="module")
def doc():
    with SAMPLE.open(encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def report(doc):
    assert len(doc["reports"]) == 1
    return doc["reports"][0]


def walk(nodes, depth=0):
    for node in nodes:
        yield node, depth
        if node["kind"] == "heading":
            yield from walk(node["children"], depth + 1)


def items_of(nodes):
    return [n for n, _ in walk(nodes) if n["kind"] == "item"]


def strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)


def amount(value):
    if value is None:
        return Decimal(0)
    assert isinstance(value, str)
    assert re.fullmatch(r"\d+\.\d{2}", value), value
    return Decimal(value)


def sums(nodes):
    total = {"integrated": Decimal(0), "agency": Decimal(0), "disbursed": Decimal(0)}
    for item in items_of(nodes):
        for key in total:
            total[key] += amount(item["budget"][key])
    return total


def test_header(doc, report):
    assert doc["format"] == "pipun-report"
    assert doc["version"] == 1
    assert doc["organization"] == {
        "name": "องค์การบริหารส่วนตำบลพิปูน",
        "district": "พิปูน",
        "province": "นครศรีธรรมราช",
    }
    assert report["fiscal_year"] == 2564
    assert report["round"] == 6
    assert report["plan_title"] == "แผนปฏิบัติการป้องกันการทุจริต ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔)"


def test_file_is_written_as_the_exporter_would(doc):
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert text == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def test_counts(report):
    tree = report["tree"]
    assert len(tree) == 4
    assert all(d["kind"] == "heading" for d in tree)
    assert len(items_of(tree)) == 66
    assert [len(items_of(d["children"])) for d in tree] == [13, 25, 16, 12]


def test_every_node_has_every_key(report):
    for node, depth in walk(report["tree"]):
        if node["kind"] == "heading":
            assert set(node) == HEADING_KEYS
            assert depth <= 2
        else:
            assert set(node) == ITEM_KEYS
            assert 1 <= depth <= 3
            assert node["item_type"] in ("project", "activity", "measure")
            assert set(node["budget"]) == {"integrated", "agency", "disbursed"}
            assert len(node["approaches"]) == 3
            assert all(isinstance(a, bool) for a in node["approaches"])
            assert node["status"] in ("done", "in_progress", "not_started", "not_possible", None)
            if node["status"] == "not_possible":
                assert node["status_reason"] in ("no_budget", "policy_change", "no_staff", "other")
            else:
                assert node["status_reason"] is None
            assert isinstance(node["note"], str)
            assert isinstance(node["details"], list)
            for block in node["details"]:
                assert set(block) == {"heading", "body"}
                assert isinstance(block["heading"], str)
                assert isinstance(block["body"], str) and block["body"].strip()


@pytest.mark.parametrize(
    "dimension, agency, disbursed",
    [
        (0, "65000", "20000"),
        (1, "30000", "0"),
        (2, "35000", "0"),
        (3, "40000", "40000"),
    ],
)
def test_dimension_budgets(report, dimension, agency, disbursed):
    total = sums(report["tree"][dimension]["children"])
    assert total == {"integrated": Decimal(0), "agency": Decimal(agency), "disbursed": Decimal(disbursed)}


def test_report_budget(report):
    total = sums(report["tree"])
    assert total == {"integrated": Decimal(0), "agency": Decimal("170000"), "disbursed": Decimal("60000")}
    # "integrated all empty": not even a zero amount
    assert all(i["budget"]["integrated"] is None for i in items_of(report["tree"]))


def test_item_texts_present(report):
    for item in items_of(report["tree"]):
        for key in ("title", "indicator", "target", "result"):
            if (item["title"], key) in KNOWN_EMPTY:
                continue
            assert item[key].strip(), (item["title"], key)


def test_titles_carry_no_numbers(report):
    for node, _ in walk(report["tree"]):
        title = node["title"]
        assert title.strip() == title and title, title
        assert not re.match(r"[0-9๐-๙]", title), title
        assert not title.startswith(("มิติที่", "มติที่")), title
        assert not re.match(r"\(?[0-9๐-๙]+\)", title), title


def test_no_wrap_artefacts(doc):
    for s in strings(doc):
        for line in s.split("\n"):
            assert not SPACE_BEFORE_MARK.search(line), line
            assert not LEADING_VOWEL_THEN_SPACE.search(line), line
            assert not SPACED_LETTERS.search(line), line
            assert "  " not in line, line
            assert line == line.strip() or line.startswith("\t") or line.endswith("\t"), line


def test_conclusion_reporter_announcement(report):
    assert set(report["conclusion"]) == {"supporting_factors", "problems", "suggestions"}
    assert all(v.strip() for v in report["conclusion"].values())
    reporter = report["reporter"]
    assert reporter["name"] == "นางสาววันเพ็ญ เทวฤทธิ์"
    assert reporter["date"] == "2021-04-08"
    ann = report["announcement"]
    assert set(ann) == {"body", "date", "signatory_name", "signatory_position", "emblem_png"}
    assert ann["date"] == "2021-04-08"
    assert ann["emblem_png"] is None
    assert not ann["signatory_name"].startswith("(")
    assert "จึงประกาศ" not in ann["body"]
    # the seed's slip "๓๐ มีนาคม" (the round ends on 31 March) is corrected
    for s in strings(report):
        assert "๓๐ มีนาคม" not in s


def test_every_item_has_its_narrative(report):
    items = items_of(report["tree"])
    assert all(item["details"] for item in items)
    assert sum(len(item["details"]) for item in items) == 204
    assert all(item["details"][0]["heading"] == "วัตถุประสงค์" for item in items)


def test_statuses(report):
    statuses = [item["status"] for item in items_of(report["tree"])]
    # ๓.๒.๒ (๑): the seed says "ไม่ได้ดำเนินการ" and gives no reason
    assert statuses.count("not_started") == 1
    # ๑.๒.๓: the seed's narrative leaves its action and result as "-"
    assert statuses.count(None) == 1
    assert statuses.count("done") == 64
