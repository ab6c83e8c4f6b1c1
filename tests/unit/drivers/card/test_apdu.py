"""Command bytes and status-word sorting (drivers/card/apdu.py)."""

from __future__ import annotations

import pytest

from drivers.card import apdu
from drivers.card.apdu import Response
from drivers.errors import CardUnreadable, NotASocialSecurityCard, PinBlocked, WrongPin


def test_select_application_matches_the_published_command() -> None:
    expected = bytes.fromhex("00A404000F7378312E73682EC9E7BBE1B1A3D5CF")
    assert apdu.select_by_name() == expected


def test_select_ef_and_read_record_commands() -> None:
    assert apdu.select_ef(0xEF05) == bytes.fromhex("00A4020002EF05")
    assert apdu.select_ef(0xEF06, p1=0x00) == bytes.fromhex("00A4000002EF06")
    assert apdu.read_record_by_tag(0x08) == bytes.fromhex("00B2080000")
    # by SFI: P2 = SFI << 3 | 0 (record identifier mode)
    assert apdu.read_record_by_sfi(6, 0x09, le=0x20) == bytes.fromhex("00B2093020")
    assert apdu.get_response(0x1A) == bytes.fromhex("00C000001A")
    assert apdu.with_le(bytes.fromhex("00B2080000"), 0x14) == bytes.fromhex("00B2080014")


def test_verify_encodes_the_pin_as_bcd() -> None:
    assert apdu.verify_pin("123456") == bytes.fromhex("0020000003123456")
    assert apdu.verify_pin("090807") == bytes.fromhex("0020000003090807")


@pytest.mark.parametrize("pin", ["12345", "1234567", "12a456", "１２３４５６", ""])
def test_verify_rejects_a_pin_that_is_not_six_ascii_digits(pin: str) -> None:
    with pytest.raises(ValueError, match="6 digits"):
        apdu.verify_pin(pin)


def test_response_parse_splits_data_and_status() -> None:
    r = Response.parse(bytes.fromhex("0801419000"))
    assert (r.data, r.sw, r.sw1, r.sw2, r.ok) == (bytes.fromhex("080141"), 0x9000, 0x90, 0x00, True)


@pytest.mark.parametrize("raw", [b"", b"\x90"])
def test_response_without_status_word_is_unreadable(raw: bytes) -> None:
    with pytest.raises(CardUnreadable, match="no status word"):
        Response.parse(raw)


def test_6a82_on_select_means_not_a_social_security_card() -> None:
    with pytest.raises(NotASocialSecurityCard):
        apdu.check_select_application(Response(b"", 0x6A82))
    with pytest.raises(CardUnreadable, match="6985"):
        apdu.check_select_application(Response(b"", 0x6985))
    apdu.check_select_application(Response(b"", 0x9000))


@pytest.mark.parametrize("sw2, tries", [(0xC2, 2), (0xC1, 1), (0xC9, 9)])
def test_63cx_is_a_wrong_pin_with_tries_left(sw2: int, tries: int) -> None:
    with pytest.raises(WrongPin) as info:
        apdu.check_verify(Response(b"", 0x6300 | sw2))
    assert info.value.tries_left == tries
    assert info.value.code == "wrong_pin"


@pytest.mark.parametrize("sw", [0x6983, 0x63C0, 0x6984])
def test_6983_and_63c0_mean_blocked(sw: int) -> None:
    with pytest.raises(PinBlocked):
        apdu.check_verify(Response(b"", sw))


def test_other_verify_status_is_unreadable_with_the_status_in_the_detail() -> None:
    with pytest.raises(CardUnreadable, match="6A86 \\(incorrect P1/P2\\)"):
        apdu.check_verify(Response(b"", 0x6A86))
