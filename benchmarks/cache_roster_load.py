"""Initial roster load into an empty kiosk database: time, database size, peak memory.

Two paths, each in its own child process (so its peak RSS is its own):
- `direct`: synthetic feed pages (JSON bytes as the platform sends them) go through exactly what
  the sync client does with a page after HTTP: `json.loads`, `feeds.parse_page`,
  `Store.apply_page`. Generating the pages is timed separately and not counted.
- `http`: the real reference server (`python -m county_platform serve`) on 127.0.0.1, seeded with
  the platform's own seeder, and `SyncClient.pull(Feed.ROSTER)` over HTTP (signing, 500 per page).

    .venv/bin/python -m benchmarks.cache_roster_load [--residents 50000 1000000]
        [--http-residents 50000] [--results FILE] [--write docs/performance.md]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

from benchmarks import cache_common as common
from benchmarks.cache_report import render
from offline_cache.feeds import Feed, parse_page
from offline_cache.store import Store
from offline_cache.sync import SyncClient, SyncReport, SyncSettings

KEY_BYTES = 32
KEY_FILE = "template.key"  # the name cache_lookup expects beside a reused database
DEFAULT_RESIDENTS = (50_000, 1_000_000)
DEFAULT_HTTP_RESIDENTS = (50_000,)


def load_direct(residents: int, folder: Path, shape: str | None) -> dict[str, Any]:
    """Child: feed generated pages through parse + apply; returns the numbers."""
    source = common.RosterSource(residents, shape)
    db = folder / "kiosk.sqlite3"
    key = os.urandom(KEY_BYTES)
    (folder / KEY_FILE).write_bytes(key)  # so that a kept database can be opened again
    store = Store.open(db, key)
    baseline_rss = common.peak_rss_mib()
    generate_s = parse_s = apply_s = 0.0
    pages = page_bytes = 0
    mark = time.perf_counter()
    for raw in source.pages():
        started = time.perf_counter()
        generate_s += started - mark
        page = parse_page(Feed.ROSTER, json.loads(raw))
        parsed = time.perf_counter()
        store.apply_page(Feed.ROSTER, page.ops, page.next_cursor, complete=not page.has_more)
        mark = time.perf_counter()
        parse_s += parsed - started
        apply_s += mark - parsed
        pages += 1
        page_bytes += len(raw)
    count = store.resident_count()
    store.close()
    if count != residents:
        raise RuntimeError(f"loaded {count} residents, expected {residents}")
    return {
        "path": "direct",
        "shape": source.shape,
        "residents": residents,
        "pages": pages,
        "wire_bytes": page_bytes,
        "seconds": parse_s + apply_s,
        "parse_s": parse_s,
        "apply_s": apply_s,
        "generate_s": generate_s,
        "db_bytes": common.db_bytes(db),
        "peak_rss_mib": common.peak_rss_mib(),
        "baseline_rss_mib": baseline_rss,
    }


def load_http(url: str, terminal_id: str, secret: bytes, folder: Path) -> dict[str, Any]:
    """Child: one `SyncClient.pull` of the roster from the running reference server."""
    db = folder / "kiosk.sqlite3"
    store = Store.open(db, os.urandom(KEY_BYTES))
    counter = common.RequestCounter()
    settings = SyncSettings(url, terminal_id, secret)
    client = SyncClient(store, settings, session=counter.attach(requests.Session()))
    baseline_rss = common.peak_rss_mib()
    report = SyncReport()
    started = time.perf_counter()
    client.pull(Feed.ROSTER, report)
    seconds = time.perf_counter() - started
    client.close()
    count = store.resident_count()
    store.close()
    return {
        "path": "http",
        "shape": "seed",
        "residents": count,
        "pulled": report.pulled[Feed.ROSTER.value],
        "requests": sum(counter.by_method.values()),
        "seconds": seconds,
        "db_bytes": common.db_bytes(db),
        "peak_rss_mib": common.peak_rss_mib(),
        "baseline_rss_mib": baseline_rss,
    }


def measure(
    residents: list[int], http_residents: list[int], shape: str | None, keep: Path | None
) -> dict[str, Any]:
    """Parent: one child per case, temporary databases removed after each (except the largest
    direct one when `keep` names a folder for it)."""
    cases: dict[str, Any] = {}
    for n in residents:
        with tempfile.TemporaryDirectory(prefix="bench-roster-") as folder:
            target = keep if keep is not None and n == max(residents) else Path(folder)
            target.mkdir(parents=True, exist_ok=True)
            args = ["--child", "direct", "--residents", str(n), "--dir", str(target)]
            if shape:
                args += ["--shape", shape]
            result = common.run_child(MODULE, args)
        cases[f"direct_{n}"] = result
        print(f"direct {n}: {result['seconds']:.1f} s", file=sys.stderr)
    for n in http_residents:
        with tempfile.TemporaryDirectory(prefix="bench-roster-http-") as folder:
            server = common.start_county_server(Path(folder), n)
            try:
                kiosk = Path(folder) / "kiosk"
                kiosk.mkdir()
                result = common.run_child(
                    MODULE,
                    [
                        "--child", "http", "--dir", str(kiosk), "--url", server.url,
                        "--terminal", server.terminal_id, "--secret-hex", server.secret.hex(),
                    ],
                )  # fmt: skip
            finally:
                server.stop()
            result["server_seed_s"] = server.seed_seconds
        if result["residents"] != n:
            raise RuntimeError(f"pulled {result['residents']} residents over HTTP, expected {n}")
        cases[f"http_{n}"] = result
        print(f"http {n}: {result['seconds']:.1f} s", file=sys.stderr)
    return cases


MODULE = "benchmarks.cache_roster_load"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--residents", type=int, nargs="*", default=list(DEFAULT_RESIDENTS))
    parser.add_argument(
        "--http-residents", type=int, nargs="*", default=list(DEFAULT_HTTP_RESIDENTS)
    )
    parser.add_argument("--shape", choices=("seed", "derived"), help="default: by size")
    parser.add_argument("--results", type=Path, default=common.DEFAULT_RESULTS)
    parser.add_argument("--write", type=Path, help="update the offline-cache section here")
    parser.add_argument(
        "--keep-db", type=Path, help="keep the largest direct database in this folder"
    )
    parser.add_argument("--child", choices=("direct", "http"), help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--terminal", help=argparse.SUPPRESS)
    parser.add_argument("--secret-hex", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child == "direct":
        print(json.dumps(load_direct(args.residents[0], args.dir, args.shape)))
        return
    if args.child == "http":
        secret = bytes.fromhex(args.secret_hex)
        print(json.dumps(load_http(args.url, args.terminal, secret, args.dir)))
        return
    cases = measure(args.residents, args.http_residents, args.shape, args.keep_db)
    common.save_result(args.results, "roster_load", {"cases": cases})
    print(json.dumps(cases, indent=1))
    if args.write:
        common.write_section(args.write, render(common.load_results(args.results)))


if __name__ == "__main__":
    main()
