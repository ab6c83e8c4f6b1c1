"""An ASGI middleware that bounds a request body while it is being read (issue 11, finding 6).

Runs before routing, authentication and JSON parsing: a declared `Content-Length` over the limit is
refused before a byte of the body is read, and a chunked body is read only until it passes the
limit. Either way the answer is 413 `batch_too_large` in the interface's error shape, so at most
`max_bytes` (+ one network read) of a body is ever held per request. What the client keeps sending
after the answer is discarded by the HTTP server as it arrives (uvicorn does not buffer it), so the
connection stays usable and the client reads the 413 instead of a reset.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from county_platform.errors import ErrorCode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOO_LARGE = 413
MAX_LENGTH_DIGITS = 18  # a longer Content-Length is over any limit (and int() of it is waste)


class BodyLimit:
    """Refuse request bodies over `max_bytes`; hands the app the whole (bounded) body at once."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away: nothing to answer
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                chunks.clear()
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        chunks.clear()
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: only http.disconnect can come

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        text = json.dumps({
            "error": ErrorCode.BATCH_TOO_LARGE.value,
            "detail": f"the request body exceeds {self.max_bytes} bytes: send smaller batches",
        }).encode()  # fmt: skip
        await send({
            "type": "http.response.start",
            "status": TOO_LARGE,
            "headers": [(b"content-type", b"application/json"),
                        (b"content-length", str(len(text)).encode())],
        })  # fmt: skip
        await send({"type": "http.response.body", "body": text})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name.lower() == b"content-length":
            text = value.strip()
            if not text.isdigit():  # bytes.isdigit is ASCII-only
                return None  # the HTTP server rejects these; the read loop still bounds the body
            return int(text) if len(text) <= MAX_LENGTH_DIGITS else 10**MAX_LENGTH_DIGITS
    return None
