from __future__ import annotations

import json
import sqlite3

import pytest

from offline_cache.store import Store
from tests.unit.offline_cache.factories import person_id, resident_model


def _fill(store: Store) -> None:
    store.upsert_resident(resident_model(1))
    store.record("rating", {"service": "jobs", "score": 4})
    store.record_maintenance("printer_paper_refilled", "roll 3")
    store.record_certification(person_id(1), "pension", True, 150, 1, "right_thumb", store.now())
    store.record("job_interest", {"job_id": "J1"}, person_id=person_id(1))


def _tamper(store: Store, sql: str, *params: object) -> None:
    """What someone editing the file would do: the append-only triggers go first."""
    conn = store.connection
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute(sql, params)


def test_intact_chain_verifies(store: Store) -> None:
    _fill(store)
    verdict = store.verify_audit()
    assert verdict.ok and verdict.entries == 4 and verdict.broken_at is None
    assert len(verdict.head_hash) == 64


def test_entries_hold_no_full_id_numbers_or_names(store: Store) -> None:
    _fill(store)
    texts = [r[0] for r in store.connection.execute("SELECT entry FROM audit_log")]
    joined = "\n".join(texts)
    assert person_id(1) not in joined and "欧阳" not in joined
    assert person_id(1)[:4] + "**********" + person_id(1)[-4:] in joined
    kinds = [json.loads(t)["kind"] for t in texts]
    assert kinds == ["rating", "maintenance", "certification", "job_interest"]


def test_sqlite_refuses_edits_and_deletions(store: Store) -> None:
    _fill(store)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.connection.execute("UPDATE audit_log SET entry = '{}' WHERE n = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.connection.execute("DELETE FROM audit_log WHERE n = 2")


def test_an_altered_entry_is_named(store: Store) -> None:
    _fill(store)
    text = store.connection.execute("SELECT entry FROM audit_log WHERE n = 3").fetchone()[0]
    _tamper(
        store, "UPDATE audit_log SET entry = ? WHERE n = 3", text.replace("certification", "rating")
    )
    verdict = store.verify_audit()
    assert not verdict.ok and verdict.broken_at == 3 and verdict.entries == 2
    assert "altered" in verdict.reason


def test_a_removed_entry_is_named(store: Store) -> None:
    _fill(store)
    _tamper(store, "DELETE FROM audit_log WHERE n = 2")
    verdict = store.verify_audit()
    assert not verdict.ok and verdict.broken_at == 2 and "missing" in verdict.reason


def test_a_rehashed_entry_breaks_the_next_link(store: Store) -> None:
    """Recomputing an edited entry's own hash does not help: the next entry points elsewhere."""
    from offline_cache.audit import chain_hash

    _fill(store)
    n, text, prev = store.connection.execute(
        "SELECT n, entry, prev_hash FROM audit_log WHERE n = 2"
    ).fetchone()
    forged = text.replace("printer_paper_refilled", "printer_opened")
    assert forged != text
    _tamper(
        store,
        "UPDATE audit_log SET entry = ?, hash = ? WHERE n = ?",
        forged,
        chain_hash(prev, forged),
        n,
    )
    verdict = store.verify_audit()
    assert not verdict.ok and verdict.broken_at == 3 and "previous-hash" in verdict.reason
