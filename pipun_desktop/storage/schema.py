"""The data file's schema and its migrations; `PRAGMA user_version` holds the schema version.

A file's structure is checked against what this program creates for the file's version, statement by
statement (see expected_master), so a file carrying a trigger, a view, a changed CHECK or an extra table
is refused before anything in it runs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from ..core.rules import FISCAL_YEAR_MAX, FISCAL_YEAR_MIN

SCHEMA_VERSION = 3
APPLICATION_ID = 0x50495055  # "PIPU": marks a file as ours before any table is read

SCHEMA_V1 = f"""
CREATE TABLE organization (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL DEFAULT '',
    district TEXT NOT NULL DEFAULT '',
    province TEXT NOT NULL DEFAULT ''
);
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN {FISCAL_YEAR_MIN} AND {FISCAL_YEAR_MAX}),
    round INTEGER NOT NULL CHECK (round IN (6, 12)),
    plan_title TEXT NOT NULL DEFAULT '',
    intro TEXT,
    supporting_factors TEXT NOT NULL DEFAULT '',
    problems TEXT NOT NULL DEFAULT '',
    suggestions TEXT NOT NULL DEFAULT '',
    reporter_name TEXT NOT NULL DEFAULT '',
    reporter_position TEXT NOT NULL DEFAULT '',
    reporter_phone TEXT NOT NULL DEFAULT '',
    reporter_email TEXT NOT NULL DEFAULT '',
    reporter_date TEXT CHECK (reporter_date IS NULL OR date(reporter_date) = reporter_date),
    announcement_body TEXT NOT NULL DEFAULT '',
    announcement_date TEXT CHECK (announcement_date IS NULL OR date(announcement_date) = announcement_date),
    signatory_name TEXT NOT NULL DEFAULT '',
    signatory_position TEXT NOT NULL DEFAULT '',
    emblem_png BLOB,
    UNIQUE (fiscal_year, round)
);
CREATE TABLE nodes (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES nodes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    kind TEXT NOT NULL CHECK (kind IN ('heading', 'item')),
    title TEXT NOT NULL DEFAULT '',
    item_type TEXT CHECK (item_type IS NULL OR item_type IN ('project', 'activity', 'measure')),
    indicator TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT '',
    integrated INTEGER CHECK (integrated IS NULL OR (typeof(integrated) = 'integer' AND integrated >= 0)),
    agency INTEGER CHECK (agency IS NULL OR (typeof(agency) = 'integer' AND agency >= 0)),
    disbursed INTEGER CHECK (disbursed IS NULL OR (typeof(disbursed) = 'integer' AND disbursed >= 0)),
    approach1 INTEGER NOT NULL DEFAULT 0 CHECK (approach1 IN (0, 1)),
    approach2 INTEGER NOT NULL DEFAULT 0 CHECK (approach2 IN (0, 1)),
    approach3 INTEGER NOT NULL DEFAULT 0 CHECK (approach3 IN (0, 1)),
    status TEXT CHECK (status IS NULL OR status IN ('done', 'in_progress', 'not_started', 'not_possible')),
    status_reason TEXT CHECK (status_reason IS NULL OR status_reason IN ('no_budget', 'policy_change', 'no_staff', 'other')),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX nodes_by_parent ON nodes (report_id, parent_id, position);
CREATE TABLE details (
    id INTEGER PRIMARY KEY,
    node_id INTEGER NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    heading TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT ''
);
CREATE INDEX details_by_node ON details (node_id, position);
"""

# Version 2: the edit lock kept inside the file (it travels with the file to a shared folder, as GnuCash's
# gnclock table does) and the audit trail. No ALTER TABLE: version-1 tables keep their exact text.
SCHEMA_V2 = """
CREATE TABLE lock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    token TEXT NOT NULL,
    user TEXT NOT NULL DEFAULT '',
    host TEXT NOT NULL DEFAULT '',
    pid INTEGER NOT NULL DEFAULT 0,
    since TEXT NOT NULL,
    heartbeat TEXT NOT NULL
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL DEFAULT '',
    host TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    report_id INTEGER,
    node_id INTEGER,
    field TEXT NOT NULL DEFAULT '',
    old TEXT,
    new TEXT
);
CREATE INDEX audit_by_node ON audit (node_id, id);
CREATE INDEX audit_by_report ON audit (report_id, id);
"""

# Version 3: the papers that go with the report (issue 14): activity photos of items, and per report the
# fields of the memo to the executive and of the web-publication form. New tables only, again no ALTER TABLE.
# photos.image holds JPEG or PNG bytes as media.images stored them (checked, at most 1,600 px, no metadata).
# papers has at most one row per report; a report without one has empty papers (memo_body and
# web_description NULL: drafted from the report).
SCHEMA_V3 = """
CREATE TABLE photos (
    id INTEGER PRIMARY KEY,
    node_id INTEGER NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    image BLOB NOT NULL CHECK (typeof(image) = 'blob'),
    caption TEXT NOT NULL DEFAULT ''
);
CREATE INDEX photos_by_node ON photos (node_id, position);
CREATE TABLE papers (
    report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
    division TEXT NOT NULL DEFAULT '',
    document_number TEXT NOT NULL DEFAULT '',
    memo_date TEXT CHECK (memo_date IS NULL OR date(memo_date) = memo_date),
    executive_position TEXT NOT NULL DEFAULT '',
    memo_body TEXT,
    web_description TEXT,
    web_link TEXT NOT NULL DEFAULT '',
    web_remarks TEXT NOT NULL DEFAULT '',
    web_publisher_name TEXT NOT NULL DEFAULT '',
    web_publisher_position TEXT NOT NULL DEFAULT ''
);
"""

# version -> SQL that brings a file from version-1 to version; applied in order inside one transaction
MIGRATIONS: dict[int, str] = {1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3}

OWN_TABLES = {"organization", "reports", "nodes", "details", "lock", "audit", "photos", "papers"}
OWN_INDEXES = {"nodes_by_parent", "details_by_node", "audit_by_node", "audit_by_report", "photos_by_node"}


def statements(script: str) -> Iterator[str]:
    """Split a schema script into statements, so they run inside our transaction
    (sqlite3's executescript would commit first)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf.strip()
            buf = ""


_expected: dict[int, frozenset[tuple[str, ...]]] = {}


def expected_master(version: int) -> frozenset[tuple[str, ...]]:
    """The rows (type, name, tbl_name, sql) of sqlite_master in a file of `version` this program made."""
    if version not in _expected:
        conn = sqlite3.connect(":memory:")
        try:
            for v in range(1, version + 1):
                for statement in statements(MIGRATIONS[v]):
                    conn.execute(statement)
            _expected[version] = frozenset(
                conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
            )
        finally:
            conn.close()
    return _expected[version]
