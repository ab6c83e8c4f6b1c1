"""Synthetic card data for screenshots, the demo's keyboard shortcuts and UI tests.

The people are invented; the ID numbers have valid check digits (GB 11643) so that code checking
them accepts the samples, but belong to nobody (birth years and serials are made up).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from drivers.card.api import CardData
from drivers.card.records import id_check_digit


def synthetic_person_id(first17: str) -> str:
    return first17 + id_check_digit(first17)


SAMPLE_CARD = CardData(
    card_identifier="320102D1560000050001234567890ABC",
    card_type="3",
    spec_version="3.00",
    issuer_code="320102000000",
    issue_date=date(2021, 6, 1),
    expiry_date=date(2031, 6, 1),
    card_number="A00000001",
    person_id=synthetic_person_id("32010219520314002"),
    name="王秀英",
    gender="F",
    ethnicity=1,
    birthplace="320102",
    birth_date=date(1952, 3, 14),
)

# Names with rare characters: extension B (𠮷 U+20BB7) and extension A (䶮 U+4DAE).
RARE_NAME_CARD = replace(
    SAMPLE_CARD,
    card_number="A00000002",
    person_id=synthetic_person_id("32010219480721001"),
    name="王𠮷",
    gender="M",
    birth_date=date(1948, 7, 21),
)

EXPIRED_CARD = replace(
    SAMPLE_CARD,
    card_number="A00000003",
    person_id=synthetic_person_id("32010219550902003"),
    name="李䶮",
    expiry_date=date(2024, 1, 1),
)
