"""Every transaction kind the kiosk can record, produced by the code the flows use, validates
against `Transaction` of the county interface; so do the request bodies the sync client really
puts on the wire (captured from a real HTTP round against the reference server)."""

from __future__ import annotations

import json
import secrets
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from drivers.errors import PrinterOutOfPaper
from kiosk.core.listings import PHONE_RE
from kiosk.core.maintenance_audit import MaintenanceAction, audit_action
from kiosk.core.statement_rules import DocumentKind, PrintOutcome
from kiosk.documents.verification import verification_code
from kiosk.screens.info.rating import RATED_SERVICES, SCORE_WORDS
from offline_cache.outbox import TxKind
from offline_cache.store import KIOSK_TZ, Store
from offline_cache.sync import SyncClient, SyncSettings
from tests.contract import openapi
from tests.fixtures.county import CountyServer
from tests.unit.offline_cache.factories import person_id, resident_model

TX_SCHEMAS = {
    TxKind.CERTIFICATION: "CertificationTx",
    TxKind.STATEMENT_PRINT: "StatementPrintTx",
    TxKind.JOB_INTEREST: "JobInterestTx",
    TxKind.RATING: "RatingTx",
    TxKind.MAINTENANCE: "MaintenanceTx",
}
NOW = datetime(2026, 11, 28, 9, 30, tzinfo=KIOSK_TZ)


def test_the_contract_copy_matches_the_shared_one() -> None:
    """tests/contract/openapi.yaml is a verbatim copy, so that CI needs no checkout of ../shared."""
    if openapi.SHARED_CONTRACT.exists():
        assert openapi.CONTRACT.read_bytes() == openapi.SHARED_CONTRACT.read_bytes(), (
            "the county interface changed: copy ../shared/county-api/openapi.yaml to "
            "tests/contract/openapi.yaml and fix what the contract tests then report"
        )


def _record_every_kind(store: Store) -> dict[TxKind, list[str]]:
    """One or more transactions of each kind, through the calls the flows make."""
    resident = resident_model(7)
    store.upsert_resident(resident)
    pid = resident.person_id
    ids: dict[TxKind, list[str]] = {kind: [] for kind in TxKind}
    # certification: kiosk/services/fingerprint_service.py, passed and failed, with/without finger
    ids[TxKind.CERTIFICATION] += [
        store.record_certification(pid, "pension", True, 131, 2, "right_thumb", NOW),
        store.record_certification(pid, "unemployment", False, 12, 3, None, NOW),
    ]
    # statement_print: kiosk/services/printer_service.py records PrintOutcome.payload()
    secret = secrets.token_bytes(32)
    for document in DocumentKind:
        for error in (None, PrinterOutOfPaper.code):
            code = verification_code({"person": pid, "document": document.value}, secret)
            outcome = PrintOutcome(document, pid, code, 2, error is None, error)
            ids[TxKind.STATEMENT_PRINT].append(
                store.record("statement_print", outcome.payload(), outcome.person_id)
            )
    # job_interest and rating: kiosk/flows/info.py (`_interest`, `_rated`)
    ids[TxKind.JOB_INTEREST].append(
        store.record("job_interest", {"job_id": "J-0001", "phone": "13812345678"})
    )
    for service in sorted(RATED_SERVICES):
        for score in sorted(SCORE_WORDS):
            ids[TxKind.RATING].append(store.record("rating", {"service": service, "score": score}))
    # maintenance: kiosk/core/maintenance_audit.py, every action, with and without a detail
    for action in MaintenanceAction:
        ids[TxKind.MAINTENANCE].append(audit_action(store, action))
    ids[TxKind.MAINTENANCE].append(
        audit_action(store, MaintenanceAction.LEFT, f"idle timeout; card {person_id(3)}")
    )
    return ids


def test_every_recorded_transaction_matches_the_contract(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "kiosk.sqlite3", secrets.token_bytes(32))
    try:
        ids = _record_every_kind(store)
        any_tx = openapi.validator("/components/schemas/Transaction")
        for kind, tx_ids in ids.items():
            assert tx_ids, f"no {kind} transaction produced"
            own = openapi.validator(f"/components/schemas/{TX_SCHEMAS[kind]}")
            for tx_id in tx_ids:
                tx = store.transaction(tx_id)
                assert tx is not None
                body = json.loads(tx.body)
                assert body["id"] == tx_id and body["kind"] == kind.value
                assert openapi.errors_of(own, body) == [], body
                assert openapi.errors_of(any_tx, body) == [], body
    finally:
        store.close()


def test_the_phone_check_is_the_contract_pattern() -> None:
    pattern = openapi.document()["components"]["schemas"]["JobInterestTx"]["allOf"][1]
    assert PHONE_RE.pattern == pattern["properties"]["payload"]["properties"]["phone"]["pattern"]


def test_rated_services_and_scores_are_the_contract_enums() -> None:
    rating = openapi.document()["components"]["schemas"]["RatingTx"]["allOf"][1]
    fields = rating["properties"]["payload"]["properties"]
    assert set(RATED_SERVICES) == set(fields["service"]["enum"])
    assert (min(SCORE_WORDS), max(SCORE_WORDS)) == (
        fields["score"]["minimum"],
        fields["score"]["maximum"],
    )


def test_a_drifted_payload_would_fail_the_contract() -> None:
    """The validator is not vacuous: each of these departures from the contract is caught."""
    v = openapi.validator("/components/schemas/Transaction")
    good = {
        "id": "0b6f3a8e-2f7c-4c1e-9d61-3a1f0f2b9c11",
        "kind": "rating",
        "occurred_at": "2026-11-28T09:30:00+08:00",
        "seq": 1,
        "payload": {"service": "jobs", "score": 5},
    }
    assert openapi.errors_of(v, good) == []
    bad: list[dict[str, Any]] = [
        {**good, "occurred_at": "2026-11-28T09:30:00"},  # no offset
        {**good, "id": "not-a-uuid"},
        {**good, "seq": 0},
        {**good, "payload": {"service": "pension", "score": 5}},
        {**good, "payload": {"service": "jobs", "score": 6}},
        {**good, "kind": "job_interest", "payload": {"job_id": "J", "phone": "2381234567"}},
        {**good, "kind": "statement_print", "person_id": person_id(1), "payload": {
            "document": "contribution_statement", "verification_code": "ABC",
            "pages": 1, "printed": True}},
        {**good, "kind": "certification", "payload": {  # no person_id
            "benefit": "pension", "method": "fingerprint", "result": "passed",
            "score": 1, "attempts": 1}},
    ]  # fmt: skip
    for tx in bad:
        assert openapi.errors_of(v, tx), tx


class RecordingSession(requests.Session):
    """A real requests session that keeps a copy of every body it sends."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, str, bytes]] = []

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:
        self.sent.append((str(method), str(url), kwargs.get("data") or b""))
        return super().request(method, url, *args, **kwargs)


def test_the_wire_requests_match_the_contract(tmp_path: Path, county_server: CountyServer) -> None:
    store = Store.open(tmp_path / "kiosk.sqlite3", secrets.token_bytes(32))
    session = RecordingSession()
    settings = SyncSettings(county_server.url, county_server.terminal_id, county_server.secret)
    client = SyncClient(store, settings, session=session)
    try:
        ids = _record_every_kind(store)
        report = client.run_round()
        # the resident of _record_every_kind is not on this platform's roster: its
        # certification and statements may be rejected; everything else must be accepted
        assert not report.errors or report.rejected, report.as_dict()
        posts = [body for method, _, body in session.sent if method == "POST"]
        assert posts, "nothing was pushed"
        request_schema = openapi.request_validator("/api/v1/transactions", "POST")
        sent_ids: list[str] = []
        for body in posts:
            decoded = json.loads(body)
            assert openapi.errors_of(request_schema, decoded) == []
            sent_ids += [tx["id"] for tx in decoded["transactions"]]
        expected = sorted(i for tx_ids in ids.values() for i in tx_ids)
        assert sorted(sent_ids) == expected
        gets = [url for method, url, _ in session.sent if method == "GET"]
        for feed in ("roster", "jobs", "notices"):
            assert any(f"/api/v1/{feed}?" in url for url in gets), feed
        for url in gets:
            limit = int(url.split("limit=")[1].split("&")[0])
            assert 1 <= limit <= 1000
    finally:
        client.close()
        store.close()


@pytest.mark.parametrize("skew_s", [-7200.0, 7200.0])
def test_occurred_at_carries_an_offset_even_with_a_wrong_clock(
    tmp_path: Path, skew_s: float
) -> None:
    store = Store.open(
        tmp_path / "kiosk.sqlite3", secrets.token_bytes(32), clock=lambda: time.time() + skew_s
    )
    try:
        tx = store.transaction(store.record("rating", {"service": "jobs", "score": 3}))
        assert tx is not None
        v = openapi.validator("/components/schemas/RatingTx")
        assert openapi.errors_of(v, json.loads(tx.body)) == []
        assert tx.occurred_at.endswith("+08:00")
    finally:
        store.close()
