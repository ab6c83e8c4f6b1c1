"""`kiosk-admin card read`: wait for a card in the configured reader and show what it holds.

For the technician checking a reader or a resident's card at the counter. Personal fields are
masked (`3201**********123X`, `王*英`, birth day hidden) unless `--reveal`. An expired card is
read and shown with `expired: true` (exit 0); a card that cannot be read exits 1 with the error
code (`no_reader`, `no_card`, `not_social_security_card`, `card_unreadable`, `card_removed`).
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from typing import Any

from drivers.card.api import CardData, CardEventKind, CardReader
from drivers.card.records import ETHNICITY_NAMES
from drivers.errors import DeviceError, NoCard, ReaderUnavailable
from kiosk.admin.output import emit, fail
from kiosk.config import Config
from kiosk.core.masking import mask_card_number, mask_name, mask_person_id
from kiosk.ops.devices import open_configured_reader

DEFAULT_TIMEOUT = 30.0  # s a technician has to insert the card
GENDERS = {"M": "male", "F": "female"}


def seconds(text: str) -> float:
    """`--timeout`: a number of seconds, 0 (only a card already inserted) or more."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r}: give 0 or more seconds")
    return value


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("card", help="the social-security card reader: read")
    sub = parser.add_subparsers(dest="card_command", metavar="ACTION")
    sub.required = True
    read = sub.add_parser("read", help="wait for a card and print its fields (masked)")
    read.add_argument(
        "--timeout",
        type=seconds,
        default=DEFAULT_TIMEOUT,
        help=f"seconds to wait for a card (default {DEFAULT_TIMEOUT:g})",
    )
    read.add_argument("--json", action="store_true", help="one JSON object")
    read.add_argument(
        "--reveal", action="store_true", help="show the full ID number, name and birth date"
    )
    read.set_defaults(handler=read_command)


def read_command(args: argparse.Namespace, config: Config) -> int:
    try:
        reader = open_configured_reader(config)
    except DeviceError as e:
        return fail(e.code, e.detail, args.json)
    try:
        wait_for_card(reader, args.timeout, config.devices.card_reader)
        card = reader.read()
    except DeviceError as e:
        return fail(e.code, e.detail, args.json)
    finally:
        reader.close()
    emit(card_fields(card, date.today(), args.reveal), args.json)
    return 0


def wait_for_card(reader: CardReader, timeout: float, pattern: str) -> None:
    """Return once a card is in the reader; NoCard / ReaderUnavailable when none came in time."""
    deadline = time.monotonic() + max(timeout, 0.0)
    while (event := reader.wait_for_event(max(deadline - time.monotonic(), 0.0))) is not None:
        if event.kind is CardEventKind.INSERTED:
            return
    status = reader.status()
    if not status.service_reachable:
        raise ReaderUnavailable("the PC/SC service (pcscd) is not reachable")
    if not status.reader_present:
        raise ReaderUnavailable(f"no card reader matching {pattern!r}")
    if status.card_present:
        return  # inserted in the last instant
    raise NoCard(f"no card inserted in {status.reader_name} within {timeout:g} s")


def card_fields(card: CardData, today: date, reveal: bool) -> dict[str, Any]:
    """The printable fields, masked unless `reveal`; dates as ISO strings."""
    birth = card.birth_date.isoformat() if reveal else f"{card.birth_date.year}-**-**"
    return {
        "card_number": card.card_number if reveal else mask_card_number(card.card_number),
        "person_id": card.person_id if reveal else mask_person_id(card.person_id),
        "name": card.name if reveal else mask_name(card.name),
        "gender": GENDERS.get(card.gender, card.gender),
        "ethnicity": card.ethnicity,
        "ethnicity_name": ETHNICITY_NAMES.get(card.ethnicity, ""),
        "birth_date": birth,
        "birthplace": card.birthplace,
        "card_type": card.card_type,
        "spec_version": card.spec_version,
        "issue_date": card.issue_date.isoformat(),
        "expiry_date": card.expiry_date.isoformat(),
        "expired": card.is_expired(today),
        "masked": not reveal,
    }
