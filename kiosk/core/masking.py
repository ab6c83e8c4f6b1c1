"""Masking of personal data for screens, logs and technician output.

The rule of the project: never show or log a full ID number or a full name where it is not needed
(`3201**********123X`, `王*英`). Besides the pure maskers, this module keeps a small
process-wide set of *known names* — the names of the residents in the current session — so that
the log filter can mask a name wherever it appears in a message, even in free text it cannot
parse.
"""

from __future__ import annotations

import threading

from offline_cache.privacy import mask_id, mask_id_numbers

# One masking rule for ID numbers, shared with the offline cache's logs and audit log (which may
# not import the application): `3201**********1234`, and the same inside free text.
mask_person_id = mask_id


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
