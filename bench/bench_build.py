"""The installable program: bundle size (< 150 MB), launch to a painted window (< 2.5 s) and `export-pdf`
of the sample (< 3 s) through the built executables. Prints figures; not a timed test.

Run: .venv/bin/python bench/bench_build.py [--dist DIR] [--runs N]

Without --dist it builds build.spec of the last commit (`git archive HEAD`, so others' edits in
progress don't leak in; --working-tree builds the working tree) into a temporary folder first (one
build; PyInstaller builds for this OS). DIR is a built one-folder program (the folder holding pipun and pipun-cli). Each program run
gets an empty home folder, so the window starts as on a new office PC; the window is timed from
process start to its `--screenshot` PNG written (laid out, painted, grabbed) and the process gone.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample-pipun-2564-6.json"
EXE = ".exe" if sys.platform == "win32" else ""


def build(base: Path, working_tree: bool) -> Path:
    """Build the last commit (a clean export, untouched by edits in progress), or the working tree."""
    source = ROOT
    if not working_tree:
        source = base / "src"
        source.mkdir()
        archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    t = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(base / "dist"),
            "--workpath",
            str(base / "work"),
            str(source / "build.spec"),
        ],
        check=True,
        cwd=base,
    )
    print(f"build (one folder, this machine): {time.perf_counter() - t:.0f} s")
    return base / "dist" / "pipun"


def sizes(folder: Path):
    files = {p: p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()}
    total = sum(files.values())
    dirs: dict[Path, int] = {}
    for p, n in files.items():
        for parent in p.relative_to(folder).parents:
            if parent != Path("."):
                dirs[parent] = dirs.get(parent, 0) + n
    return total, files, dirs


def print_sizes(folder: Path, top: int = 15) -> None:
    total, files, dirs = sizes(folder)
    print(f"one-folder bundle: {total / 2**20:.1f} MB in {len(files)} files (target < 150 MB)")
    entries = [(n, str(p.relative_to(folder))) for p, n in files.items()]
    biggest_file = {}
    for p, n in files.items():
        for parent in p.relative_to(folder).parents:
            biggest_file[parent] = max(biggest_file.get(parent, 0), n)
    # folders below _internal/, unless one file fills nine tenths of it (the file says the same)
    entries += [(n, str(d) + "/") for d, n in dirs.items() if len(d.parts) >= 2 and biggest_file[d] < 0.9 * n]
    entries.sort(reverse=True)
    print(f"largest {top} files and folders:")
    for n, name in entries[:top]:
        print(f"  {n / 2**20:7.1f} MB  {name}")


def timed(args, env, cwd, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        res = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True)
        times.append(time.perf_counter() - t)
        if res.returncode != 0:
            raise SystemExit(f"{' '.join(map(str, args))} failed:\n{res.stderr}")
    return statistics.median(times), min(times), max(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dist", type=Path, help="a built one-folder program (default: build one now)")
    ap.add_argument("--working-tree", action="store_true", help="build the working tree, not the last commit")
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="pipun-bench-") as tmp:
        tmp = Path(tmp)
        folder = a.dist.resolve() if a.dist else build(tmp, a.working_tree)
        print_sizes(folder)

        home = tmp / "home"
        home.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PYTHAINLP_"))}
        env.update(
            HOME=str(home), USERPROFILE=str(home), QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen")
        )
        gui, cli = folder / f"pipun{EXE}", folder / f"pipun-cli{EXE}"

        med, lo, hi = timed([cli, "summary", SAMPLE], env, tmp, a.runs)
        print(
            f"`summary` of the sample, whole process: median {med * 1000:.0f} ms ({lo * 1000:.0f}–{hi * 1000:.0f})"
        )

        data = tmp / "sample.pipun"
        subprocess.run([cli, "import-json", SAMPLE, "-o", data], env=env, check=True, capture_output=True)
        med, lo, hi = timed(
            [cli, "export-pdf", data, "-o", tmp / "sample.pdf"], env, tmp, max(3, a.runs // 2 + 1)
        )
        said = subprocess.run(
            [cli, "export-pdf", data, "-o", tmp / "sample.pdf"], env=env, capture_output=True, text=True
        ).stderr
        pages = re.search(r"\((\d+) หน้า", said)
        print(
            f"`export-pdf` of the sample ({pages.group(1) if pages else '?'} pages), whole process: "
            f"median {med:.2f} s ({lo:.2f}–{hi:.2f}; target < 3 s)"
        )

        if (folder / "_internal" / "PySide6").is_dir():
            shot = tmp / "shot.png"
            med, lo, hi = timed([gui, data, "--screenshot", shot], env, tmp, a.runs)
            print(
                f"launch to painted window (`--screenshot`, 1366×768), whole process: median {med:.2f} s "
                f"({lo:.2f}–{hi:.2f}; target < 2.5 s); PNG {shot.stat().st_size // 1024} KB"
            )
        else:
            print("launch to painted window: this build has no window (no Qt in the bundle)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
