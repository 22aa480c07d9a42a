"""Model objects to table columns and back: the mapping between core.model and the file's tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .values import Values

from ..core.limits import too_long, too_long_message
from ..core.model import Announcement, Conclusion, Heading, Item, Papers, Report, Reporter
from .errors import StorageError

NODE_TEXT_FIELDS = ("title", "indicator", "target", "result", "note")
NODE_FIELDS = NODE_TEXT_FIELDS + (
    "item_type",
    "budget",
    "approaches",
    "status",
    "status_reason",
    "details",
    "photos",
)
REPORT_FIELDS = (
    "fiscal_year",
    "round",
    "plan_title",
    "intro",
    "conclusion",
    "reporter",
    "announcement",
    "papers",
)
NODE_COLUMNS = (
    "title",
    "item_type",
    "indicator",
    "target",
    "result",
    "integrated",
    "agency",
    "disbursed",
    "approach1",
    "approach2",
    "approach3",
    "status",
    "status_reason",
    "note",
)


def _iso(d: dt.date | None) -> str | None:
    return None if d is None else d.isoformat()


def _date(s: str | None) -> dt.date | None:
    return None if s is None else dt.date.fromisoformat(s)


def _report_columns(r: Report) -> dict[str, Any]:
    a = r.announcement
    return {
        "fiscal_year": r.fiscal_year,
        "round": r.round,
        "plan_title": r.plan_title,
        "intro": r.intro,
        **_conclusion_columns(r.conclusion),
        **_reporter_columns(r.reporter),
        **_announcement_columns(a),
    }


def _conclusion_columns(c: Conclusion) -> dict[str, Any]:
    return {"supporting_factors": c.supporting_factors, "problems": c.problems, "suggestions": c.suggestions}


def _reporter_columns(p: Reporter) -> dict[str, Any]:
    return {
        "reporter_name": p.name,
        "reporter_position": p.position,
        "reporter_phone": p.phone,
        "reporter_email": p.email,
        "reporter_date": _iso(p.date),
    }


def _announcement_columns(a: Announcement) -> dict[str, Any]:
    return {
        "announcement_body": a.body,
        "announcement_date": _iso(a.date),
        "signatory_name": a.signatory_name,
        "signatory_position": a.signatory_position,
        "emblem_png": a.emblem_png,
    }


PAPERS_COLUMNS = (
    "division",
    "document_number",
    "memo_date",
    "executive_position",
    "memo_body",
    "web_description",
    "web_link",
    "web_remarks",
    "web_publisher_name",
    "web_publisher_position",
)


def _papers_columns(p: Papers) -> dict[str, Any]:
    return {
        "division": p.division,
        "document_number": p.document_number,
        "memo_date": _iso(p.memo_date),
        "executive_position": p.executive_position,
        "memo_body": p.memo_body,
        "web_description": p.web_description,
        "web_link": p.web_link,
        "web_remarks": p.web_remarks,
        "web_publisher_name": p.web_publisher_name,
        "web_publisher_position": p.web_publisher_position,
    }


def _papers_from_row(row: dict[str, Any], v: Values) -> Papers:
    """A papers row as read from a file, each value checked (v: storage.values.Values of the row)."""
    return Papers(
        **{k: v.text(k, row[k]) for k in Papers.TEXT_FIELDS},
        memo_date=v.date("memo_date", row["memo_date"]),
        memo_body=v.opt_text("memo_body", row["memo_body"]),
        web_description=v.opt_text("web_description", row["web_description"]),
    )


def _node_columns(node: Heading | Item) -> dict[str, Any]:
    if isinstance(node, Heading):
        return {"kind": "heading", "title": node.title}
    b = node.budget
    return {
        "kind": "item",
        "title": node.title,
        "item_type": node.item_type,
        "indicator": node.indicator,
        "target": node.target,
        "result": node.result,
        "integrated": b.integrated,
        "agency": b.agency,
        "disbursed": b.disbursed,
        "approach1": int(node.approaches[0]),
        "approach2": int(node.approaches[1]),
        "approach3": int(node.approaches[2]),
        "status": node.status,
        "status_reason": node.status_reason,
        "note": node.note,
    }


def _node_changes(changes: dict[str, Any]) -> dict[str, Any]:
    cols: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "budget":
            cols.update(integrated=value.integrated, agency=value.agency, disbursed=value.disbursed)
        elif key == "approaches":
            cols.update({f"approach{i + 1}": int(bool(v)) for i, v in enumerate(value)})
        elif key in NODE_FIELDS and key not in ("details", "photos"):
            cols[key] = value
        else:
            raise KeyError(key)
    return cols


def _check_text(values: Iterable[object]) -> None:
    """Refuse text SQLite cannot store as UTF-8 (a lone surrogate) with a Thai message, not a traceback."""
    for value in values:
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise StorageError("ข้อความมีอักขระที่ไม่ถูกต้อง (surrogate ที่ไม่มีคู่) บันทึกไม่ได้") from None
            if too_long(value):
                raise StorageError(f"ข้อความ{too_long_message(len(value))} โปรดตัดให้สั้นลง")
