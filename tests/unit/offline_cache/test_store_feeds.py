from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from offline_cache.feeds import Feed, MalformedPageError, parse_page
from offline_cache.store import Store
from tests.unit.offline_cache.factories import (
    delete,
    job_wire,
    notice_wire,
    person_id,
    resident_wire,
    template,
    upsert,
)

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def _apply(
    store: Store, feed: Feed, items: list[dict[str, Any]], cursor: str, has_more: bool = False
) -> None:
    page = parse_page(feed, {"items": items, "next_cursor": cursor, "has_more": has_more})
    store.apply_page(feed, page.ops, page.next_cursor, complete=not page.has_more)


def _snapshot(store: Store) -> list[tuple[Any, ...]]:
    conn = store.connection
    return [
        *conn.execute("SELECT * FROM residents ORDER BY person_id"),
        *conn.execute("SELECT person_id, finger, enrolled_at FROM fingerprints ORDER BY 1, 2"),
        *conn.execute("SELECT feed, cursor FROM feed_cursors ORDER BY feed"),
    ]


def test_roster_page_is_stored_and_looked_up(store: Store) -> None:
    _apply(store, Feed.ROSTER, [upsert("resident", resident_wire(i)) for i in range(3)], "c3")
    r = store.resident_by_person_id(person_id(1))
    assert r is not None and r.name == "王秀英" and r.card_number == "A00000001"
    assert r.fingerprints[0].template == template(r.person_id, r.fingerprints[0].finger)
    assert len(r.contributions) == 16 and r.contributions[0].employer == "青山镇农机站"
    assert r.benefits[0].certification.last_certified_at is not None
    by_card = store.resident_by_card_number("A00000002")
    assert by_card is not None and by_card.person_id == person_id(2)
    assert store.resident_by_card_number("nope") is None
    assert store.feed_cursor(Feed.ROSTER) == "c3"


def test_applying_a_page_twice_changes_nothing(store: Store) -> None:
    items = [upsert("resident", resident_wire(i, version=2)) for i in range(5)]
    items += [delete(person_id(3)), upsert("resident", resident_wire(7))]
    _apply(store, Feed.ROSTER, items, "c1")
    before = _snapshot(store)
    _apply(store, Feed.ROSTER, items, "c1")
    assert _snapshot(store) == before
    assert store.resident_by_person_id(person_id(3)) is None
    assert store.resident_count() == 5


def test_ops_apply_in_order_within_a_page(store: Store) -> None:
    pid = person_id(4)
    _apply(
        store,
        Feed.ROSTER,
        [
            upsert("resident", resident_wire(4, version=1)),
            delete(pid),
            upsert("resident", resident_wire(4, version=3, name="李四")),
        ],
        "c1",
    )
    r = store.resident_by_person_id(pid)
    assert r is not None and r.version == 3 and r.name == "李四"
    _apply(store, Feed.ROSTER, [delete(pid)], "c2")
    assert store.resident_by_person_id(pid) is None
    rows = store.connection.execute("SELECT COUNT(*) FROM fingerprints WHERE person_id = ?", (pid,))
    assert rows.fetchone()[0] == 0  # cascaded


def test_a_failing_page_leaves_cursor_and_rows_unchanged(store: Store) -> None:
    _apply(store, Feed.ROSTER, [upsert("resident", resident_wire(1))], "c1")
    before = _snapshot(store)
    page = parse_page(
        Feed.ROSTER,
        {"items": [upsert("resident", resident_wire(2))], "next_cursor": "c2", "has_more": False},
    )
    store.connection.execute(
        "CREATE TEMP TRIGGER boom BEFORE INSERT ON feed_cursors "
        "BEGIN SELECT RAISE(ABORT, 'crash before the cursor'); END"
    )
    store.connection.execute(
        "CREATE TEMP TRIGGER boom2 BEFORE UPDATE ON feed_cursors "
        "BEGIN SELECT RAISE(ABORT, 'crash before the cursor'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.apply_page(Feed.ROSTER, page.ops, page.next_cursor, complete=True)
    assert _snapshot(store) == before
    assert store.resident_by_person_id(person_id(2)) is None


def test_malformed_items_refuse_the_whole_page() -> None:
    bad = resident_wire(1)
    del bad["card_number"]
    with pytest.raises(MalformedPageError, match="item 1"):
        parse_page(
            Feed.ROSTER,
            {
                "items": [upsert("resident", resident_wire(0)), upsert("resident", bad)],
                "next_cursor": "x",
                "has_more": False,
            },
        )
    bodies: list[object] = [[], {"items": []}, {"items": "x", "next_cursor": "", "has_more": False}]
    for body in bodies:
        with pytest.raises(MalformedPageError):
            parse_page(Feed.JOBS, body)
    with pytest.raises(MalformedPageError, match="op"):
        parse_page(Feed.JOBS, {"items": [{"op": "zap"}], "next_cursor": "", "has_more": False})


def test_drop_feed_forgets_copy_and_cursor_but_keeps_other_feeds(store: Store) -> None:
    _apply(store, Feed.ROSTER, [upsert("resident", resident_wire(1))], "c1")
    _apply(store, Feed.JOBS, [upsert("job", job_wire(1))], "j1")
    store.drop_feed(Feed.ROSTER)
    assert store.resident_count() == 0 and store.feed_cursor(Feed.ROSTER) is None
    assert [j.job_id for j in store.jobs(NOW)] == ["J1"]
    assert store.feed_cursor(Feed.JOBS) == "j1"


def test_restart_feed_keeps_serving_the_old_copy_until_the_re_pull_completes(
    store: Store,
) -> None:
    _apply(store, Feed.ROSTER, [upsert("resident", resident_wire(i)) for i in range(4)], "c4")
    _apply(store, Feed.JOBS, [upsert("job", job_wire(1))], "j1")
    store.restart_feed(Feed.ROSTER)
    assert store.feed_cursor(Feed.ROSTER) is None and store.restarting_feeds() == [Feed.ROSTER]
    # first page of the re-pull: 0 changed, 2 deleted upstream (a tombstone survived)
    _apply(
        store,
        Feed.ROSTER,
        [upsert("resident", resident_wire(0, version=2, name="李四")), delete(person_id(2))],
        "n1",
        has_more=True,
    )
    assert store.resident_count() == 3  # 1 and 3 still answer lookups meanwhile
    assert store.resident_by_person_id(person_id(3)) is not None
    assert store.resident_by_card_number("A00000001") is not None
    assert store.resident_by_person_id(person_id(2)) is None
    # the last page brings 1 and a newcomer; 3 is gone upstream (its tombstone was compacted)
    _apply(
        store,
        Feed.ROSTER,
        [upsert("resident", resident_wire(1)), upsert("resident", resident_wire(5))],
        "n2",
    )
    assert store.restarting_feeds() == []
    assert sorted(
        r[0] for r in store.connection.execute("SELECT person_id FROM residents")
    ) == sorted(person_id(i) for i in (0, 1, 5))
    zero = store.resident_by_person_id(person_id(0))
    assert zero is not None and zero.name == "李四" and zero.fingerprints
    orphans = store.connection.execute(
        "SELECT COUNT(*) FROM fingerprints WHERE person_id NOT IN (SELECT person_id FROM residents)"
    ).fetchone()[0]
    assert orphans == 0
    assert [j.job_id for j in store.jobs(NOW)] == ["J1"] and store.feed_cursor(Feed.JOBS) == "j1"


def test_restart_feed_survives_a_reopen_mid_re_pull(tmp_path: Path, template_key: bytes) -> None:
    path = tmp_path / "kiosk.sqlite3"
    store = Store.open(path, template_key)
    _apply(
        store,
        Feed.NOTICES,
        [upsert("notice", notice_wire(1)), upsert("notice", notice_wire(2))],
        "a",
    )
    store.restart_feed(Feed.NOTICES)
    _apply(store, Feed.NOTICES, [upsert("notice", notice_wire(2))], "b", has_more=True)
    store.close()  # the kiosk is switched off mid re-pull
    store = Store.open(path, template_key)
    try:
        assert {n.notice_id for n in store.notices(NOW)} == {"N1", "N2"}
        assert store.feed_cursor(Feed.NOTICES) == "b"
        _apply(store, Feed.NOTICES, [upsert("notice", notice_wire(3))], "c")
        assert {n.notice_id for n in store.notices(NOW)} == {"N2", "N3"}
    finally:
        store.close()


def test_jobs_and_notices_filtered_by_time(store: Store) -> None:
    _apply(store, Feed.JOBS, [upsert("job", job_wire(1)), upsert("job", job_wire(2, -1))], "j")
    _apply(store, Feed.NOTICES, [upsert("notice", notice_wire(1))], "n")
    assert [j.job_id for j in store.jobs(NOW)] == ["J1"]
    assert store.jobs(NOW)[0].salary_min_cents == 300000
    assert [n.notice_id for n in store.notices(NOW)] == ["N1"]
    assert store.notices(datetime(2026, 10, 1, tzinfo=UTC)) == []
    _apply(store, Feed.JOBS, [delete("J1")], "j2")
    assert store.jobs(NOW) == []
