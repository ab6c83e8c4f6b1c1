"""The on-card logic of an emulated social-security card: APDU in, response out.

Independent of the driver: it implements the card side of card-profile.md from the spec, so the
driver's reading sequence is checked against a second implementation, not against itself.
Used by the vpcd socket card (tests/emulators/vpcd_card.py) and directly by unit tests.
"""

from __future__ import annotations

from tests.emulators.card_profiles import CardProfile

AID = b"sx1.sh." + "社会保障".encode("gbk")
OK = b"\x90\x00"
FILE_NOT_FOUND = b"\x6a\x82"
RECORD_NOT_FOUND = b"\x6a\x83"
WRONG_P1P2 = b"\x6a\x86"
WRONG_LENGTH = b"\x67\x00"
INS_NOT_SUPPORTED = b"\x6d\x00"
CONDITIONS_NOT_SATISFIED = b"\x69\x85"
PIN_BLOCKED = b"\x69\x83"
FCI = bytes.fromhex("6F0A8408") + AID[:8]  # a short, plausible FCI for the T=0 GET RESPONSE


class CardApplet:
    """State of one powered card: selected application and file, pending GET RESPONSE data,
    PIN tries (which survive a reset, as on a real card)."""

    def __init__(self, profile: CardProfile) -> None:
        self.profile = profile
        self.pin_tries = profile.pin_tries
        self.apdu_count = 0
        self.reset()

    def reset(self) -> None:
        self.app_selected = False
        self.current_ef: int | None = None
        self.pending = b""

    def process(self, command: bytes) -> bytes:
        self.apdu_count += 1
        if len(command) < 4:
            return WRONG_LENGTH
        cla, ins, p1, p2 = command[:4]
        body = command[5 : 5 + command[4]] if len(command) > 5 else b""
        if cla != 0x00:
            return b"\x6e\x00"
        if ins == 0xC0:
            return self._get_response(command)
        self.pending = b""
        if ins == 0xA4:
            return self._select(p1, body)
        if ins == 0xB2:
            return self._read_record(p1, p2, command)
        if ins == 0x20:
            return self._verify(body)
        return INS_NOT_SUPPORTED

    def _select(self, p1: int, body: bytes) -> bytes:
        if p1 == 0x04:
            if body != AID or not self.profile.has_application:
                return FILE_NOT_FOUND
            self.app_selected, self.current_ef = True, None
            if self.profile.t0:
                self.pending = FCI
                return bytes([0x61, len(FCI)])
            return OK
        if not self.app_selected:
            return CONDITIONS_NOT_SATISFIED
        if p1 not in self.profile.select_ef_p1:
            return WRONG_P1P2
        file_id = int.from_bytes(body, "big") if len(body) == 2 else -1
        if file_id not in self.profile.records:
            return FILE_NOT_FOUND
        self.current_ef = file_id
        return OK

    def _read_record(self, tag: int, p2: int, command: bytes) -> bytes:
        if not self.app_selected:
            return CONDITIONS_NOT_SATISFIED
        sfi, mode = p2 >> 3, p2 & 0x07
        if mode != 0x00:
            return WRONG_P1P2
        if sfi:
            if not self.profile.sfi_reads:
                return WRONG_P1P2
            ef: int | None = 0xEF00 | sfi
        else:
            ef = self.current_ef
        if ef is None or ef not in self.profile.records:
            return FILE_NOT_FOUND
        record = self.profile.records[ef].get(tag)
        if record is None:
            return RECORD_NOT_FOUND
        le = command[4] if len(command) == 5 else 0
        if self.profile.t0 and le != len(record):
            return bytes([0x6C, len(record)])  # T=0: "re-send with Le = exact length"
        return record + OK

    def _get_response(self, command: bytes) -> bytes:
        if not self.pending:
            return CONDITIONS_NOT_SATISFIED
        le = command[4] if len(command) == 5 else 0
        if le != len(self.pending):
            return bytes([0x6C, len(self.pending)])
        data, self.pending = self.pending, b""
        return data + OK

    def _verify(self, body: bytes) -> bytes:
        if not self.app_selected:
            return CONDITIONS_NOT_SATISFIED
        if len(body) != 3:
            return WRONG_LENGTH
        if self.pin_tries == 0:
            return PIN_BLOCKED
        if body.hex() == self.profile.pin:
            self.pin_tries = self.profile.pin_tries
            return OK
        self.pin_tries -= 1
        return bytes([0x63, 0xC0 | self.pin_tries])
