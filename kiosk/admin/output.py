"""Shared output helpers for `kiosk-admin` commands: one JSON object or readable text."""

from __future__ import annotations

import json
import sys
from typing import Any


def emit(data: dict[str, Any], as_json: bool, text: str | None = None) -> None:
    """Print `data` as one JSON object (UTF-8, not ASCII-escaped) or `text` for people."""
    if as_json:
        print(json.dumps(data, ensure_ascii=False, default=str, sort_keys=True))
    else:
        print(text if text is not None else _as_text(data))


def fail(code: str, detail: str, as_json: bool, exit_code: int = 1) -> int:
    """Report an error with a stable code; returns the exit code to use."""
    if as_json:
        print(json.dumps({"error": code, "detail": detail}, ensure_ascii=False))
    else:
        print(f"error: {code}: {detail}", file=sys.stderr)
    return exit_code


def _as_text(data: dict[str, Any]) -> str:
    width = max((len(k) for k in data), default=0)
    return "\n".join(f"{k.ljust(width)}  {v}" for k, v in data.items())
