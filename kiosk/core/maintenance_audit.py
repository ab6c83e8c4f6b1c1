"""One way to audit a technician's action, shared by the maintenance screens and `kiosk-admin`.

Each action becomes a `maintenance` transaction in the outbox (so the county platform learns of
it), and `Store.record` appends the matching entry to the hash-chained audit log in the same
SQLite transaction. Details are short technical text: never resident data. ID numbers and names
registered for masking are masked anyway, in case a caller slips.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from kiosk.core.masking import mask_text

MAX_DETAIL_CHARS = 500  # a detail is a line for a person reading the audit, not a log dump


class MaintenanceAction(StrEnum):
    ENTERED = "entered"
    ENTRY_REFUSED = "entry_refused"  # a wrong PIN
    ENTRY_LOCKED = "entry_locked"  # too many wrong PINs
    LEFT = "left"  # maintenance mode ended (detail: why)
    DIAGNOSTICS = "diagnostics"
    TEST_CARD_READ = "test_card_read"
    TEST_FINGERPRINT = "test_fingerprint"
    TEST_PRINT = "test_print"
    SYNC_NOW = "sync_now"
    REPULL_FEEDS = "repull_feeds"
    EXPORT_REJECTED = "export_rejected"
    EXPORT_BUNDLE = "export_bundle"
    SET_VOLUME = "set_volume"
    RESTART = "restart"
    EXIT_TO_DESKTOP = "exit_to_desktop"
    PIN_SET = "pin_set"
    PIN_REMOVED = "pin_removed"
    LOCKOUT_CLEARED = "lockout_cleared"


class RecordsTransactions(Protocol):
    """The part of `offline_cache.store.Store` this needs."""

    def record(
        self, kind: str, payload: dict[str, object], person_id: str | None = None
    ) -> str: ...


def audit_action(store: RecordsTransactions, action: MaintenanceAction, detail: str = "") -> str:
    """Record a technician's action (outbox + audit log, one commit); returns the transaction id."""
    payload: dict[str, object] = {"action": action.value}
    text = mask_text(" ".join(detail.split()))[:MAX_DETAIL_CHARS]
    if text:
        payload["detail"] = text
    return store.record("maintenance", payload)
