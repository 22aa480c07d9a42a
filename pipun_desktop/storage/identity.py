"""Who is editing: the OS user, the machine and the time, as the lock and the audit trail record them."""

from __future__ import annotations

import datetime as dt
import getpass
import os
import socket


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no USERNAME/LOGNAME and no pwd entry (a service account, a bare container)
        return (
            os.environ.get("USERNAME")
            or os.environ.get("USER")
            or f"uid-{getattr(os, 'getuid', lambda: '?')()}"
        )


def host_name() -> str:
    try:
        return socket.gethostname() or "?"
    except OSError:
        return "?"


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def iso_now() -> str:
    return now_utc().isoformat(timespec="seconds")


def parse_iso(text: str) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def local_text(text: str) -> str:
    """An ISO UTC time as the user's local clock shows it, "2021-04-08 14:05"."""
    value = parse_iso(text)
    return text if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M")


def thai_local_text(text: str) -> str:
    """An ISO UTC time as the user's local clock shows it, in Thai digits and the Buddhist era:
    "๘ เมษายน ๒๕๖๔ เวลา ๑๔:๐๕ น." (the text itself when it is not a time)."""
    from ..thai.dates import thai_date
    from ..thai.digits import render_digits

    value = parse_iso(text)
    if value is None:
        return text or "?"
    try:
        local = value.astimezone()
    except (OverflowError, OSError, ValueError):
        local = value
    return f"{thai_date(local.date())} เวลา {render_digits(local.strftime('%H:%M'), 'thai')} น."
