"""The three feeds the platform publishes (roster, jobs, notices) and the parsing of one page.

Roster upserts carry a `ResidentRow` (validated and already in column form: the bulk path), job
and notice upserts their model object. `Store.apply_page` also takes `Upsert(Resident)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import quote

from offline_cache.codec import (
    MalformedItemError,
    ResidentRow,
    job_from_wire,
    notice_from_wire,
    resident_row_from_wire,
    storable_text,
)
from offline_cache.models import Job, Notice, Resident


class Feed(StrEnum):
    ROSTER = "roster"
    JOBS = "jobs"
    NOTICES = "notices"

    @property
    def entity_key(self) -> str:
        """The key of an upsert item's entity (`{"op": "upsert", "resident": {...}}`)."""
        return _ENTITY_KEYS[self]


_ENTITY_KEYS = {Feed.ROSTER: "resident", Feed.JOBS: "job", Feed.NOTICES: "notice"}

Entity = ResidentRow | Resident | Job | Notice
_PARSERS: dict[Feed, Callable[[dict[str, Any]], Entity]] = {
    Feed.ROSTER: resident_row_from_wire,
    Feed.JOBS: job_from_wire,
    Feed.NOTICES: notice_from_wire,
}


class MalformedPageError(ValueError):
    """A feed answer that does not match the interface; nothing of it is applied. The only
    exception `parse_page` raises, whatever the body; a page it returns can be applied."""


@dataclass(frozen=True)
class Upsert:
    entity: Entity


@dataclass(frozen=True)
class Delete:
    id: str


FeedOp = Upsert | Delete


@dataclass(frozen=True)
class Page:
    ops: list[FeedOp]
    next_cursor: str
    has_more: bool


MAX_CURSOR_IN_URL = 2048  # characters of the URL-encoded cursor; an opaque cursor is short


def parse_page(feed: Feed, body: Any) -> Page:
    """Validate a whole page before anything is applied (all or nothing)."""
    if not isinstance(body, dict):
        raise MalformedPageError(f"{feed}: the answer is not a JSON object")
    items, next_cursor, has_more = body.get("items"), body.get("next_cursor"), body.get("has_more")
    if not isinstance(items, list):
        raise MalformedPageError(f"{feed}: 'items' is missing or not a list")
    if not isinstance(next_cursor, str) or not isinstance(has_more, bool):
        raise MalformedPageError(f"{feed}: 'next_cursor' or 'has_more' is missing or wrong")
    if not storable_text(next_cursor):
        raise MalformedPageError(f"{feed}: 'next_cursor' is not valid Unicode text")
    if len(quote(next_cursor, safe="")) > MAX_CURSOR_IN_URL:
        # stored, it would be sent back in every later request's URL and refused there (414):
        # the feed would be stuck for good
        raise MalformedPageError(f"{feed}: 'next_cursor' is too long to send back in a URL")
    ops: list[FeedOp] = []
    for index, item in enumerate(items):
        try:
            if not isinstance(item, dict):
                raise MalformedItemError("item is not an object")
            op = item.get("op")
            if op == "delete":
                if not isinstance(item.get("id"), str) or not storable_text(item["id"]):
                    raise MalformedItemError("delete without a usable id")
                ops.append(Delete(item["id"]))
            elif op == "upsert":
                ops.append(Upsert(_PARSERS[feed](item.get(feed.entity_key))))  # type: ignore[arg-type]
            else:
                raise MalformedItemError(f"unknown op {op!r}")
        except MalformedItemError as e:
            raise MalformedPageError(f"{feed}: item {index}: {e}") from e
    return Page(ops, next_cursor, has_more)
