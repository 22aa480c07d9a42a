"""The audit trail: every change a ReportStore makes is recorded in the same transaction as the change.

A row says when (UTC), which OS user on which machine, what action, which report and node, which field, and
the old and new values as text (amounts in baht with two decimals, ticks as 1/0, narrative blocks as JSON).
Rows are never updated or deleted by the program.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..core.model import DetailBlock
from ..thai.amounts import decimal_string
from .identity import host_name, iso_now, os_user

AMOUNT_COLUMNS = {"integrated", "agency", "disbursed"}

FIELD_LABELS = {
    "title": "ชื่อ",
    "item_type": "ประเภท",
    "indicator": "ตัวชี้วัด",
    "target": "เป้าหมาย",
    "result": "ผลการดำเนินงาน",
    "integrated": "งบบูรณาการ",
    "agency": "งบหน่วยงาน",
    "disbursed": "ผลเบิกจ่าย",
    "approach1": "แนวทางที่ ๑",
    "approach2": "แนวทางที่ ๒",
    "approach3": "แนวทางที่ ๓",
    "status": "สถานะ",
    "status_reason": "เหตุผล",
    "note": "หมายเหตุ",
    "details": "รายละเอียด",
    "position": "ตำแหน่ง",
    "fiscal_year": "ปีงบประมาณ",
    "round": "รอบ",
    "plan_title": "ชื่อแผน",
    "intro": "บทนำ",
}
ACTION_LABELS = {
    "update": "แก้ไข",
    "insert": "เพิ่ม",
    "delete": "ลบ",
    "move": "ย้าย",
    "add_report": "เพิ่มรายงาน",
    "delete_report": "ลบรายงาน",
    "update_report": "แก้ไขรายงาน",
    "organization": "แก้ไขหน่วยงาน",
    "import": "นำเข้า",
    "restore": "กู้คืนจากสำเนา",
    "migrate": "ปรับรุ่นไฟล์",
}


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    user: str
    host: str
    action: str
    report_id: int | None
    node_id: int | None
    field: str
    old: str | None
    new: str | None


def as_text(column: str, value: object) -> str | None:
    """A column's value as the audit trail keeps it."""
    if value is None:
        return None
    if column in AMOUNT_COLUMNS and isinstance(value, int):
        return decimal_string(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, bytes):
        return f"<{len(value)} ไบต์>"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return json.dumps(
            [{"heading": d.heading, "body": d.body} if isinstance(d, DetailBlock) else d for d in value],
            ensure_ascii=False,
        )
    return str(value)


class AuditWriter:
    """Writes audit rows on one connection; the caller's transaction makes them atomic with the change."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.user = os_user()
        self.host = host_name()
        self.enabled = True

    def record(
        self,
        action: str,
        report_id: int | None = None,
        node_id: int | None = None,
        field: str = "",
        old: object = None,
        new: object = None,
    ) -> None:
        if not self.enabled:
            return
        self.conn.execute(
            "INSERT INTO audit (at, user, host, action, report_id, node_id, field, old, new) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                iso_now(),
                self.user,
                self.host,
                action,
                report_id,
                node_id,
                field,
                as_text(field, old),
                as_text(field, new),
            ],
        )

    def changes(
        self,
        action: str,
        old_row: dict[str, Any],
        new_cols: dict[str, Any],
        report_id: int | None = None,
        node_id: int | None = None,
    ) -> None:
        """One row per column whose value really changes."""
        for column, new in new_cols.items():
            old = old_row.get(column)
            if as_text(column, old) != as_text(column, new):
                self.record(action, report_id, node_id, column, old, new)


def history(
    conn: sqlite3.Connection, *, node_id: int | None = None, report_id: int | None = None, limit: int = 1000
) -> list[AuditEntry]:
    """Audit rows, newest first, for one node, one report or (neither given) the whole file."""
    where, args = "", []
    if node_id is not None:
        where, args = "WHERE node_id = ?", [node_id]
    elif report_id is not None:
        where, args = "WHERE report_id = ?", [report_id]
    rows = conn.execute(
        f"SELECT id, at, user, host, action, report_id, node_id, field, old, new FROM audit "
        f"{where} ORDER BY id DESC LIMIT ?",
        [*args, limit],
    ).fetchall()
    return [_entry(r) for r in rows]


def _entry(row: tuple[Any, ...]) -> AuditEntry:
    """An audit row as the history shows it. The trail is only read and shown, so a value of the wrong type (a
    BLOB, a number where text belongs) is shown for what it is rather than refusing the whole history."""

    def text(value: object, optional: bool = False) -> str | None:
        if value is None:
            return None if optional else ""
        if isinstance(value, str):
            return value
        if isinstance(value, bytes):
            return f"(ข้อมูลไบนารี {len(value):,} ไบต์)"
        return str(value)

    def number(value: object) -> int | None:
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    rid, at, user, host, action, report_id, node_id, field, old, new = row
    return AuditEntry(
        rid,
        text(at) or "",
        text(user) or "",
        text(host) or "",
        text(action) or "",
        number(report_id),
        number(node_id),
        text(field) or "",
        text(old, True),
        text(new, True),
    )
