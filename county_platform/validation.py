"""Checks of one transaction against `Transaction` in ../shared/county-api/openapi.yaml.

Hand-written rather than a generic JSON-schema engine so that a rejection names the field and the
rule in words a technician can act on.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from county_platform import jsontext
from county_platform.ids import is_valid_person_id

PERSON_ID = re.compile(r"^[0-9]{17}[0-9X]$")
PHONE = re.compile(r"^1[0-9]{10}$")
# ASCII: `\d` alone also matches fullwidth and other scripts' digits
RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", re.ASCII
)
# `format: uuid` is the hyphenated text (uuid.UUID alone also takes {…}, urn:uuid: and bare hex)
UUID_TEXT = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
MAX_BATCH = 500
MAX_SEQ = jsontext.INT64_MAX  # SQLite's INTEGER
SHOWN_CHARS = 64  # of a bad value quoted in a rejection

BENEFITS = ("pension", "unemployment")
DOCUMENTS = ("contribution_statement", "certification_receipt")
SERVICES = ("certification", "statement", "benefits", "jobs", "notices")
VERIFICATION_CODE_LEN = (8, 64)


class Invalid(ValueError):
    """A transaction breaks the schema; the message is the `error` of its rejection."""


BAD_PERSON_ID = "bad_person_id"  # error prefix: not a possible GB 11643 number


def _show(value: Any) -> str:
    """A bad value for an error message: repr (escapes surrogates), at most SHOWN_CHARS."""
    if not isinstance(value, str | int | float | bool | None):
        return type(value).__name__
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 3] + "..."


@dataclass(frozen=True)
class ValidTransaction:
    id: str  # canonical lower-case UUID: the permanent unique key
    kind: str
    occurred_at: str
    person_id: str | None
    seq: int | None
    payload: dict[str, Any]


Check = Callable[[str, Any], None]


def _string(*, enum: tuple[str, ...] = (), pattern: re.Pattern[str] | None = None,
            length: tuple[int, int] | None = None) -> Check:  # fmt: skip
    def check(name: str, value: Any) -> None:
        if not isinstance(value, str):
            raise Invalid(f"{name} must be a string")
        if enum and value not in enum:
            raise Invalid(f"{name} must be one of {', '.join(enum)} (got {_show(value)})")
        # fullmatch: an ECMA-262 `$` (OpenAPI) is the end of the text, Python's also before a \n
        if pattern is not None and not pattern.fullmatch(value):
            raise Invalid(f"{name} does not match {pattern.pattern}")
        if length is not None and not length[0] <= len(value) <= length[1]:
            raise Invalid(f"{name} must be {length[0]} to {length[1]} characters long")

    return check


def _integer(minimum: int | None = None, maximum: int | None = None) -> Check:
    def check(name: str, value: Any) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(f"{name} must be an integer")
        if minimum is not None and value < minimum:
            raise Invalid(f"{name} must be at least {minimum} (got {value})")
        if maximum is not None and value > maximum:
            raise Invalid(f"{name} must be at most {maximum} (got {value})")

    return check


def _boolean(name: str, value: Any) -> None:
    if not isinstance(value, bool):
        raise Invalid(f"{name} must be true or false")


@dataclass(frozen=True)
class KindRule:
    """What one `kind` requires: a person or not, and its payload fields."""

    needs_person: bool
    required: dict[str, Check]
    optional: dict[str, Check]


KINDS: dict[str, KindRule] = {
    "certification": KindRule(
        needs_person=True,
        required={
            "benefit": _string(enum=BENEFITS),
            "method": _string(enum=("fingerprint",)),
            "result": _string(enum=("passed", "failed")),
            "score": _integer(minimum=0),
            "attempts": _integer(minimum=1),
        },
        optional={"finger": _string()},
    ),
    "statement_print": KindRule(
        needs_person=True,
        required={
            "document": _string(enum=DOCUMENTS),
            "verification_code": _string(length=VERIFICATION_CODE_LEN),
            "pages": _integer(minimum=1),
            "printed": _boolean,
        },
        optional={"printer_error": _string()},
    ),
    "job_interest": KindRule(
        needs_person=False,
        required={"job_id": _string()},
        optional={"phone": _string(pattern=PHONE)},
    ),
    "rating": KindRule(
        needs_person=False,
        required={"service": _string(enum=SERVICES), "score": _integer(minimum=1, maximum=5)},
        optional={},
    ),
    "maintenance": KindRule(
        needs_person=False,
        required={"action": _string()},
        optional={"detail": _string()},
    ),
}


def transaction_id(raw: Any) -> str | None:
    """The id as the kiosk sent it, if it is a string (results echo it back unchanged)."""
    if isinstance(raw, dict):
        value = raw.get("id")
        if isinstance(value, str):
            return value
    return None


def validate_transaction(raw: Any) -> ValidTransaction:
    """Check one transaction; raises `Invalid` naming the first problem."""
    if not isinstance(raw, dict):
        raise Invalid("a transaction must be a JSON object")
    for key, value in raw.items():  # first: values nothing downstream could store or print
        if jsontext.has_lone_surrogate(key):
            raise Invalid("a field name contains a lone UTF-16 surrogate (not Unicode text)")
        bad = jsontext.problem(value, key[:40], jsontext.MAX_DEPTH - 1)
        if bad is not None:
            raise Invalid(bad)
    tx_id = _canonical_uuid(raw.get("id"))
    for field in ("kind", "occurred_at", "payload"):
        if field not in raw:
            raise Invalid(f"{field} is missing")
    kind = raw["kind"]
    rule = KINDS.get(kind) if isinstance(kind, str) else None
    if rule is None:
        raise Invalid(f"kind must be one of {', '.join(KINDS)} (got {_show(kind)})")
    occurred_at = _rfc3339(raw["occurred_at"])
    seq = raw.get("seq")
    if "seq" in raw:  # optional, but an integer when present (null is not)
        _integer(minimum=1, maximum=MAX_SEQ)("seq", seq)
    person_id = raw.get("person_id")
    if person_id is None:
        if rule.needs_person:
            raise Invalid(f"person_id is required for {kind}")
        if "person_id" in raw:
            raise Invalid("person_id must be a string (left out when there is no person)")
    else:
        _string(pattern=PERSON_ID)("person_id", person_id)
        if not is_valid_person_id(person_id):
            raise Invalid(
                f"{BAD_PERSON_ID}: person_id is not a possible citizen number"
                " (GB 11643: a real birth date and the MOD 11-2 check character)"
            )
    payload = raw["payload"]
    if not isinstance(payload, dict):
        raise Invalid("payload must be a JSON object")
    for name, check in rule.required.items():
        if name not in payload:
            raise Invalid(f"payload.{name} is missing")
        check(f"payload.{name}", payload[name])
    for name, check in rule.optional.items():
        if name in payload:
            check(f"payload.{name}", payload[name])
    return ValidTransaction(tx_id, kind, occurred_at, person_id, seq, payload)


def _canonical_uuid(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid("id must be a UUID string")
    if not UUID_TEXT.fullmatch(value):
        raise Invalid(f"id is not a UUID: {_show(value)}")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise Invalid(f"id is not a UUID: {_show(value)}") from None


def _rfc3339(value: Any) -> str:
    if not isinstance(value, str) or not RFC3339.fullmatch(value):
        raise Invalid("occurred_at must be an RFC 3339 time with an offset")
    try:
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        raise Invalid(f"occurred_at is not a valid time: {_show(value)}") from None
    return value


UNKNOWN_RESIDENT = "unknown_resident"
OTHER_TOWNSHIP = "other_township"
ROSTER_KINDS = frozenset({"certification", "statement_print"})  # must concern a resident here


def check_resident(township_of_person: str | None, terminal_township: str) -> None:
    """A certification or statement must be about a current resident of the terminal's township.

    `township_of_person` is the roster's township of the transaction's person_id (None: not on the
    roster, or deleted from it). The reason names no citizen number (it is stored and logged).
    """
    if township_of_person is None:
        raise Invalid(
            f"{UNKNOWN_RESIDENT}: person_id is not on the platform's roster (never, or no longer)"
        )
    if township_of_person != terminal_township:
        raise Invalid(
            f"{OTHER_TOWNSHIP}: person_id is a resident of another township than this"
            f" terminal's ({terminal_township})"
        )
