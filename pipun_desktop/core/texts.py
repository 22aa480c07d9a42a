"""Fixed report wording: titles, round lines and the introduction template."""

from __future__ import annotations

import re

from ..thai.dates import MONTHS, buddhist_year
from ..thai.digits import render_digits, to_arabic_digits
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


def title_names_year(title: str, fiscal_year: int) -> bool:
    """The plan title already ends with the fiscal year ("… ประจำปีงบประมาณ พ.ศ. ๒๕๖๕"), not with a range
    of years ("(พ.ศ. ๒๕๖๑ - ๒๕๖๔)" or "๒๕๖๑-๒๕๖๕", a plan of several years)."""
    text = to_arabic_digits(title).rstrip(" .")
    if not text.endswith(str(fiscal_year)):
        return False
    before = text[: -len(str(fiscal_year))].rstrip()
    return not before.endswith(("-", "–", "ถึง")) and not (before[-1:].isdigit())


def intro_template(org: Organization, report: Report, digits: str = "thai") -> str:
    year = render_digits(str(report.fiscal_year), digits)
    rnd = render_digits(f"รอบ {report.round} เดือน", digits)
    period = period_text(report.fiscal_year, report.round, digits)
    plan = report.plan_title.strip()
    of_year = "" if title_names_year(plan, report.fiscal_year) else f" ประจำปีงบประมาณ พ.ศ. {year}"
    return (
        f"{org.name} ได้มีการจัดทำ{plan}{of_year} "
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


def announcement_template(org: Organization, report: Report, digits: str = "thai") -> str:
    """The standard announcement body (the wording of the sample report), naming the report's year and round."""
    year = render_digits(str(report.fiscal_year), digits)
    plan = report.plan_title.strip()
    return (
        f"ตามที่{org.name} ได้ประกาศใช้{plan} โดยเป็นการดำเนินการภายใต้ยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปราม"
        f"ทุจริตภาครัฐ ซึ่งกำหนดให้องค์กรในภาครัฐจัดทำแผนยุทธศาสตร์และแผนปฏิบัติการ เพื่อให้หน่วยงานภาครัฐใช้เป็น"
        f"กรอบแนวทางในการจัดทำแผนปฏิบัติการของหน่วยงานที่จะก่อให้เกิดผลประโยชน์ในการปฏิบัติราชการ และบูรณาการ"
        f"ในด้านการป้องกันปราบปรามและแก้ไขปัญหาการทุจริตคอร์รัปชันร่วมกันได้อย่างมีประสิทธิภาพ และตอบสนองกับ"
        f"นโยบายรัฐบาล สอดคล้องกับแผนบริหารราชการแผ่นดินและแผนยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามทุจริต นั้น\n"
        f"ในการนี้{org.name} ได้รายงานผลการป้องกันการทุจริต ประจำปี พ.ศ. {year} "
        f"{announcement_period(report, digits)} เพื่อใช้เป็นแนวทางการปฏิบัติงาน และได้ดำเนินการตามแผนปฏิบัติการ"
        f"ป้องกันการทุจริต ประจำปี พ.ศ. {year} ของ{org.name}เป็นไปตามวัตถุประสงค์นั้นแล้ว "
        f"จึงขอประกาศรายงานผลการดำเนินการดังกล่าวรายละเอียดตามแนบท้ายประกาศนี้"
    )


def _normal(text: str) -> str:
    text = to_arabic_digits(text).replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip()


def same_text(a: str, b: str) -> bool:
    """The same words, whatever the digits (๑ or 1), dashes and spacing."""
    return _normal(a) == _normal(b)


_YEAR_PHRASE = re.compile(r"(?:ประจำปีงบประมาณ|ปีงบประมาณ|ประจำปี)\s*(?:พ\.\s*ศ\.)?\s*(\d{4})(?!\s*-\s*\d)")
_ROUND_PHRASE = re.compile(r"รอบ\s*(\d{1,2})\s*เดือน")


def contradictions(text: str, report: Report, plan_title: str = "") -> list[str]:
    """What `text` (an introduction, an announcement) says that contradicts the report: a fiscal year
    ("ประจำปี พ.ศ. ๒๕๖๔") or a round ("รอบ ๖ เดือน") other than the report's, as Thai phrases. The plan
    title, quoted in the text, is left out: a plan of several years names other years."""
    plain = to_arabic_digits(text)
    title = to_arabic_digits(plan_title).strip()
    if title:
        plain = plain.replace(title, " ")
    found: list[str] = []
    for m in _YEAR_PHRASE.finditer(plain):
        year = int(m.group(1))
        phrase = render_digits(f"ปี พ.ศ. {year}", "thai")
        if year != report.fiscal_year and phrase not in found:
            found.append(phrase)
    for m in _ROUND_PHRASE.finditer(plain):
        rnd = int(m.group(1))
        phrase = render_digits(f"รอบ {rnd} เดือน", "thai")
        if rnd != report.round and phrase not in found:
            found.append(phrase)
    return found
