"""Opening the database without ever losing the outbox: detect a missing, empty or corrupt file.

`open_database` is what `Store.open` calls instead of `db.connect`:

- no file and no ledger: a new kiosk; the database is built under a temporary name and linked
  into place, so another thread or process never sees a half-made (empty) file;
- no file but a ledger, an empty file, a file that is not SQLite: damaged;
- the first open in a process runs `PRAGMA quick_check` and reads every outbox and audit row
  (a TEXT column that is not UTF-8 raises only when read); any failure: damaged;
- every open compares the database with the ledger (`ledger.py`): fewer transactions, a lower
  seq or an audit chain that no longer holds the recorded head: damaged.

A damaged database raises `DatabaseDamaged` and is left exactly as it is (`repair.py` moves it
aside). A locked database is not damage: its `sqlite3.OperationalError` passes through.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from offline_cache import ledger as ledger_file
from offline_cache.db import PRIVATE_DIR_MODE, connect
from offline_cache.errors import DatabaseDamaged, raising_damage
from offline_cache.ledger import Ledger, LedgerUnreadable
from offline_cache.pages import SQLITE_HEADER

log = logging.getLogger(__name__)

_lock = threading.Lock()
_deep_checked: set[tuple[str, int, int, int]] = set()  # files this process checked in full


def open_database(
    path: Path,
    connect_fn: Callable[[Path], sqlite3.Connection] = connect,
    *,
    deep: bool = False,
) -> sqlite3.Connection:
    """A migrated connection to the database at `path`, or `DatabaseDamaged`. `deep`: check in
    full even if this process has checked this file before (repair)."""
    with _lock:
        recorded, ledger_present = _ledger(path)
        if not path.exists():
            if ledger_present:
                raise DatabaseDamaged(
                    path,
                    "the database file is missing but its ledger shows it existed"
                    + (f" ({recorded.transactions} transactions)" if recorded else ""),
                )
            _create(path, connect_fn)
            ledger_file.write(path, Ledger())
            return _connect(path, connect_fn)
        _check_file(path)
        conn = _connect(path, connect_fn)
        try:
            with raising_damage(path):
                stat = path.stat()  # a file replaced or cut short is checked again
                key = (str(path.resolve()), stat.st_dev, stat.st_ino, stat.st_size)
                if deep or key not in _deep_checked:
                    deep_check(conn, path)
                    _deep_checked.add(key)
                found = current(conn)
                if recorded is not None:
                    _compare(conn, path, recorded, found)
        except BaseException:
            conn.close()
            raise
        if recorded is None or not recorded.covers(found):
            ledger_file.write(path, found)  # first open with a ledger, or it lagged behind
        return conn


def _ledger(path: Path) -> tuple[Ledger | None, bool]:
    try:
        recorded = ledger_file.read(path)
    except LedgerUnreadable as e:
        log.warning("the database ledger is unreadable (rewritten from the database): %s", e)
        return None, True
    return recorded, recorded is not None


def _check_file(path: Path) -> None:
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as e:
        raise DatabaseDamaged(path, f"the database file cannot be read: {e}") from e
    if not header:
        raise DatabaseDamaged(path, "the database file is empty (0 bytes)")
    if header != SQLITE_HEADER:
        raise DatabaseDamaged(path, "the file is not an SQLite database (its header is wrong)")


def _connect(path: Path, connect_fn: Callable[[Path], sqlite3.Connection]) -> sqlite3.Connection:
    with raising_damage(path):
        return connect_fn(path)


def _create(path: Path, connect_fn: Callable[[Path], sqlite3.Connection]) -> None:
    """Build a new database beside `path` and link it into place (never over an existing file:
    if another process won the race, its database stays and ours is dropped)."""
    path.parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.new-{os.getpid()}-{threading.get_ident()}")
    for leftover in (tmp, *_companions(tmp)):
        leftover.unlink(missing_ok=True)
    connect_fn(tmp).close()  # the last close checkpoints the WAL into the file
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        for leftover in (tmp, *_companions(tmp)):
            leftover.unlink(missing_ok=True)


def _companions(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def deep_check(conn: sqlite3.Connection, path: Path) -> None:
    """`PRAGMA quick_check`, then read every outbox and audit row in full."""
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    if problems != ["ok"]:
        raise DatabaseDamaged(path, "quick_check: " + "; ".join(str(p) for p in problems))
    for _row in conn.execute(
        "SELECT id, seq, kind, person_id, occurred_at, body, state, outcome, error FROM outbox"
    ):
        pass
    for _row in conn.execute("SELECT n, entry, prev_hash, hash FROM audit_log"):
        pass


def check(conn: sqlite3.Connection, path: Path) -> None:
    """The full check on an open connection, whatever this process checked before: `deep_check`
    and the comparison with the ledger (maintenance diagnostics)."""
    with raising_damage(path):
        deep_check(conn, path)
        found = current(conn)
    try:
        recorded = ledger_file.read(path)
    except LedgerUnreadable:
        return  # the next open rewrites it from the database
    if recorded is not None:
        _compare(conn, path, recorded, found)


def current(conn: sqlite3.Connection) -> Ledger:
    """What the database itself says: the ledger it should have."""
    max_seq, count = conn.execute("SELECT COALESCE(MAX(seq), 0), COUNT(*) FROM outbox").fetchone()
    row = conn.execute("SELECT value FROM meta WHERE key = 'next_seq'").fetchone()
    next_seq = int(row[0]) if row else 1
    head = conn.execute("SELECT n, hash FROM audit_log ORDER BY n DESC LIMIT 1").fetchone()
    return Ledger(
        max_seq=max(int(max_seq), next_seq - 1),
        transactions=int(count),
        audit_entries=int(head[0]) if head else 0,
        audit_head=str(head[1]) if head else "",
    )


def _compare(conn: sqlite3.Connection, path: Path, recorded: Ledger, found: Ledger) -> None:
    reasons = []
    if found.max_seq < recorded.max_seq:
        reasons.append(
            f"its highest transaction seq is {found.max_seq}, the ledger recorded "
            f"{recorded.max_seq}"
        )
    if found.transactions < recorded.transactions:
        reasons.append(
            f"it holds {found.transactions} transactions, the ledger recorded "
            f"{recorded.transactions}"
        )
    if recorded.audit_entries:
        row = conn.execute(
            "SELECT hash FROM audit_log WHERE n = ?", (recorded.audit_entries,)
        ).fetchone()
        if row is None:
            reasons.append(
                f"its audit log ends at entry {found.audit_entries}, the ledger recorded "
                f"{recorded.audit_entries}"
            )
        elif row[0] != recorded.audit_head:
            reasons.append(f"audit entry {recorded.audit_entries} is not the one recorded")
    if reasons:
        raise DatabaseDamaged(path, "; ".join(reasons))
