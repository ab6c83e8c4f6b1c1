"""The reading sequence against the emulated card's on-card logic (no PC/SC)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from drivers.card.session import CardSession
from drivers.errors import CardUnreadable, DeviceError, PinBlocked, WrongPin
from tests.emulators.card_applet import CardApplet
from tests.emulators.card_profiles import PROFILES, CardProfile

READABLE = [name for name, p in PROFILES.items() if p.person and p.remove_after is None]
FAILING = [name for name, p in PROFILES.items() if p.expected_error and p.remove_after is None]


def _session(profile: CardProfile) -> tuple[CardSession, CardApplet]:
    applet = CardApplet(profile)
    return CardSession(applet.process), applet


@pytest.mark.parametrize("name", READABLE)
def test_every_readable_profile_decodes_to_its_person(name: str) -> None:
    profile = PROFILES[name]
    assert profile.person is not None
    session, applet = _session(profile)
    card = session.read_card()
    assert (card.name, card.person_id, card.card_number) == (
        profile.person.name,
        profile.person.person_id,
        profile.person.card_number,
    )
    assert card.expiry_date == profile.person.expiry_date
    assert session.apdu_count == applet.apdu_count


@pytest.mark.parametrize("name", FAILING)
def test_failing_profiles_raise_their_error(name: str) -> None:
    session, _ = _session(PROFILES[name])
    with pytest.raises(DeviceError) as info:
        session.read_card()
    assert info.value.code == PROFILES[name].expected_error


def test_t0_card_needs_get_response_and_le_resends() -> None:
    t1_session, _ = _session(replace(PROFILES["t0"], t0=False))
    t0_session, _ = _session(PROFILES["t0"])
    assert t0_session.read_card() == t1_session.read_card()
    # SELECT answers 61xx: one GET RESPONSE; each of the 14 READ RECORDs answers 6Cxx: one re-send.
    assert t0_session.apdu_count == t1_session.apdu_count + 1 + 14


def test_t0_and_t1_cards_of_the_same_person_decode_identically() -> None:
    a, _ = _session(PROFILES["t0"])
    b, _ = _session(PROFILES["v3"])
    assert a.read_card() == b.read_card()


def test_endless_61xx_chain_is_unreadable_not_a_hang() -> None:
    session = CardSession(lambda command: b"\x61\x10")
    with pytest.raises(CardUnreadable, match="still 61xx"):
        session.read_card()


def test_sfi_fallback_when_select_ef_is_refused() -> None:
    profile = replace(PROFILES["v2"], select_ef_p1=frozenset(), sfi_reads=False)
    session, _ = _session(profile)
    with pytest.raises(CardUnreadable, match="READ RECORD EF05/01"):
        session.read_card()


def test_pin_wrong_then_blocked_then_blocked_even_when_right() -> None:
    session, applet = _session(PROFILES["v2"])
    session.verify_pin("123456")
    with pytest.raises(WrongPin) as first:
        session.verify_pin("000000")
    assert first.value.tries_left == 2
    with pytest.raises(WrongPin) as second:
        session.verify_pin("000000")
    assert second.value.tries_left == 1
    with pytest.raises(PinBlocked):
        session.verify_pin("000000")
    with pytest.raises(PinBlocked):
        session.verify_pin("123456")
    assert applet.pin_tries == 0


def test_right_pin_resets_the_counter() -> None:
    session, applet = _session(PROFILES["v2"])
    with pytest.raises(WrongPin):
        session.verify_pin("654321")
    session.verify_pin("123456")
    assert applet.pin_tries == PROFILES["v2"].pin_tries


@pytest.mark.parametrize("absent", [b"\x6a\x83", b"\x6a\x86", b"\x6b\x00"])
def test_an_older_card_without_the_name_extension_reads_whatever_it_answers(absent: bytes) -> None:
    """No 4E record: 6A83 by the book, 6A86 / 6B00 from older cards (P1 past the last record)."""
    profile = PROFILES["v2"]
    assert profile.person is not None
    applet = CardApplet(profile)

    def transmit(command: bytes) -> bytes:
        if command[1] == 0xB2 and command[2] == 0x4E:  # READ RECORD of the name extension
            return absent
        return applet.process(command)

    assert CardSession(transmit).read_card().name == profile.person.name


def test_an_unexpected_answer_for_a_required_record_is_still_unreadable() -> None:
    applet = CardApplet(PROFILES["v2"])

    def transmit(command: bytes) -> bytes:
        if command[1] == 0xB2 and command[2] == 0x09:  # READ RECORD of the name
            return b"\x6a\x86"
        return applet.process(command)

    with pytest.raises(CardUnreadable):
        CardSession(transmit).read_card()
