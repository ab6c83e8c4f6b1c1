"""The state of the sync mark in the top bar (a model: services set it, the frame draws it)."""

from __future__ import annotations

import enum


class SyncMark(enum.Enum):
    """The small neutral mark for technicians: never an alarm for residents."""

    UNKNOWN = "unknown"
    ONLINE = "online"
    OFFLINE = "offline"
