"""Verification codes: an HMAC over a document's canonical content with the terminal secret.

The canonical form is compact, key-sorted UTF-8 JSON of plain values, so the county (which holds
each terminal's secret) can recompute the code from the same facts and detect an altered paper.
The code printed is the first 80 bits in base32: 16 characters, grouped by four.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import datetime
from typing import Any

CODE_BYTES = 10  # 80 bits -> 16 base32 characters, no padding
GROUP = 4
QR_SCHEME = "KIOSK"


def canonical(content: dict[str, Any]) -> bytes:
    """The byte string that is signed; `content` must hold JSON values only."""
    return json.dumps(
        content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def verification_code(content: dict[str, Any], secret: bytes) -> str:
    """ "ABCD-EFGH-IJKL-MNOP" for `content` under `secret`."""
    if not secret:
        raise ValueError("the terminal secret is empty")
    digest = hmac.new(secret, canonical(content), hashlib.sha256).digest()[:CODE_BYTES]
    raw = base64.b32encode(digest).decode("ascii")
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def normalise(code: str) -> str:
    """What a person typed, without separators or case; O/0 and I/1 are base32's own letters."""
    return "".join(c for c in code.upper() if c.isalnum()).replace("0", "O").replace("1", "I")


def verify_code(content: dict[str, Any], secret: bytes, code: str) -> bool:
    """True when `code` (grouped or not, any case) is the code of `content` under `secret`."""
    expected = normalise(verification_code(content, secret))
    return hmac.compare_digest(expected, normalise(code))


def qr_text(document: str, version: int, terminal_id: str, when: datetime, code: str) -> str:
    """What a document's QR code holds, `KIOSK:<document>:<version>:<terminal>:<time>:<code>`:
    enough for the county to find the terminal's secret and re-check the paper."""
    stamp = when.isoformat(timespec="seconds")
    return f"{QR_SCHEME}:{document}:{version}:{terminal_id}:{stamp}:{code}"
