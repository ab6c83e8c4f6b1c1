"""The simulated reader: thread-safe control from a test thread, CardReader behaviour."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from drivers.card import open_card_reader
from drivers.card.api import CardData, CardEventKind
from drivers.card.simulated import SimulatedCardReader
from drivers.errors import (
    CardRemoved,
    CardUnreadable,
    NoCard,
    NotASocialSecurityCard,
    PinBlocked,
    ReaderUnavailable,
    WrongPin,
)

CARD = CardData(
    card_identifier="320100D156000005C9E7BBE1B1A3D5CF",
    card_type="3",
    spec_version="3.00",
    issuer_code="320100D15600",
    issue_date=date(2019, 6, 1),
    expiry_date=date(2029, 6, 1),
    card_number="A12345678",
    person_id="11010519491231002X",
    name="王秀英",
    gender="F",
    ethnicity=1,
    birthplace="320102",
    birth_date=date(1949, 12, 31),
)


def _drain(reader: SimulatedCardReader) -> list[CardEventKind]:
    kinds = []
    while (event := reader.wait_for_event(0)) is not None:
        kinds.append(event.kind)
    return kinds


def test_insertion_from_another_thread_wakes_the_owner() -> None:
    reader = SimulatedCardReader()
    assert _drain(reader) == [CardEventKind.READER_FOUND]
    timer = threading.Timer(0.05, reader.insert, args=(CARD,))
    timer.start()
    event = reader.wait_for_event(5)
    timer.join()
    assert event is not None and event.kind is CardEventKind.INSERTED
    assert reader.read() == CARD
    assert reader.status().card_present
    reader.remove()
    assert _drain(reader) == [CardEventKind.REMOVED]
    with pytest.raises(NoCard):
        reader.read()


def test_error_cards_raise_their_error() -> None:
    reader = SimulatedCardReader()
    reader.insert(NotASocialSecurityCard("bank card"))
    with pytest.raises(NotASocialSecurityCard):
        reader.read()
    reader.insert(CardUnreadable("damaged"))
    with pytest.raises(CardUnreadable):
        reader.read()
    assert _drain(reader)[-3:] == [
        CardEventKind.INSERTED,
        CardEventKind.REMOVED,
        CardEventKind.INSERTED,
    ]


def test_removal_mid_read() -> None:
    reader = SimulatedCardReader()
    reader.insert(CARD, remove_during_read=True)
    _drain(reader)
    with pytest.raises(CardRemoved):
        reader.read()
    assert _drain(reader) == [CardEventKind.REMOVED]
    assert not reader.status().card_present


def test_pin_tries_and_blocking() -> None:
    reader = SimulatedCardReader(pin="246810", pin_tries=2)
    reader.insert(CARD)
    reader.verify_pin("246810")
    with pytest.raises(WrongPin) as info:
        reader.verify_pin("111111")
    assert info.value.tries_left == 1
    with pytest.raises(PinBlocked):
        reader.verify_pin("111111")
    with pytest.raises(PinBlocked):
        reader.verify_pin("246810")
    reader.insert(CARD, pin_tries=0)
    with pytest.raises(PinBlocked):
        reader.verify_pin("246810")


def test_unplug_and_replug() -> None:
    reader = SimulatedCardReader()
    reader.insert(CARD)
    _drain(reader)
    reader.unplug()
    with pytest.raises(ReaderUnavailable):
        reader.read()
    reader.replug()
    assert _drain(reader) == [
        CardEventKind.REMOVED,
        CardEventKind.READER_LOST,
        CardEventKind.READER_FOUND,
        CardEventKind.INSERTED,
    ]
    assert reader.read() == CARD


def test_expired_card_reads_expiry_is_the_callers_check() -> None:
    reader = SimulatedCardReader()
    old = CardData(**{**CARD.__dict__, "expiry_date": date(2020, 1, 1)})
    reader.insert(old)
    assert reader.read().is_expired(date(2026, 11, 28))


def test_factory() -> None:
    assert isinstance(open_card_reader("simulated", ""), SimulatedCardReader)
    with pytest.raises(ValueError, match="unknown card reader kind 'usb'"):
        open_card_reader("usb", "")
