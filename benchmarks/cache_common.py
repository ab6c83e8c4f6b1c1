"""Shared pieces of the offline-cache benchmarks: synthetic roster pages, a reference county server
on 127.0.0.1, child processes for peak memory, timing summaries and the results file.

Not a benchmark itself (no `main`): `python -m benchmarks` skips it.

Synthetic roster at scale: `county_platform.seed.generate_township` makes realistic residents
(10-30 years of contributions, ~11 KB of JSON each) at about 0.2 ms each, and its set of issued
numbers grows with the township. For a million residents the benchmarks therefore take a pool of
real generated residents and *derive* resident i from pool record i mod P: same contributions,
benefits and name, but its own valid ID number, card number and fingerprint templates (so every
template is sealed under its own owner). The shape, size and mix of the records are those of the
generator; only the variety is smaller.
"""

from __future__ import annotations

import base64
import json
import os
import platform
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import requests

from benchmarks import performance_doc
from county_platform import launch
from county_platform.ids import card_number, make_person_id
from county_platform.launch import free_port as free_port  # raw_limits uses it
from county_platform.secrets_file import ensure_secret
from county_platform.seed import generate_township, seed_database, synthetic_template
from county_platform.store import PlatformStore
from offline_cache.codec import resident_from_wire
from offline_cache.models import Fingerprint, Resident

TOWNSHIP = "320102001"
TERMINAL_ID = "T-320102001-BENCH"
TODAY = date(2026, 11, 28)  # fixed, so that every run generates the same residents
SEED = 1
POOL_SIZE = 1000  # distinct generated residents behind the derived ones
COUNTY_BASE = 320100  # derived ID numbers use region COUNTY_BASE + i // POOL_SIZE
PAGE_SIZE = 500  # the sync client's page size (offline_cache.sync.DEFAULT_PAGE_LIMIT)
SEED_RECORDS_UP_TO = 100_000  # above this, derived records (see the module docstring)
SERVER_START_TIMEOUT_S = 60.0
SERVER_STOP_TIMEOUT_S = 10.0
MIB = 1024 * 1024
DEFAULT_RESULTS = Path(tempfile.gettempdir()) / "township-kiosk-bench" / "cache-results.json"
SECTION = "## Offline cache and sync"


# --- statistics ---------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1) of a non-empty sample."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass(frozen=True)
class Latency:
    """Median and p99 of a sample of durations, in seconds."""

    median: float
    p99: float
    n: int

    @classmethod
    def of(cls, samples: Sequence[float]) -> Latency:
        return cls(statistics.median(samples), percentile(samples, 0.99), len(samples))

    def as_dict(self) -> dict[str, float]:
        return {"median_s": self.median, "p99_s": self.p99, "n": self.n}


def peak_rss_mib() -> float:
    """This process's peak resident set size (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def db_bytes(db: Path) -> int:
    """Size of a SQLite database with its WAL and shared-memory files."""
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())


# --- synthetic roster ---------------------------------------------------------------------


def record_shape(residents: int) -> str:
    """`seed` (the generator itself) for township sizes, `derived` for county sizes."""
    return "seed" if residents <= SEED_RECORDS_UP_TO else "derived"


class RosterSource:
    """Roster records in the platform's wire shape (dicts with `version`), resident 0..n-1."""

    def __init__(self, residents: int, shape: str | None = None) -> None:
        self.residents = residents
        self.shape = shape or record_shape(residents)
        if self.shape not in ("seed", "derived"):
            raise ValueError(f"record shape is 'seed' or 'derived', not {self.shape!r}")
        self._pool: list[dict[str, Any]] = []
        if self.shape == "derived":
            self._pool = list(generate_township(TOWNSHIP, min(POOL_SIZE, residents), SEED, TODAY))

    def records(self) -> Iterator[dict[str, Any]]:
        if self.shape == "seed":
            for record in generate_township(TOWNSHIP, self.residents, SEED, TODAY):
                record["version"] = 1
                yield record
            return
        for index in range(self.residents):
            yield self.derived(index)

    def derived(self, index: int) -> dict[str, Any]:
        """Resident `index` of the derived roster (pool record + its own identity)."""
        base = self._pool[index % len(self._pool)]
        pid = derived_person_id(base["person_id"], index)
        record = dict(base)
        record["person_id"] = pid
        record["card_number"] = card_number(TOWNSHIP, index)
        record["version"] = 1
        record["fingerprints"] = [
            {**fp, "template": base64.b64encode(synthetic_template(pid, fp["finger"])).decode()}
            for fp in base["fingerprints"]
        ]
        return record

    def pages(self, page_size: int = PAGE_SIZE) -> Iterator[bytes]:
        """The roster as feed pages, JSON-encoded as the platform sends them (the platform, too,
        pastes stored entity texts into the page)."""
        texts = self._texts()
        sent = 0
        while sent < self.residents:
            count = min(page_size, self.residents - sent)
            items = ",".join(f'{{"op":"upsert","resident":{next(texts)}}}' for _ in range(count))
            sent += count
            has_more = "true" if sent < self.residents else "false"
            cursor = json.dumps(f"bench:{sent}")
            yield f'{{"items":[{items}],"next_cursor":{cursor},"has_more":{has_more}}}'.encode()

    def _texts(self) -> Iterator[str]:
        if self.shape == "seed":
            for record in self.records():
                yield _dumps(record)
            return
        masks = [_dumps(self._mask(base)) for base in self._pool]
        for index in range(self.residents):
            base = self._pool[index % len(self._pool)]
            pid, card = self.identity(index)
            text = masks[index % len(masks)].replace(_PID, pid).replace(_CARD, card)
            for n, fp in enumerate(base["fingerprints"]):
                template = base64.b64encode(synthetic_template(pid, fp["finger"])).decode()
                text = text.replace(f"{_TEMPLATE}{n}", template)
            yield text

    @staticmethod
    def _mask(base: dict[str, Any]) -> dict[str, Any]:
        """A pool record with placeholders where a derived resident's identity goes."""
        return {
            **base,
            "person_id": _PID,
            "card_number": _CARD,
            "version": 1,
            "fingerprints": [
                {**fp, "template": f"{_TEMPLATE}{n}"} for n, fp in enumerate(base["fingerprints"])
            ],
        }

    def residents_for_store(self) -> Iterator[Resident]:
        """The same roster as model objects (for filling a store without the JSON step)."""
        if self.shape == "seed":
            for record in self.records():
                yield resident_from_wire(record)
            return
        pool = self.pool_residents()
        for index in range(self.residents):
            base = pool[index % len(pool)]
            pid = derived_person_id(base.person_id, index)
            yield replace(
                base,
                person_id=pid,
                card_number=card_number(TOWNSHIP, index),
                fingerprints=[
                    Fingerprint(fp.finger, synthetic_template(pid, fp.finger), fp.enrolled_at)
                    for fp in base.fingerprints
                ],
            )

    def pool_residents(self) -> list[Resident]:
        """The generated residents behind a derived roster, as model objects."""
        return [resident_from_wire({**r, "version": 1}) for r in self._pool]

    def identity(self, index: int) -> tuple[str, str]:
        """(person id, card number) of resident `index` (derived shape only)."""
        base = self._pool[index % len(self._pool)]
        return derived_person_id(base["person_id"], index), card_number(TOWNSHIP, index)


def derived_person_id(pool_person_id: str, index: int) -> str:
    """A valid, unique ID number: the pool resident's birth date and sequence in region
    COUNTY_BASE + index // POOL_SIZE (pool numbers are unique, so these are too)."""
    born = date(int(pool_person_id[6:10]), int(pool_person_id[10:12]), int(pool_person_id[12:14]))
    region = f"{COUNTY_BASE + index // POOL_SIZE:06d}"
    return make_person_id(region, born, int(pool_person_id[14:17]))


_PID, _CARD, _TEMPLATE = "@@PERSON_ID@@", "@@CARD_NUMBER@@", "@@TEMPLATE@@"


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def sample_indices(residents: int, n: int, seed: int = 7) -> list[int]:
    rng = random.Random(seed)
    return [rng.randrange(residents) for _ in range(n)]


# --- the reference county server ----------------------------------------------------------


@dataclass
class RunningServer:
    url: str
    terminal_id: str
    secret: bytes
    db: Path
    seed_seconds: float
    process: subprocess.Popen[bytes] = field(repr=False)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(SERVER_STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def wait_http(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Wait until `url` answers 200; fail clearly if the process dies or never answers."""
    try:
        launch.wait_http(url, process, log, SERVER_START_TIMEOUT_S)
    except launch.ServerStartError as e:
        raise RuntimeError(f"server {e}") from None


def start_county_server(root: Path, residents: int) -> RunningServer:
    """Seed `residents` with the platform's own seeder, register a terminal, serve on 127.0.0.1."""
    db = root / "county.sqlite3"
    started = time.perf_counter()
    with PlatformStore.open(db) as store:
        seed_database(store, TOWNSHIP, residents, SEED, TODAY)
        secret = ensure_secret(root / "terminal.secret")
        store.register_terminal(TERMINAL_ID, TOWNSHIP, secret)
    seeded = time.perf_counter() - started
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = root / "server.log"
    process = launch.spawn_server(db, port, log)
    wait_http(url + launch.HEALTH_PATH, process, log)
    return RunningServer(url, TERMINAL_ID, secret, db, seeded, process)


class RequestCounter:
    """A requests response hook that counts exchanges by method (for requests per round)."""

    def __init__(self) -> None:
        self.by_method: dict[str, int] = {}

    def __call__(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        method = response.request.method or "?"
        self.by_method[method] = self.by_method.get(method, 0) + 1

    def attach(self, session: requests.Session) -> requests.Session:
        session.hooks["response"].append(self)
        return session


# --- child processes ----------------------------------------------------------------------


def run_child(module: str, args: Sequence[str]) -> dict[str, Any]:
    """Run `python -m module --child ...` and return the JSON object it prints last.

    A child per measurement gives an honest peak RSS (ru_maxrss is a high-water mark)."""
    command = [sys.executable, "-m", module, *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}"
        )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


# --- results ------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": date.today().isoformat(),
        "cores": os.cpu_count(),
        "cpu": cpu,
        "machine": platform.machine(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
    }


def load_results(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except ValueError:
        return {}


def save_result(path: Path, key: str, value: dict[str, Any]) -> None:
    """Merge one benchmark's numbers into the results file (other keys are kept)."""
    results = load_results(path)
    results[key] = {**value, "machine": machine()}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")


def write_section(path: Path, body: str, section: str = SECTION) -> None:
    """Replace our section of docs/performance.md (see benchmarks.performance_doc)."""
    performance_doc.write_section(path, body, section)
