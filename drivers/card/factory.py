"""Choosing the card reader from the configuration (`[devices] card`, `card_reader`)."""

from __future__ import annotations

from drivers.card.api import CardReader
from drivers.errors import ReaderUnavailable

KINDS = ("pcsc", "simulated")


def open_card_reader(kind: str, pattern: str = "") -> CardReader:
    """`"pcsc"`: the first PC/SC reader whose name matches `pattern` (substring or fnmatch;
    "" = any). `"simulated"`: an empty SimulatedCardReader. pyscard is imported only for "pcsc",
    so the demo runs on a machine without it (there "pcsc" raises ReaderUnavailable)."""
    if kind == "pcsc":
        try:
            from drivers.card.pcsc import PcscCardReader
        except ImportError as e:
            raise ReaderUnavailable(f"pyscard is not installed ({e})") from e
        return PcscCardReader(pattern)
    if kind == "simulated":
        from drivers.card.simulated import SimulatedCardReader

        return SimulatedCardReader()
    raise ValueError(f"unknown card reader kind {kind!r}; expected one of {', '.join(KINDS)}")
