"""Word and Excel export figures: whole-process time of `export-docx` and `export-xlsx`.

usage: python bench/bench_office.py [--runs N] [--sizes 250,1000]

Every run is a fresh process (``python main.py export-docx …``), so times include start-up and the
imports of python-docx / openpyxl as a user sees them. Prints the median of N runs and the file size.
The synthetic sizes write the generated report (bench/synthetic.py) to JSON first and export that.
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


def run_once(command: str, source: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), command, str(source), "-o", str(out)],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="1000")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = [("sample", SAMPLE)]
        for n in (int(s) for s in a.sizes.split(",") if s):
            from synthetic import synthetic_document

            from pipun_desktop.interchange.json_format import write_document

            path = folder / f"synthetic-{n}.json"
            write_document(synthetic_document(n), path)
            sources.append((f"synthetic {n} items", path))
        for label, source in sources:
            for command, suffix in (("export-docx", "docx"), ("export-xlsx", "xlsx")):
                out = folder / f"out.{suffix}"
                times = [run_once(command, source, out) for _ in range(a.runs)]
                size = out.stat().st_size / 1024
                print(
                    f"{command:12s} {label:22s} median {statistics.median(times):.2f} s"
                    f" (min {min(times):.2f}, max {max(times):.2f}, {a.runs} runs), {size:.0f} KiB"
                )


if __name__ == "__main__":
    main()
