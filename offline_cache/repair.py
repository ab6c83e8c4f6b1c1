"""Repair a damaged database: move it aside, rescue the outbox, start a fresh database.

`repair(db_path)` (run by `kiosk-admin repair`):

1. moves the damaged file and its `-wal`/`-shm` aside, never over anything:
   `kiosk.sqlite3.damaged-YYYYmmddTHHMMSS` (a `-2`, `-3` … is added when the name is taken);
2. works on a copy of it (the evidence stays as it was found) and rescues transactions two ways:
   through SQLite, reading the outbox row by row and skipping unreadable rows; and, since a file
   cut short usually loses the schema pages SQLite needs to open it at all, straight from the
   table leaf pages that survived, of the file and of its WAL (pages.py). SQLite's own `.recover`
   (the `sqlite3` tool) was tried and not kept: Debian 12's sqlite3 3.40.1 answers "SQL logic
   error" to `.recover` even on a healthy file. A row is taken only when its `body` (the exact
   JSON sent to the platform) is whole and agrees with its id, seq, kind, person and time;
3. builds a fresh database under a temporary name with the rescued transactions, with their
   ORIGINAL ids and seq (the county answers `duplicate` for those it already had: nothing is
   counted twice); the next seq continues after the highest seen in the file or in the ledger;
   the longest intact beginning of the audit chain is kept and a `database_repaired` entry added;
4. links it into place and rewrites the ledger. The township copy (residents, jobs, notices,
   feed cursors) is not rescued: the next sync pulls it whole again.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from offline_cache import audit, integrity, pages
from offline_cache import ledger as ledger_file
from offline_cache.db import connect, transaction
from offline_cache.errors import DatabaseDamaged
from offline_cache.ledger import LedgerUnreadable
from offline_cache.outbox import TxKind, TxState

log = logging.getLogger(__name__)


@dataclass
class RepairReport:
    repaired: bool  # False: the database was healthy (or absent with no ledger): nothing done
    reason: str  # why it was judged damaged ("" when healthy)
    moved_to: list[str] = field(default_factory=list)  # the damaged files, in their new names
    rescued: dict[str, int] = field(default_factory=dict)  # by state: pending, delivered, …
    unreadable: int = 0  # outbox rows read but not whole or not agreeing with their body
    known_transactions: int | None = None  # how many the ledger says were ever recorded
    audit_entries_kept: int = 0
    next_seq: int = 1
    methods: list[str] = field(default_factory=list)  # what could read the file

    @property
    def rescued_total(self) -> int:
        return sum(self.rescued.values())

    @property
    def rescued_pending(self) -> int:
        return self.rescued.get(TxState.PENDING.value, 0)

    @property
    def not_rescued(self) -> int | None:
        """known_transactions - rescued_total (None without a ledger)."""
        if self.known_transactions is None:
            return None
        return max(0, self.known_transactions - self.rescued_total)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {
            "rescued_total": self.rescued_total,
            "rescued_pending": self.rescued_pending,
            "not_rescued": self.not_rescued,
        }


@dataclass(frozen=True)
class _Tx:
    id: str
    seq: int
    kind: str
    person_id: str | None
    occurred_at: str
    body: str
    state: str
    outcome: str | None
    error: str | None
    created_at: float
    settled_at: float | None
    whole_row: bool  # False: known by its body only (found in lost_and_found)


class _Found:
    """Rescued transactions by id; a seq is held by one id only."""

    def __init__(self) -> None:
        self.txs: dict[str, _Tx] = {}
        self._seqs: dict[int, str] = {}

    def keep(self, tx: _Tx) -> None:
        """The first reading wins, except that a whole row beats a body found alone."""
        have = self.txs.get(tx.id)
        if have is None:
            if tx.seq in self._seqs:
                return  # another transaction with this seq: the first one read stays
            self.txs[tx.id] = tx
            self._seqs[tx.seq] = tx.id
        elif (tx.whole_row, tx.state != TxState.PENDING) > (
            have.whole_row,
            have.state != TxState.PENDING,
        ):
            self.txs[tx.id] = tx  # a whole row beats a body; a settled state beats pending


class RepairError(RuntimeError):
    """The repair could not be done (nothing was changed, or the report says how far it got)."""


def repair(db_path: Path, *, clock: Callable[[], float] = time.time) -> RepairReport:
    """See the module docstring."""
    try:
        recorded = ledger_file.read(db_path)
    except LedgerUnreadable:
        recorded = None
    try:
        integrity.open_database(db_path, deep=True).close()
    except DatabaseDamaged as e:
        reason = e.reason
    else:
        return RepairReport(repaired=False, reason="")
    report = RepairReport(repaired=True, reason=reason)
    report.known_transactions = recorded.transactions if recorded else None
    stamp = datetime.fromtimestamp(clock(), UTC).strftime("%Y%m%dT%H%M%S")
    with tempfile.TemporaryDirectory(prefix="kiosk-repair-", dir=db_path.parent) as work_dir:
        work = Path(work_dir)
        copy = work / "damaged.sqlite3"
        moved = _move_aside(db_path, stamp)
        report.moved_to = [str(p) for p in moved]
        for src in moved:
            suffix = src.name[-4:] if src.name.endswith(("-wal", "-shm")) else ""
            shutil.copyfile(src, copy.with_name(copy.name + suffix))
        found = _Found()
        audit_rows: dict[int, tuple[str, str, str]] = {}
        if moved and copy.exists() and copy.stat().st_size:
            direct = _collect(copy, found, audit_rows)
            if direct >= 0:
                report.methods.append("sqlite row by row")
                report.unreadable += direct
            if _scan_pages(copy, found, audit_rows):
                report.methods.append("page scan")
        max_seq = max(
            [t.seq for t in found.txs.values()] + [recorded.max_seq if recorded else 0],
            default=0,
        )
        report.next_seq = max_seq + 1
        kept_audit = _intact_prefix(audit_rows)
        report.audit_entries_kept = len(kept_audit)
        txs = sorted(found.txs.values(), key=lambda t: t.seq)
        _build(db_path, work, txs, kept_audit, report, clock())
    for tx in txs:
        report.rescued[tx.state] = report.rescued.get(tx.state, 0) + 1
    log.info("database repaired: %s", report.as_dict(), extra={"event": "database_repaired"})
    return report


def _move_aside(db_path: Path, stamp: str) -> list[Path]:
    """Rename the database and its companions; never over an existing file (os.link refuses)."""
    if not db_path.exists():
        return []
    n = 1
    while True:
        target = db_path.with_name(f"{db_path.name}.damaged-{stamp}" + (f"-{n}" if n > 1 else ""))
        companions_free = all(
            not target.with_name(target.name + s).exists() for s in ("-wal", "-shm")
        )
        if companions_free:
            try:
                os.link(db_path, target)
                break
            except FileExistsError:
                pass
        n += 1
    moved = [target]
    for suffix in ("-wal", "-shm"):
        companion = db_path.with_name(db_path.name + suffix)
        if companion.exists():
            dest = target.with_name(target.name + suffix)
            os.link(companion, dest)
            companion.unlink()
            moved.append(dest)
    db_path.unlink()
    ledger_file.fsync_dir(db_path.parent)
    return moved


def _scan_pages(source: Path, found: _Found, audit_rows: dict[int, tuple[str, str, str]]) -> bool:
    """Rows read straight from the table leaf pages of `source` and its WAL (pages.py)."""
    got = False
    for rowid, values in pages.file_rows(source):
        if len(values) == 11:
            tx = _tx_from_row(tuple(values))
            if tx is not None:
                found.keep(tx)
                got = True
        elif len(values) == 4 and values[0] is None:  # audit_log: n is the rowid
            _keep_audit(audit_rows, rowid, values[1:])
    return got


def _keep_audit(
    audit_rows: dict[int, tuple[str, str, str]], n: object, values: Sequence[object]
) -> None:
    """Audit entry `n` (entry, prev_hash, hash) when all three are text; the first reading wins."""
    entry, prev, digest = (_text(v) for v in values)
    if isinstance(n, int) and entry is not None and prev is not None and digest is not None:
        audit_rows.setdefault(n, (entry, prev, digest))


def _collect(
    source: Path,
    found: _Found,
    audit_rows: dict[int, tuple[str, str, str]],
) -> int:
    """Add every whole transaction (and audit row) readable in `source`; returns how many rows
    were seen but unreadable, -1 when the file could not be opened at all."""
    try:
        conn = sqlite3.connect(source, isolation_level=None)
        conn.text_factory = bytes
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.DatabaseError:
        return -1
    unreadable = 0
    try:
        for row in _rows(conn, "outbox", 11):
            tx = _tx_from_row(row)
            if tx is None:
                unreadable += 1
            else:
                found.keep(tx)
        for row in _rows(conn, "audit_log", 4):
            _keep_audit(audit_rows, row[0], row[1:4])
    finally:
        conn.close()
    return unreadable


_OUTBOX_COLUMNS = (
    "id, seq, kind, person_id, occurred_at, body, state, outcome, error, created_at, settled_at"
)
_AUDIT_COLUMNS = "n, entry, prev_hash, hash"


def _rows(conn: sqlite3.Connection, table: str, width: int) -> Iterator[tuple[object, ...]]:
    """Every row of `table` by rowid; None for a row that cannot be read. A scan that breaks off
    goes on by probing rowids one at a time up to the highest rowid seen or guessed."""
    columns = _OUTBOX_COLUMNS if table == "outbox" else _AUDIT_COLUMNS
    seen: set[int] = set()
    try:
        for row in conn.execute(f"SELECT rowid, {columns} FROM {table} ORDER BY rowid"):
            seen.add(int(row[0]))
            yield tuple(row[1 : 1 + width])
        return
    except sqlite3.DatabaseError:
        pass
    try:
        top = int(conn.execute(f"SELECT MAX(rowid) FROM {table}").fetchone()[0] or 0)
    except (sqlite3.DatabaseError, TypeError, ValueError):
        top = 0
    top = max(top, max(seen, default=0) + 1000)
    for rowid in range(1, top + 1):
        if rowid in seen:
            continue
        try:
            query = f"SELECT {columns} FROM {table} WHERE rowid = ?"
            row = conn.execute(query, (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            continue  # its page is unreadable (counted by the ledger's "not rescued")
        if row is not None:
            yield tuple(row)


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return value if isinstance(value, str) else None


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _tx_from_body(body: str | None) -> _Tx | None:
    """A transaction known only by its body (the exact JSON sent): taken as pending."""
    if not body or not body.startswith("{"):
        return None
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    try:
        tx_id = str(uuid.UUID(str(data["id"])))
        seq, kind, occurred = data["seq"], data["kind"], data["occurred_at"]
        TxKind(kind)
    except (KeyError, ValueError, TypeError):
        return None
    if tx_id != data["id"] or not isinstance(seq, int) or seq < 1 or not isinstance(occurred, str):
        return None
    if not isinstance(data.get("payload"), dict):
        return None
    person = data.get("person_id")
    if person is not None and not isinstance(person, str):
        return None
    return _Tx(
        tx_id,
        seq,
        kind,
        person,
        occurred,
        body,
        TxState.PENDING.value,
        None,
        None,
        0.0,
        None,
        whole_row=False,
    )


def _tx_from_row(row: tuple[object, ...]) -> _Tx | None:
    """A whole outbox row whose columns agree with its body; None otherwise."""
    body = _text(row[5])
    from_body = _tx_from_body(body)
    if from_body is None:
        return None
    tx_id, kind, person, occurred = (_text(v) for v in (row[0], row[2], row[3], row[4]))
    state, outcome, error = (_text(v) for v in (row[6], row[7], row[8]))
    if (tx_id, row[1], kind, occurred) != (
        from_body.id,
        from_body.seq,
        from_body.kind,
        from_body.occurred_at,
    ):
        return None
    if person != from_body.person_id or state not in {s.value for s in TxState}:
        return None
    return replace(
        from_body,
        state=state,
        outcome=outcome,
        error=error,
        created_at=_number(row[9]) or 0.0,
        settled_at=_number(row[10]),
        whole_row=True,
    )


def _intact_prefix(rows: dict[int, tuple[str, str, str]]) -> list[tuple[int, str, str, str]]:
    """The audit entries 1..k whose chain still holds."""
    kept: list[tuple[int, str, str, str]] = []
    prev = audit.GENESIS_HASH
    n = 1
    while n in rows:
        entry, stored_prev, digest = rows[n]
        if stored_prev != prev or audit.chain_hash(prev, entry) != digest:
            break
        kept.append((n, entry, stored_prev, digest))
        prev, n = digest, n + 1
    return kept


def _build(
    db_path: Path,
    work: Path,
    txs: list[_Tx],
    kept_audit: list[tuple[int, str, str, str]],
    report: RepairReport,
    now: float,
) -> None:
    """The fresh database, made in `work` and linked into place; then the ledger."""
    fresh = work / "fresh.sqlite3"
    conn = connect(fresh)
    try:
        with transaction(conn):
            conn.executemany(
                "INSERT INTO outbox (id, seq, kind, person_id, occurred_at, body, state, "
                "outcome, error, created_at, settled_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        t.id,
                        t.seq,
                        t.kind,
                        t.person_id,
                        t.occurred_at,
                        t.body,
                        t.state,
                        t.outcome,
                        t.error,
                        t.created_at or now,  # a body found alone: queued again now
                        t.settled_at,
                    )
                    for t in txs
                ],
            )
            conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'next_seq'", (str(report.next_seq),)
            )
            conn.executemany(
                "INSERT INTO audit_log (n, entry, prev_hash, hash) VALUES (?, ?, ?, ?)",
                kept_audit,
            )
            audit.append(
                conn,
                "database_repaired",
                datetime.now(UTC).isoformat(timespec="seconds"),
                reason=report.reason[:200],
                moved_to=[Path(p).name for p in report.moved_to],
                rescued=len(txs),
                next_seq=report.next_seq,
            )
        state = integrity.current(conn)
    finally:
        conn.close()
    os.link(fresh, db_path)  # refuses if something appeared there meanwhile
    ledger_file.fsync_dir(db_path.parent)
    ledger_file.write(db_path, state, allow_lower=True)
