"""Property: however a feed is cut into pages and however often a page is re-applied (a crash
before the next fetch), the copy ends equal to applying every change once, in order."""

from __future__ import annotations

import secrets
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from offline_cache.codec import job_from_column
from offline_cache.feeds import Feed, parse_page
from offline_cache.store import Store
from tests.unit.offline_cache.factories import job_wire

op = st.tuples(st.sampled_from(["upsert", "delete"]), st.integers(0, 5), st.integers(1, 90))


def _item(kind: str, n: int, days: int) -> dict[str, Any]:
    if kind == "delete":
        return {"op": "delete", "id": f"J{n}"}
    return {"op": "upsert", "job": job_wire(n, expires_in_days=days)}


@settings(max_examples=40, deadline=None)
@given(
    ops=st.lists(op, max_size=30),
    cuts=st.lists(st.integers(1, 6), min_size=1, max_size=30),
    repeats=st.lists(st.integers(1, 3), min_size=1, max_size=30),
)
def test_any_paging_and_replay_gives_the_same_copy(
    ops: list[tuple[str, int, int]], cuts: list[int], repeats: list[int]
) -> None:
    expected: dict[str, int] = {}
    for kind, n, days in ops:
        if kind == "delete":
            expected.pop(f"J{n}", None)
        else:
            expected[f"J{n}"] = days
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "k.sqlite3", secrets.token_bytes(32))
        items = [_item(*o) for o in ops]
        start, page_no = 0, 0
        while start < len(items) or page_no == 0:
            size = cuts[page_no % len(cuts)]
            chunk = items[start : start + size]
            start += size
            body = {"items": chunk, "next_cursor": str(start), "has_more": start < len(items)}
            page = parse_page(Feed.JOBS, body)
            for _ in range(repeats[page_no % len(repeats)]):
                store.apply_page(Feed.JOBS, page.ops, page.next_cursor, not page.has_more)
            page_no += 1
        rows = dict(store.connection.execute("SELECT job_id, data FROM jobs").fetchall())
        store.close()
    assert set(rows) == set(expected)
    for job_id, days in expected.items():
        wanted = job_wire(int(job_id[1:]), expires_in_days=days)["expires_at"]
        assert job_from_column(rows[job_id]).expires_at == datetime.fromisoformat(wanted)
