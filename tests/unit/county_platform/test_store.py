import pytest

from county_platform.store import COUNTY_WIDE, CursorExpired, Feed, PlatformStore


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


def test_transaction_ids_are_permanently_unique(store, tmp_path):
    with store.transaction_batch() as batch:
        assert batch.accept("id-1", "T", "rating", None, "2026-11-28T09:00:00+08:00", 1, {})
        assert not batch.accept("id-1", "T", "rating", None, "2026-11-28T09:00:00+08:00", 1, {})
    store.close()
    with PlatformStore.open(tmp_path / "county.db") as reopened:
        with reopened.transaction_batch() as batch:
            assert not batch.accept("id-1", "T2", "maintenance", None, "x", None, {})
        assert [t.id for t in reopened.accepted_transactions()] == ["id-1"]
        assert reopened.accepted_transactions()[0].terminal_id == "T"
