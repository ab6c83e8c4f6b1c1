"""The platform's error answer: `{"error": code, "detail": text}` with an HTTP status."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Codes of ../shared/county-api (the only ones a kiosk may receive)."""

    BAD_REQUEST = "bad_request"
    UNKNOWN_TERMINAL = "unknown_terminal"
    BAD_SIGNATURE = "bad_signature"
    CLOCK_SKEW = "clock_skew"
    CURSOR_EXPIRED = "cursor_expired"
    BATCH_TOO_LARGE = "batch_too_large"
    RATE_LIMITED = "rate_limited"
    UNAVAILABLE = "unavailable"


class ApiError(Exception):
    """Raised by request handling; the server turns it into the JSON error body."""

    def __init__(
        self, status: int, code: ErrorCode, detail: str, extra: dict[str, str] | None = None
    ) -> None:
        super().__init__(f"{code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.extra = extra or {}

    def body(self) -> dict[str, str]:
        return {"error": self.code.value, "detail": self.detail, **self.extra}
