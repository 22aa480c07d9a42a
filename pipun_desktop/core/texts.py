"""Fixed report wording: titles, round lines and the introduction template."""

from __future__ import annotations

from ..thai.dates import MONTHS, buddhist_year
from ..thai.digits import render_digits
from .calendar import period_text, round_period
from .model import Organization, Report

FORM_TITLE = "แบบรายงานผลการดำเนินงานป้องกันการทุจริตของ อปท."
CONCLUSION_TITLE = "ผลการดำเนินงานของ อปท. บทสรุป/ข้อเสนอแนะ/แนวทางแก้ไขปรับปรุง"


def report_title(report: Report, digits: str = "thai") -> str:
    return render_digits(f"รายงานผลการดำเนินการป้องกันการทุจริต ประจำปี พ.ศ. {report.fiscal_year}", digits)


def round_name(round_: int, digits: str = "thai") -> str:
    text = "รอบ 6 เดือน" if round_ == 6 else "รอบ 12 เดือน (ผลงานสะสม)"
    return render_digits(text, digits)


def round_line(report: Report, digits: str = "thai") -> str:
    """ "รอบ ๖ เดือน (๑ ตุลาคม พ.ศ. ๒๕๖๓ – ๓๑ มีนาคม พ.ศ. ๒๕๖๔)"."""
    name = render_digits(f"รอบ {report.round} เดือน", digits)
    return f"{name} ({period_text(report.fiscal_year, report.round, digits, era=True)})"


def announcement_period(report: Report, digits: str = "thai") -> str:
    """The announcement's round line, by month as announcements word it:
    "(รอบ ๖ เดือน ระหว่างเดือน ตุลาคม พ.ศ. ๒๕๖๓ - มีนาคม พ.ศ. ๒๕๖๔)"."""
    start, end = round_period(report.fiscal_year, report.round)
    text = (
        f"รอบ {report.round} เดือน ระหว่างเดือน {MONTHS[start.month - 1]} พ.ศ. {buddhist_year(start)}"
        f" - {MONTHS[end.month - 1]} พ.ศ. {buddhist_year(end)}"
    )
    return "(" + render_digits(text, digits) + ")"


def organization_line(org: Organization) -> str:
    parts = [org.name]
    if org.district:
        parts.append(f"อำเภอ{org.district}")
    if org.province:
        parts.append(f"จังหวัด{org.province}")
    return " ".join(p for p in parts if p)


def intro_template(org: Organization, report: Report, digits: str = "thai") -> str:
    year = render_digits(str(report.fiscal_year), digits)
    rnd = render_digits(f"รอบ {report.round} เดือน", digits)
    period = period_text(report.fiscal_year, report.round, digits)
    return (
        f"{org.name} ได้มีการจัดทำ{report.plan_title} ประจำปีงบประมาณ พ.ศ. {year} "
        f"เพื่อใช้เป็นกรอบดำเนินงานในการป้องกันการทุจริตภายใน{org.name} "
        f"ซึ่งในปีงบประมาณ พ.ศ. {year} ได้จัดทำแผนปฏิบัติการในการวัดความสำเร็จของการดำเนินการ"
        f"ตามแผนปฏิบัติการป้องกันการทุจริตขึ้น\n"
        f"โดย{org.name} ได้มอบหมายให้ส่วนราชการไปดำเนินการ และบัดนี้การดำเนินการตามแผนปฏิบัติการ"
        f"ป้องกันการทุจริต ({rnd} {period}) ประจำปี พ.ศ. {year} ได้เสร็จสิ้นแล้ว "
        f"จึงขอรายงานผลการดำเนินงาน โครงการ/กิจกรรม/มาตรการตามที่บรรจุไว้ในแผนปฏิบัติการป้องกันการทุจริต"
        f"ของ{org.name} พร้อมทั้งระบุปัจจัยสนับสนุน ปัญหา อุปสรรค ข้อเสนอแนะในการปรับปรุง"
        f"แผนปฏิบัติการป้องกันการทุจริต ตามภารกิจและอำนาจหน้าที่ ดังนี้"
    )


def intro_text(org: Organization, report: Report, digits: str = "thai") -> str:
    """The report's own introduction, or the template when it has none."""
    return report.intro if report.intro is not None else intro_template(org, report, digits)
