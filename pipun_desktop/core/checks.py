"""Checks a report before it is printed: each finding has a severity, the node's number and a Thai message."""

from __future__ import annotations

from dataclasses import dataclass

from ..thai.amounts import format_amount
from ..thai.digits import render_digits
from .model import Heading, Item, Node, Report
from .numbering import numbered
from .texts import contradictions

ERROR = "error"
WARNING = "warning"
SEVERITY_LABELS = {ERROR: "ข้อผิดพลาด", WARNING: "คำเตือน"}


@dataclass(frozen=True)
class Finding:
    severity: str
    number: str  # the node's number, "" for report-level findings
    message: str
    node: Node | None = None

    def __str__(self) -> str:
        where = f"{self.number}: " if self.number else ""
        return f"[{SEVERITY_LABELS[self.severity]}] {where}{self.message}"


def _item_findings(item: Item, number: str, digits: str) -> list[Finding]:
    out: list[Finding] = []

    def add(severity: str, message: str) -> None:
        out.append(Finding(severity, number, message, item))

    if not item.title.strip():
        add(ERROR, "ยังไม่มีชื่อโครงการ/กิจกรรม")
    b = item.budget
    allotted = None if b.integrated is None and b.agency is None else (b.integrated or 0) + (b.agency or 0)
    if b.disbursed is not None and b.disbursed > (allotted or 0):
        add(
            ERROR,
            f"ผลเบิกจ่าย {format_amount(b.disbursed, digits)} บาท เกินงบประมาณ "
            f"{format_amount(allotted or 0, digits)} บาท",
        )
    if not item.indicator.strip():
        add(WARNING, "ยังไม่ได้กรอกตัวชี้วัด")
    if not item.target.strip():
        add(WARNING, "ยังไม่ได้กรอกเป้าหมาย")
    if item.status == "done" and not item.result.strip():
        add(ERROR, "ดำเนินการแล้วแต่ยังไม่ได้กรอกผลการดำเนินงาน")
    elif not item.result.strip():
        add(WARNING, "ยังไม่ได้กรอกผลการดำเนินงาน")
    if item.status == "not_started" and b.disbursed:
        add(ERROR, "ยังไม่ได้ดำเนินการแต่มีผลเบิกจ่าย")
    elif item.status == "not_started" and any(v is not None for v in (b.integrated, b.agency)):
        add(WARNING, "ยังไม่ได้ดำเนินการแต่มีงบประมาณ")
    if item.status == "not_possible" and not item.status_reason:
        add(ERROR, "ไม่สามารถดำเนินการได้ แต่ยังไม่ได้ระบุเหตุผล")
    if item.status is None:
        add(WARNING, "ยังไม่ได้ระบุสถานะการดำเนินงาน")
    return out


def check_report(report: Report, digits: str = "thai") -> list[Finding]:
    findings: list[Finding] = []
    if not report.tree:
        findings.append(Finding(ERROR, "", "รายงานยังไม่มีมิติหรือโครงการ"))
    for n in numbered(report.tree, digits):
        node = n.node
        if isinstance(node, Heading):
            if not node.title.strip():
                findings.append(Finding(WARNING, n.number, "หัวข้อยังไม่มีชื่อ", node))
            if not node.children:
                findings.append(Finding(WARNING, n.number, "หัวข้อนี้ยังไม่มีโครงการ/กิจกรรม", node))
        else:
            findings.extend(_item_findings(node, n.number, digits))
    if n_missing := [
        label
        for label, value in (
            ("ชื่อผู้รายงาน", report.reporter.name),
            ("ตำแหน่งผู้รายงาน", report.reporter.position),
            ("วันที่รายงาน", report.reporter.date),
        )
        if not value
    ]:
        findings.append(Finding(WARNING, "", "ยังไม่ได้กรอก" + " ".join(n_missing)))
    ann = report.announcement
    which = f"รายงานนี้เป็นปี พ.ศ. {report.fiscal_year} รอบ {report.round} เดือน"
    for label, text in (("บทนำ", report.intro), ("ข้อความประกาศ", ann.body)):
        if text is not None and (wrong := contradictions(text, report, report.plan_title)):
            findings.append(
                Finding(
                    ERROR,
                    "",
                    render_digits(
                        f"{label}กล่าวถึง{' และ'.join(wrong)} แต่{which} แก้ข้อความให้ตรงกับรายงาน", digits
                    ),
                )
            )
    if wrong := contradictions(report.plan_title, report):
        findings.append(
            Finding(
                WARNING,
                "",
                render_digits(f"ชื่อแผนกล่าวถึง{' และ'.join(wrong)} แต่{which}", digits),
            )
        )
    if n_missing := [
        label
        for label, value in (
            ("ข้อความประกาศ", ann.body.strip()),
            ("วันที่ประกาศ", ann.date),
            ("ชื่อผู้ลงนามประกาศ", ann.signatory_name.strip()),
            ("ตำแหน่งผู้ลงนามประกาศ", ann.signatory_position.strip()),
        )
        if not value
    ]:
        findings.append(Finding(WARNING, "", "ยังไม่ได้กรอก" + " ".join(n_missing)))
    return findings


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)
