"""Synthetic reports of any size for benchmarks (deterministic, realistic Thai text)."""

import datetime as dt
import random

from pipun_desktop.core.model import (
    Announcement,
    Budget,
    Conclusion,
    DetailBlock,
    Document,
    Heading,
    Item,
    Organization,
    Report,
    Reporter,
)

WORDS = (
    "โครงการ ส่งเสริม คุณธรรม จริยธรรม การป้องกัน การทุจริต ผู้บริหารท้องถิ่น พนักงานส่วนตำบล ประชาชน "
    "ความโปร่งใส ตรวจสอบ ฝึกอบรม เผยแพร่ ข้อมูลข่าวสาร งบประมาณ จัดซื้อจัดจ้าง ธรรมาภิบาล ที่นี่ ปี่ น้ำ "
    "ผู้ใหญ่ บ้าน ร้องเรียน สภาท้องถิ่น ๒๕๖๔ ๕๐ คน ITA"
).split()


def _text(rng, n):
    return "".join(rng.choice(WORDS) for _ in range(n)).strip()


def synthetic_report(items: int, seed: int = 1, fiscal_year: int = 2564, round_: int = 6) -> Report:
    rng = random.Random(seed)
    dims = [Heading(f"มิติ {_text(rng, 4)}", []) for _ in range(4)]
    made = 0
    while made < items:
        dim = dims[made % 4]
        if not dim.children or len(dim.children[-1].children) >= 3:
            dim.children.append(Heading(_text(rng, 5), [Heading(_text(rng, 6), [])]))
        sub = dim.children[-1].children[-1]
        amount = rng.choice([None, None, rng.randrange(1, 200) * 500_000])
        sub.children.append(
            Item(
                item_type=rng.choice(["project", "activity", "measure"]),
                title=_text(rng, 5),
                indicator=_text(rng, 4),
                target=_text(rng, 6),
                result=_text(rng, 10),
                budget=Budget(None, amount, None if amount is None else amount // 2),
                approaches=(True, rng.random() < 0.3, rng.random() < 0.3),
                status="done",
                note="",
                details=[
                    DetailBlock("วัตถุประสงค์", "\n".join("- " + _text(rng, 8) for _ in range(3))),
                    DetailBlock("ผลการดำเนินการ", _text(rng, 40)),
                ],
            )
        )
        made += 1
    return Report(
        fiscal_year=fiscal_year,
        round=round_,
        plan_title="แผนปฏิบัติการป้องกันการทุจริต",
        tree=dims,
        conclusion=Conclusion(_text(rng, 30), _text(rng, 30), _text(rng, 30)),
        reporter=Reporter(
            "นางสาวทดสอบ ระบบ", "นักวิเคราะห์นโยบายและแผน", "0 7500 0000", "a@example.org", dt.date(2021, 4, 8)
        ),
        announcement=Announcement(
            _text(rng, 60), dt.date(2021, 4, 8), "นายทดสอบ ระบบ", "นายกองค์การบริหารส่วนตำบล"
        ),
    )


def synthetic_document(items: int, seed: int = 1) -> Document:
    return Document(
        Organization("องค์การบริหารส่วนตำบลทดสอบ", "เมือง", "นครศรีธรรมราช"), [synthetic_report(items, seed)]
    )
