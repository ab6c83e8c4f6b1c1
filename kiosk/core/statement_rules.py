"""Pure rules of the printing flow (no Qt): what is recorded, and what a resident is told.

Kept apart from the printer worker so the transaction payload and the wording of each printer
failure can be tested without a thread, a printer or a screen.
"""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kiosk.core.certification import CertificationOutcome
from kiosk.core.clock import KIOSK_TZ

STATEMENT_PRINT_KIND = "statement_print"  # the outbox transaction kind
PASSED_RESULT = "passed"  # ReceiptRequest.result of a successful certification
ROSTER_FEED = "roster"  # the feed whose last complete pull dates the statement's data


class DocumentKind(enum.StrEnum):
    """What is printed; the values are the `document` field of the transaction."""

    STATEMENT = "contribution_statement"
    RECEIPT = "certification_receipt"


class FailureKind(enum.Enum):
    """A printing failure as the resident hears it: (what happened, what to do, button).

    The first two are prompt ids of kiosk/texts.py; the button is "help" or "home"."""

    OUT_OF_PAPER = ("print_out_of_paper", "todo_print_ask_staff", "help")
    JAMMED = ("print_jammed", "todo_print_ask_staff", "help")
    OFFLINE = ("print_offline", "todo_print_ask_staff", "help")
    UNAVAILABLE = ("print_unavailable", "todo_print_counter", "help")
    TIMEOUT = ("print_timeout", "todo_print_ask_staff", "help")
    FAILED = ("print_failed", "todo_print_ask_staff", "help")
    NO_RECORD = ("statement_no_record", "todo_print_counter", "help")
    NOT_PREPARED = ("print_not_prepared", "todo_start_again", "home")

    @property
    def what(self) -> str:
        return self.value[0]

    @property
    def todo(self) -> str:
        return self.value[1]

    @property
    def button(self) -> str:
        return self.value[2]


# drivers.errors codes (and the worker's own) -> what the resident is told
FAILURE_OF_CODE: dict[str, FailureKind] = {
    "out_of_paper": FailureKind.OUT_OF_PAPER,
    "paper_jam": FailureKind.JAMMED,
    "printer_offline": FailureKind.OFFLINE,
    "printer_unavailable": FailureKind.UNAVAILABLE,
    "print_timeout": FailureKind.TIMEOUT,
    "print_failed": FailureKind.FAILED,
    "printer_error": FailureKind.FAILED,
    "no_record": FailureKind.NO_RECORD,
    "not_prepared": FailureKind.NOT_PREPARED,
}

NO_RECORD_CODE = "no_record"  # the resident is not in the offline copy
NOT_PREPARED_CODE = "not_prepared"  # a print request for a document the worker no longer holds
DOCUMENT_FAILED_CODE = "print_failed"  # rendering the PDF failed (a bug or a broken record)


def failure_kind(code: str) -> FailureKind:
    return FAILURE_OF_CODE.get(code, FailureKind.FAILED)


@dataclass(frozen=True)
class PrintOutcome:
    """One print attempt, as recorded in the `statement_print` transaction."""

    document: DocumentKind
    person_id: str
    verification_code: str
    pages: int
    printed: bool
    printer_error: str | None = None  # a drivers.errors code when not printed
    job_id: int | None = None  # the printer's job (logs, tests); not part of the transaction

    def payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "document": self.document.value,
            "verification_code": self.verification_code,
            "pages": self.pages,
            "printed": self.printed,
        }
        if self.printer_error is not None:
            payload["printer_error"] = self.printer_error
        return payload


def roster_date(feed_ages_s: dict[str, float | None], now: float | None = None) -> date | None:
    """The day (kiosk time, UTC+8, whatever the OS zone) of the last complete roster pull, from
    `Store.sync_status()`'s feed ages; None when the roster was never pulled completely."""
    age = feed_ages_s.get(ROSTER_FEED)
    if age is None:
        return None
    return datetime.fromtimestamp((time.time() if now is None else now) - age, KIOSK_TZ).date()


def receipt_outcome(request: Any) -> CertificationOutcome:
    """The receipt's content from the certification flow's `ReceiptRequest` (kiosk/core/
    certification.py: benefit, result "passed"|"failed", time, next_due, person_id, name), or a
    `CertificationOutcome` as it is. Read by attribute so the two flows share no import; a
    missing field is a bug and raises AttributeError."""
    if isinstance(request, CertificationOutcome):
        return request
    passed = getattr(request, "passed", None)
    if passed is None:
        passed = request.result == PASSED_RESULT
    when = getattr(request, "certified_at", None) or request.time
    return CertificationOutcome(
        person_id=str(request.person_id),
        name=str(request.name),
        benefit=str(request.benefit),
        passed=bool(passed),
        certified_at=when,
        next_due=request.next_due,
    )
