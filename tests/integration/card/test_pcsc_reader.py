"""PcscCardReader through the real stack: pyscard -> pcscd -> vpcd -> the virtual card."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator

import pytest

from drivers.card.api import CardEvent, CardEventKind
from drivers.card.pcsc import PcscCardReader
from drivers.errors import (
    CardError,
    CardRemoved,
    NoCard,
    PinBlocked,
    ReaderUnavailable,
    WrongPin,
)
from tests.emulators.card_pcscd import VPCD_READER, Pcscd, wait_card_state
from tests.emulators.card_profiles import PROFILES
from tests.emulators.vpcd_card import VirtualCard
from tests.fixtures.pcsc import insert_and_wait

pytestmark = pytest.mark.realstack
EVENT_TIMEOUT = 5.0  # s; generous: pcscd polls vpcd every 0.4 s
READ_PROFILES = ["v2", "v3", "sfi", "long_name", "rare_name", "rare_name_ext_a", "t0", "expired"]
ERROR_PROFILES = ["bank", "truncated", "bad_check_digit", "missing_record"]


@pytest.fixture
def reader(pcscd: Pcscd) -> Iterator[PcscCardReader]:
    r = PcscCardReader("Virtual PCD 00 00")
    yield r
    r.close()


def wait_for(reader: PcscCardReader, kind: CardEventKind) -> list[CardEventKind]:
    """Events up to and including the first `kind`; fails if it does not come."""
    seen: list[CardEventKind] = []
    while (event := reader.wait_for_event(EVENT_TIMEOUT)) is not None:
        seen.append(event.kind)
        if event.kind is kind:
            return seen
    pytest.fail(f"no {kind.name} within {EVENT_TIMEOUT} s; saw {[k.name for k in seen]}")


@pytest.mark.parametrize("profile", READ_PROFILES)
def test_each_card_layout_reads(
    reader: PcscCardReader, virtual_card: Callable[..., VirtualCard], profile: str
) -> None:
    person = PROFILES[profile].person
    assert person is not None
    virtual_card(profile)
    wait_for(reader, CardEventKind.INSERTED)
    card = reader.read()
    assert card.name == person.name
    assert card.person_id == person.person_id
    assert card.birth_date == person.birth_date
    assert card.expiry_date == person.expiry_date
    assert reader.last_apdu_count >= 15


@pytest.mark.parametrize("profile", ERROR_PROFILES)
def test_bad_cards_give_their_error(
    reader: PcscCardReader, virtual_card: Callable[..., VirtualCard], profile: str
) -> None:
    virtual_card(profile)
    wait_for(reader, CardEventKind.INSERTED)
    with pytest.raises(CardError) as info:
        reader.read()
    assert info.value.code == PROFILES[profile].expected_error


def test_insertion_and_removal_events(
    reader: PcscCardReader, virtual_card: Callable[..., VirtualCard]
) -> None:
    card = virtual_card("v2", insert=False)
    assert wait_for(reader, CardEventKind.READER_FOUND) == [CardEventKind.READER_FOUND]
    assert reader.wait_for_event(0.5) is None  # empty slot: nothing happens
    status = reader.status()
    assert (status.service_reachable, status.reader_name, status.card_present) == (
        True,
        VPCD_READER,
        False,
    )
    with pytest.raises(NoCard):
        reader.read()
    insert_and_wait(card)
    assert wait_for(reader, CardEventKind.INSERTED) == [CardEventKind.INSERTED]
    assert reader.status().card_present
    card.remove()
    assert wait_for(reader, CardEventKind.REMOVED) == [CardEventKind.REMOVED]
    insert_and_wait(card)
    assert wait_for(reader, CardEventKind.INSERTED) == [CardEventKind.INSERTED]


def test_pin_wrong_then_right(
    reader: PcscCardReader, virtual_card: Callable[..., VirtualCard]
) -> None:
    virtual_card("v2")
    wait_for(reader, CardEventKind.INSERTED)
    with pytest.raises(WrongPin) as info:
        reader.verify_pin("000000")
    assert info.value.tries_left == 2
    reader.verify_pin("123456")


def test_pin_blocked(reader: PcscCardReader, virtual_card: Callable[..., VirtualCard]) -> None:
    virtual_card("pin_blocked")
    wait_for(reader, CardEventKind.INSERTED)
    with pytest.raises(PinBlocked):
        reader.verify_pin("123456")


def test_card_removed_between_two_apdus(
    reader: PcscCardReader, virtual_card: Callable[..., VirtualCard]
) -> None:
    card = virtual_card("removal")
    wait_for(reader, CardEventKind.INSERTED)
    with pytest.raises(CardRemoved):
        reader.read()
    assert card.applet.apdu_count == PROFILES["removal"].remove_after
    assert wait_for(reader, CardEventKind.REMOVED)[-1] is CardEventKind.REMOVED


def test_no_matching_reader(pcscd: Pcscd) -> None:
    reader = PcscCardReader("Feitian*")
    try:
        assert reader.wait_for_event(0.3) is None
        status = reader.status()
        assert status.service_reachable and not status.reader_present
        with pytest.raises(ReaderUnavailable, match="Feitian"):
            reader.read()
    finally:
        reader.close()


def test_pcscd_killed_and_restarted(
    pcscd_owned: Pcscd, reader: PcscCardReader, virtual_card: Callable[..., VirtualCard]
) -> None:
    virtual_card("v3")
    wait_for(reader, CardEventKind.INSERTED)
    pcscd_owned.stop(signal.SIGKILL)
    assert wait_for(reader, CardEventKind.READER_LOST) == [
        CardEventKind.REMOVED,
        CardEventKind.READER_LOST,
    ]
    assert not reader.status().service_reachable
    with pytest.raises(ReaderUnavailable):
        reader.read()
    pcscd_owned.start()
    # the card is still in the slot: it reconnects to the new vpcd by itself
    assert wait_for(reader, CardEventKind.INSERTED) == [
        CardEventKind.READER_FOUND,
        CardEventKind.INSERTED,
    ]
    assert reader.read().person_id == PROFILES["v3"].person.person_id  # type: ignore[union-attr]


def test_card_swapped_between_two_polls_is_a_new_session(
    reader: PcscCardReader, virtual_card: Callable[..., VirtualCard]
) -> None:
    """pcsc-lite's event counter reveals a removal + insertion the worker did not poll for."""
    card = virtual_card("v2")
    wait_for(reader, CardEventKind.INSERTED)
    card.remove()
    assert wait_card_state(VPCD_READER, present=False, timeout=EVENT_TIMEOUT)
    insert_and_wait(card)
    assert wait_card_state(VPCD_READER, present=True, timeout=EVENT_TIMEOUT)
    assert [reader.wait_for_event(EVENT_TIMEOUT), reader.wait_for_event(EVENT_TIMEOUT)] == [
        CardEvent(CardEventKind.REMOVED, VPCD_READER),
        CardEvent(CardEventKind.INSERTED, VPCD_READER),
    ]


def test_reader_created_while_pcscd_is_down(pcscd_owned: Pcscd) -> None:
    pcscd_owned.stop()
    reader = PcscCardReader("Virtual PCD")
    try:
        assert reader.wait_for_event(0.3) is None
        assert not reader.status().service_reachable
        with pytest.raises(ReaderUnavailable, match="pcscd not reachable"):
            reader.read()
        pcscd_owned.start()
        assert wait_for(reader, CardEventKind.READER_FOUND) == [CardEventKind.READER_FOUND]
        assert reader.status().reader_name == VPCD_READER
    finally:
        reader.close()
