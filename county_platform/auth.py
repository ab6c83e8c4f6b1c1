"""Verification of signed requests (README.md, "Transport and authentication")."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from datetime import UTC, datetime

from county_platform.errors import ApiError, ErrorCode
from county_platform.signing import (
    HEADER_SIGNATURE,
    HEADER_TERMINAL,
    HEADER_TIMESTAMP,
    signature,
)
from county_platform.store import Terminal

MAX_CLOCK_SKEW_S = 300
UNAUTHORIZED = 401


def server_time(now: float) -> str:
    """The platform clock as RFC 3339 (what `clock_skew` answers and /health report)."""
    return datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds")


def authenticate(
    headers: dict[str, str],
    method: str,
    path_with_query: str,
    body: bytes,
    lookup: Callable[[str], Terminal | None],
    now: float,
) -> Terminal:
    """The calling terminal, or `ApiError` 401 with unknown_terminal, bad_signature or clock_skew.

    `headers` must have lower-case keys. The signature is checked before the clock so that a wrong
    secret is reported as such even when the clock is off too.
    """
    terminal_id = headers.get(HEADER_TERMINAL.lower(), "")
    if not terminal_id:
        raise ApiError(UNAUTHORIZED, ErrorCode.UNKNOWN_TERMINAL, f"{HEADER_TERMINAL} is missing")
    terminal = lookup(terminal_id)
    if terminal is None:
        raise ApiError(
            UNAUTHORIZED, ErrorCode.UNKNOWN_TERMINAL, f"terminal {terminal_id!r} is not registered"
        )
    timestamp = headers.get(HEADER_TIMESTAMP.lower(), "")
    if not timestamp.isdigit():
        raise ApiError(
            UNAUTHORIZED, ErrorCode.BAD_SIGNATURE, f"{HEADER_TIMESTAMP} must be Unix seconds"
        )
    given = headers.get(HEADER_SIGNATURE.lower(), "")
    expected = signature(terminal.secret, method, path_with_query, timestamp, body)
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(
            UNAUTHORIZED,
            ErrorCode.BAD_SIGNATURE,
            "the signature does not match the request (method, path with query, timestamp, body)",
        )
    if abs(int(timestamp) - now) > MAX_CLOCK_SKEW_S:
        raise ApiError(
            UNAUTHORIZED,
            ErrorCode.CLOCK_SKEW,
            f"{HEADER_TIMESTAMP} is more than {MAX_CLOCK_SKEW_S} s away from the platform clock",
            extra={"server_time": server_time(now)},
        )
    return terminal
