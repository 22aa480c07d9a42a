"""Word and Excel import figures: whole-process time of `import-docx` and `import-xlsx`.

usage: python bench/bench_office_import.py [--runs N] [--sizes 1000]

Every run is a fresh process (``python main.py import-docx IN.docx -o OUT.pipun --force``): start-up, the
package checks, reading the XML, recognizing the form, the summary and building the data file, as a user sees
them. The inputs are the sample and synthetic reports (bench/synthetic.py) written twice: as an office makes
them by hand (tests/office_docs.py: split tables with repeated headers, merged heading rows, titles over two
paragraphs, Thai digits, narratives), and as this program exports them (export-docx / export-xlsx).
"""

from __future__ import annotations

import argparse
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
sys.path.insert(0, str(ROOT / "tests"))


def run_once(command: str, source: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), command, str(source), "-o", str(out), "--force"],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    from office_docs import office_docx, office_xlsx

    from pipun_desktop.interchange.json_format import read_document
    from pipun_desktop.office.docx_export import export_report_docx
    from pipun_desktop.office.xlsx_export import export_report_xlsx

    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="1000")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docs = [("sample", read_document(SAMPLE))]
        for n in (int(s) for s in a.sizes.split(",") if s):
            from synthetic import synthetic_document

            docs.append((f"synthetic {n} items", synthetic_document(n)))
        for label, doc in docs:
            org, report = doc.organization, doc.reports[0]
            inputs = [
                ("import-docx", "hand-made", office_docx(report, org, folder / "hand.docx")),
                ("import-docx", "exported", folder / "exported.docx"),
                ("import-xlsx", "hand-made", office_xlsx(report, org, folder / "hand.xlsx")),
                ("import-xlsx", "exported", folder / "exported.xlsx"),
            ]
            export_report_docx(org, report, folder / "exported.docx")
            export_report_xlsx(org, report, folder / "exported.xlsx")
            for command, kind, source in inputs:
                out = folder / "out.pipun"
                times = [run_once(command, source, out) for _ in range(a.runs)]
                size = source.stat().st_size / 1024
                print(
                    f"{command:12s} {label:22s} {kind:9s} median {statistics.median(times):.2f} s"
                    f" (min {min(times):.2f}, max {max(times):.2f}, {a.runs} runs), input {size:.0f} KiB"
                )


if __name__ == "__main__":
    main()
