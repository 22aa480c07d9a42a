"""Printing through a real print system (issue 13, points 6-9): a private CUPS daemon with a cups-pdf queue
(tests/cups_queue.py) gets a mixed portrait/landscape page range from the program's own print path, chosen in
Qt's real print dialog; the PDF CUPS writes is checked page by page against the source: the page count, only
the pages asked for rendered, every page the right way up (portrait pages upright, landscape pages a quarter
turn on the portrait sheet, none upside down), and grey pages sent in grey.

Skips only when CUPS or cups-pdf is missing or the test is not root; CI installs them (.ci/setup --dev) and
runs as root.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cups_queue import CupsQueue, unavailable

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample-pipun-2564-6.json"
# the sample's pages 1-2 are portrait (cover, introduction), 3-34 landscape (the form table), 35- portrait;
# a job ending on a landscape page is the one CUPS turned upside down
JOBS = [
    ("1-2,30,34", [0, 1, 29, 33]),  # portrait, portrait, landscape, landscape: ends landscape
    ("33-36", [32, 33, 34, 35]),  # landscape first, ends portrait
    ("5-6", [4, 5]),  # landscape only
]

pytestmark = pytest.mark.skipif(unavailable() is not None, reason=str(unavailable()))


@pytest.fixture(scope="module")
def queue():
    q = CupsQueue()
    try:
        q.start()
        yield q
    finally:
        q.stop()


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    out = tmp_path_factory.mktemp("cups") / "sample.pdf"
    run = subprocess.run(
        [sys.executable, "main.py", "export-pdf", str(SAMPLE), "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return out


def page_images(path: Path, dpi: float = 30):
    """Every page of a PDF as a PIL grey image (pdfium)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(pdf))]
    finally:
        pdf.close()


def turn_of(printed, original) -> dict[int, float]:
    """How far `original` turned (0, 90, 180, 270 degrees counter-clockwise) looks like `printed`: the mean
    difference of grey levels for each turn, the printed sheet's size."""
    from PIL import ImageChops, ImageStat

    scores = {}
    for angle in (0, 90, 180, 270):
        turned = original.rotate(angle, expand=True).resize(printed.size)
        scores[angle] = ImageStat.Stat(ImageChops.difference(printed, turned)).mean[0]
    return scores


@pytest.mark.parametrize(("ranges", "expected"), JOBS)
def test_a_mixed_page_range_prints_right_way_up_through_cups(queue, source, tmp_path, ranges, expected):
    for old in queue.out.glob("*"):
        old.unlink()
    jobs_before = set(queue.job_files())
    result = tmp_path / "result.json"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "print_through_dialog.py"),
            str(source),
            queue.name,
            ranges,
            str(result),
        ],
        env={**queue.env(), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(result.read_text(encoding="utf-8"))
    assert report["ok"] and not report["problems"], report
    # point 7: only the pages typed in the dialog were rendered, once each
    assert sorted(report["rendered"]) == expected, report["rendered"]

    printed_pdf = queue.wait_for_pdf()
    printed = page_images(printed_pdf)
    originals = page_images(source)
    assert len(printed) == len(expected)
    for sheet, index in zip(printed, expected, strict=True):
        original = originals[index]
        scores = turn_of(sheet, original)
        best = min(scores, key=scores.get)
        landscape = original.width > original.height
        same_shape = (sheet.width > sheet.height) == landscape
        # point 6: portrait pages upright; landscape pages upright on a landscape sheet or a quarter turn on a
        # portrait one; never upside down (and clearly so: the best turn beats its half-turn opposite)
        allowed = {0} if same_shape else {90, 270}
        assert best in allowed, (index + 1, scores)
        assert scores[best] < 0.6 * scores[(best + 180) % 360], (index + 1, scores)

    # point 8: the pages (no colour in them) went to CUPS as grey images, not RGB
    jobs = [job for job in queue.job_files() if job not in jobs_before]
    assert len(jobs) == 1
    listing = subprocess.run(["pdfimages", "-list", str(jobs[0])], capture_output=True, text=True, timeout=60)
    if listing.returncode == 0:
        rows = [line.split() for line in listing.stdout.splitlines()[2:] if line.strip()]
        assert rows and all(row[5] == "gray" for row in rows), listing.stdout
    size = jobs[0].stat().st_size
    print(
        f"\njob sent to CUPS: {size / 1e6:.2f} MB for {len(expected)} pages ({size / len(expected) / 1e3:.0f} kB a page);"
        f" cups-pdf wrote {printed_pdf.stat().st_size / 1e6:.2f} MB"
    )
