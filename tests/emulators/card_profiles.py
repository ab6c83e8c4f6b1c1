"""Test cards: a person's data encoded as EF05/EF06 records, plus the card's quirks.

Each `CardProfile` is one physical card the emulator can present: its records (raw TLV bytes as
READ RECORD returns them) and how it behaves (T=0 chaining, SELECT EF variant, missing
application, PIN state, removal mid-read). Synthetic people only; the ID numbers carry valid
GB 11643 check digits computed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date


def _with_tck(atr: bytes) -> bytes:
    """Append the check byte an ATR needs when it offers T=1 (XOR of T0 .. last byte)."""
    tck = 0
    for b in atr[1:]:
        tck ^= b
    return atr + bytes([tck])


SSC_ATR_T1 = _with_tck(bytes.fromhex("3B888001") + b"CARDSSC ")  # T=0 and T=1 offered
SSC_ATR_T0 = bytes.fromhex("3B8F0043415244535343202020202020202020")  # T=0 only
NAME_FIELD = 30
NAME_EXT_FIELD = 20
DEFAULT_PIN = "123456"
DEFAULT_PIN_TRIES = 3
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def person_id(first17: str) -> str:
    """Append the MOD 11-2 check character (independent of the driver's implementation)."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


@dataclass(frozen=True)
class Person:
    person_id: str
    name: str
    gender: str = "2"  # ASCII "1" male, "2" female
    ethnicity: int = 1
    birthplace: str = "320102"
    birth_date: date = date(1958, 3, 14)
    card_number: str = "A12345678"
    card_type: str = "3"
    spec_version: str = "2.00"
    issuer_code: str = "320100D15600"
    issue_date: date = date(2019, 6, 1)
    expiry_date: date = date(2029, 6, 1)
    card_identifier: bytes = bytes.fromhex("320100D156000005C9E7BBE1B1A3D5CF")


def bcd(digits: str) -> bytes:
    return bytes.fromhex(digits)


def bcd_date(d: date) -> bytes:
    return bcd(d.strftime("%Y%m%d"))


def tlv(tag: int, value: bytes) -> bytes:
    return bytes([tag, len(value)]) + value


def name_fields(name: str, with_extension: bool) -> tuple[bytes, bytes | None]:
    """Split a GB18030 name over the 30-byte name and the 20-byte extension (cut at a character
    boundary, as issuing software does), each right-padded with 00."""
    encoded = name.encode("gb18030")
    cut = 0
    for ch in name:
        size = len(ch.encode("gb18030"))
        if cut + size > NAME_FIELD:
            break
        cut += size
    head, tail = encoded[:cut], encoded[cut:]
    if len(tail) > NAME_EXT_FIELD or (tail and not with_extension):
        raise ValueError(f"name too long for the card layout: {len(encoded)} bytes")
    ext = tail.ljust(NAME_EXT_FIELD, b"\x00") if with_extension else None
    return head.ljust(NAME_FIELD, b"\x00"), ext


def records_for(person: Person, with_extension: bool) -> dict[int, dict[int, bytes]]:
    """{file id: {tag: TLV bytes}} for EF05 and EF06."""
    name, ext = name_fields(person.name, with_extension)
    ef05 = {
        0x01: tlv(0x01, person.card_identifier),
        0x02: tlv(0x02, person.card_type.encode()),
        0x03: tlv(0x03, person.spec_version.encode()),
        0x04: tlv(0x04, person.issuer_code.encode().ljust(12, b"\x00")),
        0x05: tlv(0x05, bcd_date(person.issue_date)),
        0x06: tlv(0x06, bcd_date(person.expiry_date)),
        0x07: tlv(0x07, person.card_number.encode()),
    }
    ef06 = {
        0x08: tlv(0x08, person.person_id.encode()),
        0x09: tlv(0x09, name),
        0x0A: tlv(0x0A, person.gender.encode()),
        0x0B: tlv(0x0B, bcd(f"{person.ethnicity:02d}")),
        0x0C: tlv(0x0C, bcd(person.birthplace)),
        0x0D: tlv(0x0D, bcd_date(person.birth_date)),
    }
    if ext is not None:
        ef06[0x4E] = tlv(0x4E, ext)
    return {0xEF05: ef05, 0xEF06: ef06}


@dataclass(frozen=True)
class CardProfile:
    """One emulated card. `person` is what a correct read must return (None: not decodable)."""

    name: str
    person: Person | None
    records: dict[int, dict[int, bytes]] = field(default_factory=dict)
    atr: bytes = SSC_ATR_T1
    t0: bool = False  # answer 61xx to SELECT and 6Cxx to READ RECORD with the wrong Le
    has_application: bool = True  # False: 6A82 on SELECT by name (a bank-only card)
    select_ef_p1: frozenset[int] = frozenset({0x02, 0x00})  # P1 values SELECT EF accepts
    sfi_reads: bool = True  # READ RECORD by short file id works
    pin: str = DEFAULT_PIN
    pin_tries: int = DEFAULT_PIN_TRIES
    remove_after: int | None = None  # the card leaves the reader after this many APDUs
    expected_error: str | None = None  # the drivers.errors code a read must raise


WANG = Person(person_id("32010219580314002"), "王秀英")
ZHANG = Person(
    person_id("32010219700101001"),
    "张建国",
    gender="1",
    card_number="B98765432",
    spec_version="3.00",
    issue_date=date(2023, 5, 20),
    expiry_date=date(2033, 5, 20),
)
LONG = Person(
    person_id("65010219851120003"),
    "阿卜杜热合曼·买买提艾力·吐尔逊托合提",
    gender="1",
    ethnicity=5,
    birthplace="650102",
    birth_date=date(1985, 11, 20),
    card_number="C00112233",
    spec_version="3.00",
)
RARE = Person(
    person_id("11010519900707004"), "王𠮷", birthplace="110105", birth_date=date(1990, 7, 7)
)
RARE_EXT_A = Person(person_id("11010519920229005"), "李䶮", birth_date=date(1992, 2, 29))
EXPIRED = replace(WANG, issue_date=date(2010, 1, 1), expiry_date=date(2020, 1, 1))


def _with(records: dict[int, dict[int, bytes]], ef: int, tag: int, raw: bytes | None) -> dict:
    """A copy of `records` with one record replaced (None: removed)."""
    copy = {k: dict(v) for k, v in records.items()}
    if raw is None:
        del copy[ef][tag]
    else:
        copy[ef][tag] = raw
    return copy


def _profiles() -> dict[str, CardProfile]:
    v2 = records_for(WANG, with_extension=False)
    bad_check = WANG.person_id[:17] + ("0" if WANG.person_id[17] != "0" else "1")
    return {
        "v2": CardProfile("v2", WANG, v2),
        "v3": CardProfile(
            "v3",
            ZHANG,
            records_for(ZHANG, with_extension=True),
            select_ef_p1=frozenset({0x00}),  # wants P1=00
        ),
        "sfi": CardProfile(
            "sfi", WANG, v2, select_ef_p1=frozenset()
        ),  # no SELECT EF: READ RECORD by SFI only
        "long_name": CardProfile("long_name", LONG, records_for(LONG, with_extension=True)),
        "rare_name": CardProfile("rare_name", RARE, records_for(RARE, with_extension=True)),
        "rare_name_ext_a": CardProfile(
            "rare_name_ext_a", RARE_EXT_A, records_for(RARE_EXT_A, with_extension=True)
        ),
        "t0": CardProfile(
            "t0", ZHANG, records_for(ZHANG, with_extension=True), atr=SSC_ATR_T0, t0=True
        ),
        "bank": CardProfile(
            "bank", None, {}, has_application=False, expected_error="not_social_security_card"
        ),
        "expired": CardProfile("expired", EXPIRED, records_for(EXPIRED, with_extension=False)),
        "bad_check_digit": CardProfile(
            "bad_check_digit",
            None,
            _with(v2, 0xEF06, 0x08, tlv(0x08, bad_check.encode())),
            expected_error="card_unreadable",
        ),
        "bad_date": CardProfile(
            "bad_date",
            None,
            _with(v2, 0xEF06, 0x0D, tlv(0x0D, bytes.fromhex("19580230"))),
            expected_error="card_unreadable",
        ),
        "truncated": CardProfile(
            "truncated",
            None,
            _with(v2, 0xEF06, 0x09, bytes([0x09, 30]) + "王秀".encode("gb18030")),
            expected_error="card_unreadable",
        ),
        "missing_record": CardProfile(
            "missing_record",
            None,
            _with(v2, 0xEF06, 0x08, None),
            expected_error="card_unreadable",
        ),
        "pin_blocked": CardProfile("pin_blocked", WANG, v2, pin_tries=0),
        "removal": CardProfile("removal", WANG, v2, remove_after=4, expected_error="card_removed"),
    }


PROFILES: dict[str, CardProfile] = _profiles()
