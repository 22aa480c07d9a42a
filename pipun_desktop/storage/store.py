"""The organization's data file: one SQLite file, opened only through this module.

Every public method that changes data runs in one transaction and is committed before it returns, so an
edit is on disk the moment the call ends; the audit row of the change is written in the same transaction.
A failed save raises WriteError (a StorageError) with a Thai message; nothing of that call was stored and the
caller may retry it. Opening checks the file before SQLite runs anything in it (see opening.py), takes the
edit lock kept in the file (lock.py) and takes a backup (backup.py).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

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
    Node,
    Organization,
    Papers,
    Photo,
    Report,
    Reporter,
)
from ..core.rules import placement_problem, year_round_clash
from ..util.leftovers import clean_leftovers, temp_name
from ..util.targets import is_sqlite_file, output_target_problem, show_name
from . import backup as backups_mod
from . import lock as lock_mod
from .audit import AuditEntry, AuditWriter, history
from .columns import (
    REPORT_FIELDS,
    _announcement_columns,
    _check_text,
    _conclusion_columns,
    _node_changes,
    _node_columns,
    _papers_columns,
    _papers_from_row,
    _report_columns,
    _reporter_columns,
)
from .errors import FileLockedError, LockLostError, StorageError, WriteError
from .opening import (
    check_header,
    check_name_length,
    connect,
    open_error,
    sqlite_uri,
    verify,
    write_error,
)
from .schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from .schema import statements as _statements
from .values import YEAR_HIGH, YEAR_LOW, Values

if TYPE_CHECKING:
    from _typeshed import StrPath


@dataclass(frozen=True)
class ReportInfo:
    id: int
    fiscal_year: int
    round: int


class ReportStore:
    """An open data file."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        read_only: bool = False,
        *,
        version: int = SCHEMA_VERSION,
        backups: bool = False,
    ):
        self.path = Path(path)
        self.read_only = read_only
        self.db = sqlite_utils.Database(conn)
        self.conn = conn
        self.version = version
        self.backups_enabled = backups and not read_only
        self.audit = AuditWriter(conn)
        self.audit.enabled = version >= 2
        self.lock: lock_mod.LockInfo | None = None  # ours, while we hold the edit lock
        self.locked_by: lock_mod.LockInfo | None = None  # read-only: who holds it, if anyone
        self.cleared_lock: lock_mod.LockInfo | None = None  # a stale lock we cleared on opening
        self.warnings: list[str] = []  # Thai notes for the user (a backup that failed, a cleared lock)
        self.last_backup: Path | None = None
        self._heartbeat: lock_mod.Heartbeat | None = None
        self._depth = 0
        self._changes_at_backup = 0
        self._closed = False

    # -- opening -------------------------------------------------------------------------------
    @staticmethod
    def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
        conn = connect(path, read_only)
        if not read_only:
            # A rollback journal, not WAL: WAL needs shared memory that network folders don't give.
            conn.execute("PRAGMA journal_mode = DELETE")
        return conn

    @classmethod
    def create(
        cls,
        path: StrPath,
        organization: Organization | None = None,
        *,
        backups: bool = False,
        lock: bool = True,
    ) -> ReportStore:
        """A new, empty file; backups start from its next opening unless `backups`."""
        path = Path(path)
        if path.exists():
            raise StorageError(f"มีไฟล์ {show_name(path)} อยู่แล้ว")
        check_name_length(path)
        try:
            sqlite3.connect(sqlite_uri(path, "rwc"), uri=True).close()
            conn = cls._connect(path)
        except sqlite3.Error as exc:
            raise StorageError(f"สร้างไฟล์ {path} ไม่ได้: {exc}") from None
        store = cls(conn, path, backups=backups)
        try:
            with store.transaction():
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                for version in range(1, SCHEMA_VERSION + 1):
                    for statement in _statements(MIGRATIONS[version]):
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                org = organization or Organization()
                _check_text(dataclasses.astuple(org))
                store.db.table("organization").insert({"id": 1, **dataclasses.asdict(org)})
            if lock:
                store._take_lock()
        except BaseException:
            conn.close()
            raise
        store._changes_at_backup = conn.total_changes
        return store

    @classmethod
    def open(
        cls,
        path: StrPath,
        read_only: bool = False,
        *,
        backups: bool = True,
        lock: bool = True,
        take_over: str = "",
    ) -> ReportStore:
        """Open a file after checking it (see opening.py).

        Writable: takes the edit lock (FileLockedError says who has it; open read-only instead), migrates an
        older file after a backup, and takes a backup. Read-only: no lock, no write, older versions readable.
        """
        path = Path(path)
        check_header(path)
        if not read_only:
            check_name_length(path)
            clean_leftovers(path.parent)  # what imports and exports killed earlier left beside it
        try:
            conn = cls._connect(path, read_only) if read_only else connect(path)
        except sqlite3.Error as exc:
            raise open_error(exc, path.name) from None
        store = None
        try:
            version = verify(conn, path)
            store = cls(conn, path, read_only, version=version, backups=backups)
            if read_only:
                if version >= 2:
                    holder = lock_mod.read_lock(conn)
                    fid = lock_mod.file_id(path)
                    store.locked_by = (
                        holder if holder and not lock_mod.is_stale(holder, current_file_id=fid) else None
                    )
                return store
            try:
                conn.execute("PRAGMA journal_mode = DELETE")
            except sqlite3.Error as exc:
                raise open_error(exc, path.name) from None
            if version < SCHEMA_VERSION:
                if version >= 2 and lock:
                    store._check_not_locked()
                store._migrate(version)
            if lock:
                try:
                    store._take_lock(take_over)
                except WriteError as exc:
                    reason = str(exc).split(":", 1)[-1].split("การแก้ไขนี้")[0].strip()
                    raise StorageError(
                        f"เปิดไฟล์ {path.name} เพื่อแก้ไขไม่ได้ ({reason}) เปิดแบบอ่านอย่างเดียวได้"
                    ) from None
            if store.backups_enabled and store.last_backup is None:
                store._backup_quietly("open")
            store._changes_at_backup = conn.total_changes
            return store
        except BaseException:
            if store is not None:
                store._abandon()
            else:
                conn.close()
            raise

    def _abandon(self) -> None:
        """An opening that failed half-way: give the edit lock back (colleagues must not be told the file is being
        edited), stop the heartbeat and close, without a backup. Never raises."""
        self._closed = True
        try:
            if self.lock is not None and not self.read_only:
                try:
                    self._rollback()
                    self.conn.execute("BEGIN IMMEDIATE")
                    lock_mod.release(self.conn, self.lock.token)
                    self.conn.execute("COMMIT")
                except sqlite3.Error:
                    self._rollback()
        finally:
            if self._heartbeat is not None:
                self._heartbeat.stop()
                self._heartbeat = None
            self.conn.close()

    @staticmethod
    def lock_holder_row(path: StrPath) -> lock_mod.LockInfo | None:
        """The lock row of `path` as it is, stale or not (None: none, or the file does not open)."""
        try:
            with ReportStore.open(path, read_only=True, backups=False) as store:
                return lock_mod.read_lock(store.conn) if store.version >= 2 else None
        except StorageError:
            return None

    @staticmethod
    def watch_lock(path: StrPath, holder: lock_mod.LockInfo, seconds: float | None = None) -> bool:
        """For a lock whose heartbeat is in the future (the holder's clock ran fast): watch it for longer than a
        live holder's heartbeat interval; True when it never moved, so that the user may take the file over
        (open(..., take_over=holder.token)). Never writes."""
        seconds = lock_mod.HEARTBEAT_SECONDS + 15 if seconds is None else seconds

        return lock_mod.wait_for_silence(lambda: ReportStore.lock_holder_row(path), holder, seconds)

    @staticmethod
    def lock_holder(path: StrPath) -> lock_mod.LockInfo | None:
        """Who holds the edit lock of `path` now (a live, non-stale lock), without changing anything."""
        try:
            with ReportStore.open(path, read_only=True, backups=False) as store:
                return store.locked_by
        except StorageError:
            return None

    def _check_not_locked(self) -> None:
        holder = lock_mod.read_lock(self.conn)
        if holder is not None and not lock_mod.is_stale(holder, current_file_id=lock_mod.file_id(self.path)):
            raise FileLockedError(lock_mod.locked_message(self.path.name, holder), holder)

    def _take_lock(self, take_over: str = "") -> None:
        fid = lock_mod.file_id(self.path)
        if self.lock is not None and lock_mod.is_copy(self.lock, fid):
            self.lock = None  # restored or replaced underneath: a new token for the file as it is now
        mine = self.lock or lock_mod.new_lock(self.path)
        try:
            self._begin()
            try:
                cleared = lock_mod.acquire(self.conn, mine, self.path.name, fid, take_over)
            except BaseException:
                self._rollback()
                raise
            self._commit()
        except sqlite3.Error as exc:
            raise write_error(exc) from None
        self.lock = mine
        if cleared is not None and cleared.token and not lock_mod.is_copy(cleared, fid):  # a copy's: not news
            self.cleared_lock = cleared
            self.warnings.append(f"ล้างการล็อกที่ค้างอยู่ของ{cleared.describe()} แล้ว (โปรแกรมนั้นปิดไปโดยไม่ปกติ)")
        if self._heartbeat is None:
            uri = sqlite_uri(self.path, "rw")
            self._heartbeat = lock_mod.Heartbeat(uri, mine.token)
            self._heartbeat.start()

    def heartbeat(self) -> None:
        """Refresh the lock's heartbeat now (a thread also does it every minute)."""
        if self._heartbeat is not None:
            self._heartbeat.beat()

    def _migrate(self, version: int) -> None:
        self._backup_or_fail("migration")
        with self.transaction(check_lock=False):
            for v in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _statements(MIGRATIONS[v]):
                    self.conn.execute(statement)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.version = SCHEMA_VERSION
            self.audit.enabled = True
            self.audit.record("migrate", field="version", old=str(version), new=str(SCHEMA_VERSION))

    def close(self) -> None:
        """Back up (when anything changed since the last copy), release the lock, close. Never raises."""
        if self._closed:
            return
        self._closed = True
        try:
            if self.backups_enabled and self.conn.total_changes != self._changes_at_backup:
                self._backup_quietly("close")
            if self.lock is not None and not self.read_only:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    lock_mod.release(self.conn, self.lock.token)
                    self.conn.execute("COMMIT")
                except sqlite3.Error:
                    self._rollback()  # a lock left behind is cleared as stale by the next opening
        finally:
            if self._heartbeat is not None:
                self._heartbeat.stop()
                self._heartbeat = None
            self.conn.close()

    @property
    def closed(self) -> bool:
        return self._closed

    def __enter__(self) -> ReportStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------------------
    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite already rolled back (after SQLITE_FULL or an I/O error)

    @contextmanager
    def transaction(self, check_lock: bool = True) -> Iterator[None]:
        """One all-or-nothing unit; nested calls become savepoints of the outer one."""
        if self.read_only:
            raise StorageError("ไฟล์นี้เปิดแบบอ่านอย่างเดียว แก้ไขไม่ได้")
        if self._closed:
            raise StorageError("ไฟล์นี้ปิดไปแล้ว")
        if self._depth:
            name = f"pipun_{self._depth}"
            self.conn.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
                raise
            else:
                self.conn.execute(f"RELEASE {name}")
            finally:
                self._depth -= 1
            return
        try:
            self._begin()
        except sqlite3.Error as exc:
            raise write_error(exc) from None
        self._depth = 1
        try:
            if check_lock and self.lock is not None:
                holder = lock_mod.still_mine(self.conn, self.lock.token)
                if holder is not None:
                    raise LockLostError(
                        "บันทึกไม่ได้: ไฟล์นี้ถูกเปิดแก้ไขโดย"
                        + (holder.describe() if holder.token else "โปรแกรมอื่น")
                        + " แล้ว โปรดปิดแล้วเปิดไฟล์ใหม่"
                    )
            yield
            self._commit()
        except sqlite3.IntegrityError as exc:
            self._rollback()
            raise StorageError(f"บันทึกไม่ได้: ข้อมูลไม่ถูกต้องหรือขัดกับข้อมูลอื่น ({exc})") from None
        except sqlite3.Error as exc:
            self._rollback()
            raise write_error(exc) from None
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0

    # -- backups -------------------------------------------------------------------------------
    def backup(self, reason: str = "manual") -> Path:
        """Copy the file now (SQLite's online backup) into its backup folder; raises StorageError."""
        if self.conn.in_transaction:
            raise StorageError("สำรองข้อมูลระหว่างการบันทึกไม่ได้")
        path = backups_mod.make_backup(self.conn, self.path, reason)
        self.last_backup = path
        self._changes_at_backup = self.conn.total_changes
        return path

    def save_copy(self, target: StrPath) -> Path:
        """A consistent copy of this file at `target` (whole or not at all), without the edit lock, so the copy
        opens for editing at once. Use this, not conn.backup, to copy an open file."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise StorageError("เลือกชื่อไฟล์อื่นที่ไม่ใช่ไฟล์ที่เปิดอยู่")
        problem = (
            output_target_problem(target, "สำเนา") if target.exists() and not is_sqlite_file(target) else None
        )
        if problem:
            raise StorageError(problem)
        clean_leftovers(target.parent)
        partial = target.with_name(temp_name("copying"))
        backups_mod.copy_database(self.conn, target, partial, f"บันทึกสำเนา {target.name} ไม่ได้")
        return target

    def _backup_quietly(self, reason: str) -> None:
        try:
            self.backup(reason)
        except StorageError as exc:
            self.warnings.append(str(exc))

    def _backup_or_fail(self, reason: str) -> None:
        """Before a risky change: without a copy the change does not start."""
        if self.backups_enabled and not self.conn.in_transaction:
            self.backup(reason)

    def list_backups(self) -> list[backups_mod.BackupInfo]:
        return backups_mod.list_backups(self.path)

    def restore_backup(self, backup_path: StrPath) -> Path:
        """Replace the file's content with a backup's, after saving a copy of the current content (returned).

        The backup is checked like any file that is opened; the copy-in is one SQLite transaction, so a crash
        leaves either the old content or the restored one. Reload everything read before.
        """
        if self.read_only:
            raise StorageError("ไฟล์นี้เปิดแบบอ่านอย่างเดียว กู้คืนไม่ได้")
        from .restore import _same_file

        if _same_file(
            self.path, Path(backup_path)
        ):  # copying a file onto itself waits on its own lock for ever
            raise StorageError("สำเนาสำรองที่เลือกคือไฟล์ที่จะกู้คืนเอง กู้คืนจากตัวเองไม่ได้ โปรดเลือกสำเนาอื่น")
        with ReportStore.open(backup_path, read_only=True, backups=False) as source:
            before = backups_mod.make_backup(self.conn, self.path, "before-restore")
            try:
                source.conn.backup(self.conn)
            except sqlite3.Error as exc:
                raise write_error(exc) from None
            version = source.version
        self.version = version
        self.audit.enabled = version >= 2
        if version < SCHEMA_VERSION:
            self._migrate(version)
        if self.lock is not None:
            self._take_lock()
        with self.transaction():
            self.audit.record("restore", field="backup", old=before.name, new=Path(backup_path).name)
        self._changes_at_backup = self.conn.total_changes
        return before

    # -- audit trail ---------------------------------------------------------------------------
    def history(
        self, node_id: int | None = None, report_id: int | None = None, limit: int = 1000
    ) -> list[AuditEntry]:
        """Audit rows, newest first: of one node, one report, or the whole file."""
        if self.version < 2:
            return []
        return history(self.conn, node_id=node_id, report_id=report_id, limit=limit)

    # -- organization and reports --------------------------------------------------------------
    def organization(self) -> Organization:
        with self._reading():
            row = self.db.execute("SELECT name, district, province FROM organization WHERE id = 1").fetchone()
        if row is None:
            return Organization()
        v = Values(self.path.name, "organization", 1)
        return Organization(
            *(v.text(c, x) for c, x in zip(("name", "district", "province"), row, strict=True))
        )

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """A read of the file: SQLite's errors (text that is not UTF-8, a damaged page) become one Thai line."""
        try:
            yield
        except sqlite3.Error as exc:
            raise StorageError(
                f"อ่านไฟล์ {self.path.name} ไม่ได้ ({' '.join(str(exc).split())[:120]}) "
                f"ไฟล์อาจเสียหาย โปรดกู้คืนจากสำเนาสำรอง"
            ) from None

    def set_organization(self, org: Organization) -> None:
        new = dataclasses.asdict(org)
        _check_text(new.values())
        with self.transaction():
            self.audit.changes("organization", dataclasses.asdict(self.organization()), new)
            self.db.table("organization").update(1, new)

    def reports(self) -> list[ReportInfo]:
        with self._reading():
            rows = self.db.execute(
                "SELECT id, fiscal_year, round FROM reports ORDER BY fiscal_year, round, id"
            ).fetchall()
        out = []
        for rid, year, rnd in rows:
            v = Values(self.path.name, "reports", rid)
            out.append(
                ReportInfo(
                    rid, v.integer("fiscal_year", year, YEAR_LOW, YEAR_HIGH), v.integer("round", rnd, 6, 12)
                )
            )
            if rnd not in ROUNDS:
                raise v.fail("round", f"ต้องเป็น 6 หรือ 12 ไม่ใช่ {rnd}")
        return out

    def find_report(self, fiscal_year: int, round_: int) -> int | None:
        with self._reading():
            row = self.db.execute(
                "SELECT id FROM reports WHERE fiscal_year = ? AND round = ?", [fiscal_year, round_]
            ).fetchone()
        return row[0] if row else None

    def add_report(self, report: Report) -> int:
        """Insert a whole report with its tree (a backup is taken first); sets `id` on the report and every node."""
        self._backup_or_fail("new-report")
        with self.transaction():
            return self._add_report(report)

    def _add_report(self, report: Report) -> int:
        existing = [(i.fiscal_year, i.round, i.id) for i in self.reports()]
        if clash := year_round_clash(existing, report.fiscal_year, report.round):
            raise StorageError(clash)
        columns = _report_columns(report)
        _check_text(columns.values())
        last_pk = self.db.table("reports").insert(columns).last_pk
        assert last_pk is not None  # an INTEGER PRIMARY KEY row always has one
        report.id = report_id = int(last_pk)
        if report.papers != Papers():
            self._write_papers(report_id, report.papers)
        for pos, node in enumerate(report.tree):
            self._insert_subtree(report_id, None, pos, node)
        self.audit.record("add_report", report_id, field="report", new=f"{report.fiscal_year}-{report.round}")
        return report_id

    def delete_report(self, report_id: int) -> None:
        with self.transaction():
            snapshot = self._report_snapshot(report_id)
            self.db.execute("DELETE FROM reports WHERE id = ?", [report_id])
            if snapshot is not None:
                self.audit.record("delete_report", report_id, field="report", old=snapshot)

    def _report_snapshot(self, report_id: int) -> str | None:
        """The report as interchange JSON, kept in the audit trail of a deletion."""
        if (
            not self.audit.enabled
            or self.db.execute("SELECT 1 FROM reports WHERE id = ?", [report_id]).fetchone() is None
        ):
            return None
        from ..interchange.json_format import report_to_dict

        return json.dumps(report_to_dict(self.load_report(report_id), images=False), ensure_ascii=False)

    def update_report(self, report_id: int, **changes: Any) -> None:
        """Change report fields: fiscal_year, round, plan_title, intro, conclusion, reporter, announcement."""
        papers = changes.pop("papers", None)
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
        _check_text(cols.values())
        if papers is not None:
            self._require_version(3)
            _check_text(_papers_columns(papers).values())
        with self.transaction():
            old = self._row("reports", report_id, cols)
            if old is None:
                raise StorageError(f"ไม่พบรายงานหมายเลข {report_id}")
            self.audit.changes("update_report", old, cols, report_id=report_id)
            if cols:
                try:
                    self.db.table("reports").update(report_id, cols)
                except sqlite3.IntegrityError as exc:
                    raise StorageError(f"บันทึกไม่ได้: ข้อมูลขัดกับรายงานอื่นหรือไม่ถูกต้อง ({exc})") from None
            if papers is not None:
                old_papers = self._load_papers(report_id)
                self.audit.changes(
                    "update_report", _papers_columns(old_papers), _papers_columns(papers), report_id=report_id
                )
                self._write_papers(report_id, papers)

    def _require_version(self, version: int) -> None:
        if self.version < version:
            raise StorageError("ไฟล์รุ่นเก่านี้เปิดแบบอ่านอย่างเดียว จึงเก็บภาพกิจกรรมหรือเอกสารประกอบไม่ได้")

    def _write_papers(self, report_id: int, papers: Papers) -> None:
        cols = _papers_columns(papers)
        names = ", ".join(cols)
        marks = ", ".join("?" for _ in cols)
        updates = ", ".join(f"{k} = excluded.{k}" for k in cols)
        try:
            self.db.execute(
                f"INSERT INTO papers (report_id, {names}) VALUES (?, {marks}) "
                f"ON CONFLICT (report_id) DO UPDATE SET {updates}",
                [report_id, *cols.values()],
            )
        except sqlite3.IntegrityError as exc:
            raise StorageError(f"บันทึกไม่ได้: ข้อมูลเอกสารประกอบไม่ถูกต้อง ({exc})") from None

    def _load_papers(self, report_id: int) -> Papers:
        if self.version < 3:
            return Papers()
        cur = self.db.execute("SELECT * FROM papers WHERE report_id = ?", [report_id])
        row = cur.fetchone()
        if row is None:
            return Papers()
        return _papers_from_row(
            dict(zip([d[0] for d in cur.description], row, strict=True)),
            Values(self.path.name, "papers", report_id),
        )

    def _row(self, table: str, row_id: int, columns: Iterable[str]) -> dict[str, Any] | None:
        names = [c for c in columns if c.isidentifier()]
        if not names:
            return {} if self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone() else None
        row = self.db.execute(f"SELECT {', '.join(names)} FROM {table} WHERE id = ?", [row_id]).fetchone()
        return None if row is None else dict(zip(names, row, strict=False))

    def load_report(self, report_id: int) -> Report:
        """One report with its tree; every value is checked on the way in (values.py)."""
        with self._reading():
            cursor = self.db.execute("SELECT * FROM reports WHERE id = ?", [report_id])
            row = cursor.fetchone()
            if row is None:
                raise StorageError(f"ไม่พบรายงานหมายเลข {report_id}")
            r = dict(zip([d[0] for d in cursor.description], row, strict=True))
            tree = self._load_tree(report_id)
            papers = self._load_papers(report_id)
        v = Values(self.path.name, "reports", report_id)
        t = v.text
        year = v.integer("fiscal_year", r["fiscal_year"], YEAR_LOW, YEAR_HIGH)
        if r["round"] not in ROUNDS or not isinstance(r["round"], int):
            raise v.fail("round", "ต้องเป็น 6 หรือ 12")
        report = Report(
            id=report_id,
            fiscal_year=year,
            round=r["round"],
            plan_title=t("plan_title", r["plan_title"]),
            intro=v.opt_text("intro", r["intro"]),
            conclusion=Conclusion(
                t("supporting_factors", r["supporting_factors"]),
                t("problems", r["problems"]),
                t("suggestions", r["suggestions"]),
            ),
            reporter=Reporter(
                t("reporter_name", r["reporter_name"]),
                t("reporter_position", r["reporter_position"]),
                t("reporter_phone", r["reporter_phone"]),
                t("reporter_email", r["reporter_email"]),
                v.date("reporter_date", r["reporter_date"]),
            ),
            announcement=Announcement(
                t("announcement_body", r["announcement_body"]),
                v.date("announcement_date", r["announcement_date"]),
                t("signatory_name", r["signatory_name"]),
                t("signatory_position", r["signatory_position"]),
                v.blob("emblem_png", r["emblem_png"]),
            ),
        )
        report.papers = papers
        report.tree = tree
        return report

    def _load_tree(self, report_id: int) -> list[Heading]:
        name = self.path.name
        details: dict[int, list[DetailBlock]] = {}
        for detail_id, node_id, heading, body in self.db.execute(
            "SELECT d.id, d.node_id, d.heading, d.body FROM details d JOIN nodes n ON n.id = d.node_id "
            "WHERE n.report_id = ? ORDER BY d.node_id, d.position, d.id",
            [report_id],
        ):
            v = Values(name, "details", detail_id)
            details.setdefault(node_id, []).append(
                DetailBlock(v.text("heading", heading), v.text("body", body))
            )
        photos = self._load_photos(report_id)
        children: dict[int | None, list[Node]] = {}
        kinds: dict[int, str] = {}
        count = 0
        for row in self.db.execute(
            "SELECT id, parent_id, kind, title, item_type, indicator, target, result, integrated, agency, "
            "disbursed, approach1, approach2, approach3, status, status_reason, note FROM nodes "
            "WHERE report_id = ? ORDER BY parent_id, position, id",
            [report_id],
        ):
            (nid, parent, kind, title, item_type, indicator, target, result, integ, agency, disb, a1, a2, a3,
             status, reason, note) = row  # fmt: skip
            v = Values(name, "nodes", nid)
            count += 1
            kind = v.choice("kind", kind, ("heading", "item"), allow_none=False)
            kinds[nid] = kind
            node: Node
            if kind == "heading":
                node = Heading(title=v.text("title", title), id=nid)
            else:
                node = Item(
                    item_type=v.choice("item_type", item_type, ITEM_TYPES, allow_none=False),
                    title=v.text("title", title),
                    indicator=v.text("indicator", indicator),
                    target=v.text("target", target),
                    result=v.text("result", result),
                    budget=Budget(
                        v.amount("integrated", integ), v.amount("agency", agency), v.amount("disbursed", disb)
                    ),
                    approaches=(v.flag("approach1", a1), v.flag("approach2", a2), v.flag("approach3", a3)),
                    status=v.choice("status", status, STATUSES),
                    status_reason=v.choice("status_reason", reason, STATUS_REASONS),
                    note=v.text("note", note),
                    details=details.get(nid, []),
                    photos=photos.get(nid, []),
                    id=nid,
                )
            children.setdefault(parent, []).append(node)
        for node in children.get(None, []):
            if not isinstance(node, Heading):
                raise Values(name, "nodes", node.id).fail("parent_id", "โครงการ/กิจกรรมอยู่ระดับบนสุด (ต้องอยู่ใต้มิติ)")
        for parent in children:
            if parent is not None and kinds.get(parent) != "heading":
                bad = children[parent][0].id
                raise Values(name, "nodes", bad).fail("parent_id", f"อยู่ใต้แถว {parent} ซึ่งไม่ใช่หัวข้อของรายงานนี้")
        placed = 0

        def attach(nodes: list[Node], depth: int) -> None:
            nonlocal placed
            if depth > 64:
                raise Values(name, "nodes", nodes[0].id).fail("parent_id", "ต้นไม้ลึกเกินไป")
            for node in nodes:
                placed += 1
                if isinstance(node, Heading):
                    node.children = children.get(node.id, [])
                    attach(node.children, depth + 1)

        tree = [node for node in children.get(None, []) if isinstance(node, Heading)]  # all (checked above)
        attach([*tree], 1)
        if placed != count:  # rows in a cycle of parents never reach a dimension: never dropped silently
            raise StorageError(
                f"ไฟล์ {name} มีค่าที่ไม่ถูกต้อง: nodes.parent_id วนกันเป็นวง ({count - placed} แถว) "
                f"(ไฟล์อาจเสียหายหรือถูกแก้ด้วยโปรแกรมอื่น โปรดกู้คืนจากสำเนาสำรอง)"
            )
        return tree

    def _load_photos(self, report_id: int) -> dict[int, list[Photo]]:
        photos: dict[int, list[Photo]] = {}
        if self.version < 3:
            return photos
        from ..media.images import sniff

        for photo_id, node_id, image, caption in self.db.execute(
            "SELECT p.id, p.node_id, p.image, p.caption FROM photos p JOIN nodes n ON n.id = p.node_id "
            "WHERE n.report_id = ? ORDER BY p.node_id, p.position, p.id",
            [report_id],
        ):
            v = Values(self.path.name, "photos", photo_id)
            image = v.blob("image", image)
            if image is None or sniff(image) is None:
                raise v.fail("image", "ภาพกิจกรรมไม่ใช่ภาพ JPEG หรือ PNG")
            photos.setdefault(node_id, []).append(Photo(image, v.text("caption", caption)))
        return photos

    def load_document(self) -> Document:
        return Document(self.organization(), [self.load_report(r.id) for r in self.reports()])

    def import_document(self, doc: Document) -> None:
        """Add every report of `doc` (and its organization) in one transaction, after a backup."""
        org = dataclasses.asdict(doc.organization)
        _check_text(org.values())
        self._backup_or_fail("import")
        with self.transaction():
            self.audit.changes("organization", dataclasses.asdict(self.organization()), org)
            self.db.table("organization").update(1, org)
            for report in doc.reports:
                self._add_report(report)
            self.audit.record("import", field="reports", new=str(len(doc.reports)))

    # -- nodes ---------------------------------------------------------------------------------
    def _insert_subtree(self, report_id: int, parent_id: int | None, position: int, node: Node) -> int:
        columns = _node_columns(node)
        _check_text(columns.values())
        last_pk = (
            self.db.table("nodes")
            .insert({"report_id": report_id, "parent_id": parent_id, "position": position, **columns})
            .last_pk
        )
        assert last_pk is not None  # an INTEGER PRIMARY KEY row always has one
        node.id = node_id = int(last_pk)
        if isinstance(node, Heading):
            for pos, child in enumerate(node.children):
                self._insert_subtree(report_id, node_id, pos, child)
        else:
            self._write_details(node_id, node.details)
            if node.photos:
                self._write_photos(node_id, node.photos)
        return node_id

    def _write_details(self, node_id: int, details: list[DetailBlock]) -> None:
        for d in details:
            _check_text((d.heading, d.body))
        self.db.execute("DELETE FROM details WHERE node_id = ?", [node_id])
        if details:
            self.db.table("details").insert_all(
                {"node_id": node_id, "position": i, "heading": d.heading, "body": d.body}
                for i, d in enumerate(details)
            )

    def _write_photos(self, node_id: int, photos: list[Photo]) -> None:
        """Make the node's photo rows `photos`, in order. Rows whose image is unchanged are kept (only their
        position and caption are updated), so editing a caption or reordering rewrites no image."""
        self._require_version(3)
        for p in photos:
            if not isinstance(p.image, bytes) or not p.image:
                raise StorageError("บันทึกไม่ได้: ภาพกิจกรรมว่างเปล่า")
            _check_text((p.caption,))
        old = self.db.execute("SELECT id, image FROM photos WHERE node_id = ?", [node_id]).fetchall()
        free: dict[bytes, list[int]] = {}
        for row_id, image in old:
            free.setdefault(image, []).append(row_id)
        # keep the rows, move them out of the way, then set every position (positions need not be unique,
        # but a clean 0..n-1 keeps the order obvious)
        for pos, p in enumerate(photos):
            ids = free.get(p.image)
            if ids:
                row_id = ids.pop(0)
                self.db.execute(
                    "UPDATE photos SET position = ?, caption = ? WHERE id = ?", [pos, p.caption, row_id]
                )
            else:
                self.db.execute(
                    "INSERT INTO photos (node_id, position, image, caption) VALUES (?, ?, ?, ?)",
                    [node_id, pos, p.image, p.caption],
                )
        left = [row_id for ids in free.values() for row_id in ids]
        if left:
            self.db.execute(f"DELETE FROM photos WHERE id IN ({', '.join('?' for _ in left)})", left)

    def _photo_summary(self, node_id: int) -> list[dict[str, Any]]:
        import hashlib

        return [
            {"caption": caption, "sha256": hashlib.sha256(image).hexdigest()[:16], "bytes": len(image)}
            for image, caption in self.db.execute(
                "SELECT image, caption FROM photos WHERE node_id = ? ORDER BY position", [node_id]
            )
        ]

    def _node_row(self, node_id: int) -> tuple[int, int | None, int, str]:
        row = self.db.execute(
            "SELECT report_id, parent_id, position, kind FROM nodes WHERE id = ?", [node_id]
        ).fetchone()
        if row is None:
            raise StorageError(f"ไม่พบรายการหมายเลข {node_id}")
        return (row[0], row[1], row[2], row[3])

    def _check_parent(self, report_id: int, parent_id: int | None, node: object) -> None:
        is_heading = isinstance(node, Heading) or getattr(node, "kind", None) == "heading"
        parent_is_heading = None
        if parent_id is not None:
            row = self.db.execute("SELECT report_id, kind FROM nodes WHERE id = ?", [parent_id]).fetchone()
            if row is None or row[0] != report_id:
                raise StorageError("ไม่พบหัวข้อที่จะใส่")
            parent_is_heading = row[1] == "heading"
        if problem := placement_problem(parent_is_heading, is_heading):
            raise StorageError(problem)

    def _siblings_where(self, parent_id: int | None) -> tuple[str, list[int]]:
        return ("parent_id IS NULL", []) if parent_id is None else ("parent_id = ?", [parent_id])

    def _shift(
        self,
        report_id: int,
        parent_id: int | None,
        from_position: int,
        delta: int,
        exclude_id: int | None = None,
    ) -> None:
        where, args = self._siblings_where(parent_id)
        self.db.execute(
            f"UPDATE nodes SET position = position + ? WHERE report_id = ? AND {where} "
            f"AND position >= ? AND id IS NOT ?",
            [delta, report_id, *args, from_position, exclude_id],
        )

    def _count_children(self, report_id: int, parent_id: int | None) -> int:
        where, args = self._siblings_where(parent_id)
        return int(
            self.db.execute(
                f"SELECT count(*) FROM nodes WHERE report_id = ? AND {where}", [report_id, *args]
            ).fetchone()[0]
        )

    def insert_node(self, report_id: int, parent_id: int | None, position: int, node: Node) -> int:
        """Insert `node` (with its subtree) as child `position` of `parent_id` (None: a dimension)."""
        with self.transaction():
            self._check_parent(report_id, parent_id, node)
            position = max(0, min(position, self._count_children(report_id, parent_id)))
            self._shift(report_id, parent_id, position, +1)
            node_id = self._insert_subtree(report_id, parent_id, position, node)
            self.audit.record("insert", report_id, node_id, "title", None, node.title)
            return node_id

    def delete_node(self, node_id: int, node: Node | None = None) -> tuple[int | None, int]:
        """Delete a node and its subtree; returns (parent_id, position) for an undo to reinsert at. `node`:
        the caller's copy of that subtree (the window holds it), recorded in the audit trail as it is; without
        it the subtree is read from the file."""
        with self.transaction():
            report_id, parent_id, position, _ = self._node_row(node_id)
            if self.audit.enabled:
                snapshot = (
                    self._node_snapshot(report_id, node_id)
                    if node is None or node.id != node_id
                    else _node_json(node)
                )
                self.audit.record("delete", report_id, node_id, "node", snapshot)
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
                ancestor = self.db.execute("SELECT parent_id FROM nodes WHERE id = ?", [ancestor]).fetchone()[
                    0
                ]
            self._shift(report_id, parent_id, position + 1, -1, exclude_id=node_id)
            others = self._count_children(report_id, new_parent_id) - (new_parent_id == parent_id)
            new_position = max(0, min(new_position, others))
            self._shift(report_id, new_parent_id, new_position, +1, exclude_id=node_id)
            self.db.execute(
                "UPDATE nodes SET parent_id = ?, position = ? WHERE id = ?",
                [new_parent_id, new_position, node_id],
            )
            if (parent_id, position) != (new_parent_id, new_position):
                self.audit.record(
                    "move",
                    report_id,
                    node_id,
                    "position",
                    f"{parent_id}/{position}",
                    f"{new_parent_id}/{new_position}",
                )

    def update_node(self, node_id: int, **changes: Any) -> None:
        """Change node fields by model name: title, item_type, indicator, target, result, budget,
        approaches, status, status_reason, note, details."""
        details = changes.pop("details", None)
        photos = changes.pop("photos", None)
        cols = _node_changes(changes)
        _check_text(cols.values())
        if photos is not None:
            self._require_version(3)
        with self.transaction():
            report_id = self._node_row(node_id)[0]
            if photos is not None:
                before = self._photo_summary(node_id) if self.audit.enabled else None
                self._write_photos(node_id, list(photos))
                if self.audit.enabled:
                    after = self._photo_summary(node_id)
                    if before != after:
                        self.audit.record(
                            "update",
                            report_id,
                            node_id,
                            "photos",
                            json.dumps(before, ensure_ascii=False),
                            json.dumps(after, ensure_ascii=False),
                        )
            if self.audit.enabled:
                self.audit.changes(
                    "update", self._row("nodes", node_id, cols) or {}, cols, report_id, node_id
                )
                if details is not None:
                    old = [
                        DetailBlock(h, b)
                        for h, b in self.db.execute(
                            "SELECT heading, body FROM details WHERE node_id = ? ORDER BY position", [node_id]
                        )
                    ]
                    if old != list(details):
                        self.audit.record("update", report_id, node_id, "details", old, list(details))
            if cols:
                try:
                    self.db.table("nodes").update(node_id, cols)
                except sqlite3.IntegrityError as exc:
                    raise StorageError(f"บันทึกไม่ได้: ค่าไม่ถูกต้อง ({exc})") from None
            if details is not None:
                self._write_details(node_id, details)

    def _node_snapshot(self, report_id: int, node_id: int) -> str:
        """A node's subtree as interchange JSON, kept in the audit trail of a deletion."""
        from ..core.model import walk

        for node in walk(self._load_tree(report_id)):
            if node.id == node_id:
                return _node_json(node)
        return ""


def _node_json(node: Node) -> str:
    from ..interchange.json_format import node_to_dict

    return json.dumps(node_to_dict(node, images=False), ensure_ascii=False)


# the store's own API: the store and what its methods raise
__all__ = [
    "ReportStore",
    "ReportInfo",
    "StorageError",
    "WriteError",
    "FileLockedError",
    "LockLostError",
]
