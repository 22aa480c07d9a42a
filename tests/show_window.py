"""Run by test_ui_xcb.py under Xvfb with QT_QPA_PLATFORM=xcb: open the window as `python main.py FILE` does
(ui.app.run_gui), and once it is shown write JSON: the platform, the window's frame and the screen's free area,
its title as Qt holds it and as the X server has it (xprop), and a screenshot of the window.

usage: show_window.py FILE OUT.json SHOT.png
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipun_desktop.ui import app as app_module  # noqa: E402


def main() -> int:
    path, out, shot = sys.argv[1:4]

    def shown(window) -> None:
        from PySide6.QtWidgets import QApplication

        frame, available = window.frameGeometry(), window.screen().availableGeometry()
        try:
            xprop = subprocess.run(
                ["xprop", "-id", str(int(window.winId())), "_NET_WM_NAME"],
                capture_output=True,
                text=True,
                timeout=20,
            ).stdout
        except (OSError, subprocess.TimeoutExpired) as exc:
            xprop = f"xprop failed: {exc}"
        window.grab().save(shot)
        info = {
            "platform": QApplication.platformName(),
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "available": [available.x(), available.y(), available.width(), available.height()],
            "title": window.windowTitle(),
            "xprop": xprop,
        }
        Path(out).write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
        window.close()

    return app_module.run_gui([path], on_shown=shown)


if __name__ == "__main__":
    sys.exit(main())
