"""Window figures on a 2,000-item report: start-up to a painted window, an edit persisted, typing in the window.

    python bench/bench_ui.py [--items 2000] [--runs 5]

Prints figures (not a pass/fail test). Start-up is the whole process `python main.py FILE --screenshot OUT.png`
(import, font, open, tree, forms, panels, paint, PNG), median of --runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def make_file(folder: Path, items: int) -> Path:
    from synthetic import synthetic_document

    from pipun_desktop.ui.data_files import build_data_file

    return build_data_file(synthetic_document(items), folder / f"bench-{items}.pipun")


def startup(path: Path, runs: int, folder: Path) -> list[float]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(folder),
        XDG_CONFIG_HOME=str(folder / "cfg"),
        PIPUN_DATA_DIR=str(folder / "data"),
    )
    # an installed program runs from compiled bytecode: let the warm-up run write it
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times = []
    for i in range(runs + 1):
        out = folder / f"shot{i}.png"
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, str(ROOT / "main.py"), str(path), "--screenshot", str(out)],
            env=env,
            check=True,
            capture_output=True,
        )
        if i:  # the first run warms the disk cache
            times.append(time.perf_counter() - t)
        assert out.stat().st_size > 10_000
    return times


def edit_persisted(path: Path, n: int = 200) -> list[float]:
    """set_node_field on a bare document: undo command, store transaction (fsync), model update."""
    from PySide6.QtWidgets import QApplication

    from pipun_desktop.ui.document import ReportDocument

    QApplication.instance() or QApplication([])
    doc = ReportDocument.open(path)
    items = list(doc.report.items())
    times = []
    for i in range(n):
        item = items[(i * 37) % len(items)]
        t = time.perf_counter()
        doc.set_node_field(item.id, "result", f"ผลการดำเนินงาน {i}")
        times.append(time.perf_counter() - t)
    doc.close()
    return times


def typing_in_window(path: Path, n: int = 60) -> dict[str, list[float]]:
    """Keystrokes and idle commits in the title field of the full window (tree, forms, panels attached)."""
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from pipun_desktop.ui.main_window import MainWindow
    from pipun_desktop.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    w = MainWindow(Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)))
    w.files.open_path(path)
    w.resize(1366, 768)
    w.show()
    app.processEvents()
    items = list(w.document.report.items())
    w.tree.select_node(items[len(items) // 2].id)
    app.processEvents()
    title = w.item_form.title
    title.setFocus()
    keys, commits, panels = [], [], []
    for i in range(n):
        ch = "กขคง"[i % 4]
        t = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(title, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
        app.processEvents()
        keys.append(time.perf_counter() - t)
        if i % 5 == 4:  # a pause in typing: the idle commit and everything it triggers
            t = time.perf_counter()
            w.item_form.committers["title"].flush()
            app.processEvents()
            commits.append(time.perf_counter() - t)
            t = time.perf_counter()  # the debounced panels (summary, checks) catching up
            for panel in (w.summary_panel, w.checks_panel):
                refresh = getattr(panel, "refresh", None)
                if refresh:
                    refresh()
            panels.append(time.perf_counter() - t)
    w.close()
    w.document.close()
    return {"keystroke": keys, "idle commit": commits, "panels refresh": panels}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-ui-"))
    path = make_file(folder, args.items)
    print(f"{args.items} items, {path.stat().st_size // 1024} KiB data file")
    st = startup(path, args.runs, folder)
    print(
        f"start-up to painted window (--screenshot, whole process): median {ms(statistics.median(st))}, "
        f"min {ms(min(st))}, max {ms(max(st))} over {len(st)} runs"
    )
    ed = edit_persisted(path)
    print(
        f"edit persisted (set_node_field → committed transaction): median {ms(statistics.median(ed))}, "
        f"p95 {ms(sorted(ed)[int(len(ed) * 0.95)])}"
    )
    for name, values in typing_in_window(path).items():
        print(f"typing in the window, {name}: median {ms(statistics.median(values))}, max {ms(max(values))}")


if __name__ == "__main__":
    main()
