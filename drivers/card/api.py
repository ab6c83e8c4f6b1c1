"""What the application needs from a card reader, and what a card gives it.

A `CardReader` is owned by exactly one thread (the card worker). That thread loops on
`wait_for_event(timeout)` and calls `read()` / `verify_pin()` in between; no method is called from
two threads. Errors are those of `drivers.errors` (CardError subclasses).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from typing import Protocol


@dataclass(frozen=True)
class CardData:
    """The decoded, validated content of a social-security card (EF05 + EF06)."""

    card_identifier: str  # 卡识别码, 32 hex digits; the first 6 are the issuing region
    card_type: str  # 卡类别, one ASCII character
    spec_version: str  # 规范版本, e.g. "2.00", "3.00"
    issuer_code: str  # 初始化机构编号
    issue_date: date
    expiry_date: date
    card_number: str  # 卡号, 9 characters
    person_id: str  # 社会保障号码 = citizen ID number, 18 characters, check digit verified
    name: str  # 姓名 (+ 姓名扩展), decoded with GB18030
    gender: str  # "M" or "F"
    ethnicity: int  # 1 = Han … 56
    birthplace: str  # 6-digit region code
    birth_date: date

    def is_expired(self, today: date) -> bool:
        return self.expiry_date < today


class CardEventKind(enum.Enum):
    INSERTED = "inserted"
    REMOVED = "removed"
    READER_LOST = "reader_lost"  # the reader went away or pcscd stopped answering
    READER_FOUND = "reader_found"  # a matching reader (re)appeared


@dataclass(frozen=True)
class CardEvent:
    kind: CardEventKind
    reader: str = ""


@dataclass(frozen=True)
class ReaderStatus:
    service_reachable: bool  # pcscd answers
    reader_present: bool
    reader_name: str
    card_present: bool


class CardReader(Protocol):
    def wait_for_event(self, timeout: float) -> CardEvent | None:
        """Block up to `timeout` seconds for the next change; None when nothing happened.

        Survives pcscd restarting and readers being replugged (reports READER_LOST/READER_FOUND
        and keeps watching). A card already present when watching starts yields INSERTED once.
        """
        ...

    def read(self) -> CardData:
        """Read and decode the card in the reader. Raises NoCard, CardRemoved,
        NotASocialSecurityCard, CardUnreadable, ReaderUnavailable. Does not check expiry."""
        ...

    def verify_pin(self, pin: str) -> None:
        """VERIFY the card PIN (6 digits). Raises WrongPin(tries_left), PinBlocked, CardRemoved."""
        ...

    def status(self) -> ReaderStatus: ...

    def close(self) -> None: ...
