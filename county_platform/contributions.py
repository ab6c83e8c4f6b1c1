"""Synthetic contribution histories: one row per scheme and year, with period-correct rates.

`base_cents` is the monthly contribution base; `personal_cents` and `unit_cents` are what the
person and the employer (unit) paid over the year's `months_paid`. Resident (rural) schemes have no
base and no employer share: the person pays a flat annual amount.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

FEN = 100
WAGE_GROWTH = 1.07  # yearly growth of contribution bases, used to age a base backwards
MIN_BASE_YUAN = 1200
EMPLOYEE_BASE_YUAN = (3000, 12000)
RESIDENT_PENSION_GRADES_YUAN = (200, 300, 500, 800, 1000, 2000)
FIRST_RECORD_YEAR = 1992
RESIDENT_PENSION_SINCE = 2009  # 新农保 pilot
RESIDENT_MEDICAL_SINCE = 2003  # 新农合
YEARS_OF_HISTORY = (10, 30)

EMPLOYERS = (
    "南京金陵电子有限公司", "江苏苏宁物流有限公司", "南京玄武建筑工程有限公司", "南京钟山宾馆",
    "南京紫金山食品厂", "江苏长江纺织有限公司", "南京市玄武区环境卫生管理所", "南京秦淮汽车配件厂",
    "南京新街口百货商店", "南京梅花山园林绿化有限公司", "江苏华东精密机械有限公司",
    "南京市第一医院后勤服务中心", "南京鸡鸣物业管理有限公司", "南京太平商贸有限公司",
)  # fmt: skip


@dataclass(frozen=True)
class Rates:
    """Shares of the base paid by the person and by the unit, per scheme."""

    personal: float
    unit: float


def employee_rates(year: int) -> dict[str, Rates]:
    """Urban employee schemes with the national rate changes (2016, 2019) and the 2020 merger of
    maternity into medical insurance."""
    rates = {
        "employee_pension": Rates(0.08, 0.20 if year < 2019 else 0.16),
        "unemployment": Rates(0.01 if year < 2016 else 0.005, 0.02 if year < 2016 else 0.005),
        "medical": Rates(0.02, 0.08),
        "work_injury": Rates(0.0, 0.004),
    }
    if year < 2020:
        rates["maternity"] = Rates(0.0, 0.008)
    return rates


def resident_medical_premium_yuan(year: int) -> int:
    """The flat yearly premium of resident medical insurance, rising from 10 yuan in 2003."""
    return min(400, 10 + max(0, year - RESIDENT_MEDICAL_SINCE) * 18)


def employee_history(
    rng: random.Random, first_year: int, last_year: int, last_year_months: int
) -> list[dict[str, Any]]:
    """Urban employee rows for `first_year`..`last_year`, a few employers, bases growing."""
    rows: list[dict[str, Any]] = []
    final_base = rng.randint(*EMPLOYEE_BASE_YUAN)
    employer = rng.choice(EMPLOYERS)
    for year in range(first_year, last_year + 1):
        if rng.random() < 0.12:
            employer = rng.choice(EMPLOYERS)
        months = 12
        if year == last_year:
            months = last_year_months
        elif year == first_year or rng.random() < 0.05:
            months = rng.randint(3, 12)
        if months <= 0:
            continue
        base_yuan = max(MIN_BASE_YUAN, round(final_base / WAGE_GROWTH ** (last_year - year)))
        base = base_yuan * FEN
        for scheme, rate in employee_rates(year).items():
            rows.append({
                "year": year, "scheme": scheme, "months_paid": months, "base_cents": base,
                "personal_cents": round(base * rate.personal * months),
                "unit_cents": round(base * rate.unit * months), "employer": employer,
            })  # fmt: skip
    return rows


def resident_history(
    rng: random.Random, first_year: int, last_year: int, pension_until: int
) -> list[dict[str, Any]]:
    """Rural resident rows: medical every year, resident pension until `pension_until`."""
    rows: list[dict[str, Any]] = []
    grade = rng.choice(RESIDENT_PENSION_GRADES_YUAN)
    for year in range(max(first_year, RESIDENT_MEDICAL_SINCE), last_year + 1):
        rows.append({
            "year": year, "scheme": "medical", "months_paid": 12, "base_cents": 0,
            "personal_cents": resident_medical_premium_yuan(year) * FEN, "unit_cents": 0,
        })  # fmt: skip
        if RESIDENT_PENSION_SINCE <= year <= pension_until:
            rows.append({
                "year": year, "scheme": "resident_pension", "months_paid": 12, "base_cents": 0,
                "personal_cents": grade * FEN, "unit_cents": 0,
            })  # fmt: skip
    rows.sort(key=lambda r: (r["year"], r["scheme"]))
    return rows


def history_span(rng: random.Random, birth_year: int, last_year: int) -> tuple[int, int]:
    """First and last year of a 10-30 year history that starts no earlier than age 18."""
    earliest = max(FIRST_RECORD_YEAR, birth_year + 18)
    wanted = rng.randint(*YEARS_OF_HISTORY)
    first = max(earliest, last_year - wanted + 1)
    return min(first, last_year), last_year


def pension_account_cents(rows: list[dict[str, Any]]) -> int:
    """Personal pension account: the person's pension contributions with credited interest."""
    paid = sum(
        r["personal_cents"] for r in rows if r["scheme"] in ("employee_pension", "resident_pension")
    )
    return round(paid * 1.18)
