"""The report model: plain dataclasses, no Qt, no storage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

ITEM_TYPES = ("project", "activity", "measure")
ITEM_TYPE_LABELS = {"project": "โครงการ", "activity": "กิจกรรม", "measure": "มาตรการ"}
STATUSES = ("done", "in_progress", "not_started", "not_possible")
STATUS_LABELS = {
    None: "ไม่ระบุ",
    "done": "ดำเนินการแล้ว",
    "in_progress": "อยู่ระหว่างดำเนินการ",
    "not_started": "ยังไม่ได้ดำเนินการ",
    "not_possible": "ไม่สามารถดำเนินการได้",
}
STATUS_REASONS = ("no_budget", "policy_change", "no_staff", "other")
STATUS_REASON_LABELS = {
    "no_budget": "ไม่ได้รับงบประมาณ",
    "policy_change": "เปลี่ยนแปลงนโยบาย",
    "no_staff": "บุคลากรไม่เพียงพอ",
    "other": "อื่น ๆ",
}
ROUNDS = (6, 12)
APPROACH_LABELS = (
    "สร้างจิตสำนึกและปลูกฝังความซื่อสัตย์สุจริต",
    "สร้างกลไกการป้องกันการทุจริต",
    "สร้างประสิทธิภาพในการป้องกันการทุจริต",
)
DETAIL_HEADINGS = (
    "วัตถุประสงค์",
    "วิธีดำเนินการ",
    "ตัวชี้วัด/ผลลัพธ์",
    "ผลการดำเนินการ",
    "ผลที่คาดว่าจะได้รับ",
    "ระยะเวลาดำเนินการ",
)


@dataclass
class Organization:
    name: str = ""
    district: str = ""
    province: str = ""


@dataclass
class Budget:
    """Three amounts in integer satang; None means no amount ("-")."""

    integrated: int | None = None
    agency: int | None = None
    disbursed: int | None = None

    FIELDS = ("integrated", "agency", "disbursed")


@dataclass
class DetailBlock:
    heading: str = ""
    body: str = ""


@dataclass
class Photo:
    """An activity photo as stored: JPEG or PNG bytes (checked and made small by media.images when it
    entered) and its caption."""

    image: bytes
    caption: str = ""


@dataclass
class Item:
    item_type: str = "project"
    title: str = ""
    indicator: str = ""
    target: str = ""
    result: str = ""
    budget: Budget = field(default_factory=Budget)
    approaches: tuple[bool, bool, bool] = (False, False, False)
    status: str | None = None
    status_reason: str | None = None
    note: str = ""
    details: list[DetailBlock] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    id: int | None = None

    kind = "item"

    @property
    def children(self) -> list[Node]:
        return []


@dataclass
class Heading:
    title: str = ""
    children: list[Node] = field(default_factory=list)
    id: int | None = None

    kind = "heading"


Node = Heading | Item


@dataclass
class Conclusion:
    supporting_factors: str = ""
    problems: str = ""
    suggestions: str = ""


@dataclass
class Reporter:
    name: str = ""
    position: str = ""
    phone: str = ""
    email: str = ""
    date: dt.date | None = None


@dataclass
class Announcement:
    body: str = ""
    date: dt.date | None = None
    signatory_name: str = ""
    signatory_position: str = ""
    emblem_png: bytes | None = None


@dataclass
class Papers:
    """What the papers that go with the report need beyond the report itself: the memo to the executive
    (บันทึกข้อความ) and the web-publication form. None in memo_body/web_description: drafted from the report."""

    division: str = ""  # ส่วนราชการ (e.g. "สำนักปลัด องค์การบริหารส่วนตำบลพิปูน โทร. ...")
    document_number: str = ""  # ที่ (e.g. "นศ ๗๓๘๐๑/๑๒๓")
    memo_date: dt.date | None = None
    executive_position: str = ""  # เรียน … (e.g. "นายกองค์การบริหารส่วนตำบลพิปูน")
    memo_body: str | None = None
    web_description: str | None = None
    web_link: str = ""
    web_remarks: str = ""
    web_publisher_name: str = ""
    web_publisher_position: str = ""

    TEXT_FIELDS = (
        "division",
        "document_number",
        "executive_position",
        "web_link",
        "web_remarks",
        "web_publisher_name",
        "web_publisher_position",
    )


@dataclass
class Report:
    fiscal_year: int
    round: int
    plan_title: str = ""
    intro: str | None = None
    tree: list[Heading] = field(default_factory=list)
    conclusion: Conclusion = field(default_factory=Conclusion)
    reporter: Reporter = field(default_factory=Reporter)
    announcement: Announcement = field(default_factory=Announcement)
    papers: Papers = field(default_factory=Papers)
    id: int | None = None

    def items(self) -> Iterator[Item]:
        for node in walk(self.tree):
            if isinstance(node, Item):
                yield node


@dataclass
class Document:
    organization: Organization
    reports: list[Report] = field(default_factory=list)


def walk(nodes: Iterable[Node]) -> Iterator[Node]:
    """Every node in print (pre-)order."""
    for node in nodes:
        yield node
        if isinstance(node, Heading):
            yield from walk(node.children)


def walk_items(node: Node) -> Iterator[Item]:
    if isinstance(node, Item):
        yield node
    else:
        for child in node.children:
            yield from walk_items(child)
