"""Parsing request JSON so that no value in it can break the server later (issue 11, finding 7).

Python's `json` happily yields values the rest of the server cannot handle: lone surrogates
(`"\\ud800"`, which neither SQLite nor a UTF-8 answer can encode), integers beyond SQLite's 64 bits
or beyond Python's 4300-digit conversion limit (a ValueError from inside the parser), `NaN` and
`Infinity` (which `json.dumps` later prints as invalid JSON), `1e400` (infinity again) and nesting
deep enough to exhaust the recursion limit. Here numbers that cannot be stored become `BadNumber`
markers instead of failing the whole body, and `problem()` walks one transaction (iteratively)
to name the first unusable value, so that only that transaction is rejected.
"""

from __future__ import annotations

import json
import math
from typing import Any

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
MAX_INT_CHARS = 20  # "-9223372036854775808"
MAX_DEPTH = 32  # objects and arrays inside one transaction (the kiosk's go 2 deep)


class NotJson(ValueError):
    """The body as a whole is not UTF-8 JSON (or nests beyond what can be parsed)."""


class BadNumber:
    """A number that was in the text but cannot be stored (kept so its transaction is rejected)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def __repr__(self) -> str:
        return f"<{self.reason}>"


def _int(text: str) -> int | BadNumber:
    if len(text) > MAX_INT_CHARS:
        return BadNumber(f"an integer of {len(text.lstrip('-'))} digits")
    value = int(text)
    if not INT64_MIN <= value <= INT64_MAX:
        return BadNumber("an integer outside the 64-bit range")
    return value


def _float(text: str) -> float | BadNumber:
    value = float(text)
    if not math.isfinite(value):
        return BadNumber(f"a number too large for a double ({text[:20]}...)")
    return value


def _constant(name: str) -> BadNumber:
    return BadNumber(f"{name}, which is not a JSON number")


def parse(body: bytes) -> Any:
    """The JSON document in `body` (strict UTF-8); raises `NotJson` with the reason."""
    try:
        text = body.decode("utf-8")  # not json.loads(bytes): that guesses UTF-16 and UTF-32
    except UnicodeDecodeError as e:
        raise NotJson(f"the body is not UTF-8: {e}") from None
    try:
        return json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except RecursionError:
        raise NotJson("the body nests too deeply") from None
    except ValueError as e:  # JSONDecodeError, and whatever a number conversion raises
        raise NotJson(f"the body is not JSON: {str(e)[:200]}") from None


def has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def problem(value: Any, name: str, max_depth: int = MAX_DEPTH) -> str | None:
    """The first value under `name` that cannot be stored as UTF-8 JSON, or None if all can."""
    stack: list[tuple[Any, str, int]] = [(value, name, 0)]
    while stack:
        item, where, depth = stack.pop()
        if isinstance(item, BadNumber):
            return f"{where} is {item.reason}"
        if isinstance(item, str):
            if has_lone_surrogate(item):
                return f"{where} contains a lone UTF-16 surrogate (not Unicode text)"
        elif isinstance(item, list):
            if depth >= max_depth:
                return f"{where} nests more than {max_depth} levels deep"
            stack.extend((child, f"{where}[{i}]", depth + 1) for i, child in enumerate(item))
        elif isinstance(item, dict):
            if depth >= max_depth:
                return f"{where} nests more than {max_depth} levels deep"
            for key, child in item.items():
                if has_lone_surrogate(key):
                    return f"{where} has a key with a lone UTF-16 surrogate (not Unicode text)"
                stack.append((child, f"{where}.{key[:40]}", depth + 1))
    return None
