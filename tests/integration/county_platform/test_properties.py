"""Property-based tests of the reference server over real HTTP (issue 11): generated bodies,
headers and query strings, signed with the registered terminal's secret where the point is to get
past authentication. Whatever is sent: no 5xx, every answer is JSON that matches the contract's
schema for its status, and valid transactions mixed with garbage ones are always stored (accepted,
then `duplicate` when sent again).

One server for the module (hypothesis runs each test many times); every valid transaction gets a
fresh uuid4 at run time, so no example can see another's transaction as a duplicate.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import quote

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from county_platform.signing import signature
from county_platform.store import Feed
from tests.contract import openapi
from tests.fixtures.county import CountyServer, start_county_server, stop_county_server

TX_PATH = "/api/v1/transactions"
FEED_PATHS = ("/api/v1/roster", "/api/v1/jobs", "/api/v1/notices")
HTTP_TIMEOUT_S = 30.0
PROPERTY = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@dataclass
class Target:
    server: CountyServer
    session: requests.Session
    residents: list[str]  # of the terminal's township


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    server = start_county_server(tmp_path_factory.mktemp("county-properties"))
    try:
        with server.store() as store:
            residents = store.entity_ids(Feed.ROSTER, server.township)
        with requests.Session() as session:
            yield Target(server, session, residents)
    finally:
        stop_county_server(server)


# --- sending and checking ---------------------------------------------------------------------


def send(
    t: Target,
    method: str,
    path_with_query: str,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> requests.Response:
    """Signed as the registered terminal unless `headers` are given; the signature covers the
    path exactly as requests puts it on the wire."""
    prepared = requests.Request(method, t.server.url + path_with_query, data=body).prepare()
    if headers is None:
        ts = str(int(time.time()))
        headers = {
            "X-Terminal-Id": t.server.terminal_id,
            "X-Timestamp": ts,
            "X-Signature": signature(t.server.secret, method, prepared.path_url, ts, body),
        }
    prepared.headers.update(headers)
    if body:
        prepared.headers["Content-Type"] = "application/json"
    return t.session.send(prepared, timeout=HTTP_TIMEOUT_S)


def checked(response: requests.Response, path: str, method: str, allowed: set[int]) -> Any:
    """The answer's JSON, after checking its status and its schema in the contract."""
    status = response.status_code
    assert status < 500, (status, response.text[:500])
    assert status in allowed, (status, response.text[:500])
    documented = openapi.document()["paths"][path][method.lower()]["responses"]
    assert str(status) in documented, f"{method} {path} answered an undocumented {status}"
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    errors = openapi.errors_of(openapi.response_validator(path, method, status), body)
    assert errors == [], (status, body, errors)
    if status >= 400:
        assert isinstance(body.get("detail"), str) and body["detail"], body
    return body


# --- JSON text, including what Python's json module would refuse to write ------------------------


class Raw(str):
    """JSON text spliced in as it is (numbers json.dumps cannot or will not produce)."""


RAW_TOKENS = st.sampled_from([
    "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "9" * 5000, "-" + "7" * 400,
    str(2**63), str(-(2**63) - 1), str(2**70), "1E2", "-0", "0.0", "1e-400",
    "[" * 40 + "]" * 40, '{"a":' * 40 + "1" + "}" * 40,
]).map(Raw)  # fmt: skip
SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
NASTY_TEXT = st.one_of(
    st.text(max_size=30),
    st.builds(lambda a, s, b: a + s + b, st.text(max_size=5), SURROGATES, st.text(max_size=5)),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=True, allow_infinity=True),
    NASTY_TEXT,
    RAW_TOKENS,
)
GARBAGE = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(NASTY_TEXT, inner, max_size=4)
    ),
    max_leaves=12,
)


def dump(value: Any, ascii_only: bool = True) -> str:
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, dict):
        items = (f"{json.dumps(k)}:{dump(v, ascii_only)}" for k, v in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dump(v, ascii_only) for v in value) + "]"
    if isinstance(value, str) and not ascii_only:
        try:
            value.encode("utf-8")
            return json.dumps(value, ensure_ascii=False)
        except UnicodeEncodeError:
            pass
    return json.dumps(value)  # escapes lone surrogates; NaN and Infinity as Python writes them


# --- valid transactions (the contract's schemas, with this township's residents) ---------------

OFFSETS = st.sampled_from([0, 8 * 60, -5 * 60, 5 * 60 + 30, 14 * 60, -12 * 60, 45])
MOMENTS = st.builds(
    lambda moment, offset, micro: moment.replace(
        tzinfo=timezone(timedelta(minutes=offset))
    ).isoformat(timespec="microseconds" if micro else "seconds"),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31)),
    OFFSETS,
    st.booleans(),
)
PLAIN_TEXT = st.text(max_size=40)  # hypothesis' text has no surrogates
PAYLOADS = {
    "certification": st.fixed_dictionaries(
        {
            "benefit": st.sampled_from(["pension", "unemployment"]),
            "method": st.just("fingerprint"),
            "result": st.sampled_from(["passed", "failed"]),
            "score": st.integers(0, 2**63 - 1),
            "attempts": st.integers(1, 2**63 - 1),
        },
        optional={"finger": PLAIN_TEXT},
    ),
    "statement_print": st.fixed_dictionaries(
        {
            "document": st.sampled_from(["contribution_statement", "certification_receipt"]),
            "verification_code": st.text(min_size=8, max_size=64),
            "pages": st.integers(1, 2**63 - 1),
            "printed": st.booleans(),
        },
        optional={"printer_error": PLAIN_TEXT},
    ),
    "job_interest": st.fixed_dictionaries(
        {"job_id": PLAIN_TEXT}, optional={"phone": st.from_regex(r"\A1[0-9]{10}\Z")}
    ),
    "rating": st.fixed_dictionaries(
        {
            "service": st.sampled_from(
                ["certification", "statement", "benefits", "jobs", "notices"]
            ),
            "score": st.integers(1, 5),
        }
    ),
    "maintenance": st.fixed_dictionaries({"action": PLAIN_TEXT}, optional={"detail": PLAIN_TEXT}),
}
EXTRA = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-(2**63), 2**63 - 1),
              st.floats(allow_nan=False, allow_infinity=False), PLAIN_TEXT),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(PLAIN_TEXT, inner, max_size=3),
    max_leaves=6,
)  # fmt: skip


@st.composite
def valid_transactions(draw: st.DrawFn, residents: list[str]) -> dict[str, Any]:
    """A transaction the platform must accept; `id` is filled in at send time."""
    kind = draw(st.sampled_from(sorted(PAYLOADS)))
    tx: dict[str, Any] = {
        "kind": kind,
        "occurred_at": draw(MOMENTS),
        "payload": draw(PAYLOADS[kind]),
    }
    if kind in ("certification", "statement_print") or draw(st.booleans()):
        tx["person_id"] = draw(st.sampled_from(residents))
    if draw(st.booleans()):
        tx["seq"] = draw(st.integers(1, 2**63 - 1))
    if draw(st.booleans()):
        tx["payload"]["note"] = draw(EXTRA)  # extra fields are tolerated
    if draw(st.booleans()):
        tx["from_a_newer_kiosk"] = draw(EXTRA)
    return tx


@st.composite
def garbage_transactions(draw: st.DrawFn, residents: list[str]) -> Any:
    """Anything at all in a transaction's place: a random value, or a valid transaction with one
    field removed or replaced by a random value (which may happen to be valid still)."""
    if draw(st.booleans()):
        return draw(GARBAGE)
    tx = draw(valid_transactions(residents))
    where = tx if draw(st.booleans()) else tx["payload"]
    key = draw(st.sampled_from(sorted({*where, "id", "seq", "person_id"})))
    if draw(st.booleans()):
        where.pop(key, None)
    else:
        where[key] = draw(GARBAGE)
    if "id" not in tx:
        how = draw(st.sampled_from(["fresh", "fresh", "garbage", "missing"]))
        if how != "missing":
            tx["id"] = "fresh" if how == "fresh" else draw(GARBAGE)
    return tx


def fresh_id(upper: bool) -> str:
    text = str(uuid.uuid4())
    return text.upper() if upper else text


# --- the properties ---------------------------------------------------------------------------


@PROPERTY
@given(data=st.data())
def test_valid_transactions_among_garbage_are_always_stored(target: Target, data: Any) -> None:
    valid = data.draw(st.lists(valid_transactions(target.residents), min_size=1, max_size=6))
    garbage = data.draw(st.lists(garbage_transactions(target.residents), max_size=6))
    for tx in valid:
        tx["id"] = fresh_id(data.draw(st.booleans()))
    for tx in garbage:
        if isinstance(tx, dict) and tx.get("id") == "fresh":
            tx["id"] = str(uuid.uuid4())
    batch = data.draw(st.permutations([*valid, *garbage]))
    body = dump({"transactions": batch}, ascii_only=data.draw(st.booleans())).encode()
    for expected in ("accepted", "duplicate"):
        answer = checked(send(target, "POST", TX_PATH, body), TX_PATH, "POST", {200})
        results = answer["results"]
        assert len(results) == len(batch)
        by_id = {r["id"]: r for r in results}
        for tx in valid:
            assert by_id[tx["id"]]["status"] == expected, (by_id[tx["id"]], tx)
            assert "error" not in by_id[tx["id"]]
        for r in results:
            assert (r["status"] == "rejected") == bool(r.get("error")), r


BODIES = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(str.encode),
    GARBAGE.map(lambda v: dump(v).encode()),
    st.lists(GARBAGE, max_size=5).map(lambda v: dump({"transactions": v}).encode()),
    st.dictionaries(NASTY_TEXT, GARBAGE, max_size=3).map(lambda v: dump(v).encode()),
    st.builds(lambda n: b'{"transactions": ' + b"[" * n + b"]" * n + b"}", st.integers(1, 3000)),
)


@PROPERTY
@given(body=BODIES)
def test_any_signed_body_gets_a_contract_answer(target: Target, body: bytes) -> None:
    answer = checked(send(target, "POST", TX_PATH, body), TX_PATH, "POST", {200, 400, 413})
    if "results" in answer:
        assert all(r["status"] in ("accepted", "duplicate", "rejected") for r in answer["results"])


HEADER_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x21, max_codepoint=0xFF, exclude_categories=["Cc"]),
    max_size=40,
)


@PROPERTY
@given(
    path=st.sampled_from([*FEED_PATHS, TX_PATH]),
    terminal=st.one_of(st.none(), st.just("registered"), HEADER_TEXT),
    timestamp=st.one_of(
        st.none(),
        HEADER_TEXT,
        st.integers(-(10**13), 10**13).map(str),
        st.integers(-400, 400).map(lambda off: str(int(time.time()) + off)),
    ),
    signing=st.sampled_from(["none", "correct", "random", "wrong secret"]),
    random_signature=HEADER_TEXT,
)
def test_any_headers_get_a_contract_answer(
    target: Target,
    path: str,
    terminal: str | None,
    timestamp: str | None,
    signing: str,
    random_signature: str,
) -> None:
    method = "POST" if path == TX_PATH else "GET"
    body = b'{"transactions": [{"id": "x"}]}' if method == "POST" else b""
    terminal_id = target.server.terminal_id if terminal == "registered" else terminal
    headers = {}
    if terminal_id is not None:
        headers["X-Terminal-Id"] = terminal_id
    if timestamp is not None:
        headers["X-Timestamp"] = timestamp
    if signing != "none":
        secret = b"not the secret" if signing == "wrong secret" else target.server.secret
        headers["X-Signature"] = (
            random_signature
            if signing == "random"
            else signature(secret, method, path, timestamp or "", body)
        )
    answer = checked(send(target, method, path, body, headers), path, method, {200, 401})
    signed_right = terminal == "registered" and signing == "correct"
    if not signed_right or timestamp is None or not timestamp.isascii():
        assert answer["error"] == "bad_signature", answer
        assert set(answer) == {"error", "detail"}  # nothing tells which part was wrong
    elif "error" in answer:
        assert answer["error"] in ("bad_signature", "clock_skew"), answer
        if answer["error"] == "clock_skew":
            assert abs(int(timestamp) - time.time()) > 290 and "server_time" in answer


QUERY_TEXT = st.one_of(
    st.text(max_size=30),
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["²", "１", "1e3", " 5", "5 ", "0x10", "٣", "9" * 2000, ""]),
)


@PROPERTY
@given(
    path=st.sampled_from(FEED_PATHS),
    params=st.lists(
        st.tuples(st.sampled_from(["limit", "cursor", "other"]), QUERY_TEXT), max_size=3
    ),
    real_cursor=st.booleans(),
    cursor_tail=st.text(max_size=4),
)
def test_any_query_gets_a_contract_answer(
    target: Target,
    path: str,
    params: list[tuple[str, str]],
    real_cursor: bool,
    cursor_tail: str,
) -> None:
    if real_cursor:
        page = checked(send(target, "GET", path + "?limit=1"), path, "GET", {200})
        params = [*params, ("cursor", page["next_cursor"] + cursor_tail)]
    query = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in params)
    response = send(target, "GET", path + ("?" + query if query else ""))
    answer = checked(response, path, "GET", {200, 400, 410})
    if response.status_code == 200:
        assert isinstance(answer["items"], list)
