"""The township data the kiosk keeps offline, as the county roster and feeds describe it.

Mirrors `Resident`, `Benefit`, `Job` and `Notice` of ../shared/county-api/openapi.yaml. Money is
integer fen (`*_cents`), dates are `datetime.date`, times are aware `datetime`s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Certification:
    period: str  # "monthly" | "annual"
    due_by: date
    last_certified_at: datetime | None = None


@dataclass(frozen=True)
class Benefit:
    kind: str  # "pension" | "unemployment"
    status: str  # "active" | "suspended" | "stopped"
    monthly_amount_cents: int
    certification: Certification
    paid_until: date | None = None


@dataclass(frozen=True)
class Fingerprint:
    finger: str  # "right_index" ...
    template: bytes  # 512 bytes, decrypted only in memory
    enrolled_at: datetime | None = None


@dataclass(frozen=True)
class Contribution:
    year: int
    # employee_pension | resident_pension | unemployment | medical | work_injury | maternity
    scheme: str
    months_paid: int
    base_cents: int
    personal_cents: int
    unit_cents: int
    employer: str = ""


@dataclass(frozen=True)
class Resident:
    person_id: str
    name: str
    gender: str  # "M" | "F"
    birth_date: date
    card_number: str
    township_code: str
    version: int
    village_code: str = ""
    account_balance_cents: int = 0
    benefits: list[Benefit] = field(default_factory=list)
    fingerprints: list[Fingerprint] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)


@dataclass(frozen=True)
class Job:
    job_id: str
    title: str
    employer: str
    township_code: str
    headcount: int
    posted_at: datetime
    expires_at: datetime
    location: str = ""
    salary_min_cents: int | None = None
    salary_max_cents: int | None = None
    requirements: str = ""
    contact_phone: str = ""


@dataclass(frozen=True)
class Notice:
    notice_id: str
    title: str
    body: str
    published_at: datetime
    expires_at: datetime | None = None
