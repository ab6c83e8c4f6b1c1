"""`audit_action`: a maintenance transaction in the outbox and an entry in the hash chain."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.maintenance_audit import MAX_DETAIL_CHARS, MaintenanceAction, audit_action
from offline_cache.store import Store

FULL_ID = "32010219500101123X"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "kiosk.sqlite3", secrets.token_bytes(32))
    yield s
    s.close()


def _audit_entries(store: Store) -> list[dict[str, object]]:
    rows = store.connection.execute("SELECT entry FROM audit_log ORDER BY n").fetchall()
    return [json.loads(r[0]) for r in rows]


def test_action_goes_to_outbox_and_audit_log(store: Store) -> None:
    tx_id = audit_action(store, MaintenanceAction.TEST_PRINT, "queue=statement confirmed=yes")
    tx = store.transaction(tx_id)
    assert tx is not None and tx.kind == "maintenance" and tx.person_id is None
    body = json.loads(tx.body)
    assert body["payload"] == {"action": "test_print", "detail": "queue=statement confirmed=yes"}
    entries = _audit_entries(store)
    assert entries[-1]["tx"] == tx_id and entries[-1]["maintenance_action"] == "test_print"
    verdict = store.verify_audit()
    assert verdict.ok and verdict.entries == len(entries)


def test_detail_is_masked_and_bounded(store: Store) -> None:
    tx_id = audit_action(store, MaintenanceAction.TEST_CARD_READ, f"read {FULL_ID} " + "x" * 900)
    tx = store.transaction(tx_id)
    assert tx is not None
    detail = json.loads(tx.body)["payload"]["detail"]
    assert FULL_ID not in detail and "3201**********123X" in detail
    assert len(detail) == MAX_DETAIL_CHARS


def test_empty_detail_is_left_out(store: Store) -> None:
    tx = store.transaction(audit_action(store, MaintenanceAction.SYNC_NOW))
    assert tx is not None and json.loads(tx.body)["payload"] == {"action": "sync_now"}
