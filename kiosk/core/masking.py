"""Masking of personal data for screens, logs and technician output.

The rule of the project: never show or log a full ID number or a full name where it is not needed
(`3201**********123X`, `王*英`). Besides the pure maskers, this module keeps a small process-wide
set
of *known names* — the names of the residents in the current session — so that the log filter can
mask a name wherever it appears in a message, even in free text it cannot parse.
"""

from __future__ import annotations

import re
import threading

# An 18-character citizen ID number (17 digits + digit or X), not part of a longer number.
ID_NUMBER_RE = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[0-9Xx])(?![0-9A-Za-z])")
_ID_VISIBLE_HEAD = 4
_ID_VISIBLE_TAIL = 4


def mask_person_id(person_id: str) -> str:
    """`320102195001011234` -> `3201**********1234`; short or odd input is masked entirely."""
    if len(person_id) <= _ID_VISIBLE_HEAD + _ID_VISIBLE_TAIL:
        return "*" * len(person_id)
    hidden = len(person_id) - _ID_VISIBLE_HEAD - _ID_VISIBLE_TAIL
    return person_id[:_ID_VISIBLE_HEAD] + "*" * hidden + person_id[-_ID_VISIBLE_TAIL:]


def mask_name(name: str) -> str:
    """`王秀英` -> `王*英`, `王英` -> `王*`, `欧阳秀英` -> `欧**英`; one character stays as is.

    Works on code points, so a rare character outside the BMP (`𠮷`) counts as one character.
    """
    chars = list(name.strip())
    if len(chars) <= 1:
        return "".join(chars)
    if len(chars) == 2:
        return chars[0] + "*"
    return chars[0] + "*" * (len(chars) - 2) + chars[-1]


def mask_card_number(card_number: str) -> str:
    """`A12345678` -> `A1*****78`: enough for a technician to tell two cards apart."""
    if len(card_number) <= 4:
        return "*" * len(card_number)
    return card_number[:2] + "*" * (len(card_number) - 4) + card_number[-2:]


def mask_id_numbers(text: str) -> str:
    """Mask every 18-character ID number inside free text."""
    return ID_NUMBER_RE.sub(lambda m: mask_person_id(m.group(0)), text)


class KnownNames:
    """Thread-safe set of names to mask wherever they appear (logs are written from any thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._names: set[str] = set()

    def add(self, name: str) -> None:
        name = name.strip()
        if len(name) >= 2:  # a single character would mask half of every message
            with self._lock:
                self._names.add(name)

    def discard(self, name: str) -> None:
        with self._lock:
            self._names.discard(name.strip())

    def clear(self) -> None:
        with self._lock:
            self._names.clear()

    def __contains__(self, name: object) -> bool:
        with self._lock:
            return name in self._names

    def mask(self, text: str) -> str:
        with self._lock:
            names = sorted(
                self._names, key=len, reverse=True
            )  # longest first: 欧阳秀英 before 秀英
        for name in names:
            if name in text:
                text = text.replace(name, mask_name(name))
        return text


# The session registers the current resident's names here; the log filter reads them.
known_names = KnownNames()


def mask_text(text: str) -> str:
    """Mask ID numbers and known names in `text` (what the log filter applies)."""
    return known_names.mask(mask_id_numbers(text))
