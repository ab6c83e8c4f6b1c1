"""The reference server refuses what `Transaction` of the county interface forbids (audit)."""

from typing import Any

import pytest

from county_platform.validation import Invalid, validate_transaction
from tests.contract import openapi

TX_ID = "0b6f3a8e-2f7c-4c1e-9d61-3a1f0f2b9c11"


def rating(**changes: Any) -> dict[str, Any]:
    tx: dict[str, Any] = {
        "id": TX_ID,
        "kind": "rating",
        "occurred_at": "2026-11-28T09:30:00+08:00",
        "seq": 1,
        "payload": {"service": "jobs", "score": 5},
    }
    tx.update(changes)
    return tx


FORBIDDEN = [
    pytest.param(rating(id=TX_ID.replace("-", "")), id="uuid-without-hyphens"),
    pytest.param(rating(id="{" + TX_ID + "}"), id="uuid-in-braces"),
    pytest.param(rating(id="urn:uuid:" + TX_ID), id="uuid-urn"),
    pytest.param(rating(seq=None), id="seq-null"),
    pytest.param(rating(person_id=None), id="person_id-null"),
]


@pytest.mark.parametrize("raw", FORBIDDEN)
def test_what_the_contract_forbids_is_rejected(raw: dict[str, Any]) -> None:
    schema = openapi.validator("/components/schemas/Transaction")
    assert openapi.errors_of(schema, raw), "the contract allows this: the test is wrong"
    with pytest.raises(Invalid):
        validate_transaction(raw)


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(rating(person_id="11010519491231002X\n"), id="person_id-trailing-newline"),
        pytest.param(
            rating(kind="job_interest", payload={"job_id": "J-1", "phone": "13812345678\n"}),
            id="phone-trailing-newline",
        ),
    ],
)
def test_patterns_anchor_at_the_end_of_the_text(raw: dict[str, Any]) -> None:
    """OpenAPI patterns are ECMA-262 regular expressions: `$` is the end of the text, not 'before
    a final newline' as in Python's `re` (python-jsonschema shares that quirk: no schema check)."""
    with pytest.raises(Invalid, match="does not match"):
        validate_transaction(raw)


def test_the_canonical_forms_are_still_accepted() -> None:
    assert validate_transaction(rating(id=TX_ID.upper())).id == TX_ID
    assert validate_transaction({k: v for k, v in rating().items() if k != "seq"}).seq is None
