"""The outbox survives damage (issue 11): a missing, empty, cut-short or foreign database file is
reported as damaged by every `kiosk-admin` command (never rebuilt, never a traceback), and
`kiosk-admin repair` moves it aside and rescues its transactions with their original ids and seq.

Real SQLite files made through the real `Store`; kiosk-admin runs as a subprocess.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import load_config
from offline_cache.errors import DatabaseDamaged
from offline_cache.ledger import ledger_path
from offline_cache.outbox import Outcome, Result
from offline_cache.store import Store

CLI_TIMEOUT_S = 60.0
TOTAL, DELIVERED = 200, 50  # 150 pending
PERSON = "32010219500101001X"


@dataclass(frozen=True)
class Kiosk:
    config: Path
    db: Path
    key: bytes
    bodies: dict[str, tuple[int, str]]  # id -> (seq, body) of every transaction recorded
    pending: set[str]


def kiosk_admin(config: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "--config", str(config), *args, "--json"],
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        env=os.environ.copy(),
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout), done.stderr


@pytest.fixture
def kiosk(write_config: Callable[..., Path]) -> Kiosk:
    """A kiosk database with 200 transactions, 50 of them delivered (150 pending)."""
    config_path = write_config()
    config = load_config(config_path)
    key = config.read_template_key()
    store = Store.open(config.database_path, key)
    try:
        ids = [
            store.record("rating", {"service": "info", "score": n % 5 + 1, "note": "好" * 100})
            if n % 3
            else store.record("maintenance", {"action": "check", "detail": f"round {n}"})
            for n in range(TOTAL)
        ]
        store.settle([Result(i, Outcome.ACCEPTED) for i in ids[:DELIVERED]], set(ids[:DELIVERED]))
        bodies = {}
        for tx_id in ids:
            tx = store.transaction(tx_id)
            assert tx is not None
            bodies[tx_id] = (tx.seq, tx.body)
        assert store.queue_summary().pending == TOTAL - DELIVERED
    finally:
        store.close()
    return Kiosk(config_path, config.database_path, key, bodies, set(ids[DELIVERED:]))


def _cut_short(db: Path) -> None:
    """To 60 % of its size, not at a page boundary."""
    size = db.stat().st_size
    cut = int(size * 0.6) + 123
    assert cut % 4096
    os.truncate(db, cut)


def _random_bytes(db: Path) -> None:
    db.write_bytes(os.urandom(db.stat().st_size))


DAMAGES: dict[str, Callable[[Path], None]] = {
    "zero_length": lambda db: os.truncate(db, 0),
    "cut_short": _cut_short,
    "random_bytes": _random_bytes,
    "missing": lambda db: db.unlink(),
}

COMMANDS = (
    ("queue",),
    ("rejected",),
    ("audit", "verify"),
    ("sync",),
    ("resident", "--person-id", PERSON),
)


@pytest.mark.parametrize("damage", DAMAGES)
def test_every_store_command_answers_a_damaged_database(kiosk: Kiosk, damage: str) -> None:
    DAMAGES[damage](kiosk.db)
    before = kiosk.db.read_bytes() if kiosk.db.exists() else None
    for command in COMMANDS:
        code, answer, _ = kiosk_admin(kiosk.config, *command)
        assert code == 5, (command, answer)
        assert set(answer) == {"error", "detail"}, answer
        assert answer["error"] == "database_damaged", (command, answer)
        assert "kiosk-admin repair" in answer["detail"]
    with pytest.raises(DatabaseDamaged):
        Store.open(kiosk.db, kiosk.key)
    after = kiosk.db.read_bytes() if kiosk.db.exists() else None
    assert after == before  # never rebuilt, never touched


def test_text_that_is_not_utf8_is_damage(kiosk: Kiosk) -> None:
    with closing(sqlite3.connect(kiosk.db, isolation_level=None)) as conn:
        # 'Could not decode to UTF-8 column kind'
        conn.execute("UPDATE outbox SET kind = CAST(x'ff6b696e64' AS TEXT) WHERE seq = 7")
    code, answer, _ = kiosk_admin(kiosk.config, "queue")
    assert (code, answer["error"]) == (5, "database_damaged")
    assert "decode" in answer["detail"].lower()


def test_a_database_that_lost_its_newest_transactions_is_damaged(kiosk: Kiosk) -> None:
    """An older copy of the file put back (a restore, a disk that lost writes): fewer
    transactions than the ledger recorded."""
    old = kiosk.db.with_name("old.sqlite3")
    with closing(sqlite3.connect(kiosk.db, isolation_level=None)) as conn:
        conn.execute("VACUUM INTO ?", (str(old),))
    store = Store.open(kiosk.db, kiosk.key)
    store.record("rating", {"service": "info", "score": 5})
    store.close()
    os.replace(old, kiosk.db)
    code, answer, _ = kiosk_admin(kiosk.config, "queue")
    assert (code, answer["error"]) == (5, "database_damaged")
    assert f"the ledger recorded {TOTAL + 1}" in answer["detail"]
    code, report = _repair(kiosk)  # SQLite reads the old copy whole: all of it is kept
    assert (code, report["rescued_total"], report["not_rescued"]) == (1, TOTAL, 1)
    assert report["rescued"] == {"pending": TOTAL - DELIVERED, "delivered": DELIVERED}
    assert report["next_seq"] == TOTAL + 2  # the lost seq 201 is never given again
    assert "sqlite row by row" in report["methods"]


def _repair(kiosk: Kiosk) -> tuple[int, dict[str, Any]]:
    code, report, _ = kiosk_admin(kiosk.config, "repair")
    assert report["repaired"] is True, report
    return code, report


def _check_rescued(kiosk: Kiosk, report: dict[str, Any]) -> Store:
    """Every transaction in the fresh database is one recorded before, with its original id,
    seq and body; the counts agree with the report; the next seq continues after 200."""
    store = Store.open(kiosk.db, kiosk.key)
    ids = store.transaction_ids()
    assert len(ids) == report["rescued_total"]
    assert report["rescued_total"] + report["not_rescued"] == report["known_transactions"] == TOTAL
    pending = 0
    for tx_id in ids:
        tx = store.transaction(tx_id)
        assert tx is not None
        assert (tx.seq, tx.body) == kiosk.bodies[tx_id]
        pending += tx.state == "pending"
        assert tx.state == ("pending" if tx_id in kiosk.pending else "delivered")
    assert pending == report["rescued_pending"] == store.queue_summary().pending
    new = store.transaction(store.record("rating", {"service": "info", "score": 4}))
    assert new is not None and new.seq == TOTAL + 1
    assert store.verify_audit().ok
    return store


def test_repair_of_a_file_cut_short_rescues_its_readable_transactions(kiosk: Kiosk) -> None:
    _cut_short(kiosk.db)
    damaged = kiosk.db.read_bytes()
    code, report = _repair(kiosk)
    print(f"cut short: rescued {report['rescued_pending']} of {len(kiosk.pending)} pending")
    assert report["rescued_pending"] > 0
    assert code == (1 if report["not_rescued"] else 0)
    moved = Path(report["moved_to"][0])
    assert moved.name.startswith("kiosk.sqlite3.damaged-") and moved.read_bytes() == damaged
    store = _check_rescued(kiosk, report)
    store.close()
    code, answer, _ = kiosk_admin(kiosk.config, "queue")
    assert code == 0 and answer["pending"] == report["rescued_pending"] + 1


@pytest.mark.parametrize("damage", ["zero_length", "random_bytes", "missing"])
def test_repair_of_an_unreadable_file_keeps_counting_after_the_ledger(
    kiosk: Kiosk, damage: str
) -> None:
    DAMAGES[damage](kiosk.db)
    code, report = _repair(kiosk)
    print(f"{damage}: rescued {report['rescued_pending']} of {len(kiosk.pending)} pending")
    assert code == 1 and report["not_rescued"] == TOTAL and report["next_seq"] == TOTAL + 1
    assert len(report["moved_to"]) >= (0 if damage == "missing" else 1)
    _check_rescued(kiosk, report).close()


def test_repair_never_overwrites_an_earlier_damaged_file(kiosk: Kiosk) -> None:
    os.truncate(kiosk.db, 0)
    _, first = _repair(kiosk)
    store = Store.open(kiosk.db, kiosk.key)
    store.close()
    kiosk.db.write_bytes(b"not a database at all" * 100)
    _, second = _repair(kiosk)
    names = {Path(p).name for p in first["moved_to"] + second["moved_to"] if p[-4:] != "-shm"}
    assert len({Path(first["moved_to"][0]), Path(second["moved_to"][0])}) == 2
    assert Path(first["moved_to"][0]).stat().st_size == 0
    assert Path(second["moved_to"][0]).read_bytes().startswith(b"not a database")
    assert all(kiosk.db.with_name(n).exists() for n in names)


def test_repair_of_an_intact_database_changes_nothing(kiosk: Kiosk) -> None:
    before = sorted(p.name for p in kiosk.db.parent.iterdir())
    code, report, _ = kiosk_admin(kiosk.config, "repair")
    assert (code, report["repaired"]) == (0, False)
    assert sorted(p.name for p in kiosk.db.parent.iterdir()) == before


def test_the_ledger_is_private_and_follows_every_transaction(kiosk: Kiosk) -> None:
    ledger = ledger_path(kiosk.db)
    assert ledger.stat().st_mode & 0o777 == 0o600
    assert json.loads(ledger.read_text())["max_seq"] == TOTAL
    store = Store.open(kiosk.db, kiosk.key)
    store.record("rating", {"service": "info", "score": 3})
    store.close()
    data = json.loads(ledger.read_text())
    assert data["max_seq"] == data["transactions"] == TOTAL + 1
    assert not [p for p in ledger.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_bundle_is_still_written_and_the_damage_said(kiosk: Kiosk, tmp_path: Path) -> None:
    """The bundle is what support needs most when the database is damaged: it is written, and
    the answer says both that and that its audit entry could not be."""
    os.truncate(kiosk.db, 0)
    out = tmp_path / "out"
    out.mkdir()
    code, answer, _ = kiosk_admin(kiosk.config, "bundle", "--out", str(out))
    assert (code, answer["error"]) == (5, "database_damaged")
    assert answer["detail"].startswith("bundle written: ")
    assert "kiosk-admin repair" in answer["detail"]
    assert len(list(out.glob("*.zip"))) == 1
    code, answer, _ = kiosk_admin(kiosk.config, "technician", "unlock")
    assert (code, answer["error"]) == (5, "database_damaged")
    assert answer["detail"].startswith("entry lockout cleared")
