import datetime as dt

import pytest
from conftest import SAMPLE

from pipun_desktop.core.model import Budget, DetailBlock, Heading, Item, Organization, Report, walk
from pipun_desktop.core.rules import following_round, new_round
from pipun_desktop.core.totals import report_totals
from pipun_desktop.interchange.json_format import read_document
from pipun_desktop.storage.store import ReportStore

ORG = Organization("องค์การบริหารส่วนตำบลพิปูน", "พิปูน", "นครศรีธรรมราช")


@pytest.fixture
def sample(tmp_path):
    """The sample report as the program holds it: loaded from a data file, with ids."""
    store = ReportStore.create(tmp_path / "s.pipun")
    doc = read_document(SAMPLE)
    store.import_document(doc)
    report = store.load_report(store.reports()[0].id)
    report.intro = "ข้อความนำที่พิมพ์เอง รอบ ๖ เดือน"
    yield report
    store.close()


def items(report):
    return list(report.items())


def test_six_to_twelve_of_the_same_year_keeps_results(sample):
    new = new_round(sample, 2564, 12, ORG)
    assert (new.fiscal_year, new.round) == (2564, 12)
    old_items, new_items = items(sample), items(new)
    assert len(new_items) == len(old_items) == 66
    for a, b in zip(old_items, new_items, strict=False):
        assert (b.title, b.result, b.budget, b.status, b.status_reason, b.details, b.approaches) == (
            a.title,
            a.result,
            a.budget,
            a.status,
            a.status_reason,
            a.details,
            a.approaches,
        )
    t = report_totals(new).total
    assert (t.agency, t.disbursed) == (170_000_00, 60_000_00)
    assert new.conclusion == sample.conclusion
    assert new.plan_title == sample.plan_title


def test_copy_is_fresh_with_no_ids(sample):
    new = new_round(sample, 2564, 12, ORG)
    assert new.id is None
    old_nodes, new_nodes = list(walk(sample.tree)), list(walk(new.tree))
    assert all(n.id is None for n in new_nodes)
    assert {id(n) for n in old_nodes}.isdisjoint(id(n) for n in new_nodes)
    first_new, first_old = items(new)[0], items(sample)[0]
    first_new.details.append(DetailBlock("x", "y"))
    first_new.budget.agency = 1
    assert len(first_old.details) != len(first_new.details) and first_old.budget.agency != 1
    assert new.reporter is not sample.reporter and new.announcement is not sample.announcement


def test_dates_are_cleared_and_people_kept(sample):
    for year, round_ in ((2564, 12), (2565, 6)):
        new = new_round(sample, year, round_, ORG)
        assert new.reporter.date is None and new.announcement.date is None
        assert new.reporter.name == sample.reporter.name and new.reporter.email == sample.reporter.email
        assert new.announcement.signatory_name == sample.announcement.signatory_name
        assert new.announcement.emblem_png == sample.announcement.emblem_png
        assert new.intro == sample.intro  # typed by the officer: kept (check flags the old round it names)
    assert sample.reporter.date == dt.date(2021, 4, 8)  # the source is untouched


def test_next_year_clears_results_amounts_and_statuses(sample):
    new = new_round(sample, 2565, 6, ORG)
    for a, b in zip(items(sample), items(new), strict=False):
        assert (b.item_type, b.title, b.indicator, b.target, b.approaches, b.note) == (
            a.item_type,
            a.title,
            a.indicator,
            a.target,
            a.approaches,
            a.note,
        )
        assert b.result == "" and b.budget == Budget() and b.status is None and b.status_reason is None
        assert all(not d.heading.startswith("ผลการดำเนิน") for d in b.details)
        assert [d for d in a.details if not d.heading.startswith("ผลการดำเนิน")] == b.details
    assert report_totals(new).total.agency is None
    assert new.conclusion.supporting_factors == "" and new.conclusion.problems == ""
    assert [h.title for h in new.tree] == [h.title for h in sample.tree]


def test_twelve_back_to_six_of_the_same_year_keeps_the_years_budgets():
    src = Heading(
        "มิติ",
        [
            Item(
                title="ก",
                result="ผล",
                status="not_possible",
                status_reason="no_budget",
                budget=Budget(100, 200, 50),
            )
        ],
    )
    report = Report(2566, 12, tree=[src])
    new = new_round(report, 2566, 6, ORG)
    item = items(new)[0]
    assert item.budget == Budget(100, 200, None)
    assert (item.result, item.status, item.status_reason) == ("", None, None)


def test_new_round_can_be_stored(sample, tmp_path):
    new = new_round(sample, 2565, 6, ORG)
    with ReportStore.create(tmp_path / "n.pipun") as store:
        store.add_report(new)
        back = store.load_report(new.id)
        assert [n.title for n in walk(back.tree)] == [n.title for n in walk(sample.tree)]


@pytest.mark.parametrize(
    "year, round_, match",
    [
        (2564, 6, "ต้นฉบับ"),
        (2564, 9, "รอบรายงาน"),
        (2021, 6, "ปีงบประมาณ"),
    ],
)
def test_invalid_combinations_are_refused_in_thai(sample, year, round_, match):
    with pytest.raises(ValueError, match=match):
        new_round(sample, year, round_, ORG)


def test_following_round():
    assert following_round(2564, 6) == (2564, 12)
    assert following_round(2564, 12) == (2565, 6)
