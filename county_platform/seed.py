"""A synthetic but realistic township: residents, benefits, fingerprints, contributions, jobs.

Deterministic for a given (township, seed, today): resident `i` is the same whatever the count, so
a 40-resident test township is the start of the 50,000-resident one. Generation streams (one
resident at a time, written in batches) so that a million residents need no quadratic work and
bounded memory beyond the set of issued numbers.
"""

from __future__ import annotations

import base64
import hashlib
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from county_platform import contributions as contrib
from county_platform.ids import card_number, make_person_id
from county_platform.listings import CST, generate_jobs, generate_notices
from county_platform.names import chinese_name
from county_platform.store import COUNTY_WIDE, Feed, PlatformStore

TEMPLATE_BYTES = 512
TEMPLATE_DOMAIN = b"county-platform/synthetic-template/v1"
DEFAULT_TOWNSHIP = "320102001"
PENSION_AGE = 60
VILLAGES = (1, 2, 3, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210)  # 0xx 社区, 2xx 村
FINGERS = ("right_index", "left_index", "right_thumb", "left_thumb", "right_middle")
FEN = 100
WRITE_BATCH = 1000

# Who resident i is: a fixed cycle so that every small township has each kind of person.
PENSIONER, UNEMPLOYED, CONTRIBUTOR = "pensioner", "unemployed", "contributor"
ROLE_CYCLE = (
    PENSIONER, CONTRIBUTOR, CONTRIBUTOR, PENSIONER, UNEMPLOYED, CONTRIBUTOR, PENSIONER,
    CONTRIBUTOR, CONTRIBUTOR, PENSIONER, CONTRIBUTOR, CONTRIBUTOR, PENSIONER, CONTRIBUTOR,
    UNEMPLOYED, PENSIONER, CONTRIBUTOR, CONTRIBUTOR, PENSIONER, CONTRIBUTOR,
)  # fmt: skip
NAME_STYLE_EVERY = 50  # residents 1, 2 and 3 of every fifty get a rare or a four-character name
NAME_STYLES = {1: "ext_b", 2: "ext_a", 3: "compound"}


def synthetic_template(person_id: str, finger: str) -> bytes:
    """The 512-byte enrolled template of a synthetic finger: SHA-256 in counter mode.

    Deterministic, so simulated sensors and emulators can present "the same finger" again, and
    unrelated for different fingers or people (byte similarity stays low).
    """
    seed = TEMPLATE_DOMAIN + b"\0" + person_id.encode() + b"\0" + finger.encode()
    blocks = (hashlib.sha256(seed + i.to_bytes(2, "big")).digest() for i in range(16))
    return b"".join(blocks)[:TEMPLATE_BYTES]


@dataclass(frozen=True)
class SeedSummary:
    residents: int
    jobs: int
    notices: int
    changes: int  # entities actually written (unchanged ones are skipped)


def generate_township(
    township_code: str, residents: int, seed: int = 1, today: date | None = None
) -> Iterator[dict[str, Any]]:
    """Yield `residents` roster records (API shape, without `version`)."""
    _check_township(township_code)
    today = today or date.today()
    issued: set[str] = set()
    for index in range(residents):
        rng = random.Random(f"resident:{seed}:{township_code}:{index}")
        yield _resident(rng, township_code, index, today, issued)


def seed_database(
    store: PlatformStore,
    township_code: str,
    residents: int,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> SeedSummary:
    """Write a generated township (plus jobs and county notices) into the platform database."""
    today = today or date.today()
    changes = 0
    written = 0
    batch: list[tuple[str, str, dict[str, Any]]] = []
    for resident in generate_township(township_code, residents, seed, today):
        batch.append((resident["person_id"], township_code, resident))
        if len(batch) >= WRITE_BATCH:
            changes += store.upsert_many(Feed.ROSTER, batch)
            written += len(batch)
            batch = []
            if progress is not None:
                progress(written)
    if batch:
        changes += store.upsert_many(Feed.ROSTER, batch)
        written += len(batch)
    jobs = generate_jobs(township_code, seed, today)
    changes += store.upsert_many(Feed.JOBS, [(j["job_id"], township_code, j) for j in jobs])
    notices = generate_notices(township_code[:6], seed, today)
    changes += store.upsert_many(Feed.NOTICES, [(n["notice_id"], COUNTY_WIDE, n) for n in notices])
    return SeedSummary(written, len(jobs), len(notices), changes)


def _check_township(code: str) -> None:
    if len(code) != 9 or not code.isdigit():
        raise ValueError(f"a township code is 9 digits (got {code!r})")


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _age(rng: random.Random, role: str) -> int:
    if role == PENSIONER:
        return PENSION_AGE + int(rng.triangular(0, 33, 4))
    if role == UNEMPLOYED:
        return rng.randint(22, 55)
    return rng.randint(18, PENSION_AGE - 1)


def _person_id(
    rng: random.Random, township_code: str, age: int, male: bool, today: date, issued: set[str]
) -> str:
    """A fresh number: born `age` years ago, sequence digits led by the township's last digit."""
    latest = _years_before(today, age)
    born = latest - timedelta(days=rng.randint(0, 364))
    lead = int(township_code[-1]) * 100
    while True:
        for _ in range(20):
            sequence = lead + rng.randrange(0, 50) * 2 + (1 if male else 0)
            pid = make_person_id(township_code[:6], born, sequence)
            if pid not in issued:
                issued.add(pid)
                return pid
        born -= timedelta(days=1)  # that day is crowded: the person is one day older


def _moment(day: date, rng: random.Random) -> datetime:
    minutes = rng.randint(8 * 60 + 30, 17 * 60)
    return datetime.combine(day, time(minutes // 60, minutes % 60), CST)


def _month_end(day: date) -> date:
    first_next = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first_next - timedelta(days=1)


def _resident(
    rng: random.Random, township_code: str, index: int, today: date, issued: set[str]
) -> dict[str, Any]:
    role = ROLE_CYCLE[index % len(ROLE_CYCLE)]
    male = rng.random() < 0.5
    age = _age(rng, role)
    person_id = _person_id(rng, township_code, age, male, today, issued)
    born = date(int(person_id[6:10]), int(person_id[10:12]), int(person_id[12:14]))
    style = NAME_STYLES.get(index % NAME_STYLE_EVERY, "random")
    employee = role != PENSIONER or rng.random() < 0.6
    rows = _contributions(rng, born, role, employee, today)
    balance = contrib.pension_account_cents(rows)
    benefits: list[dict[str, Any]] = []
    if role == PENSIONER:
        benefits.append(_pension(rng, employee, today))
        months_retired = max(0, (today.year - born.year - PENSION_AGE) * 12)
        balance = max(0, balance - balance * months_retired // 139)
    elif role == UNEMPLOYED:
        benefits.append(_unemployment(rng, today))
    fingerprints = _fingerprints(rng, person_id, today) if benefits else []
    return {
        "person_id": person_id,
        "name": chinese_name(rng, male, style),
        "gender": "M" if male else "F",
        "birth_date": born.isoformat(),
        "card_number": card_number(township_code, index),
        "township_code": township_code,
        "village_code": f"{township_code}{rng.choice(VILLAGES):03d}",
        "account_balance_cents": balance,
        "benefits": benefits,
        "fingerprints": fingerprints,
        "contributions": rows,
    }


def _contributions(
    rng: random.Random, born: date, role: str, employee: bool, today: date
) -> list[dict[str, Any]]:
    if role == PENSIONER:
        retired = born.year + PENSION_AGE
        if employee:
            first, last = contrib.history_span(rng, born.year, retired)
            return contrib.employee_history(rng, first, last, rng.randint(1, 12))
        first, _ = contrib.history_span(rng, born.year, today.year)
        return contrib.resident_history(rng, first, today.year, retired - 1)
    last_year, last_months = today.year, today.month - 1
    if role == UNEMPLOYED:  # lost the job two to five months ago
        last_months = today.month - rng.randint(2, 5)
        if last_months <= 0:
            last_year, last_months = today.year - 1, 12 + last_months
    if last_months == 0:
        last_year, last_months = last_year - 1, 12
    first, last = contrib.history_span(rng, born.year, last_year)
    return contrib.employee_history(rng, first, last, last_months)


def _pension(rng: random.Random, employee: bool, today: date) -> dict[str, Any]:
    """Annual certification; due dates spread so that some are overdue and some just done."""
    roll = rng.random()
    if roll < 0.2:
        days_ago = rng.randint(0, 30)  # certified recently
    elif roll < 0.8:
        days_ago = rng.randint(31, 330)
    elif roll < 0.92:
        days_ago = rng.randint(331, 365)  # due within a month
    else:
        days_ago = rng.randint(366, 450)  # overdue
    last = _moment(today - timedelta(days=days_ago), rng)
    due_by = last.date() + timedelta(days=365)
    status, paid_until = "active", _month_end(today)
    if today - due_by > timedelta(days=30):
        status, paid_until = "suspended", _month_end(due_by)
    if rng.random() < 0.03:
        status, paid_until = "stopped", _month_end(today - timedelta(days=rng.randint(60, 400)))
    low, high = (2500, 6500) if employee else (180, 450)
    return {
        "kind": "pension",
        "status": status,
        "monthly_amount_cents": rng.randint(low, high) * FEN,
        "paid_until": paid_until.isoformat(),
        "certification": {
            "period": "annual",
            "last_certified_at": last.isoformat(),
            "due_by": due_by.isoformat(),
        },
    }


def _unemployment(rng: random.Random, today: date) -> dict[str, Any]:
    """Monthly certification; a few never certified yet (new claims) or overdue."""
    roll = rng.random()
    last_certified: str | None
    if roll < 0.1:
        last_certified, due_by = None, today + timedelta(days=rng.randint(1, 20))
    else:
        last = _moment(today - timedelta(days=rng.randint(0, 40)), rng)
        last_certified, due_by = last.isoformat(), last.date() + timedelta(days=30)
    status = "suspended" if today - due_by > timedelta(days=10) else "active"
    return {
        "kind": "unemployment",
        "status": status,
        "monthly_amount_cents": rng.randint(1800, 2300) * FEN,
        "paid_until": _month_end(today).isoformat(),
        "certification": {
            "period": "monthly",
            "last_certified_at": last_certified,
            "due_by": due_by.isoformat(),
        },
    }


def _fingerprints(rng: random.Random, person_id: str, today: date) -> list[dict[str, Any]]:
    fingers = ["right_index"] if rng.random() < 0.8 else [rng.choice(FINGERS[2:])]
    if rng.random() < 0.5:
        fingers.append("left_index")
    enrolled = _moment(today - timedelta(days=rng.randint(30, 2000)), rng)
    return [
        {
            "finger": finger,
            "template": base64.b64encode(synthetic_template(person_id, finger)).decode("ascii"),
            "enrolled_at": enrolled.isoformat(),
        }
        for finger in fingers
    ]
