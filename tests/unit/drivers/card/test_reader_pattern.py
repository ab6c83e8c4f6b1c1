"""Reader choice by configured name pattern (drivers/card/pcsc.py `matches`)."""

from __future__ import annotations

import pytest

from drivers.card.pcsc import matches

READERS = ["ACS ACR39U ICC Reader 00 00", "ACS ACR39U ICC Reader SAM 00 01", "Virtual PCD 00 00"]


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("", READERS),
        ("acr39", READERS[:2]),  # substring, case-insensitive
        ("ACS ACR39U ICC Reader 00*", READERS[:1]),  # fnmatch: the card slot, not the SAM slot
        ("*SAM*", READERS[1:2]),
        ("Virtual PCD 00 0?", READERS[2:]),
        ("Feitian", []),
    ],
)
def test_pattern(pattern: str, expected: list[str]) -> None:
    assert [r for r in READERS if matches(r, pattern)] == expected
