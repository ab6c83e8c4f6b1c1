"""Masking of personal data for logs and the audit log (never a full ID number or name)."""

from __future__ import annotations

import hashlib
import re

VISIBLE_HEAD = 4
VISIBLE_TAIL = 4
# An 18-character citizen ID number (17 digits + digit or X), not part of a longer number; the
# application masks with these too (kiosk.core.masking).
ID_NUMBER_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")


def mask_id(value: str) -> str:
    """`320102195001011234` -> `3201**********1234`; short values are masked entirely."""
    if len(value) <= VISIBLE_HEAD + VISIBLE_TAIL:
        return "*" * len(value)
    hidden = len(value) - VISIBLE_HEAD - VISIBLE_TAIL
    return value[:VISIBLE_HEAD] + "*" * hidden + value[-VISIBLE_TAIL:]


def mask_id_numbers(text: str) -> str:
    """Mask every ID number inside free text, e.g. a platform's rejection reason."""
    return ID_NUMBER_RE.sub(lambda m: mask_id(m.group(0)), text)


def digest(value: str) -> str:
    """A short stable fingerprint of a value, to correlate entries without revealing it."""
    return hashlib.sha256(value.encode()).hexdigest()[:16]
