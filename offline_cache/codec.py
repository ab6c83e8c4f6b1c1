"""Conversions between the platform's JSON, the model dataclasses and the database columns.

Wire parsing is strict (a missing required field or a wrong type raises `MalformedItemError`) so
that a bad page is refused whole instead of half-applied. Contributions are stored as compact JSON
rows (`[year, scheme, months, base, personal, unit, employer]`): a resident has up to ~200 of them
and the roster holds up to a million residents, so key names would dominate the database size.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import asdict
from datetime import date, datetime
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


class MalformedItemError(ValueError):
    """A feed item does not match the interface schema."""


def _req(obj: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(obj, dict):
        raise MalformedItemError(f"expected an object, got {type(obj).__name__}")
    value = obj.get(key)
    if value is None or not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise MalformedItemError(f"field {key!r} missing or of the wrong type")
    return value


def _opt(obj: dict[str, Any], key: str, kind: type, default: Any) -> Any:
    value = obj.get(key)
    if value is None:
        return default
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise MalformedItemError(f"field {key!r} of the wrong type")
    return value


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError) as e:
        raise MalformedItemError(f"not a date: {text!r}") from e


def parse_time(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except (TypeError, ValueError) as e:
        raise MalformedItemError(f"not an RFC 3339 time: {text!r}") from e
    if value.tzinfo is None:
        raise MalformedItemError(f"time without an offset: {text!r}")
    return value


def _opt_time(obj: dict[str, Any], key: str) -> datetime | None:
    text = _opt(obj, key, str, None)
    return parse_time(text) if text is not None else None


# --- wire -> models -------------------------------------------------------------------------


def benefit_from_wire(obj: dict[str, Any]) -> Benefit:
    cert = _req(obj, "certification", dict)
    paid_until = _opt(obj, "paid_until", str, None)
    return Benefit(
        kind=_req(obj, "kind", str),
        status=_req(obj, "status", str),
        monthly_amount_cents=_req(obj, "monthly_amount_cents", int),
        certification=Certification(
            period=_req(cert, "period", str),
            due_by=parse_date(_req(cert, "due_by", str)),
            last_certified_at=_opt_time(cert, "last_certified_at"),
        ),
        paid_until=parse_date(paid_until) if paid_until else None,
    )


def resident_from_wire(obj: dict[str, Any]) -> Resident:
    fingerprints = []
    for fp in _req(obj, "fingerprints", list):
        try:
            template = base64.b64decode(_req(fp, "template", str), validate=True)
        except binascii.Error as e:
            raise MalformedItemError("fingerprint template is not base64") from e
        fingerprints.append(
            Fingerprint(
                finger=_req(fp, "finger", str),
                template=template,
                enrolled_at=_opt_time(fp, "enrolled_at"),
            )
        )
    contributions = [
        Contribution(
            year=_req(c, "year", int),
            scheme=_req(c, "scheme", str),
            months_paid=_req(c, "months_paid", int),
            base_cents=_req(c, "base_cents", int),
            personal_cents=_req(c, "personal_cents", int),
            unit_cents=_req(c, "unit_cents", int),
            employer=_opt(c, "employer", str, ""),
        )
        for c in _req(obj, "contributions", list)
    ]
    return Resident(
        person_id=_req(obj, "person_id", str),
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


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


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
