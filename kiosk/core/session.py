"""One resident's visit, from the first touch or card to the return of the home screen.

The session is the only holder of personal data in the application (card data, the resident record
from the cache). `clear()` drops all of it and forgets the names registered for log masking, so
that at the end of a session personal data leaves memory as well as the screen. No Qt here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.core.masking import known_names, mask_name

if TYPE_CHECKING:
    from drivers.card.api import CardData
    from offline_cache.models import Resident


class SessionEnd(enum.Enum):
    """Why a session ended (logged; the UI reacts the same way to all of them)."""

    FINISHED = "finished"  # the resident completed or left through the home button
    IDLE = "idle"  # the idle countdown reached zero
    CARD_REMOVED = "card_removed"
    ERROR = "error"  # a bug or a device failure ended it


@dataclass
class Session:
    """Mutable on purpose: the application keeps exactly one and clears it in place."""

    language: str = "zh"
    started_at: datetime | None = None
    card: CardData | None = None
    resident: Resident | None = None
    _names: set[str] = field(default_factory=set, repr=False)

    @property
    def active(self) -> bool:
        return self.started_at is not None

    def start(self, now: datetime, language: str) -> None:
        if self.started_at is None:
            self.started_at = now
            self.language = language

    def set_card(self, card: CardData, now: datetime) -> None:
        self.start(now, self.language)
        self.card = card
        self._remember(card.name)

    def set_resident(self, resident: Resident) -> None:
        self.resident = resident
        self._remember(resident.name)

    @property
    def masked_name(self) -> str:
        """The greeting form of the resident's name (王*英), or "" before a card is read."""
        if self.card is not None:
            return mask_name(self.card.name)
        if self.resident is not None:
            return mask_name(self.resident.name)
        return ""

    def clear(self, default_language: str) -> None:
        """Drop every piece of personal data and forget the names registered for log masking."""
        for name in self._names:
            known_names.discard(name)
        self._names.clear()
        self.card = None
        self.resident = None
        self.started_at = None
        self.language = default_language

    def _remember(self, name: str) -> None:
        self._names.add(name)
        known_names.add(name)
