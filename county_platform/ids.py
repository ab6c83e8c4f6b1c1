"""Citizen identity numbers (GB 11643-1999) and printed card numbers for synthetic residents."""

from __future__ import annotations

from datetime import date

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"  # indexed by the weighted sum mod 11
CARD_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O, which read as digits on a card
CARD_SERIALS = 1_000_000


def check_digit(first17: str) -> str:
    """The MOD 11-2 check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("a citizen number's body is 17 digits")
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def is_valid_person_id(person_id: str) -> bool:
    """Shape, real birth date and check digit of an 18-character citizen number."""
    if len(person_id) != 18 or not person_id[:17].isdigit():
        return False
    try:
        birth_date(person_id)
    except ValueError:
        return False
    return check_digit(person_id[:17]) == person_id[17]


def make_person_id(region: str, born: date, sequence: int) -> str:
    """Region (6 digits) + birth date + 3-digit sequence (odd for men) + check digit."""
    if len(region) != 6 or not region.isdigit() or not 0 <= sequence <= 999:
        raise ValueError("region is 6 digits and sequence 0..999")
    body = f"{region}{born:%Y%m%d}{sequence:03d}"
    return body + check_digit(body)


def birth_date(person_id: str) -> date:
    return date(int(person_id[6:10]), int(person_id[10:12]), int(person_id[12:14]))


def gender(person_id: str) -> str:
    """`M` when the 17th digit is odd, `F` when even."""
    return "M" if int(person_id[16]) % 2 else "F"


def card_number(township_code: str, serial: int) -> str:
    """Nine characters: a district letter, the township's last two digits, a 6-digit serial.

    Unique within a district for up to 24 million residents per township.
    """
    letter = CARD_LETTERS[(int(township_code[:6]) + serial // CARD_SERIALS) % len(CARD_LETTERS)]
    return f"{letter}{township_code[-2:]}{serial % CARD_SERIALS:06d}"
