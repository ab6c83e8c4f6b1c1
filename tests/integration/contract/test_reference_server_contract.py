"""The reference county server's answers validate against the county interface: health, every
page of the three feeds, transaction results and the error bodies it can produce."""

from __future__ import annotations

import time
import uuid
from typing import Any

import requests

from county_platform.store import Feed
from tests.contract import openapi
from tests.fixtures.county import CountyServer
from tests.unit.offline_cache.factories import person_id

FEEDS = ("roster", "jobs", "notices")
SMALL_PAGE = 7  # several pages even for a small township


def _valid(response: requests.Response, path: str, method: str = "GET") -> dict[str, Any]:
    body = response.json()
    v = openapi.response_validator(path, method, response.status_code)
    assert openapi.errors_of(v, body) == [], (response.status_code, body)
    assert isinstance(body, dict)
    return body


def _error(
    response: requests.Response, path: str, status: int, code: str, method: str = "GET"
) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = _valid(response, path, method)
    assert body["error"] == code
    assert isinstance(body.get("detail"), str) and body["detail"], body
    return body


def test_health_matches_the_contract(county_server: CountyServer) -> None:
    response = requests.get(county_server.url + "/api/v1/health", timeout=10)
    assert response.status_code == 200
    assert _valid(response, "/api/v1/health")["status"] == "ok"


def test_every_feed_page_matches_the_contract(county_server: CountyServer) -> None:
    with county_server.store() as store:  # a deletion in each feed, so both item shapes occur
        for feed in Feed:
            store.delete(
                feed, (store.entity_ids(feed, county_server.township) or store.entity_ids(feed))[0]
            )
    for name in FEEDS:
        path = f"/api/v1/{name}"
        cursor, pages, items = None, 0, 0
        while True:
            query = f"?limit={SMALL_PAGE}" + (f"&cursor={cursor}" if cursor else "")
            response = county_server.request("GET", path + query)
            assert response.status_code == 200, response.text
            page = _valid(response, path)
            pages, items = pages + 1, items + len(page["items"])
            assert len(page["items"]) <= SMALL_PAGE
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
        assert items > 0, name
        if name == "roster":
            assert pages > 1


def test_transaction_results_match_the_contract(county_server: CountyServer) -> None:
    path = "/api/v1/transactions"
    good = {
        "id": str(uuid.uuid4()),
        "kind": "rating",
        "seq": 1,
        "occurred_at": "2026-11-28T09:30:00+08:00",
        "payload": {"service": "jobs", "score": 4},
    }
    unknown_person = {  # well-formed, but not a resident of this township: rejected
        "id": str(uuid.uuid4()),
        "kind": "certification",
        "seq": 2,
        "person_id": person_id(999, "19400101"),
        "occurred_at": "2026-11-28T09:31:00+08:00",
        "payload": {"benefit": "pension", "method": "fingerprint", "result": "passed",
                    "score": 120, "attempts": 1},
    }  # fmt: skip
    for _ in range(2):  # accepted, then duplicate
        response = county_server.request("POST", path, {"transactions": [good, unknown_person]})
        assert response.status_code == 200, response.text
        results = _valid(response, path, "POST")["results"]
        assert {r["id"] for r in results} == {good["id"], unknown_person["id"]}
    statuses = {r["id"]: r for r in results}
    assert statuses[good["id"]]["status"] == "duplicate"
    assert statuses[unknown_person["id"]]["status"] in ("rejected", "accepted", "duplicate")


def test_error_bodies_match_the_contract(county_server: CountyServer) -> None:
    tx_path = "/api/v1/transactions"
    _error(county_server.request("GET", "/api/v1/jobs", secret=b"wrong"), "/api/v1/jobs", 401,
           "bad_signature")  # fmt: skip
    _error(  # the reference server does not tell an unknown terminal apart (issue 11)
        county_server.request("GET", "/api/v1/jobs", terminal_id="T-999999999-999"),
        "/api/v1/jobs",
        401,
        "bad_signature",
    )
    skew = _error(
        county_server.request("GET", "/api/v1/roster", timestamp=int(time.time()) - 7200),
        "/api/v1/roster",
        401,
        "clock_skew",
    )
    assert "server_time" in skew
    _error(county_server.request("POST", tx_path, {"transactions": []}), tx_path, 400,
           "bad_request", "POST")  # fmt: skip
    too_many = [
        {"id": str(uuid.uuid4()), "kind": "rating", "seq": i + 1,
         "occurred_at": "2026-11-28T09:30:00+08:00", "payload": {"service": "jobs", "score": 1}}
        for i in range(501)
    ]  # fmt: skip
    _error(county_server.request("POST", tx_path, {"transactions": too_many}), tx_path, 413,
           "batch_too_large", "POST")  # fmt: skip
    first = county_server.request("GET", "/api/v1/notices?limit=1").json()
    county_server.compact(Feed.NOTICES)
    _error(
        county_server.request("GET", f"/api/v1/notices?cursor={first['next_cursor']}"),
        "/api/v1/notices",
        410,
        "cursor_expired",
    )
