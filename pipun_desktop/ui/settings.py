"""Every setting the window keeps between runs, declared once with its key, type and default (over QSettings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Pipun"
APPLICATION = "PipunDesktop"
MAX_RECENT = 8


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    doc: str


OPTIONS = {
    o.key: o
    for o in (
        Option("last_file", str, "", "the data file opened last; reopened on the next start"),
        Option("recent_files", list, [], "data files opened recently, newest first"),
        Option("last_report", str, "", "YEAR-ROUND of the report shown last in last_file, e.g. 2564-6"),
        Option("digits", str, "thai", "digit style of numbers in the window and the PDF: thai or arabic"),
        Option("geometry", QByteArray, QByteArray(), "main window geometry"),
        Option("splitter", QByteArray, QByteArray(), "tree/form splitter state"),
        Option("last_folder", str, "", "folder of the last open/save dialog"),
    )
}


class Settings:
    """Typed access to the declared options; `qsettings` may be given (tests use an INI file)."""

    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings if qsettings is not None else QSettings(ORGANIZATION, APPLICATION)

    def get(self, key: str):
        option = OPTIONS[key]
        value = self.q.value(key, option.default)
        if value is None:
            return option.default
        if option.type is list:
            if isinstance(value, str):
                return [value] if value else []
            return [str(v) for v in value]
        if option.type is QByteArray:
            return value if isinstance(value, QByteArray) else option.default
        try:
            return option.type(value)
        except (TypeError, ValueError):
            return option.default

    def set(self, key: str, value) -> None:
        if key not in OPTIONS:
            raise KeyError(key)
        self.q.setValue(key, value)

    def add_recent(self, path: str) -> None:
        files = [p for p in self.get("recent_files") if p != path]
        self.set("recent_files", [path] + files[: MAX_RECENT - 1])
        self.set("last_file", path)

    def sync(self) -> None:
        self.q.sync()
