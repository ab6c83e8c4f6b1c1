"""The kiosk's one SQLite database: connection settings and the ordered schema migrations.

Why these settings: WAL lets the sync worker read while the UI writes; `synchronous=FULL` makes a
commit survive power loss (a kiosk is switched off at the wall); foreign keys keep fingerprints tied
to their resident. Each thread opens its own connection (`connect`); sqlite3 objects are not shared.
The schema version lives in `PRAGMA user_version`; migration N brings version N-1 to N inside its
own transaction, so a crash mid-upgrade leaves the previous version intact.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000  # how long a writer waits for the other thread's transaction
# The database holds every resident's ID number, name and birth date: the kiosk user's alone,
# whatever the umask. SQLite creates -wal and -shm with the database file's mode.
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
_COMPANIONS = ("", "-wal", "-shm", "-journal")

Migration = str | Callable[[sqlite3.Connection], None]

_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE residents (
    person_id             TEXT PRIMARY KEY,
    card_number           TEXT NOT NULL,
    name                  TEXT NOT NULL,
    gender                TEXT NOT NULL,
    birth_date            TEXT NOT NULL,
    township_code         TEXT NOT NULL,
    village_code          TEXT NOT NULL DEFAULT '',
    account_balance_cents INTEGER NOT NULL DEFAULT 0,
    version               INTEGER NOT NULL,
    benefits              TEXT NOT NULL,   -- JSON list of objects
    contributions         TEXT NOT NULL    -- JSON list of compact rows, see codec.py
);
CREATE INDEX residents_card_number ON residents (card_number);
CREATE TABLE fingerprints (
    person_id   TEXT NOT NULL REFERENCES residents (person_id) ON DELETE CASCADE,
    finger      TEXT NOT NULL,
    sealed      BLOB NOT NULL,             -- AES-GCM nonce || ciphertext, see crypto.py
    enrolled_at TEXT,
    PRIMARY KEY (person_id, finger)
) WITHOUT ROWID;
-- Certifications made at this kiosk that the roster may not reflect yet (see store.py).
CREATE TABLE local_certifications (
    person_id         TEXT NOT NULL,
    benefit           TEXT NOT NULL,
    last_certified_at TEXT NOT NULL,
    due_by            TEXT NOT NULL,
    PRIMARY KEY (person_id, benefit)
) WITHOUT ROWID;
CREATE TABLE jobs (
    job_id     TEXT PRIMARY KEY,
    expires_at REAL NOT NULL,              -- Unix seconds, for filtering by time
    posted_at  REAL NOT NULL,
    data       TEXT NOT NULL
);
CREATE TABLE notices (
    notice_id    TEXT PRIMARY KEY,
    published_at REAL NOT NULL,            -- Unix seconds
    expires_at   REAL,
    data         TEXT NOT NULL
);
CREATE TABLE feed_cursors (
    feed            TEXT PRIMARY KEY,
    cursor          TEXT,
    last_success_at REAL                   -- Unix seconds of the last complete pull
);
CREATE TABLE outbox (
    id           TEXT PRIMARY KEY,
    seq          INTEGER NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    person_id    TEXT,
    occurred_at  TEXT NOT NULL,
    body         TEXT NOT NULL,            -- the exact JSON object sent to the platform
    state        TEXT NOT NULL DEFAULT 'pending'
                 CHECK (state IN ('pending', 'delivered', 'rejected')),
    outcome      TEXT CHECK (outcome IN ('accepted', 'duplicate', 'rejected')),
    error        TEXT,
    created_at   REAL NOT NULL,            -- Unix seconds, kiosk clock
    settled_at   REAL
);
CREATE INDEX outbox_state_seq ON outbox (state, seq);
CREATE TABLE audit_log (
    n         INTEGER PRIMARY KEY,
    entry     TEXT NOT NULL,               -- canonical JSON
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
BEGIN SELECT RAISE(ABORT, 'outbox rows are never dropped'); END;
INSERT INTO meta (key, value) VALUES ('next_seq', '1');
"""

# A feed re-pulled from no cursor (410 cursor_expired, or a technician's re-pull) keeps serving
# its old rows until the new copy is complete: the old rows are marked stale, every upsert or
# delete of the re-pull replaces or removes its row, and the page that ends the re-pull deletes
# whatever is still stale, in the same transaction (store.py, `restart_feed`/`apply_page`).
_V2 = """
ALTER TABLE residents ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notices ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
CREATE INDEX residents_stale ON residents (stale) WHERE stale = 1;
CREATE INDEX jobs_stale ON jobs (stale) WHERE stale = 1;
CREATE INDEX notices_stale ON notices (stale) WHERE stale = 1;
"""

# Ordered: MIGRATIONS[0] brings user_version 0 to 1, and so on. Never edit a released entry; append.
MIGRATIONS: Sequence[Migration] = (_V1, _V2)


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer kiosk version; refusing to touch it."""


def connect(path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database; one connection per thread."""
    path.parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    make_private(path)
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn, migrations)
    return conn


def make_private(path: Path) -> None:
    """Create the database file 0600 before SQLite does (so its -wal and -shm are 0600 too), and
    bring an existing one and its companions to 0600 when they are open to others. A file this
    user cannot change is left for SQLite to report."""
    with suppress(OSError):
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE))
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        try:
            st = companion.lstat()
            if stat.S_ISREG(st.st_mode) and st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
                companion.chmod(PRIVATE_FILE_MODE)
        except OSError:
            continue


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply the migrations the database lacks, each in its own transaction; returns the version."""
    while True:
        with transaction(conn):
            current = schema_version(conn)  # re-read under the write lock: another thread may win
            if current > len(migrations):
                raise SchemaTooNewError(
                    f"database schema version {current} is newer than this software "
                    f"({len(migrations)})"
                )
            if current == len(migrations):
                return current
            step = migrations[current]
            if isinstance(step, str):
                for statement in _statements(step):
                    conn.execute(statement)
            else:
                step(conn)
            conn.execute(f"PRAGMA user_version = {current + 1}")


def _statements(script: str) -> Iterator[str]:
    """Split a migration script into statements (executescript would commit on its own)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction (BEGIN IMMEDIATE: take the write lock up front, no upgrade deadlock).

    Nested use joins the outer transaction, so helpers can be composed into one atomic unit.
    """
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # SQLITE_FULL ("database or disk is full") rolled back already
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:  # a commit that failed (disk full) must not leave the transaction open
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
