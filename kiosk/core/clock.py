"""The kiosk's local time: the one zone screens, documents and transactions all use.

The county platform and residents read times in China Standard Time (UTC+8), whatever zone the
terminal's operating system was installed with, so the kiosk never uses the system's zone.
"""

from __future__ import annotations

from datetime import datetime

from offline_cache.zone import KIOSK_TZ

__all__ = ["KIOSK_TZ", "kiosk_now"]


def kiosk_now() -> datetime:
    """Now, as an aware datetime in the kiosk's zone (UTC+8)."""
    return datetime.now(KIOSK_TZ)
