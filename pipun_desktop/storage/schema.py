"""The data file's schema and its migrations; `PRAGMA user_version` holds the schema version."""

SCHEMA_VERSION = 1
APPLICATION_ID = 0x50495055  # "PIPU": marks a file as ours before any table is read

SCHEMA_V1 = """
CREATE TABLE organization (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL DEFAULT '',
    district TEXT NOT NULL DEFAULT '',
    province TEXT NOT NULL DEFAULT ''
);
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2400 AND 2800),
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

# version -> SQL that brings a file from version-1 to version; applied in order inside one transaction
MIGRATIONS: dict[int, str] = {1: SCHEMA_V1}

OWN_TABLES = {"organization", "reports", "nodes", "details"}
OWN_INDEXES = {"nodes_by_parent", "details_by_node"}
