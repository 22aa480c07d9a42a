"""Storage errors: each carries a Thai message fit to show the user as it is."""

from __future__ import annotations


class StorageError(Exception):
    """A data file problem, with a Thai message fit for the user."""


class WriteError(StorageError):
    """A save failed (disk full, I/O error, file gone): nothing was written, the caller may retry the same call."""

    retryable = True


class FileLockedError(StorageError):
    """Another running program has the file open for editing; `holder` says who (a LockInfo)."""

    def __init__(self, message: str, holder: object):
        super().__init__(message)
        self.holder = holder


class LockLostError(StorageError):
    """Another program took this file over (our lock was judged stale); further edits are refused."""
