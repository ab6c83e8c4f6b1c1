from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from offline_cache.db import MIGRATIONS, SchemaTooNewError, connect, migrate, schema_version


def test_fresh_database_is_migrated_with_durable_settings(tmp_path: Path) -> None:
    conn = connect(tmp_path / "k.sqlite3")
    assert schema_version(conn) == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"residents", "fingerprints", "outbox", "audit_log", "feed_cursors"} <= tables


def test_migrations_apply_in_order_once_each(tmp_path: Path) -> None:
    applied: list[int] = []

    def second(conn: sqlite3.Connection) -> None:
        applied.append(2)
        conn.execute("ALTER TABLE meta ADD COLUMN note TEXT")

    steps = [*MIGRATIONS, second, "CREATE TABLE extra (x INTEGER);"]
    conn = connect(tmp_path / "k.sqlite3", steps)
    assert schema_version(conn) == len(steps)
    assert migrate(conn, steps) == len(steps)  # a second run does nothing
    assert applied == [2]
    conn.execute("INSERT INTO extra VALUES (1)")


def test_a_failing_migration_leaves_the_previous_version_intact(tmp_path: Path) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("disk on fire")

    path = tmp_path / "k.sqlite3"
    connect(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(RuntimeError):
        migrate(conn, [*MIGRATIONS, broken])
    assert schema_version(conn) == len(MIGRATIONS)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in names


def test_a_database_from_newer_software_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    conn = connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(SchemaTooNewError):
        connect(path)
