"""The pure parts of "the outbox survives damage": the ledger file and reading rows straight
from SQLite pages. Real files written by SQLite itself."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from offline_cache import ledger, pages
from offline_cache.ledger import Ledger, LedgerUnreadable
from offline_cache.repair import _tx_from_row


def test_the_ledger_is_written_private_and_never_lowered(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.sqlite3"
    assert ledger.read(db) is None
    ledger.write(db, Ledger(5, 5, 7, "a" * 64))
    assert ledger.ledger_path(db).stat().st_mode & 0o777 == 0o600
    ledger.write(db, Ledger(3, 3, 4, "b" * 64))  # a slower writer, behind: ignored
    assert ledger.read(db) == Ledger(5, 5, 7, "a" * 64)
    ledger.write(db, Ledger(6, 6, 7, "a" * 64))
    assert ledger.read(db) == Ledger(6, 6, 7, "a" * 64)
    ledger.write(db, Ledger(2, 2, 1, "c" * 64), allow_lower=True)  # repair
    assert ledger.read(db) == Ledger(2, 2, 1, "c" * 64)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kiosk.sqlite3.ledger"]


def test_an_unreadable_ledger_is_said_so(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.sqlite3"
    ledger.ledger_path(db).write_text("{not json")
    with pytest.raises(LedgerUnreadable):
        ledger.read(db)
    ledger.ledger_path(db).write_text(json.dumps({"max_seq": 1}))
    with pytest.raises(LedgerUnreadable):
        ledger.read(db)


def _db_with_rows(path: Path, rows: list[tuple[object, ...]]) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("CREATE TABLE t (a TEXT, b INTEGER, c REAL, d BLOB, e TEXT)")
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")


def test_rows_are_read_back_from_the_pages_alone(tmp_path: Path) -> None:
    rows: list[tuple[object, ...]] = [
        (f"行{i}", i * 1_000_003 - 7, i / 3, bytes([i % 256]) * 5, None) for i in range(1, 400)
    ]
    rows.append(("big", -(2**63), 1e300, b"", "x" * 3000))
    db = tmp_path / "t.sqlite3"
    _db_with_rows(db, rows)
    found = {rowid: tuple(values) for rowid, values in pages.file_rows(db)}
    assert [found[i + 1] for i in range(len(rows))] == rows


def test_the_pages_that_survive_a_cut_are_read(tmp_path: Path) -> None:
    rows: list[tuple[object, ...]] = [(f"r{i}", i, 0.5, b"z", "y" * 200) for i in range(1, 301)]
    db = tmp_path / "t.sqlite3"
    _db_with_rows(db, rows)
    os.truncate(db, db.stat().st_size // 2 + 100)
    with closing(sqlite3.connect(db)) as conn, pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT COUNT(*) FROM t").fetchone()
    found = {rowid: tuple(values) for rowid, values in pages.file_rows(db)}
    assert 0 < len(found) < len(rows)
    assert all(found[rowid] == rows[rowid - 1] for rowid in found)


def test_bytes_that_are_no_database_give_no_transaction(tmp_path: Path) -> None:
    """Random bytes may look like a leaf page here and there; no such row passes as an outbox
    row (its body must be whole JSON agreeing with its columns)."""
    junk = tmp_path / "junk"
    junk.write_bytes(os.urandom(256 * 1024))
    assert [v for _, v in pages.file_rows(junk) if len(v) == 11 and _tx_from_row(tuple(v))] == []
