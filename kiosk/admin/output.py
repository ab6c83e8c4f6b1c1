"""Shared output helpers for `kiosk-admin` commands: one JSON object or readable text."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

# Any command that found the database damaged (kiosk/cli.py; `kiosk-admin repair` mends it).
EXIT_DATABASE_DAMAGED = 5
ECHO_LIMIT = 40  # characters of a user's value repeated in an error message
# A run of this many characters without a space in an error message cannot be a path a technician
# needs (PATH_MAX aside, paths on a kiosk are short): it is an echoed value, cut to ECHO_LIMIT.
_LONG_RUN = re.compile(r"\S{256,}")


def echo(value: object, limit: int = ECHO_LIMIT) -> str:
    """`value` as an error message repeats it: at most `limit` characters, then "…"."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def shorten_echoes(message: str) -> str:
    """Cut every very long space-free run in `message` (a pasted 10 MB argument) to ECHO_LIMIT."""
    return _LONG_RUN.sub(lambda m: echo(m.group(0)), message)


def emit(data: dict[str, Any], as_json: bool, text: str | None = None) -> None:
    """Print `data` as one JSON object (UTF-8, not ASCII-escaped) or `text` for people."""
    if as_json:
        print(json.dumps(data, ensure_ascii=False, default=str, sort_keys=True))
    else:
        print(text if text is not None else _as_text(data))


def fail(code: str, detail: str, as_json: bool, exit_code: int = 1) -> int:
    """Report an error with a stable code; returns the exit code to use. A value the user typed
    is never repeated at length (`shorten_echoes`)."""
    detail = shorten_echoes(detail)
    if as_json:
        print(json.dumps({"error": code, "detail": detail}, ensure_ascii=False))
    else:
        print(f"error: {code}: {detail}", file=sys.stderr)
    return exit_code


def _as_text(data: dict[str, Any]) -> str:
    width = max((len(k) for k in data), default=0)
    return "\n".join(f"{k.ljust(width)}  {v}" for k, v in data.items())
