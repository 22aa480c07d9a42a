"""The data file (SQLite, rollback journal) and everything that keeps it safe.

store.py     ReportStore: the public API; one transaction per call, audit rows in the same transaction
opening.py   checks a file from anywhere before SQLite runs anything in it; Thai messages for SQLite errors
schema.py    the schema by version, migrations, the exact sqlite_master a file of each version must have
lock.py      the edit lock kept in the file itself (user, machine, since, heartbeat), stale-lock rules
audit.py     the audit trail: who, when, which node and field, old and new value
backup.py    backups via SQLite's online backup API in the user data folder, thinned to a bounded set
restore.py   restoring a file (openable, damaged or deleted) from one of its backups
building.py  a new data file from a whole document, whole or not at all (import-json, first run)
"""
