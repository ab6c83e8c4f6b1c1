"""Regression tests for findings of the offline-cache/sync audit (2026-11-28)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from offline_cache.feeds import Feed, parse_page
from offline_cache.outbox import Outcome, Result
from offline_cache.store import Store
from tests.unit.offline_cache.factories import person_id, resident_model, resident_wire, upsert

NOW = datetime(2026, 11, 28, 10, 30, tzinfo=timezone(timedelta(hours=8)))


def _apply(store: Store, items: list[dict[str, Any]], cursor: str) -> None:
    page = parse_page(Feed.ROSTER, {"items": items, "next_cursor": cursor, "has_more": False})
    store.apply_page(Feed.ROSTER, page.ops, page.next_cursor, complete=True)


def test_a_page_changing_one_resident_twice_keeps_only_the_last_fingerprints(
    store: Store,
) -> None:
    """Items are applied in order: a finger removed by the later change of the same page is gone
    (it must no longer match at the sensor)."""
    first = resident_wire(1, version=1)  # right_index and left_index
    second = resident_wire(1, version=2)
    second["fingerprints"] = second["fingerprints"][:1]  # left_index withdrawn
    _apply(store, [upsert("resident", first), upsert("resident", second)], "c2")
    resident = store.resident_by_person_id(person_id(1))
    assert resident is not None and resident.version == 2
    assert [fp.finger for fp in resident.fingerprints] == ["right_index"]


def test_a_certification_the_platform_rejects_no_longer_counts_locally(store: Store) -> None:
    """Rejected is permanent: the platform will never count it, so the kiosk must not keep telling
    the resident they are certified until next year (their pension would stop meanwhile)."""
    resident = resident_model(5)
    store.upsert_resident(resident)
    pid = resident.person_id
    before = next(b for b in resident.benefits if b.kind == "pension").certification
    tx_id = store.record_certification(pid, "pension", True, 180, 1, "right_thumb", NOW)
    assert store.certified_this_period(pid, "pension", NOW)
    counts = store.settle([Result(tx_id, Outcome.REJECTED, "benefit stopped")], {tx_id})
    assert counts.rejected == 1
    assert not store.certified_this_period(pid, "pension", NOW)
    after = store.resident_by_person_id(pid)
    assert after is not None
    assert next(b for b in after.benefits if b.kind == "pension").certification == before
