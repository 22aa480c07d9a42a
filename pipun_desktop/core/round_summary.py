"""What a new round made from a report copies, clears and regenerates, in Thai words for the officer, before the
round is made (the new-round dialog shows it). It asks core.rules the same questions `rules.new_round` asks,
and tests/test_round_summary.py checks every sentence against what `new_round` then does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..thai.digits import render_digits
from .model import Organization, Report
from .rules import carries_results, is_standard_announcement, is_standard_intro

# the parts of a report, named as the window names them
PLAN = "มิติ หัวข้อ และโครงการ/กิจกรรมทั้งหมด (ชื่อ ประเภท ตัวชี้วัด เป้าหมาย แนวทาง หมายเหตุ)"
RESULTS = "ผลการดำเนินงาน สถานะและเหตุผล"
DISBURSED = "ผลเบิกจ่าย"
BUDGETS = "งบบูรณาการและงบหน่วยงาน"
RESULT_BLOCKS = "รายละเอียดที่รายงานผล (หัวข้อ “ผลการดำเนิน…”)"
OTHER_BLOCKS = "รายละเอียดโครงการอื่น ๆ (วัตถุประสงค์ วิธีดำเนินการ ฯลฯ)"
CONCLUSION = "บทสรุป ปัจจัยสนับสนุน ปัญหา/อุปสรรค ข้อเสนอแนะ"
PEOPLE = "ผู้รายงาน ผู้ลงนามประกาศ ตำแหน่ง โทรศัพท์ อีเมล และตราสัญลักษณ์"
PLAN_TITLE = "ชื่อแผน"
DATES = "วันที่รายงานและวันที่ประกาศ"
INTRO = "คำนำ (ข้อความมาตรฐาน ปรับปี รอบ และช่วงเวลาใหม่)"
ANNOUNCEMENT = "เนื้อความประกาศ (ข้อความมาตรฐาน ปรับปีและรอบใหม่)"
INTRO_TYPED = "คำนำที่พิมพ์เอง: คงไว้ตามเดิม ตรวจแก้ปีและรอบเอง"
ANNOUNCEMENT_TYPED = "เนื้อความประกาศที่พิมพ์เอง: คงไว้ตามเดิม ตรวจแก้ปีและรอบเอง"


@dataclass
class RoundSummary:
    copied: list[str] = field(default_factory=list)
    cleared: list[str] = field(default_factory=list)
    regenerated: list[str] = field(default_factory=list)
    kept_as_typed: list[str] = field(default_factory=list)

    def text(self, title: str = "") -> str:
        """Plain Thai text, one part a line under each heading."""
        lines = [title] if title else []
        for heading, parts in (
            ("คัดลอกจากรายงานนี้:", self.copied),
            ("ล้างให้ว่าง (กรอกใหม่สำหรับรอบใหม่):", self.cleared),
            ("สร้างใหม่ตามปีและรอบใหม่:", self.regenerated),
            ("ตรวจเอง:", self.kept_as_typed),
        ):
            if parts:
                lines.append(heading)
                lines += [f"  • {p}" for p in parts]
        return "\n".join(lines)


def new_round_summary(
    source: Report, organization: Organization, fiscal_year: int, round_: int
) -> RoundSummary:
    """What `rules.new_round(source, fiscal_year, round_, organization)` copies, clears and regenerates."""
    s = RoundSummary()
    s.copied += [PLAN, PLAN_TITLE, PEOPLE, OTHER_BLOCKS]
    if carries_results(source, fiscal_year, round_):
        s.copied += [RESULTS, BUDGETS, DISBURSED, RESULT_BLOCKS, CONCLUSION]
    else:
        s.cleared += [RESULTS, DISBURSED, RESULT_BLOCKS]
        same_year = source.fiscal_year == fiscal_year
        (s.copied if same_year else s.cleared).append(BUDGETS)
        (s.copied if same_year else s.cleared).append(CONCLUSION)
    s.cleared.append(DATES)
    (s.regenerated if is_standard_intro(organization, source) else s.kept_as_typed).append(
        INTRO if is_standard_intro(organization, source) else INTRO_TYPED
    )
    standard_announcement = is_standard_announcement(organization, source)
    (s.regenerated if standard_announcement else s.kept_as_typed).append(
        ANNOUNCEMENT if standard_announcement else ANNOUNCEMENT_TYPED
    )
    return s


def new_round_text(
    source: Report, organization: Organization, fiscal_year: int, round_: int, digits: str
) -> str:
    title = render_digits(
        f"รายงานปี {fiscal_year} รอบ {round_} เดือน จากรายงานปี {source.fiscal_year} รอบ {source.round} เดือน",
        digits,
    )
    return new_round_summary(source, organization, fiscal_year, round_).text(title)
