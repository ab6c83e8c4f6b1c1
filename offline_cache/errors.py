"""Typed errors at the offline_cache boundary.

`DatabaseDamaged` is raised when the kiosk's database is missing, empty, unreadable or holds
fewer transactions than the kiosk knows it recorded (the ledger beside it, `ledger.py`). Nothing
is recreated over it: a technician runs `kiosk-admin repair`, which moves the file aside and
rescues what it can. `damage_of` sorts a raw `sqlite3` error raised while working with the store:
the ones that mean a damaged file become `DatabaseDamaged`, a locked or busy database does not.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import TracebackType

DATABASE_DAMAGED = "database_damaged"  # the stable code (kiosk-admin --json, faults, diagnostics)
REPAIR_HINT = "run `kiosk-admin repair`"

# Fragments of SQLite's messages for a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB, a TEXT column
# holding bytes that are not UTF-8, a table gone). Not an I/O error (a failing disk or a full one
# is not a damaged file: repair would not help) and not a locked or busy database.
_DAMAGE_MESSAGES = (
    "malformed",
    "not a database",
    "could not decode",
    "no such table",
    "corrupt",
)


class DatabaseDamaged(Exception):
    """The database cannot be trusted; `reason` says why, `path` which file."""

    code = DATABASE_DAMAGED

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"database {path} is damaged: {reason}; {REPAIR_HINT}")
        self.path = path
        self.reason = reason


def damage_of(error: BaseException, path: Path) -> DatabaseDamaged | None:
    """`error` as a `DatabaseDamaged` when it says the file is damaged, else None."""
    if isinstance(error, DatabaseDamaged):
        return error
    if isinstance(error, sqlite3.DatabaseError):
        text = str(error).lower()
        if any(fragment in text for fragment in _DAMAGE_MESSAGES):
            return DatabaseDamaged(path, str(error))
    return None


class raising_damage:  # lower case: used as a function, `with raising_damage(path): ...`
    """Within it, an `sqlite3` error that means a damaged file leaves as `DatabaseDamaged` (from
    that error); any other error passes unchanged."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if isinstance(error, sqlite3.DatabaseError):
            damage = damage_of(error, self._path)
            if damage is not None:
                raise damage from error
