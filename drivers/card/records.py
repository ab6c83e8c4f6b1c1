"""Decoding of the EF05/EF06 records into a validated `CardData`.

Pure: bytes in, `CardData` out. Anything missing or malformed raises `CardUnreadable` with a detail
naming the field (never the field's value: it may be personal data), so the kiosk can send the
resident to the counter instead of showing a half-filled screen.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from drivers.card.api import CardData
from drivers.errors import CardExpired, CardUnreadable

TLV_HEADER = 2  # one tag byte, one length byte
PADDING = b"\x00 "
ID_LENGTH = 18
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"  # GB 11643: index = weighted sum mod 11
CARD_NUMBER_LENGTH = 9
# GB 3304 民族 codes in order: 01 Han … 56 Jino, 97 other, 98 foreign-born naturalised citizen.
_ETHNIC_GROUPS = (  # noqa: SIM905 (a list literal would be 56 lines)
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 "
    "哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 "
    "达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
    "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 "
    "基诺"
).split()
ETHNICITY_NAMES: dict[int, str] = {
    **{code: f"{name}族" for code, name in enumerate(_ETHNIC_GROUPS, start=1)},
    97: "其他",
    98: "外国血统中国籍人士",
}
ETHNICITY_CODES = frozenset(ETHNICITY_NAMES)
SPEC_VERSION = re.compile(r"\d\.\d\d")
GENDERS = {"1": "M", "2": "F"}


class Tag(enum.IntEnum):
    """Record tags (= record identifiers for READ RECORD) of EF05 and EF06."""

    CARD_IDENTIFIER = 0x01
    CARD_TYPE = 0x02
    SPEC_VERSION = 0x03
    ISSUER_CODE = 0x04
    ISSUE_DATE = 0x05
    EXPIRY_DATE = 0x06
    CARD_NUMBER = 0x07
    PERSON_ID = 0x08
    NAME = 0x09
    GENDER = 0x0A
    ETHNICITY = 0x0B
    BIRTHPLACE = 0x0C
    BIRTH_DATE = 0x0D
    NAME_EXTENSION = 0x4E


@dataclass(frozen=True)
class ElementaryFile:
    file_id: int
    sfi: int
    tags: tuple[Tag, ...]


EF05 = ElementaryFile(
    0xEF05,
    5,
    (
        Tag.CARD_IDENTIFIER,
        Tag.CARD_TYPE,
        Tag.SPEC_VERSION,
        Tag.ISSUER_CODE,
        Tag.ISSUE_DATE,
        Tag.EXPIRY_DATE,
        Tag.CARD_NUMBER,
    ),
)
EF06 = ElementaryFile(
    0xEF06,
    6,
    (
        Tag.PERSON_ID,
        Tag.NAME,
        Tag.GENDER,
        Tag.ETHNICITY,
        Tag.BIRTHPLACE,
        Tag.BIRTH_DATE,
        Tag.NAME_EXTENSION,
    ),
)
OPTIONAL_TAGS = frozenset({Tag.NAME_EXTENSION})  # absent on cards older than the extension

# Exact value lengths (bytes); None = variable up to the maximum in MAX_LENGTHS.
FIXED_LENGTHS: dict[Tag, int] = {
    Tag.CARD_IDENTIFIER: 16,
    Tag.CARD_TYPE: 1,
    Tag.SPEC_VERSION: 4,
    Tag.ISSUE_DATE: 4,
    Tag.EXPIRY_DATE: 4,
    Tag.CARD_NUMBER: CARD_NUMBER_LENGTH,
    Tag.PERSON_ID: ID_LENGTH,
    Tag.GENDER: 1,
    Tag.ETHNICITY: 1,
    Tag.BIRTHPLACE: 3,
    Tag.BIRTH_DATE: 4,
}
MAX_LENGTHS: dict[Tag, int] = {Tag.ISSUER_CODE: 12, Tag.NAME: 30, Tag.NAME_EXTENSION: 20}


def parse_record(tag: Tag, raw: bytes) -> bytes:
    """The value of one `tag, length, value` record as returned by READ RECORD.

    Checks the tag, that the length byte matches the data, and the field's size.
    """
    if len(raw) < TLV_HEADER:
        raise CardUnreadable(f"record {tag:02X} ({tag.name}): {len(raw)} byte(s), no TLV header")
    if raw[0] != tag:
        raise CardUnreadable(f"record {tag:02X} ({tag.name}): came back with tag {raw[0]:02X}")
    length = raw[1]
    value = bytes(raw[TLV_HEADER : TLV_HEADER + length])
    if len(value) < length:
        raise CardUnreadable(
            f"record {tag:02X} ({tag.name}): truncated, {len(value)} of {length} bytes"
        )
    check_length(tag, value)
    return value


def check_length(tag: Tag, value: bytes) -> None:
    """A field of the wrong size is malformed (and would mis-decode silently)."""
    fixed = FIXED_LENGTHS.get(tag)
    if fixed is not None and len(value) != fixed:
        raise CardUnreadable(f"record {tag:02X} ({tag.name}): {len(value)} bytes, expected {fixed}")
    limit = MAX_LENGTHS.get(tag)
    if limit is not None and len(value) > limit:
        raise CardUnreadable(f"record {tag:02X} ({tag.name}): {len(value)} bytes, at most {limit}")


def bcd_digits(value: bytes, field: str) -> str:
    """Packed BCD to a digit string; a nibble above 9 is a malformed field."""
    digits = value.hex()
    if not digits.isdigit():
        raise CardUnreadable(f"{field}: not BCD")
    return digits


def bcd_date(value: bytes, field: str) -> date:
    """4 BCD bytes YYYYMMDD to a real date (20230230 is rejected)."""
    digits = bcd_digits(value, field)
    if len(digits) != 8:
        raise CardUnreadable(f"{field}: {len(value)} bytes, expected 4")
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError as e:
        raise CardUnreadable(f"{field}: not a real date") from e


def strip_padding(value: bytes) -> bytes:
    """Trailing 00 and 20 bytes pad text fields; neither occurs inside a GB18030 sequence."""
    return value.rstrip(PADDING)


def ascii_text(value: bytes, field: str) -> str:
    text = strip_padding(value)
    if not all(0x21 <= b <= 0x7E for b in text):
        raise CardUnreadable(f"{field}: not printable ASCII")
    return text.decode("ascii")


# Python's codec follows GB 18030-2005, which mapped 14 ideographs to the Private Use Area; GB
# 18030-2022 maps them to their real code points. A name with one (e.g. 𠂇, 龴) is a real name, not
# an unreadable card, and the statement must print the character, not a PUA box.
GB18030_2022_IDEOGRAPHS = str.maketrans(
    {
        0xE816: 0x20087, 0xE817: 0x20089, 0xE818: 0x200CC, 0xE81E: 0x9FB4, 0xE826: 0x9FB5,
        0xE82B: 0x9FB6, 0xE82C: 0x9FB7, 0xE831: 0x215D7, 0xE832: 0x9FB8, 0xE83B: 0x2298F,
        0xE843: 0x9FB9, 0xE854: 0x9FBA, 0xE855: 0x241FE, 0xE864: 0x9FBB,
    }
)  # fmt: skip


def gb18030_text(value: bytes, field: str) -> str:
    try:
        text = strip_padding(value).decode("gb18030")
    except UnicodeDecodeError as e:
        raise CardUnreadable(f"{field}: not valid GB18030 text") from e
    return text.translate(GB18030_2022_IDEOGRAPHS)


def decode_name(name: bytes, extension: bytes | None) -> str:
    """Name plus name extension, joined as bytes before decoding (a long name may be split).

    An extension only continues a name: with an empty name record the card is malformed."""
    head = strip_padding(name)
    if not head:
        raise CardUnreadable(
            "name: empty name record" + (" beside an extension" if extension else "")
        )
    joined = head + (strip_padding(extension) if extension else b"")
    text = gb18030_text(joined, "name")
    if not text or not text.isprintable():
        raise CardUnreadable("name: empty or contains control characters")
    return text


def id_check_digit(first17: str) -> str:
    """GB 11643 MOD 11-2 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def validate_person_id(person_id: str) -> str:
    if len(person_id) != ID_LENGTH or not person_id[:17].isdigit():
        raise CardUnreadable("person id: not 17 digits and a check character")
    if id_check_digit(person_id[:17]) != person_id[17].upper():
        raise CardUnreadable("person id: check digit does not match (GB 11643 MOD 11-2)")
    return person_id[:17] + person_id[17].upper()


def decode_card(records: Mapping[Tag, bytes]) -> CardData:
    """Build `CardData` from record values (as returned by `parse_record`).

    Every tag except the name extension is required.
    """
    missing = [t for t in (*EF05.tags, *EF06.tags) if t not in records and t not in OPTIONAL_TAGS]
    if missing:
        names = ", ".join(f"{t:02X} ({t.name})" for t in missing)
        raise CardUnreadable(f"missing record(s): {names}")
    for tag, value in records.items():
        check_length(tag, value)
    card_type = ascii_text(records[Tag.CARD_TYPE], "card type")
    if len(card_type) != 1:
        raise CardUnreadable("card type: empty")
    spec_version = ascii_text(records[Tag.SPEC_VERSION], "spec version")
    if not SPEC_VERSION.fullmatch(spec_version):
        raise CardUnreadable("spec version: not of the form N.NN")
    card_number = ascii_text(records[Tag.CARD_NUMBER], "card number")
    if len(card_number) != CARD_NUMBER_LENGTH or not card_number.isalnum():
        raise CardUnreadable(f"card number: not {CARD_NUMBER_LENGTH} letters or digits")
    gender = GENDERS.get(chr(records[Tag.GENDER][0]))
    if gender is None:
        raise CardUnreadable("gender: neither 1 nor 2")
    ethnicity = int(bcd_digits(records[Tag.ETHNICITY], "ethnicity"))
    if ethnicity not in ETHNICITY_CODES:
        raise CardUnreadable("ethnicity: not a GB 3304 code")
    issue_date = bcd_date(records[Tag.ISSUE_DATE], "issue date")
    expiry_date = bcd_date(records[Tag.EXPIRY_DATE], "expiry date")
    if expiry_date < issue_date:
        raise CardUnreadable("expiry date: before the issue date")
    return CardData(
        card_identifier=records[Tag.CARD_IDENTIFIER].hex().upper(),
        card_type=card_type,
        spec_version=spec_version,
        issuer_code=_issuer_code(records[Tag.ISSUER_CODE]),
        issue_date=issue_date,
        expiry_date=expiry_date,
        card_number=card_number,
        person_id=validate_person_id(ascii_text(records[Tag.PERSON_ID], "person id")),
        name=decode_name(records[Tag.NAME], records.get(Tag.NAME_EXTENSION)),
        gender=gender,
        ethnicity=ethnicity,
        birthplace=bcd_digits(records[Tag.BIRTHPLACE], "birthplace"),
        birth_date=bcd_date(records[Tag.BIRTH_DATE], "birth date"),
    )


def _issuer_code(value: bytes) -> str:
    """Printable ASCII codes come through as text; anything else as hex, never rejected."""
    text = strip_padding(value)
    if text and all(0x21 <= b <= 0x7E for b in text):
        return text.decode("ascii")
    return value.hex().upper()


def check_expiry(card: CardData, today: date) -> None:
    """An expired card is refused: the resident needs a replacement card at the counter."""
    if card.is_expired(today):
        raise CardExpired(f"card expired on {card.expiry_date.isoformat()}")
