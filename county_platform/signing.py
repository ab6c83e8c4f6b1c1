"""Request signing as ../shared/county-api/README.md defines it (shared by the server and tests).

The kiosk's own sync client signs independently (offline_cache); both must agree on this text.
"""

from __future__ import annotations

import hashlib
import hmac
import time

HEADER_TERMINAL = "X-Terminal-Id"
HEADER_TIMESTAMP = "X-Timestamp"
HEADER_SIGNATURE = "X-Signature"


def canonical_request(method: str, path_with_query: str, timestamp: str, body: bytes) -> bytes:
    """METHOD, path with query, timestamp and hex SHA-256 of the body, joined by newlines."""
    body_hash = hashlib.sha256(body).hexdigest()
    return f"{method.upper()}\n{path_with_query}\n{timestamp}\n{body_hash}".encode()


def signature(secret: bytes, method: str, path_with_query: str, timestamp: str, body: bytes) -> str:
    """Lower-case hex HMAC-SHA256 of the canonical request."""
    message = canonical_request(method, path_with_query, timestamp, body)
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def sign_request(
    secret: bytes,
    terminal_id: str,
    method: str,
    path_with_query: str,
    body: bytes = b"",
    timestamp: int | None = None,
) -> dict[str, str]:
    """The three authentication headers for one request (timestamp defaults to now)."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    return {
        HEADER_TERMINAL: terminal_id,
        HEADER_TIMESTAMP: ts,
        HEADER_SIGNATURE: signature(secret, method, path_with_query, ts, body),
    }
