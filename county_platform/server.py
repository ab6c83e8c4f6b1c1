"""HTTP routes of the reference county platform (FastAPI), over a `PlatformStore`."""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from county_platform import jsontext, validation
from county_platform.auth import authenticate, server_time
from county_platform.body_limit import BodyLimit
from county_platform.cursor import BadCursor, Cursor, decode
from county_platform.errors import ApiError, ErrorCode
from county_platform.store import COUNTY_WIDE, CursorExpired, Feed, PlatformStore, Terminal

API = "/api/v1"
DEFAULT_LIMIT = 500
MAX_LIMIT = 1000
# 500 of the largest transactions a kiosk makes (a maintenance record with a 500-character detail,
# about 3.3 kB even when every character is JSON-escaped) are about 1.7 MB: 4 MiB leaves more than
# twice that, and bounds what a request can make the server hold (docs/county-platform.md).
MAX_BODY_BYTES = 4 * 1024 * 1024
BAD_REQUEST = 400
GONE = 410
TOO_LARGE = 413
INTERNAL = 500
LIMIT = re.compile(r"[0-9]{1,4}")  # ASCII digits: str.isdigit() also takes "²", which int() refuses

log = logging.getLogger(__name__)

Clock = Callable[[], float]


def create_app(store: PlatformStore, clock: Clock = time.time) -> FastAPI:
    """The application; `clock` is the platform's notion of now (Unix seconds)."""
    app = FastAPI(title="County social-security platform (reference)", version="1.0")
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> Response:
        return _json(exc.body(), exc.status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> Response:
        body = {"error": ErrorCode.BAD_REQUEST.value, "detail": str(exc.detail)}
        return _json(body, exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> Response:
        body = {"error": ErrorCode.BAD_REQUEST.value, "detail": str(exc.errors())[:500]}
        return _json(body, BAD_REQUEST)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        """A bug, or the database failing: the interface's 500 instead of a plain-text page (the
        kiosk retries a 5xx later with the same ids). Starlette logs the traceback after this."""
        log.error("%s %s failed: %s", request.method, request.url.path, type(exc).__name__)
        body = {
            "error": ErrorCode.UNAVAILABLE.value,
            "detail": "the platform failed to handle this request; try again later",
        }
        return _json(body, INTERNAL)

    async def caller(request: Request) -> tuple[Terminal, bytes]:
        body = await request.body()
        raw_path = request.scope.get("raw_path") or request.url.path.encode()
        query = request.scope.get("query_string", b"")
        path_with_query = raw_path.decode("latin-1")
        if query:
            path_with_query += "?" + query.decode("latin-1")
        headers = {k.lower(): v for k, v in request.headers.items()}
        terminal = authenticate(
            headers, request.method, path_with_query, body, store.terminal, clock()
        )
        return terminal, body

    @app.get(f"{API}/health")
    async def health() -> dict[str, str]:
        return {"status": "ok", "server_time": server_time(clock())}

    async def feed_page(request: Request, feed: Feed) -> Response:
        terminal, _ = await caller(request)
        limit = _limit(request.query_params.get("limit"))
        position: int | None = None
        cursor_text = request.query_params.get("cursor")
        log_id = store.log_id
        if cursor_text:
            try:
                cursor = decode(cursor_text, feed)
            except BadCursor as e:
                raise ApiError(BAD_REQUEST, ErrorCode.BAD_REQUEST, str(e)) from None
            if cursor.log_id != log_id:
                raise ApiError(
                    GONE, ErrorCode.CURSOR_EXPIRED, "the cursor comes from another platform log"
                )
            position = cursor.position
        townships = [terminal.township_code]
        if feed is not Feed.ROSTER:
            townships.append(COUNTY_WIDE)
        try:
            page = store.read_page(feed, townships, position, limit)
        except CursorExpired as e:
            raise ApiError(GONE, ErrorCode.CURSOR_EXPIRED, str(e)) from None
        items = []
        key = json.dumps(feed.entity_key)
        for change in page.changes:
            if change.op == "upsert" and change.body is not None:
                items.append(f'{{"op":"upsert",{key}:{change.body}}}')
            else:
                items.append(json.dumps({"op": "delete", "id": change.entity_id}))
        next_cursor = Cursor(log_id, feed, page.position).encode()
        text = (
            f'{{"items":[{",".join(items)}],"next_cursor":{json.dumps(next_cursor)},'
            f'"has_more":{"true" if page.has_more else "false"}}}'
        )
        return Response(text.encode(), media_type="application/json")

    @app.get(f"{API}/roster")
    async def roster(request: Request) -> Response:
        return await feed_page(request, Feed.ROSTER)

    @app.get(f"{API}/jobs")
    async def jobs(request: Request) -> Response:
        return await feed_page(request, Feed.JOBS)

    @app.get(f"{API}/notices")
    async def notices(request: Request) -> Response:
        return await feed_page(request, Feed.NOTICES)

    @app.post(f"{API}/transactions")
    async def transactions(request: Request) -> Response:
        terminal, body = await caller(request)
        batch = _batch(body)
        return _json({"results": _deliver(store, terminal, batch)})

    return app


def _json(body: dict[str, Any], status: int = 200) -> Response:
    """A JSON answer that any str can be put in: ensure_ascii escapes even a lone surrogate that a
    rejected transaction's id may carry (UTF-8 could not encode it)."""
    text = json.dumps(body, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    return Response(text.encode("ascii"), status_code=status, media_type="application/json")


def _limit(text: str | None) -> int:
    if text is None:
        return DEFAULT_LIMIT
    if not LIMIT.fullmatch(text) or not 1 <= int(text) <= MAX_LIMIT:
        raise ApiError(
            BAD_REQUEST, ErrorCode.BAD_REQUEST, f"limit must be an integer from 1 to {MAX_LIMIT}"
        )
    return int(text)


def _batch(body: bytes) -> list[Any]:
    """The `transactions` array of a POST body, or a 400/413 error for the whole request.

    Only a body that is not `{"transactions": [1..500 items]}` fails as a whole; what is wrong
    inside one item is that item's rejection (`_deliver`). The body's size was bounded while it
    was read (`BodyLimit`).
    """
    try:
        document = jsontext.parse(body)
    except jsontext.NotJson as e:
        raise ApiError(BAD_REQUEST, ErrorCode.BAD_REQUEST, str(e)) from None
    batch = document.get("transactions") if isinstance(document, dict) else None
    if not isinstance(batch, list):
        raise ApiError(
            BAD_REQUEST, ErrorCode.BAD_REQUEST, 'the body must be {"transactions": [...]}'
        )
    if not batch:
        raise ApiError(BAD_REQUEST, ErrorCode.BAD_REQUEST, "transactions must not be empty")
    if len(batch) > validation.MAX_BATCH:
        raise ApiError(
            TOO_LARGE,
            ErrorCode.BATCH_TOO_LARGE,
            f"{len(batch)} transactions: at most {validation.MAX_BATCH} per request",
        )
    return batch


def _deliver(store: PlatformStore, terminal: Terminal, batch: list[Any]) -> list[dict[str, str]]:
    """Accept, recognise or reject each transaction on its own; one durable commit for the batch.

    A transaction is identified by (terminal, id): another terminal's use of the same id is a
    different transaction, never this one's duplicate. One without a string id is rejected with
    `id` "" and its position in the error (there is nothing else to report it by).
    """
    results: list[dict[str, str]] = []
    with store.transaction_batch() as writes:
        for index, raw in enumerate(batch):
            sent_id = validation.transaction_id(raw)
            try:
                tx = validation.validate_transaction(raw)
                if tx.person_id is not None and tx.kind in validation.ROSTER_KINDS:
                    validation.check_resident(
                        writes.resident_township(tx.person_id), terminal.township_code
                    )
            except validation.Invalid as e:
                error = str(e) if sent_id is not None else f"transactions[{index}]: {e}"
                writes.reject(sent_id or "", terminal.terminal_id, error)
                results.append({"id": sent_id or "", "status": "rejected", "error": error})
                continue
            new = writes.accept(
                tx.id, terminal.terminal_id, tx.kind, tx.person_id, tx.occurred_at, tx.seq,
                tx.payload,
            )  # fmt: skip
            results.append({"id": sent_id or tx.id, "status": "accepted" if new else "duplicate"})
    return results
