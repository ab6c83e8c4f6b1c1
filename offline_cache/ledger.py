"""The ledger: what the kiosk knows it recorded, kept beside the database and outliving it.

`kiosk.sqlite3.ledger` is a small JSON file: the highest transaction `seq` ever recorded, how
many transactions that is, and the audit chain's head (entry number and hash). It is rewritten
after each commit that records a transaction (temporary file, fsync, rename, fsync of the folder;
mode 0600), so it is never ahead of the database: a crash between the two leaves it one behind,
which is harmless. At open (`integrity.py`) a database that is missing, empty or holds less than
the ledger says is damaged, never silently rebuilt.

Writers in one process take a lock and never lower what the file says; two processes racing
can at worst leave it lower than the truth, again the harmless direction.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from offline_cache.db import PRIVATE_FILE_MODE

LEDGER_SUFFIX = ".ledger"
_lock = threading.Lock()


@dataclass(frozen=True)
class Ledger:
    max_seq: int = 0  # the highest transaction seq ever recorded
    transactions: int = 0  # outbox rows (never deleted, so = max_seq unless repaired)
    audit_entries: int = 0  # number of the audit head
    audit_head: str = ""  # its hash ("" before the first entry)

    def covers(self, other: Ledger) -> bool:
        """Whether this ledger says at least as much as `other`."""
        return (
            self.max_seq >= other.max_seq
            and self.transactions >= other.transactions
            and self.audit_entries >= other.audit_entries
        )


class LedgerUnreadable(Exception):
    """The ledger file exists but is not a ledger."""


def ledger_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + LEDGER_SUFFIX)


def read(db_path: Path) -> Ledger | None:
    """The ledger beside `db_path`; None when there is none (a new kiosk, or one from before
    ledgers); `LedgerUnreadable` when the file is there but damaged."""
    path = ledger_path(db_path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as e:
        raise LedgerUnreadable(f"{path}: {e}") from e
    try:
        data = json.loads(text)
        return Ledger(
            max_seq=int(data["max_seq"]),
            transactions=int(data["transactions"]),
            audit_entries=int(data["audit_entries"]),
            audit_head=str(data["audit_head"]),
        )
    except (ValueError, KeyError, TypeError) as e:
        raise LedgerUnreadable(f"{path}: {e}") from e


def write(db_path: Path, ledger: Ledger, *, allow_lower: bool = False) -> None:
    """Replace the ledger atomically; never lowers it unless `allow_lower` (repair)."""
    path = ledger_path(db_path)
    with _lock:
        if not allow_lower:
            try:
                current = read(db_path)
            except LedgerUnreadable:
                current = None
            if current is not None:
                ledger = merged(current, ledger)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            os.fchmod(fd, PRIVATE_FILE_MODE)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(asdict(ledger), f, sort_keys=True)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        fsync_dir(path.parent)


def merged(a: Ledger, b: Ledger) -> Ledger:
    """The larger of each count; the audit head of the longer chain."""
    audit = a if a.audit_entries >= b.audit_entries else b
    return Ledger(
        max_seq=max(a.max_seq, b.max_seq),
        transactions=max(a.transactions, b.transactions),
        audit_entries=audit.audit_entries,
        audit_head=audit.audit_head,
    )


def fsync_dir(folder: Path) -> None:
    """Make a rename or link in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
