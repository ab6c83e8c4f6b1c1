"""Verification of signed requests (README.md, "Transport and authentication")."""

from __future__ import annotations

import hmac
import logging
import re
import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import NoReturn

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
TIMESTAMP = re.compile(r"[0-9]{1,12}")  # ASCII digits only: "²".isdigit() is True, int() fails
SHOWN_ID_CHARS = 64
REFUSED = (
    "the request is not signed by a registered terminal"
    " (X-Terminal-Id, X-Timestamp and X-Signature over method, path with query, timestamp, body)"
)
_UNKNOWN_TERMINAL_KEY = secrets.token_bytes(32)  # makes an unknown terminal cost an HMAC too

log = logging.getLogger(__name__)


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
    """The calling terminal, or `ApiError` 401 with bad_signature or clock_skew.

    `headers` must have lower-case keys. A missing or unknown terminal, a malformed timestamp and
    a wrong signature all get the same answer (`REFUSED`), so that terminal ids cannot be found by
    asking; the real reason is logged here. An unknown terminal still costs an HMAC, so timing
    does not tell either. The signature is checked before the clock, so `clock_skew` (which
    reports the server time) is only ever said to a holder of the secret.
    """
    terminal_id = headers.get(HEADER_TERMINAL.lower(), "")
    terminal = lookup(terminal_id) if terminal_id else None
    timestamp = headers.get(HEADER_TIMESTAMP.lower(), "")
    given = headers.get(HEADER_SIGNATURE.lower(), "")
    secret = terminal.secret if terminal is not None else _UNKNOWN_TERMINAL_KEY
    expected = signature(secret, method, path_with_query, timestamp, body)
    matches = hmac.compare_digest(given.encode(errors="replace"), expected.encode())
    if terminal is None:
        why = "no terminal id" if not terminal_id else "the terminal is not registered"
        _refuse(terminal_id, why)
    if not TIMESTAMP.fullmatch(timestamp):
        _refuse(terminal_id, f"{HEADER_TIMESTAMP} is not Unix seconds: {timestamp[:40]!r}")
    if not matches:
        _refuse(terminal_id, "the signature does not match the request")
    if abs(int(timestamp) - now) > MAX_CLOCK_SKEW_S:
        raise ApiError(
            UNAUTHORIZED,
            ErrorCode.CLOCK_SKEW,
            f"{HEADER_TIMESTAMP} is more than {MAX_CLOCK_SKEW_S} s away from the platform clock",
            extra={"server_time": server_time(now)},
        )
    return terminal


def _refuse(terminal_id: str, why: str) -> NoReturn:
    log.warning("refused terminal %r: %s", terminal_id[:SHOWN_ID_CHARS], why)
    raise ApiError(UNAUTHORIZED, ErrorCode.BAD_SIGNATURE, REFUSED)
