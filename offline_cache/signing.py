"""Request signing for the county platform (../shared/county-api/README.md, "Transport").

canonical = METHOD "\n" PATH_WITH_QUERY "\n" X-Timestamp "\n" hex(sha256(body)),
X-Signature = lower-case hex HMAC-SHA256(terminal_secret, canonical). The body must be the exact
bytes put on the wire, so callers serialise once and pass the same bytes to both.
"""

from __future__ import annotations

import hashlib
import hmac


def canonical_request(method: str, path_with_query: str, timestamp: int, body: bytes) -> bytes:
    return "\n".join(
        (method.upper(), path_with_query, str(timestamp), hashlib.sha256(body).hexdigest())
    ).encode()


def sign(secret: bytes, method: str, path_with_query: str, timestamp: int, body: bytes) -> str:
    message = canonical_request(method, path_with_query, timestamp, body)
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def signed_headers(
    terminal_id: str,
    secret: bytes,
    method: str,
    path_with_query: str,
    timestamp: int,
    body: bytes,
) -> dict[str, str]:
    return {
        "X-Terminal-Id": terminal_id,
        "X-Timestamp": str(timestamp),
        "X-Signature": sign(secret, method, path_with_query, timestamp, body),
    }


def verify(
    secret: bytes,
    method: str,
    path_with_query: str,
    timestamp: int,
    body: bytes,
    signature: str,
) -> bool:
    """Constant-time check (used by test servers; the platform does its own)."""
    expected = sign(secret, method, path_with_query, timestamp, body)
    return hmac.compare_digest(expected, signature)
