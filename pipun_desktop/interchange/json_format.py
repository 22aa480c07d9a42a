"""The pipun-report JSON interchange format, strict both ways.

Reading refuses unknown keys, wrong types and bad values with a Thai message that names the path of the
bad value; writing always produces every key, amounts with two decimals and ISO dates, so that
write(read(x)) == x for every document this module writes.
"""

from __future__ import annotations

import base64
import binascii
import builtins
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from ..core.limits import too_long, too_long_message
from ..core.model import (
    ITEM_TYPES,
    ROUNDS,
    STATUS_REASONS,
    STATUSES,
    Announcement,
    Budget,
    Conclusion,
    DetailBlock,
    Document,
    Heading,
    Item,
    Organization,
    Papers,
    Photo,
    Report,
    Reporter,
)
from ..core.rules import first_duplicate, year_round_problem
from ..media.images import MAX_FILE_BYTES, PHOTO_MAX_SIDE, ImageError, check_emblem, check_image
from ..thai.amounts import decimal_string, satang_from_decimal_string

FORMAT = "pipun-report"
VERSION = 2  # written; version 1 (no photos, no papers) still reads
READ_VERSIONS = (1, 2)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
MAX_DEPTH = 12  # dimension → section → sub-section → … ; deeper trees are a mistake, not a report


class InterchangeError(ValueError):
    """A document that is not a valid pipun-report; `path` points at the bad value."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.detail = message
        super().__init__(f"{path}: {message}" if path else message)


def _show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


class _Reader:
    version = VERSION

    def obj(
        self, value: Any, path: str, required: Sequence[str], optional: Sequence[str] = ()
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise InterchangeError(path, f"ต้องเป็นออบเจกต์ {{…}} ไม่ใช่ {_show(value)}")
        unknown = [k for k in value if k not in required and k not in optional]
        if unknown:
            raise InterchangeError(f"{path}.{unknown[0]}" if path else unknown[0], "ไม่รู้จักคีย์นี้")
        missing = [k for k in required if k not in value]
        if missing:
            raise InterchangeError(path or "(เอกสาร)", f'ขาดคีย์ "{missing[0]}"')
        return value

    def text(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise InterchangeError(path, f"ต้องเป็นข้อความ ไม่ใช่ {_show(value)}")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InterchangeError(path, "มีอักขระที่ไม่ถูกต้อง (surrogate ที่ไม่มีคู่)") from None
        if too_long(value):
            raise InterchangeError(path, f"ข้อความ{too_long_message(len(value))}")
        return value

    def opt_text(self, value: Any, path: str) -> str | None:
        return None if value is None else self.text(value, path)

    def integer(self, value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):  # 6.0 is not an integer here
            raise InterchangeError(path, f"ต้องเป็นจำนวนเต็ม ไม่ใช่ {_show(value)}")
        return value

    def list(self, value: Any, path: str) -> builtins.list[Any]:
        if not isinstance(value, list):
            raise InterchangeError(path, f"ต้องเป็นรายการ […] ไม่ใช่ {_show(value)}")
        return value

    def choice(self, value: Any, path: str, choices: Sequence[Any], allow_none: bool = False) -> Any:
        if value is None and allow_none:
            return None
        if value not in choices:
            allowed = ", ".join(f'"{c}"' for c in choices) + (" หรือ null" if allow_none else "")
            raise InterchangeError(path, f"{_show(value)} ไม่ใช่ค่าที่ใช้ได้ (ใช้ได้: {allowed})")
        return value

    def amount(self, value: Any, path: str) -> int | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise InterchangeError(
                path, f'{_show(value)} ไม่ใช่จำนวนเงิน (ต้องเป็นข้อความ เช่น "20000.00" หรือ null)'
            )
        try:
            return satang_from_decimal_string(value)
        except ValueError:
            raise InterchangeError(
                path, f'{_show(value)} ไม่ใช่จำนวนเงิน (เช่น "20000.00" ทศนิยมไม่เกินสองตำแหน่ง)'
            ) from None

    def date(self, value: Any, path: str) -> dt.date | None:
        if value is None:
            return None
        try:
            if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):  # not "2021-W14-4", not "๒๕๖๔-…"
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            raise InterchangeError(path, f'{_show(value)} ไม่ใช่วันที่ (ต้องเป็นแบบ "2021-04-08")') from None

    def base64(self, value: Any, path: str) -> bytes:
        """An image as base64: not text, so not under the text cap, but under the image's own size cap."""
        if not isinstance(value, str):
            raise InterchangeError(path, f"ต้องเป็นข้อความ base64 ไม่ใช่ {_show(value)}")
        if len(value) > (MAX_FILE_BYTES // 3 + 1) * 4:
            raise InterchangeError(path, f"ภาพใหญ่เกินไป (เกิน {MAX_FILE_BYTES // (1024 * 1024)} MB)")
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise InterchangeError(path, "ไม่ใช่ข้อมูล base64") from None

    def png(self, value: Any, path: str) -> bytes | None:
        if value is None:
            return None
        data = self.base64(value, path)
        if not data.startswith(PNG_SIGNATURE):
            raise InterchangeError(path, "ไม่ใช่ภาพ PNG")
        try:
            check_emblem(data)
        except ImageError as exc:
            raise InterchangeError(path, str(exc)) from None
        return data

    def photos(self, value: Any, path: str, title: str) -> builtins.list[Photo]:
        out: list[Photo] = []
        for i, raw in enumerate(self.list(value, path)):
            pp = f"{path}[{i}]"
            self.obj(raw, pp, ("image", "caption"))
            caption = self.text(raw["caption"], f"{pp}.caption")
            data = self.base64(raw["image"], f"{pp}.image")
            what = f"ภาพที่ {i + 1} ของ “{title[:60]}”"
            try:
                info = check_image(data, what)
            except ImageError as exc:
                raise InterchangeError(f"{pp}.image", str(exc)) from None
            if max(info.width, info.height) > PHOTO_MAX_SIDE:
                raise InterchangeError(
                    f"{pp}.image",
                    f"{what} ใหญ่เกิน {PHOTO_MAX_SIDE:,} จุด ({info.width:,} × {info.height:,}) "
                    f"เพิ่มภาพผ่านหน้าต่างโปรแกรมเพื่อให้ย่อให้",
                )
            out.append(Photo(data, caption))
        return out

    def papers(self, raw: Any, path: str) -> Papers:
        fields = ("memo_date", "memo_body", "web_description", *Papers.TEXT_FIELDS)
        self.obj(raw, path, (), fields)
        return Papers(
            **{k: self.text(raw.get(k, ""), f"{path}.{k}") for k in Papers.TEXT_FIELDS},
            memo_date=self.date(raw.get("memo_date"), f"{path}.memo_date"),
            memo_body=self.opt_text(raw.get("memo_body"), f"{path}.memo_body"),
            web_description=self.opt_text(raw.get("web_description"), f"{path}.web_description"),
        )

    # -- the document -------------------------------------------------------------------------
    def document(self, raw: Any) -> Document:
        self.obj(raw, "", ("format", "version", "organization", "reports"))
        if raw["format"] != FORMAT:
            raise InterchangeError("format", f'{_show(raw["format"])} ไม่ใช่ไฟล์รายงาน (ต้องเป็น "{FORMAT}")')
        version = self.integer(raw["version"], "version")
        if version not in READ_VERSIONS:
            newer = " ซึ่งใหม่กว่าโปรแกรมนี้ โปรดปรับรุ่นโปรแกรม" if version > VERSION else ""
            raise InterchangeError("version", f"ไม่รองรับรุ่น {version}{newer}")
        self.version = version
        org = self.obj(raw["organization"], "organization", ("name", "district", "province"))
        organization = Organization(**{k: self.text(org[k], f"organization.{k}") for k in org})
        reports = [
            self.report(r, f"reports[{i}]") for i, r in enumerate(self.list(raw["reports"], "reports"))
        ]
        if (twice := first_duplicate([(r.fiscal_year, r.round) for r in reports])) is not None:
            first, i = twice
            r = reports[i]
            raise InterchangeError(
                f"reports[{i}]", f"มีรายงานปี {r.fiscal_year} รอบ {r.round} เดือนซ้ำกับ reports[{first}]"
            )
        return Document(organization, reports)

    def report(self, raw: Any, path: str) -> Report:
        self.obj(
            raw,
            path,
            ("fiscal_year", "round", "plan_title", "tree", "conclusion", "reporter", "announcement"),
            ("intro", "papers") if self.version >= 2 else ("intro",),
        )
        year = self.integer(raw["fiscal_year"], f"{path}.fiscal_year")
        if (problem := year_round_problem(year, ROUNDS[0])) is not None:
            raise InterchangeError(f"{path}.fiscal_year", problem)
        rnd = self.choice(self.integer(raw["round"], f"{path}.round"), f"{path}.round", ROUNDS)
        nodes = [
            self.node(n, f"{path}.tree[{i}]", 1) for i, n in enumerate(self.list(raw["tree"], f"{path}.tree"))
        ]
        tree: builtins.list[Heading] = []
        for i, n in enumerate(nodes):
            if not isinstance(n, Heading):
                raise InterchangeError(f"{path}.tree[{i}]", "ระดับบนสุดต้องเป็นมิติ (heading) ไม่ใช่โครงการ")
            tree.append(n)
        c = self.obj(
            raw["conclusion"], f"{path}.conclusion", ("supporting_factors", "problems", "suggestions")
        )
        conclusion = Conclusion(**{k: self.text(c[k], f"{path}.conclusion.{k}") for k in c})
        r = self.obj(raw["reporter"], f"{path}.reporter", ("name", "position", "phone", "email", "date"))
        reporter = Reporter(
            **{k: self.text(r[k], f"{path}.reporter.{k}") for k in ("name", "position", "phone", "email")},
            date=self.date(r["date"], f"{path}.reporter.date"),
        )
        a = self.obj(
            raw["announcement"],
            f"{path}.announcement",
            ("body", "date", "signatory_name", "signatory_position"),
            ("emblem_png",),
        )
        ap = f"{path}.announcement"
        announcement = Announcement(
            body=self.text(a["body"], f"{ap}.body"),
            date=self.date(a["date"], f"{ap}.date"),
            signatory_name=self.text(a["signatory_name"], f"{ap}.signatory_name"),
            signatory_position=self.text(a["signatory_position"], f"{ap}.signatory_position"),
            emblem_png=self.png(a.get("emblem_png"), f"{ap}.emblem_png"),
        )
        return Report(
            fiscal_year=year,
            round=rnd,
            plan_title=self.text(raw["plan_title"], f"{path}.plan_title"),
            intro=self.opt_text(raw.get("intro"), f"{path}.intro"),
            tree=tree,
            conclusion=conclusion,
            reporter=reporter,
            announcement=announcement,
            papers=self.papers(raw["papers"], f"{path}.papers") if "papers" in raw else Papers(),
        )

    def node(self, raw: Any, path: str, depth: int) -> Heading | Item:
        if depth > MAX_DEPTH:
            raise InterchangeError(path, f"ต้นไม้ลึกเกิน {MAX_DEPTH} ชั้น")
        if not isinstance(raw, dict):
            raise InterchangeError(path, f"ต้องเป็นออบเจกต์ {{…}} ไม่ใช่ {_show(raw)}")
        if "kind" not in raw:
            raise InterchangeError(path, 'ขาดคีย์ "kind"')
        kind = self.choice(raw["kind"], f"{path}.kind", ("heading", "item"))
        if kind == "heading":
            self.obj(raw, path, ("kind", "title", "children"))
            children = self.list(raw["children"], f"{path}.children")
            return Heading(
                title=self.text(raw["title"], f"{path}.title"),
                children=[self.node(c, f"{path}.children[{i}]", depth + 1) for i, c in enumerate(children)],
            )
        self.obj(
            raw,
            path,
            ("kind", "item_type", "title", "indicator", "target", "result", "budget", "approaches"),
            ("status", "status_reason", "note", "details", "photos")
            if self.version >= 2
            else ("status", "status_reason", "note", "details"),
        )
        b = self.obj(raw["budget"], f"{path}.budget", Budget.FIELDS)
        approaches = self.list(raw["approaches"], f"{path}.approaches")
        if len(approaches) != 3 or not all(isinstance(x, bool) for x in approaches):
            raise InterchangeError(f"{path}.approaches", f"ต้องเป็น true/false สามค่า ไม่ใช่ {_show(approaches)}")
        details: builtins.list[DetailBlock] = []
        for i, d in enumerate(self.list(raw.get("details", []), f"{path}.details")):
            dp = f"{path}.details[{i}]"
            self.obj(d, dp, ("heading", "body"))
            details.append(
                DetailBlock(self.text(d["heading"], f"{dp}.heading"), self.text(d["body"], f"{dp}.body"))
            )
        title = self.text(raw["title"], f"{path}.title")
        return Item(
            item_type=self.choice(raw["item_type"], f"{path}.item_type", ITEM_TYPES),
            title=title,
            indicator=self.text(raw["indicator"], f"{path}.indicator"),
            target=self.text(raw["target"], f"{path}.target"),
            result=self.text(raw["result"], f"{path}.result"),
            budget=Budget(**{k: self.amount(b[k], f"{path}.budget.{k}") for k in Budget.FIELDS}),
            approaches=tuple(approaches),
            status=self.choice(raw.get("status"), f"{path}.status", STATUSES, allow_none=True),
            status_reason=self.choice(
                raw.get("status_reason"), f"{path}.status_reason", STATUS_REASONS, allow_none=True
            ),
            note=self.text(raw.get("note", ""), f"{path}.note"),
            details=details,
            photos=self.photos(raw.get("photos", []), f"{path}.photos", title),
        )


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InterchangeError("", f'คีย์ "{key}" ซ้ำกันในออบเจกต์เดียว')
        out[key] = value
    return out


def _no_constants(name: str) -> NoReturn:
    raise InterchangeError("", f"ค่า {name} ใช้ในไฟล์รายงานไม่ได้")


MAX_NUMBER_CHARS = 20  # a year, a version or a round is a few digits; 4,300 digits would stall int()


def _bounded_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise InterchangeError("", f"ตัวเลขยาว {len(text):,} หลัก ยาวเกินกว่าจะเป็นค่าในไฟล์รายงาน")
    return int(text)


def _bounded_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise InterchangeError("", f"ตัวเลขยาว {len(text):,} ตัวอักษร ยาวเกินกว่าจะเป็นค่าในไฟล์รายงาน")
    return float(text)


def parse_document(text: str | bytes) -> Document:
    """Parse and validate a whole document; raises InterchangeError."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InterchangeError("", f"ไฟล์ไม่ใช่ข้อความ UTF-8 (ไบต์ที่ {exc.start})") from None
    try:
        raw = json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constants,
            parse_int=_bounded_int,
            parse_float=_bounded_float,
        )
    except json.JSONDecodeError as exc:
        raise InterchangeError("", f"ไม่ใช่ JSON ที่ถูกต้อง (บรรทัด {exc.lineno} คอลัมน์ {exc.colno})") from None
    except RecursionError:
        raise InterchangeError("", "JSON ซ้อนกันลึกเกินไป") from None
    return _Reader().document(raw)


MAX_JSON_BYTES = 256 * 1024 * 1024  # far above a report with its emblem (the sample: 0.2 MB)


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read a JSON document; only a regular file, and not more than MAX_JSON_BYTES (/dev/zero never ends)."""
    from ..util.targets import show_name, special_file_problem

    problem = special_file_problem(path)
    if problem:
        raise InterchangeError("", problem)
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_JSON_BYTES + 1)
    except OSError as exc:
        raise InterchangeError("", f"เปิดไฟล์ {show_name(path)} ไม่ได้: {exc.strerror or exc}") from None
    if len(data) > MAX_JSON_BYTES:
        raise InterchangeError(
            "", f"ไฟล์ {show_name(Path(path).name)} ใหญ่เกิน {MAX_JSON_BYTES // 2**20} MB ไม่ใช่ไฟล์รายงาน"
        )
    return parse_document(data)


# -- writing ---------------------------------------------------------------------------------------
def _date(d: dt.date | None) -> str | None:
    return None if d is None else d.isoformat()


def photo_to_dict(photo: Photo, images: bool = True) -> dict[str, Any]:
    """`images`: the image as base64 (the interchange format); False: its SHA-256 only (audit snapshots and
    the fingerprint, where megabytes of base64 would only cost)."""
    if images:
        image = base64.b64encode(photo.image).decode("ascii")
    else:
        image = "sha256:" + hashlib.sha256(photo.image).hexdigest()
    return {"image": image, "caption": photo.caption}


def node_to_dict(node: Heading | Item, images: bool = True) -> dict[str, Any]:
    if isinstance(node, Heading):
        return {
            "kind": "heading",
            "title": node.title,
            "children": [node_to_dict(c, images) for c in node.children],
        }
    return {
        "kind": "item",
        "item_type": node.item_type,
        "title": node.title,
        "indicator": node.indicator,
        "target": node.target,
        "result": node.result,
        "budget": {k: decimal_string(getattr(node.budget, k)) for k in Budget.FIELDS},
        "approaches": [bool(x) for x in node.approaches],
        "status": node.status,
        "status_reason": node.status_reason,
        "note": node.note,
        "details": [{"heading": d.heading, "body": d.body} for d in node.details],
        "photos": [photo_to_dict(p, images) for p in node.photos],
    }


def papers_to_dict(p: Papers) -> dict[str, Any]:
    return {
        "division": p.division,
        "document_number": p.document_number,
        "memo_date": _date(p.memo_date),
        "executive_position": p.executive_position,
        "memo_body": p.memo_body,
        "web_description": p.web_description,
        "web_link": p.web_link,
        "web_remarks": p.web_remarks,
        "web_publisher_name": p.web_publisher_name,
        "web_publisher_position": p.web_publisher_position,
    }


def report_to_dict(r: Report, images: bool = True) -> dict[str, Any]:
    a = r.announcement
    return {
        "fiscal_year": r.fiscal_year,
        "round": r.round,
        "plan_title": r.plan_title,
        "intro": r.intro,
        "tree": [node_to_dict(n, images) for n in r.tree],
        "conclusion": {
            "supporting_factors": r.conclusion.supporting_factors,
            "problems": r.conclusion.problems,
            "suggestions": r.conclusion.suggestions,
        },
        "reporter": {
            "name": r.reporter.name,
            "position": r.reporter.position,
            "phone": r.reporter.phone,
            "email": r.reporter.email,
            "date": _date(r.reporter.date),
        },
        "announcement": {
            "body": a.body,
            "date": _date(a.date),
            "signatory_name": a.signatory_name,
            "signatory_position": a.signatory_position,
            "emblem_png": None if a.emblem_png is None else base64.b64encode(a.emblem_png).decode("ascii"),
        },
        "papers": papers_to_dict(r.papers),
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    o = doc.organization
    return {
        "format": FORMAT,
        "version": VERSION,
        "organization": {"name": o.name, "district": o.district, "province": o.province},
        "reports": [report_to_dict(r) for r in doc.reports],
    }


def dump_document(doc: Document) -> str:
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=2) + "\n"


def write_document(doc: Document, path: str | os.PathLike[str]) -> None:
    """Write atomically: the file is either the old one or the whole new one."""
    from ..util.atomic import atomic_write_bytes
    from ..util.targets import output_target_problem

    problem = output_target_problem(path, "JSON")
    if problem:
        raise InterchangeError("", problem)
    atomic_write_bytes(Path(path), dump_document(doc).encode("utf-8"))
