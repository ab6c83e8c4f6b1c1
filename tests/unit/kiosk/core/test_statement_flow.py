"""The statement flow's pure rules: the transaction payload, failure wording, the data date and
the receipt request adapter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import pytest

from kiosk.core.clock import KIOSK_TZ
from kiosk.core.statement_rules import (
    DocumentKind,
    FailureKind,
    PrintOutcome,
    failure_kind,
    receipt_outcome,
    roster_date,
)
from kiosk.documents import CertificationOutcome

WHEN = datetime(2026, 11, 28, 9, 30, tzinfo=timezone(timedelta(hours=8)))


def test_payload_has_printer_error_only_when_not_printed():
    ok = PrintOutcome(DocumentKind.STATEMENT, "p", "ABCD-EFGH-JKLM-NPQR", 3, True, job_id=7)
    assert ok.payload() == {
        "document": "contribution_statement",
        "verification_code": "ABCD-EFGH-JKLM-NPQR",
        "pages": 3,
        "printed": True,
    }
    failed = PrintOutcome(DocumentKind.RECEIPT, "p", "ABCD-EFGH-JKLM-NPQR", 1, False, "paper_jam")
    assert failed.payload()["printer_error"] == "paper_jam"
    assert failed.payload()["document"] == "certification_receipt"


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("out_of_paper", FailureKind.OUT_OF_PAPER),
        ("paper_jam", FailureKind.JAMMED),
        ("printer_offline", FailureKind.OFFLINE),
        ("printer_unavailable", FailureKind.UNAVAILABLE),
        ("print_timeout", FailureKind.TIMEOUT),
        ("no_record", FailureKind.NO_RECORD),
        ("something_new", FailureKind.FAILED),
    ],
)
def test_each_printer_code_has_its_words(code, kind):
    assert failure_kind(code) is kind


def test_roster_date_is_the_kiosk_day_whatever_the_os_zone():
    """Pulled at 07:00 in the township (23:00 UTC the day before): the kiosk's day, not the OS's."""
    from datetime import UTC

    pulled = datetime(2026, 11, 27, 23, 0, tzinfo=UTC).timestamp()  # 2026-11-28 07:00 UTC+8
    assert roster_date({"roster": 3600.0}, pulled + 3600) == date(2026, 11, 28)


def test_roster_date_from_feed_age():
    now = datetime(2026, 11, 28, 12, 0, tzinfo=KIOSK_TZ).timestamp()
    assert roster_date({"roster": 2 * 86400.0}, now) == date(2026, 11, 26)
    assert roster_date({"roster": None}, now) is None
    assert roster_date({}, now) is None


@dataclass(frozen=True)
class _Request:  # the certification flow's ReceiptRequest shape
    benefit: str
    result: str
    time: datetime
    next_due: date | None
    person_id: str
    name: str
    tx_id: str


def test_receipt_request_becomes_the_receipt_outcome():
    request = _Request("pension", "passed", WHEN, date(2027, 11, 30), "320102", "王秀英", "t")
    assert receipt_outcome(request) == CertificationOutcome(
        "320102", "王秀英", "pension", True, WHEN, date(2027, 11, 30)
    )
    failed = _Request("pension", "failed", WHEN, None, "320102", "王秀英", "t")
    assert receipt_outcome(failed).passed is False


def test_a_request_missing_a_field_is_a_bug():
    with pytest.raises(AttributeError):
        receipt_outcome(object())
