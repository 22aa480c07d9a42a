"""A data file built from a document: whole or absent, and no half-built leftovers piling up beside it."""

import json
import os
import time

from test_interchange import minimal_doc

from pipun_desktop.interchange.json_format import parse_document
from pipun_desktop.storage.building import STALE_AFTER_SECONDS, build_data_file
from pipun_desktop.storage.store import ReportStore


def test_builds_a_whole_file_and_leaves_nothing_beside_it(tmp_path):
    out = build_data_file(parse_document(json.dumps(minimal_doc())), tmp_path / "org.pipun")
    with ReportStore.open(out, backups=False, lock=False) as store:
        assert len(store.load_document().reports) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.pipun"]


def test_a_build_killed_long_ago_is_cleared_a_fresh_one_is_not(tmp_path):
    old = tmp_path / ".org.pipun.abc123.creating"
    old_journal = tmp_path / ".org.pipun.abc123.creating-journal"
    fresh = tmp_path / ".org.pipun.def456.creating"
    other = tmp_path / ".other.pipun.abc123.creating"
    for leftover in (old, old_journal, fresh, other):
        leftover.write_bytes(b"half a file")
    long_ago = time.time() - STALE_AFTER_SECONDS - 60
    for leftover in (old, old_journal, other):
        os.utime(leftover, (long_ago, long_ago))

    build_data_file(parse_document(json.dumps(minimal_doc())), tmp_path / "org.pipun")

    assert not old.exists() and not old_journal.exists()
    assert fresh.exists()  # perhaps another import still writing it
    assert (
        not other.exists()
    )  # beside another file, but just as dead: the folder is swept when used (issue 11)
