"""Command APDUs the kiosk sends to a social-security card, and the status words it gets back.

Pure: builds bytes and classifies status words; no I/O. See /work/shared/card-profile.md for the
layout these follow. Every failure is a `drivers.errors` type with a detail naming the step.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.errors import CardUnreadable, NotASocialSecurityCard, PinBlocked, WrongPin

# The social-security application: `sx1.sh.` in ASCII followed by 社会保障 in GBK.
SSC_AID = b"sx1.sh." + "社会保障".encode("gbk")

CLA = 0x00
INS_SELECT = 0xA4
INS_READ_RECORD = 0xB2
INS_GET_RESPONSE = 0xC0
INS_VERIFY = 0x20

SELECT_BY_NAME = 0x04
SELECT_EF_UNDER_DF = 0x02  # what most cards want
SELECT_EF_ALTERNATIVE = 0x00  # what some cards want instead
READ_BY_IDENTIFIER = 0x00  # P2 low bits: P1 is the record identifier (the tag)
READ_BY_NUMBER = 0x04  # P2 low bits: P1 is the record number
LE_MAX = 0x00  # "up to 256 bytes"; a T=0 card may answer 6Cxx with the exact length

PIN_LENGTH = 6

SW_OK = 0x9000
SW1_MORE_DATA = 0x61  # 61xx: xx bytes waiting, fetch them with GET RESPONSE
SW1_WRONG_LE = 0x6C  # 6Cxx: re-send with Le = xx
SW_FILE_NOT_FOUND = 0x6A82
SW_RECORD_NOT_FOUND = 0x6A83
SW_WRONG_P1P2 = 0x6A86
SW_INCORRECT_P1P2 = 0x6B00
SW_PIN_BLOCKED = 0x6983
SW_PIN_UNUSABLE = 0x6984  # "reference data not usable": the PIN was invalidated, also the counter's
# How cards say "no such record": 6A83 by the book; older cards answer a read past their last
# record with 6A86 or 6B00 (P1 out of range). Only an OPTIONAL record may be absent.
SW_RECORD_ABSENT = frozenset({SW_RECORD_NOT_FOUND, SW_WRONG_P1P2, SW_INCORRECT_P1P2})
SW1_PIN_WRONG = 0x63
PIN_TRIES_MASK = 0xC0  # 63Cx: x tries left

_SW_MEANING = {
    0x6700: "wrong length",
    0x6982: "security status not satisfied",
    0x6983: "authentication method blocked",
    0x6984: "reference data not usable",
    0x6985: "conditions of use not satisfied",
    0x6A81: "function not supported",
    0x6A82: "file or application not found",
    0x6A83: "record not found",
    0x6A86: "incorrect P1/P2",
    0x6B00: "wrong parameters P1/P2",
    0x6D00: "instruction not supported",
    0x6E00: "class not supported",
    0x6F00: "no precise diagnosis",
}


@dataclass(frozen=True)
class Response:
    """A response APDU split into data and status word."""

    data: bytes
    sw: int

    @property
    def sw1(self) -> int:
        return self.sw >> 8

    @property
    def sw2(self) -> int:
        return self.sw & 0xFF

    @property
    def ok(self) -> bool:
        return self.sw == SW_OK

    @classmethod
    def parse(cls, raw: bytes) -> Response:
        """Split raw response bytes; under two bytes is an unreadable card, not an IndexError."""
        if len(raw) < 2:
            raise CardUnreadable(f"response of {len(raw)} byte(s) has no status word")
        return cls(bytes(raw[:-2]), (raw[-2] << 8) | raw[-1])


def describe_sw(sw: int) -> str:
    """`6A83 (record not found)` for details and logs."""
    meaning = _SW_MEANING.get(sw)
    return f"{sw:04X} ({meaning})" if meaning else f"{sw:04X}"


def select_by_name(aid: bytes = SSC_AID) -> bytes:
    return bytes([CLA, INS_SELECT, SELECT_BY_NAME, 0x00, len(aid)]) + aid


def select_ef(file_id: int, p1: int = SELECT_EF_UNDER_DF) -> bytes:
    return bytes([CLA, INS_SELECT, p1, 0x00, 0x02, file_id >> 8, file_id & 0xFF])


def read_record_by_tag(tag: int, le: int = LE_MAX) -> bytes:
    """READ RECORD of the currently selected EF, P1 = the record's tag."""
    return bytes([CLA, INS_READ_RECORD, tag, READ_BY_IDENTIFIER, le])


def read_record_by_sfi(sfi: int, tag: int, le: int = LE_MAX) -> bytes:
    """READ RECORD by short file identifier, without selecting the EF first."""
    return bytes([CLA, INS_READ_RECORD, tag, (sfi << 3) | READ_BY_IDENTIFIER, le])


def get_response(length: int) -> bytes:
    return bytes([CLA, INS_GET_RESPONSE, 0x00, 0x00, length])


def with_le(apdu: bytes, le: int) -> bytes:
    """The same command with a different Le (for 6Cxx): Le is the last byte of case 2/4 APDUs."""
    return apdu[:-1] + bytes([le]) if len(apdu) == 5 else apdu + bytes([le])


def verify_pin(pin: str) -> bytes:
    """VERIFY with the 6-digit PIN as 3 BCD bytes. The PIN is never logged or kept.

    A PIN that is not 6 digits is a caller bug (the keypad enforces it): ValueError.
    """
    if len(pin) != PIN_LENGTH or not pin.isascii() or not pin.isdigit():
        raise ValueError("the card PIN must be exactly 6 digits")
    body = bytes(int(pin[i]) << 4 | int(pin[i + 1]) for i in range(0, PIN_LENGTH, 2))
    return bytes([CLA, INS_VERIFY, 0x00, 0x00, len(body)]) + body


def check_select_application(response: Response) -> None:
    """6A82 means the card has no social-security application (bank-only, ID or transport card)."""
    if response.sw == SW_FILE_NOT_FOUND:
        raise NotASocialSecurityCard("SELECT sx1.sh.社会保障: 6A82, no social-security application")
    require_ok(response, "SELECT social-security application")


def check_verify(response: Response) -> None:
    """90 00 passes; 63Cx is a wrong PIN with x tries left; 69 83 (blocked) and 69 84 (PIN not
    usable) both send the resident to the counter."""
    if response.ok:
        return
    if response.sw1 == SW1_PIN_WRONG and response.sw2 & 0xF0 == PIN_TRIES_MASK:
        tries = response.sw2 & 0x0F
        if tries == 0:
            raise PinBlocked("VERIFY: 63C0, no tries left")
        raise WrongPin(tries)
    if response.sw in (SW_PIN_BLOCKED, SW_PIN_UNUSABLE):
        raise PinBlocked(f"VERIFY: {response.sw:04X}, PIN blocked or unusable")
    raise CardUnreadable(f"VERIFY: unexpected status {describe_sw(response.sw)}")


def require_ok(response: Response, step: str) -> None:
    if not response.ok:
        raise CardUnreadable(f"{step}: status {describe_sw(response.sw)}")
