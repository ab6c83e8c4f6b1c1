from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from county_platform.signing import signature as reference_signature
from offline_cache.backoff import Backoff, full_jitter_delay
from offline_cache.signing import canonical_request, sign, signed_headers


def test_canonical_string_is_exactly_as_specified() -> None:
    body = b'{"transactions":[]}'
    text = canonical_request("post", "/api/v1/roster?cursor=a%2Fb&limit=500", 1764300000, body)
    assert text == (
        b"POST\n/api/v1/roster?cursor=a%2Fb&limit=500\n1764300000\n"
        + hashlib.sha256(body).hexdigest().encode()
    )
    empty = canonical_request("GET", "/api/v1/jobs", 1, b"")
    assert empty.endswith(b"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")


@given(
    secret=st.binary(min_size=1, max_size=64),
    path=st.text(alphabet="abc/?=&%0123", min_size=1, max_size=40),
    timestamp=st.integers(min_value=0, max_value=2**40),
    body=st.binary(max_size=200),
)
def test_signature_agrees_with_the_reference_server(
    secret: bytes, path: str, timestamp: int, body: bytes
) -> None:
    ours = sign(secret, "POST", "/" + path, timestamp, body)
    assert ours == reference_signature(secret, "POST", "/" + path, str(timestamp), body)
    assert ours == ours.lower() and len(ours) == 64


def test_signed_headers() -> None:
    headers = signed_headers("T-1", b"s", "GET", "/api/v1/jobs", 42, b"")
    assert headers["X-Terminal-Id"] == "T-1" and headers["X-Timestamp"] == "42"
    assert headers["X-Signature"] == sign(b"s", "GET", "/api/v1/jobs", 42, b"")


@given(
    attempt=st.integers(min_value=0, max_value=200),
    base=st.floats(min_value=0.01, max_value=10),
    cap=st.floats(min_value=0.1, max_value=3600),
    r=st.floats(min_value=0, max_value=1, exclude_max=True),
)
def test_full_jitter_stays_within_bounds(attempt: int, base: float, cap: float, r: float) -> None:
    delay = full_jitter_delay(attempt, base, cap, lambda: r)
    assert 0 <= delay <= min(cap, base * 2 ** min(attempt, 62))


def test_backoff_grows_then_caps_and_uses_injected_sleep() -> None:
    slept: list[float] = []
    backoff = Backoff(cap=10, base=1, sleep=slept.append, rand=lambda: 0.999999)
    for attempt in range(6):
        backoff.wait(attempt)
    assert [round(s) for s in slept] == [1, 2, 4, 8, 10, 10]
    backoff.wait_exactly(3600)
    assert slept[-1] == 10  # Retry-After is capped too
    low = Backoff(cap=10, sleep=slept.append, rand=lambda: 0.0)
    assert low.wait(5) == 0.0  # full jitter reaches down to zero
