"""The offline-cache benchmarks at tiny sizes, so that they keep running as the code changes.

No timing assertions (speed is recorded in docs/performance.md): each benchmark must run through
its real path (child processes, the reference server over HTTP on 127.0.0.1, SQLite) and produce
plausible numbers, and the report must land in its own section of the performance document.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks import cache_common, cache_delivery, cache_lookup, cache_roster_load, raw_limits
from benchmarks.__main__ import discover
from benchmarks.cache_report import NOT_RUN, render
from county_platform.ids import is_valid_person_id

pytestmark = pytest.mark.realstack  # child processes and the reference server over HTTP

OTHER_SECTION = "## Card reader\n\nsomeone else's numbers\n"


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "performance.md"
    path.write_text(f"# Performance\n\n{OTHER_SECTION}", encoding="utf-8")
    return path


def _results(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_all_cache_benchmarks_run_and_fill_their_section(tmp_path: Path, doc: Path) -> None:
    results = tmp_path / "results.json"
    common = ["--results", str(results), "--write", str(doc)]
    cache_roster_load.main(["--residents", "30", "1200", "--http-residents", "40", *common])
    cache_lookup.main(["--residents", "1200", "--lookups", "50", *common])
    cache_delivery.main(["--transactions", "620", *common])
    raw_limits.main(["--rows", "1200", "--lookups", "50", *common])

    found = _results(results)
    cases = found["roster_load"]["cases"]
    direct, http = cases["direct_1200"], cases["http_40"]
    assert direct["residents"] == 1200 and direct["pages"] == 3  # 500 + 500 + 200
    assert direct["shape"] == "seed" and direct["seconds"] > 0 and direct["db_bytes"] > 0
    assert direct["peak_rss_mib"] >= direct["baseline_rss_mib"] > 0
    assert http["residents"] == 40 and http["pulled"] == 40 and http["requests"] == 1

    lookup = found["lookup"]
    assert lookup["residents"] == 1200
    assert lookup["by_person_id"]["n"] == 50
    card = lookup["by_card_number"]
    assert 0 < card["median_s"] <= card["p99_s"]

    delivery = found["delivery"]
    assert delivery["batches"] == 2 and delivery["accepted"] == 620

    raw = found["raw"]
    assert raw["sqlite"]["rows"] == 1200 and raw["sqlite"]["insert_s"] > 0
    assert raw["http"]["health"]["n"] > 0

    text = doc.read_text(encoding="utf-8")
    assert OTHER_SECTION.strip() in text  # the other engineer's section is untouched
    ours = text[text.index(cache_common.SECTION) :]
    assert NOT_RUN not in ours
    assert "1,200 residents, pages → parse_page → apply_page" in ours
    assert "620 pending transactions" in ours and "×" in ours


def test_a_second_write_replaces_the_section_instead_of_appending(doc: Path) -> None:
    cache_common.write_section(doc, render({}))
    cache_common.write_section(doc, render({}))
    text = doc.read_text(encoding="utf-8")
    assert text.count(cache_common.SECTION) == 1
    assert text.count(NOT_RUN) == 4 and OTHER_SECTION.strip() in text


def test_derived_county_records_are_distinct_valid_residents() -> None:
    source = cache_common.RosterSource(2500, "derived")
    records = list(source.records())
    ids = {r["person_id"] for r in records}
    cards = {r["card_number"] for r in records}
    assert len(ids) == len(cards) == 2500
    assert all(is_valid_person_id(pid) for pid in ids)
    twin_a, twin_b = records[5], records[5 + cache_common.POOL_SIZE]  # same pool resident
    assert twin_a["contributions"] == twin_b["contributions"]
    if twin_a["fingerprints"]:
        assert twin_a["fingerprints"][0]["template"] != twin_b["fingerprints"][0]["template"]
    page = json.loads(next(source.pages()))
    assert page["items"][7]["resident"] == records[7]  # the page text is the record itself


def test_the_runner_finds_every_benchmark_and_no_helper() -> None:
    names = discover()
    assert names[:2] == ["cache_roster_load", "cache_lookup"]  # lookup reuses the 1M database
    for name in ("cache_delivery", "raw_limits", "card_latency", "statements"):
        assert name in names
    assert "cache_common" not in names and "cache_report" not in names
