"""One synchronisation round with the county platform: push the outbox, pull the three feeds.

Safe to kill at any instant: a batch is marked delivered only after the platform's answer is
committed locally, and the platform de-duplicates by transaction id, so a batch resent after a
crash comes back `duplicate`; a feed page and its cursor commit together, so a page re-fetched
after a crash is re-applied harmlessly.

Retry rules (per request, at most `max_attempts` tries in one round):
- connection errors, timeouts, 5xx, malformed or oversized answers: exponential backoff with full
  jitter, capped at `max_backoff`;
- 429/503: wait `Retry-After` seconds, else as above; a Retry-After longer than `max_backoff` (or
  on the last attempt) ends the round, and this client sends nothing more until it has passed;
- 401 clock_skew: learn the platform's clock offset (from `server_time`, else the `Date` header),
  persist it, and retry at once with the corrected timestamp;
- 413: halve the batch (down to 1) and resend; the next round starts from the configured size;
- 410 cursor_expired: pull that feed again from no cursor (once per round); its current copy keeps
  answering lookups until the re-pull completes, then what the re-pull did not bring is removed;
- other 4xx: give up this round (a configuration problem) and say so.
Nothing is ever removed from the outbox here; a failed round leaves everything queued.
Logs carry transaction ids and error codes, never personal data.
"""

from __future__ import annotations

import functools
import json
import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from time import monotonic
from typing import Any, Generic, TypeVar
from urllib.parse import quote, urlencode, urlsplit

import requests
import urllib3.exceptions

from offline_cache.backoff import Backoff
from offline_cache.feeds import Feed, Page, parse_page
from offline_cache.outbox import Outcome, Result
from offline_cache.signing import signed_headers
from offline_cache.store import Store

log = logging.getLogger(__name__)

# SQLite's codes for "cannot write here now" (a full disk, a read-only file system): a round that
# meets one stops with that reason; nothing is lost, the next round continues.
_NO_SPACE = (sqlite3.SQLITE_FULL, sqlite3.SQLITE_READONLY)

MAX_RESPONSE_BYTES = 16 * 1024 * 1024  # no legitimate answer (1000 residents) comes near this
# The longest one answer may take to arrive whole: the read timeout bounds each wait for bytes, so a
# platform (or a proxy) trickling a byte now and then would otherwise hold the round for ever.
# 16 MiB at 512 kbit/s takes ~260 s; a real page (500 residents, ~3 MB) far less.
MAX_RESPONSE_SECONDS = 300.0
DEFAULT_MAX_ATTEMPTS = 5
DEFAULT_PAGE_LIMIT = 500  # the platform's default and a good page for one SQLite transaction
DATE_HEADER_TOLERANCE = 60.0  # seconds; the Date header has 1 s resolution plus latency
CHUNK_BYTES = 64 * 1024
TRANSACTIONS_PATH = "/api/v1/transactions"

T = TypeVar("T")


@dataclass(frozen=True)
class SyncSettings:
    """What the sync client needs from the configuration (offline_cache does not import it)."""

    base_url: str
    terminal_id: str
    secret: bytes
    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    batch_size: int = 500
    max_backoff: float = 600.0
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    page_limit: int = DEFAULT_PAGE_LIMIT
    max_response_bytes: int = MAX_RESPONSE_BYTES
    max_response_seconds: float = MAX_RESPONSE_SECONDS


@dataclass
class SyncReport:
    pushed: int = 0  # transactions sent (each counted once per round)
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    unacknowledged: int = 0  # sent, but missing from the platform's results: still pending
    pulled: dict[str, int] = field(default_factory=lambda: {f.value: 0 for f in Feed})
    restarted_feeds: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    batch_size: int = 0  # the batch size the round ended with

    @property
    def ok(self) -> bool:
        """Everything sent was delivered and every feed was pulled to its end."""
        return not self.errors and self.rejected == 0 and self.unacknowledged == 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "pushed": self.pushed,
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "unacknowledged": self.unacknowledged,
            "pulled": dict(self.pulled),
            "restarted_feeds": list(self.restarted_feeds),
            "errors": list(self.errors),
        }


class MalformedAnswerError(ValueError):
    """A 200 answer that does not match the interface."""


class ResponseTooLargeError(ValueError):
    """The answer exceeded `max_response_bytes`."""


class ResponseTooSlowError(ValueError):
    """The answer was still arriving after `max_response_seconds`."""


class SyncFailedError(Exception):
    """A request that could not be completed this round; everything stays queued."""

    def __init__(self, code: str, detail: str, transient: bool) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail
        self.transient = transient  # the platform is unreachable or unwell (vs. refused us)


@dataclass(frozen=True)
class Reply(Generic[T]):
    status: int
    value: T | None = None  # the parsed body of a 200
    error: str = ""  # the `error` code of a non-200 answer


def parse_results(body: Any) -> list[Result]:
    if not isinstance(body, dict) or not isinstance(body.get("results"), list):
        raise MalformedAnswerError("transactions answer lacks a 'results' list")
    results = []
    for item in body["results"]:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise MalformedAnswerError("a result without an id")
        try:
            status = Outcome(str(item.get("status")))
        except ValueError as e:
            raise MalformedAnswerError(f"unknown result status {item.get('status')!r}") from e
        error = item.get("error")
        results.append(Result(item["id"], status, error if isinstance(error, str) else None))
    return results


def _retry_after(headers: Any, platform_now: float) -> float | None:
    """Seconds, or an HTTP-date measured against `platform_now` (the kiosk clock may be off)."""
    value = headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - platform_now)
    except (TypeError, ValueError):
        return None


class SyncClient:
    """Runs sync rounds for one `Store` (so: on the thread that opened that store)."""

    def __init__(
        self,
        store: Store,
        settings: SyncSettings,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        rand: Callable[[], float] | None = None,
        session: requests.Session | None = None,
    ) -> None:
        self._store = store
        self._settings = settings
        self._clock = clock
        self._backoff = Backoff(cap=settings.max_backoff, sleep=sleep)
        if rand is not None:
            self._backoff.rand = rand
        self._session = session or requests.Session()
        split = urlsplit(settings.base_url)
        self._origin = f"{split.scheme}://{split.netloc}"
        self._prefix = split.path.rstrip("/")
        self._quiet_until = 0.0  # platform time before which nothing is sent (a long Retry-After)
        self._configured_batch_size = settings.batch_size
        self._batch_size = settings.batch_size

    @property
    def backoff(self) -> Backoff:
        return self._backoff

    def close(self) -> None:
        self._session.close()

    # --- the round -----------------------------------------------------------------------

    def run_round(self) -> SyncReport:
        report = SyncReport()
        # a 413 halves the batch for the rest of the round only: a platform whose limit was lowered
        # for a while is not sent one transaction per request for ever after
        self._batch_size = self._configured_batch_size
        steps: list[Callable[[SyncReport], None]] = [self.push]
        steps += [functools.partial(self.pull, feed) for feed in Feed]
        for step in steps:
            try:
                step(report)
            except SyncFailedError as e:
                report.errors.append(str(e))
                if e.transient:  # the platform is unreachable: the other steps would be too
                    log.error("sync round stopped: %s (everything stays queued)", e)
                    break
                log.error("sync step failed: %s (everything stays queued)", e)
            except sqlite3.OperationalError as e:
                # "database or disk is full", a read-only file system: the step's transaction was
                # rolled back (a page is applied whole or not at all, a batch stays pending), and
                # every later step would write too. Any other error (damage) goes on up.
                if not _no_space(e):
                    raise
                report.errors.append(f"storage: the database could not be written: {e}")
                log.error("sync round stopped: database not written: %s (nothing lost)", e)
                break
        report.batch_size = self._batch_size
        if report.unacknowledged:
            report.errors.append(
                f"unacknowledged: {report.unacknowledged} transactions missing from the "
                "platform's results; they stay pending"
            )
        try:
            self._store.mark_sync_attempt(report.ok)
        except sqlite3.OperationalError as e:
            if not _no_space(e):
                raise
            log.error("the sync attempt could not be recorded: %s", e)
        log.info(
            "sync round %s: pushed %d (accepted %d, duplicate %d, rejected %d), pulled %s",
            "ok" if report.ok else "incomplete",
            report.pushed,
            report.accepted,
            report.duplicates,
            report.rejected,
            report.pulled,
        )
        return report

    def push(self, report: SyncReport) -> None:
        """Send every pending transaction once, oldest first, in batches."""
        after_seq = 0
        while True:
            batch = self._store.pending_after(after_seq, self._batch_size)
            if not batch:
                return
            body = b'{"transactions":[' + b",".join(tx.body.encode("utf-8") for tx in batch) + b"]}"
            reply = self._request("POST", TRANSACTIONS_PATH, None, body, parse_results)
            if reply.status == 413:
                if self._batch_size == 1:
                    raise SyncFailedError(
                        "batch_too_large", "the platform refuses even one transaction", False
                    )
                self._batch_size = max(1, self._batch_size // 2)
                log.warning("platform said 413: batch size now %d", self._batch_size)
                continue
            if reply.status != 200 or reply.value is None:
                raise SyncFailedError(
                    reply.error or f"http_{reply.status}", "transactions refused", False
                )
            ids = {tx.id for tx in batch}
            counts = self._store.settle(reply.value, ids)
            report.pushed += len(batch)
            report.accepted += counts.accepted
            report.duplicates += counts.duplicates
            report.rejected += counts.rejected
            settled = counts.accepted + counts.duplicates + counts.rejected
            report.unacknowledged += len(batch) - settled
            if counts.unknown:
                log.warning("platform reported %d ids that were not in the batch", counts.unknown)
            if len(batch) - settled:
                log.warning("%d transactions of the batch had no result", len(batch) - settled)
            after_seq = batch[-1].seq

    def pull(self, feed: Feed, report: SyncReport) -> None:
        """Fetch pages of `feed` until `has_more` is false, applying each atomically."""
        restarted = False
        while True:
            cursor = self._store.feed_cursor(feed)
            query: dict[str, str] = {}
            if cursor:
                query["cursor"] = cursor
            query["limit"] = str(self._settings.page_limit)

            def parse(body: Any) -> Page:
                return parse_page(feed, body)

            reply = self._request("GET", f"/api/v1/{feed.value}", query, b"", parse)
            # A cursor the platform no longer reads (400, e.g. after an upgrade changed its
            # format) would refuse every round for good: pull again from the start, as on a 410.
            refused_cursor = reply.status == 400 and bool(cursor)
            if reply.status == 410 or refused_cursor:
                if restarted:
                    raise SyncFailedError(
                        reply.error or "cursor_expired", f"{feed}: refused twice", False
                    )
                log.warning(
                    "%s: cursor %s; pulling it again from the start (the current copy "
                    "serves until the new one is complete)",
                    feed,
                    "refused" if refused_cursor else "expired",
                )
                self._store.restart_feed(feed)
                report.restarted_feeds.append(feed.value)
                restarted = True
                continue
            if reply.status != 200 or reply.value is None:
                raise SyncFailedError(
                    reply.error or f"http_{reply.status}", f"{feed} refused", False
                )
            page = reply.value
            self._store.apply_page(feed, page.ops, page.next_cursor, complete=not page.has_more)
            report.pulled[feed.value] += len(page.ops)
            if not page.has_more:
                return
            if page.next_cursor == (cursor or ""):
                raise SyncFailedError("bad_cursor", f"{feed}: the cursor did not advance", True)

    # --- one request, with its retries ----------------------------------------------------

    def _request(
        self,
        method: str,
        path: str,
        query: dict[str, str] | None,
        body: bytes,
        parse: Callable[[Any], T],
    ) -> Reply[T]:
        """Send until the platform gives a usable answer. Returns 200 (parsed), 410 and 413
        replies and other 4xx; raises `SyncFailedError` when the attempts run out."""
        target = self._prefix + path
        if query:
            target += "?" + urlencode(query, quote_via=quote)
        skew_learned = False
        last = ""
        quiet_for = self._quiet_until - (self._clock() + self._store.clock_offset())
        if quiet_for > 0:
            raise SyncFailedError(
                "rate_limited", f"the platform asked for a pause: {quiet_for:.0f} s left", True
            )
        for attempt in range(self._settings.max_attempts):
            if attempt:
                log.info("retrying %s %s (attempt %d)", method, path, attempt + 1)
            timestamp = int(self._clock() + self._store.clock_offset())
            headers = signed_headers(
                self._settings.terminal_id,
                self._settings.secret,
                method,
                target,
                timestamp,
                body,
            )
            if method == "POST":
                headers["Content-Type"] = "application/json"
            try:
                status, resp_headers, raw = self._send(method, target, headers, body)
            except (requests.RequestException, ResponseTooLargeError, ResponseTooSlowError) as e:
                last = _network_error(e, self._origin, self._settings.read_timeout)
                log.warning("%s %s failed: %s", method, path, last)
                self._pause(attempt)
                continue
            if status == 200:
                try:
                    value = parse(json.loads(raw))
                    self._learn_from_date(resp_headers)  # only from what is clearly the platform
                    return Reply(200, value=value)
                except (ValueError, RecursionError) as e:  # JSON, page and results errors
                    last = f"malformed answer: {_short(e)}"
                    log.error(
                        "%s %s: %s (nothing applied, everything stays queued)", method, path, last
                    )
                    self._pause(attempt)
                    continue
            error, data = _error_of(raw)
            if error:  # an interface error body; not a captive portal's or a proxy's page
                self._learn_from_date(resp_headers)
            last = f"HTTP {status} {error}".strip()
            if status == 401 and error == "clock_skew" and not skew_learned:
                skew_learned = self._learn_from_skew(data, resp_headers)
                if skew_learned:
                    continue
            if status in (429, 503):
                platform_now = self._clock() + self._store.clock_offset()
                wait = _retry_after(resp_headers, platform_now)
                log.warning("%s %s: %s, retry after %s s", method, path, last, wait)
                last_attempt = attempt + 1 >= self._settings.max_attempts
                if wait is not None and (wait > self._settings.max_backoff or last_attempt):
                    # honoured to the second, but not by sleeping through it: the round ends
                    self._quiet_until = platform_now + wait
                    raise SyncFailedError(
                        error or ("rate_limited" if status == 429 else "unavailable"),
                        f"{method} {path}: the platform asked for a pause of {wait:.0f} s",
                        True,
                    )
                self._pause(attempt, wait)
                continue
            if status >= 500:
                log.warning("%s %s: %s", method, path, last)
                self._pause(attempt)
                continue
            if status in (410, 413) or 400 <= status < 500:
                if status not in (410, 413):
                    log.error("%s %s refused: %s", method, path, last)
                return Reply(status, error=error)
            last = f"unexpected HTTP {status}"
            self._pause(attempt)
        raise SyncFailedError(
            "unreachable",
            f"{method} {path}: gave up after {self._settings.max_attempts} attempts ({last})",
            True,
        )

    def _pause(self, attempt: int, retry_after: float | None = None) -> None:
        """Wait before the next attempt (not after the last one: the round gives up then)."""
        if attempt + 1 >= self._settings.max_attempts:
            return
        if retry_after is None:
            self._backoff.wait(attempt)
        else:
            self._backoff.wait_exactly(retry_after)

    def _send(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, Any, bytes]:
        """One HTTP exchange with explicit timeouts and caps on the answer's size and duration."""
        started = monotonic()
        response = self._session.request(
            method,
            self._origin + target,
            data=body or None,
            headers=headers,
            timeout=(self._settings.connect_timeout, self._settings.read_timeout),
            stream=True,
            allow_redirects=False,
        )
        try:
            limit = self._settings.max_response_bytes
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise ResponseTooLargeError(f"answer declares {declared} bytes (limit {limit})")
            deadline = started + self._settings.max_response_seconds
            buffer = bytearray()
            while chunk := _read_some(response):
                buffer += chunk
                if len(buffer) > limit:
                    raise ResponseTooLargeError(f"answer exceeds {limit} bytes")
                if monotonic() > deadline:
                    raise ResponseTooSlowError(
                        f"answer still arriving after {self._settings.max_response_seconds:g} s"
                    )
            return response.status_code, response.headers, bytes(buffer)
        finally:
            response.close()

    # --- the platform's clock ------------------------------------------------------------

    def _learn_from_skew(self, data: dict[str, Any], headers: Any) -> bool:
        server_time: float | None = None
        text = data.get("server_time")
        if isinstance(text, str):
            try:
                server_time = datetime.fromisoformat(text).timestamp()
            except ValueError:
                server_time = None
        if server_time is None:
            server_time = _date_header(headers)
        if server_time is None:
            log.error("clock_skew without a usable server_time or Date header")
            return False
        offset = server_time - self._clock()
        self._store.set_clock_offset(offset)
        log.warning("kiosk clock is %.0f s off the platform's; signing with the correction", offset)
        return True

    def _learn_from_date(self, headers: Any) -> None:
        """Keep the offset right without waiting for a 401 (only when clearly wrong)."""
        server_time = _date_header(headers)
        if server_time is None:
            return
        offset = server_time - self._clock()
        if abs(offset - self._store.clock_offset()) > DATE_HEADER_TOLERANCE:
            self._store.set_clock_offset(offset)
            log.warning("Date header: kiosk clock is %.0f s off the platform's", offset)


def _no_space(error: sqlite3.OperationalError) -> bool:
    """Whether `error` is a full disk or a read-only file system (`_NO_SPACE`)."""
    return getattr(error, "sqlite_errorcode", None) in _NO_SPACE


def _read_some(response: requests.Response) -> bytes:
    """What one read of the socket brings (decoded), b"" at the end. Unlike `iter_content`, which
    waits until a whole chunk has arrived, so that a trickling answer never reaches a check.
    urllib3's errors become the ones `iter_content` raises."""
    try:
        return bytes(response.raw.read1(CHUNK_BYTES, decode_content=True) or b"")
    except urllib3.exceptions.ReadTimeoutError as e:
        raise requests.exceptions.ReadTimeout(e) from e
    except urllib3.exceptions.ProtocolError as e:
        raise requests.exceptions.ChunkedEncodingError(e) from e
    except urllib3.exceptions.DecodeError as e:
        raise requests.exceptions.ContentDecodingError(e) from e
    except urllib3.exceptions.SSLError as e:
        raise requests.exceptions.SSLError(e) from e
    except urllib3.exceptions.HTTPError as e:
        raise requests.exceptions.ConnectionError(e) from e


def _date_header(headers: Any) -> float | None:
    value = headers.get("Date") if headers is not None else None
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None


def _error_of(raw: bytes) -> tuple[str, dict[str, Any]]:
    try:
        data = json.loads(raw)
    except ValueError:
        return "", {}
    if not isinstance(data, dict):
        return "", {}
    error = data.get("error")
    return (error if isinstance(error, str) else ""), data


def _network_error(e: Exception, origin: str, read_timeout: float) -> str:
    """One line a technician can act on, instead of urllib3's nested reprs."""
    text = str(e)
    if isinstance(e, ResponseTooLargeError):
        return f"oversized answer: {text}"
    if isinstance(e, ResponseTooSlowError):
        return f"endless answer: {text}"
    if isinstance(e, requests.ConnectTimeout):
        return f"connecting to {origin} timed out"
    if isinstance(e, requests.ReadTimeout):
        return f"{origin} did not answer within {read_timeout:g} s"
    if isinstance(e, requests.exceptions.ChunkedEncodingError):
        return f"the answer from {origin} broke off"
    if isinstance(e, requests.ConnectionError):
        for needle, meaning in _CONNECTION_FAILURES:
            if needle in text:
                return f"{origin}: {meaning}"
        return f"{origin}: connection failed ({type(e).__name__})"
    return f"{type(e).__name__}: {_short(e)}"


_CONNECTION_FAILURES = (
    ("Connection refused", "connection refused (is the platform running at this address?)"),
    ("NameResolutionError", "host name not found (check [county] url and DNS)"),
    ("Name or service not known", "host name not found (check [county] url and DNS)"),
    ("Connection reset", "connection reset by the other side"),
    ("Connection aborted", "connection aborted mid-answer"),
    ("Network is unreachable", "network unreachable (is the kiosk online?)"),
    ("No route to host", "no route to host (is the kiosk online?)"),
    ("RemoteDisconnected", "the platform closed the connection without answering"),
)


def _short(e: Exception) -> str:
    text = str(e)
    return text if len(text) <= 200 else text[:200] + "..."
