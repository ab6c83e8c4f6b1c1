"""Delivering a week of offline transactions: record N into the outbox, then one sync round.

The kiosk first syncs once with the reference server on 127.0.0.1 (a small seeded township), then
"goes offline for a week": its store clock starts seven days back and advances with each of the N
transactions (a mix of certifications, statement prints, job interests and ratings, each committed
with its local effect and audit entry, as the application does). Then, with the real clock, one
`SyncClient.run_round()`: push every pending transaction in batches of 500, pull the three feeds.

    .venv/bin/python -m benchmarks.cache_delivery [--transactions 10000] [--results FILE]
        [--write docs/performance.md]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import requests

from benchmarks import cache_common as common
from benchmarks.cache_report import render
from county_platform.store import PlatformStore
from offline_cache.store import KIOSK_TZ, Store
from offline_cache.sync import SyncClient, SyncSettings

DEFAULT_TRANSACTIONS = 10_000
TOWNSHIP_RESIDENTS = 200
WEEK_S = 7 * 24 * 3600.0
KEY_BYTES = 32


class WeekClock:
    """The kiosk's clock while offline: starts a week ago and is moved by the benchmark."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def record_week(store: Store, clock: WeekClock, n: int, start: float) -> list[float]:
    """Record `n` transactions spread over the week; returns each `record*` call's duration."""
    rng = random.Random(3)
    people = [
        (row[0], json.loads(row[1]))
        for row in store.connection.execute("SELECT person_id, benefits FROM residents")
    ]
    claimants = [(pid, b[0]["kind"]) for pid, b in people if b]
    jobs = [job.job_id for job in store.jobs(datetime.fromtimestamp(start, KIOSK_TZ))]
    durations = []
    for i in range(n):
        clock.now = start + WEEK_S * i / n
        roll = rng.random()
        began = time.perf_counter()
        if roll < 0.1 and claimants:
            pid, benefit = rng.choice(claimants)
            store.record_certification(
                pid, benefit, True, rng.randint(100, 250), 1, "right_index", store.now()
            )
        elif roll < 0.3:
            store.record(
                "statement_print",
                {
                    "document": "contribution_statement",
                    "verification_code": f"{rng.getrandbits(48):012X}",
                    "pages": rng.randint(1, 6),
                    "printed": True,
                },
                person_id=rng.choice(people)[0],
            )
        elif roll < 0.5 and jobs:
            store.record("job_interest", {"job_id": rng.choice(jobs)})
        else:
            store.record("rating", {"service": "jobs", "score": rng.randint(1, 5)})
        durations.append(time.perf_counter() - began)
    return durations


def measure(transactions: int, folder: Path) -> dict[str, Any]:
    server = common.start_county_server(folder, TOWNSHIP_RESIDENTS)
    try:
        start = time.time() - WEEK_S
        clock = WeekClock(start)
        store = Store.open(folder / "kiosk.sqlite3", os.urandom(KEY_BYTES), clock=clock)
        settings = SyncSettings(server.url, server.terminal_id, server.secret)
        first = SyncClient(store, settings)
        if not first.run_round().ok:
            raise RuntimeError("the initial sync before going offline failed")
        first.close()
        durations = record_week(store, clock, transactions, start)
        clock.now = time.time()
        counter = common.RequestCounter()
        client = SyncClient(store, settings, session=counter.attach(requests.Session()))
        began = time.perf_counter()
        report = client.run_round()
        seconds = time.perf_counter() - began
        client.close()
        summary = store.queue_summary()
        store.close()
    finally:
        server.stop()
    with PlatformStore.open(server.db) as platform:
        received = platform.count_transactions()
    if not report.ok or summary.pending or received != transactions:
        raise RuntimeError(
            f"delivery incomplete: {report.as_dict()}, pending {summary.pending}, "
            f"platform has {received}"
        )
    return {
        "transactions": transactions,
        "seconds": seconds,
        "requests": counter.by_method,
        "batches": counter.by_method.get("POST", 0),
        "accepted": report.accepted,
        "delivered": summary.delivered,
        "record": common.Latency.of(durations).as_dict(),
        "record_total_s": sum(durations),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--transactions", type=int, default=DEFAULT_TRANSACTIONS)
    parser.add_argument("--results", type=Path, default=common.DEFAULT_RESULTS)
    parser.add_argument("--write", type=Path, help="update the offline-cache section here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-delivery-") as folder:
        result = measure(args.transactions, Path(folder))
    common.save_result(args.results, "delivery", result)
    print(json.dumps(result, indent=1))
    if args.write:
        common.write_section(args.write, render(common.load_results(args.results)))


if __name__ == "__main__":
    main()
