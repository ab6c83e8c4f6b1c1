"""Conversions between the platform's JSON, the model dataclasses and the database columns.

Wire parsing is strict (a missing required field or a wrong type raises `MalformedItemError`) so
that a bad page is refused whole instead of half-applied. Contributions are stored as compact JSON
rows (`[year, scheme, months, base, personal, unit, employer]`): a resident has up to ~200 of them
and the roster holds up to a million residents, so key names would dominate the database size.

The roster feed is the bulk path (a county is ~10^6 residents x ~66 contribution rows), so
`resident_row_from_wire` goes straight from the wire to those columns (`ResidentRow`) instead of
building a `Contribution` per row and encoding it back: contribution rows are checked column by
column with C-level builtins (exact `int`/`str` types, as the strict parser demands) and encoded
once. Anything the fast check does not accept goes through the strict parser, which either raises
its precise error or accepts it; either way the stored text is the one `contributions_to_column`
writes, byte for byte.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from itertools import repeat
from operator import itemgetter
from typing import Any

from offline_cache.models import (
    Benefit,
    Certification,
    Contribution,
    Fingerprint,
    Job,
    Notice,
    Resident,
)
from offline_cache.outbox import PERSON_ID_PATTERN


class MalformedItemError(ValueError):
    """A feed item does not match the interface schema."""


# What a parsed item may hold, beyond the schema's types, so that storing and using it cannot fail
# (a hostile or broken platform must get a `MalformedItemError`, not a crash at apply time):
# - every integer of the interface has a minimum >= 0, and SQLite integers are 64-bit;
MAX_INT = 2**63 - 1
# - text is stored as UTF-8: a lone surrogate (JSON "\ud800") cannot be;
_SURROGATE = re.compile("[\ud800-\udfff]")
# - dates and times one year / one day either side can still be computed (certification dates,
#   time zone conversions), and are written the RFC 3339 way, not any ISO 8601 form;
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})"
)
_MIN_YEAR, _MAX_YEAR = 2, 9998
_MIN_TIME = datetime(_MIN_YEAR, 1, 1, tzinfo=UTC)
_MAX_TIME = datetime(_MAX_YEAR, 12, 31, tzinfo=UTC)
# - a fingerprint template is the sensor's 512-byte characteristics block;
TEMPLATE_BYTES = 512
# - a person_id is a GB 11643 citizen number (the outbox refuses anything else for that person:
#   outbox.PERSON_ID_PATTERN).
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
CERTIFICATION_PERIODS = ("monthly", "annual")


def storable_text(value: str) -> bool:
    """Whether `value` can be stored as UTF-8 (no lone surrogates)."""
    return value.isascii() or _SURROGATE.search(value) is None


def _checked(key: str, value: Any, kind: type | tuple[type, ...]) -> Any:
    if kind is int and not 0 <= value <= MAX_INT:
        raise MalformedItemError(f"field {key!r} out of range")
    if kind is str and not storable_text(value):
        raise MalformedItemError(f"field {key!r} is not valid Unicode text")
    return value


def _req(obj: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(obj, dict):
        raise MalformedItemError(f"expected an object, got {type(obj).__name__}")
    value = obj.get(key)
    if value is None or not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise MalformedItemError(f"field {key!r} missing or of the wrong type")
    return _checked(key, value, kind)


def _opt(obj: dict[str, Any], key: str, kind: type, default: Any) -> Any:
    value = obj.get(key)
    if value is None:
        return default
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise MalformedItemError(f"field {key!r} of the wrong type")
    return _checked(key, value, kind)


def parse_date(text: str) -> date:
    """An RFC 3339 full-date (`YYYY-MM-DD`)."""
    try:
        if not _DATE.fullmatch(text):
            raise ValueError("not YYYY-MM-DD")
        value = date.fromisoformat(text)
    except (TypeError, ValueError) as e:
        raise MalformedItemError(f"not a date: {text!r}") from e
    if not _MIN_YEAR <= value.year <= _MAX_YEAR:
        raise MalformedItemError(f"date out of range: {text!r}")
    return value


def parse_time(text: str) -> datetime:
    """RFC 3339 with an offset; its "z" for UTC may be lower case (Python accepts only "Z")."""
    try:
        if not _TIME.fullmatch(text):
            raise ValueError("not an RFC 3339 date-time")
        value = datetime.fromisoformat(text[:-1] + "Z" if text.endswith("z") else text)
    except (TypeError, ValueError) as e:
        raise MalformedItemError(f"not an RFC 3339 time: {text!r}") from e
    if value.tzinfo is None:
        raise MalformedItemError(f"time without an offset: {text!r}")
    if not _MIN_TIME <= value <= _MAX_TIME:
        raise MalformedItemError(f"time out of range: {text!r}")
    return value


def parse_person_id(text: str) -> str:
    """An 18-character GB 11643 citizen number with its MOD 11-2 check character."""
    if not PERSON_ID_PATTERN.fullmatch(text):
        raise MalformedItemError("person_id is not an 18-character ID number")
    weighted = sum(int(d) * w for d, w in zip(text[:17], _ID_WEIGHTS, strict=True))
    if _ID_CHECK[weighted % 11] != text[17]:
        raise MalformedItemError("person_id has a wrong check character")
    return text


def _opt_time(obj: dict[str, Any], key: str) -> datetime | None:
    text = _opt(obj, key, str, None)
    return parse_time(text) if text is not None else None


# --- wire -> models -------------------------------------------------------------------------


def benefit_from_wire(obj: dict[str, Any]) -> Benefit:
    cert = _req(obj, "certification", dict)
    paid_until = _opt(obj, "paid_until", str, None)
    period = _req(cert, "period", str)
    if period not in CERTIFICATION_PERIODS:
        raise MalformedItemError(f"unknown certification period {period!r}")
    return Benefit(
        kind=_req(obj, "kind", str),
        status=_req(obj, "status", str),
        monthly_amount_cents=_req(obj, "monthly_amount_cents", int),
        certification=Certification(
            period=period,
            due_by=parse_date(_req(cert, "due_by", str)),
            last_certified_at=_opt_time(cert, "last_certified_at"),
        ),
        paid_until=parse_date(paid_until) if paid_until else None,
    )


def resident_from_wire(obj: dict[str, Any]) -> Resident:
    fingerprints = _fingerprints_from_wire(_req(obj, "fingerprints", list))
    contributions = _contributions_from_wire(_req(obj, "contributions", list))
    return Resident(
        person_id=parse_person_id(_req(obj, "person_id", str)),
        name=_req(obj, "name", str),
        gender=_req(obj, "gender", str),
        birth_date=parse_date(_req(obj, "birth_date", str)),
        card_number=_req(obj, "card_number", str),
        township_code=_req(obj, "township_code", str),
        version=_req(obj, "version", int),
        village_code=_opt(obj, "village_code", str, ""),
        account_balance_cents=_opt(obj, "account_balance_cents", int, 0),
        benefits=[benefit_from_wire(b) for b in _req(obj, "benefits", list)],
        fingerprints=fingerprints,
        contributions=contributions,
    )


def job_from_wire(obj: dict[str, Any]) -> Job:
    return Job(
        job_id=_req(obj, "job_id", str),
        title=_req(obj, "title", str),
        employer=_req(obj, "employer", str),
        township_code=_req(obj, "township_code", str),
        headcount=_req(obj, "headcount", int),
        posted_at=parse_time(_req(obj, "posted_at", str)),
        expires_at=parse_time(_req(obj, "expires_at", str)),
        location=_opt(obj, "location", str, ""),
        salary_min_cents=_opt(obj, "salary_min_cents", int, None),
        salary_max_cents=_opt(obj, "salary_max_cents", int, None),
        requirements=_opt(obj, "requirements", str, ""),
        contact_phone=_opt(obj, "contact_phone", str, ""),
    )


def notice_from_wire(obj: dict[str, Any]) -> Notice:
    return Notice(
        notice_id=_req(obj, "notice_id", str),
        title=_req(obj, "title", str),
        body=_req(obj, "body", str),
        published_at=parse_time(_req(obj, "published_at", str)),
        expires_at=_opt_time(obj, "expires_at"),
    )


# --- models <-> columns ---------------------------------------------------------------------

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _compact(value: Any) -> str:
    return _ENCODER.encode(value)


def benefits_to_column(benefits: list[Benefit]) -> str:
    return _compact(
        [
            {
                "kind": b.kind,
                "status": b.status,
                "monthly_amount_cents": b.monthly_amount_cents,
                "paid_until": b.paid_until.isoformat() if b.paid_until else None,
                "period": b.certification.period,
                "due_by": b.certification.due_by.isoformat(),
                "last_certified_at": (
                    b.certification.last_certified_at.isoformat()
                    if b.certification.last_certified_at
                    else None
                ),
            }
            for b in benefits
        ]
    )


def benefits_from_column(text: str) -> list[Benefit]:
    return [
        Benefit(
            kind=b["kind"],
            status=b["status"],
            monthly_amount_cents=b["monthly_amount_cents"],
            paid_until=date.fromisoformat(b["paid_until"]) if b["paid_until"] else None,
            certification=Certification(
                period=b["period"],
                due_by=date.fromisoformat(b["due_by"]),
                last_certified_at=(
                    datetime.fromisoformat(b["last_certified_at"])
                    if b["last_certified_at"]
                    else None
                ),
            ),
        )
        for b in json.loads(text)
    ]


def contributions_to_column(contributions: list[Contribution]) -> str:
    return _compact(
        [
            [c.year, c.scheme, c.months_paid, c.base_cents, c.personal_cents, c.unit_cents]
            + ([c.employer] if c.employer else [])
            for c in contributions
        ]
    )


def contributions_from_column(text: str) -> list[Contribution]:
    return [Contribution(*row) for row in json.loads(text)]


def _time_text(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def job_to_column(job: Job) -> str:
    data = asdict(job)
    data["posted_at"] = _time_text(job.posted_at)
    data["expires_at"] = _time_text(job.expires_at)
    return _compact(data)


def job_from_column(text: str) -> Job:
    data = json.loads(text)
    data["posted_at"] = datetime.fromisoformat(data["posted_at"])
    data["expires_at"] = datetime.fromisoformat(data["expires_at"])
    return Job(**data)


def notice_to_column(notice: Notice) -> str:
    data = asdict(notice)
    data["published_at"] = _time_text(notice.published_at)
    data["expires_at"] = _time_text(notice.expires_at)
    return _compact(data)


def notice_from_column(text: str) -> Notice:
    data = json.loads(text)
    data["published_at"] = datetime.fromisoformat(data["published_at"])
    data["expires_at"] = datetime.fromisoformat(data["expires_at"]) if data["expires_at"] else None
    return Notice(**data)


# --- wire -> columns (the roster's bulk path) -----------------------------------------------

_CONTRIBUTION_FIELDS = itemgetter(
    "year", "scheme", "months_paid", "base_cents", "personal_cents", "unit_cents"
)
_CONTRIBUTION_FIELDS_AND_EMPLOYER = itemgetter(
    "year", "scheme", "months_paid", "base_cents", "personal_cents", "unit_cents", "employer"
)
# Exact type sets (`type(True) is bool`, so a JSON true/false never passes as an int).
_INT = {int}
_STR = {str}
_EMPLOYER_TYPES = {str, type(None)}
_DICT = {dict}
_EMPLOYER = 6  # index of the employer in a compact row; omitted there when empty


@dataclass(frozen=True, slots=True)
class ResidentRow:
    """A validated roster resident in the form of its `residents` columns, plus its fingerprints
    (templates in clear; the store seals them). What `parse_page` yields for the roster."""

    person_id: str
    card_number: str
    name: str
    gender: str
    birth_date: str  # ISO date
    township_code: str
    village_code: str
    account_balance_cents: int
    version: int
    benefits: str  # benefits_to_column text
    contributions: str  # contributions_to_column text
    fingerprints: tuple[Fingerprint, ...]

    def columns(self) -> tuple[str, str, str, str, str, str, str, int, int, str, str]:
        """Values in the order of the store's resident columns."""
        return (
            self.person_id,
            self.card_number,
            self.name,
            self.gender,
            self.birth_date,
            self.township_code,
            self.village_code,
            self.account_balance_cents,
            self.version,
            self.benefits,
            self.contributions,
        )

    def to_resident(self) -> Resident:
        """The model object (decodes the JSON columns; not needed to store the row)."""
        return Resident(
            person_id=self.person_id,
            name=self.name,
            gender=self.gender,
            birth_date=date.fromisoformat(self.birth_date),
            card_number=self.card_number,
            township_code=self.township_code,
            version=self.version,
            village_code=self.village_code,
            account_balance_cents=self.account_balance_cents,
            benefits=benefits_from_column(self.benefits),
            fingerprints=list(self.fingerprints),
            contributions=contributions_from_column(self.contributions),
        )


def resident_row(resident: Resident) -> ResidentRow:
    """The column form of a model resident (`Store.upsert_resident`, model pages)."""
    return ResidentRow(
        person_id=resident.person_id,
        card_number=resident.card_number,
        name=resident.name,
        gender=resident.gender,
        birth_date=resident.birth_date.isoformat(),
        township_code=resident.township_code,
        village_code=resident.village_code,
        account_balance_cents=resident.account_balance_cents,
        version=resident.version,
        benefits=benefits_to_column(resident.benefits),
        contributions=contributions_to_column(resident.contributions),
        fingerprints=tuple(resident.fingerprints),
    )


def _fast_contributions_column(items: list[Any]) -> str | None:
    """The column text of wire contribution rows, or None when the quick check is unsure (then
    the strict parser decides). Checks run per column over C iterators, not per field in Python."""
    if not items:
        return "[]"
    if set(map(type, items)) != _DICT:
        return None
    try:
        rows = list(map(_CONTRIBUTION_FIELDS_AND_EMPLOYER, items))
    except KeyError:  # some rows have no employer (optional) or lack a required field
        try:
            optional = zip(map(dict.get, items, repeat("employer")))
            rows = list(map(tuple.__add__, map(_CONTRIBUTION_FIELDS, items), optional))
        except KeyError:
            return None
    years, schemes, months, base, personal, unit, employers = zip(*rows, strict=True)
    numbers = (*years, *months, *base, *personal, *unit)
    if not set(map(type, numbers)) <= _INT or not 0 <= min(numbers) <= max(numbers) <= MAX_INT:
        return None
    if not set(map(type, schemes)) <= _STR or not set(map(type, employers)) <= _EMPLOYER_TYPES:
        return None
    if "" in employers or None in employers:
        rows = [row if row[_EMPLOYER] else row[:_EMPLOYER] for row in rows]
    text = _compact(rows)
    return text if storable_text(text) else None


def contributions_column_from_wire(items: Any) -> str:
    """Validate the wire `contributions` list and return its column text (see module docstring)."""
    if isinstance(items, list):
        text = _fast_contributions_column(items)
        if text is not None:
            return text
    return contributions_to_column(_contributions_from_wire(items))


def _contributions_from_wire(items: Any) -> list[Contribution]:
    if not isinstance(items, list):
        raise MalformedItemError("field 'contributions' missing or of the wrong type")
    return [
        Contribution(
            year=_req(c, "year", int),
            scheme=_req(c, "scheme", str),
            months_paid=_req(c, "months_paid", int),
            base_cents=_req(c, "base_cents", int),
            personal_cents=_req(c, "personal_cents", int),
            unit_cents=_req(c, "unit_cents", int),
            employer=_opt(c, "employer", str, ""),
        )
        for c in items
    ]


def _fingerprints_from_wire(items: list[Any]) -> list[Fingerprint]:
    fingerprints = []
    for fp in items:
        text = _req(fp, "template", str)
        try:
            template = base64.b64decode(text, validate=True)
        except ValueError as e:  # binascii.Error, or ValueError for a non-ASCII character
            raise MalformedItemError("fingerprint template is not base64") from e
        if len(template) != TEMPLATE_BYTES:
            raise MalformedItemError(f"fingerprint template is not {TEMPLATE_BYTES} bytes")
        fingerprints.append(
            Fingerprint(
                finger=_req(fp, "finger", str),
                template=template,
                enrolled_at=_opt_time(fp, "enrolled_at"),
            )
        )
    return fingerprints


def resident_row_from_wire(obj: dict[str, Any]) -> ResidentRow:
    """As strict as `resident_from_wire` (same errors, same stored text), without the objects."""
    fingerprints = _fingerprints_from_wire(_req(obj, "fingerprints", list))
    contributions = contributions_column_from_wire(_req(obj, "contributions", list))
    # Same field order as resident_from_wire, so a record with several faults names the same one.
    return ResidentRow(
        person_id=parse_person_id(_req(obj, "person_id", str)),
        name=_req(obj, "name", str),
        gender=_req(obj, "gender", str),
        birth_date=parse_date(_req(obj, "birth_date", str)).isoformat(),
        card_number=_req(obj, "card_number", str),
        township_code=_req(obj, "township_code", str),
        version=_req(obj, "version", int),
        village_code=_opt(obj, "village_code", str, ""),
        account_balance_cents=_opt(obj, "account_balance_cents", int, 0),
        benefits=benefits_to_column([benefit_from_wire(b) for b in _req(obj, "benefits", list)]),
        contributions=contributions,
        fingerprints=tuple(fingerprints),
    )
