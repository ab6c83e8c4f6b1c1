"""The residents behind the demo's card keys (`kiosk --demo`, kiosk/demo/keys.py), picked from
the LOCAL CACHE so that every flow finds the person whose card is inserted.

A built-in sample card (kiosk.demo.samples) belongs to nobody in the demo township: the
statement, benefits and certification would all say "not found". So the keys insert the cards
of real (synthetic) residents of the copy: a pensioner whose certification is due, an unemployed
resident, a resident whose name has a rare character (CJK extension A/B), and a resident with no
benefits at all. No Qt here: `pick_demo_cards` is a pure choice, `load_demo_cards` reads the store.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from drivers.card.api import CardData
from kiosk.config import Config
from kiosk.core.certification import plan_for
from kiosk.demo.samples import SAMPLE_CARD
from offline_cache.models import Resident
from offline_cache.store import Store

CJK_EXT_A = range(0x3400, 0x4DC0)  # 䶮 㑇 …: outside the common fonts' basic block
SUPPLEMENTARY = 0x10000  # 𠮷 …: extension B and beyond, outside the BMP (two UTF-16 units)


class DemoResident(enum.Enum):
    """Who a demo card key stands for (docs/ui.md, "Demo keys")."""

    DUE_PENSIONER = "a pensioner whose certification is due"
    UNEMPLOYED = "an unemployed resident (unemployment insurance)"
    RARE_NAME = "a resident with a rare character in the name"
    NO_BENEFITS = "a resident with no benefits"


def is_rare_name(name: str) -> bool:
    return any(ord(c) >= SUPPLEMENTARY or ord(c) in CJK_EXT_A for c in name)


def card_of(resident: Resident) -> CardData:
    """A card for `resident`, otherwise the sample card's (valid dates, issuer)."""
    gender = resident.gender if resident.gender in ("M", "F") else "F"
    return replace(
        SAMPLE_CARD, person_id=resident.person_id, card_number=resident.card_number,
        name=resident.name, gender=gender, birth_date=resident.birth_date,
    )  # fmt: skip


def _fits(who: DemoResident, r: Resident, now: datetime) -> bool:
    kinds = {b.kind for b in r.benefits}
    if who is DemoResident.DUE_PENSIONER:
        return (
            "pension" in kinds and bool(r.fingerprints) and plan_for(r, r.person_id, now).pressing
        )
    if who is DemoResident.UNEMPLOYED:
        return "unemployment" in kinds
    if who is DemoResident.RARE_NAME:
        return is_rare_name(r.name)
    return not r.benefits


def pick_demo_cards(residents: Iterable[Resident], now: datetime) -> dict[DemoResident, CardData]:
    """The first resident (in the given order) that fits each kind; a kind nobody fits is absent.
    A rare name outside the BMP (𠮷) is preferred to one in extension A (䶮): the harder case; a
    due pensioner with more enrolled fingers to one with fewer (the demo shows the next finger)."""
    found: dict[DemoResident, Resident] = {}
    for r in residents:
        for who in DemoResident:
            if who in found and not _better(who, r, found[who]):
                continue
            if _fits(who, r, now):
                found[who] = r
    return {who: card_of(r) for who, r in found.items()}


def _better(who: DemoResident, candidate: Resident, chosen: Resident) -> bool:
    """Whether `candidate` shows the kind better than the one `chosen` so far."""
    if who is DemoResident.RARE_NAME:
        return _better_rare(candidate, chosen)
    if who is DemoResident.DUE_PENSIONER:  # two fingers: F9 can show "try another finger"
        return len(candidate.fingerprints) > len(chosen.fingerprints)
    return False


def _better_rare(candidate: Resident, chosen: Resident) -> bool:
    def outside_bmp(r: Resident) -> bool:
        return any(ord(c) >= SUPPLEMENTARY for c in r.name)

    return outside_bmp(candidate) and not outside_bmp(chosen)


def load_demo_cards(config: Config) -> dict[DemoResident, CardData]:
    """Read the local copy (demo only: on the GUI thread, once, at the first key press)."""
    store = Store.open(config.database_path, config.read_template_key())
    try:
        now = store.now()
        ids = [pid for (pid,) in store.connection.execute("SELECT person_id FROM residents")]
        people = (store.resident_by_person_id(pid) for pid in ids)
        return pick_demo_cards((p for p in people if p is not None), now)
    finally:
        store.close()
