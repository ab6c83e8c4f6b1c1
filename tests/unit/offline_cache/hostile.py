"""Hostile feed pages for the property tests (issue 11): what a broken or malicious platform, or a
proxy in between, could answer. Valid JSON of the wrong shape, wrong types, missing and extra
fields, huge strings, huge/negative/float/NaN numbers, lone surrogates, nested garbage, duplicate
ids, unknown ops, non-RFC 3339 times, ID numbers with a wrong check character, bad fingerprint
templates, odd cursors and `has_more` values; plus, for HTTP, bodies that are not JSON at all.

Also the store digest the tests compare: a refused page must change nothing."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import math
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from offline_cache.feeds import Feed
from offline_cache.store import Store
from tests.unit.offline_cache.factories import job_wire, notice_wire, person_id, resident_wire

# --- values ----------------------------------------------------------------------------------

SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
surrogate_text = st.builds(
    lambda a, s, b: a + s + b, st.text(max_size=4), st.sampled_from(SURROGATES), st.text(max_size=4)
)
huge_text = st.sampled_from(["x" * 100_000, "名" * 60_000, "9" * 300_000])
any_text = st.one_of(st.text(max_size=20), surrogate_text, huge_text, st.just(""))
numbers = st.one_of(
    st.integers(),
    st.sampled_from([-1, 0, 2**63 - 1, 2**63, -(2**63) - 1, 10**30, -(10**30), 10**4000]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf, -math.inf, 1.0, 0.5, -0.0, 1e308]),
)
scalars = st.one_of(st.none(), st.booleans(), numbers, any_text)
garbage = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def wrong_check_character(pid: str) -> list[str]:
    return [pid[:17] + c for c in "0123456789X" if c != pid[17]]


_PID = person_id(5)
bad_person_ids = st.sampled_from(
    [
        *wrong_check_character(_PID),
        _PID[:17],  # 17 characters
        _PID + "0",
        _PID + " ",
        _PID[:17] + "x",
        "".join(chr(ord(c) + 0xFEE0) for c in _PID),  # full-width digits
        "３２０１０２１９５５０１０１００５Ｘ",
        "ABCDEFGHIJKLMNOPQR",
        "",
    ]
)
bad_times = st.one_of(
    st.sampled_from(
        [
            "2026-11-28",
            "2026-11-28T09:30:00",  # no offset
            "20261128T093000Z",  # ISO 8601 basic
            "2026-W48-6T09:30:00+08:00",  # week date
            "2026-332T09:30:00+08:00",  # ordinal date
            "2026-11-28T09:30+08:00",  # no seconds
            "2026-11-28T24:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-28T09:30:60Z",  # leap second
            "2026-11-28T09:30:00+24:00",
            "2026-11-28T09:30:00+0800",
            "0001-01-01T00:00:00+14:00",  # before year 1 in UTC
            "9999-12-31T23:59:59-14:00",  # after year 9999 in UTC
            "0000-01-01T00:00:00Z",
            "２０２６-11-28T09:30:00Z",  # full-width digits
            "2026-11-28T09:30:00Z\n",
            " 2026-11-28T09:30:00Z",
            "yesterday",
        ]
    ),
    st.text(max_size=30),
)
bad_dates = st.sampled_from(
    ["19550101", "1955-1-1", "1955-02-30", "0001-01-01", "9999-12-31", "1955-01-01T00:00:00Z"]
)
bad_templates = st.one_of(
    st.sampled_from(
        [
            base64.b64encode(bytes(511)).decode(),
            base64.b64encode(bytes(513)).decode(),
            base64.b64encode(bytes(200_000)).decode(),  # a huge template
            "",
            "not base64!",
            "üüüü",
            "QQ==QQ==",
            base64.b64encode(bytes(512)).decode()[:-1],
            base64.urlsafe_b64encode(b"\xff" * 512).decode(),
        ]
    ),
    st.text(max_size=12),
)
bad_periods = st.sampled_from(["weekly", "", "Monthly", "annual "])

# Field-specific hostility, used for half the mutations of a field of that name.
TARGETED: dict[str, st.SearchStrategy[Any]] = {
    "person_id": bad_person_ids,
    "template": bad_templates,
    "posted_at": bad_times,
    "expires_at": bad_times,
    "published_at": bad_times,
    "enrolled_at": bad_times,
    "last_certified_at": bad_times,
    "birth_date": bad_dates,
    "due_by": bad_dates,
    "paid_until": bad_dates,
    "period": bad_periods,
}

# --- pages -----------------------------------------------------------------------------------

FEEDS = list(Feed)
_WIRE: dict[Feed, Callable[[int], dict[str, Any]]] = {
    Feed.ROSTER: resident_wire,
    Feed.JOBS: job_wire,
    Feed.NOTICES: notice_wire,
}
_ID_KEY = {Feed.ROSTER: "person_id", Feed.JOBS: "job_id", Feed.NOTICES: "notice_id"}


def entity(feed: Feed, n: int) -> dict[str, Any]:
    return _WIRE[feed](n)


def entity_id(feed: Feed, n: int) -> str:
    return str(entity(feed, n)[_ID_KEY[feed]])


def item(feed: Feed, n: int) -> dict[str, Any]:
    return {"op": "upsert", feed.entity_key: entity(feed, n)}


def valid_page(feed: Feed, ns: list[int], cursor: str, has_more: bool = False) -> dict[str, Any]:
    return {"items": [item(feed, n) for n in ns], "next_cursor": cursor, "has_more": has_more}


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value (dict keys and list indices), the root excluded."""
    if isinstance(value, dict):
        children: Any = value.items()
    elif isinstance(value, list):
        children = enumerate(value)
    else:
        return []
    found: list[tuple[Any, ...]] = []
    for key, child in children:
        found.append((*prefix, key))
        found.extend(_paths(child, (*prefix, key)))
    return found


@st.composite
def mutated(draw: st.DrawFn, value: Any) -> Any:
    """`value` with one place replaced by something hostile, removed, or given an extra field."""
    value = copy.deepcopy(value)
    paths = _paths(value)
    if not paths:
        return draw(garbage)
    path = draw(st.sampled_from(paths))
    parent = value
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    action = draw(
        st.sampled_from(
            ["same_type", "same_type", "same_type", "targeted", "any", "remove", "extra"]
        )
    )
    if action == "remove":
        del parent[last]
    elif action == "extra":
        target = parent[last] if isinstance(parent[last], dict) else parent
        if isinstance(target, dict):
            target[draw(st.text(max_size=8))] = draw(garbage)
        else:
            target.append(draw(garbage))
    elif action == "targeted" and isinstance(last, str) and last in TARGETED:
        parent[last] = draw(TARGETED[last])
    elif action == "same_type":  # passes the type check: the deeper checks must hold
        parent[last] = draw(_same_type(parent[last]))
    else:
        parent[last] = draw(garbage)
    return value


hostile_ints = st.one_of(
    st.integers(),
    st.sampled_from([-1, 0, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**30, -(10**30), 10**4000]),
)
hostile_strings = st.one_of(surrogate_text, huge_text, st.text(max_size=30))


def _same_type(value: Any) -> st.SearchStrategy[Any]:
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return hostile_ints
    if isinstance(value, str):
        return hostile_strings
    if isinstance(value, list):
        return st.lists(garbage, max_size=3)
    return garbage


odd_ops = st.one_of(
    st.sampled_from(["UPSERT", "Delete", "insert", "update", "", " upsert", "upsert\x00"]),
    garbage.filter(lambda v: v not in ("upsert", "delete")),
)


@st.composite
def hostile_body(draw: st.DrawFn, feed: Feed) -> Any:
    """A page body (decoded JSON) that is wrong somewhere, or now and then right after all."""
    ns = draw(st.lists(st.integers(0, 30), max_size=3))
    page = valid_page(feed, ns, draw(st.text(max_size=10)), draw(st.booleans()))
    kind = draw(
        st.sampled_from(["entity", "entity", "entity", "item", "op", "envelope", "root", "dup"])
    )
    if kind == "entity":  # one item's entity is damaged somewhere
        bad = {
            "op": "upsert",
            feed.entity_key: draw(mutated(entity(feed, draw(st.integers(31, 40))))),
        }
        page["items"].insert(draw(st.integers(0, len(page["items"]))), bad)
    elif kind == "item":  # the item object itself
        bad_item = draw(mutated(item(feed, 41)))
        page["items"].insert(draw(st.integers(0, len(page["items"]))), bad_item)
    elif kind == "op":
        if draw(st.booleans()):
            bad_item = {"op": draw(odd_ops), feed.entity_key: entity(feed, 42)}
        else:
            bad_item = {
                "op": "delete",
                "id": draw(garbage.filter(lambda v: not isinstance(v, str)) | surrogate_text),
            }
        page["items"].insert(draw(st.integers(0, len(page["items"]))), bad_item)
    elif kind == "envelope":  # items / next_cursor / has_more, or an extra key
        page = draw(mutated(page).filter(lambda p: isinstance(p, dict)))
        key = draw(st.sampled_from(["items", "next_cursor", "has_more", None]))
        if key is not None:
            page[key] = draw(garbage)
    elif kind == "root":
        return draw(garbage.filter(lambda v: not isinstance(v, dict)))
    else:  # the same ids several times in one page (valid: the last one wins)
        page["items"] = page["items"] * 2 + [{"op": "delete", "id": entity_id(feed, n)} for n in ns]
    return page


# --- the store -------------------------------------------------------------------------------

DIGESTED = {
    "residents": "person_id",
    "fingerprints": "person_id, finger",
    "jobs": "job_id",
    "notices": "notice_id",
    "feed_cursors": "feed",
    "outbox": "seq",
    "local_certifications": "person_id, benefit",
}


def digest(store: Store) -> dict[str, tuple[int, str]]:
    """Row count and SHA-256 of every row, per table the feeds (and the outbox) live in."""
    out = {}
    for table, order in DIGESTED.items():
        rows = store.connection.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
        out[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return out


def outbox_rows(store: Store) -> list[tuple[Any, ...]]:
    return store.connection.execute("SELECT * FROM outbox ORDER BY seq").fetchall()


def to_json_bytes(body: Any) -> bytes | None:
    """The body as the platform would send it (surrogates as \\u escapes, NaN as `NaN`), or None
    when Python cannot write it (an integer of more than 4300 digits)."""
    try:
        return json.dumps(body, allow_nan=True).encode()
    except ValueError:
        return None
