from __future__ import annotations

import sqlite3
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from offline_cache.models import Benefit
from offline_cache.outbox import InvalidTransactionError, Outcome, Result, TxState
from offline_cache.store import Store, UnknownResidentError
from tests.unit.offline_cache.factories import person_id, resident_model

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 28, 10, 30, tzinfo=CST)


def _benefit(store: Store, pid: str, kind: str) -> Benefit:
    resident = store.resident_by_person_id(pid)
    assert resident is not None
    return next(b for b in resident.benefits if b.kind == kind)


def test_record_writes_a_pending_transaction_with_uuid_seq_and_offset(store: Store) -> None:
    ids = [
        store.record("rating", {"service": "jobs", "score": 5}),
        store.record("job_interest", {"job_id": "J1", "phone": "13800000000"}, now=NOW),
    ]
    assert all(uuid.UUID(i).version == 4 for i in ids)
    txs = [store.transaction(i) for i in ids]
    assert [t.seq for t in txs if t] == [1, 2]
    second = txs[1]
    assert second is not None and second.state is TxState.PENDING
    assert second.occurred_at == "2026-11-28T10:30:00+08:00"
    assert store.queue_summary().pending == 2


def test_invalid_transactions_are_refused_and_nothing_is_written(store: Store) -> None:
    with pytest.raises(InvalidTransactionError, match="unknown transaction kind"):
        store.record("coffee", {})
    with pytest.raises(InvalidTransactionError, match="lacks score"):
        store.record("rating", {"service": "jobs"})
    with pytest.raises(InvalidTransactionError, match="person_id is required"):
        store.record(
            "statement_print",
            {"document": "x", "verification_code": "12345678", "pages": 1, "printed": True},
        )
    with pytest.raises(InvalidTransactionError, match="18-character"):
        store.record("rating", {"service": "jobs", "score": 1}, person_id="123")
    assert store.queue_summary().pending == 0
    assert store.verify_audit().entries == 0


def test_settle_moves_states_and_only_for_the_batch(store: Store) -> None:
    a, b, c, d = (store.record("rating", {"service": "jobs", "score": s}) for s in range(1, 5))
    batch = store.pending_after(0, 3)
    assert [t.id for t in batch] == [a, b, c]
    counts = store.settle(
        [
            Result(a, Outcome.ACCEPTED),
            Result(b, Outcome.DUPLICATE),
            Result(c, Outcome.REJECTED, "score out of range"),
            Result(d, Outcome.ACCEPTED),  # not in the batch: ignored
            Result(str(uuid.uuid4()), Outcome.ACCEPTED),
        ],
        {t.id for t in batch},
    )
    assert (counts.accepted, counts.duplicates, counts.rejected, counts.unknown) == (1, 1, 1, 2)
    summary = store.queue_summary()
    assert (summary.pending, summary.delivered, summary.rejected) == (1, 2, 1)
    assert [t.id for t in store.pending_after(0, 10)] == [d]  # rejected is never resent
    [rejected] = store.rejected()
    assert rejected.id == c and rejected.error == "score out of range"
    # a later verdict does not resurrect or flip a settled transaction
    store.settle([Result(c, Outcome.ACCEPTED)], {c})
    assert store.rejected()[0].id == c


def test_settle_matches_ids_whatever_their_case(store: Store) -> None:
    """A platform that echoes ids in upper case must not leave them pending for ever."""
    a, b = (store.record("rating", {"service": "jobs", "score": s}) for s in (1, 2))
    batch = {t.id for t in store.pending_after(0, 10)}
    counts = store.settle(
        [Result(a.upper(), Outcome.ACCEPTED), Result("{" + b + "}", Outcome.DUPLICATE)], batch
    )
    assert (counts.accepted, counts.duplicates, counts.unknown) == (1, 1, 0)
    assert store.queue_summary().pending == 0


def test_outbox_rows_can_never_be_deleted(store: Store) -> None:
    store.record("rating", {"service": "jobs", "score": 3})
    with pytest.raises(sqlite3.IntegrityError, match="never dropped"):
        store.connection.execute("DELETE FROM outbox")


def test_oldest_pending_age_uses_the_clock(tmp_path: Path, template_key: bytes) -> None:
    now = [1_000_000.0]
    store = Store.open(tmp_path / "k.sqlite3", template_key, clock=lambda: now[0])
    store.record("rating", {"service": "jobs", "score": 3})
    now[0] += 90
    store.record("rating", {"service": "jobs", "score": 4})
    now[0] += 10
    assert store.queue_summary().oldest_pending_age_s == pytest.approx(100)
    store.close()


def test_certification_records_tx_and_moves_due_date_in_one_commit(store: Store) -> None:
    resident = resident_model(1)
    store.upsert_resident(resident)
    pid = resident.person_id
    assert not store.certified_this_period(pid, "pension", NOW)
    tx_id = store.record_certification(pid, "pension", True, 180, 1, "right_thumb", NOW)
    tx = store.transaction(tx_id)
    assert tx is not None and '"result":"passed"' in tx.body and tx.person_id == pid
    pension = _benefit(store, pid, "pension")
    assert pension.certification.due_by == date(2027, 12, 31)
    assert pension.certification.last_certified_at == NOW
    assert store.certified_this_period(pid, "pension", NOW)
    # twice in one period: recorded, harmless, no date moves
    store.record_certification(
        pid, "pension", True, 170, 1, "right_thumb", NOW + timedelta(hours=1)
    )
    again = _benefit(store, pid, "pension")
    assert again.certification.due_by == date(2027, 12, 31)
    assert store.queue_summary().pending == 2


def test_failed_certification_moves_nothing_and_monthly_rule(store: Store) -> None:
    resident = resident_model(2)
    store.upsert_resident(resident)
    pid = resident.person_id
    store.record_certification(pid, "unemployment", False, 5, 3, None, NOW)
    u = _benefit(store, pid, "unemployment")
    assert (
        u.certification.due_by == date(2026, 11, 30) and u.certification.last_certified_at is None
    )
    store.record_certification(pid, "unemployment", True, 150, 2, "right_thumb", NOW)
    u = _benefit(store, pid, "unemployment")
    assert u.certification.due_by == date(2026, 12, 31)


def test_certification_of_unknown_resident_writes_nothing(store: Store) -> None:
    with pytest.raises(UnknownResidentError):
        store.record_certification(person_id(9), "pension", True, 100, 1, None, NOW)
    store.upsert_resident(resident_model(3, benefits=[]))
    with pytest.raises(UnknownResidentError):
        store.record_certification(person_id(3), "pension", True, 100, 1, None, NOW)
    assert store.queue_summary().pending == 0
    assert store.verify_audit().entries == 0


def test_local_certification_survives_an_older_roster_copy(store: Store) -> None:
    resident = resident_model(4)
    store.upsert_resident(resident)
    store.record_certification(resident.person_id, "pension", True, 150, 1, None, NOW)
    store.upsert_resident(resident)  # the roster still shows the old state
    pension = _benefit(store, resident.person_id, "pension")
    assert pension.certification.due_by == date(2027, 12, 31)
