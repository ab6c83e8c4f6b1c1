"""The platform's own SQLite database: terminals, the feeds' change log and received transactions.

The change log keeps the latest change of every entity (`changes`, one row per feed and entity
id): an upsert or delete replaces that row with a new, higher `seq`, so reading a feed in `seq`
order from a cursor yields every entity whose state changed since, and applying the items in order
reproduces the current state. Deletions stay as tombstones until `compact()` removes them; a cursor
older than the compaction point then gets 410, because its holder may have missed a deletion.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 2  # 2: a transaction is identified by (terminal_id, id), not by id alone
BUSY_TIMEOUT_MS = 10_000
BATCH_ROWS = 500  # rows per IN (...) look-up while bulk-loading

# Version 2: a transaction is identified by (terminal_id, id); also the migration's new table.
_TRANSACTIONS_COLUMNS = """(
    id TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    person_id TEXT,
    occurred_at TEXT NOT NULL,
    tx_seq INTEGER,
    payload TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (terminal_id, id)
)"""

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS terminals (
    terminal_id TEXT PRIMARY KEY,
    township_code TEXT NOT NULL,
    secret BLOB NOT NULL,
    registered_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    feed TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    township TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    version INTEGER NOT NULL,
    digest TEXT,
    body TEXT,
    UNIQUE (feed, entity_id)
);
CREATE INDEX IF NOT EXISTS changes_scope ON changes (feed, township, seq);
CREATE TABLE IF NOT EXISTS compactions (feed TEXT PRIMARY KEY, through_seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS transactions {_TRANSACTIONS_COLUMNS};
CREATE TABLE IF NOT EXISTS rejections (
    tx_id TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    error TEXT NOT NULL,
    received_at TEXT NOT NULL
);
"""

# Version 1 keyed transactions by id alone, so one terminal's id hid another's transaction.
_TRANSACTIONS_V2 = f"""
CREATE TABLE transactions_v2 {_TRANSACTIONS_COLUMNS};
INSERT INTO transactions_v2 (rowid, id, terminal_id, kind, person_id, occurred_at, tx_seq, payload,
                             received_at)
    SELECT rowid, id, terminal_id, kind, person_id, occurred_at, tx_seq, payload, received_at
    FROM transactions;
DROP TABLE transactions;
ALTER TABLE transactions_v2 RENAME TO transactions
"""
MAX_STORED_CHARS = 1000  # of a rejected transaction's id or error (both come from the request)


class Feed(StrEnum):
    """The three feeds; the value is the URL segment and the entity key in upsert items."""

    ROSTER = "roster"
    JOBS = "jobs"
    NOTICES = "notices"

    @property
    def entity_key(self) -> str:
        return {"roster": "resident", "jobs": "job", "notices": "notice"}[self.value]


COUNTY_WIDE = ""  # township of entities every terminal sees (notices)


@dataclass(frozen=True)
class Terminal:
    terminal_id: str
    township_code: str
    secret: bytes


@dataclass(frozen=True)
class Change:
    seq: int
    op: str  # "upsert" | "delete"
    entity_id: str
    body: str | None  # the entity's JSON text for upserts


@dataclass(frozen=True)
class Page:
    changes: list[Change]
    position: int  # the log position the page reaches (next cursor)
    has_more: bool


@dataclass(frozen=True)
class AcceptedTransaction:
    id: str
    terminal_id: str
    kind: str
    person_id: str | None
    occurred_at: str
    seq: int | None
    payload: dict[str, Any]
    received_at: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _content(entity: dict[str, Any]) -> tuple[str, str]:
    """JSON text without `version` and its hash: re-writing identical data is no change."""
    text = _dumps({k: v for k, v in entity.items() if k != "version"})
    return text, hashlib.sha256(text.encode()).hexdigest()


def _with_version(text: str, version: int) -> str:
    """Append `version` to an object's JSON text (cheaper than encoding it again)."""
    return f'{text[:-1]},"version":{version}}}' if text != "{}" else f'{{"version":{version}}}'


class PlatformStore:
    """One connection to the platform database; safe to share between threads (one lock)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path) -> PlatformStore:
        """Open (creating and migrating if needed) the database at `path`."""
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        store = cls(conn)
        store._migrate()
        return store

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> PlatformStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _txn(self, write: bool = True) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _migrate(self) -> None:
        with self._txn() as c:
            version = c.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise RuntimeError(
                    f"database schema {version} is newer than this server ({SCHEMA_VERSION})"
                )
            _execute_script(c, _SCHEMA)
            keys = [r[1] for r in c.execute("PRAGMA table_info(transactions)") if r[5]]
            if keys == ["id"]:  # a version 1 database (arrival order, the rowid, is kept)
                _execute_script(c, _TRANSACTIONS_V2)
            c.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('log_id', ?)",
                (secrets.token_hex(8),),
            )
            c.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # --- terminals -------------------------------------------------------------------------

    def register_terminal(self, terminal_id: str, township_code: str, secret: bytes) -> None:
        """Register (or re-key, or move) a terminal."""
        with self._txn() as c:
            c.execute(
                "INSERT INTO terminals (terminal_id, township_code, secret, registered_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (terminal_id) DO UPDATE SET"
                " township_code = excluded.township_code, secret = excluded.secret",
                (terminal_id, township_code, secret, _now()),
            )

    def terminal(self, terminal_id: str) -> Terminal | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT terminal_id, township_code, secret FROM terminals WHERE terminal_id = ?",
                (terminal_id,),
            ).fetchone()
        return None if row is None else Terminal(row[0], row[1], bytes(row[2]))

    # --- the change log --------------------------------------------------------------------

    @property
    def log_id(self) -> str:
        """Identifies this change log; cursors from another database are expired here."""
        with self._lock:
            return str(
                self._conn.execute("SELECT value FROM meta WHERE key = 'log_id'").fetchone()[0]
            )

    def head(self) -> int:
        """The highest sequence number ever given to a change (0 for an empty log)."""
        with self._lock:
            return _head(self._conn)

    def upsert(self, feed: Feed, entity_id: str, township: str, entity: dict[str, Any]) -> bool:
        """Write one entity; returns False when it was already stored with the same content."""
        return self.upsert_many(feed, [(entity_id, township, entity)]) == 1

    def upsert_many(self, feed: Feed, items: Iterable[tuple[str, str, dict[str, Any]]]) -> int:
        """Write entities in one transaction (bulk loading); returns how many changed."""
        written = 0
        with self._txn() as c:
            batch: list[tuple[str, str, dict[str, Any]]] = []
            for item in items:
                batch.append(item)
                if len(batch) >= BATCH_ROWS:
                    written += _write_batch(c, feed, batch)
                    batch = []
            if batch:
                written += _write_batch(c, feed, batch)
        return written

    def delete(self, feed: Feed, entity_id: str) -> bool:
        """Replace an entity by a tombstone; returns False when there was nothing to delete."""
        with self._txn() as c:
            row = c.execute(
                "SELECT township, version, op FROM changes WHERE feed = ? AND entity_id = ?",
                (feed.value, entity_id),
            ).fetchone()
            if row is None or row[2] == "delete":
                return False
            c.execute(
                "INSERT OR REPLACE INTO changes (feed, entity_id, township, op, version)"
                " VALUES (?, ?, ?, 'delete', ?)",
                (feed.value, entity_id, row[0], row[1] + 1),
            )
            return True

    def entity(self, feed: Feed, entity_id: str) -> dict[str, Any] | None:
        """The current state of one entity (None if absent or deleted)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT body FROM changes WHERE feed = ? AND entity_id = ? AND op = 'upsert'",
                (feed.value, entity_id),
            ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def entity_ids(self, feed: Feed, township: str | None = None) -> list[str]:
        """Ids of the live entities of a feed (optionally of one township), in log order."""
        sql = "SELECT entity_id FROM changes WHERE feed = ? AND op = 'upsert'"
        args: list[str] = [feed.value]
        if township is not None:
            sql += " AND township = ?"
            args.append(township)
        with self._lock:
            return [r[0] for r in self._conn.execute(sql + " ORDER BY seq", args)]

    def compacted_through(self, feed: Feed) -> int:
        with self._lock:
            return _compacted_through(self._conn, feed)

    def compact(self, feed: Feed, through: int | None = None) -> tuple[int, int]:
        """Drop tombstones up to `through` (default: the head); cursors before it expire.

        Returns (position, tombstones removed).
        """
        with self._txn() as c:
            position = _head(c) if through is None else through
            position = max(position, _compacted_through(c, feed))
            removed = c.execute(
                "DELETE FROM changes WHERE feed = ? AND op = 'delete' AND seq <= ?",
                (feed.value, position),
            ).rowcount
            c.execute(
                "INSERT INTO compactions (feed, through_seq) VALUES (?, ?)"
                " ON CONFLICT (feed) DO UPDATE SET through_seq = excluded.through_seq",
                (feed.value, position),
            )
        return position, removed

    def read_page(self, feed: Feed, townships: list[str], after: int | None, limit: int) -> Page:
        """Up to `limit` changes after position `after` (None: from the start) for `townships`.

        Raises `CursorExpired` when `after` lies before the feed's compaction point.
        """
        marks = ",".join("?" * len(townships))
        with self._txn(write=False) as c:
            head = _head(c)
            if after is None:
                after = 0
            elif after < _compacted_through(c, feed):
                raise CursorExpired(f"the {feed.value} log was compacted past this cursor")
            elif after > head:
                raise CursorExpired("the cursor is ahead of this platform's log")
            rows = c.execute(
                f"SELECT seq, op, entity_id, body FROM changes WHERE feed = ?"
                f" AND township IN ({marks}) AND seq > ? ORDER BY seq LIMIT ?",
                (feed.value, *townships, after, limit + 1),
            ).fetchall()
        has_more = len(rows) > limit
        changes = [Change(r[0], r[1], r[2], r[3]) for r in rows[:limit]]
        position = changes[-1].seq if has_more else head
        return Page(changes, position, has_more)

    # --- transactions ----------------------------------------------------------------------

    @contextmanager
    def transaction_batch(self) -> Iterator[TransactionBatch]:
        """One durable SQLite transaction for a whole POST (committed before answering)."""
        with self._txn() as c:
            yield TransactionBatch(c)

    def accepted_transactions(self) -> list[AcceptedTransaction]:
        """Every accepted transaction, in arrival order."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, terminal_id, kind, person_id, occurred_at, tx_seq, payload,"
                " received_at FROM transactions ORDER BY rowid"
            ).fetchall()
        return [
            AcceptedTransaction(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), r[7])
            for r in rows
        ]

    def count_transactions(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM transactions").fetchone()[0])

    def rejections(self) -> list[tuple[str, str, str]]:
        """(transaction id, terminal, error) of every rejection, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT tx_id, terminal_id, error FROM rejections ORDER BY rowid"
            ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]


class CursorExpired(Exception):
    """The cursor points before the compaction point or outside this log."""


class TransactionBatch:
    """Writes of one POST /transactions, inside the caller's SQLite transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._received_at = _now()

    def resident_township(self, person_id: str) -> str | None:
        """The township of a current (not deleted) resident, or None if there is none."""
        row = self._conn.execute(
            "SELECT township FROM changes WHERE feed = ? AND entity_id = ? AND op = 'upsert'",
            (Feed.ROSTER.value, person_id),
        ).fetchone()
        return None if row is None else str(row[0])

    def accept(
        self,
        tx_id: str,
        terminal_id: str,
        kind: str,
        person_id: str | None,
        occurred_at: str,
        seq: int | None,
        payload: dict[str, Any],
    ) -> bool:
        """Store a valid transaction; False when this terminal sent this id before (a duplicate)."""
        cursor = self._conn.execute(
            "INSERT OR IGNORE INTO transactions (id, terminal_id, kind, person_id, occurred_at,"
            " tx_seq, payload, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (tx_id, terminal_id, kind, person_id, occurred_at, seq, _dumps(payload),
             self._received_at),
        )  # fmt: skip
        return cursor.rowcount == 1

    def reject(self, tx_id: str, terminal_id: str, error: str) -> None:
        self._conn.execute(
            "INSERT INTO rejections (tx_id, terminal_id, error, received_at) VALUES (?, ?, ?, ?)",
            (_storable(tx_id), _storable(terminal_id), _storable(error), self._received_at),
        )


def _storable(text: str) -> str:
    """Request text made safe for a TEXT column: bounded, and lone surrogates escaped."""
    return text[:MAX_STORED_CHARS].encode("utf-8", "backslashreplace").decode("utf-8")


def _execute_script(c: sqlite3.Connection, script: str) -> None:
    """Each `;`-separated statement of `script`, inside the caller's transaction (executescript
    would commit it first)."""
    for statement in script.split(";"):
        if statement.strip():
            c.execute(statement)


def _head(c: sqlite3.Connection) -> int:
    row = c.execute("SELECT seq FROM sqlite_sequence WHERE name = 'changes'").fetchone()
    return 0 if row is None else int(row[0])


def _compacted_through(c: sqlite3.Connection, feed: Feed) -> int:
    row = c.execute("SELECT through_seq FROM compactions WHERE feed = ?", (feed.value,)).fetchone()
    return 0 if row is None else int(row[0])


def _write_batch(
    c: sqlite3.Connection, feed: Feed, batch: list[tuple[str, str, dict[str, Any]]]
) -> int:
    """Upsert a batch, bumping versions and skipping entities whose content did not change."""
    ids = list({entity_id for entity_id, _, _ in batch})
    marks = ",".join("?" * len(ids))
    existing = {
        r[0]: (r[1], r[2])
        for r in c.execute(
            f"SELECT entity_id, version, digest FROM changes"
            f" WHERE feed = ? AND entity_id IN ({marks})",
            (feed.value, *ids),
        )
    }
    rows: list[tuple[str, str, str, int, str, str]] = []
    for entity_id, township, entity in batch:
        text, digest = _content(entity)
        previous = existing.get(entity_id)
        if previous is not None and previous[1] == digest:
            continue
        version = 1 if previous is None else previous[0] + 1
        existing[entity_id] = (version, digest)
        body = _with_version(text, version) if feed is Feed.ROSTER else text
        rows.append((feed.value, entity_id, township, version, digest, body))
    c.executemany(
        "INSERT OR REPLACE INTO changes (feed, entity_id, township, op, version, digest, body)"
        " VALUES (?, ?, ?, 'upsert', ?, ?, ?)",
        rows,
    )
    return len(rows)
