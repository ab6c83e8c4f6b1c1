"""The decision rule both sensor drivers use (drivers/fingerprint/matching.py)."""

from __future__ import annotations

from collections.abc import Iterator

from drivers.fingerprint.api import Comparison
from drivers.fingerprint.matching import best_match

THRESHOLD = 50


def test_the_best_score_is_kept_when_nothing_matches() -> None:
    result = best_match([("left_index", 10), ("right_index", 30), ("right_thumb", 20)], THRESHOLD)
    assert result == Comparison(matched=False, score=30, finger="right_index")


def test_stops_at_the_first_match_without_comparing_the_rest() -> None:
    compared: list[str] = []

    def scores() -> Iterator[tuple[str, int]]:
        for finger, score in [("left_index", 10), ("right_index", 80), ("right_thumb", 120)]:
            compared.append(finger)
            yield finger, score

    result = best_match(scores(), THRESHOLD)
    assert result == Comparison(matched=True, score=80, finger="right_index")
    assert compared == ["left_index", "right_index"]


def test_a_score_at_the_threshold_matches() -> None:
    assert best_match([("left_index", THRESHOLD)], THRESHOLD).matched


def test_no_fingers_is_no_match() -> None:
    assert best_match([], THRESHOLD) == Comparison(matched=False, score=0, finger=None)
