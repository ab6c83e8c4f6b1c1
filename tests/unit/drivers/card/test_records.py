"""Record decoding and validation (drivers/card/records.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from drivers.card.records import (
    Tag,
    bcd_date,
    check_expiry,
    decode_card,
    decode_name,
    id_check_digit,
    parse_record,
    validate_person_id,
)
from drivers.errors import CardExpired, CardUnreadable
from tests.emulators.card_profiles import LONG, RARE, WANG, Person, records_for


def _values(person: Person, with_extension: bool = True) -> dict[Tag, bytes]:
    """Record values as the session hands them to decode_card (through parse_record)."""
    out: dict[Tag, bytes] = {}
    for ef in records_for(person, with_extension).values():
        for tag, raw in ef.items():
            out[Tag(tag)] = parse_record(Tag(tag), raw)
    return out


def test_check_digit_of_the_gb11643_example() -> None:
    assert id_check_digit("11010519491231002") == "X"
    assert validate_person_id("11010519491231002x") == "11010519491231002X"  # lower x accepted


@pytest.mark.parametrize(
    "pid", ["110105194912310021", "11010519491231002", "1101051949123100XX", "A10105194912310020"]
)
def test_bad_person_ids_are_unreadable(pid: str) -> None:
    with pytest.raises(CardUnreadable, match="person id"):
        validate_person_id(pid)


def test_bcd_date_must_be_real() -> None:
    assert bcd_date(bytes.fromhex("20240229"), "d") == date(2024, 2, 29)
    with pytest.raises(CardUnreadable, match="birth date: not a real date"):
        bcd_date(bytes.fromhex("20230229"), "birth date")
    with pytest.raises(CardUnreadable, match="not BCD"):
        bcd_date(bytes.fromhex("2024A101"), "issue date")


def test_record_header_is_checked() -> None:
    assert parse_record(Tag.GENDER, bytes.fromhex("0A0131")) == b"1"
    with pytest.raises(CardUnreadable, match="came back with tag 0B"):
        parse_record(Tag.GENDER, bytes.fromhex("0B0131"))
    with pytest.raises(CardUnreadable, match="truncated, 1 of 4"):
        parse_record(Tag.BIRTH_DATE, bytes.fromhex("0D0419"))
    with pytest.raises(CardUnreadable, match="expected 18"):
        parse_record(Tag.PERSON_ID, bytes.fromhex("0801") + b"1")
    with pytest.raises(CardUnreadable, match="no TLV header"):
        parse_record(Tag.NAME, b"\x09")


def test_name_padding_with_zero_or_space_is_stripped() -> None:
    gb = "王秀英".encode("gb18030")
    assert decode_name(gb.ljust(30, b"\x00"), None) == "王秀英"
    assert decode_name(gb.ljust(30, b" "), bytes(20)) == "王秀英"


def test_long_name_continues_in_the_extension() -> None:
    card = decode_card(_values(LONG))
    assert card.name == LONG.name
    assert len(LONG.name.encode("gb18030")) > 30  # really needs the extension


def test_four_byte_gb18030_name_comes_through() -> None:
    card = decode_card(_values(RARE))
    assert card.name == "王𠮷"
    assert len("𠮷".encode("gb18030")) == 4


def test_name_extension_joins_bytes_not_decoded_halves() -> None:
    encoded = "李𠮷".encode("gb18030")  # 2 + 4 bytes
    assert decode_name(encoded[:4], encoded[4:]) == "李𠮷"


def test_undecodable_name_is_unreadable() -> None:
    with pytest.raises(CardUnreadable, match="name: not valid GB18030"):
        decode_name(b"\xff\xff\x81", None)
    with pytest.raises(CardUnreadable, match="name: empty"):
        decode_name(bytes(30), None)


def test_decode_full_card() -> None:
    card = decode_card(_values(WANG, with_extension=False))
    assert card.person_id == WANG.person_id
    assert card.card_number == "A12345678"
    assert card.gender == "F"
    assert card.ethnicity == 1
    assert card.birthplace == "320102"
    assert card.birth_date == date(1958, 3, 14)
    assert card.issue_date == date(2019, 6, 1)
    assert card.expiry_date == date(2029, 6, 1)
    assert card.spec_version == "2.00"
    assert card.card_identifier == "320100D156000005C9E7BBE1B1A3D5CF"
    assert card.issuer_code == "320100D15600"


def test_missing_record_names_the_tag() -> None:
    values = _values(WANG)
    del values[Tag.BIRTH_DATE]
    with pytest.raises(CardUnreadable, match=r"missing record\(s\): 0D \(BIRTH_DATE\)"):
        decode_card(values)


@pytest.mark.parametrize(
    "tag, raw, message",
    [
        (Tag.GENDER, b"3", "gender"),
        (Tag.ETHNICITY, bytes.fromhex("57"), "ethnicity"),
        (Tag.ETHNICITY, bytes.fromhex("00"), "ethnicity"),
        (Tag.SPEC_VERSION, b"2.0x", "spec version"),
        (Tag.CARD_NUMBER, b"A1234567\x01", "card number"),
        (Tag.BIRTHPLACE, bytes.fromhex("3201FF"), "birthplace"),
        (Tag.EXPIRY_DATE, bytes.fromhex("20100101"), "expiry date: before the issue date"),
        (Tag.CARD_IDENTIFIER, bytes(15), "expected 16"),
    ],
)
def test_malformed_fields_are_unreadable(tag: Tag, raw: bytes, message: str) -> None:
    values = _values(WANG)
    values[tag] = raw
    with pytest.raises(CardUnreadable, match=message):
        decode_card(values)


def test_details_never_contain_the_personal_data() -> None:
    values = _values(WANG)
    values[Tag.PERSON_ID] = WANG.person_id[:17].encode() + b"0"
    with pytest.raises(CardUnreadable) as info:
        decode_card(values)
    assert WANG.person_id[:17] not in str(info.value)


def test_expiry_is_checked_against_today() -> None:
    card = decode_card(_values(replace(WANG, expiry_date=date(2026, 11, 27))))
    check_expiry(card, date(2026, 11, 27))  # valid through its last day
    with pytest.raises(CardExpired, match="2026-11-27"):
        check_expiry(card, date(2026, 11, 28))


def test_every_gb3304_code_has_a_name_and_only_those_decode() -> None:
    from drivers.card.records import ETHNICITY_CODES, ETHNICITY_NAMES

    assert len(ETHNICITY_NAMES) == 58  # 56 groups, 97 other, 98 naturalised
    assert ETHNICITY_NAMES[1] == "汉族"
    assert ETHNICITY_NAMES[10] == "朝鲜族"
    assert ETHNICITY_NAMES[56] == "基诺族"
    assert all(name.endswith("族") for code, name in ETHNICITY_NAMES.items() if code <= 56)
    assert len(set(ETHNICITY_NAMES.values())) == 58
    assert set(range(1, 57)) | {97, 98} == ETHNICITY_CODES


@pytest.mark.parametrize(
    ("raw", "char"),
    [("FE51", "\U00020087"), ("FE59", "\u9fb4"), ("FE91", "\U000241fe"), ("FEA0", "\u9fbb")],
)
def test_ideographs_gb18030_2005_left_in_the_private_use_area_are_read_as_2022_maps_them(
    raw: str, char: str
) -> None:
    """Python decodes FE51 as U+E816 (GB 18030-2005): a name with 𠂇 was refused as unreadable."""
    from drivers.card.records import decode_name

    name = "王".encode("gb18030") + bytes.fromhex(raw)
    assert decode_name(name.ljust(30, b"\x00"), None) == "王" + char
