"""Picking data by the session's language, in one place.

A fixed display string goes through Qt's translation system (`QCoreApplication.translate`, the
English in assets/translations/kiosk_en.ts). What is not a fixed string — a township's English
name from the configuration, a date or an amount written the English way, a spoken phrase built
around a number — is picked with `in_language`, never with `language == "en"` where it is used.
Free of Qt, so kiosk.core can use it too.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")

ENGLISH = "en"  # the one translated language; Simplified Chinese ("zh") is the source


def in_language(language: str, zh: T, en: T) -> T:
    """`en` when `language` is English, else `zh` (the source language, and any unknown code)."""
    return en if language == ENGLISH else zh


__all__ = ["ENGLISH", "in_language"]
