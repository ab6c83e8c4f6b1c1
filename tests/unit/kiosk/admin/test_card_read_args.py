"""`kiosk-admin card read --timeout`: a negative or non-finite wait is refused at parse time."""

from __future__ import annotations

import argparse

import pytest

from kiosk.admin.card_commands import seconds


def test_timeout_accepts_zero_and_positive_seconds() -> None:
    assert seconds("0") == 0.0 and seconds("2.5") == 2.5


@pytest.mark.parametrize("text", ["-1", "nan", "inf", "abc", ""])
def test_timeout_refuses_what_is_not_a_wait(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        seconds(text)
