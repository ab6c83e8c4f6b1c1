"""Issue 11, findings 6-10: the reference server under hostile or broken input, over real HTTP.

6 body size limited while reading; 7 one bad transaction is rejected alone and nothing answers 5xx;
8 transaction ids belong to their terminal; 9 certifications and statements are checked against the
roster; 10 an unknown terminal and a wrong signature get the same answer.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import requests

from county_platform.server import MAX_BODY_BYTES
from county_platform.signing import signature
from county_platform.store import Feed
from tests.fixtures.county import OTHER_TOWNSHIP, CountyServer

TX_PATH = "/api/v1/transactions"
MB = 1024 * 1024
MAX_GROWTH_KB = 50 * 1024
UPLOAD_TIMEOUT_S = 120.0


def _peak_rss_kb(pid: int) -> int:
    """VmHWM: the highest resident set size the process has had (so a freed buffer still shows)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise AssertionError("no VmHWM in /proc status")


def _assert_error(response: requests.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["error"] == code and isinstance(body["detail"], str) and body["detail"], body
    return body


def _residents(server: CountyServer, township: str) -> list[str]:
    with server.store() as store:
        return store.entity_ids(Feed.ROSTER, township)


def rating(tx_id: str | None = None, score: int = 4) -> dict[str, Any]:
    return {
        "id": tx_id or str(uuid.uuid4()), "kind": "rating", "seq": 1,
        "occurred_at": "2026-11-28T09:30:00+08:00", "payload": {"service": "jobs", "score": score},
    }  # fmt: skip


def certification(person_id: str, tx_id: str | None = None) -> dict[str, Any]:
    return {
        "id": tx_id or str(uuid.uuid4()), "kind": "certification", "person_id": person_id,
        "occurred_at": "2026-11-28T10:02:11+08:00",
        "payload": {"benefit": "pension", "method": "fingerprint", "result": "passed",
                    "score": 131, "attempts": 2, "finger": "right_index"},
    }  # fmt: skip


def statement(person_id: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()), "kind": "statement_print", "person_id": person_id,
        "occurred_at": "2026-11-28T10:05:00+08:00",
        "payload": {"document": "contribution_statement", "verification_code": "7K3Q-9XPA",
                    "pages": 2, "printed": True},
    }  # fmt: skip


def post_raw(server: CountyServer, body: bytes, terminal_id: str | None = None,
             secret: bytes | None = None) -> requests.Response:  # fmt: skip
    ts = str(int(time.time()))
    headers = {
        "X-Terminal-Id": terminal_id or server.terminal_id,
        "X-Timestamp": ts,
        "X-Signature": signature(secret or server.secret, "POST", TX_PATH, ts, body),
        "Content-Type": "application/json",
    }
    return requests.post(server.url + TX_PATH, data=body, headers=headers, timeout=30)


def results_of(response: requests.Response) -> dict[str, tuple[str, str]]:
    assert response.status_code == 200, response.text[:500]
    return {r["id"]: (r["status"], r.get("error", "")) for r in response.json()["results"]}


# --- finding 6: the body limit is enforced while reading ----------------------------------------


def _zeros(total: int, chunk: int = MB) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        size = min(chunk, total - sent)
        sent += size
        yield b"0" * size


class _LazyBody:
    """A body of `size` bytes that requests sends with Content-Length, made while it is sent."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._left = size

    def __len__(self) -> int:
        return self._size

    def read(self, n: int = -1) -> bytes:
        n = self._left if n is None or n < 0 else min(n, self._left)
        self._left -= n
        return b"0" * n


def test_a_huge_unsigned_chunked_upload_is_refused_without_holding_it(
    county_server: CountyServer,
) -> None:
    pid = county_server.process.pid
    before = _peak_rss_kb(pid)
    responses: list[requests.Response] = []

    def upload() -> None:
        responses.append(
            requests.post(
                county_server.url + TX_PATH,
                data=_zeros(100 * MB),
                headers={"Content-Type": "application/json"},
                timeout=UPLOAD_TIMEOUT_S,
            )
        )

    threads = [threading.Thread(target=upload) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(UPLOAD_TIMEOUT_S)
    assert len(responses) == 3
    for response in responses:
        assert response.request.headers.get("Transfer-Encoding") == "chunked"
        _assert_error(response, 413, "batch_too_large")
    growth = _peak_rss_kb(pid) - before
    assert growth < MAX_GROWTH_KB, f"the server grew by {growth} kB for 3 x 100 MB uploads"
    assert county_server.request("GET", "/api/v1/notices").status_code == 200  # still serving


def test_a_200_mb_chunked_upload_gets_413_and_the_server_does_not_grow(
    county_server: CountyServer,
) -> None:
    pid = county_server.process.pid
    before = _peak_rss_kb(pid)
    response = requests.post(county_server.url + TX_PATH, data=_zeros(200 * MB),
                             headers={"Content-Type": "application/json"},
                             timeout=UPLOAD_TIMEOUT_S)  # fmt: skip
    _assert_error(response, 413, "batch_too_large")
    growth = _peak_rss_kb(pid) - before
    assert growth < MAX_GROWTH_KB, f"the server grew by {growth} kB for a 200 MB upload"


def test_a_signed_50_mb_body_with_content_length_is_refused_before_reading_it(
    county_server: CountyServer,
) -> None:
    size = 50 * MB
    digest = hashlib.sha256()
    for chunk in _zeros(size):
        digest.update(chunk)
    ts = str(int(time.time()))
    canonical = f"POST\n{TX_PATH}\n{ts}\n{digest.hexdigest()}".encode()
    headers = {
        "X-Terminal-Id": county_server.terminal_id, "X-Timestamp": ts,
        "X-Signature": hmac.new(county_server.secret, canonical, hashlib.sha256).hexdigest(),
        "Content-Type": "application/json",
    }  # fmt: skip
    pid = county_server.process.pid
    before = _peak_rss_kb(pid)
    response = requests.post(county_server.url + TX_PATH, data=_LazyBody(size), headers=headers,
                             timeout=UPLOAD_TIMEOUT_S)  # fmt: skip
    assert response.request.headers["Content-Length"] == str(size)
    _assert_error(response, 413, "batch_too_large")
    growth = _peak_rss_kb(pid) - before
    assert growth < MAX_GROWTH_KB, f"the server grew by {growth} kB for a 50 MB body"


def test_500_of_the_largest_transactions_the_kiosk_makes_fit_under_the_limit(
    county_server: CountyServer,
) -> None:
    # The kiosk's biggest transaction: a maintenance record with a 500-character detail
    # (kiosk/core/maintenance_audit.py MAX_DETAIL_CHARS), here of characters that JSON escapes.
    detail = "\x01" * 500
    batch = [
        {"id": str(uuid.uuid4()), "kind": "maintenance", "seq": 2**62 + i,
         "occurred_at": "2026-11-28T09:30:00.123456+08:00",
         "payload": {"action": "paper_refilled_and_printer_head_cleaned", "detail": detail}}
        for i in range(500)
    ]  # fmt: skip
    body = json.dumps({"transactions": batch}, ensure_ascii=False).encode()
    assert 1.5 * MB < len(body) < MAX_BODY_BYTES / 2  # at least twice the worst case fits
    got = results_of(post_raw(county_server, body))
    assert {status for status, _ in got.values()} == {"accepted"} and len(got) == 500
    over = body + b" " * (MAX_BODY_BYTES - len(body) + 1)
    _assert_error(post_raw(county_server, over), 413, "batch_too_large")


# --- finding 7: one bad transaction is rejected alone; no 5xx ----------------------------------


def _spliced(batch: list[Any], raw: dict[str, str]) -> bytes:
    """JSON of `batch` with each placeholder string replaced by raw JSON text."""
    text = json.dumps({"transactions": batch})  # ensure_ascii: lone surrogates become \udXXX
    for placeholder, replacement in raw.items():
        text = text.replace(json.dumps(placeholder), replacement)
    return text.encode()


def test_bad_values_reject_only_their_transaction(county_server: CountyServer) -> None:
    good = [rating(), rating(), certification(_residents(county_server, county_server.township)[0])]
    nested: dict[str, list[Any]] = {"a": []}
    inner: list[Any] = nested["a"]
    for _ in range(200):
        inner.append([])
        inner = inner[0]
    bad = {
        "surrogate in payload": dict(rating(), payload={"service": "jobs", "score": 4,
                                                        "note": "a\ud800b"}),
        "surrogate key": dict(rating(), payload={"service": "jobs", "score": 4, "\udfff": 1}),
        "seq 2**70": dict(rating(), seq=2**70),
        "5000 digits": dict(rating(), payload={"service": "jobs", "score": "@BIG@"}),
        "5000 digits extra": dict(rating(), payload={"service": "jobs", "score": 3,
                                                     "n": "@BIG@"}),
        "NaN": dict(rating(), payload={"service": "jobs", "score": 3, "x": float("nan")}),
        "Infinity": dict(rating(), payload={"service": "jobs", "score": 3, "x": float("inf")}),
        "1e400": dict(rating(), payload={"service": "jobs", "score": 3, "x": "@HUGE@"}),
        "deep": dict(rating(), payload={"service": "jobs", "score": 3, "x": nested}),
        "fullwidth digits": dict(rating(), occurred_at="２０２６-11-28T09:30:00+08:00"),
        "trailing newline": dict(rating(), occurred_at="2026-11-28T09:30:00+08:00\n"),
    }  # fmt: skip
    surrogate_id = dict(rating(), id="\ud83d-not-a-uuid")
    no_id = {"kind": "rating", "payload": {}}
    body = _spliced([*good, *bad.values(), surrogate_id, no_id, 7],
                    {"@BIG@": "9" * 5000, "@HUGE@": "1e400"})  # fmt: skip
    response = post_raw(county_server, body)
    got = results_of(response)
    assert len(response.json()["results"]) == len(good) + len(bad) + 3
    for tx in good:
        assert got[tx["id"]] == ("accepted", "")
    for name, tx in bad.items():
        status, error = got[tx["id"]]
        assert status == "rejected" and error, name
    assert got[surrogate_id["id"]][0] == "rejected"
    nameless = [r for r in response.json()["results"] if r["id"] == ""]
    assert len(nameless) == 2 and all(r["status"] == "rejected" for r in nameless)
    assert sorted(county_server.accepted_ids()) == sorted(t["id"] for t in good)
    again = results_of(post_raw(county_server, body))
    assert all(again[tx["id"]] == ("duplicate", "") for tx in good)


def test_unparseable_or_too_deep_bodies_are_one_bad_request(county_server: CountyServer) -> None:
    deep = b'{"transactions": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}"
    for body in (deep, b'{"transactions": [', b"\xed\xa0\x80", b'{"transactions": NaN}',
                 b"\xef\xbb\xbf{}"):  # fmt: skip
        _assert_error(post_raw(county_server, body), 400, "bad_request")
    assert county_server.accepted_ids() == []


def _cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_bad_limits_and_cursors_are_bad_requests(county_server: CountyServer) -> None:
    with county_server.store() as store:
        log_id = store.log_id
    for query in (
        "limit=%C2%B2", "limit=" + "9" * 5000, "limit=%EF%BC%91", "limit=1e3",
        "cursor=" + _cursor(f"c1:{log_id}:roster:²"),
        "cursor=" + _cursor(f"c1:{log_id}:roster:" + "7" * 5000),
        "cursor=" + _cursor(f"c1:{log_id}:roster:{2**70}"),
        "cursor=%F0%9F%98%80",
    ):  # fmt: skip
        _assert_error(county_server.request("GET", "/api/v1/roster?" + query), 400, "bad_request")


def test_a_malformed_but_signed_timestamp_is_refused_without_error(
    county_server: CountyServer,
) -> None:
    for ts in ("²", "9" * 5000, "-5", "1.5e9"):
        headers = {
            "X-Terminal-Id": county_server.terminal_id, "X-Timestamp": ts,
            "X-Signature": signature(county_server.secret, "GET", "/api/v1/jobs", ts, b""),
        }  # fmt: skip
        response = requests.get(county_server.url + "/api/v1/jobs", headers=headers, timeout=10)
        _assert_error(response, 401, "bad_signature")


# --- finding 8: a transaction id is the terminal's own -----------------------------------------


def test_the_same_id_from_two_terminals_is_two_transactions(county_server: CountyServer) -> None:
    other_id, other_secret = "T-320102001-004", b"the other terminal's secret"
    with county_server.store() as store:
        store.register_terminal(other_id, county_server.township, other_secret)
    tx_id = str(uuid.uuid4())
    mine = rating(tx_id, score=5)
    theirs = rating(tx_id, score=1)
    assert results_of(post_raw(county_server, json.dumps({"transactions": [mine]}).encode())) == {
        tx_id: ("accepted", "")
    }
    body = json.dumps({"transactions": [theirs]}).encode()
    assert results_of(post_raw(county_server, body, other_id, other_secret)) == {
        tx_id: ("accepted", "")
    }
    assert results_of(post_raw(county_server, body, other_id, other_secret)) == {
        tx_id: ("duplicate", "")
    }
    stored = {(t.terminal_id, t.id): t.payload["score"] for t in county_server.accepted()}
    assert stored == {(county_server.terminal_id, tx_id): 5, (other_id, tx_id): 1}


# --- finding 9: certifications and statements are checked against the roster ------------------


def test_certifications_and_statements_need_a_resident_of_the_township(
    county_server: CountyServer,
) -> None:
    own = _residents(county_server, county_server.township)
    foreign = _residents(county_server, OTHER_TOWNSHIP)[0]
    with county_server.store() as store:
        store.delete(Feed.ROSTER, own[1])
    wrong_check = own[2][:17] + ("1" if own[2][17] != "1" else "2")
    cases = {
        "ok": (certification(own[0]), "accepted"),
        "ok statement": (statement(own[0]), "accepted"),
        "other township": (certification(foreign), "other_township"),
        "other township statement": (statement(foreign), "other_township"),
        "deleted": (certification(own[1]), "unknown_resident"),
        "unknown": (certification("11010519491231002X"), "unknown_resident"),
        "zeros": (certification("000000000000000000"), "bad_person_id"),
        "check digit": (certification(wrong_check), "bad_person_id"),
        "no such day": (statement("110105194902300012"), "bad_person_id"),
    }
    got = results_of(
        post_raw(county_server, json.dumps({"transactions": [tx for tx, _ in cases.values()]})
                 .encode())
    )  # fmt: skip
    for name, (tx, expected) in cases.items():
        status, error = got[tx["id"]]
        if expected == "accepted":
            assert (status, error) == ("accepted", ""), name
        else:
            assert status == "rejected" and error.startswith(expected + ":"), (name, error)
            assert tx["person_id"] not in error  # the reason names no citizen number
    assert len(county_server.accepted_ids()) == 2


# --- finding 10: no terminal enumeration ---------------------------------------------------------


def test_unknown_terminal_and_wrong_signature_look_the_same(county_server: CountyServer) -> None:
    s = county_server
    answers = [
        s.request("GET", "/api/v1/roster", terminal_id="T-999999999-001"),
        s.request("GET", "/api/v1/roster", secret=b"not the secret"),
        s.request("POST", TX_PATH, {"transactions": [rating()]}, terminal_id="T-999999999-001"),
        s.request("POST", TX_PATH, {"transactions": [rating()]}, secret=b"not the secret"),
        requests.get(f"{s.url}/api/v1/roster", timeout=5),
        requests.get(f"{s.url}/api/v1/roster", headers={"X-Terminal-Id": s.terminal_id}, timeout=5),
    ]
    bodies = [_assert_error(r, 401, "bad_signature") for r in answers]
    assert all(body == bodies[0] for body in bodies), bodies
    assert set(bodies[0]) == {"error", "detail"}
    log = (s.db.parent / "server.log").read_text(errors="replace")
    assert "T-999999999-001" in log and "not registered" in log  # the real reason, server-side
    assert "signature does not match" in log


def test_an_unexpected_failure_is_the_contract_s_json_500(county_server: CountyServer) -> None:
    with sqlite3.connect(county_server.db) as conn:  # the database breaks under the server
        conn.execute("ALTER TABLE transactions RENAME TO transactions_gone")
    response = county_server.request("POST", TX_PATH, {"transactions": [rating()]})
    body = _assert_error(response, 500, "unavailable")
    assert set(body) == {"error", "detail"} and "transactions" not in body["detail"]
    assert county_server.request("GET", "/api/v1/jobs").status_code == 200  # the rest still works
