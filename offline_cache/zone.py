"""The kiosk's time zone, on its own: the store dates transactions with it, and kiosk/core's clock
uses it without importing the store (and with it SQLite)."""

from __future__ import annotations

from datetime import timedelta, timezone

# China has one time zone and no daylight saving: a fixed offset is exact.
KIOSK_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")
