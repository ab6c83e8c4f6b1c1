"""The append-only, hash-chained audit log of transactions and maintenance actions.

Entry n stores `hash = sha256(prev_hash + canonical_json(entry))` with `prev_hash` the hash of
entry n-1 (64 zeros for the first). Editing, removing or reordering any entry breaks the chain
from there on; `verify` names the first broken link. Triggers refuse UPDATE and DELETE through
SQLite, so only someone editing the file by other means can change it — and that shows. Removing
the newest entries shows only against a head hash recorded elsewhere (`verify` returns the head).
Entries carry no full ID numbers or names: the person is masked.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

GENESIS_HASH = "0" * 64


def canonical_json(entry: dict[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def chain_hash(prev_hash: str, entry_text: str) -> str:
    return hashlib.sha256((prev_hash + entry_text).encode()).hexdigest()


@dataclass(frozen=True)
class AuditVerdict:
    ok: bool
    entries: int  # how many entries were checked
    head_hash: str  # hash of the last good entry
    broken_at: int | None = None  # entry number of the first broken link
    reason: str = ""


def append(conn: sqlite3.Connection, action: str, at: str, **fields: Any) -> int:
    """Append one entry (caller holds the write transaction); returns its number."""
    if not conn.in_transaction:
        raise RuntimeError("audit.append must run inside a transaction")
    last = conn.execute("SELECT n, hash FROM audit_log ORDER BY n DESC LIMIT 1").fetchone()
    n, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    entry = {"n": n, "action": action, "at": at, **fields}
    text = canonical_json(entry)
    conn.execute(
        "INSERT INTO audit_log (n, entry, prev_hash, hash) VALUES (?, ?, ?, ?)",
        (n, text, prev_hash, chain_hash(prev_hash, text)),
    )
    return n


def verify(conn: sqlite3.Connection) -> AuditVerdict:
    """Walk the chain from the first entry; stop at the first broken link."""
    expected_n, prev_hash, checked = 1, GENESIS_HASH, 0
    for n, text, stored_prev, stored_hash in conn.execute(
        "SELECT n, entry, prev_hash, hash FROM audit_log ORDER BY n"
    ):
        reason = ""
        if n != expected_n:
            reason = f"entry {expected_n} is missing (found {n} next)"
        elif stored_prev != prev_hash:
            reason = "its previous-hash does not match the hash of the entry before it"
        elif chain_hash(prev_hash, text) != stored_hash:
            reason = "its content does not match its hash (the entry was altered)"
        else:
            try:
                if json.loads(text).get("n") != n:
                    reason = "its content carries another entry number (entries were moved)"
            except (ValueError, AttributeError):
                reason = "its content is not valid JSON"
        if reason:
            return AuditVerdict(False, checked, prev_hash, broken_at=expected_n, reason=reason)
        checked += 1
        expected_n, prev_hash = n + 1, stored_hash
    return AuditVerdict(True, checked, prev_hash)
