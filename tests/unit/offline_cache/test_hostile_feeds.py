"""Issue 11: the feed parser against hostile pages, through `parse_page` and `Store.apply_page`
with a real store on a temporary SQLite file (the HTTP side: tests/integration/sync/
test_hostile_feeds_http.py).

Properties: `parse_page` raises nothing but `MalformedPageError`; a page it accepts applies and
reads back; a refused page changes nothing (row counts and digests of the feed tables, the cursors
and the outbox); a valid page after any run of hostile ones still applies. The regular tests at the
end are the minimal failing examples these properties found, one per bug."""

from __future__ import annotations

import base64
import secrets
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from offline_cache.codec import MalformedItemError, ResidentRow, parse_time
from offline_cache.feeds import Feed, MalformedPageError, Page, Upsert, parse_page
from offline_cache.store import Store
from tests.unit.offline_cache import hostile
from tests.unit.offline_cache.factories import (
    job_wire,
    person_id,
    resident_wire,
    upsert,
)

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def seeded() -> Iterator[Store]:
    """One store for all examples of a test: residents, jobs, notices, cursors and an outbox."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "kiosk.sqlite3", secrets.token_bytes(32))
        for feed in hostile.FEEDS:
            page = parse_page(feed, hostile.valid_page(feed, [1, 2, 3], "seed"))
            store.apply_page(feed, page.ops, page.next_cursor, complete=True)
        store.record("rating", {"service": "jobs", "score": 4})
        store.record_certification(person_id(1), "pension", True, 90, 1, "right_index", NOW)
        yield store
        store.close()


def _parse(feed: Feed, body: Any) -> Page | None:
    """The parser's verdict; anything but MalformedPageError fails the test."""
    try:
        return parse_page(feed, body)
    except MalformedPageError:
        return None


def _apply_and_read_back(store: Store, feed: Feed, page: Page) -> None:
    store.apply_page(feed, page.ops, page.next_cursor, complete=not page.has_more)
    assert store.feed_cursor(feed) == page.next_cursor
    for op in page.ops:
        if isinstance(op, Upsert) and isinstance(op.entity, ResidentRow):
            pid = op.entity.person_id
            if store.resident_by_person_id(pid) is not None:  # a later delete may remove it
                store.certified_this_period(pid, "pension", NOW)
    store.jobs(NOW)
    store.notices(NOW)


@PROPERTY
@given(feed=st.sampled_from(hostile.FEEDS), data=st.data())
def test_a_hostile_page_is_refused_whole_or_applies_cleanly(
    seeded: Store, feed: Feed, data: st.DataObject
) -> None:
    body = data.draw(hostile.hostile_body(feed))
    before = hostile.digest(seeded)
    outbox = hostile.outbox_rows(seeded)
    page = _parse(feed, body)
    event("refused" if page is None else "accepted")
    if page is None:
        assert hostile.digest(seeded) == before
    else:  # what the parser lets through must store and read back without an error
        _apply_and_read_back(seeded, feed, page)
    assert hostile.outbox_rows(seeded) == outbox


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    feed=st.sampled_from(hostile.FEEDS),
    bodies=st.lists(st.data(), min_size=1, max_size=4),
    n=st.integers(50, 60),
)
def test_a_valid_page_after_hostile_ones_still_applies(
    seeded: Store, feed: Feed, bodies: list[st.DataObject], n: int
) -> None:
    outbox = hostile.outbox_rows(seeded)
    for data in bodies:
        body = data.draw(hostile.hostile_body(feed))
        before = hostile.digest(seeded)
        page = _parse(feed, body)
        if page is None:
            assert hostile.digest(seeded) == before
        else:
            _apply_and_read_back(seeded, feed, page)
    cursor = f"after-{n}"
    good = parse_page(feed, hostile.valid_page(feed, [n], cursor))
    seeded.apply_page(feed, good.ops, good.next_cursor, complete=True)
    assert seeded.feed_cursor(feed) == cursor
    table, key = {
        Feed.ROSTER: ("residents", "person_id"),
        Feed.JOBS: ("jobs", "job_id"),
        Feed.NOTICES: ("notices", "notice_id"),
    }[feed]
    row = seeded.connection.execute(
        f"SELECT 1 FROM {table} WHERE {key} = ?", (hostile.entity_id(feed, n),)
    ).fetchone()
    assert row is not None
    assert hostile.outbox_rows(seeded) == outbox


@settings(max_examples=100, deadline=None)
@given(value=hostile.garbage, feed=st.sampled_from(hostile.FEEDS))
def test_any_json_value_as_a_whole_body_gets_a_verdict(value: Any, feed: Feed) -> None:
    _parse(feed, value)
    _parse(feed, {"items": [value], "next_cursor": "c", "has_more": False})
    _parse(
        feed,
        {
            "items": [{"op": "upsert", feed.entity_key: value}],
            "next_cursor": "c",
            "has_more": False,
        },
    )


def test_deeply_nested_garbage_is_refused() -> None:
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    body = {
        "items": [{"op": "upsert", "job": {**job_wire(1), "title": deep}}],
        "next_cursor": "c",
        "has_more": False,
    }
    with pytest.raises(MalformedPageError):
        parse_page(Feed.JOBS, body)
    body = {
        "items": [{"op": "upsert", "job": {**job_wire(1), "extra": deep}}],
        "next_cursor": "c",
        "has_more": False,
    }
    assert len(parse_page(Feed.JOBS, body).ops) == 1  # unknown fields are ignored


# --- the minimal failing examples (each was a crash at apply time or a foreign exception) -------


def _one(feed: Feed, entity: dict[str, Any], cursor: str = "c") -> dict[str, Any]:
    return {"items": [upsert(feed.entity_key, entity)], "next_cursor": cursor, "has_more": False}


def _refused(store: Store, feed: Feed, body: Any) -> None:
    before = hostile.digest(store)
    with pytest.raises(MalformedPageError):
        parse_page(feed, body)
    assert hostile.digest(store) == before


@pytest.mark.parametrize(
    ("feed", "body"),
    [
        # UnicodeEncodeError from SQLite at apply time (after a whole page had been "validated")
        (Feed.ROSTER, _one(Feed.ROSTER, {**resident_wire(1), "name": "\ud800"})),
        (Feed.JOBS, _one(Feed.JOBS, {**job_wire(1), "title": "a\udfffb"})),
        (
            Feed.JOBS,
            {"items": [{"op": "delete", "id": "\ud800"}], "next_cursor": "c", "has_more": False},
        ),
        (Feed.JOBS, {"items": [], "next_cursor": "\udc00", "has_more": False}),
    ],
)
def test_a_lone_surrogate_is_refused_by_the_parser(
    store: Store, feed: Feed, body: dict[str, Any]
) -> None:
    _refused(store, feed, body)


def test_a_lone_surrogate_in_a_contribution_is_refused(store: Store) -> None:
    wire = resident_wire(1)
    wire["contributions"][0]["employer"] = "厂\ud800"
    _refused(store, Feed.ROSTER, _one(Feed.ROSTER, wire))
    wire = resident_wire(1)
    wire["contributions"][3]["scheme"] = "\udfff"
    _refused(store, Feed.ROSTER, _one(Feed.ROSTER, wire))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("version", 2**63),
        ("account_balance_cents", -(10**20)),
        ("version", -1),
        ("account_balance_cents", 10**4000),
    ],
)
def test_an_integer_sqlite_cannot_hold_is_refused(store: Store, field: str, value: int) -> None:
    # was: OverflowError "Python int too large to convert to SQLite INTEGER" at apply time
    _refused(store, Feed.ROSTER, _one(Feed.ROSTER, {**resident_wire(1), field: value}))


def test_a_contribution_number_too_long_to_write_is_refused(store: Store) -> None:
    # was: ValueError "Exceeds the limit (4300 digits) for integer string conversion" from the
    # contribution column's encoder, and for a job at apply time
    wire = resident_wire(1)
    wire["contributions"][0]["base_cents"] = 10**4000
    _refused(store, Feed.ROSTER, _one(Feed.ROSTER, wire))
    _refused(store, Feed.JOBS, _one(Feed.JOBS, {**job_wire(1), "headcount": 10**4000}))


def test_a_non_ascii_template_is_a_malformed_page(store: Store) -> None:
    # was: a bare ValueError ("string argument should contain only ASCII characters")
    wire = resident_wire(1)
    wire["fingerprints"][0]["template"] = "ü" * 684
    _refused(store, Feed.ROSTER, _one(Feed.ROSTER, wire))


@pytest.mark.parametrize("size", [0, 511, 513, 200_000])
def test_a_template_that_is_not_512_bytes_is_refused(store: Store, size: int) -> None:
    wire = resident_wire(1)
    wire["fingerprints"][0]["template"] = base64.b64encode(bytes(size)).decode()
    _refused(store, Feed.ROSTER, _one(Feed.ROSTER, wire))


@pytest.mark.parametrize(
    "pid", [*hostile.wrong_check_character(person_id(1))[:3], person_id(1)[:17], "A" * 18]
)
def test_an_id_number_with_a_wrong_check_character_is_refused(store: Store, pid: str) -> None:
    # stored, it could never be certified: the outbox refuses such a person_id
    _refused(store, Feed.ROSTER, _one(Feed.ROSTER, {**resident_wire(1), "person_id": pid}))


@pytest.mark.parametrize(
    "text",
    [
        "20261128T093000Z",
        "2026-W48-6T09:30:00+08:00",
        "2026-332T09:30:00+08:00",
        "0001-01-01T00:00:00+14:00",  # applied, then OverflowError converting it to UTC
        "9999-12-31T23:59:59-14:00",
    ],
)
def test_a_time_that_is_not_rfc_3339_or_out_of_range_is_refused(store: Store, text: str) -> None:
    with pytest.raises(MalformedItemError):
        parse_time(text)
    _refused(store, Feed.JOBS, _one(Feed.JOBS, {**job_wire(1), "posted_at": text}))


def test_rfc_3339_variants_are_still_read() -> None:
    for text in (
        "2026-11-28T09:30:00.123456789+08:00",
        "2026-11-28t01:30:00z",
        "2026-11-28 01:30:00Z",
    ):
        assert parse_time(text).astimezone(UTC).hour == 1


@pytest.mark.parametrize(
    ("field", "value"), [("birth_date", "19550101"), ("birth_date", "9999-12-31")]
)
def test_a_date_that_is_not_yyyy_mm_dd_or_out_of_range_is_refused(
    store: Store, field: str, value: str
) -> None:
    _refused(store, Feed.ROSTER, _one(Feed.ROSTER, {**resident_wire(1), field: value}))


def test_an_unknown_certification_period_is_refused(store: Store) -> None:
    # stored, certifying that resident raised ValueError("unknown certification period")
    wire = resident_wire(1)
    wire["benefits"][0]["certification"]["period"] = "weekly"
    _refused(store, Feed.ROSTER, _one(Feed.ROSTER, wire))


def test_a_cursor_too_long_to_send_back_is_refused() -> None:
    """Found by the HTTP property test: a 100 KB cursor was stored, then every later request
    carried it in its URL and was refused (414), so the feed could never move again."""
    long_cursor = "名" * 12_000
    with pytest.raises(MalformedPageError, match="too long"):
        parse_page(Feed.JOBS, hostile.valid_page(Feed.JOBS, [1], long_cursor))
    assert parse_page(Feed.JOBS, hostile.valid_page(Feed.JOBS, [1], "c" * 200)).next_cursor
