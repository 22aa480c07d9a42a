"""Crash safety: the program is killed (SIGKILL) in the middle of bursts of edits and of imports, many times.

The child reports each edit on a pipe only after the store call returned (committed). After every kill the
file is reopened (rolling back the hot journal, clearing the dead program's lock): it passes
`PRAGMA integrity_check` and holds every reported edit. `import-json -o FILE` leaves no FILE or a whole one.
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from pipun_desktop.core.model import Budget, Heading, Item, Organization, Report
from pipun_desktop.interchange.json_format import read_document
from pipun_desktop.storage.store import ReportStore

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample-pipun-2564-6.json"
EDIT_ROUNDS, IMPORT_ROUNDS, CLI_ROUNDS = 25, 12, 10
NODES, ITEMS_PER_IMPORT = 6, 40

CHILD = r"""
import random, sys
sys.path.insert(0, sys.argv[3])
from pipun_desktop.core.model import Budget, DetailBlock, Document, Heading, Item, Organization, Report
from pipun_desktop.storage.store import ReportStore

path, mode, seed = sys.argv[1], sys.argv[2], int(sys.argv[4])
rng = random.Random(seed)
store = ReportStore.open(path)
out = sys.stdout
if mode == "edits":
    rid = store.reports()[0].id
    items = [n.id for n in store.load_report(rid).items()]
    n = int(sys.argv[5])
    while True:
        n += 1
        node = items[n % len(items)]
        store.update_node(node, title=f"edit {n}", note="ข" * rng.randrange(0, 20000),
                          budget=Budget(None, n, None), details=[DetailBlock("ผล", f"{n}")] * rng.randrange(0, 4))
        out.write(f"{node} {n}\n"); out.flush()
        if n % 7 == 0:
            store.update_report(rid, plan_title=f"plan {n}")
            out.write(f"plan {n}\n"); out.flush()
else:
    n = int(sys.argv[5])
    while True:
        n += 1
        items = [Item(title=f"{n}-{i}", budget=Budget(None, 100, 50), note="ค" * rng.randrange(0, 5000))
                 for i in range(int(sys.argv[6]))]
        doc = Document(Organization(f"อบต. {n}"), [Report(2400 + n, 6, tree=[Heading("มิติ", items)])])
        store.import_document(doc)
        out.write(f"import {n}\n"); out.flush()
"""


def integrity_ok(path: Path) -> None:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def run_and_kill(path: Path, mode: str, start: int, rng: random.Random, *extra) -> list[str]:
    """Start the child, let it commit for a random while, SIGKILL it; the lines it reported."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            str(path),
            mode,
            str(ROOT),
            str(rng.randrange(10**6)),
            str(start),
            *map(str, extra),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    lines = [proc.stdout.readline()]  # wait for the first committed change: the burst is under way
    assert lines[0], "the child died before its first edit"
    time.sleep(rng.uniform(0.0, 0.25))
    os.kill(proc.pid, signal.SIGKILL)
    lines += proc.stdout.read().splitlines()
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return [line.strip() for line in lines if line.strip()]


def test_killed_during_edits_loses_nothing_committed(tmp_path):
    path = tmp_path / "org.pipun"
    with ReportStore.create(path, Organization("อบต.")) as store:
        rid = store.add_report(
            Report(
                2564,
                6,
                tree=[
                    Heading("มิติ", [Item(title="edit 0", budget=Budget(None, 0, None)) for _ in range(NODES)])
                ],
            )
        )
    rng = random.Random(2026)
    last: dict[str, int] = {}
    n = hot = 0
    for _ in range(EDIT_ROUNDS):
        for line in run_and_kill(path, "edits", n, rng):
            key, value = line.rsplit(" ", 1)
            last[key] = max(last.get(key, 0), int(value))
        hot += Path(f"{path}-journal").exists()
        with ReportStore.open(path) as store:  # rolls back the hot journal, clears the dead program's lock
            assert store.cleared_lock is not None or store.lock is not None
            report = store.load_report(rid)
            stored = {str(item.id): int(item.title.split()[1]) for item in report.items()}
            for item in report.items():
                assert item.budget.agency == int(item.title.split()[1])  # one edit, all of its fields
            n = max(stored.values())
            for key, value in last.items():
                if key == "plan":
                    assert int(report.plan_title.split()[1]) >= value
                else:
                    assert stored[key] >= value, (key, stored[key], value)
            assert len(store.history(report_id=rid)) >= sum(1 for _ in last)
        integrity_ok(path)
    assert n > EDIT_ROUNDS  # the bursts really did commit edits
    assert hot > 0, "no kill landed inside a transaction"


def test_killed_during_imports_keeps_whole_reports(tmp_path):
    path = tmp_path / "org.pipun"
    ReportStore.create(path).close()
    rng = random.Random(7)
    reported: set[int] = set()
    n = 0
    for _ in range(IMPORT_ROUNDS):
        for line in run_and_kill(path, "imports", n, rng, ITEMS_PER_IMPORT):
            reported.add(int(line.split()[1]))
        with ReportStore.open(path) as store:
            years = {info.fiscal_year - 2400: info.id for info in store.reports()}
            assert reported <= set(years)
            for k, report_id in years.items():
                report = store.load_report(report_id)
                items = list(report.items())
                assert len(items) == ITEMS_PER_IMPORT and {i.title for i in items} == {
                    f"{k}-{i}" for i in range(ITEMS_PER_IMPORT)
                }
            n = max(years, default=n)
        integrity_ok(path)
    assert len(reported) >= IMPORT_ROUNDS


def test_killed_import_json_leaves_no_file_or_a_whole_one(tmp_path):
    expected = read_document(SAMPLE)
    items = sum(1 for r in expected.reports for _ in r.items())
    cmd = [sys.executable, str(ROOT / "main.py"), "import-json", str(SAMPLE), "-o"]
    started = time.monotonic()
    subprocess.run(cmd + [str(tmp_path / "timing.pipun")], check=True, capture_output=True)
    whole_run = time.monotonic() - started
    rng = random.Random(11)
    outcomes = set()
    for round_ in range(CLI_ROUNDS):
        out = tmp_path / f"out{round_}.pipun"
        proc = subprocess.Popen(cmd + [str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.0) * whole_run)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if not out.exists():
            outcomes.add("absent")
            continue
        outcomes.add("whole")
        integrity_ok(out)
        with ReportStore.open(out, read_only=True) as store:
            doc = store.load_document()
        assert doc.organization == expected.organization
        assert sum(1 for r in doc.reports for _ in r.items()) == items
    assert outcomes  # both outcomes are allowed; nothing in between
