"""Masking of personal data for logs and the audit log (never a full ID number or name)."""

from __future__ import annotations

import hashlib

VISIBLE_HEAD = 4
VISIBLE_TAIL = 4


def mask_id(value: str) -> str:
    """`320102195001011234` -> `3201**********1234`; short values are masked entirely."""
    if len(value) <= VISIBLE_HEAD + VISIBLE_TAIL:
        return "*" * len(value)
    hidden = len(value) - VISIBLE_HEAD - VISIBLE_TAIL
    return value[:VISIBLE_HEAD] + "*" * hidden + value[-VISIBLE_TAIL:]


def digest(value: str) -> str:
    """A short stable fingerprint of a value, to correlate entries without revealing it."""
    return hashlib.sha256(value.encode()).hexdigest()[:16]
