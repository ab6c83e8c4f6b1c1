"""The decision rule shared by the real sensor driver and its simulated twin, so that the twin
decides exactly like the sensor: the best-scoring finger, a match at `threshold` or above."""

from __future__ import annotations

from collections.abc import Iterable

from drivers.fingerprint.api import Comparison


def best_match(scores: Iterable[tuple[str, int]], threshold: int) -> Comparison:
    """The best of `(finger, score)` pairs, stopping at the first match: `scores` may be lazy,
    so no finger after a match is compared (the ZFM sensor uploads a template for each)."""
    best = Comparison(matched=False, score=0, finger=None)
    for finger, score in scores:
        if best.finger is None or score > best.score:
            best = Comparison(matched=score >= threshold, score=score, finger=finger)
        if best.matched:
            break
    return best
