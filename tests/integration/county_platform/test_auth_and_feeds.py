"""The reference server over real HTTP: authentication, feeds, scoping, paging and expiry."""

import subprocess
import sys
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import pytest
import requests

from county_platform.store import Feed
from tests.fixtures.county import OTHER_RESIDENTS, OTHER_TOWNSHIP

RESIDENT_FIELDS = {
    "person_id", "name", "gender", "birth_date", "card_number", "township_code", "benefits",
    "fingerprints", "contributions", "version",
}  # fmt: skip


def error_of(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == code
    assert body["detail"]
    return body


def pull(server, feed, limit=None, cursor=None):
    """Follow a feed to its end; returns (items, final cursor, pages)."""
    items, pages = [], 0
    while True:
        query = [f"limit={limit}"] if limit else []
        if cursor:
            query.append(f"cursor={cursor}")
        path = f"/api/v1/{feed}" + ("?" + "&".join(query) if query else "")
        response = server.request("GET", path)
        assert response.status_code == 200, response.text
        page = response.json()
        assert set(page) == {"items", "next_cursor", "has_more"}
        items += page["items"]
        cursor, pages = page["next_cursor"], pages + 1
        if not page["has_more"]:
            return items, cursor, pages


def test_health_needs_no_signature_and_reports_the_clock(county_server):
    response = requests.get(f"{county_server.url}/api/v1/health", timeout=5)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    server_time = datetime.fromisoformat(body["server_time"])
    assert server_time.utcoffset() is not None
    assert abs((server_time - datetime.now(UTC)).total_seconds()) < 60
    assert parsedate_to_datetime(response.headers["Date"]).tzinfo is not None


def test_authentication_failures(county_server):
    s = county_server
    # an unknown terminal is not told apart from a wrong signature (issue 11, finding 10)
    error_of(s.request("GET", "/api/v1/roster", terminal_id="T-999999999-001"), 401,
             "bad_signature")  # fmt: skip
    error_of(s.request("GET", "/api/v1/roster", secret=b"not the secret"), 401, "bad_signature")
    unsigned = requests.get(f"{s.url}/api/v1/roster", timeout=5)
    error_of(unsigned, 401, "bad_signature")
    # Signed for one query, sent with another.
    headers = s.request("GET", "/api/v1/roster?limit=5").request.headers
    forged = requests.get(f"{s.url}/api/v1/roster?limit=6", headers=dict(headers), timeout=5)
    error_of(forged, 401, "bad_signature")
    # Signed for one body, sent with another.
    tx = {"transactions": [{"id": "7d1f0c1e-0000-4000-8000-000000000001"}]}
    signed = s.request("POST", "/api/v1/transactions", tx).request.headers
    swapped = requests.post(
        f"{s.url}/api/v1/transactions", data=b'{"transactions": []}', headers=dict(signed),
        timeout=5,
    )  # fmt: skip
    error_of(swapped, 401, "bad_signature")
    assert s.accepted_ids() == []


def test_a_kiosk_two_hours_off_learns_the_time_and_then_succeeds(county_server):
    late = int(time.time()) - 2 * 3600
    body = error_of(county_server.request("GET", "/api/v1/jobs", timestamp=late), 401,
                    "clock_skew")  # fmt: skip
    corrected = int(datetime.fromisoformat(body["server_time"]).timestamp())
    assert abs(corrected - late - 2 * 3600) < 60
    assert county_server.request("GET", "/api/v1/jobs", timestamp=corrected).status_code == 200


def test_roster_pages_cover_the_township_only(county_server):
    items, _, pages = pull(county_server, "roster", limit=7)
    assert pages == 6  # 40 residents in pages of 7
    residents = [item["resident"] for item in items]
    assert all(item["op"] == "upsert" for item in items)
    assert len({r["person_id"] for r in residents}) == county_server.residents
    assert {r["township_code"] for r in residents} == {county_server.township}
    for r in residents:
        assert set(r) >= RESIDENT_FIELDS and r["version"] == 1
    with county_server.store() as store:
        assert len(store.entity_ids(Feed.ROSTER, OTHER_TOWNSHIP)) == OTHER_RESIDENTS
        assert {r["person_id"] for r in residents} == set(
            store.entity_ids(Feed.ROSTER, county_server.township)
        )


def test_default_limit_and_limit_bounds(county_server):
    items, _, pages = pull(county_server, "roster")
    assert (len(items), pages) == (county_server.residents, 1)
    for bad in ("0", "1001", "ten", "-1"):
        error_of(county_server.request("GET", f"/api/v1/roster?limit={bad}"), 400, "bad_request")
    assert county_server.request("GET", "/api/v1/roster?limit=1000").status_code == 200


def test_jobs_and_notices_feeds(county_server):
    jobs, _, _ = pull(county_server, "jobs", limit=5)
    notices, _, _ = pull(county_server, "notices")
    assert len(jobs) == 20 and all({"job_id", "title", "headcount"} <= set(j["job"]) for j in jobs)
    assert len(notices) == 8 and all(n["notice"]["title"] for n in notices)


def test_changes_after_a_cursor_arrive_in_order(county_server):
    _, cursor, _ = pull(county_server, "roster", limit=50)
    again, same_cursor, _ = pull(county_server, "roster", cursor=cursor)
    assert again == [] and same_cursor == cursor
    with county_server.store() as store:
        ids = store.entity_ids(Feed.ROSTER, county_server.township)
        changed = dict(store.entity(Feed.ROSTER, ids[3]) or {})
        changed["name"] = "王𠮷"
        store.upsert(Feed.ROSTER, ids[3], county_server.township, changed)
        store.delete(Feed.ROSTER, ids[5])
        other = store.entity_ids(Feed.ROSTER, OTHER_TOWNSHIP)[0]
        store.delete(Feed.ROSTER, other)  # invisible to this terminal
    items, _, _ = pull(county_server, "roster", cursor=cursor)
    assert items[0]["op"] == "upsert" and items[0]["resident"]["name"] == "王𠮷"
    assert items[0]["resident"]["version"] == 2
    assert items[1:] == [{"op": "delete", "id": ids[5]}]


def test_compaction_expires_older_cursors(county_server):
    _, cursor, _ = pull(county_server, "roster", limit=100)
    with county_server.store() as store:
        store.delete(Feed.ROSTER, store.entity_ids(Feed.ROSTER, county_server.township)[0])
    county_server.compact(Feed.ROSTER)
    error_of(county_server.request("GET", f"/api/v1/roster?cursor={cursor}"), 410,
             "cursor_expired")  # fmt: skip
    items, fresh, _ = pull(county_server, "roster")  # start again from no cursor
    assert len(items) == county_server.residents - 1
    assert pull(county_server, "roster", cursor=fresh)[0] == []
    _, jobs_cursor, _ = pull(county_server, "jobs")  # other feeds keep their cursors
    assert county_server.request("GET", f"/api/v1/jobs?cursor={jobs_cursor}").status_code == 200


def test_compact_command_line(county_server):
    _, cursor, _ = pull(county_server, "notices")
    assert county_server.request("GET", f"/api/v1/notices?cursor={cursor}").status_code == 200
    with county_server.store() as store:  # a deletion the cursor's holder has not seen
        store.delete(Feed.NOTICES, store.entity_ids(Feed.NOTICES)[0])
    subprocess.run(
        [sys.executable, "-m", "county_platform", "compact", "--db", str(county_server.db),
         "--feed", "notices"],
        check=True, capture_output=True,
    )  # fmt: skip
    error_of(county_server.request("GET", f"/api/v1/notices?cursor={cursor}"), 410,
             "cursor_expired")  # fmt: skip


@pytest.mark.parametrize("cursor", ["garbage", "YzE6eDpqb2JzOjE"])
def test_unreadable_or_foreign_cursors_are_bad_requests(county_server, cursor):
    error_of(county_server.request("GET", f"/api/v1/roster?cursor={cursor}"), 400, "bad_request")


def test_unknown_paths_answer_with_the_error_shape(county_server):
    error_of(county_server.request("GET", "/api/v1/weather"), 404, "bad_request")
