import json
import sqlite3

import pytest

from county_platform.store import (
    COUNTY_WIDE,
    SCHEMA_VERSION,
    CursorExpired,
    Feed,
    PlatformStore,
)


@pytest.fixture
def store(tmp_path):
    with PlatformStore.open(tmp_path / "county.db") as s:
        yield s


def resident(pid, name="张三"):
    return {"person_id": pid, "name": name}


def test_upserts_bump_the_version_and_skip_unchanged_content(store):
    assert store.upsert(Feed.ROSTER, "A", "t1", resident("A"))
    assert store.entity(Feed.ROSTER, "A")["version"] == 1
    assert not store.upsert(Feed.ROSTER, "A", "t1", resident("A"))
    assert store.upsert(Feed.ROSTER, "A", "t1", resident("A", "李四"))
    assert store.entity(Feed.ROSTER, "A") == {"person_id": "A", "name": "李四", "version": 2}


def test_pages_follow_the_log_and_are_scoped(store):
    for pid, township in [("A", "t1"), ("B", "t2"), ("C", "t1"), ("D", "t1")]:
        store.upsert(Feed.ROSTER, pid, township, resident(pid))
    page = store.read_page(Feed.ROSTER, ["t1"], None, 2)
    assert [c.entity_id for c in page.changes] == ["A", "C"] and page.has_more
    rest = store.read_page(Feed.ROSTER, ["t1"], page.position, 2)
    assert [c.entity_id for c in rest.changes] == ["D"] and not rest.has_more
    store.upsert(Feed.ROSTER, "A", "t1", resident("A", "王五"))
    store.delete(Feed.ROSTER, "C")
    later = store.read_page(Feed.ROSTER, ["t1"], rest.position, 10)
    assert [(c.op, c.entity_id) for c in later.changes] == [("upsert", "A"), ("delete", "C")]
    assert store.entity(Feed.ROSTER, "C") is None
    assert not store.delete(Feed.ROSTER, "C")


def test_county_wide_entities_reach_every_township(store):
    store.upsert(Feed.NOTICES, "N1", COUNTY_WIDE, {"notice_id": "N1"})
    page = store.read_page(Feed.NOTICES, ["t9", COUNTY_WIDE], 0, 10)
    assert [c.entity_id for c in page.changes] == ["N1"]


def test_compaction_drops_tombstones_and_expires_older_cursors(store):
    store.upsert(Feed.ROSTER, "A", "t1", resident("A"))
    store.upsert(Feed.ROSTER, "B", "t1", resident("B"))
    old = store.read_page(Feed.ROSTER, ["t1"], 0, 1).position
    store.delete(Feed.ROSTER, "B")
    position, removed = store.compact(Feed.ROSTER)
    assert removed == 1 and position == store.head()
    with pytest.raises(CursorExpired):
        store.read_page(Feed.ROSTER, ["t1"], old, 10)
    fresh = store.read_page(Feed.ROSTER, ["t1"], None, 10)
    assert [c.entity_id for c in fresh.changes] == ["A"]
    assert store.read_page(Feed.ROSTER, ["t1"], position, 10).changes == []
    assert store.read_page(Feed.JOBS, ["t1"], old, 10).changes == []  # other feeds unaffected


def test_a_cursor_ahead_of_the_log_is_expired(store):
    with pytest.raises(CursorExpired):
        store.read_page(Feed.ROSTER, ["t1"], 99, 10)


def test_transaction_ids_are_permanently_unique_per_terminal(store, tmp_path):
    with store.transaction_batch() as batch:
        assert batch.accept("id-1", "T", "rating", None, "2026-11-28T09:00:00+08:00", 1, {})
        assert not batch.accept("id-1", "T", "rating", None, "2026-11-28T09:00:00+08:00", 1, {})
    store.close()
    with PlatformStore.open(tmp_path / "county.db") as reopened:
        with reopened.transaction_batch() as batch:
            assert not batch.accept("id-1", "T", "maintenance", None, "x", None, {})
            # another terminal's transaction that happens to carry the same id is its own
            assert batch.accept("id-1", "T2", "maintenance", None, "x", None, {})
        stored = reopened.accepted_transactions()
        assert [(t.terminal_id, t.id, t.kind) for t in stored] == [
            ("T", "id-1", "rating"), ("T2", "id-1", "maintenance"),
        ]  # fmt: skip


# The transactions table of schema version 1, as the server before issue 11 created it.
_V1_TRANSACTIONS = """
CREATE TABLE transactions (
    id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, kind TEXT NOT NULL, person_id TEXT,
    occurred_at TEXT NOT NULL, tx_seq INTEGER, payload TEXT NOT NULL, received_at TEXT NOT NULL
)"""


def test_a_version_1_database_is_migrated_keeping_its_transactions_in_order(tmp_path):
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.execute(_V1_TRANSACTIONS)
    rows = [(f"id-{n}", "T" if n % 2 else "T2", "rating", None, "2026-11-28T09:00:00+08:00", n,
             json.dumps({"n": n}), "2026-11-28T01:00:00+00:00") for n in (3, 1, 2)]  # fmt: skip
    conn.executemany("INSERT INTO transactions VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with PlatformStore.open(path) as store:
        assert [(t.id, t.terminal_id, t.payload) for t in store.accepted_transactions()] == [
            ("id-3", "T", {"n": 3}), ("id-1", "T", {"n": 1}), ("id-2", "T2", {"n": 2}),
        ]  # fmt: skip
        with store.transaction_batch() as batch:
            assert not batch.accept("id-3", "T", "rating", None, "x", None, {})  # still known
            assert batch.accept("id-3", "T2", "rating", None, "x", None, {})  # now possible
        assert store.count_transactions() == 4
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
        keys = [r[1] for r in check.execute("PRAGMA table_info(transactions)") if r[5]]
        assert sorted(keys) == ["id", "terminal_id"]
    with PlatformStore.open(path) as again:  # opening a migrated database changes nothing
        assert again.count_transactions() == 4


def test_rejections_of_unstorable_text_are_kept_escaped_and_bounded(store):
    with store.transaction_batch() as batch:
        batch.reject("a\ud800b", "T", "x" * 5000)
    [(tx_id, terminal, error)] = store.rejections()
    assert tx_id == "a\\ud800b" and terminal == "T" and len(error) == 1000
