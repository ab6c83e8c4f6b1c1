import json
from typing import Any

import pytest

from county_platform import jsontext
from county_platform.validation import Invalid, check_resident, validate_transaction

TX_ID = "0B7C2F6E-8A6B-4C1E-9A55-2F9D0F6F2B11"
PERSON = "11010519491231002X"

VALID: dict[str, dict[str, Any]] = {
    "certification": {
        "person_id": PERSON,
        "payload": {
            "benefit": "pension", "method": "fingerprint", "result": "passed", "score": 142,
            "attempts": 1, "finger": "right_index",
        },
    },
    "statement_print": {
        "person_id": PERSON,
        "payload": {
            "document": "contribution_statement", "verification_code": "7K3Q-9XPA",
            "pages": 2, "printed": False, "printer_error": "paper_out",
        },
    },
    "job_interest": {"payload": {"job_id": "J-320102001-0003", "phone": "13912345678"}},
    "rating": {"payload": {"service": "jobs", "score": 5}},
    "maintenance": {"payload": {"action": "paper_refilled"}},
}  # fmt: skip


def tx(tx_kind, **changes):
    base = {"id": TX_ID, "kind": tx_kind, "occurred_at": "2026-11-28T09:30:00+08:00", "seq": 7}
    base.update(VALID[tx_kind])
    base.update(changes)
    return base


@pytest.mark.parametrize("kind", sorted(VALID))
def test_every_kind_has_a_valid_form(kind):
    valid = validate_transaction(tx(kind))
    assert valid.kind == kind
    assert valid.id == TX_ID.lower()  # the unique key is the canonical UUID
    assert valid.seq == 7


def payload_with(kind, **fields):
    return {**VALID[kind]["payload"], **fields}


def payload_without(kind, name):
    return {k: v for k, v in VALID[kind]["payload"].items() if k != name}


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("not an object", "JSON object"),
        (tx("rating", id="42"), "not a UUID"),
        (tx("rating", id=42), "UUID string"),
        (tx("rating", kind="refund"), "kind must be one of"),
        (tx("rating", occurred_at="2026-11-28T09:30:00"), "offset"),
        (tx("rating", occurred_at="2026-13-28T09:30:00+08:00"), "not a valid time"),
        (tx("rating", occurred_at=1764307800), "RFC 3339"),
        (tx("rating", seq=0), "seq must be at least 1"),
        (tx("rating", person_id="11010519491231002x"), "person_id does not match"),
        (tx("certification", person_id=None), "person_id is required"),
        (tx("statement_print", person_id=None), "person_id is required"),
        (tx("rating", payload=[1]), "payload must be a JSON object"),
        (tx("rating", payload=payload_with("rating", score=6)), "at most 5"),
        (tx("rating", payload=payload_with("rating", score=True)), "must be an integer"),
        (tx("rating", payload=payload_with("rating", service="weather")), "must be one of"),
        (tx("certification", payload=payload_with("certification", attempts=0)), "at least 1"),
        (tx("certification", payload=payload_with("certification", method="face")), "one of"),
        (tx("certification", payload=payload_without("certification", "score")), "missing"),
        (tx("statement_print", payload=payload_with("statement_print", printed="yes")),
         "true or false"),
        (tx("statement_print", payload=payload_with("statement_print", verification_code="short")),
         "8 to 64"),
        (tx("job_interest", payload=payload_with("job_interest", phone="02584001234")),
         "does not match"),
        (tx("maintenance", payload={}), "payload.action is missing"),
    ],
)  # fmt: skip
def test_schema_violations_are_named(raw, words):
    with pytest.raises(Invalid, match=words):
        validate_transaction(raw)


def test_missing_common_fields_are_named():
    for field in ("kind", "occurred_at", "payload"):
        raw = tx("rating")
        del raw[field]
        with pytest.raises(Invalid, match=f"{field} is missing"):
            validate_transaction(raw)


def test_optional_fields_may_be_absent_and_extra_fields_are_tolerated():
    raw = tx("job_interest", payload={"job_id": "J-1"}, note="from a newer kiosk")
    del raw["seq"]
    valid = validate_transaction(raw)
    assert valid.seq is None and valid.person_id is None


def test_utc_z_suffix_is_an_offset():
    assert (
        validate_transaction(tx("rating", occurred_at="2026-11-28T01:30:00.25Z")).kind == "rating"
    )


# --- issue 11, findings 7 and 9: values nothing downstream could store, and impossible ids ---


def parsed(raw_json):
    return jsontext.parse(raw_json.encode())


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (tx("rating", seq=2**63), "seq must be at most 9223372036854775807"),
        (tx("rating", person_id="000000000000000000"), "bad_person_id"),
        (tx("rating", person_id=PERSON[:17] + "1"), "bad_person_id"),  # wrong check character
        (tx("rating", person_id="110105194902300012"), "bad_person_id"),  # 30 February
        (tx("rating", occurred_at="2026-11-28T09:30:00+08:00\n"), "RFC 3339"),
        (tx("rating", occurred_at="２０２６-11-28T09:30:00+08:00"), "RFC 3339"),
        (tx("rating", note="a\ud800b"), "note contains a lone UTF-16 surrogate"),
        (tx("rating", id="\udfff"), "id contains a lone UTF-16 surrogate"),
        (tx("rating", payload={"service": "jobs", "score": 1, "\ud800": 1}),
         "payload has a key with a lone UTF-16 surrogate"),
        ({**tx("rating"), "\ud800": 1}, "field name contains a lone UTF-16 surrogate"),
    ],
)  # fmt: skip
def test_unstorable_values_and_impossible_citizen_numbers_are_rejected(raw, words):
    with pytest.raises(Invalid, match=words):
        validate_transaction(raw)


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("NaN", "NaN, which is not a JSON number"),
        ("-Infinity", "-Infinity"),
        ("1e400", "too large for a double"),
        ("9" * 5000, "an integer of 5000 digits"),
        (str(2**63), "outside the 64-bit range"),
        (str(-(2**63) - 1), "outside the 64-bit range"),
    ],
)
def test_numbers_that_cannot_be_stored_reject_their_transaction_only(number, words):
    text = json.dumps({"transactions": [tx("rating"), tx("rating", note="@")]})
    batch = parsed(text.replace('"@"', number))["transactions"]
    assert validate_transaction(batch[0]).kind == "rating"
    with pytest.raises(Invalid, match=words):
        validate_transaction(batch[1])


def test_the_largest_64_bit_integers_are_kept():
    doc = parsed(f'{{"a": {2**63 - 1}, "b": {-(2**63)}, "c": 1.5e300}}')
    assert doc == {"a": 2**63 - 1, "b": -(2**63), "c": 1.5e300}


def test_nesting_is_bounded_per_transaction_and_for_the_whole_body():
    deep: dict[str, Any] = {"x": 1}
    for _ in range(jsontext.MAX_DEPTH):
        deep = {"x": deep}
    with pytest.raises(Invalid, match="nests more than"):
        validate_transaction(tx("rating", payload={"service": "jobs", "score": 1, "d": deep}))
    with pytest.raises(jsontext.NotJson, match="nests too deeply"):
        jsontext.parse(b"[" * 100_000 + b"]" * 100_000)


@pytest.mark.parametrize("body", [b"\xff\xfe{\x00}\x00", b"\xed\xa0\x80", b"\xef\xbb\xbf{}", b"{"])
def test_a_body_that_is_not_utf8_json_is_not_json(body):
    with pytest.raises(jsontext.NotJson):
        jsontext.parse(body)


def test_long_bad_values_are_quoted_short():
    with pytest.raises(Invalid) as info:
        validate_transaction(tx("rating", kind="k" * 100_000))
    assert len(str(info.value)) < 200


def test_roster_checks_name_the_reason_without_the_number():
    check_resident("320102001", "320102001")
    with pytest.raises(Invalid, match=r"^unknown_resident: "):
        check_resident(None, "320102001")
    with pytest.raises(Invalid, match=r"^other_township: "):
        check_resident("320102002", "320102001")
