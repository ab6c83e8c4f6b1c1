"""Residents and cards for the certification tests (synthetic people, real Store)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from county_platform.seed import synthetic_template
from drivers.card.api import CardData
from kiosk.config import Config
from kiosk.demo.samples import SAMPLE_CARD, synthetic_person_id
from offline_cache.models import Benefit, Certification, Fingerprint, Resident
from offline_cache.store import KIOSK_TZ, Store

PERSON = SAMPLE_CARD.person_id


def kiosk_today() -> date:
    return datetime.now(KIOSK_TZ).date()


def benefit(kind: str = "pension", status: str = "active", due_in_days: int = 10,
            period: str | None = None, last: datetime | None = None) -> Benefit:  # fmt: skip
    period = period or ("annual" if kind == "pension" else "monthly")
    due = kiosk_today() + timedelta(days=due_in_days)
    return Benefit(kind, status, 180000, Certification(period, due, last))


def resident(
    person_id: str = PERSON,
    benefits: list[Benefit] | None = None,
    fingers: tuple[str, ...] = ("right_index",),
    card_number: str = SAMPLE_CARD.card_number,
) -> Resident:
    return Resident(
        person_id=person_id,
        name="王秀英",
        gender="F",
        birth_date=date(1952, 3, 14),
        card_number=card_number,
        township_code="320102001",
        version=1,
        benefits=benefits if benefits is not None else [benefit()],
        fingerprints=[Fingerprint(f, synthetic_template(person_id, f)) for f in fingers],
    )


def card_for(person: Resident) -> CardData:
    return replace(SAMPLE_CARD, person_id=person.person_id, card_number=person.card_number,
                   name=person.name)  # fmt: skip


def other_person(n: int) -> str:
    return synthetic_person_id(f"3201021950010{n:03d}"[:17])


def seed(config: Config, *people: Resident) -> None:
    store = Store.open(config.database_path, config.read_template_key())
    try:
        for p in people:
            store.upsert_resident(p)
    finally:
        store.close()


def certifications(config: Config) -> list[dict[str, object]]:
    """The certification transactions in the outbox, oldest first (payload + person)."""
    import json

    store = Store.open(config.database_path, config.read_template_key())
    try:
        txs = [store.transaction(i) for i in store.transaction_ids()]
    finally:
        store.close()
    out = []
    for tx in txs:
        if tx is not None and tx.kind == "certification":
            body = json.loads(tx.body)
            out.append({"person_id": tx.person_id, "id": tx.id, **body.get("payload", body)})
    return out
