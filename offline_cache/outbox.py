"""The transaction outbox: what happened at the kiosk, kept until the platform has it.

A row is written once, with its UUID and per-terminal `seq`, inside the caller's transaction (so
it commits together with its local effect). Its `body` is the exact JSON object sent on every
attempt. States: `pending` -> `delivered` (outcome accepted|duplicate) or `rejected` (kept with
the platform's error for a technician; never retried automatically, never deleted — a trigger
refuses DELETE).
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

PERSON_ID_PATTERN = re.compile(r"^[0-9]{17}[0-9X]$")


class TxKind(StrEnum):
    CERTIFICATION = "certification"
    STATEMENT_PRINT = "statement_print"
    JOB_INTEREST = "job_interest"
    RATING = "rating"
    MAINTENANCE = "maintenance"


class TxState(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    REJECTED = "rejected"


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


# Payload fields the interface requires, checked before anything is written (a bug in a caller
# shows at once instead of as a rejection days later).
REQUIRED_PAYLOAD: Mapping[TxKind, tuple[str, ...]] = {
    TxKind.CERTIFICATION: ("benefit", "method", "result", "score", "attempts"),
    TxKind.STATEMENT_PRINT: ("document", "verification_code", "pages", "printed"),
    TxKind.JOB_INTEREST: ("job_id",),
    TxKind.RATING: ("service", "score"),
    TxKind.MAINTENANCE: ("action",),
}
NEEDS_PERSON: frozenset[TxKind] = frozenset({TxKind.CERTIFICATION, TxKind.STATEMENT_PRINT})


class InvalidTransactionError(ValueError):
    """A transaction that the interface would never accept; nothing was written."""


@dataclass(frozen=True)
class OutboxTx:
    id: str
    seq: int
    kind: str
    person_id: str | None
    occurred_at: str
    body: str
    state: TxState
    outcome: str | None
    error: str | None
    created_at: float


@dataclass(frozen=True)
class Result:
    """One entry of the platform's `results` list."""

    id: str
    status: Outcome
    error: str | None = None


@dataclass(frozen=True)
class SettleCounts:
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    unknown: int = 0  # ids the platform reported that were not in the batch


def validate(kind: str, payload: Mapping[str, Any], person_id: str | None) -> TxKind:
    try:
        tx_kind = TxKind(kind)
    except ValueError as e:
        known = ", ".join(k.value for k in TxKind)
        raise InvalidTransactionError(f"unknown transaction kind {kind!r} (known: {known})") from e
    if not isinstance(payload, Mapping):
        raise InvalidTransactionError(f"{kind}: payload must be an object")
    missing = [f for f in REQUIRED_PAYLOAD[tx_kind] if f not in payload]
    if missing:
        raise InvalidTransactionError(f"{kind}: payload lacks {', '.join(missing)}")
    if person_id is None and tx_kind in NEEDS_PERSON:
        raise InvalidTransactionError(f"{kind}: a person_id is required")
    if person_id is not None and not PERSON_ID_PATTERN.match(person_id):
        raise InvalidTransactionError(f"{kind}: person_id is not an 18-character ID number")
    return tx_kind


def enqueue(
    conn: sqlite3.Connection,
    kind: TxKind,
    payload: Mapping[str, Any],
    person_id: str | None,
    occurred_at: datetime,
    created_at: float,
) -> OutboxTx:
    """Write one pending transaction; the caller must hold the write transaction."""
    if not conn.in_transaction:
        raise RuntimeError("outbox.enqueue must run inside a transaction")
    seq = int(
        conn.execute(
            "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'next_seq' "
            "RETURNING CAST(value AS INTEGER) - 1"
        ).fetchone()[0]
    )
    tx_id = str(uuid.uuid4())
    occurred = occurred_at.isoformat(timespec="seconds")
    body_obj: dict[str, Any] = {
        "id": tx_id,
        "kind": kind.value,
        "occurred_at": occurred,
        "seq": seq,
        "payload": dict(payload),
    }
    if person_id is not None:
        body_obj["person_id"] = person_id
    body = json.dumps(body_obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    conn.execute(
        "INSERT INTO outbox (id, seq, kind, person_id, occurred_at, body, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (tx_id, seq, kind.value, person_id, occurred, body, created_at),
    )
    return OutboxTx(
        tx_id, seq, kind.value, person_id, occurred, body, TxState.PENDING, None, None, created_at
    )


_COLUMNS = "id, seq, kind, person_id, occurred_at, body, state, outcome, error, created_at"


def _row(row: tuple[Any, ...]) -> OutboxTx:
    return OutboxTx(
        id=row[0],
        seq=row[1],
        kind=row[2],
        person_id=row[3],
        occurred_at=row[4],
        body=row[5],
        state=TxState(row[6]),
        outcome=row[7],
        error=row[8],
        created_at=row[9],
    )


def pending_after(conn: sqlite3.Connection, after_seq: int, limit: int) -> list[OutboxTx]:
    """The oldest pending transactions with `seq > after_seq` (one batch, in seq order)."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?",
        (after_seq, limit),
    ).fetchall()
    return [_row(r) for r in rows]


def get(conn: sqlite3.Connection, tx_id: str) -> OutboxTx | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (tx_id,)).fetchone()
    return _row(row) if row else None


def settle(
    conn: sqlite3.Connection, results: Iterable[Result], batch_ids: set[str], now: float
) -> tuple[SettleCounts, list[OutboxTx]]:
    """Record the platform's verdicts for one batch (caller holds the transaction).

    Only ids of the batch that are still pending change; returns the counts and the transactions
    newly rejected. A transaction without a verdict stays pending and is sent again later.
    """
    accepted = duplicates = rejected = unknown = 0
    newly_rejected: list[OutboxTx] = []
    for reported in results:
        # a UUID is a UUID whatever its case or braces: our ids are canonical lower-case
        result = Result(canonical_id(reported.id), reported.status, reported.error)
        if result.id not in batch_ids:
            unknown += 1
            continue
        if result.status is Outcome.REJECTED:
            cursor = conn.execute(
                "UPDATE outbox SET state = 'rejected', outcome = 'rejected', error = ?, "
                "settled_at = ? WHERE id = ? AND state = 'pending'",
                (result.error or "rejected without a reason", now, result.id),
            )
            if cursor.rowcount:
                rejected += 1
                tx = get(conn, result.id)
                if tx is not None:
                    newly_rejected.append(tx)
        else:
            cursor = conn.execute(
                "UPDATE outbox SET state = 'delivered', outcome = ?, settled_at = ? "
                "WHERE id = ? AND state = 'pending'",
                (result.status.value, now, result.id),
            )
            if cursor.rowcount:
                if result.status is Outcome.ACCEPTED:
                    accepted += 1
                else:
                    duplicates += 1
    return SettleCounts(accepted, duplicates, rejected, unknown), newly_rejected


def canonical_id(tx_id: str) -> str:
    """The canonical lower-case form of a UUID (as `enqueue` writes them); other text as is."""
    try:
        return str(uuid.UUID(tx_id))
    except ValueError:
        return tx_id


def counts(conn: sqlite3.Connection) -> dict[TxState, int]:
    found = dict(conn.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state").fetchall())
    return {state: int(found.get(state.value, 0)) for state in TxState}


def oldest_pending_created_at(conn: sqlite3.Connection) -> float | None:
    row = conn.execute(
        "SELECT created_at FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1"
    ).fetchone()
    return float(row[0]) if row else None


def rejected(conn: sqlite3.Connection) -> list[OutboxTx]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE state = 'rejected' ORDER BY seq"
    ).fetchall()
    return [_row(r) for r in rows]


def all_ids(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT id FROM outbox ORDER BY seq")]
