"""Masking of personal data for screens, logs and technician output.

Privacy rule of the project: a full ID number or name never reaches a log, and screens show them
masked unless a flow needs the full value. Pure functions on strings; no Qt.
"""

from __future__ import annotations

ID_VISIBLE_HEAD = 4  # `3201**********123X`: region prefix kept
ID_VISIBLE_TAIL = 4
CARD_VISIBLE_HEAD = 1  # `A*****678`: card numbers are short (9 characters)
CARD_VISIBLE_TAIL = 3
MASK_CHAR = "*"


def _mask_middle(value: str, head: int, tail: int) -> str:
    """Keep `head` and `tail` characters; a value too short to keep both is fully masked."""
    if len(value) <= head + tail:
        return MASK_CHAR * len(value)
    return value[:head] + MASK_CHAR * (len(value) - head - tail) + value[len(value) - tail :]


def mask_person_id(person_id: str) -> str:
    """`320102198001011234` -> `3201**********1234` (first 4 and last 4 kept)."""
    return _mask_middle(person_id, ID_VISIBLE_HEAD, ID_VISIBLE_TAIL)


def mask_name(name: str) -> str:
    """`王秀英` -> `王*英`, `王芳` -> `王*`, `王` -> `*`: first and last character kept.

    Works on code points, so a four-byte rare character (`𠮷`) counts as one character.
    """
    if len(name) <= 1:
        return MASK_CHAR * len(name)
    if len(name) == 2:
        return name[0] + MASK_CHAR
    return name[0] + MASK_CHAR * (len(name) - 2) + name[-1]


def mask_card_number(card_number: str) -> str:
    """`A12345678` -> `A*****678`."""
    return _mask_middle(card_number, CARD_VISIBLE_HEAD, CARD_VISIBLE_TAIL)
