"""Text of every kind goes into the data file and the JSON and comes back unchanged, without a crash:
100,000-character fields, every Thai code point, combining marks with no base, control characters,
right-to-left text, emoji and markup lookalikes."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipun_desktop.core.limits import MAX_FIELD_CHARS
from pipun_desktop.core.model import (
    Announcement,
    Budget,
    Conclusion,
    DetailBlock,
    Document,
    Heading,
    Item,
    Organization,
    Report,
    Reporter,
)
from pipun_desktop.interchange.fingerprint import report_fingerprint
from pipun_desktop.interchange.json_format import dump_document, parse_document, write_document
from pipun_desktop.storage.store import ReportStore

ROOT = Path(__file__).resolve().parent.parent

SAMPLES = {
    "long": ("กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮ" * 2500)[:100_000],
    "every_thai_code_point": "".join(chr(c) for c in range(0x0E00, 0x0E80)),
    "marks_without_base": "\u0e31\u0e48\u0e49 \u0e47\u0e4c\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a \u0301\u20dd",
    "controls": "".join(chr(c) for c in range(0, 32)) + "\x7f\x80\x85\x9f\u2028\u2029\r\n\r",
    "right_to_left": "\u202eกขค\u202c שלום עולם مرحبا بالعالم \u200f\u200e\u2067x\u2069",
    "emoji": "👩‍👩‍👧‍👦 🇹🇭 👍🏽 😀 🙏🏻 ✅️ \U0001fae0",
    "markup": "<b>ตัวหนา</b> &amp; &lt;x&gt; <script>alert('x')</script> ＜＞ ‹› \"'` ${x} {{x}} %s %(x)s "
    "=SUM(A1) \\n \\u0e01 <!-- --> ]]> ",
    "invisible": "\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f",
    "edge_planes": "\U0010fffd \ue000 \uffff \ufffe \U0001d11e",
}


def every_field(text: str) -> Document:
    item = Item(
        item_type="activity",
        title=text,
        indicator=text,
        target=text,
        result=text,
        budget=Budget(100, None, 5),
        approaches=(False, True, False),
        status="not_possible",
        status_reason="other",
        note=text,
        details=[DetailBlock(text, text), DetailBlock("", text)],
    )
    report = Report(
        2564,
        12,
        plan_title=text,
        intro=text,
        tree=[Heading(text, [Heading(text, [item])])],
        conclusion=Conclusion(text, text, text),
        reporter=Reporter(text, text, text, text, dt.date(2021, 9, 30)),
        announcement=Announcement(text, dt.date(2021, 10, 1), text, text, None),
    )
    return Document(Organization(text, text, text), [report])


def strip_ids(doc: Document) -> Document:
    from pipun_desktop.core.model import walk

    for report in doc.reports:
        report.id = None
        for node in walk(report.tree):
            node.id = None
    return doc


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_text_round_trips_through_file_and_json(tmp_path, kind):
    text = SAMPLES[kind]
    doc = every_field(text)
    assert strip_ids(parse_document(dump_document(doc))) == doc
    path = tmp_path / "t.pipun"
    with ReportStore.create(path) as store:
        store.import_document(every_field(text))
    with ReportStore.open(path) as store:
        back = store.load_document()
        assert strip_ids(back) == doc
        # and as an edit, with its audit row holding the exact old and new text
        report = store.load_report(store.reports()[0].id)
        item = next(report.items())
        edited = (text + "!")[-MAX_FIELD_CHARS:]  # the long sample is at the cap already
        store.update_node(item.id, title=edited, note="")
        entry = next(e for e in store.history(node_id=item.id) if e.field == "title")
        assert (entry.old, entry.new) == (text, edited)
    assert report_fingerprint(doc.organization, doc.reports[0]) == report_fingerprint(
        back.organization, back.reports[0]
    )


def test_every_kind_at_once_through_the_command_line(tmp_path):
    rest = "".join(v for k, v in SAMPLES.items() if k != "long")
    text = rest + SAMPLES["long"][: MAX_FIELD_CHARS - len(rest)]  # every kind, within the cap of one field
    src = tmp_path / "in.json"
    write_document(every_field(text), src)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def cli(*args):
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *map(str, args)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        return result.stdout

    data = tmp_path / "d.pipun"
    cli("import-json", src, "-o", data)
    out = tmp_path / "out.json"
    cli("export-json", data, "-o", out)
    assert out.read_bytes() == src.read_bytes()  # byte for byte
    assert cli("fingerprint", data) == cli("fingerprint", src)
    cli("summary", data)
    checked = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", str(data)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert checked.returncode in (0, 1) and "Traceback" not in checked.stderr  # 1: findings, not a crash


@pytest.mark.parametrize("kind", sorted(set(SAMPLES) - {"long"}))
def test_pdf_export_survives_every_kind(tmp_path, kind):
    """The PDF is another engineer's; here only: no crash, and markup prints literally."""
    from pipun_desktop.pdf.export import export_report_pdf

    doc = every_field(SAMPLES[kind])
    info = export_report_pdf(
        doc.organization, doc.reports[0], tmp_path / "r.pdf", fingerprint="0000-1111-2222-3333"
    )
    assert info.pages > 1 and (tmp_path / "r.pdf").stat().st_size > 0
    if kind == "markup":
        import shutil

        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True
            ).stdout
            assert "<script>alert('x')</script>" in text and "&amp;" in text
