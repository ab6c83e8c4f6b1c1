"""sqlite-utils against the store's own code on the roster load (issue 10: use it only if it
measures as fast).

The same synthetic roster pages (benchmarks.cache_common, seed records) are parsed as the sync
client parses them (`json.loads` + `feeds.parse_page`, not timed: identical on both paths), then
applied to an empty kiosk database by one of two paths, each in its own child process:

- `store`: `Store.apply_page`, the code the kiosk runs (one `executemany` per table and page).
- `sqlite_utils`: the same work through sqlite-utils on the same connection, schema and
  transaction: `table.upsert_all` of the residents (`pk="person_id"`, `stale = 0`), the page's old
  fingerprints removed with `delete_where`, the newly sealed ones written with
  `insert_all(replace=True)`, and the feed cursor with `upsert`.

Children alternate (store, sqlite_utils, store, ...) so that load from other processes falls on
both. Both wall time and process CPU time of the apply step are recorded, and the two databases
must hold the same residents (a digest of every resident row and fingerprint key) or the run fails.

    .venv/bin/python -m benchmarks.sqlite_utils_roster [--residents 50000] [--runs 3]
        [--results FILE] [--write docs/performance.md]

sqlite-utils is not a dependency of the kiosk (see docs/architecture.md, "sqlite-utils"): without
it installed this benchmark says so and does nothing (`pip install sqlite-utils` to run it again).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.metadata
import importlib.util
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import cache_common as common
from offline_cache.codec import ResidentRow
from offline_cache.crypto import TemplateCipher
from offline_cache.db import connect, transaction
from offline_cache.feeds import Feed, Upsert, parse_page
from offline_cache.store import Store

MODULE = "benchmarks.sqlite_utils_roster"
SECTION = "## sqlite-utils and the roster load"
PATHS = ("store", "sqlite_utils")
PHASES = ("insert", "update")  # each page applied twice: new residents, then all of them again
DEFAULT_RESIDENTS = 50_000
DEFAULT_RUNS = 3
KEY_BYTES = 32
RESIDENT_NAMES = (
    "person_id", "card_number", "name", "gender", "birth_date", "township_code", "village_code",
    "account_balance_cents", "version", "benefits", "contributions",
)  # fmt: skip


def sqlite_utils_available() -> bool:
    return importlib.util.find_spec("sqlite_utils") is not None


class SqliteUtilsRoster:
    """What `Store.apply_page` does for a roster page, written with sqlite-utils' table API."""

    def __init__(self, db_path: Path, key: bytes) -> None:
        sqlite_utils = importlib.import_module("sqlite_utils")
        self.conn = connect(db_path)  # the kiosk's schema, pragmas and migrations
        # recursive_triggers off: leave the kiosk connection's settings as the store has them
        self.db = sqlite_utils.Database(self.conn, recursive_triggers=False)
        self.cipher = TemplateCipher(key)

    def apply_page(self, rows: list[ResidentRow], next_cursor: str, complete: bool) -> None:
        rows = list({r.person_id: r for r in rows}.values())  # the last change of a resident wins
        with transaction(self.conn):
            self.db["residents"].upsert_all(
                ({**dict(zip(RESIDENT_NAMES, r.columns(), strict=True)), "stale": 0} for r in rows),
                pk="person_id",
            )
            marks = ",".join("?" * len(rows))
            self.db["fingerprints"].delete_where(
                f"person_id IN ({marks})", [r.person_id for r in rows]
            )
            self.db["fingerprints"].insert_all(
                (
                    {
                        "person_id": r.person_id,
                        "finger": fp.finger,
                        "sealed": self.cipher.seal(fp.template, r.person_id, fp.finger),
                        "enrolled_at": fp.enrolled_at.isoformat() if fp.enrolled_at else None,
                    }
                    for r in rows
                    for fp in r.fingerprints
                ),
                pk=("person_id", "finger"),
                replace=True,
            )
            if complete:
                self.db["residents"].delete_where("stale = 1")
            cursor: dict[str, Any] = {"feed": Feed.ROSTER.value, "cursor": next_cursor}
            if complete:
                cursor["last_success_at"] = time.time()
            self.db["feed_cursors"].upsert(cursor, pk="feed")

    def close(self) -> None:
        self.conn.close()


def digest(db_path: Path) -> dict[str, Any]:
    """Resident rows and fingerprint keys of a loaded database (sealed blobs differ by nonce)."""
    conn = connect(db_path)
    try:
        sha = hashlib.sha256()
        residents = 0
        for row in conn.execute(
            f"SELECT {', '.join(RESIDENT_NAMES)}, stale FROM residents ORDER BY person_id"
        ):
            sha.update(repr(row).encode())
            residents += 1
        fingerprints = 0
        for row in conn.execute(
            "SELECT person_id, finger, enrolled_at, length(sealed) FROM fingerprints "
            "ORDER BY person_id, finger"
        ):
            sha.update(repr(row).encode())
            fingerprints += 1
        cursor = conn.execute(
            "SELECT cursor, last_success_at IS NOT NULL FROM feed_cursors WHERE feed = ?",
            (Feed.ROSTER.value,),
        ).fetchone()
    finally:
        conn.close()
    return {
        "sha256": sha.hexdigest(),
        "residents": residents,
        "fingerprints": fingerprints,
        "cursor": list(cursor) if cursor else None,
    }


def load(path: str, residents: int, folder: Path) -> dict[str, Any]:
    """Child: parse every page (not timed) and apply it by `path` (timed, wall and CPU)."""
    source = common.RosterSource(residents, "seed")
    db_path = folder / "kiosk.sqlite3"
    key = os.urandom(KEY_BYTES)
    store: Store | None = None
    other: SqliteUtilsRoster | None = None
    if path == "store":
        store = Store.open(db_path, key)
    else:
        other = SqliteUtilsRoster(db_path, key)
    wall = dict.fromkeys(PHASES, 0.0)
    cpu = dict.fromkeys(PHASES, 0.0)
    pages = 0
    for raw in source.pages():
        page = parse_page(Feed.ROSTER, json.loads(raw))
        complete = not page.has_more
        for phase in PHASES:  # the page as new rows, then the same page again as updates
            started, started_cpu = time.perf_counter(), time.process_time()
            if store is not None:
                store.apply_page(Feed.ROSTER, page.ops, page.next_cursor, complete)
            else:
                assert other is not None
                rows = [
                    op.entity
                    for op in page.ops
                    if isinstance(op, Upsert) and isinstance(op.entity, ResidentRow)
                ]
                if len(rows) != len(page.ops):
                    raise RuntimeError("the benchmark's roster pages hold resident upserts only")
                other.apply_page(rows, page.next_cursor, complete)
            wall[phase] += time.perf_counter() - started
            cpu[phase] += time.process_time() - started_cpu
        pages += 1
    if store is not None:
        store.close()
    if other is not None:
        other.close()
    return {
        "path": path,
        "residents": residents,
        "pages": pages,
        **{f"{phase}_s": wall[phase] for phase in PHASES},
        **{f"{phase}_cpu_s": cpu[phase] for phase in PHASES},
        "db_bytes": common.db_bytes(db_path),
        "digest": digest(db_path),
    }


def measure(residents: int, runs: int) -> dict[str, Any]:
    """Parent: `runs` children per path, alternating; every database must have the same content."""
    results: dict[str, list[dict[str, Any]]] = {p: [] for p in PATHS}
    for run in range(runs):
        for path in PATHS:
            with tempfile.TemporaryDirectory(prefix="bench-sqlite-utils-") as folder:
                args = ["--child", path, "--residents", str(residents), "--dir", folder]
                result = common.run_child(MODULE, args)
            results[path].append(result)
            times = ", ".join(
                f"{phase} {result[f'{phase}_s']:.2f} s (CPU {result[f'{phase}_cpu_s']:.2f} s)"
                for phase in PHASES
            )
            print(f"run {run + 1}/{runs} {path}: {times}", file=sys.stderr, flush=True)
    digests = {json.dumps(r["digest"], sort_keys=True) for rs in results.values() for r in rs}
    if len(digests) != 1:
        raise RuntimeError(f"the two paths loaded different databases: {sorted(digests)}")
    summary: dict[str, Any] = {"residents": residents, "runs": runs}
    for path, rs in results.items():
        summary[path] = {
            **{
                f"{phase}{kind}": [r[f"{phase}{kind}"] for r in rs]
                for phase in PHASES
                for kind in ("_s", "_cpu_s")
            },
            "db_bytes": [r["db_bytes"] for r in rs],
            "pages": rs[0]["pages"],
        }
    summary["digest"] = results[PATHS[0]][0]["digest"]
    return summary


def _seconds(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values) + " s"


def _ratio(summary: dict[str, Any], key: str) -> float:
    store, other = summary["store"][key], summary["sqlite_utils"][key]
    return float(statistics.median(other) / statistics.median(store))


PHASE_TITLES = {
    "insert": "page applied to an empty table (the initial load)",
    "update": "same page again (every resident an update)",
}


def render(summary: dict[str, Any], machine: dict[str, Any]) -> str:
    store, other = summary["store"], summary["sqlite_utils"]
    rows = []
    for phase in PHASES:
        for kind, title in (("_s", "wall"), ("_cpu_s", "CPU")):
            key = f"{phase}{kind}"
            rows.append(
                f"| {PHASE_TITLES[phase]}, {title} | {_seconds(store[key])} "
                f"| {_seconds(other[key])} | {_ratio(summary, key):.2f}× |"
            )
    sizes = f"{statistics.median(store['db_bytes']):,.0f} B"
    other_sizes = f"{statistics.median(other['db_bytes']):,.0f} B"
    cpu = max(_ratio(summary, f"{phase}_cpu_s") for phase in PHASES)
    lines = [
        SECTION,
        "",
        f"`python -m benchmarks sqlite_utils_roster` on {machine.get('date', '?')}, "
        f"{machine.get('cores', '?')} cores, Python {machine.get('python', '?')}, "
        f"SQLite {machine.get('sqlite', '?')}, sqlite-utils {summary.get('sqlite_utils_version')}. "
        f"{summary['residents']:,} seed residents ({store['pages']} pages of 500), parsed as the "
        "sync client parses them (not timed), then each page applied twice to an empty database "
        "by `Store.apply_page` or by the same work through sqlite-utils (`upsert_all` of the "
        "residents, `delete_where` + `insert_all(replace=True)` of the sealed fingerprints, "
        "`upsert` of the cursor) on the same connection, schema and transactions. Each run is "
        f"its own child process, the two paths alternating; {summary['runs']} runs each, times "
        "are totals over all pages. Both paths leave the same rows (a digest of every resident "
        "row and fingerprint key is compared).",
        "",
        "| apply step | Store.apply_page (today) | sqlite-utils | sqlite-utils / store (median) |",
        "|---|---|---|---|",
        *rows,
        f"| database size (median) | {sizes} | {other_sizes} | — |",
        "",
        "CPU time is the child's own process time, so other processes on the machine do not "
        "count; wall time also holds the commits' fsyncs (`synchronous=FULL`) and any "
        f"contention. Worst CPU-time ratio: {cpu:.2f}× (above 1: sqlite-utils is slower). The "
        'decision is in docs/architecture.md, "sqlite-utils".',
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--residents", type=int, default=DEFAULT_RESIDENTS)
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    parser.add_argument("--results", type=Path, default=common.DEFAULT_RESULTS)
    parser.add_argument("--write", type=Path, help="update the sqlite-utils section here")
    parser.add_argument("--child", choices=PATHS, help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if not sqlite_utils_available():
        print(
            "sqlite_utils_roster: sqlite-utils is not installed (not a kiosk dependency, see "
            "docs/architecture.md); `pip install sqlite-utils` to run this comparison",
            file=sys.stderr,
        )
        return
    if args.child:
        print(json.dumps(load(args.child, args.residents, args.dir)))
        return
    summary = measure(args.residents, args.runs)
    summary["sqlite_utils_version"] = importlib.metadata.version("sqlite-utils")
    common.save_result(args.results, "sqlite_utils_roster", summary)
    print(json.dumps(summary, indent=1))
    if args.write:
        results = common.load_results(args.results)["sqlite_utils_roster"]
        common.write_section(args.write, render(summary, results["machine"]), SECTION)


if __name__ == "__main__":
    main()
