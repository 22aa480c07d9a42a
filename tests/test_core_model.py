import datetime as dt
from decimal import Decimal

from pipun_desktop.core.calendar import period_text, round_period
from pipun_desktop.core.checks import ERROR, WARNING, check_report, has_errors
from pipun_desktop.core.model import (
    Announcement,
    Budget,
    Heading,
    Item,
    Organization,
    Report,
    Reporter,
)
from pipun_desktop.core.numbering import numbered
from pipun_desktop.core.texts import intro_text, round_line
from pipun_desktop.core.totals import node_totals, report_totals


def item(title="x", **kw):
    kw.setdefault("indicator", "i")
    kw.setdefault("target", "t")
    kw.setdefault("result", "r")
    kw.setdefault("status", "done")
    return Item(title=title, **kw)


def sample_tree():
    return [
        Heading(
            "มิติหนึ่ง",
            [
                Heading("ส่วน", [Heading("ย่อย", [item("ก"), item("ข")])]),
                Heading("ส่วนสอง", [item("ค")]),
            ],
        ),
        Heading("มิติสอง", [item("ง")]),
    ]


def test_round_periods():
    assert round_period(2564, 6) == (dt.date(2020, 10, 1), dt.date(2021, 3, 31))
    assert round_period(2564, 12) == (dt.date(2020, 10, 1), dt.date(2021, 9, 30))
    assert period_text(2564, 6) == "๑ ตุลาคม ๒๕๖๓ – ๓๑ มีนาคม ๒๕๖๔"
    assert round_line(Report(2564, 6)) == "รอบ ๖ เดือน (๑ ตุลาคม พ.ศ. ๒๕๖๓ – ๓๑ มีนาคม พ.ศ. ๒๕๖๔)"


def test_numbers_come_from_position():
    got = [(n.number, n.node.title) for n in numbered(sample_tree())]
    assert got == [
        ("มิติที่ ๑", "มิติหนึ่ง"),
        ("๑.๑", "ส่วน"),
        ("๑.๑.๑", "ย่อย"),
        ("๑.๑.๑ (๑)", "ก"),
        ("๑.๑.๑ (๒)", "ข"),
        ("๑.๒", "ส่วนสอง"),
        ("๑.๒.๑", "ค"),
        ("มิติที่ ๒", "มิติสอง"),
        ("๒.๑", "ง"),
    ]
    assert [n.number for n in numbered(sample_tree(), "arabic")][3] == "1.1.1 (1)"
    assert [n.dimension for n in numbered(sample_tree())] == [0, 0, 0, 0, 0, 0, 0, 1, 1]


def test_totals_keep_empty_sums_empty():
    tree = sample_tree()
    tree[0].children[0].children[0].children[0].budget = Budget(None, 2_000_000, 1_000_000)
    tree[0].children[1].children[0].budget = Budget(None, 4_500_000, None)
    totals = report_totals(Report(2564, 6, tree=tree))
    d1, d2 = (t for _, t in totals.dimensions)
    assert (d1.integrated, d1.agency, d1.disbursed, d1.items) == (None, 6_500_000, 1_000_000, 3)
    assert (d2.integrated, d2.agency, d2.disbursed, d2.items) == (None, None, None, 1)
    assert totals.total.agency == 6_500_000 and totals.total.items == 4
    assert d1.disbursement_rate == Decimal("15.38")
    assert d2.disbursement_rate is None
    assert totals.total.by_status["done"] == 4 and totals.total.by_type["project"] == 4
    assert node_totals(tree[0].children[1]).agency == 4_500_000


def test_checks_find_the_usual_mistakes():
    bad = [
        item("เกินงบ", budget=Budget(None, 100, 200)),
        item("ไม่มีตัวชี้วัด", indicator=""),
        item("เสร็จแต่ไม่มีผล", result=""),
        item("ยังไม่เริ่มแต่เบิก", status="not_started", budget=Budget(None, 100, 50)),
        item("ทำไม่ได้", status="not_possible"),
    ]
    report = Report(2564, 6, tree=[Heading("มิติ", bad), Heading("ว่าง")])
    findings = check_report(report)
    by_number = {}
    for f in findings:
        by_number.setdefault(f.number, []).append(f)
    assert any("เกินงบประมาณ" in f.message and f.severity == ERROR for f in by_number["๑.๑"])
    assert any("ตัวชี้วัด" in f.message for f in by_number["๑.๒"])
    assert any("ผลการดำเนินงาน" in f.message and f.severity == ERROR for f in by_number["๑.๓"])
    assert any("ผลเบิกจ่าย" in f.message for f in by_number["๑.๔"])
    assert any("เหตุผล" in f.message for f in by_number["๑.๕"])
    assert any(f.severity == WARNING and "ยังไม่มีโครงการ" in f.message for f in by_number["มิติที่ ๒"])
    assert any("ผู้รายงาน" in f.message for f in by_number[""])
    assert has_errors(findings)


def test_complete_report_has_no_errors():
    report = Report(
        2564,
        6,
        tree=sample_tree(),
        reporter=Reporter("ก", "ข", "", "", dt.date(2021, 4, 8)),
        announcement=Announcement("ข้อความ", dt.date(2021, 4, 8), "ชื่อ", "นายก"),
    )
    assert check_report(report) == []


def test_intro_template_names_plan_year_and_round():
    org = Organization("องค์การบริหารส่วนตำบลพิปูน", "พิปูน", "นครศรีธรรมราช")
    report = Report(2564, 6, plan_title="แผนปฏิบัติการป้องกันการทุจริต ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔)")
    text = intro_text(org, report)
    assert "แผนปฏิบัติการป้องกันการทุจริต ๔ ปี" in text and "๒๕๖๔" in text and "รอบ ๖ เดือน" in text
    assert "๓๑ มีนาคม ๒๕๖๔" in text
    report.intro = "ข้อความของผู้ใช้"
    assert intro_text(org, report) == "ข้อความของผู้ใช้"


def test_announcement_period_words_the_round_by_month():
    from pipun_desktop.core.texts import announcement_period

    assert announcement_period(Report(2564, 6)) == "(รอบ ๖ เดือน ระหว่างเดือน ตุลาคม พ.ศ. ๒๕๖๓ - มีนาคม พ.ศ. ๒๕๖๔)"
    assert (
        announcement_period(Report(2564, 12), "arabic")
        == "(รอบ 12 เดือน ระหว่างเดือน ตุลาคม พ.ศ. 2563 - กันยายน พ.ศ. 2564)"
    )


def test_fiscal_year_turns_on_the_first_of_october():
    import datetime as dt

    from pipun_desktop.core.calendar import fiscal_year_of

    assert fiscal_year_of(dt.date(2024, 9, 30)) == 2567
    assert fiscal_year_of(dt.date(2024, 10, 1)) == 2568
    assert fiscal_year_of(dt.date(2025, 1, 1)) == 2568
    assert fiscal_year_of(dt.date(2026, 12, 5)) == 2570
