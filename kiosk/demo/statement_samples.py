"""A synthetic resident with contributions, for the statement flow's screenshots, demo and tests.

Invented data for the invented sample cards (kiosk.demo.samples): `years` of employee pension and
medical contributions ending in `last_year`, so a long history gives a multi-page statement.
"""

from __future__ import annotations

from drivers.card.api import CardData
from offline_cache.models import Contribution, Resident

SAMPLE_TOWNSHIP = "320102001"
BASE_CENTS_START = 180_000  # monthly base in the first year, growing each year
BASE_GROWTH = 1.06
PENSION_PERSONAL = 0.08
PENSION_UNIT = 0.16
MEDICAL_PERSONAL = 0.02
MEDICAL_UNIT = 0.08
MONTHS = 12


def statement_resident(card: CardData, years: int = 3, last_year: int = 2026) -> Resident:
    contributions: list[Contribution] = []
    base = float(BASE_CENTS_START)
    for year in range(last_year - years + 1, last_year + 1):
        monthly = round(base)
        for scheme, personal, unit in (
            ("employee_pension", PENSION_PERSONAL, PENSION_UNIT),
            ("medical", MEDICAL_PERSONAL, MEDICAL_UNIT),
        ):
            contributions.append(
                Contribution(
                    year=year,
                    scheme=scheme,
                    months_paid=MONTHS,
                    base_cents=monthly,
                    personal_cents=round(monthly * personal * MONTHS),
                    unit_cents=round(monthly * unit * MONTHS),
                    employer="青山镇农机修造厂",
                )
            )
        base *= BASE_GROWTH
    return Resident(
        person_id=card.person_id,
        name=card.name,
        gender=card.gender,
        birth_date=card.birth_date,
        card_number=card.card_number,
        township_code=SAMPLE_TOWNSHIP,
        version=1,
        account_balance_cents=sum(c.personal_cents for c in contributions),
        contributions=contributions,
    )
