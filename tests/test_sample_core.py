"""The bundled sample through the real importer, totals and data file: it must match the seed."""

import json

from conftest import SAMPLE

from pipun_desktop.core.numbering import numbered
from pipun_desktop.core.totals import report_totals
from pipun_desktop.interchange.json_format import document_to_dict, read_document
from pipun_desktop.storage.store import ReportStore

BAHT = 100


def test_sample_imports_and_totals_match_the_seed(tmp_path):
    doc = read_document(SAMPLE)
    assert doc.organization.name == "องค์การบริหารส่วนตำบลพิปูน"
    (report,) = doc.reports
    assert (report.fiscal_year, report.round) == (2564, 6)
    totals = report_totals(report)
    got = [(t.integrated, t.agency, t.disbursed) for _, t in totals.dimensions]
    assert got == [
        (None, 65_000 * BAHT, 20_000 * BAHT),
        (None, 30_000 * BAHT, None),
        (None, 35_000 * BAHT, None),
        (None, 40_000 * BAHT, 40_000 * BAHT),
    ]
    assert (totals.total.agency, totals.total.disbursed, totals.total.items) == (
        170_000 * BAHT,
        60_000 * BAHT,
        66,
    )
    numbers = [n.number for n in numbered(report.tree)]
    assert numbers[:4] == ["มิติที่ ๑", "๑.๑", "๑.๑.๑", "๑.๑.๑ (๑)"]
    assert [n.number for n in numbered(report.tree) if n.depth == 0] == ["มิติที่ ๑", "มิติที่ ๒", "มิติที่ ๓", "มิติที่ ๔"]


def test_sample_survives_the_data_file_exactly(tmp_path):
    doc = read_document(SAMPLE)
    with ReportStore.create(tmp_path / "s.pipun", doc.organization) as store:
        store.import_document(doc)
    with ReportStore.open(tmp_path / "s.pipun") as store:
        back = store.load_document()
    assert document_to_dict(back) == document_to_dict(doc)
    # the bundled sample is a version-1 document: the export is the same with version 2's additions
    assert as_version_1(document_to_dict(back)) == json.loads(SAMPLE.read_text(encoding="utf-8"))


def as_version_1(doc: dict) -> dict:
    """A version-2 document without photos and papers, as version 1 wrote it."""

    def strip(node):
        if node["kind"] == "heading":
            for child in node["children"]:
                strip(child)
        else:
            assert node.pop("photos") == []

    doc["version"] = 1
    for report in doc["reports"]:
        report.pop("papers")
        for node in report["tree"]:
            strip(node)
    return doc
