"""POST /api/v1/transactions over real HTTP: idempotency by id, rejections, batch limits."""

import json
import subprocess
import sys
import uuid

import requests

from county_platform.signing import sign_request
from county_platform.store import Feed

PERSON = "11010519491231002X"  # a possible citizen number, but no resident of the test township


def resident(server):
    """A current resident of the terminal's township (certifications must name one)."""
    with server.store() as store:
        return store.entity_ids(Feed.ROSTER, server.township)[0]


def rating(tx_id=None, score=5):
    return {
        "id": tx_id or str(uuid.uuid4()), "kind": "rating", "seq": 1,
        "occurred_at": "2026-11-28T09:30:00+08:00", "payload": {"service": "jobs", "score": score},
    }  # fmt: skip


def certification(tx_id=None, **overrides):
    tx = {
        "id": tx_id or str(uuid.uuid4()), "kind": "certification", "person_id": PERSON,
        "occurred_at": "2026-11-28T10:02:11+08:00",
        "payload": {"benefit": "pension", "method": "fingerprint", "result": "passed",
                    "score": 131, "attempts": 2, "finger": "right_index"},
    }  # fmt: skip
    tx.update(overrides)
    return tx


def post(server, transactions):
    return server.request("POST", "/api/v1/transactions", {"transactions": transactions})


def statuses(response):
    assert response.status_code == 200, response.text
    return {r["id"]: (r["status"], r.get("error", "")) for r in response.json()["results"]}


def test_accepted_once_then_duplicate_forever(county_server):
    a, b = rating(), certification(person_id=resident(county_server))
    first = statuses(post(county_server, [a, b, a]))
    assert len(county_server.accepted_ids()) == 2
    assert first[b["id"]] == ("accepted", "")
    results = post(county_server, [a, b, a]).json()["results"]
    assert [r["status"] for r in results] == ["duplicate", "duplicate", "duplicate"]
    upper = dict(a, id=a["id"].upper(), payload={"service": "notices", "score": 1})
    assert statuses(post(county_server, [upper]))[upper["id"]][0] == "duplicate"
    assert county_server.accepted_ids() == [a["id"], b["id"]]


def test_the_same_id_twice_in_one_batch(county_server):
    a = rating()
    results = post(county_server, [a, a]).json()["results"]
    assert sorted(r["status"] for r in results) == ["accepted", "duplicate"]
    assert county_server.accepted_ids() == [a["id"]]


def test_schema_violations_are_rejected_with_a_reason_and_not_stored(county_server):
    person = resident(county_server)
    good = certification(person_id=person)
    bad = [
        certification(person_id=None),
        certification(occurred_at="2026-11-28 10:02"),
        certification(person_id="32010219580228171"),
        dict(rating(), kind="lottery"),
        rating(score=9),
        dict(rating(), id="not-a-uuid"),
        certification(),  # not a resident of the township
    ]
    got = statuses(post(county_server, [good, *bad]))
    assert got[good["id"]] == ("accepted", "")
    for tx in bad:
        status, error = got[tx["id"]]
        assert status == "rejected" and error, tx
    assert county_server.accepted_ids() == [good["id"]]
    accepted = county_server.accepted()[0]
    assert (accepted.kind, accepted.person_id, accepted.terminal_id) == (
        "certification", person, county_server.terminal_id,
    )  # fmt: skip
    assert accepted.payload["score"] == 131


def test_a_rejected_id_can_still_be_delivered_correctly_later(county_server):
    tx_id = str(uuid.uuid4())
    assert statuses(post(county_server, [rating(tx_id, score=0)]))[tx_id][0] == "rejected"
    assert statuses(post(county_server, [rating(tx_id)]))[tx_id][0] == "accepted"


def test_batches_over_500_are_refused_whole(county_server):
    too_many = [rating() for _ in range(501)]
    response = post(county_server, too_many)
    assert response.status_code == 413
    assert response.json()["error"] == "batch_too_large" and response.json()["detail"]
    assert county_server.accepted_ids() == []
    assert len(statuses(post(county_server, too_many[:500]))) == 500
    assert len(county_server.accepted_ids()) == 500


def test_malformed_bodies_are_bad_requests(county_server):
    s = county_server
    for body in (b"{not json", b'{"transactions": {}}', b'{"transactions": []}', b"[]",
                 b"\xff\xfe"):  # fmt: skip
        headers = sign_request(s.secret, s.terminal_id, "POST", "/api/v1/transactions", body)
        response = requests.post(f"{s.url}/api/v1/transactions", data=body, headers=headers,
                                 timeout=5)  # fmt: skip
        assert response.status_code == 400, body
        assert response.json()["error"] == "bad_request" and response.json()["detail"]
    assert s.accepted_ids() == []


def test_a_transaction_without_an_id_is_rejected_alone(county_server):
    good = rating()
    got = post(county_server, [{"kind": "rating"}, good, "text", {"id": 42}]).json()["results"]
    assert got[1] == {"id": good["id"], "status": "accepted"}
    nameless = [r for r in got if r["id"] == ""]
    assert [r["status"] for r in nameless] == ["rejected"] * 3
    assert [r["error"].split(":")[0] for r in nameless] == [
        "transactions[0]", "transactions[2]", "transactions[3]",
    ]  # fmt: skip
    assert county_server.accepted_ids() == [good["id"]]


def test_transactions_command_lists_what_was_accepted(county_server):
    a, b = rating(), certification(person_id=resident(county_server))
    post(county_server, [a, b, rating(score=0)])
    out = subprocess.run(
        [sys.executable, "-m", "county_platform", "transactions", "--db", str(county_server.db),
         "--json"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    listed = json.loads(out)
    assert [(t["id"], t["kind"]) for t in listed] == [
        (a["id"], "rating"),
        (b["id"], "certification"),
    ]
