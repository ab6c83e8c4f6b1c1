import pytest

from county_platform.cursor import BadCursor, Cursor, decode
from county_platform.store import Feed


def test_cursor_round_trips_and_is_opaque_url_safe_text():
    text = Cursor("abc123", Feed.ROSTER, 4711).encode()
    assert decode(text, Feed.ROSTER) == Cursor("abc123", Feed.ROSTER, 4711)
    assert "4711" not in text and all(c.isalnum() or c in "-_" for c in text)


@pytest.mark.parametrize(
    "text", ["", "%%%", "bm90IGEgY3Vyc29y", Cursor("x", Feed.JOBS, 1).encode()]
)
def test_foreign_or_garbled_cursors_are_refused(text):
    with pytest.raises(BadCursor):
        decode(text, Feed.ROSTER)
