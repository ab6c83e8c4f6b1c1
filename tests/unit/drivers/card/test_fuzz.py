"""Property tests: whatever bytes a card sends, decoding ends in one of the project's errors.

A broken or hostile card must give "this card cannot be read here", never an IndexError,
UnicodeDecodeError or ValueError that would crash the card worker.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drivers.card.apdu import Response
from drivers.card.records import EF05, EF06, Tag, decode_card, parse_record
from drivers.card.session import CardSession
from drivers.errors import CardError
from tests.emulators.card_applet import CardApplet
from tests.emulators.card_profiles import PROFILES

ALL_TAGS = [*EF05.tags, *EF06.tags]
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=8))
def test_any_response_bytes_parse_or_fail_cleanly(raw: bytes) -> None:
    try:
        r = Response.parse(raw)
    except CardError:
        assert len(raw) < 2
    else:
        assert r.data + bytes([r.sw1, r.sw2]) == raw


@FUZZ
@given(st.sampled_from(ALL_TAGS), st.binary(max_size=64))
def test_any_record_bytes_parse_or_fail_cleanly(tag: Tag, raw: bytes) -> None:
    try:
        value = parse_record(tag, raw)
    except CardError:
        return
    assert raw[0] == tag and value == raw[2 : 2 + raw[1]]


@FUZZ
@given(st.dictionaries(st.sampled_from(ALL_TAGS), st.binary(max_size=40)))
def test_any_record_values_decode_or_fail_cleanly(values: dict[Tag, bytes]) -> None:
    try:
        card = decode_card(values)
    except CardError:
        return
    assert len(card.person_id) == 18  # decoded means validated


@FUZZ
@given(st.lists(st.binary(max_size=40), min_size=1, max_size=60))
def test_a_card_answering_random_bytes_never_crashes_the_session(answers: list[bytes]) -> None:
    replies: Iterator[bytes] = iter(answers)
    session = CardSession(lambda command: next(replies, b"\x6f\x00"))
    with contextlib.suppress(CardError):
        session.read_card()
    # Reaching here (no other exception type) is the property; bound the traffic too:
    assert session.apdu_count <= 200


@FUZZ
@given(
    st.sampled_from(["v2", "v3", "long_name", "rare_name", "t0"]),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=60),
)
def test_truncating_any_response_of_a_real_card_fails_cleanly(
    profile: str, victim: int, keep: int
) -> None:
    """Cut the victim-th response of a good card after `keep` bytes (keeping its status word)."""
    applet = CardApplet(PROFILES[profile])
    count = 0

    def transmit(command: bytes) -> bytes:
        nonlocal count
        reply = applet.process(command)
        count += 1
        if count - 1 == victim and len(reply) > 2:
            return reply[:-2][:keep] + reply[-2:]
        return reply

    session = CardSession(transmit)
    try:
        card = session.read_card()
    except CardError:
        return
    person = PROFILES[profile].person
    assert person is not None
    # Either the cut kept the record intact or a padding byte was cut: same person either way.
    assert card.person_id == person.person_id
