"""The raw limits of this machine that the offline-cache numbers are compared with.

- SQLite: plain `sqlite3` `executemany` inserts of rows with the same columns and the same bytes
  as the kiosk's residents/fingerprints tables (same pragmas: WAL, synchronous=FULL, one
  transaction per 500 rows), then point queries on that 1M-row indexed table with the kiosk's
  SELECTs, rows fetched but not decoded, nothing decrypted.
- HTTP: `requests.Session` round trips to the reference server's /api/v1/health and to a trivial
  `http.server` (HTTP/1.1 keep-alive, another process): a tiny GET, a GET of one roster page's
  size and a POST of one 500-transaction batch's size.

    .venv/bin/python -m benchmarks.raw_limits [--rows 1000000] [--lookups 10000]
        [--results FILE] [--write docs/performance.md]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import requests

from benchmarks import cache_common as common
from benchmarks.cache_report import render
from offline_cache.codec import benefits_to_column, contributions_to_column

DEFAULT_ROWS = 1_000_000
DEFAULT_LOOKUPS = 10_000
TRANSACTION_ROWS = 500
SEALED_BYTES = 12 + 512 + 16  # nonce + template + GCM tag, as the kiosk stores them
PAGE_BYTES = 500 * 11_500  # one roster page of the seeded township (~11.5 KB per resident)
BATCH_BYTES = 500 * 330  # one batch of 500 outbox bodies (~330 bytes each)
SMALL_ROUNDS = 1000
PAGE_ROUNDS = 20
BATCH_ROUNDS = 100
HTTP_TIMEOUT_S = 30.0

SCHEMA = """
CREATE TABLE residents (
    person_id TEXT PRIMARY KEY, card_number TEXT NOT NULL, name TEXT NOT NULL,
    gender TEXT NOT NULL, birth_date TEXT NOT NULL, township_code TEXT NOT NULL,
    village_code TEXT NOT NULL DEFAULT '', account_balance_cents INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL, benefits TEXT NOT NULL, contributions TEXT NOT NULL);
CREATE INDEX residents_card_number ON residents (card_number);
CREATE TABLE fingerprints (
    person_id TEXT NOT NULL REFERENCES residents (person_id) ON DELETE CASCADE,
    finger TEXT NOT NULL, sealed BLOB NOT NULL, enrolled_at TEXT,
    PRIMARY KEY (person_id, finger)) WITHOUT ROWID;
"""
COLUMNS = (
    "person_id, card_number, name, gender, birth_date, township_code, village_code, "
    "account_balance_cents, version, benefits, contributions"
)


# --- SQLite -------------------------------------------------------------------------------


def sqlite_limits(rows: int, lookups: int, folder: Path) -> dict[str, Any]:
    source = common.RosterSource(rows, "derived")
    pool = source.pool_residents()
    columns = [
        (
            r.name, r.gender, r.birth_date.isoformat(), r.township_code, r.village_code,
            r.account_balance_cents, r.version, benefits_to_column(r.benefits),
            contributions_to_column(r.contributions),
        )
        for r in pool
    ]  # fmt: skip
    db = folder / "raw.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.executescript(SCHEMA)
    insert_s = 0.0
    for start in range(0, rows, TRANSACTION_ROWS):
        resident_rows, fingerprint_rows = [], []
        for index in range(start, min(rows, start + TRANSACTION_ROWS)):
            pid, card = source.identity(index)
            base = pool[index % len(pool)]
            resident_rows.append((pid, card, *columns[index % len(pool)]))
            fingerprint_rows += [
                (pid, fp.finger, os.urandom(SEALED_BYTES), "2025-01-01T09:00:00+08:00")
                for fp in base.fingerprints
            ]
        began = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(f"INSERT INTO residents ({COLUMNS}) VALUES ({','.join('?' * 11)})",
                         resident_rows)  # fmt: skip
        conn.executemany("INSERT INTO fingerprints VALUES (?, ?, ?, ?)", fingerprint_rows)
        conn.execute("COMMIT")
        insert_s += time.perf_counter() - began
    by_pid, by_card = [], []
    for index in common.sample_indices(rows, lookups):
        pid, card = source.identity(index)
        by_pid.append(_timed_select(conn, "person_id", pid))
        by_card.append(_timed_select(conn, "card_number", card))
    conn.close()
    return {
        "rows": rows,
        "insert_s": insert_s,
        "insert_per_row_s": insert_s / rows,
        "db_bytes": common.db_bytes(db),
        "point_by_person_id": common.Latency.of(by_pid).as_dict(),
        "point_by_card_number": common.Latency.of(by_card).as_dict(),
    }


def _timed_select(conn: sqlite3.Connection, key: str, value: str) -> float:
    """The kiosk's two SELECTs for one lookup; rows fetched, nothing decoded."""
    began = time.perf_counter()
    row = conn.execute(f"SELECT {COLUMNS} FROM residents WHERE {key} = ?", (value,)).fetchone()
    conn.execute(
        "SELECT finger, sealed, enrolled_at FROM fingerprints WHERE person_id = ?", (row[0],)
    ).fetchall()
    return time.perf_counter() - began


# --- HTTP ---------------------------------------------------------------------------------


class TrivialHandler(BaseHTTPRequestHandler):
    """Answers GET /small (2 bytes), GET /page (PAGE_BYTES) and POST (reads, answers 2 bytes)."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are separate writes: no 40 ms stall
    page = b"x" * PAGE_BYTES

    def do_GET(self) -> None:
        self._answer(self.page if self.path == "/page" else b"ok")

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self._answer(b"ok")

    def _answer(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve_trivial(port: int) -> None:
    ThreadingHTTPServer(("127.0.0.1", port), TrivialHandler).serve_forever()


def _round_trips(session: requests.Session, method: str, url: str, body: bytes, n: int) -> Any:
    samples = []
    for _ in range(n):
        began = time.perf_counter()
        response = session.request(method, url, data=body or None, timeout=HTTP_TIMEOUT_S)
        response.content  # noqa: B018 — read the whole answer, as the sync client does
        samples.append(time.perf_counter() - began)
        response.raise_for_status()
    return common.Latency.of(samples).as_dict()


def http_limits(folder: Path) -> dict[str, Any]:
    server = common.start_county_server(folder, 0)
    port = common.free_port()
    log = folder / "trivial.log"
    with log.open("wb") as out:
        trivial = subprocess.Popen(
            [sys.executable, "-m", MODULE, "--serve-trivial", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        common.wait_http(f"{base}/small", trivial, log)
        with requests.Session() as session:
            result = {
                "health": _round_trips(
                    session, "GET", f"{server.url}/api/v1/health", b"", SMALL_ROUNDS
                ),
                "trivial_small": _round_trips(session, "GET", f"{base}/small", b"", SMALL_ROUNDS),
                "trivial_page": _round_trips(session, "GET", f"{base}/page", b"", PAGE_ROUNDS),
                "trivial_batch_post": _round_trips(
                    session, "POST", f"{base}/post", b"y" * BATCH_BYTES, BATCH_ROUNDS
                ),
                "page_bytes": PAGE_BYTES,
                "batch_bytes": BATCH_BYTES,
            }
    finally:
        trivial.terminate()
        trivial.wait()
        server.stop()
    return result


MODULE = "benchmarks.raw_limits"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    parser.add_argument("--lookups", type=int, default=DEFAULT_LOOKUPS)
    parser.add_argument("--results", type=Path, default=common.DEFAULT_RESULTS)
    parser.add_argument("--write", type=Path, help="update the offline-cache section here")
    parser.add_argument("--serve-trivial", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_trivial:
        serve_trivial(args.serve_trivial)
        return
    with tempfile.TemporaryDirectory(prefix="bench-raw-") as folder:
        result = {"sqlite": sqlite_limits(args.rows, args.lookups, Path(folder))}
        print(f"sqlite: {result['sqlite']['insert_s']:.1f} s for {args.rows} rows", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="bench-raw-http-") as folder:
        result["http"] = http_limits(Path(folder))
    common.save_result(args.results, "raw", result)
    print(json.dumps(result, indent=1))
    if args.write:
        common.write_section(args.write, render(common.load_results(args.results)))


if __name__ == "__main__":
    main()
