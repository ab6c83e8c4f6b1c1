"""Social-security card reading: decoding (apdu, records, session), readers (pcsc, simulated)."""

from drivers.card.factory import open_card_reader

__all__ = ["open_card_reader"]
