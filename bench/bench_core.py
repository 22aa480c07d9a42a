"""Core speed: import of the sample (< 0.3 s) and `summary` of a 5,000-item report (< 0.5 s, whole process).

Run: .venv/bin/python bench/bench_core.py   (prints medians of several runs)
"""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import synthetic_document  # noqa: E402

from pipun_desktop.interchange.json_format import parse_document, write_document  # noqa: E402
from pipun_desktop.storage.store import ReportStore  # noqa: E402

SAMPLE = ROOT / "resources" / "sample-pipun-2564-6.json"
RUNS = 7


def median_time(fn, runs=RUNS):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = SAMPLE.read_bytes()
        counter = iter(range(1000))

        def import_sample():
            doc = parse_document(data)
            with ReportStore.create(tmp / f"s{next(counter)}.pipun", doc.organization) as store:
                store.import_document(doc)

        print(
            f"import of the sample (parse + validate + write a new data file): {median_time(import_sample) * 1000:.0f} ms"
        )

        big = tmp / "big.json"
        write_document(synthetic_document(5000), big)
        big_data = tmp / "big.pipun"
        subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "import-json", str(big), "-o", str(big_data)],
            check=True,
            capture_output=True,
        )
        for label, path in (("JSON", big), ("data file", big_data)):
            t = median_time(
                lambda path=path: subprocess.run(
                    [sys.executable, str(ROOT / "main.py"), "summary", str(path)],
                    check=True,
                    capture_output=True,
                ),
                runs=5,
            )
            print(f"`summary` of a 5,000-item report ({label}), whole process: {t * 1000:.0f} ms")


if __name__ == "__main__":
    main()
