"""HTTP routes of the reference county platform (FastAPI), over a `PlatformStore`."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from county_platform import validation
from county_platform.auth import authenticate, server_time
from county_platform.cursor import BadCursor, Cursor, decode
from county_platform.errors import ApiError, ErrorCode
from county_platform.store import COUNTY_WIDE, CursorExpired, Feed, PlatformStore, Terminal

API = "/api/v1"
DEFAULT_LIMIT = 500
MAX_LIMIT = 1000
MAX_BODY_BYTES = 8 * 1024 * 1024  # far above 500 well-formed transactions
BAD_REQUEST = 400
GONE = 410
TOO_LARGE = 413

Clock = Callable[[], float]


def create_app(store: PlatformStore, clock: Clock = time.time) -> FastAPI:
    """The application; `clock` is the platform's notion of now (Unix seconds)."""
    app = FastAPI(title="County social-security platform (reference)", version="1.0")

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        body = {"error": ErrorCode.BAD_REQUEST.value, "detail": str(exc.detail)}
        return JSONResponse(body, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        body = {"error": ErrorCode.BAD_REQUEST.value, "detail": str(exc.errors())[:500]}
        return JSONResponse(body, status_code=BAD_REQUEST)

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
    async def transactions(request: Request) -> dict[str, Any]:
        terminal, body = await caller(request)
        batch = _batch(body)
        return {"results": _deliver(store, terminal, batch)}

    return app


def _limit(text: str | None) -> int:
    if text is None:
        return DEFAULT_LIMIT
    if not text.isdigit() or not 1 <= int(text) <= MAX_LIMIT:
        raise ApiError(
            BAD_REQUEST, ErrorCode.BAD_REQUEST, f"limit must be an integer from 1 to {MAX_LIMIT}"
        )
    return int(text)


def _batch(body: bytes) -> list[Any]:
    """The `transactions` array of a POST body, or a 400/413 error for the whole request."""
    if len(body) > MAX_BODY_BYTES:
        raise ApiError(
            TOO_LARGE, ErrorCode.BATCH_TOO_LARGE, f"the body exceeds {MAX_BODY_BYTES} bytes"
        )
    try:
        document = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ApiError(BAD_REQUEST, ErrorCode.BAD_REQUEST, f"the body is not JSON: {e}") from None
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
    for index, raw in enumerate(batch):
        if validation.transaction_id(raw) is None:
            raise ApiError(
                BAD_REQUEST,
                ErrorCode.BAD_REQUEST,
                f"transactions[{index}] has no string id (results are reported by id)",
            )
    return batch


def _deliver(store: PlatformStore, terminal: Terminal, batch: list[Any]) -> list[dict[str, str]]:
    """Accept, recognise or reject each transaction; one durable commit for the batch."""
    results: list[dict[str, str]] = []
    with store.transaction_batch() as writes:
        for raw in batch:
            sent_id = validation.transaction_id(raw) or ""
            try:
                tx = validation.validate_transaction(raw)
            except validation.Invalid as e:
                writes.reject(sent_id, terminal.terminal_id, str(e))
                results.append({"id": sent_id, "status": "rejected", "error": str(e)})
                continue
            new = writes.accept(
                tx.id, terminal.terminal_id, tx.kind, tx.person_id, tx.occurred_at, tx.seq,
                tx.payload,
            )  # fmt: skip
            results.append({"id": sent_id, "status": "accepted" if new else "duplicate"})
    return results
