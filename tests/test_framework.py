import re

import pytest
from conftest import SAMPLE

from pipun_desktop.core.framework import DEFAULT_PLAN_TITLE, empty_report, standard_framework
from pipun_desktop.core.model import Heading, Item, walk
from pipun_desktop.core.numbering import numbered
from pipun_desktop.interchange.json_format import read_document
from pipun_desktop.storage.store import ReportStore


def heading_skeleton(nodes):
    return [(n.title, heading_skeleton(n.children)) for n in nodes if isinstance(n, Heading)]


def test_framework_has_the_seeds_four_dimensions_and_no_items():
    tree = standard_framework()
    assert len(tree) == 4
    assert [d.title for d in tree] == [
        "การสร้างสังคมที่ไม่ทนต่อการทุจริต",
        "การบริหารราชการเพื่อป้องกันการทุจริต",
        "การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน",
        "การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการขององค์กรปกครองส่วนท้องถิ่น",
    ]
    nodes = list(walk(tree))
    assert all(isinstance(n, Heading) and n.id is None for n in nodes)
    assert len(nodes) == 50
    assert [len(d.children) for d in tree] == [3, 5, 3, 4]
    numbers = {n.number: n.node.title for n in numbered(tree)}
    assert numbers["๑.๑.๒"] == "สร้างจิตสำนึกและความตระหนักในการประพฤติตามประมวลจริยธรรม"
    assert numbers["๔.๔.๒"] == "บูรณาการทุกภาคส่วนเพื่อต่อต้านการทุจริต"
    assert "๑.๒.๑" not in numbers  # ๑.๒ holds items directly


def test_framework_titles_carry_no_numbers_or_wrap_spaces():
    for node in walk(standard_framework()):
        assert node.title == node.title.strip()
        assert not re.match(r"^(มิติที่|[๐-๙0-9])", node.title)
        assert "  " not in node.title
        assert "ส่วน ท้องถิ่น" not in node.title and "ความ ซื่อสัตย์" not in node.title


def test_framework_matches_the_sample_reports_headings():
    sample = read_document(SAMPLE).reports[0]
    assert heading_skeleton(standard_framework()) == heading_skeleton(sample.tree)


def test_framework_is_fresh_on_every_call():
    a, b = standard_framework(), standard_framework()
    a[0].title = "changed"
    a[0].children.append(Item(title="x"))
    assert b[0].title != "changed" and not any(isinstance(n, Item) for n in walk(b))
    assert not any(isinstance(n, Item) for n in walk(standard_framework()))


def test_empty_report_with_and_without_framework(tmp_path):
    bare = empty_report(2567, 6, with_framework=False)
    assert (bare.fiscal_year, bare.round, bare.tree, bare.intro) == (2567, 6, [], None)
    assert bare.plan_title == DEFAULT_PLAN_TITLE
    full = empty_report(2567, 12, with_framework=True)
    assert heading_skeleton(full.tree) == heading_skeleton(standard_framework())
    with ReportStore.create(tmp_path / "f.pipun") as store:
        rid = store.add_report(full)
        assert heading_skeleton(store.load_report(rid).tree) == heading_skeleton(full.tree)


@pytest.mark.parametrize("year, round_", [(2567, 3), (2024, 6), (0, 12)])
def test_empty_report_refuses_bad_year_or_round(year, round_):
    with pytest.raises(ValueError, match="รอบรายงาน|ปีงบประมาณ"):
        empty_report(year, round_, with_framework=True)
