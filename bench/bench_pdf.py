"""PDF export figures: whole-process time and peak memory, ours beside Qt's own PDF path.

usage: python bench/bench_pdf.py [--runs N] [--sizes 250,500,1000] [--skip-qt]

Every measurement runs in a fresh process (this script calling itself with --child), so times
include start-up (imports, fonts, the Thai dictionary) as a user sees them; peak RSS comes from
the child's rusage. Prints medians of N runs.

* sample: ``python main.py export-pdf resources/sample-pipun-2564-6.json`` (the whole report)
* synthetic N: a generated report of N items (bench/synthetic.py), whole report
* form table, ours: only the sample's form table, on A4 landscape, with our engine
* form table, Qt: the same cells as an HTML table, QTextDocument -> QPdfWriter (offscreen)
  For both table PDFs, the text score is the fraction of distinct cell texts that pdftotext
  gives back verbatim (whitespace ignored).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample-pipun-2564-6.json"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


# -- children -----------------------------------------------------------------------------------
def _form_cells(report, digits="thai"):
    """The form table's header and rows as plain cell texts (the same cells both producers get)."""
    from pipun_desktop.pdf.fonts import FontSet
    from pipun_desktop.pdf.report_pdf import Styles, form_table

    table = form_table(report, Styles(FontSet.default(), digits), digits, 400)
    header = [(c.text, c.hrow, c.col, c.span, c.rowspan) for c in table.header]
    rows = [[(c.text, c.col, c.span) for c in r.cells] for r in table.rows]
    return table, header, rows


def child_sample(out):
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export-pdf", str(SAMPLE), "-o", out],
        check=True,
        stderr=subprocess.DEVNULL,
    )


def child_synthetic(out, n):
    from synthetic import synthetic_document

    from pipun_desktop.pdf.export import export_report_pdf

    doc = synthetic_document(n)
    info = export_report_pdf(doc.organization, doc.reports[0], out)
    print(json.dumps({"pages": info.pages}))


def child_ours_table(out):
    from reportlab.platypus import PageBreak  # noqa: F401  (imported as a user's run would)

    from pipun_desktop.interchange.json_format import read_document
    from pipun_desktop.pdf.fonts import FontSet
    from pipun_desktop.pdf.report_pdf import ReportDocTemplate, Styles, form_table

    doc = read_document(SAMPLE)
    org, report = doc.organization, doc.reports[0]
    fonts = FontSet.default()
    pdf = ReportDocTemplate(
        out, fonts=fonts, report=report, organization=org, digits="thai", fingerprint=None
    )
    pdf.pageTemplates.reverse()  # start on the landscape form page
    pdf.build([form_table(report, Styles(fonts, "thai"), "thai", pdf.form_frame._aH)])


def child_qt_table(out):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import (
        QFont,
        QFontDatabase,
        QGuiApplication,
        QPageLayout,
        QPageSize,
        QPdfWriter,
        QTextDocument,
    )

    from pipun_desktop.interchange.json_format import read_document
    from pipun_desktop.pdf.layout_form import FORM_COLUMNS

    app = QGuiApplication.instance() or QGuiApplication([])
    fid = QFontDatabase.addApplicationFont(str(ROOT / "fonts" / "Sarabun-Regular.ttf"))
    QFontDatabase.addApplicationFont(str(ROOT / "fonts" / "Sarabun-Bold.ttf"))
    family = QFontDatabase.applicationFontFamilies(fid)[0]
    report = read_document(SAMPLE).reports[0]
    _table, header, rows = _form_cells(report)
    ncols = 11
    parts = ['<table border="1" cellspacing="0" cellpadding="2" width="100%">']
    for hrow in (0, 1):
        parts.append("<tr>")
        for text, r, col, span, rowspan in header:
            if r == hrow:
                width = f' width="{100 * FORM_COLUMNS[col] / sum(FORM_COLUMNS):.1f}%"' if span == 1 else ""
                parts.append(f'<th colspan="{span}" rowspan="{rowspan}"{width}>{html.escape(text)}</th>')
        parts.append("</tr>")
    for cells in rows:
        parts.append("<tr>")
        for text, _col, span in cells:
            body = html.escape(text).replace("\n", "<br/>")
            parts.append(f'<td colspan="{span}">{body}</td>' if span > 1 else f"<td>{body}</td>")
        parts.append("</tr>")
    parts.append("</table>")
    writer = QPdfWriter(out)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    doc = QTextDocument()
    doc.setDefaultFont(QFont(family, 10))
    doc.setHtml("".join(parts))
    doc.print_(writer)
    del writer
    assert ncols and app


CHILDREN = {
    "sample": child_sample,
    "synthetic": child_synthetic,
    "ours-table": child_ours_table,
    "qt-table": child_qt_table,
}


# -- parent -------------------------------------------------------------------------------------
def run_child(kind, out, *extra):
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", kind, out, *map(str, extra)], stdout=subprocess.PIPE, cwd=ROOT
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stdout = proc.stdout.read().decode()
    proc.stdout.close()
    if status != 0:
        raise SystemExit(f"child {kind} failed ({status})")
    # ru_maxrss is in KiB on Linux; the child includes the grandchild for "sample" via its own wait
    return elapsed, usage.ru_maxrss / 1024, stdout


def median_run(kind, runs, *extra):
    times, rss, outs = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.pdf")
        for _ in range(runs):
            t, m, so = run_child(kind, out, *extra)
            times.append(t)
            rss.append(m)
            outs.append(so)
        size = os.path.getsize(out)
        text = subprocess.run(["pdftotext", "-raw", out, "-"], capture_output=True, text=True).stdout
    return statistics.median(times), max(rss), size, text, outs[-1]


def cell_score(text, cells):
    import re

    got = re.sub(r"\s+", "", text)
    want = {re.sub(r"\s+", "", c) for c in cells if c.strip()}
    found = sum(1 for w in want if w in got)
    return found, len(want)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="250,500,1000")
    ap.add_argument("--skip-qt", action="store_true")
    ap.add_argument("--child", nargs="+")
    a = ap.parse_args()
    if a.child:
        kind, out, *extra = a.child
        CHILDREN[kind](out, *map(int, extra))
        return

    print(f"medians of {a.runs} runs, each in a fresh process")
    t, m, size, _text, _ = median_run("sample", a.runs)
    print(f"sample report (main.py export-pdf): {t:.2f} s, {size / 1024:.0f} KiB")
    for n in [int(s) for s in a.sizes.split(",")]:
        t, m, size, _text, so = median_run("synthetic", max(1, a.runs // 2 + 1), n)
        pages = json.loads(so)["pages"]
        print(
            f"synthetic {n:5d} items: {t:6.2f} s, peak RSS {m:5.0f} MB, {pages} pages, "
            f"{size / 1024 / 1024:.1f} MiB, {1000 * t / n:.1f} ms/item"
        )

    from pipun_desktop.interchange.json_format import read_document

    _table, header, rows = _form_cells(read_document(SAMPLE).reports[0])
    cells = [h[0] for h in header] + [c[0] for r in rows for c in r]
    t, m, size, text, _ = median_run("ours-table", a.runs)
    f, n = cell_score(text, cells)
    print(
        f"form table, ours (ReportLab + this engine): {t:.2f} s, {m:.0f} MB, cells verbatim {f}/{n} "
        f"({100 * f / n:.1f}%)"
    )
    if not a.skip_qt:
        t, m, size, text, _ = median_run("qt-table", a.runs)
        f, n = cell_score(text, cells)
        print(
            f"form table, Qt (QTextDocument -> QPdfWriter): {t:.2f} s, {m:.0f} MB, cells verbatim {f}/{n} "
            f"({100 * f / n:.1f}%)"
        )


if __name__ == "__main__":
    main()
