import pytest

from county_platform.auth import MAX_CLOCK_SKEW_S, authenticate
from county_platform.errors import ApiError, ErrorCode
from county_platform.signing import sign_request, signature
from county_platform.store import Terminal

NOW = 1_795_843_800.0
TERMINAL = Terminal("T-320102001-003", "320102001", b"secret")
PATH = "/api/v1/roster?limit=10"


def lookup(terminal_id):
    return TERMINAL if terminal_id == TERMINAL.terminal_id else None


def headers(secret=b"secret", terminal="T-320102001-003", ts=int(NOW), body=b"", path=PATH):
    signed = sign_request(secret, terminal, "GET", path, body, ts)
    return {k.lower(): v for k, v in signed.items()}


def check(hdrs, body=b"", path=PATH):
    return authenticate(hdrs, "GET", path, body, lookup, NOW)


def code_of(hdrs, body=b"", path=PATH):
    with pytest.raises(ApiError) as info:
        check(hdrs, body, path)
    assert info.value.status == 401
    return info.value.code


def test_a_correctly_signed_request_names_its_terminal():
    assert check(headers()) == TERMINAL


def refusal(hdrs, body=b"", path=PATH):
    with pytest.raises(ApiError) as info:
        check(hdrs, body, path)
    return info.value.status, info.value.body()


def test_unknown_and_missing_terminal_look_like_a_bad_signature(caplog):
    wrong_secret = refusal(headers(secret=b"other"))
    assert wrong_secret[0] == 401 and wrong_secret[1]["error"] == "bad_signature"
    hdrs = headers()
    del hdrs["x-terminal-id"]
    assert refusal(headers(terminal="T-999")) == wrong_secret
    assert refusal(hdrs) == wrong_secret
    assert refusal({}) == wrong_secret
    reasons = [r.getMessage() for r in caplog.records]
    assert any("'T-999'" in m and "not registered" in m for m in reasons)
    assert any("signature does not match" in m for m in reasons)
    assert any("no terminal id" in m for m in reasons)


@pytest.mark.parametrize("timestamp", ["²", "9" * 5000, "", "-1", "1e9", "１２"])
def test_a_timestamp_that_is_not_ascii_unix_seconds_is_refused_even_when_signed(timestamp):
    hdrs = headers()
    hdrs["x-timestamp"] = timestamp
    hdrs["x-signature"] = signature(b"secret", "GET", PATH, timestamp, b"")
    assert code_of(hdrs) is ErrorCode.BAD_SIGNATURE


def test_wrong_secret_body_or_path_is_a_bad_signature():
    assert code_of(headers(secret=b"other")) is ErrorCode.BAD_SIGNATURE
    assert code_of(headers(), body=b"tampered") is ErrorCode.BAD_SIGNATURE
    assert code_of(headers(), path="/api/v1/roster?limit=11") is ErrorCode.BAD_SIGNATURE
    hdrs = headers()
    hdrs["x-timestamp"] = "soon"
    assert code_of(hdrs) is ErrorCode.BAD_SIGNATURE


def test_clock_skew_beyond_the_limit_reports_the_server_time():
    assert check(headers(ts=int(NOW) - MAX_CLOCK_SKEW_S)) == TERMINAL
    with pytest.raises(ApiError) as info:
        check(headers(ts=int(NOW) - MAX_CLOCK_SKEW_S - 1))
    assert info.value.code is ErrorCode.CLOCK_SKEW
    assert info.value.body()["server_time"] == "2026-11-28T05:30:00+00:00"
    assert code_of(headers(ts=int(NOW) + 7200)) is ErrorCode.CLOCK_SKEW


def test_a_wrong_secret_is_reported_even_when_the_clock_is_off_too():
    assert code_of(headers(secret=b"other", ts=int(NOW) - 7200)) is ErrorCode.BAD_SIGNATURE
