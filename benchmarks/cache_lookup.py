"""Lookup latency at county size: `Store.resident_by_person_id` and `resident_by_card_number`.

What the kiosk does when a card is read or an ID number typed: one resident row, its benefits and
contributions decoded into model objects, its fingerprint templates opened (AES-GCM). Timed over
random residents of a 1,000,000-resident store (median and p99).

The store is built with `Store.apply_page` from model objects (the derived roster of
cache_common, no JSON step), or an existing one is reused: `--db` with `template.key` next to it
(what `python -m benchmarks` passes after cache_roster_load kept its 1M database).

    .venv/bin/python -m benchmarks.cache_lookup [--residents 1000000] [--lookups 10000]
        [--db kiosk.sqlite3] [--results FILE] [--write docs/performance.md]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import cache_common as common
from benchmarks.cache_report import render
from offline_cache.feeds import Feed, Upsert
from offline_cache.models import Resident
from offline_cache.store import Store

DEFAULT_RESIDENTS = 1_000_000
DEFAULT_LOOKUPS = 10_000
KEY_BYTES = 32
KEY_FILE = "template.key"


def build(db: Path, residents: int) -> tuple[Store, float]:
    """A store holding the derived roster; returns it and the build time."""
    key = os.urandom(KEY_BYTES)
    (db.parent / KEY_FILE).write_bytes(key)
    store = Store.open(db, key)
    began = time.perf_counter()
    page: list[Upsert] = []
    applied = 0
    for resident in common.RosterSource(residents, "derived").residents_for_store():
        page.append(Upsert(resident))
        if len(page) == common.PAGE_SIZE:
            applied += len(page)
            store.apply_page(Feed.ROSTER, page, f"bench:{applied}", applied == residents)
            page = []
    if page:
        store.apply_page(Feed.ROSTER, page, f"bench:{residents}", True)
    return store, time.perf_counter() - began


def sample_keys(store: Store, n: int) -> list[tuple[str, str]]:
    """(person id, card number) of `n` random residents, read before any timing."""
    conn = store.connection
    top = int(conn.execute("SELECT MAX(rowid) FROM residents").fetchone()[0])
    rng = random.Random(11)
    keys: list[tuple[str, str]] = []
    while len(keys) < n:
        row = conn.execute(
            "SELECT person_id, card_number FROM residents WHERE rowid = ?", (rng.randint(1, top),)
        ).fetchone()
        if row:
            keys.append((row[0], row[1]))
    return keys


def time_lookups(
    lookup: Callable[[str], Resident | None], keys: list[str]
) -> tuple[list[float], int]:
    durations, templates = [], 0
    for key in keys:
        began = time.perf_counter()
        resident = lookup(key)
        durations.append(time.perf_counter() - began)
        if resident is None:
            raise RuntimeError("a sampled resident was not found")
        templates += len(resident.fingerprints)
    return durations, templates


def measure(store: Store, lookups: int) -> dict[str, Any]:
    keys = sample_keys(store, 2 * lookups)
    by_pid, templates_pid = time_lookups(store.resident_by_person_id, [k[0] for k in keys[::2]])
    by_card, templates_card = time_lookups(
        store.resident_by_card_number, [k[1] for k in keys[1::2]]
    )
    return {
        "residents": store.resident_count(),
        "by_person_id": common.Latency.of(by_pid).as_dict(),
        "by_card_number": common.Latency.of(by_card).as_dict(),
        "templates_per_lookup": (templates_pid + templates_card) / (2 * lookups),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--residents", type=int, default=DEFAULT_RESIDENTS)
    parser.add_argument("--lookups", type=int, default=DEFAULT_LOOKUPS)
    parser.add_argument("--db", type=Path, help=f"reuse this kiosk database ({KEY_FILE} beside)")
    parser.add_argument("--results", type=Path, default=common.DEFAULT_RESULTS)
    parser.add_argument("--write", type=Path, help="update the offline-cache section here")
    args = parser.parse_args(argv)
    if args.db:
        store = Store.open(args.db, (args.db.parent / KEY_FILE).read_bytes())
        result = {**measure(store, args.lookups), "built_by": "cache_roster_load (reused)"}
        store.close()
    else:
        with tempfile.TemporaryDirectory(prefix="bench-lookup-") as folder:
            store, seconds = build(Path(folder) / "kiosk.sqlite3", args.residents)
            print(f"built {args.residents} residents in {seconds:.0f} s", file=sys.stderr)
            result = {**measure(store, args.lookups), "built_by": "apply_page", "build_s": seconds}
            store.close()
    common.save_result(args.results, "lookup", result)
    print(json.dumps(result, indent=1))
    if args.write:
        common.write_section(args.write, render(common.load_results(args.results)))


if __name__ == "__main__":
    main()
