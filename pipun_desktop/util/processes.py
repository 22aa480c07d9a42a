"""Whether a process runs on this machine: the edit lock and the leftover sweep ask it."""

from __future__ import annotations

import os
import socket
import sys


def host_name() -> str:
    try:
        return socket.gethostname() or "?"
    except OSError:
        return "?"


def pid_alive(pid: int) -> bool:
    """Whether process `pid` runs on this machine (an unknown answer counts as alive: never steal a live lock)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists under another user
        return True
    return True
