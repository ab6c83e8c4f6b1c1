"""The roster's bulk path (`resident_row_from_wire`, what `parse_page` uses) must be exactly as
strict as the model parser and store exactly the same column text, so that making the load faster
changes neither what is refused nor what a lookup returns."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from offline_cache.codec import (
    MalformedItemError,
    ResidentRow,
    contributions_to_column,
    resident_from_wire,
    resident_row,
    resident_row_from_wire,
)
from offline_cache.feeds import Feed, MalformedPageError, Upsert, parse_page
from offline_cache.store import Store
from tests.unit.offline_cache.factories import person_id, resident_wire, upsert

_FIELDS = ("year", "scheme", "months_paid", "base_cents", "personal_cents", "unit_cents")
# Wrong values a field of a contribution row can take on the wire (JSON types only).
_WRONG: dict[str, list[Any]] = {
    "year": [None, True, "2020", 2020.0, [2020]],
    "scheme": [None, 7, False, {"x": 1}],
    "months_paid": [None, True, "12", 12.5],
    "base_cents": [None, False, "1", 1.0],
    "personal_cents": [None, True, "1"],
    "unit_cents": [None, True, 0.0],
    "employer": [3, True, ["厂"], {"a": 1}],
}


def _both(wire: dict[str, Any]) -> tuple[str | None, str | None]:
    """The error message of each parser (None when it accepts the record)."""
    messages: list[str | None] = []
    for parse in (resident_from_wire, resident_row_from_wire):
        try:
            parse(copy.deepcopy(wire))
        except MalformedItemError as e:
            messages.append(str(e))
        else:
            messages.append(None)
    return messages[0], messages[1]


def test_bulk_row_equals_the_model_row_of_the_same_record() -> None:
    wire = resident_wire(3)
    row = resident_row_from_wire(wire)
    assert isinstance(row, ResidentRow)
    assert row == resident_row(resident_from_wire(wire))
    assert row.to_resident() == resident_from_wire(wire)


@pytest.mark.parametrize(("field", "value"), [(f, v) for f, vs in _WRONG.items() for v in vs])
def test_every_wrong_contribution_field_is_refused_with_the_same_message(
    field: str, value: Any
) -> None:
    wire = resident_wire(1)
    wire["contributions"][5][field] = value
    strict, bulk = _both(wire)
    assert strict is not None and strict == bulk and repr(field) in bulk


@pytest.mark.parametrize("field", _FIELDS)
def test_a_missing_contribution_field_is_refused(field: str) -> None:
    wire = resident_wire(1)
    del wire["contributions"][-1][field]
    strict, bulk = _both(wire)
    assert strict is not None and strict == bulk


@pytest.mark.parametrize("row", [None, 7, "x", [2020, "medical"]])
def test_a_contribution_that_is_not_an_object_is_refused(row: Any) -> None:
    wire = resident_wire(1)
    wire["contributions"].insert(2, row)
    strict, bulk = _both(wire)
    assert strict is not None and strict == bulk


@pytest.mark.parametrize("value", [None, {}, "[]", 3])
def test_contributions_that_are_not_a_list_are_refused(value: Any) -> None:
    wire = resident_wire(1)
    wire["contributions"] = value
    strict, bulk = _both(wire)
    assert strict is not None and strict == bulk


def test_several_faults_name_the_same_first_one() -> None:
    wire = resident_wire(1)
    del wire["card_number"]
    wire["gender"] = 1
    wire["contributions"][0]["year"] = "x"
    strict, bulk = _both(wire)
    assert strict is not None and strict == bulk


def test_optional_employer_absent_null_or_empty_stores_the_short_row() -> None:
    wire = resident_wire(1)
    rows = wire["contributions"]
    del rows[0]["employer"]
    rows[1]["employer"] = None
    rows[2]["employer"] = ""
    rows[3]["extra_field"] = "ignored, as by the model parser"
    row = resident_row_from_wire(wire)
    assert row.contributions.startswith('[[2000,"resident_pension",12,300000,20000,0],[2001,')
    assert row == resident_row(resident_from_wire(wire))


contribution = st.fixed_dictionaries(
    {
        "year": st.integers(1950, 2100),
        "scheme": st.sampled_from(["employee_pension", "medical", "失业", 'a"b\\c']),
        "months_paid": st.integers(0, 12),
        "base_cents": st.integers(0, 2**63 - 1),  # the interface's minimum; SQLite's maximum
        "personal_cents": st.integers(0, 10**9),
        "unit_cents": st.integers(0, 10**9),
    },
    optional={"employer": st.one_of(st.none(), st.text(max_size=12))},
)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(contribution, max_size=40))
def test_any_valid_contribution_list_is_stored_as_the_model_path_stores_it(
    rows: list[dict[str, Any]],
) -> None:
    wire = resident_wire(2)
    wire["contributions"] = rows
    row = resident_row_from_wire(wire)
    model = resident_from_wire(wire)
    assert row.contributions == contributions_to_column(model.contributions)
    assert row.to_resident().contributions == model.contributions


def test_a_malformed_contribution_refuses_the_whole_page_and_applies_nothing(
    store: Store,
) -> None:
    bad = resident_wire(2)
    bad["contributions"][-1]["unit_cents"] = "0"
    body = {
        "items": [upsert("resident", resident_wire(1)), upsert("resident", bad)],
        "next_cursor": "c1",
        "has_more": False,
    }
    with pytest.raises(MalformedPageError, match=r"roster: item 1: field 'unit_cents'"):
        parse_page(Feed.ROSTER, body)
    assert store.resident_count() == 0 and store.feed_cursor(Feed.ROSTER) is None


def test_wire_pages_and_model_upserts_store_identical_rows(
    store: Store, tmp_path: Path, template_key: bytes
) -> None:
    """Store.apply_page still takes `Upsert(Resident)`; both forms give the same database."""
    wires = [resident_wire(i) for i in range(4)]
    page = parse_page(Feed.ROSTER, {"items": [upsert("resident", w) for w in wires],
                                    "next_cursor": "c", "has_more": False})  # fmt: skip
    store.apply_page(Feed.ROSTER, page.ops, page.next_cursor, complete=True)
    other = Store.open(tmp_path / "other.sqlite3", template_key)
    try:
        models = [Upsert(resident_from_wire(w)) for w in wires]
        other.apply_page(Feed.ROSTER, models, "c", complete=True)
        query = "SELECT * FROM residents ORDER BY person_id"
        assert store.connection.execute(query).fetchall() == (
            other.connection.execute(query).fetchall()
        )
        for i in range(4):
            assert store.resident_by_person_id(person_id(i)) == other.resident_by_person_id(
                person_id(i)
            )
    finally:
        other.close()


def test_templates_from_a_wire_page_are_sealed_at_rest(store: Store) -> None:
    wire = resident_wire(1)
    page = parse_page(Feed.ROSTER, {"items": [upsert("resident", wire)], "next_cursor": "c",
                                    "has_more": False})  # fmt: skip
    store.apply_page(Feed.ROSTER, page.ops, page.next_cursor, complete=True)
    clear = resident_from_wire(wire).fingerprints
    sealed = store.connection.execute("SELECT sealed FROM fingerprints ORDER BY finger")
    blobs = [b for (b,) in sealed]
    assert len(blobs) == len(clear) == 2
    for blob in blobs:
        assert all(fp.template not in blob for fp in clear)
        assert len(blob) > len(clear[0].template)  # nonce + tag
    found = store.resident_by_person_id(person_id(1))
    assert found is not None and {f.template for f in found.fingerprints} == {
        f.template for f in clear
    }


def test_rfc3339_times_may_say_utc_with_a_lower_case_z() -> None:
    """RFC 3339 allows "z"; one such item must not refuse the whole page (and halt the feed)."""
    from datetime import UTC, datetime

    from offline_cache.codec import MalformedItemError, parse_time

    assert parse_time("2026-11-28T02:00:00z") == datetime(2026, 11, 28, 2, tzinfo=UTC)
    assert parse_time("2026-11-28T10:00:00+08:00") == parse_time("2026-11-28T02:00:00Z")
    with pytest.raises(MalformedItemError):
        parse_time("2026-11-28T02:00:00")  # no offset
