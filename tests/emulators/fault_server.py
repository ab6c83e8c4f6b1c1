"""A fault-injecting county platform on 127.0.0.1, for the sync tests.

Behaves like a minimal correct platform (signature and clock checks, idempotent transactions,
paged feeds with integer cursors) unless a fault is scripted: `server.script("/api/v1/roster",
Fault.HTTP_500, Fault.GARBAGE)` makes the next two requests to that path fail in those ways, then
it behaves again. Persistent behaviours: `max_batch` (413 above it), `always_partial` (report only
half of each batch). Faults that model "the platform did the work but the answer was lost"
(reset, hang, garbage, oversized, partial) store the transactions before misbehaving, so that a
correct kiosk sees `duplicate` when it resends.
"""

from __future__ import annotations

import hmac
import json
import socket
import struct
import threading
import uuid
from collections import Counter, defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

# The reference server's signing code: an independent check of the kiosk's signer.
from county_platform.signing import signature as signature_of

MAX_SKEW_S = 300


class Fault(StrEnum):
    RESET = "reset"  # half an answer, then a TCP reset
    HANG = "hang"  # never answer (past the client's read timeout), then close
    HTTP_500 = "http_500"
    GARBAGE = "garbage"  # 200 with a body that is not JSON
    WRONG_SHAPE = "wrong_shape"  # 200 with JSON of the wrong shape
    OVERSIZED = "oversized"  # 200 declaring a huge Content-Length
    OVERSIZED_STREAM = "oversized_stream"  # 200 without a length, streaming too many bytes
    GONE_410 = "gone_410"  # cursor_expired
    RATE_LIMIT_429 = "rate_limit_429"
    UNAVAILABLE_503 = "unavailable_503"
    PARTIAL = "partial"  # stores the whole batch, reports only its first half
    UNKNOWN_ID = "unknown_id"  # correct answer plus a result for an id nobody sent


@dataclass
class Exchange:
    method: str
    path: str
    status: int
    batch: int = 0  # transactions in the request
    fault: str = ""


@dataclass
class FaultServer:
    terminal_id: str
    secret: bytes
    max_batch: int | None = None
    always_partial: bool = False
    retry_after: int | str = 7  # seconds, or an HTTP-date
    hang_seconds: float = 3.0
    oversized_bytes: int = 256 * 1024
    reject: Callable[[dict[str, Any]], str | None] = lambda tx: None
    feeds: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {"roster": [], "jobs": [], "notices": []}
    )
    # what the platform holds
    accepted: dict[str, dict[str, Any]] = field(default_factory=dict)
    receipts: Counter[str] = field(default_factory=Counter)  # times each id was received
    exchanges: list[Exchange] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._faults: dict[str, deque[Fault]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- control -------------------------------------------------------------------------

    def script(self, path: str, *faults: Fault) -> None:
        with self._lock:
            self._faults[path].extend(faults)

    def pending_faults(self, path: str) -> int:
        with self._lock:
            return len(self._faults[path])

    def statuses(self, path: str) -> list[int]:
        return [e.status for e in self.exchanges if e.path == path]

    @property
    def url(self) -> str:
        assert self._httpd is not None
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def start(self) -> FaultServer:
        server = self

        class Handler(_Handler):
            owner = server

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- behaviour -----------------------------------------------------------------------

    def _next_fault(self, path: str) -> Fault | None:
        with self._lock:
            queue = self._faults[path]
            return queue.popleft() if queue else None

    def _store(self, transactions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        results = []
        with self._lock:
            for tx in transactions:
                tx_id = str(tx.get("id"))
                self.receipts[tx_id] += 1
                if tx_id in self.accepted:
                    results.append({"id": tx_id, "status": "duplicate"})
                    continue
                reason = self.reject(tx)
                if reason:
                    results.append({"id": tx_id, "status": "rejected", "error": reason})
                else:
                    self.accepted[tx_id] = tx
                    results.append({"id": tx_id, "status": "accepted"})
        return results


class _Handler(BaseHTTPRequestHandler):
    owner: FaultServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    # --- plumbing ------------------------------------------------------------------------

    def _handle(self, method: str) -> None:
        owner = self.owner
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = urlsplit(self.path).path
        exchange = Exchange(method, path, 0)
        owner.exchanges.append(exchange)
        if path == "/api/v1/health":
            self._json(exchange, 200, {"status": "ok", "server_time": _now_iso()})
            return
        problem = self._authenticate(method, body)
        if problem is not None:
            self._json(exchange, 401, problem)
            return
        fault = owner._next_fault(path)
        exchange.fault = fault.value if fault else ""
        if fault in (Fault.HTTP_500, Fault.RATE_LIMIT_429, Fault.UNAVAILABLE_503, Fault.GONE_410):
            self._simple_fault(exchange, fault)
            return
        if path == "/api/v1/transactions" and method == "POST":
            self._transactions(exchange, body, fault)
        elif path.removeprefix("/api/v1/") in owner.feeds and method == "GET":
            self._feed(exchange, path.removeprefix("/api/v1/"), fault)
        else:
            self._json(exchange, 404, {"error": "bad_request", "detail": "no such endpoint"})

    def _authenticate(self, method: str, body: bytes) -> dict[str, Any] | None:
        owner = self.owner
        if self.headers.get("X-Terminal-Id") != owner.terminal_id:
            return {"error": "unknown_terminal", "detail": "unknown terminal"}
        ts = self.headers.get("X-Timestamp", "")
        signature = self.headers.get("X-Signature", "")
        expected = signature_of(owner.secret, method, self.path, ts, body)
        if not ts.isdigit() or not hmac.compare_digest(expected, signature):
            return {"error": "bad_signature", "detail": "signature mismatch"}
        if abs(int(ts) - datetime.now(UTC).timestamp()) > MAX_SKEW_S:
            return {"error": "clock_skew", "detail": "clock off", "server_time": _now_iso()}
        return None

    def _simple_fault(self, exchange: Exchange, fault: Fault) -> None:
        if fault is Fault.HTTP_500:
            self._json(exchange, 500, {"error": "unavailable", "detail": "boom"})
        elif fault is Fault.GONE_410:
            self._json(exchange, 410, {"error": "cursor_expired", "detail": "start again"})
        else:
            status = 429 if fault is Fault.RATE_LIMIT_429 else 503
            code = "rate_limited" if status == 429 else "unavailable"
            self._json(
                exchange,
                status,
                {"error": code, "detail": "later"},
                {"Retry-After": str(self.owner.retry_after)},
            )

    def _transactions(self, exchange: Exchange, body: bytes, fault: Fault | None) -> None:
        owner = self.owner
        try:
            transactions = json.loads(body)["transactions"]
            assert isinstance(transactions, list) and transactions
        except (ValueError, KeyError, TypeError, AssertionError):
            self._json(exchange, 400, {"error": "bad_request", "detail": "bad body"})
            return
        exchange.batch = len(transactions)
        too_many = owner.max_batch is not None and len(transactions) > owner.max_batch
        if len(transactions) > 500 or too_many:
            self._json(exchange, 413, {"error": "batch_too_large", "detail": "smaller"})
            return
        results = owner._store(transactions)
        if fault is Fault.PARTIAL or owner.always_partial:
            results = results[: len(results) // 2]
        if fault is Fault.UNKNOWN_ID:
            results.append({"id": str(uuid.uuid4()), "status": "accepted"})
        self._answer_or_misbehave(exchange, {"results": results}, fault)

    def _feed(self, exchange: Exchange, feed: str, fault: Fault | None) -> None:
        query = parse_qs(urlsplit(self.path).query)
        start = int(query.get("cursor", ["0"])[0] or 0)
        limit = min(int(query.get("limit", ["500"])[0]), 1000)
        items = self.owner.feeds[feed]
        page = items[start : start + limit]
        end = start + len(page)
        answer = {"items": page, "next_cursor": str(end), "has_more": end < len(items)}
        self._answer_or_misbehave(exchange, answer, fault)

    def _answer_or_misbehave(
        self, exchange: Exchange, answer: dict[str, Any], fault: Fault | None
    ) -> None:
        if fault is Fault.RESET:
            exchange.status = -1
            self.wfile.write(b'HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n{"results": [')
            self.wfile.flush()
            self._reset()
        elif fault is Fault.HANG:
            exchange.status = -2
            self.owner._stop.wait(self.owner.hang_seconds)
            self.close_connection = True
        elif fault is Fault.GARBAGE:
            self._raw(exchange, 200, b"<html>Gateway says hello</html>{{{")
        elif fault is Fault.WRONG_SHAPE:
            self._raw(exchange, 200, b'{"results": "all good", "items": 3}')
        elif fault is Fault.OVERSIZED:
            padding = b" " * self.owner.oversized_bytes
            self._raw(exchange, 200, padding + json.dumps(answer).encode())
        elif fault is Fault.OVERSIZED_STREAM:
            exchange.status = 200
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b" " * self.owner.oversized_bytes + json.dumps(answer).encode())
            self.close_connection = True
        else:
            self._json(exchange, 200, answer)

    def _reset(self) -> None:
        """Close with SO_LINGER 0: the peer gets a TCP RST instead of an orderly FIN."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def _json(
        self,
        exchange: Exchange,
        status: int,
        data: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> None:
        self._raw(exchange, status, json.dumps(data, ensure_ascii=False).encode(), headers)

    def _raw(
        self,
        exchange: Exchange,
        status: int,
        payload: bytes,
        headers: dict[str, str] | None = None,
    ) -> None:
        exchange.status = status
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(payload)


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def closed_port() -> int:
    """A local port with nothing listening (connections are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
