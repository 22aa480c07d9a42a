"""A short fingerprint of a report's content, printed in the PDF footer so a signed printout can be matched
to its data.

It hashes the report's canonical interchange JSON (sorted keys, no spaces, ids excluded since the interchange
form has none) together with the organization, so it is the same after an export and import round trip and
changes with any printed or stored value.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..core.model import Organization, Report

PREFIX = "pipun-report-fingerprint/1\n"


def canonical_json(organization: Organization, report: Report) -> str:
    from .json_format import report_to_dict

    printed = report_to_dict(report, images=False)
    # Only what the printed report shows: the memo and web-form fields are not part of it, and an item
    # without photos hashes as it did before photos existed (fingerprints of older reports stay the same).
    printed.pop("papers", None)
    _drop_empty_photos(printed["tree"])
    data = {
        "organization": {
            "name": organization.name,
            "district": organization.district,
            "province": organization.province,
        },
        "report": printed,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _drop_empty_photos(nodes: list[dict[str, Any]]) -> None:
    for node in nodes:
        if node.get("kind") == "heading":
            _drop_empty_photos(node["children"])
        elif not node.get("photos"):
            node.pop("photos", None)


def report_fingerprint(organization: Organization, report: Report) -> str:
    """Sixteen hex digits in four groups, e.g. "3F2A-9C1B-77D0-E4A5" (64 bits of SHA-256)."""
    digest = hashlib.sha256((PREFIX + canonical_json(organization, report)).encode("utf-8", "surrogatepass"))
    hexdigits = digest.hexdigest()[:16].upper()
    return "-".join(hexdigits[i : i + 4] for i in range(0, 16, 4))
