import hashlib
import hmac

from county_platform.signing import canonical_request, sign_request, signature

EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_canonical_request_joins_the_four_parts_with_newlines():
    text = canonical_request("get", "/api/v1/roster?cursor=abc&limit=5", "1764307800", b"")
    assert text == f"GET\n/api/v1/roster?cursor=abc&limit=5\n1764307800\n{EMPTY_SHA256}".encode()


def test_signature_is_lower_hex_hmac_sha256_of_the_canonical_text():
    body = b'{"transactions":[]}'
    canonical = (
        "POST\n/api/v1/transactions\n1764307800\n" + hashlib.sha256(body).hexdigest()
    ).encode()
    expected = hmac.new(b"s3cret", canonical, hashlib.sha256).hexdigest()
    got = signature(b"s3cret", "POST", "/api/v1/transactions", "1764307800", body)
    assert got == expected
    assert got == got.lower() and len(got) == 64


def test_sign_request_gives_the_three_headers():
    headers = sign_request(b"k", "T-1", "GET", "/api/v1/jobs", timestamp=42)
    assert headers["X-Terminal-Id"] == "T-1"
    assert headers["X-Timestamp"] == "42"
    assert headers["X-Signature"] == signature(b"k", "GET", "/api/v1/jobs", "42", b"")


def test_any_changed_part_changes_the_signature():
    base = signature(b"k", "GET", "/api/v1/jobs?limit=1", "42", b"")
    assert base != signature(b"k", "GET", "/api/v1/jobs?limit=2", "42", b"")
    assert base != signature(b"k", "GET", "/api/v1/jobs?limit=1", "43", b"")
    assert base != signature(b"k", "POST", "/api/v1/jobs?limit=1", "42", b"")
    assert base != signature(b"k2", "GET", "/api/v1/jobs?limit=1", "42", b"")
    assert base != signature(b"k", "GET", "/api/v1/jobs?limit=1", "42", b"x")
