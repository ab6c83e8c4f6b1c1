"""The reading sequence of a social-security card over any APDU transport.

`CardSession` turns a `transmit(command) -> response` function into a decoded `CardData` and a
PIN check. It does no I/O itself: the PC/SC reader passes `SCardTransmit`, unit tests pass the
emulated card. The T=0 conventions (61xx GET RESPONSE, 6Cxx re-send) are handled here because
PC/SC on Linux passes them through untouched.
"""

from __future__ import annotations

from collections.abc import Callable

from drivers.card import apdu
from drivers.card.apdu import Response
from drivers.card.api import CardData
from drivers.card.records import (
    EF05,
    EF06,
    OPTIONAL_TAGS,
    ElementaryFile,
    Tag,
    decode_card,
    parse_record,
)
from drivers.errors import CardUnreadable

# Raw command bytes in, raw response bytes (data + SW1 SW2) out. Raises CardRemoved,
# ReaderUnavailable or CardUnreadable for transport failures.
Transmit = Callable[[bytes], bytes]

MAX_GET_RESPONSE_CHAIN = 8  # a card that keeps answering 61xx is broken, not slow
SELECT_EF_VARIANTS = (apdu.SELECT_EF_UNDER_DF, apdu.SELECT_EF_ALTERNATIVE)


class CardSession:
    """One conversation with one inserted card. Not thread-safe: the card worker owns it."""

    def __init__(self, transmit: Transmit) -> None:
        self._transmit = transmit
        self.apdu_count = 0  # commands actually sent, GET RESPONSE and re-sends included

    def exchange(self, command: bytes) -> Response:
        """Send one command, following 6Cxx (re-send with Le) and 61xx (GET RESPONSE) chains."""
        response = self._send(command)
        if response.sw1 == apdu.SW1_WRONG_LE:
            response = self._send(apdu.with_le(command, response.sw2))
        data = response.data
        for _ in range(MAX_GET_RESPONSE_CHAIN):
            if response.sw1 != apdu.SW1_MORE_DATA:
                return Response(data, response.sw)
            fetch = apdu.get_response(response.sw2)
            response = self._send(fetch)
            if response.sw1 == apdu.SW1_WRONG_LE:
                response = self._send(apdu.with_le(fetch, response.sw2))
            data += response.data
        raise CardUnreadable(f"GET RESPONSE: still 61xx after {MAX_GET_RESPONSE_CHAIN} rounds")

    def select_application(self) -> None:
        """Raises NotASocialSecurityCard on 6A82 (a bank-only, ID or transport card)."""
        apdu.check_select_application(self.exchange(apdu.select_by_name()))

    def read_card(self) -> CardData:
        """SELECT the application, read EF05 and EF06, decode, validate. Expiry is not checked."""
        self.select_application()
        records = self._read_file(EF05)
        # Third-generation cards may demand external authentication through a PSAM (a second
        # reader slot) before EF06 opens; that step belongs here, between the two files, driven
        # by the reader that owns both slots.
        records.update(self._read_file(EF06))
        return decode_card(records)

    def verify_pin(self, pin: str) -> None:
        """SELECT the application, then VERIFY. Raises WrongPin(tries_left) or PinBlocked."""
        self.select_application()
        apdu.check_verify(self.exchange(apdu.verify_pin(pin)))

    def _send(self, command: bytes) -> Response:
        self.apdu_count += 1
        return Response.parse(self._transmit(command))

    def _read_file(self, ef: ElementaryFile) -> dict[Tag, bytes]:
        """Read every record of `ef`: by tag after SELECT EF, or by SFI when SELECT EF fails."""
        selected = any(
            self.exchange(apdu.select_ef(ef.file_id, p1)).ok for p1 in SELECT_EF_VARIANTS
        )
        records: dict[Tag, bytes] = {}
        for tag in ef.tags:
            command = (
                apdu.read_record_by_tag(tag) if selected else apdu.read_record_by_sfi(ef.sfi, tag)
            )
            response = self.exchange(command)
            if response.sw in apdu.SW_RECORD_ABSENT and tag in OPTIONAL_TAGS:
                continue
            apdu.require_ok(response, f"READ RECORD {ef.file_id:04X}/{tag:02X} ({tag.name})")
            records[tag] = parse_record(tag, response.data)
        return records
