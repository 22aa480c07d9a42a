"""The wording of the papers that go with the report: the memo to the executive (บันทึกข้อความ) and the
web-publication form (แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน).

Drafts are made from the report (organization, plan, fiscal year, round and period, counts by status, budget
and disbursement totals); the user's own text (Papers.memo_body, Papers.web_description) replaces a draft.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..thai.amounts import format_amount
from ..thai.digits import render_digits
from .calendar import period_text
from .model import Organization, Report
from .totals import report_totals

MEMO_TITLE = "บันทึกข้อความ"
WEB_FORM_TITLE = "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงาน"
MEMO_CLOSING = "จึงเรียนมาเพื่อโปรดทราบและพิจารณา"
ORDER_CHOICES = ("ทราบ", "อนุมัติ", "อื่น ๆ")
WEB_SIGNERS = ("ผู้รับผิดชอบการให้ข้อมูล", "ผู้อนุมัติรับรอง", "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่")


@dataclass(frozen=True)
class Counts:
    items: int
    done: int
    in_progress: int
    not_started: int
    not_possible: int
    unmarked: int


def counts(report: Report) -> Counts:
    by = report_totals(report).total.by_status
    items = sum(by.values())
    return Counts(
        items,
        by.get("done", 0),
        by.get("in_progress", 0),
        by.get("not_started", 0),
        by.get("not_possible", 0),
        by.get(None, 0),
    )


def round_words(report: Report, digits: str = "thai") -> str:
    """ "รอบ ๖ เดือน (๑ ตุลาคม ๒๕๖๓ – ๓๑ มีนาคม ๒๕๖๔)"."""
    name = "รอบ 6 เดือน" if report.round == 6 else "รอบ 12 เดือน"
    return render_digits(name, digits) + f" ({period_text(report.fiscal_year, report.round, digits)})"


def subject(report: Report, digits: str = "thai") -> str:
    """เรื่อง: "รายงานผลการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๖ เดือน"."""
    name = "รอบ 6 เดือน" if report.round == 6 else "รอบ 12 เดือน"
    return render_digits(
        f"รายงานผลการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. {report.fiscal_year} {name}", digits
    )


def addressee(org: Organization, report: Report) -> str:
    """เรียน: the executive's position as entered, else the announcement's signatory position, else
    "นายก" + the organization's name."""
    return (
        report.papers.executive_position.strip()
        or report.announcement.signatory_position.strip()
        or (f"นายก{org.name}" if org.name else "")
    )


def _n(value: int, digits: str) -> str:
    return render_digits(f"{value:,}", digits)


def totals_sentence(report: Report, digits: str = "thai") -> str:
    total = report_totals(report).total
    allotted = total.allotted
    if allotted is None and total.disbursed is None:
        return "โดยไม่ได้ใช้งบประมาณ"
    text = f"งบประมาณรวม {format_amount(allotted, digits)} บาท เบิกจ่ายแล้ว {format_amount(total.disbursed, digits)} บาท"
    rate = total.disbursement_rate
    if rate is not None:
        text += " คิดเป็นร้อยละ " + render_digits(f"{rate:.2f}", digits)
    return text


def counts_sentence(report: Report, digits: str = "thai") -> str:
    c = counts(report)
    parts = [
        f"ดำเนินการแล้ว {_n(c.done, digits)} รายการ",
        f"อยู่ระหว่างดำเนินการ {_n(c.in_progress, digits)} รายการ",
        f"ไม่สามารถดำเนินการได้ {_n(c.not_possible, digits)} รายการ",
    ]
    if c.not_started:
        parts.append(f"ยังไม่ได้ดำเนินการ {_n(c.not_started, digits)} รายการ")
    if c.unmarked:
        parts.append(f"ยังไม่ระบุสถานะ {_n(c.unmarked, digits)} รายการ")
    return f"มีโครงการ/กิจกรรม/มาตรการทั้งสิ้น {_n(c.items, digits)} รายการ " + " ".join(parts)


def memo_template(org: Organization, report: Report, digits: str = "thai") -> str:
    year = render_digits(str(report.fiscal_year), digits)
    plan = report.plan_title.strip() or "แผนปฏิบัติการป้องกันการทุจริต"
    return (
        f"ตามที่{org.name} ได้จัดทำ{plan} เพื่อเป็นกรอบการดำเนินงานป้องกันการทุจริต นั้น\n"
        f"บัดนี้ การดำเนินการตามแผนฯ ประจำปีงบประมาณ พ.ศ. {year} "
        f"{round_words(report, digits)} ได้เสร็จสิ้นแล้ว {counts_sentence(report, digits)} "
        f"{totals_sentence(report, digits)} รายละเอียดตามรายงานที่แนบมาพร้อมนี้\n"
        f"จึงเห็นควรเสนอผู้บริหารเพื่อโปรดทราบ ลงนามในประกาศ และอนุมัติให้เผยแพร่บนเว็บไซต์ของ{org.name}\n"
        f"{MEMO_CLOSING}"
    )


def memo_text(org: Organization, report: Report, digits: str = "thai") -> str:
    """The memo's body: the user's own text, or the draft when there is none."""
    body = report.papers.memo_body
    return body if body is not None else memo_template(org, report, digits)


def web_title(report: Report, digits: str = "thai") -> str:
    return subject(report, digits)


def web_description_template(org: Organization, report: Report, digits: str = "thai") -> str:
    c = counts(report)
    return (
        f"รายงานผลการดำเนินการป้องกันการทุจริต {round_words(report, digits)} "
        f"ดำเนินการแล้ว {_n(c.done, digits)} จาก {_n(c.items, digits)} รายการ "
        f"{totals_sentence(report, digits)} พร้อมประกาศ{org.name}"
    )


def web_description(org: Organization, report: Report, digits: str = "thai") -> str:
    text = report.papers.web_description
    return text if text is not None else web_description_template(org, report, digits)
