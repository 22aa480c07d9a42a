"""The new round's summary (issue 13, point 13) says what rules.new_round then does: every part it names as
copied, cleared or regenerated is checked against the round actually made, for each kind of new round."""

import copy

import pytest
from conftest import SAMPLE

from pipun_desktop.core import round_summary as rs
from pipun_desktop.core.model import Conclusion
from pipun_desktop.core.rules import RESULT_HEADING_PREFIX, new_round
from pipun_desktop.core.texts import announcement_template
from pipun_desktop.interchange.json_format import read_document


@pytest.fixture(scope="module")
def document():
    return read_document(SAMPLE)


def sources(document):
    """The sample (2564, 6 months) with its standard texts, with typed ones, and as a 12-month round."""
    base = document.reports[0]
    org = document.organization
    typed = copy.deepcopy(base)
    typed.intro = "คำนำที่พิมพ์เอง"
    typed.announcement.body = "ประกาศที่พิมพ์เอง"
    twelve = new_round(base, 2564, 12, org)
    return {"standard": base, "typed": typed, "twelve": twelve}


CASES = [
    ("standard", 2564, 12),
    ("standard", 2565, 6),
    ("standard", 2565, 12),
    ("typed", 2564, 12),
    ("typed", 2566, 6),
    ("twelve", 2564, 6),
    ("twelve", 2565, 6),
]


@pytest.mark.parametrize(("name", "year", "round_"), CASES)
def test_the_summary_says_what_the_new_round_does(document, name, year, round_):
    org = document.organization
    source = sources(document)[name]
    summary = rs.new_round_summary(source, org, year, round_)
    new = new_round(source, year, round_, org)
    old_items, new_items = list(source.items()), list(new.items())
    assert len(old_items) == len(new_items)
    said = {
        **{p: "copied" for p in summary.copied},
        **{p: "cleared" for p in summary.cleared},
        **{p: "regenerated" for p in summary.regenerated},
        **{p: "typed" for p in summary.kept_as_typed},
    }
    # every part named once
    assert len(said) == sum(
        len(x) for x in (summary.copied, summary.cleared, summary.regenerated, summary.kept_as_typed)
    )
    assert said[rs.PLAN] == "copied" and [i.title for i in new_items] == [i.title for i in old_items]

    def check(part, copied, cleared):
        assert said[part] in ("copied", "cleared"), part
        assert copied if said[part] == "copied" else cleared, (part, said[part])

    check(
        rs.RESULTS,
        all((n.result, n.status) == (o.result, o.status) for n, o in zip(new_items, old_items, strict=True)),
        all(n.result == "" and n.status is None for n in new_items),
    )
    check(
        rs.DISBURSED,
        all(n.budget.disbursed == o.budget.disbursed for n, o in zip(new_items, old_items, strict=True)),
        all(n.budget.disbursed is None for n in new_items),
    )
    check(
        rs.BUDGETS,
        all(
            (n.budget.integrated, n.budget.agency) == (o.budget.integrated, o.budget.agency)
            for n, o in zip(new_items, old_items, strict=True)
        ),
        all(n.budget.integrated is None and n.budget.agency is None for n in new_items),
    )
    check(
        rs.RESULT_BLOCKS,
        all(n.details == o.details for n, o in zip(new_items, old_items, strict=True)),
        not any(d.heading.strip().startswith(RESULT_HEADING_PREFIX) for n in new_items for d in n.details),
    )
    check(rs.CONCLUSION, new.conclusion == source.conclusion, new.conclusion == Conclusion())
    assert said[rs.DATES] == "cleared" and new.reporter.date is None and new.announcement.date is None
    assert said[rs.PEOPLE] == "copied" and new.reporter.name == source.reporter.name
    assert new.announcement.signatory_name == source.announcement.signatory_name
    if rs.INTRO in said:
        assert said[rs.INTRO] == "regenerated" and new.intro is None  # the template of the new year and round
    else:
        assert said[rs.INTRO_TYPED] == "typed" and new.intro == source.intro
    if rs.ANNOUNCEMENT in said:
        assert new.announcement.body == announcement_template(org, new)
    else:
        assert said[rs.ANNOUNCEMENT_TYPED] == "typed" and new.announcement.body == source.announcement.body


def test_the_text_names_both_rounds_in_thai_digits(document):
    text = rs.new_round_text(document.reports[0], document.organization, 2565, 6, "thai")
    assert text.startswith("รายงานปี ๒๕๖๕ รอบ ๖ เดือน จากรายงานปี ๒๕๖๔ รอบ ๖ เดือน")
    assert "ล้างให้ว่าง" in text and rs.DISBURSED in text and "สร้างใหม่" in text
