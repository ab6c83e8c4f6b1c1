"""Audit findings in the card driver: each test failed before its fix."""

from __future__ import annotations

import pytest

from drivers.card.records import decode_name
from drivers.errors import CardUnreadable


@pytest.mark.parametrize("padding", [b"\x00", b" "])
def test_a_name_extension_without_a_name_is_unreadable(padding: bytes) -> None:
    """An empty name record with a filled extension is malformed: the extension is the END of a
    long name, so showing it alone would print a wrong name on the resident's statement."""
    extension = "提艾力".encode("gb18030").ljust(20, b"\x00")
    with pytest.raises(CardUnreadable, match="name: empty"):
        decode_name(padding * 30, extension)
