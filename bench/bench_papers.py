"""Activity photos: adding a photo, the data file's size, export-pdf with photos, the memo and the web form.

usage: python bench/bench_papers.py [--photos 100] [--runs 5]

The sample report gets `--photos` photos, two per item on the first items, each made from a distinct
4,000 × 3,000 JPEG (12 megapixels, quality 92, about 4-5 MB: what a phone camera hands over), added as the
window adds them (media.images.read_image_file and prepare_photo, then one store write). Prints:

* adding a photo: median and worst of the file read + check + shrink + store write, per photo
* the data file's size with all photos, and the JSON export's size
* export-pdf of the report with all photos, whole process (fresh interpreter), median of --runs
* export-pdf --document memo and web-form, whole process
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample-pipun-2564-6.json"
sys.path.insert(0, str(ROOT))


def camera_photos(folder: Path, count: int) -> list[Path]:
    """`count` distinct 12-megapixel JPEGs: smooth gradients, texture and a few shapes, like a photo."""
    from PIL import Image, ImageDraw, ImageFilter

    rnd = random.Random(2026)
    bases = []
    for k in range(5):
        base = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
        tint = Image.new("RGB", base.size, (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
        base = Image.blend(base, tint, 0.45)
        noise = Image.effect_noise((1000, 750), 30 + 5 * k).resize(base.size).convert("RGB")
        bases.append(Image.blend(base, noise, 0.25).filter(ImageFilter.SMOOTH))
    paths = []
    for i in range(count):
        im = bases[i % len(bases)].copy()
        draw = ImageDraw.Draw(im)
        for _ in range(12):
            x, y = rnd.randrange(3600), rnd.randrange(2600)
            color = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
            draw.ellipse((x, y, x + rnd.randrange(80, 400), y + rnd.randrange(80, 400)), fill=color)
        path = folder / f"IMG_{i:04d}.jpg"
        im.save(path, "JPEG", quality=92)
        paths.append(path)
    return paths


def run(*args: str) -> float:
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--photos", type=int, default=100)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    from pipun_desktop.core.model import Papers
    from pipun_desktop.interchange.json_format import read_document
    from pipun_desktop.media.images import prepare_photo, read_image_file
    from pipun_desktop.storage.building import build_data_file
    from pipun_desktop.storage.store import ReportStore

    tmp = Path(tempfile.mkdtemp(prefix="pipun-bench-papers-"))
    try:
        print(f"making {args.photos} camera photos (4000 × 3000)…", file=sys.stderr)
        sources = camera_photos(tmp, args.photos)
        size_in = sum(p.stat().st_size for p in sources)
        data = tmp / "report.pipun"
        doc = read_document(SAMPLE)
        doc.reports[0].papers = Papers(
            division="สำนักปลัด", document_number="นศ ๗๓๘๐๑/๑", executive_position="นายก"
        )
        build_data_file(doc, data)
        adds = []
        with ReportStore.open(data, backups=False) as store:
            rid = store.reports()[0].id
            items = list(store.load_report(rid).items())
            for i, src in enumerate(sources):
                item = items[i // 2]
                t = time.perf_counter()
                photo_bytes = prepare_photo(read_image_file(src, src.name), src.name)
                from pipun_desktop.core.model import Photo

                item.photos = [*item.photos, Photo(photo_bytes, f"ภาพกิจกรรมที่ {i + 1}")]
                store.update_node(item.id, photos=item.photos)
                adds.append(time.perf_counter() - t)
        stored = sum(len(p.image) for it in items for p in it.photos)
        size = data.stat().st_size
        out_json = tmp / "report.json"
        run("export-json", str(data), "-o", str(out_json))
        print(f"photos: {args.photos} from {size_in / 2**20:.1f} MB of camera JPEGs")
        print(
            f"adding a photo (read, check, shrink, store): median {statistics.median(adds) * 1000:.0f} ms, "
            f"worst {max(adds) * 1000:.0f} ms"
        )
        print(
            f"stored photos {stored / 2**20:.1f} MB; data file {size / 2**20:.1f} MB; "
            f"JSON {out_json.stat().st_size / 2**20:.1f} MB"
        )
        pdf = tmp / "report.pdf"
        times = [run("export-pdf", str(data), "-o", str(pdf)) for _ in range(args.runs)]
        print(
            f"export-pdf with {args.photos} photos, whole process: median {statistics.median(times):.2f} s "
            f"(min {min(times):.2f}); PDF {pdf.stat().st_size / 2**20:.1f} MB"
        )
        for document in ("memo", "web-form"):
            out = tmp / f"{document}.pdf"
            times = [
                run("export-pdf", str(data), "-o", str(out), "--document", document) for _ in range(args.runs)
            ]
            print(f"export-pdf --document {document}, whole process: median {statistics.median(times):.2f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
