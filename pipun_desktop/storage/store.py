"""The organization's data file: one SQLite file, opened only through this module.

Every public method that changes data runs in one transaction and is committed before it returns, so an
edit is on disk the moment the call ends.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..core.model import (
    Announcement, Budget, Conclusion, DetailBlock, Document, Heading, Item, Organization, Report, Reporter,
)
from .schema import APPLICATION_ID, MIGRATIONS, OWN_INDEXES, OWN_TABLES, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"


class StorageError(Exception):
    """A data file problem, with a Thai message fit for the user."""


@dataclass(frozen=True)
class ReportInfo:
    id: int
    fiscal_year: int
    round: int


NODE_TEXT_FIELDS = ("title", "indicator", "target", "result", "note")
NODE_FIELDS = NODE_TEXT_FIELDS + ("item_type", "budget", "approaches", "status", "status_reason", "details")
REPORT_FIELDS = ("fiscal_year", "round", "plan_title", "intro", "conclusion", "reporter", "announcement")


def _iso(d: dt.date | None) -> str | None:
    return None if d is None else d.isoformat()


def _date(s: str | None) -> dt.date | None:
    return None if s is None else dt.date.fromisoformat(s)


def _report_columns(r: Report) -> dict:
    a = r.announcement
    return {
        "fiscal_year": r.fiscal_year, "round": r.round, "plan_title": r.plan_title, "intro": r.intro,
        **_conclusion_columns(r.conclusion), **_reporter_columns(r.reporter), **_announcement_columns(a),
    }


def _conclusion_columns(c: Conclusion) -> dict:
    return {"supporting_factors": c.supporting_factors, "problems": c.problems, "suggestions": c.suggestions}


def _reporter_columns(p: Reporter) -> dict:
    return {"reporter_name": p.name, "reporter_position": p.position, "reporter_phone": p.phone,
            "reporter_email": p.email, "reporter_date": _iso(p.date)}


def _announcement_columns(a: Announcement) -> dict:
    return {"announcement_body": a.body, "announcement_date": _iso(a.date), "signatory_name": a.signatory_name,
            "signatory_position": a.signatory_position, "emblem_png": a.emblem_png}


def _node_columns(node) -> dict:
    if isinstance(node, Heading):
        return {"kind": "heading", "title": node.title}
    b = node.budget
    return {
        "kind": "item", "title": node.title, "item_type": node.item_type, "indicator": node.indicator,
        "target": node.target, "result": node.result, "integrated": b.integrated, "agency": b.agency,
        "disbursed": b.disbursed, "approach1": int(node.approaches[0]), "approach2": int(node.approaches[1]),
        "approach3": int(node.approaches[2]), "status": node.status, "status_reason": node.status_reason,
        "note": node.note,
    }


def _node_changes(changes: dict) -> dict:
    cols = {}
    for key, value in changes.items():
        if key == "budget":
            cols.update(integrated=value.integrated, agency=value.agency, disbursed=value.disbursed)
        elif key == "approaches":
            cols.update({f"approach{i + 1}": int(bool(v)) for i, v in enumerate(value)})
        elif key in NODE_FIELDS and key != "details":
            cols[key] = value
        else:
            raise KeyError(key)
    return cols


class ReportStore:
    """An open data file."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self.db = sqlite_utils.Database(conn)
        self.conn = conn

    # -- opening -------------------------------------------------------------------------------
    @staticmethod
    def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
        uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rw'}"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=True)
        conn.execute("PRAGMA foreign_keys = ON")
        # A rollback journal, not WAL: WAL needs shared memory that network folders don't give.
        if not read_only:
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        return conn

    @classmethod
    def create(cls, path, organization: Organization | None = None) -> ReportStore:
        path = Path(path)
        if path.exists():
            raise StorageError(f"มีไฟล์ {path} อยู่แล้ว")
        try:
            sqlite3.connect(path).close()
            conn = cls._connect(path)
        except sqlite3.Error as exc:
            raise StorageError(f"สร้างไฟล์ {path} ไม่ได้: {exc}") from None
        store = cls(conn, path)
        with store.transaction():
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for version in range(1, SCHEMA_VERSION + 1):
                for statement in _statements(MIGRATIONS[version]):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            org = organization or Organization()
            store.db["organization"].insert({"id": 1, **dataclasses.asdict(org)})
        return store

    @classmethod
    def open(cls, path, read_only: bool = False) -> ReportStore:
        path = Path(path)
        check_header(path)
        try:
            conn = cls._connect(path, read_only)
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"ไฟล์ {path.name} เสียหายหรือไม่ใช่ไฟล์ของโปรแกรมนี้ ({exc})") from None
        if app_id != APPLICATION_ID:
            conn.close()
            raise StorageError(f"ไฟล์ {path.name} เป็นฐานข้อมูลของโปรแกรมอื่น ไม่ใช่ไฟล์รายงาน")
        if version > SCHEMA_VERSION:
            conn.close()
            raise StorageError(f"ไฟล์ {path.name} สร้างจากโปรแกรมรุ่นใหม่กว่า (รุ่นข้อมูล {version}) โปรดปรับรุ่นโปรแกรม")
        store = cls(conn, path, read_only)
        if version < SCHEMA_VERSION:
            if read_only:
                conn.close()
                raise StorageError(f"ไฟล์ {path.name} เป็นรุ่นเก่า ต้องเปิดแบบแก้ไขได้เพื่อปรับรุ่นก่อน")
            store._migrate(version)
        store._check_tables()
        return store

    def _migrate(self, version: int) -> None:
        with self.transaction():
            for v in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _statements(MIGRATIONS[v]):
                    self.conn.execute(statement)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _check_tables(self) -> None:
        rows = self.conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
        tables = {name for kind, name in rows if kind == "table"}
        if tables != OWN_TABLES or {name for kind, name in rows if kind == "index"} - OWN_INDEXES \
                or any(kind not in ("table", "index") for kind, _ in rows):
            self.close()
            raise StorageError(f"ไฟล์ {self.path.name} มีโครงสร้างที่โปรแกรมนี้ไม่ได้สร้าง จึงไม่เปิดเพื่อความปลอดภัย")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def transaction(self):
        if self.read_only:
            raise StorageError("ไฟล์นี้เปิดแบบอ่านอย่างเดียว แก้ไขไม่ได้")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- organization and reports --------------------------------------------------------------
    def organization(self) -> Organization:
        row = self.db.execute("SELECT name, district, province FROM organization WHERE id = 1").fetchone()
        return Organization(*row) if row else Organization()

    def set_organization(self, org: Organization) -> None:
        with self.transaction():
            self.db["organization"].update(1, dataclasses.asdict(org))

    def reports(self) -> list[ReportInfo]:
        rows = self.db.execute("SELECT id, fiscal_year, round FROM reports ORDER BY fiscal_year, round").fetchall()
        return [ReportInfo(*r) for r in rows]

    def find_report(self, fiscal_year: int, round_: int) -> int | None:
        row = self.db.execute("SELECT id FROM reports WHERE fiscal_year = ? AND round = ?",
                              [fiscal_year, round_]).fetchone()
        return row[0] if row else None

    def add_report(self, report: Report) -> int:
        """Insert a whole report with its tree; sets `id` on the report and on every node."""
        with self.transaction():
            return self._add_report(report)

    def _add_report(self, report: Report) -> int:
        if self.find_report(report.fiscal_year, report.round) is not None:
            raise StorageError(f"มีรายงานปี {report.fiscal_year} รอบ {report.round} เดือนอยู่แล้ว")
        report.id = self.db["reports"].insert(_report_columns(report)).last_pk
        for pos, node in enumerate(report.tree):
            self._insert_subtree(report.id, None, pos, node)
        return report.id

    def delete_report(self, report_id: int) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM reports WHERE id = ?", [report_id])

    def update_report(self, report_id: int, **changes) -> None:
        """Change report fields: fiscal_year, round, plan_title, intro, conclusion, reporter, announcement."""
        cols = {}
        for key, value in changes.items():
            if key == "conclusion":
                cols.update(_conclusion_columns(value))
            elif key == "reporter":
                cols.update(_reporter_columns(value))
            elif key == "announcement":
                cols.update(_announcement_columns(value))
            elif key in REPORT_FIELDS:
                cols[key] = value
            else:
                raise KeyError(key)
        with self.transaction():
            try:
                self.db["reports"].update(report_id, cols)
            except sqlite3.IntegrityError as exc:
                raise StorageError(f"บันทึกไม่ได้: ข้อมูลขัดกับรายงานอื่นหรือไม่ถูกต้อง ({exc})") from None

    def load_report(self, report_id: int) -> Report:
        row = self.db.execute("SELECT * FROM reports WHERE id = ?", [report_id]).fetchone()
        if row is None:
            raise StorageError(f"ไม่พบรายงานหมายเลข {report_id}")
        r = dict(zip([d[0] for d in self.db.execute("SELECT * FROM reports LIMIT 0").description], row))
        report = Report(
            id=r["id"], fiscal_year=r["fiscal_year"], round=r["round"], plan_title=r["plan_title"], intro=r["intro"],
            conclusion=Conclusion(r["supporting_factors"], r["problems"], r["suggestions"]),
            reporter=Reporter(r["reporter_name"], r["reporter_position"], r["reporter_phone"], r["reporter_email"],
                              _date(r["reporter_date"])),
            announcement=Announcement(r["announcement_body"], _date(r["announcement_date"]), r["signatory_name"],
                                      r["signatory_position"], r["emblem_png"]),
        )
        report.tree = self._load_tree(report_id)
        return report

    def _load_tree(self, report_id: int) -> list:
        details: dict[int, list[DetailBlock]] = {}
        for node_id, heading, body in self.db.execute(
                "SELECT d.node_id, d.heading, d.body FROM details d JOIN nodes n ON n.id = d.node_id "
                "WHERE n.report_id = ? ORDER BY d.node_id, d.position", [report_id]):
            details.setdefault(node_id, []).append(DetailBlock(heading, body))
        children: dict[int | None, list] = {}
        for row in self.db.execute(
                "SELECT id, parent_id, kind, title, item_type, indicator, target, result, integrated, agency, "
                "disbursed, approach1, approach2, approach3, status, status_reason, note FROM nodes "
                "WHERE report_id = ? ORDER BY parent_id, position", [report_id]):
            (nid, parent, kind, title, item_type, indicator, target, result, integ, agency, disb,
             a1, a2, a3, status, reason, note) = row
            if kind == "heading":
                node = Heading(title=title, id=nid)
            else:
                node = Item(item_type=item_type, title=title, indicator=indicator, target=target, result=result,
                            budget=Budget(integ, agency, disb), approaches=(bool(a1), bool(a2), bool(a3)),
                            status=status, status_reason=reason, note=note, details=details.get(nid, []), id=nid)
            children.setdefault(parent, []).append(node)

        def attach(nodes):
            for node in nodes:
                if isinstance(node, Heading):
                    node.children = children.get(node.id, [])
                    attach(node.children)
            return nodes

        return attach(children.get(None, []))

    def load_document(self) -> Document:
        return Document(self.organization(), [self.load_report(r.id) for r in self.reports()])

    def import_document(self, doc: Document) -> None:
        """Add every report of `doc` (and its organization) in one transaction."""
        with self.transaction():
            self.db["organization"].update(1, dataclasses.asdict(doc.organization))
            for report in doc.reports:
                self._add_report(report)

    # -- nodes ---------------------------------------------------------------------------------
    def _insert_subtree(self, report_id: int, parent_id: int | None, position: int, node) -> int:
        node.id = self.db["nodes"].insert(
            {"report_id": report_id, "parent_id": parent_id, "position": position, **_node_columns(node)}).last_pk
        if isinstance(node, Heading):
            for pos, child in enumerate(node.children):
                self._insert_subtree(report_id, node.id, pos, child)
        else:
            self._write_details(node.id, node.details)
        return node.id

    def _write_details(self, node_id: int, details: list[DetailBlock]) -> None:
        self.db.execute("DELETE FROM details WHERE node_id = ?", [node_id])
        if details:
            self.db["details"].insert_all(
                {"node_id": node_id, "position": i, "heading": d.heading, "body": d.body}
                for i, d in enumerate(details))

    def _node_row(self, node_id: int) -> tuple[int, int | None, int, str]:
        row = self.db.execute("SELECT report_id, parent_id, position, kind FROM nodes WHERE id = ?",
                              [node_id]).fetchone()
        if row is None:
            raise StorageError(f"ไม่พบรายการหมายเลข {node_id}")
        return row

    def _check_parent(self, report_id: int, parent_id: int | None, node) -> None:
        if parent_id is None:
            if not isinstance(node, Heading) and getattr(node, "kind", None) != "heading":
                raise StorageError("ระดับบนสุดต้องเป็นมิติ ใส่โครงการ/กิจกรรมไว้ใต้มิติหรือหัวข้อ")
            return
        row = self.db.execute("SELECT report_id, kind FROM nodes WHERE id = ?", [parent_id]).fetchone()
        if row is None or row[0] != report_id:
            raise StorageError("ไม่พบหัวข้อที่จะใส่")
        if row[1] != "heading":
            raise StorageError("ใส่รายการไว้ใต้โครงการ/กิจกรรมไม่ได้")

    def _siblings_where(self, parent_id):
        return ("parent_id IS NULL", []) if parent_id is None else ("parent_id = ?", [parent_id])

    def _shift(self, report_id, parent_id, from_position, delta, exclude_id=None):
        where, args = self._siblings_where(parent_id)
        self.db.execute(f"UPDATE nodes SET position = position + ? WHERE report_id = ? AND {where} "
                        f"AND position >= ? AND id IS NOT ?", [delta, report_id, *args, from_position, exclude_id])

    def _count_children(self, report_id, parent_id) -> int:
        where, args = self._siblings_where(parent_id)
        return self.db.execute(f"SELECT count(*) FROM nodes WHERE report_id = ? AND {where}",
                               [report_id, *args]).fetchone()[0]

    def insert_node(self, report_id: int, parent_id: int | None, position: int, node) -> int:
        """Insert `node` (with its subtree) as child `position` of `parent_id` (None: a dimension)."""
        with self.transaction():
            self._check_parent(report_id, parent_id, node)
            position = max(0, min(position, self._count_children(report_id, parent_id)))
            self._shift(report_id, parent_id, position, +1)
            return self._insert_subtree(report_id, parent_id, position, node)

    def delete_node(self, node_id: int) -> tuple[int | None, int]:
        """Delete a node and its subtree; returns (parent_id, position) for an undo to reinsert at."""
        with self.transaction():
            report_id, parent_id, position, _ = self._node_row(node_id)
            self.db.execute("DELETE FROM nodes WHERE id = ?", [node_id])
            self._shift(report_id, parent_id, position + 1, -1)
            return parent_id, position

    def move_node(self, node_id: int, new_parent_id: int | None, new_position: int) -> None:
        """Move a node (with its subtree) to child `new_position` of `new_parent_id`, counted after removal."""
        with self.transaction():
            report_id, parent_id, position, kind = self._node_row(node_id)
            self._check_parent(report_id, new_parent_id, Heading() if kind == "heading" else Item())
            ancestor = new_parent_id
            while ancestor is not None:
                if ancestor == node_id:
                    raise StorageError("ย้ายหัวข้อไปไว้ใต้ตัวเองไม่ได้")
                ancestor = self.db.execute("SELECT parent_id FROM nodes WHERE id = ?", [ancestor]).fetchone()[0]
            self._shift(report_id, parent_id, position + 1, -1, exclude_id=node_id)
            others = self._count_children(report_id, new_parent_id) - (new_parent_id == parent_id)
            new_position = max(0, min(new_position, others))
            self._shift(report_id, new_parent_id, new_position, +1, exclude_id=node_id)
            self.db.execute("UPDATE nodes SET parent_id = ?, position = ? WHERE id = ?",
                            [new_parent_id, new_position, node_id])

    def update_node(self, node_id: int, **changes) -> None:
        """Change node fields by model name: title, item_type, indicator, target, result, budget,
        approaches, status, status_reason, note, details."""
        details = changes.pop("details", None)
        cols = _node_changes(changes)
        with self.transaction():
            self._node_row(node_id)
            if cols:
                try:
                    self.db["nodes"].update(node_id, cols)
                except sqlite3.IntegrityError as exc:
                    raise StorageError(f"บันทึกไม่ได้: ค่าไม่ถูกต้อง ({exc})") from None
            if details is not None:
                self._write_details(node_id, details)


def _statements(script: str):
    """Split a schema script into statements, so they run inside our transaction
    (sqlite3's executescript would commit first)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf.strip()
            buf = ""


def check_header(path: Path) -> None:
    """Refuse what is not an SQLite file before SQLite reads it."""
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except FileNotFoundError:
        raise StorageError(f"ไม่พบไฟล์ {path}") from None
    except OSError as exc:
        raise StorageError(f"เปิดไฟล์ {path} ไม่ได้: {exc.strerror or exc}") from None
    if not head:
        raise StorageError(f"ไฟล์ {path.name} ว่างเปล่า ไม่ใช่ไฟล์รายงาน")
    if not head.startswith(SQLITE_HEADER) or len(head) < 100:
        raise StorageError(f"ไฟล์ {path.name} ไม่ใช่ไฟล์รายงานของโปรแกรมนี้")
