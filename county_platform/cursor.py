"""Opaque feed cursors: which log, which feed and which position a kiosk has reached."""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

from county_platform.store import Feed

_PREFIX = "c1"
_POSITION = re.compile(r"[0-9]{1,18}")  # ASCII ("²".isdigit() is True) and within SQLite's INTEGER


class BadCursor(ValueError):
    """The text is not a cursor this platform handed out for this feed."""


@dataclass(frozen=True)
class Cursor:
    log_id: str
    feed: Feed
    position: int

    def encode(self) -> str:
        text = f"{_PREFIX}:{self.log_id}:{self.feed.value}:{self.position}"
        return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode(text: str, feed: Feed) -> Cursor:
    """Parse a cursor for `feed`; raises `BadCursor` with the reason."""
    try:
        padded = text + "=" * (-len(text) % 4)
        prefix, log_id, feed_name, position = (
            base64.urlsafe_b64decode(padded.encode()).decode().split(":")
        )
        if prefix != _PREFIX or not _POSITION.fullmatch(position):
            raise ValueError(text)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise BadCursor("the cursor is not one this platform issued") from None
    if feed_name != feed.value:
        raise BadCursor(f"the cursor belongs to the {feed_name[:20]} feed, not {feed.value}")
    return Cursor(log_id, feed, int(position))
