"""Which residents of the local copy the demo's card keys insert (kiosk/demo/cards.py), read
from a real Store."""

from __future__ import annotations

from datetime import datetime

from kiosk.config import load_config
from kiosk.demo.cards import DemoResident, is_rare_name, load_demo_cards, pick_demo_cards
from kiosk.demo.samples import synthetic_person_id
from offline_cache.store import KIOSK_TZ, Store
from tests.ui.certification_helpers import benefit, resident


def person(n: int) -> str:
    return synthetic_person_id(f"32010219500101{n:03d}")


NOW = datetime.now(KIOSK_TZ)
CERTIFIED = benefit("pension", due_in_days=200, last=NOW)  # done for this period
PEOPLE = [
    resident(person(1), [CERTIFIED], card_number="C0001"),  # pensioner, nothing due
    resident(person(2), [benefit("pension", due_in_days=5)], fingers=(), card_number="C0002"),
    resident(person(3), [benefit("pension", due_in_days=5)], card_number="C0003"),  # due
    resident(person(4), [benefit("unemployment", due_in_days=5)], card_number="C0004"),
    resident(person(5), [], card_number="C0005"),  # no benefits
]


def test_rare_names_are_extension_a_or_outside_the_bmp():
    assert is_rare_name("李䶮") and is_rare_name("王𠮷") and not is_rare_name("王秀英")


def test_each_kind_is_a_resident_who_fits_it():
    rare_a = resident(person(6), [], card_number="C0006")
    rare_b = resident(person(7), [], card_number="C0007")
    people = [*PEOPLE, _named(rare_a, "李䶮"), _named(rare_b, "王𠮷")]
    cards = pick_demo_cards(people, NOW)
    assert cards[DemoResident.DUE_PENSIONER].person_id == person(3)  # due AND fingers enrolled
    assert cards[DemoResident.UNEMPLOYED].person_id == person(4)
    assert cards[DemoResident.NO_BENEFITS].person_id == person(5)
    assert cards[DemoResident.RARE_NAME].name == "王𠮷"  # outside the BMP: preferred
    assert cards[DemoResident.DUE_PENSIONER].card_number == "C0003"


def test_a_kind_nobody_fits_is_absent():
    assert pick_demo_cards(PEOPLE[:2], NOW) == {}


def test_loaded_from_the_local_store(write_config):
    config = load_config(write_config())
    store = Store.open(config.database_path, config.read_template_key())
    try:
        for p in PEOPLE:
            store.upsert_resident(p)
    finally:
        store.close()
    cards = load_demo_cards(config)
    assert cards[DemoResident.DUE_PENSIONER].person_id == person(3)
    assert DemoResident.RARE_NAME not in cards


def _named(r, name):
    from dataclasses import replace

    return replace(r, name=name)


def test_the_due_pensioner_with_most_fingers_is_preferred():
    """F2 then shows the whole certification: after the attempts on one finger, the next."""
    due = [benefit("pension", due_in_days=5)]
    one = resident(person(8), due, fingers=("right_thumb",), card_number="C0008")
    two = resident(person(9), due, fingers=("right_index", "left_index"), card_number="C0009")
    cards = pick_demo_cards([*PEOPLE[:2], one, two], NOW)
    assert cards[DemoResident.DUE_PENSIONER].person_id == person(9)
