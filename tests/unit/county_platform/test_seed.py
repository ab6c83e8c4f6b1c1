import base64
import unicodedata
from collections import Counter
from datetime import date

import pytest

from county_platform.contributions import FIRST_RECORD_YEAR
from county_platform.ids import birth_date, gender, is_valid_person_id
from county_platform.names import RARE_EXT_A, RARE_EXT_BC
from county_platform.seed import (
    PENSION_AGE,
    TEMPLATE_BYTES,
    generate_township,
    seed_database,
    synthetic_template,
)
from county_platform.store import Feed, PlatformStore

TODAY = date(2026, 11, 28)
TOWNSHIP = "320102001"


@pytest.fixture(scope="module")
def residents():
    return list(generate_township(TOWNSHIP, 400, seed=3, today=TODAY))


def age(born: date) -> int:
    return TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))


def test_identity_numbers_are_valid_unique_and_match_the_record(residents):
    ids = [r["person_id"] for r in residents]
    assert len(set(ids)) == len(ids)
    for r in residents:
        pid = r["person_id"]
        assert is_valid_person_id(pid), pid
        assert pid.startswith(TOWNSHIP[:6])
        assert birth_date(pid).isoformat() == r["birth_date"]
        assert gender(pid) == r["gender"]


def test_cards_villages_and_township(residents):
    cards = [r["card_number"] for r in residents]
    assert len(set(cards)) == len(cards) and all(len(c) == 9 for c in cards)
    for r in residents:
        assert r["township_code"] == TOWNSHIP
        assert len(r["village_code"]) == 12 and r["village_code"].startswith(TOWNSHIP)


def test_names_include_rare_characters_and_long_names(residents):
    names = [r["name"] for r in residents]
    assert any(ch in RARE_EXT_A for n in names for ch in n)
    assert any(ord(ch) > 0xFFFF for n in names for ch in n)  # outside the BMP (Ext B/C)
    assert any(ch in RARE_EXT_BC for n in names for ch in n)
    assert any(len(n) == 4 for n in names)
    assert all(1 < len(n) <= 4 for n in names)
    assert all(unicodedata.name(ch).startswith("CJK") for n in names for ch in n)


def test_small_townships_have_rare_names_too():
    names = [r["name"] for r in generate_township(TOWNSHIP, 40, today=TODAY)]
    assert any(ord(ch) > 0xFFFF for n in names for ch in n)
    assert any("\u3400" <= ch <= "\u4dbf" for n in names for ch in n)


def test_pensioners_and_unemployed_have_benefits_and_fingerprints(residents):
    kinds = Counter(b["kind"] for r in residents for b in r["benefits"])
    assert kinds["pension"] > 100 and kinds["unemployment"] > 20
    for r in residents:
        for b in r["benefits"]:
            period = b["certification"]["period"]
            if b["kind"] == "pension":
                assert age(date.fromisoformat(r["birth_date"])) >= PENSION_AGE
                assert period == "annual"
            else:
                assert period == "monthly"
            assert 1 <= len(r["fingerprints"]) <= 2
        for f in r["fingerprints"]:
            template = base64.b64decode(f["template"])
            assert template == synthetic_template(r["person_id"], f["finger"])


def test_certification_due_dates_are_spread(residents):
    pensions = [b for r in residents for b in r["benefits"] if b["kind"] == "pension"]
    due = [date.fromisoformat(b["certification"]["due_by"]) for b in pensions]
    assert any(d < TODAY for d in due)  # overdue
    assert any(0 <= (d - TODAY).days <= 31 for d in due)  # due soon
    assert any((d - TODAY).days > 300 for d in due)  # certified recently
    statuses = Counter(b["status"] for b in pensions)
    assert statuses["active"] > statuses["suspended"] + statuses["stopped"] > 0


def test_contributions_span_ten_to_thirty_years_with_realistic_amounts(residents):
    for r in residents:
        years = {c["year"] for c in r["contributions"]}
        assert years, r["person_id"]
        assert len(years) <= 30
        # Ten years or more, unless records (from 1992, from age 18) cannot go back that far.
        first_possible = max(FIRST_RECORD_YEAR, int(r["birth_date"][:4]) + 18)
        assert len(years) >= min(10, max(years) - first_possible + 1)
        for c in r["contributions"]:
            assert 0 <= c["months_paid"] <= 12
            if c["scheme"] == "employee_pension":
                assert 120_000 <= c["base_cents"] <= 1_200_000
                assert c["personal_cents"] == round(c["base_cents"] * 0.08 * c["months_paid"])
    assert {c["scheme"] for r in residents for c in r["contributions"]} == {
        "employee_pension", "resident_pension", "unemployment", "medical", "work_injury",
        "maternity",
    }  # fmt: skip


def test_generation_is_deterministic_and_prefix_stable():
    a = list(generate_township(TOWNSHIP, 30, seed=9, today=TODAY))
    b = list(generate_township(TOWNSHIP, 60, seed=9, today=TODAY))
    c = list(generate_township(TOWNSHIP, 30, seed=10, today=TODAY))
    assert a == b[:30]
    assert [r["person_id"] for r in a] != [r["person_id"] for r in c]


def test_synthetic_templates_are_512_deterministic_and_distinct():
    t = synthetic_template("11010519491231002X", "right_index")
    assert len(t) == TEMPLATE_BYTES
    assert t == synthetic_template("11010519491231002X", "right_index")
    other = synthetic_template("11010519491231002X", "left_index")
    assert sum(x == y for x, y in zip(t, other, strict=True)) < 20


def test_seed_database_writes_the_township_and_is_idempotent(tmp_path):
    with PlatformStore.open(tmp_path / "c.db") as store:
        first = seed_database(store, TOWNSHIP, 25, today=TODAY)
        assert (first.residents, first.jobs, first.notices) == (25, 20, 8)
        assert first.changes == 25 + 20 + 8
        assert seed_database(store, TOWNSHIP, 25, today=TODAY).changes == 0
        assert len(store.entity_ids(Feed.ROSTER, TOWNSHIP)) == 25
        jobs = [store.entity(Feed.JOBS, j) for j in store.entity_ids(Feed.JOBS)]
        assert all(job is not None and job["title"] for job in jobs)
        assert any(j is not None and "保洁员" in j["title"] for j in jobs)
        notices = [store.entity(Feed.NOTICES, n) for n in store.entity_ids(Feed.NOTICES)]
        assert any(n is not None and "养老金" in n["title"] for n in notices)
